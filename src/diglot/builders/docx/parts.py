"""The structured rows of a DOCX article: a table (a real Word table nested in each
column's cell: French left, English right, header row styled, rows kept whole and level),
a figure (its picture once across both columns, or each column's translated
picture, then the two captions side by side) and the notes a column never calls.
"""

from __future__ import annotations

import re

from diglot.builders.docx.text import column_heading
from diglot.builders.docx.markup import docx_link
from diglot.model import Pair
from diglot.ooxml import xml as x
from diglot.ooxml.runs import NOTE_CODE_STYLE
from diglot.ooxml.styles import SHORT_ROW, sid

HEADER_FILL = "F2F2F2"
RULES = ("top", "bottom", "insideH")  # a table's lines: no verticals, as in print
_ALIGN = {"left": "left", "center": "center", "right": "right"}


def table_row(article, tbl, pairs: list[Pair]) -> None:
    """The French table left and the English one right, in one row, each row as high as
    the higher of its two languages' (so the rows stay level, as on the HTML page), and the
    whole table kept on one page when it is short enough, set a point smaller when its
    words need it (a reader's review: a table of four short columns that every other
    edition set side by side was set full width); a table too wide for half the page even so
    (its words would be cut mid-word) gets two full-width rows instead, the French table
    above the English one."""
    size = sum(max(len(p.block.text), len(p.target or "")) for p in pairs)
    half = [width - 2 * article.cell_margin for width in article.layout.columns]
    shown = [[_shown(article, pair, index) for pair in pairs] for index in (0, 1)]  # typeset once
    for small in (False, True):
        cells = [[(column, text, face + 2 * small) for column, text, face in side] for side in shown]
        if all(sum(_need(cells[index]).values()) <= half[index] for index in (0, 1)):
            widths = [_widths(cells[index], half[index]) for index in (0, 1)]
            heights = _heights(cells, widths)
            # Kept whole when short: LibreOffice sets a nested table parted by a page badly
            # (its header row alone at the foot of the page, over the notes).
            tr = x.row(tbl, cant_split=size <= SHORT_ROW or sum(heights) <= KEPT_TABLE)
            for index, width in enumerate(article.layout.columns):
                _nested(article, _spaced(x.cell(tr, width)), pairs, index, widths[index],
                        heights, small)
            return
    codes = (article.doc.source_lang, article.doc.target_lang)
    for index in (0, 1):
        # Spaced: the French table does not touch the English one, nor the English the text.
        tc = _spaced(x.cell(x.row(tbl, cant_split=size <= SHORT_ROW), article.layout.total, span=2))
        # Its language named over it: across both columns, under the page's "Français |
        # English", the French table's last columns stood under "English".
        label = x.paragraph(tc, sid("Column Heading"), keep_next=True)
        x.run(label, column_heading(codes[index]), article.tags[index])
        cells = shown[index]
        _nested(article, tc, pairs, index,
                _widths(cells, article.layout.total - 2 * article.cell_margin), [])


def _spaced(tc):
    """A cell with a body paragraph's space below it: the next passage does not touch the
    table (LibreOffice drops a paragraph's own spacing next to a nested table)."""
    x.sub(x.sub(tc[0], "w:tcMar"), "w:bottom", {"w:w": str(TABLE_SPACE), "w:type": "dxa"})
    return tc


def _nested(article, tc, pairs: list[Pair], index: int, widths: list[int],
            heights: list[int], small: bool = False) -> None:
    """One language's table, its columns ``widths`` wide, inside the cell ``tc``, its rows
    at least ``heights`` high (twips; none: as high as their text), ``small``: a point
    smaller."""
    inner = x.table(widths, False, 85, RULES)
    tc.append(inner)
    _fill(article, inner, pairs, index, widths, heights, small)
    x.paragraph(tc, sid("Table Text"))  # Word needs a paragraph after a nested table


def _shown(article, pair: Pair, index: int) -> tuple[int, str, int]:
    """(column, text as measured, face: see ``_FACES``) of a cell in a column: typeset as its language
    sets it (a French no-break space binds a number to its unit, as on the page), its code
    in ``_CODE`` characters (monospaced, in its own size)."""
    target = index == 1 and pair.target is not None
    lang = article.tags[0] if not target or pair.fallback else article.tags[1]
    items = article.writer.spans(pair.target if target else pair.block.text, lang,
                                 article.doc.references)
    text = "".join(_as_code(s.text) if s.code else s.text for s in items)
    return pair.block.cell.column, text.replace("\n", " "), int(pair.block.cell.header)


def _as_code(text: str) -> str:
    """Code as measured: a short span one word of code letters (its column makes room for
    it whole: a reader's review found ``[^a-zA-Z0-9_]`` cut after "0-" beside a column
    with room), a long one letters, hyphens and spaces, where it may break."""
    if len(text) <= _CODE_WHOLE:
        return "\ue000" * len(text)
    return _CODE_LETTER.sub("\ue000", text).replace("-", "\ue001")


