"""Where the format directives of a python-format or python-brace-format string are.

gettext never breaks a line inside a valid format directive of the entry's format
language (write-po.c asks the language's parser). Only the two Python languages are
reproduced here, following gettext's format-python.c and format-python-brace.c: a
directive is protected only if it parses; parsing stops at the first error. For
python-brace-format, gettext 0.21 records the marks at the wrong offsets, and that
slip is reproduced too (see ``_brace_protected``).
"""

from __future__ import annotations

_PERCENT_FLAGS = "-+ #0"
_PERCENT_CONVERSIONS = "%csridouxXeEfgG"


def protected_indexes(language: str, value: str, codec: str = "utf-8") -> frozenset[int] | None:
    """Indexes of ``value`` before which gettext never breaks, because of format directives.

    None when ``language`` is one whose directives this module does not know.
    """
    if language == "python":
        spans = _percent_spans(value)
        return frozenset(i for start, end in spans for i in range(start + 1, end + 1))
    if language == "python-brace":
        return _brace_protected(value, codec)
    return None


def _skip(value: str, i: int, chars: str) -> int:
    while i < len(value) and value[i] in chars:
        i += 1
    return i


def _percent_spans(value: str) -> list[tuple[int, int]]:
    """(first, last) indexes of the valid ``%`` directives, up to the first invalid one."""
    spans: list[tuple[int, int]] = []
    named = unnamed = False
    i = value.find("%")
    while i >= 0:
        end, is_named, stars = _percent_directive(value, i)
        if end is None:
            return spans  # gettext stops at the first invalid directive
        takes_argument = stars or value[end] != "%"
        if (is_named and (unnamed or stars)) or (not is_named and named and takes_argument):
            return spans  # mixing named and unnamed arguments is invalid too
        named = named or is_named
        unnamed = unnamed or stars or (not is_named and takes_argument)
        spans.append((i, end))
        i = value.find("%", end + 1)
    return spans


def _percent_directive(value: str, i: int) -> tuple[int | None, bool, bool]:
    """(index of the conversion character or None, has a (name), uses '*')."""
    j = i + 1
    is_named = value[j:j + 1] == "("
    if is_named:
        depth, j = 0, j + 1
        while j < len(value) and not (value[j] == ")" and depth == 0):
            depth += {"(": 1, ")": -1}.get(value[j], 0)
            j += 1
        if j >= len(value):
            return None, is_named, False
        j += 1
    j = _skip(value, j, _PERCENT_FLAGS)
    stars = value[j:j + 1] == "*"
    j = j + 1 if stars else _skip(value, j, "0123456789")
    if value[j:j + 1] == ".":
        j += 1
        if value[j:j + 1] == "*":
            stars, j = True, j + 1
        else:
            j = _skip(value, j, "0123456789")
    if value[j:j + 1] in ("h", "l", "L") and j < len(value):
        j += 1
    if j >= len(value) or value[j] not in _PERCENT_CONVERSIONS:
        return None, is_named, stars
    return j, is_named, stars


_NAME_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_NAME_CHARS = _NAME_START | frozenset("0123456789")
_DIGITS = frozenset("0123456789")


def _brace_protected(value: str, codec: str) -> frozenset[int]:
    """Protected indexes for python-brace-format, with gettext 0.21's offset slip.

    format-python-brace.c records directive marks relative to the directive's own
    opening brace instead of the string start, so every valid directive marks the
    string's first bytes: the protected run is bytes 1..m, where m is the smallest
    relative end (or error) offset recorded; an error there voids the protection.
    """
    marks: list[tuple[int, bool]] = []  # (offset from the directive's brace, is an error)
    i = value.find("{")
    while i >= 0:
        if value[i + 1:i + 2] == "{":
            i = value.find("{", i + 2)
            continue
        end, error = _brace_directive(value, i, nested=False)
        if end is None:
            marks.append((error, True))
            break
        marks.append((end - i, False))
        i = value.find("{", end + 1)
    valid = [m for m, is_error in marks if not is_error]
    if not valid:
        return frozenset()
    last = min(m for m, _ in marks)
    if any(m == last and is_error for m, is_error in marks):
        return frozenset()
    return _chars_at_bytes(value, codec, last)


def _chars_at_bytes(value: str, codec: str, last: int) -> frozenset[int]:
    """Indexes of the characters whose first byte lies at offsets 1..last."""
    out, offset = set(), 0
    for k, ch in enumerate(value):
        if offset > last:
            break
        if offset >= 1:
            out.add(k)
        offset += len(ch.encode(codec, "replace"))
    return frozenset(out)


def _field(value: str, j: int) -> int:
    """End of a field name (identifier or number) starting at ``j``; ``j`` if none."""
    if j < len(value) and value[j] in _NAME_START:
        return _skip(value, j, _NAME_CHARS)
    return _skip(value, j, _DIGITS)


def _brace_directive(value: str, i: int, nested: bool) -> tuple[int | None, int]:
    """(index of the closing brace, 0) for a valid directive opening at ``i``, else
    (None, offset of the error from the innermost directive's opening brace)."""
    j = _field(value, i + 1)
    if j == i + 1:
        return None, 1  # a field name must start the directive
    while value[j:j + 1] in (".", "["):
        k = _field(value, j + 1)
        if k == j + 1 or (value[j] == "." and value[j + 1:j + 2] not in _NAME_START):
            return None, j + 1 - i
        if value[j] == "[":
            if value[k:k + 1] != "]":
                return None, k - i
            k += 1
        j = k
    if value[j:j + 1] == ":":
        if nested:
            return None, j - i
        if value[j + 1:j + 2] == "{":
            inner, error = _brace_directive(value, j + 1, nested=True)
            if inner is None:
                return None, error
            j = inner + 1
        elif j + 1 >= len(value):
            return None, j + 1 - i
        else:
            j = _format_spec(value, j + 1)
    return (j, 0) if value[j:j + 1] == "}" else (None, j - i)


def _format_spec(value: str, j: int) -> int:
    """End of a standard format specifier ``[[fill]align][sign][#][0][width][.precision][type]``."""
    if value[j + 1:j + 2] in ("<", ">", "=", "^") and j + 1 < len(value):
        j += 2
    elif value[j] in "<>=^":
        j += 1
    for chars in ("+- ", "#", "0"):
        if value[j:j + 1] and value[j] in chars:
            j += 1
    j = _skip(value, j, _DIGITS)
    if value[j:j + 1] == "." and value[j + 1:j + 2] and value[j + 1] in _DIGITS:
        j = _skip(value, j + 1, _DIGITS)
    if value[j:j + 1] and value[j] in "bcdoxXneEfFgG%":
        j += 1
    return j
