"""Issue #13, review documents: a crafted or damaged DOCX given to ``review import`` (or
to ``align``) never overwrites the wrong entry, never drops markup or text silently, never
injects PO lines, never exhausts memory, and fails in one line. The file system is
asserted after every run."""

from __future__ import annotations

import copy
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
import hostile_support
from hostile_support import World, one_error_line

from diglot.po.parser import parse_po

FR_RICH = "Voir le schéma, le site, la référence et AT&T, en mots anciens."
EN_RICH = ('See ![diagram](img/a.png), [the site](ftp://example.org "Title"), the [ref][r] '
           "and AT&amp;T, in old words.")
SOURCE = ("# Titre\n\nLe modèle est rapide.\n\nUn paragraphe flou.\n\n" + FR_RICH
          + "\n\n[r]: https://r.example/doc\n")
ROWS = {"Titre": 1, "Le modèle est rapide.": 2, "Un paragraphe flou.": 3, FR_RICH: 4}
NUMBER, FRENCH, ENGLISH, STATE, COMMENT = range(5)


REVIEW = "build/review/article.en.docx"


@pytest.fixture
def world(make_project, tmp_path) -> World:
    proj = make_project({"article": SOURCE}, {"article": {**hostile_support.ENGLISH, FR_RICH: EN_RICH}},
                        runs=[("review", "export", "article")])
    w = World(proj, tmp_path)
    w.exported = (w.root / REVIEW).read_bytes()
    return w


def _export(world: World) -> Path:
    """A fresh review document, as ``review export`` writes it: the one it wrote when the
    project was made (export is deterministic; made once a session)."""
    path = world.root / REVIEW
    path.write_bytes(world.exported)
    return path


def _cell(document, msgid: str, column: int):
    return document.tables[0].rows[ROWS[msgid]].cells[column]


