"""Translation memory: a proposal for each segment that has no translation in its own PO file.

The memory holds translated French segments from elsewhere: the project's other PO files
(active and obsolete entries), the PO file's own entries (obsolete ones, and its other
segments: a paragraph copied and reworded), and the compendium files named by the
``memory`` setting. A segment gets the best proposal at or above the threshold,
found with update's own matcher (``fuzzy.Index`` candidates scored by ``fuzzy.similarity``);
it becomes a fuzzy entry whose translator comment says how close it is and where it comes
from (``memory: 94% from other-article``), never a translation marked done. An entry whose
proposal a translator emptied keeps its comment, and gets no new proposal.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property

from diglot.catalog import fuzzy
from diglot.catalog.pieces import loose_key, split_halves
from diglot.po.model import Catalog, Entry

COMMENT = "memory:"
_BUDGET = 500  # index postings read per lookup (see fuzzy.Index.candidates)
_NEAR = 25  # entries either side of an open one whose translations it may take (``neighbours``)
# Among equally close proposals: the article's own past, then the project, then compendia,
# then the article's other segments (a paragraph copied and reworded, as msgmerge proposes).
OWN, PROJECT, PROJECT_OBSOLETE, COMPENDIUM, SIBLING = range(5)


@dataclass(frozen=True, slots=True)
class Unit:
    """One translated French segment the memory can propose."""

    msgid: str
    msgstr: str
    origin: str  # an article's slug, a compendium's path, or "" for the file's own entries
    rank: int = PROJECT
    # An obsolete entry's translator comments and flags: text moved from one article to
    # another takes them along (a note, an ignore, sentence links, no-wrap).
    notes: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Proposal:
    unit: Unit
    score: float
    others: int = 0  # other translations of the same French the memory holds

    def comment(self) -> str:
        exact = self.score >= 1.0
        percent = 100 if exact else min(99, round(self.score * 100))
        where = {OWN: "this file's obsolete entries", SIBLING: "this file",
                 PROJECT: self.unit.origin,
                 PROJECT_OBSOLETE: f"{self.unit.origin} (obsolete)",
                 COMPENDIUM: self.unit.origin}[self.unit.rank]
        told = f"; {self.others} other translation(s) of it elsewhere" if self.others else ""
        return f"{COMMENT} {percent}% from {where}{told}"


def units_of(catalog: Catalog, origin: str, rank: int = PROJECT) -> list[Unit]:
    """The translated entries of a catalog (obsolete ones ranked after active ones)."""
    return [Unit(e.msgid, e.msgstr, origin, PROJECT_OBSOLETE if e.obsolete and rank == PROJECT
                 else rank, *(kept(e) if e.obsolete and rank == PROJECT else ()))
            for e in catalog.entries if usable(e)]


def kept(e: Entry) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What an obsolete entry's translation takes along: its translator comments (not a
    memory comment of ours) and flags."""
    return (tuple(c for c in e.translator_comments if not c.startswith(COMMENT)),
            tuple(f for f in e.flags if f != "fuzzy"))


def usable(e: Entry) -> bool:
    return bool(e.msgid and e.msgstr) and not e.fuzzy and e.msgctxt is None and e.msgid_plural is None


class Memory:
    """Units indexed by their French: exact lookups by text, similar ones through the index
    (built on first use: a project where every open segment has an exact match never pays)."""

    def __init__(self, units: list[Unit]):
        self.by_text: dict[str, list[Unit]] = {}
        for unit in units:
            self.by_text.setdefault(unit.msgid, []).append(unit)
        self.texts = list(self.by_text)

    @cached_property
    def by_key(self) -> dict[str, list[Unit]]:
        """Units by ``loose_key``: French that differs only as update ignores (a no-break
        space, a quote's style) is the same French, at 100%."""
        found: dict[str, list[Unit]] = {}
        for text, units in self.by_text.items():
            found.setdefault(loose_key(text), []).extend(units)
        return found

    @cached_property
    def index(self) -> fuzzy.Index:
        return fuzzy.Index(self.texts)

    def best(self, text: str, threshold: float, skip: str | None = None) -> Proposal | None:
        """The closest proposal for ``text``, ignoring units from ``skip`` (the file's own)."""
        for units in (self.by_text.get(text, ()), self.by_key.get(loose_key(text), ())):
            exact = _choose(units, skip, 1.0)  # the same French, or with other spaces/quotes
            if exact is not None:
                return exact
        found = None
        for i in self.index.candidates(text, _BUDGET) if self.texts else ():
            score = fuzzy.similarity(text, self.texts[i], threshold)
            chosen = _choose(self.by_text[self.texts[i]], skip, score) if score >= threshold else None
            if chosen is not None and (found is None or _better(score, chosen.unit, found)):
                found = chosen
        return found


