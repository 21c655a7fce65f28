"""Which lines of which passage go on which spread, and at which height: the paginator of
the PDF edition, a pure function of measured line heights (reledpar's way of keeping two
texts in step).

Every passage pair starts level: on a spread, its French side (left page, or left column)
and its English side start at the same height, the shorter padded with space. A passage
taller than the room left is split at line boundaries, each side apart, never leaving fewer
than two lines of a paragraph on either page (the measured lines say where a break may
fall); what is left continues at the top of the next spread. A passage marked ``keep``
(a heading, the title) goes to the next spread unless the start of what follows fits
under it; one marked ``fresh`` (a chapter's opening) always starts a spread. Distances are
in points, measured from the top of the text area.

Footnotes go at the foot of the spread whose pieces call them, on both pages at once: the
notes of a spread stand under a rule, in number order, each note pair level (the taller
side sets its height), and the text above gets the room they leave. A note called on two
spreads is set on both; a note never splits. A table continued on the next spread has its
header rows repeated above the rest (the room for them is kept).
"""

from __future__ import annotations

from dataclasses import dataclass

EPSILON = 0.01  # points: rounding in measured heights must not push a line to a new page


@dataclass(frozen=True, slots=True)
class Line:
    """One measured line of a passage side: its top and bottom under the side's top, and
    whether a page may break just before it (widows, orphans, unbreakable blocks)."""

    top: float
    bottom: float
    breakable: bool = True


@dataclass(frozen=True, slots=True)
class Item:
    """One passage pair as the paginator sees it: both sides' lines and heights, the space
    it wants above it (dropped at the top of a page) and whether it keeps with the next."""

    sides: tuple[tuple[Line, ...], tuple[Line, ...]]
    heights: tuple[float, float]
    space: float = 0.0
    keep: bool = False
    calls: tuple[tuple, tuple] = ((), ())  # per side: (top of the call's line, note index)
    head: float = 0.0  # a table's header rows, repeated above each continuation
    fresh: bool = False  # a chapter's opening: on a spread of its own making


@dataclass(frozen=True, slots=True)
class Piece:
    """A slice ``[start, end)`` of side ``side`` (0 French, 1 English) of item ``item``,
    drawn with its ``start`` at height ``y`` on its spread."""

    item: int
    side: int
    start: float
    end: float
    y: float
    kind: str = ""  # "" for a passage's piece, "note" (item: the note's index) or "rule"

    @property
    def first(self) -> bool:
        return self.start == 0.0


def paginate(items: list[Item], height: float, notes: tuple[float, ...] = (),
             rule: float = 0.0) -> list[list[Piece]]:
    """The spreads (at least one), each the pieces drawn on it in reading order, then its
    footnotes' (``notes``: each note pair's height, its gap above included; ``rule``: the
    height of the rule over them)."""
    pager = _Pager(items, height, notes, rule)
    for index in range(len(items)):
        pager.place(index)
    return [spread + pager.foot_pieces(feet) for spread, feet in zip(pager.spreads, pager.feet)]


