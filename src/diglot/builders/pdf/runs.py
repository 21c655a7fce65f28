"""Runs of text without a space, too long for a line (an address, an identifier, a base64
blob), made breakable for the PDF.

WeasyPrint lays out the rest of such a run again for each line it cuts from it: time in
the square of its length (an attack round: a 40,000-letter word, 128 s). A run gets
zero-width spaces where it may break: after the joints of addresses and names (``/``,
``_``, ``.``…), and every 8 letters of a stretch without one, so that lines fill (a
reader's review: a break every 32 letters left justified lines with wide gaps). It is set
in a span never hyphenated (the same review: "sec‐tion" inside an address), and its passage
is set ragged right, as the DOCX sets it: justified, the line before a run's piece that did
not fit had its few spaces stretched wide.

A table's columns are measured by trying every break of a run, quadratic the other way
round: there a run counts from 20 letters (a column is narrow) and gets 16 breaks at most,
spread along it (a 40,000-letter cell: 1.8 s whole, 67 s broken every 32 letters).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from html import escape
from typing import Callable

ZWSP = "\u200b"
RUN_MARK = '<span class="run">'
# (a run's least length, the most breaks it gets): a cell's are spread, at most 16 a run,
# so that measuring its column stays linear (200 rows of 500-letter cells: 236 s with a
# break at every joint, more than 400 s before any).
PROSE, CELL = (64, None), (20, 16)
_JOINT = re.compile(r"(?<=[/_.?&=#:;,@+~])(?=\S)")
_STEP = 8  # letters between breaks where a run has no joint
GLUE = "\u2060"  # a note call's place in a run (Pango breaks neither before nor after one)

# A word with its punctuation, quotes, no-break spaces and note calls ("l’hôtel",
# "non-alphanumérique ;", "“non-alphanumerical”", "unconstitutionally[^1]"): the dictionary
# divides it, up to the longest a column keeps whole elsewhere (DOCX: 30 letters).
_EDGE = "\\s\u00a0\u202f\u2060«»“”‘’„\"'()\\[\\]"
_WORD = re.compile(rf"[{_EDGE}]*[^\W\d_]+(?:[-’'][^\W\d_]+)*[{_EDGE};:!?,.…]*\Z")
_WORD_LONGEST = 40

_UNBROKEN = re.compile(rb"0+")  # characters before which no line breaks (line_breaks)
_SPACED = re.compile(r"[^ \t\n]+")  # what stands between spaces

Mark = tuple[int, int, tuple[int, ...]]  # a run's part in a text: start, end, its cuts


def marks(texts: list[str | None], bounds: tuple[int, int | None]) -> list[list[Mark]]:
    """For each text (None: a picture or a break, which ends a run; ``GLUE``: a note call,
    which does not), the parts of
    runs in it and where they break (``bounds``: ``PROSE`` or ``CELL``). A run is found
    across the texts: one written in pieces, plain then italic, is one run (an attack
    round: 60 KB of alternating pieces, each under 64 letters, took 76 s)."""
    least, most = bounds
    pieces = [text if text is not None else "\n" for text in texts]
    starts, at = [], 0
    for piece in pieces:
        starts.append(at)
        at += len(piece)
    out: list[list[Mark]] = [[] for _ in texts]
    joined = "".join(pieces) if at >= least else ""
    for lo, hi in _stretches(joined, least):
        cuts = [lo + cut for cut in _spread(_cuts(joined[lo:hi]), hi - lo, most)]
        k = bisect_right(starts, lo) - 1
        while k < len(pieces) and starts[k] < hi:
            first, last = max(lo, starts[k]), min(hi, starts[k] + len(pieces[k]))
            if texts[k] is not None and first < last:
                out[k].append((first - starts[k], last - starts[k],
                               tuple(c - starts[k] for c in cuts if first <= c < last)))
            k += 1
    return out


def _stretches(text: str, least: int) -> list[tuple[int, int]]:
    """The stretches of ``text`` that make runs, ``least`` characters or longer: those
    between spaces (an address, an identifier: set apart for print whatever Pango does
    with them), and those Pango cannot break (``engine.line_breaks``: not every space is a
    break for it; none before ";", "ab ;ab ;…", an attack round: 6,800 characters, 51 s;
    none after "(", "a( a( …", 12 KB: past 200 s; none between a quote and "¿", 10 KB: 97 s;
    never a no-break space, "ab ab ab…", 10,000 characters: 220 s), both cut around "\\n"
    (a picture or a break), joined where they overlap, words left to the dictionary."""
    from diglot.builders.pdf.engine import line_breaks  # WeasyPrint's: loaded with the engine

    flags = line_breaks(text)
    unbroken = [(m.start() - 1, m.end()) for m in _UNBROKEN.finditer(flags, 1, len(text))]
    spaced = [(m.start(), m.end()) for m in _SPACED.finditer(text)]
    found = []
    for lo, hi in _joined(part for start, end in unbroken + spaced
                          for part in _lines(text, start, end) if part[1] - part[0] >= least):
        if text[lo:hi].strip() and not _word(text[lo:hi]):
            found.append((lo, hi))
    return found


def _joined(intervals) -> list[tuple[int, int]]:
    """Intervals joined where they overlap, in order."""
    out: list[list[int]] = []
    for lo, hi in sorted(intervals):
        if out and lo < out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at its line breaks ("\\n"), as (start, end) pairs."""
    cuts = [i for i in range(start, end) if text[i] == "\n"] if "\n" in text[start:end] else []
    bounds = [start, *(c for cut in cuts for c in (cut, cut + 1)), end]
    return list(zip(bounds[::2], bounds[1::2]))


