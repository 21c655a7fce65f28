"""The HTML builder: one self-contained side-by-side page per Bilingual, and the index page.

This module only shapes plain view data (rows, cells, runs of styled spans, labels, the
Content-Security-Policy); the Jinja2 templates in ``diglot/templates`` emit every tag.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice
from urllib.parse import quote

from diglot import locales
from diglot.builders import BuildContext
from diglot.builders.html_inline import Runs, files, image_sources
from diglot.builders.html_rows import Rows, target_shown
from diglot.model import HEADING, TITLE, TRANSLATED, Bilingual, Block
from diglot.source.inline import spans
from diglot.web import asset, content_security_policy, environment


class HtmlBuilder:
    name = "html"
    extension = ".html"
    index_name = "index.html"

    def article(self, doc: Bilingual, ctx: BuildContext) -> bytes:
        """The side-by-side page of one translated article."""
        return _render("article.html.j2", _article_page(doc, ctx), script=asset("diglot.js"),
                       images=image_sources(doc))

    def index(self, docs: list[Bilingual], ctx: BuildContext) -> bytes:
        """The edition's index: every article, both titles, author, date and progress."""
        return _render("index.html.j2", _index_page(docs, ctx))

    def files(self, doc: Bilingual) -> dict[str, bytes]:
        """The edition's copies of the page's local images (``assets/…``)."""
        return files(doc)


BUILDER = HtmlBuilder()


# --- rendering -------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _label_table() -> dict:
    return json.loads(asset("labels.json"))


def _labels(lang: str) -> dict:
    return _label_table().get(lang, _label_table()["en"])


def _render(template: str, page: dict, script: str = "", images=()) -> bytes:
    # Inlined without surrounding whitespace: browsers hash the exact text, but the Nu
    # checker hashes it trimmed and would report the CSP as blocking diglot's own code.
    css, script = asset("diglot.css").strip(), script.strip()
    page.update(css=css, script=script, csp=content_security_policy(css, script, images))
    return _joined(environment().get_template(template).generate(page)).encode("utf-8")


def _joined(pieces: Iterator[str]) -> str:
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
    chrome = _chrome_lang(doc.target_lang)
    root = _root(ctx.names.get(doc.slug, doc.slug))
    labels = tuple(_labels(_chrome_lang(code))["table"] for code in (doc.source_lang, doc.target_lang))
    rows = Rows(doc, chrome, Runs(doc, root), labels).rows()
    title = next(rows) if doc.pairs and _is_title(doc.pairs[0].block) else None
    date = _date(doc.article.meta, ctx)
    return {
        "lang": chrome, "t": _labels(chrome), "fr": doc.source_lang, "en": doc.target_lang,
        "names": {code: _capital(locales.language_name(code))
                  for code in (doc.source_lang, doc.target_lang)},
        "edition": ctx.title, "title": title, "rows": rows, "author": doc.article.author,
        "iso_date": date.isoformat(),
        "dates": {code: locales.long_date(date, code) for code in (doc.source_lang, doc.target_lang)},
        "head_title": _head_title(doc), "marks": _marks(doc), "stats": doc.stats, "root": root,
        "percent": _percent(doc.stats.percent, chrome),
        "tt": {col: _labels(_chrome_lang(code))
               for col, code in (("fr", doc.source_lang), ("en", doc.target_lang))},
    }


def _is_title(block: Block) -> bool:
    return block.kind == TITLE or (block.kind == HEADING and block.level == 1)


def _marks(doc: Bilingual) -> list[tuple[str, str]]:
    """The (state, shown) kinds of stand-in present on the page, for the legend."""
    shown = {target_shown(pair, doc) for pair in doc.pairs if pair.block.translatable}
    found = {mark for mark in shown if mark[0] != TRANSLATED}
    return sorted(found, key=lambda mark: (mark[0] != "untranslated", mark[1]))


def _head_title(doc: Bilingual) -> str:
    french = _plain(doc.title, doc.references)
    english = _plain(doc.title_target, doc.references) if doc.title_target else ""
    return f"{french} · {english}" if english and english != french else french


# --- the index page --------------------------------------------------------------------------

def _index_page(docs: list[Bilingual], ctx: BuildContext) -> dict:
    chrome = _chrome_lang(ctx.config.languages[0] if ctx.config.languages else "en")
    groups: dict[str, list[Bilingual]] = {}
    for doc in docs:
        groups.setdefault(doc.slug, []).append(doc)
    entries = [_index_entry(group, ctx, chrome) for group in groups.values()]
    return {"lang": chrome, "t": _labels(chrome), "edition": ctx.title, "entries": entries,
            "fr": docs[0].source_lang if docs else "fr"}


def _index_entry(group: list[Bilingual], ctx: BuildContext, chrome: str) -> dict:
    first = group[0]
    date = _date(first.article.meta, ctx)
    name = ctx.names.get(first.slug, first.slug)
    return {
        "href": quote(name) + ".html",
        "title": _plain(first.title, first.references), "author": first.article.author,
        "titles": [(d.target_lang, _plain(d.title_target, d.references))
                   for d in group if d.title_target],
        "iso_date": date.isoformat(), "date": locales.long_date(date, chrome),
        "progress": [_progress(d, chrome) for d in group],
    }


def _progress(doc: Bilingual, chrome: str) -> dict:
    stats = doc.stats
    return {"lang": _capital(locales.language_name(doc.target_lang, chrome)), "stats": stats,
            "percent": _percent(stats.percent, chrome)}


# --- small helpers ---------------------------------------------------------------------------

def _chrome_lang(lang: str) -> str:
    """The language of the page's own words (controls, legend): the reader's, when known."""
    return lang if lang in _label_table() else "en"


def _date(meta, ctx: BuildContext):
    """The article's front-matter date, else the build date (SOURCE_DATE_EPOCH when set)."""
    return locales.as_date(meta.get("date")) or ctx.built.date()


def _plain(text: str, references) -> str:
    return "".join(" " if s.br else s.text for s in spans(text, references))


def _root(name: str) -> str:
    """The way from a page back to the edition's root: an article in a folder
    (``2026/marche``) is one level down."""
    return "../" * name.count("/")


def _capital(name: str) -> str:
    return name[:1].upper() + name[1:]


def _percent(value: float, lang: str) -> str:
    number = f"{value:g}" if lang == "en" else f"{value:g}".replace(".", ",")
    return _labels(lang)["percent"].format(number)
