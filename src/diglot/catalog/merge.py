"""Update a PO catalog from a fresh template without losing a translator's work.

For each template entry, in order: an exact msgid match keeps its translation and state; a
changed segment whose old text is only whitespace or quote style away keeps it without the
fuzzy flag; a reverted change restores it; paragraphs joined into one get their translations
joined; otherwise the most similar old segment (active or obsolete, one-to-one, best first),
or the one it replaced where it stands (``in_place``), seeds it as fuzzy with the old French
as ``#| msgid``.
Old entries nobody took become obsolete (``#~``) with their translation and comments.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from diglot.catalog import pieces as cuts
from diglot.catalog.carry import carry, first_by, useful, without
from diglot.catalog.merge_cuts import NEAR, Cuts
from diglot.catalog.pieces import loose_key
from diglot.catalog.suggestions import kept_suggestion
from diglot.po.model import Catalog, Entry

@dataclass
class MergeResult:
    catalog: Catalog
    fuzzy: list[Entry] = field(default_factory=list)  # entries this update made fuzzy
    new: int = 0
    obsoleted: int = 0
    revived: int = 0
    purged: tuple[int, int] = (0, 0)  # entries deleted for good (--purge-obsolete), translated


def merge(old: Catalog, pot: Catalog, threshold: float, purge_obsolete: bool = False) -> MergeResult:
    """``old`` updated to ``pot``'s entries; ``old.header`` is kept as it is."""
    plan = _Plan(old, pot)
    plan.exact()
    plan.restored()
    plan.loose()
    plan.joined()
    plan.cut()
    plan.similar(threshold)
    plan.in_place(threshold)
    plan.split()
    return plan.result(purge_obsolete)


