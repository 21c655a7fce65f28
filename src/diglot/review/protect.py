"""What a reviewer's edit must never take out of a translation unnoticed: its images (by
source), its link addresses and its footnote calls. Word makes all three easy to lose (a
deleted picture source, an unlinked word, a deleted note call); an edit that loses one is
not applied but kept as a suggestion, for the translator to decide (see ``importer``)."""

from __future__ import annotations

from collections import Counter
from typing import Mapping
from urllib.parse import unquote

from diglot.source.inline import profile


def lost_markup(old: str, new: str, references: Mapping | None = None,
                source: str | None = None) -> list[str]:
    """What ``old`` carries and ``new`` does not, as short descriptions ("the image
    images/quai.jpg"); empty when nothing was lost. A footnote call the French ``source``
    no longer makes is the English's to drop too."""
    if not old:
        return []
    before, after = profile(old, references), profile(new, references)
    calls = before.notes if source is None else \
        [n for n in before.notes if n in profile(source, references).notes]
    lost = []
    for what, was, now in (("the image", before.images, after.images),
                           ("the link to", before.links, after.links),
                           ("the footnote call", calls, after.notes)):
        for value in sorted((Counter(was) - Counter(now)).elements()):
            shown = f"[^{value}]" if what == "the footnote call" else unquote(value)
            lost.append(f"{what} {shown}")
    return lost
