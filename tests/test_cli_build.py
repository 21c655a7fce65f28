"""``diglot build``, ``check`` and the CI gate through the CLI, end to end on small projects."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from project_fixture import Proj

SOURCE = """# Titre

Un paragraphe répété.

```
print("bonjour")  # code
```

Ligne un\\
ligne deux.

Un paragraphe répété.
"""
ENGLISH = {"Titre": "Title", "Un paragraphe répété.": "A repeated paragraph.",
           "Ligne un\nligne deux.": "Line one\nline two."}


@pytest.fixture
def proj(make_project):
    return make_project({"a": SOURCE}, {"a": ENGLISH}, build=True)


def document_xml(proj: Proj) -> str:
    with zipfile.ZipFile(io.BytesIO((proj.root / "build/docx/a.docx").read_bytes())) as z:
        return z.read("word/document.xml").decode()


def test_repeated_paragraph_is_shown_twice_in_both_editions(proj):
    assert len(proj.po("a").entries) == 3
    html = (proj.root / "build/html/a.html").read_text()
    assert html.count("A repeated paragraph.") == 2 and html.count("Un paragraphe répété.") == 2
    assert document_xml(proj).count("A repeated paragraph.") == 2


def test_code_block_is_shown_once_unchanged(proj):
    html = (proj.root / "build/html/a.html").read_text()
    assert html.count("print(&#34;bonjour&#34;)  # code") + html.count("print(&quot;bonjour&quot;)  # code") == 1
    assert document_xml(proj).count('print("bonjour")') == 1


def test_hard_line_break_survives_into_both_editions(proj):
    html = (proj.root / "build/html/a.html").read_text()
    assert "Line one<br>line two." in html.replace("<br/>", "<br>")
    xml = document_xml(proj)
    between = xml[xml.index("Line one"): xml.index("line two.")]
    assert "<w:br/>" in between


def test_strict_build_fails_on_fuzzy_and_incomplete_languages(proj):
    assert proj.run("build", "--strict").exit_code == 0
    proj.source("a", SOURCE.replace("Ligne un", "Première ligne"))
    proj.source("b", "# Nouveau\n")
    proj.run("update")
    before = proj.snapshot()
    result = proj.run("build", "--strict")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "translations/en/a.po: 66.7% translated, below the required 100%, 1 fuzzy",
        "translations/en/b.po: 0% translated, below the required 100%",
        "2 file(s) not ready; nothing was written"]
    assert proj.snapshot() == before


def test_a_build_says_how_many_rebuilt_passages_await_their_translation(proj):
    """The editions mark them, but an editor publishing should not have to look."""
    result = proj.run("build", "--force")
    assert "not yet translated" not in result.output  # every passage translated
    proj.edit("a", {"Titre": {"flags": ("fuzzy",)}, "Ligne un\nligne deux.": {"msgstr": ""}})
    result = proj.run("build")
    assert result.exit_code == 0
    assert result.output.splitlines()[-2:-1] == [
        "not yet translated in the articles rebuilt: 1 segment(s) untranslated, 1 fuzzy "
        "(see diglot status)"]
    assert "not yet translated" not in proj.run("build").output  # nothing rebuilt


def test_min_completeness_is_configurable(proj):
    proj.source("a", SOURCE + "\nEncore un paragraphe.\n")
    proj.run("update")
    proj.write("diglot.toml", "min_completeness = 70\n")
    assert proj.run("build", "--strict").exit_code == 0


def test_check_json_shape_and_exit_code(proj):
    assert proj.run("check").exit_code == 0
    proj.translate("a", {"Titre": "« Title »"})
    result = proj.run("check", "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.output)
    assert findings == [{"path": "translations/en/a.po", "line": findings[0]["line"],
                         "check": "typography", "severity": "error",
                         "message": "French quotation marks « » in English; use “ ” or \" \"",
                         "source": "source_fr/a.md:1", "msgid": "Titre", "excerpt": "“« Title »”"}]


def test_fallback_policies(proj):
    proj.source("a", SOURCE + "\nPas encore traduit.\n")
    proj.run("update")
    proj.run("build")
    html = (proj.root / "build/html/a.html").read_text()
    assert html.count("Pas encore traduit.") == 2  # French column, and the marked fallback
    proj.write("diglot.toml", 'fallback = "fail"\n')
    result = proj.run("build")
    assert result.exit_code == 2
    line = (proj.root / "translations/en/a.po").read_text().splitlines().index(
        'msgid "Pas encore traduit."') + 1
    assert result.output.startswith(f"Error: translations/en/a.po:{line}: 1 segment(s) not "
                                    "translated into 'en' (first: source_fr/a.md:")


def test_project_and_quiet_options_also_after_the_command(proj):
    from click.testing import CliRunner

    from diglot.cli import main

    result = CliRunner().invoke(main, ["status", "-C", str(proj.root), "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output)[0]["article"] == "a"
    assert CliRunner().invoke(main, ["build", "-q", "-C", str(proj.root)]).output == ""


def test_no_lock_file_is_left_outside_a_project(tmp_path):
    from click.testing import CliRunner

    from diglot.cli import main

    result = CliRunner().invoke(main, ["-C", str(tmp_path), "update"])
    assert result.exit_code == 2 and "no 'source_fr' folder here" in result.output
    assert list(tmp_path.iterdir()) == []


def test_building_one_article_says_which_edition_files_it_leaves_behind(proj):
    proj.translate("a", {"Titre": "Heading"})
    result = proj.run("build", "--article", "a")
    assert result.exit_code == 0
    assert ("not updated by --article: build/html/index.html, build/docx/edition.docx "
            "(a plain diglot build updates them)") in result.output
    assert "Heading" in (proj.root / "build/html/a.html").read_text()
    assert "Heading" not in (proj.root / "build/html/index.html").read_text()
    assert "not updated" not in proj.run("build", "--article", "a").output  # nothing written
    assert "not updated" not in proj.run("build").output
    assert "Heading" in (proj.root / "build/html/index.html").read_text()


def test_the_editions_title_pages_show_its_english_title_and_its_author(make_project):
    config = 'title = "Le Tour du monde"\ntitles = { en = "Around the World" }\nauthor = "Jules Verne"\n'
    proj = make_project({"a": "# Titre\n\nUn texte.\n"}, {"a": {"Titre": "Title", "Un texte.": "A text."}},
                        config)
    assert proj.run("build", "--format", "html", "--format", "docx", "--format", "epub").exit_code == 0
    index = (proj.root / "build/html/index.html").read_text()
    assert '<span class="edition-en" lang="en">Around the World</span>' in index
    assert '<p class="edition-author">Jules Verne</p>' in index
    with zipfile.ZipFile(proj.root / "build/docx/edition.docx") as docx:
        body, core = docx.read("word/document.xml").decode(), docx.read("docProps/core.xml").decode()
    assert body.index("Le Tour du monde") < body.index("Around the World") < body.index("Jules Verne")
    assert "<dc:creator>Jules Verne</dc:creator>" in core
    with zipfile.ZipFile(proj.root / "build/epub/edition.epub") as epub:
        opf = epub.read("EPUB/package.opf").decode()
    assert "Jules Verne" in opf and "Around the World" in opf


@pytest.mark.parametrize("setting, message", [
    ('titles = "Around"', "'titles' must be a table of language = title, not 'Around'"),
    ("titles = { en = { a = 1 } }", "'titles' must be a table of language = title, each title text"),
    ('titles = { eng = "Around" }', "'titles' names 'eng', which is not a target language (languages: en)"),
    ('title = "Ti\\uFFFEtle"', "'title' holds a noncharacter (U+FFFE), which no edition can show; remove it"),
    ('author = "A\\uFFFF"', "'author' holds a noncharacter (U+FFFF), which no edition can show; remove it"),
    ('titles = { en = "A\\u0007" }', "'titles' holds a control character (U+0007), which no edition can show; remove it"),
])
def test_titles_must_be_a_table_of_target_language_and_title(make_project, setting, message):
    proj = make_project({"a": "Un texte.\n"})
    proj.write("diglot.toml", setting + "\n")
    result = proj.run("build")
    assert result.exit_code == 2 and result.output.splitlines() == [f"Error: diglot.toml:1: {message}"]


def test_a_noncharacter_in_an_articles_title_builds_every_format(make_project):
    proj = make_project({"a": "# Titre \ufffe\n\nUn alinéa.\n"})
    result = proj.run("build", "--format", "docx", "--format", "epub", "--format", "html")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(proj.root / "build/docx/a.docx") as docx:
        assert "<dc:title>Titre </dc:title>" in docx.read("docProps/core.xml").decode()
