"""One slug rule for every name diglot derives: PO, POT, HTML, DOCX, --article, review files;
articles in folders and .markdown sources; names that would clash are errors."""

from __future__ import annotations

import json

import pytest

from diglot.names import path_slug, slug

ACCENTED = "Mon été à Paris"


@pytest.fixture
def proj(make_project):
    return make_project(name="projet")


def files(root, folder: str) -> list[str]:
    base = root / folder
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*")
                  if p.is_file() and not p.name.startswith("."))


@pytest.mark.parametrize("text, expected", [
    ("Mon été à Paris", "Mon-ete-a-Paris"), ("llama-4", "llama-4"), ("Œuvre & co", "OEuvre-co"),
    ("  l'été 2026 ", "l-ete-2026"), ("???", ""), ("..", ""), ("ça.va", "ca.va"),
])
def test_slug_rule(text, expected):
    assert slug(text) == expected


def test_paths_are_slugged_folder_by_folder():
    assert path_slug("2026/Été à Paris") == "2026/Ete-a-Paris"
    assert path_slug("../etc") == ""


def test_accented_names_give_one_name_everywhere(proj):
    proj.source(ACCENTED, "# Été\n\nTexte un.\n")
    assert proj.run("update").exit_code == 0
    assert files(proj.root, "translations") == ["en/Mon-ete-a-Paris.po",
                                                "templates/Mon-ete-a-Paris.pot"]
    assert proj.run("build").exit_code == 0
    assert files(proj.root, "build") == [".diglot-cache/docx/Mon-ete-a-Paris.docx.part",
                                         ".diglot-cache/html/Mon-ete-a-Paris.html.part",
                                         "docx/Mon-ete-a-Paris.docx", "docx/edition.docx",
                                         "html/Mon-ete-a-Paris.html", "html/index.html"]
    assert 'href="Mon-ete-a-Paris.html"' in (proj.root / "build/html/index.html").read_text()
    result = proj.run("review", "export", ACCENTED)
    assert result.exit_code == 0, result.output
    assert (proj.root / "build/review/Mon-ete-a-Paris.en.docx").is_file()


@pytest.mark.parametrize("locations", ["full", "file"])
def test_a_source_name_with_spaces_lets_update_settle(make_project, locations):
    proj = make_project(config=f'locations = "{locations}"\n')
    proj.source(ACCENTED, "# Été\n\nTexte un.\n")
    assert proj.run("update").exit_code == 0
    before = (proj.root / "translations/en/Mon-ete-a-Paris.po").read_bytes()
    again = proj.run("update")
    assert "0 of 2 files changed" in again.output, again.output
    assert proj.run("update", "--check").exit_code == 0
    assert (proj.root / "translations/en/Mon-ete-a-Paris.po").read_bytes() == before
    assert f"#: source_fr/{ACCENTED}.md" in before.decode()


@pytest.mark.parametrize("typed", ["Mon-ete-a-Paris", ACCENTED, f"{ACCENTED}.md",
                                   f"source_fr/{ACCENTED}.md", f"./source_fr/{ACCENTED}.md"])
def test_article_option_takes_what_a_user_types(proj, typed):
    proj.source(ACCENTED, "# Été\n\nTexte un.\n")
    proj.source("autre", "# Autre\n\nTexte deux.\n")
    result = proj.run("update", "--article", typed)
    assert result.exit_code == 0, result.output
    assert files(proj.root, "translations/en") == ["Mon-ete-a-Paris.po"]


def test_article_in_a_folder(proj):
    proj.write("source_fr/2026/marche.md", "# Le marché\n\nTexte du marché.\n")
    proj.write("source_fr/2026/hiver/Été.markdown", "# Été\n\nTexte de l’été.\n")
    assert proj.run("update").exit_code == 0
    assert files(proj.root, "translations") == [
        "en/2026/hiver/Ete.po", "en/2026/marche.po",
        "templates/2026/hiver/Ete.pot", "templates/2026/marche.pot"]
    assert "#: source_fr/2026/marche.md:1" in (
        proj.root / "translations/en/2026/marche.po").read_text()
    assert proj.run("build").exit_code == 0
    assert "docx/2026/hiver/Ete.docx" in files(proj.root, "build")
    page = (proj.root / "build/html/2026/marche.html").read_text()
    assert 'href="../index.html"' in page
    assert 'href="2026/hiver/Ete.html"' in (proj.root / "build/html/index.html").read_text()
    for typed in ("2026/marche", "source_fr/2026/marche.md", "2026/marche.md"):
        result = proj.run("status", "--article", typed, "--format", "json")
        assert result.exit_code == 0 and '"article": "2026/marche"' in result.output, typed


def test_two_sources_with_one_name_are_an_error_naming_both(proj):
    proj.source("Été à Paris", "# Un\n\nTexte un.\n")
    proj.source("Ete-a-Paris", "# Deux\n\nTexte deux.\n")
    result = proj.run("update")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Error: source_fr/Été à Paris.md: gets the same name 'Ete-a-Paris' as "
        "source_fr/Ete-a-Paris.md; rename one of them (names keep letters, digits, '.', '_' "
        "and '-')"]
    assert not (proj.root / "translations").exists()


