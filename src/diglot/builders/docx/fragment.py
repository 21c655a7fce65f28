"""An article's table as the DOCX edition takes it from the article's own document: its XML
text and what that text refers to elsewhere in its package (links, pictures, numbered lists,
footnotes, shape ids and the titles' bookmarks), so ``edition.docx`` is assembled without
rendering the article again.

The ids in the text are the article document's own; ``adopt`` gives each its new value in
the edition (found in start tags diglot itself writes, which no escaped text can imitate). A fragment is bytes: a JSON line, then the table's XML.
"""

from __future__ import annotations

import base64
import json
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from diglot.ooxml.pictures import store
from diglot.builders.docx.book import Book, bookmarks
from diglot.builders.docx.table import split_title
from diglot.errors import BuildError
from diglot.model import Bilingual
from diglot.ooxml.untrusted import parse_xml
from diglot.source.inline import plain_text


@dataclass
class Fragment:
    """One article's table and what it refers to (relationship ids, numIds, note ids
    and shape ids as the article's own document numbers them)."""

    titles: tuple[str, str]  # plain text; the English empty when untranslated
    author: str
    langs: tuple[str, str]
    table: bytes
    links: dict[str, str] = field(default_factory=dict)  # rId → URL
    images: dict[str, bytes] = field(default_factory=dict)  # rId → image file
    lists: dict[str, tuple[str, int]] = field(default_factory=dict)  # numId → (style, start)
    notes: list[bytes] = field(default_factory=list)  # w:footnote elements
    note_links: dict[str, str] = field(default_factory=dict)  # the notes' rId → URL
    pictures: int = 0  # shape ids 1…pictures
    folder: str = ""  # the article's folder: its relative links start there, not at the edition


def titles(doc: Bilingual) -> tuple[str, str]:
    """The title as plain text in both languages (English empty when untranslated)."""
    pair, _ = split_title(doc)
    english = pair.target if pair.target is not None and not pair.fallback else ""
    flat = (plain_text(t, doc.references).replace("\n", " ") for t in (pair.block.text, english))
    return tuple(flat)  # type: ignore[return-value]


def extract(book: Book, doc: Bilingual, table: bytes) -> Fragment:
    """The fragment of the one article ``book`` holds, ``table`` its table's XML."""
    rels = book.document.part.rels
    notes = book.footnotes.notes()
    return Fragment(
        titles(doc), doc.article.author, book.langs, table, book.writer.links,
        {rid: rel.target_part.blob for rid, rel in rels.items() if rel.reltype == RT.IMAGE},
        {str(n): look for n, look in book.numbering.lists.items()},
        [etree.tostring(note) for note in notes],
        book.note_writer().links if notes else {}, book.pictures.count,
        posixpath.dirname(doc.slug))


def dump(fragment: Fragment) -> bytes:
    head = {"titles": fragment.titles, "author": fragment.author, "langs": fragment.langs,
            "links": fragment.links, "lists": fragment.lists, "pictures": fragment.pictures,
            "images": {k: base64.b64encode(v).decode() for k, v in fragment.images.items()},
            "notes": [n.decode("utf-8") for n in fragment.notes],
            "note_links": fragment.note_links, "folder": fragment.folder}
    return json.dumps(head, ensure_ascii=False, sort_keys=True).encode() + b"\n" + fragment.table


def load(data: bytes) -> Fragment:
    """A fragment from its bytes (every field checked; a damaged one is a BuildError)."""
    line, _, table = data.partition(b"\n")
    try:
        head = json.loads(line)
        fragment = Fragment(
            _strings(head["titles"], 2), str(head["author"]), _strings(head["langs"], 2),
            table, _texts(head["links"]),
            {k: base64.b64decode(v, validate=True) for k, v in _texts(head["images"]).items()},
            {k: (str(v[0]), int(v[1])) for k, v in head["lists"].items()},
            [n.encode("utf-8") for n in _strings(head["notes"])],
            _texts(head["note_links"]), int(head["pictures"]), str(head["folder"]))
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        raise BuildError("an article's part of the DOCX edition is damaged; "
                         "rebuild with --force") from None
    return fragment


