"""PO files diglot will not read get a warning naming the path it reads; a configured
language whose folder is missing while a close one exists is a warning (build --strict: an
error); a PO file whose article is gone says how many translations it holds."""

from __future__ import annotations

import pytest


PO = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Le tram"\nmsgstr "The tram"\n'


@pytest.fixture
def proj(make_project):
    return make_project({"tram": "# Le tram\n\nLe tram part de la gare.\n"})


@pytest.mark.parametrize("where, why", [
    ("translations/tram.po", "it is not in a language folder of translations/"),
    ("translations/EN/tram.po", "translations/EN/ is not named as a configured language"),
    ("translations/en/tram.en.po", "its name has a language suffix"),
    ("translations/en/Tram.po", "its name differs in case from its article's"),
    ("translations/templates/tram.po", "translations/templates/ holds templates (.pot)"),
    ("translations/en/old/tram.po", "it is in a subfolder of translations/en/"),
    ("translations/misc/tram.po", "translations/misc/ is not a language folder"),
    ("source_fr/tram.po", "it is outside the translations/ folder"),
    ("tram.po", "it is outside the translations/ folder"),
    ("translations/en_US/tram.po", "translations/en_US/ is not named as a configured language"),
])
@pytest.mark.parametrize("command", ["update", "build", "status", "check"])
def test_a_po_file_diglot_will_not_read_is_named_with_the_path_it_reads(proj, where, why, command):
    (proj.root / "translations/en/tram.po").unlink()
    proj.write(where, PO)
    result = proj.run(command)
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith(f"Warning: {where}: "))
    assert line.startswith(f"Warning: {where}: diglot does not read this file: {why}")
    assert line.endswith("; it reads translations/en/tram.po")


def test_an_unknown_language_folder_says_to_add_the_language(proj):
    proj.write("translations/de/tram.po", PO.replace('"Content-Type', '"Language: de\\n"\n"Content-Type'))
    result = proj.run("build")
    assert ("Warning: translations/de/tram.po: diglot does not read this file: 'de' is not in "
            "'languages' (add it there to translate into it); it reads translations/en/tram.po"
            ) in result.output


def test_a_stray_file_for_a_missing_article_says_so(proj):
    proj.write("translations/velo.po", PO)
    assert ("it reads translations/en/velo.po (for source_fr/velo.md, which does not exist)"
            in proj.run("update").output)


def test_with_several_languages_the_header_tells_which_folder(proj):
    proj.write("diglot.toml", "languages = ['en', 'de']\n")
    proj.write("translations/tram.po", PO.replace('"Content-Type', '"Language: de_DE\\n"\n"Content-Type'))
    assert "it reads translations/de/tram.po" in proj.run("update").output


def test_files_read_and_compendia_get_no_warning(proj):
    proj.write("translations/compendium.po", PO)
    proj.write("diglot.toml", "memory = ['translations/compendium.po']\n")
    result = proj.run("update")
    assert "Warning" not in result.output


def test_a_language_suffix_file_is_not_told_to_be_deleted(proj):
    proj.write("translations/en/tram.en.po", PO)
    result = proj.run("update")
    assert "its name has a language suffix" in result.output
    assert "tram.en.md" not in result.output and "deleted" not in result.output


def test_a_configured_language_without_its_folder_beside_a_close_one(proj):
    proj.write("diglot.toml", "languages = ['en_US']\n")
    result = proj.run("build")
    assert result.exit_code == 0
    assert ("Warning: translations/en/: 'languages' lists 'en_US', whose folder "
            "translations/en_US/ does not exist; rename translations/en/ to en_US/, or set "
            'languages = ["en"]') in result.output
    before = proj.snapshot()
    strict = proj.run("build", "--strict")
    assert strict.exit_code == 1
    assert "translations/en/: 'languages' lists 'en_US'" in strict.output
    assert proj.snapshot() == before


def test_a_language_folder_in_the_wrong_case_is_a_close_one(proj):
    (proj.root / "translations/en").rename(proj.root / "translations/EN")
    result = proj.run("status")
    assert "translations/EN/: 'languages' lists 'en'" in result.output
    assert "Warning: translations/EN/tram.po: diglot does not read this file" in result.output


def test_an_orphan_with_translations_is_never_called_safe_to_delete(proj):
    proj.translate("tram", {"Le tram": "The tram", "Le tram part de la gare.": "The tram leaves."})
    (proj.root / "source_fr/tram.md").unlink()
    proj.source("autre", "# Autre chose\n\nRien à voir.\n")
    result = proj.run("update")
    line = next(x for x in result.output.splitlines() if x.startswith("Warning: translations/en/tram.po"))
    assert "holds 2 translations: keep the file" in line and "'memory'" in line and "renamed" in line
    assert "deleted" not in line
    assert ("Warning: translations/templates/tram.pot: its article source_fr/tram.md is gone; "
            "a generated template, it can be deleted") in result.output


def test_an_orphan_without_translations_can_be_deleted(proj):
    (proj.root / "source_fr/tram.md").unlink()
    proj.source("autre", "# Autre chose\n\nRien à voir.\n")
    assert "it holds no translation and can be deleted" in proj.run("update").output


def test_empty_source_folder_and_build_before_update_give_hints(make_project):
    p = make_project()
    for command in ("update", "build"):
        result = p.run(command)
        assert result.exit_code == 0
        assert "Warning: source_fr/ holds no article yet: add a French Markdown file" in result.output
    p.source("a", "# Un\n\nDeux.\n")
    p.source("b", "# Trois\n\nQuatre.\n")
    result = p.run("build")
    assert ("Warning: translations/en/a.po and 1 more: no translation file yet; run diglot "
            "update to create it") in result.output


def test_a_file_of_an_article_in_a_folder_is_told_its_place_in_the_right_language(make_project):
    """A new user's find: after languages = ["en_GB"], verne/chapitre-1's file was told to
    go to translations/en_GB/chapitre-1.po, for an article that does not exist."""
    proj = make_project({"verne/chapitre-1": "Un paragraphe.\n"})
    assert proj.run("update").exit_code == 0
    proj.write("diglot.toml", 'languages = ["en_GB"]\n')
    result = proj.run("status")
    assert ("Warning: translations/en/verne/chapitre-1.po: diglot does not read this file: "
            "translations/en/ is not named as a configured language (languages: en_GB); it "
            "reads translations/en_GB/verne/chapitre-1.po\n") in result.output
