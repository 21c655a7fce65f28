"""Pictures in a document: each image file stored once (python-docx's image parts), shown as
inline drawings at their natural size (96 pixels to the inch, as browsers show them) or
scaled down to fit the space they are given, never up. Shape ids are counted here rather
than by python-docx, whose count scans the whole document for every picture and cannot see
tables the edition keeps serialised aside.
"""

from __future__ import annotations

import hashlib

from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml.shape import CT_Inline
from docx.parts.image import ImagePart

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
        rid, image = store(self._part, data)
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


def store(part, data: bytes) -> tuple[str, Image]:
    """python-docx's ``part.get_or_add_image``, in constant time: its image parts are found
    by hashing every stored picture again, and its part names and relationship ids by scans
    of them all, for each picture added (an attack round: 3,000 tiny pictures, 58 s; 6,000,
    430 s). The names and ids are the ones it would choose, found without the scans."""
    package = part.package
    media = getattr(package, "_diglot_media", None)  # kept on the package: it goes with it
    if media is None:
        media = package._diglot_media = _Media(package)
    image_part = media.image_part(package, data)
    return media.rid(part, image_part), image_part.image


class _Media:
    """A package's image parts by their bytes' digest, and each part's image relationships."""

    def __init__(self, package) -> None:
        self.parts = {hashlib.sha1(p.blob).hexdigest(): p for p in package.image_parts}
        self.numbers = {p.partname.idx for p in package.image_parts}
        self.rids: dict[tuple[int, str], str] = {}
        self.next_rid: dict[int, int] = {}  # a part's smallest id that may be free
        self.next_number = 1

    def image_part(self, package, data: bytes) -> ImagePart:
        digest = hashlib.sha1(data).hexdigest()
        if digest not in self.parts:
            image = Image.from_blob(data)
            while self.next_number in self.numbers:
                self.next_number += 1
            self.numbers.add(self.next_number)
            name = PackURI(f"/word/media/image{self.next_number}.{image.ext}")
            self.parts[digest] = ImagePart.from_image(image, name)
            package.image_parts.append(self.parts[digest])
        return self.parts[digest]

    def rid(self, part, image_part: ImagePart) -> str:
        key, rels = (id(part), image_part.partname), part.rels
        if id(part) not in self.next_rid:  # the part's own relationships, read once
            self.next_rid[id(part)] = 1
            self.rids.update({(id(part), r.target_part.partname): r.rId
                              for r in rels.values() if r.reltype == RT.IMAGE and not r.is_external})
        if key not in self.rids:
            number = self.next_rid[id(part)]
            while f"rId{number}" in rels:
                number += 1
            rels.add_relationship(RT.IMAGE, image_part, f"rId{number}")
            self.rids[key], self.next_rid[id(part)] = f"rId{number}", number + 1
        return self.rids[key]
