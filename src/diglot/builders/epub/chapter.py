"""One article's chapter, the unit an EPUB is assembled from: its XHTML in three
renditions (both languages interleaved passage by passage, the French alone, the English
alone), the images they show, and what the contents and the package say of it. Made once
per article (``chapter``): an article's EPUB holds one, the edition's holds them all.

The view data are the HTML edition's (``html_rows``, ``html_inline``, ``html_parts``):
the same passages, fallback marks, typography and notes; ``templates/epub/`` writes them
as XHTML for e-readers.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from typing import NamedTuple

from diglot import locales
from diglot.builders import BuildContext
from diglot.builders.code import code_lines
from diglot.builders.epub.render import chrome, labels, media_type, render, tag
from diglot.builders.html_inline import ASSETS, Runs, Tags
from diglot.builders.html_rows import Rows, anchor_ids, target_shown
from diglot.model import (CODE, HEADING, TITLE, TRANSLATED, Bilingual, Image, Pair,
                          chapter_openings, section_head, section_level)
from diglot.source.inline import plain_text
from diglot.web import Markup
from diglot.typography import typeset_plain

BOTH = "both"  # the folder of the bilingual rendition; each language's is its tag
# Where a link may lead from inside a book: out of it. Addresses relative to the web
# edition (another page, a heading's id) lead nowhere in the package.
_LEAVES = re.compile(r"(?:https?|mailto|ftp):", re.IGNORECASE)
_ANCHOR = re.compile(r"p-[A-Za-z0-9_.-]+")  # catalog.anchors' shape: a valid XML id


class Section(NamedTuple):
    """A level-2 heading: its anchor and its titles (English '' when untranslated)."""

    anchor: str
    titles: tuple[str, str]


class Chapter(NamedTuple):
    """An article as a package holds it (plain data: a cache can keep it)."""

    name: str  # the article's output name: its files are <folder>/<name>.xhtml
    langs: tuple[str, str]  # the source's and the translation's language tags
    titles: tuple[str, str]  # plain titles, French typeset; English '' when untranslated
    author: str
    date: str  # the publication date, ISO; '' when the article has none
    sections: tuple[Section, ...]
    files: dict[str, bytes]  # package path → bytes: the three renditions and the images

    def href(self, rendition: str) -> str:
        """The path of a rendition ('both', 'fr' or 'en') inside the package."""
        return f"{folder(rendition, self.langs)}/{self.name}.xhtml"


def folder(rendition: str, langs: tuple[str, str]) -> str:
    return {"both": BOTH, "fr": langs[0], "en": langs[1]}[rendition]


# The inline tags of XHTML: void elements closed, and a note call e-readers show as a
# pop-up (an EPUB 3 noteref). No sentence links: no script shows them in a book.
XHTML = Tags("<br/>", '<img src="{}" alt="{}"{}/>', ' title="{}"',
             '<sup class="call"><a epub:type="noteref" role="doc-noteref" href="#{1}" id="{2}">'
             '{0}</a></sup>', '<span class="alt">{}</span>', "")


class _Runs(Runs):
    """Inline XHTML whose images are the package's own copies, recorded as they are shown
    (a remote image, or one e-readers need not show, has its alt text instead), and whose
    links only leave the book."""

    TAGS = XHTML

    def __init__(self, doc: Bilingual, root: str, spacing: str) -> None:
        super().__init__(doc, root, spacing)
        self.images: dict[str, bytes] = {}  # package path → bytes

    def src(self, image: Image | None, side: str) -> str:
        picture = None if image is None else image.target if side == "target" else image.source
        if picture is None or picture.remote or media_type(picture.data) is None:
            return ""
        self.images[ASSETS + picture.asset] = picture.data
        return f"{self.root}{ASSETS}{picture.asset}"

    def spans(self, text: str, lang: str = "") -> list:
        found = super().spans(text, lang)
        return [s if s.href is None or _LEAVES.match(s.href) else replace(s, href=None)
                for s in found]


class _Rows(Rows):
    """The HTML page's rows without sentence links (no script shows them in a book) and
    without the headings' Markdown ids (a book keeps no link to them, and an XML id may not
    start with a digit as "2026-bilan" does)."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.headings = {}

    def linked_cells(self, pair: Pair, anchor: str) -> tuple:
        return self.cells(pair)

    def _row(self, pairs, start: int, end: int, anchor: str):
        """A code block's lines as blocks: a wrapped line goes on under itself; a short
        block is marked to be kept on one page (its lines are blocks: a reader's orphan
        control never sees them)."""
        row = super()._row(pairs, start, end, anchor)
        if row.kind != CODE:
            return row
        text = row.body.removesuffix("\n")
        short = " keep" if text.count("\n") < SHORT_CODE else ""
        return row._replace(body=Markup(code_lines(text, "\n")), classes=row.classes + short)


SHORT_CODE = 12  # lines: a code block up to this long is never parted by a page


