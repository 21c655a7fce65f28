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
from itertools import islice, takewhile

from diglot.catalog import pieces as cuts
from diglot.catalog.pieces import loose_key
from diglot.catalog.suggestions import kept_suggestion
from diglot.po.model import Catalog, Entry

_NEAR = 4  # old entries either side where a paragraph's other pieces are looked for

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
    plan.similar(threshold)
    plan.in_place(threshold)
    plan.split()
    return plan.result(purge_obsolete)


class _Plan:
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
        by_id = _first_by(self.old, lambda e: e.msgid if e.msgctxt is None else None)
        for i, t in self._open():
            j = by_id.get(t.msgid)
            if j is not None:
                self._take(i, j, _carry(t, self.old[j], self.old[j].flags, self.old[j].previous_msgid))

    def restored(self) -> None:
        """A fuzzy entry whose previous msgid is back: its translation fits again exactly.
        One that holds only a piece of that French (a paragraph cut in two, joined again)
        does not: the pieces' translations come back together, still fuzzy."""
        by_prev = _first_by(self.old, lambda e: e.previous_msgid if e.fuzzy else None, self.taken)
        for i, t in self._open():
            j = by_prev.get(t.msgid)
            if j is None or j in self.taken:
                continue
            o = self.old[j]
            if cuts.piece(o.msgid, t.msgid):
                text, comments = self._rejoined(j, t.msgid)
                entry = _carry(t, o, o.flags, o.msgid)
                self._take(i, j, replace(entry, msgstr=text, translator_comments=comments))
            elif cuts.piece(t.msgid, o.msgid) or self._cut_from_another(t.msgid, j):
                # A paragraph's piece back (cut again, or a half restored): its translation
                # was made for more than this French; a translator cuts it.
                self._take(i, j, _carry(t, o, o.flags, o.msgid))
            else:
                self._take(i, j, _carry(t, o, _without(o.flags, "fuzzy"), None))

    def _cut_from_another(self, french: str, j: int) -> bool:
        """Whether ``french`` is a piece of the old French of another fuzzy entry near ``j``:
        a half of a paragraph cut in two (its halves sit side by side), whose translation
        may still be the whole paragraph's. Only neighbours are read: a revert of every
        paragraph of a book would otherwise read the whole catalog once per paragraph."""
        key = loose_key(french)
        near = range(max(0, j - _NEAR), min(len(self.old), j + _NEAR + 1))
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
                    return cuts.joined([e.msgstr for e in run]), comments
        pieces = [e.msgstr for e in self.old if e.fuzzy and e.previous_msgid == whole]
        return max(pieces, key=len), self.old[j].translator_comments

    def loose(self) -> None:
        # a review's kept edit is never revived (an attack round's crafted row came back as a
        # finished translation): only the memory proposes it, fuzzy
        by_key = _first_by(self.old, lambda e: loose_key(e.msgid) if _useful(e)
                           and not kept_suggestion(e) else None, self.taken)
        for i, t in self._open():
            j = by_key.get(loose_key(t.msgid))
            if j is not None and j not in self.taken:
                o = self.old[j]
                self._take(i, j, _carry(t, o, o.flags, o.previous_msgid if o.fuzzy else None))

    def joined(self) -> None:
        """Paragraphs joined into one: a segment whose French is the French of two to four
        consecutive old segments, one after the other, gets all their translations joined
        and all their comments, fuzzy (a translator reads the seam), not the nearest one's."""
        todo = self._open()
        runs = self._runs() if todo else {}
        for i, t in todo:
            run = runs.get(loose_key(t.msgid)) or self._seamed_run(i, t.msgid)
            if run is None or any(j in self.taken for j in run):
                continue
            pieces = [self.old[j] for j in run]
            flags = ("fuzzy", *dict.fromkeys(f for e in pieces for f in _without(e.flags, "fuzzy")))
            # The old French is the pieces a blank line apart: a PO editor shows where they
            # met, and it is never the French again (a revert must not make it finished).
            entry = replace(_carry(t, pieces[0], flags, "\n\n".join(e.msgid for e in pieces)),
                            msgstr=cuts.pieces_joined(pieces),
                            translator_comments=tuple(dict.fromkeys(
                                c for e in pieces for c in e.translator_comments)))
            self._take(i, run[0], entry)
            self.taken.update(run)
            self.stats.fuzzy.append(entry)

    def _seamed_run(self, i: int, french: str) -> tuple[int, ...] | None:
        """The two to four old segments right after the one template entry ``i - 1`` took
        (or the first ones) whose French ``french`` is, edited at the seams (``seamed``)."""
        after = self.anchors.get(i - 1, -1) if i else -1
        if i and after < 0:
            return None
        # A plural or context entry is never a piece (its other forms would be lost).
        following = list(takewhile(lambda j: _plain(self.old[j]), islice(
            (j for j in range(after + 1, len(self.old)) if not self.old[j].obsolete), 4)))
        for end in range(2, len(following) + 1):
            run = tuple(following[:end])
            if not any(j in self.taken for j in run) and any(_useful(self.old[j]) for j in run) \
                    and cuts.seamed(french, [self.old[j].msgid for j in run]):
                return run
        return None

    def _runs(self) -> dict[str, tuple[int, ...]]:
        """The French of each run of two to four consecutive untaken active old segments,
        one of them at least translated: its loose key → the run (the first run wins)."""
        active = [j for j, e in enumerate(self.old) if not e.obsolete and j not in self.taken
                  and e.msgctxt is None and e.msgid_plural is None]
        keys = [loose_key(self.old[j].msgid) for j in active]
        found: dict[str, tuple[int, ...]] = {}
        for start in range(len(active)):
            for end in range(start + 2, min(len(active), start + 4) + 1):
                run = tuple(active[start:end])
                if any(_useful(self.old[j]) for j in run):
                    found.setdefault("".join(keys[start:end]), run)
        return found

    def similar(self, threshold: float) -> None:
        """The most similar old segment (active or obsolete), one-to-one, best first."""
        from diglot.catalog import fuzzy  # rapidfuzz: a build reads loose_key, never this

        todo = self._open()
        pool = [j for j, e in enumerate(self.old)
                if j not in self.taken and _useful(e) and not kept_suggestion(e)]
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
            if _useful(o) and o.msgctxt is None and o.msgid_plural is None:
                self._seed(i, j)

    def _seed(self, i: int, j: int) -> None:
        """Template entry ``i`` seeded, fuzzy, by old entry ``j``'s translation."""
        o = self.old[j]
        # A piece of its old French (a half) was never that French's translation.
        previous = o.previous_msgid if o.fuzzy and o.previous_msgid \
            and not cuts.piece(o.msgid, o.previous_msgid) else o.msgid
        entry = _carry(self.pot.entries[i], o, ("fuzzy", *_without(o.flags, "fuzzy")), previous)
        self._take(i, j, entry)
        self.stats.fuzzy.append(entry)

    def split(self) -> None:
        """A paragraph cut in two: the half that found no old entry gets the translation its
        neighbour got, fuzzy (the old French is the two halves, one after the other), so that
        the translator cuts the English instead of starting one half from nothing."""
        entries = self.pot.entries
        for i, t in self._open():
            for k in (i - 1, i + 1):
                seed = self.chosen.get(k)
                if seed is None or not seed.fuzzy or not _useful(seed):
                    continue
                texts = (entries[k].msgid, t.msgid) if k < i else (t.msgid, entries[k].msgid)
                if cuts.halves(seed.previous_msgid, *texts) or \
                        cuts.seamed(seed.previous_msgid, list(texts)):
                    entry = _carry(t, seed, seed.flags, seed.previous_msgid)
                    self.chosen[i] = entry
                    self.stats.fuzzy.append(entry)
                    break

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
            self.stats.purged = (len(gone), sum(1 for e in gone if _useful(e)))
            self.stats.obsoleted = 0
        self.stats.catalog = Catalog(self.header, active + obsolete)
        return self.stats


