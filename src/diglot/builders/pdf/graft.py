"""Moving WeasyPrint's measured boxes onto the pages: a passage, or a slice of its lines,
grafted onto a spread's sheet at the height the paginator chose.

The final pages hold the very boxes that were measured, moved: what the paginator planned
is what is drawn, to the point, with no second layout that could break a line differently.
A slice keeps whole lines (a hyphenated word at its end keeps its hyphen), so every line is
drawn exactly once.
"""

from __future__ import annotations

from weasyprint.formatting_structure import boxes as wb
from weasyprint.layout.background import layout_box_backgrounds

from diglot.builders.pdf.boxes import EPS, PT, border_top, has_blocks_or_lines, height, in_flow, walk


def sheets(page_boxes_: list) -> dict[str, tuple[object, object]]:
    """Each page's sheet (the fixed block the passages go into), by its ``data-sheet``."""
    found = {}
    for page_box in page_boxes_:
        for box in walk(page_box):
            element = box.element
            if element is not None and isinstance(box, wb.BlockBox) and element.get("data-sheet"):
                found[element.get("data-sheet")] = (page_box, box)
    return found


def languages(page_boxes_: list) -> list[list[str] | None]:
    """Per page, the language of each box on its sheet (None: a page without a sheet)."""
    sheet_of = {id(page_box): sheet for page_box, sheet in sheets(page_boxes_).values()}
    return [[child.style["lang"] or "" for child in sheet_of[id(page_box)].children]
            if id(page_box) in sheet_of else None for page_box in page_boxes_]


def onto(page_box, sheet, box, start: float, end: float, x: float, y: float) -> None:
    """Draw the slice ``[start, end)`` (points under the border-box top) of a measured
    passage on ``sheet``, its start at ``(x, y)`` points from the sheet's top left."""
    top = border_top(box)
    lo, hi = top + start / PT, top + end / PT
    whole = start <= 0 and end >= height(box) - EPS * PT
    piece = box if whole else _slice(box, lo, hi)
    if piece is None:
        return
    piece.translate(sheet.content_box_x() + x / PT - box.position_x,
                    sheet.content_box_y() + y / PT - lo)
    sheet.children.append(piece)
    layout_box_backgrounds(page_box, piece, None)


def copy_onto(page_box, sheet, box, x: float, y: float, end: float | None = None) -> None:
    """Draw a copy of a measured box (a footnote goes on every spread that calls it, a
    table's header rows over each of its continuations), or of its slice ``[0, end)``,
    its top at ``(x, y)``."""
    onto(page_box, sheet, box.deepcopy(), 0.0, height(box) if end is None else end, x, y)


def _slice(box, lo: float, hi: float):
    """A copy of ``box`` keeping only the rows that start in ``[lo, hi)`` (pixels): the
    boxes it cuts through lose their margins, borders and padding on the cut side. The
    measured boxes are never moved themselves (their positions decide every later slice):
    a row is a shallow copy, and what it holds moves with it, once, as each row goes into
    exactly one slice. A table's row taller than a page is cut through its cells."""
    if isinstance(box, wb.TableRowBox) and _straddles(box, lo, hi):
        return _trimmed(box, [_cell(cell, lo, hi) for cell in box.children], lo, hi)
    if isinstance(box, wb.LineBox) or not has_blocks_or_lines(box):
        start = box.position_y if isinstance(box, wb.LineBox) else border_top(box)
        return box.copy() if lo - EPS <= start < hi - EPS else None
    kept = [piece for child in box.children
            if (piece := _slice(child, lo, hi) if in_flow(child) else _within(child, lo, hi))
            is not None]
    if not any(in_flow(child) for child in kept):
        return None
    return _trimmed(box, kept, lo, hi)


def _straddles(row, lo: float, hi: float) -> bool:
    """Whether a slice's edge falls inside the row (cut at one of its ``_row_cuts``)."""
    top, bottom = row.position_y, row.position_y + row.height
    return any(top + EPS < edge < bottom - EPS for edge in (lo, hi))


def _cell(cell, lo: float, hi: float):
    """A cell of a cut row: the lines and blocks that start in the slice, in the cell's
    frame (kept empty on a page where none of its text falls, so the row keeps its cells)."""
    kept = [piece for child in cell.children
            if (piece := _slice(child, lo, hi) if in_flow(child) else _within(child, lo, hi))
            is not None]
    return _trimmed(cell, kept, lo, hi)


def _trimmed(box, kept: list, lo: float, hi: float):
    """``box`` holding ``kept``, its sides cut by the slice ``[lo, hi)`` trimmed."""
    new = box.copy_with_children(kept)
    content_bottom = box.content_box_y() + box.height
    if border_top(box) < lo - EPS:
        new.position_y, new.margin_top, new.padding_top, new.border_top_width = lo, 0, 0, 0
    if content_bottom > hi + EPS:
        new.margin_bottom = new.padding_bottom = new.border_bottom_width = 0
    new.height = min(content_bottom, hi) - new.content_box_y()
    return new


def _within(box, lo: float, hi: float):
    """A float goes with the slice its top falls in."""
    return box.copy() if lo - EPS <= box.position_y < hi - EPS else None
