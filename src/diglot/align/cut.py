"""One English paragraph (or two) that stands for several French ones, cut back into one
piece per French paragraph at sentence ends: the division ``refine`` finds, the one the
dynamic programme priced the bead by, so each French paragraph gets the sentences that
translate it rather than a share by length alone.
"""

from __future__ import annotations

from diglot.align.scoring import PRIORS, Scorer

EMPTY = PRIORS[(1, 0)]  # a French paragraph given no English: as costly as a 1-0 bead


def cut(scorer: Scorer, i: int, a: int, j: int, b: int) -> tuple[str, ...]:
    """One English piece for each French segment ``i:i+a`` out of the English segments
    ``j:j+b`` (empty when the English has too few sentences)."""
    _, ends = scorer.divided(i, a, j, b, empty=EMPTY)
    runs = [p.text for k in range(j, j + b) for p in scorer.pieces(True, k)]
    starts = [0, *ends[:-1]]
    return tuple(" ".join(runs[s:e]) for s, e in zip(starts, ends))
