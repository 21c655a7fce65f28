"""Lists inside table cells: which list style a list item takes (List Bullet/Number/Continue
1–3) and which numbering restarts each numbered list.

Paragraphs sharing a numbering definition count as one list, so each numbered list gets its
own copy of its style's definition, separately in each column: otherwise the French and
English items would count 1, 2, 3, 4 across the two cells of a row. Bullets need no count
and keep their style's numbering.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass

from docx.oxml.ns import qn

from diglot.ooxml import xml as x
from diglot.model import ListLevel

MAX_DEPTH = 3  # Word's built-in list styles go to level 3; deeper items share level 3


def list_style(levels: tuple[ListLevel, ...]) -> str:
    """``List Number 2`` for a numbered item at depth 2; ``List Continue`` for an item's
    later paragraphs (indented, no marker)."""
    depth = min(len(levels), MAX_DEPTH)
    suffix = f" {depth}" if depth > 1 else ""
    inner = levels[-1]
    kind = "Continue" if not inner.first else "Number" if inner.ordered else "Bullet"
    return f"List {kind}{suffix}"


# A bullet per depth, as the other editions show them (•, ◦, ▪), in the glyphs and fonts
# Word gives its own levels (LibreOffice maps Symbol and Wingdings to OpenSymbol).
_BULLETS = {"List Bullet 2": ("o", "Courier New"), "List Bullet 3": ("\uf0a7", "Wingdings")}


def _set_bullet(abstract, glyph: str, font: str) -> None:
    """The first level of a bullet list style's definition shows ``glyph`` in ``font``."""
    if abstract is None:
        return
    level = abstract.find(qn("w:lvl"))
    level.find(qn("w:lvlText")).set(qn("w:val"), glyph)
    fonts = level.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    for side in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(side), font)


@dataclass
class _Open:
    key: int
    ordered: bool


class ListTracker:
    """Follows blocks in document order and names each list instance (an int key)."""

    def __init__(self) -> None:
        self._stack: list[_Open] = []
        self._count = 0
        self.starts: dict[int, int] = {}  # key → first marker number

    def see(self, levels: tuple[ListLevel, ...]) -> int | None:
        """The key of the innermost list holding this block (None outside lists)."""
        stack: list[_Open] = []
        fresh = False
        for depth, level in enumerate(levels):
            old = self._stack[depth] if depth < len(self._stack) else None
            if fresh or old is None or old.ordered != level.ordered:
                old = self._open(level)
                fresh = True  # a new list: every list inside it is new too
            stack.append(old)
            fresh = fresh or level.first  # a new item starts new sub-lists
        self._stack = stack
        return stack[-1].key if stack else None

    def _open(self, level: ListLevel) -> _Open:
        self._count += 1
        self.starts[self._count] = level.number or 1
        return _Open(self._count, level.ordered)


class Numbering:
    """Adds a numbering definition per numbered list and column to the numbering part.

    Each copy of the style's definition gets its own id and ``w:nsid``: LibreOffice (and
    Word, by nsid) count every paragraph of one definition as a single list, even across
    ``w:num`` instances with start overrides.
    """

    def __init__(self, document) -> None:
        self._root = document.part.numbering_part.element
        abstracts = self._root.findall(qn("w:abstractNum"))
        self._last = abstracts[-1] if abstracts else None
        self._next_abstract = 1 + max((int(a.get(qn("w:abstractNumId"))) for a in abstracts),
                                      default=-1)
        nums = [int(n.get(qn("w:numId"))) for n in self._root.findall(qn("w:num"))]
        self._next = max(nums, default=0) + 1
        self._templates = {style.style_id: self._template(style) for style in document.styles
                           if style.name.startswith("List Number")}
        for style in document.styles:
            if style.name in _BULLETS:
                _set_bullet(self._template(style), *_BULLETS[style.name])
        self._made: dict[tuple[int, int], int] = {}
        self.lists: dict[int, tuple[str, int]] = {}  # numId → (style id, start) made here

    def _template(self, style):
        """The abstract numbering definition a list style points to, itself or through the
        style it is based on (``List Number Quoted``); None if it has none."""
        found = None
        while style is not None and found is None:
            found = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
            style = style.base_style
        if found is None:
            return None
        for num in self._root.findall(qn("w:num")):
            if num.get(qn("w:numId")) == found.get(qn("w:val")):
                wanted = num.find(qn("w:abstractNumId")).get(qn("w:val"))
                return next((a for a in self._root.findall(qn("w:abstractNum"))
                             if a.get(qn("w:abstractNumId")) == wanted), None)
        return None

    def num(self, style_id: str, column: int, key: int, start: int) -> int | None:
        """The ``w:numId`` of list ``key`` in ``column``, created on first use."""
        template = self._templates.get(style_id)
        if template is None:
            return None
        if (column, key) not in self._made:
            self._made[(column, key)] = number = self._add(template, start)
            self.lists[number] = (style_id, start)
        return self._made[(column, key)]

    def fresh(self, style_id: str, start: int) -> int | None:
        """A new numbered list of a style (an adopted article's or half's: see
        ``fragment``, ``apart``)."""
        template = self._templates.get(style_id)
        if template is None:
            return None
        number = self._add(template, start)
        self.lists[number] = (style_id, start)
        return number

    def _add(self, template, start: int) -> int:
        abstract = self._copy(template, start)
        number, self._next = self._next, self._next + 1
        num = x.sub(self._root, "w:num", {"w:numId": str(number)})
        x.val(num, "w:abstractNumId", abstract)
        return number

    def _copy(self, template, start: int) -> str:
        ident, self._next_abstract = self._next_abstract, self._next_abstract + 1
        copy = deepcopy(template)
        copy.set(qn("w:abstractNumId"), str(ident))
        copy.find(qn("w:nsid")).set(qn("w:val"), f"{0xD1600000 + ident:08X}")
        for link in copy.iter(qn("w:pStyle")):  # the style keeps pointing to the original
            link.getparent().remove(link)
        copy.find(f"{qn('w:lvl')}/{qn('w:start')}").set(qn("w:val"), str(start))
        self._last.addnext(copy)
        self._last = copy
        return str(ident)
