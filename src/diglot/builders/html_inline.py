"""One segment's inline Markdown → the runs the HTML templates write, for one column of one
page: styled text, links, hard breaks, images (the edition's copy of a local file, or a
remote address the page's policy allows) and numbered footnote calls with unique ids, so
each note can link back to every call.

A run is ``(href, items)``; an item is ``(text, bold, italic, code, br, extra)`` where
``extra`` is None for text, ``("img", src, alt, title)`` for an image, ``("note", number,
note id, call id)`` for a footnote call, or ``("alt", alt)`` for an image that cannot be
shown (its alt text stands in).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from diglot.model import Bilingual, Image
from diglot.source.inline import spans
from diglot.typography import typeset

ASSETS = "assets/"  # the images' folder in the HTML edition
# A remote address that can stand in a Content-Security-Policy as it is.
_CSP_SAFE = re.compile(r"^https?://[^\s;,'\"]+$", re.IGNORECASE)


def note_id(col: str, number: int) -> str:
    return f"fn-{col}-{number}"


def call_id(col: str, number: int, nth: int) -> str:
    return f"fnref-{col}-{number}" + (f"-{nth}" if nth > 1 else "")


class Runs:
    """Run making for one page: it counts each column's calls of each note, and typesets
    French text (``spacing``: the house style, see ``typography``)."""

    def __init__(self, doc: Bilingual, root: str, spacing: str = "narrow") -> None:
        self.doc, self.root, self.spacing = doc, root, spacing
        self.calls: dict[tuple[str, int], int] = defaultdict(int)  # (col, number) → calls

    def of(self, text: str, col: str, lang: str = "") -> list:
        """The runs of ``text`` shown in column ``col`` ("fr" or "en"; the English column
        shows a translated image's English file), typeset as ``lang`` writes."""
        return self.runs(self.spans(text, lang), col)

    def spans(self, text: str, lang: str = "") -> list:
        """The styled spans of ``text``, typeset as ``lang`` writes."""
        return typeset(spans(text, self.doc.references), lang, self.spacing)

    def runs(self, items: list, col: str, marks=()) -> list:
        """Spans as runs; ``marks`` are (offset, extra) pairs (a sentence's opening
        ``("s", id)`` or closing ``("/s",)``) put at plain-text offsets between them."""
        side = "target" if col == "en" else "source"
        runs: list = []
        for span in _marked(items, marks) if marks else items:
            href = span.href
            if type(span) is _Mark:  # a sentence mark: never inside a link
                runs.append((None, [("", False, False, False, False, span.text)]))
                continue
            if span.note is not None:
                item, href = self._call(span, col), None  # a link cannot hold the call's link
            elif span.image is not None:
                item = self._image(span, side)
            else:
                item = (span.text, span.bold, span.italic, span.code, span.br, None)
            if runs and (span.br or href == runs[-1][0]):
                runs[-1][1].append(item)
            else:
                runs.append((href, [item]))
        return runs

    def _call(self, span, col: str) -> tuple:
        number = self.doc.article.notes.get(span.note)
        if number is None:  # no such note: the reference is text, as Markdown has it
            return (span.markdown, span.bold, span.italic, False, False, None)
        self.calls[(col, number)] += 1
        nth = self.calls[(col, number)]
        extra = ("note", number, note_id(col, number), call_id(col, number, nth))
        return ("", span.bold, span.italic, False, False, extra)

    def _image(self, span, side: str) -> tuple:
        src = self.src(self.doc.images.get(span.image), side)
        extra = ("img", src, span.text, span.title) if src else ("alt", span.text)
        return ("", span.bold, span.italic, False, False, extra)

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
