"""What the checks read and return: a ``Pair`` of texts with the views checks share (computed
once, on demand), a check's ``Problem``, and the ``Finding`` reported at a PO entry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from diglot.source import inline
from diglot.checks import matching

# A code span that is a number ("0" too): compared as a number, not as code.
NUMERIC_CODE = re.compile(r"([\"']?)[-+]?\d+(?:[.,]\d+)*\1")


@dataclass(frozen=True)
class Problem:
    """What one check found: the message, and the text that shows it (may be empty)."""

    message: str
    excerpt: str = ""


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    check: str
    severity: str
    message: str
    source: str = ""   # the French source location, from the entry's first ``#:`` reference
    msgid: str = ""
    excerpt: str = ""

    def as_json(self) -> dict:
        return {"path": self.path, "line": self.line, "check": self.check,
                "severity": self.severity, "message": self.message, "source": self.source,
                "msgid": self.msgid, "excerpt": self.excerpt}

    def as_text(self) -> str:
        """One line: ``path:line: severity [check] message: excerpt (source)``."""
        text = f"{self.path}:{self.line}: {self.severity} [{self.check}] {self.message}"
        text += f": {self.excerpt}" if self.excerpt else ""
        return text + (f" ({self.source})" if self.source else "")


@dataclass
class Side:
    """One language's text and its views: ``shown`` is what a reader sees, code spans in
    backticks and hard breaks as newlines; ``masked`` is the same, character for character,
    with the inside of each code span turned into ``x`` (a placeholder word: its digits and
    punctuation are code, not prose), unless it holds a number alone (``0`` as code in one
    language matches 0 as text in the other)."""

    markdown: str

    @cached_property
    def spans(self) -> list[inline.Span]:
        return inline.spans(self.markdown)

    @cached_property
    def shown(self) -> str:
        return "".join(f"`{s.text}`" if s.code else s.text for s in self.spans)

    @cached_property
    def masked(self) -> str:
        return "".join(_masked(s) for s in self.spans)

    @cached_property
    def elements(self) -> list[tuple[str, str]]:
        return inline.elements(self.markdown)

    @cached_property
    def by_kind(self) -> dict[str, list[str]]:
        """The values of the inline elements, by kind, in order."""
        grouped: dict[str, list[str]] = {}
        for kind, value in self.elements:
            grouped.setdefault(kind, []).append(value)
        return grouped


def _masked(span: inline.Span) -> str:
    if not span.code:
        return span.text
    inside = span.text if NUMERIC_CODE.fullmatch(span.text) else "x" * len(span.text)
    return f"`{inside}`"


@dataclass
class Pair:
    """A French segment and its English, with what the file's other entries tell: its usual
    length ratio (None when it has too few long segments to tell) and the texts its English
    sets in bold or italic anywhere (lowercased)."""

    fr: Side
    en: Side
    usual: float | None = None
    styled: frozenset[str] = frozenset()
    comments: tuple[str, ...] = ()  # the entry's translator comments
    whole: bool = False  # a heading or list item: one sentence, whatever its points
    known: frozenset[str] | None = None  # the French segments (msgids of the template), if known
    edition: tuple[str, frozenset[str]] | None = None  # the article's slug, every article's

    @classmethod
    def of(cls, fr: str, en: str, usual: float | None = None) -> "Pair":
        return cls(Side(fr), Side(en), usual)

    @cached_property
    def copied(self) -> bool:
        """The English is the French as it was (only the ``copy`` check speaks then)."""
        return " ".join(self.fr.markdown.split()) == " ".join(self.en.markdown.split())

    @cached_property
    def ratio(self) -> float:
        """English length over French length, as a reader sees them."""
        return len(self.en.shown) / max(len(self.fr.shown), 1)

    @cached_property
    def numbers(self) -> matching.Matched:
        return matching.match(self.fr.masked, self.en.masked)
