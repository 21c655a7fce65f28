"""``diglot review export`` / ``import``: a review DOCX edited as a reviewer would (python-docx
run edits, raw tracked changes, Word comments, LibreOffice re-saves), then imported back."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from project_fixture import Proj

from diglot.source.inline import Span, spans
from diglot.source.markdown_out import escape, normalize, to_markdown

CONFTEST_ROOT = Path(__file__).resolve().parent.parent
SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")

SOURCE = """---
title: Un article **riche**
---

Le **modèle** est *rapide* et `llama.cpp` le fait tourner.

Voir [le site](https://ai.meta.com/llama/) ou [la doc][doc], et [plus bas](#fin).

Ligne un\\
ligne deux avec \\*étoiles\\* et AT&amp;T &lt;tag&gt;.

Un paragraphe non traduit.

Un paragraphe flou.

***Gras italique*** et **gras avec *italique* dedans**.

[doc]: https://example.org/doc "Doc"
"""
TITLE = "Un article **riche**"
MODEL = "Le **modèle** est *rapide* et `llama.cpp` le fait tourner."
LINKS = "Voir [le site](https://ai.meta.com/llama/) ou [la doc][doc], et [plus bas](#fin)."
LINES = "Ligne un\nligne deux avec \\*étoiles\\* et AT&amp;T &lt;tag&gt;."
EMPTY = "Un paragraphe non traduit."
FUZZY = "Un paragraphe flou."
NESTED = "***Gras italique*** et **gras avec *italique* dedans**."
ENGLISH = {
    TITLE: "A **rich** article",
    MODEL: "The **model** is *fast* and `llama.cpp` runs it.",
    LINKS: "See [the site](https://ai.meta.com/llama/) or [the docs][doc], and [below](#fin).",
    LINES: "Line one\nline two with \\*stars\\* and AT&amp;T &lt;tag&gt;.",
    FUZZY: "A fuzzy paragraph.",
    NESTED: "***Bold italic*** and **bold with *italic* inside**.",
}
ROW = {TITLE: 1, MODEL: 2, LINKS: 3, LINES: 4, EMPTY: 5, FUZZY: 6, NESTED: 7}
EN, STATE = 2, 3  # table columns


@pytest.fixture
def proj(make_project):
    po = {**ENGLISH, FUZZY: {"msgstr": ENGLISH[FUZZY], "flags": ("fuzzy",)},
          MODEL: {"msgstr": ENGLISH[MODEL], "translator_comments": ("check the name",)}}
    return make_project({"riche": SOURCE}, {"riche": po}, name="edition",
                        runs=[("review", "export", "riche")])


def _edit_po(p: Proj, msgid: str, **changes) -> None:
    p.edit("riche", {msgid: changes})


def _po_path(p: Proj) -> Path:
    return p.root / "translations" / "en" / "riche.po"


def _export(p: Proj) -> Path:
    result = p.run("review", "export", "riche")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "build/review/riche.en.docx"
    return p.root / result.output.strip()


def _document(p: Proj) -> Path:
    """The review document ``review export`` wrote when the project was made: the bytes it
    writes now (export is deterministic: test_export_is_reproducible_…), made once a session."""
    return p.root / "build/review/riche.en.docx"


def _import(p: Proj, path: Path, *options: str):
    return p.run("review", "import", str(path), *options)


def _cell(document, msgid: str, column: int = EN):
    return document.tables[0].rows[ROW[msgid]].cells[column]


def _stale_edit(p: Proj, french: str, *english: str) -> Path:
    """The exported document, once the author replaced EMPTY by ``french`` and update ran,
    with the reviewer's ``english`` typed into EMPTY's row (a paragraph each): a stale row."""
    path = _document(p)
    p.source("riche", SOURCE.replace(EMPTY, french))
    assert p.run("update").exit_code == 0
    document = Document(str(path))
    cell = _cell(document, EMPTY)
    cell.paragraphs[0].add_run(english[0])
    for more in english[1:]:
        cell.add_paragraph(more)
    document.save(str(path))
    return path


def _resave(path: Path, tmp_path: Path) -> Path:
    """What LibreOffice writes after opening and saving the document as DOCX."""
    out = tmp_path / "lo-out"
    profile = tmp_path / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "docx", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    return out / path.name


def _others_unchanged(before: dict, after: dict, *changed: str) -> None:
    """Every entry but ``changed`` is equal, comments, flags and all."""
    assert before.keys() == after.keys()
    for msgid, entry in before.items():
        if msgid not in changed:
            assert after[msgid] == entry, msgid


# -- export -----------------------------------------------------------------------------

def test_export_writes_one_row_per_entry_with_formatting_state_and_comments(proj):
    document = Document(str(_export(proj)))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["#", "Français", "English", "State",
                                                     "Comment"]
    assert len(table.rows) == 1 + len(ROW)
    assert [table.rows[n].cells[0].text for n in range(1, 8)] == [str(n) for n in range(1, 8)]
    row = table.rows[ROW[MODEL]]
    assert row.cells[STATE].text == "translated" and row.cells[4].text == "check the name"
    assert [(r.text, r.bold, r.italic) for r in row.cells[EN].paragraphs[0].runs[:4]] == [
        ("The ", None, None), ("model", True, None), (" is ", None, None), ("fast", None, True)]
    assert table.rows[ROW[FUZZY]].cells[STATE].text == "fuzzy"
    assert table.rows[ROW[EMPTY]].cells[STATE].text == "untranslated"
    assert table.rows[ROW[EMPTY]].cells[EN].text == ""
    xml = row._tr.xml
    assert 'w:fill="EDEDED"' in xml  # the French cell is shaded
    assert 'w:val="fr-FR"' in xml and 'w:val="en-GB"' in xml  # proofing languages
    assert 'w:name="_dg' in xml  # the hidden identity bookmark
    links = table.rows[ROW[LINKS]].cells[EN]._tc.xml
    assert links.count("<w:hyperlink") == 3 and 'w:anchor="fin"' in links
    assert "<w:br/>" in table.rows[ROW[LINES]].cells[EN]._tc.xml


def test_export_is_reproducible_and_rejects_unknown_articles(proj):
    first = _export(proj).read_bytes()
    assert _export(proj).read_bytes() == first
    result = proj.run("review", "export", "absent")
    assert result.exit_code == 2 and "no article named 'absent'" in result.output
    result = proj.run("review", "export", "riche", "--lang", "de")
    assert result.exit_code == 2 and "'de' is not a target language" in result.output


def test_the_review_document_carries_only_styles_it_may_use(proj):
    """python-docx's template brought a hundred table styles and a legacy styles part:
    800 kB a translator's word processor and each import read for nothing."""
    with zipfile.ZipFile(_export(proj)) as package:
        names = package.namelist()
        styles = package.read("word/styles.xml").decode("utf-8")
    assert "word/stylesWithEffects.xml" not in names
    assert styles.count('w:type="table"') == 1  # the default table style, nothing else
    assert 'w:styleId="InlineCode"' in styles and 'w:styleId="Title"' in styles


def test_export_to_a_chosen_file(proj):
    target = proj.root / "for-anne.docx"
    result = proj.run("review", "export", "riche", "-o", str(target))
    assert result.exit_code == 0 and target.is_file()


# -- round trips without edits ------------------------------------------------------------

def test_import_without_edits_leaves_the_po_byte_identical(proj):
    path = _export(proj)
    before = proj.snapshot()
    result = _import(proj, path)
    assert result.exit_code == 0, result.output
    assert "0 rows changed, 7 unchanged, 0 conflicts, 0 stale" in result.output
    assert proj.snapshot() == before


def test_shipped_article_round_trips_untouched(make_project):
    p = make_project(name="shipped")
    root = p.root
    for folder in ("source_fr", "translations"):
        shutil.copytree(CONFTEST_ROOT / folder, root / folder, dirs_exist_ok=True)
    assert p.run("review", "export", "llama-4").exit_code == 0
    before = p.snapshot()
    result = p.run("review", "import", str(root / "build/review/llama-4.en.docx"))
    assert result.exit_code == 0 and "0 rows changed" in result.output
    assert p.snapshot() == before


def test_the_english_cell_shows_the_msgstr_as_typed_not_typeset(make_project):
    """The editions set curly quotes in the English; the review document must not, or an
    untouched row would read as edited and its quotes be rewritten."""
    english = "It's \"this\" one, the writers' own."
    p = make_project({"q": "C'est « celui-ci », le leur.\n"},
                     {"q": {"C'est « celui-ci », le leur.": english}}, name="quotes")
    assert p.run("review", "export", "q").exit_code == 0
    path = p.root / "build/review/q.en.docx"
    cells = [c.text for row in Document(str(path)).tables[0].rows for c in row.cells]
    assert english in cells
    before = p.snapshot()
    result = p.run("review", "import", str(path))
    assert result.exit_code == 0 and "0 rows changed" in result.output
    assert p.snapshot() == before


@needs_soffice
def test_libreoffice_resave_keeps_identity_and_po_stays_byte_identical(proj, tmp_path):
    saved = _resave(_document(proj), tmp_path)
    with zipfile.ZipFile(saved) as z:
        names = z.namelist()
        body = z.read("word/document.xml").decode()
        manifests = [n for n in names if n.startswith("customXml/item")
                     and b"urn:diglot:review:1" in z.read(n)]
    assert manifests, "LibreOffice dropped the custom XML manifest"
    assert body.count('w:name="_dg') == 7, "LibreOffice dropped the row bookmarks"
    before = _po_path(proj).read_bytes()
    result = _import(proj, saved)
    assert result.exit_code == 0, result.output
    assert "0 rows changed, 7 unchanged" in result.output
    assert _po_path(proj).read_bytes() == before
    # The bookmarks alone identify rows: renumbered rows still land on their entries.
    document = Document(str(saved))
    for row in document.tables[0].rows[1:]:
        row.cells[0].paragraphs[0].runs[0].text = "99"
    _cell(document, MODEL).paragraphs[0].runs[-1].text = " runs it well."
    document.save(str(saved))
    assert _import(proj, saved).exit_code == 0
    assert proj.entries("riche")[MODEL].msgstr == (
        "The **model** is *fast* and `llama.cpp` runs it well.")


# -- edits ------------------------------------------------------------------------------

def test_run_edits_next_to_bold_runs_keep_their_markdown(proj):
    path = _document(proj)
    before = proj.entries("riche")
    document = Document(str(path))
    runs = _cell(document, MODEL).paragraphs[0].runs
    runs[2].text = " was "  # " is " between **model** and *fast*
    runs = _cell(document, TITLE).paragraphs[0].runs
    runs[0].text = "An "  # "A " before **rich**
    added = _cell(document, TITLE).paragraphs[0].add_run(" indeed")
    added.italic = True
    document.save(str(path))
    result = _import(proj, path)
    assert result.exit_code == 0, result.output
    assert "2 rows changed, 5 unchanged, 0 conflicts, 0 stale" in result.output
    assert "row 2: The **model** [-is-]{+was+} *fast*" in result.output
    after = proj.entries("riche")
    assert after[MODEL].msgstr == "The **model** was *fast* and `llama.cpp` runs it."
    assert after[TITLE].msgstr == "An **rich** article *indeed*"
    assert after[MODEL].translator_comments == ("check the name",)
    _others_unchanged(before, after, MODEL, TITLE)
    written = proj.snapshot()  # importing the same document again changes nothing
    assert "0 rows changed, 7 unchanged, 0 conflicts" in _import(proj, path).output
    assert proj.snapshot() == written


def test_rows_are_found_by_number_when_bookmarks_are_lost(proj):
    path = _document(proj)
    document = Document(str(path))
    for mark in document.element.body.iter(qn("w:bookmarkStart")):
        mark.set(qn("w:name"), "renamed")
    _cell(document, MODEL).paragraphs[0].runs[2].text = " was "
    document.save(str(path))
    assert _import(proj, path).exit_code == 0
    assert proj.entries("riche")[MODEL].msgstr.startswith("The **model** was *fast*")


def test_edit_clears_fuzzy_and_fills_an_untranslated_row(proj):
    path = _document(proj)
    document = Document(str(path))
    _cell(document, FUZZY).paragraphs[0].runs[0].text = "A blurry paragraph."
    paragraph = _cell(document, EMPTY).paragraphs[0]
    paragraph.add_run("An ")
    paragraph.add_run("untranslated").bold = True
    paragraph.add_run(" paragraph.")
    document.save(str(path))
    assert _import(proj, path).exit_code == 0
    after = proj.entries("riche")
    assert after[FUZZY].msgstr == "A blurry paragraph." and not after[FUZZY].fuzzy
    assert after[EMPTY].msgstr == "An **untranslated** paragraph."


def test_a_document_exported_before_a_rename_goes_to_the_article_named_with_article(proj):
    path = _document(proj)
    document = Document(str(path))
    _cell(document, FUZZY).paragraphs[0].runs[0].text = "A blurry paragraph."
    document.save(str(path))
    (proj.root / "source_fr/riche.md").rename(proj.root / "source_fr/plus-riche.md")
    assert proj.run("update").exit_code == 0  # follows the rename: plus-riche.po
    refused = _import(proj, path)
    assert refused.exit_code != 0
    assert ("this review document is for the article 'riche', which this project does not "
            "have; if it was renamed, name it: --article NEW-NAME") in refused.output
    done = _import(proj, path, "--article", "plus-riche")
    assert done.exit_code == 0, done.output
    after = proj.entries("plus-riche")
    assert after[FUZZY].msgstr == "A blurry paragraph." and not after[FUZZY].fuzzy
    assert after[MODEL].translator_comments == ("check the name",)


def test_links_line_breaks_and_escapes_survive_an_edit(proj):
    path = _document(proj)
    document = Document(str(path))
    paragraph = _cell(document, LINES).paragraphs[0]
    paragraph.runs[-1].text = paragraph.runs[-1].text.replace("stars", "asterisks")
    paragraph = _cell(document, LINKS).paragraphs[0]
    paragraph.runs[0].text = "Read "
    document.save(str(path))
    assert _import(proj, path).exit_code == 0
    after = proj.entries("riche")
    # only the edited word changes: the translator's escapes and entities stay as written
    assert after[LINES].msgstr == "Line one\nline two with \\*asterisks\\* and AT&amp;T &lt;tag&gt;."
    assert after[LINKS].msgstr == ("Read [the site](https://ai.meta.com/llama/) or "
                                   "[the docs][doc], and [below](#fin).")  # reference kept
    assert spans(after[LINES].msgstr)[2].text == "line two with *asterisks* and AT&T <tag>."


def test_a_new_paragraph_in_a_cell_is_a_line_break(proj):
    path = _document(proj)
    document = Document(str(path))
    _cell(document, FUZZY).add_paragraph("Second line.")
    document.save(str(path))
    assert _import(proj, path).exit_code == 0
    assert proj.entries("riche")[FUZZY].msgstr == "A fuzzy paragraph.\nSecond line."


def _track(paragraph, run_index: int, deleted: str, inserted: str, author: str = "Anne") -> None:
    """Word's tracked-change markup: the run's text deleted (w:del/w:delText) and new text
    inserted after it (w:ins), both attributed and dated."""
    run = paragraph.runs[run_index]._r
    stamp = {qn("w:author"): author, qn("w:date"): "2026-11-20T10:00:00Z"}
    gone = copy.deepcopy(run)
    text = gone.find(qn("w:t"))
    text.tag = qn("w:delText")
    text.text = deleted
    new = copy.deepcopy(run)
    new.find(qn("w:t")).text = inserted
    keep = run.find(qn("w:t"))
    keep.text = keep.text.replace(deleted, "")
    wrapper_del = run.makeelement(qn("w:del"), {qn("w:id"): "901", **stamp})
    wrapper_ins = run.makeelement(qn("w:ins"), {qn("w:id"): "902", **stamp})
    wrapper_del.append(gone)
    wrapper_ins.append(new)
    run.addnext(wrapper_del)
    wrapper_del.addnext(wrapper_ins)


def _tracked_document(proj) -> Path:
    path = _document(proj)
    document = Document(str(path))
    paragraph = _cell(document, MODEL).paragraphs[0]
    _track(paragraph, -1, "runs it.", "runs it quickly.")  # after the code run
    paragraph = _cell(document, NESTED).paragraphs[0]
    _track(paragraph, 1, " and ", " plus ")
    document.save(str(path))
    return path


def test_tracked_changes_are_taken_as_accepted(proj):
    before = proj.entries("riche")
    result = _import(proj, _tracked_document(proj))
    assert result.exit_code == 0, result.output
    after = proj.entries("riche")
    assert after[MODEL].msgstr == "The **model** is *fast* and `llama.cpp` runs it quickly."
    assert after[NESTED].msgstr == "***Bold italic*** plus **bold with *italic* inside**."
    _others_unchanged(before, after, MODEL, NESTED)


@needs_soffice
def test_tracked_changes_and_comments_survive_libreoffice(proj, tmp_path):
    path = _tracked_document(proj)
    document = Document(str(path))
    document.add_comment(_cell(document, LINKS).paragraphs[0].runs[0], "Too literal?", "Bea")
    document.save(str(path))
    saved = _resave(path, tmp_path)
    body = zipfile.ZipFile(saved).read("word/document.xml").decode()
    assert "<w:del " in body and "<w:ins " in body  # LibreOffice's own tracked changes
    assert _import(proj, saved).exit_code == 0
    after = proj.entries("riche")
    assert after[MODEL].msgstr == "The **model** is *fast* and `llama.cpp` runs it quickly."
    assert after[NESTED].msgstr == "***Bold italic*** plus **bold with *italic* inside**."
    assert after[LINKS].translator_comments == ("review: Bea: Too literal?",)


def test_word_comment_becomes_a_translator_comment_once(proj):
    path = _document(proj)
    before = proj.entries("riche")
    document = Document(str(path))
    runs = _cell(document, MODEL).paragraphs[0].runs
    document.add_comment(runs[1:3], "Is “model” right here?", "Anne Martin", "AM")
    document.save(str(path))
    result = _import(proj, path)
    assert result.exit_code == 0
    assert "row 2: comment: review: Anne Martin: Is “model” right here?" in result.output
    after = proj.entries("riche")
    assert after[MODEL].translator_comments == (
        "check the name", "review: Anne Martin: Is “model” right here?")
    assert after[MODEL].msgstr == before[MODEL].msgstr
    _others_unchanged(before, after, MODEL)
    written = _po_path(proj).read_bytes()
    assert "0 rows changed" in _import(proj, path).output
    assert _po_path(proj).read_bytes() == written


def test_lines_typed_into_the_comment_cell_become_review_comments(proj):
    path = _document(proj)
    document = Document(str(path))
    _cell(document, MODEL, 4).add_paragraph("Prefer “engine”?")
    _cell(document, FUZZY, 4).paragraphs[0].add_run("House style: no italics.")
    document.save(str(path))
    result = _import(proj, path)
    assert "2 rows changed, 5 unchanged" in result.output
    after = proj.entries("riche")
    assert after[MODEL].translator_comments == ("check the name", "review: Prefer “engine”?")
    assert after[FUZZY].translator_comments == ("review: House style: no italics.",)


def test_a_remark_typed_onto_a_comment_line_adds_only_the_remark(proj):
    path = _document(proj)
    document = Document(str(path))
    _cell(document, MODEL, 4).paragraphs[0].add_run(" Reviewer: fine as is")
    document.save(str(path))
    assert _import(proj, path).exit_code == 0
    assert proj.entries("riche")[MODEL].translator_comments == (
        "check the name", "review: Reviewer: fine as is")


def test_a_new_remark_that_merely_ends_like_a_comment_is_kept_whole(proj):
    path = _document(proj)
    document = Document(str(path))
    _cell(document, MODEL, 4).add_paragraph("I would not check the name")
    document.save(str(path))
    assert _import(proj, path).exit_code == 0
    assert proj.entries("riche")[MODEL].translator_comments == (
        "check the name", "review: I would not check the name")


def test_an_edited_fuzzy_row_says_it_is_no_longer_fuzzy(proj):
    _edit_po(proj, FUZZY, previous_msgid="Un paragraphe vague.")
    path = _export(proj)
    document = Document(str(path))
    _cell(document, FUZZY, STATE).paragraphs[0].runs[0].text = "approved"
    english = _cell(document, FUZZY, 2).paragraphs[0]
    english.add_run(" Indeed.")
    document.save(str(path))
    result = _import(proj, path)
    assert "{+ Indeed.+} (no longer fuzzy)" in result.output
    assert not proj.entries("riche")[FUZZY].fuzzy


def test_approved_clears_fuzzy_without_touching_the_text(proj):
    _edit_po(proj, FUZZY, previous_msgid="Un paragraphe vague.")
    path = _export(proj)
    before = proj.entries("riche")
    document = Document(str(path))
    _cell(document, FUZZY, STATE).paragraphs[0].runs[0].text = "Approved."
    document.save(str(path))
    result = _import(proj, path)
    assert "row 6: approved (no longer fuzzy)" in result.output
    after = proj.entries("riche")
    assert not after[FUZZY].fuzzy and after[FUZZY].previous_msgid is None
    assert after[FUZZY].msgstr == before[FUZZY].msgstr
    _others_unchanged(before, after, FUZZY)


def test_emptied_cell_empties_the_translation(proj):
    path = _document(proj)
    document = Document(str(path))
    for run in _cell(document, TITLE).paragraphs[0].runs:
        run.text = ""
    document.save(str(path))
    assert _import(proj, path).exit_code == 0
    assert proj.entries("riche")[TITLE].msgstr == ""


# -- conflicts, stale rows, wrong documents, dry run --------------------------------------

def test_conflict_keeps_the_po_text_and_the_reviewers_version_as_a_suggestion(proj):
    path = _document(proj)
    _edit_po(proj, MODEL, msgstr="The **model** is *quick* and `llama.cpp` runs it.")
    _edit_po(proj, NESTED, msgstr="***Bold italic*** and **bold, *italic* inside**.")
    document = Document(str(path))
    _cell(document, MODEL).paragraphs[0].runs[2].text = " was "
    document.save(str(path))
    result = _import(proj, path)
    assert result.exit_code == 1
    assert "row 2: conflict: changed in the PO file since the export" in result.output
    assert "0 rows changed, 6 unchanged, 1 conflict, 0 stale" in result.output
    entry = proj.entries("riche")[MODEL]
    assert entry.msgstr == "The **model** is *quick* and `llama.cpp` runs it."
    assert entry.translator_comments[-1] == (
        "review suggestion: The **model** was *fast* and `llama.cpp` runs it.")
    # the PO edit alone (row 7, not touched by the reviewer) is no conflict and stays
    assert proj.entries("riche")[NESTED].msgstr == (
        "***Bold italic*** and **bold, *italic* inside**.")


def test_stale_row_is_reported_and_the_rest_imported(proj):
    path = _document(proj)
    proj.source("riche", SOURCE.replace(EMPTY, "Un tout autre paragraphe, sans rien de commun."))
    assert proj.run("update").exit_code == 0
    document = Document(str(path))
    _cell(document, FUZZY).paragraphs[0].runs[0].text = "A hazy paragraph."
    _cell(document, EMPTY).paragraphs[0].add_run("Too late.")
    document.save(str(path))
    result = _import(proj, path)
    assert result.exit_code == 1
    assert "row 5: stale: its French is no longer in the PO file: Un paragraphe non traduit." \
        in result.output
    assert "1 row changed, 5 unchanged, 0 conflicts, 1 stale" in result.output
    assert proj.entries("riche")[FUZZY].msgstr == "A hazy paragraph."
    # the reviewer's text is kept, not only printed (a translator's review): an obsolete
    # entry of the old French, which update's memory proposes to the French replacing it
    assert "the reviewer's text: Too late. (kept as an obsolete entry, for update to propose)" \
        in result.output
    kept = [e for e in proj.po("riche").entries if e.obsolete and e.msgid == EMPTY]
    assert [(e.msgstr, e.translator_comments) for e in kept] == [("Too late.", (
        "review: its French changed since the export; update proposes it to the new French",))]


def test_a_stale_rows_translation_comes_back_as_a_proposal_for_the_reworded_french(proj):
    reworded = EMPTY.replace("non traduit", "pas encore traduit")
    path = _stale_edit(proj, reworded, "A paragraph not translated yet.")
    assert _import(proj, path).exit_code == 1  # stale: someone has to look
    assert "1 given a fuzzy proposal from memory" in proj.run("update").output
    entry = proj.entries("riche")[reworded]
    assert entry.fuzzy and entry.msgstr == "A paragraph not translated yet."


def test_a_kept_review_edit_is_never_revived_as_a_finished_translation(proj):
    """An attack round: a crafted row for French not in the PO yet was kept, and the next
    update revived it as a finished translation (the translator's became obsolete). A kept
    edit has a context of its own: only ever a fuzzy proposal."""
    path = _stale_edit(proj, "Un paragraphe provisoire, vite remplacé.", "Crafted text.")
    assert _import(proj, path).exit_code == 1
    proj.source("riche", SOURCE)  # the old French is back
    assert proj.run("update").exit_code == 0
    [back] = [e for e in proj.po("riche").entries if e.msgid == EMPTY and not e.obsolete]
    assert back.msgstr == "Crafted text." and back.fuzzy and back.msgctxt is None


def test_the_same_document_imported_twice_keeps_a_stale_edit_once(proj):
    """A code review: each import of the same document added the suggestion again (and a
    reviewer's text of two lines never matched what was read back)."""
    path = _stale_edit(proj, "Un tout autre paragraphe, sans rien de commun.", "Too late,",
                       "and on two lines.")
    _import(proj, path)
    po = proj.root / "translations/en/riche.po"
    first = po.read_bytes()
    assert "(kept already)" in _import(proj, path).output and po.read_bytes() == first


def test_a_kept_review_edit_is_proposed_to_its_own_file_only(proj):
    """A code review: a plain update proposed an article's kept review edit (perhaps a
    crafted document's text) to another article holding the same French."""
    reworded = EMPTY.replace("non traduit", "pas encore traduit")
    path = _stale_edit(proj, reworded, "A paragraph not translated yet.")
    _import(proj, path)
    proj.source("autre", f"# Autre\n\n{reworded}\n")
    assert proj.run("update").exit_code == 0
    assert proj.entries("riche")[reworded].msgstr == "A paragraph not translated yet."
    assert proj.entries("autre")[reworded].msgstr == ""


def test_a_stale_rows_edit_goes_beside_the_obsolete_translation_update_kept(proj):
    """A code review: when update had kept the old French's translation as an obsolete
    entry, the reviewer's correction of it was only printed."""
    path = _document(proj)
    proj.source("riche", SOURCE.replace(FUZZY, "Rien à voir avec ce qui précédait ici, vraiment."))
    assert proj.run("update").exit_code == 0
    document = Document(str(path))
    _cell(document, FUZZY).paragraphs[0].runs[0].text = "A hazy paragraph."
    document.save(str(path))
    result = _import(proj, path)
    assert "(kept beside its obsolete entry's translation, as a review suggestion)" in result.output
    [old] = [e for e in proj.po("riche").entries if e.obsolete and e.msgid == FUZZY]
    assert old.msgstr == "A fuzzy paragraph."  # the translator's text, as it was
    assert old.translator_comments[-1] == "review suggestion: A hazy paragraph."


@pytest.mark.parametrize("kind", ["plain docx", "not a docx", "other project", "other lang"])
def test_wrong_documents_are_refused_and_nothing_is_written(proj, make_project, tmp_path, kind):
    path = tmp_path / "wrong.docx"
    if kind == "plain docx":
        Document().save(str(path))
        expected = "not a diglot review document"
    elif kind == "not a docx":
        path.write_text("hello")
        expected = "not a DOCX document"
    else:
        config = 'title = "edition"\nlanguages = ["de"]\n' if kind == "other lang" else None
        other = make_project({"riche": SOURCE}, config=config, name="other")
        result = other.run("review", "export", "riche", "-o", str(other.root / "w.docx"))
        assert result.exit_code == 0, result.output
        (other.root / "w.docx").replace(path)
        expected = ("belongs to the project 'other', not to this one ('edition', the 'title' "
                    "of its configuration)" if kind == "other project" else
                    "is for the language 'de'")
    if kind == "other project":  # a titled project: its name is its own, not its folder's
        proj.write("diglot.toml", 'title = "edition"\n')
    before = proj.snapshot()
    result = _import(proj, path)
    assert result.exit_code == 2
    assert expected in result.output and result.output.count("\n") == 1
    assert proj.snapshot() == before


def test_dry_run_prints_word_changes_and_writes_nothing(proj):
    path = _document(proj)
    document = Document(str(path))
    _cell(document, MODEL).paragraphs[0].runs[2].text = " was "
    document.save(str(path))
    before = proj.snapshot()
    result = _import(proj, path, "--dry-run")
    assert result.exit_code == 0
    assert "translations/en/riche.po:" in result.output
    assert "row 2: The **model** [-is-]{+was+} *fast* and `llama.cpp` runs it." in result.output
    assert "1 row changed, 6 unchanged, 0 conflicts, 0 stale (dry run: nothing written)" \
        in result.output
    assert proj.snapshot() == before


# -- Word formatting → Markdown ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "plain", "**bold** and *italic*", "***both***", "**bold with *italic* inside**",
    "`code` and ``a ` tick``", "[link](https://x.org/a_b) and [anchor](#top)",
    "Line\nbreak", "\\*not emphasis\\* \\_nor\\_ \\[link\\]", "AT&amp;T &lt;b&gt; a < b",
    "un**believ**able", "wow![x](https://x.org)", "**[bold link](https://x.org)**",
    "a \\\\ backslash", "*Nature*’s cover", "`` `x` ``",
])
def test_markdown_out_inverts_inline_spans(text):
    md = to_markdown(spans(text))
    assert md.exact
    assert normalize(spans(md.text)) == normalize(spans(text))


