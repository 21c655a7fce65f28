"""The PDF edition's passages made of several pairs, as the other editions show them: a
table (the French table on the French side, the English one on the English side: one
passage pair, its header row set apart, each column aligned as the Markdown says), a figure
(the picture itself on each side, the French file or its translated variant, with the alt
text and caption in that side's language under it), and a footnote (its paragraphs, after
its number, in each language). Pure view data: ``passages`` makes the Passages.
"""

from __future__ import annotations

from html import escape
from typing import Callable

from diglot.builders.pdf.inline import picture, picture_url
from diglot.model import Image, Pair

_ALIGN = {"left": "al-l", "center": "al-c", "right": "al-r"}

# A pair → its French and English sides (``passages.Side``), each in an element ``tag``.
SidesOf = Callable[[Pair, str], tuple]


def table(pairs: list[Pair], sides_of: SidesOf) -> tuple[str, str]:
    """Each side's ``<table>``: the header row in ``thead``, the others in ``tbody``."""
    rows: tuple[list, list] = ([], [])
    for pair in pairs:
        cell = pair.block.cell
        tag, align = ("th" if cell.header else "td"), _ALIGN.get(cell.align, "")
        for side_rows, side in zip(rows, sides_of(pair, "span")):
            if cell.column == 1 or not side_rows:
                side_rows.append((cell.header, []))
            side_rows[-1][1].append(_cell(tag, align, side))
    return _table(rows[0]), _table(rows[1])


def _cell(tag: str, align: str, side) -> str:
    classes = (align + _shaded(side)).strip()
    attribute = f' class="{classes}"' if classes else ""
    return f'<{tag}{attribute} lang="{escape(side.lang)}">{_content(side)}</{tag}>'


def _table(rows: list) -> str:
    head = "".join(_row(cells) for header, cells in rows if header)
    body = "".join(_row(cells) for header, cells in rows if not header)
    return (f"<table>{f'<thead>{head}</thead>' if head else ''}"
            f"{f'<tbody>{body}</tbody>' if body else ''}</table>")


def _row(cells: list[str]) -> str:
    return f"<tr>{''.join(cells)}</tr>"


def _shaded(side) -> str:
    """The class of a part standing in for a missing translation (shaded, as a passage)."""
    return " marked" if side.marked else ""


def _content(side) -> str:
    """A side's inner HTML, whatever element held it (a fallback's is a ``div``)."""
    return side.html if side.tag == "div" else f"<{side.tag}>{side.html}</{side.tag}>"


def figure(pairs: list[Pair], sides_of: SidesOf, image: Image | None,
           alts: tuple[str, str]) -> tuple[str, str]:
    """Each side's picture (its alt text ``alts[side]``, plain) with its caption under it;
    the alt text printed only where it stands for the picture or for a caption (a reader's
    review: printed over the caption, it said the caption again in other words; the other
    formats show the caption alone)."""
    texts = [sides_of(pair, "span") for pair in pairs]
    out = []
    for side in (0, 1):
        uri = picture_url(picture(image, side))
        img = f'<img class="picture" src="{uri}" alt="{escape(alts[side])}">' if uri else ""
        shown = list(zip(("alt", "caption"), texts))[1 if uri and len(texts) > 1 else 0:]
        lines = "".join(f'<div class="{kind}{_shaded(found[side])}">{_content(found[side])}</div>'
                        for kind, found in shown)
        out.append(f'<div class="frame">{img}</div>{lines}')
    return out[0], out[1]


def footnote(number: int, pairs: list[Pair], sides_of: SidesOf) -> tuple[str, str]:
    """Each side's note: its number, then its paragraphs."""
    out = []
    for side in (0, 1):
        parts = [sides_of(pair, "span")[side] for pair in pairs]
        lead = f'<span class="fnum">{number}</span>'
        out.append("".join(f'<div class="fpara{_shaded(part)}">{lead if k == 0 else ""}'
                           f"{_content(part)}</div>" for k, part in enumerate(parts)))
    return out[0], out[1]
