"""The confidence shown with each proposal: a conservative chance that it is right, from a
logistic model of the evidence fitted on the python-docs-fr corpus written out as damaged
English texts, wrong proposals weighing three times as much as right ones
(``bench/align_corpus.py --dump``, then ``bench/fit_confidence.py``, which prints the
weights below). What share of proposals is right above each threshold, on clean and on
damaged English, is in ``bench/RESULTS.md``.

The evidence: how well the lengths agree (Gale-Church), how many anchors both sides
share (weighted Dice, or none at all), whether the neighbouring beads are pairs too,
the bead's shape, how much cheaper the bead was than its nearest alternatives (skipping
it, or leaving one of its paragraphs out), whether the structure agrees (headings,
lists), and the size of the French.
"""

from __future__ import annotations

import math

from diglot.align.scoring import Scorer

FEATURES = ("length", "anchors", "no_anchors", "context", "merge", "split", "margin",
            "structure", "size", "rivals", "nearby", "messy")
# Fitted weights: intercept first, then one per feature, in the order above. Fitted on the
# damaged English (merged, split, dropped and inserted paragraphs), wrong proposals counted
# three times: the confidence assumes the English may be messy, and errs low.
WEIGHTS = (-1.328, 2.654, 1.517, 0.630, 2.543, -0.336, 0.277, 0.316, -1.328, -2.789, 1.308,
           0.407, 1.364)


def features(scorer: Scorer, i: int, a: int, j: int, b: int, context: float,
             rivals: float = math.inf, around: tuple[float, float] = (1.0, 0.0)
             ) -> tuple[float, ...]:
    """The evidence for French ``i:i+a`` paired with English ``j:j+b``, as numbers;
    ``rivals``: how much dearer the best whole alignment is that pairs these French
    segments otherwise (``dp.path_and_margins``); ``around``: the share of one-to-one
    pairs among the six nearest beads, and the share of other beads in the whole text
    (a text whose paragraphs were merged, split or dropped here and there is one to
    trust less everywhere)."""
    ev = scorer.evidence(i, a, j, b)
    chars = scorer.group(False, i, a).chars
    return (ev.length, ev.anchors or 0.0, float(ev.anchors is None), context,
            float(a > 1), float(b > 1), _clamp(margin(scorer, i, a, j, b)),
            float(ev.structure), math.log10(chars + 10) / 3, _clamp(rivals), *around)


def _clamp(cost: float) -> float:
    """A cost difference on a 0-2 scale: past 10 nats it makes no difference."""
    return max(0.0, min(cost, 10.0)) / 5


def margin(scorer: Scorer, i: int, a: int, j: int, b: int) -> float:
    """How much dearer the nearest alternative is: every paragraph of the bead unpaired,
    or one paragraph at either end of a merge or split left out of it."""
    skip_fr, skip_en = scorer.priors[(1, 0)], scorer.priors[(0, 1)]
    options = [skip_fr * a + skip_en * b]
    if a > 1:
        options += [skip_fr + scorer.cost(i + 1, a - 1, j, b), scorer.cost(i, a - 1, j, b) + skip_fr]
    if b > 1:
        options += [skip_en + scorer.cost(i, a, j + 1, b - 1), scorer.cost(i, a, j, b - 1) + skip_en]
    return min(options) - scorer.cost(i, a, j, b)


def confidence(values: tuple[float, ...]) -> float:
    """The modelled chance that the proposal is right, rounded to two places."""
    score = WEIGHTS[0] + sum(w * x for w, x in zip(WEIGHTS[1:], values))
    return round(1 / (1 + math.exp(-max(-30.0, min(score, 30.0)))), 2)