def _widths(cells: list[tuple[int, str, int]], total: int) -> list[int]:
    """Column widths (dxa) for cells (column, text, face): each column gets room for its
    longest word first, so no word or number is cut across lines where the table can hold
    them; the room left goes to the columns whose text is longer than that, in proportion to
    what they lack to set their longest text on one line. A table too narrow even for its
    words is shared in proportion to them."""
    words = _need(cells)
    lines: dict[int, int] = {}
    for column, text, face in cells:  # code past _CODE_LINE wraps: it claims no more
        lines[column] = max(lines.get(column, 0), _dxa(_LONG_CODE.sub(_CODE_LINE * "\ue000", text), face))
    need = [words[c] for c in sorted(words)]
    full = [lines[c] + _PAD for c in sorted(lines)]
    if sum(full) <= total:
        return _share(full, [0] * len(full), total)
    if sum(need) >= total:
        return _share(need, [0] * len(need), total)
    return _share([f - n for f, n in zip(full, need)], need, total)


def _heights(cells: list[list[tuple[int, str, int]]], widths: list[list[int]]) -> list[int]:
    """Each row's height (twips): its tallest cell in either language, from the lines its
    text takes at its column's width (the same estimate as the widths')."""
    heights: list[int] = []
    for side, column_widths in zip(cells, widths):
        number = -1
        for column, text, face in side:
            number += column == 1 or number < 0
            if number == len(heights):
                heights.append(0)
            lines = _lines(text, column_widths[column - 1] - _PAD, face)
            heights[number] = max(heights[number], lines * _LINE[face] + _RULE)
    return heights


def _lines(text: str, width: int, face: int) -> int:
    """How many lines ``text`` takes ``width`` wide, words set whole as a line breaks them
    (measured without the widths' 6% to spare: a row one line too high leaves a gap)."""
    lines, used, room, space = 1, 0, width * 1.06, _dxa(" ", face)
    for piece in _PIECES.finditer(text):
        size = _dxa(piece.group(1), face)
        if used and used + size > room:
            lines, used = lines + 1, size
        else:
            used += size
        used += space if piece.group(2) else 0
    return lines


def _need(cells: list[tuple[int, str, int]]) -> dict[int, int]:
    """Each column's room for its longest word (dxa, cell margins included)."""
    words: dict[int, int] = {}
    for column, text, face in cells:
        longest = max((_dxa(_whole(w), face) for w in _BREAKS.split(text)), default=0)
        words[column] = max(words.get(column, 0), longest + _PAD)
    return words


def _whole(word: str) -> str:
    """The part of a word a column must hold on one line: a long name or address in code,
    or a word longer than any in a dictionary, breaks at the cell's edge (kept whole, it
    took the table's width and cut the other columns' words letter by letter)."""
    if word[:1] in _CODE:
        return word[:_CODE_WHOLE]
    return word[:_WORD_WHOLE]


def _dxa(text: str, face: int) -> int:
    """The width of a text set on one line, estimated by kind of character: the average
    widths (ems) measured on Liberation Serif (the text, 9.5 pt) and Liberation Sans Bold
    (headings, 8.5 pt): narrow .31/.36, wide .87, capitals .69, the rest .49/.60, code
    (Courier, .6 em at 8.5 pt) .54, and 6% to spare. (Bold sans at .57 and .31 cut "Ouverture" as "Ouvertur/e" in LibreOffice.)"""
    narrow, rest, size = _FACES[face]
    code = _CODE_POINTS / size  # code keeps its size in a smaller table
    ems = sum(narrow if c in _NARROW else 0.87 if c in _WIDE else 0.69 if c.isupper() else
              code if c in _CODE else rest for c in text)
    return int(ems * size * 20 * 1.06)


