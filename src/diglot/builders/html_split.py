"""A book-length article page's rows, rendered in chunks of about a hundred rows: each chunk
is kept between builds under a digest of everything it is made from, so a build after one
translation changed renders one chunk again; the chunks to render are shared with a forked
process when the build has an idle core. The page is byte for byte the one the rows
template writes in one pass.

A row's text depends on nothing before it but its passage number (known from the grouping
alone, ``html_rows.row_starts``, and part of the digest) and its anchor (a repeated passage's
``-2``, part of the digest; its sentence links are named after it). Footnote calls are
counted across the page, so a page with notes, and ``diglot serve``'s preview, are rendered
in one pass as before.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import fields
from operator import attrgetter

from diglot import parallel
from diglot.builders import BuildContext
from diglot.builders.html_rows import Rows, row_starts
from diglot.model import Bilingual, Block, Pair
from diglot.web import environment

# Below this a page renders in a fraction of a second: neither a cache nor a process pays.
MIN_PAIRS = 2000
CHUNK = 100  # rows
# This process's share of the rows to render. The page's writing comes after both halves,
# so it is no reason to take less: at 0.45 this process waited 0.1-0.35 s for the forked one
# (which pays the fork's copied pages and sends its HTML back); at 0.52 it seldom waits.
SHARE = 0.52


class Chunks:
    """The chunks kept by the last build (digest → HTML as UTF-8), and those of this page
    (``made``: what the build keeps for the next)."""

    def __init__(self, kept: dict | None = None) -> None:
        self.kept: dict[str, bytes] = kept or {}
        self.made: dict[str, bytes] = {}

    def encode(self) -> bytes:
        """A line of JSON, [[digest, bytes], …] in page order, then the chunks one after
        the other, as the page holds them (JSON took 0.05 s to escape 7 MB of HTML)."""
        index = [[key, len(piece)] for key, piece in self.made.items()]
        return b"".join([json.dumps(index, separators=(",", ":")).encode(), b"\n",
                         *self.made.values()])

    @classmethod
    def decode(cls, data: bytes | None) -> "Chunks":
        """The chunks of a kept file (sealed by the build: see commands/build_cache); none
        when it is not what ``encode`` writes."""
        head, _, body = (data or b"").partition(b"\n")
        try:
            index = json.loads(head) if head else []
        except ValueError:
            return cls()
        if not _sizes_fit(index, len(body)):
            return cls()
        kept, at = {}, 0
        for key, size in index:
            kept[key] = body[at:at + size]
            at += size
        return cls(kept)


def _sizes_fit(index, total: int) -> bool:
    return isinstance(index, list) and all(
        isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)
        and type(item[1]) is int and item[1] >= 0 for item in index) \
        and sum(item[1] for item in index) == total


def chunked(doc: Bilingual, ctx: BuildContext) -> bool:
    """Whether the page's rows are rendered in chunks (see the module's doc)."""
    return ctx.preview is None and len(doc.pairs) >= MIN_PAIRS and not doc.article.notes \
        and not any(pair.block.note for pair in doc.pairs)


class Tail:
    """The page's rows after ``start`` (a group boundary): the chunks to render start in a
    forked process at once; the page's text is made where the template reaches
    ``{{ tail }}``."""

    def __init__(self, page: dict, rows: Rows, start: int, salt: str, ctx: BuildContext):
        self.rows, self.page, self.cache, self.salt = rows, page, ctx.rows or Chunks(), salt
        # Stands for the rows in the page's text: drawn at random, so no text can hold it.
        self.mark = f"\0{secrets.token_hex(16)}\0"
        # Digests find the kept chunks; with none kept, each process digests its own.
        self.chunks = _chunks(rows, start, salt if self.cache.kept else None)
        todo = [c for c in self.chunks if c[0] is None or c[0] not in self.cache.kept]
        self.mine, self.theirs = _shares(todo, rows.doc.pairs) if ctx.helpers > 0 else (todo, [])
        self.forked = None
        if self.theirs:
            environment().get_template("rows.html.j2")  # compiled once, before the fork
            self.forked = parallel.Forked(_render, page, rows, self.theirs, salt)

    def __html__(self) -> str:
        """Where the rows go in the page's text; ``splice`` puts their bytes there (the
        rows are UTF-8 already, encoded by the process that rendered them)."""
        return self.mark

    def splice(self, page: str) -> bytes:
        """The page's bytes, the rows in place of ``mark``."""
        made = _render(self.page, self.rows, self.mine, self.salt)
        if self.forked is not None:
            made |= self._theirs()
        pieces = []
        for key, first, *_ in self.chunks:
            key, html = made[first] if first in made else (key, self.cache.kept[key])
            self.cache.made[key] = html
            pieces.append(html)
        head, foot = page.split(self.mark)
        return b"".join([head.encode("utf-8"), *pieces, foot.encode("utf-8")])

    def _theirs(self) -> dict[int, tuple[str, bytes]]:
        try:
            return self.forked.result()
        except parallel.Lost:  # the process was lost (killed, out of memory)
            return _render(self.page, self.rows, self.theirs, self.salt)

    def close(self) -> None:
        if self.forked is not None:
            self.forked.close()


