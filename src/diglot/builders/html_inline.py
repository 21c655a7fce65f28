"""One segment's inline Markdown → its HTML, for one column of one page: styled text,
links, hard breaks, images (the edition's copy of a local file, or a remote address the
page's policy allows), numbered footnote calls with unique ids, so each note can link back
to every call, and the sentence spans that link a sentence with its translation.

Written here rather than in the templates: every cell's inline HTML is made by this one
writer (the rows, the title, tables, figures, notes, and the EPUB's XHTML with its own
tags), where five copies of one Jinja2 loop wrote it before; on a 10,000-row page the
writer and the rows template take 0.26 s where the runs and that loop took 0.33 s. Every
text and attribute value is escaped as the templates' autoescaping does (``web.escape``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from diglot import crossref
from diglot.model import Bilingual, Image
from diglot.source.inline import spans
from diglot.typography import typeset
from diglot.web import Markup, escape

ASSETS = "assets/"  # the images' folder in the HTML edition
# A remote address that can stand in a Content-Security-Policy as it is.
_CSP_SAFE = re.compile(r"^https?://[^\s;,'\"]+$", re.IGNORECASE)


def note_id(col: str, number: int) -> str:
    return f"fn-{col}-{number}"


def call_id(col: str, number: int, nth: int) -> str:
    return f"fnref-{col}-{number}" + (f"-{nth}" if nth > 1 else "")


class Tags(NamedTuple):
    """The inline tags a dialect writes (str.format patterns, given escaped values): the
    page's HTML here, the EPUB's XHTML in builders/epub/chapter.py."""

    br: str
    img: str  # src, alt, then the title attribute or nothing
    title: str
    note: str  # number, note id, call id
    alt: str  # the alt text of an image that cannot be shown
    sentence: str  # a sentence link's id


HTML = Tags("<br>", '<img src="{}" alt="{}"{}>', ' title="{}"',
            '<sup class="call"><a href="#{1}" id="{2}" role="doc-noteref">{0}</a></sup>',
            '<span class="alt">{}</span>', '<span class="s" data-sentence="{}">')
# The styles' tags by (bold, italic, code): opening, closing.
_STYLES = {(b, i, c): ("<strong>" * b + "<em>" * i + "<code>" * c,
                       "</code>" * c + "</em>" * i + "</strong>" * b)
           for b in (False, True) for i in (False, True) for c in (False, True)}
_SPECIAL = re.compile(r"[&<>\"']")  # what escaping changes: most texts hold none
# A code span longer than this may wrap (class "long"); a shorter one (`rsync -a --delete`)
# is kept on one line, where a browser would break it after each hyphen and space. Twenty
# characters of code fit a phone's narrowest column (a list in a quotation, 390 px).
WHOLE_CODE = 20


class _Titled(str):
    """A link's address, with its title (``[text](url "title")``): a link of the same
    address and another title is another ``<a>``."""

    def __new__(cls, href: str, title: str) -> "_Titled":
        made = super().__new__(cls, href)
        made.title = title
        return made

    def __eq__(self, other) -> bool:
        return str.__eq__(self, other) is True and getattr(other, "title", None) == self.title

    def __ne__(self, other) -> bool:  # str's own would be used, titles unseen
        return not self.__eq__(other)

    __hash__ = str.__hash__


def _anchor(href: str, text: str) -> str:
    """A link's opening tag; an address shown as itself (<contact@a.org>) is marked, so
    print adds no copy of it."""
    title = f' title="{escape(href.title)}"' if type(href) is _Titled else ""
    address = str(href)  # a plain string: a _Titled one equals only its title's links
    if text in (address, address.removeprefix("mailto:")):
        return f'<a class="url" href="{escape(address)}"{title}>'
    return f'<a href="{escape(address)}"{title}>'


class Runs:
    """Inline HTML making for one page: it counts each column's calls of each note, and
    typesets French text (``spacing``: the house style, see ``typography``)."""

    TAGS = HTML

    SUFFIX = ".html"  # of the files a link to another article leads to (crossref)

    def __init__(self, doc: Bilingual, root: str, spacing: str = "narrow") -> None:
        self.doc, self.root, self.spacing = doc, root, spacing
        self.link = crossref.linker(doc, self.SUFFIX) if doc.articles else None
        self.calls: dict[tuple[str, int], int] = defaultdict(int)  # (col, number) → calls

    def of(self, text: str, col: str, lang: str = "") -> Markup:
        """The HTML of ``text`` shown in column ``col`` ("fr" or "en"; the English column
        shows a translated image's English file), typeset as ``lang`` writes."""
        return self.html(self.spans(text, lang), col)

    def spans(self, text: str, lang: str = "") -> list:
        """The styled spans of ``text``, typeset as ``lang`` writes."""
        found = spans(text, self.doc.references_for(lang != self.doc.target_lang))
        if self.link and (self.doc.references or crossref.mentions(text)):
            found = crossref.retarget(found, self.link)
        return typeset(found, lang, self.spacing)

    def html(self, items: list, col: str, marks=()) -> Markup:
        """Spans as HTML; ``marks`` are (offset, extra) pairs (a sentence's opening
        ``("s", id)`` or closing ``("/s",)``) put at plain-text offsets between them.
        Neighbouring spans with one link share one ``<a>``; a sentence mark closes it.
        Plain text is written in the loop itself: a book's page passes here 100,000 times."""
        out: list[str] = []
        current: object = _NONE  # the link of the spans being written: none yet
        for span in _marked(items, marks) if marks else items:
            if type(span) is _Mark:
                href, piece, new = None, self._mark(span.text), True
            elif span.note is None and span.image is None and not span.br:  # most spans
                href, piece = span.href, span.text
                if span.link_title and href is not None:  # a titled link: another <a>
                    href = _Titled(href, span.link_title)
                if _SPECIAL.search(piece):
                    piece = escape(piece)
                if span.bold or span.italic or span.code:
                    opening, closing = _STYLES[span.bold, span.italic, span.code]
                    if span.code and len(span.text) > WHOLE_CODE:
                        opening = opening.replace("<code>", '<code class="long">')
                    piece = f"{opening}{piece}{closing}"
                new = href != current
            else:
                href, piece = self._piece(span, col)
                new = current is _NONE or not span.br and href != current
            if new:
                if current is not None and current is not _NONE:
                    out.append("</a>")
                if href is not None:
                    out.append(_anchor(href, span.text))
                current = href
            out.append(piece)
        if current is not None and current is not _NONE:
            out.append("</a>")
        return Markup("".join(out))

    def _piece(self, span, col: str) -> tuple[str | None, str]:
        """A note call's, an image's or a hard break's link and HTML (a note call is never
        inside a link: it is one)."""
        if span.note is not None:
            return None, self._call(span, col)
        if span.image is not None:  # in a titled link, the link's <a> (a code review)
            href = _Titled(span.href, span.link_title) if span.link_title and span.href else span.href
            return href, self._image(span, "target" if col == "en" else "source")
        return span.href, self.TAGS.br

    def _mark(self, extra: tuple) -> str:
        return self.TAGS.sentence.format(escape(extra[1])) if extra[0] == "s" else "</span>"

    def _call(self, span, col: str) -> str:
        number = self.doc.article.notes.get(span.note)
        if number is None:  # no such note: the reference is text, as Markdown has it
            opening, closing = _STYLES[span.bold, span.italic, False]
            return f"{opening}{escape(span.markdown)}{closing}"
        self.calls[(col, number)] += 1
        nth = self.calls[(col, number)]
        return self.TAGS.note.format(number, escape(note_id(col, number)),
                                     escape(call_id(col, number, nth)))

    def _image(self, span, side: str) -> str:
        src = self.src(self.doc.images.get(span.image), side)
        if not src:
            return self.TAGS.alt.format(escape(span.text))
        title = self.TAGS.title.format(escape(span.title)) if span.title else ""
        return self.TAGS.img.format(escape(src), escape(span.text), title)

    def src(self, image: Image | None, side: str) -> str:
        """The address a page uses for an image ('' when it cannot show it)."""
        if image is None:
            return ""
        picture = image.target if side == "target" else image.source
        if picture.remote:
            return picture.url if _CSP_SAFE.match(picture.url) else ""
        return f"{self.root}{ASSETS}{picture.asset}"

    def backrefs(self, col: str, number: int) -> list[str]:
        """The ids of every call of a note in a column, in order."""
        return [call_id(col, number, nth) for nth in range(1, self.calls[(col, number)] + 1)]


class _Mark(NamedTuple):
    """A sentence mark among spans (see ``Runs.runs``); ``text`` holds its extra."""

    text: tuple
    href: None = None


def _marked(items: list, marks) -> list:
    """The spans with each mark inserted at its plain-text offset (a span split there; never
    inside an image or a note call, whose marks come right after it)."""
    out, pos, queue = [], 0, list(marks)
    for span in items:
        end = pos + len(span.text)
        while queue and (queue[0][0] <= pos or (queue[0][0] < end and not span.markup)):
            cut = queue[0][0] - pos
            if cut > 0:
                out.append(span.with_text(span.text[:cut]))
                span, pos = span.with_text(span.text[cut:]), queue[0][0]
            out.append(_Mark(queue.pop(0)[1]))
        out.append(span)
        pos = end
    return out + [_Mark(extra) for _, extra in queue]


_NONE = object()  # no link yet: the first span opens one, whatever its link


def image_sources(doc: Bilingual) -> list[str]:
    """What the page's policy must allow: 'self' for the edition's own copies, and each
    remote image by its exact address (nothing else loads)."""
    found = []
    for image in doc.images.values():
        for picture in (image.source, image.target):
            if not picture.remote:
                found.append("'self'")
            elif _CSP_SAFE.match(picture.url):
                found.append(picture.url)
    return sorted(set(found), key=lambda s: (s != "'self'", s))


def files(doc: Bilingual) -> dict[str, bytes]:
    """The edition's copies of a page's local images, by path in the output folder."""
    out = {}
    for image in doc.images.values():
        for picture in (image.source, image.target):
            if not picture.remote:
                out[ASSETS + picture.asset] = picture.data
    return out
