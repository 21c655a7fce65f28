"""French typographic rules as a table (see ``typography``): which space goes where.

Spaces a rule replaces: ordinary, no-break (U+00A0), narrow no-break (U+202F) and thin
(U+2009), so an author may type any of them and get the house style. Every rule leaves text
that already follows it unchanged: typesetting twice is typesetting once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diglot.typography.dashes import Dashes
from diglot.typography.engine import SPACES, Mark, Pattern, Quotes, Table

NBSP, NNBSP = "\u00a0", "\u202f"
_SP = "[" + SPACES + "]"
_OPENERS = "([{«‹\"“"
# Units written after a number: the space before them becomes unbreakable (never added:
# "3D" and "5G" are words).
_UNITS = ("km/h", "km", "cm", "mm", "m", "kg", "mg", "g", "ml", "cl", "h", "min", "ms",
          "°C", "°", "€", "$", "£", "F", "Go", "Mo", "Ko", "To", "Gio", "Mio", "Kio", "GHz", "MHz",
          "Hz", "kW", "W", "V", "px", "pt", "ans", "an", "mois", "jours", "heures", "minutes",
          "secondes", "milliards", "milliard", "millions", "million", "mille", "euros",
          "dollars")
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))


@lru_cache(maxsize=4)
def rules(style: str) -> Table:
    """The rules for a house style: ``narrow``, ``nbsp`` or ``off`` (no spacing before
    punctuation or inside guillemets; numbers and apostrophes still set)."""
    space = NNBSP if style == "narrow" else NBSP
    marks = [Mark("%‰", space, not_after=_NOT_DIGIT, then=re.compile(r"(?!\w)")),
             Mark("'", replace="’"), Quotes("" if style == "off" else NBSP, inner="“”")]
    if style != "off":
        marks += _punctuation(space)
    patterns = [Pattern(re.compile(rf"(?<![\d.,])\d{{1,3}}(?:{_SP}\d{{3}})+(?!\d)"), space),
                Pattern(re.compile(rf"\d{_SP}+(?:{_UNIT})(?![\w'’])"), NBSP),
                # "19 h 30": a time of day is never cut at a line's end
                Pattern(re.compile(rf"\b(?:[01]?\d|2[0-3]){_SP}+h{_SP}+[0-5]\d\b"), NBSP)]
    return Table(marks, patterns)


def _punctuation(thin: str) -> list[Mark]:
    return [
        # "Note : voir", "Remarque :" — not "14:30", ":)" or "http:".
        Mark(":", NBSP, not_after=_OPENERS + ":;!?", then=re.compile(r"\s|$|[»›”\"')\]—–]")),
        # "Pourquoi ?", "Quoi ?!" (one space, before the first mark), "(?)" untouched.
        Mark(";!?", thin, not_after=_OPENERS + ":;!?",
             then=re.compile(r"[;!?]*(?:\s|$|[»›”\"')\].,:…—–])")),
        # « citation », «citation» — the space after « belongs to the guillemet.
        Mark("«‹", NBSP, side=1),
        Mark("»›", NBSP),
        Dashes(NBSP),
    ]


class _NotDigit(str):
    """Every character but a digit: ``%`` is spaced only after a number."""

    def __contains__(self, char: object) -> bool:
        return not (isinstance(char, str) and char.isdigit())


_NOT_DIGIT = _NotDigit()
