"""French numbers matched one-to-one with English numbers (numbers as multisets, not sets).

A figure of the French needs its own English counterpart: "50 g de farine et 50 g d'eau"
against "5 g of flour and 50 g of water" leaves one 50 unmatched. The match is a maximum
bipartite matching (augmenting paths). Spelled-out numbers on either side are counterparts
only: never reported missing or extra; those left unmatched on both sides are kept apart
(``loose_fr``, ``loose_en``) for the ``spelled-numbers`` check.
"""

from __future__ import annotations

from dataclasses import dataclass

from diglot.checks.numbers import Number, read


@dataclass(frozen=True)
class Matched:
    """The numbers of both sides and what stays unmatched: French figures (missing or
    changed) and English figures (extra)."""

    fr: list[Number]
    en: list[Number]
    missing: list[Number]
    extra: list[Number]
    # Spelled-out numbers left unmatched on each side ("cinq" against "eight"): never missing
    # or extra on their own, but a word on each side is a number that changed.
    loose_fr: tuple[Number, ...] = ()
    loose_en: tuple[Number, ...] = ()


def match(fr_text: str, en_text: str) -> Matched:
    fr, en = read(fr_text, french=True), read(en_text, french=False)
    owner = _Classes(fr, en).owners()  # English index -> French index
    matched_fr = set(owner.values())
    missing = [n for i, n in enumerate(fr) if i not in matched_fr and not n.optional]
    free = [j for j in range(len(en)) if j not in owner]
    missing = [n for n in missing if not _parts_found(n, en, free)]
    extra = [en[j] for j in free if not en[j].optional]
    renamed = _renamed([n for i, n in enumerate(fr) if i not in matched_fr], [en[j] for j in free])
    missing += [n for n, _ in renamed]
    extra += [m for _, m in renamed]
    loose_fr = tuple(n for i, n in enumerate(fr) if i not in matched_fr and _spelled(n))
    loose_en = tuple(en[j] for j in free if _spelled(en[j]))
    return Matched(fr, en, missing, extra, loose_fr, loose_en)


def _renamed(fr: list[Number], en: list[Number]) -> list[tuple[Number, Number]]:
    """Names with a figure left unmatched on both sides under the same letters: "ligne T6"
    against "T7 line" is a changed name, though a name alone is never required."""
    pairs, taken = [], set()
    for number in (n for n in fr if n.optional and n.name):
        other = next((k for k, m in enumerate(en) if k not in taken and m.optional
                      and m.name == number.name), None)
        if other is not None:
            taken.add(other)
            pairs.append((number, en[other]))
    return pairs


def _spelled(number: Number) -> bool:
    """A number written as a word that only counts ("cinq", "eighth"; see ``spelled``)."""
    return number.counting


