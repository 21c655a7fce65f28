"""Numbers as French and English write them, reduced to comparable values.

``1 250,5`` (French) and ``1,250.5`` (English) are the same value; ``65 milliards`` and
``65 billion`` both yield 65 and 65e9; ``12 %`` and ``12%`` both yield 12. Each number in
a text gives a set of readings, so the check can be lenient where writing is ambiguous
(``3.11`` is a version in both languages) and still catch a changed or missing figure.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_GROUP_SPACES = " \u00a0\u202f\u2009"
_CHUNK = re.compile(r"\d+(?:(?:[.,]|[ \u00a0\u202f\u2009])\d+)*")
_SCALES_FR = {"mille": 3, "million": 6, "millions": 6, "milliard": 9, "milliards": 9,
              "billion": 12, "billions": 12}
_SCALES_EN = {"thousand": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9,
              "bn": 9, "trillion": 12, "k": 3, "m": 6, "b": 9}
_SCALE_WORD = re.compile(r"\s*([A-Za-z]+)")


def readings(text: str, french: bool) -> list[tuple[set, list[set[Decimal]]]]:
    """For each number in ``text``: the values the whole may stand for, and those of each
    space-separated part (``12 250`` may be twelve thousand… or 12 then 250)."""
    found = []
    for match in _CHUNK.finditer(text):
        chunk = match.group(0)
        scale = _scale(text, match.end(), french)
        # The literal text too: a version such as 3.9.0 is written alike in both languages.
        whole = _scaled(_whole(chunk, french), scale) | {chunk} | _clock(text, match, french)
        parts = [_scaled(_plain(p, french), scale) for p in re.split(r"[ \u00a0\u202f\u2009]", chunk)]
        found.append((whole, parts))
    return found


_HOUR = re.compile(r"\s*h(?:\b|\d)")


def _clock(text: str, match, french: bool) -> set[Decimal]:
    """"14 h 30" may be "2:30 pm" in English: a French hour also reads on a 12-hour clock."""
    if not french or not _HOUR.match(text, match.end()) or not match.group(0).isdigit():
        return set()
    hour = int(match.group(0))
    return {Decimal(hour - 12)} if 13 <= hour <= 23 else set()


def _scaled(values: set[Decimal], scale: int) -> set[Decimal]:
    return values | {v.scaleb(scale) for v in values} if scale else values


def _whole(chunk: str, french: bool) -> set[Decimal]:
    grouped = _grouped(chunk, french)
    values = {grouped} if grouped is not None else set()
    if french:  # "1.000.000" is also seen in French for thousands
        dotted = _grouped(chunk.replace(".", " ").replace(",", "_"), True) if "." in chunk else None
        values |= {dotted} if dotted is not None else set()
    return values | _plain(chunk, french)


def _grouped(chunk: str, french: bool) -> Decimal | None:
    """The value with thousands separators: spaces in French, commas in English."""
    sep, point = (_GROUP_SPACES, ",") if french else (",", ".")
    head, _, tail = chunk.partition(point)
    groups = re.split("[" + re.escape(sep) + "]", head)
    if len(groups) < 2 or not (1 <= len(groups[0]) <= 3) or any(len(g) != 3 for g in groups[1:]):
        return None
    return _decimal("".join(groups) + ("." + tail if tail else ""))


def _plain(part: str, french: bool) -> set[Decimal]:
    """A number without group separators: a French decimal comma, or a dotted decimal."""
    values = set()
    if french and part.count(",") == 1 and "." not in part:
        values.add(_decimal(part.replace(",", ".")))
    if part.count(".") <= 1 and "," not in part:
        values.add(_decimal(part))
    return {v for v in values if v is not None}


def _scale(text: str, end: int, french: bool) -> int:
    word = _SCALE_WORD.match(text, end)
    if not word:
        return 0
    table = _SCALES_FR if french else _SCALES_EN
    return table.get(word.group(1).lower(), 0)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text).normalize()
    except InvalidOperation:
        return None


_EN_WORDS = {w: Decimal(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_EN_WORDS |= {w: Decimal(10 * i) for i, w in enumerate(
    "thirty forty fifty sixty seventy eighty ninety".split(), 3)}
_EN_WORDS |= {"hundred": Decimal(100), "thousand": Decimal(1000), "dozen": Decimal(12),
              "first": Decimal(1), "second": Decimal(2), "third": Decimal(3), "once": Decimal(1),
              "twice": Decimal(2), "half": Decimal("0.5"), "double": Decimal(2)}
_WORDS = re.compile(r"[A-Za-z]+")


def _word_values(english: str) -> set[Decimal]:
    """Numbers English spells out ("ten times", "zero") stand for their figures."""
    return {_EN_WORDS[w.lower()] for w in _WORDS.findall(english) if w.lower() in _EN_WORDS}


def missing(french: str, english: str) -> list[str]:
    """French numbers that no English number can stand for."""
    available: set = _word_values(english)
    for whole, parts in readings(english, french=False):
        available |= whole.union(*parts)
    # "[00,99]" is a list in English, not a grouped number: its pieces count too.
    for chunk in _CHUNK.findall(english):
        for piece in re.split(r"[, \u00a0]", chunk):
            available |= _plain(piece, False)
    gaps = []
    for match, (whole, parts) in zip(_CHUNK.finditer(french), readings(french, french=True)):
        if not (whole & available or all(p & available for p in parts)):
            gaps.append(match.group(0))
    return gaps
