"""Which changed segments were edited where they stand: the pairs the similarity score alone
misses.

A short line reworded ("— Et maintenant ?" → "— Et aujourd'hui ?") is too far from its old
French for the fuzzy threshold, yet where it stands says what it was: its neighbours did not
change, and between their old entries stood exactly one old segment nobody took. Such a run
of changed segments (one or more, the same number on both sides) is paired in order, each
pair still needing a lower similarity (``floor``), so that a paragraph rewritten from scratch
is not handed a stranger's translation.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterator, Sequence

from diglot.catalog.fuzzy import similarity

# How much less similar a segment reworded where it stands may be: unrelated short lines of
# Verne's French score 0.47 at the 90th percentile, a one-word change to one 0.51-0.56.
_EASING = 0.1


def floor(threshold: float) -> float:
    """The similarity an edit in place needs, for a project's fuzzy threshold."""
    return max(threshold - _EASING, threshold / 2)


def pairs(new: Sequence[str], old: Sequence[str], anchors: dict[int, int], free: Sequence[int],
          floor: float) -> Iterator[tuple[int, int]]:
    """(new index, old index) for each new segment edited in place.

    ``anchors`` maps the new segments already matched to their old entries; ``free`` lists
    the active old entries still untaken, translated or not (each stood somewhere)."""
    free, given = sorted(free), set()
    for start, end in _open_runs(len(new), anchors):
        gap = _gap(start, end, len(old), anchors, free)
        if gap is None or len(gap) != end - start:
            continue
        for i, j in zip(range(start, end), gap):
            # Once each: paragraphs moved past each other can put one old entry in two
            # runs' gaps (a code review: two new lines both took its translation).
            if j not in given and similarity(new[i], old[j], floor):
                given.add(j)
                yield i, j


def _open_runs(count: int, anchors: dict[int, int]) -> Iterator[tuple[int, int]]:
    """Runs [start, end) of unmatched new segments with a matched neighbour on at least one
    side (an article with no segment left as it was has nothing to stand on)."""
    i = 0
    while i < count:
        if i in anchors:
            i += 1
            continue
        start = i
        while i < count and i not in anchors:
            i += 1
        if start > 0 or i < count:
            yield start, i


def _gap(start: int, end: int, old_count: int, anchors: dict[int, int],
         free: Sequence[int]) -> list[int] | None:
    """The free old entries between the old entries of the run's two neighbours (the
    catalog's edges where the run touches the article's); ``None`` when the neighbours moved
    past each other."""
    low = anchors[start - 1] if start > 0 else -1
    high = anchors.get(end, old_count)
    if low >= high:
        return None
    first, last = bisect_right(free, low), bisect_left(free, high)
    if last - first > end - start:
        return None  # more old segments than new ones: not one edit each
    return list(free[first:last])

