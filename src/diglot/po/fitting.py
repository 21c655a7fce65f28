"""Fit one escaped PO string into lines: a fast equivalent of libunistring's greedy fitting.

For texts made only of characters whose break behaviour depends on the character pair
around a position (and on intervening spaces), a break opportunity can be checked
locally, so only the few positions near each line end are examined. Texts with
stateful characters (combining marks, ZWJ, regional indicators, Hebrew, mandatory
breaks, control characters) use the exact port in ``linebreak``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from diglot.po.linebreak import PAIRS, classes, slow_line_starts, traits, widths

# Letters and digits never offer a break between themselves (AL/NU pairs): candidates
# are positions next to anything else.
_LOUD = re.compile("[^A-Za-z0-9]")


class Fitting:
    """Break opportunities of one escaped string, and how it fills lines of a given width."""

    __slots__ = ("text", "prohibited", "cjk", "stateful", "cols", "width", "table")

    def __init__(self, text: str, prohibited: frozenset[int], cjk: bool = False,
                 known_traits: tuple[bool, bool] | None = None):
        self.text, self.prohibited, self.cjk = text, prohibited, cjk
        self.stateful, odd = known_traits or traits(text, cjk)
        self.cols = [0, *accumulate(widths(cjk)[ch] for ch in text)] if odd else None
        self.width = self.cols[-1] if odd else len(text)
        self.table = classes(cjk)

    def wraps_first_line(self, room: int, startcol: int) -> bool:
        """Whether any break is taken when the first line already uses ``startcol`` columns."""
        if self.stateful:
            return bool(slow_line_starts(self.text, room, startcol, self.prohibited, self.cjk))
        return startcol + self.width > room and self._next_break(0) is not None

    def first_line_layout(self, room: int, startcol: int) -> tuple[bool, list[int]]:
        """(whether gettext opens with an empty ``""`` line, where the lines start)."""
        if self.stateful or self.width <= room:
            if self.wraps_first_line(room, startcol):
                return True, self.line_starts(room, 0)
            return False, []  # no break taken even from the keyword's column
        starts = self.line_starts(room, 0)  # too wide for any line: wraps iff it can break
        return bool(starts), starts

    def line_starts(self, room: int, startcol: int) -> list[int]:
        """Indexes where new lines start, lines holding ``room`` columns.

        A line from ``s`` keeps its first break opportunity, then extends to the last
        opportunity whose column still fits; if none fits, the overlong piece gets a line.
        """
        if self.stateful:
            return slow_line_starts(self.text, room, startcol, self.prohibited, self.cjk)
        cols, starts = self.cols, []
        s, base = 0, startcol
        while True:
            limit = room - base + (s if cols is None else cols[s])
            if self.width <= limit:
                return starts
            end = limit if cols is None else bisect_right(cols, limit) - 1
            q = self._last_break(s, end) if end > s else None
            if q is None and (q := self._next_break(max(end, s))) is None:
                return starts
            starts.append(q)
            s, base = q, 0

    def _last_break(self, lo: int, hi: int) -> int | None:
        """The last break opportunity in (lo, hi], searched word by word from the end."""
        text, i = self.text, hi
        while i > lo:
            space = text.rfind(" ", lo, i + 1)
            start = max(space + 1, lo + 1)
            if start <= i:
                if _LOUD.search(text, start, i + 1):
                    for match in reversed(list(_LOUD.finditer(text, start, i + 1))):
                        p = match.start()
                        if p < i and self._is_break(p + 1):
                            return p + 1
                        if p > start and self._is_break(p):
                            return p
                if self._is_break(start):
                    return start
            if space < 0:
                return None
            i = space - 1
        return None

    def _next_break(self, lo: int) -> int | None:
        """The first break opportunity after ``lo``, searched word by word."""
        text, n = self.text, len(self.text)
        i = lo + 1
        while i < n:
            end = text.find(" ", i)
            end = n if end < 0 else end
            if i < end:
                if self._is_break(i):
                    return i
                for match in _LOUD.finditer(text, i, end):
                    p = match.start()
                    if p > i and self._is_break(p):
                        return p
                    if p + 1 < end and self._is_break(p + 1):
                        return p + 1
            i = end + 1
        return None

    def _is_break(self, i: int) -> bool:
        text = self.text
        if text[i] == " " or i in self.prohibited:
            return False
        j = i - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j < 0:
            return False
        rule = PAIRS[self.table[text[j]]][self.table[text[i]]]
        return rule == "D" or (rule == "I" and j < i - 1)
