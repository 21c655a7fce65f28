"""One article as a side-by-side table: a repeating header row, the title block, then a row
per block, French left and English right; code and rules span both columns.

Rows are built as XML straight into the table (docx_xml), never through python-docx's
per-cell access.
"""

from __future__ import annotations

import re

import datetime as dt
from dataclasses import dataclass, replace

from diglot.builders.docx import code as code_block, text
from diglot.ooxml import xml as x
from diglot.ooxml.styles import SHORT_ROW, sid
from diglot.builders.docx.lists import MAX_DEPTH, ListTracker, Numbering, list_style
from diglot.ooxml.runs import (CODE_STYLE, HEADING_CODE_STYLE, NOTE_CODE_STYLE, TABLE_CODE_STYLE,
                               InlineWriter)
from diglot.builders.docx import parts
from diglot.builders.docx.markup import Markup, docx_link
from diglot.builders.groups import group_end, introducers
from diglot.model import (ALT, BLOCKQUOTE, CODE, DEFINITION, HEADING, LIST_ITEM, PARAGRAPH,
                          RULE, TABLE_CELL, TERM, TRANSLATED, Bilingual,
                          Block, Pair)
from diglot.source.inline import plain_text

MARK_FILL = "EDEDED"  # untranslated cells: a light grey that also reads in black and white
QUOTE_STEP = 283  # extra indent per nested quote level (twips, 0.5 cm)
LIST_STEP = 360  # a list level's indent in the list styles' numbering (twips, 0.25 in)
CELL_MARGIN = 142  # twips each side: a 0.5 cm gutter between the columns
SHORT_CODE = 40  # a code block of at most this many lines is never split across pages
@dataclass(frozen=True)
class Layout:
    """Edition-wide table facts: text width (twips), borders, proofing tags."""

    width: int
    borders: bool
    source_tag: str
    target_tag: str

    @property
    def columns(self) -> tuple[int, int]:
        """Column widths: Word (compatibility mode 14) and LibreOffice pull a table left by
        its cell margin, so each column is widened by it to end the text at the margins."""
        return self.width // 2 + CELL_MARGIN, self.width - self.width // 2 + CELL_MARGIN

    @property
    def total(self) -> int:
        return sum(self.columns)


@dataclass(frozen=True)
class Look:
    """How a cell's paragraph is formatted: style id, pagination, list numbering, indent."""

    style: str
    keep_next: bool = False
    list_key: int | None = None  # a numbered list's key (ListTracker)
    indent: int = 0


