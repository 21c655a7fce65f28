"""Parse PO bytes into a Catalog, strictly: any malformation raises CatalogError with its line.

The bytes are decoded with the charset of the header's Content-Type (see ``decoding``);
then each line goes through a small state machine that reads comments, flags (gettext
keeps only the last ``#,`` line), references, previous ``#|`` strings and obsolete
``#~`` entries the way gettext 0.21 does. A quoted string continues the keyword or
string on the line right above it, never across a blank line or a comment.
"""

from __future__ import annotations

import re

from diglot.errors import CatalogError
from diglot.po.comments import read_comment
from diglot.po.decoding import decode_po
from diglot.po.fastpath import read_simple_entry
from diglot.po.literals import LiteralError, read_strings, unescape
from diglot.po.model import Catalog, Entry

# How far the entry being read has got.
EMPTY, COMMENTED, CONTEXT, MSGID, PLURAL, DONE = range(6)
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[([0-9]+)\])?")
_BLANK = " \t\r\f\v"


# Raw control characters (tab and the line end aside): invisible, cut or mangled by other
# PO tools (msgcat stops at NUL, polib ends a line at CR), and invalid in DOCX.
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def parse_po(data: bytes, path: str) -> Catalog:
    """Read a PO (or POT) file's bytes; ``path`` is only used in error messages."""
    text, codec = decode_po(data, path)
    _reject_controls(text, path)
    return _Parser(path, codec).run(text)


def _reject_controls(text: str, path: str) -> None:
    found = _RAW_CONTROL.search(text)
    if found is None:
        return
    code = ord(found.group())
    hint = "write it as an escape (\\t, \\n) or remove it"
    if code == 0x0D:
        hint = "a carriage return alone; save the file with LF (or CRLF) line ends"
    elif code >= 0x80:
        hint = ("remove it; if it was meant as a typographic character, the file is "
                "probably windows-1252: declare charset=CP1252 in the header")
    raise CatalogError(f"raw control character U+{code:04X}; {hint}", path,
                       text.count("\n", 0, found.start()) + 1)


