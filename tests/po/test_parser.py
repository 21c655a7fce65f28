"""parse_po: every field kind, charsets, and each malformation reported at its exact line."""

from __future__ import annotations

import pytest

from diglot.errors import CatalogError
from diglot.po.model import Entry
from diglot.po.parser import parse_po

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'  # lines 1-4


def parse(text: str | bytes, path: str = "x.po"):
    return parse_po(text.encode("utf-8") if isinstance(text, str) else text, path)


# (id, body after HEADER, line, message); body line 1 is file line 5.
ERRORS = [
    ("unterminated", 'msgid "abc\nmsgstr ""\n', 5,
     "unterminated string; close it with a double quote"),
    ("unterminated-continuation", 'msgid ""\n"abc\nmsgstr ""\n', 6,
     "unterminated string; close it with a double quote"),
    ("unterminated-escaped-quote", 'msgid "abc\\"\nmsgstr ""\n', 5,
     "unterminated string; close it with a double quote"),
    ("invalid-escape", 'msgid "a\\qb"\nmsgstr ""\n', 5,
     "invalid escape sequence '\\q'; write '\\\\' for a backslash"),
    ("invalid-escape-continuation", 'msgid ""\n"ok"\n"C:\\dir"\nmsgstr ""\n', 7,
     "invalid escape sequence '\\d'; write '\\\\' for a backslash"),
    ("invalid-escape-msgstr", 'msgid "a"\nmsgstr "\\e"\n', 6,
     "invalid escape sequence '\\e'; write '\\\\' for a backslash"),
    ("nul-escape", 'msgid "a\\0"\nmsgstr ""\n', 5,
     "escape sequence '\\0' is a NUL byte, which gettext cuts strings at; remove it"),
    ("text-after-string", 'msgid "a" b\nmsgstr ""\n', 5,
     "stray text 'b' after the string; remove it or quote it"),
    ("unknown-keyword", 'msgid "a"\nmsgstr ""\n\nmsgfoo "x"\n', 8,
     "unknown keyword or stray text 'msgfoo'; use msgctxt, msgid, msgid_plural, msgstr or msgstr[N]"),
    ("stray-text", 'msgid "a"\nmsgstr ""\nhello world\n', 7,
     "stray text 'hello world'; a line must be a comment, a keyword with a string, or a string"),
    ("keyword-without-string", 'msgid\nmsgstr ""\n', 5,
     'msgid has no string; write msgid "" for an empty one'),
    ("msgstr-without-msgid", '# comment\nmsgstr "x"\n', 6,
     "msgstr without msgid; add the msgid line above it"),
    ("msgstr-after-msgctxt", 'msgctxt "c"\nmsgstr "x"\n', 6,
     "msgstr without msgid; add the msgid line above it"),
    ("msgid-without-msgstr-eof", 'msgid "a"\nmsgstr ""\n\nmsgid "b"\n', 8,
     "msgid without msgstr; add a msgstr line after it"),
    ("msgid-without-msgstr-next", 'msgid "a"\n"more"\n\nmsgid "b"\nmsgstr ""\n', 5,
     "msgid without msgstr; add a msgstr line after it"),
    ("msgctxt-without-msgid", 'msgctxt "a"\nmsgctxt "b"\nmsgid "c"\nmsgstr ""\n', 5,
     "msgctxt without msgid; add a msgid line after it"),
    ("string-outside-entry", '"floating"\nmsgid "a"\nmsgstr ""\n', 5,
     "string outside an entry; put it right below a msgctxt, msgid or msgstr line or another string, or remove it"),
    ("string-after-blank", 'msgid "a"\nmsgstr "b"\n\n"c"\n', 8,
     "string outside an entry; put it right below a msgctxt, msgid or msgstr line or another string, or remove it"),
    ("string-after-comment", 'msgid "a"\nmsgstr "b"\n# c\n"d"\n', 8,
     "string outside an entry; put it right below a msgctxt, msgid or msgstr line or another string, or remove it"),
    ("duplicate", 'msgid "a"\nmsgstr ""\n\n# again\nmsgid "a"\nmsgstr "x"\n', 9,
     "duplicate message definition (first defined at line 5); remove one of them or give them different msgctxt"),
    ("duplicate-context", 'msgctxt "m"\nmsgid "a"\nmsgstr ""\n\nmsgctxt "m"\nmsgid "a"\nmsgstr ""\n', 10,
     "duplicate message definition (first defined at line 6); remove one of them or give them different msgctxt"),
    ("duplicate-header", 'msgid ""\nmsgstr "x"\n', 5,
     "duplicate message definition (first defined at line 1); remove one of them or give them different msgctxt"),
    ("plural-gap", 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] ""\nmsgstr[2] ""\n', 8,
     "msgstr[2] where msgstr[1] was expected; number the plural forms 0, 1, 2... without gaps"),
    ("plural-not-from-zero", 'msgid "a"\nmsgid_plural "as"\nmsgstr[1] ""\n', 7,
     "msgstr[1] where msgstr[0] was expected; number the plural forms 0, 1, 2... without gaps"),
    ("plural-without-msgid-plural", 'msgid "a"\nmsgstr[0] ""\n', 6,
     "msgstr[0] without msgid_plural; add a msgid_plural line or write msgstr"),
    ("plain-msgstr-in-plural", 'msgid "a"\nmsgid_plural "as"\nmsgstr ""\n', 7,
     "plain msgstr after msgid_plural; write msgstr[0], msgstr[1]... instead"),
    ("second-msgstr", 'msgid "a"\nmsgstr ""\nmsgstr "b"\n', 7,
     "second msgstr in one entry; remove it, or start a new entry with msgid"),
    ("plural-without-msgid", 'msgid_plural "as"\nmsgstr[0] ""\n', 5,
     "msgid_plural without msgid; add the msgid line above it"),
    ("comment-inside-entry", 'msgid "a"\n# note\nmsgstr ""\n', 5,
     "msgid not followed by its msgstr (a missing msgstr line, or a comment inside the "
     "entry); add or move lines so msgstr follows"),
    ("deleted-msgstr", 'msgid "a"\n\n# next\nmsgid "b"\nmsgstr ""\n', 5,
     "msgid not followed by its msgstr (a missing msgstr line, or a comment inside the "
     "entry); add or move lines so msgstr follows"),
    ("mixed-obsolete", '#~ msgid "a"\nmsgstr "b"\n', 6,
     "entry mixes obsolete (#~) and active lines; prefix all of its lines with #~ or none"),
    ("previous-msgstr", '#| msgstr "a"\nmsgid "a"\nmsgstr ""\n', 5,
     "a previous (#|) string cannot be a msgstr; only msgctxt, msgid and msgid_plural can"),
    ("obsolete-stray", '#~ hello\n', 5,
     "stray text 'hello' in an obsolete entry; write '#~ msgid \"...\"' or '#~ \"...\"'"),
]


