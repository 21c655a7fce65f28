"""A book-length article's DOCX table is filled in two processes (builders/docx/apart): the
documents must be byte for byte the ones a single process writes, with the second half's
links, pictures and numbered lists renumbered as one process numbers them, and a lost
helper's rows made here. The threshold is lowered so that a few dozen passages count as a
book."""

from __future__ import annotations

import os

import pytest
from project_fixture import Proj
from support import png

from diglot.builders.docx import apart
from diglot.model import Block, ListLevel, Pair

PART = """## Partie {n}

Un paragraphe avec [un lien](https://exemple.org/{n}) et [un autre](https://exemple.org/commun).

![Le quai]({image} "Au matin")

Une image dans le texte ![petite](images/p{n}.png) et une distante ![loin](https://img.exemple.org/{n}.png).

- une puce
  1. imbriqué

1. premier point {n}
2. deuxième point avec [lien](https://exemple.org/liste)

| a | b |
|---|---|
| un {n} | [deux](https://exemple.org/table) |

1. après le tableau, une autre liste
2. qui ne continue pas la première

> Une citation {n}.

```
code {n}
```
"""


@pytest.fixture
def book(tmp_path):
    p = Proj(tmp_path)
    parts = "\n".join(PART.format(n=n, image="images/a.png" if n % 2 else "images/b.png")
                      for n in range(8))
    p.source("livre", f"# Le livre\n\nUne introduction.\n\n{parts}")
    p.write("source_fr/images/a.png", png(30, 20))
    p.write("source_fr/images/b.png", png(20, 30, (0, 90, 200)))
    p.write("source_fr/images/a.en.png", png(30, 20, (0, 200, 0)))
    for n in range(8):  # each part's own: pictures made in the second half too
        p.write(f"source_fr/images/p{n}.png", png(10 + n, 10, (n * 30, 0, 0)))
    p.run("update")
    p.translate("livre", {e.msgid: "EN " + e.msgid for e in p.po("livre").entries
                          if "deuxième" not in e.msgid})
    return p


def documents(p: Proj, *args: str) -> list[bytes]:
    result = p.run("build", "--format", "docx", "--force", *args)
    assert result.exit_code == 0, result.output
    return [(p.root / "build/docx" / name).read_bytes() for name in ("livre.docx", "edition.docx")]


@pytest.fixture
def split(monkeypatch) -> list[int]:
    """Where each table was split, from now on (book-length from 10 pairs)."""
    monkeypatch.setattr(apart, "MIN_PAIRS", 10)
    starts, real = [], apart.start

    def spy(*args):
        made = real(*args)
        starts.append(made.start if made else 0)
        return made

    monkeypatch.setattr(apart, "start", spy)
    return starts


def test_two_processes_write_the_documents_one_writes(book, split):
    whole = documents(book, "--jobs", "1")
    assert documents(book, "--jobs", "2") == whole
    assert split[-1] > 0  # the second build did split its table


def test_a_lost_helper_process_leaves_its_rows_to_this_one(book, split, monkeypatch):
    whole = documents(book, "--jobs", "1")
    real, parent = apart._fill, os.getpid()
    monkeypatch.setattr(apart, "_fill",  # killed in the forked process only
                        lambda *args: os._exit(1) if os.getpid() != parent else real(*args))
    assert documents(book, "--jobs", "2") == whole
    assert split[-1] > 0


def test_the_halves_never_meet_inside_a_list():
    def pair(text: str, lists=()) -> Pair:
        return Pair(Block("paragraph", text, 1, lists=lists), text, "translated")

    item = (ListLevel(True, 1, True),)
    body = [pair("x" * 50)] + [pair("y" * 50, item) for _ in range(6)] + [pair("z" * 50)] * 3
    at = apart._meeting(body)
    assert at == 7 and not body[at].block.lists  # past the middle, after the list
    assert apart._meeting([pair("y", item)] * 5) == 0  # one long list: no meeting point


def test_an_article_with_notes_is_filled_in_one_process(tmp_path, split):
    p = Proj(tmp_path)
    body = "\n".join(f"Le paragraphe {n}[^n].\n" for n in range(20))
    p.source("livre", f"# Le livre\n\n{body}\n[^n]: La note.\n")
    p.run("update")
    documents(p, "--jobs", "2")
    assert split == [0]


def test_halves_meeting_at_a_table_after_a_list_number_its_lists_as_one_process_does(
        book, split, monkeypatch):
    """The table ends the list before it, in both ways of filling (a list after the table
    starts again at its own number, not where the first one stopped)."""
    from diglot.model import TABLE_CELL

    real = apart._meeting

    def at_a_table(body):
        middle = real(body)
        return next(k for k in range(middle, len(body)) if body[k].block.kind == TABLE_CELL
                    and body[k - 1].block.lists)

    monkeypatch.setattr(apart, "_meeting", at_a_table)
    assert documents(book, "--jobs", "2") == documents(book, "--jobs", "1")
    assert split[-2] > 0
