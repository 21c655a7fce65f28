"""A translated article as the PDF edition's passages: one pair of sides (French, then what
the English pages show) per block, as inline HTML with French typography applied, and the
furniture around them (title, byline, legend). Pure view data: nothing here lays out text.

A new block kind slots in by giving ``_body`` a way to turn it into a ``Passage`` (its
classes style it in ``print.css``; its lines are measured like every other passage's).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape

from diglot.model import (BLOCKQUOTE, CODE, HEADING, LIST_ITEM, RULE, TITLE, TRANSLATED,
                          UNTRANSLATED, Bilingual, Block, Pair)
from diglot.builders.pdf import words
from diglot.source.inline import Span, spans
from diglot.typography import typeset

_BULLETS = ("•", "◦", "▪")  # one per list depth, cycling, as the HTML edition draws them
_BREAKABLE_CODE = 12  # a code block of more lines may split across pages (else moved whole)
# The space above a passage, in passage gaps, by (kind before, kind): the first match wins.
_SPACES = ((("title", "byline"), 0.8), (("title", None), 2.0), (("byline", None), 2.5),
           ((HEADING, None), 0.8), ((None, "h2"), 3.0), ((None, HEADING), 2.2),
           ((LIST_ITEM, LIST_ITEM), 0.4))


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a passage: its language tag, the element that holds it and that
    element's inner HTML, and how it stands in for a missing translation (``marked``: ""
    for text, else ``source`` or ``placeholder``)."""

    lang: str
    tag: str
    html: str
    marked: str = ""


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage pair: its kind and CSS classes, both sides, the space above it (in
    passage gaps), whether it keeps with the next, whether it spans both columns (code,
    rules), and its citation number (0: none)."""

    kind: str
    classes: str
    sides: tuple[Side, Side]
    space: float = 1.0
    keep: bool = False
    span: bool = False
    number: int = 0


@dataclass(frozen=True)
class Setting:
    """What the passages need from the edition: language tags, French house style."""

    tags: tuple[str, str]  # proofing tags of the source and target languages
    spacing: str  # french_spacing


def passages(doc: Bilingual, setting: Setting) -> list[Passage]:
    """The article's passages in reading order: title, byline, legend, then the body, whose
    text passages are numbered 1, 2, 3… as in the HTML edition (for citing them)."""
    title, body = split_title(doc)
    out = [_passage(title, doc, setting, "title", "title", "h1", keep=True)]
    out += _byline(doc, setting) + _legend(doc, setting)
    number = 0
    for pair in body:
        number += pair.block.kind not in (CODE, RULE)
        out.append(_body(pair, doc, setting, number))
    return [replace(p, space=_space(out[k - 1], p) if k else 0.0) for k, p in enumerate(out)]


def _space(before: Passage, passage: Passage) -> float:
    level = passage.classes.split()[-1]
    for (first, second), space in _SPACES:
        if first in (None, before.kind) and second in (None, passage.kind, level):
            return space
    return 1.0


def split_title(doc: Bilingual) -> tuple[Pair, tuple[Pair, ...]]:
    """The title pair (front-matter title, else a leading level-1 heading) and the rest;
    without either, a title pair made from the article's title."""
    first = doc.pairs[0] if doc.pairs else None
    if first and (first.block.kind == TITLE or (first.block.kind == HEADING and first.block.level == 1)):
        return first, doc.pairs[1:]
    block, target = Block(TITLE, doc.title, 0), doc.title_target
    if target is not None:
        return Pair(block, target, TRANSLATED), doc.pairs
    if doc.fallback == "source":
        return Pair(block, doc.title, UNTRANSLATED, fallback=True), doc.pairs
    return Pair(block, None, UNTRANSLATED), doc.pairs


def _body(pair: Pair, doc: Bilingual, setting: Setting, number: int) -> Passage:
    block = pair.block
    if block.kind == CODE:
        text = block.text.removesuffix("\n")
        side = Side(setting.tags[0], "pre", escape(text, quote=False))
        breakable = " breakable" if text.count("\n") >= _BREAKABLE_CODE else ""
        return Passage(CODE, "code" + breakable, (side, side), span=True)
    if block.kind == RULE:
        side = Side(setting.tags[0], "div", '<div class="ornament"></div>')
        return Passage(RULE, "rule", (side, side), span=True)
    if block.kind == HEADING:
        level = min(max(block.level, 2), 6)
        return _passage(pair, doc, setting, HEADING, f"heading h{level}", f"h{level}", True, number)
    return _passage(pair, doc, setting, block.kind, _classes(block), number=number,
                    marker=_marker(block))


def _classes(block: Block) -> str:
    """The classes for a body block's look: its kind, list depth and quote depth."""
    names = ["item" if block.lists else "quote" if block.kind == BLOCKQUOTE else "text"]
    if block.lists:
        names.append(f"d{min(len(block.lists), 6)}")
    if block.quote_depth:
        names.append(f"q{min(block.quote_depth, 6)}")
    return " ".join(names)


