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
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, NamedTuple


class Spelled(NamedTuple):
    """A spelled number at ``start:end`` of its text."""

    text: str
    start: int
    end: int
    values: frozenset  # "trois cents": 300, or 3 in "three or four hundred"
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
# Ordinals end a compound as its last word: "seventy-sixth" is 76, "soixante-seizième" 76
# (a QA lead's clean pairs: "soixante-seize jours" against "the seventy-sixth" was 76
# against 70 and 6).
_EN_PARTS |= (_table("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                     "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                     "nineteenth", 1)
              | _table("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth "
                       "ninetieth", 20, 10) | {"hundredth": 100, "thousandth": 1000})


def _french_ordinal(word: str) -> str:
    """"cinq" → "cinquième", "neuf" → "neuvième", "quatre" → "quatrième", "vingts" → "vingtième"."""
    stem = {"cinq": "cinqu", "neuf": "neuv", "vingts": "vingt", "cents": "cent"}.get(word, word)
    return stem.removesuffix("e") + "ième"


_FR_PARTS |= {_french_ordinal(w): v for w, v in _FR_PARTS.items()} | {"unième": 1}
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

# The hours with a name: "12 h" is noon, "0 h" and "24 h" midnight (as the clock reads them:
# a French hour also reads "12pm", "12am"; see numbers._clock).
_NOON, _MIDNIGHT = frozenset({Decimal(12), "12pm"}), frozenset({Decimal(0), Decimal(24), "12am"})
_FR_HOURS = {"midi": _NOON, "minuit": _MIDNIGHT}
_EN_HOURS = {"noon": _NOON, "midday": _NOON, "midnight": _MIDNIGHT}

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


@dataclass(frozen=True)
class _Grammar:
    """How one language joins its numerals: ``join`` ("et", "and") between which values,
    the words for one that start a numeral or end one, and whether four twenties make 80."""

    join: str
    joins: Callable[[int, int], bool]  # (value before, value after) → may "join" stand there
    first_one: str  # "un", "a": one only before a hundred…
    last_one: str  # …or after a ten or a hundred ("quatre-vingt-un", "cent un")
    twenties: bool  # quatre-vingts
    years: bool = False  # "nineteen eighty-four" is 1984

def _french_join(before: int, after: int) -> bool:
    """"vingt et un", "soixante et onze", "mille et une"."""
    return before in (20, 30, 40, 50, 60) and after in (1, 11) or before == 1000 and after == 1


def _english_join(before: int, after: int) -> bool:
    """"two hundred and five", "a thousand and one"."""
    return before in (100, 1000) and after < 100


class _Language:
    """One language's numerals: a pattern finding runs of number words, cut into the
    longest numerals they make."""

    def __init__(self, parts: dict, alone: dict, grammar: _Grammar, hours: dict) -> None:
        self.parts, self.alone, self.grammar, self.hours = parts, alone, grammar, hours
        self.hour_pattern = re.compile(rf"(?<!\w)(?:{_alternatives(hours)})(?!\w)", re.IGNORECASE)
        ones = {w: 1 for w in f"{grammar.first_one} {grammar.last_one}".split()}
        self.no_number = set(ones) | {grammar.join}  # alone, an article or a conjunction
        self.words = {**alone, **ones, **parts, grammar.join: None}
        part = _alternatives(parts)
        first = grammar.first_one.replace(" ", "|")
        later = "|".join(filter(None, (part, grammar.last_one.replace(" ", "|"))))
        run = rf"(?:{part}|(?:{first})(?=[-\s]+(?:{part})))"
        link = rf"(?:[-\s]+(?:{grammar.join}[-\s]+)?(?:{later}))"
        # the words' first letters, looked at first: most words start no numeral (a test
        # of every alternative at every word cost the corpus's check 40% more with ordinals)
        firsts = "".join(sorted({w[0].lower() for w in self.words}))
        self.pattern = re.compile(rf"(?<!\w)(?=[{firsts}])(?:{run}{link}*|{_alternatives(alone)})"
                                  r"(?!\w)", re.IGNORECASE)

    def read(self, text: str) -> list[Spelled]:
        found = [n for match in self.pattern.finditer(text) for n in self._numbers(match)]
        hours = [Spelled(m.group(0), m.start(), m.end(), self.hours[m.group(0).lower()], False)
                 for m in self.hour_pattern.finditer(text)]
        return _ranges(sorted(found + hours, key=lambda n: n.start), text, self.multipliers) \
            if hours else _ranges(found, text, self.multipliers)

    def _numbers(self, match: re.Match) -> list[Spelled]:
        """The run's numerals, longest first from its start ("nineteen eighty-four": 19
        then 84); a word for one or a join left alone is no number."""
        words = [(w.group(0), match.start() + w.start())
                 for w in re.finditer(r"[^-\s]+", match.group(0))]
        start, cuts = 0, []
        while start < len(words):
            end = self._longest(words, start)
            if end - start > 1 or words[start][0].lower() not in self.no_number:
                cuts.append((start, end))
            start = end
        numerals = [self._numeral(words[a:b], match.string) for a, b in cuts]
        return self._years(numerals, cuts) if self.grammar.years else numerals

    def _years(self, numerals: list[Spelled], cuts: list) -> list[Spelled]:
        """A century (11 to 20) then a numeral of two digits, side by side, may be one year:
        "nineteen eighty-four" is 19 and 84, or 1984 (then read on the first)."""
        out = list(numerals)
        for k in range(len(out) - 1):
            first, second = out[k], out[k + 1]
            if cuts[k][1] == cuts[k + 1][0] and _only(first, 11, 20) and _only(second, 10, 99):
                year = Decimal(min(first.values) * 100 + min(second.values))
                out[k] = first._replace(values=first.values | {year})
                out[k + 1] = second._replace(counting=False)  # the year's tail, no count
        return out

    def _longest(self, words: list, start: int) -> int:
        keys = [self.words[w.lower()] for w, _ in words[start:start + _LONGEST]]
        return start + max((end for end in range(1, len(keys) + 1)
                            if _compound(keys[:end], self.grammar) is not None), default=1)

    def _numeral(self, words: list, text: str) -> Spelled:
        keys = [self.words[w.lower()] for w, _ in words]
        start, end = words[0][1], words[-1][1] + len(words[-1][0])
        counting = len(words) > 1 or words[0][0].lower() in COUNTING
        return Spelled(text[start:end], start, end,
                       frozenset({Decimal(_compound(keys, self.grammar))}), counting)

    @property
    def multipliers(self) -> dict[str, int]:
        return {w: v for w, v in self.parts.items() if v in (100, 1000)}


