"""The ``numbers``, ``extra-numbers`` and ``spelled-numbers`` checks, over the one-to-one
match of ``matching``.
Each reports at most one finding per entry, every number it concerns named once."""

from __future__ import annotations

import re

from diglot.checks.excerpt import quote
from diglot.checks.model import Pair, Problem
from diglot.checks.numbers import Number


def check_numbers(pair: Pair) -> list[Problem]:
    """French figures left without an English counterpart; the English figures left over
    are named too (a changed number is one problem); figures copied with their French
    decimal comma ("1,5", and "1,250", which English reads as 1250)."""
    found = pair.numbers
    copied = _copied(found)
    missing = [n for n in found.missing if id(n) not in copied]
    commas = [n for n in found.en if n.comma] + [copied[id(n)] for n in found.missing if id(n) in copied]
    problems = [_changed(pair, missing, [n for n in found.extra if not _in(n, copied)])] if missing else []
    if commas:
        problems.append(_commas(pair, sorted(commas, key=lambda n: n.start)))
    return [Problem("; ".join(p.message for p in problems), problems[0].excerpt)] if problems else []


def _changed(pair: Pair, missing: list[Number], extra: list[Number]) -> Problem:
    found = pair.numbers
    message = _counted(missing, found.fr, found.en, "French", "English", "is missing from the English")
    excerpt = quote(pair.fr.shown, missing[0].start, missing[0].end)
    if extra:
        message += f"; the English has {_texts(extra)} instead"
        excerpt += f" → {quote(pair.en.shown, extra[0].start, extra[0].end)}"
    return Problem(message, excerpt)


def _copied(found) -> dict[int, Number]:
    """French figures with a decimal comma that the English copied as they are, though it
    reads them otherwise ("1,250" is 1.25 in French, 1250 in English): id → the English."""
    extra = {n.text: n for n in found.extra if "," in n.text}
    return {id(n): extra[n.text] for n in found.missing if n.text in extra}


def _in(number: Number, copied: dict[int, Number]) -> bool:
    return any(number is english for english in copied.values())


def _commas(pair: Pair, commas: list[Number]) -> Problem:
    """"1,5 is written with a French decimal comma; English writes 1.5"."""
    texts = list(dict.fromkeys(_key(n.text) for n in commas))
    points = [t.replace(",", ".") for t in texts]
    verb = "is" if len(texts) == 1 else "are"
    grouped = [t for t in texts if re.fullmatch(r"\d{1,3}(?:,\d{3})+", t)]
    misread = f" (English reads {grouped[0]} as {grouped[0].replace(',', '')})" if grouped else ""
    return Problem(f"{_few(texts)} {verb} written with a French decimal comma{misread}; English "
                   f"writes {_few(points)}", quote(pair.en.shown, commas[0].start, commas[0].end))


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
    if not (found.loose_fr and found.loose_en):  # also beside a missing figure (770 → 707)
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
