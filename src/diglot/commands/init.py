"""``diglot init [DIR]``: scaffold a new edition, never writing over anything.

An edition is a folder holding ``diglot.toml`` (every setting, commented, at its default),
``source_fr/`` with a short example article, an empty ``translations/`` and a
``.gitignore`` for what diglot writes. Every target is checked before the first write, so a
refusal leaves the folder as it was. A repository's own ``.gitignore`` is kept as it is:
init says which of its lines to add; so are an author's own ``source_fr/`` (then no example
article) and ``translations/`` folders. A folder with a ``diglot.toml`` is refused.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from diglot.config import Config
from diglot.errors import BuildError

EXAMPLE = "bienvenue"
_IGNORE = ".gitignore"  # a repository's own is kept as it is
# (path in the edition, scaffold file in the package; None: an empty folder)
_FILES = (
    ("diglot.toml", "diglot.toml"),
    (_IGNORE, "gitignore"),
    (f"{Config.source}/{EXAMPLE}.md", f"{EXAMPLE}.md"),
    (Config.translations, None),
)


@dataclass(frozen=True)
class Scaffold:
    root: Path
    created: tuple[str, ...]
    example: str  # the example article's slug
    to_ignore: tuple[str, ...] = ()  # lines an existing .gitignore lacks (it is kept as it is)


def init(target: Path) -> Scaffold:
    """Create the edition's files in ``target`` (created if needed)."""
    target = target.absolute()
    if target.exists() and not target.is_dir():
        raise BuildError("a file of that name exists; name a new or existing folder", target)
    if os.path.lexists(target / "diglot.toml"):
        raise BuildError("diglot.toml already exists here; diglot init writes nothing over what "
                         "exists (use an empty or a new folder)", target)
    kept = {rel for rel in (_IGNORE, Config.source, Config.translations)
            if os.path.lexists(target / rel)}
    for rel in sorted(kept - {_IGNORE}):  # an author's own articles or PO files stay as they are
        if (target / rel).is_symlink() or not (target / rel).is_dir():
            raise BuildError(f"{rel} already exists here and is no folder; diglot init writes "
                             "nothing over what exists (use an empty or a new folder)", target)
    files = [(rel, name) for rel, name in _FILES if rel.split("/")[0] not in kept]
    made: list[Path] = []
    try:
        for rel, name in files:
            _create(target / rel, name, made)
    except BaseException:
        _remove(made)  # a failed init leaves the folder as it was
        raise
    return Scaffold(target, tuple(rel + ("/" if name is None else "") for rel, name in files),
                    EXAMPLE if Config.source not in kept else "",
                    _missing_lines(target / _IGNORE) if _IGNORE in kept else ())


def _missing_lines(path: Path) -> tuple[str, ...]:
    """The lines of diglot's .gitignore that the repository's own lacks."""
    try:
        present = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
    except (OSError, UnicodeDecodeError):
        present = set()
    wanted = [line for line in _scaffold("gitignore").splitlines()
              if line and not line.startswith("#")]
    return tuple(line for line in wanted if line not in present)


def _create(path: Path, name: str | None, made: list[Path]) -> None:
    try:
        for folder in reversed([path, *path.parents] if name is None else path.parents):
            if not folder.exists():
                folder.mkdir()
                made.append(folder)
        if name is not None:
            with path.open("x", encoding="utf-8") as handle:  # "x": never over a file
                made.append(path)
                handle.write(_scaffold(name))
    except OSError as exc:
        raise BuildError(f"cannot create it: {exc.strerror}", path) from exc


def _remove(made: list[Path]) -> None:
    for path in reversed(made):
        try:
            path.rmdir() if path.is_dir() else path.unlink()
        except OSError:
            pass


def _scaffold(name: str) -> str:
    return resources.files("diglot").joinpath("scaffold", name).read_text("utf-8")