def _replace_in_runs(paragraph, old: str, new: str) -> None:
    """Edit the first text node holding ``old`` (inside hyperlinks too)."""
    node = next(t for t in paragraph._p.iter(qn("w:t")) if old in (t.text or ""))
    node.text = node.text.replace(old, new)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def _write_parts(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def _import(world: World, path: Path, *options: str):
    return world.run("review", "import", str(path), *options)


# -- 5. a row is matched by its identity and by its visible French -------------------------

def test_a_row_carrying_another_rows_identity_writes_nothing(world):
    path = _export(world)
    document = Document(str(path))
    marks = [b for b in document.element.body.iter(qn("w:bookmarkStart"))
             if b.get(qn("w:name"), "").startswith("_dg")]
    victim = marks[ROWS[FR_RICH] - 1].get(qn("w:name"))
    marks[ROWS["Le modèle est rapide."] - 1].set(qn("w:name"), victim)
    paragraph = _cell(document, "Le modèle est rapide.", ENGLISH).paragraphs[0]
    _replace_in_runs(paragraph, "fast", "PWNED")
    _replace_in_runs(_cell(document, "Un paragraphe flou.", ENGLISH).paragraphs[0], "hazy", "vague")
    document.save(str(path))
    before = world.snapshot()
    result = _import(world, path)
    assert result.exit_code == 1
    assert "inconsistent: its French" in result.output and "nothing written" in result.output
    assert world.snapshot() == before and world.outside_untouched()


def test_an_edited_french_cell_or_a_copied_row_writes_nothing(world):
    path = _export(world)
    document = Document(str(path))
    _replace_in_runs(_cell(document, "Le modèle est rapide.", FRENCH).paragraphs[0], "rapide", "lent")
    _replace_in_runs(_cell(document, "Un paragraphe flou.", ENGLISH).paragraphs[0], "hazy", "vague")
    document.save(str(path))
    before = world.snapshot()
    assert _import(world, path).exit_code == 1 and world.snapshot() == before

    path = _export(world)
    document = Document(str(path))
    table = document.tables[0]._tbl
    rows = table.findall(qn("w:tr"))
    table.append(copy.deepcopy(rows[ROWS["Titre"]]))
    _replace_in_runs(_cell(document, "Un paragraphe flou.", ENGLISH).paragraphs[0], "hazy", "vague")
    document.save(str(path))
    before = world.snapshot()
    result = _import(world, path)
    assert result.exit_code == 1 and "repeats row 1" in result.output
    assert world.snapshot() == before


# -- 6. an edit changes the words it changed, and nothing else -----------------------------

def test_markup_the_cell_cannot_show_survives_an_edit_elsewhere(world):
    path = _export(world)
    document = Document(str(path))
    _replace_in_runs(_cell(document, FR_RICH, ENGLISH).paragraphs[0], "old", "new")
    document.save(str(path))
    others = {k: v for k, v in world.proj.entries("article").items() if k != FR_RICH}
    result = _import(world, path)
    assert result.exit_code == 0, result.output
    after = world.proj.entries("article")
    assert after[FR_RICH].msgstr == EN_RICH.replace("old", "new")
    assert {k: v for k, v in after.items() if k != FR_RICH} == others
    assert world.run("check").output.count("link URL") == 0


def test_an_image_shown_as_its_markdown_takes_an_alt_text_edit(world):
    path = _export(world)
    document = Document(str(path))
    _replace_in_runs(_cell(document, FR_RICH, ENGLISH).paragraphs[0], "diagram", "figure")
    document.save(str(path))
    result = _import(world, path)
    assert result.exit_code == 0, result.output
    assert world.proj.entries("article")[FR_RICH].msgstr == EN_RICH.replace("diagram", "figure")


@pytest.mark.parametrize("old, new", [("site", "website"), ("ref", "note")])
def test_an_edit_inside_markup_the_cell_cannot_show_is_a_conflict(world, old, new):
    path = _export(world)
    document = Document(str(path))
    _replace_in_runs(_cell(document, FR_RICH, ENGLISH).paragraphs[0], old, new)
    document.save(str(path))
    result = _import(world, path)
    assert result.exit_code == 1 and "conflict: the edit touches markup" in result.output
    entry = world.proj.entries("article")[FR_RICH]
    assert entry.msgstr == EN_RICH  # the translator's text, untouched
    assert any(c.startswith("review suggestion: ") and new in c for c in entry.translator_comments)


# -- 7. comments never inject PO lines -----------------------------------------------------

INJECTION = '\n#~ msgid "zzz"\nmsgid "zzz"\nmsgstr "PWNED"\n'


@pytest.mark.parametrize("separator", ["\r", "\r\n", "\u2028", "\u0085", "\u2029"])
def test_line_separators_in_comments_and_authors_never_start_a_po_line(world, separator):
    path = _export(world)
    document = Document(str(path))
    payload = INJECTION.replace("\n", separator)
    run = _cell(document, "Le modèle est rapide.", ENGLISH).paragraphs[0].runs[0]
    document.add_comment(run, "Too literal" + payload, "Eve" + payload, "E")
    _cell(document, "Un paragraphe flou.", COMMENT).paragraphs[0].add_run("note" + payload)
    document.save(str(path))
    result = _import(world, path)
    assert result.exit_code == 0, result.output
    data = world.po_path().read_bytes()
    catalog = parse_po(data, "article.po")
    assert [e.msgid for e in catalog.entries] == list(ROWS)
    # what polib and other str.splitlines() readers see: no line of injected syntax
    lines = data.decode().splitlines()
    assert not [line for line in lines if line.startswith(("msgid \"zzz", "msgstr \"PWNED", "#~"))]
    comments = [c for e in catalog.entries for c in e.translator_comments]
    assert any("Eve" in c and "PWNED" in c for c in comments)


def test_comment_authors_reach_the_terminal_escaped(world):
    path = _export(world)
    document = Document(str(path))
    run = _cell(document, "Le modèle est rapide.", ENGLISH).paragraphs[0].runs[0]
    document.add_comment(run, "Fine\u202etxt.exe", "Eve\x9b31m", "E")
    document.save(str(path))
    result = _import(world, path)
    assert result.exit_code == 0
    assert "\x9b" not in result.output and "\u202e" not in result.output
    assert "review: Eve31m: Fine\\u202etxt.exe" in result.output  # C1 dropped, RLO shown
    assert "Eve31m: Fine\u202etxt.exe" in world.po_path().read_text()


# -- 8. entities: refused, never a silent loss ---------------------------------------------

def _with_document_xml(path: Path, change) -> None:
    parts = _parts(path)
    parts["word/document.xml"] = change(parts["word/document.xml"])
    _write_parts(path, parts)


def test_an_entity_declared_in_a_dtd_is_refused(world):
    path = _export(world)

    def inject(xml: bytes) -> bytes:
        xml = xml.replace(b"?>", b'?>\n<!DOCTYPE w:document [<!ENTITY xxe "Power">]>', 1)
        return xml.replace(b"The model is fast.", b"Greater &xxe; and more Performance", 1)

    _with_document_xml(path, inject)
    before = world.snapshot()
    result = _import(world, path)
    assert one_error_line(result, "word/document.xml declares a DTD")
    assert world.snapshot() == before


def test_an_undeclared_entity_is_one_line(world):
    path = _export(world)
    _with_document_xml(path, lambda xml: xml.replace(b"The model is fast.", b"Greater &xxe; x", 1))
    before = world.snapshot()
    result = _import(world, path)
    assert one_error_line(result, "word/document.xml is not well-formed XML")
    assert world.snapshot() == before


def test_an_external_entity_is_never_fetched(world):
    path = _export(world)
    secret = world.outside / "victim.txt"
    _with_document_xml(path, lambda xml: xml.replace(
        b"?>", f'?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'.encode(), 1)
        .replace(b"The model is fast.", b"&x;", 1))
    result = _import(world, path)
    assert one_error_line(result, "declares a DTD") and "keep me" not in result.output


# -- 11. zip bombs ---------------------------------------------------------------------------

def _bomb(path: Path, source: Path, size: int, name: str = "word/media/big.bin") -> None:
    """``source``'s parts plus one of ``size`` zero bytes (a few hundred kB compressed)."""
    parts = _parts(source)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for part, data in parts.items():
            package.writestr(part, data)
        with package.open(name, "w") as handle:
            chunk = bytes(1 << 20)
            for _ in range(size >> 20):
                handle.write(chunk)


# diglot in a process of its own that reports its own peak memory: VmHWM, which a new
# program starts afresh (ru_maxrss survives exec, so a child of this big pytest process would
# report the suite's size; RUSAGE_CHILDREN is the largest child the suite ran, LibreOffice
# included).
_MEASURED = ("import atexit, sys\n"
             "peak = sys.argv.pop(1)\n"
             "def hwm():\n"
             "    for line in open('/proc/self/status'):\n"
             "        if line.startswith('VmHWM:'):\n"
             "            return int(line.split()[1])\n"
             "atexit.register(lambda: print(hwm(), file=open(peak, 'w')))\n"
             "from diglot.cli import main\n"
             "main(sys.argv[1:], prog_name='diglot')\n")


def _measured(peak_file, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _MEASURED, str(peak_file), *args],
                          capture_output=True, text=True)


