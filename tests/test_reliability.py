"""Bad input gets one clear error line, a non-zero exit and no file changed; inputs a user may
legitimately have simply work."""

from __future__ import annotations

import pytest

from diglot.lock import project_lock
from project_fixture import Proj

TEXT = "# Titre\n\nUn paragraphe assez long pour être traduit proprement.\n"
ENGLISH = {"Titre": "Title", "Un paragraphe assez long pour être traduit proprement.":
           "A paragraph long enough to be translated properly."}


@pytest.fixture
def proj(make_project):
    return make_project({"a": TEXT}, {"a": ENGLISH}, build=True, name="projet")


def fails(proj: Proj, args, prefix: str, contains: str = "") -> str:
    """Run; assert one ``Error:`` line starting with ``prefix``, exit 2, nothing changed."""
    before = proj.snapshot()
    result = proj.run(*args)
    lines = result.output.strip().splitlines()
    assert result.exit_code == 2, result.output
    assert len(lines) == 1 and lines[0].startswith(f"Error: {prefix}"), result.output
    assert contains in lines[0]
    assert "Traceback" not in result.output
    assert proj.snapshot() == before
    return lines[0]


def corrupt_po(proj: Proj, old: str, new: str) -> int:
    po = proj.root / "translations/en/a.po"
    text = po.read_text(encoding="utf-8")
    assert old in text
    po.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize("command", [["update"], ["build"], ["status"], ["check"]])
@pytest.mark.parametrize("old, new, contains", [
    ('msgstr "Title"', 'msgstr "Title', "unterminated string"),
    ('msgstr "Title"', 'msgstr "Ti\\qtle"', "invalid escape"),
    ('msgstr "Title"', 'msgstr "Title"\nmsgfoo "x"', "msgfoo"),
])
def test_malformed_po_names_file_and_line(proj, command, old, new, contains):
    line = corrupt_po(proj, old, new)
    if "msgfoo" in new:
        line += 1
    fails(proj, command, f"translations/en/a.po:{line}: ", contains)


def test_duplicate_msgid(proj):
    po = proj.root / "translations/en/a.po"
    po.write_text(po.read_text() + '\nmsgid "Titre"\nmsgstr "Again"\n')
    line = po.read_text().splitlines().index('msgid "Titre"', 20) + 1
    fails(proj, ["update"], f"translations/en/a.po:{line}: ", "duplicate")


def test_unknown_charset(proj):
    line = corrupt_po(proj, "charset=UTF-8", "charset=KLINGON-8")
    fails(proj, ["build"], f"translations/en/a.po:{line}: ", "KLINGON-8")


@pytest.mark.parametrize("charset", ["raw_unicode_escape", "unicode-escape"])
def test_an_escape_codec_as_charset_is_refused(proj, charset):
    """An attack round's find: Python's escape codecs read "\\ud800" as a lone surrogate;
    build, EPUB, serve and check --format json then failed with tracebacks."""
    line = corrupt_po(proj, "charset=UTF-8", f"charset={charset}")
    for command in (["build"], ["check", "--format", "json"], ["status", "--changes"]):
        fails(proj, command, f"translations/en/a.po:{line}: ", "no text encoding gettext knows")


def test_source_not_utf8_names_the_file_and_suggests_converting(proj):
    (proj.root / "source_fr/b.md").write_bytes("# Été\n\nDéjà.\n".encode("latin-1"))
    message = fails(proj, ["update"], "source_fr/b.md:1: ", "convert the file to UTF-8")
    assert "iconv" in message


def test_a_translation_past_twice_a_paragraphs_bound_is_one_error_naming_its_line(proj):
    """A 60-million-character msgstr was read whole: check took 27 s and 1.2 GB."""
    line = corrupt_po(proj, 'msgstr "Title"', 'msgstr "' + "x" * (5 << 20) + '"')
    for command in (["check"], ["build"], ["update"]):
        fails(proj, command, f"translations/en/a.po:{line - 1}: a translation of 5,242,880 "
              "characters")  # the line of its entry (its msgid)


def _nested_lists(depth: int) -> str:
    items = "".join(" " * (2 * level) + f"- niveau {level}\n" for level in range(depth))
    return f"# Titre\n\nIntro.\n\n{items}\nParagraphe A.\n\n## Deux\n\nParagraphe B.\n"


