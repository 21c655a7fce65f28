"""Chapters → an EPUB 3 package as bytes: the cover, the contents (the navigation document,
and an NCX for EPUB 2 readers), a part page before each language read alone, the package
document (metadata, manifest, spine), and the zip container, written the same way for the
same input (``mimetype`` first and stored, every entry dated with the build time).

The spine reads: cover, contents, the bilingual text, then the French alone and the English
alone, each after its part page: every reading system honours a spine and a table of
contents, which is how a reader chooses one language (see the README).
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
import zlib
from typing import NamedTuple
from urllib.parse import quote

from diglot import locales, pixels
from diglot.builders import BuildContext
from diglot.builders.epub.chapter import BOTH, Chapter, folder
from diglot.builders.epub.cover import cover_lines
from diglot.builders.epub.render import chrome, labels, media_type, render
from diglot.web import asset

ROOT = "EPUB/"  # the package's folder in the container
OPF = ROOT + "package.opf"
_MODIFIED = re.compile(rb'<meta property="dcterms:modified">[^<]*</meta>')


class Book(NamedTuple):
    """What a package says of itself besides its chapters."""

    titles: tuple[str, str]  # the cover's title and its English one ('' for none)
    langs: tuple[str, str]
    authors: tuple[str, ...]
    date: str  # dc:date (ISO), '' for none
    key: str  # what the identifier is derived from: the same book keeps it

    @property
    def title(self) -> str:
        """dc:title: both titles, as a library lists the book."""
        return " · ".join(t for t in self.titles if t)


class Entry(NamedTuple):
    """One line of the contents: a link and its label, (language, text) pieces."""

    href: str
    label: tuple[tuple[str, str], ...]
    children: tuple["Entry", ...] = ()


def package(chapters: list[Chapter], book: Book, ctx: BuildContext) -> bytes:
    """The EPUB file of ``chapters`` (one article's, or the edition's)."""
    spine, contents = _spine(chapters, book.langs), _contents(chapters, book.langs)
    uid = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "diglot:" + book.key))
    files = _pages(chapters, book, spine, contents)
    files[ROOT + "toc.ncx"] = render("toc.ncx.j2", uid=uid, book=book, points=_points(contents),
                                     depth=_depth(contents))
    items = _manifest(files)
    ids = {item["rel"]: item["id"] for item in items}
    opf = render("package.opf.j2", uid=uid, book=book, spine=[ids[page] for page in spine],
                 items=items, modified=_stamp(ctx))
    return _zipped([("META-INF/container.xml", asset("epub/container.xml").encode("utf-8")),
                    (OPF, opf), *sorted(files.items())], ctx)


def _pages(chapters: list[Chapter], book: Book, spine: list[str], contents) -> dict[str, bytes]:
    """The book's own pages and style, then every chapter's files, by path in the zip."""
    files = {ROOT + "style.css": asset("epub/style.css").encode("utf-8"),
             ROOT + "cover.svg": _cover_svg(book),
             ROOT + "cover.xhtml": render("cover.xhtml.j2", book=book, t=_pair(book.langs)),
             ROOT + "nav.xhtml": _nav(contents, book, chapters)}
    files.update({ROOT + page: _part_page(page, book.langs) for page in spine if "part-" in page})
    for item in chapters:
        files.update({ROOT + path: data for path, data in item.files.items()})
    return files


def same(old: bytes, new: bytes) -> bool:
    """Whether two EPUB files hold the same parts in the same order, their build time
    (``dcterms:modified``, the entries' dates) aside."""
    try:
        with zipfile.ZipFile(io.BytesIO(old)) as a, zipfile.ZipFile(io.BytesIO(new)) as b:
            shapes = [[(i.filename, i.file_size) for i in z.infolist()] for z in (a, b)]
            # sizes first: an old file is read no further than the new one's parts
            return shapes[0] == shapes[1] and all(
                _steady(name, a.read(name)) == _steady(name, b.read(name)) for name, _ in shapes[1])
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError,
            ValueError, KeyError, NotImplementedError, RuntimeError):
        return False


def _steady(name: str, data: bytes) -> bytes:
    return _MODIFIED.sub(b"", data) if name == OPF else data


# --- reading order and contents --------------------------------------------------------------

def _spine(chapters: list[Chapter], langs: tuple[str, str]) -> list[str]:
    """Every page in reading order, by path inside the package folder."""
    order = ["cover.xhtml", "nav.xhtml"]
    for rendition in (BOTH, "fr", "en"):
        if rendition != BOTH and chapters:
            order.append(f"part-{folder(rendition, langs)}.xhtml")
        order += [c.href(rendition) for c in chapters]
    return order


def _contents(chapters: list[Chapter], langs: tuple[str, str]) -> list[Entry]:
    """The bilingual text (its articles and their sections), then each language alone.
    One article's book lists the article itself where an edition lists its part."""
    if not chapters:
        return [Entry("cover.xhtml", _both_labels(langs, "cover"))]
    both = tuple(_article_entry(c, BOTH, sections=True) for c in chapters)
    parts = [both[0] if len(chapters) == 1 else
             Entry(_href(chapters[0].href(BOTH)), _both_labels(langs, "both"), both)]
    # Each language alone lists its chapters too: a reader of one language jumps to
    # chapter III (a reader's review: "Français seul" was one entry for a novel).
    for rendition, side in (("fr", 0), ("en", 1)):
        label = (_alone(langs[side], langs[side]),)
        items = tuple(_article_entry(c, rendition, sections=True) for c in chapters)
        if len(chapters) == 1:
            items = items[0].children
        parts.append(Entry(f"part-{folder(rendition, langs)}.xhtml", label, items))
    return parts


