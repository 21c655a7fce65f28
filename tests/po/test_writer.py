"""dump_po: byte-identical to GNU msgcat, and a lossless round trip with parse_po.

Tests comparing with msgcat run it on the same bytes and are skipped without it.
"""

from __future__ import annotations

import dataclasses
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diglot.errors import CatalogError
from diglot.po.model import Catalog, Entry
from diglot.po.parser import parse_po
from diglot.po.writer import dump_po

MSGCAT = shutil.which("msgcat")
needs_msgcat = pytest.mark.skipif(MSGCAT is None, reason="GNU msgcat is not installed")
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "python-docs-fr" / "translations" / "en"


def header(charset: str = "UTF-8", extra: str = "") -> str:
    return ('msgid ""\nmsgstr ""\n"Project-Id-Version: test 1.0\\n"\n'
            f'"Content-Type: text/plain; charset={charset}\\n"\n{extra}\n')


def po_string(value: str) -> str:
    """A PO literal for ``value`` on one line (the writer under test is not used)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    for char, name in zip("\a\b\f\v\r", "abfvr"):  # raw, the parser would refuse them
        escaped = escaped.replace(char, "\\" + name)
    return f'"{escaped}"'


def entries(pairs) -> str:
    return "".join(f"msgid {po_string(a)}\nmsgstr {po_string(b)}\n\n" for a, b in pairs)


def msgcat(data: bytes, tmp_path: Path, *options: str) -> bytes:
    source, target = tmp_path / "in.po", tmp_path / "out.po"
    source.write_bytes(data)
    subprocess.run([MSGCAT, *options, str(source), "-o", str(target)], check=True, capture_output=True)
    return target.read_bytes()


PROSE = (
    "The quick brown fox jumps over the lazy dog.  This sentence is long enough that it must be "
    "wrapped at least twice by msgcat, which counts columns and breaks after spaces."
)
FRENCH = (
    "Voici une phrase française\u00a0: elle contient des espaces insécables avant les deux-points, "
    "les points d'interrogation\u00a0? et dans les «\u00a0guillemets\u00a0», comme le veut l'usage\u202f!"
)
URLS = (
    "See https://docs.python.org/3/library/stdtypes.html#str.format and "
    "http://example.com/a/very/long/path/with/many/segments/index.html?query=1&other=two#fragment "
    "or mail python-list@python.org, e.g. version 3.11.2 (i.e. the latest) at /usr/local/bin/python3."
)
HYPHENS = (
    "A well-known, state-of-the-art, up-to-date, run-of-the-mill example \u2014 with em dashes \u2014 "
    "and en\u2013dashes, --long-options, -5 degrees, non\u2011breaking\u2011hyphens and soft\u00adhyphens."
)
QUOTES = ('He said "hello" and "goodbye" to C:\\Users\\name\\Documents\\file.txt and '
          'then "quoted \\"nested\\" text" ' * 3)
ESCAPES = "Tabs\there\tand\tthere; bell\a back\b feed\f vertical\v return\r end of a long line to wrap it."
CJK = (
    "日本語のテキストは空白がないので、文字ごとに改行できる場合があります。「括弧」や句読点、"
    "そしてカタカナのテキストもあります。中文文本也没有空格，标点符号如“引号”需要特别处理。한국어 문장은 띄어쓰기를 합니다."
)
EMOJI = (
    "Emoji 😀😃😄 family 👨\u200d👩\u200d👧\u200d👦 flags 🇫🇷🇩🇪🇯🇵 skin 👍🏽 heart ❤️ mixed with words "
    "so that the line is long enough to be wrapped somewhere 🎉🎉🎉 near the end."
)
SCRIPTS = (
    "Hebrew \u05e9\u05dc\u05d5\u05dd-\u05e2\u05d5\u05dc\u05dd Arabic \u0645\u0631\u062d\u0628\u0627 "
    "Thai \u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35\u0e04\u0e23\u0e31\u0e1a Greek \u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac "
    "combining e\u0301e\u0301e\u0301 Devanagari \u0928\u092e\u0938\u094d\u0924\u0947 zero\u200bwidth word\u2060joiner."
)

FIXTURES = {
    "prose": entries([(PROSE, FRENCH), (FRENCH, PROSE), (PROSE * 3, "")]),
    "quotes-backslashes": entries([(QUOTES, QUOTES[::-1]), ('"' * 90, "\\" * 90)]),
    "escapes": entries([(ESCAPES, ESCAPES.upper())]),
    "newlines": entries([
        ("line one\nline two\n", "ligne un\nligne deux\n"), ("\n", "\n\n"), ("a\n\nb", "x\n"),
        (PROSE + "\n" + PROSE + "\n", FRENCH + "\n"), ("x" * 70 + "\n", "y" * 76 + "\n"),
    ]),
    "urls": entries([(URLS, URLS.replace(" ", "/"))]),
    "hyphens": entries([(HYPHENS, HYPHENS.replace(" ", "-"))]),
    "cjk": entries([(CJK, CJK[::-1]), ("漢字" * 60, "ｶﾀｶﾅ全角ＡＢＣ" * 12)]),
    "emoji": entries([(EMOJI, EMOJI[::-1].replace("\u200d", ""))]),
    "scripts": entries([(SCRIPTS, SCRIPTS[::-1])]),
    "long-words": entries([
        ("x" * 300, "short " + "y" * 200), ("a " + "b" * 100 + " c", "http://" + "z" * 120),
        *[("w" * k + " tail", "v" * (k - 3) + "\\ end") for k in range(68, 82)],
    ]),
    "references-comments-flags": (
        "# Translator comment\n#\n#. Extracted\n"
        "#: ./src/one.py:0012 src/two.py src/" + "deep/" * 12 + "file.py:1 b.py:2 c.py:3 d.py:4 e.py:5\n"
        "#: f.py :7 g.py: 8 h.py:9 i.py:10 j.py:11 k.py:12 l.py:13 m.py:14 n.py:15 o.py:16 p.py:17\n"
        "#, python-format, fuzzy, c-format, range: 2..9\n"
        f"msgid {po_string(PROSE)}\nmsgstr {po_string(FRENCH)}\n\n"
        "#, fuzzy, no-wrap\n"
        f"msgid {po_string(PROSE + 'x')}\nmsgstr {po_string(PROSE + PROSE)}\n\n"
        "#, fuzzy\nmsgid \"untranslated\"\nmsgstr \"\"\n\n"
    ),
    "obsolete": (
        f'#~ msgid {po_string(PROSE)}\n#~ msgstr {po_string(FRENCH)}\n\n'
        f'msgid "active after obsolete"\nmsgstr "actif"\n\n'
        f'#, fuzzy\n#~| msgid {po_string(PROSE[:50])}\n#~ msgctxt {po_string("ctx " * 30)}\n'
        f'#~ msgid "old"\n#~ msgstr {po_string(URLS)}\n\n'
        '#~ msgid "dropped, no translation"\n#~ msgstr ""\n\n'
        f'#~ msgid "one"\n#~ msgid_plural "many"\n#~ msgstr[0] {po_string(PROSE)}\n#~ msgstr[1] "b"\n\n'
    ),
    "plurals-previous-context": (
        f'#| msgctxt {po_string("old " * 25)}\n#| msgid {po_string(PROSE)}\n'
        f'#| msgid_plural {po_string(URLS)}\n'
        f'msgctxt {po_string("context " * 12)}\nmsgid {po_string(HYPHENS)}\n'
        f'msgid_plural {po_string(PROSE)}\n'
        + "".join(f"msgstr[{i}] {po_string(FRENCH * (i + 1))}\n" for i in range(4)) + "\n"
    ),
    "separators": entries([
        ("Next line and line\u2028separator and paragraph\u2029separator in a long string " * 2, "x"),
        ("\u00a0" * 100, "\u202f".join(["mot"] * 40)),
    ]),
}


def boundary_entries() -> str:
    """Strings whose break opportunity falls at every column around the page width."""
    pairs = []
    for k in range(55, 85):
        pairs.append(("a" * k + " " + "b" * 10, "a" * (k - 10) + '\\"' + " tail"))
        pairs.append(("c" * k + "-" + "d" * 10, "e" * k + "\n" + "f" * 10))
        pairs.append(("g" * (k - 40) + " " + "日本" * 20, "h" * (k - 6) + "/" + "i" * 10))
    return entries(pairs)


FIXTURES["boundaries"] = boundary_entries()


def random_entries(seed: int, count: int = 150) -> str:
    """Random texts drawn from characters with every kind of break behaviour."""
    pool = list("abcdefghij      ,.;:!?-/()[]{}\"'\\%$+#@&*_=<>|~`0123456789\t\n") + [
        "\u00a0", "\u202f", "é", "ß", "«", "»", "\u2014", "\u2013", "\u2011", "\u00ad", "日", "本", "語",
        "。", "、", "「", "」", "한", "😀", "👍", "🏽", "\u200d", "\u0301", "\u200b", "\u2060", "\u05d0",
        "\u05d1", "\u0e01", "\u2026", "°", "§", "€", "£", "\u3000", "！", "🇫", "🇷", "\u2028",
    ]
    rng = random.Random(seed)
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(1, 220))) for _ in range(2 * count)]
    return entries(zip(texts[::2], texts[1::2]))


@needs_msgcat
@pytest.mark.parametrize("name", sorted(FIXTURES))
@pytest.mark.parametrize("options", [(), ("--no-wrap",), ("-w", "40"), ("-w", "100")],
                         ids=["default", "no-wrap", "w40", "w100"])
def test_fixture_is_byte_identical_to_msgcat(name, options, tmp_path):
    data = (header() + FIXTURES[name]).encode("utf-8")
    check_against_msgcat(data, options, tmp_path)


@needs_msgcat
@pytest.mark.parametrize("seed", range(6))
def test_random_texts_are_byte_identical_to_msgcat(seed, tmp_path):
    data = (header() + random_entries(seed)).encode("utf-8")
    check_against_msgcat(data, (), tmp_path)
    check_against_msgcat(data, ("-w", "50"), tmp_path)


def check_against_msgcat(data: bytes, options: tuple[str, ...], tmp_path: Path) -> None:
    width = int(options[1]) if options[:1] == ("-w",) else 79
    expected = msgcat(data, tmp_path, *options)
    got = dump_po(parse_po(data, "in.po"), width=width, wrap="--no-wrap" not in options)
    assert got.decode("utf-8", "replace").splitlines() == expected.decode("utf-8", "replace").splitlines()
    assert got == expected


PERCENT = ["%(some-long-name)s", "%(a/b.c)d", "%-10.5f", "%s", "%%", "%*d", "%(y)-5s", "%(open",
           "% d", "%q", "%(n(a)m-e)r", "%(k-v)%", "%5.2lf"]
BRACE = ["{some.attr}", "{0.real}", "{name[key]}", "{x:-^30}", "{a.b:>10.2f}", "{{", "}}", "{}",
         "{a-b}", "{a:{b}}", "{a:{b:x}}", "{items[0].name}", "{x!r}", "{a.}", "{a[b}", "{_u.v_w}"]
WORDS = ["word", "a", "longer-word", "x/y", "e.g.", "http://ex.com/a-b", "été", "日本語"]


def format_entries(seed: int) -> str:
    """Strings dense in Python format directives, some invalid, flagged as formats."""
    rng = random.Random(seed)
    out = []
    for i in range(150):
        flag, pool = rng.choice([("python-format", PERCENT), ("python-brace-format", BRACE),
                                 ("possible-python-format", PERCENT)])
        parts = [rng.choice(pool) if rng.random() < 0.4 else rng.choice(WORDS) for _ in range(rng.randint(5, 30))]
        text = rng.choice(["x", "é", "日"]) * rng.randint(0, 40) + " " + " ".join(parts)
        out.append(f"#, {flag}\nmsgid {po_string(f'{i} {text}')}\nmsgstr {po_string(text)}\n\n")
    return "".join(out)


@needs_msgcat
@pytest.mark.parametrize("seed", range(4))
def test_no_break_inside_python_format_directives_like_msgcat(seed, tmp_path):
    check_against_msgcat((header() + format_entries(seed)).encode("utf-8"), (), tmp_path)


@needs_msgcat
def test_iso_8859_1_output_is_byte_identical(tmp_path):
    text = header("ISO-8859-1") + entries([(FRENCH.replace("\u202f", " "), PROSE), ("Ça déjà vu " * 12, "ÿ")])
    check_against_msgcat(text.encode("latin-1"), (), tmp_path)


@needs_msgcat
def test_east_asian_charset_uses_wide_ambiguous_widths(tmp_path):
    text = header("EUC-JP") + entries([("日本語の§°αβγ±×÷ と ＡＢ です。" * 6, "ＡＢＣ§§§ " * 15)])
    check_against_msgcat(text.encode("euc_jp"), (), tmp_path)


@needs_msgcat
def test_long_header_and_header_comments(tmp_path):
    extra = '"X-Long: ' + "word " * 30 + '\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n'
    data = ("# Title comment\n#, fuzzy\n" + header(extra=extra) + entries([("a", "b")])).encode()
    check_against_msgcat(data, (), tmp_path)


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.po")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not corpus_files(), reason="shared/corpora not present")
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_file_round_trip(path, tmp_path):
    data = path.read_bytes()
    dumped = dump_po(parse_po(data, str(path)))
    assert dump_po(parse_po(dumped, str(path))) == dumped
    if MSGCAT is not None:
        expected = msgcat(data, tmp_path)
        assert dumped == expected
        if expected == data:  # the file was already in msgcat's layout
            assert dumped == data


# -- round trip on arbitrary content ------------------------------------------------------

# Control characters a PO string cannot carry (no C escape for them): the parser refuses
# them and the writer raises; see test_unwritable_text_is_refused_never_written.
UNWRITABLE = "".join(map(chr, [*range(0, 7), *range(0x0E, 0x20), *range(0x7F, 0xA0)]))
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=UNWRITABLE),
               max_size=120)
# What a comment cannot carry either: a comment has no escapes, and the line separators
# (CR, VT, FF, FS-RS, NEL) cut it into several comment lines.
IN_COMMENTS = UNWRITABLE.replace("\x1c\x1d\x1e", "").replace("\x85", "") + "\x07\x08"
# A comment line: no control characters and no line separator of any kind.
LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40)
# A reference such as "src/a_b.md:12" (built from parts: st.from_regex costs this test half its time).
REFERENCE = st.builds("{}{}:{}".format, st.sampled_from("abmxz_"), st.text("abz/_.", max_size=19),
                      st.integers(1, 9999))
FLAGS = st.lists(st.sampled_from(["c-format", "python-format", "range: 1..3", "no-wrap"]), unique=True)
FLAG_ORDER = ["fuzzy", "c-format", "python-format", "range: 1..3", "no-wrap"]


@st.composite
def entries_strategy(draw, obsolete: bool):
    plural = draw(st.booleans())
    msgstr = draw(TEXT)
    forms = tuple(draw(st.lists(TEXT, min_size=1, max_size=3))) if plural else ()
    translated = bool(forms[0] if plural else msgstr) or obsolete
    if obsolete:
        msgstr = msgstr or "x"
        forms = (forms[0] or "x", *forms[1:]) if plural else ()
    flags = draw(FLAGS) + (["fuzzy"] if translated and draw(st.booleans()) else [])
    return Entry(
        msgid=draw(TEXT.filter(bool)), msgstr="" if plural else msgstr,
        msgctxt=draw(st.none() | TEXT), msgid_plural=draw(TEXT) if plural else None,
        msgstr_plural=forms, translator_comments=tuple(draw(st.lists(LINE, max_size=2))),
        extracted_comments=tuple(draw(st.lists(LINE, max_size=2))),
        references=tuple(draw(st.lists(REFERENCE, max_size=4))),
        flags=tuple(sorted(flags, key=FLAG_ORDER.index)),
        previous_msgctxt=draw(st.none() | TEXT), previous_msgid=draw(st.none() | TEXT),
        previous_msgid_plural=draw(st.none() | TEXT), obsolete=obsolete)


@st.composite
def catalogs(draw):
    both = draw(st.lists(st.one_of(entries_strategy(False), entries_strategy(True)), max_size=9,
                         unique_by=lambda e: e.key))  # gettext refuses a key twice, "#~" or not
    active, old = [e for e in both if not e.obsolete], [e for e in both if e.obsolete]
    head = Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n" + draw(LINE) + "\n")
    return Catalog(header=head, entries=active + old)


def without_lines(catalog: Catalog) -> Catalog:
    strip = lambda e: dataclasses.replace(e, line=0)  # noqa: E731
    return Catalog(header=strip(catalog.header), entries=[strip(e) for e in catalog.entries])


@given(catalogs(), st.sampled_from([79, 30, 120]), st.booleans())
def test_round_trip(catalog, width, wrap):
    dumped = dump_po(catalog, width=width, wrap=wrap)
    parsed = parse_po(dumped, "rt.po")
    assert without_lines(parsed) == catalog
    assert dump_po(parsed, width=width, wrap=wrap) == dumped


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
       st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_unwritable_text_is_refused_never_written(text, comment):
    """Whatever a catalog holds, the writer either refuses it (one error) or writes a file
    the parser reads back to the same entries: a comment with CR, U+0085 or U+2028 becomes
    several comment lines, never a line of PO syntax."""
    catalog = Catalog(Entry("", "Content-Type: text/plain; charset=UTF-8\n"),
                      [Entry("x", text, translator_comments=(comment,))])
    try:
        dumped = dump_po(catalog)
    except CatalogError:
        assert any(c in UNWRITABLE for c in text) or any(c in IN_COMMENTS for c in comment)
        return
    parsed = parse_po(dumped, "rt.po")
    assert [e.msgid for e in parsed.entries] == ["x"] and parsed.entries[0].msgstr == text
    assert " ".join(parsed.entries[0].translator_comments).split() == comment.split()


def test_flags_and_comments_msgcat_would_drop_are_kept():
    """Deliberate departures from msgcat: a translator's own flag, and the comment of an
    untranslated obsolete entry, are their work; diglot keeps both."""
    text = (header() + '#, fuzzy, my-flag, python-format\nmsgid "a"\nmsgstr "b"\n\n'
            '# keep me\n#~ msgid "gone"\n#~ msgstr ""\n')
    out = dump_po(parse_po(text.encode(), "k.po")).decode()
    assert "#, fuzzy, python-format, my-flag\n" in out
    assert '# keep me\n#~ msgid "gone"' in out


def test_an_obsolete_entry_with_a_translators_flag_or_a_plural_form_is_kept():
    """msgcat drops untranslated obsolete entries; a flag of the translator's or msgstr[1]
    (msgstr[0] empty) is their work: update reported it obsolete, then wrote nothing."""
    text = (header(extra='"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n') +
            '#, no-c-format, needs-review\n#~ msgid "a"\n#~ msgstr ""\n\n'
            '#~ msgid "b"\n#~ msgid_plural "bs"\n#~ msgstr[0] ""\n#~ msgstr[1] "Bs"\n\n'
            '#, fuzzy\n#~ msgid "c"\n#~ msgstr ""\n')
    out = dump_po(parse_po(text.encode(), "a.po")).decode()
    assert '#, no-c-format, needs-review\n#~ msgid "a"' in out and '#~ msgstr[1] "Bs"' in out
    assert '"c"' not in out  # fuzzy alone on nothing is msgcat's to drop


@pytest.mark.parametrize("header", [
    '"Content-Type: text/plain; charset=utf\\05516\\n"',      # the reader stops at "\": "utf"
    '"Content-Type: text/plain; charset=utf"\n"-16\\n"',      # … and at the string's end
    '"Content-Type: text/plain; charset=utf"\n"-7\\n"',
])
def test_a_charset_is_read_as_it_would_be_written_and_never_written_unreadable(header):
    """An attack round: read as UTF-8 ("utf": the raw bytes stop at the backslash or the
    string's end), the file was written as UTF-16, which no later command (nor gettext)
    could read. The reader now reads the header as the parser does, and refuses it at its
    line; a catalog made in memory with such a header is refused by the writer."""
    data = f'msgid ""\nmsgstr ""\n{header}\n\nmsgid "Bonjour"\nmsgstr "Hello"\n'.encode()
    with pytest.raises(CatalogError, match="charset 'utf-(16|7)' is not ASCII-compatible") as caught:
        parse_po(data, "a.po")
    assert caught.value.line == 3
    catalog = parse_po(data.replace(header.encode(), b'"Content-Type: text/plain; charset=UTF-8\\n"'),
                       "a.po")
    content_type = header.replace('"\n"', "").strip('"').replace("\\055", "-").replace("\\n", "\n")
    catalog = dataclasses.replace(catalog, header=dataclasses.replace(catalog.header, msgstr=content_type))
    with pytest.raises(CatalogError, match="charset 'utf-(16|7)' is not ASCII-compatible"):
        dump_po(catalog)