def test_ten_nested_lists_keep_the_text_after_them(proj):
    """commonmark's nesting limit (20) silently dropped what followed ten nested lists."""
    proj.write("source_fr/b.md", _nested_lists(10))
    assert proj.run("update").exit_code == 0
    assert {"niveau 9", "Paragraphe A.", "Paragraphe B."} <= set(proj.entries("b"))


def test_lists_nested_past_what_markdown_reads_are_one_error_naming_the_line(proj):
    proj.write("source_fr/b.md", _nested_lists(40))
    for command in (["update"], ["build"], ["check"]):
        fails(proj, command, "source_fr/b.md:33: lists and quotes nest too deep here",
              "the text after this line would be lost")


def test_a_pdf_given_as_text_is_named_for_what_it_is_not_converted(proj):
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
    (proj.root / "source_fr/b.md").write_bytes(pdf)
    message = fails(proj, ["update"], "source_fr/b.md: this is a PDF, not text")
    assert "iconv" not in message
    (proj.root / "source_fr/b.md").unlink()
    english = proj.write("english.pdf", pdf)
    fails(proj, ["align", "a", str(english)], "", "english.pdf: this is a PDF: diglot align "
          "reads the English as Markdown (.md), plain text or Word (.docx)")


def test_source_with_control_character_is_rejected_with_its_line(proj):
    proj.source("b", "# Titre\n\nUn\x0c saut de page.\n")
    fails(proj, ["update"], "source_fr/b.md:3: ", "U+000C")


@pytest.mark.parametrize("config, contains", [
    ("[tool.diglot]\nlanguagez = ['en']\n", "unknown key 'languagez'"),
    ("[tool.diglot]\nlanguages = 'en'\n", "'languages' must be a list"),
    ("[tool.diglot]\nfuzzy_threshold = 'high'\n", "'fuzzy_threshold' must be a number"),
    ("[tool.diglot]\nlanguages = ['xx']\n", "unknown language 'xx'"),
    ("[tool.diglot]\noutput = '../elsewhere'\n", "'output' must be a folder inside the project"),
    ("[tool.diglot\n", "invalid TOML"),
    ("[tool.diglot]\noutput = 'source_fr'\n", "'output' must be a folder apart from 'source'"),
    ("[tool.diglot]\nlanguages = ['en', 'en']\n", "'languages' lists a language twice"),
    ("[tool.diglot]\nlanguages = ['en', 'EN']\n", "'languages' lists a language twice"),  # one folder on
    ("[tool.diglot]\nlanguages = ['en_GB', 'en-GB']\n", "'languages' lists a language twice"),  # some disks
    ("[tool.diglot]\nlanguages = ['fr']\n", "'languages' holds the source language 'fr'"),
    ("[tool.diglot]\nproofing = {en = 'english'}\n", "proofing tag 'english' for 'en'"),
    ("[tool.diglot]\nproofing = {en = 'en-GB\"/><w:x/>'}\n", "proofing tag 'en-GB\"/><w:x/>' for 'en'"),
    ('[tool.diglot]\ntitle = "Mon\\u0000livre"\n', "'title' holds a control character (U+0000)"),
    ('[tool.diglot]\nproofing = {en = "en-\\u0007GB"}\n', "'proofing' holds a control character"),
])
def test_bad_config_names_key_and_file(proj, config, contains):
    proj.write("pyproject.toml", config)
    line = fails(proj, ["build"], "pyproject.toml:", contains)
    if "TOML" not in contains:
        assert line.startswith("Error: pyproject.toml:2: ")  # the line of the key


def test_diglot_toml_is_read_too(proj):
    proj.write("diglot.toml", "fallback = 'sometimes'\n")
    fails(proj, ["build"], "diglot.toml:1: ", "'fallback' must be one of source, placeholder, omit, fail")


def test_article_name_cannot_escape_the_project(proj):
    fails(proj, ["build", "--article", "../../etc/passwd"], "", "invalid article name")


def test_unreadable_po_is_reported(proj):
    po = proj.root / "translations/en/a.po"
    po.unlink()
    po.mkdir()  # a folder where a file should be: unreadable even for root
    fails(proj, ["build"], "translations/en/a.po: ", "cannot read")