def test_md_and_markdown_of_one_name_clash(proj):
    proj.source("note", "# Un\n")
    proj.write("source_fr/note.markdown", "# Deux\n")
    result = proj.run("build")
    assert result.exit_code == 2 and "source_fr/note.md" in result.output
    assert "source_fr/note.markdown" in result.output


def test_a_top_level_article_cannot_take_the_index_name(proj):
    proj.source("index", "# Accueil\n")
    result = proj.run("update")
    assert result.exit_code == 2
    assert "source_fr/index.md: 'index' is the name of the edition's own index page" in result.output
    proj.root.joinpath("source_fr/index.md").rename(proj.root / "source_fr/accueil.md")
    proj.write("source_fr/2026/index.md", "# Index de 2026\n")
    assert proj.run("update").exit_code == 0


def test_a_po_file_named_by_an_older_diglot_is_used_then_renamed(proj):
    proj.source(ACCENTED, "# Été\n\nTexte un.\n")
    proj.run("update")
    new = proj.root / "translations/en/Mon-ete-a-Paris.po"
    old = proj.root / f"translations/en/{ACCENTED}.po"
    new.rename(old)
    (proj.root / "translations/templates/Mon-ete-a-Paris.pot").rename(
        proj.root / f"translations/templates/{ACCENTED}.pot")
    old.write_text(old.read_text().replace('msgid "Texte un."\nmsgstr ""',
                                           'msgid "Texte un."\nmsgstr "Text one."'))
    assert proj.run("build", "--format", "html").exit_code == 0
    assert "Text one." in (proj.root / "build/html/Mon-ete-a-Paris.html").read_text()
    check = proj.run("update", "--check")
    assert check.exit_code == 1
    assert (f"would rename translations/en/{ACCENTED}.po → translations/en/Mon-ete-a-Paris.po"
            in check.output) and "Warning" not in check.output
    assert proj.run("update").exit_code == 0
    assert not old.exists() and 'msgstr "Text one."' in new.read_text()
    assert files(proj.root, "translations") == ["en/Mon-ete-a-Paris.po",
                                                "templates/Mon-ete-a-Paris.pot"]


def test_articles_come_in_a_readers_order_case_and_accents_aside(proj):
    for name in ("tramway", "Mon été à Paris", "annexe", "Écoles", "zoo"):
        proj.source(name, f"# {name}\n\nUn texte.\n")
    assert proj.run("update").exit_code == 0
    rows = json.loads(proj.run("status", "--format", "json").output)
    assert [r["article"] for r in rows] == ["annexe", "Ecoles", "Mon-ete-a-Paris", "tramway", "zoo"]
    index = (proj.root / "build/html/index.html").read_text("utf-8") if proj.run(
        "build", "--format", "html").exit_code == 0 else ""
    assert [index.index(f">{title}<") for title in ("annexe", "Écoles", "Mon été à Paris")] == \
        sorted(index.index(f">{title}<") for title in ("annexe", "Écoles", "Mon été à Paris"))


def test_the_order_setting_puts_its_articles_first_and_names_an_unknown_one(proj):
    for name in ("tramway", "annexe", "Écoles", "zoo"):
        proj.source(name, f"# {name}\n\nUn texte.\n")
    proj.write("diglot.toml", 'title = "Lyon"\norder = ["zoo", "tramway"]\n')
    assert proj.run("update").exit_code == 0
    rows = json.loads(proj.run("status", "--format", "json").output)
    assert [r["article"] for r in rows] == ["zoo", "tramway", "annexe", "Ecoles"]
    proj.write("diglot.toml", 'title = "Lyon"\norder = ["zoo", "metro"]\n')
    result = proj.run("build")
    assert result.exit_code == 2 and result.output.splitlines() == [
        "Error: diglot.toml:2: 'order' names 'metro', which is no article in source_fr/ "
        "(names look like: annexe, Ecoles, tramway)"]


def test_an_unknown_article_name_suggests_the_file_in_its_folder_or_a_close_spelling(proj):
    for name in ("transports/tramway-lyon", "metro", "annexe"):
        proj.source(name, f"# {name}\n\nUn texte.\n")
    assert proj.run("update").exit_code == 0
    for given, hint in (("tramway-lyon", "did you mean 'transports/tramway-lyon'?"),
                        ("tramway-lyon.md", "did you mean 'transports/tramway-lyon'?"),
                        ("metor", "did you mean 'metro'?"),
                        ("zoo", "names look like: annexe, metro, transports/tramway-lyon")):
        result = proj.run("status", "--article", given)
        [line] = result.output.splitlines()
        assert result.exit_code == 2 and line.endswith(
            f"projet: no article named '{given}' in source_fr/ ({hint})")
