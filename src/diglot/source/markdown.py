"""The one configured markdown-it-py parser both the reader and the inline renderer use.

CommonMark with raw HTML switched off (raw HTML in a source or a translation is text, never
markup), and with the line-break rules instrumented: the reader needs to know where
markdown-it saw soft and hard breaks to build msgids without re-implementing Markdown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink
from markdown_it.rules_inline.escape import escape
from markdown_it.rules_inline.newline import newline
from markdown_it.rules_inline.state_inline import StateInline

from diglot.source.linear import linear_helpers

BREAKS_KEY = "diglot_breaks"
SOFT, HARD_SPACES, HARD_BACKSLASH = "soft", "spaces", "backslash"


def _recording(rule, name: str):
    """Wrap an inline rule so that each break token it emits is noted in env, by position."""

    def wrapped(state: StateInline, silent: bool) -> bool:
        start, before = state.pos, len(state.tokens)
        matched = rule(state, silent)
        if matched and not silent and len(state.tokens) > before:
            kind = state.tokens[-1].type
            if kind in ("softbreak", "hardbreak"):
                tag = SOFT if kind == "softbreak" else name
                state.env.setdefault(BREAKS_KEY, {}).setdefault(state.src, {})[start] = tag
        return matched

    return wrapped


# URLs markdown-it's normalizeLink returns unchanged (lowercase http(s) host, unreserved
# characters only); tests hold the shortcut to that. Parsing each URL with mdurl and
# punycode was most of the time of a paragraph of links.
PLAIN_URL = re.compile(r"(?:https?://[a-z0-9]+(?:[.-][a-z0-9]+)*)?[A-Za-z0-9._~/-]*"
                       r"(?:#[A-Za-z0-9._~-]*)?")


@lru_cache(maxsize=4096)
def _normalize_link(url: str) -> str:
    if PLAIN_URL.fullmatch(url):
        return url
    return normalizeLink(url)


def _commonmark() -> MarkdownIt:
    """CommonMark without raw HTML, with a link label scan that stays linear (``linear``)."""
    md = MarkdownIt("commonmark", {"html": False})
    md.helpers = linear_helpers()
    md.normalizeLink = _normalize_link
    return md


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The parser for rendering inline Markdown (no break recording: it is a hot path)."""
    return _commonmark()


@lru_cache(maxsize=1)
def _recording_parser() -> MarkdownIt:
    md = _commonmark()
    md.inline.ruler.at("newline", _recording(newline, HARD_SPACES))
    md.inline.ruler.at("escape", _recording(escape, HARD_BACKSLASH))
    return md


@lru_cache(maxsize=1)
def block_parser() -> MarkdownIt:
    """The same parser with inline parsing left to the caller: the reader only needs it for
    blocks that span several lines (to find their breaks), which is a fraction of them."""
    md = _commonmark()
    md.core.ruler.disable("inline")
    return md


def breaks_of(content: str, env: dict) -> dict[int, str]:
    """Positions of the soft and hard breaks markdown-it sees in one inline block."""
    if "\n" not in content:
        return {}
    md = _recording_parser()
    md.inline.parse(content, md, env, [])
    return env.get(BREAKS_KEY, {}).get(content, {})
