"""The parts ``diglot build`` keeps between runs: each article's part of an edition-wide
file (``Format.edition == "parts"``: the index page's summary, the DOCX edition's table),
so touching one article rebuilds the edition from the others' parts, never re-reading or
re-rendering them; a book-length HTML page's rows (``rows_path``) and a book-length
source parsed (``article_path``).

A part lives at ``<output>/.diglot-cache/<output name>.part``, under the fingerprint of
the output it was rendered with, sealed with an HMAC whose key only this user's diglot
knows (``$XDG_CACHE_HOME/diglot/part-key``): a part found in a cloned repository, or
edited by hand, is never used; the article is simply rendered again.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import lru_cache
from pathlib import Path

from diglot.fsio import TooLarge, Write, read_limited, remove_file
from diglot.errors import PathError
from diglot.paths import Area

FOLDER = ".diglot-cache"
_MAGIC = b"diglot-part 1\n"
_MAX = 512 * 2**20  # a part is at most an article's table: far below this


def path(output_dir: Path, rel: str) -> Path:
    """Where the part of the output ``rel`` (relative to the output folder) is kept."""
    return output_dir / FOLDER / f"{rel}.part"


def article_path(output_dir: Path, rel: str) -> Path:
    """Where the book-length source of the output ``rel`` is kept parsed (build_sources)."""
    return output_dir / FOLDER / f"{rel}.article"


def rows_path(output_dir: Path, rel: str) -> Path:
    """Where a book-length HTML page's rendered rows are kept (builders/html_split), sealed
    like a part under its format's fingerprint: each chunk of rows carries the digest of
    what it was made from."""
    return output_dir / FOLDER / f"{rel}.rows"


def seal(key: str, part: bytes) -> bytes:
    """A part's file: the magic line, its seal over ``key`` and the part, the part."""
    return _MAGIC + _mac(key, part).encode() + b"\n" + part


def load(file: Path, key: str, area: Area) -> bytes | None:
    """The part kept for an output of fingerprint ``key``; None when there is none, it was
    rendered from other inputs, or its seal does not hold."""
    try:
        target = area.check(file, file.name)
        if target.is_symlink() or not target.is_file():
            return None
        data = read_limited(target, _MAX)
    except (OSError, TooLarge, PathError):
        return None
    if not data.startswith(_MAGIC):
        return None
    mac, _, part = data[len(_MAGIC):].partition(b"\n")
    return part if hmac.compare_digest(mac, _mac(key, part).encode()) else None


def write(file: Path, key: str, part: bytes, area: Area, shown: str) -> Write:
    """The sealed file to write; not flushed on its own: a kept file cut short by a crash
    fails its seal and is made again (a book's 10 MB of kept rows and article took 0.02 s
    to flush)."""
    return Write(file, seal(key, part), shown, area, durable=False)


def remove(file: Path, area: Area) -> None:
    try:
        remove_file(file, file.name, area)
    except (OSError, PathError):
        pass  # a part left behind is never used for another output: harmless


def _mac(key: str, part: bytes) -> str:
    digest = hmac.new(_secret(), key.encode() + b"\0", hashlib.sha256)
    digest.update(part)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _secret() -> bytes:
    """This user's key (made on first use); a key for this run alone when none can be
    kept (the parts are then rendered again next time)."""
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    file = Path(home) / "diglot" / "part-key"
    try:
        key = file.read_bytes() if file.exists() else _create(file)
    except OSError:
        key = b""
    return key if len(key) >= 32 else secrets.token_bytes(32)


def _create(file: Path) -> bytes:
    """A new key, put in place so that no other process's is replaced (a link fails if one
    made its key first: that one is used)."""
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_name(f".{file.name}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(secrets.token_bytes(32))
    try:
        os.link(tmp, file)
    except FileExistsError:
        pass
    finally:
        os.unlink(tmp)
    return file.read_bytes()
