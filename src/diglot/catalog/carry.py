"""How an old PO entry's work reaches a new one, for ``merge`` and ``merge_cuts``: its
translation, comments and flags carried onto a template entry, and the small facts about
entries both ask."""

from __future__ import annotations

from diglot.po.model import Entry


def plain(entry: Entry) -> bool:
    """Neither plural nor in a context: an entry that can be a paragraph's piece."""
    return entry.msgctxt is None and entry.msgid_plural is None


def first_by(entries: list[Entry], key, skip: set[int] = frozenset()) -> dict[str, int]:
    """key → index of the first entry with that key, active entries before obsolete ones."""
    found: dict[str, int] = {}
    for obsolete in (False, True):
        for j, e in enumerate(entries):
            k = key(e) if e.obsolete == obsolete and j not in skip else None
            if k is not None and k not in found:
                found[k] = j
    return found


def carry(t: Entry, o: Entry, flags: tuple[str, ...], previous: str | None) -> Entry:
    """Template entry ``t`` holding old entry ``o``'s translation, comments and flags."""
    # Built directly rather than with dataclasses.replace: this runs once per segment.
    return Entry(t.msgid, o.msgstr, msgid_plural=o.msgid_plural, msgstr_plural=o.msgstr_plural,
                 translator_comments=o.translator_comments,
                 extracted_comments=t.extracted_comments, references=t.references, flags=flags,
                 previous_msgid=previous if "fuzzy" in flags else None)


def without(flags: tuple[str, ...], flag: str) -> tuple[str, ...]:
    """The flags but ``flag``."""
    return tuple(f for f in flags if f != flag)


def useful(e: Entry) -> bool:
    """Whether the entry holds a translation."""
    return bool(e.msgstr or any(e.msgstr_plural))
