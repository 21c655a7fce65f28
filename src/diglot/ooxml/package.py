"""A DOCX package as bytes: stamped with a fixed time so equal documents are equal files,
and compared part by part so a rebuild that only changed the build time is no change."""

from __future__ import annotations

import io
import zipfile
from typing import Callable

# zlib's level 3: a book's 15 MB document.xml deflates in 0.06 s, where the default (6)
# took 0.14 s, for a file 18% bigger (1.74 MB against 1.47).
LEVEL = 3


def stamped(data: bytes, when, document: Callable[[bytes], bytes] | None = None) -> bytes:
    """The package with every zip entry dated ``when`` (python-docx stamps the current
    time), so equal documents are equal files and an unchanged output is not rewritten;
    ``document`` may rewrite the main document part on the way."""
    # The zip format's dates run from 1980 to 2107.
    stamp = min(max(when.timetuple()[:6], (1980, 1, 1, 0, 0, 0)), (2107, 12, 31, 23, 59, 58))
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(info)
            if document is not None and info.filename == "word/document.xml":
                data = document(data)
            target.writestr(entry, data, compresslevel=LEVEL)
    return out.getvalue()


def same_document(old: bytes, new: bytes) -> bool:
    """The two packages hold the same parts, apart from the document properties (which
    carry the build time) and the zip entries' dates: each part of the same size and CRC-32
    (read from the zip directories, so an edition of 40 MB is compared without inflating
    it; a change that kept both would go unnoticed once in four billion). ``old`` is a file
    found on disk: anything odd is simply not the same."""
    try:
        return _directory(old) == _directory(new)
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        return False


def _directory(data: bytes) -> dict[str, tuple[int, int]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: (info.file_size, info.CRC) for info in package.infolist()
                if info.filename != "docProps/core.xml"}
