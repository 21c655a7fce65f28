"""The HTML builder: one self-contained side-by-side page per Bilingual, and the index page.

This module only shapes plain view data (rows, cells, runs of styled spans, labels, the
Content-Security-Policy); the Jinja2 templates in ``diglot/templates`` emit every tag.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from diglot import crossref
from diglot.builders import BuildContext, Rendered, html_index, html_split, preview
from diglot.builders import html_words as words
from diglot.builders.html_inline import Runs, files, image_sources
from diglot.builders.html_rows import Rows, anchor_ids, target_shown
from diglot.model import CAPTION, DEFINITION, HEADING, TERM, TITLE, TRANSLATED, Bilingual, Block
from diglot.typography import typeset_plain
from diglot.web import asset, content_security_policy, css_string, environment


class HtmlBuilder:
    """The ``html`` format (see builders.Builder)."""

    def article(self, doc: Bilingual, ctx: BuildContext) -> bytes:
        """The side-by-side page of one translated article."""
        page = _article_page(doc, ctx)
        if ctx.preview is not None:  # diglot serve only: see builders/preview.py
            page["preview"] = preview.article_marks(doc, anchor_ids(doc.pairs), ctx.preview)
        try:
            return _render("article.html.j2", page, script=asset("diglot.js"),
                           images=image_sources(doc), notes=ctx.preview)
        finally:
            if page.get("tail"):
                page["tail"].close()

    def render(self, doc: Bilingual, ctx: BuildContext) -> Rendered:
        """The page, and the article's summary for the index."""
        return Rendered(self.article(doc, ctx), self.part(doc, ctx))

    def part(self, doc: Bilingual, ctx: BuildContext) -> bytes:
        return html_index.summary(doc, ctx)

    def edition(self, parts: list[bytes], ctx: BuildContext) -> bytes:
        """The edition's index: every article, both titles, author, date and progress."""
        page = html_index.page(parts, ctx)
        if ctx.preview is not None:
            page["preview"] = preview.index_marks(ctx.preview)
        return _render("index.html.j2", page, notes=ctx.preview)

    def index(self, docs: list[Bilingual], ctx: BuildContext) -> bytes:
        return self.edition([self.part(doc, ctx) for doc in docs], ctx)

    def same(self, old: bytes, new: bytes) -> bool:
        return old == new

    def prepare(self, ctx: BuildContext, langs: tuple[str, str]) -> None:
        for name in ("article.html.j2", "rows.html.j2"):  # Jinja2 imported, templates compiled
            environment().get_template(name)
        words.prepare(ctx, langs)

    def files(self, doc: Bilingual) -> dict[str, bytes]:
        """The edition's copies of the page's local images (``assets/…``)."""
        return files(doc)


BUILDER = HtmlBuilder()


# --- rendering -------------------------------------------------------------------------------

def _render(template: str, page: dict, script: str = "", images=(), notes=None) -> bytes:
    # Inlined without surrounding whitespace: browsers hash the exact text, but the Nu
    # checker hashes it trimmed and would report the CSP as blocking diglot's own code.
    css, script = asset("diglot.css").strip(), script.strip()
    page.setdefault("page_css", "")
    page.setdefault("preview", None)
    page.setdefault("tail", "")
    if notes is not None:  # diglot serve's preview: its style, its script, its server
        css, script, csp = preview.assets(css, script, page["page_css"], images)
    else:
        csp = content_security_policy([css, page["page_css"]], script, images)
    page.update(css=css, script=script, csp=csp)
    text = joined(environment().get_template(template).generate(page))
    return page["tail"].splice(text) if page["tail"] else text.encode("utf-8")


def joined(pieces: Iterator[str]) -> str:
    """The template's output pieces as one string, joined a batch at a time: the pieces
    are mostly Markup strings, which the garbage collector tracks. Holding a big page's
    400,000 of them at once made its full passes walk them over and over; batches below
    its first threshold (700 live objects) trigger none."""
    batches = []
    while batch := list(islice(pieces, 512)):
        batches.append("".join(batch))
    return "".join(batches)


# --- the article page ------------------------------------------------------------------------

