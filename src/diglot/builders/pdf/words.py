"""The words the PDF edition adds around the text (marks on untranslated passages, legend,
title page, contents), in French or English, with babel's language names and dates.

The DOCX edition says the same things in the same words (its ``text`` module); this copy
keeps each builder's fingerprint to its own files, so editing one edition's wording never
leaves the other's outputs stale.
"""

from __future__ import annotations

import datetime as dt

from diglot import locales
from diglot.model import FUZZY, PubDate

_WORDS = {
    "en": {
        "mark": "Not yet translated: {source} original shown",
        "mark fuzzy": "Translation under review: {source} original shown",
        "pending": "[Translation pending]",
        "pending fuzzy": "[Translation under review]",
        "legend source": "Shaded passages on the {target} pages are not yet translated or are "
                         "under review; the {source} original is shown in their place.",
        "legend placeholder": "Shaded passages on the {target} pages mark passages not yet "
                              "translated.",
        "legend omit": "Blank passages on the {target} pages mark passages not yet translated.",
        "edition": "Bilingual edition, {source} and {target}",
        "contents": "Contents",
        "built on": "built on {{}}",
        "made": "Typeset by diglot",
    },
    "fr": {
        "mark": "Pas encore traduit\u00a0: original en {source}",
        "mark fuzzy": "Traduction en révision\u00a0: original en {source}",
        "pending": "[Traduction à venir]",
        "pending fuzzy": "[Traduction en révision]",
        "legend source": "Les passages grisés des pages en {target} ne sont pas encore "
                         "traduits ou sont en révision\u202f; l’original en {source} les remplace.",
        "legend placeholder": "Les passages grisés des pages en {target} signalent les "
                              "passages pas encore traduits.",
        "legend omit": "Les passages laissés en blanc des pages en {target} signalent les "
                       "passages pas encore traduits.",
        "edition": "Édition bilingue, {source} et {target}",
        "contents": "Sommaire",
        "built on": "édition du {{}}",
        "made": "Composé par diglot",
    },
}


def words(key: str, lang: str, source: str, target: str) -> str:
    """A phrase in ``lang`` (a language code or tag), naming the source and target languages."""
    table = _WORDS.get(lang.split("-")[0], _WORDS["en"])
    return table[key].format(source=language(source, lang), target=language(target, lang))


def mark(state: str, placeholder: bool, lang: str, source: str) -> str:
    """The note under an untranslated or fuzzy passage on the ``lang`` side."""
    key = ("pending" if placeholder else "mark") + (" fuzzy" if state == FUZZY else "")
    return words(key, lang, source, lang)


def language(code: str, in_lang: str) -> str:
    """A language's name as written mid-sentence in ``in_lang`` (``French``, ``anglais``)."""
    base, reader = code.split("-")[0], in_lang.split("-")[0]
    if not (locales.is_known(base) and locales.is_known(reader)):
        return code
    return locales.language_name(base, reader)


def long_date(value: PubDate | dt.date, tag: str) -> str:
    """The date as the variety of ``tag`` writes it (``27 novembre 2026``, ``27 November 2026``)."""
    if isinstance(value, dt.date):
        value = PubDate(value.year, value.month, value.day)
    return locales.publication_date(value, tag)


def byline(author: str, value: PubDate | None, tag: str) -> str:
    """Author and publication date; either may be missing (never the build date)."""
    date = long_date(value, tag) if value else ""
    return " · ".join(part for part in (author.strip(), date) if part)
