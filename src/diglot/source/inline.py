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
from typing import Mapping

from diglot.source.inline_fast import simple_spans
from diglot.source.markdown import parser
from diglot.source.span import Span, safe_url

__all__ = ["Span", "safe_url", "spans", "parse_spans", "plain_text", "meaning", "profile",
           "elements", "alt_text"]


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


def _title(token) -> str:
    """A link's or image's title, its line breaks as written (``_tokens`` made each a hard
    break, which a title keeps as a backslash: an attack round found "Network\\" in a
    tooltip)."""
    return (token.attrGet("title") or "").replace("\\\n", "\n")


def spans(text: str, references: Mapping | None = None) -> list[Span]:
    """Parse ``text`` into spans; adjacent spans with the same style are merged."""
    if not _MARKUP.search(text):
        return [Span(text)] if text else []
    if len(text) >= _LONG:
        return _long_spans(text, references)
    found = simple_spans(text)
    return parse_spans(text, references) if found is None else found


# A long paragraph (a book's worth of links in one) is rendered in both columns when it
# is untranslated, and in both formats: parsed once per process, it costs a quarter.
_LONG = 4096
_recent: dict[tuple[str, int], tuple[Mapping | None, list[Span]]] = {}


def _long_spans(text: str, references: Mapping | None) -> list[Span]:
    key = (text, id(references))
    hit = _recent.get(key)
    if hit is None or hit[0] is not references:  # the same mapping, not a reused id
        found = simple_spans(text)
        hit = (references, parse_spans(text, references) if found is None else found)
        if len(_recent) >= 4:
            del _recent[next(iter(_recent))]
        _recent[key] = hit
    return list(hit[1])


def parse_spans(text: str, references: Mapping | None = None) -> list[Span]:
    """``spans`` by markdown-it alone, without the shortcuts (tests compare the two)."""
    out: list[Span] = []
    style = {"bold": 0, "italic": 0, "href": [], "title": []}
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
        style["title"].append(_title(token))
    elif kind == "link_close":
        style["href"].pop()
        style["title"].pop()
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
                href=href, image=src, title=_title(token),
                markdown=token.meta.get("source", ""),
                link_title=style["title"][-1] if href is not None else "")


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
                token.type == "code_inline", href,
                link_title=style["title"][-1] if href is not None else "")


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
            span.with_text("".join(text)) for span, text in zip(merged, texts)]


def _same_style(a: Span, b: Span) -> bool:
    return ((a.bold, a.italic, a.code, a.href, a.link_title) == (b.bold, b.italic, b.code,
                                                               b.href, b.link_title)
            and not a.markup and not b.markup)


_LABEL = re.compile(r"\[((?:\\.|[^\[\]\\\n]){1,999})\]")  # escapes too: [a\]b] (a code review)


def reference_writing(texts, references: Mapping) -> tuple[int, str]:
    """The characters the link definitions ``references`` would write where ``texts`` use
    them (each use writes its address and title again; a bracketed text naming a label
    counts as a use), and the label writing the most."""
    total, most, by_label = 0, "", {}
    for text in texts if references else ():
        for found in _LABEL.finditer(text) if "[" in text else ():
            label = " ".join(found.group(1).split()).lower().upper()  # markdown-it's key
            ref = references.get(label)
            if ref:
                size = len(ref.get("href") or "") + len(ref.get("title") or "")
                total, by_label[label] = total + size, by_label.get(label, 0) + size
                most = label if by_label[label] >= by_label.get(most, 0) else most
    return total, most


def untitled(references: Mapping) -> dict:
    """Link reference definitions without their titles (markdown-it's ``env["references"]``:
    label → {"href", "title"})."""
    return {label: {**found, "title": ""} for label, found in references.items()}


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


_TEXT_DEPTH = 8  # open elements that collect the text inside them (see ``elements``)


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
        if kind in ("text", "text_special", "code_inline"):
            # The text goes to the innermost open elements only: real Markdown nests emphasis
            # two or three deep, and 20,000 levels would cost 20,000 copies of every word.
            for item in stack[-_TEXT_DEPTH:]:
                if item[2]:
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
