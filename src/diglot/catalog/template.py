"""Article → PO template (POT) catalog: one entry per distinct segment, in the article's
order (footnotes last), with a comment naming the segment kind and where it sits
(``table 1, row 2, column 3``, ``footnote 2``) and a reference to each place it occurs.
Its header is ``catalog.header``'s."""

from __future__ import annotations

import datetime as dt
from typing import Mapping
from urllib.parse import unquote

from diglot.catalog.header import pot_header
from diglot.model import ALT, CAPTION, HEADING, PARAGRAPH, TITLE, Article, Block
from diglot.po.model import Catalog, Entry


def kind_comment(block: Block, notes: Mapping[str, int] | None = None) -> str:
    """The extracted comment telling a translator what a segment is and where it sits."""
    if block.note and notes:
        inner = "" if block.kind == PARAGRAPH else f", {_kind(block)}"
        return f"footnote {notes.get(block.note, 0)}{inner}"
    return _kind(block)


def _kind(block: Block) -> str:
    if block.kind == TITLE:
        return "title (front matter)"
    if block.kind == HEADING:
        return f"heading {block.level}"
    if block.cell is not None:
        row = "header row" if block.cell.header else f"row {block.cell.row}"
        return f"table {block.cell.table}, {row}, column {block.cell.column}"
    if block.kind in (ALT, CAPTION):
        return f"{block.kind} ({unquote(block.image)})"
    return block.kind


def template(article: Article, project_name: str, now: dt.datetime,
             locations: str = "full") -> Catalog:
    """The POT for ``article``; identical segments share one entry listing every reference.
    ``locations`` is msgmerge's ``--add-location``: ``full`` (file:line), ``file``, ``none``."""
    order: list[str] = []
    comments: dict[str, list[str]] = {}
    refs: dict[str, list[str]] = {}
    for block in article.segments:
        if block.text not in comments:
            order.append(block.text)
            comments[block.text], refs[block.text] = [], []
        kind = kind_comment(block, article.notes)
        if kind not in comments[block.text]:
            comments[block.text].append(kind)
        refs[block.text].append(f"{article.path}:{block.line}")
    entries = [Entry(t, extracted_comments=tuple(comments[t]), references=_located(refs[t], locations))
               for t in order]
    return Catalog(pot_header(article, project_name, now), entries)


def _located(refs: list[str], locations: str) -> tuple[str, ...]:
    if locations == "none":
        return ()
    if locations == "file":  # one reference per file, as msgmerge --add-location=file
        return _tokens(dict.fromkeys(ref.rpartition(":")[0] for ref in refs))
    return _tokens(refs)


def _tokens(refs) -> tuple[str, ...]:
    """References as a ``#:`` line reads back: spaces separate them, so a file name with
    spaces (``source_fr/Mon été.md:3``) is several tokens. Kept whole, it would differ from
    what the PO file holds on every run, and ``update`` would never settle."""
    return tuple(token for ref in refs for token in ref.split())