@pytest.mark.parametrize("body,line,message", [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_errors_name_the_exact_line(body, line, message):
    with pytest.raises(CatalogError) as caught:
        parse(HEADER + body, "po/fr.po")
    assert (caught.value.path, caught.value.line, caught.value.message) == ("po/fr.po", line, message)
    assert str(caught.value) == f"po/fr.po:{line}: {message}"


def test_unknown_charset_names_the_content_type_line():
    data = b'# c\nmsgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=KLINGON-8\\n"\n'
    with pytest.raises(CatalogError) as caught:
        parse_po(data, "k.po")
    assert caught.value.line == 5
    assert caught.value.message == ("unknown charset 'KLINGON-8' in the Content-Type header; "
                                    "declare one such as UTF-8 or ISO-8859-1")


def test_non_ascii_compatible_charset_is_refused():
    data = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-16\\n"\n'
    with pytest.raises(CatalogError, match="not ASCII-compatible") as caught:
        parse_po(data, "k.po")
    assert caught.value.line == 2


@pytest.mark.parametrize("charset,bad,line", [("UTF-8", b"caf\xe9", 7), ("ASCII", "café".encode(), 7)])
def test_undecodable_bytes_name_their_line(charset, bad, line):
    data = (f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n\n'
            'msgid "ok"\nmsgstr ""\n').encode() + b'msgid "' + bad + b'"\nmsgstr ""\n'
    with pytest.raises(CatalogError) as caught:
        parse_po(data, "d.po")
    assert caught.value.line == line
    assert caught.value.message.startswith(f"byte 0x{'e9' if charset == 'UTF-8' else 'c3'} is not valid {charset}")


def test_bom_with_another_charset_is_refused():
    data = b'\xef\xbb\xbfmsgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n'
    with pytest.raises(CatalogError, match="byte order mark") as caught:
        parse_po(data, "b.po")
    assert caught.value.line == 1


FULL = HEADER + """\
# Translator comment
#  indented comment
#
#. Extracted comment
#.no space
#: src/a.py:12 ./src/b.py:7 src/c.py :30
#: docs/index.rst
#, c-format, fuzzy
#, python-format,  fuzzy
#| msgctxt "old ctx"
#| msgid "Old "
#| "text"
msgctxt "menu"
msgid ""
"Open "
"file"
msgstr "Ouvrir un fichier"

msgid "One apple"
msgid_plural "%d apples"
msgstr[0] "Une pomme"
msgstr[1] ""
"%d pommes"

# Kept for history
#, fuzzy
#~| msgid "Older"
#~ msgctxt "ctx"
#~ msgid "Gone"
#~ msgstr ""
#~ "Parti"

#~ msgid "Plural gone"
#~ msgid_plural "Plurals gone"
#~ msgstr[0] "a"
#~ msgstr[1] "b"
"""


def test_every_field_kind():
    catalog = parse(FULL)
    assert catalog.header_field("Content-Type") == "text/plain; charset=UTF-8"
    first, plural, old, old_plural = catalog.entries
    assert first == Entry(
        msgid="Open file", msgstr="Ouvrir un fichier", msgctxt="menu",
        translator_comments=("Translator comment", " indented comment", ""),
        extracted_comments=("Extracted comment", "no space"),
        references=("src/a.py:12", "src/b.py:7", "src/c.py:30", "docs/index.rst"),
        flags=("c-format", "fuzzy", "python-format"),  # every #, line (gettext: the last)
        previous_msgctxt="old ctx", previous_msgid="Old text", line=18)
    assert first.fuzzy
    assert plural.msgid_plural == "%d apples"
    assert plural.msgstr_plural == ("Une pomme", "%d pommes")
    assert (plural.line, plural.msgstr) == (23, "")
    assert old == Entry(msgid="Gone", msgstr="Parti", msgctxt="ctx", previous_msgid="Older",
                        translator_comments=("Kept for history",), flags=("fuzzy",),
                        obsolete=True, line=32)
    assert old_plural.obsolete and old_plural.msgstr_plural == ("a", "b")
    assert [e.msgid for e in catalog.active] == ["Open file", "One apple"]


def test_escapes_and_raw_characters():
    body = 'msgid "q\\"b\\\\ n\\n t\\t r\\r a\\a b\\b f\\f v\\v"\nmsgstr "\\303\\251\\xc3\\xa9\ttab"\n'
    entry = parse(HEADER + body).entries[0]
    assert entry.msgid == 'q"b\\ n\n t\t r\r a\a b\b f\f v\v'
    assert entry.msgstr == "éé\ttab"


def test_iso_8859_1():
    data = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
            '#. café\nmsgid "Été"\nmsgstr "Summer \\351t\\xe9"\n').encode("latin-1")
    entry = parse_po(data, "l.po").entries[0]
    assert (entry.msgid, entry.msgstr, entry.extracted_comments) == ("Été", "Summer été", ("café",))


@pytest.mark.parametrize("charset", ["ISO-8859-1", "CP1252", "CP1252 π"])
def test_a_utf8_file_declaring_a_single_byte_charset_is_refused_at_its_charset_line(charset):
    """A translator's report: told to declare CP1252 for a UTF-8 file its header called
    Latin-1, update read "œufs" as "Å“ufs" and made every translation fuzzy."""
    charset, _, more = charset.partition(" ")  # a Greek letter beside them (a code review)
    data = (f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n\n'
            f'msgid "Il faut 4 œufs{more}."\nmsgstr "You need 4 eggs."\n').encode("utf-8")
    with pytest.raises(CatalogError) as error:
        parse_po(data, "r.po")
    assert str(error.value) == (
        f"r.po:3: the file's bytes are UTF-8, but its header declares charset {charset} (every "
        "accented letter would be read as two, 'é' as 'Ã©'); declare charset=UTF-8 in the "
        "Content-Type header")


def test_a_latin1_file_whose_bytes_happen_to_make_a_utf8_letter_is_read_as_latin1():
    """An attack round: "CAFÉ !" (É and a no-break space, C9 A0) is valid UTF-8 ("ɠ"),
    and the file was refused as UTF-8 declared Latin-1."""
    data = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
            'msgid "CAFÉ\u00a0!"\nmsgstr "COFFEE!"\n').encode("latin-1")
    assert parse_po(data, "c.po").entries[0].msgid == "CAFÉ\u00a0!"