def _marker(block: Block) -> str:
    """The innermost list's bullet or number, only on an item's first paragraph."""
    if not block.lists or not block.lists[-1].first:
        return ""
    level = block.lists[-1]
    return f"{level.number}." if level.ordered else _BULLETS[(len(block.lists) - 1) % 3]


def _passage(pair: Pair, doc: Bilingual, setting: Setting, kind: str, classes: str,
             tag: str = "p", keep: bool = False, number: int = 0, marker: str = "") -> Passage:
    lead = f'<span class="marker">{escape(marker)}</span>' if marker else ""
    source = Side(setting.tags[0], tag, lead + _inline(pair.block.text, doc, setting, True))
    target = _target(pair, doc, setting, tag, lead)
    return Passage(kind, classes, (source, target), keep=keep, number=number)


def _target(pair: Pair, doc: Bilingual, setting: Setting, tag: str, lead: str) -> Side:
    """The English side: the translation, or how the fallback policy stands in for it."""
    lang = setting.tags[1]
    if pair.state == TRANSLATED and pair.target is not None:
        return Side(lang, tag, lead + _inline(pair.target, doc, setting, False))
    if pair.fallback and pair.target is not None:  # the French, shown and typeset as French
        note = words.mark(pair.state, False, lang, doc.source_lang)
        text = _inline(pair.target, doc, setting, True)
        return Side(setting.tags[0], "div", f"<{tag}>{lead}{text}</{tag}>{_note(note, lang)}",
                    "source")
    if doc.fallback == "placeholder":
        note = words.mark(pair.state, True, lang, doc.source_lang)
        return Side(lang, "div", _note(note, lang), "placeholder")
    return Side(lang, "div", "")  # "omit": the side stays blank, the French beside it


def _inline(text: str, doc: Bilingual, setting: Setting, french: bool) -> str:
    found = spans(text, doc.references)
    if french:
        found = typeset(found, setting.tags[0], setting.spacing)
    return inline_html(found)


def _note(text: str, lang: str) -> str:
    return f'<p class="note" lang="{escape(lang)}">{escape(text)}</p>'


def _byline(doc: Bilingual, setting: Setting) -> list[Passage]:
    article = doc.article
    if not (article.author or article.date):
        return []
    sides = tuple(Side(tag, "p", escape(words.byline(article.author, article.date, tag)))
                  for tag in setting.tags)
    return [Passage("byline", "byline", sides, keep=True)]  # type: ignore[arg-type]


def _legend(doc: Bilingual, setting: Setting) -> list[Passage]:
    if all(p.state == TRANSLATED for p in doc.pairs):
        return []
    text = (words.words(f"legend {doc.fallback}", tag, doc.source_lang, doc.target_lang)
            for tag in setting.tags)
    sides = tuple(Side(tag, "p", escape(t)) for tag, t in zip(setting.tags, text))
    return [Passage("legend", "legend", sides)]  # type: ignore[arg-type]


# --- inline HTML -----------------------------------------------------------------------------

def inline_html(items: list[Span]) -> str:
    """Styled spans as inline HTML; spans sharing a link make one link, and a web address
    is printed after its link text (a printed page cannot be clicked)."""
    out: list[str] = []
    index = 0
    items = _spaces_inward(items)
    while index < len(items):
        href = items[index].href
        end = index + 1
        while end < len(items) and items[end].href == href and not items[end].br:
            end += 1
        inner = "".join(_span_html(s) for s in items[index:end])
        out.append(_link(href, inner, items[index:end]) if _absolute(href) else inner)
        index = end
    return "".join(out)


def _spaces_inward(items: list[Span]) -> list[Span]:
    """A space just before a styled span moves into it (``passing <code>rb</code>`` →
    ``passing<code> rb</code>``): where that space is the line's last break opportunity,
    WeasyPrint 70 would otherwise break the line after its first word."""
    out = list(items)
    for k in range(len(out) - 1):
        here, after = out[k], out[k + 1]
        styled = after.code or after.italic or after.bold or after.href != here.href
        if here.text.endswith(" ") and styled and not (here.br or after.br) and len(here.text) > 1:
            out[k] = replace(here, text=here.text[:-1])
            out[k + 1] = replace(after, text=" " + after.text)
    return out


def _absolute(href: str | None) -> bool:
    """Links that lead somewhere from a PDF: web and mail addresses (a link relative to the
    HTML edition's pages has no page to open here; its text stays, unlinked)."""
    return bool(href) and href.startswith(("http:", "https:", "mailto:"))


def _span_html(span: Span) -> str:
    if span.br:
        return "<br>"
    html = escape(span.text, quote=False)
    if span.code:
        html = f"<code>{html}</code>"
    if span.italic:
        html = f"<i>{html}</i>"
    if span.bold:
        html = f"<b>{html}</b>"
    return html


def _link(href: str, inner: str, items: list[Span]) -> str:
    shown = "".join(s.text for s in items).strip()
    address = href.removeprefix("mailto:")
    printed = shown not in (href, address)
    after = f' <span class="url">({escape(address, quote=False)})</span>' if printed else ""
    return f'<a href="{escape(href)}">{inner}</a>{after}'
