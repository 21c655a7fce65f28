"""One segment's inline Markdown → a flat list of styled spans, the single inline parser
every output uses (HTML, DOCX, review documents) and the markup profile the checks compare.

In a segment text ``\\n`` is a hard line break (the reader's convention). Raw HTML is text.
Only http(s), mailto and relative/fragment URLs become links; anything else (``javascript:``,
``data:``, ``file:``) stays plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from diglot.markdown import parser

_SAFE_URL = re.compile(r"^(?:https?:|mailto:|#|/|\.|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with its styles; ``br`` spans are hard line breaks (text ``\\n``)."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None
    br: bool = False


@dataclass(slots=True)
class Profile:
    """Counts of inline markup in a segment, for parity checks between French and English."""

    bold: int = 0
    italic: int = 0
    code: int = 0
    links: list[str] = field(default_factory=list)
    breaks: int = 0


def safe_url(url: str) -> bool:
    return bool(_SAFE_URL.match(url.strip()))


# A character that can start inline Markdown (or an entity, or a break). Text without one
# is a single plain span, and skipping the parser for it makes big pages several times faster.
_MARKUP = re.compile(r"[\\`*_\[\]<>&!\n\r\0]")


def _tokens(text: str, references: Mapping | None):
    env = {"references": dict(references or {})}
    # A backslash before a newline is Markdown's own hard break, so "\n" keeps its meaning
    # even where it sits inside emphasis.
    md = parser()
    tokens: list = []
    md.inline.parse(text.replace("\n", "\\\n"), md, env, tokens)
    return tokens


def spans(text: str, references: Mapping | None = None) -> list[Span]:
    """Parse ``text`` into spans; adjacent spans with the same style are merged."""
    if not _MARKUP.search(text):
        return [Span(text)] if text else []
    return parse_spans(text, references)


def parse_spans(text: str, references: Mapping | None = None) -> list[Span]:
    """``spans`` without the plain-text shortcut (tests compare the two)."""
    out: list[Span] = []
    style = {"bold": 0, "italic": 0, "href": []}
    for token in _tokens(text, references):
        _apply(token, style, out)
    return _merge(out)


def _apply(token, style: dict, out: list[Span]) -> None:
    kind = token.type
    if kind in ("strong_open", "strong_close", "em_open", "em_close"):
        key = "bold" if kind.startswith("strong") else "italic"
        style[key] += 1 if kind.endswith("open") else -1
    elif kind == "link_open":
        href = token.attrGet("href") or ""
        style["href"].append(href if safe_url(href) else None)
    elif kind == "link_close":
        style["href"].pop()
    elif kind in ("hardbreak", "softbreak"):
        out.append(Span("\n" if kind == "hardbreak" else " ", br=kind == "hardbreak"))
    elif kind in ("text", "text_special", "code_inline", "image", "html_inline"):
        out.append(_span(token, style))


def _span(token, style: dict) -> Span:
    text = token.content
    href = style["href"][-1] if style["href"] else None
    return Span(text, bool(style["bold"]), bool(style["italic"]),
                token.type == "code_inline", href)


def _merge(items: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in items:
        last = merged[-1] if merged else None
        if last and not span.br and not last.br and _same_style(last, span):
            merged[-1] = Span(last.text + span.text, last.bold, last.italic, last.code, last.href)
        elif span.text or span.br:
            merged.append(span)
    return merged


def _same_style(a: Span, b: Span) -> bool:
    return (a.bold, a.italic, a.code, a.href) == (b.bold, b.italic, b.code, b.href)


def plain_text(text: str, references: Mapping | None = None) -> str:
    """What a reader sees, without styles; hard breaks as newlines."""
    return "".join(s.text for s in spans(text, references))


def profile(text: str, references: Mapping | None = None) -> Profile:
    """Count bold, italic and code spans, link targets and hard breaks."""
    result = Profile()
    for token in _tokens(text, references):
        if token.type == "strong_open":
            result.bold += 1
        elif token.type == "em_open":
            result.italic += 1
        elif token.type == "code_inline":
            result.code += 1
        elif token.type == "link_open":
            result.links.append(token.attrGet("href") or "")
        elif token.type == "hardbreak":
            result.breaks += 1
    return result
