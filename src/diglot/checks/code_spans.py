"""The ``code`` check's first test: which French code spans the English must contain (an
identifier, a path, a literal), and which a translator is expected to translate (a role's
display text, prose in backticks, a web address)."""

from __future__ import annotations

import re

from diglot.checks.excerpt import quote
from diglot.checks.model import Pair, Problem


# A span a translator is expected to translate: a reST role or reference with a display text
# and a target, ":ref:`texte affiché <cible>`", "`texte <https://…>`_" (only the target
# stays); a role whose text is prose (":dfn:`suite de tests`", ":term:`méthode`"); a
# reference to a section by its title ("`Protocoles`_"); a span of French words; and the web
# address of a reST link (a French page may well become an English one).
_TARGET = re.compile(r"^[^<>]*<([^<>]+)>\s*$")
_PROSE_ROLES = re.compile(r":(?:dfn|term|kbd|guilabel|menuselection|abbr|title-reference|emphasis|strong):$")
_WEB = re.compile(r"https?://")
_PROSE = re.compile(r"[^\W\d_]+(?:[-'’ ]+[^\W\d_]+)+|.*[à-ÿœ].*", re.IGNORECASE)


def _needed(value: str, before: str, after: str) -> str:
    """What of a French code span must appear in the English ("" when nothing must), in the
    form ``comparable`` gives."""
    if _PROSE_ROLES.search(before):
        return ""
    if target := _TARGET.search(value):  # a web address may well go to the English page
        if _WEB.match(target.group(1)):
            return ""
        shown = value[:target.start(1) - 1].strip()  # "texte <cible>": the target; "<!DOCTYPE html>": all
        return f"<{comparable(target.group(1))}>" if shown else comparable(value)
    return "" if after.startswith("_") or _PROSE.fullmatch(value) else comparable(value)


def comparable(text: str) -> str:
    """Quote style, spacing and Sphinx's ``!``/``~`` prefixes aside (``"info"`` may become
    ``'info'``); case counts: ``ZipInfo`` is not ``Zipinfo``, nor ``None`` ``none``."""
    return " ".join(text.split()).lstrip("!~").replace('"', "'")


# Python's constants, which English prose writes in lower case ("returns true"), and a plain
# word that prose may capitalise or not ("``Decimal`` objects", "a decimal number"; "Logging
# tutorial" for "``logging``"; "messages of error level" for "``ERROR``"). Any other change of case is another name: ``ZipInfo``,
# ``Zipinfo``.
_CONSTANTS = frozenset({"True", "False", "None"})
_PLAIN_WORD = re.compile(r"[A-Za-z][a-z]+|[A-Z]+")


def found_in(needed: str, english: str) -> bool:
    """``<target>`` (a role's target) is found as the English role's target or its whole text."""
    if needed[0] == "<" and needed[-1] == ">":  # Sphinx reads a :ref: target in lower case
        whole = re.compile(r"`[!~]?" + re.escape(needed[1:-1]) + "`", re.IGNORECASE)
        return within(needed.lower(), english.lower()) or whole.search(english) is not None
    if within(needed, english):
        return True
    if needed in _CONSTANTS:  # in prose: "returns true", never "``none``"
        return re.search(rf"(?i)(?<![`\w]){needed}(?![`\w])", english) is not None
    if _PLAIN_WORD.fullmatch(needed) is None:
        return False
    return within(needed.lower() if needed.isupper() else needed[0].swapcase() + needed[1:], english)


def missing_code(pair: Pair, spans: list[str]) -> list[Problem]:
    """One problem for all the French code spans (``spans``, their texts in order) whose
    text the English lacks."""
    english, shown = comparable(pair.en.markdown), pair.fr.shown
    missing, at = {}, 0  # value -> its span in the French as shown
    for value in spans:
        at = shown.find(f"`{value}`", at)
        end = at + len(value) + 2
        needed = _needed(value, shown[max(0, at - 20):at], shown[end:end + 1])
        if needed and not found_in(needed, english):
            missing.setdefault(value, (at, end))
        at = end
    if not missing:
        return []
    first = next(iter(missing.values()))
    return [Problem(f"code {listed(list(missing))} not in the English", quote(shown, *first))]


def listed(values: list[str]) -> str:
    """```a` is``, ```a`, `b` are``, ```a`, `b`, `c` and 2 more are``."""
    names = [f"`{v}`" for v in values[:3]]
    more = f" and {len(values) - 3} more" if len(values) > 3 else ""
    return ", ".join(names) + more + (" is" if len(values) == 1 else " are")


def within(needed: str, english: str) -> bool:
    """``needed`` in the English as a whole (``os.path.join`` is not in ``os.path.joint``)."""
    at = english.find(needed)
    while at >= 0:
        end = at + len(needed)
        runs_on = at and _word_edge(english[at - 1], needed[0])
        if not (runs_on or end < len(english) and _word_edge(english[end], needed[-1])):
            return True
        at = english.find(needed, at + 1)
    return False


def _word_edge(outside: str, inside: str) -> bool:
    """Whether the match runs on into a word: both characters at its edge are word characters."""
    return (outside.isalnum() or outside == "_") and (inside.isalnum() or inside == "_")
