"""Numbers as French and English write them, each read into the values it may stand for.

``1 250,5`` (French) and ``1,250.5`` (English) are the same value; ``65 milliards`` and
``65 billion`` both yield 65 and 65e9; ``12 %`` and ``12%`` both yield 12; a version such as
``3.9.0`` stands for its literal text; ``XIXᵉ siècle`` is 19. Some numbers are *optional*,
counterparts that are never required nor extra: spelled-out ones (``deux``… ``douze``,
``un triplet``, ``two``, ``both``), digits that are part of a name (``rfc822``, ``0x20``) and
the French ``mis à 1`` (English: "set"). Readings are lenient where writing is ambiguous, so
that a check can still be strict about a changed or missing figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from diglot.checks import clock, spelled, wholes

_GROUP_SPACES = " \u00a0\u202f\u2009"
_CHUNK = {True: re.compile(r"\d+(?:(?:[.,]|[ \u00a0\u202f\u2009])\d+)*"),
          False: re.compile(r"\d+(?:[.,]\d+)*")}  # English groups with commas only
_SCALES_FR = {"mille": 3, "million": 6, "millions": 6, "milliard": 9, "milliards": 9,
              "billion": 12, "billions": 12}
_SCALES_EN = {"thousand": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9,
              "bn": 9, "trillion": 12, "k": 3, "m": 6, "b": 9}
_SCALE_WORD = re.compile(r"\s*([A-Za-z]+)")


@dataclass(frozen=True)
class Number:
    """One number as written at ``start:end`` of its text, the values it may stand for, and
    those of each space-separated part (``12 250`` may be twelve thousand… or 12 then 250)."""

    text: str
    start: int
    end: int
    values: frozenset
    parts: tuple[frozenset, ...] = ()
    optional: bool = False  # a counterpart only: never missing or extra
    counting: bool = False  # spelled out and only ever counting ("cinq", "quatre-vingts")
    scaled: frozenset = frozenset()  # with a scale word: "25 millions" is 25e6, never 25e9
    name: str = ""  # the letters a figure is glued to ("T" of "T6"), lower case
    comma: bool = False  # English text with a French decimal comma ("1,5"): read as 1.5

    def may_be(self, other: "Number") -> bool:
        """Whether the two may stand for one value; both with a scale word, the same
        scaled value ("65 milliards", "65 billion"; not "25 millions", "25 billion")."""
        if self.scaled and other.scaled:
            return bool(self.scaled & other.scaled)
        return bool(self.values & other.values)

    def alike(self, other: "Number") -> bool:
        """Written alike: both with a scale word or neither, under the same name or none
        ("50 millions" is not the counterpart to look for first for "50")."""
        return bool(self.scaled) == bool(other.scaled) and self.name == other.name


def read(text: str, french: bool) -> list[Number]:
    """Every number of ``text`` in order: figures, French times of day, Roman centuries,
    spelled-out numbers."""
    times = [Number(*time) for time in clock.times(text)] if french else []
    inside = {k for t in times for k in range(t.start, t.end)}  # a time's own figures
    fractions = [Number(*found) for found in wholes.fractions(text)]
    scan = wholes.blanked(text, fractions)  # "158 1/2": 158, then one half (not "158 1", 2)
    scan = wholes.idioms_once(scan, french)
    found = [n for match in _CHUNK[french].finditer(scan) if match.start() not in inside
             for n in _figures(text, match, french)]
    found += times + fractions
    found += _centuries(text) if french else []
    found += _spelled(text, french)
    return sorted(found, key=lambda n: n.start)


def _figures(text: str, match: re.Match, french: bool) -> list[Number]:
    chunk, start = match.group(0), match.start()
    if french and _repeats_unit(text, match):
        return []
    hour = None if french else clock.english(text, match)
    if hour:  # "7 p.m.", "7.30 p.m.": only a French time of that half of the day matches
        return [Number(chunk, start, match.end(), frozenset({hour}))]
    scale, end = _scale(text, match.end(), french)
    values = (_scaled(_whole(chunk, french), scale) | clock.twelve_hour(text, match, french)
              | _point(text, start, chunk))
    if not values and "," in chunk:
        comma = None if french else _french_comma(text, match)
        if comma is not None:  # its value, so that the French 1,5 is not also "missing"
            return [Number(chunk, start, end, frozenset({comma}), comma=True)]
        return _pieces(chunk, start, french)  # "[00,99]", "1,2,3": a list, not one number
    parts = tuple(frozenset(_scaled(_plain(p, french), scale)) for p in _SEPARATORS.split(chunk))
    # The literal text too: a version such as 3.9.0 is written alike in both languages; not
    # with a comma, which is a decimal point in French and a thousands separator in English,
    # unless bracketed: "[001,366]" is a range in both.
    literal = {chunk} if "," not in chunk or _bracketed(text, match) else set()
    optional = _glued(text, match) or french and _set_bit(text, match) or clock.zero_minutes(text, match)
    scaled = frozenset(v.scaleb(scale) for v in _whole(chunk, french)) if scale else frozenset()
    name = _name(text, start)
    # Named with its scale word ("25 millions", never a bare "25") or its letters ("T6").
    return [Number(text[start - len(name):end], start - len(name), end, frozenset(values | literal),
                   parts, optional, scaled=scaled, name=name.lower())]


_SEPARATORS = re.compile(r"[, \u00a0\u202f\u2009]")
# "1,5", "187,5" in English: a French decimal comma, not a thousands separator (three
# digits after it) nor a list, a pair or a range ("(0,0)", "[00,59]", "1,2,3", "x,5").
_FRENCH_COMMA = re.compile(r"(?<![\w(\[{,.])\d+,(?:\d{1,2}|\d{4,})(?![\w)\]}]|[.,]\d)")


def _bracketed(text: str, match: re.Match) -> bool:
    return text[match.start() - 1:match.start()] in ("(", "[", "{") or text[match.end():match.end() + 1] in (")", "]", "}")


def _french_comma(text: str, match: re.Match) -> Decimal | None:
    """The value an English figure written with a French decimal comma stands for, or None."""
    found = _FRENCH_COMMA.match(text, match.start())
    if found is None or found.end() != match.end():
        return None
    return _decimal(match.group(0).replace(",", "."))


def _glued(text: str, match: re.Match) -> bool:
    """Digits glued to a letter ("rfc822", "base64", "RS232", "[^1]", "0x20") are part of a
    name: a counterpart if the other language writes them apart ("RS-232"), never required."""
    before = text[match.start() - 1] if match.start() else " "
    return before.isalpha() or before == "^" or _hex(text, match)


def _hex(text: str, match: re.Match) -> bool:
    """Whether the digits start a hexadecimal or binary figure ("0x20", "U+00EA", "#1E90FF",
    "ff00"); one capital A-F after a figure is a quantity's or a name's letter ("70B", "3D",
    bus "12A"), whose figure must stay."""
    if text[match.start() - 1:match.start()] in ("#", "+") and _HEX_WORD.match(text, match.start()):
        return True
    after = _HEX.match(text, match.end())
    if after is None:
        return False
    letter = after.group(0)
    return not (len(letter) == 1 and letter.isupper() and match.group(0)[0] != "0")


_LETTERS = re.compile(r"(?<![^\W\d_])[^\W\d_]+\Z")  # a whole word's letters, up to the figure


def _name(text: str, start: int) -> str:
    """The letters a figure is glued to ("T" of "ligne T6", "rfc" of "rfc822"), or ""."""
    found = _LETTERS.search(text, max(0, start - 40), start)
    return found.group(0) if found else ""


# "mis à 1", "un bit à 0": French sets and clears bits with a figure, English with a verb.
_BIT = re.compile(r"\b(?:bits?|mise?s?|positionnée?s?)\b[^.;:]{0,30}\bà $")


def _set_bit(text: str, match: re.Match) -> bool:
    if match.group(0) not in ("0", "1"):
        return False
    return _BIT.search(text, max(0, match.start() - 45), match.start()) is not None


def _pieces(chunk: str, start: int, french: bool) -> list[Number]:
    found, pos = [], start
    for piece in re.split(r"([, \u00a0]+)", chunk):
        if piece and piece[0].isdigit():
            found.append(Number(piece, pos, pos + len(piece), frozenset(_plain(piece, french) | {piece})))
        pos += len(piece)
    return found


_HEX = re.compile(r"[xXbBoO][0-9a-fA-F]|[a-fA-F]+\b")  # 0x20, 0b101, 00EA in U+00EA
_HEX_WORD = re.compile(r"(?=\w*[a-fA-F])[0-9a-fA-F]{2,}\b")  # after # or +: a colour, a code point


def _point(text: str, start: int, chunk: str) -> set[Decimal]:
    """".66" is 0.66 (a point before the digits, and no word or figure before the point)."""
    if start and text[start - 1] == "." and chunk.isdigit() and (start < 2 or not text[start - 2].isalnum()):
        return {Decimal("0." + chunk).normalize()}
    return set()


_PER_UNIT = re.compile(r"(\d+)\s?[^\W\d]{1,3}\s?/\s?$")


def _repeats_unit(text: str, match: re.Match) -> bool:
    """The second 24 of "24h/24" or "7j/7" (English writes "24/7"): not a number of its own."""
    before = _PER_UNIT.search(text, max(0, match.start() - 12), match.start())
    return before is not None and before.group(1) == match.group(0)


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


def _scale(text: str, end: int, french: bool) -> tuple[int, int]:
    """The power of ten of the scale word after a figure ("65 milliards": 9), and where
    the word ends; (0, end) without one."""
    word = _SCALE_WORD.match(text, end)
    table = _SCALES_FR if french else _SCALES_EN
    scale = table.get(word.group(1).lower(), 0) if word else 0
    return (scale, word.end()) if scale else (0, end)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text).normalize()
    except InvalidOperation:
        return None


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_CENTURY = re.compile(r"\b([IVXLC]+)(?:ᵉ|e|è|ème|er|re)\s+(?:siècles?|millénaires?)\b")


def _centuries(text: str) -> list[Number]:
    """"XIXᵉ siècle" is the 19th century."""
    return [Number(m.group(0), m.start(), m.end(), frozenset({Decimal(_roman(m.group(1)))}))
            for m in _CENTURY.finditer(text)]


def _roman(numeral: str) -> int:
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _spelled(text: str, french: bool) -> list[Number]:
    """Numbers spelled out ("dix fois", "quatre-vingts", "ten times", "both") stand for
    their figures, as counterparts only."""
    return [Number(n.text, n.start, n.end, n.values, optional=True, counting=n.counting)
            for n in spelled.read(text, french)]
