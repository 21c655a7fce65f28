"""Sentences as the ``dropped-sentence`` and ``sentences`` checks see them: counted by diglot's
own segmenter (``diglot.sentences``, the one the HTML edition links sentences with), and a
translator's ``# sentences:`` comment held to the texts it was written for."""

from __future__ import annotations

from diglot.sentences import override
from diglot.sentences.link import link_spans
from diglot.sentences.problem import override_problem
from diglot.sentences.segment import plain, split_spans

MIN_WORDS = 3  # a sentence shorter than this ("Oui.", "...") is a turn of phrase, not a loss


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


def unlinked(pair) -> list[str]:
    """The French sentences of at least MIN_WORDS words that the sentence aligner (the HTML
    edition's) links to no English sentence; none when a comment fixes the links."""
    if override.value(pair.comments) is not None:
        return []
    links = link_spans(pair.fr.spans, pair.en.spans)
    text = plain(pair.fr.spans)
    lonely = (text[link.fr_offsets[0]:link.fr_offsets[1]].strip() for link in links
              if link.en[0] == link.en[1] and link.fr[0] < link.fr[1])
    return [s for s in lonely if len(s.split()) >= MIN_WORDS]
