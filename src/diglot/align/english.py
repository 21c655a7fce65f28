"""The English text to align → a list of Blocks, segmented like the French.

Markdown (``.md``, ``.markdown``) goes through the French reader itself; a Word file
(``.docx``) gives one block per paragraph, headings and list items from its styles and bold
and italic as Markdown; anything else is plain text, one block per run of lines between
blank lines.
"""

from __future__ import annotations

import re
from pathlib import Path

from diglot.errors import SourceError
from diglot.model import HEADING, LIST_ITEM, PARAGRAPH, Block, ListLevel
from diglot.source.reader import (binary_kind, decode_source, parse_article, read_source,
                                  reject_controls)

_HEADING_STYLE = re.compile(r"^(?:heading|titre)\s*(\d)$", re.IGNORECASE)


def read_english(path: Path, shown: str) -> list[Block]:
    """The translatable blocks of ``path``; ``shown`` is how messages name it."""
    if path.suffix.lower() == ".docx":
        return docx_blocks(path, shown)
    data = read_source(path, shown)
    kind = binary_kind(data)
    if kind is not None:
        raise SourceError(f"this is {kind}: diglot align reads the English as Markdown (.md), "
                          "plain text or Word (.docx); save it as one of those", shown)
    text = decode_source(data, shown)
    if path.suffix.lower() in (".md", ".markdown"):
        return parse_article(text, "english", shown).segments
    return plain_blocks(text, shown)


def plain_blocks(text: str, shown: str = "") -> list[Block]:
    """Paragraphs separated by blank lines; a paragraph's lines are joined by spaces."""
    reject_controls(text, shown)  # as the French reader does
    blocks: list[Block] = []
    lines: list[str] = []
    first = 0
    for number, line in enumerate(text.split("\n") + [""], start=1):
        if line.strip():
            first = first if lines else number
            lines.append(line.strip())
        elif lines:
            blocks.append(Block(PARAGRAPH, " ".join(lines), first))
            lines = []
    return blocks


def docx_blocks(path: Path, shown: str) -> list[Block]:
    """One block per non-empty paragraph of the document body; ``line`` is its number.
    Runs are read as the review import reads a cell (``review.cell_read``): bold, italic,
    hyperlinks, and code from a code character style or a monospaced font, so the inline
    code both texts share is an anchor here too. The package is read within the caps of
    untrusted documents (``ooxml.untrusted``)."""
    import io

    import docx  # python-docx, imported here: only .docx input needs it
    from docx.opc.exceptions import PackageNotFoundError

    from diglot.ooxml.cell_read import CellReader, Styles
    from diglot.ooxml.untrusted import check_package
    from diglot.source.markdown_out import to_markdown

    data = check_package(path, shown)  # caps, damaged parts, DTDs: one-line errors
    try:
        document = docx.Document(io.BytesIO(data))
        styles = Styles(document.styles.element)
        links = {rid: rel.target_ref for rid, rel in document.part.rels.items()
                 if rel.is_external}
        paragraphs = [(p._p, p.style.name if p.style else "") for p in document.paragraphs]
    except (PackageNotFoundError, ValueError, KeyError, TypeError, AttributeError,
            IndexError):  # parts of another root, a document without a body
        raise SourceError("cannot read it as a Word document; save it again as .docx",
                          shown) from None
    blocks = []
    for number, (element, style) in enumerate(paragraphs, start=1):
        items = CellReader(styles, links).read([element])
        text = to_markdown(items).text.replace("\t", " ").strip()
        if text:
            blocks.append(_docx_block(text, style, number))
    return blocks


def _docx_block(text: str, style: str, number: int) -> Block:
    heading = _HEADING_STYLE.match(style.strip())
    if heading or style.strip().lower() == "title":
        return Block(HEADING, text, number, level=int(heading.group(1)) if heading else 1)
    if style.lower().startswith("list"):
        return Block(LIST_ITEM, text, number, lists=(ListLevel("number" in style.lower()),))
    return Block(PARAGRAPH, text, number)
