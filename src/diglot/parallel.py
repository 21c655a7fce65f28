"""Run one function over many items in worker processes, results in order.

Workers are forked, so they share the loaded code and need no re-import; each call gets
the project folder and loads the project once per worker. Few items run in-process, where
a pool would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from diglot.project import Project


def workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def pool(count: int) -> ProcessPoolExecutor:
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    return ProcessPoolExecutor(count, multiprocessing.get_context(method))


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
