"""View data for the HTML page's structured rows, each a group of consecutive pairs:
a table (the French table in the French column, the English one in the English column),
a figure (its image once across both columns, or each column's own translated image, with
the two captions side by side), a definition list group (terms then their definitions) and
the notes at the end of the article (each note's paragraphs side by side, with links back
to every call in its column). The templates in ``parts.html.j2`` write the tags.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from diglot.builders.html_index import plain
from diglot.builders.html_inline import Runs, note_id
from diglot.model import TERM, Pair

_ALIGN = {"left": "al-l", "center": "al-c", "right": "al-r"}
_WIDE = 40  # characters: a cell of sentences rather than of words or figures

CellsOf = Callable[[Pair], tuple]  # a pair → its (French cell, English cell)


class Table(NamedTuple):
    lang: str
    label: str  # the scrolling box's accessible name ("Tableau 1", "Table 1")
    rows: list  # [[(tag, align class, cell)]]

    @property
    def many(self) -> bool:
        """Too many columns for half a printed page: on paper the French table is set
        across the page above the English one, as in the DOCX (diglot.css)."""
        return max(map(len, self.rows), default=0) >= MANY_COLUMNS


MANY_COLUMNS = 6


def table(pairs: list[Pair], cells_of: CellsOf, langs: tuple[str, str],
          labels: tuple[str, str]) -> tuple[Table, Table]:
    """The French and the English table of a group of cell pairs."""
    sides: tuple[list, list] = ([], [])
    for pair in pairs:
        cell = pair.block.cell
        tag, align = "th" if cell.header else "td", _ALIGN.get(cell.align, "")
        if max(len(pair.block.text), len(pair.target or "")) > _WIDE:
            align = f"{align} wide".strip()  # a phone gives it room to read (diglot.css)
        for side, shown in zip(sides, cells_of(pair)):
            if cell.column == 1 or not side:
                side.append([])
            side[-1].append((tag, align, shown))
    number = pairs[0].block.cell.table
    return (Table(langs[0], labels[0].format(number), sides[0]),
            Table(langs[1], labels[1].format(number), sides[1]))


class Figure(NamedTuple):
    shared: bool  # one image for both columns (no translated image)
    images: list  # [(column, lang, src, alt)] ('' src: the alt text stands in)
    captions: tuple | None  # (French cell, English cell)


def figure(pairs: list[Pair], cells_of: CellsOf, runs: Runs, langs: tuple[str, str]) -> Figure:
    alt = pairs[0]
    image = runs.doc.images.get(alt.block.image)
    shared = image is None or not image.translated
    target_alt = alt.target if alt.target is not None else alt.block.text
    refs = runs.doc.references
    images = [("fr", langs[0], runs.src(image, "source"), plain(alt.block.text, refs)),
              ("en", langs[1] if not alt.fallback else langs[0], runs.src(image, "target"),
               plain(target_alt, refs))]
    captions = cells_of(pairs[1]) if len(pairs) > 1 else None
    return Figure(shared, images, captions)


def definitions(pairs: list[Pair], cells_of: CellsOf) -> list:
    """[(tag, French cell, English cell)]: ``dt`` for terms, ``dd`` for definitions."""
    return [("dt" if p.block.kind == TERM else "dd", *cells_of(p)) for p in pairs]


class Note(NamedTuple):
    number: int
    anchor: str
    ids: tuple[str, str]  # each column's note id, the target of its calls
    paragraphs: list  # [(French cell, English cell)]
    backrefs: tuple[list, list]  # each column's call ids


def notes(pairs: list[tuple[Pair, str]], cells_of: CellsOf, runs: Runs) -> list[Note]:
    """Each note's paragraph pairs, in number order; built after the text's rows, when every
    call has been counted."""
    found: dict[str, Note] = {}
    numbers = runs.doc.article.notes
    for pair, anchor in pairs:
        label = pair.block.note
        if label not in found:
            number = numbers.get(label, 0)
            found[label] = Note(number, anchor, (note_id("fr", number), note_id("en", number)),
                                [], (runs.backrefs("fr", number), runs.backrefs("en", number)))
        found[label].paragraphs.append(cells_of(pair))
    return sorted(found.values(), key=lambda note: note.number)
