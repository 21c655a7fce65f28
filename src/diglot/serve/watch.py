"""Watching the project's files for the preview, with watchfiles (the one module using it).

watchfiles wraps the operating system's notifications (inotify, FSEvents, …) in a small,
maintained library that groups a burst of events (an editor's save-as-rename) into one
change and stops on an event we set. Two watchers: the source and translations folders,
each of their folders on its own (no symbolic link followed); and the project folder itself,
not recursively (the settings files, and those
folders appearing or being renamed: the first watcher then starts again on the new ones).
A whole project folder is never watched recursively: it may hold a virtualenv or a build.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable

from watchfiles import Change, watch

_STEP_MS = 50  # a change is reported once the files have been quiet this long
_SETTINGS = ("diglot.toml", "pyproject.toml")


class Watcher:
    """Calls ``on_change()`` after each burst of changes to what the preview is built from;
    ``folders()`` says which folders that is now (it may change with the settings)."""

    def __init__(self, root: Path, folders: Callable[[], list[Path]], on_change: Callable[[], None]):
        self.root, self.folders, self.on_change = root, folders, on_change
        self.stopping = threading.Event()
        self._restart = threading.Event()
        self._threads = [threading.Thread(target=self._watch_root, name="diglot-watch-root", daemon=True),
                         threading.Thread(target=self._watch_folders, name="diglot-watch", daemon=True)]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self.stopping.set()
        self._restart.set()
        for thread in self._threads:
            if thread.ident is not None:  # started
                thread.join(timeout)

    def _watch_root(self) -> None:
        anew = False  # the folder was removed: its files, and the folders watched, are others
        while not self.stopping.is_set():
            if anew and self.root.is_dir():
                anew = False
                self._restart.set()
                self.on_change()  # read as it is now: what changes next, the watch sees
            try:
                self._watch_settings()
                anew = not self.stopping.is_set()
            except OSError:  # the project folder not there (yet): look again soon
                self.stopping.wait(0.5)

    def _watch_settings(self) -> None:
        names, gone = set(_SETTINGS), (Change.deleted, str(self.root))
        for changes in watch(self.root, recursive=False, step=_STEP_MS, stop_event=self.stopping,
                             raise_interrupt=False):
            if gone in changes:  # a folder made anew is another, which this watch never sees
                return
            touched = {Path(path).name for _, path in changes}
            names.update(p.name for p in self.folders())
            if touched & names:
                self._restart.set()  # the folders may have appeared, moved or changed
                self.on_change()

    def _watch_folders(self) -> None:
        while not self.stopping.is_set():
            self._restart.clear()
            folders = _real_folders(self.root, self.folders())
            if not folders:
                self._restart.wait()
                continue
            try:
                self._watch(folders)
            except OSError:  # a folder gone or unreadable mid-watch: start again on what is
                self.stopping.wait(0.5)

    def _watch(self, folders: list[Path]) -> None:
        """The folders recursively, as the operating system watches best; but a recursive
        watch follows symbolic links (a link to /usr: 20,000 watches; to /proc: the thread
        died on PermissionError), so where a link is found each folder is watched on its
        own, and a folder made meanwhile starts the watch again, with it."""
        known = set(folders)
        tops = [f for f in (t.resolve() for t in self.folders()) if f in known]
        recursive = not _has_links(tops)
        for _ in watch(*(tops if recursive else folders), step=_STEP_MS, recursive=recursive,
                       ignore_permission_denied=True, raise_interrupt=False,
                       stop_event=_Either(self.stopping, self._restart)):
            if _has_links(tops) if recursive else set(_real_folders(self.root, self.folders())) != known:
                self._restart.set()  # a link made meanwhile, or a folder to watch
            self.on_change()


def _has_links(tops: list[Path]) -> bool:
    """Whether a symbolic link to a folder lies anywhere under ``tops``."""
    for top in tops:
        for folder, dirs, _ in os.walk(top, followlinks=False):
            if any(Path(folder, d).is_symlink() for d in dirs):
                return True
    return False


_MAX_FOLDERS = 2000  # folders watched: a preview of a few articles never has so many


def _real_folders(root: Path, tops: list[Path]) -> list[Path]:
    """The folders under ``tops`` (themselves included, their links resolved) that are
    folders of the project's own: no symbolic link below them followed, none leading
    outside the project."""
    base, found = root.resolve(), []
    for top in tops:
        top = top.resolve()  # a folder setting may itself be a link to a folder in the project
        if not top.is_dir() or not top.is_relative_to(base):
            continue
        for folder, dirs, _ in os.walk(top, followlinks=False):
            dirs[:] = [d for d in dirs if not Path(folder, d).is_symlink()]
            found.append(Path(folder))
            if len(found) >= _MAX_FOLDERS:
                return found
    return found


class _Either:
    """Set when either event is: watchfiles only asks ``is_set()``."""

    def __init__(self, *events: threading.Event):
        self.events = events

    def is_set(self) -> bool:
        return any(event.is_set() for event in self.events)