def _only(numeral: Spelled, least: int, most: int) -> bool:
    return len(numeral.values) == 1 and least <= min(numeral.values) <= most


_OR = re.compile(r"\s+(?:or|to|ou|à)\s+", re.IGNORECASE)


def _ranges(found: list[Spelled], text: str, multipliers: dict[str, int]) -> list[Spelled]:
    """"three or four hundred": the first numeral may count hundreds too (300)."""
    out = list(found)
    for k in range(len(out) - 1):
        first, second = out[k], out[k + 1]
        last = second.text.lower().replace("-", " ").split()[-1]
        if last in multipliers and _only(first, 1, 99) \
                and _OR.fullmatch(text, first.end, second.start):
            value = min(first.values) * multipliers[last]
            out[k] = first._replace(values=first.values | {value})
    return out


_LONGEST = 12  # words in the longest numeral read ("mille neuf cent quatre-vingt-dix-neuf": 7)


def _alternatives(table: dict) -> str:
    return "|".join(sorted(table, key=len, reverse=True))


def _compound(values: list, grammar: _Grammar) -> int | Decimal | None:
    """The value of a numeral's words (``quatre vingt dix sept`` → 97; None stands for the
    join word), None when they make no numeral in that order (``deux trois``, ``cinq et
    cent``)."""
    if values[0] is None or values[-1] is None:
        return None
    if len(values) == 1:
        return values[0]
    total, current, last, joined = 0, 0, None, False
    for value in values:
        if value is None:
            if joined:
                return None
            joined = True
            continue
        if joined and not grammar.joins(last, value):
            return None
        joined = False
        if value == 1000:
            if total:
                return None
            total, current = (current or 1) * 1000, 0
        elif value == 100:
            if current >= 100:
                return None
            current = (current or 1) * 100
        elif not _fits(current % 100, value, last, grammar.twenties):
            return None
        else:
            current += 76 if value == 20 and current % 100 == 4 and last == 4 else value
        last = value
    return total + current


def _fits(below_hundred: int, value: int, last, twenties: bool) -> bool:
    """Whether ``value`` may follow what is already read under a hundred: a unit after a
    ten (``vingt-deux``; after ``dix`` only 7 to 9, ``dix-sept``), a teen after 60 or 80
    (``soixante-douze``), ``vingt`` after ``quatre`` in French (``quatre-vingts``),
    anything after nothing."""
    if below_hundred == 0:
        return True
    if value == 20:
        return twenties and below_hundred == 4 and last == 4
    if last == 10:
        return 7 <= value <= 9
    if value < 10:
        return below_hundred % 10 == 0
    return twenties and value < 20 and below_hundred in (60, 80)


_FRENCH = _Language(_FR_PARTS, _FR_ALONE, _Grammar("et", _french_join, "un une", "un une", True),
                    _FR_HOURS)
_ENGLISH = _Language(_EN_PARTS, _EN_ALONE, _Grammar("and", _english_join, "a", "", False, True),
                     _EN_HOURS)


def read(text: str, french: bool) -> list[Spelled]:
    """Numbers spelled out ("dix fois", "quatre-vingts", "ten times", "both")."""
    return (_FRENCH if french else _ENGLISH).read(text)
