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
import threading
from contextlib import contextmanager

STACK = 64 * 2**20  # bytes of C stack for the thread a book is laid out in (address space only)


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


def on_fresh_stack(func, *args):
    """``func(*args)`` run in a thread of its own (its result returned, its error raised).

    CPython 3.11 keeps Python frames in 16 kB chunks and frees a chunk as soon as the
    frame that opened it returns: where WeasyPrint's layout recursion goes up and down
    across a chunk's edge, each call maps and unmaps memory (``perf record -e page-faults``:
    88% of a book's page faults in ``_PyThreadState_BumpFramePointerSlow``). Where the
    edges fall depends on how deep the caller is (the command line's frames, or a test's),
    so the same book cost 15-19 s of system time from the command line and under 1.5 s
    from a script. A new thread starts the layout on an empty stack, the same depth
    whoever calls."""
    found: dict = {}

    def run() -> None:
        try:
            found["result"] = func(*args)
        except BaseException as exc:  # noqa: BLE001 (raised again in the caller's thread)
            found["error"] = exc

    # A thread's C stack may be smaller than the main thread's (2 MB where the stack is
    # unlimited): WeasyPrint's recursion through C gets as much room as the main thread has.
    before = threading.stack_size(STACK)
    try:
        thread = threading.Thread(target=run, name="diglot-pdf", daemon=True)  # Ctrl-C ends it
        thread.start()
    finally:
        threading.stack_size(before)
    thread.join()
    if "error" in found:
        raise found["error"]
    return found["result"]
