"""The edition's Word styles: every font, size and spacing lives here, in named styles a
publisher can restyle, never as direct formatting on runs.

Fonts are the metric-compatible trio (Times New Roman, Arial, Courier New ↔ Liberation
Serif/Sans/Mono) so Word and LibreOffice break lines the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips

from diglot.ooxml import xml as x

SERIF, SANS, MONO = "Times New Roman", "Arial", "Courier New"
BODY_SIZE = 10.5
RULE_COLOR = "A6A6A6"
_PARA, _CHAR = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER
_LEFT = WD_ALIGN_PARAGRAPH.LEFT
# A table row this short (in characters, about five lines of a column) never splits across
# pages: LibreOffice ignores widow control inside table rows and would strand single lines.
SHORT_ROW = 280
# w:pPr children from w:pBdr on, in schema order (python-docx keeps its copy private).
_PPR_ORDER = ("w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
              "w:rPr", "w:sectPr", "w:pPrChange")


@dataclass(frozen=True)
class Spec:
    """One style's look; ``None`` keeps what the base style gives."""

    name: str
    base: str | None = None
    kind: WD_STYLE_TYPE = _PARA
    font: str | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    small_caps: bool | None = None
    color: str | None = None
    before: float | None = None
    after: float | None = None
    line: float | None = None  # line spacing: a multiple of single, or exact points if > 3
    keep_next: bool | None = None
    indent: float | None = None  # left indent, points
    right: float | None = None  # right indent, points
    align: WD_ALIGN_PARAGRAPH | None = None
    keep_lines: bool | None = None  # never split the paragraph across pages
    hyphenate: bool = True  # False: w:suppressAutoHyphens (headings, code, page furniture)
    border: tuple[str, ...] = ()  # sides with a thin rule ("bottom", "left"…)
    border_color: str = RULE_COLOR
    shade: str | None = None
    underline: bool | None = None
    superscript: bool | None = None
    no_proof: bool = False


_HEADINGS = [Spec(f"Heading {n}", "Normal", font=SANS, size=size, bold=True, italic=False,
                  color="1F1F1F", before=before, after=4, line=1.0, keep_next=True,
                  align=_LEFT, hyphenate=False)
             for n, size, before in ((1, 14, 12), (2, 12.5, 10), (3, 11, 8), (4, 10.5, 6),
                                     (5, 10.5, 6), (6, 10.5, 6))]
_LISTS = [Spec(f"List {kind}{suffix}", "Body Text", after=4)
          for kind in ("Bullet", "Number", "Continue") for suffix in ("", " 2", " 3")]
# A list inside a quotation: the list's look, marked as the Quote style marks its text.
_QUOTED_LISTS = [Spec(f"{spec.name} Quoted", spec.name, italic=True, color="262626",
                      border=("left",)) for spec in _LISTS]

