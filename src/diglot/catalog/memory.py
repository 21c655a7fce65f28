"""Translation memory: a proposal for each segment that has no translation in its own PO file.

The memory holds translated French segments from elsewhere: the project's other PO files
(active and obsolete entries), the PO file's own obsolete entries, and the compendium files
named by the ``memory`` setting. A segment gets the best proposal at or above the threshold,
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
from diglot.po.model import Catalog, Entry

COMMENT = "memory:"
_BUDGET = 500  # index postings read per lookup (see fuzzy.Index.candidates)
# Among equally close proposals: the article's own past, then the project, then compendia.
OWN, PROJECT, PROJECT_OBSOLETE, COMPENDIUM = range(4)


@dataclass(frozen=True, slots=True)
class Unit:
    """One translated French segment the memory can propose."""

    msgid: str
    msgstr: str
    origin: str  # an article's slug, a compendium's path, or "" for the file's own entries
    rank: int = PROJECT


@dataclass(frozen=True, slots=True)
class Proposal:
    unit: Unit
    score: float

    def comment(self) -> str:
        exact = self.score >= 1.0
        percent = 100 if exact else min(99, round(self.score * 100))
        where = {OWN: "this file's obsolete entries", PROJECT: self.unit.origin,
                 PROJECT_OBSOLETE: f"{self.unit.origin} (obsolete)",
                 COMPENDIUM: self.unit.origin}[self.unit.rank]
        return f"{COMMENT} {percent}% from {where}"


def units_of(catalog: Catalog, origin: str, rank: int = PROJECT) -> list[Unit]:
    """The translated entries of a catalog (obsolete ones ranked after active ones)."""
    return [Unit(e.msgid, e.msgstr, origin, PROJECT_OBSOLETE if e.obsolete and rank == PROJECT
                 else rank)
            for e in catalog.entries if usable(e)]


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
    def index(self) -> fuzzy.Index:
        return fuzzy.Index(self.texts)

    def best(self, text: str, threshold: float, skip: str | None = None) -> Proposal | None:
        """The closest proposal for ``text``, ignoring units from ``skip`` (the file's own)."""
        exact = _choose(self.by_text.get(text, ()), skip)
        if exact is not None:
            return Proposal(exact, 1.0)
        found = None
        for i in self.index.candidates(text, _BUDGET) if self.texts else ():
            score = fuzzy.similarity(text, self.texts[i])
            unit = _choose(self.by_text[self.texts[i]], skip) if score >= threshold else None
            if unit is not None and (found is None or _better(score, unit, found)):
                found = Proposal(unit, score)
        return found


def _choose(units, skip: str | None) -> Unit | None:
    """Of the units sharing one French text: the most frequent translation, then the best
    ranked, then the first origin by name (deterministic)."""
    units = [u for u in units if u.origin != skip or u.rank == OWN]
    if not units:
        return None
    votes = Counter(u.msgstr for u in units)
    return min(units, key=lambda u: (-votes[u.msgstr], u.rank, u.origin, u.msgstr))


def _better(score: float, unit: Unit, found: Proposal) -> bool:
    return (-score, unit.rank, unit.origin) < (-found.score, found.unit.rank, found.unit.origin)


def propose(catalog: Catalog, shared: Memory, origin: str, threshold: float) -> tuple[Catalog, int]:
    """``catalog`` with a fuzzy proposal in each open entry that has one, and their count.
    ``origin`` names the catalog's own article, whose units the shared memory skips."""
    todo = [i for i, e in enumerate(catalog.entries) if is_open(e)]
    if not todo:
        return catalog, 0
    own = Memory(units_of(Catalog(None, catalog.obsolete), "", OWN))
    entries, count = list(catalog.entries), 0
    for i in todo:
        proposal = _best(entries[i].msgid, (own, shared), threshold, origin)
        if proposal is not None:
            entries[i], count = _proposed(entries[i], proposal), count + 1
    return (replace(catalog, entries=entries) if count else catalog), count


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
    previous = proposal.unit.msgid if proposal.unit.msgid != e.msgid else None
    return replace(e, msgstr=proposal.unit.msgstr, flags=("fuzzy", *(f for f in e.flags if f != "fuzzy")),
                   translator_comments=(*e.translator_comments, proposal.comment()),
                   previous_msgid=previous)


def is_proposal(e: Entry) -> bool:
    """A fuzzy entry memory filled (its comment says so)."""
    return e.fuzzy and any(c.startswith(COMMENT) for c in e.translator_comments)
