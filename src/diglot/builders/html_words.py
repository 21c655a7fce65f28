"""The words the HTML edition's pages say themselves (controls, legend, dates, progress), in
the reader's language when diglot knows it, else English: one table, ``labels.json``."""

from __future__ import annotations

import json
from functools import lru_cache

from diglot import locales
from diglot.builders import BuildContext
from diglot.model import PubDate
from diglot.web import asset


@lru_cache(maxsize=1)
def _label_table() -> dict:
    return json.loads(asset("labels.json"))


def prepare(ctx: BuildContext, langs: tuple[str, str]) -> None:
    """Load what the page's words are made from: the labels, and the languages' CLDR data
    for their names and dates (50 ms from disk; see ``HtmlBuilder.prepare``)."""
    _label_table()
    locales.load(*langs, *(ctx.config.proofing_tag(lang) for lang in langs))


def labels(lang: str) -> dict:
    return _label_table().get(lang, _label_table()["en"])


def chrome_lang(lang: str) -> str:
    """The language of the page's own words (controls, legend): the reader's, when known."""
    return lang if lang in _label_table() else "en"


def date(value: PubDate | None, lang: str, ctx: BuildContext) -> str:
    """A publication date as the language's variety writes it (en → en-GB by default: the
    proofing tag); empty when the article has none: never the build date in its place."""
    return locales.publication_date(value, ctx.config.proofing_tag(lang)) if value else ""


def built(ctx: BuildContext, lang: str) -> str:
    """The build date, shown (labelled) only when the configuration asks for it."""
    if not ctx.config.build_date:
        return ""
    day = ctx.built.date()
    return labels(lang)["built_on"].format(date(PubDate(day.year, day.month, day.day), lang, ctx))


def capital(name: str) -> str:
    return name[:1].upper() + name[1:]


def language(code: str, chrome: str | None = None) -> str:
    """A language's name, capitalised, in the page's language (or its own)."""
    return capital(locales.language_name(code, chrome))


def percent(value: float, lang: str) -> str:
    number = f"{value:g}" if lang == "en" else f"{value:g}".replace(".", ",")
    return labels(lang)["percent"].format(number)
