"""Finished parts of a big document kept as XML text instead of elements, and put back when
the document is saved.

An element tree costs about a kilobyte per run: an article of 100,000 paragraphs held
1.5 GB of elements. Table rows are filled in a scratch table of their own, serialised a
batch at a time and replaced by one empty placeholder in the real table (``Batch``);
an edition's finished tables are parked whole. The text is spliced back into the saved
``document.xml``, so the tree never holds more than a batch of rows.
"""

from __future__ import annotations

import re

from lxml import etree

from diglot.ooxml import xml as x

ATTRIBUTE = "diglot-parked"
_PLACEHOLDER = re.compile(rb'<w:(?:tbl|tr) ' + ATTRIBUTE.encode() + rb'="(\d+)"/>')
_DECLARATION = re.compile(rb' xmlns:(\w+)="([^"]*)"')


class Parking:
    """The serialised pieces of one document, by placeholder number."""

    def __init__(self) -> None:
        self.pieces: list[bytes] = []

    def park(self, element, placeholder=None) -> None:
        """Keep ``element``'s XML and leave an empty placeholder in its place (or fill
        ``placeholder``, already in place, when the element was built apart)."""
        if placeholder is None:
            placeholder = element.makeelement(element.tag)
            element.getparent().replace(element, placeholder)
        placeholder.set(ATTRIBUTE, str(len(self.pieces)))
        root = placeholder.getroottree().getroot()
        self.pieces.append(_without_declarations(etree.tostring(element), root.nsmap))

    def keep(self, xml: bytes, placeholder) -> None:
        """Keep XML text already made (a table of another document, relocated) for the
        ``placeholder`` in place."""
        placeholder.set(ATTRIBUTE, str(len(self.pieces)))
        self.pieces.append(xml)

    def batch(self, table) -> "Batch":
        return Batch(self, table)

    def unpark(self, xml: bytes) -> bytes:
        """``document.xml`` with every placeholder replaced by its piece (a parked table
        holds parked rows: a few passes)."""
        while self.pieces and _PLACEHOLDER.search(xml):
            xml = _PLACEHOLDER.sub(lambda m: self.pieces[int(m.group(1))], xml)
        return xml


def _without_declarations(xml: bytes, declared: dict) -> bytes:
    """The piece without the namespace declarations the document's root already makes
    (lxml repeats them on every serialised fragment: 300 bytes a row)."""
    end = xml.index(b">")
    head = _DECLARATION.sub(
        lambda m: b"" if declared.get(m.group(1).decode()) == m.group(2).decode() else m.group(),
        xml[:end])
    return head + xml[end:]


class Batch:
    """Rows of ``table`` filled in a scratch table (``rows``) and parked every ``size``."""

    def __init__(self, parking: Parking, table, size: int = 200) -> None:
        self.parking, self.table, self.size = parking, table, size
        self.rows = x.el("w:tbl")
        self.count = 0

    def done(self) -> None:
        """One more row is finished."""
        self.count += 1
        if self.count >= self.size:
            self.flush()

    def flush(self) -> None:
        if not len(self.rows):
            return
        placeholder = x.sub(self.table, "w:tr")
        placeholder.set(ATTRIBUTE, str(len(self.parking.pieces)))
        xml = etree.tostring(self.rows)  # the scratch table declares the namespaces once
        self.parking.pieces.append(xml[xml.index(b">") + 1:xml.rindex(b"</")])
        self.rows, self.count = x.el("w:tbl"), 0
