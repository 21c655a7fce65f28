"""The thread a book is laid out in: its own, with a fresh Python frame stack and room for
WeasyPrint's recursion (see ``on_fresh_stack``)."""

from __future__ import annotations

import threading

STACK = 64 * 2**20  # bytes of C stack for the thread a book is laid out in (address space only)


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