class _Plan(Cuts):
    def __init__(self, old: Catalog, pot: Catalog):
        # Every entry but the header: one with a context may have an empty msgid.
        self.old = [e for e in old.entries if e.msgid or e.msgctxt is not None]
        self.pot = pot
        self.header = old.header
        self.chosen: dict[int, Entry] = {}  # template index → new entry
        self.taken: set[int] = set()  # indexes into self.old
        self.anchors: dict[int, int] = {}  # template index → the old entry it took
        self.stats = MergeResult(Catalog())

    def _open(self):
        return [(i, t) for i, t in enumerate(self.pot.entries) if i not in self.chosen]

    def _take(self, i: int, j: int, entry: Entry) -> None:
        self.chosen[i] = entry
        self.taken.add(j)
        self.anchors[i] = j
        if self.old[j].obsolete:
            self.stats.revived += 1

    def exact(self) -> None:
        by_id = first_by(self.old, lambda e: e.msgid if e.msgctxt is None else None)
        for i, t in self._open():
            j = by_id.get(t.msgid)
            if j is not None:
                self._take(i, j, carry(t, self.old[j], self.old[j].flags, self.old[j].previous_msgid))

    def restored(self) -> None:
        """A fuzzy entry whose previous msgid is back: its translation fits again exactly.
        One that holds only a piece of that French (a paragraph cut in two, joined again)
        does not: the pieces' translations come back together, still fuzzy."""
        by_prev = first_by(self.old, lambda e: e.previous_msgid if e.fuzzy else None, self.taken)
        for i, t in self._open():
            j = by_prev.get(t.msgid)
            if j is None or j in self.taken:
                continue
            o = self.old[j]
            if cuts.piece(o.msgid, t.msgid):
                text, comments = self._rejoined(j, t.msgid)
                entry = carry(t, o, o.flags, o.msgid)
                self._take(i, j, replace(entry, msgstr=text, translator_comments=comments))
            elif cuts.piece(t.msgid, o.msgid) or self._cut_from_another(t.msgid, j):
                # A paragraph's piece back (cut again, or a half restored): its translation
                # was made for more than this French; a translator cuts it.
                self._take(i, j, carry(t, o, o.flags, o.msgid))
            else:
                self._take(i, j, carry(t, o, without(o.flags, "fuzzy"), None))

    def _cut_from_another(self, french: str, j: int) -> bool:
        """Whether ``french`` is a piece of the old French of another fuzzy entry near ``j``:
        a half of a paragraph cut in two (its halves sit side by side), whose translation
        may still be the whole paragraph's. Only neighbours are read: a revert of every
        paragraph of a book would otherwise read the whole catalog once per paragraph."""
        key = loose_key(french)
        near = range(max(0, j - NEAR), min(len(self.old), j + NEAR + 1))
        return any(k != j and (e := self.old[k]).fuzzy and e.previous_msgid
                   and key != (whole := loose_key(e.previous_msgid)) and key in whole
                   for k in near)

    def _rejoined(self, j: int, whole: str) -> tuple[str, tuple[str, ...]]:
        """The translation of ``whole`` and the translator's comments, from the old entries
        next to ``j`` whose French makes it one after the other (their translations joined,
        or the one holding all the others); without such a run (or with ``j`` obsolete),
        the longest translation of a piece of it and ``j``'s comments."""
        active = [k for k, e in enumerate(self.old) if not e.obsolete]
        at, key = (active.index(j) if j in active else -1), loose_key(whole)
        for start in range(max(0, at - 3), at + 1) if at >= 0 else ():
            for end in range(at + 1, min(len(active), start + 4) + 1):
                run = [self.old[k] for k in active[start:end]]
                if "".join(loose_key(e.msgid) for e in run) == key:
                    comments = tuple(dict.fromkeys(c for e in run for c in e.translator_comments))
                    return cuts.joined(cuts.distinct(run)), comments
        pieces = [e.msgstr for e in self.old if e.fuzzy and e.previous_msgid == whole]
        return max(pieces, key=len), self.old[j].translator_comments

    def loose(self) -> None:
        # a review's kept edit is never revived (an attack round's crafted row came back as a
        # finished translation): only the memory proposes it, fuzzy
        by_key = first_by(self.old, lambda e: loose_key(e.msgid) if useful(e)
                           and not kept_suggestion(e) else None, self.taken)
        for i, t in self._open():
            j = by_key.get(loose_key(t.msgid))
            if j is not None and j not in self.taken:
                o = self.old[j]
                self._take(i, j, carry(t, o, o.flags, o.previous_msgid if o.fuzzy else None))

    def similar(self, threshold: float) -> None:
        """The most similar old segment (active or obsolete), one-to-one, best first."""
        from diglot.catalog import fuzzy  # rapidfuzz: a build reads loose_key, never this

        todo = self._open()
        pool = [j for j, e in enumerate(self.old)
                if j not in self.taken and useful(e) and not kept_suggestion(e)]
        pairs = fuzzy.match([t.msgid for _, t in todo], [self.old[j].msgid for j in pool], threshold)
        for k, (p, _score) in pairs.items():
            self._seed(todo[k][0], pool[p])

    def in_place(self, threshold: float) -> None:
        """Segments reworded where they stand, too far from their old French for
        ``similar`` (a short line): see ``catalog.in_place``."""
        from diglot.catalog import in_place  # rapidfuzz, as in ``similar``

        if len(self.chosen) == len(self.pot.entries):
            return
        free = [j for j, e in enumerate(self.old) if j not in self.taken and not e.obsolete]
        found = in_place.pairs([t.msgid for t in self.pot.entries], [e.msgid for e in self.old],
                               self.anchors, free, in_place.floor(threshold))
        for i, j in list(found):
            o = self.old[j]
            if useful(o) and o.msgctxt is None and o.msgid_plural is None:
                self._seed(i, j)

    def _seed(self, i: int, j: int) -> None:
        """Template entry ``i`` seeded, fuzzy, by old entry ``j``'s translation."""
        o = self.old[j]
        # A piece of its old French (a half) was never that French's translation.
        previous = o.previous_msgid if o.fuzzy and o.previous_msgid \
            and not cuts.piece(o.msgid, o.previous_msgid) else o.msgid
        entry = carry(self.pot.entries[i], o, ("fuzzy", *without(o.flags, "fuzzy")), previous)
        self._take(i, j, entry)
        self.stats.fuzzy.append(entry)

    def result(self, purge: bool) -> MergeResult:
        active = [_settled(self.chosen.get(i, t)) for i, t in enumerate(self.pot.entries)]
        self.stats.new = len(self.pot.entries) - len(self.chosen)
        leftovers = [e for j, e in enumerate(self.old) if j not in self.taken]
        kept_obsolete = [e for e in leftovers if e.obsolete]
        newly = [_obsolete(e) for e in leftovers if not e.obsolete and _worth_keeping(e)]
        self.stats.obsoleted = len(newly)
        obsolete = [] if purge else kept_obsolete + newly
        if purge:
            gone = kept_obsolete + newly
            self.stats.purged = (len(gone), sum(1 for e in gone if useful(e)))
            self.stats.obsoleted = 0
        self.stats.catalog = Catalog(self.header, active + obsolete)
        return self.stats


def _first(e: Entry) -> str:
    return (e.msgstr_plural[0] if e.msgstr_plural else "") if e.msgid_plural is not None else e.msgstr


def _settled(e: Entry) -> Entry:
    """The entry as it reads back: the writer prints "fuzzy" only over a translation
    (msgcat's rule), so a "#|" left on an empty one would go at the next update."""
    return replace(e, previous_msgid=None) if e.previous_msgid is not None and not _first(e) else e


def _worth_keeping(e: Entry) -> bool:
    """Anything a translator put there: a translation, a comment, a flag of their own."""
    return useful(e) or bool(e.translator_comments) or bool(without(e.flags, "fuzzy"))


def _obsolete(e: Entry) -> Entry:
    return replace(e, obsolete=True, references=(), extracted_comments=())
