"""A renamed article keeps its translations: update moves its PO files and template."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from project_fixture import Proj

TEXTS = [f"Phrase numéro {i} de l'article sur le tram de Lyon, assez longue." for i in range(30)]
SOURCE = "# Le tram à Lyon\n\n" + "\n\n".join(TEXTS) + "\n"


@pytest.fixture
def proj(make_project):
    p = make_project({"tram-lyon": SOURCE}, config="languages = ['en', 'de']\n",
                     po={("tram-lyon", lang): {t: f"{lang}: {t}" for t in ["Le tram à Lyon", *TEXTS]}
                         for lang in ("en", "de")})
    po = p.root / "translations/en/tram-lyon.po"
    po.write_text(po.read_text().replace('msgid "Le tram', '# relu par Anne\nmsgid "Le tram', 1))
    return p


def _translated(p: Proj, slug: str, lang: str = "en") -> int:
    return sum(1 for e in p.po(slug, lang).entries if e.translated and not e.obsolete)


def test_a_renamed_article_keeps_every_translation(proj):
    (proj.root / "source_fr/tram-lyon.md").rename(proj.root / "source_fr/lyon-en-tram.md")
    result = proj.run("update")
    assert result.exit_code == 0
    assert ("followed a renamed article: source_fr/tram-lyon.md → source_fr/lyon-en-tram.md: "
            "its translations follow (31 of 31 segments match)") in result.output
    assert "renamed translations/en/tram-lyon.po → translations/en/lyon-en-tram.po" in result.output
    assert "renamed translations/templates/tram-lyon.pot → translations/templates/lyon-en-tram.pot" in result.output
    for lang in ("en", "de"):
        assert _translated(proj, "lyon-en-tram", lang) == 31
        assert not (proj.root / f"translations/{lang}/tram-lyon.po").exists()
    assert not (proj.root / "translations/templates/tram-lyon.pot").exists()
    po = proj.entries("lyon-en-tram")
    assert po["Le tram à Lyon"].translator_comments == ("relu par Anne",)
    assert po[TEXTS[0]].references == ("source_fr/lyon-en-tram.md:3",)
    header = (proj.root / "translations/en/lyon-en-tram.po").read_text().split("\n\n")[0]
    assert "(source_fr/lyon-en-tram.md)" in header and "lyon-en-tram\\n" in header
    assert "Warning" not in result.output
    assert proj.run("update", "--check").exit_code == 0


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_mv_of_a_translated_article_keeps_100_percent_and_git_sees_renames(proj):
    def git(*args):
        return subprocess.run(["git", "-C", str(proj.root), *args], check=True,
                              capture_output=True, text=True).stdout

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@e", "add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "edition")
    git("mv", "source_fr/tram-lyon.md", "source_fr/lyon-en-tram.md")
    assert proj.run("update").exit_code == 0
    status = proj.run("status", "--format", "json", "--lang", "en").output
    assert '"article": "lyon-en-tram"' in status and '"percent": 100.0' in status
    git("add", "-A")
    moves = git("status", "--porcelain")
    assert "R  translations/en/tram-lyon.po -> translations/en/lyon-en-tram.po" in moves


def test_an_edited_and_renamed_article_still_follows(proj):
    (proj.root / "source_fr/tram-lyon.md").unlink()
    proj.source("lyon", SOURCE.replace(TEXTS[3], "Une phrase toute neuve.") + "\nEt une de plus.\n")
    result = proj.run("update")
    assert "(30 of 32 segments match)" in result.output  # the title and 29 paragraphs
    assert _translated(proj, "lyon") == 30


def test_a_rename_with_the_apostrophes_made_typographic_still_follows(proj):
    """A translator's review: a rename and ' → ’ in one commit was no rename; every
    translation came back as a fuzzy proposal and the translator's comment stayed behind."""
    (proj.root / "source_fr/tram-lyon.md").unlink()
    proj.source("lyon-en-tram", SOURCE.replace("'", "\u2019").replace(" à ", "\u00a0à "))
    result = proj.run("update")
    assert "its translations follow (31 of 31 segments match)" in result.output
    assert _translated(proj, "lyon-en-tram") == 31
    assert proj.entries("lyon-en-tram")["Le tram\u00a0à Lyon"].translator_comments == ("relu par Anne",)


def test_no_rename_leaves_the_orphan_and_says_how_many_translations_it_holds(proj):
    (proj.root / "source_fr/tram-lyon.md").rename(proj.root / "source_fr/lyon-en-tram.md")
    result = proj.run("update", "--no-rename")
    assert (proj.root / "translations/en/tram-lyon.po").exists()
    assert ("Warning: translations/en/tram-lyon.po: its article source_fr/tram-lyon.md is gone, "
            "but it holds 31 translations") in result.output
    assert _translated(proj, "lyon-en-tram") == 0
    assert proj.entries("lyon-en-tram")[TEXTS[0]].translator_comments == ("memory: 100% from tram-lyon",)


