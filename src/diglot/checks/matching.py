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
    order = sorted(range(len(fr)), key=lambda i: fr[i].optional)
    owner = _same_first(fr, en, order)  # English index -> French index
    # Like with like first (figure with figure, word with word), then across: "4 espaces…
    # quatre espaces" against "5 spaces… four spaces" must not pair 4 with "four".
    held = set(owner.values())  # an augmenting path moves the held, never drops one
    for alike in (True, False):
        for i in order:
            if i not in held and _augment(i, fr, en, owner, set(), alike):
                held.add(i)
    matched_fr = held
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


def _same_first(fr: list[Number], en: list[Number], order: list[int]) -> dict[int, int]:
    """Numbers written alike on both sides, paired first (a thousand 5s against a thousand
    5s need no search); the search then starts from these pairs."""
    free: dict[tuple, list[int]] = {}
    for j in reversed(range(len(en))):
        if not en[j].optional:
            free.setdefault(_key(en[j]), []).append(j)
    owner = {}
    # Figures only: a word ("deux") paired early could take the counterpart a figure needs.
    for i in (i for i in order if not fr[i].optional):
        found = free.get(_key(fr[i]))
        if found:
            owner[found.pop()] = i
    return owner


def _key(number: Number) -> tuple:
    return number.values, number.optional, number.scaled, number.name


def _augment(start: int, fr: list[Number], en: list[Number], owner: dict[int, int],
             seen: set[int], alike: bool) -> bool:
    """Kuhn's augmenting path from French number ``start``: take a free English number
    sharing a value, or move the French number holding one to another counterpart. Walked
    with a stack of its own: a segment of a thousand numbers is no thousand calls deep."""
    stack = [(start, iter(range(len(en))))]
    path: list[tuple[int, int]] = []  # (French, the English it takes from its holder)
    while stack:
        i, candidates = stack[-1]
        free = next((j for j in range(len(en)) if j not in owner and j not in seen
                     and _fits(fr[i], en[j], alike)), None)
        if free is not None:  # a free counterpart first: no path to walk (Kuhn's shortcut)
            owner[free] = i
            for french, english in path:
                owner[english] = french
            return True
        for j in candidates:
            if j in seen or not _fits(fr[i], en[j], alike):
                continue
            seen.add(j)
            if j not in owner:
                owner[j] = i
                for french, english in path:
                    owner[english] = french
                return True
            path.append((i, j))
            stack.append((owner[j], iter(range(len(en)))))
            break
        else:
            stack.pop()
            if path:
                path.pop()
    return False


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