def test_output_folder_that_cannot_be_written(proj):
    import shutil

    shutil.rmtree(proj.root / "build")
    (proj.root / "build").write_text("not a folder")
    fails(proj, ["build"], "build/html/", "cannot write")


def test_second_run_stops_with_a_clear_message_while_the_lock_is_held(proj):
    with project_lock(proj.root):
        fails(proj, ["update"], ".diglot.lock: ", "another diglot run")


def test_wait_after_the_command_name_waits_for_the_lock(proj):
    import threading

    held, release = threading.Event(), threading.Event()

    def other_run():
        with project_lock(proj.root):
            held.set()
            release.wait(0.2)  # let go whatever happens; the command waits meanwhile

    thread = threading.Thread(target=other_run)
    thread.start()
    held.wait(10)
    result = proj.run("update", "--wait", "30")  # where the lock's message says to put it
    release.set()
    thread.join()
    assert result.exit_code == 0, result.output


def test_iso_8859_1_po_is_read_and_kept_in_its_charset(proj):
    po = proj.root / "translations/en/a.po"
    text = po.read_text(encoding="utf-8").replace("charset=UTF-8", "charset=ISO-8859-1")
    text = text.replace('msgstr "Title"', 'msgstr "Titlé"')
    po.write_bytes(text.encode("latin-1"))
    proj.source("a", TEXT + "\nNouveau paragraphe ajouté ici.\n")
    assert proj.run("update").exit_code == 0
    data = po.read_bytes()
    assert b"charset=ISO-8859-1" in data and "Titlé".encode("latin-1") in data
    assert proj.entries("a")["Titre"].msgstr == "Titlé"


def test_empty_article_is_skipped_with_a_warning(proj):
    proj.source("vide", "")
    result = proj.run("update")
    assert result.exit_code == 0
    assert "Warning: source_fr/vide.md: no text to translate; article skipped" in result.output
    assert not (proj.root / "translations/en/vide.po").exists()


def test_bom_and_crlf_sources_work(proj):
    (proj.root / "source_fr/b.md").write_bytes("\ufeff# Titre\r\n\r\nUn\r\ndeux\r\n".encode("utf-8"))
    assert proj.run("update").exit_code == 0
    assert list(proj.entries("b")) == ["Titre", "Un deux"]


def test_one_megabyte_paragraph(proj):
    big = ("Un mot de plus " * 70000).strip() + "."
    proj.source("gros", f"# Gros\n\n{big}\n")
    assert proj.run("update").exit_code == 0
    assert big in proj.entries("gros")
    assert proj.run("build").exit_code == 0


def test_obsolete_entries_survive_until_purged(proj):
    proj.source("a", "# Titre\n")
    proj.run("update")
    gone = len(proj.po("a").obsolete)
    assert gone
    out = proj.run("update", "--purge-obsolete").output
    assert not proj.po("a").obsolete and f"{gone} deleted for good" in out


def test_a_translation_made_obsolete_and_purged_in_one_run_is_counted_as_deleted(proj):
    proj.source("b", "# Titre\n\nUn paragraphe traduit avec soin.\n")
    proj.run("update")
    proj.translate("b", {"Titre": "Title", "Un paragraphe traduit avec soin.": "A careful one."})
    proj.source("b", "# Titre\n")
    out = proj.run("update", "--purge-obsolete").output
    assert "(0 fuzzy, 0 new, 0 obsolete, 1 deleted for good, 1 of them translated)" in out


def test_a_translations_language_folder_that_is_a_file(proj):
    import shutil

    shutil.rmtree(proj.root / "translations/en")
    (proj.root / "translations/en").write_text("oops")
    fails(proj, ["build"], "translations/en/a.po: ", "cannot read")


def test_a_source_folder_that_is_a_file(make_project):
    p = make_project(name="p")
    (p.root / "source_fr").rmdir()
    (p.root / "source_fr").write_text("not a folder")
    fails(p, ["update"], "", "no 'source_fr' folder here")


def test_run_from_inside_a_project_names_the_project_folder(proj):
    inside = Proj(proj.root / "source_fr" / "2026")  # a folder of the sources, made a "project"
    (inside.root / "source_fr").rmdir()
    result = inside.run("status")
    assert result.exit_code == 2
    assert f"the project seems to be {proj.root.resolve()}: run diglot there, or add -C ../.." \
        in result.output


