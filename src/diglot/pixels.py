"""An image's size in pixels, read from its header (PNG, GIF, JPEG) without decoding it:
``media`` refuses an image too large to decode safely before any builder decodes it (the
PDF renderer does; a 40,000 × 40,000 PNG was silently left out of the book, and one of
13,000 × 13,000 took 400 MB and printed Pillow's warning)."""

from __future__ import annotations

import struct

# Pillow's own bound: it warns past this many pixels, and refuses twice as many.
MAX_PIXELS = 89_478_485
_JPEG_FRAMES = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD,
                          0xCE, 0xCF})


def size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG, GIF or JPEG image; None for another kind or a header that
    cannot be read (the builders show such an image as they can)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return struct.unpack("<HH", data[6:10])
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    return None


def _jpeg(data: bytes) -> tuple[int, int] | None:
    """The frame header's size: markers are walked by their lengths, not searched."""
    at = 2
    while at + 9 < len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker in _JPEG_FRAMES:
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return width, height
        at += 2 + struct.unpack(">H", data[at + 2:at + 4])[0]
    return None


def too_large(data: bytes) -> str | None:
    found = size(data)
    if found is None or found[0] * found[1] <= MAX_PIXELS:
        return None
    return (f"it is {found[0]:,} × {found[1]:,} pixels, more than the {MAX_PIXELS:,} an "
            "edition decodes safely; scale it down")
