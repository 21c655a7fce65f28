"""The project lock: ``.diglot.lock`` held (``flock``) for a run that writes, so that two
runs never write the same files at once; a lock file a clone ships as a link, a folder or
read-only is refused or still locks (an attack round).
"""

from __future__ import annotations

import errno
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from diglot.errors import LockError


@contextmanager
def project_lock(root: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold ``.diglot.lock`` for the run; another run waits up to ``wait`` s, then stops."""
    import fcntl

    lock_path = root / ".diglot.lock"
    try:
        # O_NOFOLLOW: a lock file that is a symbolic link would create a file elsewhere.
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP or lock_path.is_symlink():
            raise LockError("the lock file is a symbolic link, which diglot never follows; "
                            "remove it", lock_path.name) from None
        if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
            # an attack round: a folder of this name, shipped in a clone, let two runs write
            # the same PO files at once
            raise LockError(f"cannot hold the lock file ({exc.strerror}); diglot makes it "
                            "itself: remove what is there", lock_path.name) from None
        fd = _read_only(lock_path)  # a lock file left read-only (a tarball's) still locks
        if fd is None and os.access(root, os.W_OK):  # one no one may read (mode 000): no
            raise LockError(f"cannot hold the lock file ({exc.strerror}); diglot makes it "
                            "itself: remove it", lock_path.name) from None
        if fd is None:
            yield  # a read-only project cannot be written to anyway; nothing to protect
            return
    try:
        _acquire(fd, fcntl, wait, lock_path)
        _HELD.append(fd)
        yield
    finally:
        if fd in _HELD:
            _HELD.remove(fd)
        os.close(fd)


def _read_only(lock_path: Path) -> int | None:
    """The lock file opened for reading (a lock taken on it holds as well), or None when
    even that is refused."""
    try:
        return os.open(lock_path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None


# The lock files this process holds. A forked helper closes its copy at once: the lock
# belongs to the open file, so a helper left running after its build was killed would
# otherwise keep the project locked (closing a copy never unlocks the build's own).
_HELD: list[int] = []


def _close_held() -> None:
    while _HELD:
        try:
            os.close(_HELD.pop())
        except OSError:
            pass


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_held)


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
