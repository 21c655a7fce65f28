"""How gettext 0.21 reads and normalises ``#,`` flag comments and ``#:`` reference comments.

Shared by the parser (tokenising) and the writer (printing what msgcat would print):
msgcat keeps only the flags it knows, in a fixed order, and rewrites references; diglot
prints the known flags the same way and keeps the others after them.
"""

from __future__ import annotations

import re

# gettext 0.21's format_language[] order: the order msgcat prints format flags in.
FORMAT_LANGUAGES = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript",
    "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal",
    "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl",
    "perl-brace", "php", "gcc-internal", "gfc-internal", "ycp",
)
_FORMAT_INDEX = {name: i for i, name in enumerate(FORMAT_LANGUAGES)}
_FLAG_SEPARATORS = re.compile(r"[\n \t\r\f\v,]+")
_RANGE = re.compile(r"range: ([0-9]+)\.\.([0-9]+)")  # gettext ignores what follows
_INT_MAX = 2**31 - 1
_REFERENCE_SEPARATORS = re.compile(r"[ \t\n]+")  # not str.split(): NBSP is no separator


def split_flags(text: str) -> list[str]:
    """Flag tokens of one ``#,`` line; ``range:`` keeps its bounds (``range: 1..5``)."""
    tokens = [t for t in _FLAG_SEPARATORS.split(text) if t]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == "range:" and i + 1 < len(tokens):
            out.append(f"range: {tokens[i + 1]}")
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


def _format_flag(flag: str) -> tuple[int, str] | None:
    """(language index, printed form or "" when gettext forgets it) for a format flag."""
    body = flag[:-7]
    for prefix, shown in (("no-", "no-"), ("possible-", ""), ("impossible-", None)):
        if body.startswith(prefix) and body[len(prefix):] in _FORMAT_INDEX:
            lang = body[len(prefix):]
            return _FORMAT_INDEX[lang], "" if shown is None else f"{shown}{lang}-format"
    if body in _FORMAT_INDEX:
        return _FORMAT_INDEX[body], flag
    return None


def _range_flag(flag: str) -> str | None:
    match = _RANGE.match(flag)
    if not match:
        return None
    low, high = (min(int(g), _INT_MAX) if len(g) < 19 else _INT_MAX for g in match.groups())
    return f"range: {low}..{high}" if low <= high else None


def canonical_flags(flags: tuple[str, ...] | list[str], translated: bool) -> list[str]:
    """The flags msgcat prints: fuzzy (only when a translation exists), formats, range, no-wrap."""
    fuzzy, wrap, rng = False, None, None
    formats: dict[int, str] = {}
    for flag in flags:
        if flag == "fuzzy":
            fuzzy = True
        elif flag in ("wrap", "no-wrap"):
            wrap = flag
        elif flag.endswith("-format") and (parsed := _format_flag(flag)):
            formats[parsed[0]] = parsed[1]
        elif flag.startswith("range: "):
            rng = _range_flag(flag) or rng
    out = ["fuzzy"] if fuzzy and translated else []
    out += [formats[i] for i in sorted(formats) if formats[i]]
    out += [rng] if rng else []
    out += ["no-wrap"] if wrap == "no-wrap" else []
    # msgcat drops flags it does not know; diglot never drops a translator's flag.
    return out + [f for f in flags if not _known(f) and f not in out]


def _known(flag: str) -> bool:
    return (flag in ("fuzzy", "wrap", "no-wrap") or flag.startswith("range: ")
            or (flag.endswith("-format") and _format_flag(flag) is not None))


def format_language(flags: tuple[str, ...]) -> str | None:
    """The first language (in gettext's order) the flags say the strings may be formats of."""
    values: dict[int, str] = {}
    for flag in flags:
        if flag.endswith("-format") and (parsed := _format_flag(flag)):
            values[parsed[0]] = parsed[1]
    possible = [i for i, shown in values.items() if shown and not shown.startswith("no-")]
    return FORMAT_LANGUAGES[min(possible)] if possible else None


def no_wrap(flags: tuple[str, ...]) -> bool:
    """Whether the last wrap flag says ``no-wrap`` (such strings are never broken)."""
    wraps = [f for f in flags if f in ("wrap", "no-wrap")]
    return bool(wraps) and wraps[-1] == "no-wrap"


def parse_references(text: str) -> list[str]:
    """``file:line`` tokens of a ``#:`` line, read like gettext 0.21 (``f.c :12`` is ``f.c:12``)."""
    words = [w for w in _REFERENCE_SEPARATORS.split(text) if w]
    out: list[str] = []
    i = 0
    while i < len(words):
        word, i = words[i], i + 1
        if i < len(words) and words[i][:1] == ":" and _is_number(words[i][1:]):
            word, i = f"{word}:{_line_number(words[i][1:])}", i + 1
        elif word.endswith(":") and i < len(words) and _is_number(words[i]):
            word, i = f"{word[:-1]}:{_line_number(words[i])}", i + 1
        elif i < len(words) and words[i] == ":" and i + 1 < len(words) and _is_number(words[i + 1]):
            word, i = f"{word}:{_line_number(words[i + 1])}", i + 2
        out.append(reference_display(word))
    return out


def _is_number(word: str) -> bool:
    return word.isascii() and word.isdigit()


def _line_number(digits: str) -> str:
    """gettext accumulates into a size_t and prints it with %ld."""
    n = 0
    for start in range(0, len(digits), 18):  # by chunks: int() refuses 4,300 digits at once
        chunk = digits[start:start + 18]
        n = (n * 10 ** len(chunk) + int(chunk)) % 2**64
    return str(n - 2**64 if n >= 2**63 else n)


_TRAILING_NUMBER = re.compile(r"(.+):([0-9]+)")


def reference_display(token: str) -> str:
    """A reference as msgcat prints it: no leading ``./``, canonical line number."""
    while token.startswith("./"):
        token = token[2:]
    match = _TRAILING_NUMBER.fullmatch(token)
    if match and match.group(1):
        n = _line_number(match.group(2))
        return match.group(1) if n == "-1" else f"{match.group(1)}:{n}"
    return token


def _drop_space(text: str) -> str:
    """gettext drops the one space people put after a comment marker."""
    return text[1:] if text[:1] == " " else text


def read_comment(fields: dict, line: str) -> None:
    """Add a ``#``, ``#.``, ``#:`` or ``#,`` comment line to an entry's ``fields``."""
    kind = line[1:2]
    if kind == ".":
        fields["extracted_comments"].append(_drop_space(line[2:]))
    elif kind == ":":
        fields["references"] += parse_references(line[2:])
    elif kind == "," or kind == "!":
        # gettext keeps only the last flag line; a translator's flags are worth more than
        # that quirk, so every line's flags are kept (a file with two lines is rare anyway).
        fields["flags"] += [f for f in split_flags(line[2:]) if f not in fields["flags"]]
    else:
        fields["translator_comments"].append(_drop_space(line[1:]))
