"""The French of segments as a translation sees it, and paragraphs in pieces: the key that
ignores spacing and quote style (``loose_key``), a paragraph cut in two or joined from
several (their translations put together), for ``merge`` and the translation memory.
"""

from __future__ import annotations

import re

from diglot.po.model import Catalog, Entry

_SPACES = re.compile(r"\s+")
# Not the backtick: in Markdown it marks code, so `x` → 'x' changes what the page shows
# (a translator's review: the entry stayed translated, its English still showing code).
_QUOTES = str.maketrans({c: '"' for c in "«»“”„‟〝〞＂"} | {c: "'" for c in "‘’‚‛′ʼ"})


def loose_key(text: str) -> str:
    """The text with whitespace removed and quote styles unified: equal keys mean a change
    a translation does not care about (a space before ``:``, ’ for ', NBSP for space)."""
    return _SPACES.sub("", text.translate(_QUOTES))


def piece(part: str, whole: str) -> bool:
    """Whether ``part`` is a piece of ``whole``'s French, not all of it."""
    part_key, whole_key = loose_key(part), loose_key(whole)
    return part_key != whole_key and part_key in whole_key


def joined(texts: list[str]) -> str:
    """Translations of consecutive pieces as one: the one that holds all the others (a
    half not cut yet), else all of them in order."""
    texts = [t for t in texts if t]
    whole = next((t for t in texts if all(other in t for other in texts)), None)
    return whole if whole is not None else " ".join(texts)


def pieces_joined(pieces: list[Entry]) -> str:
    """The translations of paragraphs joined into one, in order; pieces of one paragraph
    that still hold its whole translation give it once."""
    return " ".join(distinct(pieces))


def distinct(pieces: list[Entry]) -> list[str]:
    """The pieces' translations in order, a translation repeated by the pieces of one cut
    (fuzzy, from the same old French) given once (a code review: a paragraph cut in three,
    its first piece revised, then joined again came back "p1 W W")."""
    texts, seen = [], set()
    for entry in pieces:
        shared = (entry.msgstr, entry.previous_msgid) if entry.fuzzy and entry.previous_msgid \
            else None
        if entry.msgstr and (shared is None or shared not in seen):
            texts.append(entry.msgstr)
            seen.add(shared)
    return texts


def halves(old: str | None, first: str, second: str) -> bool:
    """Whether ``first`` then ``second`` are the old French ``old`` cut in two (whitespace
    and quote style aside)."""
    return bool(old and first.strip() and second.strip()) and \
        loose_key(old) == loose_key(first) + loose_key(second)


def seamed(whole: str | None, parts: list[str]) -> bool:
    """Whether ``whole`` is ``parts`` one after the other but for a few characters where
    they meet, as an author cuts or joins paragraphs: a comma made a full stop and a
    capital, a note call dropped. All of it near all of ``whole`` (95%, about the same
    length), and its first and last parts each near the stretch they stand for (80%):
    a reworded paragraph and a new short one after it are no cut."""
    from diglot.catalog.fuzzy import similarity as near  # rapidfuzz: a build never needs it

    keys, key = [loose_key(p) for p in parts], loose_key(whole or "")
    together = "".join(keys)
    if not key or not all(keys) or abs(len(together) - len(key)) > max(4, len(key) // 20):
        return False
    # The cutoffs let rapidfuzz stop early: two 420,000-character paragraphs took 15 s.
    return near(together, key, 0.95) >= 0.95 and near(keys[0], key[:len(keys[0])], 0.8) >= 0.8 \
        and near(keys[-1], key[-len(keys[-1]):], 0.8) >= 0.8


def split_halves(catalog: Catalog) -> set[str]:
    """The msgids of the fuzzy entries that hold, both alike, the translation of the one old
    paragraph they were cut from (see ``_Plan.split``)."""
    active, found = catalog.active, set()
    for a, b in zip(active, active[1:]):
        if a.fuzzy and b.fuzzy and a.msgstr == b.msgstr and a.previous_msgid == b.previous_msgid \
                and (halves(a.previous_msgid, a.msgid, b.msgid)
                     or seamed(a.previous_msgid, [a.msgid, b.msgid])):
            found |= {a.msgid, b.msgid}
    return found
