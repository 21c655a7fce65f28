"""Dashes set apart by spaces, for ``typography``'s rule table: whether each one opens or
closes (dialogue, an incise, a closing dash before punctuation), read from the whole text
as quotes are, so that the no-break space goes on the side of the words it belongs to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from diglot.typography.engine import CLOSING, SPACES, Edit, quote_roles


@dataclass(frozen=True)
class Dashes:
    """A dash set apart by spaces stays with the words it opens or closes: ``— Oui``,
    ``le jardin — partagé — compte`` get a no-break ``space`` after an opening dash and
    before a closing one, so no line starts with ``—,`` or ends with ``—``. A dash opens
    at the start, after a sentence's end or a colon (dialogue), or as the first of a pair
    in a sentence; it closes before punctuation or as the second of a pair. Dashes between
    letters or figures (``1914–1918``) are left alone."""

    space: str
    marks: str = "—–"

    def edit(self, text: str, i: int) -> Edit | None:
        role = _dash_roles(text).get(i)
        if role is None:
            return None
        if role:
            k = i + 1
            while k < len(text) and text[k] in SPACES:
                k += 1
            return None if text[i + 1:k] == self.space or k == len(text) else (i + 1, k, self.space, i)
        j = i
        while j and text[j - 1] in SPACES:
            j -= 1
        return None if text[j:i] == self.space or not j else (j, i, self.space, i)


# An incise never runs past a line, nor past a sentence's end: a word (not an initial,
# "M. Dupont") ending with . ? ! or …, then a capital ("peut-être. Puis").
# (A word is read from its start only: a long run of letters is then scanned once.)
_RESET = re.compile(r"\n|(?:(?<![^\W\d_])[^\W\d_]{3,}|[\d)»”\"])[ \u00a0\u202f]*[.?!…]+\s+"
                    r"(?=[^\W\d_a-zß-ÿ]|[«“\"])")


@lru_cache(maxsize=4)
def _dash_roles(text: str) -> dict[int, bool]:
    """Each spaced dash's place → True (opens) or False (closes)."""
    roles: dict[int, bool] = {}
    open_incise, last = False, 0
    for found in re.finditer("[—–]", text):
        at = found.start()
        open_incise = open_incise and _RESET.search(text, last, at) is None
        last = at + 1
        before, after = _beside(text, at)
        # Not glued between two letters or figures, nor a range (10 – 20): what other rules
        # do around it (a space before ":") never changes that, so typesetting twice is
        # typesetting once.
        glued = 0 < at < len(text) - 1 and text[at - 1].isalnum() and text[at + 1].isalnum()
        # A speaker's line starts at the text's or a line's start, after « or a colon, or
        # after a sentence's end when a capital follows ("? — Oui"; not "etc. — puis").
        # Inside an incise, a dash after ? ! … closes it ("— ô surprise ! — Éloïse").
        starts = not before or before in "\n«“:" or before in ".?!…" and (
            after[:1].isupper() or after[:1] in "«“") and not (open_incise and before in "?!…")
        closing = not after or after in CLOSING + "»\n”"
        ranged = found.group() == "–" and before.isdigit() and after.isdigit()  # 10 – 20
        if glued or ranged or closing and starts:
            continue  # between words or figures, or with nothing to hold on to
        # A dash the author wrote against one word belongs to it, whatever the pairing
        # says: "enfin— chez" closes ("enfin — chez"), "vint —enfin" opens.
        leans = _leans(text, at)
        if leans is not None and not starts:
            roles[at], open_incise = leans, leans
        elif starts:
            roles[at], open_incise = True, False
        elif closing or open_incise:
            roles[at], open_incise = False, False
        else:
            roles[at], open_incise = True, True
    return roles


def _leans(text: str, at: int) -> bool | None:
    """True for a dash written against the word after it and apart from the word before
    (spaces between), False for the reverse, None for another: only words on both sides,
    so that what other rules put beside it (a quote, its space) never changes the answer."""
    before, after = _beside(text, at)
    if not (before.isalnum() and after.isalnum()):
        return None
    glued_before = _glue(text[at - 1])
    glued_after = at + 1 < len(text) and _glue(text[at + 1])
    return None if glued_before == glued_after else glued_after


def _glue(char: str) -> bool:
    """Whether a dash's neighbour ties it to the word there: a letter or figure, or a
    no-break space (this rule's own, on a text typeset before)."""
    return char.isalnum() or char in "\u00a0\u202f"


def _beside(text: str, at: int) -> tuple[str, str]:
    """The characters before and after ``text[at]``, spaces aside ("" at either end), a
    straight quote read as the guillemet the quotes rule makes of it."""
    j, k = at, at + 1
    while j and text[j - 1] in SPACES:
        j -= 1
    while k < len(text) and text[k] in SPACES:
        k += 1
    return _typeset_char(text, j - 1) if j else "", _typeset_char(text, k) if k < len(text) else ""


def _typeset_char(text: str, at: int) -> str:
    if text[at] != '"':
        return text[at]
    roles = quote_roles(text)
    return text[at] if roles is None else "«" if roles[at] else "»"