class _Pager:
    def __init__(self, items: list[Item], height: float, notes=(), rule: float = 0.0) -> None:
        self.items, self.height, self.notes, self.rule = items, height, notes, rule
        self.spreads: list[list[Piece]] = [[]]
        self.feet: list[list[int]] = [[]]  # each spread's notes
        self.y = 0.0

    def new_spread(self) -> None:
        self.spreads.append([])
        self.feet.append([])
        self.y = 0.0

    def foot(self, more=()) -> float:
        """The height of this spread's notes with ``more``, and their rule."""
        found = set(self.feet[-1]).union(more)
        return self.rule + sum(self.notes[k] for k in found) if found else 0.0

    def foot_pieces(self, feet: list[int]) -> list[Piece]:
        """A spread's rule and notes, at the foot of both pages, each note pair level."""
        if not feet:
            return []
        y = self.height - self.rule - sum(self.notes[k] for k in feet)
        out = [Piece(-1, side, 0.0, self.rule, y, "rule") for side in (0, 1)]
        y += self.rule
        for k in sorted(feet):
            out += [Piece(k, side, 0.0, self.notes[k], y, "note") for side in (0, 1)]
            y += self.notes[k]
        return out

    def place(self, index: int) -> None:
        item = self.items[index]
        if item.fresh and self.y > 0:
            self.new_spread()
        if item.keep and self.y > 0 and self._top(item) + self._needed(index) > \
                self.height - self.foot() + EPSILON:
            self.new_spread()
        starts = [0.0, 0.0]
        while True:
            top = self._top(item) if starts == [0.0, 0.0] else self.y + item.head
            ends = self._ends(item, starts, top)
            if ends is None:  # no good break in the room left: start on a fresh spread
                self.new_spread()
                continue
            self._draw(index, starts, ends, top)
            if all(end >= h for end, h in zip(ends, item.heights)):
                return
            starts = list(ends)
            self.new_spread()

    def _top(self, item: Item) -> float:
        return self.y + item.space if self.y > 0 else 0.0

    def _ends(self, item: Item, starts: list[float], top: float) -> list[float] | None:
        """Where each side's piece on this spread ends, leaving room for the notes it calls
        (the room shrinks until the piece's notes fit under it); None to move to the next
        spread."""
        called: set[int] = set()
        while True:
            ends = self._fit(item, starts, self.height - top - self.foot(called))
            now = set(_called(item, starts, ends)) if ends is not None else set()
            if ends is None or now <= called:
                return ends
            called |= now

    def _fit(self, item: Item, starts: list[float], room: float) -> list[float] | None:
        ends = []
        for lines, height, start in zip(item.sides, item.heights, starts):
            if height - start <= room + EPSILON:
                ends.append(height)
                continue
            end = _break(lines, start, room) or (_forced(lines, start, room, height)
                                                 if self.y == 0 else None)
            if end is None:
                return None
            ends.append(end)
        return ends

    def _draw(self, index: int, starts, ends, top: float) -> None:
        feet = self.feet[-1]
        feet += [k for k in _called(self.items[index], starts, ends) if k not in feet]
        bottom = top
        for side, (start, end) in enumerate(zip(starts, ends)):
            if end > start:
                self.spreads[-1].append(Piece(index, side, start, end, top))
                bottom = max(bottom, top + end - start)
        self.y = bottom

    def _needed(self, index: int) -> float:
        """The height a keep-with-next item needs: itself, then what follows up to its first
        allowed break (through a chain of keeps, such as a heading under a heading)."""
        item = self.items[index]
        total = max(item.heights)
        if index + 1 < len(self.items):
            after = self.items[index + 1]
            rest = self._needed(index + 1) if after.keep else _first_chunk(after)
            total += after.space + rest
        return total


def _called(item: Item, starts, ends) -> list[int]:
    """The notes called from the pieces ``[start, end)`` of the item's sides."""
    found = []
    for calls, start, end, height in zip(item.calls, starts, ends, item.heights):
        last = end >= height - EPSILON
        found += [k for top, k in calls
                  if top >= start - EPSILON and (last or top < end - EPSILON)]
    return list(dict.fromkeys(found))


def _break(lines: tuple[Line, ...], start: float, room: float) -> float | None:
    """The end of the longest piece from ``start`` that fits in ``room`` and ends at an
    allowed break, if any."""
    allowed = [k for k in _fitting(lines, start, room) if lines[k].breakable]
    return lines[allowed[-1]].top if allowed else None


def _forced(lines: tuple[Line, ...], start: float, room: float, height: float) -> float:
    """At the top of a spread, where nothing allowed fits: the last line boundary that
    fits, else one line, else everything (a block taller than the page still goes, or
    nothing would ever be placed)."""
    fitting = _fitting(lines, start, room)
    if fitting:
        return lines[fitting[-1]].top
    later = [line.top for line in lines if line.top > start + EPSILON]
    return later[0] if later else height


def _fitting(lines: tuple[Line, ...], start: float, room: float) -> list[int]:
    """Indexes of the lines a piece from ``start`` could end before, in ``room``."""
    return [k for k in range(1, len(lines)) if lines[k].top > start + EPSILON
            and lines[k - 1].bottom - start <= room + EPSILON]


def _first_chunk(item: Item) -> float:
    """The least of an item that may stand at the foot of a page: up to its first allowed
    break on the side that needs most, or all of it."""
    need = 0.0
    for lines, height in zip(item.sides, item.heights):
        cut = next((line.top for line in lines[1:] if line.breakable), height)
        need = max(need, cut)
    return need
