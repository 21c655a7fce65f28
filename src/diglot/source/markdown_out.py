"""Styled spans read back from Word → inline Markdown: the inverse of ``inline.spans``.

Bold becomes ``**…**``, italic ``*…*``, code backticks, a hyperlink ``[text](url)``, a line
break ``\\n`` (the segment's hard-break convention); characters Markdown would read as
markup are backslash-escaped. Every rendering is checked by parsing it again with
``inline.spans``: what comes back must be the spans we started from, so the round trip is
exact, not hoped for. Markdown cannot express everything Word can (bold on a space, bold
that ends on punctuation glued to a letter); ``normalize`` and the fallbacks below say what
gives way. Images and footnote calls are written back as the Markdown they were read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from diglot.source.inline import Span, safe_url, spans
from diglot.source.markdown import parser

# Characters XML 1.0 cannot hold (the DOCX writer drops them, so a cell can never show
# them), and the C1 controls XML can but a PO file cannot (the PO layer refuses them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_ALWAYS_ESCAPED = frozenset("\\`*_[]")
# Marker choices (italic, bold), tried in order: '*' works inside words, '_' separates a
# closing run from an opening one where '***' would be ambiguous.
_MARKERS = (("*", "**"), ("_", "**"), ("*", "__"), ("_", "__"))


@dataclass(frozen=True)
class Markdown:
    """A rendering and whether it parses back to exactly the spans given (else the
    formatting of some edge punctuation had to be dropped)."""

    text: str
    exact: bool


def to_markdown(items: list[Span]) -> Markdown:
    """The inline Markdown whose ``inline.spans`` are ``normalize(items)``."""
    wanted = normalize(items)
    for relaxed in (wanted, _relax(wanted), _relax(wanted, code=True)):
        for italic, bold in _MARKERS:
            text = _Renderer(italic, bold).render(relaxed)
            if normalize(spans(text)) == relaxed:
                return Markdown(text, relaxed is wanted)
    return Markdown(_Renderer("*", "**").render(_plain(wanted)), False)


def normalize(items: list[Span]) -> list[Span]:
    """The canonical form of a span list: what Markdown can say, merged.

    Whitespace at the edges of a stretch of bold or italic moves outside it (Markdown cannot
    open or close emphasis next to a space); spaces after a line break go (Markdown drops
    them); links keep only targets ``inline`` accepts, written as markdown-it normalises them.
    """
    out: list[Span] = []
    stretch: list[Span] = []
    for span in list(items) + [None]:  # type: ignore[list-item]
        if span is None or span.markup:
            out += _normalize_text(stretch)
            stretch = []
            if span is not None:
                out.append(replace(span, href=_href(span.href)))
        else:
            stretch.append(span)
    return _merge(_after_breaks(out))


def _normalize_text(items: list[Span]) -> list[Span]:
    """``normalize`` for a stretch of text between images and note calls."""
    pieces: list[Span] = []
    for span in _split_breaks(items):
        if span.br:
            pieces.append(Span("\n", br=True))
        else:
            pieces.append(replace(span, text=_NOT_XML.sub("", span.text), href=_href(span.href)))
    return _trim_edges(_merge(pieces))


def _split_breaks(items: list[Span]):
    for span in items:
        if span.br or "\n" not in span.text:
            yield span
            continue
        for number, piece in enumerate(span.text.split("\n")):
            if number:
                yield Span("\n", br=True)
            yield replace(span, text=piece)


def _after_breaks(items: list[Span]) -> list[Span]:
    """Drop the spaces and tabs that start a line: markdown-it skips them after a break."""
    out: list[Span] = []
    line_start = False
    for span in items:
        if span.br:
            line_start = True
        elif line_start and not span.code and not span.markup:
            span = replace(span, text=span.text.lstrip(" \t"))
            line_start = not span.text
        else:
            line_start = False
        out.append(span)
    return out


def _href(href: str | None) -> str | None:
    if not href or not safe_url(href):
        return None
    return parser().normalizeLink(href.strip())


def _trim_edges(items: list[Span]) -> list[Span]:
    """Drop bold and italic from whitespace at the edges of each stretch of text carrying
    them (``**a **`` cannot close in Markdown); code keeps its spaces. Works per character
    on flag lists: a segment is short, and Span objects per character would be slow."""
    chars = [(c, s) for s in items for c in (s.text if not s.br else "\n")]
    fixed = [c.isspace() and not s.code and not s.br for c, s in chars]
    flags = {"bold": [s.bold for _, s in chars], "italic": [s.italic for _, s in chars]}
    for on in flags.values():
        _trim(on, fixed)
    out = [Span(c, flags["bold"][i], flags["italic"][i], s.code, s.href, s.br)
           for i, (c, s) in enumerate(chars)]
    return _merge(out)


def _trim(on: list[bool], space: list[bool]) -> None:
    start = 0
    while start < len(on):
        if not on[start]:
            start += 1
            continue
        end = start
        while end < len(on) and on[end]:
            end += 1
        for order in (range(start, end), range(end - 1, start - 1, -1)):
            for index in order:
                if not space[index]:
                    break
                on[index] = False
        start = end


def _merge(items: list[Span]) -> list[Span]:
    """Adjacent spans of one style as one, empty ones dropped (breaks stay apart)."""
    merged: list[Span] = []
    texts: list[list[str]] = []
    for span in items:
        if not span.br and not span.text and not span.markup:
            continue
        if (merged and not span.br and not merged[-1].br and not span.markup
                and not merged[-1].markup and _style(merged[-1]) == _style(span)):
            texts[-1].append(span.text)
        else:
            merged.append(span)
            texts.append([span.text])
    return [span if len(text) == 1 else replace(span, text="".join(text))
            for span, text in zip(merged, texts)]


def _style(span: Span) -> tuple:
    return (span.bold, span.italic, span.code, span.href)


def _relax(items: list[Span], code: bool = False) -> list[Span]:
    """Drop bold/italic from punctuation at the edges of emphasis (``**(a)**s`` cannot close
    in CommonMark; ``**(a**)s`` can), and with ``code`` from code spans too: nearly
    invisible, and better than literal asterisks."""
    out: list[Span] = []
    for span in items:
        if span.br or span.markup or not (span.bold or span.italic) or span.code and not code:
            out.append(span)
            continue
        if span.code:
            out.append(replace(span, bold=False, italic=False))
            continue
        core = span.text.strip(_EDGE)
        start = len(span.text) - len(span.text.lstrip(_EDGE))
        plain = replace(span, bold=False, italic=False)
        out += [replace(plain, text=span.text[:start]), replace(span, text=core),
                replace(plain, text=span.text[start + len(core):])]
    return _merge(out)


# Punctuation (ASCII and the typographic kind) and whitespace, as CommonMark's flanking
# rules see them.
_EDGE = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”‘’…–—¡¿ \t\xa0\u202f"


def _plain(items: list[Span]) -> list[Span]:
    return _merge([replace(s, bold=False, italic=False) if s.markup else
                   Span(s.text, code=s.code, href=s.href, br=s.br) for s in items])


_RANK = {"link": 0, "bold": 1, "italic": 2}


class _Renderer:
    """Writes spans as Markdown, opening the longest-lasting style outermost."""

    def __init__(self, italic: str, bold: str):
        self.marks = {"italic": italic, "bold": bold}
        self.out: list[str] = []
        self.open: list[tuple[str, str | None]] = []  # ("bold"|"italic"|"link", href)

    def render(self, items: list[Span]) -> str:
        following = _next_texts(items)
        for index, span in enumerate(items):
            if span.br:
                self._close_unwanted(_wanted(following[index]))
                self.out.append("\n")
                continue
            self._close_unwanted(_wanted(span))
            # Ties go link, bold, italic outermost: a set's order would vary between runs.
            for marker in sorted(_wanted(span) - set(self.open),
                                 key=lambda m: (-_lasting(items, index, m), _RANK[m[0]])):
                self._open(marker)
            if span.markup:
                self.out.append(span.markdown)
            else:
                self.out.append(_code(span.text) if span.code else escape(span.text))
        self._close_unwanted(set())
        return "".join(self.out)

    def _close_unwanted(self, wanted: set) -> None:
        keep = 0
        while keep < len(self.open) and self.open[keep] in wanted:
            keep += 1
        while len(self.open) > keep:
            kind, href = self.open.pop()
            self.out.append(f"]({_destination(href or '')})" if kind == "link"
                            else self.marks[kind])

    def _open(self, marker: tuple[str, str | None]) -> None:
        kind = marker[0]
        if kind == "link" and self.out and self.out[-1].endswith("!"):
            # "!" right before "[" would make the link an image
            self.out[-1] = self.out[-1][:-1] + "\\!"
        self.out.append("[" if kind == "link" else self.marks[kind])
        self.open.append(marker)


def _wanted(span: Span | None) -> set:
    if span is None:
        return set()
    found = {("bold", None)} if span.bold else set()
    if span.italic:
        found.add(("italic", None))
    if span.href:
        found.add(("link", span.href))
    return found


def _next_texts(items: list[Span]) -> list[Span | None]:
    """For each span, the first span after it that is no line break (None at the end): one
    pass from the end, where a search from each break was quadratic (a cell of 100,000
    breaks, 60 KB of DOCX, took two minutes)."""
    out: list[Span | None] = [None] * len(items)
    after = None
    for index in range(len(items) - 1, -1, -1):
        out[index] = after
        if not items[index].br:
            after = items[index]
    return out


def _lasting(items: list[Span], index: int, marker) -> int:
    count = 0
    for span in items[index:]:
        if not span.br and marker not in _wanted(span):
            break
        count += 1
    return count


def escape(text: str) -> str:
    """Backslash-escape what inline Markdown would read as markup, and nothing else."""
    out = []
    for index, char in enumerate(text):
        after = text[index + 1:index + 2]
        if (char in _ALWAYS_ESCAPED or (char == "<" and after and not after.isspace())
                or (char == "&" and (after.isalnum() or after == "#"))):
            out.append("\\")
        out.append(char)
    return "".join(out)


def _code(text: str) -> str:
    """A code span: a backtick fence no run inside matches, padded when the content starts
    or ends with a backtick or space (CommonMark strips one space from each side)."""
    runs = {len(r) for r in re.findall("`+", text)}
    fence = "`" * next(n for n in range(1, len(runs) + 2) if n not in runs)
    pad = text.startswith(("`", " ")) or text.endswith(("`", " "))
    if pad and not text.strip(" "):
        pad = False  # an all-space code span is kept as it is
    space = " " if pad else ""
    return f"{fence}{space}{text}{space}{fence}"


def _destination(href: str) -> str:
    if not href or re.search(r"[\s()<>\\]", href):
        return "<" + re.sub(r"([<>\\])", r"\\\1", href) + ">"
    return href
