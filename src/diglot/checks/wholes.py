"""Numbers read whole before a text's figures are: fractions ("158 1/2", "½", one value)
and the every-day idioms whose number repeats ("7 jours sur 7", "24 h/24": one number, as
English says them); ``numbers.read`` blanks their characters out of the figures' reach.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# A fraction as a book writes it: "1/2" (its numerator under its denominator, so that
# neither "24/7" nor a date "12/10" is one) or a vulgar fraction sign ("158½").
_FRACTION = re.compile(r"(?<![\d/.,])([1-9])/([2-9]|1[0-6])(?![\d/]|[.,]\d)|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")


# "7 jours sur 7", "24 h/24": every day, round the clock, one number as English says it
# ("7 days a week", "24 hours a day"; a translator's review: an error, "7 appears 2×").
# The English said word for word ("7 days out of 7") is one number too (a code review).
_ROUND = {True: re.compile(r"(?<![\d,.])(\d{1,2})([ \u00a0\u202f]?(?:jours?|j|heures?|h)"
                           r"[ \u00a0\u202f]?(?:sur[ \u00a0\u202f]|/))(\d{1,2})(?!\d|[,.]\d)"),
          False: re.compile(r"(?<![\d,.])(\d{1,2})( (?:days?|hours?) out of )(\d{1,2})"
                            r"(?!\d|[,.]\d)")}


def idioms_once(scan: str, french: bool) -> str:
    """``scan`` with each idiom's repeated number out of the figures' reach."""
    if "sur" in scan or "/" in scan or " of " in scan:
        return _ROUND[french].sub(_once, scan)
    return scan


def _once(found: re.Match) -> str:
    """The idiom with its repeated number out of the figures' reach."""
    number, words, again = found.groups()
    return found.group() if again != number else number + words + "\0" * len(again)


def fractions(text: str) -> list[tuple]:
    """Fractions as numbers of their value (``Number``'s first fields): "6 jours 1/2" and
    "six days and a half" both hold one half (a QA lead's clean pairs: "158 1/2" against
    "158½" was an error)."""
    out: list[tuple] = []
    if "/" not in text and not _SIGNS.search(text):  # most texts: no search for the pattern
        return out
    for found in _FRACTION.finditer(text):
        if found.group(1):
            numerator, denominator = int(found.group(1)), int(found.group(2))
            if numerator >= denominator:
                continue
            value = Decimal(numerator) / Decimal(denominator)
            parts = (frozenset({Decimal(numerator)}), frozenset({Decimal(denominator)}))
        else:
            value, parts = Decimal(str(unicodedata.numeric(found.group()))), ()
        # "Python 2/3" is no fraction: its parts may stand for the other language's 2 and 3
        out.append((found.group(), found.start(), found.end(),
                    frozenset({value.quantize(_PLACES), found.group()}), parts))
    return out


_PLACES = Decimal("0.0001")
_SIGNS = re.compile("[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")


def blanked(text: str, numbers: list) -> str:
    """``text`` with the numbers' own characters out of the figures' reach."""
    if not numbers:
        return text
    pieces, at = [], 0
    for number in numbers:  # in order, apart: one pass (a text of many fractions stays linear)
        pieces += [text[at:number.start], "\0" * (number.end - number.start)]
        at = number.end
    return "".join(pieces) + text[at:]
