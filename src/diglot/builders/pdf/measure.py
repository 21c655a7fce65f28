"""Measure every passage as it will be printed: each side laid out once, whole, at its
final width (same fonts, sizes, hyphenation by language, French typography), and read back
as lines the paginator can place: their heights, and where a page may break.

Facing pages set both sides at the text width (the English side on the right-hand page,
its passage numbers in the right margin); columns set each side at a column's width, and
code blocks and rules once across both columns.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from diglot import heap
from diglot.builders.pdf import boxes, markup
from diglot.builders.pdf.paginate import Item
from diglot.builders.pdf.passages import Passage
from diglot.builders.pdf.style import Geometry, measure_css
from diglot.model import BLOCKQUOTE, DEFINITION, LIST_ITEM, PARAGRAPH

# Kinds whose passages may split across pages between lines (never headings or titles;
# a table between rows; figures move whole).
_SPLITTABLE = (PARAGRAPH, LIST_ITEM, BLOCKQUOTE, DEFINITION, "table")


@dataclass
class Measured:
    """Each passage as an ``Item`` for the paginator, with the laid-out box of each of its
    sides (None for a side that is not drawn: the English of a code block in columns)."""

    items: list[Item]  # their ``calls`` name notes by label: (line top, label)
    boxes: list[tuple[object, object | None]]
    numbers: list[tuple[object | None, object | None]]  # each side's passage-number box
    offsets: list[tuple[float, float]]  # per side: its number's top under the passage's
    # top (read before any box is moved)
    notes: list[tuple[object, object]] = None  # each footnote's boxes (and the rule's)
    # untouched copies of the tables that have header rows, by passage index: grafting
    # moves what a row holds, so the headers repeated later are copied from these
    tables: dict[int, tuple[object, object]] = None
    note_heights: list[tuple[float, float]] = None  # each footnote's sides' (and the rule's)
    note_lines: list[Item] = None  # each footnote's sides' lines, where a long one is cut

    def add(self, other: "Measured") -> None:
        """Take ``other``'s passages (measured apart) where this one has none."""
        for index, item in enumerate(other.items):
            if item is not None and self.items[index] is None:
                self.items[index], self.boxes[index] = item, other.boxes[index]
                self.numbers[index], self.offsets[index] = other.numbers[index], other.offsets[index]
        self.tables.update({k: v for k, v in other.tables.items() if k not in self.tables})


def measure(engine, geo: Geometry, passages: list[Passage], meta: markup.Meta,
            notes: list[Passage] = (), only=None) -> Measured:
    """Lay out each side of every passage (or of those whose index is in ``only``: the
    others stay None) and footnote (one document per side, and one for passages across
    both columns) and read their lines back. A passage is laid out alone in its block, so
    a share of the passages measures exactly as it does among all of them."""
    indexes = range(len(passages)) if only is None else sorted(only)
    keyed = [(str(index), passages[index]) for index in indexes]
    notes_keyed = [(f"f{index}", note) for index, note in enumerate(notes)]
    columns = geo.layout == "columns"
    found: list[dict] = [{}, {}]
    runs = _runs(keyed, geo, notes_keyed)
    for items, side, width, numbers in runs:
        found[side].update(_layout(engine, geo, meta, items, side, width, numbers))
    _level_tables(engine, geo, meta, keyed, found, _refit(engine, geo, meta, runs, found))
    out = Measured([None] * len(passages), [None] * len(passages), [None] * len(passages),
                   [None] * len(passages), [(found[0][k], found[1][k]) for k, _ in notes_keyed], {})
    out.note_heights = [tuple(boxes.height(box) for box in pair) for pair in out.notes]
    out.note_lines = [Item(tuple(boxes.lines(box, True) for box in pair), heights)
                      for pair, heights in zip(out.notes, out.note_heights)]
    for index, (key, passage) in zip(indexes, keyed):
        pair = (found[0][key], None if columns and passage.span else found[1][key])
        marks = (found[0].get("n" + key), found[1].get("n" + key))
        out.items[index], out.boxes[index] = _item(passage, pair, geo.gap), pair
        out.numbers[index], out.offsets[index] = marks, _offsets(pair, marks)
        if out.items[index].head:
            out.tables[index] = tuple(box.deepcopy() for box in pair)
    return out


