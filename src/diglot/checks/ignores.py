"""``diglot-ignore`` comments: the check ids a translator comment silences on its entry, and
the ``ignore`` check, which names an id no check has (a misspelt ``number`` silenced nothing,
and the translator could not tell)."""

from __future__ import annotations

import difflib

from diglot.checks import ALIASES, SEVERITIES
from diglot.checks.model import Pair, Problem

KNOWN = frozenset(SEVERITIES) | frozenset(ALIASES) | {"all"}


def names(comments: tuple[str, ...]) -> list[str]:
    """The ids of every ``diglot-ignore: a, b`` comment, lower-cased, in order."""
    found = []
    for comment in comments:
        key, sep, value = comment.partition(":")
        if sep and key.strip().lower() == "diglot-ignore":
            found += [n.strip().lower() for n in value.split(",") if n.strip()]
    return found


def check_ignore(pair: Pair) -> list[Problem]:
    """A ``diglot-ignore`` comment naming no check."""
    unknown = [n for n in dict.fromkeys(names(pair.comments)) if n not in KNOWN]
    return [Problem(f"diglot-ignore names no check: '{name}'{_hint(name)}; it silences nothing")
            for name in unknown[:3]]


def _hint(name: str) -> str:
    close = difflib.get_close_matches(name, sorted(KNOWN), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
