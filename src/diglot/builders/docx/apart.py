"""A book-length article's table in two processes: while this one fills the first half of
the rows, a forked process fills the second half in a document of its own, and its rows'
XML joins the table with every id it names renumbered as this document would have numbered
it (links, pictures, numbered lists: see ``fragment.relocated``). The document is byte for
byte the one a single process writes.

The halves meet where no list is open (a list's numbering follows it from row to row) and
only in an article without notes (a note is numbered, and made, at its first call).
"""

from __future__ import annotations

from typing import NamedTuple

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from diglot import parallel
from diglot.builders.docx import fragment
from diglot.builders.groups import group_end
from diglot.model import Bilingual, Pair
from diglot.ooxml.pictures import store
from diglot.ooxml import xml as x

# Below this a table fills in a fraction of a second: a second process does not pay.
MIN_PAIRS = 2000
# This process's share of the rows: it also starts the other and joins its rows.
SHARE = 0.5


class Half(NamedTuple):
    """The rows a forked process filled, and what they refer to in its document: each
    relationship it made ((id, kind, link address or image bytes), in the order made),
    its numbered lists (numId → (style, start), in order) and its pictures' count."""

    xml: bytes
    rels: list[tuple[str, str, object]]
    lists: dict[int, tuple[str, int]]
    pictures: int


def start(book, doc: Bilingual, body: list[Pair]) -> "Apart | None":
    """The second half's process, started, when the article is worth two and splits."""
    if book.ctx.helpers < 1 or len(body) < MIN_PAIRS or doc.article.notes:
        return None
    at = _meeting(body)
    return Apart(book, doc, body, at) if at else None


def _meeting(body: list[Pair]) -> int:
    """The first group boundary past ``SHARE`` of the text where no list is open (0: none)."""
    total = sum(_weight(pair) for pair in body)
    done, at = 0, 0
    while at < len(body):
        if done >= total * SHARE and not body[at].block.lists:
            return at
        end = group_end(body, at)
        done += sum(_weight(pair) for pair in body[at:end])
        at = end
    return 0


def _weight(pair: Pair) -> int:
    return len(pair.block.text) + len(pair.target or "") + 40


class Apart:
    """The rows ``body[start:]``, filled by a forked process until ``join``."""

    def __init__(self, book, doc: Bilingual, body: list[Pair], at: int) -> None:
        self.book, self.body, self.start = book, body, at
        self.forked = parallel.Forked(_fill, type(book), book.ctx, book.langs, doc, body[at:])

    def __enter__(self) -> "Apart":
        return self

    def __exit__(self, *exc) -> None:
        self.forked.close()  # this process failed first: the other stops too

    def join(self, table, tbl) -> None:
        """Add the forked process's rows to ``tbl`` (``table`` fills them here instead when
        that process was lost)."""
        try:
            half = self.forked.result()
        except parallel.Lost:  # killed, out of memory, or a part it cannot say: done here
            table.rows(tbl, self.body[self.start:])
            return
        self.book.parking.keep(_adopted(self.book, half), x.sub(tbl, "w:tr"))


def _fill(book_class, ctx, langs: tuple[str, str], doc: Bilingual, pairs: list[Pair]) -> Half:
    """In the forked process: the rows of ``pairs`` in a document of their own."""
    from diglot.builders.docx.table import ArticleTable

    book = book_class(ctx, langs)
    rels = book.document.part.rels
    before = set(rels)
    table = ArticleTable(doc, book.layout, book.writer, book.numbering, ctx.built, None, book)
    table.rows(x.el("w:tbl"), pairs)
    made = sorted((int(rid[3:]), rid) for rid in rels if rid not in before)
    return Half(book.parking.unpark(b"".join(book.parking.pieces)),
                [_made(rid, rels[rid]) for _, rid in made], book.numbering.lists,
                book.pictures.count)


def _made(rid: str, rel) -> tuple[str, str, object]:
    if rel.reltype == RT.IMAGE:
        return rid, "image", rel.target_part.blob
    if rel.reltype == RT.HYPERLINK:
        return rid, "link", rel.target_ref
    # Rows make no other part; if one ever does, the half is lost and made in one process.
    raise ValueError(f"a relationship {rid} of the unexpected type {rel.reltype}")


def _adopted(book, half: Half) -> bytes:
    """The half's rows, its relationships made again here in the order they were made
    there (so each gets the id a single process gives it), its lists and pictures too."""
    links, blips = {}, {}
    for rid, kind, value in half.rels:
        if kind == "image":
            blips[rid.encode()] = store(book.document.part, value)[0].encode()
        else:
            links[rid.encode()] = book.writer.rid(value).encode()
    lists = {str(num).encode(): str(book.numbering.fresh(*look) or num).encode()
             for num, look in half.lists.items()}
    offset = book.pictures.reserve(half.pictures)
    return fragment.relocated(half.xml, {fragment.LINK: links, fragment.BLIP: blips,
                                         fragment.NUM: lists}, offset, 0)