_TOKENS = st.sampled_from(["**", "*", "_", "`", "[", "](https://x.org)", "word", " ", "(",
                           ")", ".", "’", "“", "\n", "\\", "&amp;", "<https://y.org>", "!"])
_CHARS = st.text(st.sampled_from(list("ab !\\`*_[]<>&#()\t\xa0.’«")), max_size=5)
_SPANS = st.lists(st.one_of(
    st.builds(Span, _CHARS, st.booleans(), st.booleans(), st.booleans(),
              st.sampled_from([None, "https://x.org/(a)", "#top", "javascript:x"])),
    st.just(Span("\n", br=True))), max_size=6)


def _characters(items):
    """Each character with its link and code-ness: what no fallback may change."""
    return [("br",) if s.br else (c, s.href, s.code)
            for s in items for c in (s.text if not s.br else "x")]


@settings(derandomize=True)
@given(st.lists(_TOKENS, max_size=12).map("".join))
def test_markdown_out_round_trips_any_inline_markdown(text):
    """Exact in practice; the rare misses (emphasis that relied on an empty link as a
    separator) still keep every character."""
    md = to_markdown(spans(text))
    assert _characters(normalize(spans(md.text))) == _characters(normalize(spans(text)))
    if md.exact:
        assert normalize(spans(md.text)) == normalize(spans(text))


