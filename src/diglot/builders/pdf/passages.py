"""A translated article as the PDF edition's passages: one pair of sides (French, then what
the English pages show) per block, as inline HTML with French typography applied, and the
furniture around them (title, byline, legend). Pure view data: nothing here lays out text.

A new block kind slots in by giving ``_body`` a way to turn it into a ``Passage`` (its
classes style it in ``print.css``; its lines are measured like every other passage's).
Tables and figures are one passage each (``shapes``), a definition list a passage per term
and per definition (a term keeps with its definition), and footnotes passages of their own
(``notes``) that the paginator sets at the foot of the spread that calls them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from html import escape

from diglot.builders.code import code_lines
from diglot.builders.groups import group_end, introducers
from diglot.builders.pdf import runs, shapes, words
from diglot.builders.pdf.runs import RUN_MARK
from diglot.builders.pdf.inline import SPACED_CODE, Context, inline_html, lower_words
from diglot.model import (ALT, BLOCKQUOTE, CODE, DEFINITION, HEADING, LIST_ITEM, RULE,
                          TABLE_CELL, TERM, TRANSLATED, Bilingual, Block,
                          Pair, chapter_openings, section_level)
from diglot.source.inline import plain_text, spans
from diglot.typography import typeset

__all__ = ["Passage", "Setting", "Side", "inline_html", "notes", "passages", "split_title"]

_LEVEL = re.compile(r"h[1-6]")
_BULLETS = ("•", "◦", "▪")  # one per list depth, cycling, as the HTML edition draws them
_BREAKABLE_CODE = 12  # a code block of more lines may split across pages (else moved whole)
# The space above a passage, in passage gaps, by (kind before, kind): the first match wins.
_SPACES = ((("title", "byline"), 0.8), (("title", None), 2.0), (("byline", None), 2.5),
           ((HEADING, None), 0.8), ((None, "h2"), 3.0), ((None, HEADING), 2.2),
           ((None, "figure"), 1.8), (("figure", None), 1.8), ((None, "table"), 1.4),
           (("table", None), 1.4), ((LIST_ITEM, LIST_ITEM), 0.4), ((TERM, DEFINITION), 0.25), ((TERM, TERM), 0.25),
           ((DEFINITION, DEFINITION), 0.4))


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
    fresh: bool = False  # opens a chapter: starts a new spread (``chapter_break``)


@dataclass(frozen=True)
class Setting:
    """What the passages need from the edition: language tags, French house style."""

    tags: tuple[str, str]  # proofing tags of the source and target languages
    spacing: str  # french_spacing
    top: int = 2  # the article's top heading level (model.section_level), set as h2
    chapters: bool = False  # chapter_break: each chapter opens a new spread
    # the article's lower-case words, French then English (inline._kept_whole): with_words
    common: tuple[frozenset, frozenset] = (frozenset(), frozenset())


def passages(doc: Bilingual, setting: Setting) -> list[Passage]:
    """The article's passages in reading order: title, byline, legend, then the body, whose
    text passages are numbered 1, 2, 3… as in the HTML edition (for citing them)."""
    title, body = split_title(doc)
    setting = with_words(doc, replace(setting, top=section_level(body)))
    out = [_passage(title, doc, setting, "title", "title", "h1", keep=True)]
    out += _byline(doc, setting) + _legend(doc, setting)
    number, pairs, start = 0, [p for p in body if not p.block.note], 0
    openings = chapter_openings(pairs) if setting.chapters else set()
    leads = introducers(pairs)
    while start < len(pairs):
        end = group_end(pairs, start)
        number += pairs[start].block.kind not in (CODE, RULE)
        group = _group(pairs[start:end], doc, setting, number)
        if end - 1 in leads:  # "Voici un exemple :" stays with its code, table or list
            group[-1] = replace(group[-1], keep=True)
        out += [replace(group[0], fresh=True), *group[1:]] if start in openings else group
        start = end
    return [replace(p, space=_space(out[k - 1], p) if k else 0.0) for k, p in enumerate(out)]


def with_words(doc: Bilingual, setting: Setting) -> Setting:
    """``setting`` with the words each language of the article writes in lower case, read
    from its text as shown: not from link addresses or code ("microsoft" in an address made
    "Microsoft" divisible: a code review)."""
    if any(setting.common):
        return setting
    french = (p.block.text for p in doc.pairs)
    english = (p.target for p in doc.pairs if p.target)
    return replace(setting, common=(lower_words(map(_prose, french)),
                                    lower_words(map(_prose, english))))


# What is no prose in a segment's Markdown: code spans, link addresses, tags, bare addresses.
_NOT_PROSE = re.compile(r"`[^`]*`|\]\([^)]*\)|<[^>]*>|https?://\S+")


def _prose(text: str) -> str:
    return _NOT_PROSE.sub(" ", text)


def notes(doc: Bilingual, setting: Setting) -> list[tuple[str, Passage]]:
    """The article's footnotes, (label, passage) in number order: each note's paragraphs
    in each language, after its number."""
    found: dict[str, list[Pair]] = {}
    for pair in doc.pairs:
        if pair.block.note:
            found.setdefault(pair.block.note, []).append(pair)
    numbers = doc.article.notes
    out = []
    for label in sorted(found, key=lambda name: numbers.get(name, 0)):
        html = shapes.footnote(numbers.get(label, 0), found[label], _sides_of(doc, setting))
        sides = tuple(Side(tag, "div", text) for tag, text in zip(setting.tags, html))
        classes = "footnote ragged" if _ragged("".join(html)) else "footnote"
        out.append((label, Passage("footnote", classes, sides)))  # type: ignore[arg-type]
    return out


def footrule(setting: Setting) -> Passage:
    """The short rule over a page's footnotes."""
    side = Side(setting.tags[0], "div", "")
    return Passage("footrule", "footrule", (side, replace(side, lang=setting.tags[1])))


