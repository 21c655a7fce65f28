"""Render each article once: an edition-wide file (index.html, edition.docx) is assembled
from its articles' parts, those rendered now and those kept by earlier builds under
build/.diglot-cache; a kept part is used only when diglot itself sealed it for exactly
the article's current inputs."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from diglot.builders.docx import DocxBuilder
from diglot.builders.html import HtmlBuilder
from diglot.commands.build import build
from diglot.project import Project
from project_fixture import Proj

LIST = "1. un\n2. deux\n\n"


@pytest.fixture
def proj(tmp_path):
    p = Proj(tmp_path)
    for slug in ("a", "b"):
        p.source(slug, f"# Titre {slug}\n\n{LIST}Le paragraphe de [{slug}](https://{slug}.example).\n")
    p.run("update")
    for slug in ("a", "b"):
        p.translate(slug, {f"Titre {slug}": f"Title {slug}", "un": "one", "deux": "two",
                           f"Le paragraphe de [{slug}](https://{slug}.example).":
                           f"The paragraph of [{slug}](https://{slug}.example)."})
    return p


@pytest.fixture
def rendered(monkeypatch):
    """The (format, slug) of every article rendered."""
    seen: list[tuple[str, str]] = []
    for fmt, cls in (("html", HtmlBuilder), ("docx", DocxBuilder)):
        original = cls.render

        def spy(self, doc, ctx, original=original, fmt=fmt):
            seen.append((fmt, doc.slug))
            return original(self, doc, ctx)
        monkeypatch.setattr(cls, "render", spy)
    return seen


def run(p: Proj, **options):
    return build(Project.load(p.root), jobs=1, **options)


def document_xml(path) -> bytes:
    return zipfile.ZipFile(io.BytesIO(path.read_bytes())).read("word/document.xml")


def parts_of(p: Proj, name: str) -> dict[str, bytes]:
    package = zipfile.ZipFile(io.BytesIO((p.root / "build/docx" / name).read_bytes()))
    return {n: package.read(n) for n in package.namelist() if n != "docProps/core.xml"}


def test_touching_one_article_renders_it_alone_and_the_editions_match_a_full_build(proj, rendered, tmp_path):
    run(proj)
    assert sorted(rendered) == [("docx", "a"), ("docx", "b"), ("html", "a"), ("html", "b")]
    rendered.clear()
    proj.translate("a", {"un": "one!"})
    report = run(proj)
    assert sorted(rendered) == [("docx", "a"), ("html", "a")]  # b's parts were kept
    assert "build/docx/edition.docx" in report.written
    incremental = parts_of(proj, "edition.docx"), (proj.root / "build/html/index.html").read_bytes()
    run(proj, force=True)
    assert parts_of(proj, "edition.docx") == incremental[0]
    assert (proj.root / "build/html/index.html").read_bytes() == incremental[1]
    assert b"one!" in document_xml(proj.root / "build/docx/edition.docx")


def test_a_part_not_sealed_by_this_user_is_never_used(proj, rendered):
    run(proj)
    kept = proj.root / "build/.diglot-cache/docx/b.docx.part"
    planted = kept.read_bytes().replace(b"The paragraph of", b"Planted text of")
    kept.write_bytes(planted)  # as a cloned repository could ship it
    (proj.root / "build/.diglot-cache/html/b.html.part").write_bytes(b"diglot-part 1\n00\n{}")
    rendered.clear()
    proj.translate("a", {"un": "one!"})
    run(proj)
    assert sorted(rendered) == [("docx", "a"), ("docx", "b"), ("html", "a"), ("html", "b")]
    edition = document_xml(proj.root / "build/docx/edition.docx")
    assert b"Planted" not in edition and b"The paragraph of" in edition
    assert b"Planted" not in kept.read_bytes()  # b's part sealed again, from its real text


def test_a_lost_cache_is_rebuilt_from_the_articles(proj, rendered):
    run(proj)
    for part in (proj.root / "build/.diglot-cache").rglob("*.part"):
        part.unlink()
    proj.translate("a", {"un": "one!"})
    rendered.clear()
    report = run(proj)
    assert ("docx", "b") in rendered and "build/docx/b.docx" in report.unchanged
    assert (proj.root / "build/.diglot-cache/docx/b.docx.part").is_file()


def test_each_article_of_the_edition_numbers_its_own_lists(proj):
    """Lists of two articles are two lists: the second starts at 1 again (they shared a
    numbering definition, and Word counted on from the first article's)."""
    run(proj)
    xml = document_xml(proj.root / "build/docx/edition.docx").decode()
    first, second = xml.split('w:name="_TocDiglot0002fr"')
    assert lists(first) and lists(second) and not lists(first) & lists(second)


def lists(xml: str) -> set[str]:
    return set(re.findall(r'<w:numId w:val="(\d+)"', xml))


def test_a_removed_article_takes_its_parts_along(proj):
    run(proj)
    (proj.root / "source_fr/b.md").unlink()
    run(proj)
    assert not list((proj.root / "build/.diglot-cache").rglob("b.*.part"))
    assert (proj.root / "build/.diglot-cache/docx/a.docx.part").is_file()
