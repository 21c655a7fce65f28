"""One PDF from translated articles: passages measured, paginated article by article, a
page skeleton laid out (front matter, then an empty sheet per page with its running head),
the measured passages moved onto their sheets, and the pages written.

Facing pages: French on the left-hand (even) pages, English on the right-hand (odd) pages;
each article opens on a left-hand page, so that its spreads are pairs of facing pages.
An article's own PDF starts with a title page (page 1, a right-hand page); the edition
with its title page, a blank back, and the contents on page 3. Pages are numbered in one
sequence (verso/recto), as the PDF counts them: a page number names one page, the
contents, a viewer's "go to page" and ``pdftotext -f`` agree.
Columns: French left and English right on every page, each article on a new page.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from diglot import __version__, heap
from diglot.builders import BuildContext
from diglot.builders.pdf import boxes, graft, markup, split, thread, words
from diglot.builders.pdf.engine import Engine
from diglot.builders.pdf.measure import measure
from diglot.builders.pdf.paginate import paginate
from diglot.builders.pdf.passages import (Setting, footrule, notes, passages, split_title,
                                           with_words)
from diglot.builders.pdf.style import geometry, pages_css, part_css
from diglot.model import Bilingual
from diglot.source.inline import plain_text
from diglot.typography import typeset_plain


NUMBER_GAP = 6.0  # points between the text and a passage number in the margin
NUMBER_SPACE = 28.0  # a left-hand number's box (22 pt) and its gap
RULE_SPACE = 9.0  # points between the text and the rule over the footnotes
NOTE_GAP = 2.5  # points under each footnote
SKELETON_SHEETS = 50  # pages laid out at once (an even number: whole spreads)


@dataclass
class _Article:
    doc: Bilingual
    first: int  # index of its first passage in the edition's list
    count: int
    anchor: str
    note_first: int = 0  # index of its first footnote in the edition's list
    labels: list[str] = field(default_factory=list)  # its footnotes' labels, in order


def article(doc: Bilingual, ctx: BuildContext) -> bytes:
    french, english = titles(doc, ctx)
    front = markup.Front(french, english if english != french else "",
                         words.byline(doc.article.author, doc.article.date, _tags(doc, ctx)[0]),
                         _edition_lines(doc, ctx))
    meta = _meta(doc, ctx, french, (doc.article.author,) if doc.article.author else ())
    return _book([doc], ctx, front if _layout(ctx) == "facing" else None, meta)


def edition(docs: list[Bilingual], ctx: BuildContext) -> bytes:
    first = docs[0] if docs else None
    tags = _tags(first, ctx)
    entries = [markup.Entry(*titles(doc, ctx), f"article-{n + 1}") for n, doc in enumerate(docs)]
    lines = _edition_lines(first, ctx) if first else ()
    if ctx.config.build_date:
        built = ctx.built.date()
        lines = tuple(f"{line} · {_built(built, tag, first)}" for line, tag in zip(lines, tags))
    heading = " · ".join(dict.fromkeys(words.words("contents", tag, *tags) for tag in tags))
    other = ctx.title_in(first.target_lang if first else ctx.config.languages[0])
    authors = ctx.authors([d.article for d in docs])
    front = markup.Front(ctx.title, other, ", ".join(authors), lines=lines, heading=heading,
                         entries=entries, head=ctx.title)
    return _book(docs, ctx, front, _meta(first, ctx, ctx.title, authors))


def titles(doc: Bilingual, ctx: BuildContext) -> tuple[str, str]:
    """The title in French (typeset) and in English (empty when untranslated)."""
    pair, _ = split_title(doc)
    english = pair.target if pair.target is not None and not pair.fallback else ""
    french = typeset_plain(_flat(pair.block.text, doc), doc.source_lang, ctx.config.french_spacing)
    return french, typeset_plain(_flat(english, doc), doc.target_lang)


def _flat(text: str, doc: Bilingual) -> str:
    return plain_text(text, doc.references).replace("\n", " ") if text else ""


@dataclass
class Book:
    """What the pages of one PDF are made from: its articles (each with its place in the
    passages and footnotes), their passages and footnotes, the front matter and metadata."""

    geo: object
    ctx: BuildContext
    articles: list[_Article]
    passages: list
    footnotes: list
    front: markup.Front | None
    meta: markup.Meta


def _book(docs: list[Bilingual], ctx: BuildContext, front: markup.Front | None,
          meta: markup.Meta) -> bytes:
    with heap.paused():
        return thread.on_fresh_stack(_make, docs, ctx, front, meta)


def _make(docs: list[Bilingual], ctx: BuildContext, front: markup.Front | None,
          meta: markup.Meta) -> bytes:
    book = Book(geometry(_layout(ctx), ctx.config.page_size), ctx, *_gather(docs, ctx),
                front, meta)
    if split.wanted(book):
        return split.make(book)
    engine = Engine()
    measured = measure(engine, book.geo, book.passages, meta, book.footnotes)
    return draw(engine, book, plans(book, measured), measured)


def plans(book: Book, measured) -> list:
    """Each article's spreads (the paginator's plan)."""
    return [_paginate(a, measured, book.geo) for a in book.articles]


def sheets(book: Book, plans_: list) -> list[markup.Sheet]:
    return [sheet for a, plan in zip(book.articles, plans_)
            for sheet in _sheets(a, plan, book.geo, book.ctx, _openings(book, a, plan))]


def _openings(book: Book, a: _Article, plan) -> set[int]:
    """The article's spreads that a chapter opens (``chapter_break``)."""
    return {n for n, spread in enumerate(plan)
            if any(not p.kind and p.first and book.passages[a.first + p.item].fresh
                   for p in spread)}


