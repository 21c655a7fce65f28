"""Inline Markdown → spans: the one parser the editions and the checks share."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diglot.inline import Span, parse_spans, plain_text, profile, safe_url, spans


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
