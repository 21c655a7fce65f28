"""Content fingerprints for incremental builds, and the manifest that remembers them.

An output is rebuilt only when the fingerprint of everything it is made from changed: its
article's source and PO files, the configuration keys its format reads, the edition
title and date, and diglot's own code and templates for that format (so a new diglot
version or an edited template invalidates exactly the outputs it shapes).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from diglot import __version__
from diglot.builders import EXTENSIONS
from diglot.config import Config
from diglot.fsio import Write
from diglot.paths import Area

PACKAGE = Path(__file__).resolve().parent
NAME = ".diglot-manifest.json"
# Files only one format depends on; every other package file shapes both.
_OWN_FILES = {"html": ("builders/html.py", "templates/", "web.py"),
              "docx": ("builders/docx/", "ooxml/")}
# Configuration keys each format reads (the rest never changes its bytes).
_CONFIG_KEYS = {
    "html": ("source_language", "languages", "title", "fallback"),
    "docx": ("source_language", "languages", "title", "fallback", "page_size", "docx_borders",
             "proofing"),
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
    text = json.dumps([code_fingerprint(fmt), settings, title, day], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:  # in chunks: a huge file is hashed, never held
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        return digest.hexdigest()
    except FileNotFoundError:
        return "-"
    except OSError:
        return "?"  # unreadable: the article is rebuilt, and reading it reports the problem


def combine(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


# What an output of diglot is called, relative to the output folder:
# "<format>/[<language>/]<name><extension>", in the alphabet of project.safe_name (so no
# "..", no hidden file, no absolute path). The manifest is data from the repository: an
# entry of any other shape is dropped, never acted on.
_OUTPUT = re.compile(r"([a-z]+)/(?:[A-Za-z0-9_-]+/)?[A-Za-z0-9_-][A-Za-z0-9._-]*")
_MAX_SIZE = 64 * 1024 * 1024


def is_output_name(rel: object) -> bool:
    """Whether ``rel`` names one of diglot's own outputs (see ``_OUTPUT``)."""
    match = _OUTPUT.fullmatch(rel) if isinstance(rel, str) else None
    return bool(match) and rel.endswith(EXTENSIONS.get(match.group(1), "\0"))


class Manifest:
    """output path (relative to the output folder) → fingerprint of the inputs it was built
    from."""

    def __init__(self, path: Path, entries: dict[str, str] | None = None):
        self.path = path
        self.entries = dict(entries or {})

    @classmethod
    def load(cls, output_dir: Path) -> "Manifest":
        path = output_dir / NAME
        try:
            if path.is_symlink() or path.stat().st_size > _MAX_SIZE:
                raise ValueError("not a manifest diglot wrote")
            data = json.loads(path.read_text(encoding="utf-8"))
            outputs = data["outputs"] if data.get("version") == 1 else {}
            entries = {rel: key for rel, key in outputs.items()
                       if is_output_name(rel) and isinstance(key, str)}
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            entries = {}  # missing or damaged: everything is simply rebuilt
        return cls(path, entries)

    def fresh(self, output: str, key: str, target: Path) -> bool:
        return self.entries.get(output) == key and target.exists()

    def write(self, area: Area, shown: str) -> Write:
        """The manifest's file, to write with the outputs it describes."""
        data = json.dumps({"version": 1, "outputs": dict(sorted(self.entries.items()))}, indent=0)
        return Write(self.path, data.encode("utf-8"), shown, area)