def _share(weights: list[int], base: list[int], total: int) -> list[int]:
    """``base`` plus what is left of ``total``, in proportion to ``weights``."""
    spare = total - sum(base)
    widths = [b + spare * w // max(sum(weights), 1) for b, w in zip(base, weights)]
    widths[-1] += total - sum(widths)
    return widths


# Code is measured as characters of its own: a letter (U+E000) or a hyphen (U+E001).
_CODE = frozenset("\ue000\ue001")
_CODE_LETTER = re.compile(r"[^\s-]")
_CODE_POINTS = 0.6 * 8.5  # Inline Code Table's advance (points)
# A cell's face: (narrow and other letters' widths in ems, size in points) of Table Text,
# Table Heading, and the same a point smaller (a table that needs it to stand side by side).
_FACES = {0: (0.31, 0.49, 9.5), 1: (0.36, 0.60, 8.5), 2: (0.31, 0.49, 8.5), 3: (0.36, 0.60, 7.5)}
_STYLES = {0: "Table Text", 1: "Table Heading", 2: "Table Text Small", 3: "Table Heading Small"}
# Code up to 20 characters is kept on a line (as on the HTML page); longer code may break,
# and claims a column's width as 40 characters would. A plain word up to 30 letters is kept.
_CODE_WHOLE, _CODE_LINE, _WORD_WHOLE = 20, 40, 30
_LONG_CODE = re.compile(r"[\ue000\ue001]{%d,}" % (_CODE_LINE + 1))
# Breaks a line may take in a cell: spaces (not the no-break ones) and after a hyphen.
_BREAKS = re.compile(r"[ \t\n]+|(?<=[-\ue001])")
_PIECES = re.compile(r"([^ \t\n\ue001-]*[-\ue001]?)([ \t\n]*)")  # a word (to its hyphen), the space after
_NARROW, _WIDE = frozenset(" \u00a0\u202ffiljtrI.,;:'’!|()[]-"), frozenset("mwMW%")
_PAD = 2 * 85  # the inner table's cell margins
# A line's height (twips) in Table Text (Liberation Serif 9.5 pt, line spacing 1.1: the font's
# 1.15 em line) and Table Heading (Liberation Sans 8.5 pt), and a row's rule.
_LINE = {face: round(size * 1.15 * 1.1 * 20) for face, (_, _, size) in _FACES.items()}
_RULE = 10
# A table up to about half an A4 page is kept whole on one page (a reader's review: twelve
# rows of two lines, parted, left their heading and header row at the foot of the page).
KEPT_TABLE = 7000
TABLE_SPACE = 120  # twips below a table: Body Text's 6 pt after a paragraph


def _fill(article, inner, pairs: list[Pair], index: int, widths: list[int],
          heights: list[int], small: bool) -> None:
    tr, number = None, -1
    for pair in pairs:
        cell = pair.block.cell
        if cell.column == 1 or tr is None:
            number += 1
            height = heights[number] if number < len(heights) else 0
            # Never a repeated header row: Word repeats none in a nested table, and LibreOffice
            # repeated the English one only, leaving every later row a row out of level.
            tr = x.row(inner, cant_split=True, height=height)
        marked = index == 1 and (pair.fallback or pair.target is None)
        fill = HEADER_FILL if cell.header else None
        tc = x.cell(tr, widths[cell.column - 1], shade=article.mark_fill if marked else fill)
        style = sid(_STYLES[cell.header + 2 * small])
        para = x.paragraph(tc, style, align=_ALIGN.get(cell.align, ""))
        article.write_cell(para, pair, index, widths[cell.column - 1])


def figure_rows(article, tbl, pairs: list[Pair]) -> None:
    """The picture row (kept with its captions) and the captions row."""
    alt = pairs[0]
    image = article.doc.images.get(alt.block.image)
    english_alt = alt.target if alt.target is not None else alt.block.text
    tr = x.row(tbl, cant_split=True)
    if image is not None and image.translated:
        for index, width in enumerate(article.layout.columns):
            para = x.paragraph(x.cell(tr, width), sid("Figure"), keep_next=True)
            shown = (alt.block.text, article.tags[0]) if index == 0 else (english_alt, article.tags[1])
            article.markup.picture(para, image, article.plain(shown[0]), shown[1],
                                   width - 2 * article.cell_margin, "source" if index == 0 else "target")
    else:
        para = x.paragraph(x.cell(tr, article.layout.total, span=2), sid("Figure"), keep_next=True)
        described = _both(article.plain(alt.block.text), article.plain(english_alt))
        article.markup.picture(para, image, described, article.tags[0],
                               article.layout.total - 2 * article.cell_margin)
    if len(pairs) > 1:
        article.pair_row(tbl, pairs[1], sid("Caption"))


def _both(french: str, english: str) -> str:
    """One picture serves both columns: its description gives both alt texts."""
    return french if english == french or not english else f"{french} / {english}"


def uncalled_notes(article, tbl, labels: list[str]) -> None:
    """Rows after the article for notes a column never calls (a note no text refers to, or
    one a translation left out): numbered, in the column that misses them."""
    for label in labels:
        number = article.doc.article.notes.get(label, 0)
        tr = x.row(tbl, cant_split=True)
        for index, width in enumerate(article.layout.columns):
            tc = x.cell(tr, width)
            if (index, label) in article.markup.called:
                x.paragraph(tc, None)
                continue
            texts = article.markup.texts(label, index) or [("", article.tags[index])]
            for line, (body, lang) in enumerate(texts):
                para = x.paragraph(tc, sid("Footnote Text"))
                if line == 0:
                    x.run(para, f"{number}.\u00a0", lang, sid("Footnote Reference"))
                article.writer.write(para, body, lang,
                                     article.doc.references_for(lang == article.tags[0]),
                                     markup=article.markup.column(index, width),
                                     link=docx_link(article.doc), code=NOTE_CODE_STYLE)