def _plain(entry: Entry) -> bool:
    return entry.msgctxt is None and entry.msgid_plural is None


def _first_by(entries: list[Entry], key, skip: set[int] = frozenset()) -> dict[str, int]:
    """key → index of the first entry with that key, active entries before obsolete ones."""
    found: dict[str, int] = {}
    for obsolete in (False, True):
        for j, e in enumerate(entries):
            k = key(e) if e.obsolete == obsolete and j not in skip else None
            if k is not None and k not in found:
                found[k] = j
    return found


def _carry(t: Entry, o: Entry, flags: tuple[str, ...], previous: str | None) -> Entry:
    """Template entry ``t`` holding old entry ``o``'s translation, comments and flags."""
    # Built directly rather than with dataclasses.replace: this runs once per segment.
    return Entry(t.msgid, o.msgstr, msgid_plural=o.msgid_plural, msgstr_plural=o.msgstr_plural,
                 translator_comments=o.translator_comments,
                 extracted_comments=t.extracted_comments, references=t.references, flags=flags,
                 previous_msgid=previous if "fuzzy" in flags else None)


def _first(e: Entry) -> str:
    return (e.msgstr_plural[0] if e.msgstr_plural else "") if e.msgid_plural is not None else e.msgstr


def _settled(e: Entry) -> Entry:
    """The entry as it reads back: the writer prints "fuzzy" only over a translation
    (msgcat's rule), so a "#|" left on an empty one would go at the next update."""
    return replace(e, previous_msgid=None) if e.previous_msgid is not None and not _first(e) else e


def _without(flags: tuple[str, ...], flag: str) -> tuple[str, ...]:
    return tuple(f for f in flags if f != flag)


def _useful(e: Entry) -> bool:
    return bool(e.msgstr or any(e.msgstr_plural))


def _worth_keeping(e: Entry) -> bool:
    """Anything a translator put there: a translation, a comment, a flag of their own."""
    return _useful(e) or bool(e.translator_comments) or bool(_without(e.flags, "fuzzy"))


def _obsolete(e: Entry) -> Entry:
    return replace(e, obsolete=True, references=(), extracted_comments=())
