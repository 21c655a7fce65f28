"""Builders turn translated articles (``Bilingual``) into output files; one module per format.

A builder never reads PO or Markdown files: everything it needs arrives in the Bilingual and
the BuildContext. The CLI selects a builder by its ``name``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import import_module
from typing import Mapping, Protocol

from diglot.config import Config
from diglot.model import Bilingual

FORMATS = ("html", "docx")
# Each format's file names, known without importing its (heavy) builder module.
EXTENSIONS = {"html": ".html", "docx": ".docx"}
INDEX_NAMES = {"html": "index.html", "docx": "edition.docx"}


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


class Builder(Protocol):
    name: str  # "html" or "docx": the --format value and the build/<name>/ folder
    extension: str  # ".html" / ".docx"
    index_name: str  # "index.html" / "edition.docx"

    def article(self, doc: Bilingual, ctx: BuildContext) -> bytes:
        """One article's side-by-side edition."""

    def index(self, docs: list[Bilingual], ctx: BuildContext) -> bytes:
        """The edition-wide file: the HTML index page, or the DOCX combining every article."""

    def files(self, doc: Bilingual) -> dict[str, bytes]:
        """Files an article's output refers to (the images an HTML page shows), by path
        relative to the format's output folder."""


def get_builder(name: str) -> Builder:
    """The builder for a format name; imported lazily so the CLI starts fast."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    module = import_module(f"diglot.builders.{name}")
    return module.BUILDER