class _Classes:
    """The maximum matching, found between classes of numbers rather than numbers: numbers
    written alike (same values, scale, name, optional or not) are interchangeable, so a
    thousand 5s against a thousand 5s are two classes, not a million pairs to search (a
    segment of 2,000 such numbers took minutes). Kuhn's augmenting paths run over classes
    with counts; each French class's members are matched in reading order, required
    numbers before optional ones."""

    def __init__(self, fr: list[Number], en: list[Number]) -> None:
        self.fr_members = _grouped(sorted(range(len(fr)), key=lambda i: fr[i].optional), fr)
        self.en_members = _grouped(range(len(en)), en)
        self.fr_rep = [fr[m[0]] for m in self.fr_members]
        self.en_rep = [en[m[0]] for m in self.en_members]
        # Pairs made, both ways: French class → {English class: count}, and back.
        self.taking: list[dict[int, int]] = [{} for _ in self.fr_members]
        self.held_by: list[dict[int, int]] = [{} for _ in self.en_members]
        self.edges = {alike: self._edges(alike) for alike in (True, False)}

    def owners(self) -> dict[int, int]:
        self._same_first()
        # Like with like first (figure with figure, word with word), then across: "4 espaces…
        # quatre espaces" against "5 spaces… four spaces" must not pair 4 with "four". An
        # augmenting path moves what is held, never drops it.
        for alike in (True, False):
            for c, members in enumerate(self.fr_members):
                while self._held(c) < len(members) and self._augment(c, alike):
                    pass
        return self._members()

    def _held(self, c: int) -> int:
        return sum(self.taking[c].values())

    def _same_first(self) -> None:
        """Figures written alike on both sides, paired first (no search); words wait: a word
        ("deux") paired early could take the counterpart a figure needs."""
        by_key = {_key(rep): e for e, rep in enumerate(self.en_rep) if not rep.optional}
        for c, rep in enumerate(self.fr_rep):
            e = by_key.get(_key(rep)) if not rep.optional else None
            if e is not None:
                self._move(c, e, min(len(self.fr_members[c]), self._free(e)))

    def _edges(self, alike: bool) -> list[list[int]]:
        """Per French class, the English classes it may be paired with (found by value)."""
        by_value: dict = {}
        for e, rep in enumerate(self.en_rep):
            for value in rep.values | rep.scaled:
                by_value.setdefault(value, []).append(e)
        return [sorted({e for v in rep.values | rep.scaled for e in by_value.get(v, ())
                        if _fits(rep, self.en_rep[e], alike)}) for rep in self.fr_rep]

    def _free(self, e: int) -> int:
        return len(self.en_members[e]) - sum(self.held_by[e].values())

    def _move(self, c: int, e: int, n: int) -> None:
        """French class ``c`` takes ``n`` more members of English class ``e`` (or gives
        them up, ``n`` negative)."""
        for table, key, other in ((self.taking, c, e), (self.held_by, e, c)):
            count = table[key].get(other, 0) + n
            if count:
                table[key][other] = count
            else:
                table[key].pop(other, None)

    def _augment(self, start: int, alike: bool) -> bool:
        """One more pair for French class ``start``: a free English member of a class it
        fits, or one held by a French class that can move to another (an augmenting path
        over classes, walked with a stack of its own)."""
        edges, seen_en, seen_fr = self.edges[alike], set(), {start}
        stack = [(start, self._moves(start, edges, seen_en, seen_fr))]
        path: list[tuple[int, int]] = []  # (French class, the English class it takes)
        while stack:
            c, moves = stack[-1]
            step = next(moves, None)
            if step is None:
                stack.pop()
                if path:
                    path.pop()
                continue
            e, holder = step
            if holder is None:  # a free member: the path is found
                for k, (french, english) in enumerate(path + [(c, e)]):
                    self._move(french, english, 1)
                    if k < len(path):
                        self._move(path[k + 1][0] if k + 1 < len(path) else c, english, -1)
                return True
            seen_fr.add(holder)
            path.append((c, e))
            stack.append((holder, self._moves(holder, edges, seen_en, seen_fr)))
        return False

    def _moves(self, c: int, edges, seen_en: set, seen_fr: set):
        """Where French class ``c`` may take a member: (English class, None) when one is
        free, else (English class, the French class holding one) to move that one on."""
        for e in edges[c]:
            if e in seen_en:
                continue
            seen_en.add(e)
            if self._free(e):
                yield e, None
                return
            for holder in list(self.held_by[e]):
                if holder != c and holder not in seen_fr:
                    yield e, holder

    def _members(self) -> dict[int, int]:
        """English index → French index: each class's pairs given to its members in order."""
        fr_next = [iter(m) for m in self.fr_members]
        en_next = [iter(m) for m in self.en_members]
        owner = {}
        for c, taken in enumerate(self.taking):
            for e, n in sorted(taken.items()):
                for _ in range(n):
                    owner[next(en_next[e])] = next(fr_next[c])
        return owner


def _grouped(indexes, numbers: list[Number]) -> list[list[int]]:
    """Indexes of numbers written alike, class by class in order of first appearance."""
    groups: dict[tuple, list[int]] = {}
    for i in indexes:
        groups.setdefault(_key(numbers[i]), []).append(i)
    return list(groups.values())


def _key(number: Number) -> tuple:
    return number.values, number.optional, number.scaled, number.name


def _fits(french: Number, english: Number, alike: bool) -> bool:
    return french.may_be(english) and not (
        alike and (french.optional != english.optional or not french.alike(english)))


def _parts_found(number: Number, en: list[Number], free: list[int]) -> bool:
    """"12 250" read as 12 then 250 when the English has both, each once (claims them)."""
    if len(number.parts) < 2:
        return False
    claimed = []
    for part in number.parts:
        j = next((j for j in free if j not in claimed and part & en[j].values), None)
        if j is None:
            return False
        claimed.append(j)
    for j in claimed:
        free.remove(j)
    return True
