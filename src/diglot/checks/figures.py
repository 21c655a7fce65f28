"""The ``numbers``, ``extra-numbers`` and ``spelled-numbers`` checks, over the one-to-one
match of ``matching``.
Each reports at most one finding per entry, every number it concerns named once."""

from __future__ import annotations

from diglot.checks.excerpt import quote
from diglot.checks.model import Pair, Problem
from diglot.checks.numbers import Number


def check_numbers(pair: Pair) -> list[Problem]:
    """French figures left without an English counterpart; the English figures left over
    are named too (a changed number is one problem)."""
    found = pair.numbers
    if not found.missing:
        return []
    message = _counted(found.missing, found.fr, found.en, "French", "English", "is missing from the English")
    excerpt = quote(pair.fr.shown, found.missing[0].start, found.missing[0].end)
    if found.extra:
        first = found.extra[0]
        message += f"; the English has {_texts(found.extra)} instead"
        excerpt += f" → {quote(pair.en.shown, first.start, first.end)}"
    return [Problem(message, excerpt)]


def check_extra_numbers(pair: Pair) -> list[Problem]:
    """English figures with no French counterpart (unless ``numbers`` already named them)."""
    found = pair.numbers
    if found.missing or not found.extra:
        return []
    message = _counted(found.extra, found.en, found.fr, "English", "French", "has no French counterpart")
    return [Problem(message, quote(pair.en.shown, found.extra[0].start, found.extra[0].end))]


def check_spelled_numbers(pair: Pair) -> list[Problem]:
    """A number written as a word on both sides with different values ("cinq lignes" against
    "eight lines"); a word alone on one side is a turn of phrase ("les deux" = "both")."""
    found = pair.numbers
    if found.missing or not (found.loose_fr and found.loose_en):
        return []
    fr, en = found.loose_fr[0], found.loose_en[0]
    french = list(dict.fromkeys(_valued(n) for n in found.loose_fr))
    verb = "has" if len(french) == 1 else "have"
    message = (f"{_few(french)} {verb} no English counterpart; the English has "
               f"{_few(list(dict.fromkeys(_valued(n) for n in found.loose_en)))} instead")
    return [Problem(message, f"{quote(pair.fr.shown, fr.start, fr.end)} → "
                             f"{quote(pair.en.shown, en.start, en.end)}")]


def _few(names: list[str]) -> str:
    """Up to three names, then "…" (a message stays one readable line)."""
    return ", ".join(names[:3]) + ", …" if len(names) > 3 else _joined(names)


def _valued(number: Number) -> str:
    """"cinq (5)": the word and the number it stands for (its first reading: "nineteen"
    is 19, though it may begin the year 1984)."""
    value = min(v for v in number.values if not isinstance(v, str))
    return f"{number.text} ({value})"


def _counted(left: list[Number], side: list[Number], other: list[Number], side_name: str,
             other_name: str, absent: str) -> str:
    """"50 appears 2× in French, 1× in English" for a number the other side has fewer times;
    "40 is missing from the English", "40 and 80 are…", "1 (2× in French) is…" for the rest."""
    fewer, gone = [], []
    for text, group in _grouped(left).items():
        count = sum(_key(n.text) == text for n in side if not n.optional)
        there = sum(group[0].alike(n) and group[0].may_be(n) for n in other if not n.optional)
        if there:
            fewer.append(f"{text} appears {count}× in {side_name}, {there}× in {other_name}")
        else:
            gone.append(f"{text} ({count}× in {side_name})" if count > 1 else text)
    if gone:
        verb = absent if len(gone) == 1 else absent.replace("is ", "are ").replace("has ", "have ")
        fewer.insert(0, f"{_joined(gone)} {verb}")
    return "; ".join(fewer)


def _grouped(numbers: list[Number]) -> dict[str, list[Number]]:
    groups: dict[str, list[Number]] = {}
    for number in numbers:
        groups.setdefault(_key(number.text), []).append(number)
    return groups


def _key(text: str) -> str:
    return " ".join(text.split())


def _joined(texts: list[str]) -> str:
    return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " and " + texts[-1]


def _texts(numbers: list[Number]) -> str:
    texts = list(dict.fromkeys(_key(n.text) for n in numbers))
    return ", ".join(texts) if len(texts) < 4 else ", ".join(texts[:3]) + ", …"
