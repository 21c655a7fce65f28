"""What the DOCX and PDF editions' words have in common: a phrase from a format's own table
in the reader's language (English where it has none), language names and dates from babel's
CLDR data, the byline. Each format keeps its table (a column is not a page); both list this
module among their own files, so a change here rebuilds both.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from diglot import locales
from diglot.model import FUZZY, PubDate


def phrase(table: dict[str, dict[str, str]], key: str, lang: str, source: str,
           target: str) -> str:
    """``table``'s phrase ``key`` in ``lang`` (a code or tag), naming both languages."""
    words = table.get(locales.base(lang), table["en"])
    return words[key].format(source=language(source, lang), target=language(target, lang))


def mark_key(state: str, placeholder: bool) -> str:
    """The phrase on an untranslated or fuzzy passage: a note, or a placeholder for it."""
    return ("pending" if placeholder else "mark") + (" fuzzy" if state == FUZZY else "")


@lru_cache(maxsize=256)  # asked for every untranslated passage: babel's lookup is slow
def language(code: str, in_lang: str) -> str:
    """A language's name as written mid-sentence in ``in_lang`` (``French``, ``anglais``)."""
    base, reader = locales.base(code), locales.base(in_lang)
    if not (locales.is_known(base) and locales.is_known(reader)):
        return code
    return locales.language_name(base, reader)


def long_date(value: PubDate | dt.date, tag: str) -> str:
    """The date as the variety of ``tag`` writes it (``27 novembre 2026``, ``27 November
    2026`` in en-GB), as the HTML edition does."""
    if isinstance(value, dt.date):
        value = PubDate(value.year, value.month, value.day)
    return locales.publication_date(value, tag)


def byline(author: str, value: PubDate | None, tag: str) -> str:
    """Author and publication date; either may be missing (never the build date)."""
    date = long_date(value, tag) if value else ""
    return " · ".join(part for part in (author.strip(), date) if part)
