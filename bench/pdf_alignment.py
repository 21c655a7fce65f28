"""Measure a PDF edition with poppler (``pdftotext -bbox``), as a reader checks a parallel
text: every French passage on a left-hand (even) page and its English on the facing
right-hand (odd) page, in order, with no English passage on a French page nor the reverse,
and the first line of each passage at the same height on both pages (within 2 pt). With
``--layout columns``: French in the left column, English in the right, on one page.

Usage: python bench/pdf_alignment.py EDITION.pdf PAIRS.json [--layout facing|columns]
The text starts at the first left-hand page holding the first pair, or (columns) the first
page in two columns: a title page and the contents come before it. In an edition of
several articles, give the pairs of all of them, in order.
PAIRS.json: ``[[french, english], …]`` in document order, plain text (the acceptance
tools' format; ``/work/shared/tools/pairs-from-po`` writes it). Exit 0 when every check
holds, 1 otherwise; the last line sums it up.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from html import unescape
from typing import NamedTuple

TOLERANCE = 2.0  # points
_PREFIX = 24  # characters of a passage (spaces removed) that identify it on a page
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
_MARGIN_NUMBER = 8.5  # points: a passage number in the margin is set smaller than any text
_GUTTER = 15.0  # points: more space than this between two words of a line is a gutter
_CELL = 10.0  # points: more space than this before a word starts a table cell
_FOOT = 0.55  # a footnote stands in the lower part of its page: below this share of it
_CUT = re.compile(r"\[\^|!\[")  # a footnote call or a picture: the text shown stops matching


@dataclass
class Page:
    """A page's text as one string without spaces, and for each character: the top of its
    line (the highest word top on it: code and small type sit a little lower), its word's
    left edge, and the number of its line."""

    text: str
    tops: list[float]
    lefts: list[float]
    lines: list[int]
    bottoms: list[float] = None  # the lowest word bottom on the character's line
    middle: float | None = None  # columns: where the right-hand column begins
    cells: set = None  # offsets of the words after a wide space on their line (table cells)
    height: float = 0.0  # the page's height (points)


@dataclass
class Found:
    index: int  # the pair's position in PAIRS.json
    pages: tuple[int, int]  # 1-based pages of the French and the English
    tops: tuple[float, float]  # the tops of their first lines
    bottoms: tuple[float, float] = (0.0, 0.0)  # and the bottoms

    @property
    def delta(self) -> float:
        """How far apart the two first lines are: their tops' distance, or their bottoms'
        when smaller (a line set wholly in code or small type has a lower top although it
        stands level: any real offset shows at both edges)."""
        return min(abs(self.tops[0] - self.tops[1]), abs(self.bottoms[0] - self.bottoms[1]))


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def squeeze(text: str) -> str:
    """Text as compared: NFC, without whitespace, soft hyphens, inserted hyphens or the
    Markdown emphasis and link marks a pairs file may keep, with ' as ’ and no quotation
    marks (both languages' typography curls the PO files' straight quotes and apostrophes)."""
    text = unicodedata.normalize("NFC", _LINK.sub(r"\1", text)).replace("**", "")
    text = re.sub(r"(?<![\w`])[*_`]|[*_`](?![\w`])", "", text)
    text = text.replace("'", "\u2019").replace("\u2018", "\u2019").replace("...", "\u2026")
    text = re.sub("[\"\u201c\u201d\u00ab\u00bb]", "", text)
    return "".join(ch for ch in text if not ch.isspace() and ch not in "\u00ad\u2010\u200b")


class Word(NamedTuple):
    left: float
    top: float
    text: str
    bottom: float
    right: float


_HEIGHT = re.compile(r'height="([\d.]+)"')


def read_words(pdf: str) -> list[list[Word]]:
    """Each page's words, without the passage numbers in the margins and the numbers of
    footnote calls (small digits): they would split a passage's text. The page's height
    comes last, as a word of no text."""
    xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    return [[Word(float(left), float(top), squeeze(unescape(word)), float(bottom), float(right))
             for left, top, right, bottom, word in _WORD.findall(chunk)
             if not (word.isdigit() and float(bottom) - float(top) < _MARGIN_NUMBER)]
            + [Word(0.0, float(_HEIGHT.search(chunk)[1]), "", 0.0, -1.0)]
            for chunk in xml.split("<page ")[1:]]


def read_pages(words: list[list[Word]], columns: bool) -> list[Page]:
    """Pages as text in reading order: by column, then line (top), then left to right
    (poppler's own order can put a margin of passage numbers before the text beside it)."""
    pages = []
    found = middles([page[:-1] for page in words]) if columns else [None] * len(words)
    for page_words, middle in zip(words, found):
        height = page_words[-1].top
        page_words = page_words[:-1]
        page = Page("", [], [], [], [], middle, set(), height)
        text = []
        for number, line in enumerate(_lines(page_words, middle)):
            top, bottom = min(word.top for word in line), max(word.bottom for word in line)
            for k, (left, _, word, _, _) in enumerate(line):
                if k and left - line[k - 1].right > _CELL:
                    page.cells.add(sum(len(w) for w in text))
                text.append(word)
                page.tops += [top] * len(word)
                page.bottoms += [bottom] * len(word)
                page.lefts += [left] * len(word)
                page.lines += [number] * len(word)
        page.text = "".join(text)
        pages.append(page)
    return pages


def _lines(page_words, middle: float | None):
    """Lines in reading order, by column, each its words from left to right; a line
    gathers the words whose tops lie within 4 pt of its first."""
    columns: dict[bool, list] = {}
    for word in page_words:
        columns.setdefault(middle is not None and word.left >= middle, []).append(word)
    for _, column in sorted(columns.items()):
        column.sort(key=lambda w: w.top)
        line: list = []
        for word in column + [Word(0.0, float("inf"), "", 0.0, 0.0)]:
            if line and word.top - line[0].top > 4.0:
                yield sorted(line)
                line = []
            line.append(word)


_LEAD = set("0123456789.•◦▪")  # what may stand before a passage on its first line


def starts_line(page: Page, at: int, cells: bool = True) -> bool:
    """Whether a passage could start at ``at``: only its number or list marker before it
    on its line (a short passage's text may recur inside a longer one above), or (with
    ``cells``) a wide space (a table's cell)."""
    if cells and page.cells and at in page.cells:
        return True
    start = at
    while start > 0 and page.lines[start - 1] == page.lines[at]:
        start -= 1
    return set(page.text[start:at]) <= _LEAD


def in_column(page: Page, start: int, side: int) -> bool:
    """Whether text starting at ``start`` is in ``side``'s column (always, facing pages)."""
    return page.middle is None or (page.lefts[start] < page.middle) == (side == 0)


def locate(pages: list[Page], key: str, cursor: list[int], allowed, side) -> tuple[int, int] | None:
    """The first place at or after ``cursor`` (page index, offset) where ``key`` starts, on
    an allowed page and (columns) in ``side``'s column; the cursor moves past it."""
    page_index, offset = cursor
    while page_index < len(pages):
        page = pages[page_index]
        if allowed(page_index):
            at = page.text.find(key, offset)
            while at >= 0 and not (in_column(page, at, side) and starts_line(page, at)):
                at = page.text.find(key, at + 1)
            length = len(key)
            if at < 0:
                at, length = _wrapped_cell(page, key, offset, side)
            if at >= 0:
                cursor[:] = [page_index, at + length]
                return page_index, at
        page_index, offset = page_index + 1, 0
    return None


def _wrapped_cell(page: Page, key: str, offset: int, side: int) -> tuple[int, int]:
    """Where a table cell whose text wraps starts (its key runs past its first line, which
    the next cells' text follows in reading order): a line or cell start at or after
    ``offset`` whose line, up to the next cell or the line's end, is the key's start:
    (where, how many characters match), or (-1, 0)."""
    starts = {k for k in range(offset, len(page.text))
              if k == 0 or page.lines[k] != page.lines[k - 1]} | page.cells
    for at in sorted(k for k in starts if k >= offset):
        count = _common(page.text, at, key)
        end = at + count
        if count >= 4 and in_column(page, at, side) and (
                end >= len(page.text) or end in page.cells or page.lines[end] != page.lines[at]):
            return at, count
    return -1, 0


def measure(pdf: str, pairs: list[list[str]], layout: str = "facing"):
    """(found pairs, problems): where each pair's two sides start, and what is wrong."""
    words = read_words(pdf)
    facing = layout == "facing"
    pages = read_pages(words, not facing)
    first = _text_start(pages, pairs) if facing else _column_start(pages)
    cursors = [[first, 0], [first, 0]]
    found, problems = [], []
    for index, (french, english) in enumerate(pairs):
        keys = key(french), key(english)
        if not all(keys):
            continue
        spots = [_find(pages, keys[side], cursors[side], first, facing, side) for side in (0, 1)]
        if None in spots:
            problems.append(f"pair {index + 1}: {'French' if spots[0] is None else 'English'} "
                            f"not found in order: {keys[spots.index(None)]!r}")
            continue
        (pf, af), (pe, ae) = spots
        found.append(Found(index, (pf + 1, pe + 1), (pages[pf].tops[af], pages[pe].tops[ae]),
                           (pages[pf].bottoms[af], pages[pe].bottoms[ae])))
        for side, text, (page_index, at) in ((0, french, spots[0]), (1, english, spots[1])):
            if cursors[side][0] != page_index:
                continue  # a footnote found at the foot of an earlier page
            _skip_text(pages, page_index, squeeze(text), at, cursors[side], 2 if facing else 1)
    problems += _check(found, facing) + (_purity(pages, pairs, first) if facing else [])
    return found, problems


def key(text: str) -> str:
    """What identifies a passage on a page: the start of its text, up to a footnote call
    (the page shows a number) or a picture (the page shows the picture)."""
    return squeeze(_CUT.split(text)[0])[:_PREFIX]


def _find(pages: list[Page], key_: str, cursor: list[int], first: int, facing: bool,
          side: int) -> tuple[int, int] | None:
    """``locate`` in reading order; else a footnote: at the foot of an earlier page (a note
    stands on the spread of its call, before the passages after the call), the cursor
    left where it was."""
    allowed = (lambda i: (i + 1) % 2 == side) if facing else (lambda i: True)
    spot = locate(pages, key_, cursor, allowed, side)
    if spot is None:
        spot = locate(pages, key_, [first, 0], allowed, side)
        if spot is not None and pages[spot[0]].tops[spot[1]] < _FOOT * pages[spot[0]].height:
            return None
    return spot


def _column_start(pages: list[Page]) -> int:
    """The index of the first page in two columns (a title page and contents come before)."""
    return next((index for index, page in enumerate(pages) if page.middle is not None), 0)


def _skip_text(pages: list[Page], index: int, text: str, at: int, cursor: list[int],
               step: int) -> None:
    """Move the cursor past a passage's whole text (a short passage's text may start a
    line inside the one before it), following it onto its side's next page (``step``
    pages on) when it continues there."""
    page = pages[index]
    done = _common(page.text, at, text)
    if done == len(text):
        cursor[1] = max(cursor[1], at + done)
        return
    rest, after = text[done:], index + step
    if page.text.find(rest[:_PREFIX], at + done) >= 0:
        return  # a table cell's text goes on under its first line, on this page
    if after < len(pages):
        nxt = pages[after]
        follow = nxt.text.find(rest[:_PREFIX])
        if follow >= 0 and _near_top(nxt, follow):
            cursor[:] = [after, follow + _common(nxt.text, follow, rest)]


def _near_top(page: Page, at: int) -> bool:
    """Whether ``at`` is on one of the first two lines of its column (a running head may
    come first): where a passage continued from the page before starts."""
    right = page.middle is not None and page.lefts[at] >= page.middle
    lines = [page.lines[k] for k in range(len(page.text))
             if (page.middle is not None and page.lefts[k] >= page.middle) == right]
    return page.lines[at] in sorted(set(lines))[:2]


def _common(haystack: str, at: int, text: str) -> int:
    """How many characters of ``text`` the haystack repeats from ``at``."""
    count = 0
    while count < len(text) and at + count < len(haystack) and haystack[at + count] == text[count]:
        count += 1
    return count


def _text_start(pages: list[Page], pairs) -> int:
    """The index of the first left-hand page of text: the first even page holding the first
    pair's French, facing its English (a title page and contents come before it)."""
    keys = key(pairs[0][0]), key(pairs[0][1])
    for index in range(1, len(pages) - 1, 2):
        if keys[0] in pages[index].text and keys[1] in pages[index + 1].text:
            return index
    return 1


def _after_gaps(page_words: list[Word]) -> list[int]:
    """Where the words that follow a gap of more than 15 pt on their line start."""
    ordered = sorted(page_words, key=lambda w: (round(w.top), w.left))
    return [round(b.left) for a, b in zip(ordered, ordered[1:])
            if abs(a.top - b.top) < 1.0 and b.left - a.right > _GUTTER]


def middles(words: list[list[Word]]) -> list[float | None]:
    """Where each page's right-hand column begins: where most of the words that follow a
    gap of more than 15 pt start (the gutter between columns; a word space in a justified
    line rarely grows that wide, and never twice at the same place), counted over all the
    pages of the same hand (margins are mirrored), so that a page full of table cells
    cannot mislead; None for a page without that gap (a title page)."""
    gaps = [_after_gaps(page) for page in words]
    modes = [Counter(x for page in gaps[hand::2] for x in page).most_common(1)
             for hand in (0, 1)]
    out = []
    for number, found in enumerate(gaps):
        mode = modes[number % 2][0][0] if modes[number % 2] else None
        out.append(mode - 1.0 if mode is not None and any(abs(x - mode) <= 1 for x in found)
                   else None)
    return out


def _check(found: list[Found], facing: bool) -> list[str]:
    problems = []
    for item in found:
        pf, pe = item.pages
        if pe != pf + (1 if facing else 0):
            problems.append(f"pair {item.index + 1}: French on page {pf}, English on page {pe}")
        elif item.delta > TOLERANCE:
            problems.append(f"pair {item.index + 1} (page {pf}): first lines {item.delta:.2f} pt apart")
    return problems


def _purity(pages: list[Page], pairs, first: int) -> list[str]:
    """No English passage on an even (French) page, no French one on an odd page."""
    problems = []
    for french, english in pairs:
        keys = tuple(squeeze(_CUT.split(text)[0])[:2 * _PREFIX]  # sure matches
                     for text in (french, english))
        if keys[0] == keys[1] or min(len(text.split()) for text in (french, english)) < 3:
            continue  # the same text in both languages, or a term or two, proves nothing
        for number, page in enumerate(pages[first:], first + 1):
            other = 1 if number % 2 == 0 else 0  # the language this page must not hold
            at = page.text.find(keys[other])
            # a term quoted inside the text; a wide space in a justified line is no cell
            while at >= 0 and not starts_line(page, at, cells=False):
                at = page.text.find(keys[other], at + 1)
            if at >= 0:
                language = ("French", "English")[other]
                problems.append(f"page {number}: {language} text {keys[other]!r}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf")
    parser.add_argument("pairs")
    parser.add_argument("--layout", choices=("facing", "columns"), default="facing")
    args = parser.parse_args()
    with open(args.pairs, encoding="utf-8") as handle:
        pairs = json.load(handle)
    found, problems = measure(args.pdf, pairs, args.layout)
    for problem in problems:
        print("FAIL", problem)
    worst = max((item.delta for item in found), default=0.0)
    spreads = len({item.pages for item in found})
    verdict = "PASS" if not problems else "FAIL"
    unit = "spreads" if args.layout == "facing" else "pages"
    print(f"pdf: {len(found)}/{len(pairs)} pairs on {spreads} {unit}, largest gap between first "
          f"lines {worst:.2f} pt (limit {TOLERANCE:g}), {len(problems)} problem(s): {verdict}")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
