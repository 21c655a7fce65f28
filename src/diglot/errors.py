"""Typed errors raised by library code; each carries the file and line it is about.

Library code never prints or exits: it raises one of these, and the CLI turns it into
``Error: <path>[:<line>]: <message>`` and a non-zero exit code.
"""

from __future__ import annotations

from pathlib import Path


class DiglotError(Exception):
    """Base error: ``str()`` is ``path:line: message`` (parts omitted when unknown)."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __reduce__(self):
        # Keeps path and line when an error crosses a process boundary (parallel builds).
        return (_rebuild, (self.__class__, self.message, self.path, self.line, self.__dict__))

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class SourceError(DiglotError):
    """A French Markdown source cannot be read or segmented."""


class CatalogError(DiglotError):
    """A PO or POT file is malformed or inconsistent."""


class ConfigError(DiglotError):
    """The project configuration is invalid; ``line_key`` names the offending key."""

    line_key: str | None = None


class BuildError(DiglotError):
    """An edition cannot be built or written."""


class DocumentError(DiglotError):
    """A Word document (a review document, an English text to align) cannot be read."""


class FindingsError(DiglotError):
    """A check ran and found problems (``build --strict``): one line per problem, exit 1."""

    def __init__(self, problems: list[str], message: str = ""):
        super().__init__(message or "; ".join(problems))
        self.problems = problems


class LockError(DiglotError):
    """Another diglot run holds the project lock."""


class PackageError(DiglotError):
    """A DOCX package from outside is damaged, too large for its size caps, or not XML
    diglot reads (a DTD, an entity)."""


class PathError(DiglotError):
    """A path diglot would write, delete or read leads outside the project (often through a
    symbolic link), or is not a file diglot may touch."""


def _rebuild(cls, message, path, line, state):
    error = cls.__new__(cls)
    DiglotError.__init__(error, message, path, line)
    error.__dict__.update(state)
    return error
