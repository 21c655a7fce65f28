"""The DOCX print edition: one side-by-side document per article, and ``edition.docx``
combining every article after a title page and a table of contents.

This module assembles a python-docx Document; the tables, styles, lists, runs and page
furniture come from the shared ``diglot.ooxml`` kit and the modules beside this one.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache, partial

from docx import Document
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from lxml import etree

from diglot.builders import BuildContext
from diglot.ooxml import styles as docx_styles
from diglot.ooxml import page
from diglot.builders.docx import front, text
from diglot.ooxml import xml as x
from diglot.builders.docx.lists import Numbering
from diglot.ooxml.notes import Footnotes
from diglot.ooxml.package import same_document, stamped
from diglot.ooxml.parking import Parking
from diglot.ooxml.pictures import Pictures
from diglot.ooxml.runs import InlineWriter
from diglot.ooxml.styles import sid
from diglot.builders.docx.table import CELL_MARGIN, ArticleTable, Layout, split_title
from diglot.source.inline import plain_text
from diglot.typography import typeset_plain
from diglot.model import Bilingual


_HEAD_CHARS = 100  # both titles in a running head of 8 pt small capitals across the page


class _Book:
    """One DOCX being assembled: styles, page setup, shared numbering and link relationships."""

    def __init__(self, ctx: BuildContext, langs: tuple[str, str]) -> None:
        config = ctx.config
        self.ctx, self.langs = ctx, langs
        self.tags = (config.proofing_tag(langs[0]), config.proofing_tag(langs[1]))
        self.document = Document(io.BytesIO(_base(config.page_size, self.tags)))
        self.layout = Layout(page.text_width(config.page_size), config.docx_borders, *self.tags)
        self.writer = InlineWriter(self.document.part, config.french_spacing)
        self.parking = Parking()  # finished tables and rows, as XML text
        self.numbering = Numbering(self.document)
        self.pictures = Pictures(self.document.part)
        self.footnotes = Footnotes(self.document)
        self._note_writer: InlineWriter | None = None

    def note_writer(self) -> InlineWriter:
        """The link writer of the footnotes part (which exists once a note was added)."""
        if self._note_writer is None:
            self._note_writer = InlineWriter(self.footnotes.part)
        return self._note_writer

    def append(self, element) -> None:
        """Add a body element before the final section properties."""
        body = self.document.element.body
        last = body.find(qn("w:sectPr"))
        if last is not None:
            last.addprevious(element)
        else:
            body.append(element)

    def section_start(self) -> None:
        """The empty paragraph a section opens with (see the Section Start style)."""
        scratch = x.el("w:body")
        x.paragraph(scratch, sid("Section Start"))
        self.append_all(scratch)

    def append_all(self, container) -> None:
        """Move a scratch container's children (a few paragraphs) into the body."""
        for child in list(container):
            self.append(child)

    def running_head(self, section, doc: Bilingual) -> None:
        """The article's titles in the header: French left, English right (when both fit
        on the line; a long pair keeps the French alone)."""
        french, english = _titles(doc)
        french = typeset_plain(french, self.langs[0], self.ctx.config.french_spacing)
        if len(french) + len(english) > _HEAD_CHARS:
            english = ""
        page.running_head(section, (french, self.tags[0]), (english, self.tags[1]))

    def article(self, doc: Bilingual, bookmarks=None, park: bool = False) -> None:
        """Add one article's table; ``park`` builds it apart and keeps only its XML text."""
        # The empty table goes in first: filling it in place avoids re-homing every node.
        table = x.table(self.layout.columns, self.layout.borders, CELL_MARGIN)
        if park:
            scratch = x.el("w:body")
            scratch.append(table)
        else:
            self.append(table)
        ArticleTable(doc, self.layout, self.writer, self.numbering, self.ctx.built,
                     bookmarks, self).fill(table)
        if park:
            self._park(table)

    def _park(self, table) -> None:
        """Serialise a finished table and put a placeholder in the body: an edition of
        hundreds of articles would otherwise hold millions of elements at once (over
        500 MB). The table was built in a scratch tree of its own, because moving a big
        subtree out of (or into) the document walks every node of it."""
        marker = x.el("w:tbl")
        self.append(marker)
        self.parking.park(table, marker)

    def save(self, update_fields: bool = False) -> bytes:
        page.settings(self.document, update_fields)
        out = io.BytesIO()
        self.document.save(out)
        return stamped(out.getvalue(), self.ctx.built, self.parking.unpark)


