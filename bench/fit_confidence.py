"""Fit the confidence model of ``diglot align`` (src/diglot/align/confidence.py): logistic
regression of "the proposal was right" on the evidence features, by Newton's method, on
the articles of an --dump file of bench/align_corpus.py whose name hashes even; the odd
half is held out and the share right above each threshold printed for both halves.

    python bench/align_corpus.py --formats md --dump /tmp/evidence.jsonl
    python bench/fit_confidence.py /tmp/evidence.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from diglot.align.confidence import FEATURES  # noqa: E402

THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95)


def fit(rows: list[tuple[list[float], bool]], wrong_weight: float = 1.0, l2: float = 1e-3,
        steps: int = 30) -> list[float]:
    """Weights (intercept first) by Newton's method with a little ridge for stability; a
    wrong proposal counts ``wrong_weight`` times (accepting one costs a reviewer more than
    accepting a right one saves), which makes the confidence conservative."""
    size = len(rows[0][0]) + 1
    w = [0.0] * size
    for _ in range(steps):
        grad = [l2 * x for x in w]
        hess = [[l2 * (r == c) for c in range(size)] for r in range(size)]
        for values, ok in rows:
            x = [1.0, *values]
            p = 1 / (1 + math.exp(-max(-30, min(30, sum(a * b for a, b in zip(w, x))))))
            weight = 1.0 if ok else wrong_weight
            for r in range(size):
                grad[r] += weight * (p - ok) * x[r]
                for c in range(size):
                    hess[r][c] += weight * p * (1 - p) * x[r] * x[c]
        w = [a - b for a, b in zip(w, solve(hess, grad))]
    return w


def solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting."""
    n = len(vector)
    m = [row[:] + [v] for row, v in zip(matrix, vector)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col and m[col][col]:
                f = m[r][col] / m[col][col]
                m[r] = [a - f * b for a, b in zip(m[r], m[col])]
    return [m[r][n] / m[r][r] for r in range(n)]


def predict(w: list[float], values: list[float]) -> float:
    score = w[0] + sum(a * b for a, b in zip(w[1:], values))
    return round(1 / (1 + math.exp(-max(-30, min(30, score)))), 2)


def table(name: str, w: list[float], rows) -> None:
    scored = [(predict(w, v), ok) for v, ok in rows]
    cells = []
    for t in THRESHOLDS:
        above = [ok for p, ok in scored if p >= t]
        cells.append(f"≥{t}: {100 * sum(above) / max(len(above), 1):.2f}% of {len(above)}")
    print(f"  {name}: " + "; ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", type=Path)
    parser.add_argument("--damage", default="damaged", help="fit on this damage only "
                        "(damaged: the confidence assumes the English may be messy); all: both")
    parser.add_argument("--wrong-weight", type=float, default=3.0)
    args = parser.parse_args()
    train, held = [], []
    for line in args.dump.read_text("utf-8").splitlines():
        slug, kind, fmt, values, ok = json.loads(line)
        if args.damage not in ("all", kind):
            continue
        even = hashlib.sha256(slug.encode()).digest()[0] % 2 == 0
        (train if even else held).append((values, ok))
    w = fit(train, args.wrong_weight)
    print("WEIGHTS = (" + ", ".join(f"{x:.3f}" for x in w) + ")")
    print("  " + ", ".join(f"{n}={x:.3f}" for n, x in zip(("intercept", *FEATURES), w)))
    table("fitted half", w, train)
    table("held-out half", w, held)


if __name__ == "__main__":
    main()
