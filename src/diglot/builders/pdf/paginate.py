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
spreads is set on both (a note going on from the spread before counts as set there).
Notes take at most ``MAX_FOOT`` of a page, and never the text's room: a note too long for
it is cut between two lines and goes on at the foot of the next spread (of spreads of
their own after the article's text). A table continued on the next spread has its header rows
repeated above the rest (the room for them is kept); a row taller than a page is cut
between its lines, never right under the header.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

EPSILON = 0.01  # points: rounding in measured heights must not push a line to a new page
# The most of a page the footnotes may take when a note can be cut: beyond it, the last
# note goes on at the foot of the next spread, as a long note does in a printed book.
MAX_FOOT = 0.75


@dataclass(frozen=True, slots=True)
class Line:
    """One measured line of a passage side: its top and bottom under the side's top, and
    whether a page may break just before it (widows, orphans, unbreakable blocks)."""

    top: float
    bottom: float
    breakable: bool = True
    inner: bool = False  # inside a table's row: a break there is the very last resort


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
             rule: float = 0.0, note_lines: list[Item] | None = None) -> list[list[Piece]]:
    """The spreads (at least one), each the pieces drawn on it in reading order, then its
    footnotes' (``notes``: each note pair's height, its gap above included; ``rule``: the
    height of the rule over them; ``note_lines``: each note pair's lines, where a note
    too long for the foot may be cut, else notes are never cut)."""
    pager = _Pager(items, height, notes, rule, note_lines)
    for index in range(len(items)):
        pager.place(index)
    pager.finish()
    return [spread + foot for spread, foot in zip(pager.spreads, pager.closed)]


