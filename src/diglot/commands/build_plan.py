"""The incremental build's plan: content fingerprints, the manifest that remembers them,
and which outputs are stale.

An output is rebuilt only when the fingerprint of everything it is made from changed: its
article's source and PO files, the configuration keys its format reads, the edition
title and date, and diglot's own code and templates for that format (so a new diglot
version or an edited template invalidates exactly the outputs it shapes). An edition-wide
file (``index.html``, ``edition.docx``) is stale when any of its articles' fingerprints is.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from diglot import __version__, crossref
from diglot.builders import EXTENSIONS, INDEX_NAMES, REGISTRY, BuildContext
from diglot.config import Config
from diglot.fsio import Write
from diglot.media import IMAGE_SUFFIXES
from diglot.paths import Area
from diglot.project import Project
from diglot.safety import MAX_PO_BYTES

PACKAGE = Path(__file__).resolve().parent.parent  # the diglot package: its code and templates
NAME = ".diglot-manifest.json"


@lru_cache(maxsize=None)
def code_fingerprint(fmt: str) -> str:
    """diglot's version and the bytes of every package file that shapes ``fmt``'s outputs."""
    digest = hashlib.sha256(__version__.encode())
    # Package files only other formats own do not shape this one; every other file does.
    mine = REGISTRY[fmt].own_files
    others = tuple(p for f in REGISTRY.values() if f.name != fmt for p in f.own_files)
    for path in sorted(PACKAGE.rglob("*")):
        rel = path.relative_to(PACKAGE).as_posix()
        if path.is_file() and "__pycache__" not in rel and (
                rel.startswith(mine) or not rel.startswith(others)):
            digest.update(rel.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def format_fingerprint(fmt: str, config: Config, title: str, day: str) -> str:
    """What every output of ``fmt`` depends on besides its article's own files."""
    settings = {k: v for k, v in asdict(config).items() if k in REGISTRY[fmt].config_keys}
    text = json.dumps([code_fingerprint(fmt), settings, title, day, _engines(fmt)],
                      sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _engines(fmt: str) -> list[str]:
    """The installed versions of the libraries that lay out ``fmt`` (``Format.engines``),
    read without importing them."""
    if not REGISTRY[fmt].engines:
        return []  # importlib.metadata alone takes 0.02 s to import
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in REGISTRY[fmt].engines:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} -")
    return found


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return "?"  # a named pipe would block the open: reading it reports the problem
        with open(path, "rb") as handle:  # in chunks: a huge file is hashed, never held
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
                if handle.tell() > MAX_PO_BYTES:  # past every reader's bound, which refuses it
                    return "?"  # (a link to /proc/self/pagemap has no end)
        return digest.hexdigest()
    except FileNotFoundError:
        return "-"
    except OSError:
        return "?"  # unreadable: the article is rebuilt, and reading it reports the problem


