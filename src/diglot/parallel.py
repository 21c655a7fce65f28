"""Run one function over many items in worker processes, results in order; or one call
in a forked process while this one goes on (``Forked``).

Workers are forked, so they share the loaded code and need no re-import; each call gets
the project folder and loads the project once per worker. Few items run in-process, where
a pool would cost more than it saves.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from diglot.project import Project

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


def _die_with(parent: int) -> None:
    """A pool worker's first act: die with the process that made it. A build killed by
    SIGKILL or SIGTERM would otherwise leave its workers waiting forever for work (Linux's
    PR_SET_PDEATHSIG has the kernel kill the worker when its parent's thread ends; the pool
    is shut down by the thread that made it, so never early). A ``Forked`` call needs no
    such care: it ends with its one task, and the PDF's helper at its pipe's end."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the parent's own cleanup stays
            pass
    if os.getppid() != parent:  # the parent died before the guard was set
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def pool(count: int) -> ProcessPoolExecutor:
    import multiprocessing  # with concurrent.futures, 25 ms: a one-article build needs neither
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    return ProcessPoolExecutor(count, multiprocessing.get_context(method),
                               initializer=_die_with, initargs=(os.getpid(),))


class Lost(Exception):
    """A forked call that gave no result: it raised, or its process was killed."""


class Forked:
    """``func(*args)`` run in a forked process, which inherits the arguments with its memory
    (nothing is pickled on the way there, and it starts at once: a pool's worker waited
    20 ms for its process and for a book's source to cross a pipe). Its result comes back
    pickled through a pipe; ``result()``, asked once, waits for it and raises ``Lost`` when
    there is none. Where there is no fork, the call runs in ``result()``."""

    def __init__(self, func: Callable, *args) -> None:
        self.func, self.args, self.pid, self.pipe = func, args, 0, None
        if not hasattr(os, "fork"):
            return
        read, write = os.pipe()
        try:
            self.pid = os.fork()
        except OSError:  # no process to be had (memory, a process limit): done in result()
            os.close(read)
            os.close(write)
            self.pid = 0
            return
        if self.pid == 0:  # the forked process: never returns
            os.close(read)
            _serve(write, func, args)
        os.close(write)
        self.pipe = os.fdopen(read, "rb")

    def result(self):
        if not self.pid:
            return self.func(*self.args)
        with self.pipe:
            data = self.pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = -1
        if status != 0 or not data:
            raise Lost(f"the forked process ended with status {status} and no result")
        return pickle.loads(data)

    def close(self) -> None:
        """Stop the process if its result was never asked for (the build failed)."""
        if self.pid > 0:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pipe.close()
            self.pid = -1


def _serve(fd: int, func: Callable, args: tuple) -> None:
    """Run the call, write its pickled result, and leave without running this process's
    exit handlers or flushing what it inherited (they are the parent's)."""
    status = 1
    try:
        data = pickle.dumps(func(*args), pickle.HIGHEST_PROTOCOL)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        status = 0
    except BaseException:  # noqa: BLE001 - the parent sees no result and does the work
        pass
    finally:
        os._exit(status)


def pmap(func: Callable, project: Project, items: list, count: int, *extra) -> Iterator:
    """``func(project, item, *extra)`` for each item, in order."""
    if count <= 1 or len(items) < 4:
        yield from (func(project, item, *extra) for item in items)
        return
    root = str(project.root)
    with pool(count) as executor:
        chunk = max(1, min(16, len(items) // (count * 8)))
        args = [(func, root, item, extra) for item in items]
        yield from executor.map(_call, args, chunksize=chunk)


def _call(args):
    func, root, item, extra = args
    return func(loaded(root), item, *extra)


@lru_cache(maxsize=2)
def loaded(root: str) -> Project:
    return Project.load(Path(root))


def progress_of(results: Iterable, total: int, progress, name=lambda r: "") -> list:
    """Collect ``results``, reporting ``[i/total] name`` after each."""
    done = []
    for i, result in enumerate(results, 1):
        done.append(result)
        if progress:
            progress(f"[{i}/{total}] {name(result)}")
    return done
