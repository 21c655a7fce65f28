"""The rule engine behind ``typography``: a table of spacing rules applied to the text of a
row of spans as one string, so a rule sees across style changes (``*Pourquoi* ?``), then
cut back into the same spans.

Most rules hang on a punctuation mark: ``Mark`` says which space the mark wants before (or
after) it, when, and whether to add one where the author typed none; the few that do not
(spaces inside numbers, before units) are regular expressions (``Pattern``). Every change
belongs to an anchor character (the mark, or the digit after a group space) and is skipped
when that character or the stretch it replaces is protected: code spans, URLs, e-mail
addresses. Rules run to a fixpoint (one rule's new space can be another's context); a text
without any mark or digit costs one failed search.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from dataclasses import dataclass
from typing import Iterator, Sequence

SPACES = " \u00a0\u202f\u2009"  # what a rule may replace: the author may type any of them
# Addresses in running text: a rule must never change what a reader would copy.
_ADDRESS = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+",
                      re.IGNORECASE)
_PASSES = 1
_NUMBER_SPACE = re.compile("[0-9][" + SPACES + "]")
Edit = tuple[int, int, str, int]  # start, end, new text, anchor position


@dataclass(frozen=True)
class Mark:
    """The space a mark wants on one ``side`` (-1 before it, +1 after it); ``not_after``:
    characters that may not stand before that space (with whitespace: nothing to space
    from); ``then``: what must follow the mark; ``insert``: add the space when none was
    typed; ``replace``: the mark itself becomes this text (``'`` → ``’``), between letters."""

    marks: str
    text: str = ""
    side: int = -1
    not_after: str = ""
    then: re.Pattern | None = None
    insert: bool = True
    replace: str | None = None

    def edit(self, text: str, i: int) -> Edit | None:
        if self.replace is not None:
            return _between_letters(text, i, self.replace)
        if i and text[i - 1] in self.marks and text[i - 1] in self.not_after:
            return None  # "?!": the run's first mark has the space (and "!!!…" is read once)
        if self.then is not None and not self.then.match(text, i + 1):
            return None
        return self._after(text, i) if self.side > 0 else self._before(text, i)

    def _before(self, text: str, i: int) -> Edit | None:
        j = i
        while j and text[j - 1] in SPACES:
            j -= 1
        if not j or text[j - 1].isspace() or _opens(self.not_after, text, j - 1):
            return None
        if (j == i and not self.insert) or text[j:i] == self.text:
            return None
        return j, i, self.text, i

    def _after(self, text: str, i: int) -> Edit | None:
        k = i + 1
        while k < len(text) and text[k] in SPACES:
            k += 1
        if k == len(text) or text[k].isspace() or text[i + 1:k] == self.text:
            return None
        return i + 1, k, self.text, i


@dataclass(frozen=True)
class Quotes:
    """Straight double quotes set as guillemets (``"mot"`` → ``« mot »``, or the
    language's ``opening`` and ``closing`` marks), ``space`` inside them, or as ``inner``
    quotes inside guillemets already open (``« il dit “non” »``); only when every quote of the text clearly opens (after a space or an opening
    bracket, before a word) or closes (the other way round) and they alternate, opening
    first: inches (``12"``), a lone quote or ``""`` leave the text as typed."""

    space: str
    marks: str = '"'
    opening: str = "«"  # English: “ ”
    closing: str = "»"
    inner: str = ""  # the quotes inside an open pair of ``opening`` (French: “ ”, unspaced)

    def edit(self, text: str, i: int) -> Edit | None:
        roles = quote_roles(text)
        if roles is None:
            return None
        if self.inner and _inside(text, i, self.opening, self.closing):
            return i, i + 1, self.inner[0 if roles[i] else 1], i
        if roles[i]:
            k = i + 1
            while k < len(text) and text[k] in SPACES:
                k += 1
            return i, k, self.opening + self.space, i
        j = i
        while j and text[j - 1] in SPACES:
            j -= 1
        return j, i + 1, self.space + self.closing, i


@lru_cache(maxsize=4)  # one text's quotes are asked in turn: no need to keep more texts
def quote_roles(text: str) -> dict[int, bool] | None:
    """Each quote's place → True (opens) or False (closes); None if they do not pair up."""
    roles: dict[int, bool] = {}
    for at in (m.start() for m in re.finditer('"', text)):
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        opens = (before.isspace() or before in "([{/—–«") and (after.isalnum() or after in "«*_(" + _UNITS)
        closes = (before.isalnum() or before in CLOSING + _UNITS) and (after.isspace() or after in CLOSING + "»—–")
        if opens == closes or opens != (len(roles) % 2 == 0):
            return None
        roles[at] = opens
    return roles if len(roles) % 2 == 0 else None


CLOSING = ".,;:!?)]}…"
_UNITS = "%‰°€$£"  # a quotation may start or end with a sign: "42%", "$5 a day"


def _inside(text: str, at: int, opening: str, closing: str) -> bool:
    """Whether more ``opening`` marks than ``closing`` ones stand before ``at``."""
    opens, closes = _marks_at(text, opening), _marks_at(text, closing)
    return bisect_left(opens, at) > bisect_left(closes, at)


@lru_cache(maxsize=8)  # a text's quotes are asked in turn: its marks are found once
def _marks_at(text: str, mark: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(mark), text)]


def _opens(openers: str, text: str, at: int) -> bool:
    """Whether ``text[at]`` is one of ``openers``; a straight quote that will close as »
    is not, so ``"oui"!`` gets its space in the same pass as its guillemets."""
    if text[at] != '"' or '"' not in openers:
        return text[at] in openers
    roles = quote_roles(text)
    return roles is None or roles[at]


