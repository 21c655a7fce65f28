"""The inline parser's fast path: nearly all real segments use only code spans,
single-character emphasis (``*x*``, ``_x_``) and plain inline links; reading those directly
is about three times faster than markdown-it's rule loop. Anything else (strong, escapes,
entities, autolinks, breaks, images) is left to the parser (``simple_spans`` returns None),
and tests hold the two to identical results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it.rules_inline.state_inline import StateInline

from diglot.source.linear import Closers
from diglot.source.markdown import PLAIN_URL
from diglot.source.span import Span, safe_url

# One match per thing the fast path acts on: a backtick string, a run of ``*`` or ``_``, or
# what starts other markup outside code spans (escapes, links, images, autolinks, entities),
# which sends the text to the parser; "]", ">" and "!" start nothing alone. The character
# class comes first because re scans for it several times faster than for alternatives.
_SCAN = re.compile(r"[`*_\\\[<&](?:(?<=`)`*|(?<=\*)\**|(?<=_)_*)?")
_BREAKS = re.compile(r"[\n\r\0]")  # anywhere: the parser makes "\n" a break, even in code
# An inline link whose text holds no markup and whose URL the parser keeps as it is: the
# commonest link, and a paragraph of 100,000 of them is then read without the parser.
_LINK = re.compile(r"\[([^\[\]\\`*_<>&!\n\r\0]+)\]\((?=[^)])(" + PLAIN_URL.pattern + r")\)")


class _Code(str):
    """A code span's text among the fast path's pieces."""

    __slots__ = ()


class _Link(str):
    """A link's text among the fast path's pieces, with its target."""

    __slots__ = ("href",)


@dataclass(slots=True)
class _Delim:
    """One ``*`` or ``_``: whether it may open or close emphasis, and its role once paired."""

    marker: str
    open: bool
    close: bool
    role: int = 0  # +1 opens emphasis, -1 closes it, 0 stays literal


class _Source:
    """Just what markdown-it's ``StateInline.scanDelims`` reads."""

    __slots__ = ("posMax", "src")

    def __init__(self, src: str) -> None:
        self.src, self.posMax = src, len(src)


@lru_cache(maxsize=4096)
def _flanks(before: str, marker: str, after: str) -> tuple[bool, bool]:
    """Whether a lone ``marker`` between these characters may open and may close emphasis,
    by the parser's own rules (``scanDelims``, which reads nothing else, and takes the
    text's edges for spaces)."""
    scanned = StateInline.scanDelims(_Source(before + marker + after), 1, marker == "*")
    return scanned.can_open, scanned.can_close


def simple_spans(text: str) -> list[Span] | None:
    """The spans of a text whose only markup is code spans and single ``*``/``_``
    emphasis, else None. Code spans follow CommonMark as markdown-it applies them: a
    backtick string opens a span closed by the next string of the same length, else it is
    literal text."""
    if _BREAKS.search(text):
        return None
    items: list = []  # plain text (str), code (_Code) and delimiters, in order
    pos = 0
    closers = None
    while (mark := _SCAN.search(text, pos)) is not None:
        start, pos = mark.span()
        items.append(text[mark.pos:start])  # the plain text before it
        run = mark.group()
        if run[0] == "`":
            closers = closers or Closers(text)
            closer = closers.find(len(run), pos)
            if closer < 0:  # no closer of its length: the backticks are text
                items.append(run)
                continue
            items.append(_Code(_code(text[pos:closer])))
            pos = closer + len(run)
        elif run == "[":
            link = _LINK.match(text, start)
            if link is None or (start and text[start - 1] == "!"):  # or an image
                return None
            items.append(_link(link.group(1), link.group(2)))
            pos = link.end()
        elif run not in ("*", "_"):  # other markup, or strong and the rule of 3
            return None
        else:
            around = text[start - 1] if start else " ", text[pos] if pos < len(text) else " "
            items.append(_Delim(run, *_flanks(around[0], run, around[1])))
    items.append(text[pos:])
    _pair(items)
    return _styled(items)


def _link(text: str, url: str) -> _Link:
    item = _Link(text)
    item.href = url if safe_url(url) else None
    return item


def _code(content: str) -> str:
    """A code span's text: one space off each side when it holds more than spaces."""
    if content[:1] == " " and content[-1:] == " " and content.strip(" "):
        return content[1:-1]
    return content


def _pair(items: list) -> None:
    """CommonMark's emphasis pairing for delimiter runs of one character: a closer takes
    the nearest open opener with its marker, and openers left between them can no longer
    pair (markdown-it's ``balance_pairs``, where the rule of 3 never applies to 1 + 1)."""
    openers: list[_Delim] = []
    # Where the open openers of each marker stand in ``openers``: a closer finds its own
    # at once, however many of the other marker wait (linear, not quadratic, pairing).
    where: dict[str, list[int]] = {"*": [], "_": []}
    for item in items:
        if type(item) is not _Delim:
            continue
        if item.close and where[item.marker]:
            found = where[item.marker][-1]
            openers[found].role, item.role = 1, -1
            del openers[found:]
            for stack in where.values():
                while stack and stack[-1] >= found:
                    stack.pop()
            continue
        if item.open:
            where[item.marker].append(len(openers))
            openers.append(item)


def _styled(items: list) -> list[Span]:
    """Merged spans from paired pieces: text between paired delimiters is italic. Pieces
    merge as lists, and only the result becomes Spans (slower to make than lists)."""
    out: list[list] = []  # [pieces of text, italic, code, href]; joined once at the end
    depth = 0
    for item in items:
        if type(item) is _Delim:
            depth += item.role
            if item.role:
                continue
            item = item.marker
        italic, code = depth > 0, type(item) is _Code
        href = item.href if type(item) is _Link else None
        if out and out[-1][1] == italic and out[-1][2] == code and out[-1][3] == href:
            out[-1][0].append(item)
        elif item:
            out.append([[str(item)], italic, code, href])
    return [Span("".join(text), False, italic, code, href) for text, italic, code, href in out]