def test_a_part_inflating_past_the_cap_is_refused_without_inflating_it(world, tmp_path):
    from diglot.ooxml import untrusted

    path = tmp_path / "bomb.docx"
    _bomb(path, _export(world), untrusted.MAX_PART + (1 << 20))
    assert path.stat().st_size < 2 << 20
    before = world.snapshot()
    peak = tmp_path / "peak"
    result = _measured(peak, "-C", str(world.root), "review", "import", str(path))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "word/media/big.bin inflates beyond diglot's caps" in result.stderr
    assert int(peak.read_text()) // 1024 < 300 and world.snapshot() == before
    result = world.run("align", "article", str(path))
    assert one_error_line(result, "inflates beyond") and world.snapshot() == before


def _declare_size(path: Path, name: str, size: int) -> None:
    """Rewrite the uncompressed size ``name``'s local header and central entry declare."""
    data = bytearray(path.read_bytes())
    # (signature, offset of the size, of the name's length, of the name)
    for signature, size_at, length_at, name_at in ((b"PK\x03\x04", 22, 26, 30),
                                                   (b"PK\x01\x02", 24, 28, 46)):
        at = data.find(signature)
        while at >= 0:
            length = struct.unpack_from("<H", data, at + length_at)[0]
            if bytes(data[at + name_at:at + name_at + length]) == name.encode():
                struct.pack_into("<I", data, at + size_at, size)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))