SPECS = [
    Spec("Normal", after=0, line=1.0),
    # Book text: justified, hyphenated by each run's language (w:lang), no widows.
    Spec("Body Text", "Normal", after=6, line=1.15, align=WD_ALIGN_PARAGRAPH.JUSTIFY),
    *_HEADINGS,
    Spec("Title", "Normal", font=SANS, size=17, bold=True, color="1F1F1F", before=0, after=4,
         line=1.0, keep_next=True, align=_LEFT, hyphenate=False),
    Spec("Title Translation", "Title"),
    Spec("Byline", "Normal", size=9.5, italic=True, color="595959", after=14, keep_next=True),
    Spec("Quote", "Body Text", italic=True, color="262626", indent=8, border=("left",)),
    *_LISTS,
    *_QUOTED_LISTS,
    # The box border in the shading colour pads the text inside the grey block.
    Spec("Code Block", "Normal", font=MONO, size=8.5, after=8, line=1.0, indent=6, right=6,
         shade="F2F2F2", border=("top", "left", "bottom", "right"), border_color="F2F2F2",
         no_proof=True, align=_LEFT, keep_lines=True, hyphenate=False),
    Spec("Inline Code", kind=_CHAR, font=MONO, size=9.5, no_proof=True),
    # Code a point under the text it stands in, as in the body (Courier looks larger than
    # Times at one size): in a table's cells, and in notes.
    Spec("Inline Code Table", "Inline Code", kind=_CHAR, size=8.5),
    Spec("Inline Code Note", "Inline Code", kind=_CHAR, size=7.5),
    # In a title or heading, code at the heading's own size (no size of its own), as the
    # HTML and PDF set it (an editor's review: 9.5 pt code inside a 17 pt title).
    Spec("Inline Code Heading", kind=_CHAR, font=MONO, no_proof=True),
    Spec("Hyperlink", kind=_CHAR, color="1F4E79", underline=True),
    Spec("Column Heading", "Normal", font=SANS, size=8, bold=True, small_caps=True,
         color="595959", after=8, keep_next=True, border=("bottom",)),
    Spec("Translation Note", "Normal", font=SANS, size=7.5, italic=True, color="7F6000",
         after=3),
    Spec("Rule", "Normal", after=10, border=("bottom",)),
    # The empty paragraph that opens each article's section: LibreOffice ignores a section
    # break (new page, running head) whose section starts with a table.
    Spec("Section Start", "Normal", size=1, before=0, after=0, line=4, hyphenate=False),
    # Tables of the articles, nested in each column: smaller text, a styled header row.
    Spec("Table Text", "Normal", size=9.5, after=0, line=1.1),
    Spec("Table Heading", "Table Text", font=SANS, size=8.5, bold=True, keep_next=True),
    # A table set a point smaller to stand side by side in half a page
    Spec("Table Text Small", "Table Text", size=8.5),
    Spec("Table Heading Small", "Table Heading", size=7.5),
    Spec("Figure", "Normal", before=4, after=4, line=1.0, keep_next=True,
         align=WD_ALIGN_PARAGRAPH.CENTER),
    Spec("Caption", "Normal", font=SANS, size=8.5, italic=False, bold=False, color="595959",
         after=8, line=1.1),
    Spec("Term", "Body Text", bold=True, after=1, keep_next=True),
    Spec("Definition", "Body Text", indent=14),
    Spec("Footnote Text", "Normal", size=8.5, after=2, line=1.0),
    Spec("Footnote Reference", kind=_CHAR, superscript=True),
    # Markup a review document shows as written and reads back as it is (images, notes).
    Spec("Markdown Source", kind=_CHAR, font=MONO, size=9, color="7F7F7F", no_proof=True),
    Spec("Header", "Normal", font=SANS, size=8, small_caps=True, color="7F7F7F",
         align=_LEFT, hyphenate=False),
    Spec("Footer", "Normal", font=SANS, size=8.5, color="595959", align=WD_ALIGN_PARAGRAPH.CENTER),
    Spec("Edition Title", "Normal", font=SANS, size=28, bold=True, color="1F1F1F", before=150,
         after=18, align=WD_ALIGN_PARAGRAPH.CENTER, hyphenate=False),  # no "bi-/lingue"
    Spec("Edition Subtitle", "Normal", size=13, italic=True, color="404040", after=8,
         align=WD_ALIGN_PARAGRAPH.CENTER, hyphenate=False),
    Spec("Edition Title Translation", "Edition Subtitle", size=18, after=18),
    Spec("Edition Author", "Edition Subtitle", size=14, italic=False, color="1F1F1F", after=36),
    Spec("TOC Heading", "Normal", font=SANS, size=14, bold=True, color="1F1F1F", before=0,
         after=14),
    Spec("toc 1", "Normal", size=11, before=6, after=1),
    # No indent: LibreOffice measures the page-number tab from the indent, past the margin.
    Spec("toc 2", "Normal", size=10, italic=True, color="404040", after=4),
]


def sid(name: str) -> str:
    """A style's id from its name, as python-docx and Word's template derive it."""
    return name.replace(" ", "")


