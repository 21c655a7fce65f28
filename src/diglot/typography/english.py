"""English typography: the curly quotes and apostrophes of printed English, as SmartyPants
sets them. ``'`` between letters or after a word is ``’`` (``don’t``, ``the students’``,
``’90s``, ``1990’s``), before a word after a space ``‘``; a prime (``12'``) stays as typed;
straight double quotes that pair up are “ ”. English spaces nothing before its punctuation,
and its numbers are left as typed; but a title stays with its name and a number with its
unit or its reference word (``Mr.\u00a0Fogg``, ``520\u00a0m``, ``p.\u00a045``): a reader's
review found lines ending on "Mr." and starting with "m", where the French beside them ties
both.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diglot.typography.engine import SPACES, Edit, Pattern, Quotes, Table, quote_roles

NBSP = "\u00a0"
_SP = "[" + SPACES + "]"
# Units written after a number ("3D" and "5G" are words: a space is tied, never added).
_UNITS = ("km/h", "km", "cm", "mm", "m", "kg", "mg", "g", "ml", "h", "min", "ms", "°C", "°F",
          "°", "mph", "ft", "lb", "lbs", "oz", "GB", "MB", "KB", "TB", "GiB", "MiB", "KiB",
          "GHz", "MHz", "Hz", "kW", "W", "V", "px", "pt", "miles", "feet", "yards", "inches",
          "pounds", "dollars", "euros", "francs", "leagues", "knots", "years", "days",
          "hours", "minutes", "seconds", "thousand", "million", "millions", "billion")
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
# A title before a name; a reference word before its number.
_TIED = re.compile(rf"(?<![\w.])(?:(?:Mrs?|Ms|Dr|St|Messrs|Mme|Mlle)\.?{_SP}+(?=[A-Z])"
                   rf"|(?:No|no|pp?|Fig|fig|vol|Vol|ch|Ch)\.{_SP}+(?=\d)|§{_SP}+(?=\d))")

_OPENS_AFTER = "([{“—–/"  # what an opening quote may follow, besides a space
_CLOSES_AFTER = ".,;:!?)\u2019\u201d"  # what a closing quote may follow, besides a letter
_DECADE = re.compile(r"\d\ds\b")  # '90s: an elision, never an opening quote


class Apostrophes:
    """A straight single quote as a closing one or an apostrophe (``’``), or as an opening
    quote (``‘``) where a word starts after it; left as typed where it stands alone."""

    marks = "'"

    def edit(self, text: str, i: int) -> Edit | None:
        new = _single_quotes(text).get(i)
        return (i, i + 1, new, i) if new else None


@lru_cache(maxsize=4)  # one text's quotes are asked in turn
def _single_quotes(text: str) -> dict[int, str]:
    """Each straight single quote's place → what it becomes, read left to right: a quote
    just before another is judged as what it becomes, so a second pass changes nothing."""
    found: dict[int, str] = {}
    for at in (m.start() for m in re.finditer("'", text)):
        before = _set(text, at - 1, found) if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if (before.isspace() or before in _OPENS_AFTER) and after.isalnum():
            found[at] = "’" if _DECADE.match(text, at + 1) else "‘"
        elif before.isalpha() or before in _CLOSES_AFTER or before.isdigit() and after.isalpha():
            found[at] = "’"
    return found  # a prime (12') or a quote standing alone is left as typed


def _set(text: str, at: int, found: dict[int, str]) -> str:
    char = text[at]
    if char == "'":
        return found.get(at, char)
    if char == '"':
        roles = quote_roles(text)
        return char if roles is None else "\u201c" if roles[at] else "\u201d"
    return char


# What a title's tie needs to be there (cheap tests before the rule's own search): the
# titles _TIED names; "Dr" and "St" only before a point or a space ("Station" is no title).
_TITLES = ("Mr", "Ms", "Messrs", "Mme", "Mlle", "§") + tuple(
    title + after for title in ("Dr", "St") for after in "." + SPACES)


class Ties:
    """The spaces after a title or a reference word made one no-break space."""

    @staticmethod
    def might(text: str) -> bool:
        """Whether a title may be there (a reference word is before a digit, which the
        table looks for already): a few substring tests, far cheaper than a scan."""
        return any(title in text for title in _TITLES)

    @staticmethod
    def edits(text: str) -> list[Edit]:
        out = []
        for found in _TIED.finditer(text):
            at = next(k for k, c in enumerate(found.group()) if c in SPACES) + found.start()
            if text[at:found.end()] != NBSP:
                out.append((at, found.end(), NBSP, found.end()))
        return out


@lru_cache(maxsize=1)
def rules() -> Table:
    units = Pattern(re.compile(rf"\d{_SP}+(?:{_UNIT})(?![\w'’])"), NBSP)
    return Table([Apostrophes(), Quotes("", opening="“", closing="”")], [units], [Ties()])
