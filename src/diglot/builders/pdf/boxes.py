"""Reading and moving WeasyPrint's laid-out boxes: each measured passage's lines (where
they start and end, where a page may break), and grafting a passage, or a slice of its
lines, onto a page at the height the paginator chose.

The final pages hold the very boxes that were measured, moved: what the paginator planned
is what is drawn, to the point, with no second layout that could break a line differently.
A slice keeps whole lines (a hyphenated word at its end keeps its hyphen), so every line is
drawn exactly once. WeasyPrint's box tree is internal: the tests pin what is read here.
"""

from __future__ import annotations

from dataclasses import replace

from weasyprint.formatting_structure import boxes as wb
from weasyprint.layout.background import layout_box_backgrounds

from diglot.builders.pdf.paginate import Line

PT = 0.75  # points per CSS pixel
_EPS = 0.01  # pixels


def find(document, attribute: str) -> dict[str, object]:
    """The first box of each element carrying ``attribute``, by the attribute's value."""
    found: dict[str, object] = {}
    for page in document.pages:
        for box in _walk(page._page_box):
            element = box.element
            if element is not None and isinstance(box, wb.BlockBox):
                value = element.get(attribute)
                if value is not None and value not in found:
                    found[value] = box
    return found


def _walk(box):
    yield box
    if isinstance(box, wb.ParentBox) and not isinstance(box, wb.LineBox):
        for child in box.children:
            yield from _walk(child)


def page_boxes(document) -> list:
    return [page._page_box for page in document.pages]


# --- measuring ------------------------------------------------------------------------------

def height(box) -> float:
    return box.border_height() * PT


def lines(box, splittable: bool) -> tuple[Line, ...]:
    """The passage's lines (top and bottom under its border-box top, in points); a page may
    break before a line only inside a splittable passage, leaving at least two lines of the
    block on each side of the break, or between two blocks when the second is no note and
    the first no table's header row (a table's rows are its lines)."""
    top = _border_top(box)
    out: list[Line] = []
    texts: list[bool] = []  # whether each line shows text (a code block's blank line does not)
    before = None
    for number, (block, rows) in enumerate(_containers(box)):
        count = len(rows)
        for index, row in enumerate(rows):
            inside = 2 <= index <= count - 2
            between = index == 0 and number > 0 and not (_is_note(block) or _is_head(before))
            edges = [row.position_y, *_row_cuts(row), row.position_y + row.height]
            out += [Line((y - top) * PT, (below - top) * PT,
                         splittable and (inside or between) and not k, bool(k))
                    for k, (y, below) in enumerate(zip(edges, edges[1:]))]
            texts += [_shows_text(block)] * (len(edges) - 1)
        before = block
    return tuple(_no_lone_code_line(out, texts) if _is_code(box) else out)


def _no_lone_code_line(out: list[Line], texts: list[bool]) -> list[Line]:
    """No break leaving one line of code with text alone at a page's foot or head (each
    line is a block of its own: a reader's review saw the first alone; blank lines between
    do not count, a code review)."""
    shown = [k for k, text in enumerate(texts) if text]
    if len(shown) < 4:
        return out
    fixed = set(range(1, shown[1] + 1)) | set(range(shown[-2] + 1, shown[-1] + 1))
    return [replace(line, breakable=False) if k in fixed else line for k, line in enumerate(out)]


def _shows_text(block) -> bool:
    element = getattr(block, "element", None)
    return element is None or bool("".join(element.itertext()).strip())


def _is_code(box) -> bool:
    element = getattr(box, "element", None)
    return element is not None and "code" in (element.get("class") or "").split()


def _row_cuts(row) -> list[float]:
    """Where a table's row may be cut when it is taller than a page (pixels, inside it):
    at the top of a line of one of its cells that no line of another cell straddles, and
    every line's height down the room a short cell leaves (a row is as tall as its taller
    side: the English of a long French cell ends in blank room). A row stands whole
    wherever it fits; these are the paginator's last resort (``inner`` lines), or the end
    of the row would be lost past the foot of the page."""
    if not isinstance(getattr(row, "box", None), wb.TableRowBox):
        return []
    spans = sorted((line.position_y, line.position_y + line.height)
                   for cell in row.box.children for line in _line_boxes(cell))
    if not spans:
        return []
    bottom = row.position_y + row.height - _EPS
    cuts, reach = [], spans[0][1]
    for top, end in spans[1:]:  # sorted by top: one sweep, where a pairwise test was quadratic
        if reach - _EPS <= top < bottom:
            cuts.append(top)
        reach = max(reach, end)
    step = max(end - top for top, end in spans)
    while reach < bottom and step > _EPS:
        cuts.append(reach)
        reach += step
    return sorted(set(cuts))