def install(document, body_lang: str, text_width: int) -> None:
    """Define every style the builders use; ``text_width`` (twips) places the TOC tab stops."""
    _defaults(document.styles.element, body_lang)
    names = {s.name for s in document.styles}  # once: python-docx makes an object per style
    for spec in SPECS:
        _apply(_style(document.styles, spec, names), spec)
    # Absent w:widowControl means off: a two-line paragraph could split one line per page.
    document.styles["Normal"].paragraph_format.widow_control = True
    for name in ("toc 1", "toc 2"):
        tabs = document.styles[name].paragraph_format.tab_stops
        tabs.add_tab_stop(Twips(text_width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    # The running head: French title at the left margin, English title at the right. The
    # template's Header has a centre stop at 4680 that the one tab would stop at first.
    tabs = document.styles["Header"].paragraph_format.tab_stops
    tabs.clear_all()
    tabs.add_tab_stop(Twips(text_width), WD_TAB_ALIGNMENT.RIGHT)


def prune(document) -> None:
    """Drop what python-docx's template carries and no diglot document (edition or review)
    uses: its hundred table styles (340 kB of the 350 kB styles part) and the legacy
    ``stylesWithEffects`` part (430 kB). Every document then loads, saves and compresses
    several times faster."""
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:default")) != "1":
            styles.remove(style)
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rel_id)


def style_id(document, name: str) -> str:
    return document.styles[name].style_id


def _defaults(styles, lang: str) -> None:
    """Document defaults: body font and size, and a proofing language for anything untagged."""
    props = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(props, SERIF)
    for tag in ("w:sz", "w:szCs"):
        props.find(qn(tag)).set(qn("w:val"), str(int(BODY_SIZE * 2)))
    language = props.find(qn("w:lang"))
    language.set(qn("w:val"), lang)
    language.set(qn("w:eastAsia"), lang)
    spacing = styles.find(qn("w:docDefaults")).find(".//" + qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")


def _style(styles, spec: Spec, names: set[str]):
    if spec.name in names:
        style = styles[spec.name]
    else:
        style = styles.add_style(spec.name, spec.kind)
        style.quick_style = True
        names.add(spec.name)
    if spec.base:
        style.base_style = styles[spec.base]
    return style


def _apply(style, spec: Spec) -> None:
    _font(style.font, style.element, spec)
    if spec.kind == _PARA:
        _paragraph(style.paragraph_format, style.element, spec)


def _font(font, element, spec: Spec) -> None:
    if spec.font:
        _fonts(element.get_or_add_rPr(), spec.font)
    if spec.size:
        font.size = Pt(spec.size)
    for attr in ("bold", "italic", "small_caps", "underline", "superscript"):
        if getattr(spec, attr) is not None:
            setattr(font, attr, getattr(spec, attr))
    if spec.color:
        font.color.rgb = RGBColor.from_string(spec.color)
    if spec.no_proof:
        font.no_proof = True


def _paragraph(fmt, element, spec: Spec) -> None:
    for attr in ("before", "after"):
        if getattr(spec, attr) is not None:
            setattr(fmt, f"space_{attr}", Pt(getattr(spec, attr)))
    if spec.line is not None:
        fmt.line_spacing = Pt(spec.line) if spec.line > 3 else spec.line
    if spec.keep_next is not None:
        fmt.keep_with_next = spec.keep_next
    if spec.keep_lines is not None:
        fmt.keep_together = spec.keep_lines
    if spec.indent is not None:
        fmt.left_indent = Pt(spec.indent)
    if spec.right is not None:
        fmt.right_indent = Pt(spec.right)
    if spec.align is not None:
        fmt.alignment = spec.align
    _remove(element.get_or_add_pPr(), "w:pBdr")  # the template's blue rule under Title
    if spec.border or spec.shade:
        _decorate(element.get_or_add_pPr(), spec)
    if not spec.hyphenate:
        _insert(element.get_or_add_pPr(), x.el("w:suppressAutoHyphens"), "w:suppressAutoHyphens")


def _decorate(props, spec: Spec) -> None:
    """Paragraph rules and shading: python-docx has no API for them."""
    if spec.border:
        borders = x.el("w:pBdr")
        for side in spec.border:
            x.sub(borders, f"w:{side}", {"w:val": "single", "w:sz": "4", "w:space": "4",
                                          "w:color": spec.border_color})
        _insert(props, borders, "w:pBdr")
    if spec.shade:
        shade = x.el("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": spec.shade})
        _insert(props, shade, "w:shd")


def _insert(props, child, tag: str) -> None:
    """Insert ``child`` before its first schema successor present (pPr children are ordered)."""
    props.insert_element_before(child, *_PPR_ORDER[_PPR_ORDER.index(tag) + 1:])


def _remove(props, *tags: str) -> None:
    for tag in tags:
        for found in props.findall(qn(tag)):
            props.remove(found)


def _fonts(props, name: str) -> None:
    """Explicit fonts for every script, dropping theme fonts (they would win over names)."""
    fonts = props.find(qn("w:rFonts"))
    if fonts is None:
        fonts = x.el("w:rFonts")
        props.insert(1 if props.find(qn("w:rStyle")) is not None else 0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
