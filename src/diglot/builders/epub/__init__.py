"""The EPUB edition: one EPUB 3 book per article and ``edition.epub`` holding every
article, for e-readers. Each passage's French comes with its English set apart below it,
and each language can also be read alone (see ``package``).

An article becomes a ``Chapter`` once (``chapter.chapter``: its XHTML and images); a book
is assembled from chapters (``package.package``), so the edition never renders an article
a second time when its chapter is at hand.
"""

from __future__ import annotations

from diglot.builders import BuildContext
from diglot.builders.epub.chapter import Chapter, chapter
from diglot.builders.epub.package import Book, package, same
from diglot.builders.epub.render import tag
from diglot.model import Bilingual

__all__ = ["BUILDER", "Chapter", "chapter", "book_of_article", "book_of_edition"]


class EpubBuilder:
    """The ``epub`` format (see builders.Builder)."""

    def article(self, doc: Bilingual, ctx: BuildContext) -> bytes:
        item = chapter(doc, ctx)
        return package([item], book_of_article(item, doc.slug, ctx), ctx)

    def index(self, docs: list[Bilingual], ctx: BuildContext) -> bytes:
        chapters = [chapter(doc, ctx) for doc in docs]
        return package(chapters, book_of_edition(chapters, ctx), ctx)

    def files(self, doc: Bilingual) -> dict[str, bytes]:
        return {}  # images are inside the book

    def same(self, old: bytes, new: bytes) -> bool:
        return same(old, new)


def book_of_article(item: Chapter, slug: str, ctx: BuildContext) -> Book:
    french, english = item.titles
    return Book((french, english if english != french else ""), item.langs,
                (item.author,) if item.author else (), item.date,
                "\0".join((ctx.title, slug, *item.langs)))


def book_of_edition(chapters: list[Chapter], ctx: BuildContext) -> Book:
    config = ctx.config
    langs = chapters[0].langs if chapters else (
        tag(config.source_language), tag(config.languages[0] if config.languages else "en"))
    authors = tuple(dict.fromkeys(c.author for c in chapters if c.author))
    return Book((ctx.title, ""), langs, authors, "", "\0".join((ctx.title, "", *langs)))


BUILDER = EpubBuilder()
