"""Raw WordprocessingML pieces python-docx has no API for, built as lxml elements.

Tables are built here row by row as XML because python-docx's per-cell access rebuilds the
grid on every call (quadratic). Every function appends to a parent already in place: a
loose element moved into a tree costs a namespace walk of its whole subtree, which made
large tables several times slower. The pieces made thousands of times (rows, cells,
paragraphs, text runs) are copies of small cached templates, one per look: a few nodes
each, cheap to move in. This module knows OOXML, not diglot's model: the review export
reuses it.
"""

from __future__ import annotations

import re
from copy import copy
from functools import lru_cache
from typing import Sequence

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from lxml import etree

_NS = {"w": nsmap["w"], "r": nsmap["r"]}
_PRESERVE = {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}
# Clark names of the elements made for every run and cell: a table of 10,000 rows makes
# ~500,000 elements, so the hot paths skip the prefix lookup.
_R, _RPR, _T, _LANG, _VAL = qn("w:r"), qn("w:rPr"), qn("w:t"), qn("w:lang"), qn("w:val")
_child = etree.SubElement
# Characters XML 1.0 cannot hold (a form feed in a source, an ANSI escape in a code block):
# lxml refuses them, so they are dropped rather than failing the build.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot hold (a title from a source holding one)."""
    return _NOT_XML.sub("", text)


@lru_cache(maxsize=None)
def _clark(tag: str) -> str:
    return qn(tag)


