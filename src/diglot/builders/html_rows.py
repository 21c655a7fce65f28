"""An article's pairs → the rows of its HTML page: a row per pair (its cells, tag, list
marker and quote depth), or per group of pairs laid out together (a table, a figure, a
definition list group: view data from ``html_parts``), the notes last. Rows and cells are
plain tuples the templates unpack.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from diglot.builders import html_parts as parts
from diglot.builders.groups import group_end
from diglot.builders.html_headings import heading_ids
from diglot.builders.html_inline import Runs
from diglot.model import (ALT, CODE, DEFINITION, HEADING, LIST_ITEM, RULE, TABLE_CELL, TERM,
                          TITLE, TRANSLATED, Bilingual, Block, Pair)
from diglot.sentences.link import link_spans
from diglot.web import Markup, escape

_BULLETS = ("•", "◦", "▪")  # one per nesting depth, cycling, as browsers draw them
# A passage longer than this (characters of either side, about ten printed lines in a
# column) may break across printed pages; a shorter one is kept whole (class "long").
LONG = 500


class Cell(NamedTuple):
    """One column of a row: its language, its text as inline HTML (``html_inline``), and how
    it stands in for a missing translation (``shown``: text, source, placeholder or
    omitted)."""

    lang: str
    html: str
    state: str = TRANSLATED
    shown: str = "text"


class Row(NamedTuple):
    """One pair as the page shows it: ``kind`` is segment, code or rule, or a group of pairs
    (table, figure, dl, notes) whose view data (see html_parts) is its ``body``. Rows and
    cells are tuples because the template unpacks them far faster than it looks up
    attributes."""

    anchor: str
    kind: str
    tag: str = "p"
    quote: int = 0
    classes: str = ""  # the cells' classes for list and quote depth: " d2 q1"
    marker: str = ""
    fr: Cell | None = None
    en: Cell | None = None
    body: object = ""  # a code block's text, or a group's view data
    number: int = 0  # the passage's visible number, for citing it (text passages only)


def anchor_ids(pairs) -> list[str]:
    """Each passage's lasting anchor (kept through edits by ``diglot update``, see
    catalog.anchors); repeats of one passage get -2, -3… in document order."""
    seen: dict[str, int] = {}
    out = []
    for pair in pairs:
        base = pair.anchor
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def numbered(rows: Iterator[Row], titled: bool, number: int = 0) -> Iterator[Row]:
    """Text passages numbered 1, 2, 3… in reading order, for citing (the title is none);
    ``number``: the passages before these rows."""
    if titled:
        yield next(rows)
    for row in rows:
        if row.kind in _CITED:
            number += 1
            row = row._replace(number=number)
        yield row


class Rows:
    """One article page's rows, made as the template consumes them: a page never holds all
    its view data at once, which the garbage collector's full passes would walk over and
    over. Notes come last, once every call in the text has been counted."""

    def __init__(self, doc: Bilingual, chrome: str, runs: Runs, table_labels: tuple[str, str]):
        self.doc, self.chrome, self.runs, self.table_labels = doc, chrome, runs, table_labels
        self.anchors = anchor_ids(doc.pairs)
        self.headings = heading_ids(doc.pairs, doc.references)  # pair index → Markdown's id

    def rows(self, titled: bool = False, start: int = 0, end: int | None = None,
             number: int = 0) -> Iterator[Row]:
        """Every row, or those of the pairs ``start:end`` (group boundaries) after ``number``
        passages; ``titled``: the first is the title, which gets no passage number."""
        return numbered(self._rows(start, len(self.doc.pairs) if end is None else end),
                        titled, number)

    def _rows(self, start: int, stop: int) -> Iterator[Row]:
        pairs, anchors = self.doc.pairs, self.anchors
        notes = []
        while start < stop:
            if pairs[start].block.note:
                notes.append((pairs[start], anchors[start]))
                start += 1
                continue
            end = group_end(pairs, start)
            row = self._row(pairs, start, end, anchors[start])
            if start in self.headings:  # a heading: the id a Markdown link names it by
                mark = Markup(f'<span id="{escape(self.headings[start])}"></span>')
                row = row._replace(fr=row.fr._replace(html=mark + row.fr.html))
            yield row
            start = end
        if notes:
            yield Row(notes[0][1], "notes", body=parts.notes(notes, self.cells, self.runs))

    def _row(self, pairs, start: int, end: int, anchor: str) -> Row:
        pair = pairs[start]
        block = pair.block
        if block.kind in (CODE, RULE):
            return Row(anchor, block.kind, body=block.text)
        if end - start > 1 or block.kind in _GROUPS:
            kind, view = self._group(list(pairs[start:end]))
            # A definition list in a quotation or a list is set in it, as its text would be.
            classes = _classes(block) if kind == "dl" else ""
            return Row(anchor, kind, classes=classes, body=view)
        source, target = self.linked_cells(pair, anchor)
        long = max(len(block.text), len(pair.target or "")) > LONG
        return Row(anchor, "segment", _tag(block), block.quote_depth,
                   _classes(block) + (" long" if long else ""), _marker(block), source, target)

    def _group(self, group: list[Pair]) -> tuple[str, object]:
        kind, langs = group[0].block.kind, (self.doc.source_lang, self.doc.target_lang)
        if kind == TABLE_CELL:
            return "table", parts.table(group, self.cells, langs, self.table_labels)
        if kind in (TERM, DEFINITION):
            return "dl", parts.definitions(group, self.cells)
        return "figure", parts.figure(group, self.cells, self.runs, langs)

    def cells(self, pair: Pair) -> tuple[Cell, Cell]:
        """The French cell and the English cell of a pair."""
        lang = self.doc.source_lang
        return Cell(lang, self.runs.of(pair.block.text, "fr", lang)), self._target(pair)

    def linked_cells(self, pair: Pair, anchor: str) -> tuple[Cell, Cell]:
        """``cells`` with each sentence wrapped in a ``data-sentence`` span that its
        counterpart in the other column shares (a translated text passage of two sentences
        or more; one sentence each side needs no link: the passage is the link). A link's
        id is the passage's anchor and its number in the passage (``p-91947aa1a6.2``):
        unique on the page, and the same whatever comes before it."""
        if pair.state != TRANSLATED or pair.fallback or pair.target is None:
            return self.cells(pair)
        doc = self.doc
        fr = self.runs.spans(pair.block.text, doc.source_lang)
        en = self.runs.spans(pair.target, doc.target_lang)
        links = link_spans(fr, en, pair.sentences, whole=pair.block.kind in _WHOLE,
                           langs=(doc.source_lang, doc.target_lang))
        if len(links) < 2:
            return Cell(doc.source_lang, self.runs.html(fr, "fr")), \
                Cell(doc.target_lang, self.runs.html(en, "en"))
        marks = _marks(links, anchor)
        return (Cell(doc.source_lang, self.runs.html(fr, "fr", marks[0])),
                Cell(doc.target_lang, self.runs.html(en, "en", marks[1])))

    def _target(self, pair: Pair) -> Cell:
        doc = self.doc
        state, shown = target_shown(pair, doc)
        if shown == "text":
            return Cell(doc.target_lang, self.runs.of(pair.target, "en", doc.target_lang))
        if shown == "source":  # the French, in the English column (with its English images)
            runs = self.runs.of(pair.target, "en", doc.source_lang)
            return Cell(doc.source_lang, runs, state, shown)
        return Cell(self.chrome, "", state, shown)


_GROUPS = frozenset({TABLE_CELL, TERM, DEFINITION, ALT})
_WHOLE = frozenset({HEADING, TITLE, LIST_ITEM})  # one sentence each, whatever their points
_CITED = frozenset({"segment", "table", "figure", "dl"})  # rows a reader cites by number


def row_starts(pairs) -> Iterator[tuple[int, bool]]:
    """Where each row of the text starts (a pair index, in order), and whether its passage
    is numbered (``Rows._rows``'s grouping, without making the rows); notes are left out."""
    start = 0
    while start < len(pairs):
        if not pairs[start].block.note:
            yield start, pairs[start].block.kind not in (CODE, RULE)
        start = group_end(pairs, start) if not pairs[start].block.note else start + 1


def target_shown(pair: Pair, doc: Bilingual) -> tuple[str, str]:
    """The target cell's (state, shown): its text, or how it stands in for a missing one."""
    if pair.state == TRANSLATED and pair.target is not None:
        return TRANSLATED, "text"
    if pair.fallback and pair.target is not None:
        return pair.state, "source"
    return pair.state, "placeholder" if doc.fallback == "placeholder" else "omitted"


def _marks(links, anchor: str) -> tuple[list, list]:
    """Each column's sentence marks: (offset, ("s", id)) and (offset, ("/s",))."""
    marks: tuple[list, list] = ([], [])
    for number, link in enumerate(links, 1):
        sid = f"{anchor}.{number}"
        for side, (start, end) in zip(marks, (link.fr_offsets, link.en_offsets)):
            if start < end:
                side += [(start, ("s", sid)), (end, ("/s",))]
    return marks


def _tag(block: Block) -> str:
    if block.kind in (HEADING, TITLE):
        return f"h{min(max(block.level, 1), 6)}"
    return "p"


def _classes(block: Block) -> str:
    """The classes a row's cells take for their list nesting and quote depth."""
    depth, quote = len(block.lists), block.quote_depth
    return (f" d{depth}" if depth else "") + (f" q{quote}" if quote else "")


def _marker(block: Block) -> str:
    """The innermost list's bullet or number, only on an item's first paragraph."""
    if not block.lists or not block.lists[-1].first:
        return ""
    level = block.lists[-1]
    return f"{level.number}." if level.ordered else _BULLETS[(len(block.lists) - 1) % 3]
