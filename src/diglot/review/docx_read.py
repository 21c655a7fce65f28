"""Read a review DOCX back: its manifest, and for every table row its identity signals (the
hidden bookmark, the number cell), its English and State cells as the accepted document
shows them, and the Word comments anchored in it.

Works on whatever Word or LibreOffice saved: cells are found through content-control and
custom-XML wrappers, comments by their range start (or reference) inside a row.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from diglot.ooxml.untrusted import check_package, parse_xml
from diglot.source.inline import Span
from diglot.review import identity
from diglot.ooxml.cell_read import CellReader, Styles, plain
from diglot.review.errors import ReviewError
from diglot.review.manifest import Manifest, find

COLUMNS = 5  # #, French, English, State, Comment
_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")}


@dataclass(frozen=True)
class Note:
    """A Word comment: who wrote it and its text, paragraphs joined by spaces."""

    author: str
    text: str


@dataclass
class DocRow:
    position: int  # 1-based position among the table's rows (header excluded)
    number: str  # the # cell's text
    keys: list[str]  # entry keys of the row's diglot bookmarks
    french: str = ""
    english: list[Span] = field(default_factory=list)
    state: str = ""
    comment_lines: list[str] = field(default_factory=list)  # the Comment cell, per line
    notes: list[Note] = field(default_factory=list)
    readable: bool = True  # False when a cell is missing (the row was reshaped)


@dataclass
class ReviewDoc:
    manifest: Manifest
    rows: list[DocRow]
    stray_notes: list[Note]  # comments not anchored in any row


def read_review(path: Path, shown: str) -> ReviewDoc:
    """The review document at ``path``; ReviewError if it is not one."""
    document = _open(path, shown)
    manifest = find(document.part.package, shown)
    if manifest is None:
        raise ReviewError("not a diglot review document (it carries no diglot review data); "
                          "export one with 'diglot review export'", shown)
    try:
        return _read(document, manifest, shown)
    except ReviewError as exc:  # a cell's problem: say which document
        raise ReviewError(exc.message, exc.path or shown, exc.line) from None


def _read(document, manifest: Manifest, shown: str) -> ReviewDoc:
    part = document.part
    styles = Styles(_root(_related(part, RT.STYLES), shown))
    links = {rid: rel.target_ref for rid, rel in part.rels.items() if rel.is_external}
    notes = _notes(_root(_related(part, RT.COMMENTS), shown), styles, links)
    body = getattr(document.element, "body", None)
    if body is None:  # a main part of another root, or a document without a body
        raise ReviewError("the document has no body (word/document.xml holds no w:body); "
                          "give the .docx file 'diglot review export' wrote", shown)
    rows, placed = _rows(body, styles, links, notes)
    stray = [note for nid, note in notes.items() if nid not in placed]
    return ReviewDoc(manifest, rows, stray)


def _open(path: Path, shown: str):
    if not path.is_file():
        raise ReviewError("no such file", shown)
    data = check_package(path, shown)  # caps, damaged parts, DTDs: one-line errors
    try:
        return Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, TypeError,
            AttributeError, IndexError, etree.LxmlError):
        raise ReviewError("not a DOCX document; give the .docx file 'diglot review export' "
                          "wrote (saved again as .docx if it was edited)", shown) from None


def _related(part, reltype: str):
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


def _root(part, shown: str):
    if part is None:
        return None
    element = getattr(part, "element", None)
    return element if element is not None else parse_xml(part.blob, str(part.partname), shown)


def _notes(root, styles: Styles, links: dict[str, str]) -> dict[str, Note]:
    notes: dict[str, Note] = {}
    for comment in root.iter(qn("w:comment")) if root is not None else ():
        paragraphs = comment.iter(qn("w:p"))
        text = " ".join(plain(CellReader(styles, links).read(paragraphs)).split())
        if text:
            notes[comment.get(qn("w:id"))] = Note(comment.get(qn("w:author"), ""), text)
    return notes


def _rows(body, styles: Styles, links, notes: dict[str, Note]):
    rows: list[DocRow] = []
    placed: set[str] = set()
    for table in _tables(body):
        for tr in table.iter(qn("w:tr")):
            if _owner_table(tr) is not table or _is_header(tr):
                continue
            row = _row(tr, len(rows) + 1, styles, links)
            if not row.keys and row.number == "#":
                continue  # the heading row, should a re-save have lost its header flag
            for nid in _anchors(tr):
                if nid in notes and nid not in placed:
                    placed.add(nid)
                    row.notes.append(notes[nid])
            rows.append(row)
    return rows, placed


def _tables(body):
    return [t for t in body.iter(qn("w:tbl")) if _owner_table(t.getparent()) is None]


def _owner_table(node):
    """The nearest enclosing table of ``node`` (None at the body's top level)."""
    while node is not None and node.tag != qn("w:tbl"):
        node = node.getparent()
    return node


def _is_header(tr) -> bool:
    props = tr.find(qn("w:trPr"))
    return props is not None and props.find(qn("w:tblHeader")) is not None


def _row(tr, position: int, styles: Styles, links) -> DocRow:
    cells = _cells(tr)
    keys = [k for k in (identity.key_of_bookmark(b.get(qn("w:name"), ""))
                        for b in tr.iter(qn("w:bookmarkStart"))) if k]
    if len(cells) != COLUMNS:
        return DocRow(position, "", keys, readable=False)
    _bounded(cells, position)

    def read(cell) -> list[Span]:
        return CellReader(styles, links).read(_paragraphs(cell))

    return DocRow(position, plain(read(cells[0])).strip(), keys, plain(read(cells[1])),
                  read(cells[2]), _word(plain(read(cells[3]))),
                  plain(read(cells[4])).split("\n"))


def _bounded(cells, position: int) -> None:
    """A cell holds no more than a translation may (store.MAX_TRANSLATION), counted on
    its raw text before it is read: reading 5,000,000 characters one span each took 89 s
    and 1.9 GB, then wrote a PO file every command refused."""
    from diglot.catalog.store import MAX_TRANSLATION

    for cell in cells:
        size = sum(len(t.text or "") for t in cell.iter(qn("w:t"), qn("w:delText"),
                                                        qn("w:instrText")))
        size += sum(1 for _ in cell.iter(qn("w:br"), qn("w:cr"), qn("w:tab"), qn("w:p")))
        if size > MAX_TRANSLATION:
            raise ReviewError(f"row {position} of the table holds a cell of {size:,} "
                              f"characters; a translation holds at most {MAX_TRANSLATION:,}; "
                              "nothing imported")


def _word(text: str) -> str:
    """A State cell as compared: "Approved." and " approved " both read "approved"."""
    return " ".join(text.split()).strip(".!").lower()


def _cells(tr) -> list:
    found = []
    for child in tr:
        if child.tag == qn("w:tc"):
            found.append(child)
        elif child.tag in _WRAPPERS:
            found += _cells(child)
    return found


def _paragraphs(cell):
    return [p for p in cell.iter(qn("w:p")) if _owner_table(p) is _owner_table(cell)]


def _anchors(tr) -> list[str]:
    """Ids of the comments whose range starts in this row (or, lacking a range, whose
    reference mark is in it)."""
    ids = [n.get(qn("w:id")) for n in tr.iter(qn("w:commentRangeStart"))]
    ids += [n.get(qn("w:id")) for n in tr.iter(qn("w:commentReference"))]
    return list(dict.fromkeys(ids))
