"""Python's cyclic garbage collector while one article is read and rendered: paused.

Reading a book-length article and rendering it make hundreds of thousands of objects that
stay alive until the article is written (blocks, PO entries, pairs, spans); the collector's
automatic full passes walk all of them again and again, and none of it is cyclic garbage.
A 10,000-paragraph book's first HTML build spent 0.08 s in them in the main process (0.05 s
in the forked parse alone, while the main process waited for it), and the same page
made with the collector off peaked at the same memory (96 MB). When the article is done
the collector runs as before and finds whatever cycles the work left. For small articles
it is left alone: their work is short, and a pause only delays reusing their memory.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager, nullcontext
from pathlib import Path

BIG = 256 * 1024  # a source from this size (bytes) is read and rendered with the collector off


def paused_for(source: Path):
    """``paused()`` while working on a book-length source, else nothing."""
    try:
        big = source.stat().st_size >= BIG
    except OSError:  # no such file: reading it reports the problem
        big = False
    return paused() if big else nullcontext()


@contextmanager
def paused():
    """The collector off for the block (as it was after), everything frozen in it
    thawed. What lived before the block is frozen first: ``tidy`` then walks only the
    block's own objects (in a process holding much else, such as the test suite's or a
    preview server's, each full collection walked all of it: 15% of a PDF build's CPU)."""
    enabled = gc.isenabled()
    gc.disable()
    gc.freeze()
    _depth[0] += 1
    try:
        yield
    finally:
        _depth[0] -= 1
        if not _depth[0]:  # an inner block (the PDF book in a big article's job) thaws nothing
            gc.unfreeze()
        if enabled:
            gc.enable()


_depth = [0]  # paused blocks open


def tidy() -> None:
    """Collect what a dropped piece of work left (when the collector is paused), and
    freeze what survives: a book's laid-out boxes are millions of objects alive until its
    pages are drawn, and each is then looked at about once (the PDF book: 23% of its CPU
    went to the automatic passes; paused without this, dropped documents' cycles piled up,
    +33% peak memory)."""
    if not gc.isenabled():
        gc.collect()
        gc.freeze()
