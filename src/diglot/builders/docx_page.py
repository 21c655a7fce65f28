"""Everything around the tables: page size and margins, the running header (edition title)
and footer (PAGE field), document properties and settings, and the edition's title page
with its table of contents field.
"""

from __future__ import annotations

import datetime as dt

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Twips

from diglot.builders import docx_text as text
from diglot.builders import docx_xml as x
from diglot.builders.docx_table import sid

PAGE_SIZES = {"A4": (11906, 16838), "Letter": (12240, 15840)}  # twips
SIDE, TOP, BOTTOM, EDGE = 1134, 1247, 1247, 624  # 2 cm sides, 2.2 cm top/bottom, 1.1 cm
# The contents list the French titles, each with its English title below (level 2).
TOC_FIELD = 'TOC \\h \\z \\t "Title,1,Title Translation,2"'


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


def title_page(body, title: str, built: dt.date, tags: tuple[str, str],
               langs: tuple[str, str]) -> None:
    """The edition's title page: its title, then a line per language with the date."""
    x.run(x.paragraph(body, sid("Edition Title")), title, tags[0])
    for tag in tags:
        line = f"{text.words('edition', tag, *langs)} · {text.long_date(built, tag)}"
        x.run(x.paragraph(body, sid("Edition Subtitle")), line, tag)
    x.page_break(body, tags[0])


def contents(body, entries, tags: tuple[str, str], langs: tuple[str, str]) -> None:
    """The contents heading and a TOC field whose cached result already lists every entry
    (``(text, bookmark, level)``), so the page reads well before anyone updates it."""
    heading = x.paragraph(body, sid("TOC Heading"))
    x.run(heading, text.words("contents", tags[0], *langs), tags[0])
    x.run(heading, " · ", tags[0])
    x.run(heading, text.words("contents", tags[1], *langs), tags[1])
    lines = [x.paragraph(body, sid(f"toc {level}")) for _, _, level in entries]
    lines = lines or [x.paragraph(body, sid("toc 1"))]
    x.field_start(lines[0], TOC_FIELD, tags[0])
    for line, (label, bookmark, level) in zip(lines, entries):
        _entry(line, label, bookmark, tags[0] if level == 1 else tags[1])
    x.field_end(lines[-1], tags[0])


def _entry(line, label: str, bookmark: str, tag: str) -> None:
    """A cached entry: the title linked to its bookmark. No page number: LibreOffice prints
    cached results as they are, and a guessed number would be wrong; Word refreshes the
    field on opening (updateFields) and adds the numbers."""
    x.run(x.hyperlink(line, anchor=bookmark), label, tag)
