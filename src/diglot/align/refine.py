"""Merges and splits judged sentence by sentence. A bead that pairs several paragraphs on
one side with one (or two) on the other is only as good as the best way to hand out the
other side's sentences, in order, one run to each paragraph: each run is scored like a
bead (lengths, shared anchors). A French paragraph with no English of its own then no
longer takes its neighbour's last sentence for free, and an English paragraph from
elsewhere no longer joins a pair whose French has nothing to give it.

The dynamic programme asks for these costs (``Scorer.cost``); ``cut`` uses the same
division to write each French paragraph's share of a merged English one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diglot.align import anchors
from diglot.source.inline import spans
from diglot.model import PARAGRAPH, Block

# A cut goes after a sentence's end (closing quotes and emphasis included) before a capital
# ("No! you can't" goes on), or before a quotation opened after a colon, semicolon or comma.
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]*_]*\s+(?=[\"“«‘(\[*_—-]*[A-ZÀ-ÖØ-Þ0-9`:])"
                           r"|[,:;]\s+(?=[\"“«‘])")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|vs|etc|Mme|Mlle|MM|e\.g|i\.e|"
                           r"p\. ex)|(?<![\w/])[A-Z])\.$")


@dataclass(frozen=True, slots=True)
class Piece:
    """One sentence of a paragraph (inline Markdown), as the scorer weighs it."""

    text: str
    chars: int
    keys: frozenset[str]


def sentences(text: str) -> list[str]:
    """``text`` (inline Markdown) in pieces, each ending where a cut may go; joined by spaces
    they give it back (the whitespace at each cut is one space). A code span is never cut."""
    pieces, start = [], 0
    code = _code_ranges(text)
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + len(match.group().rstrip())
        if 0 < match.start() and match.end() < len(text) and \
                not _ABBREVIATION.search(text, 0, match.start() + 1) and \
                not any(lo < match.start() < hi for lo, hi in code):
            pieces.append(text[start:end])
            start = match.end()
    return [*pieces, text[start:]]


def _code_ranges(text: str) -> list[tuple[int, int]]:
    if "`" not in text:
        return []
    return [m.span() for m in re.finditer(r"(`+)(?:(?!\1).)+?\1", text)]


def pieces(text: str, weights: dict[str, float]) -> list[Piece]:
    """The sentences of a paragraph with their length and the anchors that count."""
    out = []
    for sentence in sentences(text):
        items = spans(sentence)
        keys = anchors.keys(Block(PARAGRAPH, sentence, 0), items)
        out.append(Piece(sentence, sum(len(s.text) for s in items),
                         frozenset(k for k in keys if k in weights)))
    return out


def division(parts: list, runs: list[Piece], cost_of, empty: float | None = None
             ) -> tuple[float, list[int]]:
    """The cheapest way to give each of ``parts`` a run of ``runs`` in order: the total
    cost and where each part's run ends. ``cost_of(part, chars, keys)`` prices one part's
    run; a part may go without (at ``empty``) only when ``empty`` is given."""
    n, m = len(parts), len(runs)
    lowest = 0 if empty is not None else 1
    best = {(0, 0): (0.0, ())}
    for k, part in enumerate(parts):
        nxt: dict = {}
        for (_, start), (total, ends) in best.items():
            chars, keys = 0, frozenset()
            for end in range(start, m + 1):
                if end > start:
                    chars += runs[end - 1].chars + (end - start > 1)
                    keys = keys | runs[end - 1].keys
                if end - start < lowest or (k == n - 1 and end != m):
                    continue
                cost = empty if end == start else cost_of(part, chars, keys)
                candidate = (total + cost, (*ends, end))
                if (k + 1, end) not in nxt or candidate[0] < nxt[(k + 1, end)][0]:
                    nxt[(k + 1, end)] = candidate
        best = nxt
    total, ends = best.get((n, m), (float("inf"), ()))
    return total, list(ends)
