"""Inline Markdown of one segment → Word runs: bold/italic runs, code in a character style,
links as real hyperlinks (relationship ids), hard breaks as ``w:br``, proofing language on
every run, French typography on French runs. Shared by the print edition and the review
export.

Images and footnote references are the caller's to write (``markup``: the edition embeds
pictures and makes footnotes); without one they are shown as their Markdown source in the
"Markdown Source" character style, as review documents show them.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Callable, Mapping

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from diglot.errors import BuildError
from diglot.ooxml import xml as x
from diglot.source.inline import Span, spans
from diglot.typography import typeset

# A link leading to another machine without a scheme: //host, \\host, and the same with
# the backslashes percent-encoded (markdown-it's form of them).
_NETWORK = re.compile(r"^(?:[/\\]|%5c|%2f){2}", re.IGNORECASE)
CODE_STYLE = "InlineCode"  # character style ids, defined in docx_styles
TABLE_CODE_STYLE, NOTE_CODE_STYLE = "InlineCodeTable", "InlineCodeNote"  # smaller text's code
HEADING_CODE_STYLE = "InlineCodeHeading"  # a title's or heading's code, at its size
LINK_STYLE = "Hyperlink"
# Spans one document holds at most. A 10,000-paragraph book has 90,000 (134 MB to build), so
# an article at the segment bound some 600,000; a link costs about 3.5 kB of XML tree, so the
# worst is two gigabytes, where an attack round's 14 MB of "*[a](b)*" took 11.
MAX_PIECES = 600_000
SOURCE_STYLE = "MarkdownSource"


class InlineWriter:
    """Turns segment texts into runs for one document part (it owns the link relationships)."""

    def __init__(self, part, spacing: str | None = None, pieces: list[int] | None = None) -> None:
        """``spacing``: the French house style (``typography``) for French runs; None
        writes every segment as it is; ``pieces``: the count of spans written into the
        document (shared by the writers of its parts: see MAX_PIECES)."""
        self._part = part
        self._spacing = spacing
        self._rids: dict[str, str] = {}
        self._next = 1
        self._pieces = pieces if pieces is not None else [0]

    def write(self, parent, text: str, lang: str, references: Mapping | None = None,
              markup: Callable | None = None, link: Callable[[str], str] | None = None,
              code: str = CODE_STYLE) -> None:
        """Append the runs (and hyperlinks) of a segment's inline Markdown, tagged ``lang``;
        ``references`` are the article's link definitions; ``markup(parent, span, lang)``
        writes an image or a footnote reference; ``link(href)`` is where a link leads;
        ``code`` is the character style of code."""
        self.put(parent, self.spans(text, lang, references), lang, markup, link, code)

    def spans(self, text: str, lang: str, references: Mapping | None = None) -> list:
        """A segment's spans as ``write`` sets them (typeset for ``lang``)."""
        items = spans(text, references)
        return typeset(items, lang, self._spacing) if self._spacing is not None else items

    def put(self, parent, items: list, lang: str, markup: Callable | None = None,
            link: Callable[[str], str] | None = None, code: str = CODE_STYLE) -> None:
        """Append the runs of ``spans`` (see ``write``)."""
        self._pieces[0] += len(items)
        if self._pieces[0] > MAX_PIECES:
            raise BuildError(f"more than {MAX_PIECES:,} pieces of text (links, emphasis, code "
                             "spans…) in one document: Word's XML for them would take gigabytes; "
                             "split the article")
        write_markup = markup or source_run
        for (href, title), group in groupby(items, key=_link_of):
            target = self._link(parent, link(href) if link else href, title) if href else parent
            for span in group:
                if span.markup:
                    write_markup(target, span, lang)
                else:
                    _span_run(target, span, lang, code)

    def _link(self, parent, href: str, title: str = ""):
        if not href:  # a link the document does not keep: its text, unlinked
            return parent
        if href.startswith("#"):
            return x.hyperlink(parent, anchor=href[1:], tooltip=title)
        if _NETWORK.match(href):  # \\host\share, //host/x: Word opens such a link over the
            return parent  # network (SMB); the text stays, unlinked
        return x.hyperlink(parent, rid=self.rid(href), tooltip=title)

    @property
    def links(self) -> dict[str, str]:
        """relationship id → external link target, of the links written so far."""
        return {rid: url for url, rid in self._rids.items()}

    def rid(self, url: str) -> str:
        """The relationship id of an external link target (deterministic: rId1, rId2…)."""
        if url not in self._rids:
            # python-docx's relate_to scans every relationship for a match and for a free id:
            # quadratic in a document with thousands of links. The ids are the same ones it
            # would pick (the smallest free), found without the scans.
            rels = self._part.rels
            while f"rId{self._next}" in rels:
                self._next += 1
            rels.add_relationship(RT.HYPERLINK, url, f"rId{self._next}", is_external=True)
            self._rids[url] = f"rId{self._next}"
        return self._rids[url]


def _link_of(span: Span) -> tuple[str | None, str]:
    """A span's link and the link's title (Word shows it as the link's tooltip)."""
    return span.href, span.link_title if span.href else ""


def source_run(parent, span: Span, lang: str) -> None:
    """An image or a footnote reference as its Markdown source, in its own style."""
    x.run(parent, span.markdown, lang, SOURCE_STYLE)


def _span_run(parent, span: Span, lang: str, code: str) -> None:
    if span.br:
        x.line_break(parent, lang)
        return
    style = code if span.code else LINK_STYLE if span.href else None
    x.run(parent, span.text, code_lang(lang) if span.code else lang, style, span.bold, span.italic)


def code_lang(lang: str) -> str:
    """Code's proofing language: the text's with a private-use subtag (``fr-FR-x-code``).
    LibreOffice hyphenates by language and has no run property to stop it (``w:noProof``
    does not): ``s.pop(i)`` came out "s.-" / "pop(i)"; with no patterns for this tag it
    leaves code whole, and the run still reads as French or English."""
    return f"{lang}-x-code"
