"""Running the checks over one PO file's entries: the registry of check functions, severities
(defaults, the configuration's overrides, fuzzy entries as warnings) and ignore comments.

A translator silences a check on one entry with a translator comment
``diglot-ignore: <check>[, <check>…]`` (or ``diglot-ignore: all``).
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Mapping

from diglot.checks import ALIASES, OFF, SEVERITIES, WARNING
from diglot.checks import ignores
from diglot.checks.calendar import check_dates
from diglot.checks.figures import check_extra_numbers, check_numbers, check_spelled_numbers
from diglot.checks.lengths import (check_dropped_sentence, check_length_ratio,
                                   check_sentences, usual_ratio)
from diglot.checks.markup import check_code, check_emphasis, check_markup, english_styles
from diglot.checks.model import Finding, Pair, Problem
from diglot.checks.source import check_article_link, check_msgid
from diglot.checks.text import (check_brackets, check_copy, check_doubled, check_spacing,
                                check_typography, check_whitespace)
from diglot.po.model import Entry

CHECKS: dict[str, Callable[[Pair], list[Problem]]] = {
    "markup": check_markup,
    "numbers": check_numbers,
    "typography": check_typography,
    "msgid": check_msgid,
    "emphasis": check_emphasis,
    "code": check_code,
    "extra-numbers": check_extra_numbers,
    "spelled-numbers": check_spelled_numbers,
    "dates": check_dates,
    "spacing": check_spacing,
    "whitespace": check_whitespace,
    "copy": check_copy,
    "doubled-word": check_doubled,
    "brackets": check_brackets,
    "length-ratio": check_length_ratio,
    "dropped-sentence": check_dropped_sentence,
    "sentences": check_sentences,
    "article-link": check_article_link,
    "ignore": ignores.check_ignore,
}


# Checks over every PO file of a language at once (``checks.consistency``), run by
# ``diglot check`` after the entries' own.
PROJECT_CHECKS = ("consistency",)


def ignored(entry: Entry) -> set[str]:
    """The checks an entry's ``diglot-ignore`` comments silence; none while it is fuzzy
    (its French changed since the comment was written: "2024" → "2025" must show)."""
    if entry.fuzzy:
        return set()
    return {check for name in ignores.names(entry.translator_comments) for check in ALIASES.get(name, {name})}


def run_checks(entries: Iterable[Entry], path: str,
               severities: Mapping[str, str] | None = None,
               known: frozenset[str] | None = None,
               edition: tuple[str, frozenset[str]] | None = None) -> list[Finding]:
    """Findings for every active entry with a translation (fuzzy ones too, as warnings) of
    one PO file, in file order, and the French's own (``SOURCE_CHECKS``) for the entries
    without one, whose French the edition shows; ``severities`` overrides the defaults per
    check id;
    ``known``: the article's French segments, when its template tells them; ``edition``:
    the article's slug and every article's, when the project is known."""
    todo = [e for e in entries if not e.obsolete and e.msgid and e.msgstr and e.msgid_plural is None]
    pairs = [Pair.of(e.msgid, e.msgstr) for e in todo]
    usual = usual_ratio([p for p, e in zip(pairs, todo) if not e.fuzzy])
    styled = english_styles(pairs)
    levels = {**SEVERITIES, **(severities or {})}
    findings = []
    for entry, pair in zip(todo, pairs):
        pair.usual, pair.styled = usual, styled
        pair.comments, pair.whole, pair.known = entry.translator_comments, _whole(entry), known
        pair.edition = edition
        findings += _entry_findings(entry, pair, path, levels)
    for entry in entries:
        if not entry.obsolete and entry.msgid and not entry.msgstr and entry.msgid_plural is None:
            findings += _french_findings(entry, path, levels, edition)
    return sorted(findings, key=lambda f: (f.line, f.check))


# Checks of the French alone: they hold for an entry not yet translated too, whose French
# the edition shows in its place.
SOURCE_CHECKS = ("article-link",)


def _french_findings(entry: Entry, path: str, levels: Mapping[str, str],
                     edition: tuple[str, frozenset[str]] | None) -> list[Finding]:
    pair = Pair.of(entry.msgid, "")
    pair.edition = edition
    return [finding(entry, path, name, levels[name], problem)
            for name in _active(entry, levels, SOURCE_CHECKS) for problem in CHECKS[name](pair)]


def _active(entry: Entry, levels: Mapping[str, str], names) -> list[str]:
    """The checks of ``names`` on, and not silenced by the entry's comments."""
    skip = ignored(entry)
    return [name for name in names if levels[name] != OFF and name not in skip and "all" not in skip]


def _whole(entry: Entry) -> bool:
    """Headings, titles and list items are one sentence each (their extracted comment
    names the kind)."""
    return any(c.startswith(("heading", "title", "list item")) for c in entry.extracted_comments)


def _entry_findings(entry: Entry, pair: Pair, path: str, levels: Mapping[str, str]) -> list[Finding]:
    active = _active(entry, levels, CHECKS)
    found = []
    for name in active:
        found += [finding(entry, path, name, levels[name], p) for p in CHECKS[name](pair)]
    # A copied French text is one problem, not also French spacing and typography (a
    # sentence left in French is one problem among others).
    copies = [f for f in found if f.check == "copy"] if pair.copied else []
    return copies or found


def finding(entry: Entry, path: str, name: str, level: str, problem: Problem) -> Finding:
    """The finding of one check's problem on an entry (a fuzzy entry's are warnings)."""
    message = f"fuzzy entry: {problem.message}" if entry.fuzzy else problem.message
    return Finding(path, entry.line, name, WARNING if entry.fuzzy else level, message,
                   first_reference(entry.references), entry.msgid, problem.excerpt)


def first_reference(tokens: tuple[str, ...]) -> str:
    """The entry's first ``#:`` reference, whole. A ``#:`` line separates references with
    spaces, so ``source_fr/Mon été.md:3`` reads as two tokens: tokens are joined up to the
    first one ending in a line number (every reference of an article's PO names its one
    source; written without line numbers, the tokens are all one name)."""
    for end, token in enumerate(tokens):
        if _LINE.search(token):
            return " ".join(tokens[:end + 1])
    return " ".join(tokens)


_LINE = re.compile(r":[0-9]+$")
