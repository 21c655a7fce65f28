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
from itertools import count

from diglot import parallel
from diglot.builders import BuildContext
from diglot.builders.html_rows import Rows, row_starts
from diglot.model import Bilingual
from diglot.web import environment

# Below this a page renders in a fraction of a second: neither a cache nor a process pays.
MIN_PAIRS = 2000
CHUNK = 100  # rows
# This process's share of the rows to render. The page's writing comes after both halves,
# so it is no reason to take less: at 0.45 this process waited 0.1-0.35 s for the forked one
# (which pays the fork's copied pages and sends its HTML back); at 0.52 it seldom waits.
SHARE = 0.52
# What the forked process reads, by key: inherited with its memory, never pickled.
_work: dict[int, tuple] = {}
_keys = count()


class Chunks:
    """The chunks kept by the last build (digest → HTML), and those of this page
    (``made``: what the build keeps for the next)."""

    def __init__(self, kept: dict | None = None) -> None:
        self.kept: dict[str, str] = kept or {}
        self.made: dict[str, str] = {}

    def encode(self) -> bytes:
        # surrogatepass: a lone surrogate (never in text read as UTF-8) round-trips, as
        # json.loads reads bytes with it.
        return json.dumps(self.made, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8", "surrogatepass")

    @classmethod
    def decode(cls, data: bytes | None) -> "Chunks":
        """The chunks of a kept file (sealed by the build: see commands/build_cache); none
        when it is not what ``encode`` writes."""
        try:
            found = json.loads(data) if data else {}
        except ValueError:
            return cls()
        if not isinstance(found, dict) or not all(isinstance(v, str) for v in found.values()):
            return cls()
        return cls(found)


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
        # Digests find the kept chunks; with none kept, each process digests its own.
        self.chunks = _chunks(rows, start, salt if self.cache.kept else None)
        todo = [c for c in self.chunks if c[0] is None or c[0] not in self.cache.kept]
        self.mine, theirs = _shares(todo, rows.doc.pairs) if ctx.helpers > 0 else (todo, [])
        self.pool = self.future = None
        if theirs:
            environment().get_template("rows.html.j2")  # compiled once, before the fork
            key = next(_keys)
            _work[key] = (page, rows, theirs, salt)
            self.pool = parallel.pool(1)
            try:
                self.future = self.pool.submit(_render_in_worker, key)
            finally:
                del _work[key]

    def __html__(self) -> str:
        made = _render(self.page, self.rows, self.mine, self.salt)
        if self.future is not None:
            made |= self.future.result()
        pieces = []
        for key, first, *_ in self.chunks:
            key, html = made[first] if first in made else (key, self.cache.kept[key])
            self.cache.made[key] = html
            pieces.append(html)
        return "".join(pieces)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


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
    text = repr((salt, number, rows.anchors[first:end], rows.doc.pairs[first:end]))
    return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()


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


def _render(page: dict, rows: Rows, chunks: list, salt: str) -> dict[int, tuple[str, str]]:
    """Each chunk's (digest, rows as the page writes them), by its first pair."""
    from diglot.builders.html import joined

    template, made = environment().get_template("rows.html.j2"), {}
    for key, first, end, number in chunks:
        view = page | {"rows": rows.rows(False, first, end, number), "preview": None}
        html = joined(template.generate(view))
        made[first] = key or _digest(rows, first, end, number, salt), html
    return made


def _render_in_worker(key: int) -> dict[int, tuple[str, str]]:
    return _render(*_work[key])