def _strings(value, count: int | None = None) -> tuple:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) \
            or (count is not None and len(value) != count):
        raise TypeError("not a list of strings")
    return tuple(value)


def _texts(value) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise TypeError("not a table of strings")
    return value


# -- into an edition -------------------------------------------------------------------

# Where a table names an id of its document: start tags diglot writes, attributes in the
# order it writes them. One expression each: a pattern that opens with a literal is found
# by a fast scan (an alternation of all six was fifteen times slower).
LINK = re.compile(rb'(<w:hyperlink r:id=")(rId\d+)')
BLIP = re.compile(rb'(<a:blip r:embed=")(rId\d+)')
NUM = re.compile(rb'(<w:numId w:val=")(\d+)')
_NOTE = re.compile(rb'(<w:footnoteReference w:customMarkFollows="1" w:id=")(\d+)')
_PICTURE = re.compile(rb'<wp:docPr id="(\d+)" name="Picture \d+')
_MARK = re.compile(rb'<w:bookmark(Start|End) w:id="([12])"(?: w:name="_TocDiglot0001(?:fr|en))?')


def relocated(table: bytes, moves: dict, offset: int, number: int) -> bytes:
    """The table with each id its new value: ``moves`` maps each kind's pattern to its
    old → new table; shape ids move by ``offset``; the titles' bookmarks are article
    ``number``'s."""
    for pattern, table_of in moves.items():
        if table_of:
            table = pattern.sub(lambda m, t=table_of: m[1] + t.get(m[2], m[2]), table)
    if offset:
        table = _PICTURE.sub(lambda m: _picture(int(m[1]) + offset), table)
    if number:
        marks = bookmarks(number)
        table = _MARK.sub(lambda m: _mark(marks[int(m[2]) - 1], m[1] == b"Start"), table)
    return table


def _picture(ident: int) -> bytes:
    return f'<wp:docPr id="{ident}" name="Picture {ident}'.encode()


def _mark(mark: tuple[str, int], start: bool) -> bytes:
    name, ident = mark
    if start:
        return f'<w:bookmarkStart w:id="{ident}" w:name="{name}'.encode()
    return f'<w:bookmarkEnd w:id="{ident}"'.encode()


def adopt(book: Book, fragment: Fragment, number: int) -> None:
    """Add the fragment's table to ``book`` as its article ``number`` (0-based), with
    everything the table refers to."""
    part = book.document.part
    moves = {
        LINK: {rid.encode(): book.writer.rid(_rebased(url, fragment.folder)).encode()
                for rid, url in fragment.links.items()},
        BLIP: {rid.encode(): store(part, data)[0].encode()
                for rid, data in fragment.images.items()},
        NUM: {num.encode(): str(book.numbering.fresh(*look) or num).encode()
               for num, look in fragment.lists.items()},
        _NOTE: {old.encode(): str(new).encode() for old, new in _notes(book, fragment)},
    }
    offset = book.pictures.reserve(fragment.pictures)
    book.add_table(relocated(fragment.table, moves, offset, number))


def _notes(book: Book, fragment: Fragment) -> list[tuple[str, int]]:
    """Adopt the fragment's footnotes (their links too): each one's (old id, new id)."""
    moved = []
    for xml in fragment.notes:
        note = parse_xml(xml, "footnote", "the DOCX edition's cache")
        old = note.get(qn("w:id"))
        moved.append((old, book.footnotes.adopt(note)))
        for link in note.iter(qn("w:hyperlink")):
            rid = link.get(qn("r:id"))
            if rid in fragment.note_links:
                url = _rebased(fragment.note_links[rid], fragment.folder)
                link.set(qn("r:id"), book.note_writer().rid(url))
    return moved


def _rebased(url: str, folder: str) -> str:
    """A link of an article in ``folder`` as the edition, one folder up or more, follows it
    (``../tramway.docx`` from ``2026/`` is ``tramway.docx`` from the edition)."""
    if not folder or urlsplit(url).scheme or url.startswith(("#", "/")):
        return url
    return posixpath.normpath(posixpath.join(folder, url))
