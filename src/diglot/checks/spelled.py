"""Numbers spelled out in words, French and English, read into their values.

A compound numeral is one number: ``quatre-vingts`` is 80 (not 4 then 20), ``dix-huit`` 18,
``vingt et un`` 21, ``deux cent trois`` 203, ``eighty-five`` 85, ``two hundred and five``
205. A run of number words that is no numeral (``deux ou trois``, ``deux, trois``; but also
``deux trois`` typed side by side) is read word by word. Every spelled number is *optional*
(a counterpart, never required); those that only count (``cinq``, ``eighth``, any compound)
are ``counting``: left unmatched on both sides, a number that changed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from typing import NamedTuple


class Spelled(NamedTuple):
    """A spelled number at ``start:end`` of its text."""

    text: str
    start: int
    end: int
    value: Decimal
    counting: bool


def _table(words: str, start: int = 0, step: int = 1) -> dict[str, int]:
    return {w: start + step * i for i, w in enumerate(words.split())}


# The numerals that combine: units, teens, tens, hundred and thousand.
_FR_PARTS = (_table("deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
                    "quinze seize", 2)
             | _table("vingt trente quarante cinquante soixante septante huitante nonante", 20, 10)
             | {"vingts": 20, "octante": 80, "cent": 100, "cents": 100, "mille": 1000})
_EN_PARTS = (_table("one two three four five six seven eight nine ten eleven twelve thirteen "
                    "fourteen fifteen sixteen seventeen eighteen nineteen", 1)
             | _table("twenty thirty forty fifty sixty seventy eighty ninety", 20, 10)
             | {"hundred": 100, "thousand": 1000})
# Words that stand alone: ordinals, collectives, turns of phrase.
_FR_ALONE = (_table("premier deuxième troisième quatrième cinquième sixième septième huitième "
                    "neuvième dixième", 1)
             | {"zéro": 0, "première": 1, "second": 2, "seconde": 2, "double": 2,
                "moitié": Decimal("0.5"), "dizaine": 10, "douzaine": 12, "vingtaine": 20,
                "centaine": 100, "millier": 1000})
# "un couple", "un triplet": French names tuples by their size, English writes "a 2-tuple".
_FR_ALONE |= {w: n for n, words in ((2, "paire paires couple couples"), (3, "triplet triplets"),
                                    (4, "quadruplet quadruplets")) for w in words.split()}
_EN_ALONE = (_table("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                    "twelfth", 1)
             | {"zero": 0, "dozen": 12, "once": 1, "twice": 2, "both": 2,
                "half": Decimal("0.5"), "double": 2, "single": 1, "ones": 1, "zeros": 0,
                "zeroes": 0})

# Words that only ever count, two and up: a number a translator may change. Not "neuf"
# (also "new"), "second" (also the unit), "un"/"one"/"single"/"both"/"pair" (articles and
# turns of phrase each language writes its own way).
COUNTING = frozenset(
    "deux trois quatre cinq six sept huit dix onze douze treize quatorze quinze seize vingt "
    "trente quarante cinquante soixante septante huitante octante nonante deuxième "
    "troisième quatrième cinquième sixième septième huitième neuvième dixième two three four "
    "five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety third fourth "
    "fifth sixth seventh eighth ninth tenth eleventh twelfth".split())


class _Language:
    """One language's numerals: a pattern finding runs of number words, and their values."""

    def __init__(self, parts: dict, alone: dict, join: str, one: str) -> None:
        self.parts, self.alone = parts, alone
        self.words = {**alone, **parts, **{w: 1 for w in one.split()}}
        part = _alternatives(parts)
        # "un"/"one" only after "et"/"and" or before "cent"/"hundred" (else an article).
        run = rf"(?:{part}|(?:{one.replace(' ', '|')})(?=[-\s]+(?:{part})))"
        link = rf"(?:[-\s]+(?:{join})[-\s]+(?:{one.replace(' ', '|')}|{part})|[-\s]+(?:{part}))"
        self.pattern = re.compile(rf"(?<!\w)(?:{run}{link}*|{_alternatives(alone)})(?!\w)",
                                  re.IGNORECASE)
        self.join = join

    def read(self, text: str) -> list[Spelled]:
        found = []
        for match in self.pattern.finditer(text):
            found += self._numbers(match)
        return found

    def _numbers(self, match: re.Match) -> list[Spelled]:
        words = [w for w in re.split(r"[-\s]+", match.group(0).lower()) if w != self.join]
        value = _compound([self.words[w] for w in words])
        if value is not None:
            counting = len(words) > 1 or words[0] in COUNTING
            return [Spelled(match.group(0), match.start(), match.end(), Decimal(value), counting)]
        return [n for w in re.finditer(r"[^-\s]+", match.group(0)) for n in self._word(match, w)]

    def _word(self, run: re.Match, word: re.Match) -> list[Spelled]:
        """One word of a run that is no numeral ("deux trois"): a number of its own."""
        key = word.group(0).lower()
        if key not in self.parts and key not in self.alone:
            return []  # "et", "and", an article "un"
        start = run.start() + word.start()
        value = self.words[key]
        return [Spelled(word.group(0), start, start + len(key), Decimal(value), key in COUNTING)]


def _alternatives(table: dict) -> str:
    return "|".join(sorted(table, key=len, reverse=True))


def _compound(values: list) -> int | Decimal | None:
    """The value of a numeral's words (``quatre vingt dix sept`` → 97), None when the words
    make no numeral in that order (``deux trois``)."""
    if len(values) == 1:
        return values[0]
    total, current, last = 0, 0, None
    for value in values:
        if value == 1000:
            if total:
                return None
            total, current = (current or 1) * 1000, 0
        elif value == 100:
            if current >= 100:
                return None
            current = (current or 1) * 100
        elif not _fits(current % 100, value, last):
            return None
        else:
            current += 76 if value == 20 and current % 100 == 4 and last == 4 else value
        last = value
    return total + current


def _fits(below_hundred: int, value: int, last) -> bool:
    """Whether ``value`` may follow what is already read under a hundred: a unit after a
    ten (``vingt-deux``, ``dix-sept``), a teen after 60 or 80 (``soixante-douze``), ``vingt``
    after ``quatre`` (``quatre-vingts``), anything after nothing."""
    if below_hundred == 0:
        return True
    if value == 20:
        return below_hundred == 4 and last == 4
    if value < 10:
        return below_hundred % 10 == 0
    return value < 20 and below_hundred in (60, 80)


_FRENCH = _Language(_FR_PARTS, _FR_ALONE, "et", "un une")
_ENGLISH = _Language(_EN_PARTS, _EN_ALONE, "and", "a")


def read(text: str, french: bool) -> list[Spelled]:
    """Numbers spelled out ("dix fois", "quatre-vingts", "ten times", "both")."""
    return (_FRENCH if french else _ENGLISH).read(text)
