"""One segment's inline Markdown → a flat list of styled spans, the single inline parser
every output uses (HTML, DOCX, review documents) and the markup profile the checks compare.

In a segment text ``\\n`` is a hard line break (the reader's convention). Raw HTML is text;
HTML comments are not shown at all. Only http(s), mailto and relative/fragment URLs become
links; anything else (``javascript:``, ``data:``, ``file:``) stays plain text. An image is a
span of its alt text carrying its source; a footnote reference ``[^id]`` is an empty span
carrying its label (the builders number it); both keep their Markdown source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping

from markdown_it.rules_inline.state_inline import StateInline

from diglot.source.linear import Closers
from diglot.source.markdown import PLAIN_URL, parser

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
    image: str | None = None  # an image: its source (``text`` is its alt text)
    note: str | None = None  # a footnote reference: the note's label (``text`` is empty)
    title: str = ""  # an image's title
    markdown: str = ""  # an image's or a reference's Markdown source, as written

    @property
    def markup(self) -> bool:
        """An image or a footnote reference: one piece, never merged with its neighbours."""
        return self.image is not None or self.note is not None

    def with_text(self, text: str) -> "Span":
        """The span with another text (dataclasses.replace, several times faster)."""
        return Span(text, self.bold, self.italic, self.code, self.href, self.br, self.image,
                    self.note, self.title, self.markdown)


@dataclass(slots=True)
class Profile:
    """Counts of inline markup in a segment, for parity checks between French and English."""

    bold: int = 0
    italic: int = 0
    code: int = 0
    links: list[str] = field(default_factory=list)
    breaks: int = 0
    images: list[str] = field(default_factory=list)  # image sources, in order
    notes: list[str] = field(default_factory=list)  # footnote labels referenced, in order


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
    if len(text) >= _LONG:
        return _long_spans(text, references)
    found = _simple_spans(text)
    return parse_spans(text, references) if found is None else found


# A long paragraph (a book's worth of links in one) is rendered in both columns when it
# is untranslated, and in both formats: parsed once per process, it costs a quarter.
_LONG = 4096
_recent: dict[tuple[str, int], tuple[Mapping | None, list[Span]]] = {}


def _long_spans(text: str, references: Mapping | None) -> list[Span]:
    key = (text, id(references))
    hit = _recent.get(key)
    if hit is None or hit[0] is not references:  # the same mapping, not a reused id
        found = _simple_spans(text)
        hit = (references, parse_spans(text, references) if found is None else found)
        if len(_recent) >= 4:
            del _recent[next(iter(_recent))]
        _recent[key] = hit
    return list(hit[1])


# --- the fast path ---------------------------------------------------------------------------
# Nearly all real segments use only code spans and single-character emphasis (``*x*``,
# ``_x_``); reading those directly is about three times faster than markdown-it's rule
# loop. Anything else (strong, links, escapes, entities, autolinks, breaks) goes to the
# parser, and tests hold the two to identical results.

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


def _simple_spans(text: str) -> list[Span] | None:
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
    merge as lists, and only the result becomes (frozen, slow to make) Spans."""
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


def parse_spans(text: str, references: Mapping | None = None) -> list[Span]:
    """``spans`` by markdown-it alone, without the shortcuts (tests compare the two)."""
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
    elif kind == "image":
        out.append(_image(token, style))
    elif kind == "footnote_ref":
        label = token.meta["label"]
        out.append(Span("", bool(style["bold"]), bool(style["italic"]), note=label,
                        markdown=f"[^{label}]"))
    elif kind in ("text", "text_special", "code_inline", "html_inline"):
        out.append(_span(token, style))


def _image(token, style: dict) -> Span:
    src = token.attrGet("src") or ""
    href = style["href"][-1] if style["href"] else None
    return Span(alt_text(token.children or []), bool(style["bold"]), bool(style["italic"]),
                href=href, image=src, title=token.attrGet("title") or "",
                markdown=token.meta.get("source", ""))


def alt_text(children) -> str:
    """An image's alt text as markdown-it renders it: its label's text, without markup."""
    return "".join(_alt_piece(t) for t in children)


def _alt_piece(token) -> str:
    if token.type == "image":
        return alt_text(token.children or [])
    if token.type in ("softbreak", "hardbreak"):
        return " "
    return token.content if token.type in ("text", "text_special", "code_inline",
                                           "html_inline") else ""


