"""Line-break opportunities and column widths exactly as libunistring 1.0 computes them.

GNU msgcat wraps strings with libunistring's ``ulc_width_linebreaks``, an UAX #14
implementation with its own class resolution (AI, SA, XX become AL; CB becomes ID) and
its own pair table. The data in ``_lbdata`` was measured from that library, and
``possible_breaks`` follows its state machine and ``slow_line_starts`` the greedy fitting
of ``u8_width_linebreaks``; ``fitting`` has a faster equivalent for common texts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from diglot.po import _lbdata

PROHIBITED, POSSIBLE, MANDATORY = 1, 2, 3

_TABLE = _lbdata.TABLE_CLASSES
_N = len(_TABLE)
BK, SP, ZW, CM, ZWJ = range(_N, _N + 5)
HL_BA = _N + 5  # pseudo class: a Hebrew letter followed by a hyphen or break-after
AL, ID, HL, HY, BA, RI = (_TABLE.index(k) for k in ("AL", "ID", "HL", "HY", "BA", "RI"))
_CODES = {name: i for i, name in enumerate((*_TABLE, "BK", "SP", "ZW", "CM", "ZWJ"))}
PAIRS = [_lbdata.PAIRS[i * _N:(i + 1) * _N] for i in range(_N)]
# Classes whose behaviour depends on more than the last non-space class and the pair table.
_STATEFUL = {"BK", "ZW", "CM", "ZWJ", "RI", "HL"}


def _parse_runs(text: str) -> tuple[list[int], list[str]]:
    starts, values = [], []
    for item in text.split(","):
        start, value = item.split(" ")
        starts.append(int(start, 16))
        values.append(value)
    return starts, values


_CLASS_STARTS, _CLASS_NAMES = _parse_runs(_lbdata.CLASS_RUNS)
_AI_STARTS, _AI_FLAGS = _parse_runs(_lbdata.AI_RUNS)


def _lookup(starts: list[int], values: list, cp: int):
    return values[bisect_right(starts, cp) - 1]


class _ClassMap(dict):
    """char -> class code, filled on demand (a full table would cost megabytes)."""

    def __init__(self, cjk: bool):
        super().__init__()
        self.cjk = cjk

    def __missing__(self, ch: str) -> int:
        cp = ord(ch)
        code = _CODES[_lookup(_CLASS_STARTS, _CLASS_NAMES, cp)]
        if self.cjk and code == AL and _lookup(_AI_STARTS, _AI_FLAGS, cp) == "1":
            code = ID  # UAX #14's AI resolves to ID under East Asian encodings
        self[ch] = code
        return code


class _WidthMap(dict):
    """char -> display columns (uc_width, with control characters counting 0)."""

    def __init__(self, cjk: bool):
        super().__init__()
        self.starts, values = _parse_runs(_lbdata.CJK_WIDTH_RUNS if cjk else _lbdata.WIDTH_RUNS)
        self.values = [int(v) for v in values]

    def __missing__(self, ch: str) -> int:
        width = self.values[bisect_right(self.starts, ord(ch)) - 1]
        self[ch] = width
        return width


@cache
def classes(cjk: bool = False) -> _ClassMap:
    return _ClassMap(cjk)


@cache
def widths(cjk: bool = False) -> _WidthMap:
    return _WidthMap(cjk)


_STATEFUL_CODES = frozenset(_CODES[k] for k in _STATEFUL)
_LATIN1_PLAIN = bytes(c for c in range(0x20, 0x100) if c not in range(0x7F, 0xA0) and c != 0xAD)
_UNUSUAL = re.compile("[^\x20-\x7e]")  # printable ASCII is all one column, stateless


@cache
def _plain_chars(cjk: bool) -> set[str]:
    """Non-ASCII characters known to be one column wide and stateless; grows with use."""
    return set()


def traits(text: str, cjk: bool) -> tuple[bool, bool]:
    """(has a stateful character, has a character not one column wide)."""
    try:  # most texts are Latin-1, where a byte deletion finds the unusual characters fast
        if not text.encode("latin-1").translate(None, _LATIN1_PLAIN):
            return False, False
    except UnicodeEncodeError:
        pass
    unusual = _UNUSUAL.findall(text)
    plain = _plain_chars(cjk)
    stateful = odd = False
    table, width = classes(cjk), widths(cjk)
    for ch in set(unusual).difference(plain):
        is_stateful, is_odd = table[ch] in _STATEFUL_CODES, width[ch] != 1
        if not (is_stateful or is_odd):
            plain.add(ch)
        stateful, odd = stateful or is_stateful, odd or is_odd
    return stateful, odd


def display_width(text: str, cjk: bool = False) -> int:
    if not traits(text, cjk)[1]:
        return len(text)
    table = widths(cjk)
    return sum(table[ch] for ch in text)


def _pair_break(last: int, prev: int, code: int, space: bool, ri_run: int) -> int:
    """Decision before a character of a table class, given the state before it."""
    if last == BK or prev == ZWJ:
        return PROHIBITED
    if last == ZW:
        return POSSIBLE
    if last == RI and code == RI:
        return POSSIBLE if space or ri_run % 2 == 0 else PROHIBITED
    if prev == HL_BA:
        return PROHIBITED
    rule = PAIRS[last][code]
    return POSSIBLE if rule == "D" or (rule == "I" and space) else PROHIBITED


def possible_breaks(text: str, cjk: bool = False) -> bytearray:
    """The break decision before each character: PROHIBITED, POSSIBLE or MANDATORY."""
    table = classes(cjk)
    out = bytearray(len(text))
    last = prev = BK
    space, ri_run = False, 0
    for i, ch in enumerate(text):
        code = table[ch]
        if code == BK:
            out[i], last, prev, space, ri_run = MANDATORY, BK, BK, False, 0
            continue
        if code == SP:
            out[i], space = PROHIBITED, True
        elif code == ZW:
            out[i], last, space = PROHIBITED, ZW, False
        elif code == CM or code == ZWJ:
            # A mark glues to what precedes it, except at a line start or after spaces.
            if last == BK or last == ZW or space:
                out[i] = PROHIBITED if last == BK else POSSIBLE
                last, space = AL, False
            else:
                out[i] = PROHIBITED
        else:
            out[i] = _pair_break(last, prev, code, space, ri_run)
            last, space = code, False
        prev = HL_BA if prev == HL and (code == HY or code == BA) else code
        ri_run = ri_run + 1 if code == RI else 0
    return out


def slow_line_starts(text: str, width: int, startcol: int, prohibited, cjk: bool) -> list[int]:
    """Indexes where ``u8_width_linebreaks`` starts new lines: a port of its loop.

    ``width`` is the columns available, ``startcol`` the columns already used on the
    first line, ``prohibited`` the indexes whose break is overridden as impossible.
    """
    kinds = possible_breaks(text, cjk)
    for i in prohibited:
        kinds[i] = PROHIBITED
    table = widths(cjk)
    starts: list[int] = []
    last_p, column, piece = None, startcol, 0
    for i, ch in enumerate(text):
        kind = kinds[i]
        if kind != PROHIBITED and last_p is not None and column + piece > width:
            starts.append(last_p)
            column = 0
        if kind == MANDATORY:
            last_p, column, piece = None, 0, 0
            continue
        if kind == POSSIBLE:
            last_p, column, piece = i, column + piece, 0
        piece += table[ch]
    if last_p is not None and column + piece > width:
        starts.append(last_p)
    return starts