def _article_page(doc: Bilingual, ctx: BuildContext) -> dict:
    chrome = words.chrome_lang(doc.target_lang)
    root = _root(ctx.names.get(doc.slug, doc.slug))
    labels = tuple(words.labels(words.chrome_lang(code))["table"]
                   for code in (doc.source_lang, doc.target_lang))
    spacing = ctx.config.french_spacing
    titled = bool(doc.pairs) and _is_title(doc.pairs[0].block)
    maker = Rows(doc, chrome, Runs(doc, root, spacing), labels)
    chunked = html_split.chunked(doc, ctx)  # a book-length page: see html_split
    rows = maker.rows(titled, end=int(titled) if chunked else None)
    title = next(rows) if titled else None
    date = doc.article.date
    page = {
        "lang": chrome, "t": words.labels(chrome), "fr": doc.source_lang, "en": doc.target_lang,
        "names": {code: words.language(code) for code in (doc.source_lang, doc.target_lang)},
        "edition": ctx.title, "title": title, "rows": rows, "author": doc.article.author,
        "iso_date": date.iso if date else "",
        "dates": {code: words.date(date, code, ctx) for code in (doc.source_lang, doc.target_lang)},
        "built": words.built(ctx, chrome),
        "head_title": _head_title(doc, spacing), "marks": _marks(doc),
        "page_css": _page_css(*_titles(doc, spacing)), "stats": doc.stats, "root": root,
        "marked_cells": _marked_cells(doc),
        "percent": words.percent(doc.stats.percent, chrome),
        "tt": {col: words.labels(words.chrome_lang(code))
               for col, code in (("fr", doc.source_lang), ("en", doc.target_lang))},
    }
    if chunked:
        salt = repr((chrome, root, spacing, labels, doc.source_lang, doc.target_lang,
                     doc.fallback, sorted(doc.references.items()), _pictures(doc),
                     sorted({crossref.resolve(n, doc.articles) or "" for n in crossref.linked(doc)}),
                     sorted(maker.headings.items())))
        page["tail"] = html_split.Tail(page, maker, int(titled), salt, ctx)
    return page


def _pictures(doc: Bilingual) -> list:
    """What a page's rows show of its images (their files' bytes aside: an asset's name
    follows its bytes)."""
    return [(name, [(p.url, p.path, p.asset) for p in (image.source, image.target)])
            for name, image in sorted(doc.images.items())]


def _is_title(block: Block) -> bool:
    return block.kind == TITLE or (block.kind == HEADING and block.level == 1)


def _marked_cells(doc: Bilingual) -> bool:
    """Whether a table cell, a term, a definition or a caption stands in for its
    translation (marked without a badge: the legend then explains that look too)."""
    return any(pair.block.cell is not None or pair.block.kind in (TERM, DEFINITION, CAPTION)
               for pair in doc.pairs
               if pair.block.translatable and target_shown(pair, doc)[0] != TRANSLATED)


def _marks(doc: Bilingual) -> list[tuple[str, str]]:
    """The (state, shown) kinds of stand-in present on the page, for the legend."""
    shown = {target_shown(pair, doc) for pair in doc.pairs if pair.block.translatable}
    found = {mark for mark in shown if mark[0] != TRANSLATED}
    return sorted(found, key=lambda mark: (mark[0] != "untranslated", mark[1]))


def _page_css(french: str, english: str) -> str:
    """The page's own print rules: its titles as the running head (Chromium has no
    ``string-set``, so they are written into the rules; the CSP allows them by hash). A
    reader who shows one language prints its title alone: the style sheet names the pages
    ``fr`` or ``en`` after the "Show" choice."""
    heads = (("", _both(french, english)), (" fr", french), (" en", english or french))
    return " ".join(f"@page{name} {{ @top-center {{ content: {css_string(title)}; }} }}"
                    for name, title in heads)


def _titles(doc: Bilingual, spacing: str) -> tuple[str, str]:
    """The title in plain text: the French (typeset) and the English ("" if none)."""
    french = typeset_plain(html_index.plain(doc.title, doc.references), doc.source_lang, spacing)
    english = typeset_plain(html_index.plain(doc.title_target, doc.references), doc.target_lang) \
        if doc.title_target else ""
    return french, english


def _both(french: str, english: str) -> str:
    return f"{french} · {english}" if english and english != french else french


def _head_title(doc: Bilingual, spacing: str) -> str:
    return _both(*_titles(doc, spacing))


def _root(name: str) -> str:
    """The way from a page back to the edition's root: an article in a folder
    (``2026/marche``) is one level down."""
    return "../" * name.count("/")
