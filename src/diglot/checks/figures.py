"""The ``numbers`` and ``extra-numbers`` checks, over the one-to-one match of ``matching``."""

from __future__ import annotations

from diglot.checks.excerpt import quote
from diglot.checks.model import Pair, Problem
from diglot.checks.numbers import Number


def check_numbers(pair: Pair) -> list[Problem]:
    """Each French figure left without an English counterpart, repeats merged into one
    message; English figures left over are named too (a changed number is one problem)."""
    found = pair.numbers
    problems = []
    for text, group in _grouped(found.missing).items():
        fr_count = sum(_same(n, text) for n in found.fr if not n.optional)
        en_count = sum(bool(group[0].values & n.values) for n in found.en if not n.optional)
        message = (f"{text} appears {fr_count}× in French, {en_count}× in English" if en_count
                   else f"{text} is missing from the English" + (f" ({fr_count}× in French)" if fr_count > 1 else ""))
        excerpt = quote(pair.fr.shown, group[0].start, group[0].end)
        problems.append(Problem(message, excerpt))
    if problems and found.extra:
        last = problems[-1]
        extra = found.extra[0]
        problems[-1] = Problem(f"{last.message}; the English has {_listed(found.extra)}",
                               f"{last.excerpt} → {quote(pair.en.shown, extra.start, extra.end)}")
    return problems


def check_extra_numbers(pair: Pair) -> list[Problem]:
    """English figures with no French counterpart (unless ``numbers`` already named them)."""
    found = pair.numbers
    if found.missing:
        return []
    problems = []
    for text, group in _grouped(found.extra).items():
        en_count = sum(_same(n, text) for n in found.en if not n.optional)
        fr_count = sum(bool(group[0].values & n.values) for n in found.fr if not n.optional)
        message = (f"{text} appears {en_count}× in English, {fr_count}× in French" if fr_count
                   else f"{text} has no French counterpart")
        problems.append(Problem(message, quote(pair.en.shown, group[0].start, group[0].end)))
    return problems


def _grouped(numbers: list[Number]) -> dict[str, list[Number]]:
    groups: dict[str, list[Number]] = {}
    for number in numbers:
        groups.setdefault(_key(number.text), []).append(number)
    return groups


def _key(text: str) -> str:
    return " ".join(text.split())


def _same(number: Number, text: str) -> bool:
    return _key(number.text) == text


def _listed(numbers: list[Number]) -> str:
    texts = list(dict.fromkeys(_key(n.text) for n in numbers))
    return ", ".join(texts) + " instead" if len(texts) < 4 else ", ".join(texts[:3]) + ", … instead"
