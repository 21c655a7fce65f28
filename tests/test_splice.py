"""review.splice: a reviewer's edit applied word by word. Whatever markup a msgstr holds, an
edited plain word changes that word and nothing else; an edit inside markup the cell cannot
show is refused (a conflict), never a silent loss."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from diglot.source.markdown_out import normalize
from diglot.review.splice import splice, words
from diglot.source.inline import spans

REFS = {"R": {"href": "https://r.org/", "title": ""}}
# Pieces whose Markdown says more than a Word cell shows, and plain ones.
RICH = ["![alt](a.png)", "[ref][r]", "&amp;", '[site](ftp://x.org "T")', "[t](https://x.org \"T\")",
        "&#233;"]
PLAIN = ["**bold**", "*it*", "_un_", "`code`", "[link](https://x.org/a)", "\\*", "«", "—", "."]


@st.composite
def msgstrs(draw):
    count = draw(st.integers(2, 12))
    tokens = [draw(st.sampled_from(RICH + PLAIN + ["WORD"] * 6)) for _ in range(count)]
    tokens = [f"v{i}q" if t == "WORD" else t for i, t in enumerate(tokens)]
    if not any(_plain_word(t) for t in tokens):
        tokens.append("v99q")
    return tokens


def _plain_word(token: str) -> bool:
    return token.startswith("v") and token.endswith("q")


def _edited(text: str, word: str, new: str):
    return [replace(s, text=s.text.replace(word, new)) for s in normalize(spans(text, REFS))]


@given(msgstrs(), st.data())
def test_an_edited_word_changes_that_word_only(tokens, data):
    old = " ".join(tokens)
    plain_words = [t for t in tokens if _plain_word(t)]
    word = data.draw(st.sampled_from(plain_words))
    cell = _edited(old, word, "zz")
    result = splice(old, cell, REFS)
    assert result is not None
    assert result.text == old.replace(word, "zz", 1)  # that word, and the rest as written
    for piece in tokens:
        if piece in RICH:
            assert piece in result.text
    assert words(normalize(spans(result.text, REFS))) == words(normalize(cell))


@given(msgstrs(), st.sampled_from(["ref", "site"]))  # an alt text is editable (shown as Markdown)
def test_an_edit_inside_rich_markup_is_refused(tokens, inner):
    old = " ".join(tokens)
    if not any(inner in t for t in tokens if t in RICH):
        return
    result = splice(old, _edited(old, inner, "qq"), REFS)
    assert result is None


def test_words_typed_inside_a_link_stay_in_that_one_link():
    """An attack round: "a link" typed in the cell's one hyperlink became two links,
    "[a ](u)[link](u "title")", the typed words without the title. Inside an untitled link
    the link is written whole again; inside a titled one the edit is a conflict, as any
    other edit of a titled link's text is."""
    def typed(old: str, before: str, after: str):
        cell = [replace(s, text=before + s.text) if s.href and s.text == "link" else s
                for s in normalize(spans(old, REFS))]
        cell = [replace(s, text=s.text + after) if s.href and s.text.endswith("link") else s
                for s in cell]
        return splice(old, cell, REFS)

    assert typed("A paragraph with [link](https://e.com/x).", "a ", "").text == \
        "A paragraph with [a link](https://e.com/x)."
    assert typed("A paragraph with [link](https://e.com/x).", "", " here").text == \
        "A paragraph with [link here](https://e.com/x)."
    assert typed('A paragraph with [link](https://e.com/x "T").', "a ", "") is None
    assert typed('See [link](https://e.com/x "T") and more.', "", "").text == \
        'See [link](https://e.com/x "T") and more.'  # nothing typed: kept as written
