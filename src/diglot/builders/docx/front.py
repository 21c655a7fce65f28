"""The edition's front matter: its title page and the table of contents field."""

from __future__ import annotations

import datetime as dt

from diglot.builders.docx import text
from diglot.ooxml import xml as x
from diglot.ooxml.styles import sid

def title_page(body, titles: tuple[str, str], author: str, built: dt.date | None,
               tags: tuple[str, str], langs: tuple[str, str]) -> None:
    """The edition's title page: its title (and in the target language, when given), its
    author, then a line per language, with the build date only when the configuration
    asks for it (labelled: it is no publication date)."""
    x.run(x.paragraph(body, sid("Edition Title")), titles[0], tags[0])
    if titles[1]:
        x.run(x.paragraph(body, sid("Edition Title Translation")), titles[1], tags[1])
    if author:
        x.run(x.paragraph(body, sid("Edition Author")), author, tags[0])
    for tag in tags:
        line = text.words("edition", tag, *langs)
        if built is not None:
            line += " · " + text.words("built on", tag, *langs).format(text.long_date(built, tag))
        x.run(x.paragraph(body, sid("Edition Subtitle")), line, tag)
    x.page_break(body, tags[0])


def contents(body, entries, tags: tuple[str, str], langs: tuple[str, str]) -> None:
    """The contents: a heading, then a line per title (``(text, bookmark, level)``) linked
    to its bookmark, with its page number as a PAGEREF field. Not a TOC field: LibreOffice
    prints a TOC field's stored result as it is, but computes PAGEREF fields when it lays
    the document out, so the numbers are right in Word and LibreOffice alike."""
    heading = x.paragraph(body, sid("TOC Heading"))
    x.run(heading, text.words("contents", tags[0], *langs), tags[0])
    x.run(heading, " · ", tags[0])
    x.run(heading, text.words("contents", tags[1], *langs), tags[1])
    for label, bookmark, level in entries:
        tag = tags[0] if level == 1 else tags[1]
        line = x.paragraph(body, sid(f"toc {level}"))
        x.run(x.hyperlink(line, anchor=bookmark), label, tag)
        x.tab(line, tag)
        x.field(line, f"PAGEREF {bookmark} \\h", "", tag)