def test_bom_crlf_and_no_header():
    data = b'\xef\xbb\xbf# c\r\nmsgid "\xc3\xa9"\r\nmsgstr "x"\r\n'
    catalog = parse_po(data, "n.po")
    assert catalog.header is None
    assert [(e.msgid, e.line) for e in catalog.entries] == [("é", 2)]


def test_charset_placeholder_means_utf8():
    data = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=CHARSET\\n"\n\nmsgid "é"\nmsgstr ""\n'
    assert parse(data).entries[0].msgid == "é"


def test_obsolete_comment_lines_and_blank_obsolete_lines():
    body = '#~ #, fuzzy\n#~ msgid "a"\n#~\n#~ msgstr "b"\n'
    entry = parse(HEADER + body).entries[0]
    assert (entry.obsolete, entry.flags, entry.msgstr, entry.line) == (True, ("fuzzy",), "b", 6)


def test_same_msgid_with_other_context_is_fine_an_obsolete_duplicate_is_not():
    body = 'msgid "a"\nmsgstr ""\n\nmsgctxt "x"\nmsgid "a"\nmsgstr ""\n\n'
    assert len(parse(HEADER + body + '#~ msgid "b"\n#~ msgstr "old"\n').entries) == 3
    # gettext refuses it too; a merge would have revived the older translation
    with pytest.raises(CatalogError, match="duplicate message definition"):
        parse(HEADER + body + '#~ msgid "a"\n#~ msgstr "old"\n')