@pytest.mark.parametrize("command", [["update"], ["build"], ["status"], ["check"]])
def test_an_emptied_po_file_stops_every_command_instead_of_reading_as_new(proj, command):
    """What an editor's crash leaves: read as a new file, status said 0% and the next update
    wrote a fresh file over it without a word."""
    (proj.root / "translations/en/a.po").write_bytes(b"")
    fails(proj, command, "translations/en/a.po:1: the file is empty: restore it "
          "(git checkout -- translations/en/a.po) or delete it")


def test_a_reader_that_stops_reading_stops_the_command_silently():
    """``diglot status | head -1`` printed "Error: Broken pipe" and exited 2."""
    import subprocess
    import sys

    script = ("import click\nfrom diglot.cli.support import reports_errors\n"
              "@reports_errors\ndef long():\n    for n in range(200_000): click.echo(f'line {n}')\n"
              "long()\n")
    run = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
    assert run.stdout.readline() == b"line 0\n"
    run.stdout.close()
    with run.stderr:
        assert run.wait(timeout=60) == 141 and run.stderr.read() == b""


def test_code_blocks_past_their_bound_are_one_error_naming_the_block(proj, monkeypatch):
    """An attack round: 7 code blocks of 1,000,000 one-character lines (14 MB, each block
    within the paragraph bound) took 15.6 GB to build as a DOCX."""
    from diglot.source import bounds

    monkeypatch.setattr(bounds, "MAX_CODE_LINES", 10)
    block = "```\n" + "x\n" * 6 + "```\n"
    proj.write("source_fr/b.md", f"# B\n\n{block}\nEntre.\n\n{block}")
    fails(proj, ["update"], "source_fr/b.md:14: ", "code blocks pass 10 lines here")  # the 2nd


def test_a_document_past_its_runs_bound_is_one_error_naming_the_article(proj, monkeypatch):
    """An attack round: 14 MB of "*[a](b)*" made the DOCX build take 11 GB."""
    from diglot.ooxml import runs

    monkeypatch.setattr(runs, "MAX_PIECES", 50)
    proj.write("source_fr/b.md", "# B\n\n" + " ".join("*[a](b)*" for _ in range(60)) + "\n")
    fails(proj, ["build", "--format", "docx", "--article", "b"], "source_fr/b.md: ",
          "more than 50 pieces of text")
    assert proj.run("build", "--format", "html", "--article", "b").exit_code == 0


def test_the_runs_bound_counts_the_notes_too_and_a_review_document_names_its_po(proj, monkeypatch):
    """A code review: the footnotes had a writer of their own (twice the runs), and review
    export's error named no file."""
    from diglot.ooxml import runs

    monkeypatch.setattr(runs, "MAX_PIECES", 50)
    calls = " ".join(f"Appel{n}[^{n}]." for n in range(4))  # some 20 runs in the body,
    notes = "\n\n".join(f"[^{n}]: Une *note* et *x*." for n in range(4))  # some 40 in the notes
    proj.write("source_fr/b.md", f"# B\n\n{calls}\n\n{notes}\n")
    assert proj.run("update").exit_code == 0
    fails(proj, ["build", "--format", "docx", "--article", "b"], "source_fr/b.md: ",
          "more than 50 pieces of text")
    proj.write("source_fr/c.md", "# C\n\n" + " ".join("*[a](b)*" for _ in range(60)) + "\n")
    assert proj.run("update").exit_code == 0
    fails(proj, ["review", "export", "c", "--lang", "en"], "translations/en/c.po: ",
          "more than 50 pieces of text")


def test_an_edition_docx_past_its_bound_is_one_error_and_an_article_still_builds(proj, monkeypatch):
    """An attack round: three articles each under the runs bound made an edition of 3.5
    million runs (119 s, 3.6 GB)."""
    from diglot.builders import docx

    monkeypatch.setattr(docx, "MAX_EDITION_XML", 1000)
    proj.write("source_fr/b.md", "# B\n\nUn autre texte, assez long pour peser son poids de XML.\n")
    assert proj.run("update").exit_code == 0
    fails(proj, ["build", "--format", "docx", "--force"], "edition.docx: ",
          "more than the 0 MB one document takes: build the articles' own documents with --article")
    assert proj.run("build", "--format", "docx", "--article", "b").exit_code == 0
