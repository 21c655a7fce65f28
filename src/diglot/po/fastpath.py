"""Read the common shape of a PO entry block with one regex, for speed.

Most entries are a blank-line separated block of plain comments, an optional msgctxt,
a msgid and a msgstr, with every string well formed. Such a block is matched as a whole
and its fields extracted directly; anything else (plurals, previous strings, obsolete
entries, escapes that do not check out, odd spacing) is left to the line-by-line parser,
which also produces the exact error messages.
"""

from __future__ import annotations

import re

from diglot.po.comments import read_comment
from diglot.po.literals import LiteralError, unescape
from diglot.po.model import Entry

_STRING = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'  # unrolled: much faster than an alternation
_ENTRY = re.compile(
    r"((?:#[^~|\n][^\n]*\n|#\n)*)"  # comments, except obsolete (#~) and previous (#|)
    rf"(?:msgctxt ({_STRING}\n(?:{_STRING}\n)*))?"
    rf"msgid ({_STRING}\n(?:{_STRING}\n)*)"
    rf"msgstr ({_STRING}(?:\n{_STRING})*)\n?"
)


def _value(lines: str, codec: str) -> str:
    """The value of consecutive quoted lines (``"a"\\n"b"\\n``)."""
    raw = lines.rstrip("\n")[1:-1].replace('"\n"', "")
    return unescape(raw, codec) if "\\" in raw else raw


def read_simple_entry(block: str, codec: str, first_line: int) -> Entry | None:
    """The entry written in ``block`` (whose first line is ``first_line``) if it is simple."""
    match = _ENTRY.fullmatch(block)
    if match is None:
        return None
    comments, context, msgid, msgstr = match.groups()
    fields: dict = {"translator_comments": [], "extracted_comments": [],
                    "references": [], "flags": []}
    if comments:
        for line in comments.split("\n")[:-1]:
            read_comment(fields, line)
    try:
        values = [_value(msgid, codec), _value(msgstr, codec),
                  None if context is None else _value(context, codec)]
    except LiteralError:
        return None
    line = first_line + comments.count("\n") + (context.count("\n") if context else 0)
    return Entry(*values, None, (), tuple(fields["translator_comments"]),
                 tuple(fields["extracted_comments"]), tuple(fields["references"]),
                 tuple(fields["flags"]), line=line)
