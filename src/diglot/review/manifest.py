"""The review document's manifest: which project, article and language it was exported
from, and for each row the entry it stands for and that entry's state at export time.

It is stored as a custom XML part (``customXml/itemN.xml``) of the DOCX: Word keeps custom
XML parts by design, and LibreOffice carries them through a re-save (tests/test_review.py
proves it with ``soffice --convert-to docx``); document variables and content-control tags,
the other candidates, do not survive LibreOffice.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from diglot.errors import PackageError
from diglot.ooxml.untrusted import parse_xml
from diglot.review.errors import ReviewError

NS = "urn:diglot:review:1"
VERSION = "1"
_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_PROPS_REL = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
              "customXmlProps")
_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


@dataclass(frozen=True)
class RowMark:
    """One row: its number in the table, the entry key and the fingerprints of what the
    row showed."""

    number: int
    key: str
    po: str  # identity.po_fingerprint of the entry at export
    shown: str  # identity.shown_fingerprint of the English cell as exported
    notes: str  # identity.notes_fingerprint of the Comment cell as exported


@dataclass(frozen=True)
class Manifest:
    project: str
    article: str
    lang: str
    po_path: str  # project-relative, for messages
    exported: str  # ISO time of the export
    rows: tuple[RowMark, ...]

    def to_xml(self) -> bytes:
        root = etree.Element(f"{{{NS}}}review", nsmap={None: NS})
        for name in ("project", "article", "lang", "exported"):
            root.set(name, getattr(self, name))
        root.set("po", self.po_path)
        root.set("version", VERSION)
        for mark in self.rows:
            etree.SubElement(root, f"{{{NS}}}row", n=str(mark.number), key=mark.key,
                             po=mark.po, shown=mark.shown, notes=mark.notes)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    @classmethod
    def from_xml(cls, root, shown: str) -> Manifest:
        if root.get("version") != VERSION:
            raise ReviewError(f"review document format {root.get('version')!r} is not "
                              "supported by this diglot; export the document again", shown)
        try:
            rows = tuple(RowMark(int(r.get("n")), r.get("key"), r.get("po"), r.get("shown"),
                                 r.get("notes", "")) for r in root.iter(f"{{{NS}}}row"))
        except (TypeError, ValueError):
            raise ReviewError("the document's review data is damaged; export it again",
                              shown) from None
        return cls(root.get("project", ""), root.get("article", ""), root.get("lang", ""),
                   root.get("po", ""), root.get("exported", ""), rows)


def attach(document, manifest: Manifest) -> None:
    """Add the manifest to a python-docx Document as a custom XML part with its properties
    part (Word expects one; its item id is derived from the content, so exports repeat)."""
    package = document.part.package
    item = Part(package.next_partname("/customXml/item%d.xml"), "application/xml",
                manifest.to_xml(), package)
    document.part.relate_to(item, _CUSTOM_XML)
    props = Part(PackURI(item.partname.replace("/item", "/itemProps")), _PROPS_TYPE,
                 _item_props(manifest), package)
    item.relate_to(props, _PROPS_REL)


def _item_props(manifest: Manifest) -> bytes:
    item_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{NS}/{manifest.project}/{manifest.article}/"
                                             f"{manifest.lang}/{manifest.exported}")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            f'<ds:datastoreItem ds:itemID="{{{str(item_id).upper()}}}" xmlns:ds="{_DS}">'
            f'<ds:schemaRefs><ds:schemaRef ds:uri="{NS}"/></ds:schemaRefs>'
            f'</ds:datastoreItem>').encode()


def find(package, shown: str) -> Manifest | None:
    """The manifest in an opened package, wherever a re-save put it; None if there is none."""
    for part in package.iter_parts():
        if not str(part.partname).startswith("/customXml/item"):
            continue
        try:
            root = parse_xml(part.blob, str(part.partname), shown)
        except PackageError:
            continue
        if root.tag == f"{{{NS}}}review":
            return Manifest.from_xml(root, shown)
    return None