class ArticleTable:
    """Fills one article's table; ``bookmarks`` ((name, id) per title) anchor the contents."""

    cell_margin = CELL_MARGIN
    mark_fill = MARK_FILL

    def __init__(self, doc: Bilingual, layout: Layout, writer: InlineWriter,
                 numbering: Numbering, built: dt.datetime, bookmarks=None, book=None) -> None:
        self.doc, self.layout, self.writer, self.numbering = doc, layout, writer, numbering
        self.built = built
        self.bookmarks = bookmarks
        # Finished rows kept as XML text (memory: see ooxml.parking); a book has one.
        self.book = book
        self.parking = book.parking if book is not None else None
        self.tags = (layout.source_tag, layout.target_tag)
        self.lists = ListTracker()
        self.markup = Markup(doc, book, self.tags)

    def fill(self, tbl) -> None:
        title, body = split_title(self.doc)
        self._header(tbl)
        self._title(tbl, title)
        self._legend(tbl)
        body = [pair for pair in body if not pair.block.note]  # notes: Word footnotes
        # A book-length table's second half is rendered by a forked process (docx/apart).
        apart = self.book.apart(self.doc, body) if self.book is not None else None
        if apart is None:
            self.rows(tbl, body)
        else:
            with apart:
                self.rows(tbl, body[:apart.start])
                apart.join(self, tbl)
        parts.uncalled_notes(self, tbl, self.markup.uncalled())

    def rows(self, tbl, body: list[Pair]) -> None:
        """The rows of ``body`` (pairs starting and ending on group boundaries), parked a
        batch at a time in a book's document."""
        batch = self.parking.batch(tbl) if self.parking is not None else None
        start, leads = 0, introducers(body)
        while start < len(body):
            end = group_end(body, start)
            self._group(batch.rows if batch else tbl, body[start:end], end - 1 in leads)
            if batch:
                batch.done()
            start = end
        if batch:
            batch.flush()

    def _group(self, tbl, group: list[Pair], lead: bool = False) -> None:
        """A group's rows; ``lead``: it introduces what follows ("Voici un exemple :"),
        kept on its page."""
        kind = group[0].block.kind
        if kind in (TABLE_CELL, ALT):  # a table or a picture ends the lists it does not sit in
            self.lists.see(group[0].block.lists)
        if kind == TABLE_CELL:
            parts.table_row(self, tbl, group)
        elif kind == ALT:
            parts.figure_rows(self, tbl, group)
        else:
            for k, pair in enumerate(group):
                self._row(tbl, pair, lead and k == len(group) - 1)

    def plain(self, segment: str) -> str:
        return plain_text(segment, self.doc.references).replace("\n", " ")

    def write_cell(self, para, pair: Pair, index: int, width: int) -> None:
        """One column's text of a pair into a paragraph (a table cell's)."""
        if index == 0 or pair.target is not None:
            shown = pair.block.text if index == 0 else pair.target
            tag = self.tags[0] if index == 0 or pair.fallback else self.tags[1]
            self.writer.write(para, shown, tag, self.doc.references_for(tag == self.tags[0]),
                              markup=self.markup.column(index, width),
                              link=docx_link(self.doc), code=TABLE_CODE_STYLE)
        elif self.doc.fallback == "placeholder":
            x.run(para, text.mark(pair.state, True, self.tags[1], self.doc.source_lang),
                  self.tags[1], italic=True)

    def pair_row(self, tbl, pair: Pair, style: str) -> None:
        """A row of one pair in a given paragraph style (a figure's captions)."""
        look = Look(style)
        self._pair(x.row(tbl, cant_split=True), pair, (look, look))

    # -- fixed rows -------------------------------------------------------------------

    def _header(self, tbl) -> None:
        tr = x.row(tbl, header=True)
        codes = (self.doc.source_lang, self.doc.target_lang)
        for code, tag, width in zip(codes, self.tags, self.layout.columns):
            para = x.paragraph(x.cell(tr, width), sid("Column Heading"))
            x.run(para, text.column_heading(code), tag)

    def _title(self, tbl, pair: Pair) -> None:
        looks = (Look(sid("Title"), True), Look(sid("Title Translation"), True))
        self._pair(x.row(tbl, cant_split=True), pair, looks, self.bookmarks)
        article = self.doc.article
        if not (article.author or article.date):
            return
        tr = x.row(tbl, cant_split=True)
        for tag, width in zip(self.tags, self.layout.columns):
            para = x.paragraph(x.cell(tr, width), sid("Byline"), keep_next=True)
            x.run(para, text.byline(article.author, article.date, tag), tag)

    def _legend(self, tbl) -> None:
        if all(p.state == TRANSLATED for p in self.doc.pairs):
            return
        tc = self._spanning(x.row(tbl, cant_split=True))
        for tag in self.tags:
            words = text.words(f"legend {self.doc.fallback}", tag, self.doc.source_lang,
                               self.doc.target_lang)
            x.run(x.paragraph(tc, sid("Translation Note")), words, tag)

    # -- block rows -------------------------------------------------------------------

    def _row(self, tbl, pair: Pair, lead: bool = False) -> None:
        block = pair.block
        key = self.lists.see(block.lists)
        if block.kind in (CODE, RULE):
            tc = self._spanning(x.row(tbl, cant_split=block.text.count("\n") <= SHORT_CODE))
            if block.kind == CODE:
                code_block.put(tc, block.text.removesuffix("\n"), self.tags[0],
                         self.layout.total - 2 * self.cell_margin)
            else:
                x.paragraph(tc, sid("Rule"))
            return
        look = replace(_look(block, key), keep_next=True) if lead else _look(block, key)
        short = max(len(block.text), len(pair.target or "")) <= SHORT_ROW
        tr = x.row(tbl, cant_split=look.keep_next or short)
        self._pair(tr, pair, (look, look))

    def _pair(self, tr, pair: Pair, looks: tuple[Look, Look], marks=None) -> None:
        """The French cell and the English cell of one pair."""
        left = x.cell(tr, self.layout.columns[0])
        self._para(left, pair.block.text, self.tags[0], looks[0], 0, marks and marks[0])
        marked = pair.fallback or (pair.target is None and self.doc.fallback == "placeholder")
        right = x.cell(tr, self.layout.columns[1], shade=MARK_FILL if marked else None)
        if pair.target is None:
            self._missing(right, pair)
            return
        tag = self.tags[0] if pair.fallback else self.tags[1]  # French shown stays French
        self._para(right, pair.target, tag, looks[1], 1, marks and marks[1])
        if pair.fallback:  # after the text: the English column stays level with the French
            self._note(right, text.mark(pair.state, False, self.tags[1], self.doc.source_lang),
                       keep_next=False)

    def _para(self, tc, segment: str, tag: str, look: Look, column: int, mark=None) -> None:
        width = self.layout.columns[column] - 2 * CELL_MARGIN
        items = self.writer.spans(segment, tag, self.doc.references_for(tag == self.tags[0]))
        ragged = _unbreakable("".join(s.text for s in items if not s.markup), width)
        para = x.paragraph(tc, look.style, look.keep_next, self._num(look, column),
                           look.indent, "left" if ragged else "")
        if mark:
            x.bookmark_start(para, *mark)
        self.writer.put(para, items, tag, self.markup.column(column, width), docx_link(self.doc),
                        _CODE.get(look.style, CODE_STYLE))
        if look.style == _QUOTE or look.style.endswith("Quoted"):
            x.upright_emphasis(para)
        if mark:
            x.bookmark_end(para, mark[1])

    def _num(self, look: Look, column: int) -> tuple[int, int] | None:
        if not look.list_key:
            return None
        start = self.lists.starts[look.list_key]
        number = self.numbering.num(look.style, column, look.list_key, start)
        return (number, 0) if number else None

    def _missing(self, tc, pair: Pair) -> None:
        if self.doc.fallback == "placeholder":
            self._note(tc, text.mark(pair.state, True, self.tags[1], self.doc.source_lang))
        else:
            x.paragraph(tc, None)  # "omit": the cell stays empty

    def _note(self, tc, words: str, keep_next: bool = True) -> None:
        x.run(x.paragraph(tc, sid("Translation Note"), keep_next=keep_next), words, self.tags[1])

    def _spanning(self, tr):
        return x.cell(tr, self.layout.total, span=2)


