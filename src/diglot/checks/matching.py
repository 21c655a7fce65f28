"""French numbers matched one-to-one with English numbers (numbers as multisets, not sets).

A figure of the French needs its own English counterpart: "50 g de farine et 50 g d'eau"
against "5 g of flour and 50 g of water" leaves one 50 unmatched. The match is a maximum
bipartite matching (augmenting paths). Spelled-out numbers on either side are counterparts
only: never reported missing or extra; those left unmatched on both sides are kept apart
(``loose_fr``, ``loose_en``) for the ``spelled-numbers`` check.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

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
    free = [j for j in free if not _parts_of(en[j], missing)]
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
    by_name: dict[str, list[Number]] = {}
    for m in reversed(en):
        if m.optional and m.name:
            by_name.setdefault(m.name, []).append(m)
    pairs = []
    for number in (n for n in fr if n.optional and n.name):
        if by_name.get(number.name):
            pairs.append((number, by_name[number.name].pop()))
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
        self.left = [len(m) for m in self.en_members]  # English members not taken yet
        self.held = [0] * len(self.fr_members)  # French members paired, per class
        self.by_key = self._index()
        self.free_from: dict[int, int] = {}  # a group of English classes → its first free one

    def owners(self) -> dict[int, int]:
        self._same_first()
        # Like with like first (figure with figure, word with word), then across: "4 espaces…
        # quatre espaces" against "5 spaces… four spaces" must not pair 4 with "four". An
        # augmenting path moves what is held, never drops it.
        for alike in (True, False):
            # English and French classes a failed search went through lead to no free
            # member until a pair is made: later searches skip them (each failure would
            # otherwise walk every pair made: cubic when many numbers are left over). A
            # class with no augmenting path never gets one later in the phase (Kuhn's
            # lemma), nor does one with the same counterparts (a thousand names glued to
            # a 5, left over).
            seen: tuple[set, set, dict] = (set(), set(), {})
            failed: set = set()
            for c, members in enumerate(self.fr_members):
                while self.held[c] < len(members) and self._reach(c, alike) not in failed:
                    if c in seen[1] or not self._augment(c, alike, seen):
                        failed.add(self._reach(c, alike))
                        break
                    seen = (set(), set(), {})
        return self._members()

    def _reach(self, c: int, alike: bool) -> tuple:
        """What decides a French class's counterparts (see ``_groups``)."""
        rep = self.fr_rep[c]
        return rep.values, rep.scaled, _look(rep) if alike else None

    def _same_first(self) -> None:
        """Figures written alike on both sides, paired first (no search); words wait: a word
        ("deux") paired early could take the counterpart a figure needs."""
        by_key = {_key(rep): e for e, rep in enumerate(self.en_rep) if not rep.optional}
        for c, rep in enumerate(self.fr_rep):
            e = by_key.get(_key(rep)) if not rep.optional else None
            if e is not None:
                self._move(c, e, min(len(self.fr_members[c]), self.left[e]))

    def _index(self) -> dict[tuple, list[int]]:
        """English classes in groups by what may pair them (``Number.may_be``, and for the
        first phase ``Number.alike`` and optional or not): a French class's counterparts
        are whole groups, read, never searched for or filtered."""
        groups: dict[tuple, list[int]] = {}
        for e, rep in enumerate(self.en_rep):
            kind = "scaled" if rep.scaled else "plain"
            keys = [(kind, v) for v in rep.values] + [("scale", s) for s in rep.scaled]
            keys += [("alike", s, *_look(rep)) for s in rep.scaled or rep.values]
            for key in keys:
                groups.setdefault(key, []).append(e)
        return groups

    def _groups(self, c: int, alike: bool) -> list[list[int]]:
        """The groups of English classes French class ``c`` may be paired with, in a fixed
        order (a class may be in two: the search skips what it has seen). Two numbers with
        scale words pair by their scaled values, any other two by their values."""
        rep = self.fr_rep[c]
        if alike:
            keys = [("alike", s, *_look(rep)) for s in _ordered(rep.scaled or rep.values)]
        elif rep.scaled:
            keys = [("plain", v) for v in _ordered(rep.values)] + \
                [("scale", s) for s in _ordered(rep.scaled)]
        else:
            keys = [(kind, v) for v in _ordered(rep.values) for kind in ("plain", "scaled")]
        return [group for key in keys if (group := self.by_key.get(key))]

    def _free_for(self, c: int, alike: bool, seen_en: set) -> int | None:
        """The first English class (in reading order) with a member left that ``c`` may
        take, read from each group's first class with one (classes only ever fill up:
        full ones are passed once)."""
        found = []
        for group in self._groups(c, alike):
            k = _skip(group, self.free_from, lambda e: not self.left[e])
            found += [next((e for e in islice(group, k, None)
                            if self.left[e] and e not in seen_en), None)]
        return min((e for e in found if e is not None), default=None)

    def _move(self, c: int, e: int, n: int) -> None:
        """French class ``c`` takes ``n`` more members of English class ``e`` (or gives
        them up, ``n`` negative)."""
        self.left[e] -= n
        self.held[c] += n
        for table, key, other in ((self.taking, c, e), (self.held_by, e, c)):
            count = table[key].get(other, 0) + n
            if count:
                table[key][other] = count
            else:
                table[key].pop(other, None)

    def _augment(self, start: int, alike: bool, seen: tuple[set, set, dict]) -> bool:
        """One more pair for French class ``start``: a free English member of a class it
        fits, or one held by a French class that can move to another (an augmenting path
        over classes, walked with a stack of its own). ``seen``: the English and French
        classes searched since the last pair was made."""
        seen_fr = seen[1]
        seen_fr.add(start)
        stack = [(start, self._moves(start, alike, seen))]
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
            stack.append((holder, self._moves(holder, alike, seen)))
        return False

    def _moves(self, c: int, alike: bool, seen: tuple[set, set, dict]):
        """Where French class ``c`` may take a member: (English class, None) when one is
        free, looked for first among all its classes (Kuhn's shortcut: walking into the
        first taken class made each pair cost a walk through all the pairs made), else
        (English class, the French class holding one) to move that one on. Each group is
        read from its first class not yet searched (a thousand French classes sharing one
        group of English ones would each reread it)."""
        seen_en, seen_fr, unseen_from = seen
        free = self._free_for(c, alike, seen_en)
        if free is not None:
            yield free, None
            return
        for group in self._groups(c, alike):
            k = 0
            while (k := max(k, _skip(group, unseen_from, seen_en.__contains__))) < len(group):
                e, k = group[k], k + 1
                if e in seen_en:
                    continue
                seen_en.add(e)
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


