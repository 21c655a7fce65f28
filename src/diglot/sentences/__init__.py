"""Sentences inside each segment and its translation, for reading side by side: the
segmenter (``segment``), the linker (``link``, on ``diglot align``'s dynamic programme) and
the translator's ``# sentences:`` comment that overrides it (``override``).

A builder calls ``link(fr_text, en_text, pair.sentences, whole=...)`` and gets the links
with plain-text offsets to cut its styled spans at; ``override_problem`` says whether a
comment still fits its texts (for ``diglot check``).
"""

from __future__ import annotations

from diglot.sentences.link import Link, link
from diglot.sentences.segment import Sentence, split
from diglot.sentences.problem import override_problem

__all__ = ["Link", "Sentence", "link", "override_problem", "split"]