@settings(derandomize=True)
@given(_SPANS)
def test_markdown_out_keeps_every_character_of_any_formatting(items):
    """Word can format what Markdown cannot say (bold ending on "(" glued to a letter): then
    only bold/italic give way, never the text, links or code."""
    md = to_markdown(items)
    assert _characters(normalize(spans(md.text))) == _characters(normalize(items))
    if md.exact:
        assert normalize(spans(md.text)) == normalize(items)


def test_normalize_moves_spaces_out_of_emphasis_and_drops_unsafe_links():
    items = [Span("bold ", bold=True), Span("x", href="javascript:alert(1)")]
    assert normalize(items) == [Span("bold", bold=True), Span(" x")]
    assert to_markdown(items).text == "**bold** x"
    assert escape("a*b_c`d[e]f\\g<h & &amp;") == "a\\*b\\_c\\`d\\[e\\]f\\\\g\\<h & \\&amp;"


def test_hyperlink_fields_and_deleted_paragraph_marks_are_read():
    from lxml import etree

    from diglot.ooxml.cell_read import CellReader, Styles

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (f'<w:tc xmlns:w="{w}"><w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr>'
           '</w:pPr><w:r><w:t xml:space="preserve">See </w:t></w:r>'
           '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
           '<w:r><w:instrText> HYPERLINK "https://x.org/" </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
           '<w:r><w:rPr><w:b/></w:rPr><w:t>this</w:t></w:r>'
           '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
           '<w:p><w:r><w:t xml:space="preserve"> page</w:t></w:r>'
           '<w:moveFrom w:id="2" w:author="a"><w:r><w:t>gone</w:t></w:r></w:moveFrom>'
           '</w:p></w:tc>')
    cell = etree.fromstring(xml)
    read = CellReader(Styles(None), {}).read(list(cell.iter(qn("w:p"))))
    assert to_markdown(read).text == "See [**this**](https://x.org/) page"


