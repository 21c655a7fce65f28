"""The ``length-ratio`` and ``dropped-sentence`` checks: lengths against the file's own rhythm.

English runs shorter or longer than French depending on the text; the usual ratio is the
median of the file's long translated segments, so a check only flags what stands out there.
Short segments are never judged: "Oui." against "Yes, indeed." says nothing.
"""

from __future__ import annotations

import statistics

from diglot.checks import sentences
from diglot.checks.excerpt import whole
from diglot.checks.model import Pair, Problem

SAMPLED = 40       # French characters (as shown) a segment needs to count in the usual ratio
LONG = 80          # … to have its own ratio judged
DROP_LONG = 150    # … for a missing sentence to show in its length
FAR = 2.5          # length-ratio: beyond usual × FAR or below usual / FAR
DROPPED = 0.75     # dropped-sentence: fewer sentences and below usual × DROPPED
SHORTER = 0.95     # … or a sentence linked to nothing and below usual × SHORTER: 33 of the
                   # corpus's 19,449 entries, 34 of Verne's 1,808 (the 1873 translation
                   # leaves sentences out), nearly all a sentence the English lacks
MIN_SAMPLE = 5     # long segments needed to know a file's usual ratio


def usual_ratio(pairs: list[Pair]) -> float | None:
    """The median English/French length ratio of the long segments, if there are enough."""
    ratios = [p.ratio for p in pairs if len(p.fr.shown) >= SAMPLED]
    return statistics.median(ratios) if len(ratios) >= MIN_SAMPLE else None


def check_length_ratio(pair: Pair) -> list[Problem]:
    """A long segment whose English is far shorter or longer than the file's usual."""
    usual = pair.usual
    if usual is None or len(pair.fr.shown) < LONG or _dropped(pair):
        return []
    if usual / FAR <= pair.ratio <= usual * FAR:
        return []
    return [Problem(f"length ratio {pair.ratio:.2f} is far from this file's usual {usual:.2f}",
                    whole(pair.en.shown))]


def check_dropped_sentence(pair: Pair) -> list[Problem]:
    """A French sentence with no English counterpart: fewer English sentences and an
    English far shorter than usual, or one the sentence aligner links to nothing while the
    English is shorter than usual (one sentence of five leaves some 80% of the length; a
    QA lead's plants: 1 in 6 caught by the length alone)."""
    if _dropped(pair):
        fr, en = sentences.count(pair.fr, "fr"), sentences.count(pair.en, "en")
        return [Problem(f"{fr} sentences in French, {en} in English, and the English is "
                        f"{pair.ratio / pair.usual:.0%} of this file's usual length")]
    if pair.usual is None or pair.ratio >= pair.usual * SHORTER or pair.whole:
        return []
    lonely = sentences.unlinked(pair)
    if not lonely:
        return []
    return [Problem(f"{_few(lonely)} in French {'has' if len(lonely) == 1 else 'have'} no "
                    f"counterpart in the English, which is {pair.ratio / pair.usual:.0%} of "
                    "this file's usual length", whole(lonely[0]))]


def _few(texts: list[str]) -> str:
    return "a sentence" if len(texts) == 1 else f"{len(texts)} sentences"


def _dropped(pair: Pair) -> bool:
    if pair.usual is None or len(pair.fr.shown) < DROP_LONG or pair.ratio >= pair.usual * DROPPED:
        return False
    return sentences.count(pair.en, "en") < sentences.count(pair.fr, "fr")


def check_sentences(pair: Pair) -> list[Problem]:
    """A translator's ``# sentences:`` comment that no longer fits the texts (the aligner
    links the sentences meanwhile)."""
    problem = sentences.stale_override(pair)
    return [Problem(problem)] if problem else []
