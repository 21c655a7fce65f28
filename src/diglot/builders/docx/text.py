"""The words the DOCX edition adds around the content (column headings, bylines, marks for
untranslated passages, legend, title page), in the reader's language, with babel's CLDR
language names and dates. Languages without wording here fall back to English.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from diglot import locales
from diglot.model import FUZZY, PubDate

_WORDS = {
    "en": {
        "mark": "Not yet translated: {source} original shown",
        "mark fuzzy": "Translation under review: {source} original shown",
        "pending": "[Translation pending]",
        "pending fuzzy": "[Translation under review]",
        "legend source": "Shaded passages of the {target} column are not yet translated or "
                         "are under review; the {source} original is shown in their place.",
        "legend placeholder": "Shaded cells of the {target} column mark passages not yet "
                              "translated.",
        "legend omit": "Empty cells of the {target} column mark passages not yet translated.",
        "edition": "Bilingual edition, {source} and {target}",
        "contents": "Contents",
        "built on": "built on {{}}",
    },
    "fr": {
        "mark": "Pas encore traduit\u00a0: original en {source}",
        "mark fuzzy": "Traduction en révision\u00a0: original en {source}",
        "pending": "[Traduction à venir]",
        "pending fuzzy": "[Traduction en révision]",
        "legend source": "Les passages grisés de la colonne en {target} ne sont pas encore "
                         "traduits ou sont en révision\u202f; l’original en {source} les remplace.",
        "legend placeholder": "Les cellules grisées de la colonne en {target} signalent les "
                              "passages pas encore traduits.",
        "legend omit": "Les cellules vides de la colonne en {target} signalent les passages pas "
                       "encore traduits.",
        "edition": "Édition bilingue, {source} et {target}",
        "contents": "Sommaire",
        "built on": "édition du {{}}",
    },
}


def words(key: str, lang: str, source: str, target: str) -> str:
    """A phrase in ``lang`` (a language code), naming the source and target languages."""
    table = _WORDS.get(lang.split("-")[0], _WORDS["en"])
    return table[key].format(source=language(source, lang), target=language(target, lang))


def mark(state: str, placeholder: bool, lang: str, source: str) -> str:
    """The note on an untranslated or fuzzy cell of the ``lang`` column."""
    key = ("pending" if placeholder else "mark") + (" fuzzy" if state == FUZZY else "")
    return words(key, lang, source, lang)


@lru_cache(maxsize=256)  # asked for every untranslated cell: babel's lookup is slow
def language(code: str, in_lang: str) -> str:
    """A language's name as written mid-sentence in ``in_lang`` (``French``, ``anglais``)."""
    base, reader = code.split("-")[0], in_lang.split("-")[0]
    if not (locales.is_known(base) and locales.is_known(reader)):
        return code
    return locales.language_name(base, reader)


def column_heading(code: str) -> str:
    """A column's heading: the language's own name, capitalised (``Français``, ``English``)."""
    name = language(code, code)
    return name[:1].upper() + name[1:]


def long_date(value: PubDate | dt.date, tag: str) -> str:
    """The date as the language variety of ``tag`` writes it (``27 novembre 2026``,
    ``27 November 2026`` in en-GB), as the HTML edition does."""
    if isinstance(value, dt.date):
        value = PubDate(value.year, value.month, value.day)
    return locales.publication_date(value, tag)


def byline(author: str, value: PubDate | None, tag: str) -> str:
    """Author and publication date; either may be missing (never the build date)."""
    date = long_date(value, tag) if value else ""
    return " · ".join(part for part in (author.strip(), date) if part)