def combine(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


# What an output of diglot is called, relative to the output folder:
# "<format>/[<language>/][<folders>/]<name><extension>", in the alphabet of the one slug
# rule (names.py: no "..", no hidden file, no absolute path); an image the HTML edition
# copies is "<format>/[<language>/]assets/<name>.<image extension>". The manifest is data
# from the repository: an entry of any other shape is dropped, never acted on.
_NAME = r"[A-Za-z0-9_-][A-Za-z0-9._-]*"
_OUTPUT = re.compile(rf"([a-z]+)/(?:{_NAME}/)*{_NAME}")
# Every suffix the build copies (a .bmp left out dropped its page's list, and a picture the
# page still showed was deleted with another page's: a code review).
_SUFFIXES = "|".join(re.escape(suffix[1:]) for suffix in IMAGE_SUFFIXES)
_ASSET = re.compile(rf"[a-z]+/(?:[A-Za-z0-9_-]+/)?assets/{_NAME}\.(?:{_SUFFIXES})", re.IGNORECASE)
_MAX_SIZE = 64 * 1024 * 1024


def is_output_name(rel: object) -> bool:
    """Whether ``rel`` names one of diglot's own outputs (see ``_OUTPUT``)."""
    match = _OUTPUT.fullmatch(rel) if isinstance(rel, str) else None
    return bool(match) and rel.endswith(EXTENSIONS.get(match.group(1), "\0"))


def is_asset_name(rel: object) -> bool:
    """Whether ``rel`` names an image diglot copied beside its pages (see ``_ASSET``)."""
    return isinstance(rel, str) and bool(_ASSET.fullmatch(rel))


class Manifest:
    """output path (relative to the output folder) → fingerprint of the inputs it was built
    from; for outputs that use more files than their article's source and PO (images),
    those files (``inputs``, project-relative), and the files written beside them
    (``files``: the images an HTML page shows, relative to the output folder). Every
    name is validated as data (a clone's manifest is untrusted): one of any other shape is
    dropped, never acted on."""

    def __init__(self, path: Path, entries: dict[str, str] | None = None,
                 inputs: dict[str, list[str]] | None = None,
                 files: dict[str, list[str]] | None = None):
        self.path = path
        self.entries = dict(entries or {})
        self.inputs = dict(inputs or {})
        self.files = dict(files or {})

    @classmethod
    def load(cls, output_dir: Path) -> "Manifest":
        path = output_dir / NAME
        try:
            if path.is_symlink() or path.stat().st_size > _MAX_SIZE:
                raise ValueError("not a manifest diglot wrote")
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != 1:
                return cls(path)
            files = _valid(data.get("files"), is_output_name, list, is_asset_name)
            return cls(path, _with_files(_valid(data["outputs"], is_output_name, str),
                                         data.get("files"), files),
                       _valid(data.get("inputs"), _relative_files, list), files)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return cls(path)  # missing or damaged: everything is simply rebuilt

    def fresh(self, output: str, key: str, target: Path) -> bool:
        beside = (self.path.parent / f for f in self.files.get(output, ()))
        return self.entries.get(output) == key and target.exists() and all(
            f.exists() for f in beside)

    def write(self, area: Area, shown: str) -> Write:
        """The manifest's file, to write with the outputs it describes."""
        data = {"version": 1, "outputs": dict(sorted(self.entries.items()))}
        for name in ("inputs", "files"):
            found = {k: v for k, v in sorted(getattr(self, name).items()) if v}
            if found:
                data[name] = found
        return Write(self.path, json.dumps(data, indent=0).encode("utf-8"), shown, area)


def _valid(value, key_ok, kind: type, item_ok=None) -> dict:
    """The entries of a manifest table whose key (and, for lists, every item) has the
    expected shape; the others dropped."""
    if not isinstance(value, dict):
        return {}
    item_ok = item_ok or key_ok
    return {k: v for k, v in value.items() if key_ok(k) and isinstance(v, kind)
            and (kind is str or all(isinstance(i, str) and item_ok(i) for i in v))}


def _with_files(entries: dict, written: object, kept: dict) -> dict:
    """The outputs, less those whose list of files beside them was dropped: such a page is
    rebuilt, not trusted to show nothing."""
    dropped = set(written) - set(kept) if isinstance(written, dict) else set()
    return {k: v for k, v in entries.items() if k not in dropped}


def _relative_files(rel: object) -> bool:
    """A project-relative file an output was made from: no absolute path, no '..'."""
    return (isinstance(rel, str) and bool(rel) and not rel.startswith(("/", "\\"))
            and ".." not in rel.replace("\\", "/").split("/"))


# -- the plan ---------------------------------------------------------------------------

@dataclass
class Plan:
    """Which outputs are stale, with the fingerprint each will be recorded under."""

    manifest: Manifest
    targets: dict[tuple[str, str, str], tuple[Path, str]] = field(default_factory=dict)
    stale: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # slug → outputs
    index: dict[tuple[str, str], tuple[Path, str]] = field(default_factory=dict)
    stale_index: list[tuple[str, str]] = field(default_factory=list)
    # A target's fingerprint before its images (``targets`` has it with the images it was
    # last built from), and each format's own, which an index combines with its articles'.
    bases: dict[tuple[str, str, str], str] = field(default_factory=dict)
    formats: dict[str, str] = field(default_factory=dict)

    def rel(self, path: Path) -> str:
        """An output's name as the manifest knows it (relative to the output folder)."""
        return path.relative_to(self.manifest.path.parent).as_posix()

    def render(self, slug: str, fmt: str, lang: str) -> None:
        """Have an output rendered though it is fresh (its part of an edition is missing)."""
        outputs = self.stale.setdefault(slug, [])
        if (fmt, lang) not in outputs:
            outputs.append((fmt, lang))


def output_folder(project: Project, fmt: str, lang: str) -> Path:
    folder = project.output_dir / fmt
    return folder if len(project.languages) == 1 else folder / lang


def plan(project: Project, ctx: BuildContext, formats, slugs: list[str], languages,
         whole: bool, manifest: Manifest, force: bool) -> Plan:
    """Every output of ``slugs`` in ``formats`` × ``languages`` (and, for a ``whole`` build,
    each edition-wide file), and which of them are stale."""
    found = Plan(manifest)
    # The day matters only to editions that show it: else a rebuild tomorrow is a no-op.
    day = ctx.built.date().isoformat() if project.config.build_date else ""
    for fmt in formats:
        base = found.formats[fmt] = format_fingerprint(fmt, project.config, ctx.title, day)
        for lang in languages:
            keys = [_target(project, found, base, fmt, lang, slug) for slug in slugs]
            if whole and slugs:
                path = output_folder(project, fmt, lang) / INDEX_NAMES[fmt]
                found.index[(fmt, lang)] = (path, combine(base, *keys))
    _mark_stale(found, force)
    return found


def _target(project: Project, found: Plan, base: str, fmt: str, lang: str, slug: str) -> str:
    name = project.output_name(slug)
    path = output_folder(project, fmt, lang) / f"{name}{EXTENSIONS[fmt]}"
    own = combine(base, fmt, lang, _digest(project, slug, lang), name)
    key = with_inputs(project, own, found.manifest.inputs.get(found.rel(path), ()))
    found.targets[(fmt, lang, slug)], found.bases[(fmt, lang, slug)] = (path, key), own
    return key


def _digest(project: Project, slug: str, lang: str) -> str:
    return combine(file_digest(project.source_path(slug)), file_digest(project.po_path(lang, slug)))


def with_inputs(project: Project, key: str, inputs) -> str:
    """A fingerprint with the other files an output is made from (its images). Planning
    uses the list the last build found: if the article's own files did not change, neither
    did the list."""
    return combine(key, *map(lambda rel: input_digest(project, rel), inputs)) if inputs else key


def input_digest(project: Project, rel: str) -> str:
    """One input's fingerprint: an image file's bytes, or whether a linked article exists
    (``crossref.INPUT``)."""
    if rel.startswith(crossref.INPUT):
        return crossref.digest(rel, project.articles)
    return file_digest(project.root / rel)


def _mark_stale(found: Plan, force: bool) -> None:
    manifest = found.manifest
    for (fmt, lang, slug), (path, key) in found.targets.items():
        if force or not manifest.fresh(found.rel(path), key, path):
            found.stale.setdefault(slug, []).append((fmt, lang))
    for (fmt, lang), (path, key) in found.index.items():
        if force or not manifest.fresh(found.rel(path), key, path):
            found.stale_index.append((fmt, lang))
