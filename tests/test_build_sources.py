"""A book-length source is kept parsed between builds (commands/build_sources): a build
after a translation changed does not parse its Markdown again and writes what a forced
build writes; a kept file diglot did not seal for the source's very bytes is never
unpickled. The size threshold is lowered so that a small article counts as book-length."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from diglot.commands import build_sources
from project_fixture import Proj

SOURCE = "# Le livre\n\n" + "\n".join(f"Le paragraphe {n} est court.\n" for n in range(12))


@pytest.fixture
def book(tmp_path, monkeypatch):
    monkeypatch.setattr(build_sources, "MIN_BYTES", 10)
    p = Proj(tmp_path)
    p.source("livre", SOURCE)
    p.run("update")
    p.translate("livre", {"Le livre": "The book", "Le paragraphe 3 est court.":
                          "Paragraph 3 is short."})
    return p


@pytest.fixture
def parsed(monkeypatch):
    """The articles parsed from Markdown, by slug."""
    seen: list[str] = []
    original = build_sources.parse_article

    def spy(text, slug, shown):
        seen.append(slug)
        return original(text, slug, shown)
    monkeypatch.setattr(build_sources, "parse_article", spy)
    return seen


def build(p: Proj, *args: str) -> bytes:
    assert p.run("build", "--format", "html", *args).exit_code == 0
    return (p.root / "build/html/livre.html").read_bytes()


def kept(p: Proj) -> Path:
    return p.root / "build/.diglot-cache/html/livre.html.article"


def test_a_build_after_a_translation_changed_reads_the_kept_article(book, parsed):
    build(book)
    assert parsed == ["livre"] and kept(book).exists()
    book.translate("livre", {"Le paragraphe 5 est court.": "Paragraph 5 is short."})
    page = build(book)
    assert parsed == ["livre"]  # not parsed again
    assert b"Paragraph 5 is short." in page
    assert build(book, "--force") == page
    assert parsed == ["livre", "livre"]  # --force reads everything again


def test_an_edited_source_is_parsed_again(book, parsed):
    build(book)
    book.source("livre", SOURCE.replace("Le paragraphe 7 est", "Le septième paragraphe est"))
    page = build(book)
    assert parsed == ["livre", "livre"] and "Le septième paragraphe est".encode() in page


class _Planted:
    def __reduce__(self):
        return (Path.touch, (Path(self.marker),))


def test_a_kept_file_diglot_did_not_seal_is_never_unpickled(book, parsed, tmp_path):
    build(book)
    planted = _Planted()
    planted.marker = str(tmp_path / "unpickled")
    magic, seal, _ = kept(book).read_bytes().split(b"\n", 2)
    kept(book).write_bytes(magic + b"\n" + seal + b"\n" + pickle.dumps(planted))
    book.translate("livre", {"Le paragraphe 5 est court.": "Paragraph 5 is short."})
    page = build(book)
    assert not (tmp_path / "unpickled").exists()
    assert parsed == ["livre", "livre"] and b"Paragraph 5 is short." in page
