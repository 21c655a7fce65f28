"""Reading and writing PO/POT files of a project: bytes on disk ↔ Catalog, with errors that
name the file, and writes that are atomic."""

from __future__ import annotations

import re
from codecs import BOM_UTF8
from pathlib import Path

from diglot.errors import CatalogError
from diglot.fsio import NotAFile, TooLarge, read_head, read_limited
from diglot.safety import MAX_PO_BYTES, MAX_SEGMENT_CHARS, MB, escaped, stacked_marks
from diglot.po.model import Catalog
from diglot.po.parser import parse_po
from diglot.po.writer import dump_po

MAX_TRANSLATION = 2 * MAX_SEGMENT_CHARS


def read_bytes(path: Path, shown: str) -> bytes | None:
    """The file's bytes, or None when there is no such file."""
    try:
        return read_limited(path, MAX_PO_BYTES)
    except FileNotFoundError:
        return None
    except TooLarge:
        raise CatalogError(f"the file is larger than {MAX_PO_BYTES // MB} MB, diglot's bound "
                           "for a PO file", shown) from None
    except NotAFile as exc:
        raise CatalogError(exc.strerror, shown) from None
    except OSError as exc:
        raise CatalogError(f"cannot read the file: {exc.strerror}; check its permissions",
                           shown) from exc


def read_catalog(path: Path, shown: str) -> Catalog | None:
    """The catalog at ``path``, or None when there is no such file."""
    data = read_bytes(path, shown)
    return None if data is None else decode(data, shown)


def decode(data: bytes, shown: str) -> Catalog:
    """The catalog of a file's bytes (read, or made by ``encode``), no translation longer
    than ``MAX_TRANSLATION`` (the checks and builders work on each one whole)."""
    if not data.lstrip(b"\xef\xbb\xbf").strip():
        # What an editor's crash or a full disk leaves: read as a new file, every
        # translation would be reported missing and the next update would write over it.
        raise CatalogError(f"the file is empty: restore it (git checkout -- {shown}) or delete "
                           "it to start the translation anew", shown, 1)
    catalog = parse_po(data, shown)
    for entry in catalog.entries:
        if any(stacked_marks(text) is not None for text in (entry.msgstr, *entry.msgstr_plural)):
            raise CatalogError("a letter of this translation carries more than 30 combining "
                               "marks (Unicode's bound for text in a stream); remove them",
                               shown, entry.line)
    if len(data) > MAX_TRANSLATION:  # a file this small cannot hold one
        for entry in catalog.entries:
            longest = max((len(t) for t in (entry.msgstr, *entry.msgstr_plural)), default=0)
            if longest > MAX_TRANSLATION:
                raise CatalogError(f"a translation of {longest:,} characters: diglot reads "
                                   f"translations of up to {MAX_TRANSLATION:,} (twice a French "
                                   "paragraph's bound)", shown, entry.line)
    return catalog


def encode(catalog: Catalog, wrap: bool = True, shown: str | None = None) -> bytes:
    """The file's bytes; an error (a character the declared charset lacks, a translation
    ``decode`` would refuse) names ``shown``: no command writes a file diglot cannot read
    back (a review document or an English text once made every later command fail)."""
    _readable(catalog, shown)
    try:
        data = dump_po(catalog, wrap=wrap)
    except CatalogError as exc:
        if exc.path is None and shown:
            raise CatalogError(exc.message, shown, exc.line) from exc
        raise
    return _bounded(data, shown)


def _bounded(data: bytes, shown: str | None) -> bytes:
    """``data``, unless every later command would refuse the file (an attack round)."""
    if len(data) > MAX_PO_BYTES:
        raise CatalogError(f"the file would be {len(data) / MB:.1f} MB, more than the "
                           f"{MAX_PO_BYTES // MB} MB a PO file may be; nothing was written", shown)
    return data



def _readable(catalog: Catalog, shown: str | None) -> None:
    for entry in catalog.entries:
        for text in (entry.msgstr, *entry.msgstr_plural):
            if len(text) > MAX_TRANSLATION:
                raise CatalogError(f"the translation of “{escaped(_excerpt(entry.msgid))}” would hold "
                                   f"{len(text):,} characters; diglot reads translations of up "
                                   f"to {MAX_TRANSLATION:,}; nothing written", shown)
            if stacked_marks(text) is not None:
                raise CatalogError(f"the translation of “{escaped(_excerpt(entry.msgid))}” would carry "
                                   "more than 30 combining marks on one letter; nothing written",
                                   shown)


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


_BREAK = re.compile(r" [\w(\[{«“‘'`]")
_STRING_LINE = (b'msgid "', b'msgstr "', b'msgstr[', b'msgctxt "', b'msgid_plural "', b'"')


def wrapped_as(path: Path | None, wrap: bool) -> bool:
    """Whether to wrap the PO file at ``path`` when writing it: as the setting says, unless
    the file was saved unwrapped (a PO editor's "no wrap", ``msgcat --no-wrap``): then every
    entry nobody changed would be rewrapped (a translator's review: a one-row review import
    rewrapped the whole file). Unwrapped: a string line past 79 columns that msgcat would
    have broken at a space."""
    if not wrap or path is None:
        return wrap
    try:
        head = read_head(path, MB)
    except (OSError, NotAFile):
        return wrap
    kept = False  # the entry's flags say "no-wrap": gettext writes it on one line anyway
    for line in head.splitlines():
        if line.startswith(b"#,"):
            kept = b"no-wrap" in line
        elif not line.strip():
            kept = False
        elif not kept and len(line) > 79 and line.lstrip().startswith(_STRING_LINE):
            text = line.decode("utf-8", "replace")  # columns, not bytes ("d’où": 6 bytes)
            # a space inside the string msgcat would break at (before a word, not "!" or
            # ":"), not the trailing one a wrapper broke after
            if len(text) > 79 and _BREAK.search(text[:80].split('"', 1)[-1]):
                return False
    return True


def written_as(data: bytes, path: Path, shown: str) -> bytes:
    """The bytes to write over ``path``: in its style (``in_style_of``), and within the
    bound every reader holds to, as written (CRLF lines are longer: a code review)."""
    return _bounded(in_style_of(data, path), shown)


def in_style_of(data: bytes, path: Path | None) -> bytes:
    """``data`` with the line ends (CRLF) and UTF-8 byte-order mark of the file at ``path``
    when it has them: a file saved by a Windows editor stays a Windows file, so that git
    shows the entries that changed, not every line."""
    try:
        head = read_head(path, 4096)  # type: ignore[arg-type]
    except (OSError, TypeError):
        return data
    first = head.split(b"\n", 1)[0] if b"\n" in head else b""
    if first.endswith(b"\r") and b"\r\n" not in data:
        data = data.replace(b"\n", b"\r\n")
    if head.startswith(BOM_UTF8) and not data.startswith(BOM_UTF8):
        data = BOM_UTF8 + data
    return data
