"""The ``consistency`` check: one French segment translated two ways in the project ("Eh
bien, répondit le consul…" in two articles, two Englishes). It is the one check that
reads several PO files at once: ``diglot check`` gathers every translated entry of a
language, and each entry whose English differs from the one most of them give is named,
with where the other stands.

Spacing aside ("Data  Types" is "Data Types"); case is a difference ("Data types" beside
"Data Types" is what a house style rules on). On the python-docs corpus: 26 French segments
of 19,212, among them "Arrête l'exécution de la boucle d'évènements." once translated as
"Get the current event loop.".
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping

from diglot.checks import OFF
from diglot.checks.excerpt import whole
from diglot.checks.model import Finding, Problem
from diglot.checks.run import finding, ignored
from diglot.po.model import Entry

NAME = "consistency"


def check_consistency(found: Iterable[tuple[str, Entry]],
                      levels: Mapping[str, str]) -> list[Finding]:
    """Findings for the entries (path, entry) of one language whose English differs from
    the English most entries with the same French (and context) give."""
    if levels[NAME] == OFF:
        return []
    groups: dict[tuple, list[tuple[str, Entry]]] = {}
    for path, entry in found:
        if entry.msgstr and not entry.fuzzy and not entry.obsolete and entry.msgid_plural is None:
            groups.setdefault((entry.msgctxt, entry.msgid), []).append((path, entry))
    out = []
    for group in groups.values():
        if len(group) > 1:
            out += _differing(group, levels[NAME])
    return out


def _differing(group: list[tuple[str, Entry]], level: str) -> list[Finding]:
    texts = [_shown(entry.msgstr) for _, entry in group]
    if len(set(texts)) == 1:
        return []
    usual = Counter(texts).most_common(1)[0][0]  # ties: the first file's, in path order
    path, first = next((p, e) for (p, e), t in zip(group, texts) if t == usual)
    out = []
    for (where, entry), text in zip(group, texts):
        if text != usual and NAME not in ignored(entry) and "all" not in ignored(entry):
            problem = Problem(f"translated otherwise in {path}:{first.line}: "
                              f"{whole(first.msgstr)}", whole(entry.msgstr))
            out.append(finding(entry, where, NAME, level, problem))
    return out


def _shown(text: str) -> str:
    return " ".join(text.split())