def chapter(doc: Bilingual, ctx: BuildContext) -> Chapter:
    """The chapter of one translated article (see the module's doc)."""
    name = ctx.names.get(doc.slug, doc.slug)
    # dates as each language's variety writes them (the proofing tag of "en", "en_GB"…)
    dates = {"fr": _date(doc, doc.source_lang, ctx), "en": _date(doc, doc.target_lang, ctx)}
    doc = _fit(doc)
    page, runs = _page(doc, ctx, name)
    langs = (doc.source_lang, doc.target_lang)
    files = {f"{folder(only, langs)}/{name}.xhtml":
             render("chapter.xhtml.j2", **page, dates=dates, only=only)
             for only in (BOTH, "fr", "en")}
    files.update(sorted(runs.images.items()))
    date = doc.article.date
    return Chapter(name, langs, _titles(doc, ctx), doc.article.author,
                   date.iso if date else "", _sections(doc, ctx), files)


def _page(doc: Bilingual, ctx: BuildContext, name: str) -> tuple[dict, _Runs]:
    """The templates' view data of a chapter (its rows made once), and its runs' maker,
    which has recorded the images they show."""
    up = "../" * (1 + name.count("/"))  # from the chapter's folder to the package's
    chrome_lang = chrome(doc.target_lang)
    runs = _Runs(doc, up, ctx.config.french_spacing)
    table_labels = (labels(doc.source_lang)["table"], labels(doc.target_lang)["table"])
    titled = bool(doc.pairs) and _is_title(doc.pairs[0].block)
    rows = _Rows(doc, chrome_lang, runs, table_labels).rows(titled)
    title = next(rows) if titled else None
    rows = list(rows)  # three renditions of the same rows (the notes' calls counted once)
    return {
        "fr": doc.source_lang, "en": doc.target_lang, "chrome": chrome_lang,
        "t": labels(doc.target_lang),
        "tt": {"fr": labels(doc.source_lang), "en": labels(doc.target_lang)},
        "title": title, "rows": rows, "up": up, "author": doc.article.author,
        "iso_date": doc.article.date.iso if doc.article.date else "",
        "head": _titles(doc, ctx), "marks": _marks(doc), "breaks": _breaks(doc, ctx),
    }, runs


def _breaks(doc: Bilingual, ctx: BuildContext) -> set[str]:
    """The anchors of the chapters that open a new page (``chapter_break``)."""
    if not ctx.config.chapter_break:
        return set()
    _, body = doc.title_and_rest()
    skipped = len(doc.pairs) - len(body)  # the title, when the article's first pair is one
    anchors = anchor_ids(doc.pairs)
    return {anchors[skipped + k] for k in chapter_openings(body)}


def _fit(doc: Bilingual) -> Bilingual:
    """The article as a package can hold it: language tags as BCP 47 writes them, every
    anchor a valid XML id (one a PO file carried that is not gets one from its text), and
    calls of a note that has no text left as written (a call must lead somewhere)."""
    pairs = doc.pairs
    if not all(_ANCHOR.fullmatch(p.anchor) for p in pairs):
        pairs = tuple(p if _ANCHOR.fullmatch(p.anchor) else replace(p, anchor=_safe(p.anchor))
                      for p in pairs)
    article, noted = doc.article, {p.block.note for p in pairs if p.block.note}
    if set(article.notes) - noted:
        article = replace(article, notes={k: v for k, v in article.notes.items() if k in noted})
    return replace(doc, pairs=pairs, article=article, source_lang=tag(doc.source_lang),
                   target_lang=tag(doc.target_lang))


def _safe(anchor: str) -> str:
    return "p-" + hashlib.blake2b(anchor.encode("utf-8"), digest_size=5).hexdigest()


def _is_title(block) -> bool:
    return block.kind == TITLE or (block.kind == HEADING and block.level == 1)


def _marks(doc: Bilingual) -> list[tuple[str, str]]:
    """The (state, shown) kinds of stand-in the chapter shows, for its legend."""
    shown = {target_shown(pair, doc) for pair in doc.pairs if pair.block.translatable}
    found = {mark for mark in shown if mark[0] != TRANSLATED}
    return sorted(found, key=lambda mark: (mark[0] != "untranslated", mark[1]))


def _titles(doc: Bilingual, ctx: BuildContext) -> tuple[str, str]:
    french = _plain(doc.title, doc, ctx, doc.source_lang)
    english = _plain(doc.title_target, doc, ctx, doc.target_lang) if doc.title_target else ""
    return french, english


def _sections(doc: Bilingual, ctx: BuildContext) -> tuple[Section, ...]:
    """The body's top headings (``#`` chapters under the title, else ``##``), for the
    contents (anchors as the chapter has them)."""
    pairs = doc.pairs
    title, body = doc.title_and_rest()
    top, found = section_level(body), []
    for pair, anchor in zip(pairs, anchor_ids(pairs)):
        if pair is not title and section_head(pair.block) and pair.block.level == top:
            english = pair.target if pair.state == TRANSLATED and not pair.fallback else ""
            found.append(Section(anchor, (_plain(pair.block.text, doc, ctx, doc.source_lang),
                                          _plain(english or "", doc, ctx, doc.target_lang))))
    return tuple(found)


def _plain(text: str, doc: Bilingual, ctx: BuildContext, lang: str = "") -> str:
    flat = plain_text(text, doc.references).replace("\n", " ").strip()
    return typeset_plain(flat, lang, ctx.config.french_spacing) if lang else flat


def _date(doc: Bilingual, code: str, ctx: BuildContext) -> str:
    date = doc.article.date
    return locales.publication_date(date, ctx.config.proofing_tag(code)) if date else ""
