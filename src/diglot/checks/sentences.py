"""How many sentences a segment has: the one question the ``dropped-sentence`` check asks.

Kept behind ``count`` so that a full sentence segmenter can take its place. A sentence ends
at ``.`` ``!`` ``?`` or ``…`` (closing quotes and brackets may follow) before a space and
something that is not a lowercase letter, unless the word before the point is an
abbreviation or an initial.
"""

from __future__ import annotations

import re

_END = re.compile(r"(\w*)([.!?…]+)(?:\s?[\"”»’')\]])*\s+(?=[^\s\W]|[\"“«‘(`\[*])(?![a-zà-ÿ])")
_ABBREVIATIONS = frozenset(
    "e.g i.e etc cf vs p ex al mr mrs ms dr st no nos fig figs vol ch eg ie resp env "
    "mme mlle m av apr jc hab".split())


def count(text: str) -> int:
    """Sentences in ``text`` (0 for an empty text)."""
    if not text.strip():
        return 0
    return 1 + sum(1 for m in _END.finditer(text.strip()) if not _abbreviation(m))


def _abbreviation(match: re.Match) -> bool:
    word, point = match.group(1), match.group(2)
    if point != ".":
        return False
    return len(word) == 1 and word.isalpha() or word.lower() in _ABBREVIATIONS
