"""French typographic rules as a table (see ``typography``): which space goes where.

Spaces a rule replaces: ordinary, no-break (U+00A0), narrow no-break (U+202F) and thin
(U+2009), so an author may type any of them and get the house style. Every rule leaves text
that already follows it unchanged: typesetting twice is typesetting once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diglot.typography.dashes import Dashes
from diglot.typography.engine import SPACES, Edit, Mark, Pattern, Quotes, Table

NBSP, NNBSP = "\u00a0", "\u202f"
_SP = "[" + SPACES + "]"
_OPENERS = "([{«‹\"“"
# Units written after a number: the space before them becomes unbreakable (never added:
# "3D" and "5G" are words).
_UNITS = ("km/h", "km", "cm", "mm", "m", "kg", "mg", "g", "ml", "cl", "h", "min", "ms",
          "°C", "°", "€", "$", "£", "F", "Go", "Mo", "Ko", "To", "Gio", "Mio", "Kio", "GHz", "MHz",
          "Hz", "kW", "W", "V", "px", "pt", "ans", "an", "mois", "jours", "heures", "minutes",
          "secondes", "milliards", "milliard", "millions", "million", "mille", "euros",
          "dollars", "francs", "centimes", "livres", "lieues", "milles", "pieds", "pouces",
          "mètres", "kilomètres", "kilos", "tonnes", "litres", "degrés")
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
    return Table(marks, patterns, [Abbreviations()])


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


# An abbreviation bound to what follows by a no-break space: a title to the name ("M. Dupont",
# "Mme Martin", "Dr House"), a reference word to its number ("p. 45", "n° 3", "§ 2"). One
# search starting at a rare character (a rule run per "." or "e" cost the book's render 4%).
_CAPITAL = "A-ZÀ-ÖØ-Þ"
# What a title is bound to: a name, or its particle ("M. de Lesseps", "Mme d'Épinay").
_NAMED = rf"{_SP}+(?=[{_CAPITAL}]|(?:de|du|des|d['’])(?:{_SP}|[{_CAPITAL}]))"
_ABBREVIATION = re.compile(rf"[.°º§MDP](?:(?<=[.°º§]){_SP}*(?=\d)|(?<=M)(?:M?\.|mes?|lles?|gr|e|rs?\.)"
                           rf"{_NAMED}|(?<=[DP])r\.?{_NAMED})")
_REFERENCES = frozenset({"p.", "pp.", "vol.", "t.", "chap.", "fig.", "art.", "n°", "nº", "N°", "Nº", "§"})


class Abbreviations:
    """Each abbreviation's spaces after it made one no-break space (or one added: "n°3")."""

    letters = "MDP"  # a title's first (a reference word is before a digit, which ``Table`` seeks)

    @staticmethod
    def edits(text: str) -> list[Edit]:
        found = _ABBREVIATION.search(text)
        if found is None:
            return []
        out = []
        for found in _ABBREVIATION.finditer(text, found.start()):
            titled = found.group()[0] in "MDP"
            at = _spaces_at(found) if titled else found.start() + 1
            start = found.start() if titled else _word_start(text, found.start())
            bound = _titled(text, start) if titled else _referred(text, start, at)
            if bound and text[at:found.end()] != NBSP:
                out.append((at, found.end(), NBSP, found.end()))
        return out


def _titled(text: str, start: int) -> bool:
    """A title's own word, not a measure's ("5 M. Les travaux…": five metres, then a sentence)."""
    before = text[:start].rstrip(SPACES)
    return not _in_word(text, start, "._-'’") and not before[-1:].isdigit()


def _referred(text: str, start: int, at: int) -> bool:
    """A reference word ("p.", "n°"), after a space or an elision ("l'art. 3")."""
    return text[start:at] in _REFERENCES and not _in_word(text, start, "._-")


def _spaces_at(found: re.Match) -> int:
    return found.start() + next(k for k, c in enumerate(found.group()) if c in SPACES)


def _word_start(text: str, at: int) -> int:
    while at and text[at - 1].isalpha():
        at -= 1
    return at


def _in_word(text: str, start: int, joins: str) -> bool:
    """Whether the abbreviation ends a longer word or a name ("PM. Dupont", "e.g. 3")."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in joins)


class _NotDigit(str):
    """Every character but a digit: ``%`` is spaced only after a number."""

    def __contains__(self, char: object) -> bool:
        return not (isinstance(char, str) and char.isdigit())


_NOT_DIGIT = _NotDigit()
