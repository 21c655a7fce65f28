"""The HTML edition's index page, made from each article's summary: the one part of an
article the index needs (both titles, author, date, progress), kept by the build so the
index never reads or renders an article again.

A summary is JSON, and it may come from a cache on disk: it is read as data (every field
checked for its type; anything else refused), and the template escapes every string.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from diglot.builders import BuildContext
from diglot.builders import html_words as words
from diglot.errors import BuildError
from diglot.model import Bilingual, PubDate, Stats
from diglot.source.inline import plain_text
from diglot.typography import typeset_plain

_STATS = ("segments", "translated", "fuzzy", "untranslated", "obsolete", "words", "words_left")


def summary(doc: Bilingual, ctx: BuildContext) -> bytes:
    """What the index shows of one article in one language, as JSON."""
    date = doc.article.date
    data = {
        "slug": doc.slug, "source_lang": doc.source_lang, "target_lang": doc.target_lang,
        "title": typeset_plain(plain(doc.title, doc.references), doc.source_lang,
                               ctx.config.french_spacing),
        "title_target": typeset_plain(plain(doc.title_target, doc.references), doc.target_lang)
        if doc.title_target else "",
        "author": doc.article.author,
        "date": [date.year, date.month, date.day] if date else None,
        "stats": {name: getattr(doc.stats, name) for name in _STATS},
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")


def plain(text: str, references) -> str:
    """A segment's inline Markdown as the plain text a title attribute or a list shows."""
    return plain_text(text, references).replace("\n", " ")


def page(parts: list[bytes], ctx: BuildContext) -> dict:
    """The index template's data: the articles in order, grouped by article."""
    chrome = words.chrome_lang(ctx.config.languages[0] if ctx.config.languages else "en")
    groups: dict[str, list[dict]] = {}
    for part in parts:
        entry = _read(part)
        groups.setdefault(entry["slug"], []).append(entry)
    entries = [_entry(group, ctx, chrome) for group in groups.values()]
    first = next(iter(groups.values()), [{}])[0]
    target = ctx.config.languages[0] if ctx.config.languages else "en"
    return {"lang": chrome, "t": words.labels(chrome), "edition": ctx.title, "entries": entries,
            "fr": first.get("source_lang", "fr"), "built": words.built(ctx, chrome),
            "edition_en": ctx.title_in(target), "en": target, "author": ", ".join(ctx.authors([]))}


def _entry(group: list[dict], ctx: BuildContext, chrome: str) -> dict:
    first = group[0]
    date = PubDate(*first["date"]) if first["date"] else None
    name = ctx.names.get(first["slug"], first["slug"])
    return {
        "href": quote(name) + ".html", "title": first["title"], "author": first["author"],
        "titles": [(s["target_lang"], s["title_target"]) for s in group if s["title_target"]],
        "iso_date": date.iso if date else "", "date": words.date(date, chrome, ctx),
        "progress": [_progress(s, chrome) for s in group],
    }


def _progress(entry: dict, chrome: str) -> dict:
    stats = Stats(**entry["stats"])
    return {"lang": words.language(entry["target_lang"], chrome), "stats": stats,
            "percent": words.percent(stats.percent, chrome)}


_TEXTS = ("slug", "source_lang", "target_lang", "title", "title_target", "author")


def _read(part: bytes) -> dict:
    """A summary, every field of the expected type (a damaged one is a BuildError)."""
    try:
        entry = json.loads(part)
        ok = all(isinstance(entry[k], str) for k in _TEXTS) and _date_ok(entry["date"]) \
            and all(type(entry["stats"][k]) is int for k in _STATS)
    except (ValueError, KeyError, TypeError):
        ok = False
    if not ok:
        raise BuildError("an article summary is damaged; rebuild with --force")
    return entry


def _date_ok(value) -> bool:
    return value is None or (isinstance(value, list) and len(value) == 3 and type(value[0]) is int
                             and all(v is None or type(v) is int for v in value[1:]))