class _Parser:
    def __init__(self, path: str, codec: str):
        self.path, self.codec = path, codec
        self.catalog = Catalog()
        self.first_line: dict[tuple[str | None, str], int] = {}
        self.lineno = 0
        self._reset()

    def _reset(self) -> None:
        self.stage, self.obsolete = EMPTY, False
        self.target: tuple[str, bool, bool] | None = None  # (field, previous?, obsolete?)
        self.fields: dict = {"translator_comments": [], "extracted_comments": [],
                             "references": [], "flags": []}
        self.forms: list[str] = []
        self.msgid_line = self.context_line = 0

    def fail(self, message: str, line: int = 0) -> CatalogError:
        return CatalogError(message, self.path, line or self.lineno)

    def run(self, text: str) -> Catalog:
        # Blank lines separate entries in almost every file: each block is first tried
        # as a simple entry (one regex), and read line by line only when that fails.
        lineno = 1
        for block in text.split("\n\n"):
            if not (self.stage in (EMPTY, DONE) and self._simple_block(block, lineno)):
                self._lines(block, lineno)
            self.target = None
            lineno += block.count("\n") + 2
        self.lineno = text.count("\n") + 1
        self._finish_at_eof()
        return self.catalog

    def _simple_block(self, block: str, lineno: int) -> bool:
        entry = read_simple_entry(block, self.codec, lineno)
        if entry is None:
            return False
        if self.stage == DONE:
            self._finish()
        self._store(entry)
        return True

    def _lines(self, block: str, lineno: int) -> None:
        for self.lineno, line in enumerate(block.split("\n"), lineno):
            self.line(line)

    def line(self, line: str) -> None:
        head = line[:1]
        if head == "m" or head == '"':
            self.code(line, False, False)
        elif head == "#":
            self.comment(line, False)
        elif not line.strip(_BLANK):
            self.target = None
        elif line.lstrip(" \t")[:1] in ('"', "m"):
            self.code(line.lstrip(" \t"), False, False)
        else:
            raise self.fail(f"stray text '{line.strip()}'; a line must be a comment, "
                            "a keyword with a string, or a string")

    # -- comments -----------------------------------------------------------------------

    def comment(self, line: str, obsolete: bool) -> None:
        kind = line[1:2]
        if kind == "~":
            return self.obsolete_line(line[2:])
        if kind == "|":
            return self.code(line[2:].lstrip(" \t"), obsolete, True)
        self._comment_starts()
        read_comment(self.fields, line)
        return None

    def _comment_starts(self) -> None:
        if self.stage == DONE:
            self._finish()
        elif self.stage in (MSGID, PLURAL):
            # Most often the msgstr line was deleted: say so, at the msgid.
            raise self.fail("msgid not followed by its msgstr (a missing msgstr line, or a "
                            "comment inside the entry); add or move lines so msgstr follows",
                            self.msgid_line)
        elif self.stage == CONTEXT:
            raise self.fail("msgctxt without msgid; add a msgid line after it", self.context_line)
        self.stage, self.target = COMMENTED, None

    def obsolete_line(self, rest: str) -> None:
        if rest[:1] == "|":
            return self.code(rest[1:].lstrip(" \t"), True, True)
        rest = rest.lstrip(" \t")
        if rest[:1] == "#":
            return self.comment(rest, True)
        if not rest.strip(_BLANK):
            self.target = None
            return None
        if rest[:1] not in ('"', "m"):
            raise self.fail(f"stray text '{rest.strip()}' in an obsolete entry; "
                            "write '#~ msgid \"...\"' or '#~ \"...\"'")
        return self.code(rest, True, False)

    # -- keywords and strings -----------------------------------------------------------

    def code(self, line: str, obsolete: bool, previous: bool) -> None:
        quote = line.find('"')
        if quote == 0:
            return self.continuation(line, obsolete, previous)
        keyword = (line[:quote] if quote > 0 else line).rstrip(_BLANK)
        match = _KEYWORD.fullmatch(keyword)
        if match is None:
            raise self.fail(f"unknown keyword or stray text '{keyword}'; "
                            "use msgctxt, msgid, msgid_plural, msgstr or msgstr[N]")
        if quote < 0:
            raise self.fail(f"{keyword} has no string; write {keyword} \"\" for an empty one")
        value = self.string(line[quote:])
        if previous:
            return self.previous(match.group(1), value, obsolete)
        return self.keyword(match.group(1), match.group(2), value, obsolete)

    def string(self, text: str) -> str:
        try:
            return unescape(read_strings(text), self.codec)
        except LiteralError as exc:
            raise self.fail(str(exc)) from None

    def continuation(self, line: str, obsolete: bool, previous: bool) -> None:
        target = self.target
        if target is None or target[1] != previous or target[2] != obsolete:
            raise self.fail("string outside an entry; put it right below a msgctxt, msgid "
                            "or msgstr line or another string, or remove it")
        value = self.string(line)
        if target[0] == "form":
            self.forms[-1] += value
        else:
            self.fields[target[0]] += value

    def previous(self, keyword: str, value: str, obsolete: bool) -> None:
        if keyword == "msgstr":
            raise self.fail("a previous (#|) string cannot be a msgstr; "
                            "only msgctxt, msgid and msgid_plural can")
        self._comment_starts()
        self.fields[f"previous_{keyword}"] = value
        self.target = (f"previous_{keyword}", True, obsolete)

    def keyword(self, name: str, index: str | None, value: str, obsolete: bool) -> None:
        if name == "msgctxt" or (name == "msgid" and self.stage != CONTEXT):
            self._entry_starts(name, obsolete)
        elif self.obsolete != obsolete:
            raise self.fail("entry mixes obsolete (#~) and active lines; "
                            "prefix all of its lines with #~ or none")
        key = name
        if name == "msgctxt":
            self.stage, self.context_line = CONTEXT, self.lineno
        elif name == "msgid":
            self.stage, self.msgid_line = MSGID, self.lineno
        elif name == "msgid_plural":
            self._check_plural()
            self.stage = PLURAL
        elif index is None:
            self._check_msgstr()
            self.stage = DONE
        else:
            self._check_form(index)
            self.stage, key = DONE, "form"
            self.forms.append(value)
        if key != "form":
            self.fields[key] = value
        self.target = (key, False, obsolete)

    def _entry_starts(self, name: str, obsolete: bool) -> None:
        if self.stage == DONE:
            self._finish()
        elif self.stage in (MSGID, PLURAL):
            raise self.fail("msgid without msgstr; add a msgstr line after it", self.msgid_line)
        elif self.stage == CONTEXT:
            raise self.fail("msgctxt without msgid; add a msgid line after it", self.context_line)
        self.obsolete = obsolete

    def _check_plural(self) -> None:
        if self.stage in (EMPTY, COMMENTED, CONTEXT):
            raise self.fail("msgid_plural without msgid; add the msgid line above it")
        if self.stage != MSGID:
            raise self.fail("msgid_plural out of place; it goes once, between msgid and msgstr[0]")

    def _check_msgstr(self) -> None:
        if self.stage in (EMPTY, COMMENTED, CONTEXT):
            raise self.fail("msgstr without msgid; add the msgid line above it")
        if self.stage == PLURAL:
            raise self.fail("plain msgstr after msgid_plural; "
                            "write msgstr[0], msgstr[1]... instead")
        if self.stage == DONE:
            raise self.fail("second msgstr in one entry; "
                            "remove it, or start a new entry with msgid")

    def _check_form(self, digits: str) -> None:
        # An index of thousands of digits is out of range: never given to int() whole.
        index = int(digits) if len(digits) < 10 else f"{digits[:6]}…({len(digits):,} digits)"
        if self.stage in (EMPTY, COMMENTED, CONTEXT):
            raise self.fail(f"msgstr[{index}] without msgid; add the msgid line above it")
        if "msgid_plural" not in self.fields:
            raise self.fail(f"msgstr[{index}] without msgid_plural; "
                            "add a msgid_plural line or write msgstr")
        if self.stage == DONE and "msgstr" in self.fields:
            raise self.fail(f"msgstr[{index}] after a plain msgstr; use only msgstr[N] forms")
        if index != len(self.forms):
            expected = len(self.forms)
            raise self.fail(f"msgstr[{index}] where msgstr[{expected}] was expected; "
                            "number the plural forms 0, 1, 2... without gaps")

    # -- finishing entries ----------------------------------------------------------------

    def _finish_at_eof(self) -> None:
        if self.stage in (MSGID, PLURAL):
            raise self.fail("msgid without msgstr; add a msgstr line after it", self.msgid_line)
        if self.stage == CONTEXT:
            raise self.fail("msgctxt without msgid; add a msgid line after it", self.context_line)
        if self.stage == DONE:
            self._finish()

    def _finish(self) -> None:
        self._store(_entry(self.fields, self.forms, self.obsolete, self.msgid_line))
        self._reset()

    def _store(self, entry: Entry) -> None:
        # Obsolete entries too: gettext refuses a msgid defined twice, "#~" or not, and a
        # merge would revive the older translation.
        first = self.first_line.setdefault(entry.key, entry.line)
        if first != entry.line:
            raise self.fail(f"duplicate message definition (first defined at line {first}); "
                            "remove one of them or give them different msgctxt", entry.line)
        if entry.obsolete:
            self.catalog.entries.append(entry)
        elif entry.msgid == "" and entry.msgctxt is None:
            self.catalog.header = entry
        else:
            self.catalog.entries.append(entry)


def _entry(fields: dict, forms: list[str], obsolete: bool, line: int) -> Entry:
    return Entry(
        msgid=fields["msgid"], msgstr=fields.get("msgstr", ""),
        msgctxt=fields.get("msgctxt"), msgid_plural=fields.get("msgid_plural"),
        msgstr_plural=tuple(forms),
        translator_comments=tuple(fields["translator_comments"]),
        extracted_comments=tuple(fields["extracted_comments"]),
        references=tuple(fields["references"]), flags=tuple(fields["flags"]),
        previous_msgctxt=fields.get("previous_msgctxt"),
        previous_msgid=fields.get("previous_msgid"),
        previous_msgid_plural=fields.get("previous_msgid_plural"),
        obsolete=obsolete, line=line)
