"""The HTML the PDF edition lays out: the measuring documents (every passage side, one
after another, at its final width) and the page skeleton (title page, contents, and one
empty fixed-height sheet per page, with its running head, that the measured passages are
then moved into). Plain strings, every text escaped.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from html import escape

from diglot.builders.pdf.passages import Passage


@dataclass(frozen=True)
class Meta:
    """The PDF's metadata: title, authors, languages, creation time, subject."""

    title: str
    authors: tuple[str, ...]
    langs: tuple[str, str]  # language tags: the document's language first
    created: str  # W3C date-time
    subject: str
    generator: str


@dataclass(frozen=True)
class Sheet:
    """One page of text: its key (for grafting), the running heads a left-hand and a
    right-hand page would show, whether it is an English page (numbers in the right
    margin), and whether it opens an article (an anchor for the contents)."""

    key: str
    verso: str
    recto_head: str
    recto: bool
    opens: str = ""  # the anchor of the article it opens


@dataclass(frozen=True)
class Entry:
    """A contents line: the article's titles and the anchor of its first page."""

    title: str
    other: str
    anchor: str


@dataclass
class Front:
    """Front matter: a title page and, for an edition, the contents."""

    title: str
    other: str = ""  # the title in the other language (an article's title page)
    byline: str = ""
    lines: tuple[str, ...] = ()  # the edition's description, one line per language
    heading: str = ""  # the contents' heading
    entries: list[Entry] = field(default_factory=list)
    head: str = ""  # the running head over the contents pages


def document(meta: Meta, body: str, body_class: str = "", lang: str = "") -> str:
    langs = ", ".join(meta.langs)
    head = [
        '<meta charset="utf-8">',
        f"<title>{escape(meta.title)}</title>",
        *(f'<meta name="author" content="{escape(a)}">' for a in meta.authors),
        f'<meta name="description" content="{escape(meta.subject)}">',
        f'<meta name="keywords" content="{escape(langs)}">',
        f'<meta name="languages" content="{escape(langs)}">',
        f'<meta name="generator" content="{escape(meta.generator)}">',
        f'<meta name="dcterms.created" content="{escape(meta.created)}">',
    ]
    tongue = f' lang="{escape(lang)}"' if lang else ""
    return (f'<!DOCTYPE html><html lang="{escape(meta.langs[0])}"><head>{"".join(head)}</head>'
            f'<body class="{body_class}"{tongue}>{body}</body></html>')


def measuring(items: list[tuple[str, Passage]], side: int, lang: str, numbers: str) -> str:
    """The body of a measuring document: ``(key, passage)`` → that passage's side
    ``side``, in order, keyed by ``data-m``, one element each (a language attribute only
    where it differs from ``lang``, the document's); then, unless ``numbers`` is empty,
    the passage numbers (keyed ``n`` + key), set for the ``numbers`` margin (left, right)."""
    html = "".join(_side(key, passage.sides[side], passage.classes, lang) for key, passage in items)
    if numbers:
        html += "".join(f'<p class="num {numbers}" data-m="n{key}">{passage.number}</p>'
                        for key, passage in items if passage.number)
    return html


def _side(key: str, part, classes: str, lang: str) -> str:
    marked = " marked" if part.marked else ""
    tongue = f' lang="{escape(part.lang)}"' if part.lang != lang else ""
    return (f'<{part.tag} class="passage {classes}{marked}"{tongue} data-m="{key}">'
            f"{part.html}</{part.tag}>")


def sheets(pages: list[Sheet]) -> str:
    return "".join(_sheet(page) for page in pages)


def _sheet(page: Sheet) -> str:
    anchor = f' id="{page.opens}"' if page.opens else ""
    classes = "sheet" + (" recto" if page.recto else "") + (" opens" if page.opens else "")
    return (f'<div class="{classes}"{anchor} data-sheet="{page.key}" '
            f'data-verso="{escape(running(page.verso))}" '
            f'data-recto="{escape(running(page.recto_head))}"></div>')


# A running head holds one line: a longer title is cut at a word, as books shorten theirs
# (an attack round: every page set an 8,000-word title again, 91 s for 95 pages).
RUNNING = 80


def running(title: str) -> str:
    """A title as a running head shows it: at most ``RUNNING`` characters, cut at a word
    and ended with "…"."""
    if len(title) <= RUNNING:
        return title
    cut = title[:RUNNING - 1]
    return (cut[:cut.rfind(" ")] if " " in cut[RUNNING // 2:] else cut).rstrip(" ,;:.-–—") + "…"


def front(matter: Front, langs: tuple[str, str]) -> str:
    """The title page, then (for an edition) the contents."""
    parts = [f'<h1 lang="{langs[0]}">{_title(matter.title)}</h1>']
    if matter.other:
        parts.append(f'<p class="other" lang="{langs[1]}">{_title(matter.other)}</p>')
    if matter.byline:
        parts.append(f'<p class="byline">{escape(matter.byline)}</p>')
    parts += [f'<p class="edition" lang="{lang}">{escape(line)}</p>'
              for lang, line in zip(langs, matter.lines)]
    html = f'<section class="front">{"".join(parts)}</section>'
    return html + (_contents(matter, langs) if matter.entries else "")


def _title(title: str) -> str:
    """A centred title's HTML: a long one broken after its colon, as a typesetter breaks it
    ("Llama 4 : Le prochain modèle d’IA / de Meta" split the phrase: a reader's review)."""
    found = _COLON.search(title)  # one a space follows: not "10:30", not "https://"
    if found is not None and len(title) > _ONE_LINE and found.start() >= 4 \
            and len(title) - found.end() >= 8:
        head, tail = title[:found.end()], title[found.end():].strip()
        return f"{escape(head)}<br>{escape(_tied(tail))}"
    return escape(_tied(title))


_COLON = re.compile(r":(?=\s)")


_ONE_LINE = 34  # characters a title page's line holds at its size


def _tied(title: str) -> str:
    """A centred title's last two words tied, when short: never one word alone on its last
    line ("Llama 4 : Le prochain modèle d’IA de" over "Meta": a reader's review)."""
    words = title.rsplit(" ", 2)
    if len(words) == 3 and len(words[1]) + len(words[2]) <= 16:
        return f"{words[0]} {words[1]}\u00a0{words[2]}"
    return title


def _contents(matter: Front, langs: tuple[str, str]) -> str:
    items = "".join(_entry(entry, langs) for entry in matter.entries)
    head = escape(running(matter.head))
    return (f'<section class="contents" data-verso="{head}" data-recto="{head}">'
            f"<h2>{escape(matter.heading)}</h2><ol>{items}</ol></section>")


def _entry(entry: Entry, langs: tuple[str, str]) -> str:
    other = f'<div class="en" lang="{langs[1]}">{escape(entry.other)}</div>' if entry.other else ""
    return (f'<li><a href="#{entry.anchor}" lang="{langs[0]}">{escape(entry.title)}</a>'
            f"{other}</li>")
