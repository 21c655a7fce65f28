"""Word footnotes: the footnotes part (with the separators Word requires), footnote
references in the text, and the footnotes themselves.

Each reference carries its own mark (``w:customMarkFollows``): a bilingual page holds the
French and the English call of one note in the same row, and Word's automatic numbering
would count them 1, 2, 3, 4 across the two columns. With custom marks, note 1 is "1" in
both languages. In the footnote itself the mark is a ``w:footnoteRef``, which ECMA-376
(17.11.14) says displays a custom mark too; LibreOffice (7.4) shows it once, whereas it
prints a literal mark run twice ("11").
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.ns import qn

from diglot.ooxml import xml as x

NOTE_STYLE, MARK_STYLE = "FootnoteText", "FootnoteReference"  # style ids (see styles)


class Footnotes:
    """The footnotes part of one document, created on the first note."""

    def __init__(self, document) -> None:
        self._document = document
        self._root = None
        self.part = None
        self._next = 1

    def _ensure(self) -> None:
        if self._root is not None:
            return
        self._root = x.el("w:footnotes")
        for number, kind in ((-1, "separator"), (0, "continuationSeparator")):
            note = x.sub(self._root, "w:footnote", {"w:type": kind, "w:id": str(number)})
            x.sub(x.sub(x.sub(note, "w:p"), "w:r"), f"w:{kind}")
        package = self._document.part.package
        self.part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, self._root, package)
        self._document.part.relate_to(self.part, RT.FOOTNOTES)
        _declare(self._document)

    def add(self, lang: str):
        """A new footnote (its id, and its first paragraph with the mark written): fill the
        paragraph and add more with ``paragraph``."""
        self._ensure()
        ident = self._next
        self._next += 1
        note = x.sub(self._root, "w:footnote", {"w:id": str(ident)})
        para = self.paragraph(note)
        mark = x.run(para, "", lang, MARK_STYLE)
        mark.remove(mark[-1])  # the run holds the mark, not text
        x.sub(mark, "w:footnoteRef")
        x.run(para, " ", lang)
        return ident, note, para

    def adopt(self, note) -> int:
        """Add a finished footnote element (another document's); its new id."""
        self._ensure()
        ident = self._next
        self._next += 1
        note.set(qn("w:id"), str(ident))
        self._root.append(note)
        return ident

    def notes(self) -> list:
        """The footnotes added (the separators aside), in order."""
        return [] if self._root is None else [n for n in self._root if n.get(qn("w:type")) is None]

    @staticmethod
    def paragraph(note):
        return x.paragraph(note, NOTE_STYLE)


def reference(parent, ident: int, mark: str, lang: str) -> None:
    """A footnote reference in the text, showing ``mark``."""
    r = x.run(parent, mark, lang, MARK_STYLE)
    ref = x.el("w:footnoteReference", {"w:customMarkFollows": "1", "w:id": str(ident)})
    r.insert(1, ref)  # after the run properties, before the mark's text


def _declare(document) -> None:
    """The separators named in the settings, as Word writes them."""
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    props = x.el("w:footnotePr")
    for number in ("-1", "0"):
        x.sub(props, "w:footnote", {"w:id": number})
    successors = ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
                  "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
                  "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures",
                  "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
                  "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
                  "w:decimalSymbol", "w:listSeparator")
    settings.insert_element_before(props, *successors)
