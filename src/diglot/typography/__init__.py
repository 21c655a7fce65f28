"""Render-time typography: the spacing and characters a language's typesetting expects,
applied to a segment's styled spans as a builder renders them, never to the PO files.

French follows the Imprimerie nationale as babel-french does: a no-break space before ``:``
and inside « », a narrow no-break space (U+202F) before ``; ! ?`` (house style
``french_spacing``: ``narrow``, ``nbsp`` or ``off``), no-break spaces inside numbers
(``12 000``) and before ``%`` and units, ``’`` for ``'`` between letters, « » for
straight double quotes that pair up (``engine.Quotes``), and a no-break space that ties a
dash set apart to the words it opens or closes (``dashes.Dashes``: ``— Oui``, ``six —,``).
English gets its curly quotes and apostrophes (``english``). Code spans and URLs are never
touched; text already set comes out unchanged.
"""

from __future__ import annotations

from diglot import locales
from diglot.source.inline import Span
from diglot.typography.engine import typeset_text
from diglot.typography import english
from diglot.typography.french import rules

STYLES = ("narrow", "nbsp", "off")


def typeset(items: list[Span], lang: str, style: str = "narrow") -> list[Span]:
    """``items`` with ``lang``'s typography applied across span boundaries; code spans and
    URLs untouched. Languages without rules come back as they are."""
    base = locales.base(lang)
    if not items or base not in ("fr", "en"):
        return items
    table = rules(style) if base == "fr" else english.rules()
    pieces = [(s.text, s.code or s.br or _is_url(s)) for s in items]
    texts = typeset_text(pieces, table)
    return [s if s.text == t else s.with_text(t) for s, t in zip(items, texts)]


def typeset_plain(text: str, lang: str, style: str = "narrow") -> str:
    """The same rules on plain text (titles, running heads, bylines)."""
    return "".join(s.text for s in typeset([Span(text)], lang, style)) if text else text


def _is_url(span: Span) -> bool:
    """An autolink's text is its address: typography would change what a reader copies."""
    return span.href is not None and span.text.strip() in (span.href, span.href.removeprefix("mailto:"))
