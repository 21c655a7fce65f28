"""A book-length HTML page is rendered in chunks of rows, kept between builds and shared
with a forked process (builders/html_split): the page must be byte for byte the one a
single pass writes, a build after one translation changed renders only that chunk again,
and kept rows diglot did not seal are never used. The thresholds are lowered so that a
page of a few dozen passages counts as book-length."""

from __future__ import annotations

import os

import pytest
from project_fixture import Proj

from diglot.builders import html_split

SOURCE = """# Le livre

Premier paragraphe. Il a deux phrases.

Un paragraphe répété.

- un élément de liste
- un autre élément. Avec deux phrases.

> Une citation. Encore une phrase ici.

```
du code
```

| a | b |
|---|---|
| un | deux |

{body}
Un paragraphe répété.

Le dernier paragraphe. Fin du livre.
"""


@pytest.fixture
def book(tmp_path):
    body = "\n".join(f"Le paragraphe {n}. Sa deuxième phrase dit {n * 7}.\n" for n in range(30))
    p = Proj(tmp_path)
    p.source("livre", SOURCE.format(body=body))
    p.run("update")
    mapping = {e.msgid: e.msgid.replace("Le paragraphe", "Paragraph").replace("phrase", "sentence")
               for e in p.po("livre").entries}
    del mapping["Le dernier paragraphe. Fin du livre."]  # shown in French: a stand-in row
    p.translate("livre", mapping)
    return p


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(html_split, "MIN_PAIRS", 10)
    monkeypatch.setattr(html_split, "CHUNK", 3)


def spied(monkeypatch) -> list[int]:
    """The first pair of each chunk rendered from now on (in this process: ``--jobs 1``)."""
    rendered = []
    original = html_split._render

    def spy(page_, rows, chunks, salt):
        rendered.extend(first for _, first, _, _ in chunks)
        return original(page_, rows, chunks, salt)

    monkeypatch.setattr(html_split, "_render", spy)
    return rendered


def page(p: Proj, *args: str) -> bytes:
    assert p.run("build", "--format", "html", *args).exit_code == 0
    return (p.root / "build/html/livre.html").read_bytes()


def rows_file(p: Proj):
    return p.root / "build/.diglot-cache/html/livre.html.rows"


def test_chunks_in_two_processes_write_the_page_one_pass_writes(book, monkeypatch):
    whole = page(book, "--force")
    assert not rows_file(book).exists()  # not book-length: one pass, nothing kept
    monkeypatch.setattr(html_split, "MIN_PAIRS", 10)
    monkeypatch.setattr(html_split, "CHUNK", 3)
    assert page(book, "--force", "--jobs", "2") == whole
    assert rows_file(book).exists()
    assert b'data-sentence="p-' in whole and b'id="p-' in whole


@pytest.mark.parametrize("first_jobs", ["1", "2"])  # 2: each process digests its own chunks
def test_after_one_edit_only_its_chunk_is_rendered_again(book, small_chunks, monkeypatch,
                                                         first_jobs):
    page(book, "--jobs", first_jobs)
    rendered = spied(monkeypatch)
    book.translate("livre", {"Le paragraphe 12. Sa deuxième phrase dit 84.":
                             "Paragraph twelve. Its second sentence says 84."})
    edited = page(book, "--jobs", "1")
    assert len(rendered) == 1
    assert b"Paragraph twelve." in edited
    assert page(book, "--force", "--jobs", "1") == edited


def test_a_french_edit_that_only_moves_lines_renders_no_row_again(book, small_chunks,
                                                                    monkeypatch):
    first = page(book, "--jobs", "1")
    rendered = spied(monkeypatch)
    source = book.root / "source_fr/livre.md"
    text = source.read_text(encoding="utf-8")  # the first paragraph over two lines, a blank more
    source.write_text(text.replace("Premier paragraphe. Il", "Premier paragraphe.\nIl")
                      .replace("\n\n> Une citation", "\n\n\n> Une citation"), encoding="utf-8")
    assert page(book, "--jobs", "1") == first
    assert rendered == []


def test_kept_rows_that_diglot_did_not_seal_are_not_used(book, small_chunks):
    page(book, "--jobs", "1")
    kept = rows_file(book).read_bytes()
    rows_file(book).write_bytes(kept.replace(b"Paragraph 3.", b"Forged 3."))
    book.translate("livre", {"Le paragraphe 20. Sa deuxième phrase dit 140.":
                             "Paragraph twenty. Its second sentence says 140."})
    edited = page(book, "--jobs", "1")
    assert b"Forged" not in edited and b"Paragraph 3." in edited
    assert page(book, "--force", "--jobs", "1") == edited


def test_a_page_with_notes_is_rendered_in_one_pass(tmp_path, small_chunks):
    p = Proj(tmp_path)
    body = "\n".join(f"Le paragraphe {n}[^n].\n" for n in range(20))
    p.source("livre", f"# Le livre\n\n{body}\n[^n]: La note.\n")
    p.run("update")
    page(p, "--jobs", "2")
    assert not rows_file(p).exists()


def test_the_kept_rows_go_with_their_article(book, small_chunks):
    page(book, "--jobs", "1")
    assert rows_file(book).exists()
    (book.root / "source_fr/livre.md").unlink()
    book.source("autre", "# Autre\n\nUn texte.\n")
    assert book.run("build", "--format", "html").exit_code == 0
    assert not rows_file(book).exists()
    assert not (book.root / "build/html/livre.html").exists()


def test_kept_chunks_round_trip_and_anything_else_reads_as_none():
    chunks = html_split.Chunks()
    chunks.made = {"a" * 40: "<p>Été « ici »</p>\n".encode(), "b" * 40: b"", "c" * 40: b"<p>\n</p>"}
    data = chunks.encode()
    assert html_split.Chunks.decode(data).kept == chunks.made
    for bad in (data[:-1], data + b"x", b"[[1, 2]]\nab", b"not json\n", b"\xff\n", b"", None):
        assert html_split.Chunks.decode(bad).kept == {}


def test_a_lost_helper_process_leaves_its_rows_to_this_one(book, monkeypatch):
    whole = page(book, "--force")
    monkeypatch.setattr(html_split, "MIN_PAIRS", 10)
    monkeypatch.setattr(html_split, "CHUNK", 3)
    real, parent = html_split._render, os.getpid()
    monkeypatch.setattr(html_split, "_render",  # killed in the forked process only
                        lambda *args: os._exit(1) if os.getpid() != parent else real(*args))
    assert page(book, "--force", "--jobs", "2") == whole
