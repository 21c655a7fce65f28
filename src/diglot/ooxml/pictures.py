"""Pictures in a document: each image file stored once (python-docx's image parts), shown as
inline drawings at their natural size (96 pixels to the inch, as browsers show them) or
scaled down to fit the space they are given, never up. Shape ids are counted here rather
than by python-docx, whose count scans the whole document for every picture and cannot see
tables the edition keeps serialised aside.
"""

from __future__ import annotations

import io

from docx.image.image import Image
from docx.oxml.shape import CT_Inline

from diglot.ooxml import xml as x

EMU_PER_PIXEL = 9525  # at 96 dpi
EMU_PER_TWIP = 635


class Pictures:
    """Inline pictures for one document part (it owns the image relationships)."""

    def __init__(self, part) -> None:
        self._part = part
        self._next = 1

    @property
    def count(self) -> int:
        """How many pictures (shape ids 1…count) were added."""
        return self._next - 1

    def reserve(self, count: int) -> int:
        """Set aside ``count`` shape ids (another document's pictures, adopted); the
        offset to add to their ids there."""
        offset = self._next - 1
        self._next += count
        return offset

    def add(self, parent, data: bytes, alt: str, width: int, height: int, lang: str) -> bool:
        """A run holding the picture, fitted into ``width`` × ``height`` twips; False when
        the file is no image Word can show (SVG, WebP…): the caller shows its alt text."""
        if not readable(data):
            return False
        rid, image = self._part.get_or_add_image(io.BytesIO(data))
        cx, cy = fit(image.px_width, image.px_height, width * EMU_PER_TWIP, height * EMU_PER_TWIP)
        inline = CT_Inline.new_pic_inline(self._next, rid, image.filename, cx, cy)
        inline.docPr.set("descr", alt)
        self._next += 1
        run = x.run(parent, "", lang)
        run.remove(run[-1])  # the empty text: the run holds the drawing instead
        x.sub(run, "w:drawing").append(inline)
        return True


def readable(data: bytes) -> bool:
    """Whether python-docx reads the picture and its size (checked before it is stored)."""
    try:
        image = Image.from_blob(data)
        return isinstance(image.px_width, int) and isinstance(image.px_height, int)
    except Exception:  # noqa: BLE001 - python-docx's parsers raise bare Exception, struct.error…
        return False  # on a cut file; the caller shows the alt text


def fit(px_width: int, px_height: int, max_width: int, max_height: int) -> tuple[int, int]:
    """The natural size in EMU, scaled down (keeping its proportions) to fit the box."""
    width, height = max(px_width, 1) * EMU_PER_PIXEL, max(px_height, 1) * EMU_PER_PIXEL
    scale = min(1.0, max_width / width, max_height / height)
    return int(width * scale), int(height * scale)
