"""The ``dates`` check: a month or a day of the week the English names otherwise ("le 21
décembre" → "21st November", "samedi" → "Sunday"). Only the figures of a date were compared
(a QA lead planted both: neither was caught).

A name counts as changed only when the English names another month (or day) in its place: an
English that leaves the name out ("the next day") has rephrased, not mistranslated. French
writes months and days in lower case, so "Mars" (the planet) is no month; English writes
them with a capital, so "may" (the verb) is none, nor "sat".
"""

from __future__ import annotations

import re

from diglot.checks.excerpt import quote
from diglot.checks.model import Pair, Problem

_FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                  "septembre", "octobre", "novembre", "décembre")
_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December")
_FRENCH_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# English abbreviations a date may use ("3 Dec. 2026", "Sat 21"): three letters, "Sept".
_SHORT = {name[:3]: n for n, name in enumerate(_ENGLISH_MONTHS)} | {"Sept": 8}
_SHORT_DAYS = {name[:3]: n for n, name in enumerate(_ENGLISH_DAYS)}

# English names that are other words too, counted only beside a figure
_AMBIGUOUS = frozenset({"May", "March"}) | set(_SHORT) | set(_SHORT_DAYS)


def check_dates(pair: Pair) -> list[Problem]:
    """A French month or weekday that the English replaces by another."""
    french, english = _names(pair.fr.masked, "fr"), _names(pair.en.masked, "en")
    problems = []
    for kind, nouns in (("month", _ENGLISH_MONTHS), ("day", _ENGLISH_DAYS)):
        lost = {n: at for n, at in french[kind].items() if n not in english[kind]}
        added = {n: at for n, at in english[kind].items() if n not in french[kind]}
        if lost and added:
            (fr_n, fr_at), (en_n, en_at) = min(lost.items(), key=_first), min(added.items(), key=_first)
            problems.append(Problem(
                f"{_french_name(kind, fr_n)} in French is {nouns[en_n]} in the English",
                f"{quote(pair.fr.shown, *fr_at)} → {quote(pair.en.shown, *en_at)}"))
    if len(problems) > 1:  # one finding an entry: "mardi 3 mars" → "Thursday 3 May"
        return [Problem("; ".join(p.message for p in problems), problems[0].excerpt)]
    return problems


def _first(item):
    return item[1][0]


def _names(text: str, lang: str) -> dict[str, dict[int, tuple[int, int]]]:
    """Month and weekday numbers a text names → where the first of each stands."""
    found: dict[str, dict[int, tuple[int, int]]] = {"month": {}, "day": {}}
    for word in _NAMES[lang].finditer(text):  # one scan for the names (not a test per word)
        kind, number = _name(word.group(), lang)
        if kind and (word.group() not in _AMBIGUOUS or _dated(text, *word.span())):
            found[kind].setdefault(number, word.span())
    return found


def _dated(text: str, start: int, end: int) -> bool:
    """Whether a figure stands right beside the word ("May 3", "3 Dec. 2026", "Sat 21"):
    alone, "May" is a verb and "Sun" a star."""
    return bool(_FIGURE_BEFORE.search(text, max(0, start - 4), start)) or \
        bool(_FIGURE_AFTER.match(text, end))


_FIGURE_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?[ ,.]*$")
_FIGURE_AFTER = re.compile(r"\.?,? *\d")


def _name(word: str, lang: str) -> tuple[str, int]:
    if lang == "fr":
        if word in _FRENCH_MONTH_NUMBERS:
            return "month", _FRENCH_MONTH_NUMBERS[word]
        return ("day", _FRENCH_DAY_NUMBERS[word]) if word in _FRENCH_DAY_NUMBERS else ("", 0)
    if word in _ENGLISH_MONTH_NUMBERS or word in _SHORT:
        return "month", _ENGLISH_MONTH_NUMBERS.get(word, _SHORT.get(word, 0))
    if word in _ENGLISH_DAY_NUMBERS or word in _SHORT_DAYS:
        return "day", _ENGLISH_DAY_NUMBERS.get(word, _SHORT_DAYS.get(word, 0))
    return "", 0


def _french_name(kind: str, number: int) -> str:
    return (_FRENCH_MONTHS if kind == "month" else _FRENCH_DAYS)[number]


_FRENCH_MONTH_NUMBERS = {name: n for n, name in enumerate(_FRENCH_MONTHS)} | {"aout": 7, "fevrier": 1,
                                                                             "decembre": 11}
_FRENCH_DAY_NUMBERS = {name: n for n, name in enumerate(_FRENCH_DAYS)}
_ENGLISH_MONTH_NUMBERS = {name: n for n, name in enumerate(_ENGLISH_MONTHS)}
_ENGLISH_DAY_NUMBERS = {name: n for n, name in enumerate(_ENGLISH_DAYS)}

_NAMES = {lang: re.compile(r"(?<!\w)(?:" + "|".join(sorted(names, key=len, reverse=True)) + r")(?!\w)")
          for lang, names in (("fr", {*_FRENCH_MONTH_NUMBERS, *_FRENCH_DAY_NUMBERS}),
                              ("en", {*_ENGLISH_MONTH_NUMBERS, *_ENGLISH_DAY_NUMBERS, *_SHORT,
                                      *_SHORT_DAYS}))}
