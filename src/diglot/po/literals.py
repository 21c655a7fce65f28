"""PO string literals: find the quoted strings on a line, check and undo their escapes.

gettext accepts the C escapes ``\\n \\t \\r \\\\ \\" \\a \\b \\f \\v``, octal ``\\ooo`` and
hex ``\\xhh``; octal and hex escapes denote bytes of the file's charset. Errors are
raised as ``LiteralError`` and turned into ``CatalogError`` (with path and line) by the
parser, so this module does not need to know where it is.
"""

from __future__ import annotations

import re

_LITERAL = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"[ \t]*')
_ESCAPE = re.compile(r'\\(?:([ntr\\"abfv])|([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))')
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "a": "\a", "b": "\b",
           "f": "\f", "v": "\v"}


# Control characters with no C escape: a PO string cannot show them, and Word refuses them.
UNWRITABLE = re.compile("[\x00-\x06\x0e-\x1f\x7f-\x9f]")


class LiteralError(ValueError):
    """A malformed string literal; the message says what to do."""


def read_strings(text: str) -> str:
    """The concatenated value of the quoted strings making up ``text`` (which starts with ``"``)."""
    if text[-1:] == '"' and len(text) > 1 and "\\" not in text and text.count('"') == 2:
        return text[1:-1]
    parts, pos = [], 0
    while pos < len(text):
        match = _LITERAL.match(text, pos)
        if match is None:
            if text[pos] == '"':
                raise LiteralError("unterminated string; close it with a double quote")
            raise LiteralError(f"stray text '{text[pos:]}' after the string; remove it or quote it")
        parts.append(match.group(1))
        pos = match.end()
    return "".join(parts)


def unescape(raw: str, codec: str) -> str:
    """The text a literal's contents stand for; ``codec`` decodes octal and hex bytes."""
    if "\\" not in raw:
        return raw
    matches = list(_ESCAPE.finditer(raw))
    for match in matches:
        if match.group(4) is not None:
            raise LiteralError(
                f"invalid escape sequence '{match.group()}'; write '\\\\' for a backslash"
            )
    if all(match.group(1) for match in matches):
        return _ESCAPE.sub(lambda m: _SIMPLE[m.group(1)], raw)
    return _unescape_bytes(raw, matches, codec)


def _unescape_bytes(raw: str, matches: list[re.Match[str]], codec: str) -> str:
    chunks: list[bytes] = []
    pos = 0
    for match in matches:
        chunks.append(raw[pos:match.start()].encode(codec))
        chunks.append(_escape_bytes(match, codec))
        pos = match.end()
    chunks.append(raw[pos:].encode(codec))
    try:
        text = b"".join(chunks).decode(codec)
    except UnicodeDecodeError:
        raise LiteralError(
            f"octal or hex escapes do not form valid {codec} text; write the characters themselves"
        ) from None
    found = UNWRITABLE.search(text)
    if found:
        raise LiteralError(f"an escape stands for the control character "
                           f"U+{ord(found.group()):04X}, which prose never holds; remove it")
    return text


def _escape_bytes(match: re.Match[str], codec: str) -> bytes:
    if match.group(1):
        return _SIMPLE[match.group(1)].encode(codec)
    value = int(match.group(2), 8) if match.group(2) else int(match.group(3), 16)
    if value == 0:
        raise LiteralError(f"escape sequence '{match.group()}' is a NUL byte, "
                           "which gettext cuts strings at; remove it")
    if value > 0xFF:
        raise LiteralError(f"escape sequence '{match.group()}' is larger than a byte; "
                           "use at most \\377 or \\xff")
    return bytes([value])