def _article_entry(item: Chapter, rendition: str, sections: bool = False) -> Entry:
    href = _href(item.href(rendition))
    children = tuple(Entry(f"{href}#{s.anchor}", _titled(s.titles, item.langs, rendition))
                     for s in item.sections) if sections else ()
    return Entry(href, _titled(item.titles, item.langs, rendition), children)


def _titled(titles: tuple[str, str], langs: tuple[str, str], rendition: str):
    """A label in the rendition's language (the French when there is no English), or in
    both for the bilingual text."""
    fr, en = (langs[0], titles[0]), (langs[1], titles[1])
    if rendition == "fr" or not titles[1]:
        return (fr,)
    return (en,) if rendition == "en" else (fr, en) if titles[1] != titles[0] else (fr,)


def _both_labels(langs: tuple[str, str], key: str) -> tuple[tuple[str, str], ...]:
    return tuple((chrome(lang), labels(lang)[key]) for lang in langs)


def _alone(lang: str, in_lang: str) -> tuple[str, str]:
    """'Français seul', 'English only': one language alone, named in ``in_lang``'s words
    (English words, and the name in English, for a language without labels)."""
    words = chrome(in_lang)
    return words, labels(words)["alone"].format(_language(lang, words))


def _href(path: str) -> str:
    return quote(path, safe="/")


def _points(entries: list[Entry]) -> list[dict]:
    """The contents as NCX navPoints: each with its id and its place in the reading order
    (entries leading to the same page share it)."""
    order: dict[str, int] = {}
    count = [0]

    def point(entry: Entry) -> dict:
        count[0] += 1
        number = order.setdefault(entry.href, len(order) + 1)
        return {"id": f"np{count[0]}", "order": number, "href": entry.href,
                "text": " · ".join(text for _, text in entry.label),
                "children": [point(child) for child in entry.children]}

    return [point(entry) for entry in entries]


def _depth(entries) -> int:
    return 1 + max((_depth(e.children) for e in entries if e.children), default=0)


def _nav(contents: list[Entry], book: Book, chapters: list[Chapter]) -> bytes:
    start = _href(chapters[0].href(BOTH)) if chapters else "cover.xhtml"
    return render("nav.xhtml.j2", contents=contents, book=book, t=_pair(book.langs), start=start)


def _part_page(page: str, langs: tuple[str, str]) -> bytes:
    lang = page.removeprefix("part-").removesuffix(".xhtml")
    other = langs[1] if lang == langs[0] else langs[0]
    heading = [_alone(lang, code) for code in (lang, other)]
    return render("part.xhtml.j2", lang=heading[0][0], heading=heading,
                  explain=(heading[0][0], labels(lang)["alone_note"]))


# --- the cover -------------------------------------------------------------------------------

def _cover_svg(book: Book) -> bytes:
    names = [(lang, _language(lang, lang)) for lang in book.langs]
    return render("cover.svg.j2", book=book, lines=cover_lines(*book.titles),
                  names=names, t=_pair(book.langs))


def _pair(langs: tuple[str, str]) -> dict:
    """Each language's labels, and the language they are written in ('en' for a language
    without labels of its own)."""
    return {"fr": labels(langs[0]), "en": labels(langs[1]), "langs": langs,
            "words": (chrome(langs[0]), chrome(langs[1]))}


def _language(code: str, in_lang: str) -> str:
    """A language's name, capitalised, as ``in_lang`` writes it (``Français``, ``French``)."""
    try:
        name = locales.language_name(code, in_lang)
    except (ValueError, TypeError, LookupError):
        name = code
    return name[:1].upper() + name[1:]


# --- the package document and the container --------------------------------------------------

def _manifest(files: dict[str, bytes]) -> list[dict]:
    """Every file of the package folder with its id, media type and properties."""
    items = []
    for number, path in enumerate(sorted(files), 1):
        rel = path.removeprefix(ROOT)
        items.append({"id": _item_id(rel, number), "href": _href(rel), "rel": rel,
                      "type": _type(rel, files[path]), "properties": _properties(rel)})
    return items


def _item_id(rel: str, number: int) -> str:
    fixed = {"nav.xhtml": "nav", "toc.ncx": "ncx", "cover.xhtml": "cover",
             "cover.svg": "cover-image", "style.css": "css"}
    return fixed.get(rel, f"i{number}")


def _type(rel: str, data: bytes) -> str:
    if rel.endswith(".xhtml"):
        return "application/xhtml+xml"
    kinds = {".css": "text/css", ".ncx": "application/x-dtbncx+xml"}
    return kinds.get(rel[rel.rfind("."):], "") or media_type(data) or "application/octet-stream"


def _properties(rel: str) -> str:
    return {"nav.xhtml": "nav", "cover.svg": "cover-image"}.get(rel, "")


def _stamp(ctx: BuildContext) -> str:
    return ctx.built.strftime("%Y-%m-%dT%H:%M:%SZ")


def _zipped(files: list[tuple[str, bytes]], ctx: BuildContext) -> bytes:
    """The container: ``mimetype`` first and stored, as readers find an EPUB by it; each
    entry dated with the build time (SOURCE_DATE_EPOCH), in a fixed order and mode."""
    when = min(max(ctx.built.timetuple()[:6], (1980, 1, 1, 0, 0, 0)), (2107, 12, 31, 23, 59, 58))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in [("mimetype", b"application/epub+zip"), *files]:
            entry = zipfile.ZipInfo(name, date_time=when)
            entry.create_system, entry.external_attr = 3, 0o100644 << 16
            stored = name == "mimetype" or pixels.compressed(data)
            entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(entry, data)
    return out.getvalue()
