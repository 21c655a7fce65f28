"""Incremental builds: only what changed is rebuilt, and only changed bytes are rewritten."""

from __future__ import annotations

import pytest

from diglot.commands import build_plan as manifest
from diglot.commands.build import build
from diglot.project import Project
from project_fixture import Proj

ALL = {"build/html/a.html", "build/html/b.html", "build/html/index.html",
       "build/docx/a.docx", "build/docx/b.docx", "build/docx/edition.docx"}


@pytest.fixture
def proj(make_project):
    return make_project({s: f"# Titre {s}\n\nLe paragraphe de {s}.\n" for s in "ab"},
                        {s: {f"Titre {s}": f"Title {s}", f"Le paragraphe de {s}.": f"The paragraph of {s}."}
                         for s in "ab"})


def run(p: Proj, **options):
    report = build(Project.load(p.root), jobs=1, **options)
    return set(report.written), report


def test_first_build_writes_everything_and_a_second_nothing(proj):
    assert run(proj)[0] == ALL
    written, report = run(proj)
    assert written == set() and report.rebuilt == 0 and report.unchanged == []


def test_a_changed_po_rebuilds_its_article_and_the_edition_files_only(proj):
    run(proj)
    proj.translate("a", {"Le paragraphe de a.": "The paragraph belonging to a."})
    written, report = run(proj)
    assert written == {"build/html/a.html", "build/docx/a.docx", "build/docx/edition.docx"}
    assert report.unchanged == ["build/html/index.html"]  # rebuilt; same titles and progress
    assert report.rebuilt == 1
    assert "belonging" in (proj.root / "build/html/a.html").read_text()


def test_a_changed_source_rebuilds_its_article(proj):
    run(proj)
    proj.source("b", "# Titre b\n\nLe paragraphe de b.\n\nUn ajout.\n")
    written, _ = run(proj)
    assert {"build/html/b.html", "build/docx/b.docx"} <= written
    assert not {"build/html/a.html", "build/docx/a.docx"} & written


def test_a_docx_setting_invalidates_docx_outputs_only(proj):
    run(proj)
    proj.write("diglot.toml", 'page_size = "Letter"\n')
    written, _ = run(proj)
    assert written == {p for p in ALL if p.endswith(".docx")}


def test_a_changed_html_template_invalidates_html_outputs_only(proj, monkeypatch):
    run(proj)
    real = manifest.code_fingerprint
    monkeypatch.setattr(manifest, "code_fingerprint",
                        lambda fmt: real(fmt) + ("-edited" if fmt == "html" else ""))
    written, report = run(proj)
    assert report.rebuilt == 2
    # The templates did not really change, so the rebuilt pages are byte-identical.
    assert written == set() and set(report.unchanged) == {p for p in ALL if p.endswith(".html")}


def test_html_fingerprint_follows_templates_and_docx_fingerprint_does_not(monkeypatch, tmp_path):
    package = tmp_path / "diglot"
    (package / "templates").mkdir(parents=True)
    (package / "builders").mkdir()
    for rel in ("templates/article.html.j2", "builders/docx.py", "model.py"):
        (package / rel).write_text("v1")
    monkeypatch.setattr(manifest, "PACKAGE", package)
    manifest.code_fingerprint.cache_clear()
    before = {f: manifest.code_fingerprint(f) for f in ("html", "docx")}
    (package / "templates/article.html.j2").write_text("v2")
    manifest.code_fingerprint.cache_clear()
    after = {f: manifest.code_fingerprint(f) for f in ("html", "docx")}
    manifest.code_fingerprint.cache_clear()
    assert before["html"] != after["html"] and before["docx"] == after["docx"]


def test_the_fingerprint_reads_the_whole_package():
    """The files the formats own are named from the package root (builders/, templates/,
    ooxml/): the fingerprint must read that root, not the folder build_plan sits in."""
    for rel in ("templates/article.html.j2", "builders/docx/table.py", "ooxml/xml.py", "model.py"):
        assert (manifest.PACKAGE / rel).is_file(), rel


def test_a_new_diglot_version_invalidates_everything(proj, monkeypatch):
    run(proj)
    monkeypatch.setattr(manifest, "__version__", "99.0")
    manifest.code_fingerprint.cache_clear()
    try:
        _, report = run(proj)
    finally:
        manifest.code_fingerprint.cache_clear()
    assert report.rebuilt == 2