def _span(token, style: dict) -> Span:
    text = token.content
    href = style["href"][-1] if style["href"] else None
    return Span(text, bool(style["bold"]), bool(style["italic"]),
                token.type == "code_inline", href)


def _merge(items: list[Span]) -> list[Span]:
    """Adjacent spans of one style as one; texts joined once (not one copy per piece)."""
    merged: list[Span] = []
    texts: list[list[str]] = []
    for span in items:
        if merged and not span.br and not merged[-1].br and _same_style(merged[-1], span):
            texts[-1].append(span.text)
        elif span.text or span.br or span.markup:
            merged.append(span)
            texts.append([span.text])
    return [span if len(text) == 1 else
            Span("".join(text), span.bold, span.italic, span.code, span.href)
            for span, text in zip(merged, texts)]


def _same_style(a: Span, b: Span) -> bool:
    return ((a.bold, a.italic, a.code, a.href) == (b.bold, b.italic, b.code, b.href)
            and not a.markup and not b.markup)


def plain_text(text: str, references: Mapping | None = None) -> str:
    """What a reader sees, without styles; hard breaks as newlines; an image as its alt
    text; footnote references not at all."""
    return "".join(s.text for s in spans(text, references))


def meaning(text: str) -> tuple:
    """What inline Markdown says, its spelling aside: two texts with the same meaning differ
    only in how they write it (``_a_``/``*a*``, ``\\.``/``.``, ``<url>``/``[url](url)``).
    Read without link reference definitions, so ``[x][r]`` means text, not a link: a
    reference is a piece of source the spans of the rendering do not hold."""
    out: list[tuple] = []
    for token in _tokens(text, None):
        kind = "text" if token.type == "text_special" and token.info == "escape" else token.type
        if kind == "text" and out and out[-1][0] == "text":
            out[-1] = ("text", out[-1][1] + token.content)
        elif kind in ("text", "code_inline", "html_inline"):
            out.append((kind, token.content))
        elif kind in ("link_open", "image"):
            out.append((kind, token.attrGet("href") or token.attrGet("src"),
                        token.attrGet("title"), token.content))
        else:  # emphasis, breaks, an entity (its markup is what a rendering would lose)
            out.append((kind, token.markup if kind == "text_special" else ""))
    return tuple(out)


def profile(text: str, references: Mapping | None = None) -> Profile:
    """Count bold, italic and code spans, link targets, hard breaks, image sources and
    footnote references."""
    result = Profile()
    for kind, value in elements(text, references):
        if kind in ("bold", "italic", "code"):
            setattr(result, kind, getattr(result, kind) + 1)
        elif kind == "break":
            result.breaks += 1
        elif kind == "link":
            result.links.append(value)
        elif kind == "image":
            result.images.append(value)
        elif kind == "footnote":
            result.notes.append(value[2:-1])  # "[^1]" -> "1"
    return result


_OPENERS = {"strong_open": "bold", "em_open": "italic", "link_open": "link"}
_CLOSERS = {"strong_close": "bold", "em_close": "italic", "link_close": "link"}
_LEAVES = {"code_inline": "code", "image": "image", "hardbreak": "break",
           "footnote_ref": "footnote"}


def elements(text: str, references: Mapping | None = None) -> list[tuple[str, str]]:
    """Each inline element of a segment, in source order, as ``(kind, value)``: ``bold`` and
    ``italic`` with their text, ``code`` with its text, ``link`` with its URL, ``image`` with
    its path, ``break`` (value ``"\\n"``), ``footnote`` with its reference (``[^1]``). The
    checks compare these between languages; ``profile`` counts them."""
    if not _MARKUP.search(text):
        return []
    found: list[list] = []  # [kind, value, collecting text?]
    stack: list[list] = []
    for token in _tokens(text, references):
        kind = token.type
        if kind in _OPENERS:
            item = [_OPENERS[kind], token.attrGet("href") or "", kind != "link_open"]
            found.append(item)
            stack.append(item)
        elif kind in _CLOSERS and stack:
            stack.pop()
        elif kind in _LEAVES:
            value = _leaf_value(token)
            found.append([_LEAVES[kind], value, False])
        for item in stack:
            if item[2] and kind in ("text", "text_special", "code_inline"):
                item[1] += token.content
    return [(kind, value) for kind, value, _ in found]


def _leaf_value(token) -> str:
    if token.type == "image":
        return token.attrGet("src") or ""
    if token.type == "hardbreak":
        return "\n"
    if token.type == "footnote_ref":
        return f"[^{token.meta['label']}]"
    return token.content
