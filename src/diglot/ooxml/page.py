"""Page furniture every diglot document shares: page size and margins, the running header
and footer (PAGE field), document properties and settings."""

from __future__ import annotations

import datetime as dt

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml.ns import qn
from docx.shared import Twips

from diglot.ooxml import xml as x

PAGE_SIZES = {"A4": (11906, 16838), "Letter": (12240, 15840)}  # twips
SIDE, TOP, BOTTOM, EDGE = 1134, 1247, 1247, 624  # 2 cm sides, 2.2 cm top/bottom, 1.1 cm


def text_width(page_size: str) -> int:
    return PAGE_SIZES[page_size][0] - 2 * SIDE


def setup(section, page_size: str) -> None:
    """Paper size and margins of a section (python-docx API)."""
    width, height = PAGE_SIZES[page_size]
    section.page_width, section.page_height = Twips(width), Twips(height)
    section.left_margin = section.right_margin = Twips(SIDE)
    section.top_margin, section.bottom_margin = Twips(TOP), Twips(BOTTOM)
    section.header_distance = section.footer_distance = Twips(EDGE)


def page_numbers(section, lang: str) -> None:
    """The page number (a PAGE field) in the footer of a section and those after it."""
    x.field(section.footer.paragraphs[0]._p, "PAGE", "1", lang)


class PartNames:
    """python-docx's ``next_partname`` (the smallest free ``/word/header%d.xml``…) for a
    package that only grows: python-docx walks every part of the package for each new
    part, so an edition's 400 running heads cost a second; the names come out the same."""

    def __init__(self, package) -> None:
        self._taken = {str(part.partname) for part in package.iter_parts()}

    def __call__(self, template: str) -> PackURI:
        n = 1
        while template % n in self._taken:
            n += 1
        self._taken.add(template % n)
        return PackURI(template % n)


class Relations:
    """python-docx's ``relate_to`` for a part whose relationships only grow: it scans every
    relationship for a match and again for a free id, each time (an edition's running
    heads and pictures made that quadratic). Same ids: the smallest free ``rIdN``."""

    def __init__(self, part) -> None:
        self._part = part
        self._known = {(rel.reltype, _ref(rel.target_ref if rel.is_external else rel.target_part)):
                       rid for rid, rel in part.rels.items()}
        self._next = 1

    def __call__(self, target, reltype: str, is_external: bool = False) -> str:
        key, rels = (reltype, _ref(target)), self._part.rels
        rid = self._known.get(key)
        if rid is None or rid not in rels:  # (a relationship python-docx dropped since)
            while f"rId{self._next}" in rels:
                self._next += 1
            rid = f"rId{self._next}"
            rels.add_relationship(reltype, target, rid, is_external)
            self._known[key] = rid
        return rid


def _ref(target) -> str:
    """A relationship's target as a key: an external address, or a part's name."""
    return target if isinstance(target, str) else str(target.partname)


def fast_packaging(document) -> None:
    """Quick part naming and relating for the document (see ``PartNames``, ``Relations``)."""
    package = document.part.package
    package.next_partname = PartNames(package)
    document.part.relate_to = Relations(document.part)


def running_head(section, left: tuple[str, str], right: tuple[str, str] | None = None) -> None:
    """A section's own header: ``left`` (text, language) at the left margin, ``right`` at
    the right one (the Header style's tab stop); an empty header if ``left`` is empty."""
    header = section.header
    # A new section starts with a copy of its predecessor's header reference: linking then
    # unlinking gives it a header part of its own instead of rewriting the shared one.
    header.is_linked_to_previous = True
    header.is_linked_to_previous = False
    para = header.paragraphs[0]._p
    for child in para[1:] if para.find(qn("w:pPr")) is not None else para[:]:
        para.remove(child)
    if left[0]:
        x.run(para, *left)
    if right and right[0]:
        x.tab(para, right[1])
        x.run(para, *right)


def properties(document, title: str, author: str, subject: str, language: str,
               built: dt.datetime) -> None:
    """Core properties; the dates come from the build time so rebuilds are identical."""
    core = document.core_properties
    core.title, core.author, core.subject, core.language = (
        _property(title), _property(author), _property(subject), language)
    core.keywords, core.comments, core.category = "", "", ""
    core.last_modified_by, core.revision = "diglot", 1
    moment = built.astimezone(dt.timezone.utc).replace(tzinfo=None)
    core.created = core.modified = moment


# python-docx refuses a core property past 255 characters (an attack round: a long title
# ended `build` with a traceback, no edition written).
_PROPERTY = 255


def _property(text: str) -> str:
    """A core property's text: XML's characters, 255 at most (a longer one ends in "…")."""
    text = x.xml_text(text)
    return text if len(text) <= _PROPERTY else text[:_PROPERTY - 1].rstrip() + "…"


def settings(document, update_fields: bool) -> None:
    """Let Word re-check spelling (the template claims it is clean), hyphenate by each
    run's language, and, for the edition, refresh the contents' page numbers when the file
    is opened. The template's thumbnail (a blank page) goes: file browsers would show it as
    the document's preview."""
    rels = document.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[rid]
    root = document.settings.element
    for found in root.findall(qn("w:proofState")):
        root.remove(found)
    _hyphenation(root)
    _manual_breaks_not_stretched(root)
    if update_fields:
        flag = x.el("w:updateFields", {"w:val": "true"})
        root.insert_element_before(flag, "w:hdrShapeDefaults", "w:footnotePr",
                                   "w:endnotePr", "w:compat", "w:rsids")


def _manual_breaks_not_stretched(root) -> None:
    """A line ended by a hard break (a poem's line, an address) is set as it is, not
    stretched across a justified column: Word and LibreOffice read this from ``w:compat``,
    where it comes before the template's other settings."""
    compat = root.find(qn("w:compat"))
    if compat is None:
        compat = x.el("w:compat")
        root.insert_element_before(compat, "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
                                   "w:themeFontLang", "w:clrSchemeMapping")
    if compat.find(qn("w:doNotExpandShiftReturn")) is None:
        compat.insert(0, x.el("w:doNotExpandShiftReturn"))


def _hyphenation(root) -> None:
    """Automatic hyphenation, at most two hyphenated lines in a row, none in capitals.
    These settings follow ``w:defaultTabStop`` in the schema's order."""
    anchor = root.find(qn("w:defaultTabStop"))
    for tag, value in reversed((("w:autoHyphenation", "true"), ("w:consecutiveHyphenLimit", "2"),
                                ("w:hyphenationZone", "284"), ("w:doNotHyphenateCaps", "true"))):
        for found in root.findall(qn(tag)):
            root.remove(found)
        anchor.addnext(x.el(tag, {"w:val": value}))
