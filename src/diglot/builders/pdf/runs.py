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
from functools import lru_cache
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


def runs_html(text: str, bounds: tuple[int, int | None], plain: Callable[[str], str]) -> str:
    """``text`` as HTML: each run (``bounds``: ``PROSE`` or ``CELL``) breakable in its span,
    the text around it through ``plain`` (which escapes it)."""
    least, most = bounds
    if len(text) < least:
        return plain(text)
    out, at = [], 0
    for run in _run(least).finditer(text):
        out += [plain(text[at:run.start()]),
                f"{RUN_MARK}{escape(broken(run.group(), most), quote=False)}</span>"]
        at = run.end()
    return "".join(out) + plain(text[at:]) if out else plain(text)


def breakable(text: str) -> str:
    """Text (a code block's, never hyphenated) with its prose-length runs ``broken``."""
    return _run(PROSE[0]).sub(lambda run: broken(run.group()), text) \
        if len(text) >= PROSE[0] else text


def broken(run: str, most: int | None = None) -> str:
    """The run with a zero-width space after each joint and every 8 letters between; at
    most ``most`` of them, spread along it (the joints nearest)."""
    cuts = _cuts(run)
    if most is not None and len(cuts) > most:
        step, kept, last = -(-len(run) // (most + 1)), [], 0
        for at in cuts:
            if at - last >= step and len(kept) < most:
                kept.append(at)
                last = at
        cuts = kept
    pieces = [run[a:b] for a, b in zip([0, *cuts], [*cuts, len(run)])]
    return ZWSP.join(pieces)


def _cuts(run: str) -> list[int]:
    """Where the run may break: after its joints, and every ``_STEP`` letters between."""
    joints = [m.start() for m in _JOINT.finditer(run)] + [len(run)]
    cuts, last = [], 0
    for joint in joints:
        cuts += range(last + _STEP, joint, _STEP)
        cuts.append(joint)
        last = joint
    return cuts[:-1]


@lru_cache(maxsize=4)
def _run(least: int) -> re.Pattern:
    return re.compile(r"[^\s\u200b]{%d,}" % least)