def _group(group: list[Pair], doc: Bilingual, setting: Setting, number: int) -> list[Passage]:
    """A table or a figure as one passage, a definition list group as a passage per term
    and per definition (the group's number on its first), any other block as itself."""
    kind = group[0].block.kind
    if kind == TABLE_CELL:
        french, english = shapes.table(group, _sides_of(doc, setting, noted=False))
        return [_shaped("table", (french, english + _table_notes(group, doc, setting)), setting,
                        number)]
    if kind == ALT:
        return [_figure(group, doc, setting, number)]
    if kind in (TERM, DEFINITION):
        return [_passage(pair, doc, setting, pair.block.kind, pair.block.kind,
                         keep=pair.block.kind == TERM, number=number if k == 0 else 0)
                for k, pair in enumerate(group)]
    return [_body(pair, doc, setting, number) for pair in group]


def _figure(group: list[Pair], doc: Bilingual, setting: Setting, number: int) -> Passage:
    alt = group[0]
    english = alt.target if alt.target is not None else alt.block.text
    alts = tuple(plain_text(text, doc.references) for text in (alt.block.text, english))
    html = shapes.figure(group, _sides_of(doc, setting), doc.images.get(alt.block.image),
                         alts)  # type: ignore[arg-type]
    return _shaped("figure", html, setting, number)


def _shaped(kind: str, html: tuple[str, str], setting: Setting, number: int) -> Passage:
    sides = tuple(Side(tag, "div", text) for tag, text in zip(setting.tags, html))
    return Passage(kind, kind, sides, number=number)  # type: ignore[arg-type]


def _ragged(html: str) -> bool:
    """Whether a passage is set ragged right (print.css's ``.ragged``): it holds a long
    run (runs.py) or long code with spaces (``inline._code``), which justification would
    stretch."""
    return RUN_MARK in html or SPACED_CODE in html


def _sides_of(doc: Bilingual, setting: Setting, noted: bool = True):
    """A pair → its (French, English) sides in elements ``tag``, for ``shapes``."""
    def sides(pair: Pair, tag: str):
        return _passage(pair, doc, setting, pair.block.kind, "", tag, noted=noted).sides
    return sides