def baseline(box) -> float | None:
    """The first line's baseline under the box's border-box top (points); None when the
    box starts with something else (a picture) or holds no line."""
    for _, rows in _containers(box):
        row = rows[0]
        line = row if isinstance(row, wb.LineBox) else next(_line_boxes(row.box), None)
        if line is None:
            return None
        return (line.position_y + line.baseline - _border_top(box)) * PT
    return None


def head(box) -> float:
    """How far a table passage's header rows reach under its border-box top (points; 0
    for a passage without them)."""
    rows = [row for row in _walk(box) if _is_head(row)]
    return (rows[-1].position_y + rows[-1].border_height() - _border_top(box)) * PT if rows else 0.0


def table_rows(box) -> list[float]:
    """The heights of a table passage's rows, in order (points)."""
    return [row.border_height() * PT for row in _walk(box) if isinstance(row, wb.TableRowBox)]


def calls(box) -> tuple[tuple[float, str], ...]:
    """The footnote calls in a passage: (its line's top under the border-box top, in
    points; the note's label), in order."""
    top, found = _border_top(box), {}
    for line in _line_boxes(box):
        for inner in _walk_inline(line):
            label = inner.element.get("data-call") if inner.element is not None else None
            if label is not None:
                found[((line.position_y - top) * PT, label)] = None
    return tuple(found)


def _line_boxes(box):
    if isinstance(box, wb.LineBox):
        yield box
    elif isinstance(box, wb.ParentBox):
        for child in box.children:
            yield from _line_boxes(child)


def _walk_inline(box):
    yield box
    if isinstance(box, wb.ParentBox):
        for child in box.children:
            yield from _walk_inline(child)


def overflows(box) -> bool:
    """Whether a line runs past its block's right edge (WeasyPrint cannot break before a
    word made of several inline boxes, ``:func:`max`,``, and sets it past the edge), or a
    table past the passage's (a cell as wide as its longest code name)."""
    right = box.content_box_x() + box.width + 1
    if any(isinstance(inner, (wb.TableBox, wb.TableCellBox))
           and inner.position_x + inner.margin_width() > right
           for inner in _walk(box)):
        return True
    for block, rows in _containers(box):
        edge = block.content_box_x() + block.width + 1
        for row in rows:
            if isinstance(row, wb.LineBox) and any(
                    child.position_x + child.margin_width() > edge for child in row.children):
                return True
    return False


def _is_head(block) -> bool:
    """A table's header row: its cells are all ``th``."""
    return isinstance(block, wb.TableRowBox) and bool(block.children) and all(
        cell.element_tag == "th" for cell in block.children)


def _is_note(block) -> bool:
    element = block.element
    return element is not None and "note" in (element.get("class") or "").split()


def _containers(box):
    """(block, its rows) for each innermost block in order: a block's line boxes, or the
    block itself as one unbreakable row when it holds no lines (a rule, an image)."""
    children = getattr(box, "children", [])
    if any(isinstance(child, wb.LineBox) for child in children):
        yield box, [child for child in children if isinstance(child, wb.LineBox)]
        return
    blocks = [child for child in children if _in_flow(child)]
    if not blocks:
        yield box, [_Row(_border_top(box), box.border_height(), box)]
        return
    for child in blocks:
        yield from _containers(child)


class _Row:
    """A block without lines (a rule, a picture, a table's row), standing as one row."""

    def __init__(self, position_y: float, row_height: float, box) -> None:
        self.position_y, self.height, self.box = position_y, row_height, box


def _border_top(box) -> float:
    return box.position_y + box.margin_top


# --- grafting -------------------------------------------------------------------------------

def sheets(page_boxes_: list) -> dict[str, tuple[object, object]]:
    """Each page's sheet (the fixed block the passages go into), by its ``data-sheet``."""
    found = {}
    for page_box in page_boxes_:
        for box in _walk(page_box):
            element = box.element
            if element is not None and isinstance(box, wb.BlockBox) and element.get("data-sheet"):
                found[element.get("data-sheet")] = (page_box, box)
    return found