def _chunks(rows: Rows, start: int, salt: str | None) -> list[tuple[str | None, int, int, int]]:
    """(digest, first pair, end pair, passages before) of each chunk from ``start`` (the
    rows before it are the title's, which has no number); no digest without ``salt``."""
    pairs, out, number, size, first = rows.doc.pairs, [], 0, 0, None
    for at, cited in row_starts(pairs):
        if at < start:
            continue
        if first is None or size == CHUNK:
            if first is not None:
                out.append((first, at, before))
            first, before, size = at, number, 0
        size += 1
        number += cited
    if first is not None:
        out.append((first, len(pairs), before))
    return [(salt and _digest(rows, *bounds, salt), *bounds) for bounds in out]


def _digest(rows: Rows, first: int, end: int, number: int, salt: str) -> str:
    pairs = [_seen(pair) for pair in rows.doc.pairs[first:end]]
    text = repr((salt, number, rows.anchors[first:end], pairs))
    return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()


# What a row shows of its pair: every field but the source line, which no page prints (a
# paragraph rewrapped near the top of a book renders no row again). Read from the classes,
# so a field added later is part of the digest.
_BLOCK_SEEN = attrgetter(*(f.name for f in fields(Block) if f.name != "line"))
_PAIR_SEEN = attrgetter(*(f.name for f in fields(Pair) if f.name != "block"))


def _seen(pair: Pair) -> tuple:
    return _BLOCK_SEEN(pair.block), _PAIR_SEEN(pair)


def _shares(todo: list, pairs) -> tuple[list, list]:
    """The chunks to render here and in the forked process, by about what they cost."""
    if len(todo) < 2:
        return todo, []
    weights = [sum(len(p.block.text) + len(p.target or "") + 40 for p in pairs[a:b])
               for _, a, b, _ in todo]
    total, done = sum(weights), 0
    for k, weight in enumerate(weights):
        if done + weight > total * SHARE:
            return todo[:k], todo[k:]
        done += weight
    return todo, []


def _render(page: dict, rows: Rows, chunks: list, salt: str) -> dict[int, tuple[str, bytes]]:
    """Each chunk's (digest, rows as the page writes them, in UTF-8), by its first pair."""
    from diglot.builders.html import joined

    template, made = environment().get_template("rows.html.j2"), {}
    for key, first, end, number in chunks:
        view = page | {"rows": rows.rows(False, first, end, number), "preview": None}
        html = joined(template.generate(view)).encode("utf-8")
        made[first] = key or _digest(rows, first, end, number, salt), html
    return made
