"""Safe file-system writes: atomic replacement of a file, and the project lock.

A write goes to a temporary file in the target's folder, is flushed to disk, then renamed
over the target: a run killed at any moment leaves the old file or the new one, never a mix.
"""

from __future__ import annotations

import errno
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from diglot.errors import BuildError, LockError


def write_atomic(path: Path, data: bytes, shown: str | None = None) -> None:
    """Replace ``path`` with ``data``, creating parent folders; the old file survives failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise BuildError(f"cannot write here: {exc.strerror}; check the folder's permissions",
                         shown or path) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(path, tmp)
        os.replace(tmp, path)
    except BaseException as exc:
        _remove_quietly(tmp)
        if isinstance(exc, OSError):
            raise BuildError(f"cannot write the file: {exc.strerror}", shown or path) from exc
        raise
    _sync_folder(path.parent)


def _keep_mode(path: Path, tmp: str) -> None:
    try:
        os.chmod(tmp, path.stat().st_mode & 0o7777)
    except FileNotFoundError:
        os.chmod(tmp, 0o644)


def _remove_quietly(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_if_changed(path: Path, data: bytes, shown: str | None = None) -> bool:
    """Write only when the content differs; return whether the file was written."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data, shown)
    return True


@contextmanager
def project_lock(root: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold ``.diglot.lock`` for the run; another run waits up to ``wait`` s, then stops."""
    import fcntl

    lock_path = root / ".diglot.lock"
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield  # a read-only project cannot be written to anyway; nothing to protect
        return
    try:
        _acquire(fd, fcntl, wait, lock_path)
        yield
    finally:
        os.close(fd)


def _acquire(fd: int, fcntl, wait: float, lock_path: Path) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES) or time.monotonic() >= deadline:
                raise LockError("another diglot run is working on this project; wait for it "
                                "to finish, or use --wait SECONDS", lock_path.name) from exc
            time.sleep(0.1)