def el(tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """A loose element (``"w:tbl"``) with prefixed attributes (``{"w:val": "x"}``); made by
    python-docx's parser so python-docx reads it with its own element classes."""
    node = oxml_parser.makeelement(_clark(tag), nsmap=_NS)
    for key, value in (attrs or {}).items():
        node.set(_clark(key), value)
    return node


def sub(parent, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """A child element appended to ``parent``."""
    if not attrs:
        return _child(parent, _clark(tag))
    return _child(parent, _clark(tag), {_clark(k): v for k, v in attrs.items()})


def val(parent, tag: str, value: str) -> etree._Element:
    """The common ``<w:x w:val="…"/>`` child."""
    return _child(parent, _clark(tag), {_VAL: value})


def _copy(parent, template: etree._Element) -> etree._Element:
    """A copy of a template (one of the cached ``_text_run``, ``_paragraph``… below, never
    changed themselves) appended to ``parent``. Copying makes one Python object where
    building the same elements one by one made one each, at a third of the cost; lxml's
    copy.copy is deep, without deepcopy's memo."""
    node = copy(template)
    parent.append(node)
    return node


# -- runs -------------------------------------------------------------------------------

def run(parent, text: str, lang: str, style: str | None = None, bold: bool = False,
        italic: bool = False) -> etree._Element:
    """A run of text; ``lang`` is its proofing language (``w:lang``), always set."""
    r = _copy(parent, _text_run(lang, style, bold, italic))
    r[-1].text = _NOT_XML.sub("", text)
    return r


@lru_cache(maxsize=256)
def _text_run(lang: str, style: str | None, bold: bool, italic: bool) -> etree._Element:
    """The template of a text run of one look, with empty text."""
    r = el("w:r")
    _props(r, lang, style, bold, italic)
    # xml:space: Word would drop leading and trailing spaces
    _child(r, _T, _PRESERVE)
    return r


def _run(parent, lang: str) -> etree._Element:
    """An empty run (for a break, a tab or a field character) appended to ``parent``."""
    r = _child(parent, _R)
    _props(r, lang)
    return r


def upright_emphasis(para) -> None:
    """Set a paragraph's italic runs in roman: its style is italic (a quotation), and
    emphasis within italic text is roman, else it would not show."""
    for mark in para.iter(qn("w:i")):
        mark.set(_VAL, "0")


def _props(r, lang: str, style: str | None = None, bold: bool = False,
           italic: bool = False) -> None:
    """A run's properties: character style, bold, italic, proofing language."""
    props = _child(r, _RPR)
    if style:
        val(props, "w:rStyle", style)
    if bold:
        sub(props, "w:b")
    if italic:
        sub(props, "w:i")
    _child(props, _LANG, {_VAL: lang})


def font_size(para, half_points: int) -> None:
    """Every run of ``para`` at a size of its own (before its language: the schema's order)."""
    for props in para.iter(_RPR):
        lang = props.find(_LANG)
        for name in ("w:sz", "w:szCs"):
            mark = etree.Element(qn(name), {_VAL: str(half_points)})
            if lang is not None:
                lang.addprevious(mark)
            else:
                props.append(mark)


def line_break(parent, lang: str) -> None:
    """A hard line break (``w:br``) inside a paragraph."""
    sub(_run(parent, lang), "w:br")


def tab(parent, lang: str) -> None:
    """A tab character (``w:tab``): to the paragraph's next tab stop."""
    sub(_run(parent, lang), "w:tab")


def verbatim(parent, text: str, lang: str) -> None:
    """Verbatim text (code) in one run: newlines become ``w:br``, tabs ``w:tab``, spaces are
    kept (a run per line and per break was four times the tree: a 2 MB block, 2.4 GB)."""
    r = _run(parent, lang)
    for number, line in enumerate(text.split("\n")):
        if number:
            sub(r, "w:br")
        for piece_no, piece in enumerate(line.split("\t")):
            if piece_no:
                sub(r, "w:tab")
            if piece:
                _child(r, _T, _PRESERVE).text = _NOT_XML.sub("", piece)


def hyperlink(parent, rid: str | None = None, anchor: str | None = None,
              tooltip: str = "") -> etree._Element:
    """An empty hyperlink to fill with runs: external by relationship id, or to a bookmark;
    ``tooltip``: what Word shows over it (a Markdown link's title)."""
    link = sub(parent, "w:hyperlink", {"r:id": rid} if rid else {"w:anchor": anchor or ""})
    if tooltip:
        link.set(_clark("w:tooltip"), xml_text(tooltip))
    link.set(_clark("w:history"), "1")
    return link


def field(parent, instruction: str, cached: str, lang: str) -> None:
    """A complex field (PAGE, TOC…) with a cached result shown until it is updated."""
    field_start(parent, instruction, lang)
    if cached:
        run(parent, cached, lang)
    field_end(parent, lang)


def field_start(parent, instruction: str, lang: str) -> None:
    """A field's start, code and separator; its result and ``field_end`` may come paragraphs
    later (a TOC field spans its entries)."""
    sub(_run(parent, lang), "w:fldChar", {"w:fldCharType": "begin"})
    code = _child(_run(parent, lang), _clark("w:instrText"), _PRESERVE)
    code.text = f" {instruction} "
    sub(_run(parent, lang), "w:fldChar", {"w:fldCharType": "separate"})


def field_end(parent, lang: str) -> None:
    sub(_run(parent, lang), "w:fldChar", {"w:fldCharType": "end"})


def bookmark_start(parent, name: str, number: int) -> None:
    sub(parent, "w:bookmarkStart", {"w:id": str(number), "w:name": name})


def bookmark_end(parent, number: int) -> None:
    sub(parent, "w:bookmarkEnd", {"w:id": str(number)})


# -- paragraphs -------------------------------------------------------------------------

def paragraph(parent, style: str | None, keep_next: bool = False,
              num: tuple[int, int] | None = None, indent: int = 0,
              align: str = "") -> etree._Element:
    """An empty paragraph with its style; ``num`` is (numId, ilvl) for a numbered item;
    ``align`` is ``left``, ``center`` or ``right`` (else the style's)."""
    return _copy(parent, _paragraph(style, keep_next, num, indent, align))


@lru_cache(maxsize=256)
def _paragraph(style: str | None, keep_next: bool, num: tuple[int, int] | None,
               indent: int, align: str = "") -> etree._Element:
    """The template of an empty paragraph of one look."""
    p = el("w:p")
    props = sub(p, "w:pPr")
    if style:
        val(props, "w:pStyle", style)
    if keep_next:
        sub(props, "w:keepNext")
    if num:
        numbering = sub(props, "w:numPr")
        val(numbering, "w:ilvl", str(num[1]))
        val(numbering, "w:numId", str(num[0]))
    if indent:
        sub(props, "w:ind", {"w:left": str(indent)})
    if align:
        val(props, "w:jc", align)
    return p


def page_break(parent, lang: str) -> None:
    sub(_run(sub(parent, "w:p"), lang), "w:br", {"w:type": "page"})


# -- tables -----------------------------------------------------------------------------

def table(widths: Sequence[int], borders: bool, cell_margin: int,
          rules: Sequence[str] = ()) -> etree._Element:
    """An empty fixed-layout table; ``widths`` in twentieths of a point (dxa); a full grid
    with ``borders``, else thin lines on the ``rules`` sides only (``top``, ``insideH``…).
    Put it in the document before filling it."""
    tbl = el("w:tbl")
    props = sub(tbl, "w:tblPr")
    sub(props, "w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"})
    sides = _SIDES if borders else tuple(rules)
    _borders(sub(props, "w:tblBorders"), sides)
    sub(props, "w:tblLayout", {"w:type": "fixed"})
    margins = sub(props, "w:tblCellMar")
    for side in ("left", "right"):
        sub(margins, f"w:{side}", {"w:w": str(cell_margin), "w:type": "dxa"})
    sub(props, "w:tblLook", {"w:val": "0000", "w:firstRow": "0", "w:lastRow": "0",
                             "w:firstColumn": "0", "w:lastColumn": "0",
                             "w:noHBand": "1", "w:noVBand": "1"})
    grid = sub(tbl, "w:tblGrid")
    for width in widths:
        sub(grid, "w:gridCol", {"w:w": str(width)})
    return tbl


_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def _borders(parent, ruled: Sequence[str]) -> None:
    for side in _SIDES:
        attrs = {"w:val": "single" if side in ruled else "nil"}
        if side in ruled:
            attrs.update({"w:sz": "4", "w:space": "0", "w:color": "A6A6A6"})
        sub(parent, f"w:{side}", attrs)


def row(tbl, header: bool = False, cant_split: bool = False, height: int = 0) -> etree._Element:
    """A table row; ``header`` repeats it on every page, ``cant_split`` keeps it whole;
    ``height`` (twips, with ``cant_split``) is the least it is high."""
    tr = _copy(tbl, _row(header, cant_split))
    if height and cant_split:  # w:trHeight comes after w:cantSplit, before w:tblHeader
        tr[0][0].addnext(el("w:trHeight", {"w:val": str(height), "w:hRule": "atLeast"}))
    return tr


@lru_cache(maxsize=4)
def _row(header: bool, cant_split: bool) -> etree._Element:
    """The template of an empty table row."""
    tr = el("w:tr")
    if header or cant_split:
        props = sub(tr, "w:trPr")
        sub(props, "w:cantSplit")
        if header:
            sub(props, "w:tblHeader")
    return tr


def cell(tr, width: int, span: int = 1, shade: str | None = None) -> etree._Element:
    """A table cell; the caller adds at least one paragraph (Word requires one)."""
    return _copy(tr, _cell(width, span, shade))


@lru_cache(maxsize=64)
def _cell(width: int, span: int, shade: str | None) -> etree._Element:
    """The template of an empty table cell."""
    tc = el("w:tc")
    props = sub(tc, "w:tcPr")
    sub(props, "w:tcW", {"w:w": str(width), "w:type": "dxa"})
    if span > 1:
        val(props, "w:gridSpan", str(span))
    if shade:
        sub(props, "w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": shade})
    return tc
