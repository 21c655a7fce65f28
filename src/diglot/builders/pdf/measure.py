"""Measure every passage as it will be printed: each side laid out once, whole, at its
final width (same fonts, sizes, hyphenation by language, French typography), and read back
as lines the paginator can place: their heights, and where a page may break.

Facing pages set both sides at the text width (the English side on the right-hand page,
its passage numbers in the right margin); columns set each side at a column's width, and
code blocks and rules once across both columns.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from diglot.builders.pdf import boxes, markup
from diglot.builders.pdf.paginate import Item
from diglot.builders.pdf.passages import Passage
from diglot.builders.pdf.style import Geometry, measure_css
from diglot.model import BLOCKQUOTE, LIST_ITEM, PARAGRAPH

# Kinds whose passages may split across pages between lines (never headings or titles).
_SPLITTABLE = (PARAGRAPH, LIST_ITEM, BLOCKQUOTE)


@dataclass
class Measured:
    """Each passage as an ``Item`` for the paginator, with the laid-out box of each of its
    sides (None for a side that is not drawn: the English of a code block in columns)."""

    items: list[Item]
    boxes: list[tuple[object, object | None]]
    numbers: list[tuple[object | None, object | None]]  # each side's passage-number box
    offsets: list[tuple[float, float]]  # per side: its number's top under the passage's
    # top (read before any box is moved)


def measure(engine, geo: Geometry, passages: list[Passage], meta: markup.Meta) -> Measured:
    """Lay out each side of every passage (one document per side, and one for passages
    across both columns) and read their lines back."""
    keyed = [(str(index), passage) for index, passage in enumerate(passages)]
    columns = geo.layout == "columns"
    found: list[dict] = [{}, {}]
    for items, side, width, numbers in _runs(keyed, geo):
        run = _layout(engine, geo, meta, items, side, width, numbers)
        wide = [(k, replace(p, classes=p.classes + " overflows")) for k, p in items
                if boxes.overflows(run[k])]
        if wide:  # set again, breaking their lines anywhere they must
            run.update(_layout(engine, geo, meta, wide, side, width, ""))
        found[side].update(run)
    pairs = [(found[0][k], None if columns and p.span else found[1][k]) for k, p in keyed]
    numbers = [(found[0].get("n" + k), found[1].get("n" + k)) for k, _ in keyed]
    return Measured([_item(p, pair, geo.gap) for p, pair in zip(passages, pairs)], pairs,
                    numbers, [_offsets(pair, marks) for pair, marks in zip(pairs, numbers)])


def _layout(engine, geo: Geometry, meta: markup.Meta, items, side: int, width: float,
            numbers: str) -> dict:
    """One measuring document's passage (and number) boxes, by key; only the boxes are
    kept, not the document (its HTML tree, its page)."""
    lang = meta.langs[side]
    html = markup.measuring(items, side, lang, numbers)
    page = markup.document(meta, html, "target" if side else "source", lang)
    return boxes.find(engine.layout(page, measure_css(geo, width)), "data-m")


def _runs(keyed, geo: Geometry):
    """(passages, side, width, where their numbers go) for each measuring document: passage
    numbers in the outer margins of facing pages, left of the French column."""
    columns = geo.layout == "columns"
    spanning = [(k, p) for k, p in keyed if columns and p.span]
    sided = [(k, p) for k, p in keyed if not (columns and p.span)]
    runs = [(sided, 0, geo.side_width, "left"),
            (sided, 1, geo.side_width, "" if columns else "right")]
    return runs + ([(spanning, 0, geo.text_width, "")] if spanning else [])


def _offsets(pair, marks) -> tuple[float, float]:
    """How far below a passage's top its number's top goes, per side: the difference of
    their first baselines, so that both sit on one line."""
    return tuple(boxes.baseline(box) - boxes.baseline(mark) if mark is not None else 0.0
                 for box, mark in zip(pair, marks))  # type: ignore[return-value]


def _item(passage: Passage, pair, gap: float) -> Item:
    splittable = passage.kind in _SPLITTABLE or "breakable" in passage.classes.split()
    sides = tuple(boxes.lines(box, splittable) if box is not None else () for box in pair)
    heights = tuple(boxes.height(box) if box is not None else 0.0 for box in pair)
    return Item(sides, heights, passage.space * gap, passage.keep)  # type: ignore[arg-type]
