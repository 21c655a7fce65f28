"""The cheapest monotonic path of beads through two sequences, by dynamic programming in a
band around the diagonal, so memory grows with the text, never with its square.

Only cells within ``width`` of the line from (0, 0) to (n, m) are filled; each row keeps one
byte per cell to trace the path back, and only the last few rows of costs. When the best
path runs along the band's edge the band was too narrow, so it is doubled and the work redone.
"""

from __future__ import annotations

import math
from typing import Callable

# (French, English) segments consumed by each move. Translators of novels merge up to five
# short paragraphs of dialogue into one; 2-2 is a crossing that neither 1-1 pair explains.
MOVES = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1), (3, 1), (1, 3), (2, 2), (4, 1), (5, 1))
BAND = 24
# The band stops doubling once its passes together would fill more cells than this (or four
# times the first pass's): a crafted text (500 paragraphs of "Ok." before the real one) drove
# it to the whole matrix, quadratic in time and memory.
MAX_CELLS = 200_000
_INF = math.inf

CostFn = Callable[[int, int, int, int], float]
Bead = tuple[int, int, int, int]  # French start, French count, English start, English count


def best_path(cost: CostFn, n: int, m: int, moves=MOVES, band: int = BAND,
              guide: list[tuple[int, int]] = ()) -> list[Bead]:
    """The beads ``(i, a, j, b)`` covering ``0:n`` and ``0:m`` at the least total cost.

    The band follows the straight line from (0, 0) to (n, m), or the broken line through
    ``guide``: points (i, j) believed to be on the path, increasing in both.
    """
    return _search(cost, n, m, moves, band, guide)[0]


def path_and_margins(cost: CostFn, n: int, m: int, moves=MOVES, band: int = BAND,
                     guide: list[tuple[int, int]] = ()) -> tuple[list[Bead], list[float]]:
    """``best_path``, and for each row boundary 0..n how much dearer the best path is that
    crosses it at another column than the chosen path does (infinite when none can): a
    small margin says the French segments around that boundary could as well have gone
    with other English. Forward costs plus the costs of the same programme run backwards
    give the best path through every cell."""
    path, ranges, forward = _search(cost, n, m, moves, band, guide, keep=True)

    def reverse(i: int, a: int, j: int, b: int) -> float:
        return cost(n - i - a, a, m - j - b, b)

    mirrored = [(m - hi, m - lo) for lo, hi in reversed(ranges)]
    backward = _fill(reverse, mirrored, moves, keep=True)[1]
    best = forward[n][m - ranges[n][0]]
    on_path: dict[int, set[int]] = {}
    for i, a, j, b in path:
        on_path.setdefault(i, set()).add(j)
    on_path.setdefault(n, set()).add(m)
    margins = []
    for r, (lo, hi) in enumerate(ranges):
        back_row, back_lo = backward[n - r], mirrored[n - r][0]
        through = [forward[r][j - lo] + back_row[m - j - back_lo] for j in range(lo, hi + 1)
                   if j not in on_path.get(r, ())]
        margins.append(min(through, default=_INF) - best)
    return path, margins


def _search(cost: CostFn, n: int, m: int, moves, band: int, guide, keep: bool = False):
    """The path, the band's column ranges and (``keep``) every row of forward costs."""
    centres = _centres(n, m, guide)
    width, budget = max(band, math.ceil(m / max(n, 1)) + 2), None
    while True:
        ranges = [_range(centres[i], m, width) for i in range(n + 1)]
        back, rows = _fill(cost, ranges, moves, keep)
        path = _trace(back, ranges, moves, n, m)
        cells = sum(hi - lo + 1 for lo, hi in ranges)
        budget = (max(MAX_CELLS, 4 * cells) if budget is None else budget) - cells  # all passes
        if width >= max(n, m) or not _touches_edge(path, ranges, m) or 2 * cells > budget:
            return path, ranges, rows
        width *= 2


def _centres(n: int, m: int, guide: list[tuple[int, int]]) -> list[float]:
    """For each row, the column the band is centred on: the broken line through the guide."""
    if n == 0:
        return [m / 2]
    points = [(0, 0), *[(i, j) for i, j in guide if 0 < i < n and 0 < j < m], (n, m)]
    centres: list[float] = []
    for (i0, j0), (i1, j1) in zip(points, points[1:]):
        centres += [j0 + (i - i0) * (j1 - j0) / (i1 - i0) for i in range(i0, i1)]
    return centres + [float(m)]


def _range(centre: float, m: int, width: int) -> tuple[int, int]:
    return max(0, math.floor(centre - width)), min(m, math.ceil(centre + width))


def _fill(cost: CostFn, ranges: list[tuple[int, int]], moves, keep: bool = False
          ) -> tuple[list[bytearray], dict[int, list[float]]]:
    """Every row's choices (1 + the move's index; 0 where a cell cannot be reached) and,
    when ``keep``, every row's costs (else only the last few rows are held)."""
    back: list[bytearray] = []
    rows: dict[int, list[float]] = {}
    reach = max(a for a, _ in moves)
    for i, (lo, hi) in enumerate(ranges):
        row, choice = [_INF] * (hi - lo + 1), bytearray(hi - lo + 1)
        rows[i] = row
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            row[j - lo], choice[j - lo] = _best(cost, rows, ranges, moves, i, j)
        if not keep:
            rows.pop(i - reach, None)  # no move reaches back further
        back.append(choice)
    return back, rows


def _best(cost: CostFn, rows, ranges, moves, i: int, j: int) -> tuple[float, int]:
    best, chosen = _INF, 0
    for k, (a, b) in enumerate(moves):
        pi, pj = i - a, j - b
        if pi < 0 or pj < 0:
            continue
        lo, hi = ranges[pi]
        if lo <= pj <= hi:
            total = rows[pi][pj - lo] + cost(pi, a, pj, b)  # costs may be negative
            if total < best:
                best, chosen = total, k + 1
    return best, chosen


def _trace(back: list[bytearray], ranges, moves, n: int, m: int) -> list[Bead]:
    path: list[Bead] = []
    i, j = n, m
    while i or j:
        a, b = moves[back[i][j - ranges[i][0]] - 1]
        i, j = i - a, j - b
        path.append((i, a, j, b))
    return path[::-1]


def _touches_edge(path: list[Bead], ranges, m: int) -> bool:
    for i, _, j, _ in path:
        lo, hi = ranges[i]
        if (j == lo and lo > 0) or (j == hi and hi < m):
            return True
    return False
