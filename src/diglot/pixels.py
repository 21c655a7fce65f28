"""An image's size in pixels, read from its header without decoding it (PNG, GIF, JPEG,
WebP and BMP here; any other kind through Pillow when it is installed, as the PDF edition
has it): ``media`` refuses an image too large to decode safely before any builder decodes
it (the PDF renderer does; a 40,000 × 40,000 PNG was silently left out of the book, and
one of 13,000 × 13,000 took 400 MB and printed Pillow's warning)."""

from __future__ import annotations

import io
import struct
import warnings

# Pillow's own bound: it warns past this many pixels, and refuses twice as many.
MAX_PIXELS = 89_478_485
HUGE = (-1, -1)  # a size past twice the bound, not told
_JPEG_FRAMES = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD,
                          0xCE, 0xCF})


_KINDS = ((b"\x89PNG\r\n\x1a\n", "png"), (b"GIF87a", "gif"), (b"GIF89a", "gif"),
          (b"\xff\xd8", "jpeg"), (b"BM", "bmp"), (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"))


def kind(data: bytes) -> str:
    """An image's kind from its first bytes ("png", "jpeg", "gif", "bmp", "tiff", "webp",
    "avif", "svg"), whatever its name says; "" for another."""
    found = next((name for signature, name in _KINDS if data.startswith(signature)), "")
    if found or data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return found or "webp"
    if data[4:12] in (b"ftypavif", b"ftypavis"):
        return "avif"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return "svg" if head.startswith(b"<") and b"<svg" in head else ""


# Kinds whose bytes are compressed already: an archive (DOCX, EPUB) stores them as they are,
# where deflating them again gained nothing and cost 0.25 s a 12 MB photo, twice a document.
COMPRESSED = ("png", "jpeg", "gif", "webp", "avif")


def compressed(data: bytes) -> bool:
    """Whether the bytes are a picture compressed already (see ``COMPRESSED``)."""
    return kind(data) in COMPRESSED


def size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG, GIF or JPEG image; None for another kind or a header that
    cannot be read (the builders show such an image as they can)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        return _png(data)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 13:
        return _gif(data)
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP" and len(data) >= 30:
        return _webp(data)
    if data[:2] == b"BM" and len(data) >= 26:
        width, height = struct.unpack("<ii", data[18:26])
        return abs(width), abs(height)
    return _pillow(data)


def _png(data: bytes) -> tuple[int, int]:
    """The largest header up to the image data, chunks walked by their lengths: a PNG may
    carry a second IHDR, which a decoder takes (an attack round: 10 × 10 said, 13,000 ×
    13,000 decoded, 21 s and 1.4 GB)."""
    found, at = struct.unpack(">II", data[16:24]), 8
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        if kind in (b"IDAT", b"IEND"):
            break
        if kind == b"IHDR" and length >= 8 and at + 16 <= len(data):
            found = _larger(found, struct.unpack(">II", data[at + 8:at + 16]))
        at += 12 + length
    return found


def _webp(data: bytes) -> tuple[int, int] | None:
    kind = data[12:16]
    if kind == b"VP8X":  # the canvas, 24 bits each, less one
        return (int.from_bytes(data[24:27], "little") + 1,
                int.from_bytes(data[27:30], "little") + 1)
    if kind == b"VP8L":  # 14 bits each, less one, after the signature byte
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if kind == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    return None


def _pillow(data: bytes) -> tuple[int, int] | None:
    """Another kind's size (TIFF…) from Pillow's header reading, if Pillow is there."""
    try:
        from PIL import Image
    except ImportError:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data)) as image:
                return image.size
    except Image.DecompressionBombError:
        return HUGE  # Pillow refuses to say: more than twice the bound
    except Exception:  # noqa: BLE001 - not an image Pillow reads: the builders show its alt text
        return None


def _jpeg(data: bytes) -> tuple[int, int] | None:
    """The largest frame header's size up to the scan (a decoder may take any of them):
    markers are walked by their lengths, not searched."""
    at, found = 2, None
    while at + 9 < len(data) and data[at] == 0xFF and data[at + 1] != 0xDA:
        if data[at + 1] == 0xFF:  # a fill byte before a marker
            at += 1
            continue
        if data[at + 1] in _JPEG_FRAMES:
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            found = _larger(found, (width, height))
        at += 2 + struct.unpack(">H", data[at + 2:at + 4])[0]
    return found


def _gif(data: bytes) -> tuple[int, int]:
    """The logical screen, or a frame larger than it (a decoder allocates the frame):
    blocks are walked by their lengths."""
    found = struct.unpack("<HH", data[6:10])
    flags = data[10]
    at = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    while at < len(data) and data[at] != 0x3B:
        if data[at] == 0x2C and at + 10 <= len(data):  # an image: where it stands, its size
            left, top, width, height = struct.unpack("<HHHH", data[at + 1:at + 9])
            # a decoder grows the picture to hold the frame where it stands (a code review:
            # a 1 × 1 frame at 9,000, 9,000 in a 10 × 10 screen decoded as 9,001 × 9,001)
            found = _larger(found, (max(found[0], left + width), max(found[1], top + height)))
            local = data[at + 9]
            at += 10 + (3 << ((local & 7) + 1) if local & 0x80 else 0) + 1  # + LZW code size
        elif data[at] == 0x21:  # an extension: its label
            at += 2
        else:
            break
        while at < len(data) and data[at]:  # sub-blocks, each led by its length
            at += 1 + data[at]
        at += 1
    return found


def _larger(first: tuple[int, int] | None, second: tuple[int, int]) -> tuple[int, int]:
    return second if first is None or second[0] * second[1] > first[0] * first[1] else first


def too_large(data: bytes) -> str | None:
    found = size(data)
    if found == HUGE:
        return f"it is more than twice the {MAX_PIXELS:,} pixels an edition decodes safely"
    if found is None or found[0] * found[1] <= MAX_PIXELS:
        return None
    return (f"it is {found[0]:,} × {found[1]:,} pixels, more than the {MAX_PIXELS:,} an "
            "edition decodes safely; scale it down")