def test_a_part_lying_about_its_size_is_never_inflated_whole(world, tmp_path):
    """A part declaring 1,000 bytes that inflates to 300 MB passes every size check; read
    whole, zipfile inflated it all (2 GiB a part at most) before finding the lie."""
    path = tmp_path / "liar.docx"
    _bomb(path, _export(world), 300 << 20)
    _declare_size(path, "word/media/big.bin", 1000)
    before, peak = world.snapshot(), tmp_path / "peak"
    result = _measured(peak, "-C", str(world.root), "review", "import", str(path))
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "word/media/big.bin is damaged" in result.stderr
    assert int(peak.read_text()) // 1024 < 200 and world.snapshot() == before


def test_a_part_with_a_bomb_like_ratio_is_refused(world, tmp_path):
    path = tmp_path / "ratio.docx"
    _bomb(path, _export(world), 8 << 20, "customXml/item9.xml")
    result = _import(world, path)
    assert one_error_line(result, "customXml/item9.xml inflates", "zip bomb")


def test_a_document_of_millions_of_elements_is_refused_before_it_is_parsed(world, tmp_path):
    """16 million empty paragraphs (767 kB on disk) took 2.3 GB to import."""
    from diglot.ooxml import untrusted

    parts = _parts(_export(world))
    noise = b"<!--" + os.urandom(150_000).hex().encode() + b"-->"  # under the zip-bomb ratio
    body = noise + b"<w:p/>" * (untrusted.MAX_TAGS + 1)
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", b"<w:body>" + body, 1)
    path = tmp_path / "dense.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for part, data in parts.items():
            package.writestr(part, data)
    before, peak = world.snapshot(), tmp_path / "peak"
    result = _measured(peak, "-C", str(world.root), "review", "import", str(path))
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "part word/document.xml holds more than 3,000,000 XML tags" in result.stderr
    assert int(peak.read_text()) // 1024 < 300 and world.snapshot() == before


# -- 14. damaged documents: one line, never a traceback -----------------------------------

def test_an_invalid_symbol_code_is_one_line(world):
    path = _export(world)
    _with_document_xml(path, lambda xml: xml.replace(
        b">The model is fast.</w:t>", b'>The model</w:t><w:sym w:char="zz"/>', 1))
    before = world.snapshot()
    result = _import(world, path)
    assert one_error_line(result, "w:sym", "'zz'") and world.snapshot() == before


