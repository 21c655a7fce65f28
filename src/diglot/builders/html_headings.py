"""The ids Markdown authors link a heading by: ``## Le levain, un être vivant`` is
``#le-levain-un-être-vivant``, as GitHub, GitLab and most Markdown sites make them (lower
case, punctuation dropped, spaces as hyphens, a repeat numbered ``-1``, ``-2``…). A heading
row carries its id beside the passage's lasting anchor, so a link written for the Markdown
(``[voir](autre.md#le-levain-un-être-vivant)``, or ``#…`` within the article) lands on it.
"""

from __future__ import annotations

import re

from diglot.model import HEADING
from diglot.source.inline import plain_text

_DROPPED = re.compile(r"[^\w\- ]")
# Ids the page's own elements use: a heading's id never takes one of their shapes.
_RESERVED = re.compile(r"^(?:p-|fn-|fnref-|s-|text$|legend|notes|view-)")


def heading_ids(pairs, references) -> dict[int, str]:
    """Pair index → the id of each heading (a heading whose text leaves none gets none)."""
    seen: dict[str, int] = {}
    found = {}
    for index, pair in enumerate(pairs):
        if pair.block.kind != HEADING:
            continue
        base = slug(plain_text(pair.block.text, references))
        if not base or _RESERVED.match(base):
            continue
        count = seen.get(base, 0)
        seen[base] = count + 1
        found[index] = base if count == 0 else f"{base}-{count}"
    return found


def slug(text: str) -> str:
    return _DROPPED.sub("", text.strip().lower()).replace(" ", "-")
