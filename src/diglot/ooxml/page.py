"""Page furniture every diglot document shares: page size and margins, the running header
and footer (PAGE field), document properties and settings."""

from __future__ import annotations

import datetime as dt

from docx.opc.constants import RELATIONSHIP_TYPE as RT
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
    core.title, core.author, core.subject, core.language = title, author, subject, language
    core.keywords, core.comments, core.category = "", "", ""
    core.last_modified_by, core.revision = "diglot", 1
    moment = built.astimezone(dt.timezone.utc).replace(tzinfo=None)
    core.created = core.modified = moment


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
    if update_fields:
        flag = x.el("w:updateFields", {"w:val": "true"})
        root.insert_element_before(flag, "w:hdrShapeDefaults", "w:footnotePr",
                                   "w:endnotePr", "w:compat", "w:rsids")


def _hyphenation(root) -> None:
    """Automatic hyphenation, at most two hyphenated lines in a row, none in capitals.
    These settings follow ``w:defaultTabStop`` in the schema's order."""
    anchor = root.find(qn("w:defaultTabStop"))
    for tag, value in reversed((("w:autoHyphenation", "true"), ("w:consecutiveHyphenLimit", "2"),
                                ("w:hyphenationZone", "284"), ("w:doNotHyphenateCaps", "true"))):
        for found in root.findall(qn(tag)):
            root.remove(found)
        anchor.addnext(x.el(tag, {"w:val": value}))
