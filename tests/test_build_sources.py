"""A book-length source is kept parsed between builds (commands/build_sources): a build
after a translation changed does not parse its Markdown again and writes what a forced
build writes; a kept file diglot did not seal for the source's very bytes is never
unpickled. The size threshold is lowered so that a small article counts as book-length."""

from __future__ import annotations

import gc
import os
import pickle
from pathlib import Path

import pytest
from project_fixture import Proj

from diglot.commands import build_sources

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


@pytest.fixture
def forked(book, monkeypatch):
    """A first build parses the book in a forked process (this test's spy cannot see it)."""
    monkeypatch.setattr(build_sources, "FORK_BYTES", 10)
    return book


def test_a_source_parsed_in_a_forked_process_gives_the_same_page_and_is_kept(forked, parsed):
    page = build(forked, "--force", "--jobs", "2")
    assert parsed == [] and kept(forked).exists()  # parsed in the forked process
    forked.translate("livre", {"Le paragraphe 5 est court.": "Paragraph 5 is short."})
    rebuilt = build(forked, "--jobs", "2")
    assert parsed == [] and b"Paragraph 5 is short." in rebuilt  # the kept copy, read here
    assert build(forked, "--force", "--jobs", "1") == rebuilt
    assert b"Paragraph 3 is short." in page


def test_an_error_in_a_source_parsed_in_a_forked_process_is_reported_as_ever(forked):
    forked.source("livre", SOURCE + "\nLe renvoi[^absent] sans note.\n")
    result = forked.run("build", "--format", "html", "--jobs", "2")
    assert result.exit_code == 2
    assert result.output == forked.run("build", "--format", "html", "--jobs", "1").output
    assert result.output.startswith("Error: source_fr/livre.md:27: footnote [^absent] is "
                                    "called but never defined")


def test_the_source_error_is_reported_before_a_bad_po_file(forked):
    forked.source("livre", SOURCE + "\nLe renvoi[^absent] sans note.\n")
    (forked.root / "translations/en/livre.po").write_text('msgid "x\n', encoding="utf-8")
    result = forked.run("build", "--format", "html", "--jobs", "2")
    assert result.exit_code == 2 and result.output.startswith("Error: source_fr/livre.md:27:")
    forked.source("livre", SOURCE)
    result = forked.run("build", "--format", "html", "--jobs", "2")
    assert result.exit_code != 0 and result.output.startswith("Error: translations/en/livre.po:")


def test_an_empty_source_parsed_in_a_forked_process_is_skipped_whatever_its_po_file(forked):
    forked.source("livre", "```\ndu code, rien à traduire\n```\n")
    (forked.root / "translations/en/livre.po").write_text('msgid "x\n', encoding="utf-8")
    result = forked.run("build", "--format", "html", "--jobs", "2")
    assert "source_fr/livre.md: no text to translate; article skipped" in result.output
    assert "livre.po" not in result.output


def test_a_lost_parsing_process_leaves_the_source_to_this_one(forked, monkeypatch):
    page = build(forked, "--force", "--jobs", "1")
    monkeypatch.setattr(build_sources, "_pickled", lambda *args: os._exit(1))
    assert build(forked, "--force", "--jobs", "2") == page
    assert kept(forked).exists()


def test_the_garbage_collector_runs_again_after_a_book_is_built_or_updated(book, monkeypatch):
    # diglot serve builds in its own process, again and again: a pause must end with the job
    from diglot import heap

    monkeypatch.setattr(heap, "BIG", 10)
    real_disable, paused = gc.disable, []

    def disable():
        paused.append(True)
        real_disable()
    monkeypatch.setattr(gc, "disable", disable)
    build(book, "--force", "--jobs", "1")
    assert book.run("update").exit_code == 0
    assert len(paused) >= 2 and gc.isenabled() and gc.get_freeze_count() == 0
