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
# Where a line surely may break: after spaces, unless what follows never starts a line
# (Unicode's rule 13: ";", ":", "!", "?", ",", ".", "/" and closing brackets; rule 11: a
# word joiner) or what precedes them never ends one (rule 14: an opening bracket, "¿", "¡":
# an attack round's "a( a( a( …", 12 KB, ran past 200 s), and around "\n" (a picture or a
# break: see ``marks``; a note call glues to its word, ``GLUE``). A space before "«" or "—"
# is one (a code review: French dialogue "« Oui ! » — « Non ! »…" was cut mid-word).
# Rules 15 and 17 too: no break between a quote and an opening bracket ('a" (', 'a» ('), or
# between two em dashes, whatever spaces stand between them (a code review: 64 s, 115 s).
_CLEAR = re.compile(r"(?<![(\[{¿¡\s])"  # spaces after what may end a line…
                    r"(?!(?<=[\"'«»“”‘’„‹›])[ \t]+[(\[{])(?!(?<=—)[ \t]+—)"  # …no LB15, LB17…
                    r"[ \t]+(?=[^\s;:!?,./)\]}\u2060\ufeff])|\n")  # …before what may start one
GLUE = "\u2060"  # a note call's place in a run (Pango breaks neither before nor after one)

# A word with its punctuation, quotes, no-break spaces and note calls ("l’hôtel",
# "non-alphanumérique ;", "“non-alphanumerical”", "unconstitutionally[^1]"): the dictionary
# divides it, up to the longest a column keeps whole elsewhere (DOCX: 30 letters).
_EDGE = "\\s\u00a0\u202f\u2060«»“”‘’„\"'()\\[\\]"
_WORD = re.compile(rf"[{_EDGE}]*[^\W\d_]+(?:[-’'][^\W\d_]+)*[{_EDGE};:!?,.…]*\Z")
_WORD_LONGEST = 40

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
    """The stretches of ``text`` between the places a line surely breaks (``_CLEAR``),
    ``least`` characters or longer. Not every space: none breaks before ";" ("ab ;ab ;…", an
    attack round: 6,800 characters, 51 s), and a no-break space never does ("ab ab ab…":
    10,000 characters, 220 s)."""
    found, start = [], 0
    for clear in [*_CLEAR.finditer(text), None]:
        end = clear.start() if clear else len(text)
        if end - start >= least and text[start:end].strip() and not _word(text[start:end]):
            found.append((start, end))
        start = clear.end() if clear else end
    return found


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
