"""Safe file-system writes: atomic replacement of files (one or a group), deletes, the
cleanup of temporary files a killed run left, and reads bounded in size.

A write goes to a temporary file in the target's folder, is flushed to disk, then renamed
over the target: a run killed at any moment leaves the old file or the new one, never a mix.
Every target is first checked to lie inside its folder of the project (``paths.Area``).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from diglot.errors import BuildError, PathError
from diglot.paths import Area


TEMP_SUFFIX = ".diglot.tmp"
# The names mkstemp gives diglot's temporary files: ".<target name>.<8 random>.diglot.tmp".
_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.diglot\.tmp$")


@dataclass(frozen=True)
class Write:
    """One file to write: where, what, how messages name it, and the folder it must stay in."""

    path: Path
    data: bytes
    shown: str
    area: Area
    # Flushed to disk before the renames; a kept file that checks itself need not be.
    durable: bool = True


def write_group(writes: list[Write]) -> None:
    """Write every file or none: each is first written in full to a temporary file beside
    its target, and only when all are on disk are they renamed into place. A failure while
    writing (a full disk, a path leading outside the project) leaves every target as it was."""
    staged: list[tuple[str, Path]] = []
    each = len(writes) <= _SYNC_EACH
    try:
        for write in writes:
            staged.append(_stage(write, each and write.durable))
        if not each:
            os.sync()  # one flush for the group: an fsync per file costs a disk commit each
    except BaseException:
        for tmp, _ in staged:
            _remove_quietly(tmp)
        raise
    _commit(staged, writes)


# Up to this many files, each is flushed on its own (os.sync flushes every file system).
_SYNC_EACH = 8


def write_atomic(path: Path, data: bytes, shown: str, area: Area) -> None:
    """Replace ``path`` with ``data``, creating parent folders; the old file survives failure."""
    write_group([Write(path, data, shown, area)])


def _stage(write: Write, sync: bool = True) -> tuple[str, Path]:
    """(temporary file holding the data, real target path); ``sync``: flushed to disk (else
    the caller flushes the group)."""
    target = write.area.check(write.path, write.shown, follow=False)
    if target.is_dir():
        raise PathError("this is a folder; diglot writes files only", write.shown)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX,
                                   dir=target.parent)
    except OSError as exc:
        raise BuildError(f"cannot write here: {exc.strerror}; check the folder's permissions",
                         write.shown) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            _put(handle, write.data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        _keep_mode(target, tmp)
    except BaseException as exc:
        _remove_quietly(tmp)
        if isinstance(exc, OSError):
            raise BuildError(f"cannot write the file: {exc.strerror}; nothing was changed",
                             write.shown) from exc
        raise
    return tmp, target


def _put(handle, data: bytes) -> None:
    """The one place file data is written (tests make it fail like a full disk)."""
    handle.write(data)


def _commit(staged: list[tuple[str, Path]], writes: list[Write]) -> None:
    """Rename every staged file over its target: no data is written any more, so this
    cannot run out of space. A rename that still fails (a target turned into a folder since
    it was checked) stops the group there: the files renamed before it are new, the rest
    as they were, and the error names the file."""
    for number, (tmp, target) in enumerate(staged):
        try:
            os.replace(tmp, target)
        except OSError as exc:
            for left, _ in staged[number:]:
                _remove_quietly(left)
            raise BuildError(f"cannot replace the file: {exc.strerror}",
                             writes[number].shown) from exc
    for folder in dict.fromkeys(target.parent for _, target in staged):
        _sync_folder(folder)


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


class TooLarge(OSError):
    """A file over the size bound its reader allows (``safety``)."""


class NotAFile(OSError):
    """A path naming a pipe, a device or a socket, where a file is read."""


def read_head(path: Path, size: int) -> bytes:
    """Up to ``size`` first bytes of ``path``; NotAFile for a pipe or a device (opened
    without waiting: a named pipe's open blocks for ever)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        raise NotAFile(errno.EINVAL, "not a regular file (a named pipe or a device); diglot "
                                     "reads files only", str(path))
    with open(fd, "rb") as handle:
        return handle.read(size)


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of ``path``; TooLarge past ``limit`` (never more than that read); NotAFile
    for a pipe or a device."""
    data = read_head(path, limit + 1)
    if len(data) > limit:
        raise TooLarge(errno.EFBIG, f"larger than {limit // 2**20} MB")
    return data


def unchanged(path: Path, data: bytes, shown: str, area: Area) -> bool:
    """Whether ``path`` (checked to be inside ``area`` first) already holds ``data``."""
    target = area.check(path, shown)
    try:
        return target.is_file() and target.stat().st_size == len(data) and \
            target.read_bytes() == data
    except OSError:
        return False


def write_if_changed(path: Path, data: bytes, shown: str, area: Area) -> bool:
    """Write only when the content differs; return whether the file was written."""
    if unchanged(path, data, shown, area):
        return False
    write_atomic(path, data, shown, area)
    return True


def remove_file(path: Path, shown: str, area: Area) -> bool:
    """Delete ``path`` if it is a regular file inside ``area``; a folder, a symbolic link
    or anything outside is left alone (False)."""
    try:
        area.check(path.parent, shown)
        area.check(path, shown)
    except PathError:
        return False
    if not path.is_file() or path.is_symlink():
        return False
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise BuildError(f"cannot delete the file: {exc.strerror}", shown) from exc
    return True


def remove_stale_temps(area: Area, folders: list[Path]) -> int:
    """Delete diglot's own temporary files left by a run that was killed: names of
    ``TEMP_SUFFIX``'s pattern only, regular files only, inside ``area`` only (the project
    folder itself is searched without descending; other folders with their subfolders)."""
    removed = 0
    for folder in folders:
        try:
            area.check(folder / "x", str(folder))
        except PathError:
            continue
        walk = os.walk(folder) if folder != area.folder else [(str(folder), [], _names(folder))]
        for parent, _, names in walk:
            for name in names:
                path = Path(parent, name)
                if _TEMP_NAME.match(name) and path.is_file() and not path.is_symlink():
                    removed += _remove_quietly_counted(path)
    return removed


def _names(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _remove_quietly_counted(path: Path) -> int:
    try:
        path.unlink()
    except OSError:
        return 0
    return 1
