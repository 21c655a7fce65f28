"""Builders turn translated articles (``Bilingual``) into output files; one module per format.

A builder never reads PO or Markdown files: everything it needs arrives in the Bilingual and
the BuildContext. The CLI selects a builder by its ``name``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import import_module
from typing import Protocol

from diglot.config import Config
from diglot.model import Bilingual

FORMATS = ("html", "docx", "pdf")  # config.OUTPUT_FORMATS names the same
# Each format's file names, known without importing its (heavy) builder module.
EXTENSIONS = {"html": ".html", "docx": ".docx", "pdf": ".pdf"}
INDEX_NAMES = {"html": "index.html", "docx": "edition.docx", "pdf": "edition.pdf"}


@dataclass(frozen=True)
class BuildContext:
    """Edition-wide facts a builder may use."""

    title: str  # the edition's title (config 'title', else the project folder name)
    config: Config
    built: dt.datetime  # build time: SOURCE_DATE_EPOCH when set, else now (UTC)
    names: dict[str, str] = field(default_factory=dict)  # slug → safe output file stem


class Builder(Protocol):
    name: str  # "html", "docx" or "pdf": the --format value and the build/<name>/ folder
    extension: str  # ".html" / ".docx" / ".pdf"
    index_name: str  # "index.html" / "edition.docx" / "edition.pdf"

    def article(self, doc: Bilingual, ctx: BuildContext) -> bytes:
        """One article's side-by-side edition."""

    def index(self, docs: list[Bilingual], ctx: BuildContext) -> bytes:
        """The edition-wide file: the HTML index page, or the DOCX or PDF of every article."""


def get_builder(name: str) -> Builder:
    """The builder for a format name; imported lazily so the CLI starts fast."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    module = import_module(f"diglot.builders.{name}")
    return module.BUILDER