def languages(page_boxes_: list) -> list[list[str] | None]:
    """Per page, the language of each box on its sheet (None: a page without a sheet)."""
    sheet_of = {id(page_box): sheet for page_box, sheet in sheets(page_boxes_).values()}
    return [[child.style["lang"] or "" for child in sheet_of[id(page_box)].children]
            if id(page_box) in sheet_of else None for page_box in page_boxes_]


def graft(page_box, sheet, box, start: float, end: float, x: float, y: float) -> None:
    """Draw the slice ``[start, end)`` (points under the border-box top) of a measured
    passage on ``sheet``, its start at ``(x, y)`` points from the sheet's top left."""
    top = _border_top(box)
    lo, hi = top + start / PT, top + end / PT
    whole = start <= 0 and end >= height(box) - _EPS * PT
    piece = box if whole else _slice(box, lo, hi)
    if piece is None:
        return
    piece.translate(sheet.content_box_x() + x / PT - box.position_x,
                    sheet.content_box_y() + y / PT - lo)
    sheet.children.append(piece)
    layout_box_backgrounds(page_box, piece, None)


def graft_copy(page_box, sheet, box, x: float, y: float, end: float | None = None) -> None:
    """Draw a copy of a measured box (a footnote goes on every spread that calls it, a
    table's header rows over each of its continuations), or of its slice ``[0, end)``,
    its top at ``(x, y)``."""
    graft(page_box, sheet, box.deepcopy(), 0.0, height(box) if end is None else end, x, y)


def _slice(box, lo: float, hi: float):
    """A copy of ``box`` keeping only the rows that start in ``[lo, hi)`` (pixels): the
    boxes it cuts through lose their margins, borders and padding on the cut side. The
    measured boxes are never moved themselves (their positions decide every later slice):
    a row is a shallow copy, and what it holds moves with it, once, as each row goes into
    exactly one slice. A table's row taller than a page is cut through its cells."""
    if isinstance(box, wb.TableRowBox) and _straddles(box, lo, hi):
        return _trimmed(box, [_cell(cell, lo, hi) for cell in box.children], lo, hi)
    if isinstance(box, wb.LineBox) or not _has_blocks_or_lines(box):
        start = box.position_y if isinstance(box, wb.LineBox) else _border_top(box)
        return box.copy() if lo - _EPS <= start < hi - _EPS else None
    kept = [piece for child in box.children
            if (piece := _slice(child, lo, hi) if _in_flow(child) else _within(child, lo, hi))
            is not None]
    if not any(_in_flow(child) for child in kept):
        return None
    return _trimmed(box, kept, lo, hi)


def _straddles(row, lo: float, hi: float) -> bool:
    """Whether a slice's edge falls inside the row (cut at one of its ``_row_cuts``)."""
    top, bottom = row.position_y, row.position_y + row.height
    return any(top + _EPS < edge < bottom - _EPS for edge in (lo, hi))


def _cell(cell, lo: float, hi: float):
    """A cell of a cut row: the lines and blocks that start in the slice, in the cell's
    frame (kept empty on a page where none of its text falls, so the row keeps its cells)."""
    kept = [piece for child in cell.children
            if (piece := _slice(child, lo, hi) if _in_flow(child) else _within(child, lo, hi))
            is not None]
    return _trimmed(cell, kept, lo, hi)


def _trimmed(box, kept: list, lo: float, hi: float):
    """``box`` holding ``kept``, its sides cut by the slice ``[lo, hi)`` trimmed."""
    new = box.copy_with_children(kept)
    content_bottom = box.content_box_y() + box.height
    if _border_top(box) < lo - _EPS:
        new.position_y, new.margin_top, new.padding_top, new.border_top_width = lo, 0, 0, 0
    if content_bottom > hi + _EPS:
        new.margin_bottom = new.padding_bottom = new.border_bottom_width = 0
    new.height = min(content_bottom, hi) - new.content_box_y()
    return new


def _within(box, lo: float, hi: float):
    """A float goes with the slice its top falls in."""
    return box.copy() if lo - _EPS <= box.position_y < hi - _EPS else None


def _has_blocks_or_lines(box) -> bool:
    return any(_in_flow(child) for child in getattr(box, "children", []))


def _in_flow(box) -> bool:
    """Lines and in-flow blocks: what stacks down a passage (floats ride along); a table's
    row groups and rows stack too."""
    if isinstance(box, (wb.LineBox, wb.TableRowGroupBox, wb.TableRowBox)):
        return True
    return isinstance(box, wb.BlockLevelBox) and not (box.is_floated()
                                                      or box.is_absolutely_positioned())
