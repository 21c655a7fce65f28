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


def running_heads(section, title: str, lang: str) -> None:
    """The edition title in the header, the page number (a PAGE field) in the footer."""
    x.run(section.header.paragraphs[0]._p, title, lang)
    x.field(section.footer.paragraphs[0]._p, "PAGE", "1", lang)


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
    """Let Word re-check spelling (the template claims it is clean) and, for the edition,
    refresh the contents field when the file is opened. The template's thumbnail (a blank
    page) goes: file browsers would show it as the document's preview."""
    rels = document.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[rid]
    root = document.settings.element
    for found in root.findall(qn("w:proofState")):
        root.remove(found)
    if update_fields:
        flag = x.el("w:updateFields", {"w:val": "true"})
        root.insert_element_before(flag, "w:hdrShapeDefaults", "w:footnotePr",
                                   "w:endnotePr", "w:compat", "w:rsids")
