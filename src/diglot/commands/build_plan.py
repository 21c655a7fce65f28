"""Content fingerprints for incremental builds, and the manifest that remembers them.

An output is rebuilt only when the fingerprint of everything it is made from changed: its
article's source and PO files, the configuration keys its format reads, the edition
title and date, and diglot's own code and templates for that format (so a new diglot
version or an edited template invalidates exactly the outputs it shapes).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from diglot import __version__
from diglot.config import Config
from diglot.fsio import write_atomic

PACKAGE = Path(__file__).resolve().parent.parent  # the diglot package: its code and templates
NAME = ".diglot-manifest.json"
# Files only one format depends on; every other package file shapes both.
_OWN_FILES = {"html": ("builders/html.py", "templates/", "web.py"),
              "docx": ("builders/docx/", "ooxml/"),
              "pdf": ("builders/pdf/",)}
# Configuration keys each format reads (the rest never changes its bytes).
_CONFIG_KEYS = {
    "html": ("source_language", "languages", "title", "fallback", "proofing", "build_date",
             "french_spacing"),
    "docx": ("source_language", "languages", "title", "fallback", "page_size", "docx_borders",
             "proofing", "build_date", "french_spacing"),
    "pdf": ("source_language", "languages", "title", "fallback", "page_size", "pdf_layout",
            "proofing", "build_date", "french_spacing"),
}


@lru_cache(maxsize=4)
def code_fingerprint(fmt: str) -> str:
    """diglot's version and the bytes of every package file that shapes ``fmt``'s outputs."""
    digest = hashlib.sha256(__version__.encode())
    others = [p for f, prefixes in _OWN_FILES.items() if f != fmt for p in prefixes]
    for path in sorted(PACKAGE.rglob("*")):
        rel = path.relative_to(PACKAGE).as_posix()
        if path.is_file() and "__pycache__" not in rel and not rel.startswith(tuple(others)):
            digest.update(rel.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def format_fingerprint(fmt: str, config: Config, title: str, day: str) -> str:
    """What every output of ``fmt`` depends on besides its article's own files."""
    settings = {k: v for k, v in asdict(config).items() if k in _CONFIG_KEYS[fmt]}
    text = json.dumps([code_fingerprint(fmt), settings, title, day, _engines(fmt)],
                      sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


# Libraries whose version changes a format's bytes beyond diglot's own code (the PDF's
# layout engine); read from the installed metadata, without importing them.
_ENGINES = {"pdf": ("weasyprint", "pydyf", "pyphen")}


def _engines(fmt: str) -> list[str]:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in _ENGINES.get(fmt, ()):
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} -")
    return found


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return "-"
    except OSError:
        return "?"  # unreadable: the article is rebuilt, and reading it reports the problem


def combine(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class Manifest:
    """output path (project-relative) → fingerprint of the inputs it was built from."""

    def __init__(self, path: Path, entries: dict[str, str] | None = None):
        self.path = path
        self.entries = dict(entries or {})

    @classmethod
    def load(cls, output_dir: Path) -> "Manifest":
        path = output_dir / NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["outputs"] if data.get("version") == 1 else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            entries = {}  # missing or damaged: everything is simply rebuilt
        return cls(path, entries)

    def fresh(self, output: str, key: str, target: Path) -> bool:
        return self.entries.get(output) == key and target.exists()

    def save(self) -> None:
        data = json.dumps({"version": 1, "outputs": dict(sorted(self.entries.items()))}, indent=0)
        write_atomic(self.path, data.encode("utf-8"))
