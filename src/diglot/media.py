"""The images an edition shows: every image source of a translated article (in the French
and in its translation) resolved to a file inside the project and read, with the translated
variant the target column uses when it exists (``chart.en.png`` beside ``chart.png``).

A relative source is read from the article's folder, one starting with ``/`` from the
source folder (the edition's root). Remote images (``https://…``) are never fetched: the
builders only refer to them. Other schemes (``data:``, ``file:``) are not images diglot
shows; the editions show their alt text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from diglot import names, pixels, svg
from diglot.errors import CatalogError, DiglotError, SourceError
from diglot.fsio import read_limited
from diglot.model import Bilingual, Image, Picture
from diglot.po.model import Catalog
from diglot.safety import MAX_ARTICLE_IMAGES, MAX_IMAGE_BYTES, MB, VCS_FOLDERS
from diglot.source.inline import profile

REMOTE = ("http", "https")
# What a web server sends as an image: the HTML edition copies a local image to its assets
# under its own suffix, so an "image" named .html would be a page of the publisher's site.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif",
                  ".tiff")


@dataclass
class Found:
    """An article's images and every file its outputs depend on (variants that do not
    exist yet included: adding one must rebuild the article)."""

    images: dict[str, Image] = field(default_factory=dict)
    inputs: set[str] = field(default_factory=set)
    # Each file read once, however many ways the text names it ("a.png", "./a.png?1"…),
    # and their bytes counted against MAX_ARTICLE_IMAGES.
    read: dict[Path, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class Place:
    """Where an article's images are looked for: the project folder and its sources'."""

    root: Path
    source_dir: Path

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


class Where(NamedTuple):
    """Where an image source was written, for its error: the file and line (the PO entry's,
    for a translation's image, when the PO file is known) and a note."""

    file: str
    line: int
    note: str = ""

    def error(self, message: str) -> DiglotError:
        kind = CatalogError if self.file.endswith(".po") else SourceError
        return kind(message, self.file, self.line)


def attach(doc: Bilingual, root: Path, source_dir: Path,
           po: tuple[str, Catalog | None] | None = None) -> tuple[Bilingual, list[str]]:
    """``doc`` with its images, and the project-relative paths its outputs depend on;
    ``po``: the translation's PO file (its path and catalog), which a translation's image
    errors name."""
    found, project = Found(), Place(root, source_dir)
    for src, where in _sources(doc, po).items():
        image = _image(project, doc, src, where, found)
        if image is not None:
            found.images[src] = image
    return replace(doc, images=found.images), sorted(found.inputs)


def check_paths(doc: Bilingual, root: Path, source_dir: Path,
                po: tuple[str, Catalog | None] | None = None) -> None:
    """The errors ``attach`` would raise for where ``doc``'s images are (missing, outside
    the project, in a version-control folder, no image file's name), without reading them:
    ``diglot check`` must not pass an article the build refuses (a new user's review)."""
    project = Place(root, source_dir)
    for src, where in _sources(doc, po).items():
        parts = urlsplit(src)
        if parts.scheme or parts.netloc:
            continue  # remote, or another scheme: shown as the builders can
        path = _local(project, doc.article.path, unquote(parts.path), src, where)
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            raise where.error(f"image '{unquote(src)}'{where.note} is no image file the editions "
                              f"publish: its name must end in {', '.join(IMAGE_SUFFIXES)}")


def unshown(doc: Bilingual, kinds: tuple[str, ...], edition: str) -> list[str]:
    """One line per image file of ``doc`` that an edition embedding only ``kinds`` of
    picture shows as its alt text (an SVG in the DOCX), naming where it is written."""
    if not doc.images:
        return []
    out = []
    for src, where in _sources(doc, None).items():
        image = doc.images.get(src)
        for picture in dict.fromkeys((image.source, image.target)) if image else ():
            found = pixels.kind(picture.data)
            if picture.data and found not in kinds:
                shown = ", ".join(k.upper() for k in kinds)
                out.append(f"{where.file}:{where.line}: image {picture.path} "
                           f"({found.upper() or 'of another kind'}): the {edition} edition "
                           f"shows its alt text (it embeds {shown} pictures)")
    return out


def picture_files(doc: Bilingual) -> list[bytes]:
    """The bytes of each picture file ``doc`` shows, each once."""
    found = {id(p.data): p.data for image in doc.images.values()
             for p in (image.source, image.target) if p.data}
    return list(found.values())


def decoded_pixels(data: bytes) -> int:
    """The pixels an engine decodes to draw a picture: its size, as any reader (Pillow too)
    tells it, whatever its first bytes claim (a TGA whose first field held "<svg" was taken
    for an SVG and counted as none); an SVG's, those of the pictures it embeds."""
    size = pixels.size(data)
    if size is not None:
        return abs(size[0] * size[1])
    return svg.embedded_pixels(data) if svg.is_svg(data) else 0


def _sources(doc: Bilingual, po) -> dict[str, Where]:
    """image source → where it was first written, in order of appearance."""
    found: dict[str, Where] = {}
    for pair in doc.pairs:
        block = pair.block
        here = Where(doc.article.path, block.line)
        texts = [(here, block.text)] if block.translatable or block.fixed else []
        if pair.target is not None and not pair.fallback and block.translatable:
            texts.append((_in_translation(doc, pair, here, po), pair.target))
        if block.image:
            found.setdefault(block.image, here)
        for where, text in texts:
            if "![" in text:
                for src in profile(text, doc.references).images:
                    found.setdefault(src, where)
    return found


def _in_translation(doc: Bilingual, pair, here: Where, po) -> Where:
    note = f" (in the '{doc.target_lang}' translation)"
    entry = po[1].find(pair.block.text) if po and po[1] is not None else None
    return Where(po[0], entry.line, note) if entry is not None and entry.line else \
        here._replace(note=note)


def _image(project: Place, doc: Bilingual, src: str, where: Where, found: Found) -> Image | None:
    parts = urlsplit(src)
    if parts.scheme.lower() in REMOTE or (not parts.scheme and parts.netloc):
        return Image(Picture(src), Picture(src))
    if parts.scheme:
        return None
    path = _local(project, doc.article.path, unquote(parts.path), src, where)
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise where.error(f"image '{unquote(src)}'{where.note} is no image file the editions "
                          f"publish: its name must end in {', '.join(IMAGE_SUFFIXES)}")
    variant = path.with_name(f"{path.stem}.{doc.target_lang}{path.suffix}")
    found.inputs.update({project.rel(path), project.rel(variant)})
    source = _picture(project, src, path, where, found)
    inside = variant.is_file() and _inside(project, variant)
    target = _picture(project, src, variant, where, found) if inside else source
    return Image(source, target)


def _local(project: Place, article: str, path: str, src: str, where: Where) -> Path:
    """The file a local source names (from the article's folder, a translation's too),
    refused when missing or outside the project."""
    base = project.source_dir if path.startswith("/") else (project.root / article).parent
    found = base / path.lstrip("/")
    if not _inside(project, found):
        raise where.error(f"image '{unquote(src)}'{where.note} is outside the project; keep "
                          "images inside the project folder")
    if _hidden(project, found):
        raise where.error(f"image '{unquote(src)}'{where.note} is in a version-control folder "
                          "(.git…) or leads into one; keep images in the project's own folders")
    if not found.is_file():
        raise where.error(f"image '{unquote(src)}'{where.note} not found (no file "
                          f"{project.rel(found)})")
    return found


def _hidden(project: Place, path: Path) -> bool:
    """Whether the file, its links followed, lies in a version-control folder of the
    project (its settings may hold a token); git-annex's objects, which its checkouts link
    every picture to, are pictures."""
    try:
        parts = path.resolve().relative_to(project.root.resolve()).parts[:-1]
    except (OSError, ValueError):
        return True
    if tuple(p.casefold() for p in parts[:3]) == (".git", "annex", "objects"):
        return False
    return any(part.casefold() in VCS_FOLDERS for part in parts)


def _inside(project: Place, path: Path) -> bool:
    try:
        path.resolve().relative_to(project.root.resolve())
    except (OSError, ValueError):
        return False
    return True


def _picture(project: Place, src: str, path: Path, where: Where, found: Found) -> Picture:
    key = path.resolve()
    data = found.read.get(key)
    if data is None:
        data = found.read[key] = _shared(_read(project, path, where))
        if sum(map(len, found.read.values())) > MAX_ARTICLE_IMAGES:
            raise where.error(f"the article's images pass {MAX_ARTICLE_IMAGES // MB} MB in all "
                              f"with {project.rel(path)}: an edition holds them all; make "
                              "them smaller, or split the article")
    return Picture(src, project.rel(path), data, asset_name(path.name, data))


# The bytes of the pictures read lately, by digest: articles showing one file hold one copy
# (an attack round: a 31 MB picture shown by 40 articles held 40 copies, 3.8 GB, as the
# EPUB edition read them all again). Bounded, for a long-running preview.
_SHARED: dict[bytes, bytes] = {}
_SHARED_BYTES = MAX_ARTICLE_IMAGES
_shared_size = [0]  # the bytes _SHARED holds


def _shared(data: bytes) -> bytes:
    digest = hashlib.sha256(data).digest()
    kept = _SHARED.get(digest)
    if kept is not None:
        return kept
    while _SHARED and _shared_size[0] + len(data) > _SHARED_BYTES:
        _shared_size[0] -= len(_SHARED.pop(next(iter(_SHARED))))  # the oldest first
    _SHARED[digest] = data
    _shared_size[0] += len(data)
    return data


def _read(project: Place, path: Path, where: Where) -> bytes:
    """The bytes of an image file, read within its bound and checked fit to publish."""
    try:
        data = read_limited(path, MAX_IMAGE_BYTES)
    except OSError as exc:
        raise where.error(f"cannot read the image {project.rel(path)}: {exc.strerror}") from exc
    unfit = svg.problem(data, path.suffix) or pixels.too_large(data) or _not_an_image(data)
    if unfit:
        raise where.error(f"image {project.rel(path)}{where.note} cannot be published: {unfit}")
    return data


def _not_an_image(data: bytes) -> str:
    """Why bytes named as an image are none (a link to ``.git/config`` named ``logo.png``
    would be copied among the pages' assets as it is), or ""."""
    if pixels.kind(data) or svg.is_svg(data):  # an SVG after a long comment, or in UTF-16
        return ""
    return ("its bytes are no PNG, JPEG, GIF, WebP, AVIF, BMP, TIFF or SVG image, whatever its "
            "name says")


def asset_name(name: str, data: bytes) -> str:
    """The image's file name among the HTML edition's assets: its slugged name and a digest
    of its bytes (``quai-3f2a9c1b04.jpg``), so two images never share a name and a changed
    image gets a new one."""
    pure = PurePosixPath(name)
    digest = hashlib.sha256(data).hexdigest()[:10]
    suffix = "." + names.slug(pure.suffix.lower()) if names.slug(pure.suffix) else ""
    return f"{names.slug(pure.stem) or 'image'}-{digest}{suffix}"
