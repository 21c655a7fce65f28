"""Segmentation: the contract between French sources and PO msgids."""

from __future__ import annotations

import pytest

from diglot.errors import SourceError
from diglot.model import (BLOCKQUOTE, CODE, DEFINITION, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL,
                          TERM, TITLE)
from diglot.source.reader import decode_source, parse_article


def blocks(text: str):
    return [(b.kind, b.text) for b in parse_article(text, "a", "source_fr/a.md").blocks]


@pytest.mark.parametrize("source, expected", [
    ("# Titre\n", [(HEADING, "Titre")]),
    ("### Trois ###\n", [(HEADING, "Trois")]),
    ("Titre\n=====\n", [(HEADING, "Titre")]),
    ("Une ligne\net la suite.\n", [(PARAGRAPH, "Une ligne et la suite.")]),
    ("Dur  \nretour\n", [(PARAGRAPH, "Dur\nretour")]),
    ("Dur\\\nretour\n", [(PARAGRAPH, "Dur\nretour")]),
    ("Un `code\nsur deux` lignes\n", [(PARAGRAPH, "Un `code sur deux` lignes")]),
    ("**gras** et *italique* et [lien](http://x.org)\n",
     [(PARAGRAPH, "**gras** et *italique* et [lien](http://x.org)")]),
    ("Espaces\u00a0: « guillemets » et l’apostrophe\u202f!\n",
     [(PARAGRAPH, "Espaces\u00a0: « guillemets » et l’apostrophe\u202f!")]),
    ("<b>brut</b> & <script>x</script>\n", [(PARAGRAPH, "<b>brut</b> & <script>x</script>")]),
    ("<div>\nbloc\n</div>\n", [(PARAGRAPH, "<div> bloc </div>")]),
    ("- un\n- deux\n", [(LIST_ITEM, "un"), (LIST_ITEM, "deux")]),
    ("1. un\n   suite\n2. deux\n", [(LIST_ITEM, "un suite"), (LIST_ITEM, "deux")]),
    ("- parent\n  - enfant\n- frère\n", [(LIST_ITEM, "parent"), (LIST_ITEM, "enfant"), (LIST_ITEM, "frère")]),
    ("> cité\n> encore\n>\n> second\n", [(BLOCKQUOTE, "cité encore"), (BLOCKQUOTE, "second")]),
    ("```py\nx = 1\n```\n", [(CODE, "x = 1\n")]),
    ("    indenté\n", [(CODE, "indenté\n")]),
])
def test_segments(source, expected):
    assert blocks(source) == expected


def test_front_matter_title_is_a_segment_and_author_is_not():
    article = parse_article("---\ntitle: Mon titre\nauthor: Moi\n---\n\nTexte.\n", "a", "p.md")
    assert [(b.kind, b.text, b.line) for b in article.blocks] == [
        (TITLE, "Mon titre", 2), (PARAGRAPH, "Texte.", 6)]
    assert article.title == "Mon titre" and article.author == "Moi"


def test_title_defaults_to_first_level_one_heading():
    assert parse_article("Intro.\n\n# Le titre\n", "a", "p.md").title == "Le titre"


def test_lines_are_source_lines():
    article = parse_article("# T\n\nUn.\n\n- a\n  - b\n", "a", "p.md")
    assert [b.line for b in article.blocks] == [1, 3, 5, 6]


def test_list_structure_is_kept():
    article = parse_article("3. trois\n   - sous\n4. quatre\n", "a", "p.md")
    first, sub, second = article.blocks
    assert (first.lists[0].ordered, first.lists[0].number) == (True, 3)
    assert len(sub.lists) == 2 and not sub.lists[1].ordered
    assert second.lists[0].number == 4


def test_reference_links_are_resolved_from_the_article():
    article = parse_article("[texte][ref]\n\n[ref]: https://example.org\n", "a", "p.md")
    assert article.references["REF"]["href"] == "https://example.org"


