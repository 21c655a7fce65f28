"""The DOCX print edition: one side-by-side document per article, and ``edition.docx``
combining every article after a title page and a table of contents.

An article's table is rendered once: into its own document, from which its *fragment* (the
table's XML and what it refers to, see ``fragment``) is taken for the edition, which is
assembled from fragments alone. The tables, styles, lists, runs and page furniture come
from the shared ``diglot.ooxml`` kit and the modules beside this one.
"""

from __future__ import annotations

from docx.enum.section import WD_SECTION

from diglot.builders import BuildContext, Rendered
from diglot.builders.docx import front, text
from diglot.builders.docx import fragment as fragments
from diglot.builders.docx.book import Book, bookmarks
from diglot.errors import BuildError
from diglot.safety import MB
from diglot.model import Bilingual
from diglot.ooxml import page
from diglot.ooxml import xml as x
from diglot.ooxml.package import same_document
from diglot.typography import typeset_plain


class DocxBuilder:
    """The ``docx`` format (see builders.Builder)."""

    def render(self, doc: Bilingual, ctx: BuildContext) -> Rendered:
        """The article's document, and its fragment for the edition."""
        book = Book(ctx, (doc.source_lang, doc.target_lang))
        titles = fragments.titles(doc)
        book.running_head(book.document.sections[0], titles)
        try:
            table = book.article(doc)
        except BuildError as exc:  # the runs' bound: named after the article it is in
            raise BuildError(exc.message, exc.path or doc.article.path) from None
        fragment = fragments.extract(book, doc, table)
        english = titles[1]
        subject = f"{english} ({text.words('edition', 'en', *book.langs)})" if english else ""
        page.properties(book.document, titles[0], doc.article.author, subject, book.tags[0],
                        ctx.built)
        return Rendered(book.save(), fragments.dump(fragment))

    def article(self, doc: Bilingual, ctx: BuildContext) -> bytes:
        return self.render(doc, ctx).output

    def same(self, old: bytes, new: bytes) -> bool:
        return same_document(old, new)

    def prepare(self, ctx: BuildContext, langs: tuple[str, str]) -> None:
        Book.prepare(ctx, langs)

    def files(self, doc: Bilingual) -> dict[str, bytes]:
        return {}  # pictures are inside the document

    def index(self, docs: list[Bilingual], ctx: BuildContext) -> bytes:
        return self.edition([self.render(doc, ctx).part for doc in docs], ctx)

    def edition(self, parts: list[bytes], ctx: BuildContext) -> bytes:
        """Every article after a title page and the contents, each in its own section
        (its titles in the running head)."""
        pieces = [fragments.load(part) for part in parts]
        _within_bounds(pieces)
        langs = pieces[0].langs if pieces else (ctx.config.source_language,
                                                 ctx.config.languages[0])
        book = Book(ctx, langs)
        _front_matter(book, pieces, ctx)
        for number, piece in enumerate(pieces):
            book.running_head(book.document.add_section(WD_SECTION.NEW_PAGE), piece.titles)
            book.section_start()
            fragments.adopt(book, piece, number)
        book.document.sections[0].different_first_page_header_footer = True  # title page: no head
        authors = ", ".join(ctx.authors(pieces))
        page.properties(book.document, ctx.title, authors,
                        text.words("edition", "en", *langs), book.tags[0], ctx.built)
        return book.save(update_fields=True)


# Word XML the edition adopts from its articles at most: its tree takes some eight times the
# text. Each article is bounded (ooxml.runs.MAX_PIECES), not their sum: an attack round's
# three articles at the bound took 119 s and 3.6 GB. A 10,000-paragraph book is 15 MB.
MAX_EDITION_XML = 200 * MB


def _within_bounds(pieces: list[fragments.Fragment]) -> None:
    total = sum(len(p.table) + sum(map(len, p.notes)) for p in pieces)
    if total > MAX_EDITION_XML:
        raise BuildError(f"its articles hold {total // MB:,} MB of Word XML, more than the "
                         f"{MAX_EDITION_XML // MB} MB one document takes: build the articles' "
                         "own documents with --article, or split the edition", "edition.docx")


def _front_matter(book: Book, pieces: list[fragments.Fragment], ctx: BuildContext) -> None:
    """The title page and the contents, under the edition title's running head."""
    scratch = x.el("w:body")
    built = ctx.built.date() if ctx.config.build_date else None
    titles = (ctx.title, ctx.title_in(book.langs[1]))
    front.title_page(scratch, titles, ", ".join(ctx.authors(pieces)), built, book.tags,
                     book.langs)
    front.contents(scratch, _toc_entries(pieces, book.langs, ctx.config.french_spacing),
                   book.tags, book.langs)
    book.append_all(scratch)
    page.running_head(book.document.sections[0], (ctx.title, book.tags[0]))


def _toc_entries(pieces: list[fragments.Fragment], langs: tuple[str, str], spacing: str):
    entries = []
    for number, piece in enumerate(pieces):
        (fr_mark, _), (en_mark, _) = bookmarks(number)
        french, english = piece.titles
        entries.append((typeset_plain(french, langs[0], spacing), fr_mark, 1))
        if english:
            entries.append((typeset_plain(english, langs[1]), en_mark, 2))
    return entries


BUILDER = DocxBuilder()
