"""The one configured markdown-it-py parser both the reader and the inline renderer use.

CommonMark plus GitHub tables (markdown-it's own ``table`` rule), footnotes and definition
lists (the maintained ``mdit-py-plugins``). Raw HTML is text, never markup, with one
exception: HTML comments (markdown-it's own comment rules) are recognised, so the reader can
leave them out of the PO files and the editions. The line-break rules are instrumented: the
reader needs to know where markdown-it saw soft and hard breaks (and comments) to build
msgids without re-implementing Markdown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common.html_re import comment
from markdown_it.common.normalize_url import normalizeLink
from markdown_it.rules_block.html_block import html_block
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_inline.escape import escape
from markdown_it.rules_inline.html_inline import html_inline
from markdown_it.rules_inline.image import image
from markdown_it.rules_inline.newline import newline
from markdown_it.rules_inline.state_inline import StateInline
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from diglot.source.linear import PerText, linear_footnote_ref, linear_helpers

BREAKS_KEY = "diglot_breaks"
CUTS_KEY = "diglot_cuts"
SOFT, HARD_SPACES, HARD_BACKSLASH = "soft", "spaces", "backslash"
COMMENT_BLOCK, COMMENT_INLINE = "html_comment_block", "html_comment"
_COMMENT_START = "<!--"
_COMMENT = re.compile(comment)  # markdown-it's own pattern for an HTML comment


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
            elif kind == COMMENT_INLINE:
                cuts = state.env.setdefault(CUTS_KEY, {}).setdefault(state.src, {})
                cuts[start] = state.pos
        return matched

    return wrapped


def _comment_inline(state: StateInline, silent: bool) -> bool:
    """An inline HTML comment, by markdown-it's own ``html_inline`` rule; any other raw HTML
    is left to be text."""
    if not state.src.startswith(_COMMENT_START, state.pos):
        return False
    before = len(state.tokens)
    if not html_inline(state, silent):
        return False
    if not silent and len(state.tokens) > before:
        state.tokens[-1].type = COMMENT_INLINE
    return True


def _comment_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A block made only of HTML comments (``html_block``'s comment kind); anything else
    that starts like HTML stays a paragraph of text."""
    line = state.src[state.bMarks[start] + state.tShift[start]:state.eMarks[start]]
    if not line.startswith(_COMMENT_START) or state.is_code_block(start):
        return False
    if _LAST_CLOSE.of(state.src) < state.bMarks[start]:
        return False  # never closed: html_block would read to the end, for every such line
    if silent:
        return True  # a comment line ends the paragraph before it, as in CommonMark
    before = len(state.tokens)
    if not html_block(state, start, end, False):
        return False
    token = state.tokens[-1]
    if _without_comments(token.content).strip():
        del state.tokens[before:]  # text beside the comment: the whole block is a paragraph
        state.line = start
        return False
    token.type = COMMENT_BLOCK
    return True


# Where the last "-->" of the text being parsed stands: lines of "<!--" that nothing closes
# cost html_block the rest of the file each (a 10 KB source of them took two minutes).
_LAST_CLOSE = PerText(lambda text: text.rfind("-->"))


def _without_comments(text: str) -> str:
    """``text`` with its comments taken out by markdown-it's own comment pattern."""
    return _COMMENT.sub("", text)


def _with_source(rule):
    """Wrap the image rule so each image token keeps its Markdown source (``meta.source``):
    review documents show it as written."""

    def wrapped(state: StateInline, silent: bool) -> bool:
        start, before = state.pos, len(state.tokens)
        matched = rule(state, silent)
        if matched and not silent and len(state.tokens) > before:
            state.tokens[-1].meta["source"] = state.src[start:state.pos]
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


# How deep blocks may nest (markdown-it's maxNesting; commonmark's 20 is reached by ten
# nested lists). Past it markdown-it drops the rest of the container without a word: the
# reader refuses a source that reaches it (``reader``).
MAX_NESTING = 60


def _configured() -> MarkdownIt:
    # html on, but its two rules off: only the comment rules below read raw HTML.
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table")
    md.helpers = linear_helpers()  # a link label scan that stays linear (``linear``)
    md.normalizeLink = _normalize_link
    md.disable(["html_block", "html_inline"])
    md.use(footnote_plugin, inline=False, move_to_end=False, always_match_refs=True)
    md.inline.ruler.at("footnote_ref", linear_footnote_ref(_rule(md, "footnote_ref")))
    md.use(deflist_plugin)
    md.block.ruler.before("html_block", "comment_block", _comment_block,
                          {"alt": ["paragraph", "reference", "blockquote"]})
    md.inline.ruler.before("html_inline", "comment_inline", _comment_inline)
    md.inline.ruler.at("image", _with_source(image))
    return md


def _rule(md: MarkdownIt, name: str):
    return next(r.fn for r in md.inline.ruler.__rules__ if r.name == name)


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The parser for rendering inline Markdown (no break recording: it is a hot path)."""
    return _configured()


@lru_cache(maxsize=1)
def _recording_parser() -> MarkdownIt:
    md = _configured()
    md.inline.ruler.at("newline", _recording(newline, HARD_SPACES))
    md.inline.ruler.at("escape", _recording(escape, HARD_BACKSLASH))
    md.inline.ruler.at("comment_inline", _recording(_comment_inline, COMMENT_INLINE))
    return md


@lru_cache(maxsize=1)
def block_parser() -> MarkdownIt:
    """The same parser with inline parsing left to the caller: the reader only needs it for
    blocks that span several lines (to find their breaks), which is a fraction of them."""
    md = _configured()
    md.core.ruler.disable("inline")
    return md


def breaks_of(content: str, env: dict) -> tuple[dict[int, str], dict[int, int]]:
    """Positions of the soft and hard breaks markdown-it sees in one inline block, and the
    spans (start → end) of its HTML comments."""
    if "\n" not in content and _COMMENT_START not in content:
        return {}, {}
    md = _recording_parser()
    md.inline.parse(content, md, env, [])
    return (env.get(BREAKS_KEY, {}).get(content, {}), env.get(CUTS_KEY, {}).get(content, {}))