def test_several_strings_on_one_line_and_indentation():
    body = 'msgid "a" "b"\n  msgstr ""\n\t"c"\n'
    entry = parse(HEADER + body).entries[0]
    assert (entry.msgid, entry.msgstr) == ("ab", "c")


def test_empty_and_comment_only_files():
    assert parse(b"").entries == [] and parse(b"").header is None
    assert parse("# only a comment\n").entries == []


def test_flag_tokens_and_ranges():
    body = '#, fuzzy no-wrap,range: 1..5,,c-format\nmsgid "a"\nmsgstr "b"\n'
    assert parse(HEADER + body).entries[0].flags == ("fuzzy", "no-wrap", "range: 1..5", "c-format")


def test_numbers_of_thousands_of_digits_are_read_as_gettext_reads_them_never_a_traceback():
    """An attack round: int() refuses 4,300 digits at once; status, check, update and build
    printed a ValueError traceback."""
    digits = "1" * 5000
    entry = parse(HEADER + f'#: a.md:{digits}\nmsgid "a"\nmsgstr ""\n').entries[0]
    n = (10**5000 - 1) // 9 % 2**64  # gettext's size_t, printed with %ld
    assert dump_line(entry) == f"#: a.md:{n - 2**64 if n >= 2**63 else n}"
    body = f'msgid "a"\nmsgid_plural "as"\nmsgstr[{digits}] "x"\n'
    with pytest.raises(CatalogError, match=r"msgstr\[111111…\(5,000 digits\)\] where msgstr\[0\]"):
        parse(HEADER + body)


def dump_line(entry) -> str:
    from diglot.po.writer import dump_po
    from diglot.po.model import Catalog
    return dump_po(Catalog(None, [entry])).decode().splitlines()[0]


def test_a_charset_name_with_a_quote_in_it_is_refused_at_its_line():
    """An attack round: ``charset=iso8859\\"15`` was Latin-1 to the reader ("iso8859") and
    Latin-9 to the writer: "€" came back as "¤" and update never settled."""
    data = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=iso8859\\"15\\n"\n'
    with pytest.raises(CatalogError, match="unknown charset 'iso8859\"15'") as caught:
        parse_po(data, "k.po")
    assert caught.value.line == 3


def test_a_long_msgid_quoting_a_charset_is_no_header():
    """An attack round: a file without a header whose first entry's msgid, written from its
    second line, quoted "charset=ISO-8859-1" was read in Latin-1, written in UTF-8."""
    data = ('msgid ""\n"Le serveur répond Content-Type: text/html; charset=ISO-8859-1 à '
            'chaque fois."\nmsgstr "The server answers charset=ISO-8859-1 each time."\n').encode()
    [entry] = parse_po(data, "k.po").entries
    assert entry.msgid.startswith("Le serveur répond")



def test_a_header_whose_msgid_goes_on_with_empty_strings_is_still_the_header():
    """A code review: ``msgid ""`` then ``""`` is still the empty msgid (gettext reads the
    header so); it was taken for a long msgid, and a Latin-1 file read as UTF-8."""
    data = ('msgid ""\n""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
            'msgid "café"\nmsgstr "coffee"\n').encode("latin-1")
    assert [e.msgid for e in parse_po(data, "k.po").entries] == ["café"]
