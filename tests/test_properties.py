"""Property tests: random edit histories never lose a translation; update is idempotent;
the reader fails only with a typed error on arbitrary Markdown."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from diglot.errors import SourceError
from diglot.catalog.merge import merge
from diglot.po.model import Catalog, Entry
from diglot.source.reader import parse_article
from diglot.catalog.template import template

NOW = dt.datetime(2026, 11, 27, tzinfo=dt.timezone.utc)
WORDS = ["le", "chat", "dort", "sur", "un", "grand", "canapé", "rouge", "depuis", "ce", "matin",
         "chien", "jardin", "porte", "attend", "devant", "la", "bleu"]

sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=12).map(
    lambda ws: " ".join(ws).capitalize() + ".")
edit = st.tuples(st.sampled_from(["insert", "delete", "reword", "reorder", "restore"]),
                 st.integers(0, 50), sentence, st.integers(0, 11), st.sampled_from(WORDS))


def apply_edit(paragraphs: list[str], history: list[list[str]], op) -> list[str]:
    kind, pos, text, word_at, word = op
    p = list(paragraphs)
    if kind == "insert" or not p:
        p.insert(pos % (len(p) + 1), text)
    elif kind == "delete":
        del p[pos % len(p)]
    elif kind == "reword":
        words = p[pos % len(p)].rstrip(".").split()
        words[word_at % len(words)] = word
        p[pos % len(p)] = " ".join(words) + "."
    elif kind == "reorder":
        p.insert(0, p.pop(pos % len(p)))
    else:
        p = list(history[pos % len(history)])
    return p


def article_of(paragraphs: list[str]):
    return parse_article("\n\n".join(paragraphs) + "\n", "a", "source_fr/a.md")


def translate_all(catalog: Catalog) -> Catalog:
    """The translator fills every empty active entry."""
    from dataclasses import replace

    return Catalog(catalog.header, [e if e.msgstr or e.obsolete else replace(e, msgstr="EN " + e.msgid)
                                    for e in catalog.entries])


def translations(catalog: Catalog) -> set[str]:
    return {e.msgstr for e in catalog.entries if e.msgstr}


@given(st.lists(sentence, min_size=1, max_size=8, unique=True), st.lists(edit, max_size=12))
def test_random_edit_histories_never_lose_a_translation(start, edits):
    paragraphs, history = start, [start]
    catalog = translate_all(merge(Catalog(Entry("", "")), template(article_of(start), "p", NOW), 0.6).catalog)
    for op in edits:
        paragraphs = apply_edit(paragraphs, history, op) or ["Le chat."]
        history.append(paragraphs)
        pot = template(article_of(paragraphs), "p", NOW)
        known = translations(catalog)
        updated = merge(catalog, pot, 0.6).catalog
        assert known <= translations(updated)
        assert merge(updated, pot, 0.6).catalog.entries == updated.entries  # idempotent
        assert [e.msgid for e in updated.active] == [e.msgid for e in pot.entries]
        catalog = translate_all(updated)


@given(st.text(alphabet=st.sampled_from(list("#>-*_`[]()!\\<>&\n \t1.+=~|aé:\u00a0«»'\"")), max_size=200))
def test_reader_never_crashes_on_random_markdown(text):
    try:
        article = parse_article(text, "a", "source_fr/a.md")
    except SourceError:
        return
    for block in article.blocks:
        assert block.line >= 1
        assert "\r" not in block.text