def draw(engine, book: Book, plans_: list, measured, part: tuple[int, int, int] | None = None):
    """The PDF of the book's pages; or, for ``part`` ``(lo, hi, first)``, an
    ``engine.Part`` of its sheets ``lo`` to ``hi`` numbered from page ``first`` (with the
    front matter when ``lo`` is 0). ``measured`` holds at least their passages."""
    pages = sheets(book, plans_)
    lo, hi, first = part or (0, len(pages), 1)
    skeleton, page_boxes = _skeleton(engine, book, pages, lo, hi, first)
    found = graft.sheets(page_boxes)
    for a, plan in zip(book.articles, plans_):
        _fill(a, plan, measured, found, book.geo)
    if part is None:
        return engine.write(skeleton, page_boxes, graft.languages(page_boxes))
    return engine.write_part(skeleton, page_boxes)


def _skeleton(engine, book: Book, pages: list[markup.Sheet], lo: int, hi: int, first: int):
    """The laid-out pages of sheets ``lo`` to ``hi`` (the first numbered ``first``), with
    the front matter before sheet 0: a document, and every page's box. They are laid out
    ``SKELETON_SHEETS`` at a time, each run numbered on from the last: WeasyPrint's page
    layout costs time in pages squared (1,385 empty pages: 8.8 s at once, 5.0 s in runs of
    50). An edition's contents point at every article: its pages are laid out at once."""
    step = hi - lo if book.front and book.front.entries else SKELETON_SHEETS
    documents, page_boxes, number = [], [], first
    for start in range(lo, max(hi, lo + 1), max(step, 1)):
        front = markup.front(book.front, book.meta.langs) if book.front and start == 0 else ""
        css = pages_css(book.geo) + (part_css(number) if start else "")
        html = front + markup.sheets(pages[start:min(hi, start + step)])
        documents.append(engine.layout(markup.document(book.meta, html), css))
        page_boxes += boxes.page_boxes(documents[-1])
        number += len(documents[-1].pages)
    return documents[0], page_boxes


def front_pages(engine, book: Book, first: markup.Sheet) -> int:
    """How many pages come before the first sheet (the front matter, and a blank page to
    open the article on a left-hand page)."""
    if not book.front:
        return 0
    html = markup.front(book.front, book.meta.langs) + markup.sheets([first])
    return len(engine.layout(markup.document(book.meta, html), pages_css(book.geo)).pages) - 1


def _gather(docs: list[Bilingual], ctx: BuildContext):
    """Each article's place in the edition's passages and footnotes, the passages, and
    the footnotes (the last "note": the rule over them, when there are any)."""
    everything, articles, footnotes = [], [], []
    for number, doc in enumerate(docs):
        setting = with_words(doc, Setting(_tags(doc, ctx), ctx.config.french_spacing,
                                          chapters=ctx.config.chapter_break))
        found, labelled = passages(doc, setting), notes(doc, setting)
        articles.append(_Article(doc, len(everything), len(found), f"article-{number + 1}",
                                 len(footnotes), [label for label, _ in labelled]))
        everything += found
        footnotes += [note for _, note in labelled]
    return articles, everything, footnotes + ([footrule(setting)] if footnotes else [])


def _paginate(a: _Article, measured, geo):
    """The article's spreads, its footnotes at their foot (each note pair as tall as its
    taller side, and a gap)."""
    items = measured.items[a.first:a.first + a.count]
    if not a.labels:
        return paginate(items, geo.text_height)
    index = {label: k for k, label in enumerate(a.labels)}
    items = _uncalled_at_end([item if item.calls == ((), ()) else replace(item, calls=tuple(
        tuple((top, index[label]) for top, label in side if label in index)
        for side in item.calls)) for item in items], len(a.labels))
    heights = tuple(max(measured.note_heights[a.note_first + k]) + NOTE_GAP
                    for k in range(len(a.labels)))
    rule = max(measured.note_heights[-1]) + RULE_SPACE
    lines = measured.note_lines[a.note_first:a.note_first + len(a.labels)]
    return paginate(items, geo.text_height, heights, rule, lines)


