"""``diglot status``: translation progress per article and language, and what needs review."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from diglot.catalog.translate import stats
from diglot.catalog.gather import read_po, read_sources
from diglot.model import Stats
from diglot.project import Project


@dataclass(frozen=True)
class StatusRow:
    article: str
    language: str
    stats: Stats

    def as_json(self) -> dict:
        s = self.stats
        return {"article": self.article, "language": self.language, "segments": s.segments,
                "translated": s.translated, "fuzzy": s.fuzzy, "untranslated": s.untranslated,
                "obsolete": s.obsolete, "words": s.words, "percent": s.percent,
                "words_left": s.words_left}


@dataclass(frozen=True)
class Change:
    """A fuzzy entry: where it is, the French it was translated from, and the French now."""

    path: str
    line: int
    previous: str | None  # None: fuzzy without a record of the old French (align, a tool)
    current: str
    origin: str = ""  # a memory proposal's comment ("memory: 100% from tram")

    def word_diff(self) -> str:
        if self.previous is None:
            return f"({self.origin or 'no previous French recorded'}) {self.current}"
        return word_diff(self.previous, self.current)


def status(project: Project, slugs: list[str] | None = None,
           languages: tuple[str, ...] | None = None) -> list[StatusRow]:
    rows = []
    for article in read_sources(project, slugs).articles:
        for lang in languages or project.languages:
            rows.append(StatusRow(article.slug, lang, stats(article, read_po(project, lang, article.slug))))
    return rows


def totals(rows: list[StatusRow]) -> list[StatusRow]:
    """One row per language adding up every article (``article`` is ``"total"``)."""
    found: dict[str, list[int]] = {}
    for row in rows:
        sums = found.setdefault(row.language, [0] * 7)
        s = row.stats
        values = (s.segments, s.translated, s.fuzzy, s.untranslated, s.obsolete, s.words, s.words_left)
        found[row.language] = [a + b for a, b in zip(sums, values)]
    return [StatusRow("total", lang, Stats(*sums)) for lang, sums in found.items()]


def changes(project: Project, slugs: list[str] | None = None,
            languages: tuple[str, ...] | None = None) -> list[Change]:
    """Every fuzzy entry with a draft: what a translator has to revise (the entries status
    counts as fuzzy; one emptied, a proposal refused, is untranslated), with the French it
    was translated from when the entry records it (``#| msgid``)."""
    from diglot.catalog.memory import COMMENT  # rapidfuzz: status alone never needs it

    found = []
    for article in read_sources(project, slugs).articles:
        for lang in languages or project.languages:
            catalog = read_po(project, lang, article.slug)
            shown = project.rel(project.po_path(lang, article.slug))
            for e in catalog.entries if catalog else ():
                if e.fuzzy and e.msgstr and not e.obsolete:
                    origin = next((c for c in e.translator_comments if c.startswith(COMMENT)), "")
                    found.append(Change(shown, e.line, e.previous_msgid, e.msgid, origin))
    return found


# An address is one token: a changed address shows whole, not as the pieces between its dots.
# (An address is only looked for where one may start: "a.a.a…" is then read once.)
_TOKENS = re.compile(r"(?:(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://|\bmailto:|\bwww\.)"
                     r"[^\s<>()\[\]]+[^\s<>()\[\].,;:!?]"
                     r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\s+|\w+|[^\w\s]",
                     re.UNICODE | re.IGNORECASE)
# Past this many token pairs once the common start and end are set aside (about two hundred
# changed words a side), words found everywhere ("de", "the") anchor no match: difflib's
# search is then near linear, not cubic.
_EXACT_PAIRS = 160_000
_SEARCHED_PAIRS = 4_000_000  # past some 1,000 changed words a side, no search at all


def word_diff(old: str, new: str) -> str:
    """``[-removed-]{+added+}`` between words, like ``git diff --word-diff``. The words both
    texts start and end with are set aside first, as diff tools do: a word changed in a
    long paragraph is a short search."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    start = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start -= bool(start) and a[start - 1].isspace()  # a space before a change goes with it
    end = next((k for k, (x, y) in enumerate(zip(reversed(a[start:]), reversed(b[start:])))
                if x != y), min(len(a), len(b)) - start)
    middle = _changes(a[start:len(a) - end], b[start:len(b) - end])
    return "".join(a[:start]) + middle + "".join(a[len(a) - end:])


def _changes(a: list[str], b: list[str]) -> str:
    if len(a) * len(b) > _SEARCHED_PAIRS:  # thousands of words changed: all of it
        return ("[-" + "".join(a) + "-]" if a else "") + ("{+" + "".join(b) + "+}" if b else "")
    out = []
    exact = len(a) * len(b) <= _EXACT_PAIRS
    # Past that, spaces anchor no match either (they only extend one): two long, unlike
    # paragraphs are one change, not a match at every space, which took minutes.
    matcher = difflib.SequenceMatcher(None if exact else str.isspace, a, b, autojunk=not exact)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append("".join(a[i1:i2]))
            continue
        if i2 > i1:
            out.append("[-" + "".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + "".join(b[j1:j2]) + "+}")
    return "".join(out)
