"""Images and footnote calls in the DOCX edition.

Pictures are embedded and scaled to fit the space they stand in; an image Word cannot show
(SVG, WebP) shows its alt text, and a remote one (never fetched) a link to its address with
its alt text. Each note is a real Word footnote in the column that calls it, made at its
first call there with the note's paragraphs in that column's language; a later call of the
same note shows its number. Notes a column never calls are written after the article
(``uncalled``), so no note text is lost.
"""

from __future__ import annotations

from typing import Callable
from urllib.parse import unquote, urlsplit

from docx.oxml.ns import qn

from diglot import crossref
from diglot.builders.docx import text
from diglot.model import Bilingual, Image, Pair
from diglot.ooxml import notes as footnotes
from diglot.ooxml import xml as x
from diglot.ooxml.runs import LINK_STYLE, NOTE_CODE_STYLE
from diglot.source.inline import Span

MAX_HEIGHT = 8500  # twips (15 cm): a picture never takes a whole page from its text
_HYPERLINK = qn("w:hyperlink")


def docx_link(doc: Bilingual) -> Callable[[str], str]:
    """Where the article's links lead in the DOCX edition: a link to another article, to
    that article's document (crossref), without its fragment: a document has no anchor of
    that name; web and mail links as they are; any other ("" : the text stays, unlinked)."""
    articles = crossref.linker(doc, ".docx", tail=False) if doc.articles else None

    def link(href: str) -> str:
        href = articles(href) if articles else href
        return href if _opens_safely(href) else ""
    return link


def _opens_safely(href: str) -> bool:
    """A web or mail address, a place in the document, or another article's document
    beside it: not a local file ("../../setup.exe", "/etc/passwd"), which Word would open."""
    parts = urlsplit(href)
    if parts.scheme:
        return parts.scheme.lower() in ("http", "https", "mailto")
    path = unquote(parts.path)
    return href.startswith("#") or (path.lower().endswith(".docx") and not parts.netloc
                                    and not path.startswith(("/", "\\")))


class Markup:
    """Writes images and note calls for one article; ``book`` holds the document-wide
    pictures, footnotes part and link writer."""

    def __init__(self, doc: Bilingual, book, tags: tuple[str, str]) -> None:
        self.doc, self.book, self.tags = doc, book, tags
        self.called: set[tuple[int, str]] = set()  # (column, label) with a footnote
        self.notes: dict[str, list[Pair]] = {}
        for pair in doc.pairs:
            if pair.block.note:
                self.notes.setdefault(pair.block.note, []).append(pair)

    def column(self, index: int, width: int) -> Callable:
        """The ``markup`` callback of InlineWriter for a cell of column ``index`` (0 French,
        1 English: it shows a translated image's English file) ``width`` twips wide."""
        side = "target" if index == 1 else "source"
        return lambda parent, span, lang: self._write(parent, span, lang, index, width, side)

    def _write(self, parent, span: Span, lang: str, index: int, width: int, side: str) -> None:
        if span.note is not None:
            self._call(parent, span, lang, index)
        else:
            self.picture(parent, self.doc.images.get(span.image), span.text, lang, width, side)

    # -- pictures -----------------------------------------------------------------------

    def picture(self, parent, image: Image | None, alt: str, lang: str, width: int,
                side: str = "source") -> None:
        """The picture, else its stand-in (a link to a remote image, or the alt text)."""
        picture = None if image is None else image.target if side == "target" else image.source
        if picture is not None and not picture.remote:
            if self.book.pictures.add(parent, picture.data, alt, width, MAX_HEIGHT, lang):
                return
        if picture is not None and picture.remote and parent.tag != _HYPERLINK:
            link = x.hyperlink(parent, rid=self.book.writer.rid(picture.url))
            x.run(link, alt or picture.url, lang, LINK_STYLE)
            return
        x.run(parent, alt or "", lang, italic=True)

    # -- footnotes ----------------------------------------------------------------------

    def _call(self, parent, span: Span, lang: str, index: int) -> None:
        number = self.doc.article.notes.get(span.note)
        if number is None or span.note not in self.notes:
            x.run(parent, span.markdown, lang)  # no such note: the reference stays text
            return
        if (index, span.note) in self.called:
            x.run(parent, str(number), lang, footnotes.MARK_STYLE)
            return
        self.called.add((index, span.note))
        ident, note, para = self.book.footnotes.add(lang)
        footnotes.reference(parent, ident, str(number), lang)
        self._note_text(note, para, span.note, index)

    def _note_text(self, note, para, label: str, index: int) -> None:
        writer = self.book.note_writer()
        for number, (body, lang) in enumerate(self.texts(label, index)):
            target = para if number == 0 else footnotes.Footnotes.paragraph(note)
            writer.write(target, body, lang, self.doc.references_for(lang == self.tags[0]),
                         markup=self._in_note,
                         link=docx_link(self.doc), code=NOTE_CODE_STYLE)

    def _in_note(self, parent, span: Span, lang: str) -> None:
        """Inside a footnote: an image shows its alt text, a call its number."""
        number = self.doc.article.notes.get(span.note or "")
        x.run(parent, str(number) if number else span.text or span.markdown, lang,
              footnotes.MARK_STYLE if number else None, italic=span.image is not None)

    def texts(self, label: str, index: int) -> list[tuple[str, str]]:
        """A note's paragraphs in a column, each with its proofing tag."""
        out = []
        for pair in self.notes.get(label, []):
            if index == 0:
                out.append((pair.block.text, self.tags[0]))
            elif pair.target is not None:
                out.append((pair.target, self.tags[0] if pair.fallback else self.tags[1]))
            elif self.doc.fallback == "placeholder":
                out.append((text.mark(pair.state, True, self.tags[1], self.doc.source_lang),
                            self.tags[1]))
        return out

    def uncalled(self) -> list[str]:
        """Labels of notes some column never called, in number order."""
        numbers = self.doc.article.notes
        return sorted((label for label in self.notes
                       if (0, label) not in self.called or (1, label) not in self.called),
                      key=lambda label: numbers.get(label, 0))