def test_an_update_of_the_renamed_article_alone_follows_the_rename(proj):
    """A new user ran `update --article <new name>` after `git mv`: the article was planned
    as a new one (every translation a fuzzy proposal, no comment), and for good."""
    (proj.root / "source_fr/tram-lyon.md").rename(proj.root / "source_fr/lyon-en-tram.md")
    proj.source("autre", "# Autre\n")
    result = proj.run("update", "--article", "lyon-en-tram")
    assert result.exit_code == 0
    assert "followed a renamed article: source_fr/tram-lyon.md → source_fr/lyon-en-tram.md" in result.output
    for lang in ("en", "de"):
        assert _translated(proj, "lyon-en-tram", lang) == 31
        assert not (proj.root / f"translations/{lang}/tram-lyon.po").exists()
    assert proj.entries("lyon-en-tram")["Le tram à Lyon"].translator_comments == ("relu par Anne",)
    assert not (proj.root / "translations/en/autre.po").exists()  # the run was for one article


def test_an_update_for_one_language_refuses_a_rename_it_cannot_follow_in_all(proj):
    (proj.root / "source_fr/tram-lyon.md").rename(proj.root / "source_fr/lyon-en-tram.md")
    before = proj.snapshot()
    result = proj.run("update", "--lang", "en")
    assert (result.exit_code, result.output) == (2, (
        "Error: source_fr/lyon-en-tram.md: this article is source_fr/tram-lyon.md renamed (31 of 31 "
        "segments match); run diglot update without --lang to follow the rename in every language, "
        "or with --no-rename to start it afresh\n"))
    assert proj.snapshot() == before
    assert proj.run("update", "--lang", "en", "--no-rename").exit_code == 0


def test_check_says_it_would_rename_and_moves_nothing(proj):
    (proj.root / "source_fr/tram-lyon.md").rename(proj.root / "source_fr/lyon-en-tram.md")
    before = proj.snapshot()
    result = proj.run("update", "--check")
    assert result.exit_code == 1
    assert "would rename translations/en/tram-lyon.po → translations/en/lyon-en-tram.po" in result.output
    assert proj.snapshot() == before


def test_an_unrelated_new_article_takes_nothing(proj):
    (proj.root / "source_fr/tram-lyon.md").unlink()
    proj.source("velo", "# Le vélo\n\n" + "\n\n".join(TEXTS[:5] + [f"Autre {i}." for i in range(10)]))
    result = proj.run("update")
    assert "followed a renamed" not in result.output and "→" not in result.output
    assert (proj.root / "translations/en/tram-lyon.po").exists()


def test_an_article_moved_into_a_folder_keeps_every_translation(proj):
    (proj.root / "source_fr/2026").mkdir()
    (proj.root / "source_fr/tram-lyon.md").rename(proj.root / "source_fr/2026/tram.md")
    result = proj.run("update")
    assert result.exit_code == 0, result.output
    assert "renamed translations/en/tram-lyon.po → translations/en/2026/tram.po" in result.output
    assert _translated(proj, "2026/tram") == 31 and _translated(proj, "2026/tram", "de") == 31
    assert not (proj.root / "translations/en/tram-lyon.po").exists()
    (proj.root / "source_fr/2026/tram.md").rename(proj.root / "source_fr/2026/lyon.md")
    again = proj.run("update")
    assert "renamed translations/en/2026/tram.po → translations/en/2026/lyon.po" in again.output
    assert _translated(proj, "2026/lyon") == 31


def test_an_orphan_in_a_folder_is_said_with_its_translations(proj):
    (proj.root / "source_fr/2026").mkdir()
    (proj.root / "source_fr/tram-lyon.md").rename(proj.root / "source_fr/2026/tram.md")
    proj.run("update")
    (proj.root / "source_fr/2026/tram.md").unlink()
    proj.source("autre", "# Un tout autre article\n\nRien à voir.\n")
    result = proj.run("update")
    assert ("Warning: translations/en/2026/tram.po: its article source_fr/2026/tram.md is "
            "gone, but it holds 31 translations") in result.output


def test_the_rename_names_the_new_file_as_it_is_written(proj):
    """A new user's find: a file named with spaces and brackets was named by its slug
    ("Le-tour-du-monde-extrait.md"), a file that does not exist."""
    (proj.root / "source_fr/verne").mkdir()
    (proj.root / "source_fr/tram-lyon.md").rename(proj.root / "source_fr/verne/Le tram (extrait).md")
    result = proj.run("update")
    assert ("followed a renamed article: source_fr/tram-lyon.md → source_fr/verne/Le tram "
            "(extrait).md: its translations follow") in result.output


def test_an_update_naming_every_language_follows_the_rename(make_project):
    """A code review: `update --lang en` in a project of English alone refused a rename it
    follows in every language there is."""
    texts = {t: f"en: {t}" for t in ["Le tram à Lyon", *TEXTS]}
    proj = make_project({"tram-lyon": SOURCE}, po={("tram-lyon", "en"): texts})
    (proj.root / "source_fr/tram-lyon.md").rename(proj.root / "source_fr/lyon-en-tram.md")
    result = proj.run("update", "--lang", "en")
    assert result.exit_code == 0 and "followed a renamed article" in result.output
    assert _translated(proj, "lyon-en-tram") == 31
