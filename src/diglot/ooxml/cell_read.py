"""WordprocessingML paragraphs → styled spans, as a reader of the accepted document sees them.

Tracked changes are resolved as if accepted: insertions (``w:ins``, ``w:moveTo``) are read,
deletions (``w:del``, ``w:moveFrom``) skipped, a deleted paragraph mark joins its paragraph
to the next; formatting changes keep the new formatting. Word and LibreOffice write the
same elements for all of this. Hyperlinks come as ``w:hyperlink`` or as HYPERLINK fields
(simple or complex); bold and italic come from the run or its character style; code is the
edition's Inline Code style or a monospaced font.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from docx.oxml.ns import qn

from diglot.errors import DocumentError
from diglot.source.inline import Span, spans

_SKIPPED = {qn(t) for t in ("w:del", "w:moveFrom", "w:pPr", "w:rPr", "w:sdtPr", "w:sdtEndPr",
                            "w:customXmlPr", "w:smartTagPr", "w:tbl")}
_CONTAINERS = {qn(t) for t in ("w:ins", "w:moveTo", "w:smartTag", "w:customXml", "w:sdt",
                               "w:sdtContent", "w:dir", "w:bdo")}
_BREAKS = {qn("w:br"), qn("w:cr")}
_CHARS = {qn("w:tab"): "\t", qn("w:noBreakHyphen"): "\u2011"}
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]*)"|(\S+))?(.*)$', re.DOTALL)
_ANCHOR_SWITCH = re.compile(r'\\l\s+"([^"]*)"')
CODE_STYLE_NAMES = frozenset({"inline code", "inline code table", "inline code note",
                              "inline code heading", "html code",
                              "source text", "verbatim char"})
SOURCE_STYLE_NAME = "markdown source"  # images and note calls, shown as Markdown
MONOSPACED = frozenset({"courier new", "courier", "consolas", "liberation mono",
                        "dejavu sans mono", "menlo", "monaco", "source code pro",
                        "lucida console", "noto mono"})


@dataclass(frozen=True)
class Look:
    bold: bool = False
    italic: bool = False
    code: bool = False
    source: bool = False  # Markdown shown as written (an image, a note call)


class Styles:
    """Character styles' bold, italic and code, resolved along ``w:basedOn``."""

    def __init__(self, styles_root) -> None:
        self._nodes = {}
        if styles_root is not None:
            for node in styles_root.iter(qn("w:style")):
                if node.get(qn("w:type")) == "character":
                    self._nodes[node.get(qn("w:styleId"))] = node
        self._cache: dict[str, Look] = {}

    def look(self, style_id: str | None, depth: int = 0) -> Look:
        if not style_id or style_id not in self._nodes or depth > 10:
            return Look()
        if style_id not in self._cache:
            node = self._nodes[style_id]
            based = node.find(qn("w:basedOn"))
            parent = self.look(based.get(qn("w:val")) if based is not None else None, depth + 1)
            name = node.find(qn("w:name"))
            named = name.get(qn("w:val"), "").lower() if name is not None else ""
            look = _apply(node.find(qn("w:rPr")), parent, named in CODE_STYLE_NAMES)
            if named == SOURCE_STYLE_NAME or parent.source:
                look = Look(look.bold, look.italic, False, True)
            self._cache[style_id] = look
        return self._cache[style_id]


def _apply(props, base: Look, code: bool = False) -> Look:
    """``base`` with the bold/italic/font settings of a ``w:rPr`` applied."""
    if props is None:
        return Look(base.bold, base.italic, base.code or code, base.source)
    fonts = props.find(qn("w:rFonts"))
    font = ""
    if fonts is not None:
        font = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi")) or ""
    return Look(_toggle(props, "w:b", base.bold), _toggle(props, "w:i", base.italic),
                not base.source and (base.code or code or font.lower() in MONOSPACED),
                base.source)


def _toggle(props, tag: str, default: bool) -> bool:
    node = props.find(qn(tag))
    if node is None:
        return default
    return node.get(qn("w:val"), "true").lower() not in ("0", "false", "off")


@dataclass
class _Field:
    code: str = ""
    result: bool = False  # past the separator: runs are the field's shown result


