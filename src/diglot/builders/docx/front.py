"""The edition's front matter: its title page and the table of contents field."""

from __future__ import annotations

import datetime as dt

from diglot.builders.docx import text
from diglot.ooxml import xml as x
from diglot.ooxml.styles import sid

# The contents list the French titles, each with its English title below (level 2).
TOC_FIELD = 'TOC \\h \\z \\t "Title,1,Title Translation,2"'


def title_page(body, title: str, built: dt.date | None, tags: tuple[str, str],
               langs: tuple[str, str]) -> None:
    """The edition's title page: its title, then a line per language, with the build date
    only when the configuration asks for it (labelled: it is no publication date)."""
    x.run(x.paragraph(body, sid("Edition Title")), title, tags[0])
    for tag in tags:
        line = text.words("edition", tag, *langs)
        if built is not None:
            line += " · " + text.words("built on", tag, *langs).format(text.long_date(built, tag))
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
