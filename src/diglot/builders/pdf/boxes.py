"""Reading WeasyPrint's laid-out boxes: each measured passage's lines (where they start
and end, where a page may break), its notes' calls, its table rows (``graft`` moves them
onto the pages). WeasyPrint's box tree is internal: the tests pin what is read here.
"""

from __future__ import annotations

from dataclasses import replace

from weasyprint.formatting_structure import boxes as wb

from diglot.builders.pdf.paginate import Line

PT = 0.75  # points per CSS pixel
EPS = 0.01  # pixels


def find(document, attribute: str) -> dict[str, object]:
    """The first box of each element carrying ``attribute``, by the attribute's value."""
    found: dict[str, object] = {}
    for page in document.pages:
        for box in walk(page._page_box):
            element = box.element
            if element is not None and isinstance(box, wb.BlockBox):
                value = element.get(attribute)
                if value is not None and value not in found:
                    found[value] = box
    return found


def walk(box):
    yield box
    if isinstance(box, wb.ParentBox) and not isinstance(box, wb.LineBox):
        for child in box.children:
            yield from walk(child)


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
    top = border_top(box)
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
    bottom = row.position_y + row.height - EPS
    cuts, reach = [], spans[0][1]
    for top, end in spans[1:]:  # sorted by top: one sweep, where a pairwise test was quadratic
        if reach - EPS <= top < bottom:
            cuts.append(top)
        reach = max(reach, end)
    step = max(end - top for top, end in spans)
    while reach < bottom and step > EPS:
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
        return (line.position_y + line.baseline - border_top(box)) * PT
    return None


def head(box) -> float:
    """How far a table passage's header rows reach under its border-box top (points; 0
    for a passage without them)."""
    rows = [row for row in walk(box) if _is_head(row)]
    return (rows[-1].position_y + rows[-1].border_height() - border_top(box)) * PT if rows else 0.0


def table_rows(box) -> list[float]:
    """The heights of a table passage's rows, in order (points)."""
    return [row.border_height() * PT for row in walk(box) if isinstance(row, wb.TableRowBox)]


def calls(box) -> tuple[tuple[float, str], ...]:
    """The footnote calls in a passage: (its line's top under the border-box top, in
    points; the note's label), in order."""
    top, found = border_top(box), {}
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
           for inner in walk(box)):
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
    blocks = [child for child in children if in_flow(child)]
    if not blocks:
        yield box, [_Row(border_top(box), box.border_height(), box)]
        return
    for child in blocks:
        yield from _containers(child)


class _Row:
    """A block without lines (a rule, a picture, a table's row), standing as one row."""

    def __init__(self, position_y: float, row_height: float, box) -> None:
        self.position_y, self.height, self.box = position_y, row_height, box


def border_top(box) -> float:
    return box.position_y + box.margin_top


def has_blocks_or_lines(box) -> bool:
    return any(in_flow(child) for child in getattr(box, "children", []))


def in_flow(box) -> bool:
    """Lines and in-flow blocks: what stacks down a passage (floats ride along); a table's
    row groups and rows stack too."""
    if isinstance(box, (wb.LineBox, wb.TableRowGroupBox, wb.TableRowBox)):
        return True
    return isinstance(box, wb.BlockLevelBox) and not (box.is_floated()
                                                      or box.is_absolutely_positioned())