def test_force_rebuilds_everything_but_rewrites_only_changed_bytes(proj):
    run(proj)
    written, report = run(proj, force=True)
    assert report.rebuilt == 2 and written == set() and set(report.unchanged) == ALL


def test_a_deleted_output_is_rebuilt(proj):
    run(proj)
    (proj.root / "build/html/b.html").unlink()
    assert run(proj)[0] == {"build/html/b.html"}


def test_parallel_build_gives_the_same_bytes(proj):
    for i in range(6):
        proj.source(f"x{i}", f"# X{i}\n\nTexte {i}.\n")
    proj.run("update")
    build(Project.load(proj.root), jobs=1)
    before = proj.snapshot()
    build(Project.load(proj.root), jobs=2, force=True)
    assert proj.snapshot() == before


def test_a_bad_po_fails_the_build_and_writes_nothing(proj):
    run(proj)
    proj.translate("a", {"Titre a": "Title A"})
    po = proj.root / "translations/en/b.po"
    po.write_text(po.read_text() + 'msgid "x\n')
    before = proj.snapshot()
    result = proj.run("build")
    assert result.exit_code == 2 and result.output.startswith("Error: translations/en/b.po:")
    assert proj.snapshot() == before


def test_a_deleted_article_loses_its_outputs_and_its_po_is_reported(proj):
    run(proj)
    (proj.root / "source_fr/b.md").unlink()
    result = proj.run("update")
    assert ("Warning: translations/en/b.po: its article source_fr/b.md is gone, but it holds 2 "
            "translations: keep the file") in result.output
    assert "can be deleted" not in result.output.split("b.po:")[1].split("\n")[0]
    assert (proj.root / "translations/en/b.po").exists()  # translations are never deleted
    result = proj.run("build")
    assert "removed build/html/b.html (its article is gone)" in result.output
    assert not (proj.root / "build/docx/b.docx").exists()
    assert (proj.root / "build/docx/a.docx").exists()


def test_outputs_a_new_language_moves_are_not_said_to_have_lost_their_article(proj):
    """A new user added a language: every page moved to build/html/<lang>/, and each removal
    said "its article is gone"."""
    run(proj)
    (proj.root / "diglot.toml").write_text('languages = ["en", "de"]\n')
    assert proj.run("update").exit_code == 0
    result = proj.run("build")
    assert "removed build/html/b.html (made elsewhere now: the settings changed where the " \
        "outputs go)" in result.output
    assert "removed build/html/index.html (made elsewhere now" in result.output
    assert "its article is gone" not in result.output and (proj.root / "build/html/en/b.html").exists()


def test_without_source_date_epoch_an_unchanged_docx_is_not_rewritten(proj, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    run(proj)
    proj.translate("a", {"Titre a": "Title a"})  # the PO file's bytes change, not its content
    po = proj.root / "translations/en/a.po"
    po.write_bytes(po.read_bytes() + b"\n")
    written, report = run(proj)
    assert report.rebuilt == 1 and written == set()


def test_the_code_fingerprint_reads_the_whole_package():
    """Every module and template of the installed package shapes the fingerprint (a moved
    build_plan module once hashed only its own folder, and template edits rebuilt nothing)."""
    assert (manifest.PACKAGE / "templates" / "article.html.j2").is_file()
    assert (manifest.PACKAGE / "builders" / "html.py").is_file()


def test_an_article_gone_beside_one_of_the_same_name_in_another_folder_is_said_gone(make_project):
    """A code review: names compared without their folder said a deleted a/intro was made
    elsewhere, because b/intro exists."""
    proj = make_project({"a/intro": "# Un\n\nTexte.\n", "b/intro": "# Deux\n\nTexte.\n",
                         "de/intro": "# Trois\n\nTexte.\n", "intro": "# Quatre\n\nTexte.\n"})
    assert proj.run("build", "--format", "html").exit_code == 0
    (proj.root / "source_fr/a/intro.md").unlink()
    (proj.root / "source_fr/de/intro.md").unlink()  # a folder named as a language is no language's
    result = proj.run("build", "--format", "html")
    assert "removed build/html/a/intro.html (its article is gone)" in result.output
    assert "removed build/html/de/intro.html (its article is gone)" in result.output