@pytest.mark.parametrize("source, line, message", [
    ("---\ntitle: x\n", 1, "front matter opened with '---' is never closed"),
    ("---\ntitle: [x\n---\n", 2, "front matter is not valid YAML"),
    ("---\ntitle: B\nauthor: [Claire\ndate: 2026-03-14\n---\n", 4,
     "front matter is not valid YAML (expected ',' or ']', but got ':', while parsing a flow "
     "sequence opened on line 3); fix it"),
    ("---\ntitle: Le tramway : vingt-cinq ans\n---\n", 2, "front matter is not valid YAML "
     "(mapping values are not allowed here); a value holding \": \" needs quotes: "
     "title: \"Le tramway : vingt-cinq ans\""),
    ("---\ntags: [a]\ntitre: Mon titre\n---\n", 3, "front matter key 'titre' is not one "
     "diglot reads; write 'title:' (title, author, date are read)"),
    ("---\nAuthor: Moi\n---\n", 2, "front matter key 'Author' is not one diglot reads; "
     "write 'author:'"),
    ("---\n- a\n---\n", 2, "front matter must be a mapping"),
    ("---\ntitle: 12\n---\n", 2, "front matter 'title' must be text"),
    ("---\ntitle: T\ndate: [1, 2]\n---\n", 3, "front matter 'date' (a list) is not a date "
     "diglot can read; write it as 2026-03-14"),
    ("---\ndate: 3.5\n---\n", 2, "front matter 'date' (a number) is not a date"),
    ("Un\n\nbip\x07\n", 3, "control character U+0007"),
    ('---\ntitle: "Un\\bdeux"\n---\n', 2, "control character U+0008 in the front matter's "
     "'title'"),
    ('---\ntitle: Livre\nauthor: "Jean\\aDupont"\n---\n', 3, "control character U+0007 in "
     "the front matter's 'author'"),
])
def test_bad_sources_raise_with_line(source, line, message):
    with pytest.raises(SourceError) as info:
        parse_article(source, "a", "source_fr/a.md")
    assert info.value.line == line and info.value.path == "source_fr/a.md"
    assert message in info.value.message


@pytest.mark.parametrize("extra", ["tags: [a, b]\nslug: tram", "published: true",
                                   "authors: [Moi, Toi]", "Title: Le tram", "date: 2026-03-01\npublished: 2026-03-02"])
def test_front_matter_keys_of_the_writers_own_are_left_alone(extra):
    """Other tools' keys (Jekyll's published, Hugo's authors), and a near miss beside the
    key itself, are no mistake."""
    article = parse_article(f"---\ntitle: Le tram\n{extra}\n---\n\nUn texte.\n", "a",
                            "source_fr/a.md")
    assert article.title == "Le tram"


def test_non_utf8_names_file_line_and_fix():
    with pytest.raises(SourceError) as info:
        decode_source("Un\nd\xe9j\xe0\n".encode("latin-1"), "source_fr/a.md")
    assert str(info.value).startswith("source_fr/a.md:2: not valid UTF-8; convert the file")


def test_bom_and_crlf_simply_work():
    text = decode_source("# Titre\r\n\r\nUn\r\ndeux\r\n".encode("utf-8-sig"), "a.md")
    assert blocks(text) == [(HEADING, "Titre"), (PARAGRAPH, "Un deux")]


def test_an_article_survives_pickling_whole():
    # The forked parse sends a book back pickled, and the build keeps it pickled.
    import pickle
    from pathlib import Path

    text = (Path(__file__).parent / "cases/showcase/article.md").read_text(encoding="utf-8")
    article = parse_article(text, "showcase", "source_fr/showcase.md")
    kinds = {block.kind for block in article.blocks}
    assert {TABLE_CELL, TERM, DEFINITION, LIST_ITEM, CODE} <= kinds and article.notes
    again = pickle.loads(pickle.dumps(article, pickle.HIGHEST_PROTOCOL))
    assert again == article and again.blocks[5].lists == article.blocks[5].lists
