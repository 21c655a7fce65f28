"""Links between articles (crossref.py): a link to another article's Markdown source leads
to that article's own file in each edition; a link to a `.md` that is no article is left as
written, and `diglot check` warns about it."""

from __future__ import annotations

import json
import re
import zipfile

import pytest

from diglot.crossref import target


@pytest.mark.parametrize("href, slug, expected", [
    ("../tramway.md", "2026/petrin", ("tramway", "")),
    ("tramway.md#lignes", "petrin", ("tramway", "#lignes")),
    ("autre/Été%20à%20Lyon.markdown", "petrin", ("autre/Ete-a-Lyon", "")),
    ("/2026/petrin.md", "tramway", ("2026/petrin", "")),  # from the source folder
    ("./sub/../x.md", "a", ("x", "")),
    ("../x.md", "a", ("", "")),  # out of the source folder: no article
    ("b.md?v=2#fin", "a", ("b", "?v=2#fin")),
    ("https://example.org/x.md", "a", None),
    ("x.html", "a", None),
    ("#partie", "a", None),
])
def test_a_relative_link_to_a_markdown_file_names_an_article(href, slug, expected):
    assert target(href, slug) == expected


ARTICLES = {
    "tramway": "# Le tramway\n\nLe tram roule.\n",
    "2026/pétrin": "# Le pétrin\n\nVoir [le tram](../tramway.md#lignes) et [ceci](../absent.md).\n",
}
PO = {"2026/petrin": {"Le pétrin": "The kneading trough",
                      "Voir [le tram](../tramway.md#lignes) et [ceci](../absent.md).":
                      "See [the tram](../tramway.md#lignes) and [this](../absent.md)."}}


def _hrefs(page: str) -> list[str]:
    """The page's links to the other two articles (not its link to the index)."""
    return re.findall(r'<a href="([^"]*(?:tramway|absent)[^"]*)"', page)


def test_each_edition_links_to_the_articles_own_file(make_project):
    proj = make_project(ARTICLES, PO, build=True)
    page = (proj.root / "build/html/2026/petrin.html").read_text("utf-8")
    assert _hrefs(page) == ["../tramway.html#lignes", "../absent.md"] * 2  # French, English
    with zipfile.ZipFile(proj.root / "build/docx/2026/petrin.docx") as docx:
        rels = docx.read("word/_rels/document.xml.rels").decode()
    # a document has no anchor named after the heading: the link opens the document; a link
    # to a file that is no article's document keeps its text, unlinked (Word would open it)
    assert re.findall(r'Target="([^"]*(?:tramway|absent)[^"]*)"', rels) == ["../tramway.docx"]
    with zipfile.ZipFile(proj.root / "build/docx/edition.docx") as docx:  # one folder up
        rels = docx.read("word/_rels/document.xml.rels").decode()
    assert re.findall(r'Target="([^"]*(?:tramway|absent)[^"]*)"', rels) == ["tramway.docx"]


def test_check_warns_of_a_link_to_a_markdown_file_that_is_no_article(make_project):
    proj = make_project(ARTICLES, PO)
    result = proj.run("check", "--format", "json")
    found = [(f["check"], f["severity"], f["message"]) for f in json.loads(result.output)]
    assert found == [("article-link", "warning", "link to ../absent.md, a Markdown file that is "
                      "no article of the edition: readers get a broken link")]


def test_the_article_written_later_turns_the_link_into_one_to_its_page(make_project):
    proj = make_project(ARTICLES, PO, build="html")
    proj.source("absent", "# Absent\n\nIci.\n")
    assert proj.run("update").exit_code == 0
    result = proj.run("build", "--format", "html")
    assert result.exit_code == 0, result.output
    page = (proj.root / "build/html/2026/petrin.html").read_text("utf-8")
    assert _hrefs(page) == ["../tramway.html#lignes", "../absent.html"] * 2


def test_articles_written_later_under_their_own_file_names_are_linked_then(make_project):
    """The build recorded the file a link's name would have (source_fr/Ete-a-Lyon.md), not
    the one an author writes (source_fr/Été à Lyon.md, b.markdown): no rebuild followed."""
    proj = make_project({"a": "# A\n\nVoir [e](Été%20à%20Lyon.md) et [b](B.md).\n"}, build="html")
    proj.write("source_fr/Été à Lyon.md", "# E\n\nIci.\n")
    proj.write("source_fr/b.markdown", "# B\n\nLà.\n")
    assert proj.run("update").exit_code == 0
    assert proj.run("build", "--format", "html").exit_code == 0
    page = (proj.root / "build/html/a.html").read_text("utf-8")
    assert re.findall(r'<a href="([^"]*)">[eb]</a>', page) == ["Ete-a-Lyon.html", "b.html"] * 2
    assert "article-link" not in proj.run("check").output  # B.md is b, case aside


def test_editing_a_linked_article_does_not_rebuild_the_pages_linking_to_it(make_project):
    proj = make_project(ARTICLES, PO, build="html")
    proj.source("tramway", "# Le tramway\n\nLe tram roule vite.\n")
    result = proj.run("build", "--format", "html")
    assert "2 article(s), 1 rebuilt" in result.output


def test_check_warns_of_a_link_leaving_the_source_folder(make_project):
    french = "Voir [la doc](../../docs/guide.md)."
    proj = make_project({"2026/a": f"# A\n\n{french}\n"},
                        {"2026/a": {french: "See [the docs](../../docs/guide.md)."}})
    found = json.loads(proj.run("check", "--format", "json").output)
    assert [f["check"] for f in found] == ["article-link"]


def test_check_warns_of_a_broken_article_link_before_it_is_translated(make_project):
    """The edition shows the French, link and all, in place of a missing translation."""
    proj = make_project({"2026/a": "# A\n\nVoir [le futur](Été%20prochain.md).\n"})
    found = json.loads(proj.run("check", "--format", "json").output)
    assert [(f["check"], f["message"]) for f in found] == [
        ("article-link", "link to Été prochain.md, a Markdown file that is no article of the "
                         "edition: readers get a broken link")]


def test_a_link_to_a_heading_lands_on_it_as_markdown_sites_name_it(make_project):
    """``#le-levain-un-être-vivant`` (GitHub's and GitLab's id for that heading) within an
    article or from another: the heading row carries that id beside its lasting anchor."""
    proj = make_project({
        "pain": "# Le pain\n\n## Le levain, un être vivant\n\nTexte.\n\n## Le levain, un être vivant\n\n"
                "Encore.\n\nVoir [plus haut](#le-levain-un-être-vivant).\n",
        "tram": "# Tram\n\nVoir [le levain](pain.md#le-levain-un-%C3%AAtre-vivant).\n"}, build="html")
    page = (proj.root / "build/html/pain.html").read_text("utf-8")
    assert re.findall(r'<span id="([^"]+)"></span>', page) == [
        "le-pain", "le-levain-un-être-vivant", "le-levain-un-être-vivant-1"]  # a repeat numbered
    tram = (proj.root / "build/html/tram.html").read_text("utf-8")
    assert 'href="pain.html#le-levain-un-%C3%AAtre-vivant"' in tram  # the browser decodes it