def _between_letters(text: str, i: int, new: str) -> Edit | None:
    if 0 < i < len(text) - 1 and _letter(text[i - 1]) and (_letter(text[i + 1]) or text[i + 1] == "«"):
        return i, i + 1, new, i
    return None


def _letter(char: str) -> bool:
    return char.isalpha()


@dataclass(frozen=True)
class Pattern:
    """Spaces found by a regular expression: in each match, every run of ``SPACES``
    becomes ``text`` (the anchor is the character after the run)."""

    regex: re.Pattern
    text: str

    def edits(self, text: str) -> Iterator[Edit]:
        for found in self.regex.finditer(text):
            start = found.start()
            for k, char in enumerate(found.group()):
                if char in SPACES and found.group()[k - 1] not in SPACES:
                    end = start + k
                    while text[end] in SPACES:
                        end += 1
                    if text[start + k:end] != self.text:
                        yield start + k, end, self.text, end


class Table:
    """A rule table, with one search for every mark it knows."""

    def __init__(self, marks: Sequence[Mark], patterns: Sequence[Pattern], words: Sequence = ()) -> None:
        self.by_mark = {c: m for m in marks for c in m.marks}
        self.patterns = patterns
        self.words = words  # rules with their own search (``edits(text)``), never gated
        # what a text needs for any rule to apply: a mark, a digit (every pattern is about a
        # number), a word rule's letter; or what a word rule finds cheaply (its ``might``:
        # "Mr" in the text, not every capital M, which most English has)
        first = "".join(self.by_mark) + "".join(getattr(w, "letters", "") for w in words)
        digits = r"|\d" if patterns else ""
        self.search = re.compile("[" + re.escape(first) + "]" + digits if first else r"\d" if patterns else "(?!)")
        self.might = [w.might for w in words if hasattr(w, "might")]

    def applies(self, text: str) -> bool:
        """Whether any rule may apply to ``text`` (one scan, and a word rule's own test)."""
        return self.search.search(text) is not None or any(might(text) for might in self.might)

    def edits(self, text: str, guard: "_Guard") -> list[Edit]:
        found = list(self._marks(text))
        if _NUMBER_SPACE.search(text):  # every pattern is about a number and a space
            found += [e for p in self.patterns for e in p.edits(text)]
        for rule in self.words:
            found += rule.edits(text)
        found = sorted(e for e in found if not guard.locked(e))
        # Overlapping stretches, or two rules adding a space at one place: the first wins.
        return [e for k, e in enumerate(found)
                if not k or e[0] >= found[k - 1][1] and e[:2] != found[k - 1][:2]]

    def _marks(self, text: str) -> Iterator[Edit]:
        for char, rule in self.by_mark.items():
            at = text.find(char)
            while at >= 0:
                edit = rule.edit(text, at)
                if edit is not None:
                    yield edit
                at = text.find(char, at + 1)


def typeset_text(pieces: Sequence[tuple[str, bool]], table: Table) -> list[str]:
    """Each piece's new text; ``pieces`` are (text, protected) in reading order."""
    texts = [t for t, _ in pieces]
    text = "".join(texts)
    if not table.applies(text):
        return texts
    for _ in range(_PASSES):
        edits = table.edits(text, _Guard(text, pieces))
        if not edits:
            break
        pieces = _cut(text, pieces, edits)
        text = "".join(t for t, _ in pieces)
    return [t for t, _ in pieces]


class _Guard:
    """Which positions are protected: code pieces and addresses, as sorted ranges."""

    def __init__(self, text: str, pieces) -> None:
        ranges, at = [], 0
        for piece, protected in pieces:
            if protected and piece:
                ranges.append((at, at + len(piece)))
            at += len(piece)
        if "/" in text or "@" in text or "www." in text:  # cheap tests before the search
            ranges += [m.span() for m in _ADDRESS.finditer(text)]
        ranges.sort()
        self.starts = [s for s, _ in ranges]
        self.ranges = ranges

    def locked(self, edit: Edit) -> bool:
        start, end, _, anchor = edit
        return bool(self.ranges) and (self._inside(anchor)
                                      or any(map(self._inside, range(start, end))))

    def _inside(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos) - 1
        return any(s <= pos < e for s, e in self.ranges[max(0, k - 2):k + 1])


def _cut(text: str, pieces, edits: list[Edit]) -> list[tuple[str, bool]]:
    """The pieces after ``edits``; new text goes to the piece holding its anchor."""
    if len(pieces) == 1:
        return [(_joined(text, edits), pieces[0][1])]
    bounds, at = [], 0
    for piece, _ in pieces:
        at += len(piece)
        bounds.append(at)
    out: list[list[str]] = [[] for _ in pieces]
    last = 0
    for start, end, new, anchor in edits:
        _keep(text, last, start, bounds, out)
        out[bisect_right(bounds, anchor)].append(new)
        last = end
    _keep(text, last, len(text), bounds, out)
    return [("".join(parts), protected) for parts, (_, protected) in zip(out, pieces)]


def _joined(text: str, edits: list[Edit]) -> str:
    parts, last = [], 0
    for start, end, new, _ in edits:
        parts += [text[last:start], new]
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _keep(text: str, start: int, end: int, bounds: list[int], out) -> None:
    """Copy text[start:end] into the pieces it belongs to."""
    while start < end:
        k = bisect_right(bounds, start)
        stop = min(end, bounds[k])
        out[k].append(text[start:stop])
        start = stop
