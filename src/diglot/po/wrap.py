"""Lay out one keyword and its string as PO lines, the way gettext's write-po.c ``wrap()`` does.

The value is cut after each ``\\n``; each portion is escaped, then broken where
libunistring finds room (see ``linebreak``), counting escape sequences as two columns.
A string that spans several lines starts with an empty ``""`` line.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diglot.po.fitting import Fitting
from diglot.po.linebreak import traits

NO_WRAP_WIDTH = 2**31 - 1  # gettext's INT_MAX page width for --no-wrap

_ESCAPES = {
    "\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
    "\t": "\\t", "\v": "\\v", "\\": "\\\\", '"': '\\"',
}
_NO_BREAK_INSIDE: frozenset[int] = frozenset()
_ESCAPED_PAIR = re.compile(r"\\.")


def escape(portion: str) -> tuple[str, frozenset[int]]:
    """The escaped text and the indexes where no break may occur (inside an escape)."""
    # Substring tests are much faster than a regex scan on non-ASCII text.
    if not ("\\" in portion or '"' in portion or "\n" in portion or "\t" in portion
            or "\r" in portion or "\a" in portion or "\b" in portion or "\f" in portion
            or "\v" in portion):
        return portion, _NO_BREAK_INSIDE
    text = portion.replace("\\", "\\\\") if "\\" in portion else portion
    for char, escaped in _ESCAPES.items():
        if char != "\\" and char in text:
            text = text.replace(char, escaped)  # str.replace beats translate() by far
    inside = {m.start() + 1 for m in _ESCAPED_PAIR.finditer(text)}
    if portion.endswith("\n"):
        inside.add(len(text) - 2)  # gettext never leaves "\n" alone on the next line
    return text, frozenset(inside)


def _shifted(portion: str, offset: int, protected: frozenset[int]) -> frozenset[int]:
    """Where the protected characters of ``portion`` (at ``offset``) land once escaped."""
    out, shift = set(), 0
    for k, ch in enumerate(portion):
        if offset + k in protected:
            out.add(k + shift)
        shift += ch in _ESCAPES
    return frozenset(out)


def portions(value: str) -> list[str]:
    """``value`` cut after each newline; an empty value is one empty portion."""
    if "\n" not in value:
        return [value]
    parts = [part + "\n" for part in value.split("\n")]
    last = parts.pop()
    if last != "\n":
        parts.append(last[:-1])
    return parts


def wrap_lines(prefix: str, keyword: str, value: str, width: int, cjk: bool = False,
                protected: frozenset[int] = frozenset()) -> list[str]:
    """PO lines for ``keyword value``, each starting with ``prefix`` (``#~ ``, ``#| ``...).

    ``protected`` holds indexes of ``value`` before which no break may occur (inside
    format directives).
    """
    return list(_wrap_cached(prefix, keyword, value, width, cjk, protected))


@lru_cache(maxsize=1 << 16)
def _wrap_cached(prefix: str, keyword: str, value: str, width: int, cjk: bool,
                 protected: frozenset[int]) -> tuple[str, ...]:
    # update writes each msgid twice (template and PO): the second layout is free.
    return tuple(_wrap(prefix, keyword, value, width, cjk, protected))


def _wrap(prefix: str, keyword: str, value: str, width: int, cjk: bool,
          protected: frozenset[int]) -> list[str]:
    room = width - 1 - (len(prefix) + 1)  # columns between the quotes of a continuation line
    newline = value.find("\n")
    if protected:
        return _layout(prefix, keyword, portions(value), room, cjk, protected)
    if newline < 0 or newline == len(value) - 1:
        text, prohibited = escape(value)
        known = traits(text, cjk)
        if len(keyword) + 1 + len(text) <= room and not known[1]:
            return [f'{prefix}{keyword} "{text}"']  # fits: no break is ever taken
        if text and len(keyword) + 1 <= room:
            fitting = Fitting(text, prohibited, cjk, known)
            opens_empty, starts = fitting.first_line_layout(room, len(keyword) + 1)
            return _lines(prefix, f"{prefix}{keyword} ", text, starts, opens_empty)
    return _layout(prefix, keyword, portions(value), room, cjk)


def _lines(prefix: str, head: str, text: str, starts: list[int], opens_empty: bool) -> list[str]:
    """Quoted lines of ``text`` cut at ``starts``, the first one after ``head``."""
    cuts = [0, *starts, len(text)]
    pieces = [text[a:b] for a, b in zip(cuts, cuts[1:])]
    first = [f'{head}""', f'{prefix}"{pieces[0]}"'] if opens_empty else [f'{head}"{pieces[0]}"']
    return first + [f'{prefix}"{piece}"' for piece in pieces[1:]]


def _layout(prefix: str, keyword: str, pieces: list[str], room: int, cjk: bool,
            protected: frozenset[int] = frozenset()) -> list[str]:
    """The general case of gettext's wrap(): several portions, or a keyword wider than the page."""
    lines: list[str] = []
    head = f"{prefix}{keyword} "
    offset = 0
    for index, portion in enumerate(pieces):
        text, prohibited = escape(portion)
        if protected:
            prohibited |= _shifted(portion, offset, protected)
        offset += len(portion)
        fitting = Fitting(text, prohibited, cjk)
        startcol = len(keyword) + 1 if head else 0
        opens_empty = bool(head and text and (index < len(pieces) - 1 or startcol > room
                                              or fitting.wraps_first_line(room, startcol)))
        if opens_empty:
            lines.append(f'{head}""')
            head, startcol = "", 0
        lines += _lines(prefix, head or prefix, text, fitting.line_starts(room, startcol), False)
        head = ""
    return lines
