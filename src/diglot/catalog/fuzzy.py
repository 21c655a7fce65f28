"""The matching index behind update: which old segment did a new, changed one come from?

Candidates come from an inverted index of words (plus character trigrams for short texts),
so each new text is scored only against the few old texts that share its rarer features;
rapidfuzz's normalised Indel similarity (difflib's ratio, computed in C) scores them, and
pairs are assigned one-to-one, best first. Cost grows with the number of changed segments,
not with the square of the catalog.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Sequence

from rapidfuzz.distance import Indel

_WORD = re.compile(r"\w+")
_CANDIDATES = 12  # old texts scored per new text
_SHORT = 4  # texts with fewer words also index character trigrams
_COMMON_READ = 256  # postings read of a common feature, when a text has no rare one
_UPDATE_BUDGET = 20_000  # postings read per changed segment by update's matching
_END = 10_000  # characters of each end a long text is scored by


def features(text: str) -> set[str]:
    lowered = text.lower()
    words = _WORD.findall(lowered)
    result = set(words)
    if len(words) < _SHORT:
        squeezed = " ".join(words) or lowered
        result.update("#" + squeezed[i:i + 3] for i in range(max(1, len(squeezed) - 2)))
    return result


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """0..1, 1 for equal texts: ``1 - indel_distance / (len(a) + len(b))``; 0 below
    ``cutoff`` (rapidfuzz then stops early: texts of too different lengths cost nothing); a
    long text by its two ends (``_ends``)."""
    return Indel.normalized_similarity(_ends(a), _ends(b), score_cutoff=cutoff)


class Index:
    """Old texts indexed by feature; common features are capped so lookups stay cheap."""

    def __init__(self, texts: Sequence[str]):
        self.texts = texts
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, text in enumerate(texts):
            for feature in features(text):
                self.postings[feature].append(i)
        self.cap = max(64, len(texts) // 20)

    def candidates(self, text: str, budget: int | None = None) -> list[int]:
        """The old texts sharing most of ``text``'s rarer features. ``budget`` caps the
        postings read, rarest features first: the translation memory queries an index of a
        whole project, where a long paragraph's words would otherwise cast tens of
        thousands of votes."""
        feats = [f for f in features(text) if f in self.postings]
        # Rarest first; equally rare features by name, so that which texts tie for the last
        # candidate places does not depend on the process's string hashing.
        feats.sort(key=lambda f: (len(self.postings[f]), f))
        rare = [f for f in feats if len(self.postings[f]) <= self.cap]
        # None rare: three of the commonest, a few postings each (an attack round's texts of
        # eight words read a fifth of 240,000 entries three times per text: 335 s).
        read = self.cap * 4 if rare else _COMMON_READ
        votes: Counter[int] = Counter()
        spent = 0
        for feature in rare or feats[:3]:
            if budget is not None and spent >= budget:
                break
            postings = self.postings[feature][:read]
            votes.update(postings)
            spent += len(postings)
        return [i for i, _ in votes.most_common(_CANDIDATES)]


def _ends(text: str) -> str:
    """A text scored by its two ends when it is long: Indel's work grows with the product of
    the lengths (two 1,000,000-character paragraphs, 20 s each; an attack round's update of
    one against twelve: 281 s). A paragraph of 20,000 characters is whole."""
    return text if len(text) <= 2 * _END else text[:_END] + text[-_END:]


def match(new: Sequence[str], old: Sequence[str], threshold: float) -> dict[int, tuple[int, float]]:
    """One-to-one pairs ``new index → (old index, score)`` with score ≥ ``threshold``."""
    if not new or not old:
        return {}
    index = Index(old)
    scored = []
    for i, text in enumerate(new):
        for j in index.candidates(text, _UPDATE_BUDGET):
            score = similarity(text, old[j], threshold)
            if score >= threshold:
                scored.append((-score, i, j))
    scored.sort()
    pairs: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for negative, i, j in scored:
        if i not in pairs and j not in used:
            pairs[i] = (j, -negative)
            used.add(j)
    return pairs
