"""One English paragraph that stands for several French ones, cut back into one piece per
French paragraph at sentence ends: a small dynamic programme over the English sentences,
scored like the beads themselves (lengths and shared anchors), so each French paragraph
gets the sentences that translate it rather than a share by length alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diglot.align import anchors
from diglot.align.scoring import ANCHOR_REWARD, PRIORS, Scorer, length_cost
from diglot.source.inline import plain_text
from diglot.model import PARAGRAPH, Block

# A cut goes after a sentence's end (closing quotes and emphasis included) before a capital
# ("No! you can't" goes on), or before a quotation opened after a colon, semicolon or comma.
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]*_]*\s+(?=[\"“«‘(\[*_—-]*[A-ZÀ-ÖØ-Þ0-9])"
                           r"|[,:;]\s+(?=[\"“«‘])")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|vs|etc|Mme|Mlle|MM)|\b[A-Z])\.$")
EMPTY = PRIORS[(1, 0)]  # a French paragraph given no English: as costly as a 1-0 bead


def sentences(text: str) -> list[str]:
    """``text`` in pieces, each ending where a cut may go; joined by spaces they give it back
    (the whitespace at each cut is one space)."""
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + len(match.group().rstrip())
        if 0 < match.start() and match.end() < len(text) and \
                not _ABBREVIATION.search(text, 0, match.start() + 1):
            pieces.append(text[start:end])
            start = match.end()
    return [*pieces, text[start:]]


def cut(scorer: Scorer, french: list[int], english: str) -> tuple[str, ...]:
    """One English piece per French segment index in ``french`` (empty when the English has
    too few sentences): the cheapest way to hand out the sentences in order."""
    pieces = sentences(english)
    ends = _best_ends(_PieceCost(scorer, french, pieces), len(french), len(pieces))
    starts = [0, *ends[:-1]]
    return tuple(" ".join(pieces[s:e]) for s, e in zip(starts, ends))


class _PieceCost:
    """The cost of giving French segment ``french[k]`` the sentences ``start:end``."""

    def __init__(self, scorer: Scorer, french: list[int], pieces: list[str]):
        self.scorer, self.french = scorer, french
        self.keys = [frozenset(k for k in anchors.keys(Block(PARAGRAPH, p, 0))
                               if k in scorer.weights) for p in pieces]
        self.sizes = [len(plain_text(p)) for p in pieces]

    def __call__(self, k: int, start: int, end: int) -> float:
        if start == end:
            return EMPTY
        unit, weights = self.scorer.fr[self.french[k]], self.scorer.weights
        taken = frozenset().union(*self.keys[start:end])
        total = unit.weight + sum(weights[key] for key in taken)
        dice = 2 * sum(weights[key] for key in unit.keys & taken) / total if total else 0.0
        chars = sum(self.sizes[start:end]) + (end - start - 1)  # the joining spaces
        return length_cost(unit.chars, chars, self.scorer.ratio) - ANCHOR_REWARD * dice


def _best_ends(cost, parts: int, count: int) -> list[int]:
    """Where each part ends (piece indexes), the last one at ``count``, at least total cost."""

    @lru_cache(maxsize=None)
    def best(k: int, start: int) -> tuple[float, tuple[int, ...]]:
        if k == parts - 1:
            return cost(k, start, count), (count,)
        chosen = (float("inf"), ())
        for end in range(count, start - 1, -1):  # on a tie, the earlier part takes more
            rest, ends = best(k + 1, end)
            total = cost(k, start, end) + rest
            if total < chosen[0]:
                chosen = (total, (end, *ends))
        return chosen

    return list(best(0, 0)[1])
