"""Serialise a Catalog to PO bytes, byte-identical to what GNU msgcat 0.21 writes.

Follows write-po.c: the header first, then active entries in order, then obsolete ones
(those without a translation are dropped, as msgcat does); comments in gettext's order;
flags normalised; strings laid out by ``wrap``; bytes in the header's charset.
"""

from __future__ import annotations

import re

from diglot.errors import CatalogError
from diglot.po.decoding import checked_codec
from diglot.po.comments import canonical_flags, format_language, no_wrap, reference_display
from diglot.po.formats import protected_indexes
from diglot.po.model import Catalog, Entry
from diglot.po.wrap import NO_WRAP_WIDTH, wrap_lines
from diglot.safety import split_lines

# Python names of the charsets libunistring treats as East Asian (ambiguous = wide).
_CJK_CODECS = frozenset({"euc_jp", "gb2312", "gbk", "big5", "euc_kr", "cp949", "johab"})


def header_charset(catalog: Catalog) -> str:
    """The charset named after ``charset=`` in the header (``UTF-8`` if none or a placeholder)."""
    header = catalog.header.msgstr if catalog.header is not None else ""
    at = header.find("charset=")
    if at < 0:
        return "UTF-8"
    value = header[at + 8:]
    end = min((i for i in (value.find(c) for c in " \t\n") if i >= 0), default=len(value))
    name = value[:end]
    return "UTF-8" if name in ("", "CHARSET") else name


class _Layout:
    """What every entry of one catalog is printed with."""

    def __init__(self, catalog: Catalog, width: int, wrap: bool):
        self.charset = header_charset(catalog)
        codec = self.codec = checked_codec(self.charset)
        self.cjk = codec in _CJK_CODECS
        self.width = width
        self.string_width = width if wrap else NO_WRAP_WIDTH


def dump_po(catalog: Catalog, *, width: int = 79, wrap: bool = True) -> bytes:
    """The PO file msgcat would write for ``catalog`` (``wrap=False`` is ``msgcat --no-wrap``)."""
    layout = _Layout(catalog, width, wrap)
    _no_second_header(catalog)
    blocks: list[str] = []
    if catalog.header is not None:
        blocks.append(_entry_text(catalog.header, layout))
    blocks += [_entry_text(e, layout) for e in catalog.entries if not e.obsolete]
    # msgcat drops untranslated obsolete entries; diglot keeps one carrying a translator's
    # comment, a flag of theirs or a plural form (msgstr[1] with msgstr[0] empty).
    blocks += [_entry_text(e, layout) for e in catalog.entries if e.obsolete and _kept(e)]
    text = "\n".join(blocks)
    _no_raw_controls(text)
    try:
        return text.encode(layout.codec)
    except UnicodeEncodeError as exc:
        raise CatalogError(
            f"character U+{ord(text[exc.start]):04X} cannot be written in "
            f"charset {layout.charset}; "
            "switch the header to charset=UTF-8"
        ) from None


# What is left raw once strings are escaped: only tab and newline may be.
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _no_raw_controls(text: str) -> None:
    """A PO file never carries raw control characters (the parser refuses them)."""
    found = _RAW_CONTROL.search(text)
    if found:
        raise CatalogError(f"a string or comment holds the control character "
                           f"U+{ord(found.group()):04X}, which a PO file cannot carry; "
                           "remove it")


def _no_second_header(catalog: Catalog) -> None:
    """An entry with an empty msgid and no context is the header: a second one would make
    the file unreadable (msgfmt and diglot stop at a duplicate definition)."""
    for entry in catalog.entries:
        if not entry.msgid and entry.msgctxt is None and not entry.obsolete:
            raise CatalogError("an entry has an empty msgid, which only the header may have; "
                               "give it text or remove it", line=entry.line or None)


def _kept(entry: Entry) -> bool:
    return bool(_first_msgstr(entry) or any(entry.msgstr_plural) or entry.translator_comments
                or any(f != "fuzzy" for f in entry.flags))


def _first_msgstr(entry: Entry) -> str:
    if entry.msgid_plural is not None:
        return entry.msgstr_plural[0] if entry.msgstr_plural else ""
    return entry.msgstr


def _entry_text(entry: Entry, layout: _Layout) -> str:
    lines = _comment_lines(entry, layout)
    width = NO_WRAP_WIDTH if no_wrap(entry.flags) else layout.string_width
    language = format_language(entry.flags) if entry.flags else None
    previous = "#~| " if entry.obsolete else "#| "
    prefix = "#~ " if entry.obsolete else ""
    strings = [(previous, k, v) for k, v in (("msgctxt", entry.previous_msgctxt),
                                             ("msgid", entry.previous_msgid),
                                             ("msgid_plural", entry.previous_msgid_plural))
               if v is not None]
    strings += [(prefix, k, v) for k, v in _strings(entry)]
    for line_prefix, keyword, value in strings:
        protected = _protected(language, value, layout.codec)
        lines += wrap_lines(line_prefix, keyword, value, width, layout.cjk, protected)
    return "\n".join(lines) + "\n"


def _protected(language: str | None, value: str, codec: str) -> frozenset[int]:
    """Indexes inside format directives, for the Python format languages gettext knows."""
    if language is None or "%" not in value and "{" not in value:
        return frozenset()
    return protected_indexes(language, value, codec) or frozenset()


def _strings(entry: Entry) -> list[tuple[str, str]]:
    out = [] if entry.msgctxt is None else [("msgctxt", entry.msgctxt)]
    out.append(("msgid", entry.msgid))
    if entry.msgid_plural is None:
        return [*out, ("msgstr", entry.msgstr)]
    out.append(("msgid_plural", entry.msgid_plural))
    forms = entry.msgstr_plural or ("",)
    return out + [(f"msgstr[{i}]", form) for i, form in enumerate(forms)]


def _comment_lines(entry: Entry, layout: _Layout) -> list[str]:
    # Cut at every separator any PO reader ends a line at (CR, U+2028…), not just "\n":
    # otherwise the rest of a comment is a line of its own for some, an injected entry.
    lines = [f"# {part}" if part else "#"
             for comment in entry.translator_comments for part in split_lines(comment)]
    lines += [f"#. {part}" if part else "#."
              for comment in entry.extracted_comments for part in split_lines(comment)]
    if entry.references:
        lines += _reference_lines(entry.references, layout)
    flags = canonical_flags(entry.flags, bool(_first_msgstr(entry)))
    if flags:
        lines.append("#, " + ", ".join(flags))
    return lines


def _reference_lines(references: tuple[str, ...], layout: _Layout) -> list[str]:
    """``#:`` lines filled up to the page width, measured in bytes as gettext does."""
    lines, current, column = [], "#:", 2
    for ref in references:
        shown = reference_display(ref)
        size = len(shown.encode(layout.codec, "replace")) + 1
        if column > 2 and column + size > layout.width:
            lines.append(current)
            current, column = "#:", 2
        current += " " + shown
        column += size
    lines.append(current)
    return lines