@dataclass
class CellReader:
    """Reads the paragraphs of one cell (or comment); ``links`` maps relationship ids to
    external targets."""

    styles: Styles
    links: dict[str, str]
    out: list[Span] = field(default_factory=list)
    _hrefs: list[str | None] = field(default_factory=list)
    _fields: list[_Field] = field(default_factory=list)

    def read(self, paragraphs) -> list[Span]:
        """The spans of consecutive paragraphs, a line break between them (a segment has no
        paragraphs), empty paragraphs at either end dropped."""
        lines: list[list[Span]] = [[]]
        for paragraph in paragraphs:
            self.out = lines[-1]
            self._children(paragraph)
            if not _mark_deleted(paragraph):
                lines.append([])
        while lines and not lines[-1]:
            lines.pop()
        while lines and not lines[0]:
            lines.pop(0)
        joined: list[Span] = []
        for number, line in enumerate(lines):
            joined += ([Span("\n", br=True)] if number else []) + line
        return _sources_read(joined)

    def _children(self, node) -> None:
        for child in node:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == qn("w:r"):
                self._run(child)
            elif tag == qn("w:hyperlink"):
                self._hyperlink(child)
            elif tag == qn("w:fldSimple"):
                self._hrefs.append(_field_href(child.get(qn("w:instr"), "")))
                self._children(child)
                self._hrefs.pop()
            elif tag in _CONTAINERS:
                self._children(child)

    def _hyperlink(self, node) -> None:
        rid, anchor = node.get(qn("r:id")), node.get(qn("w:anchor"))
        href = self.links.get(rid) if rid else None
        if anchor:
            href = f"{href or ''}#{anchor}"
        self._hrefs.append(href)
        self._children(node)
        self._hrefs.pop()

    def _run(self, run) -> None:
        props = run.find(qn("w:rPr"))
        style = props.find(qn("w:rStyle")) if props is not None else None
        look = _apply(props, self.styles.look(style.get(qn("w:val")) if style is not None
                                              else None))
        for child in run:
            self._piece(child, look)

    def _piece(self, child, look: Look) -> None:
        tag = child.tag
        if tag == qn("w:fldChar"):
            self._field_char(child.get(qn("w:fldCharType")))
        elif tag == qn("w:instrText"):
            if self._fields and not self._fields[-1].result:
                self._fields[-1].code += child.text or ""
        elif self._fields and not self._fields[-1].result:
            return  # a field's code, not its shown result
        elif tag == qn("w:t"):
            self._text(child.text or "", look)
        elif tag in _BREAKS:
            self.out.append(Span("\n", br=True))
        elif tag in _CHARS:
            self._text(_CHARS[tag], look)
        elif tag == qn("w:sym"):
            code = _symbol(child.get(qn("w:char"), "0"))
            if 0 < code < 0xF000:  # above: a symbol font's private glyph, not a character
                self._text(chr(code), look)

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append(_Field())
        elif kind == "separate" and self._fields:
            self._fields[-1].result = True
            self._hrefs.append(_field_href(self._fields[-1].code))
        elif kind == "end" and self._fields and self._fields.pop().result:
            self._hrefs.pop()

    def _text(self, text: str, look: Look) -> None:
        if text:
            href = next((h for h in reversed(self._hrefs) if h is not None), None)
            if look.source:  # kept as written until read as Markdown (_sources_read)
                self.out.append(Span("", href=href, markdown=text))
            else:
                self.out.append(Span(text, look.bold, look.italic, look.code, href))


def _symbol(value: str) -> int:
    """The character code of a ``w:sym``, which Word writes in hexadecimal."""
    try:
        code = int(value, 16) if value.isascii() and value.isalnum() else -1
    except ValueError:
        code = -1
    if code < 0 or 0xD800 <= code <= 0xDFFF:
        raise DocumentError(f"a symbol (w:sym) has the invalid character code "
                          f"'{value[:20]}'; retype the character or save the document again")
    return code


def _field_href(instruction: str) -> str | None:
    """The target of a HYPERLINK field (``HYPERLINK "url" \\l "anchor"``), else None."""
    match = _HYPERLINK_FIELD.match(instruction)
    if not match:
        return None
    url = match.group(1) or match.group(2) or ""
    anchor = _ANCHOR_SWITCH.search(match.group(3) or "")
    if anchor:
        url = f"{url}#{anchor.group(1)}"
    return url or None


def _mark_deleted(paragraph) -> bool:
    """A paragraph mark deleted with Track Changes: accepted, the paragraph joins the next."""
    props = paragraph.find(qn("w:pPr"))
    mark = props.find(qn("w:rPr")) if props is not None else None
    return mark is not None and mark.find(qn("w:del")) is not None


def _sources_read(items: list[Span]) -> list[Span]:
    """Text in the Markdown Source style read as Markdown: an image or a note call comes
    back as it was written, with any edit made inside it (an alt text). Consecutive pieces
    are joined first (Word splits runs where an edit was made)."""
    out: list[Span] = []
    for span in items:
        if _is_source(span) and out and _is_source(out[-1]) and out[-1].href == span.href:
            out[-1] = Span("", href=span.href, markdown=out[-1].markdown + span.markdown)
        else:
            out.append(span)
    return [piece for span in out for piece in (_as_markdown(span) if _is_source(span) else [span])]


def _is_source(span: Span) -> bool:
    return bool(span.markdown) and not span.markup


def _as_markdown(span: Span) -> list[Span]:
    return [replace(s, href=s.href or span.href) for s in spans(span.markdown)]


def plain(items: list[Span]) -> str:
    return "".join(s.text for s in items)
