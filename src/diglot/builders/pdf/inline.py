"""Styled spans → the inline HTML of a PDF passage: emphasis, code, links (a web address
printed after its text), footnote calls as superscript numbers, and pictures embedded from
the project's files (``Bilingual.images``, read and checked by ``diglot.media``; the PDF
never opens a path itself: a picture goes in as a ``data:`` URI, and the engine loads
nothing else).
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from dataclasses import dataclass, field, replace
from functools import partial
from html import escape
from typing import Mapping

from diglot.builders.html_inline import WHOLE_CODE
from diglot.builders.pdf import runs
from diglot.model import Image, Picture
from diglot.source.inline import Span

# The formats WeasyPrint draws; any other picture shows its alt text, as in the DOCX.
PRINTED_ADDRESS = 200  # characters of a web address printed after its link's text
LINKED_ADDRESS = 2048  # characters of an address a link may have (browsers' own bound)
SPACED_CODE = '<code class="spaced">'  # code over WHOLE_CODE characters holding a space
_DRAWN = frozenset({"image/png", "image/jpeg", "image/gif", "image/svg+xml", "image/webp"})


@dataclass
class Context:
    """What inline HTML needs from its article: the notes' numbers by label, the pictures
    by source, and which side's picture to show (1: a translated ``chart.en.png``)."""

    notes: Mapping[str, int] = field(default_factory=dict)
    images: Mapping[str, Image] = field(default_factory=dict)
    side: int = 0
    common: frozenset[str] = frozenset()  # words the article writes in lower case too
    cell: bool = False  # a table's cell: its runs are measured apart (see pdf/runs.py)


def inline_html(items: list[Span], ctx: Context | None = None) -> str:
    """Styled spans as inline HTML; spans sharing a link make one link, and a web address
    is printed after its link text (a printed page cannot be clicked)."""
    ctx = ctx or Context()
    out: list[str] = []
    index = 0
    items = _spaces_inward(items)
    found = runs.marks([_in_runs(s, ctx) for s in items], runs.CELL if ctx.cell else runs.PROSE)
    while index < len(items):
        href = items[index].href
        end = index + 1
        while end < len(items) and items[end].href == href and not items[end].br:
            end += 1
        inner = "".join(_span_html(items[k], ctx, found[k]) for k in range(index, end))
        out.append(_link(href, inner, items[index:end], ctx) if _absolute(href) else inner)
        index = end
    return "".join(out)


def _spaces_inward(items: list[Span]) -> list[Span]:
    """A space just before a styled span moves into it (``passing <code>rb</code>`` →
    ``passing<code> rb</code>``): where that space is the line's last break opportunity,
    WeasyPrint 70 would otherwise break the line after its first word."""
    out = list(items)
    for k in range(len(out) - 1):
        here, after = out[k], out[k + 1]
        if after.markup or here.markup:
            continue  # a call or a picture: no text to move the space into
        styled = after.code or after.italic or after.bold or after.href != here.href
        if here.text.endswith(" ") and styled and not (here.br or after.br) and len(here.text) > 1:
            out[k] = replace(here, text=here.text[:-1])
            out[k + 1] = replace(after, text=" " + after.text)
    return out


def _absolute(href: str | None) -> bool:
    """Links that lead somewhere from a PDF: web and mail addresses (a link relative to the
    HTML edition's pages has no page to open here; its text stays, unlinked)."""
    return bool(href) and href.startswith(("http:", "https:", "mailto:"))


def _span_html(span: Span, ctx: Context, found: list) -> str:
    if span.br:
        return "<br>"
    if span.note is not None:
        return call(span, ctx)
    if span.image is not None:
        html = picture_html(span, ctx, found)
    else:  # long runs breakable; in prose, names kept whole
        plain = _escaped if span.code else partial(_named, ctx.common)
        html = runs.runs_html(span.text, found, plain)
    if span.code:
        html = _code(span.text, html)
    if span.italic:
        html = f"<i>{html}</i>"
    if span.bold:
        html = f"<b>{html}</b>"
    return html


def _in_runs(span: Span, ctx: Context) -> str | None:
    """What a span is to the search for runs (``runs.marks``): its text; a note call's
    ``GLUE``; None for a break or a drawn picture (a line may break around it), but a
    picture shown as its alt text is that text (an attack round: "ab![cd](https://…)"
    × 1,500, 42 KB, one word of alt texts, 125 s)."""
    if span.note is not None:
        return runs.GLUE
    if span.image is not None:
        return None if drawn(picture(ctx.images.get(span.image), ctx.side)) else span.text
    return None if span.br else span.text


def _code(text: str, html: str) -> str:
    """Inline code: short code one box, never stretched; longer code with spaces marked
    (``SPACED_CODE``: its passage is set ragged, so a justified line does not stretch the
    spaces it holds: an editor's review, "annotation    de    variable")."""
    if len(text.strip()) <= WHOLE_CODE:
        return f"<code>{_whole(html)}</code>"
    return f"{SPACED_CODE}{html}</code>" if " " in text.strip() else f"<code>{html}</code>"

# A word of six letters or more (shorter ones are never hyphenated: ``print.css``) with a
# capital in it: a proper name, an acronym, a word in camel case, and a sentence's first
# word too (a name often opens one: "Passepartout"; the break lost there is the price).
# Neither language's typography divides a name ("Zucker-berg", "Massa-chusetts": a reader's
# review).
# Its span holds the whole run of text between spaces it stands in ("l’Angleterre,"), and
# the space before it, as ``_spaces_inward`` does for styled spans: WeasyPrint 70 breaks a
# line badly where a span ends or starts away from a space ("« Sur ma foi, se dit
# Passepartout," was set alone on a line, stretched across the measure).
_NAME = re.compile(r" ?(?<!\S)\S*?\b(?=\w{6})\w*[A-ZÀ-ÖØ-ÞŒ]\w*\S*")