def _skip(group: list[int], marks: dict[int, int], passed) -> int:
    """The index of ``group``'s first class not ``passed``, from where the last call left
    it (``marks``: a group's id → that index; what is passed stays passed)."""
    k = marks.get(id(group), 0)
    while k < len(group) and passed(group[k]):
        k += 1
    marks[id(group)] = k
    return k


def _grouped(indexes, numbers: list[Number]) -> list[list[int]]:
    """Indexes of numbers written alike, class by class in order of first appearance."""
    groups: dict[tuple, list[int]] = {}
    for i in indexes:
        groups.setdefault(_key(numbers[i]), []).append(i)
    return list(groups.values())


def _key(number: Number) -> tuple:
    return number.values, number.optional, number.scaled, number.name


def _look(number: Number) -> tuple:
    """What numbers written alike share besides a value: a name, a scale word or none, and
    whether they are optional (words) or not (figures)."""
    return number.name, bool(number.scaled), number.optional


def _ordered(values) -> list:
    """A set of values in a fixed order: a set's own order follows string hashes, which
    change from run to run."""
    return sorted(values, key=lambda v: (isinstance(v, str), str(v)))


def _parts_of(number: Number, missing: list[Number]) -> bool:
    """An English fraction whose two figures the French writes apart ("Python 2/3" against
    "Python 2 ou 3"): the French figures are found (removed from ``missing``)."""
    if len(number.parts) != 2 or "/" not in number.text:
        return False
    found = [next((n for n in missing if part & n.values), None) for part in number.parts]
    if None in found or found[0] is found[1]:
        return False
    for n in found:
        missing.remove(n)
    return True


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