def _refit(engine, geo: Geometry, meta: markup.Meta, runs, found) -> dict:
    """Set again each passage that ran past its edge: a table first smaller on both sides
    (print.css's ``tight``: an editor's review found a seven-column table's code cut
    mid-number, "-0 / 400", where a smaller size held it whole), then what still runs past
    with breaks allowed where it must (``overflows``). Updates ``found``; returns the
    classes added, by (side, key)."""
    added: dict[tuple[int, str], str] = {}
    tables = {k for items, side, _, _ in runs for k, p in items
              if p.kind == "table" and boxes.overflows(found[side][k])}
    for extra in (" tight", " overflows"):
        for items, side, width, _ in runs:
            again = [(k, p) for k, p in items if (k in tables if extra == " tight" else
                                                  boxes.overflows(found[side][k]))]
            for k, _ in again:
                added[side, k] = added.get((side, k), "") + extra
            if again:
                set_again = [(k, _with(p, added[side, k])) for k, p in again]
                found[side].update(_layout(engine, geo, meta, set_again, side, width, ""))
    return added


def _with(passage: Passage, classes: str) -> Passage:
    return replace(passage, classes=passage.classes + classes) if classes else passage


def _level_tables(engine, geo: Geometry, meta: markup.Meta, keyed, found, added: dict) -> None:
    """Set again each table whose rows differ in height between its sides (a cell wraps
    in one language and not in the other), each row as tall as its taller side: every
    row then stands level with its translation, as every passage does. ``added``: the
    classes each side was set again with (``_refit``)."""
    uneven = []
    for key, passage in keyed:
        if passage.kind != "table":
            continue
        rows = [boxes.table_rows(found[side][key]) for side in (0, 1)]
        if len(rows[0]) == len(rows[1]) and any(abs(a - b) > 0.01 for a, b in zip(*rows)):
            heights = [max(pair) for pair in zip(*rows)]
            sides = tuple(replace(side, html=_row_heights(side.html, heights))
                          for side in passage.sides)
            uneven.append((key, replace(passage, sides=sides)))
    for side in (0, 1) if uneven else ():
        found[side].update(_layout(engine, geo, meta, [(k, _with(p, added.get((side, k), "")))
                                                       for k, p in uneven], side,
                                   geo.side_width, ""))


def _row_heights(html: str, heights: list[float]) -> str:
    """A table's HTML (``shapes.table``: each row a bare ``<tr>``) with its rows' heights."""
    parts = html.split("<tr>")
    return parts[0] + "".join(f'<tr style="height: {height / boxes.PT:.3f}px">{part}'
                              for height, part in zip(heights, parts[1:]))


def _layout(engine, geo: Geometry, meta: markup.Meta, items, side: int, width: float,
            numbers: str) -> dict:
    """One measuring document's passage (and number) boxes, by key; only the boxes are
    kept, not the document (its HTML tree, its page)."""
    lang = meta.langs[side]
    html = markup.measuring(items, side, lang, numbers)
    page = markup.document(meta, html, "target" if side else "source", lang)
    found = boxes.find(engine.layout(page, measure_css(geo, width)), "data-m")
    heap.tidy()
    return found


def _runs(keyed, geo: Geometry, notes_keyed=()):
    """(passages, side, width, where their numbers go) for each measuring document: passage
    numbers in the outer margins of facing pages, left of the French column."""
    columns = geo.layout == "columns"
    spanning = [(k, p) for k, p in keyed if columns and p.span]
    sided = [(k, p) for k, p in keyed if not (columns and p.span)] + list(notes_keyed)
    runs = [(sided, 0, geo.side_width, "left"),
            (sided, 1, geo.side_width, "" if columns else "right")]
    return runs + ([(spanning, 0, geo.text_width, "")] if spanning else [])


def _offsets(pair, marks) -> tuple[float, float]:
    """How far below a passage's top its number's top goes, per side: the difference of
    their first baselines, so that both sit on one line."""
    return tuple(_offset(box, mark) for box, mark in zip(pair, marks))  # type: ignore[return-value]


def _offset(box, mark) -> float:
    """A number beside a passage starting with a picture stands at its top."""
    first = boxes.baseline(box) if mark is not None else None
    return first - (boxes.baseline(mark) or 0.0) if first is not None else 0.0


def _item(passage: Passage, pair, gap: float) -> Item:
    splittable = passage.kind in _SPLITTABLE or "breakable" in passage.classes.split()
    sides = tuple(boxes.lines(box, splittable) if box is not None else () for box in pair)
    heights = tuple(boxes.height(box) if box is not None else 0.0 for box in pair)
    called = tuple(boxes.calls(box) if box is not None and 'class="call"' in part.html else ()
                   for box, part in zip(pair, passage.sides))
    head = boxes.head(pair[0]) if passage.kind == "table" else 0.0
    return Item(sides, heights, passage.space * gap, passage.keep, called,
                head, passage.fresh)  # type: ignore[arg-type]
