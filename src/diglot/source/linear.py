"""Inline scans that stay linear in the worst case: where code spans close (``Closers``),
and markdown-it-py's link label scan doing each position's work once.

``parseLinkLabel`` walks from a ``[`` token by token until its label closes. markdown-it-py
stays linear only through its nesting limit (after 20 nested ``[`` it skips to the end of
the paragraph), at some twenty token skips for every unclosed bracket: a paragraph of
400,000 ``[`` took a minute to build. This is the same scan, through the parser's own
``skipToken``, with one fact remembered per position: where a label opened just before it
closes (``_Labels``); a later scan that meets that position jumps there instead of walking
again, and a scan with no ``]`` ahead does not start. The answers are the ones the original
scan gives (a test compares them on random bracket soups); only the work is shared.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from types import SimpleNamespace

from markdown_it import helpers

_FAIL = -1


_TICKS = re.compile("`+")


class Closers:
    """Where each backtick string of a text starts, by length: the closer of a code span is
    the next string of its opener's length. One scan of the text, then each lookup moves a
    pointer forward, so a paragraph of ever longer backtick strings stays linear."""

    __slots__ = ("_starts", "_next")

    def __init__(self, text: str) -> None:
        self._starts: dict[int, list[int]] = {}
        for run in _TICKS.finditer(text):
            self._starts.setdefault(run.end() - run.start(), []).append(run.start())
        self._next: dict[int, int] = {}

    def find(self, length: int, pos: int) -> int:
        """The start of the first string of ``length`` backticks at or after ``pos``, or -1."""
        starts = self._starts.get(length, ())
        index = self._next.get(length, 0)
        while index < len(starts) and starts[index] < pos:
            index += 1
        self._next[length] = index
        return starts[index] if index < len(starts) else -1


class _Labels:
    """For one parse range (a state and its ``posMax``): position → (where the label
    that starts there closes, or -1; whether a link or image token starts inside it)."""

    def __init__(self, state) -> None:
        self.state = state
        self.closes: dict[int, tuple[int, bool]] = {}
        self.last_bracket = state.src.rfind("]", 0, state.posMax)

    def close(self, start: int) -> tuple[int, bool]:
        """Walk from ``start`` at nesting level 1 until a ``]`` brings it to 0."""
        if start > self.last_bracket:  # no "]" ahead: nothing to walk for
            return _FAIL, False
        todo = [[start, start, False]]  # [first position, position, nested token seen]
        while todo:
            frame = todo[-1]
            outcome = self._walk(frame, todo)
            if outcome is not None:
                self.closes[frame[0]] = outcome
                todo.pop()
                if todo:
                    self._resume(todo[-1], outcome)
        return self.closes[start]

    def _walk(self, frame: list, todo: list) -> tuple[int, bool] | None:
        """Advance ``frame``; its outcome, or None when it waits for an inner label."""
        src, end = self.state.src, self.state.posMax
        while frame[1] < end:
            pos = frame[1]
            if src[pos] == "]":
                return pos, frame[2]
            after = self._skip(pos)
            if src[pos] == "[" and after == pos + 1:  # a text "[": one level deeper
                if pos + 1 in self.closes:
                    self._resume(frame, self.closes[pos + 1])
                    continue
                todo.append([pos + 1, pos + 1, False])
                return None
            frame[2] = frame[2] or src[pos] == "["  # a link or image token starts here
            frame[1] = after
        return _FAIL, frame[2]

    @staticmethod
    def _resume(frame: list, inner: tuple[int, bool]) -> None:
        """Continue ``frame`` after the inner label that closed at ``inner``."""
        closed, nested = inner
        frame[2] = frame[2] or nested
        frame[1] = closed + 1 if closed != _FAIL else 2**62  # an inner label never closes

    def _skip(self, pos: int) -> int:
        state = self.state
        state.pos = pos
        state.md.inline.skipToken(state)
        return state.pos


def parse_link_label(state, start: int, disable_nested: bool = False) -> int:
    """``parseLinkLabel``'s answer: the position of the ``]`` closing the label that opens
    at ``start``, or -1 (also when ``disable_nested`` and a link lies inside)."""
    old = state.pos
    tables = state.__dict__.setdefault("_diglot_labels", {})
    labels = tables.get(state.posMax)
    if labels is None:
        labels = tables[state.posMax] = _Labels(state)
    try:
        closed, nested = labels.close(start + 1)
    finally:
        state.pos = old
    if closed == _FAIL or (disable_nested and nested):
        return _FAIL
    return closed


def linear_helpers() -> SimpleNamespace:
    """markdown-it's helpers with the linear label scan (set as ``md.helpers``)."""
    return SimpleNamespace(parseLinkLabel=parse_link_label,
                           parseLinkDestination=helpers.parseLinkDestination,
                           parseLinkTitle=helpers.parseLinkTitle)


class PerText(threading.local):
    """``fact(text)`` for the text being parsed, worked out once: the rules that ask it
    again at every position stay linear. One per thread (serve renders pages in threads)."""

    def __init__(self, fact) -> None:
        self.fact, self.text, self.value = fact, None, None

    def of(self, text: str):
        if text is not self.text:
            self.text, self.value = text, self.fact(text)
        return self.value


_STOP = re.compile(r"[ \n\]]")
# Where a footnote label scan stops (a space, a line break or "]"): one bisection each.
_STOPS = PerText(lambda text: [m.start() for m in _STOP.finditer(text)])


def _stop_after(text: str, pos: int) -> int:
    places = _STOPS.of(text)
    k = bisect_left(places, pos)
    return places[k] if k < len(places) else -1


def linear_footnote_ref(rule):
    """mdit-py-plugins' ``[^label]`` rule, answering at once where it would fail: it scans
    from every ``[^`` to the next space, break or ``]``, and a text of 20,000 ``[^`` took
    50 s (a quadratic walk); a scan that ends on ``]`` is the rule's own, as before."""

    def wrapped(state, silent: bool) -> bool:
        src, start = state.src, state.pos
        if not src.startswith("[^", start):
            return False
        stop = _stop_after(src, start + 2)
        if stop < 0 or stop >= state.posMax or src[stop] != "]":
            return False
        return rule(state, silent)

    return wrapped