@lru_cache(maxsize=8)
def _base(page_size: str, tags: tuple[str, str]) -> bytes:
    """An empty document with the styles, page setup and page numbers installed.

    Installing the styles costs about 0.3 s (python-docx finds styles by name with linear
    scans); an edition of hundreds of articles does it once and copies the result.
    """
    document = Document()
    docx_styles.install(document, tags[1], page.text_width(page_size))
    _prune(document)
    page.setup(document.sections[0], page_size)
    page.page_numbers(document.sections[0], tags[0])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _prune(document) -> None:
    """Drop what python-docx's template carries and no diglot document uses: its hundred
    table styles (340 kB of the 350 kB styles part) and the legacy ``stylesWithEffects`` part
    (430 kB). Every document then loads, saves and compresses several times faster."""
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:default")) != "1":
            styles.remove(style)
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rel_id)


class DocxBuilder:
    """The ``docx`` format (see builders.Builder)."""

    def article(self, doc: Bilingual, ctx: BuildContext) -> bytes:
        book = _Book(ctx, (doc.source_lang, doc.target_lang))
        book.running_head(book.document.sections[0], doc)
        book.article(doc)
        title, english = _titles(doc)
        subject = f"{english} ({text.words('edition', 'en', *book.langs)})" if english else ""
        page.properties(book.document, title, doc.article.author, subject, book.tags[0],
                        ctx.built)
        return book.save()

    def same(self, old: bytes, new: bytes) -> bool:
        return same_document(old, new)

    def files(self, doc: Bilingual) -> dict[str, bytes]:
        return {}  # pictures are inside the document

    def index(self, docs: list[Bilingual], ctx: BuildContext) -> bytes:
        langs = _edition_langs(docs, ctx)
        book = _Book(ctx, langs)
        _front_matter(book, docs, ctx)
        for number, doc in enumerate(docs):
            book.running_head(book.document.add_section(WD_SECTION.NEW_PAGE), doc)
            book.section_start()
            book.article(doc, _bookmarks(number), park=True)
        book.document.sections[0].different_first_page_header_footer = True  # title page: no head
        authors = ", ".join(dict.fromkeys(d.article.author for d in docs if d.article.author))
        page.properties(book.document, ctx.title, authors,
                        text.words("edition", "en", *langs), book.tags[0], ctx.built)
        return book.save(update_fields=True)


def _titles(doc: Bilingual) -> tuple[str, str]:
    """The title as plain text in both languages (English empty when untranslated)."""
    pair, _ = split_title(doc)
    english = pair.target if pair.target is not None and not pair.fallback else ""
    flat = (plain_text(t, doc.references).replace("\n", " ") for t in (pair.block.text, english))
    return tuple(flat)  # type: ignore[return-value]


def _bookmarks(number: int):
    """Deterministic bookmark names and ids for an article's two titles."""
    return ((f"_TocDiglot{number + 1:04d}fr", 2 * number + 1),
            (f"_TocDiglot{number + 1:04d}en", 2 * number + 2))


def _front_matter(book: _Book, docs: list[Bilingual], ctx: BuildContext) -> None:
    """The title page and the contents, under the edition title's running head."""
    scratch = x.el("w:body")
    built = ctx.built.date() if ctx.config.build_date else None
    front.title_page(scratch, ctx.title, built, book.tags, book.langs)
    front.contents(scratch, _toc_entries(docs, ctx.config.french_spacing), book.tags, book.langs)
    book.append_all(scratch)
    page.running_head(book.document.sections[0], (ctx.title, book.tags[0]))


def _toc_entries(docs: list[Bilingual], spacing: str):
    entries = []
    for number, doc in enumerate(docs):
        (fr_mark, _), (en_mark, _) = _bookmarks(number)
        french, english = _titles(doc)
        entries.append((typeset_plain(french, doc.source_lang, spacing), fr_mark, 1))
        if english:
            entries.append((english, en_mark, 2))
    return entries


def _edition_langs(docs: list[Bilingual], ctx: BuildContext) -> tuple[str, str]:
    if docs:
        return docs[0].source_lang, docs[0].target_lang
    return ctx.config.source_language, ctx.config.languages[0]


BUILDER = DocxBuilder()

