"""Sentences as the ``dropped-sentence`` and ``sentences`` checks see them: counted by diglot's
own segmenter (``diglot.sentences``, the one the HTML edition links sentences with), and a
translator's ``# sentences:`` comment held to the texts it was written for."""

from __future__ import annotations

from diglot.sentences import override
from diglot.sentences.problem import override_problem
from diglot.sentences.segment import split_spans


def count(side, lang: str) -> int:
    """Sentences in one side of a pair (0 for an empty text)."""
    return len(split_spans(side.spans, lang))


def stale_override(pair) -> str | None:
    """Why the entry's ``# sentences:`` comment no longer fits its texts (None if it fits,
    or if there is none)."""
    value = override.value(pair.comments)
    if value is None:
        return None
    return override_problem(pair.fr.markdown, pair.en.markdown, value, whole=pair.whole)
