"""The PDF edition: a typeset book of each article and of the whole edition, French and
English on facing pages kept in step (``pdf_layout = "facing"``), or in two columns.

Made with WeasyPrint, an optional dependency (``pip install 'diglot[pdf]'``, and the Pango
library): measure every passage (``measure``), decide which lines go on which spread
(``paginate``, pure), lay out a page skeleton and move the measured passages onto it
(``boxes``), write the PDF (``engine``); ``assemble`` runs the four. This module imports
none of them until a PDF is built, so ``require`` can report what is missing in one line.
"""

from __future__ import annotations

from importlib import import_module

from diglot import media
from diglot.safety import MAX_DECODED_PIXELS
from diglot.builders import BuildContext
from diglot.errors import BuildError
from diglot.model import CODE, Bilingual


def require() -> None:
    """Raise a BuildError saying what to install when WeasyPrint or Pango cannot load."""
    try:
        import_module("diglot.builders.pdf.engine")
    except (ImportError, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BuildError("the PDF edition needs WeasyPrint and the Pango library "
                         f"(pip install 'diglot[pdf]'; Debian: apt install libpango-1.0-0 "
                         f"libpangoft2-1.0-0): {reason}") from None


class PdfBuilder:
    """The ``pdf`` format (see builders.Builder)."""

    def article(self, doc: Bilingual, ctx: BuildContext) -> bytes:
        require()
        from diglot.builders.pdf import assemble

        within_bounds(doc)
        _new_book()
        return assemble.article(doc, ctx)

    def index(self, docs: list[Bilingual], ctx: BuildContext) -> bytes:
        require()
        from diglot.builders.pdf import assemble

        for doc in docs:
            within_bounds(doc)
        _decodable(docs, MAX_EDITION_PIXELS, "edition.pdf")
        _new_book()
        return assemble.edition(docs, ctx)

    def files(self, doc: Bilingual) -> dict[str, bytes]:
        return {}  # fonts and pictures are inside the PDF

    def same(self, old: bytes, new: bytes) -> bool:
        return old == new

    def prepare(self, ctx: BuildContext, langs: tuple[str, str]) -> None:
        require()  # WeasyPrint and Pango imported: half a second


def _new_book() -> None:
    """Forget the last book's pictures: a process may make many (a code review: a -j 1
    build kept every article's)."""
    from diglot.builders.pdf.inline import PICTURES

    PICTURES.clear()


BUILDER = PdfBuilder()


# What WeasyPrint lays out in far more time than its text says (an attack round): a link is
# an annotation drawn on every line it spans (70,000 "*[a](b)*", 630 KB: 97 s and 2.1 GB),
# a code block's lines are laid out again as the block grows (20,000 lines: 89 s).
MAX_LINKS = 20_000
MAX_CODE_LINES = 10_000
# A note call is a link too, and its note a passage at the foot (a re-attack: 20,000 calls
# a column, within the article's bound, took 133 s and 1.24 GB; 10,000 in all, 35 s).
MAX_CALLS = 10_000
# Pixels WeasyPrint decodes: an 88-million-pixel two-colour PNG is 11 kB of file and 9 s of
# decoding (an attack round: ten of them, 94 s); a JPEG too, as soon as it has an EXIF
# block (turned upright first), which a camera's always has. Each distinct picture is
# counted once; the book prints it at most 300 pt tall, so a picture of a few million
# pixels loses nothing.
MAX_ARTICLE_PIXELS = 200_000_000
MAX_EDITION_PIXELS = MAX_DECODED_PIXELS


def within_bounds(doc: Bilingual) -> None:
    """BuildError, naming the article, past what the PDF edition lays out in reasonable time."""
    texts = [t for p in doc.pairs for t in (p.block.text, p.target or "") if p.block.kind != CODE]
    lines = sum(p.block.text.count("\n") for p in doc.pairs if p.block.kind == CODE)
    for found, most, what in (
            (sum(t.count("](") + t.count("<http") for t in texts), MAX_LINKS, "about {} links"),
            (sum(t.count("[^") for t in texts), MAX_CALLS, "about {} footnote calls"),
            (lines, MAX_CODE_LINES, "{} lines of code blocks")):
        if found > most:
            raise BuildError(f"{what.format(f'{found:,}')}: more than the {most:,} the PDF "
                             "edition lays out; split the article (the other editions take it)",
                             doc.article.path)
    _decodable([doc], MAX_ARTICLE_PIXELS, doc.article.path)


def _decodable(docs: list[Bilingual], most: int, where: str) -> None:
    """BuildError past ``most`` pixels of pictures to decode (each distinct file once)."""
    sizes: dict[bytes, int] = {}
    for doc in docs:
        for image in doc.images.values():
            for picture in (image.source, image.target):
                if picture.data and picture.data not in sizes:
                    sizes[picture.data] = media.decoded_pixels(picture.data)
    total = sum(sizes.values())
    if total > most:
        raise BuildError(f"its pictures come to {total / 1e6:,.0f} million pixels, more than the "
                         f"{most // 1_000_000:,} million the PDF edition decodes; scale them down "
                         "(the book prints a picture at most 300 pt tall: some 1,250 pixels at "
                         "300 dpi), or split the edition (the other editions take them)", where)
