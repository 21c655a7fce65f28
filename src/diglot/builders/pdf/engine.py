"""The WeasyPrint adapter: lay HTML out into pages, and write finished pages as a PDF.

WeasyPrint (CSS paged media, Pango for fonts and shaping, Pyphen for hyphenation) is
imported here and in ``boxes`` only. Importing this module fails with ImportError or
OSError when WeasyPrint or the Pango library is missing; ``diglot.builders.pdf.require``
turns that into one clear error.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache, partial

from diglot.builders.pdf.inline import PICTURES
from diglot.builders.pdf.loader import libraries_looked_up_once

with libraries_looked_up_once():  # see loader.py: 0.2–0.4 s of every PDF command
    import pydyf
    from weasyprint import CSS, HTML
    from weasyprint.anchors import make_page_bookmark_tree
    from weasyprint.document import Page
    from weasyprint.matrix import Matrix
    from weasyprint.text.ffi import ffi
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.text.line_break import get_log_attrs
    from weasyprint.urls import URLFetcher, URLFetcherResponse

# WeasyPrint reports CSS it ignores through logging; diglot's own stylesheet is tested, so
# its warnings would only be noise on the terminal.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


TAGGED_PAGES = 120
# Rules that load something (a font, a picture, a sheet): parsed each time with this
# engine's fonts and fetcher, never shared.
_LOADS = re.compile(r"@font-face|url\(|@import", re.IGNORECASE)
SCALE = 0.75  # PDF points per CSS pixel


@dataclass
class Part:
    """Some consecutive pages of a book written as a PDF of their own (``Engine.write_part``),
    with what joining them to the others needs: per page, its bookmarks (level, label,
    point in PDF coordinates, state: the outline is made for the whole book), and the
    anchors its pages hold. (A passage links only to addresses outside the book,
    ``inline._absolute``: no link points from one part into another.)"""

    pdf: bytes
    bookmarks: list[list[tuple]]
    anchors: list[str]


class _Fetcher(URLFetcher):
    """Only the pictures diglot read and checked (``inline.PICTURES``, by their address)
    and ``data:`` URIs load: nothing the HTML names can reach a file or the network."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"data"})

    def fetch(self, url, headers=None):
        found = PICTURES.get(url)
        if found is not None:
            return URLFetcherResponse(url, found[0], {"Content-Type": found[1]})
        return super().fetch(url, headers)


class Engine:
    """One PDF being made: the fonts are shared by every layout pass, so the measured
    passages and the final pages use the same faces and embed them once."""

    def __init__(self) -> None:
        self.fonts = FontConfiguration()
        self.fetcher = _Fetcher()

    def layout(self, html: str, css: str):
        """Lay ``html`` out with ``css`` (and nothing else: no user-agent defaults beyond
        WeasyPrint's own): the document, its pages and their boxes."""
        sheet = _parsed(css) if _LOADS.search(css) is None else \
            CSS(string=css, font_config=self.fonts, url_fetcher=self.fetcher)
        return HTML(string=html, url_fetcher=self.fetcher).render(
            stylesheets=[sheet], font_config=self.fonts)

    def write(self, document, page_boxes, languages) -> bytes:
        """A PDF of ``document`` whose pages now hold ``page_boxes`` (grafted in place),
        tagged (a structure tree of headings, paragraphs, lists and links, for screen
        readers) up to ``TAGGED_PAGES`` pages: WeasyPrint's tagging costs time in pages
        times elements (+70% of the writing at 280 pages, minutes at 1,000).
        ``languages``: per page, the language of each passage on its sheet (None for a
        page without one)."""
        pages = _pages(page_boxes)
        return document.copy(pages).write_pdf(
            pdf_tags=len(pages) <= TAGGED_PAGES, pdf_identifier=True, custom_metadata=True,
            finisher=partial(_passage_languages, languages))


    def write_part(self, document, page_boxes) -> Part:
        """Pages to be joined to others (see ``Part``): untagged (a book this long is), and
        without an outline of their own."""
        pages = _pages(page_boxes)
        marks = [_bookmarks(page) for page in pages]
        held = sorted({name for page in pages for name in page.anchors})
        data = document.copy(pages).write_pdf(pdf_tags=False, pdf_identifier=True,
                                              custom_metadata=True)
        return Part(data, marks, held)


def line_breaks(text: str) -> bytes:
    """Where Pango may break a line in ``text``, as the layout will: for each character
    and the end, ``b"1"`` where a line may break before it, else ``b"0"`` (Unicode's line
    breaking rules, which runs.py must follow: a space after "(" or before "⁄" is no break
    for Pango, and an attack round's guesses missed one class after another)."""
    flags = bytes(ffi.buffer(get_log_attrs(text, None)))[_BREAK_BYTE::_ATTR_SIZE]
    return flags.translate(_FLAGS)


def _break_bit() -> tuple[int, int, bytes]:
    """Where ``is_line_break`` lies in a PangoLogAttr (its byte, its size) and a table
    turning that byte into ``b"1"`` or ``b"0"``: read from cffi, whatever the bit order."""
    probe = ffi.new("PangoLogAttr *")
    probe.is_line_break = 1
    raw = bytes(ffi.buffer(probe))
    at = next(i for i, b in enumerate(raw) if b)
    return at, len(raw), bytes(b"1"[0] if value & raw[at] else b"0"[0] for value in range(256))


_BREAK_BYTE, _ATTR_SIZE, _FLAGS = _break_bit()


@lru_cache(maxsize=16)
def _parsed(css: str) -> CSS:
    """``css`` parsed once a process: a build lays out several documents with the same
    rules (both sides' measuring pages, the skeleton; the edition and each article), and
    parsing print.css took 6% of a small article's PDF (12% of the PDF tests). Only for
    rules loading nothing (``_LOADS``): a parsed sheet keeps the font configuration
    and fetcher it was parsed with."""
    return CSS(string=css, url_fetcher=_Fetcher())


def _pages(page_boxes) -> list:
    """WeasyPrint's pages of the boxes, their bookmarks labelled without the zero-width
    breaks a long run of letters was given (``pdf/runs.py``: a code review found
    them in the outline)."""
    pages = [Page(box) for box in page_boxes]
    for page in pages:
        page.bookmarks = [(level, label.replace("\u200b", ""), point, state)
                          for level, label, point, state in page.bookmarks]
    return pages


def _bookmarks(page) -> list[tuple]:
    """The page's bookmarks with their points as WeasyPrint writes them (PDF coordinates),
    taken off the page."""
    matrix = Matrix(a=SCALE, d=-SCALE, f=page.height * SCALE)
    found = [(level, label, matrix.transform_point(*point), state)
             for level, label, point, state in page.bookmarks]
    page.bookmarks = []
    return found


def outline(pages: list[list[tuple]]) -> list:
    """The book's outline from each page's bookmarks (``Part.bookmarks``, pages in order),
    nested as WeasyPrint nests them: ``(label, (page, x, y), children, state)``."""
    root: list = []
    skipped: list = []
    last_by_depth, level = [root], 0
    for number, marks in enumerate(pages):
        level = make_page_bookmark_tree(_Marks(marks), skipped, last_by_depth, level, number,
                                        Matrix())
    return root


class _Marks:
    def __init__(self, bookmarks) -> None:
        self.bookmarks = bookmarks


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