def _corrupt_stream(path: Path, part: str) -> None:
    """Overwrite bytes in the middle of ``part``'s deflate stream."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo(part)
    header = info.header_offset
    start = header + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 10, start + min(info.compress_size, 400), 7):
        data[k] ^= 0x5A
    path.write_bytes(bytes(data))


def test_a_corrupt_deflate_stream_is_one_line(world):
    path = _export(world)
    _corrupt_stream(path, "word/document.xml")
    before = world.snapshot()
    result = _import(world, path)
    assert one_error_line(result, "part word/document.xml is damaged")
    result = world.run("align", "article", str(path))
    assert one_error_line(result, "part word/document.xml is damaged")
    assert world.snapshot() == before


def test_a_malformed_document_given_to_align_is_one_line(world, tmp_path):
    path = tmp_path / "english.docx"
    document = Document()
    document.add_paragraph("The model is fast.")
    document.save(str(path))
    _with_document_xml(path, lambda xml: xml[: len(xml) // 2])
    before = world.snapshot()
    result = world.run("align", "article", str(path))
    assert one_error_line(result, "english.docx", "word/document.xml is not well-formed XML")
    assert world.snapshot() == before


def test_a_document_that_is_not_a_zip_is_one_line(world, tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"PK\x03\x04" + bytes(100))
    for args in (["review", "import", str(path)], ["align", "article", str(path)]):
        assert one_error_line(world.run(*args), "fake.docx")


# -- a fourth attack round (2026-11-30) ------------------------------------------------------

def test_a_decoy_content_type_does_not_hide_the_main_part_from_the_checks(world):
    """The main part renamed and declared binary by an element of another namespace:
    python-docx parsed it with no cap; diglot never looked (a DTD, 15 M tags: 5 GB)."""
    path = _export(world)
    parts = _parts(path)
    xml = parts.pop("word/document.xml").replace(
        b"?>", b'?>\n<!DOCTYPE w:document [<!ENTITY e "x">]>', 1)
    parts["word/document.dat"] = xml
    types = parts["[Content_Types].xml"].replace(b"/word/document.xml", b"/word/document.dat")
    parts["[Content_Types].xml"] = types.replace(b"</Types>", (
        b'<x:Override xmlns:x="urn:decoy" PartName="/word/document.dat" '
        b'ContentType="application/octet-stream"/></Types>'))
    rels = parts["_rels/.rels"].replace(b"word/document.xml", b"word/document.dat")
    parts["_rels/.rels"] = rels
    _write_parts(path, parts)
    before = world.snapshot()
    for args in (["review", "import", str(path)], ["align", "article", str(path)]):
        assert one_error_line(world.run(*args), "word/document.dat declares a DTD")
    assert world.snapshot() == before


def test_a_cell_longer_than_a_translation_is_refused_before_it_is_read(world):
    """5,000,000 characters in one cell (87 KB of DOCX) took 89 s and 1.9 GB, then wrote
    a PO file every command refused."""
    path = _export(world)
    words = " ".join(f"w{k * 7919 % 1_000_003}" for k in range(600_000)).encode()
    _with_document_xml(path, lambda xml: xml.replace(b"The model is fast.", words, 1))
    before = world.snapshot()
    assert one_error_line(_import(world, path), f"row 2 of the table holds a cell of "
                          f"{len(words) // 1000:,},", "nothing imported")
    assert world.snapshot() == before


def test_a_translation_diglot_could_not_read_back_is_never_written(world, tmp_path):
    """An accent stacked 100 times on a letter, from a review cell or an English text:
    the file was written, then every command refused it."""
    path = _export(world)
    stacked = ("a" + "\u0301" * 100).encode()
    _with_document_xml(path, lambda xml: xml.replace(b"The model is fast.", stacked, 1))
    before = world.snapshot()
    result = _import(world, path)
    assert one_error_line(result, "translations/en/article.po", "more than 30 combining marks",
                          "nothing written")
    english = tmp_path / "english.txt"  # refused as the French would be, naming its line
    english.write_text("Title\n\nThe model is fast.\n\nA hazy" + stacked.decode() + "\n")
    assert one_error_line(world.run("align", "article", str(english), "--overwrite"),
                          "english.txt:5: a letter carries more than 30 combining marks")
    assert world.snapshot() == before
    assert world.run("status").exit_code == 0


def test_a_document_without_a_body_and_a_pipe_are_one_line(world, tmp_path):
    path = _export(world)
    _with_document_xml(path, lambda xml: xml[:xml.index(b"<w:body>")] + b"</w:document>")
    assert one_error_line(_import(world, path), "the document has no body")
    assert one_error_line(world.run("align", "article", str(path)),
                          "cannot read it as a Word document")
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    assert one_error_line(world.run("align", "article", str(fifo)), "not a regular file")


def test_many_small_parts_that_inflate_like_a_bomb_together_are_refused(world):
    """199 parts of 1 MB each, each under the single-part bound: 10 s from 286 KB."""
    path = _export(world)
    parts = _parts(path)
    for k in range(40):
        parts[f"customXml/item{k}.xml"] = b"<a>" + b" " * (RATIO_PART - 10) + b"</a>"
    _write_parts(path, parts)
    assert one_error_line(_import(world, path), "inflates", "times its stored size")


RATIO_PART = 1024 * 1024 - 100  # just under the size from which one part's ratio is checked


def test_an_english_text_of_far_more_paragraphs_than_the_article_is_refused(world, tmp_path):
    """330,000 empty-ish paragraphs against 45 segments took 50 s and wrote a 110 MB page."""
    english = tmp_path / "tiny.txt"
    english.write_text("a\n\n" * 2000)
    before = world.snapshot()
    assert one_error_line(world.run("align", "article", str(english)),
                          "2,000 English paragraphs for 4 French segments")
    assert world.snapshot() == before


def test_an_html_part_that_is_no_xml_is_not_parsed_as_xml(world):
    """A code review's find: the markup sniffing refused a document carrying an HTML part
    (Word's altChunk, written by some generators), which python-docx never parses."""
    path = _export(world)
    parts = _parts(path)
    parts["word/afchunk.htm"] = b"<p>Hello<br>world</p>"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", (
        b'<Override PartName="/word/afchunk.htm" ContentType="text/html"/></Types>'))
    _write_parts(path, parts)
    result = _import(world, path)
    assert result.exit_code == 0, result.output
