"""The EPUB edition: one EPUB 3 book per article and ``edition.epub`` holding every
article, for e-readers. Each passage's French comes with its English set apart below it,
and each language can also be read alone (see ``package``).

An article becomes a ``Chapter`` once (``chapter.chapter``: its XHTML and images, plain
data); a book is assembled from chapters (``article_book``, ``edition_book``), so the
edition never renders an article a second time: the build keeps each chapter as the
article's part (``part``).
"""

from __future__ import annotations

from diglot.builders import BuildContext, Rendered
from diglot.builders.epub import part
from diglot.builders.epub.chapter import Chapter, chapter
from diglot.builders.epub.package import Book, package, same
from diglot.builders.epub.render import tag
from diglot.model import Bilingual

__all__ = ["BUILDER", "Chapter", "chapter", "article_book", "edition_book"]


class EpubBuilder:
    """The ``epub`` format (see builders.Builder)."""

    def render(self, doc: Bilingual, ctx: BuildContext) -> Rendered:
        """The article's book, and its chapter for the edition."""
        item = chapter(doc, ctx)
        return Rendered(article_book(item, ctx), part.dump(item))

    def article(self, doc: Bilingual, ctx: BuildContext) -> bytes:
        return article_book(chapter(doc, ctx), ctx)

    def edition(self, parts: list[bytes], ctx: BuildContext) -> bytes:
        return edition_book([part.load(data) for data in parts], ctx)

    def index(self, docs: list[Bilingual], ctx: BuildContext) -> bytes:
        return edition_book([chapter(doc, ctx) for doc in docs], ctx)

    def files(self, doc: Bilingual) -> dict[str, bytes]:
        return {}  # images are inside the book

    def same(self, old: bytes, new: bytes) -> bool:
        return same(old, new)

    def prepare(self, ctx: BuildContext, langs: tuple[str, str]) -> None:
        pass  # its templates are small; a chapter is made once and every book reads it


def article_book(item: Chapter, ctx: BuildContext) -> bytes:
    """One article's EPUB: its titles on the cover, its author and date."""
    french, english = item.titles
    book = Book((french, english if english != french else ""), item.langs,
                (item.author,) if item.author else (), item.date,
                "\0".join((ctx.title, item.name, *item.langs)))
    return package([item], book, ctx)


def edition_book(chapters: list[Chapter], ctx: BuildContext) -> bytes:
    """The edition's EPUB: every article's chapter, under the edition's title."""
    config = ctx.config
    langs = chapters[0].langs if chapters else (
        tag(config.source_language), tag(config.languages[0] if config.languages else "en"))
    book = Book((ctx.title, ctx.title_in(langs[1])), langs, ctx.authors(chapters), "",
                "\0".join((ctx.title, "", *langs)))
    return package(chapters, book, ctx)


BUILDER = EpubBuilder()
