"""Inline Markdown → spans: the one parser the editions and the checks share."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diglot.source.inline_fast import simple_spans as _simple_spans
from diglot.source.inline import Span, parse_spans, plain_text, profile, safe_url, spans


def test_styles_links_and_code():
    assert spans("a **b** *c* `d` [e](https://x.org)") == [
        Span("a "), Span("b", bold=True), Span(" "), Span("c", italic=True), Span(" "),
        Span("d", code=True), Span(" "), Span("e", href="https://x.org")]


def test_newline_is_a_hard_break_even_inside_emphasis():
    assert spans("un *deux\ntrois*") == [Span("un "), Span("deux", italic=True),
                                          Span("\n", br=True), Span("trois", italic=True)]


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "a < b & c", "<b>gras</b>", "&lt;",
])
def test_raw_html_is_text(text):
    assert all(not s.href for s in spans(text))
    assert plain_text(text) == text.replace("&lt;", "<")


@pytest.mark.parametrize("url, ok", [
    ("https://x.org", True), ("mailto:a@b.c", True), ("#ancre", True), ("page.html", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), ("data:text/html,x", False),
    ("vbscript:x", False), ("file:///etc/passwd", False),
])
def test_only_safe_urls_become_links(url, ok):
    assert safe_url(url) is ok
    assert any(s.href for s in spans(f"[x]({url})")) is ok


def test_reference_links_use_the_article_definitions():
    refs = {"REF": {"href": "https://ref.org", "title": ""}}
    assert spans("[t][ref]", refs) == [Span("t", href="https://ref.org")]


def test_profile_counts_markup():
    p = profile("**a** *b* `c` [d](u) [e](v)\nf")
    assert (p.bold, p.italic, p.code, p.links, p.breaks) == (1, 1, 1, ["u", "v"], 1)


@given(st.text(alphabet=st.sampled_from(
    list("aé Z9~:@#$%+-=^{}|'\"().,;/?\t\u00a0\u202f«»’😀") + ["*", "_", "`", "[", "]", "&", "<", "!", "\n"])))
def test_plain_text_shortcut_agrees_with_the_parser(text):
    assert spans(text) == parse_spans(text)


# Code spans and what can defeat them: runs of several backticks, spaces (stripped one each
# side unless all spaces), other whitespace (never stripped), and every markup character.
# Backticks and spaces come several times over so that most texts hold code spans.
_CODE_PIECES = (["a", "é", ":", "\t", "\u00a0", "x@y.org", "https://x.org", "&amp;"]
                + ["`"] * 6 + ["``"] * 3 + ["```"] + [" "] * 4
                + list("*_\\[]()<>&!\n\r\0"))
# Emphasis: the flanking rules turn on what stands either side of a delimiter (letters,
# ASCII and Unicode punctuation, symbols, Unicode spaces), and pairing on their order.
_EMPHASIS_PIECES = (["a", "é", "9", " ", "\u00a0", "\u2003", "\t", ".", ":", "(", ")", "«",
                     "»", "’", "€", "`", "`b`", "!", "]", ">", "[", "\\", "&", "<", "\n"]
                    + ["*"] * 6 + ["_"] * 5 + ["**", "__"])


@given(st.lists(st.sampled_from(_CODE_PIECES), max_size=14).map("".join))
def test_code_span_shortcut_agrees_with_the_parser(text):
    assert spans(text) == parse_spans(text)


@given(st.lists(st.sampled_from(_EMPHASIS_PIECES), max_size=16).map("".join))
def test_emphasis_shortcut_agrees_with_the_parser(text):
    assert spans(text) == parse_spans(text)


@pytest.mark.parametrize("text, expected", [
    ("voir :func:`len` et ``a`b``", [Span("voir :func:"), Span("len", code=True),
                                     Span(" et "), Span("a`b", code=True)]),
    ("`` ` `` puis ` `", [Span("`", code=True), Span(" puis "), Span(" ", code=True)]),
    ("``a` b", [Span("``a` b")]),  # no closer of the same length: literal backticks
    ("`a\\`b`", [Span("a\\", code=True), Span("b`")]),  # no escapes inside code
    ("le *mot* `x`", [Span("le "), Span("mot", italic=True), Span(" "), Span("x", code=True)]),
    ("*a `b` c*", [Span("a ", italic=True), Span("b", italic=True, code=True),
                   Span(" c", italic=True)]),
    ("_a *b_ c*", [Span("a *b", italic=True), Span(" c*")]),  # openers between are dropped
    ("snake_case_name et * seul", [Span("snake_case_name et * seul")]),
])
def test_fast_path_cases(text, expected):
    assert _simple_spans(text) == expected == parse_spans(text)


# Links: the fast path takes "[plain text](plain-url)" only; the rest goes to the parser.
_LINK_PIECES = (["[a](b)", "[a b](https://x.org/p)", "[t](/u#f)", "[x](javascript:y)", "[é](c d)",
                 "[a](b \"t\")", "[[a](b)](c)", "![i](p.png)", "[a](<b>)", "[a]()", "[a] (b)"]
                + list("[]()!*_` a\\<&") + ["](", "https://x", "**", "\n"])


@given(st.lists(st.sampled_from(_LINK_PIECES), max_size=12).map("".join))
def test_link_shortcut_agrees_with_the_parser(text):
    assert spans(text) == parse_spans(text)
    assert spans(text, {"A": {"href": "r", "title": ""}}) == parse_spans(text, {"A": {"href": "r", "title": ""}})


def test_fast_path_reads_plain_links():
    assert _simple_spans("*voir [la page](https://x.org/a) ici*") == [
        Span("voir ", italic=True), Span("la page", italic=True, href="https://x.org/a"),
        Span(" ici", italic=True)]


@pytest.mark.parametrize("text", ["`a` **b**", "`a` __b__", "`a` [b *c*](c)", "`a` <http://x>",
                                  "`a` &amp;", "`a\nb`", "\\`a`", "*a*\nb"])
def test_fast_path_leaves_other_markup_to_the_parser(text):
    assert _simple_spans(text) is None


def test_spans_compare_and_hash_by_value():
    """Spans are values (not frozen, for speed: see source/span.py): equal styles and text
    are one span, in a set or as a key."""
    a, b = Span("x", italic=True), Span("x", italic=True)
    assert a == b and hash(a) == hash(b)
    assert len({a, b, Span("x"), a.with_text("y")}) == 3
    # Spans travel pickled: to and from the forked processes, in kept parsed articles.
    assert pickle.loads(pickle.dumps(a, pickle.HIGHEST_PROTOCOL)) == a


def test_a_line_break_in_a_link_or_picture_title_is_no_backslash():
    """An attack round: a translator's Enter inside a link title published "Network\\" and
    a new line in the HTML title and the DOCX tooltip."""
    found = spans('See [the map](https://e.com "Network\nmap") and ![it](m.png "A\nB").')
    assert [s.link_title for s in found if s.href] == ["Network\nmap"]
    assert [s.title for s in found if s.image] == ["A\nB"]