def _table_notes(group: list[Pair], doc: Bilingual, setting: Setting) -> str:
    """Under a table, once, each note its shaded cells would carry (as the HTML and DOCX
    editions shade such cells without a note in each: a table of names, which translators
    leave as they are, was a grid of notes)."""
    lang = setting.tags[1]
    notes = dict.fromkeys(words.mark(pair.state, False, lang, doc.source_lang)
                          for pair in group if pair.fallback and pair.target is not None)
    return "".join(_note(note, lang) for note in notes)


def _space(before: Passage, passage: Passage) -> float:
    # a heading's level is a class of its own ("heading h2", "heading h2 ragged")
    level = next((c for c in passage.classes.split() if _LEVEL.fullmatch(c)), passage.kind)
    for (first, second), space in _SPACES:
        if first in (None, before.kind) and second in (None, passage.kind, level):
            return space
    return 1.0


def split_title(doc: Bilingual) -> tuple[Pair, tuple[Pair, ...]]:
    """The title pair and the rest (``Bilingual.title_and_rest``)."""
    return doc.title_and_rest()


def _body(pair: Pair, doc: Bilingual, setting: Setting, number: int) -> Passage:
    block = pair.block
    if block.kind == CODE:
        text = block.text.removesuffix("\n")
        lines = code_lines(runs.breakable(text))  # a line too long for any: see runs.py
        side = Side(setting.tags[0], "pre", lines)
        breakable = " breakable" if text.count("\n") >= _BREAKABLE_CODE else ""
        return Passage(CODE, "code" + breakable, (side, side), span=True)
    if block.kind == RULE:
        side = Side(setting.tags[0], "div", '<div class="ornament"></div>')
        return Passage(RULE, "rule", (side, side), span=True)
    if block.kind == HEADING:
        level = min(max(block.level - setting.top + 2, 2), 6)
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
             tag: str = "p", keep: bool = False, number: int = 0, marker: str = "",
             noted: bool = True) -> Passage:
    lead = f'<span class="marker">{escape(marker)}</span>' if marker else ""
    # a table's cell (``noted`` False) has its runs measured apart: see pdf/runs.py
    source = Side(setting.tags[0], tag, lead + _inline(pair.block.text, doc, setting, True, 0,
                                                       noted))
    target = _target(pair, doc, setting, tag, lead, noted)
    if noted and _ragged(source.html + target.html):
        classes = f"{classes} ragged".strip()
    return Passage(kind, classes, (source, target), keep=keep, number=number)


def _target(pair: Pair, doc: Bilingual, setting: Setting, tag: str, lead: str,
            noted: bool = True) -> Side:
    """The English side: the translation, or how the fallback policy stands in for it (the
    French shown has its note under it, unless ``noted`` is False: a table's cell)."""
    lang = setting.tags[1]
    if pair.state == TRANSLATED and pair.target is not None:
        return Side(lang, tag, lead + _inline(pair.target, doc, setting, False, 1, noted))
    if pair.fallback and pair.target is not None:  # the French, shown and typeset as French
        note = words.mark(pair.state, False, lang, doc.source_lang)
        text = _inline(pair.target, doc, setting, True, 1, noted)
        shown = f"<{tag}>{lead}{text}</{tag}>" + (_note(note, lang) if noted else "")
        return Side(setting.tags[0], "div", shown, "source")
    if doc.fallback == "placeholder":
        note = words.mark(pair.state, True, lang, doc.source_lang)
        return Side(lang, "div", _note(note, lang), "placeholder")
    return Side(lang, "div", "")  # "omit": the side stays blank, the French beside it


def _inline(text: str, doc: Bilingual, setting: Setting, french: bool, side: int,
            noted: bool = True) -> str:
    found = typeset(spans(text, doc.references), setting.tags[0 if french else 1], setting.spacing)
    return inline_html(found, Context(doc.article.notes, doc.images, side,
                                      setting.common[0 if french else 1], not noted))


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