class _Pager:
    def __init__(self, items: list[Item], height: float, notes=(), rule: float = 0.0,
                 note_lines: list[Item] | None = None) -> None:
        self.items, self.height, self.notes, self.rule = items, height, notes, rule
        self.note_lines = note_lines
        self.cap = height * MAX_FOOT if note_lines else float("inf")
        self.spreads: list[list[Piece]] = [[]]
        self.feet: list[list[int]] = [[]]  # each spread's notes
        self.carry: dict[int, list[float]] = {}  # notes continued here: where each side resumes
        self.closed: list[list[Piece]] = []  # the rule and notes of each spread done
        self.y = 0.0

    def new_spread(self) -> None:
        self.closed.append(self._foot_pieces(self._room_left()))
        self.spreads.append([])
        self.feet.append([])
        self.y = 0.0

    def finish(self) -> None:
        """Close the last spread; a note still running goes on in spreads of its own."""
        self.closed.append(self._foot_pieces(self._room_left()))
        while self.carry:
            self.spreads.append([])
            self.feet.append([])
            self.closed.append(self._foot_pieces(self.height - self.rule, alone=True))

    def _room_left(self) -> float:
        """What a spread's notes may take: ``MAX_FOOT`` of it, and never the room of the
        text above (a picture forced onto a spread whose foot a long note continues on
        was drawn over the note)."""
        return min(self.cap, self.height - self.rule - self.y) if self.note_lines else self.cap

    def foot(self, more=()) -> float:
        """The height of this spread's notes with ``more``, and their rule (at most
        ``MAX_FOOT`` of the page when notes may be cut)."""
        found = set(self.feet[-1]).union(more).difference(self.carry)
        total = sum(self._left(k, s) for k, s in self.carry.items()) + \
            sum(self.notes[k] for k in found)
        return self.rule + min(total, self.cap) if found or self.carry else 0.0

    def _left(self, k: int, starts) -> float:
        """The height of what is left of note ``k`` from ``starts``, its gap included."""
        heights = self.note_lines[k].heights
        return self.notes[k] - max(heights) + max(h - s for h, s in zip(heights, starts))

    def _foot_pieces(self, cap: float, alone: bool = False) -> list[Piece]:
        """This spread's rule and notes, at the foot of both pages, each note pair level:
        the notes continued from the spread before, then those called here in number
        order, within ``cap``; a note that does not fit is cut between two of its lines
        and goes on at the foot of the next spread (``carry``), and so do those after it."""
        queue = list(self.carry.items()) + \
            [(k, [0.0, 0.0]) for k in sorted(self.feet[-1]) if k not in self.carry]
        placed, self.carry, used = [], {}, 0.0
        for k, starts in queue:
            ends = starts if self.carry else self._note_ends(k, starts, cap - used,
                                                             alone and not placed)
            if ends != starts:
                placed.append((k, starts, ends))
                used += self._height(k, starts, ends)
            if self.note_lines and any(e < h - EPSILON for e, h in
                                       zip(ends, self.note_lines[k].heights)):
                self.carry[k] = ends
        return self._stacked(placed, used)

    def _note_ends(self, k: int, starts, room: float, alone: bool) -> list[float]:
        """Where each side of note ``k`` stops on this spread: its end when the rest fits
        in ``room`` (or notes are never cut), else its last line that fits; at least one
        line when it is ``alone`` on a spread of notes, or it would never be set."""
        if not self.note_lines:
            return [self.notes[k]] * 2
        note = self.note_lines[k]
        if self._left(k, starts) <= room + EPSILON:
            return list(note.heights)
        room -= self.notes[k] - max(note.heights)  # the note's gap
        ends = [_break(lines, s, room) or _last_fitting(lines, s, room) or s
                for lines, s in zip(note.sides, starts)]
        if alone and ends == list(starts):
            ends = [_forced(lines, s, room, h) for lines, s, h in zip(note.sides, starts, note.heights)]
        return ends

    def _height(self, k: int, starts, ends) -> float:
        """How tall the piece ``starts:ends`` of note ``k`` stands, its gap included."""
        if not self.note_lines or _whole(starts, ends, self.note_lines[k].heights):
            return self.notes[k]
        gap = self.notes[k] - max(self.note_lines[k].heights)
        return max(e - s for s, e in zip(starts, ends)) + gap

    def _stacked(self, placed, used: float) -> list[Piece]:
        if not placed:
            return []
        y = self.height - self.rule - used
        out = [Piece(-1, side, 0.0, self.rule, y, "rule") for side in (0, 1)]
        y += self.rule
        for k, starts, ends in placed:
            out += [Piece(k, side, start, end, y, "note") for side, (start, end)
                    in enumerate(zip(starts, ends)) if end > start]
            y += self._height(k, starts, ends)
        return out

    def place(self, index: int) -> None:
        item = self.items[index]
        if item.fresh and self.y > 0:
            self.new_spread()
        if item.keep and self.y > 0 and self._top(item) + self._needed(index) > \
                self.height - self.foot(self._needed_notes(index)) + EPSILON:
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
            # A table is not cut right under its header rows: they would stand alone.
            floor = item.head if start == 0 else 0.0
            end = _break(lines, start, room) or (_forced(lines, start, room, height, floor)
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


    def _needed_notes(self, index: int) -> list[int]:
        """The notes called by what a keep-with-next item needs below it: a heading over a
        paragraph calling a long note was left alone at a page's foot, the paragraph and
        its note on the next spread (a reader's review)."""
        found: list[int] = []
        for after in islice(self.items, index + 1, None):  # no copy of the rest per heading
            end = max(after.heights) if after.keep else _first_chunk(after)
            found += _called(after, [0.0, 0.0], [min(end, h) for h in after.heights])
            if not after.keep:
                return found
        return found


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


def _forced(lines: tuple[Line, ...], start: float, room: float, height: float,
            floor: float = 0.0) -> float:
    """At the top of a spread, where nothing allowed fits: the last line boundary past
    ``floor`` (a table's header rows) that fits (between a table's rows rather than inside one), else one line,
    else everything (a block taller than the page still goes, or nothing would ever be
    placed)."""
    fitting = [k for k in _fitting(lines, start, room) if lines[k].top > floor + EPSILON]
    whole = [k for k in fitting if not lines[k].inner]
    if whole or fitting:
        return lines[(whole or fitting)[-1]].top
    later = [line.top for line in lines if line.top > max(start, floor) + EPSILON]
    return later[0] if later else height


def _whole(starts, ends, heights) -> bool:
    return all(s == 0 for s in starts) and all(e >= h - EPSILON for e, h in zip(ends, heights))


def _last_fitting(lines: tuple[Line, ...], start: float, room: float) -> float | None:
    fitting = _fitting(lines, start, room)
    return lines[fitting[-1]].top if fitting else None


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
