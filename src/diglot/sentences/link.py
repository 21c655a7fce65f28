"""Link the sentences of a French segment with those of its translation: 1-1, 1-2, 2-1,
2-2, 1-0 and 0-1 links (and 3-1, 1-3, 4-1, 5-1: a translator's one long sentence), chosen by ``diglot align``'s own dynamic programme and scorer
(Gale-Church lengths, shared numbers, names, code and links), with priors for sentences; a
translator's ``# sentences:`` comment wins when it fits the texts.
"""

from __future__ import annotations

from typing import Mapping, NamedTuple

from diglot.align.anchors import span_keys
from diglot.align.dp import best_path
from diglot.align.scoring import Scorer, length_cost
from diglot.source.inline import Span, spans
from diglot.sentences import override
from diglot.sentences.segment import Sentence, split_spans

# -log of Gale & Church's (1993) sentence-bead frequencies: 1-1 0.89, 1-0 and 0-1 0.0099
# together, 2-1 and 1-2 0.089 together, 2-2 0.011. The wider merges (Verne's 1873 translator
# made one sentence of five) cost enough that bench/sentences.py's gold set is unchanged.
PRIORS = {(1, 1): 0.12, (1, 2): 3.1, (2, 1): 3.1, (1, 0): 3.0, (0, 1): 3.0, (2, 2): 4.5,
          (3, 1): 7.0, (1, 3): 7.0, (4, 1): 7.5, (5, 1): 7.5}
MOVES = tuple(PRIORS)
REWARD = 4.0  # cost saved by a link whose anchors all agree
RATIO = 0.87  # English characters per French one in the corpus (python-docs-fr, 22,000 pairs)
SENTENCE_BAND = 16  # columns either side of the diagonal (wider when the path needs it)
DIAGONAL_COST = 2.0  # a pair's length cost (-log probability) up to which it is "expected"


class Link(NamedTuple):
    """French sentences ``fr[0]:fr[1]`` linked with English sentences ``en[0]:en[1]``
    (0-based, end excluded; an empty range is a sentence with no counterpart), and where
    they stand in each plain text (``start:end``; empty at the place, for an empty side)."""

    fr: tuple[int, int]
    en: tuple[int, int]
    fr_offsets: tuple[int, int]
    en_offsets: tuple[int, int]


def link(fr_text: str, en_text: str, override_value: str | None = None, *,
         whole: bool = False, langs: tuple[str, str] = ("fr", "en"),
         references: Mapping | None = None) -> tuple[Link, ...]:
    """The links between the sentences of two segments' inline Markdown. ``whole`` for
    headings and list items (one sentence each); ``override_value`` is the value of the
    entry's ``# sentences:`` comment, used when it fits. No links when a side is empty."""
    return link_spans(spans(fr_text, references), spans(en_text, references), override_value,
                      whole=whole, langs=langs)


def link_spans(fr_spans: list[Span], en_spans: list[Span], override_value: str | None = None,
               *, whole: bool = False, langs: tuple[str, str] = ("fr", "en")
               ) -> tuple[Link, ...]:
    """``link`` for spans a builder has already parsed (``inline.spans``)."""
    fr = split_spans(fr_spans, langs[0], whole=whole)
    en = split_spans(en_spans, langs[1], whole=whole)
    if not fr or not en:
        return ()
    groups = _override(override_value, len(fr), len(en))
    if groups is None:
        groups = align(fr_spans, fr, en_spans, en)
    return tuple(Link(f, e, _offsets(fr, f), _offsets(en, e)) for f, e in groups)


def _override(text: str | None, fr_count: int, en_count: int):
    if text is None:
        return None
    try:
        links = override.parse(text)
        override.check_fits(links, fr_count, en_count)
    except override.OverrideError:  # `diglot check` says so; the aligner decides meanwhile
        return None
    return links


def align(fr_spans: list[Span], fr: tuple[Sentence, ...], en_spans: list[Span],
          en: tuple[Sentence, ...]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The best links of the sentences, as (French range, English range) pairs."""
    # One French sentence goes with all the English: a translator splits a sentence far
    # more often than adding one, and lengths cannot tell which short English sentence
    # is the added one ("— Tout de suite." was linked to "Only I warn you…", not to "At
    # once."). One English sentence against two French ones may leave one untranslated.
    if len(fr) == 1 or len(en) == 1 and len(fr) != 2:
        return [((0, len(fr)), (0, len(en)))]
    if len(fr) == len(en) and _plausible_diagonal(fr, en):
        return [((k, k + 1), (k, k + 1)) for k in range(len(fr))]
    scorer = Scorer.of_units(_units(fr_spans, fr), _units(en_spans, en), PRIORS, RATIO, REWARD)
    # The band doubles while the path runs along its edge (dp), never past MAX_CELLS: the
    # whole matrix of a paragraph of thousands of sentences was quadratic.
    path = best_path(scorer.cost, len(fr), len(en), MOVES, band=SENTENCE_BAND)
    return [((i, i + a), (j, j + b)) for i, a, j, b in path]


def _plausible_diagonal(fr: tuple[Sentence, ...], en: tuple[Sentence, ...]) -> bool:
    """As many sentences on each side, each pair of about the expected length: the
    programme would link them one to one (it did on all but a few in a thousand of the
    corpus's pairs, bench/sentences.py), so its cost is spared, most of the linking time."""
    fr_sizes, en_sizes = [s.end - s.start for s in fr], [s.end - s.start for s in en]
    ratio = max(sum(en_sizes), 1) / max(sum(fr_sizes), 1)
    return all(length_cost(f, e, ratio) <= DIAGONAL_COST for f, e in zip(fr_sizes, en_sizes))


def _units(items: list[Span], sentences: tuple[Sentence, ...]) -> list[tuple[int, set[str]]]:
    return [(s.end - s.start, span_keys(_cut(items, s.start, s.end))) for s in sentences]


def _cut(items: list[Span], start: int, end: int) -> list[Span]:
    """The spans covering plain-text ``start:end``, the first and last ones trimmed."""
    out, pos = [], 0
    for span in items:
        lo, hi = max(start - pos, 0), min(end - pos, len(span.text))
        if lo < hi:
            out.append(span if (lo, hi) == (0, len(span.text)) else
                       Span(span.text[lo:hi], span.bold, span.italic, span.code, span.href,
                            link_title=span.link_title))
        pos += len(span.text)
    return out


def _offsets(sentences: tuple[Sentence, ...], group: tuple[int, int]) -> tuple[int, int]:
    start, end = group
    if start < end:
        return sentences[start].start, sentences[end - 1].end
    at = sentences[start].start if start < len(sentences) else sentences[-1].end
    return at, at
