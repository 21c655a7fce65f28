"""The WeasyPrint adapter: lay HTML out into pages, and write finished pages as a PDF.

WeasyPrint (CSS paged media, Pango for fonts and shaping, Pyphen for hyphenation) is
imported here and in ``boxes`` only. Importing this module fails with ImportError or
OSError when WeasyPrint or the Pango library is missing; ``diglot.builders.pdf.require``
turns that into one clear error.
"""

from __future__ import annotations

import logging
from functools import partial

import pydyf
from weasyprint import CSS, HTML
from weasyprint.document import Page
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

# WeasyPrint reports CSS it ignores through logging; diglot's own stylesheet is tested, so
# its warnings would only be noise on the terminal.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


TAGGED_PAGES = 120


class Engine:
    """One PDF being made: the fonts are shared by every layout pass, so the measured
    passages and the final pages use the same faces and embed them once."""

    def __init__(self) -> None:
        self.fonts = FontConfiguration()
        # Only data: URIs load (the pictures, read and checked by diglot.media): nothing
        # the HTML names can reach a file or the network.
        self.fetcher = URLFetcher(allowed_protocols={"data"})

    def layout(self, html: str, css: str):
        """Lay ``html`` out with ``css`` (and nothing else: no user-agent defaults beyond
        WeasyPrint's own): the document, its pages and their boxes."""
        sheet = CSS(string=css, font_config=self.fonts, url_fetcher=self.fetcher)
        return HTML(string=html, url_fetcher=self.fetcher).render(
            stylesheets=[sheet], font_config=self.fonts)

    def write(self, document, page_boxes, languages) -> bytes:
        """A PDF of ``document`` whose pages now hold ``page_boxes`` (grafted in place),
        tagged (a structure tree of headings, paragraphs, lists and links, for screen
        readers) up to ``TAGGED_PAGES`` pages: WeasyPrint's tagging costs time in pages
        times elements (+70% of the writing at 280 pages, minutes at 1,000).
        ``languages``: per page, the language of each passage on its sheet (None for a
        page without one)."""
        pages = [Page(box) for box in page_boxes]
        return document.copy(pages).write_pdf(
            pdf_tags=len(pages) <= TAGGED_PAGES, pdf_identifier=True, custom_metadata=True,
            finisher=partial(_passage_languages, languages))


def _passage_languages(languages, document, pdf) -> None:
    """Give each passage's structure element its language (``/Lang``), which WeasyPrint's
    tagging leaves to the document alone: a screen reader then reads the French passages
    in French and the English in English. A page's sheet is one ``Div`` whose children are
    the passages grafted on it, in order; a page that does not show exactly that is left as
    WeasyPrint tagged it."""
    root = pdf.catalog.get("StructTreeRoot")
    if root is None:
        return
    objects = pdf.objects
    top = objects[_number(objects[_number(root)]["K"][0])]
    pages = {reference: index for index, reference in enumerate(pdf.page_references)}
    for reference in top["K"]:
        element = objects[_number(reference)]
        page = pages.get(element.get("Pg"))
        found = languages[page] if page is not None else None
        kids = element.get("K", [])
        if found is None or element.get("S") != "/Div" or len(kids) != len(found):
            continue
        for kid, lang in zip(kids, found):
            if isinstance(kid, bytes) and lang:
                objects[_number(kid)]["Lang"] = pydyf.String(lang)


def _number(reference: bytes) -> int:
    return int(reference.split()[0])