# Names kept whole in one run of text: each is a box WeasyPrint lays out, and an attack
# round's paragraph of 40,000 capitalised words took 110 s against 36 s in lower case.
_MAX_NAMES = 1000


def _kept_whole(found: re.Match, common: frozenset[str]) -> str:
    """The run in a span kept whole, unless its capitalised word is a common word the
    article also writes in lower case ("Certainly", "Parliament"… opening a sentence or
    capitalised by English: a reader's review counted 14 loose lines they cost Verne)."""
    word = _CAPITAL.search(found.group())
    if word is not None and word.group().lower() in common:
        return found.group()
    return f'<span class="name">{found.group()}</span>'


_CAPITAL = re.compile(r"(?=\w{6})\w*[A-ZÀ-ÖØ-ÞŒ]\w*")
_LOWER = re.compile(r"\b[a-zß-öø-ÿœ]{6,}\b")


def lower_words(texts) -> frozenset[str]:
    """The words of six letters or more written in lower case in ``texts``."""
    return frozenset(word for text in texts for word in _LOWER.findall(text))


def _whole(html: str) -> str:
    """Short code kept on one line ("[1, 2, 3]", "[a-zA-Z0-9_]"), as on the HTML page; a
    space moved into it from before (``_spaces_inward``) stays a place to break."""
    text = html.lstrip(" ")
    return f'{" " * (len(html) - len(text))}<span class="whole">{text}</span>'


def _escaped(text: str) -> str:
    return escape(text, quote=False)


def _named(common: frozenset[str], text: str) -> str:
    """Text escaped, each name in it kept whole (see ``_NAME``)."""
    return _NAME.sub(lambda found: _kept_whole(found, common), escape(text, quote=False),
                     count=_MAX_NAMES)


def call(span: Span, ctx: Context) -> str:
    """A footnote call: its note's number, raised, never first on a line (an unknown label
    stays as written)."""
    number = ctx.notes.get(span.note or "")
    if number is None:
        return escape(span.markdown, quote=False)
    # A word joiner ties the call to the word before it: a full line left it alone on
    # the next ("…imposée par s." then "2").
    return f'\u2060<sup class="call" data-call="{escape(span.note or "")}">{number}</sup>'


def picture_html(span: Span, ctx: Context, found: list | None = None) -> str:
    """An inline picture at the height of a line or two, else its alt text in italics
    (broken where a run through it breaks: ``found``, its marks)."""
    uri = picture_url(picture(ctx.images.get(span.image or ""), ctx.side))
    if not uri:
        return f"<i>{runs.runs_html(span.text, found or [], _escaped)}</i>"
    return f'<img class="inline" src="{uri}" alt="{escape(span.text)}">'


def picture(image: Image | None, side: int) -> Picture | None:
    if image is None:
        return None
    return image.target if side else image.source


def picture_url(found: Picture | None) -> str:
    """The picture's address for the layout engine, ``diglot-picture:<digest>``, its bytes
    kept in ``PICTURES`` ('' for a remote picture, never fetched, or a format the PDF cannot
    draw). A short name, not a ``data:`` URI: a 5 MB picture shown 30 times made 200 MB of
    page to read (an attack round: 38 s and 2.5 GB)."""
    if not drawn(found):
        return ""
    url = f"{SCHEME}{hashlib.sha256(found.data).hexdigest()}"
    PICTURES[url] = (found.data, _kind(found))
    return url


def drawn(found: Picture | None) -> bool:
    """Whether the PDF draws the picture (else its alt text stands in for it)."""
    return found is not None and not found.remote and bool(found.data) and \
        _kind(found) in _DRAWN


def _kind(found: Picture) -> str:
    return mimetypes.guess_type(found.path)[0] or ""


SCHEME = "diglot-picture:"
# The pictures of the book being made, by address: what the engine's fetcher serves
# (emptied as each book starts: ``builders.pdf``).
PICTURES: dict[str, tuple[bytes, str]] = {}


def _printed(address: str) -> str:
    """A web address as printed after its link's text: cut with an ellipsis past
    ``PRINTED_ADDRESS`` characters (the link itself keeps it whole). An attack round: a
    500,000-letter address used six times was set twelve times, 1,551 pages in 9 minutes."""
    return address if len(address) <= PRINTED_ADDRESS else address[:PRINTED_ADDRESS - 1] + "…"


def _link(href: str, inner: str, items: list[Span], ctx: Context) -> str:
    """A link with its address printed after its text (once: not after an address shown
    as its own text, which is cut as a printed one is). A link whose address is past
    ``LINKED_ADDRESS`` is printed only: WeasyPrint writes the whole address in each line's
    link area (a re-attack: a 94 KB address shown as its text, 59 s and 3.1 GB)."""
    shown = "".join(s.text for s in items if s.image is None and s.note is None).strip()
    address = href.removeprefix("mailto:")
    printed = shown not in (href, address)
    text = _printed(address)
    cut = runs.runs_html(text, runs.marks([text], runs.CELL if ctx.cell else runs.PROSE)[0],
                         _escaped)
    if not printed and len(address) > PRINTED_ADDRESS:
        inner = f'<span class="url">{cut}</span>'
    after = f' <span class="url">({cut})</span>' if printed else ""
    if len(href) > LINKED_ADDRESS:
        return f"{inner}{after}"
    return f'<a href="{escape(href)}">{inner}</a>{after}'
