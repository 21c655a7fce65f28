"""The translator's own sentence links, written as a translator comment on the PO entry:

    # sentences: 1=1 | 2=2-3 | 3-4=4 | 5=-

Links are separated by ``|``, in order; each is ``FRENCH=ENGLISH``, a sentence number
(counted from 1 in each language), a range ``2-3``, or ``-`` for none. Together they cover
every sentence of both texts once, in order. This module reads such a comment and says
whether it still fits the texts.
"""

from __future__ import annotations

import re

from diglot.errors import CatalogError

PREFIX = "sentences:"
_SIDE = re.compile(r"^\s*(?:(\d+)(?:\s*-\s*(\d+))?|(-))\s*$")

Group = tuple[int, int]  # sentence indexes start:end, counted from 0, end excluded


class OverrideError(CatalogError):
    """A ``# sentences:`` comment that cannot be read, or does not fit its texts."""


def value(comments: tuple[str, ...]) -> str | None:
    """The last ``sentences:`` translator comment's value, if the entry has one."""
    found = None
    for comment in comments:
        if comment.strip().startswith(PREFIX):
            found = comment.strip()[len(PREFIX):].strip()
    return found


def parse(text: str) -> tuple[tuple[Group, Group], ...]:
    """The links of a comment's value (``1=1 | 2=2-3``; the ``sentences:`` prefix may stay),
    as (French group, English group) pairs, each group a 0-based range."""
    text = text.strip()
    if text.startswith(PREFIX):
        text = text[len(PREFIX):]
    links, next_fr, next_en = [], 0, 0
    for part in text.split("|"):
        fr, en = _halves(part)
        fr, en = _group(fr, next_fr, "French"), _group(en, next_en, "English")
        if fr[0] == fr[1] and en[0] == en[1]:
            raise OverrideError(f"'{part.strip()}' links nothing to nothing")
        links.append((fr, en))
        next_fr, next_en = fr[1], en[1]
    return tuple(links)


def _halves(part: str) -> tuple[str, str]:
    if part.count("=") != 1:
        raise OverrideError(f"'{part.strip()}' is not FRENCH=ENGLISH (e.g. 2=2-3)")
    fr, en = part.split("=")
    return fr, en


def _group(side: str, expected: int, language: str) -> Group:
    """A side as a range that must start where the previous link ended."""
    found = _SIDE.match(side)
    if found is None:
        raise OverrideError(f"'{side.strip()}' is not a {language} sentence number, "
                            "a range such as 2-3, or -")
    if found.group(3):
        return (expected, expected)
    if max(len(found.group(1)), len(found.group(2) or "")) > 9:
        raise OverrideError(f"{language} sentence number '{side.strip()}' is too large")
    first, last = int(found.group(1)), int(found.group(2) or found.group(1))
    if first != expected + 1 or last < first:
        raise OverrideError(f"{language} sentence {first} out of order: "
                            f"sentence {expected + 1} comes next")
    return (first - 1, last)


def check_fits(links: tuple[tuple[Group, Group], ...], fr_count: int, en_count: int) -> None:
    """Raise unless the links cover exactly ``fr_count`` and ``en_count`` sentences."""
    fr_end, en_end = (links[-1][0][1], links[-1][1][1]) if links else (0, 0)
    for language, covered, count in (("French", fr_end, fr_count), ("English", en_end, en_count)):
        if covered != count:
            raise OverrideError(f"the comment links {covered} {language} sentence(s) but the "
                                f"{language} has {count} now")
