"""Passage anchors that survive edits: each template entry carries its passage's anchor as an
extracted comment (``#. anchor: p-3f2a9c1b7e``), and ``update`` hands an edited passage the
anchor of the text it came from (exact, whitespace-or-quote-only, or similar enough), so a
link to ``page.html#p-3f2a9c1b7e`` still lands on that passage after the author reworded it
or inserted text before it. A new passage's anchor is a hash of its first French text: a
build before any update, and links made before anchors were kept, agree with it.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Iterable

from diglot.catalog.pieces import loose_key
from diglot.po.model import Catalog, Entry

PREFIX = "anchor: "


def text_anchor(text: str) -> str:
    """The anchor a passage gets when it first appears: from its French text alone."""
    return "p-" + hashlib.blake2b(text.encode("utf-8"), digest_size=5).hexdigest()


def anchor_of(entry: Entry) -> str | None:
    """The anchor an entry carries, if any."""
    for comment in entry.extracted_comments:
        if comment.startswith(PREFIX):
            return comment[len(PREFIX):].strip() or None
    return None


def anchored(pot: Catalog, old: Iterable[Entry], threshold: float) -> Catalog:
    """The template with an anchor on every entry: an old entry's where the text is the
    same, alike but for spaces and quotes, or similar (one-to-one, best first); else new."""
    known = [(e.msgid, a) for e in old if e.msgid and not e.obsolete and (a := anchor_of(e))]
    chosen = _carried(pot.entries, known, threshold)
    taken = set(chosen.values())
    entries = []
    for i, entry in enumerate(pot.entries):
        anchor = chosen.get(i) or _fresh(entry.msgid, taken)
        entries.append(_with_anchor(entry, anchor))
    return replace(pot, entries=entries)


def _carried(entries: list[Entry], known: list[tuple[str, str]], threshold: float) -> dict[int, str]:
    """Template index → the old anchor it keeps."""
    chosen: dict[int, str] = {}
    picked: dict[int, int] = {}  # template index → old index, for the edits in place
    free = dict(enumerate(known))
    for key in (lambda t: t, loose_key):  # the same text first, then spacing and quotes
        by_key = {}
        for j, (text, _) in free.items():
            by_key.setdefault(key(text), j)
        for i, entry in enumerate(entries):
            j = by_key.get(key(entry.msgid)) if i not in chosen else None
            if j is not None and j in free:
                chosen[i], picked[i] = free.pop(j)[1], j
    _halves_and_joins(entries, free, chosen)
    from diglot.catalog import fuzzy, in_place  # rapidfuzz: only update carries anchors over

    todo = [i for i in range(len(entries)) if i not in chosen]
    pool = list(free)
    pairs = fuzzy.match([entries[i].msgid for i in todo], [free[j][0] for j in pool], threshold)
    for k, (p, _score) in pairs.items():
        chosen[todo[k]], picked[todo[k]] = free.pop(pool[p])[1], pool[p]
    # A passage reworded where it stands keeps its anchor as it keeps its translation (the
    # merge's rule; a translator's review: the translation followed, the anchor did not).
    texts = [text for text, _ in known]
    for i, j in list(in_place.pairs([e.msgid for e in entries], texts, picked, list(free),
                                    in_place.floor(threshold))):
        if i not in chosen and j in free:  # (a half of a cut paragraph is chosen, not picked)
            chosen[i] = free.pop(j)[1]
    return chosen


def _halves_and_joins(entries: list[Entry], free: dict, chosen: dict[int, str]) -> None:
    """A paragraph cut in two keeps its anchor on its first half, and paragraphs joined
    keep the first one's: a link to the paragraph lands where it starts (by likeness alone
    the longer half, or the longer paragraph, would take it)."""
    open_ = [i for i in range(len(entries)) if i not in chosen]
    if not open_ or not free:
        return
    keys = {i: loose_key(entries[i].msgid) for i in open_}  # each text keyed once
    old = {j: loose_key(text) for j, (text, _) in free.items()}
    whole = {key: j for j, key in old.items()}
    for i in open_:
        j = whole.get(keys[i] + keys[i + 1]) if i + 1 in keys and i in keys else None
        if j is not None and j in free:
            chosen[i] = free.pop(j)[1]
            del keys[i]
    order = sorted(free)
    pairs = {old[a] + old[b]: a for a, b in zip(order, order[1:])}
    for i, key in keys.items():
        a = pairs.get(key) if i not in chosen else None
        if a is not None and a in free:
            chosen[i] = free.pop(a)[1]


def _fresh(text: str, taken: set[str]) -> str:
    anchor, n = text_anchor(text), 2
    while anchor in taken:  # a new passage written like one whose anchor moved elsewhere
        anchor, n = f"{text_anchor(text)}-{n}", n + 1
    taken.add(anchor)
    return anchor


def _with_anchor(entry: Entry, anchor: str) -> Entry:
    comments = [c for c in entry.extracted_comments if not c.startswith(PREFIX)]
    return replace(entry, extracted_comments=(*comments, PREFIX + anchor))
