"""Builders turn translated articles (``Bilingual``) into output files; one module per format,
and this registry, the one place that says what a format is.

Each ``Format`` entry holds the facts the rest of diglot needs without importing the (heavy)
builder: its ``--format`` name and ``build/<name>/`` folder, its file extension and its
edition-wide file, the settings and package files that shape its bytes (the incremental
build's fingerprints), whether its outputs are zip packages (compared part by part and
stamped with the build time), whether a plain ``diglot build`` makes it, an optional library
it needs, and how its edition-wide file is made: from each article's *part* (``parts``: a
piece the builder renders with the article, which the build keeps, so an edition never
renders an article twice) or from every article read again (``articles``: a format that
must lay out the whole book at once). The builder module ``diglot.builders.<name>`` provides ``BUILDER``. A
builder never reads PO or Markdown files: everything it needs arrives in the Bilingual and
the BuildContext; it returns bytes and never writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import import_module
from typing import Mapping, NamedTuple, Protocol

from diglot import locales
from diglot.config import Config
from diglot.model import Bilingual

# Settings every format's bytes depend on (the rest never changes an edition's bytes).
COMMON_KEYS = ("source_language", "languages", "title", "titles", "author", "fallback",
               "proofing", "build_date", "french_spacing")


@dataclass(frozen=True)
class Format:
    """What diglot knows of a format without importing its builder (see the module's doc)."""

    name: str
    extension: str
    index_name: str
    config_keys: tuple[str, ...] = COMMON_KEYS
    # Package paths (prefixes) that shape this format and no format that does not list them
    # too (a module two formats share is listed by both; a longer prefix inside another
    # format's folder, like ``templates/epub/``, is this format's).
    own_files: tuple[str, ...] = ()
    archive: bool = False
    default: bool = True
    needs: str = ""  # an importable module the format cannot be built without
    # Libraries whose version changes the format's bytes beyond diglot's own code (a layout
    # engine): part of its outputs' fingerprint, read from the installed metadata.
    engines: tuple[str, ...] = ()
    edition: str = "parts"  # "parts" or "articles" (see the module's doc)
    # The kinds of picture it embeds (pixels.kind); another shows its alt text and the build
    # says so. Empty: every kind an article may show.
    pictures: tuple[str, ...] = ()
    # Whether each article's document holds its pictures (not files beside it, shared):
    # counted against safety.MAX_EMBEDDED_IMAGES.
    embeds: bool = True
    # Whether it decodes every picture to lay its pages out (counted against a build's
    # pixels: see commands.build_jobs).
    decodes: bool = False


REGISTRY: dict[str, Format] = {f.name: f for f in (
    Format("html", ".html", "index.html",
           own_files=("builders/html", "builders/preview.py", "templates/", "web.py"),
           embeds=False),
    Format("docx", ".docx", "edition.docx", COMMON_KEYS + ("page_size", "docx_borders"),
           own_files=("builders/docx/", "ooxml/", "builders/wording.py"), archive=True,
           pictures=("png", "jpeg", "gif", "bmp", "tiff")),
    # EPUB shares the HTML edition's row and inline view data and its labels.
    Format("epub", ".epub", "edition.epub", COMMON_KEYS + ("chapter_break",),
           own_files=("builders/epub/", "templates/epub/", "templates/labels.json",
                      "builders/html_rows.py", "builders/html_inline.py",
                      "builders/html_parts.py"), archive=True, default=False,
           pictures=("png", "jpeg", "gif", "svg")),
    # The PDF book lays out every article at once (its pages are measured and paginated
    # together), so its edition reads the articles again rather than parts.
    Format("pdf", ".pdf", "edition.pdf",
           COMMON_KEYS + ("page_size", "pdf_layout", "chapter_break"),
           own_files=("builders/pdf/", "builders/wording.py"), default=False, needs="weasyprint",
           engines=("weasyprint", "pydyf", "pyphen"), edition="articles", decodes=True),
)}
FORMATS = tuple(name for name, fmt in REGISTRY.items() if fmt.default)  # a plain build's
EXTENSIONS = {name: fmt.extension for name, fmt in REGISTRY.items()}
INDEX_NAMES = {name: fmt.index_name for name, fmt in REGISTRY.items()}


@dataclass(frozen=True)
class PreviewNotes:
    """What ``diglot serve`` adds to a page, and only there (see builders/preview.py)."""

    generation: str  # the page's version: its reload script compares it with the server's
    findings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # msgid → QA lines
    fuzzy: Mapping[str, str] = field(default_factory=dict)  # msgid → draft awaiting review
    errors: tuple[str, ...] = ()  # files of the project that cannot be read (index page)


@dataclass(frozen=True)
class BuildContext:
    """Edition-wide facts a builder may use."""

    title: str  # the edition's title (config 'title', else the project folder name)
    config: Config
    built: dt.datetime  # build time: SOURCE_DATE_EPOCH when set, else now (UTC)
    names: dict[str, str] = field(default_factory=dict)  # slug → safe output file stem
    preview: PreviewNotes | None = None  # diglot serve's preview mode; None when publishing
    helpers: int = 0  # idle cores a builder may use for one big article (build_jobs.run)
    rows: object = None  # an HTML page's kept chunks of rows (builders/html_split.Chunks)

    def title_in(self, lang: str) -> str:
        """The edition's title in a target language (setting ``titles``), or ""."""
        titles = self.config.titles
        return titles.get(lang) or titles.get(locales.base(lang), "")

    def authors(self, docs) -> tuple[str, ...]:
        """The edition's author (setting ``author``), else its articles' authors."""
        if self.config.author:
            return (self.config.author,)
        return tuple(dict.fromkeys(d.author for d in docs if d.author))


class Rendered(NamedTuple):
    """One article rendered: its output file, and its part of the edition-wide file."""

    output: bytes
    part: bytes


class Builder(Protocol):
    """What a builder module's ``BUILDER`` does (its facts are its ``REGISTRY`` entry)."""

    def article(self, doc: Bilingual, ctx: BuildContext) -> bytes:
        """One article's side-by-side edition."""

    def index(self, docs: list[Bilingual], ctx: BuildContext) -> bytes:
        """The edition-wide file: the HTML index page, or the DOCX or EPUB combining every
        article."""

    # A format whose edition is made of parts (``Format.edition == "parts"``) also has:
    def render(self, doc: Bilingual, ctx: BuildContext) -> Rendered:
        """The article's output and its part, from one rendering."""

    def edition(self, parts: list[bytes], ctx: BuildContext) -> bytes:
        """The edition-wide file from its articles' parts, in order (``index`` of the
        articles those parts were rendered from, byte for byte)."""

    def files(self, doc: Bilingual) -> dict[str, bytes]:
        """Files an article's output refers to (the images an HTML page shows), by path
        relative to the format's output folder."""

    def same(self, old: bytes, new: bytes) -> bool:
        """Whether an output already on disk says what a rebuild says (an archive: the same
        parts, its build time aside), so it is not rewritten."""

    def prepare(self, ctx: BuildContext, langs: tuple[str, str]) -> None:
        """Load what rendering an article in ``langs`` (source, target) will need
        (templates, an empty document's styles, the layout engine), so that a build can do
        it while a book's source is parsed in another process."""


def get_builder(name: str) -> Builder:
    """The builder for a format name; imported lazily so the CLI starts fast."""
    if name not in REGISTRY:
        raise ValueError(f"unknown format {name!r}")
    module = import_module(f"diglot.builders.{name}")
    return module.BUILDER
