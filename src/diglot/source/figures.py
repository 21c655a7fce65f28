"""Figures as the reader meets them: a paragraph that is one image and nothing else (not
inside a link) is a figure, whose alt text and title become two segments."""

from __future__ import annotations

from typing import Mapping, NamedTuple

from diglot.source.markdown import parser


class Figure(NamedTuple):
    """A paragraph that is one image: its source, alt text (Markdown, as written) and title."""

    src: str
    alt: str
    title: str


def lone_image(text: str, references: Mapping | None = None) -> Figure | None:
    """The image, when ``text`` is one image and nothing else (a figure)."""
    if not text.startswith("!["):
        return None
    md, tokens = parser(), []
    md.inline.parse(text, md, {"references": dict(references or {})}, tokens)
    found = [t for t in tokens if t.type != "text" or t.content.strip()]
    if len(found) != 1 or found[0].type != "image":
        return None
    image = found[0]
    return Figure(image.attrGet("src") or "", image.content, image.attrGet("title") or "")
