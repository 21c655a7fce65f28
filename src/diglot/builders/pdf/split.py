"""A book-length PDF made by this process and forked helpers side by side, its pages the
same as one process makes (``assemble``'s own functions, in two phases).

Phase 1: each process measures a contiguous share of the passages (both languages) and
keeps the laid-out boxes; a helper sends back only the plain numbers the paginator reads.
This process paginates the whole book (the same pure ``paginate``: the same pages).
Phase 2: each process lays out and draws the pages that start with its share (a passage
continued from the share before is measured again where it is drawn: a passage is laid out
alone, so it measures the same) and writes them as a PDF of their own, numbered from their
place in the book; ``join`` makes one PDF of them. Each process holds the boxes of its
share only: the peak memory of a process is about its part's.

WeasyPrint draws only what it laid out, so the processes cannot share boxes; a helper
inherits the book with its memory at the fork, and only numbers and finished PDF bytes
cross between processes.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback

from diglot.builders.pdf import assemble
from diglot.builders.pdf.engine import TAGGED_PAGES, Engine, outline
from diglot.builders.pdf.measure import Measured, measure
from diglot.errors import BuildError

# Below this many passages a book takes seconds in one process: a helper would not pay
# for its fork (and a short book's tagging needs one PDF written at once).
MIN_PASSAGES = 1500


def wanted(book) -> bool:
    """Whether ``book`` is made in parts: long, with an idle core, and with no contents
    (an edition of several articles: its page numbers would point into other parts)."""
    return (book.ctx.helpers > 0 and len(book.passages) >= MIN_PASSAGES
            and len(book.articles) == 1 and "fork" in multiprocessing.get_all_start_methods())


def make(book) -> bytes:
    shares = _shares(book.passages, min(book.ctx.helpers + 1, 8))
    helpers = [_Helper(book, share) for share in shares[1:]]
    try:
        written = _phases(book, shares, helpers)
    finally:
        for helper in helpers:
            helper.close()
    if isinstance(written, bytes):
        return written
    from diglot.builders.pdf import join  # pikepdf: 70 ms to import, for long books only

    return join.join(written, outline([marks for part in written for marks in part.bookmarks]))


def _phases(book, shares: list[range], helpers: list) -> list | bytes:
    """Measure here and in the helpers, paginate, and have each write its part: the parts
    (or the PDF itself, when the book is short enough to be tagged, written here)."""
    engine = Engine()
    mine = measure(engine, book.geo, book.passages, book.meta, book.footnotes, shares[0])
    plans = assemble.plans(book, _numbers(mine, [helper.result() for helper in helpers]))
    parts = _parts(engine, book, plans, shares)
    busy = helpers[:len(parts) - 1]  # a part for each, unless two shares start on one spread
    for helper, part in zip(helpers, parts[1:] + [None] * len(helpers)):
        helper.send(part and (plans, part))
    mine = _fill(engine, book, mine, plans, parts[0])
    if len(parts) == 1:
        return assemble.draw(engine, book, plans, mine)
    return [assemble.draw(engine, book, plans, mine, parts[0])] + [h.result() for h in busy]


def _shares(passages: list, count: int) -> list[range]:
    """Contiguous ranges of passage indexes, about the same amount of text in each."""
    weights = [len(p.sides[0].html) + len(p.sides[1].html) + 200 for p in passages]
    total, out, start, acc = sum(weights), [], 0, 0
    for index, weight in enumerate(weights):
        acc += weight
        if len(out) < count - 1 and acc >= total * (len(out) + 1) / count:
            out.append(range(start, index + 1))
            start = index + 1
    return out + [range(start, len(passages))]


def _numbers(mine: Measured, theirs: list) -> Measured:
    """Every passage's paginator item and the footnotes' heights and lines (no boxes)."""
    items = list(mine.items)
    for found in theirs:
        for index, item in found:
            items[index] = item
    out = Measured(items, [], [], [], [])
    out.note_heights, out.note_lines = mine.note_heights, mine.note_lines
    return out


def _parts(engine, book, plans: list, shares: list[range]) -> list[tuple[int, int, int]]:
    """Each process's part, ``(lo, hi, first)``: sheets ``lo`` to ``hi``, the first
    numbered page ``first``; from the spread where its share's first passage starts (or
    all of them in one part, when the book is short enough to be tagged)."""
    pages = assemble.sheets(book, plans)
    before = assemble.front_pages(engine, book, pages[0])
    if before + len(pages) <= TAGGED_PAGES:
        return [(0, len(pages), 1)]
    per_spread = 2 if book.geo.layout == "facing" else 1
    starts = _spread_starts(plans[0])
    cuts = [0] + [starts[share.start] * per_spread for share in shares[1:]] + [len(pages)]
    return [(lo, hi, before + lo + 1 if lo else 1) for lo, hi in zip(cuts, cuts[1:]) if hi > lo] \
        or [(0, len(pages), 1)]


def _spread_starts(plan: list) -> dict[int, int]:
    """The spread each passage starts on."""
    found: dict[int, int] = {}
    for number, spread in enumerate(plan):
        for piece in spread:
            if not piece.kind:
                found.setdefault(piece.item, number)
    return found


def _fill(engine, book, measured: Measured, plans: list, part) -> Measured:
    """``measured`` with every passage drawn on the part's pages (those it lacks measured
    here)."""
    lo, hi, _ = part
    per_spread = 2 if book.geo.layout == "facing" else 1
    needed = {piece.item for spread in plans[0][lo // per_spread:-(-hi // per_spread)]
              for piece in spread if not piece.kind}
    missing = {index for index in needed if measured.boxes[index] is None}
    if missing:
        measured.add(measure(engine, book.geo, book.passages, book.meta, (), missing))
    return measured


class _Helper:
    """A forked process holding one share of the book between the two phases."""

    def __init__(self, book, share: range) -> None:
        self.conn, theirs = multiprocessing.Pipe()
        context = multiprocessing.get_context("fork")
        self.process = context.Process(target=_serve, args=(theirs, book, share), daemon=True)
        self.process.start()
        theirs.close()

    def send(self, message) -> None:
        self.conn.send(message)

    def result(self):
        try:
            kind, value = self.conn.recv()
        except EOFError:
            raise BuildError("a PDF helper process stopped without an answer") from None
        if kind == "error":
            raise BuildError(f"a PDF helper process failed: {value}")
        return value

    def close(self) -> None:
        self.conn.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _serve(conn, book, share: range) -> None:
    """The helper: measure the share, send its items, then draw the part it is given."""
    try:
        engine = Engine()
        measured = measure(engine, book.geo, book.passages, book.meta, book.footnotes, share)
        conn.send(("ok", [(index, measured.items[index]) for index in share]))
        order = conn.recv()
        if order is not None:
            plans, part = order
            measured = _fill(engine, book, measured, plans, part)
            conn.send(("ok", assemble.draw(engine, book, plans, measured, part)))
    except EOFError:
        pass
    except BaseException:  # noqa: BLE001 (reported to the parent, which raises it)
        conn.send(("error", traceback.format_exc(limit=3).strip().splitlines()[-1]))
    finally:
        conn.close()
        os._exit(0)
