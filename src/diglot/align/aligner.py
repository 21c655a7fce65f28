"""Align an article's French segments with English ones: first the headings (chapter by
chapter, by the size and place of what follows each), then each stretch between two paired
headings on its own, so a novel is many small problems rather than one big one.
"""

from __future__ import annotations

import math
from itertools import accumulate

from diglot.align import anchors
from diglot.align.cut import cut
from diglot.align.dp import best_path, path_and_margins
from diglot.align.model import Alignment, Bead
from diglot.align.confidence import confidence, features
from diglot.align.scoring import Scorer
from diglot.model import Block

HEADING_MOVES = ((1, 1), (1, 0), (0, 1))
HEADING_SKIP = 6.0  # a heading left unpaired at the first stage is aligned at the second
SECTION_SPREAD = 0.3  # tolerated log-ratio of section sizes (one standard deviation)
PLACE_SPREAD = 0.03  # tolerated difference of relative place in the text
MIN_LANDMARKS = 5  # landmark pairs needed to measure the length ratio on them
MIN_CHARS = 20  # shorter paragraphs say little about it


def align(french: list[Block], english: list[Block]) -> Alignment:
    """The best alignment of the two segment lists, each bead with its confidence."""
    scorer = Scorer(french, english)
    guide = anchors.landmarks([u.keys for u in scorer.fr], [u.keys for u in scorer.en])
    scorer.ratio = _ratio(scorer, guide)
    path: list[tuple[int, int, int, int]] = []
    margins = [math.inf] * (len(french) + 1)  # per boundary between French segments
    start = (0, 0)
    for i, j in [*_heading_pairs(scorer), (len(french), len(english))]:
        path += _section(scorer, start, (i, j), guide, margins)
        if i < len(french):
            path.append((i, 1, j, 1))
        start = (i + 1, j + 1)
    return Alignment(french, english, _beads(scorer, path, english, margins))


def _ratio(scorer: Scorer, guide: list[tuple[int, int]]) -> float:
    """English characters per French one: the median over the landmark pairs when there
    are enough of them, else the texts' overall ratio, which English paragraphs with no
    French (a preface, translator's notes) would inflate."""
    found = sorted(scorer.en[j].chars / scorer.fr[i].chars for i, j in guide
                   if scorer.fr[i].chars >= MIN_CHARS and scorer.en[j].chars >= MIN_CHARS)
    return found[len(found) // 2] if len(found) >= MIN_LANDMARKS else scorer.ratio


def _section(scorer: Scorer, start: tuple[int, int], end: tuple[int, int],
             guide: list[tuple[int, int]], margins: list[float]) -> list:
    """The best path between two paired headings; ``margins`` gets its rows' margins."""
    i0, j0 = start
    inside = [(i - i0, j - j0) for i, j in guide if i0 < i < end[0] and j0 < j < end[1]]
    path, found = path_and_margins(lambda i, a, j, b: scorer.cost(i0 + i, a, j0 + j, b),
                                   end[0] - i0, end[1] - j0, guide=inside)
    for r, value in enumerate(found):
        margins[i0 + r] = min(margins[i0 + r], value)
    return [(i0 + i, a, j0 + j, b) for i, a, j, b in path]


def _beads(scorer: Scorer, path: list[tuple[int, int, int, int]],
           english: list[Block], margins: list[float]) -> list[Bead]:
    # The text's two ends count as paired neighbours: [-1] and [len] read this sentinel.
    paired = [bool(a and b) for _, a, _, b in path] + [True]
    plain = [a == 1 and b == 1 for _, a, _, b in path]
    messy = 1 - sum(plain) / max(len(plain), 1)  # how far the two texts' paragraphs differ
    beads = []
    for k, (i, a, j, b) in enumerate(path):
        fr, en = tuple(range(i, i + a)), tuple(range(j, j + b))
        if not paired[k]:
            beads.append(Bead(fr, en))
            continue
        context = (paired[k - 1] + paired[k + 1]) / 2
        text = " ".join(english[e].text for e in en)
        parts = cut(scorer, i, a, j, b) if a > 1 else (text,)
        near = plain[max(k - 3, 0):k] + plain[k + 1:k + 4]
        around = (sum(near) / len(near) if near else 1.0, messy)
        values = features(scorer, i, a, j, b, context, min(margins[i:i + a + 1]), around)
        beads.append(Bead(fr, en, confidence(values), scorer.evidence(i, a, j, b).shared[:6],
                          parts, values))
    return beads


# --- headings ---------------------------------------------------------------------------------

def _heading_pairs(scorer: Scorer) -> list[tuple[int, int]]:
    """French and English heading indexes paired at the first stage, in order."""
    fr = [i for i, u in enumerate(scorer.fr) if u.shape[0] == "h"]
    en = [j for j, u in enumerate(scorer.en) if u.shape[0] == "h"]
    if not fr or not en:
        return []
    fr_size, fr_place = _sections(scorer.fr, fr, scorer.ratio)
    en_size, en_place = _sections(scorer.en, en, 1.0)

    def cost(p: int, a: int, q: int, b: int) -> float:
        if not a or not b:
            return HEADING_SKIP
        size = math.log((en_size[q] + 50) / (fr_size[p] + 50)) / SECTION_SPREAD
        place = (fr_place[p] - en_place[q]) / PLACE_SPREAD
        return scorer.cost(fr[p], 1, en[q], 1) + (size * size + place * place) / 2

    path = best_path(cost, len(fr), len(en), HEADING_MOVES)
    return [(fr[p], en[q]) for p, a, q, b in path
            if a and b and scorer.fr[fr[p]].shape == scorer.en[en[q]].shape]


def _sections(units, heads: list[int], ratio: float) -> tuple[list[float], list[float]]:
    """Each heading's section size (characters up to the next heading, in English terms)
    and its place in the text (the share of characters before it)."""
    cumulative = [0, *accumulate(u.chars for u in units)]
    total = max(cumulative[-1], 1)
    ends = [*heads[1:], len(units)]
    sizes = [(cumulative[e] - cumulative[h]) * ratio for h, e in zip(heads, ends)]
    return sizes, [cumulative[h] / total for h in heads]