_QUOTE = sid("Quote")  # an italic style: the emphasis inside it is set in roman
_CAPTION = sid("Caption")
# Code in a caption at the note's size, in a title or heading at its own (``styles``).
_CODE = {_CAPTION: NOTE_CODE_STYLE} | {sid(name): HEADING_CODE_STYLE for name in (
    "Title", "Title Translation", *(f"Heading {n}" for n in range(1, 7)))}
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")  # a word Word and LibreOffice hyphenate
# What a word may stand between: punctuation, quotes straight and curly, an ellipsis (a
# reader's review: “unconstitutionally” set its paragraph ragged among justified ones).
_EDGES = ".,;:!?()[]«»\"'*_“”‘’„…—–"
# A line may break after a dash, and after hyphens a letter follows ("Passepartout--onze",
# as Verne's text writes a dash: LibreOffice breaks there; a reader's review found such
# paragraphs set ragged).
_AFTER_DASH = re.compile(r"(?<=[—–])|(?<=-)(?=[^\W\d_])")
_CHAR_TWIPS = 105  # a 10.5 pt letter's average width (half an em), in twips


def _unbreakable(shown: str, width: int) -> bool:
    """Whether the text a reader sees holds a string no line can break or hyphenate (a
    web address, a code span) over a third of the column's line: justified, the line
    before it would be stretched across the column, so such a paragraph is set ragged
    right."""
    least = width // (3 * _CHAR_TWIPS)  # characters
    for word in shown.split():  # a line may break at a space…
        if len(word) > least:
            for part in _AFTER_DASH.split(word):  # …and after a dash
                if len(part) > least and not _WORD.fullmatch(part.strip(_EDGES).rstrip("-")):
                    return True
    return False


def _look(block: Block, key: int | None) -> Look:
    """The paragraph look of a body block in both columns."""
    if block.kind == HEADING:
        return Look(sid(f"Heading {min(max(block.level, 1), 6)}"), keep_next=True)
    if block.kind in (TERM, DEFINITION):
        return Look(sid("Term" if block.kind == TERM else "Definition"), block.kind == TERM)
    if block.lists and block.kind in (LIST_ITEM, PARAGRAPH):
        name = list_style(block.lists)
        style = sid(f"{name} Quoted" if block.quote_depth else name)
        look = Look(style, list_key=key if name.startswith("List Number") else None)
        if block.quote_depth:  # inside the quotation's rule, as deep as the list goes
            depth = min(len(block.lists), MAX_DEPTH)
            return replace(look, indent=LIST_STEP * depth + QUOTE_STEP * block.quote_depth)
        return look
    look = Look(sid("Quote" if block.kind == BLOCKQUOTE else "Body Text"))
    if block.quote_depth > 1:
        return replace(look, indent=QUOTE_STEP * (block.quote_depth - 1))
    return look


def split_title(doc: Bilingual) -> tuple[Pair, tuple[Pair, ...]]:
    """The title pair and the rest (``Bilingual.title_and_rest``)."""
    return doc.title_and_rest()
