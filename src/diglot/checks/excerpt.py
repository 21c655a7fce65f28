"""Quoting a stretch of a segment with its context, for messages that show the problem."""

from __future__ import annotations

WIDTH = 40  # characters of context on each side, cut back to whole words


def quote(text: str, start: int, end: int | None = None, width: int = WIDTH) -> str:
    """``“…context [text[start:end]] context…”`` on one line (a hard break shows as ``↵``)."""
    end = start if end is None else end
    left, right = text[max(0, start - width):start], text[end:end + width]
    if start - width > 0:
        left = "…" + _after_first_space(left)
    if end + width < len(text):
        right = _before_last_space(right) + "…"
    return "“" + (left + text[start:end] + right).replace("\n", "↵") + "”"


def whole(text: str, width: int = WIDTH) -> str:
    """The start of a text, quoted."""
    return quote(text, 0, 0, 2 * width)


def _after_first_space(text: str) -> str:
    cut = text.find(" ")
    return text[cut + 1:] if 0 <= cut < len(text) - 1 else text


def _before_last_space(text: str) -> str:
    cut = text.rfind(" ")
    return text[:cut] if cut > 0 else text
