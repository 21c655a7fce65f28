"""The cover's title lines: an SVG has no line breaking, so the titles are broken here,
word by word, at the largest type size that fits them in a few lines of the cover's width
(no font is embedded or fetched: the width of a serif letter is estimated)."""

from __future__ import annotations

import re

WIDTH = 1200  # the cover's view box: 1200 × 1800, a 2:3 page
_TEXT_WIDTH = 1000
_EM = 0.56  # a serif letter's average width, in ems (DejaVu Serif's, the widest usual one)
_SIZES = (104, 88, 76, 64, 54, 46)
_TOP = 560  # the first title line's baseline


def cover_lines(title: str, subtitle: str) -> dict:
    """The title's lines, the rule under them and the subtitle's (in italic, smaller), as
    {"title": [(y, text)], "size", "rule", "subtitle": [(y, text)], "sub_size"}."""
    size, lines = _fitted(title, 4)
    y = _TOP
    placed = []
    for line in lines:
        placed.append((y, line))
        y += round(size * 1.18)
    rule = y - round(size * 0.55)
    sub_size, sub_lines = _fitted(subtitle, 3, scale=0.55) if subtitle else (0, [])
    sub = []
    y = rule + round(sub_size * 1.6)
    for line in sub_lines:
        sub.append((y, line))
        y += round(sub_size * 1.25)
    return {"title": placed, "size": size, "rule": rule, "subtitle": sub, "sub_size": sub_size}


def _fitted(text: str, most: int, scale: float = 1.0) -> tuple[int, list[str]]:
    """The largest size at which ``text`` takes at most ``most`` lines, and its lines (at
    the smallest size, the lines past ``most + 2`` are cut, the last ending with '…')."""
    for size in (round(s * scale) for s in _SIZES):
        lines = _wrap(text, int(_TEXT_WIDTH / (size * _EM)))
        if len(lines) <= most:
            return size, lines
    keep = lines[:most + 2]
    if len(lines) > len(keep):
        keep[-1] = keep[-1].rstrip(" ,;:.") + "…"
    return size, keep


_BREAKABLE = re.compile(r"[ \t\n]+")  # not the no-break spaces typography set ("tram\u00a0:")


def _wrap(text: str, width: int) -> list[str]:
    """Words into lines of at most ``width`` characters (a longer word has its own line)."""
    lines: list[str] = []
    for word in (w for w in _BREAKABLE.split(text) if w):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]
