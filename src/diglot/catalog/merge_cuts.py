"""Paragraphs cut or joined, for ``merge``: segments whose French is several old segments'
one after the other get all their translations joined; segments whose French is one old
segment's, cut in two to four, each get its translation; a half left with nothing gets its
neighbour's. Every such entry is fuzzy: a translator reads the seam or cuts the English.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import islice, takewhile

from diglot.catalog import pieces as cuts
from diglot.catalog.carry import carry, first_by, plain, useful, without
from diglot.catalog.pieces import loose_key
from diglot.catalog.suggestions import kept_suggestion

NEAR = 4  # old entries either side where a paragraph's other pieces are looked for


class Cuts:
    """The steps of ``merge._Plan`` that read paragraphs in pieces (its old entries, the
    template, what is taken and chosen: see ``_Plan``)."""

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
            flags = ("fuzzy", *dict.fromkeys(f for e in pieces for f in without(e.flags, "fuzzy")))
            # The old French is the pieces a blank line apart: a PO editor shows where they
            # met, and it is never the French again (a revert must not make it finished).
            entry = replace(carry(t, pieces[0], flags, "\n\n".join(e.msgid for e in pieces)),
                            msgstr=cuts.pieces_joined(pieces),
                            translator_comments=tuple(dict.fromkeys(
                                c for e in pieces for c in e.translator_comments)))
            self._take(i, run[0], entry)
            self.taken.update(run)
            self.stats.fuzzy.append(entry)

    def cut(self) -> None:
        """A paragraph cut in two to four: consecutive new segments whose French is one old
        segment's, one after the other (or cut at seams: see ``seamed``), each get its
        translation, fuzzy, its French as the old one (a translator's report: cut in three,
        no piece was near enough the whole for ``similar``, and the translation went
        obsolete)."""
        todo = [i for i, _ in self._open()]
        if len(todo) < 2 or len(self.taken) == len(self.old):
            return
        entries, free = self.pot.entries, set(todo)
        by_key = first_by(self.old, lambda e: loose_key(e.msgid) if useful(e) and plain(e)
                           and not kept_suggestion(e) else None, self.taken)
        for i in todo:
            run = list(takewhile(free.__contains__, range(i, i + 4)))  # open, in a row
            found = self._cut_from(run, by_key) if len(run) > 1 else None
            if found is not None:
                j, end = found
                old = self.old[j]
                flags = ("fuzzy", *without(old.flags, "fuzzy"))
                for k in run[:end]:
                    piece = carry(entries[k], old, flags, old.msgid)
                    if k == i:
                        self._take(k, j, piece)
                    else:  # the same old entry: taken (and revived) once
                        self.chosen[k], self.anchors[k] = piece, j
                    self.stats.fuzzy.append(piece)
                    free.discard(k)

    def _cut_from(self, run: list[int], by_key: dict[str, int]) -> tuple[int, int] | None:
        """(the old segment, how many of ``run`` it was cut into), the fewest pieces
        first: its French is theirs one after the other, or, for the untaken old segment
        right after the one the segment before the run took, theirs cut at seams."""
        texts = [self.pot.entries[k].msgid for k in run]
        key = loose_key(texts[0])
        after = self.anchors.get(run[0] - 1, -1) if run[0] else -1
        near = range(after + 1, min(len(self.old), after + 1 + NEAR))  # a bounded look
        nxt = next((j for j in near if not self.old[j].obsolete and j not in self.taken), None) \
            if not run[0] or after >= 0 else None
        for end in range(2, len(run) + 1):
            key += loose_key(texts[end - 1])
            j = by_key.get(key)
            if j is not None and j not in self.taken:
                return j, end
            if nxt is not None and useful(self.old[nxt]) and plain(self.old[nxt]) \
                    and cuts.seamed(self.old[nxt].msgid, texts[:end]):
                return nxt, end
        return None

    def _seamed_run(self, i: int, french: str) -> tuple[int, ...] | None:
        """The two to four old segments right after the one template entry ``i - 1`` took
        (or the first ones) whose French ``french`` is, edited at the seams (``seamed``)."""
        after = self.anchors.get(i - 1, -1) if i else -1
        if i and after < 0:
            return None
        # A plural or context entry is never a piece (its other forms would be lost).
        following = list(takewhile(lambda j: plain(self.old[j]), islice(
            (j for j in range(after + 1, len(self.old)) if not self.old[j].obsolete), 4)))
        for end in range(2, len(following) + 1):
            run = tuple(following[:end])
            if not any(j in self.taken for j in run) and any(useful(self.old[j]) for j in run) \
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
                if any(useful(self.old[j]) for j in run):
                    found.setdefault("".join(keys[start:end]), run)
        return found

    def split(self) -> None:
        """A paragraph cut in two: the half that found no old entry gets the translation its
        neighbour got, fuzzy (the old French is the two halves, one after the other), so that
        the translator cuts the English instead of starting one half from nothing."""
        entries = self.pot.entries
        for i, t in self._open():
            for k in (i - 1, i + 1):
                seed = self.chosen.get(k)
                if seed is None or not seed.fuzzy or not useful(seed):
                    continue
                texts = (entries[k].msgid, t.msgid) if k < i else (t.msgid, entries[k].msgid)
                if cuts.halves(seed.previous_msgid, *texts) or \
                        cuts.seamed(seed.previous_msgid, list(texts)):
                    entry = carry(t, seed, seed.flags, seed.previous_msgid)
                    self.chosen[i] = entry
                    self.stats.fuzzy.append(entry)
                    break