def test_a_clone_in_a_folder_of_another_name_imports_with_a_warning(proj, tmp_path):
    """A new user's find: a translator's clone (another folder name, no title) refused the
    document as another project's; rows are matched by identity and French anyway."""
    path = _document(proj)
    document = Document(str(path))
    _cell(document, MODEL).paragraphs[0].runs[2].text = " was "
    document.save(str(path))
    clone = Proj(Path(shutil.copytree(proj.root, tmp_path / "edition-claire")))
    result = _import(clone, path)
    assert result.exit_code == 0, result.output
    assert ("Warning: this review document was exported from a project named 'edition', this "
            "one is 'edition-claire' (its folder's name); set the same 'title' in both "
            "configurations to silence this") in result.output
    assert "1 row changed" in result.output


def test_a_state_the_import_does_not_read_is_said_and_approuve_approves(proj):
    """A new user's find: "OK" or "approuvé" typed in the State cell was passed over in
    silence, the entry left fuzzy."""
    path = _document(proj)
    document = Document(str(path))
    _cell(document, FUZZY, STATE).paragraphs[0].runs[0].text = "Approuvé"
    document.save(str(path))
    result = _import(proj, path)
    assert result.exit_code == 0 and not proj.entries("riche")[FUZZY].fuzzy
    path = _document(proj)
    document = Document(str(path))
    _cell(document, MODEL, STATE).paragraphs[0].runs[0].text = "OK"
    document.save(str(path))
    result = _import(proj, path)
    assert result.exit_code == 0
    assert re.search(r"Warning: row \d+: its State “ok” is not one diglot reads; write "
                     r"“approved” to approve the translation as it stands", result.output)


