"""One way to read and plan: every command skips an article with no text to translate with
the same warning; ``align`` leaves the PO file and the template exactly as ``update`` would,
after the French was edited too; a catalog finds an entry by its msgid."""

from __future__ import annotations

import pytest

from project_fixture import Proj

from diglot.po.model import Catalog, Entry

SKIPPED = "Warning: source_fr/vide.md: no text to translate; article skipped"
FRENCH = ["Le phare de Sein", "La tour fut allumée en 1839, après quatre ans de travaux.",
          "Les ouvriers ne débarquaient que par temps calme, une quarantaine de jours par an.",
          "Le gardien y passa trente-deux ans sans manquer une nuit."]
ENGLISH = ["The Sein lighthouse", "The tower was lit in 1839, after four years of work.",
           "Workers could land only in calm weather, about forty days a year.",
           "The keeper spent thirty-two years there without missing a night."]


def article(paragraphs: list[str]) -> str:
    return "# " + "\n\n".join(paragraphs) + "\n"


@pytest.fixture
def proj(tmp_path):
    p = Proj(tmp_path)
    p.source("sein", article(FRENCH))
    p.source("vide", "---\ntitle: \n---\n")
    return p


@pytest.mark.parametrize("command", [("update",), ("update", "--check"), ("build",),
                                     ("build", "--format", "html", "--article", "vide")])
def test_every_command_skips_an_empty_article_with_one_warning(proj, command):
    assert proj.run("update").exit_code == 0
    result = proj.run(*command)
    assert result.output.count(SKIPPED) == 1 and result.exit_code == 0
    assert not (proj.root / "translations/en/vide.po").exists()


def test_align_after_an_edit_leaves_the_files_update_would_leave(proj):
    assert proj.run("update").exit_code == 0
    proj.translate("sein", dict(zip(FRENCH, ENGLISH)))
    edited = [FRENCH[0], FRENCH[1].replace("quatre ans", "quatre longues années"),
              "Chaque pierre arrivait de Brest par bateau, taillée d'avance.", FRENCH[3]]
    proj.source("sein", article(edited))
    english = [ENGLISH[0], ENGLISH[1], "Every stone came from Brest by boat, cut in advance.",
               ENGLISH[3]]
    path = proj.write("sein.en.md", article(english))
    result = proj.run("align", "sein", str(path))
    assert result.exit_code == 0, result.output
    check = proj.run("update", "--check")
    assert check.exit_code == 0 and ": 0 of 2 files would change" in check.output
    entries = proj.entries("sein")
    assert entries[edited[2]].msgstr == english[2] and entries[edited[2]].fuzzy
    assert entries[FRENCH[2]].obsolete and entries[FRENCH[2]].msgstr == ENGLISH[2]
    assert entries[FRENCH[3]].msgstr == ENGLISH[3] and entries[FRENCH[3]].translated
    assert edited[2] in (proj.root / "translations/templates/sein.pot").read_text("utf-8")


def test_align_on_an_article_with_no_text_names_its_source(proj):
    path = proj.write("vide.en.md", "Some English.\n")
    before = proj.snapshot()
    result = proj.run("align", "vide", str(path))
    assert result.exit_code == 2
    assert "Error: source_fr/vide.md: the article has no text to translate" in result.output
    assert proj.snapshot() == before


def test_a_catalog_finds_its_active_entries_by_msgid_and_context():
    catalog = Catalog(Entry("", "Language: en\n"), [
        Entry("Titre", "Title"), Entry("Titre", "Heading", msgctxt="menu"),
        Entry("Ancien", "Old", obsolete=True)])
    assert catalog.find("Titre").msgstr == "Title"
    assert catalog.find("Titre", "menu").msgstr == "Heading"
    assert catalog.find("Ancien") is None and catalog.find("") is None
    catalog.entries = [Entry("Titre", "New title")]  # a changed catalog: its new entries
    assert catalog.find("Titre").msgstr == "New title" and catalog.find("Titre", "menu") is None


def test_a_build_counts_no_article_and_wants_no_po_file_for_a_source_with_no_text(proj):
    proj.source("code", "```\nprint('hello')\n```\n")  # code alone: nothing to translate either
    assert proj.run("update").exit_code == 0
    first = proj.run("build", "--format", "html")
    assert "no translation file yet" not in first.output  # update never makes one for them
    assert first.output.count("no text to translate; article skipped") == 2
    assert "1 article(s), 1 rebuilt" in first.output
    again = proj.run("build", "--format", "html")  # the index is up to date: a no-op
    assert "1 article(s), 0 rebuilt (0 segments read): 0 file(s) written, 0 rebuilt but unchanged" \
        in again.output