def _word(stretch: str) -> bool:
    """Whether a stretch is a word the line breaker hyphenates, with its punctuation: no
    run (an editor's review: "non-alphanumérique ;" in a cell, 21 characters, was cut
    "non-alph / anumériq / ue")."""
    return len(stretch) <= _WORD_LONGEST and _WORD.match(stretch) is not None


def runs_html(text: str, found: list[Mark], plain: Callable[[str], str]) -> str:
    """``text`` as HTML: each run part of ``found`` in its span, broken at its cuts, the
    text around it through ``plain`` (which escapes it)."""
    if not found:
        return plain(text)
    out, at = [], 0
    for lo, hi, cuts in found:
        pieces = [text[a:b] for a, b in zip([lo, *cuts], [*cuts, hi])]
        out += [plain(text[at:lo]), RUN_MARK, ZWSP.join(escape(p, quote=False) for p in pieces),
                "</span>"]
        at = hi
    return "".join(out) + plain(text[at:])


def breakable(text: str) -> str:
    """Text (a code block's, never hyphenated) with zero-width spaces where its prose-length
    runs break."""
    found = marks([text], PROSE)[0]
    if not found:
        return text
    out, at = [], 0
    for lo, _, cuts in found:
        for cut in cuts:
            out += [text[at:cut], ZWSP]
            at = cut
    return "".join(out) + text[at:]


def _spread(cuts: list[int], length: int, most: int | None) -> list[int]:
    """At most ``most`` of the cuts, each at least a share of the run after the last."""
    if most is None or len(cuts) <= most:
        return cuts
    step, kept, last = -(-length // (most + 1)), [], 0
    for at in cuts:
        if at - last >= step and len(kept) < most:
            kept.append(at)
            last = at
    return kept


def _cuts(run: str) -> list[int]:
    """Where the run may break: after its joints, and every ``_STEP`` letters between."""
    joints = [m.start() for m in _JOINT.finditer(run)] + [len(run)]
    cuts, last = [], 0
    for joint in joints:
        cuts += range(last + _STEP, joint, _STEP)
        cuts.append(joint)
        last = joint
    return cuts[:-1]