def test_an_edit_on_a_row_whose_french_changed_becomes_a_suggestion_on_its_new_entry(proj):
    """A new user's find: the reviewer's text of a row whose French the author changed
    meanwhile was written nowhere (not in the PO file, not in the report)."""
    path = _document(proj)
    document = Document(str(path))
    _cell(document, MODEL).paragraphs[0].runs[2].text = " was "
    document.save(str(path))
    changed = MODEL.replace("rapide", "très rapide")
    proj.source("riche", SOURCE.replace(MODEL, changed))
    assert proj.run("update").exit_code == 0
    result = _import(proj, path)
    assert "conflict: its French changed since the export" in result.output
    entry = proj.entries("riche")[changed]
    assert entry.fuzzy and entry.msgstr == ENGLISH[MODEL]  # update's carry-over, untouched
    assert "review suggestion: The **model** was *fast* and `llama.cpp` runs it." \
        in entry.translator_comments


def test_the_reviewer_may_take_out_a_note_call_the_french_no_longer_makes(make_project):
    """A new user's find: the author dropped a note call; the reviewer dropped it from the
    English too, and the import refused it as taking out markup."""
    proj = make_project({"n": "Un appel[^a] ici.\n\n[^a]: Une note.\n"},
                        {"n": {"Un appel[^a] ici.": "A call[^a] here.", "Une note.": "A note."}})
    proj.source("n", "Un appel ici.\n\n[^a]: Une note.\n")
    assert proj.run("update").exit_code == 0
    path = proj.root / proj.run("review", "export", "n").output.strip()
    document = Document(str(path))
    cell = document.tables[0].rows[1].cells[EN]
    for run in cell.paragraphs[0].runs:
        run.text = run.text.replace("[^a]", "")
    document.save(str(path))
    result = _import(proj, path)
    assert result.exit_code == 0, result.output
    entry = proj.entries("n")["Un appel ici."]
    assert entry.msgstr == "A call here." and not entry.fuzzy


def test_an_empty_french_cell_is_never_kept_as_a_second_header():
    """An attack round: a stale row with an empty French cell (a link's text) was kept as
    msgid "", a second header: every later command refused the file."""
    from diglot.po.model import Catalog, Entry
    from diglot.review.importer import _Plan

    plan = _Plan(Catalog(Entry("", "Content-Type: text/plain; charset=UTF-8\n"), []), {})
    assert plan._keep(" ", "English typed in an empty cell") == ""
    assert not plan.changed
