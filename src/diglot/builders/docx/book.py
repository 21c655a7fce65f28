"""One DOCX being assembled: the base document (styles, page setup, page numbers) and the
document-wide pieces every article's table shares: link relationships, list numbering,
pictures, footnotes and the parked tables (see ``ooxml.parking``).
"""

from __future__ import annotations

import io
from copy import deepcopy
from functools import lru_cache

from docx import Document
from docx.oxml.ns import qn

from diglot.builders import BuildContext
from diglot.builders.docx.lists import Numbering
from diglot.builders.docx.table import CELL_MARGIN, ArticleTable, Layout
from diglot.model import Bilingual
from diglot.ooxml import page
from diglot.ooxml import styles as docx_styles
from diglot.ooxml import xml as x
from diglot.ooxml.notes import Footnotes
from diglot.ooxml.package import saved
from diglot.ooxml.parking import Parking
from diglot.ooxml.pictures import Pictures
from diglot.ooxml.runs import InlineWriter
from diglot.ooxml.styles import sid
from diglot.typography import typeset_plain


_HEAD_CHARS = 100  # both titles in a running head of 8 pt small capitals across the page


def _head_titles(french: str, english: str, room: int = _HEAD_CHARS) -> tuple[str, str]:
    """Both titles within ``room`` characters: each keeps half, or what the other leaves."""
    if len(french) + len(english) <= room:
        return french, english
    half = room // 2
    fr_room = max(half, room - len(english))
    return _cut(french, fr_room), _cut(english, room - min(len(french), fr_room))


def _cut(title: str, room: int) -> str:
    """``title`` in ``room`` characters, cut at a word's end with an ellipsis."""
    if len(title) <= room:
        return title
    cut = title[:room - 1].rsplit(" ", 1)[0].rstrip(" ,;:·–—-\u00a0\u202f")
    return f"{cut}…"


class Book:
    """One DOCX being assembled: styles, page setup, shared numbering and link relationships."""

    def __init__(self, ctx: BuildContext, langs: tuple[str, str]) -> None:
        config = ctx.config
        self.ctx, self.langs = ctx, langs
        self.tags = _tags(config, langs)
        self.document = deepcopy(_pristine(config.page_size, self.tags))
        self.layout = Layout(page.text_width(config.page_size), config.docx_borders, *self.tags)
        self.pieces = [0]  # spans written, body and notes (ooxml.runs.MAX_PIECES)
        self.writer = InlineWriter(self.document.part, config.french_spacing, self.pieces)
        self.parking = Parking()  # finished tables and rows, as XML text
        self.numbering = Numbering(self.document)
        self.pictures = Pictures(self.document.part)
        self.footnotes = Footnotes(self.document)
        self._note_writer: InlineWriter | None = None
        self._end = None  # the body's final section properties
        page.fast_packaging(self.document)

    @staticmethod
    def prepare(ctx: BuildContext, langs: tuple[str, str]) -> None:
        """Make the empty document a book in ``langs`` starts from (see _base)."""
        _pristine(ctx.config.page_size, _tags(ctx.config, langs))

    def note_writer(self) -> InlineWriter:
        """The writer of the footnotes part (which exists once a note was added): its own
        link relationships, and French typography like the body's."""
        if self._note_writer is None:
            self._note_writer = InlineWriter(self.footnotes.part, self.ctx.config.french_spacing,
                                             self.pieces)
        return self._note_writer

    def append(self, element) -> None:
        """Add a body element before the final section properties (found once: the
        body of an edition has thousands of children)."""
        if self._end is None:
            self._end = self.document.element.body.find(qn("w:sectPr"))
        self._end.addprevious(element)

    def section_start(self) -> None:
        """The empty paragraph a section opens with (see the Section Start style)."""
        scratch = x.el("w:body")
        x.paragraph(scratch, sid("Section Start"))
        self.append_all(scratch)

    def append_all(self, container) -> None:
        """Move a scratch container's children (a few paragraphs) into the body."""
        for child in list(container):
            self.append(child)

    def running_head(self, section, titles: tuple[str, str]) -> None:
        """An article's titles (plain text, see ``titles``) in the header: French left,
        English right (a pair too long for the line shortened, each at a word's end)."""
        french, english = titles
        french = typeset_plain(french, self.langs[0], self.ctx.config.french_spacing)
        english = typeset_plain(english, self.langs[1])
        french, english = _head_titles(french, english)
        page.running_head(section, (french, self.tags[0]), (english, self.tags[1]))

    def article(self, doc: Bilingual) -> bytes:
        """Add one article's table, its titles bookmarked as the first of an edition's
        (see ``bookmarks``); its XML text, for the edition (see ``fragment``)."""
        # Built in a scratch tree of its own and kept as text (ooxml.parking): moving a big
        # subtree into the document would walk every node of it, and an edition of hundreds
        # of articles would otherwise hold millions of elements at once (over 500 MB).
        table = x.table(self.layout.columns, self.layout.borders, CELL_MARGIN)
        x.el("w:body").append(table)
        ArticleTable(doc, self.layout, self.writer, self.numbering, self.ctx.built,
                     bookmarks(0), self).fill(table)
        marker = x.el("w:tbl")
        self.append(marker)
        self.parking.park(table, marker)
        return self.parking.unpark(self.parking.pieces[-1])

    def apart(self, doc: Bilingual, body: list):
        """The second half of a book-length table's rows, started in a forked process
        (``apart``); None for a table filled here alone."""
        from diglot.builders.docx import apart  # it adopts rows as ``fragment`` does, which needs Book

        return apart.start(self, doc, body)

    def add_table(self, xml: bytes) -> None:
        """Add a finished table given as XML text (an article's, relocated)."""
        marker = x.el("w:tbl")
        self.append(marker)
        self.parking.keep(xml, marker)

    def save(self, update_fields: bool = False) -> bytes:
        page.settings(self.document, update_fields)
        return saved(self.document, self.ctx.built, self.parking.unpark)


def bookmarks(number: int):
    """Deterministic bookmark names and ids for the two titles of an edition's article
    ``number`` (0-based): the contents link to them."""
    return ((f"_TocDiglot{number + 1:04d}fr", 2 * number + 1),
            (f"_TocDiglot{number + 1:04d}en", 2 * number + 2))


def _tags(config, langs: tuple[str, str]) -> tuple[str, str]:
    """The proofing languages Word marks the two columns with."""
    return config.proofing_tag(langs[0]), config.proofing_tag(langs[1])


@lru_cache(maxsize=8)
def _base(page_size: str, tags: tuple[str, str]) -> bytes:
    """An empty document with the styles, page setup and page numbers installed.

    Installing the styles costs about 0.3 s (python-docx finds styles by name with linear
    scans); an edition of hundreds of articles does it once and copies the result.
    """
    document = Document()
    docx_styles.install(document, tags[1], page.text_width(page_size))
    docx_styles.prune(document)
    page.setup(document.sections[0], page_size)
    page.page_numbers(document.sections[0], tags[0])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@lru_cache(maxsize=8)
def _pristine(page_size: str, tags: tuple[str, str]):
    """The empty document, read once: each article's copies it (a deep copy costs half of
    reading the package again, which the corpus's 419 articles did each)."""
    return Document(io.BytesIO(_base(page_size, tags)))