def _uncalled_at_end(items: list, count: int) -> list:
    """A note the text never calls is still the author's and the translator's: it goes
    at the foot of the article's last spread, as if called from its last line."""
    called = {k for item in items for side in item.calls for _, k in side}
    missing = tuple(k for k in range(count) if k not in called)
    if not missing or not items:
        return items
    last = items[-1]
    top = last.sides[0][-1].top if last.sides[0] else 0.0
    return items[:-1] + [replace(last, calls=(last.calls[0] + tuple((top, k) for k in missing),
                                              last.calls[1]))]


def _sheets(a: _Article, plan, geo, ctx: BuildContext, openings: set[int]) -> list[markup.Sheet]:
    """The article's pages: two per spread (facing) or one (columns); its opening spread
    and those its chapters open without running heads, as a book's chapters open (a title
    is on them)."""
    french, english = titles(a.doc, ctx)
    recto = (english or french) if geo.layout == "facing" else _pair_head(french, english)
    sides = (0, 1) if geo.layout == "facing" else (0,)
    out = []
    for spread in range(len(plan)):
        heads = (ctx.title, recto) if spread and spread not in openings else ("", "")
        for side in sides:
            out.append(markup.Sheet(f"{a.anchor}/{spread}/{side}", *heads, side == 1,
                                    "" if out else a.anchor))
    return out


def _pair_head(french: str, english: str) -> str:
    return f"{french} · {english}" if english and len(french) + len(english) < 90 else french


def _fill(a: _Article, plan, measured, found, geo) -> None:
    """Move each planned piece of the article's passages onto its sheet, and each
    passage's number beside its first line, on the same baseline."""
    for number, spread in enumerate(plan):
        if f"{a.anchor}/{number}/0" not in found:
            continue  # a page of another part of the book
        for piece in spread:
            sheet_side = piece.side if geo.layout == "facing" else 0
            where = found[f"{a.anchor}/{number}/{sheet_side}"]
            x = geo.side_x(piece.side)
            if piece.kind:
                _foot(a, piece, measured, where, x)
            else:
                _piece(a.first + piece.item, piece, measured, where, x, geo)


def _piece(index: int, piece, measured, where, x: float, geo) -> None:
    """A piece of a passage (a table's continuation under its header rows again), and
    the passage's number by its first line."""
    box = measured.boxes[index][piece.side]
    graft.onto(*where, box, piece.start, piece.end, x, piece.y)
    head = measured.items[index].head
    if head and piece.start > 0:
        graft.copy_onto(*where, measured.tables[index][piece.side], x, piece.y - head, head)
    mark = measured.numbers[index][piece.side] if piece.first else None
    if mark is not None:
        beside = -NUMBER_SPACE if piece.side == 0 else geo.text_width + NUMBER_GAP
        y = piece.y + measured.offsets[index][piece.side]
        graft.onto(*where, mark, 0.0, boxes.height(mark), beside, y)


def _foot(a: _Article, piece, measured, where, x: float) -> None:
    """A copy of the rule or of a footnote at the foot of a page (one may go on several)."""
    if piece.kind == "rule":
        box, y = measured.notes[-1][piece.side], piece.y + RULE_SPACE
    else:
        box = measured.notes[a.note_first + piece.item][piece.side]
        graft.onto(*where, box.deepcopy(), piece.start, piece.end, x, piece.y)
        return
    graft.copy_onto(*where, box, x, y)


def _layout(ctx: BuildContext) -> str:
    return ctx.config.pdf_layout


def _tags(doc: Bilingual | None, ctx: BuildContext) -> tuple[str, str]:
    source = doc.source_lang if doc else ctx.config.source_language
    target = doc.target_lang if doc else ctx.config.languages[0]
    return ctx.config.proofing_tag(source), ctx.config.proofing_tag(target)


def _edition_lines(doc: Bilingual, ctx: BuildContext) -> tuple[str, ...]:
    return tuple(words.words("edition", tag, doc.source_lang, doc.target_lang)
                 for tag in _tags(doc, ctx))


def _built(day, tag: str, doc: Bilingual) -> str:
    return words.words("built on", tag, doc.source_lang, doc.target_lang).format(
        words.long_date(day, tag))


def _meta(doc: Bilingual | None, ctx: BuildContext, title: str, authors) -> markup.Meta:
    tags = _tags(doc, ctx)
    subject = words.words("edition", "en", tags[0], tags[1])
    created = ctx.built.strftime("%Y-%m-%dT%H:%M:%SZ")
    return markup.Meta(title, tuple(authors), tags, created, subject, f"diglot {__version__}")
