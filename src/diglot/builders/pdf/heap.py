"""Python's cyclic garbage collector while a book is made: paused, and run by hand once
each laid-out document is dropped.

A book's measured boxes are millions of objects alive until its pages are drawn; the
collector's automatic full passes went over all of them again and again (23% of the CPU
of a 2,000-passage book). Paused, the dropped documents' cycles would pile up instead
(+33% peak memory). So each dropped document's garbage is collected at once, and what
survives is frozen (left out of every later pass): each object is looked at about once.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    """The collector off for the block (as it was after), everything frozen in it
    thawed."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


def tidy() -> None:
    """Collect what a dropped document left (when the collector is paused), and freeze
    what survives."""
    if not gc.isenabled():
        gc.collect()
        gc.freeze()
