"""Decode PO bytes with the charset its header declares, reporting bad bytes by line.

The charset is found before decoding: in the msgstr of the first ``msgid ""`` entry that
has no msgctxt, its strings joined and unescaped as the parser reads them (so the writer
writes in the charset read here), after ``charset=``. No header, or gettext's
``CHARSET`` placeholder, means UTF-8. A UTF-8 byte order mark is accepted and dropped.
"""

from __future__ import annotations

import codecs
import re

from diglot.errors import CatalogError
from diglot.po.literals import LiteralError, read_strings, unescape

BOM = b"\xef\xbb\xbf"
_HEADER_MSGID = re.compile(rb'^[ \t]*msgid[ \t]+""[ \t]*\r?$', re.M)
_CHARSET = re.compile(rb"charset=([^ \t\r\n\"\\]*)")  # (a quote or "\\" ends it in raw lines)
_CHARSET_TEXT = re.compile(rb"charset=([^ \t\r\n]*)")  # in the header's text, as the writer reads it
# What gettext's charset names are made of: any other character is no charset ("iso8859\"15"
# was Latin-1 to the reader and Latin-9 to the writer: an attack round).
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+-]*")
_ASCII_PROBE = '#msgid "\\n:'


def decode_po(data: bytes, path: str) -> tuple[str, str]:
    """The file's text (LF line ends) and the Python codec name used to decode it."""
    has_bom = data.startswith(BOM)
    if has_bom:
        data = data[len(BOM):]
    name, line = _declared_charset(data)
    codec = checked_codec(name, line, path)
    if has_bom and codec != "utf-8":
        raise CatalogError(
            f"file starts with a UTF-8 byte order mark but declares charset {name}; "
            "declare charset=UTF-8 or remove the mark", path, 1)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex()
        raise CatalogError(
            f"byte 0x{bad} is not valid {name}; fix the byte or declare the file's real charset "
            "in the Content-Type header", path, data.count(b"\n", 0, exc.start) + 1) from None
    if codec != "utf-8" and _utf8_beyond_ascii(data):
        raise CatalogError(
            f"the file's bytes are UTF-8, but its header declares charset {name} (every "
            "accented letter would be read as two, 'é' as 'Ã©'); declare charset=UTF-8 in the "
            "Content-Type header", path, line or None)
    return (text.replace("\r\n", "\n") if "\r" in text else text), codec


def _utf8_beyond_ascii(data: bytes) -> bool:
    """Whether bytes beyond ASCII are all UTF-8 sequences: French in Latin-1 or CP1252
    never is ("é" is one byte, which UTF-8 never writes alone), so such a file is UTF-8
    whatever its header says (a translator's report: told to declare CP1252, update read
    "œufs" as "Å“ufs" and made every translation fuzzy)."""
    if data.isascii():
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    # Two bytes of Latin-1 may happen to make a UTF-8 letter ("É" and a no-break space,
    # C9 A0, make "ɠ": an attack round): only a Latin letter, or typographic punctuation
    # (’ « € and the like), is French written in UTF-8; a file with none of them is taken
    # as its header says (a Greek π beside them still is UTF-8: a code review).
    return any(ch <= "\u024f" or "\u2000" <= ch <= "\u20cf" for ch in text if ch > "\x7f")


def _declared_charset(data: bytes) -> tuple[str, int]:
    """(charset name, line of the Content-Type field); UTF-8 and 0 when none is declared."""
    for match in _HEADER_MSGID.finditer(data):
        if _after_msgctxt(data, match.start()):
            continue
        block_start = _after_empty_strings(data, data.find(b"\n", match.end()) + 1)
        if data[block_start:block_start + 256].lstrip(b" \t").startswith(b'"'):
            continue  # a long msgid written from its second line: no header (an attack round)
        block = _string_block(data, block_start) if block_start else b""
        text = _header_text(block)
        found = (_CHARSET_TEXT if text is not block else _CHARSET).search(text)
        if not found:
            return "UTF-8", 0
        name = found.group(1).decode("ascii", "replace")
        at = block.find(b"charset")  # the line naming it (the name may go on on the next)
        line = data.count(b"\n", 0, block_start + max(at, 0)) + 1
        return ("UTF-8" if name == "CHARSET" else name), line
    return "UTF-8", 0


def _after_empty_strings(data: bytes, start: int) -> int:
    """Past the ``""`` lines that may follow ``msgid ""`` (still the empty msgid: gettext
    reads such a header; a code review)."""
    while start:
        end = data.find(b"\n", start)
        if data[start:end if end >= 0 else len(data)].strip() != b'""':
            break
        start = end + 1  # 0 at the file's end: no header block follows
    return start


def _header_text(block: bytes) -> bytes:
    """The header's msgstr as the parser reads it, its strings joined and unescaped, so
    that the charset read here is the one the writer will write in (an attack round:
    ``charset=utf\\05516`` read as "utf" here, as "utf-16" by the writer); the lines as
    they are when they do not parse (the parser then says where)."""
    text = block.decode("latin-1")
    try:
        strings = "".join(read_strings(line.strip().removeprefix("msgstr").strip())
                          for line in text.split("\n") if line.strip())
        return unescape(strings, "latin-1").encode("latin-1")
    except (LiteralError, UnicodeError, ValueError):
        return block


def _after_msgctxt(data: bytes, start: int) -> bool:
    """Whether the ``msgid ""`` at ``start`` belongs to an entry with a context (no header)."""
    before = data[max(0, start - 4096):start].rstrip(b"\r\n").rsplit(b"\n", 8)
    for line in reversed(before):
        stripped = line.strip()
        if stripped.startswith(b"msgctxt"):
            return True
        if not stripped.startswith(b'"'):
            return False
    return False


def _string_block(data: bytes, start: int) -> bytes:
    """The msgstr lines that follow the header's msgid line."""
    lines = []
    for line in data[start:start + 65536].split(b"\n"):
        stripped = line.lstrip(b" \t")
        if not (stripped.startswith(b"msgstr") or stripped.startswith(b'"')):
            break
        lines.append(line)
    return b"\n".join(lines)


def checked_codec(name: str, line: int = 0, path: str | None = None) -> str:
    """The Python codec of a declared charset, if a PO file can be read in it: the writer
    asks too, so no command writes a file in a charset the reader refuses (an attack round:
    ``charset=utf\\05516`` was read as UTF-8 and written as UTF-16)."""
    try:
        if not _NAME.fullmatch(name):
            raise LookupError(name)
        codec = codecs.lookup(name).name
    except LookupError:
        raise CatalogError(
            f"unknown charset '{name}' in the Content-Type header; declare one such as UTF-8 "
            "or ISO-8859-1", path, line or None) from None
    # Python's escape codecs read "\ud800" as a lone surrogate, which no file can hold:
    # every writer then failed with a traceback. No PO editor writes them.
    if codec.endswith("-escape") or codec in ("idna", "punycode"):
        raise CatalogError(f"charset '{name}' is no text encoding gettext knows; declare "
                           "UTF-8 and save the file in it", path, line or None)
    try:
        ascii_compatible = _ASCII_PROBE.encode(codec) == _ASCII_PROBE.encode("ascii")
    except (UnicodeError, TypeError, ValueError, LookupError):
        ascii_compatible = False
    if not ascii_compatible:
        raise CatalogError(
            f"charset '{name}' is not ASCII-compatible, so PO syntax cannot be read in it; "
            "convert the file to UTF-8", path, line or None)
    return codec
