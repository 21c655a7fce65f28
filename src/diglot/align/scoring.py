"""The cost of pairing a few French segments with a few English ones, and the confidence a
reviewer is shown: a Gale-Church length model, shared anchors and document structure.

Costs are negative log-likelihoods, so the dynamic programme adds them: the prior of the bead
shape (1-1 is common, 1-0 rare), how far the English length is from the French length times
the texts' overall ratio (Gale & Church 1993, per character), a reward for shared anchors
and a penalty where structure disagrees (a heading paired with a paragraph).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from diglot.align import anchors, refine
from diglot.source.inline import spans
from diglot.model import HEADING, LIST_ITEM, TITLE, Block

# -log prior of each bead shape; paragraphs of a literary translation split and merge
# more often than Gale & Church's sentences did.
PRIORS = {(1, 1): 0.15, (1, 2): 3.0, (2, 1): 3.0, (1, 0): 2.0, (0, 1): 2.0,
          (3, 1): 5.0, (1, 3): 5.0, (2, 2): 5.0, (4, 1): 6.5, (5, 1): 8.0}
VARIANCE = 6.8  # Gale & Church's s²: variance of English length per French character
ANCHOR_REWARD = 4.0  # cost saved by a bead whose anchors all agree (Dice = 1)
HEADING_MISMATCH = 5.0  # a heading paired with a non-heading
LEVEL_MISMATCH = 1.5  # two headings of different levels
HEADING_MERGE = 6.0  # a heading is never one of two segments merged into one
LIST_MISMATCH = 1.0  # a list item paired with a plain paragraph
SENTENCE_SHORTAGE = 4.0  # a merge or split short of one sentence to give each paragraph
STRONG_MISMATCH = 1.5  # a pair whose numbers, URLs and code all differ
REFINE_CEILING = 7.0  # a bead costlier than this as a whole is not worth dividing: a skip
# on each side (4.0) and a poor pair beat it anyway


@dataclass(frozen=True, slots=True)
class Unit:
    """What the scorer keeps of one segment."""

    chars: int
    shape: tuple[str, int]  # ("h", level), ("li", depth) or ("p", 0)
    keys: frozenset[str]
    weight: float  # the sum of its keys' weights
    strong: frozenset[str] = frozenset()  # numbers, URLs and code: a translation keeps them


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a bead scores as it does: shown as its confidence and on the review page."""

    length: float  # probability of the length difference, 1.0 = exactly as expected
    anchors: float | None  # weighted Dice of the anchors, None when neither side has any
    structure: bool  # headings, levels and lists agree
    headings: bool  # both sides are headings of one level
    shared: tuple[str, ...]