def _choose(units, skip: str | None, score: float) -> Proposal | None:
    """Of the units sharing one French text: the most frequent translation, then the best
    ranked, then the first origin by name (deterministic); the proposal says how many
    other translations there are (a translator chooses between them)."""
    units = [u for u in units if u.origin != skip or u.rank == OWN]
    if not units:
        return None
    votes = Counter(u.msgstr for u in units)
    best = min(units, key=lambda u: (-votes[u.msgstr], u.rank, u.origin, u.msgstr))
    return Proposal(best, score, len(votes) - 1)


def _better(score: float, unit: Unit, found: Proposal) -> bool:
    return (-score, unit.rank, unit.origin) < (-found.score, found.unit.rank, found.unit.origin)


def propose(texts: list[str], own: list[Unit], shared: Memory, origin: str,
            threshold: float, near: dict[str, tuple] | None = None) -> dict[str, Proposal]:
    """The best proposal for each of ``texts`` that has one: from ``own`` (the file's own
    obsolete entries), ``shared``, whose units from ``origin`` (the file's) are skipped, or
    ``near`` (the file's translated segments around each text, see ``neighbours``)."""
    memories = (Memory(own), shared) if own else (shared,)
    found = {}
    for text in texts:
        proposal = _best(text, memories, threshold, origin)
        sibling = _sibling(text, (near or {}).get(text, ()), threshold)
        if sibling is not None and (proposal is None or _better(sibling.score, sibling.unit, proposal)):
            proposal = sibling
        if proposal is not None:
            found[text] = proposal
    return found


def neighbours(catalog: Catalog) -> dict[str, tuple[tuple[str, str], ...]]:
    """For each open entry, the translated segments of its file within ``_NEAR`` entries of
    it: where a paragraph copied and reworded usually stands (the next paragraph, a list's
    or a table's next row). Read there only: a whole book's index cost a second."""
    active = [e for e in catalog.entries if not e.obsolete]
    found = {}
    for i, e in enumerate(active):
        if is_open(e):
            window = active[max(0, i - _NEAR):i + _NEAR + 1]
            found[e.msgid] = tuple((o.msgid, o.msgstr) for o in window if usable(o))
    return found


def _sibling(text: str, near, threshold: float) -> Proposal | None:
    best = None
    for msgid, msgstr in near:
        score = fuzzy.similarity(text, msgid, threshold)
        if score >= threshold and (best is None or score > best.score):
            best = Proposal(Unit(msgid, msgstr, "", SIBLING), score)
    return best


def apply(catalog: Catalog, proposals: dict[str, Proposal]) -> tuple[Catalog, int]:
    """``catalog`` with each open entry that has a proposal made a fuzzy entry holding it;
    a half of a paragraph cut in two takes an exact proposal instead of the whole old
    paragraph's translation (``pieces.split_halves``)."""
    entries, count = list(catalog.entries), 0
    halves = split_halves(catalog) if proposals else set()
    for i in _taking(entries, proposals, halves):
        entries[i], count = _proposed(entries[i], proposals[entries[i].msgid]), count + 1
    return (replace(catalog, entries=entries) if count else catalog), count


def _taking(entries: list[Entry], proposals: dict[str, Proposal], halves: set[str]) -> list[int]:
    """The entries a proposal fills: the open ones, and halves with an exact proposal, but
    never every half of one paragraph: the translator's own translation of it stays on
    the first (it would be nowhere in the file else, not even obsolete)."""
    taking, whole = [], {}
    for i, e in enumerate(entries):
        proposal = proposals.get(e.msgid)
        if e.msgid in halves and not e.obsolete:
            exact = proposal is not None and proposal.score >= 1.0
            whole.setdefault(e.previous_msgid, []).append((i, exact))
        elif proposal is not None and is_open(e):
            taking.append(i)
    for pieces in whole.values():
        exact = [i for i, full in pieces if full]
        taking += exact[1:] if len(exact) == len(pieces) else exact
    return sorted(taking)


def is_open(e: Entry) -> bool:
    """Active, empty, not plural, and no proposal of ours that a translator emptied."""
    return (not e.obsolete and e.msgid and not e.msgstr and e.msgid_plural is None
            and not any(c.startswith(COMMENT) for c in e.translator_comments))


def _best(text: str, memories, threshold: float, origin: str) -> Proposal | None:
    found = None
    for memory in memories:
        proposal = memory.best(text, threshold, origin)
        if proposal is not None and (found is None or _better(proposal.score, proposal.unit, found)):
            found = proposal
    return found


def _proposed(e: Entry, proposal: Proposal) -> Entry:
    previous = proposal.unit.msgid if loose_key(proposal.unit.msgid) != loose_key(e.msgid) else None
    unit = proposal.unit
    flags = dict.fromkeys(("fuzzy", *e.flags, *unit.flags))
    notes = dict.fromkeys((*e.translator_comments, *unit.notes))
    return replace(e, msgstr=unit.msgstr, flags=tuple(flags),
                   translator_comments=(*notes, proposal.comment()), previous_msgid=previous)