class Scorer:
    """Costs for beads of ``french`` and ``english`` segments, by index."""

    def __init__(self, french: list[Block], english: list[Block], priors=PRIORS):
        self._prepare([_piece(b) for b in french], [_piece(b) for b in english], priors)
        # Merges and splits are judged sentence by sentence (``refine``).
        self._texts = ([b.text for b in french], [b.text for b in english])
        self._pieces: dict[tuple[bool, int], list[refine.Piece]] = {}
        self._divided: dict[tuple[int, int, int, int], float] = {}

    @classmethod
    def of_units(cls, french: list[tuple[int, set[str]]], english: list[tuple[int, set[str]]],
                 priors=PRIORS, expected_ratio: float | None = None,
                 reward: float = ANCHOR_REWARD) -> "Scorer":
        """A scorer of pieces given as (characters, anchor keys): sentences, for one.
        ``expected_ratio`` (English characters per French one) tempers the pieces' own
        ratio: one sentence left untranslated would skew a short text's ratio."""
        scorer = cls.__new__(cls)
        scorer._prepare([(c, ("p", 0), k) for c, k in french],
                        [(c, ("p", 0), k) for c, k in english], priors)
        scorer._texts = None  # sentences are not divided further
        scorer.reward = reward
        if expected_ratio:
            scorer.ratio = math.sqrt(scorer.ratio * expected_ratio)
        return scorer

    def _prepare(self, french: list, english: list, priors) -> None:
        """``french`` and ``english``: (characters, shape, keys) of each piece."""
        self.priors = priors
        self.reward = ANCHOR_REWARD
        self.weights = anchors.weights([p[2] for p in french], [p[2] for p in english])
        self.fr = [self._unit(*piece) for piece in french]
        self.en = [self._unit(*piece) for piece in english]
        self.ratio = max(sum(u.chars for u in self.en), 1) / max(sum(u.chars for u in self.fr), 1)
        # Plain text has no headings or lists: its structure says nothing either way.
        self.structured = any(u.shape[0] != "p" for u in self.en)
        # Every group a bead can take, made once: the DP asks for each many times.
        largest = max(max(shape) for shape in priors)
        self._groups = {(side, size): [self._group(side, k, size) for k in range(len(units))]
                        for side, units in ((False, self.fr), (True, self.en))
                        for size in range(1, largest + 1)}

    def _unit(self, chars: int, shape: tuple[str, int], keys: set[str]) -> Unit:
        weighed = frozenset(k for k in keys if k in self.weights)
        return Unit(chars, shape, weighed, sum(self.weights[k] for k in weighed),
                    frozenset(k for k in weighed if k[0] in anchors.STRONG_MARKS))

    def group(self, english: bool, start: int, count: int) -> Unit:
        return self._groups[(english, count)][start]

    def _group(self, english: bool, start: int, count: int) -> Unit:
        units = (self.en if english else self.fr)[start:start + count]
        if count == 1 or len(units) < count:  # past the end: never asked for
            return units[0]
        keys = frozenset().union(*(u.keys for u in units))
        shapes = [u.shape for u in units]
        shape = ("h+", 0) if any(s[0] == "h" for s in shapes) else shapes[0]
        return Unit(sum(u.chars for u in units), shape, keys,
                    sum(self.weights[k] for k in keys), frozenset().union(*(u.strong for u in units)))

    def cost(self, i: int, a: int, j: int, b: int) -> float:
        """The cost of French ``i:i+a`` paired with English ``j:j+b``."""
        prior = self.priors[(a, b)]
        if not a or not b:
            return prior
        fr, en = self._groups[(False, a)][i], self._groups[(True, b)][j]
        structure = self._structure_cost(fr.shape, en.shape)
        cost = (prior + length_cost(fr.chars, en.chars, self.ratio)
                - self.reward * (_dice(fr, en, self.weights) or 0.0) + structure
                + self._strong_cost(fr, en))
        if (a > 1) != (b > 1) and self._texts is not None and cost < REFINE_CEILING:
            key = (i, a, j, b)  # the backward pass of dp.path_and_margins asks again
            if key not in self._divided:
                self._divided[key] = self.divided(i, a, j, b)[0]
            return prior + structure + self._strong_cost(fr, en) + self._divided[key]
        return cost

    def _strong_cost(self, fr: Unit, en: Unit) -> float:
        """Numbers, URLs and code on either side, none of them on both: a translation
        keeps them, so such a pair is likely no pair."""
        if (fr.strong or en.strong) and not fr.strong & en.strong:
            return STRONG_MISMATCH
        return 0.0

    def divided(self, i: int, a: int, j: int, b: int, empty: float | None = None
                ) -> tuple[float, list[int]]:
        """A merge (``a`` > 1) or split (``b`` > 1) priced by the best division of the one
        side's sentences among the other side's paragraphs (``refine``), and where each
        paragraph's share ends; short of a sentence per paragraph, the cost of the lengths
        and anchors as a whole plus ``SENTENCE_SHORTAGE`` for each one missing, unless a
        paragraph may go without, at ``empty``."""
        merge = a > 1
        parts = self.fr[i:i + a] if merge else self.en[j:j + b]
        runs = [p for k in (range(j, j + b) if merge else range(i, i + a))
                for p in self.pieces(merge, k)]
        fr, en = self._groups[(False, a)][i], self._groups[(True, b)][j]
        if len(runs) < len(parts) and empty is None:
            shortage = SENTENCE_SHORTAGE * (len(parts) - len(runs))
            return (length_cost(fr.chars, en.chars, self.ratio) + shortage
                    - self.reward * (_dice(fr, en, self.weights) or 0.0)), []
        scale = 2 * self.reward / max(fr.weight + en.weight, 1e-9)

        def part_cost(part: Unit, chars: int, keys: frozenset[str]) -> float:
            shared = sum(self.weights[k] for k in part.keys & keys)
            fr_chars, en_chars = (part.chars, chars) if merge else (chars, part.chars)
            return length_cost(fr_chars, en_chars, self.ratio) - scale * shared

        return refine.division(parts, runs, part_cost, empty)

    def pieces(self, english: bool, index: int) -> list[refine.Piece]:
        """The sentences of one segment (English when ``english``), made once."""
        key = (english, index)
        if key not in self._pieces:
            self._pieces[key] = refine.pieces(self._texts[english][index], self.weights)
        return self._pieces[key]

    def _structure_cost(self, fr: tuple[str, int], en: tuple[str, int]) -> float:
        if "h+" in (fr[0], en[0]):  # whether or not the other side shows its structure
            return HEADING_MERGE
        if not self.structured or fr == en:
            return 0.0
        if fr[0] == "h" or en[0] == "h":
            return LEVEL_MISMATCH if fr[0] == en[0] else HEADING_MISMATCH
        return LIST_MISMATCH + 0.5 * abs(fr[1] - en[1])

    def evidence(self, i: int, a: int, j: int, b: int) -> Evidence:
        fr, en = self.group(False, i, a), self.group(True, j, b)
        # Ties by the word itself: set order follows string hashing, which changes per run.
        shared = sorted(fr.keys & en.keys, key=lambda k: (-self.weights[k], k))
        return Evidence(_length_probability(fr.chars, en.chars, self.ratio),
                        _dice(fr, en, self.weights),
                        not self.structured or fr.shape == en.shape,
                        fr.shape[0] == "h" and fr.shape == en.shape, tuple(shared))


def _piece(block: Block) -> tuple[int, tuple[str, int], set[str]]:
    """What the scorer reads of a segment: characters, shape, anchors."""
    items = spans(block.text)
    return sum(len(s.text) for s in items), _shape(block), anchors.keys(block, items)


def _shape(block: Block) -> tuple[str, int]:
    if block.kind in (HEADING, TITLE):
        return ("h", block.level or 1)
    if block.kind == LIST_ITEM:
        return ("li", len(block.lists))
    return ("p", 0)


def _delta(fr_chars: int, en_chars: int, ratio: float) -> float:
    mean = (fr_chars + en_chars / ratio) / 2
    return (en_chars - fr_chars * ratio) / math.sqrt(VARIANCE * max(mean, 1.0))


def _length_probability(fr_chars: int, en_chars: int, ratio: float) -> float:
    """Two-tailed: the chance of a length difference at least this large, 2(1 - Φ(|δ|))."""
    return math.erfc(abs(_delta(fr_chars, en_chars, ratio)) / math.sqrt(2))


def length_cost(fr_chars: int, en_chars: int, ratio: float) -> float:
    return -math.log(max(_length_probability(fr_chars, en_chars, ratio), 1e-12))


def _dice(fr: Unit, en: Unit, weights: dict[str, float]) -> float | None:
    total = fr.weight + en.weight
    if not total:
        return None
    return 2 * sum(weights[k] for k in fr.keys & en.keys) / total
