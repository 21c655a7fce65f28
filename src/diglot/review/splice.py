"""A reviewer's edit applied to a msgstr word by word, keeping the Markdown source of every
piece of it the cell did not change.

A cell shows spans (text, bold, italic, code, link target); the msgstr may say more than
that: an image, a link title or a non-http scheme, a reference link ``[x][r]``, an entity
``&amp;``. Re-rendering the whole msgstr from the cell would lose those. So the msgstr is
cut into pieces at top-level spaces (a cut is kept only where the pieces read, one after
the other, exactly as the whole), the cell is compared with what the msgstr shows, word
by word, and only the pieces the edit touched are written anew from the cell. A touched
piece that says more than its spans cannot be rewritten without loss: then there is no
result, and the caller makes the row a conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Mapping

from diglot.source.markdown_out import normalize, to_markdown
from diglot.source.inline import Span, meaning, spans

_WORDS = re.compile(r"\s+|\w+|[^\w\s]")
_CHUNKS = re.compile(r"(\n *| +)")  # top-level cut candidates: runs of spaces, line breaks
MAX_CUTS_CHECKED = 300  # cuts tested one by one when the simple partition fails…
MAX_CHECKED_SIZE = 20_000  # …in a msgstr up to this long
MAX_DIFF = 4_000_000  # old × new words compared; beyond, the cell is one region


@dataclass(frozen=True)
class Spliced:
    text: str
    exact: bool  # False when some formatting at the edge of punctuation was dropped


@dataclass(frozen=True)
class _Piece:
    source: str
    words: tuple  # what the piece shows, as (text, style) words


def splice(old: str, cell: list[Span], refs: Mapping | None = None) -> Spliced | None:
    """The msgstr that shows ``cell``, keeping every untouched piece of ``old``; None
    when the edit touches a piece the cell cannot fully say."""
    new = words(normalize(cell))
    pieces = _pieces(old, refs)
    regions = _regions(pieces, new)
    if regions is None:
        return None
    text, exact = "".join(part for part, _ in regions), all(ok for _, ok in regions)
    got = words(normalize(spans(text, refs)))
    if got == _expected(regions, refs):
        return Spliced(text, exact and got == new)
    if any(_rich(piece) for piece in pieces):
        return None  # the pieces run into each other, and a re-render would lose markup
    whole = to_markdown(cell)
    return Spliced(whole.text, whole.exact)


def words(items: list[Span]) -> tuple:
    """Spans as words (runs of letters, of spaces, single signs), each with its style; an
    image or a note call is one word, the span itself its style (a review cell shows it as
    its Markdown, and an edit of its alt text changes that one word)."""
    out = []
    for span in items:
        if span.br:
            out.append(("\n", None))
            continue
        if span.markup:
            out.append((span.markdown, span))
            continue
        style = (span.bold, span.italic, span.code, span.href)
        out += [(m.group(), style) for m in _WORDS.finditer(span.text)]
    return tuple(out)


def _spans_of(items) -> list[Span]:
    out: list[Span] = []
    for text, style in items:
        if isinstance(style, Span):
            out.append(style)
        else:
            out.append(Span("\n", br=True) if style is None else Span(text, *style))
    return normalize(out)


def _shown(source: str, refs) -> tuple:
    return words(normalize(spans(source, refs)))


def _pieces(source: str, refs) -> list[_Piece]:
    """``source`` cut where the pieces read, in order, as the whole does."""
    chunks = [c for c in _CHUNKS.split(source) if c]
    whole = _shown(source, refs)
    pieces = [_Piece(c, _shown(c, refs)) for c in chunks]
    if sum((p.words for p in pieces), ()) != whole:
        cuts = _valid_cuts(chunks, source, whole, refs)
        bounds = [0, *cuts, len(chunks)]
        grouped = ["".join(chunks[a:b]) for a, b in zip(bounds, bounds[1:])]
        pieces = [_Piece(g, _shown(g, refs)) for g in grouped]
    if sum((p.words for p in pieces), ()) != whole:
        return [_Piece(source, whole)]
    return _glued(pieces)


def _glued(pieces: list[_Piece]) -> list[_Piece]:
    """Pieces that show nothing (an image without alt text) joined to their neighbour:
    every piece then has a place among the words."""
    out: list[_Piece] = []
    for piece in pieces:
        if out and (not piece.words or not out[-1].words):
            out[-1] = _Piece(out[-1].source + piece.source, out[-1].words + piece.words)
        else:
            out.append(piece)
    return out


def _valid_cuts(chunks: list[str], source: str, whole: tuple, refs) -> list[int]:
    if len(chunks) > MAX_CUTS_CHECKED or len(source) > MAX_CHECKED_SIZE:
        return []
    cuts, offset = [], 0
    for index, chunk in enumerate(chunks[:-1], 1):
        offset += len(chunk)
        if _shown(source[:offset], refs) + _shown(source[offset:], refs) == whole:
            cuts.append(index)
    return cuts


def _regions(pieces: list[_Piece], new: tuple) -> list[tuple[str, bool]] | None:
    """The result as parts: kept sources (exact) and renderings of the cell's words
    where the edit touched the msgstr; None when a touched piece says more than it shows."""
    mapped = _mapping([w for piece in pieces for w in piece.words], new)
    spans, start = [], 0  # each piece's range among the old words
    for piece in pieces:
        spans.append(range(start, start + len(piece.words)))
        start += len(piece.words)
    kept = _links_kept_whole(pieces, spans, [_untouched(span, mapped) for span in spans],
                             mapped, new)
    if any(_rich(p) for p, keep in zip(pieces, kept) if not keep):
        return None
    parts: list[tuple[str, bool]] = []
    done = 0  # new words written so far
    for index, (piece, span) in enumerate(zip(pieces, spans)):
        if not kept[index]:
            continue
        if span:  # the new words before this kept piece: an insertion or a rewritten region
            done = _rendered(parts, new, done, mapped[span[0]])
            done = mapped[span[-1]] + 1
        parts.append((piece.source, True))
    _rendered(parts, new, done, len(new))
    return parts


def _links_kept_whole(pieces: list[_Piece], spans: list[range], kept: list[bool],
                      mapped: list, new: tuple) -> list[bool]:
    """``kept``, with a kept piece counted as touched where the edit writes new words inside
    its link, next to it: written apart from it, they would cut the link in two (an attack
    round: "a link" typed in a titled link became "[a ](u)[link](u "title")")."""
    used = {m for m in mapped if m is not None}
    out = list(kept)
    for index, span in enumerate(spans):
        if not kept[index] or not span:
            continue
        words = pieces[index].words
        for at, word in ((mapped[span[0]] - 1, words[0]), (mapped[span[-1]] + 1, words[-1])):
            if 0 <= at < len(new) and at not in used and _href(word) and \
                    _href(new[at]) == _href(word):
                out[index] = False
    return out


def _href(word) -> str | None:
    """The link a word (text, style) is in, if any."""
    return word[1][3] if isinstance(word[1], tuple) else None


def _mapping(old: list, new: tuple) -> list[int | None]:
    """For each old word, the new word it stays as (None: changed or removed)."""
    mapped: list[int | None] = [None] * len(old)
    if len(old) * len(new) > MAX_DIFF:
        return mapped
    matcher = SequenceMatcher(None, old, list(new), autojunk=False)
    for tag, i1, i2, j1, _ in matcher.get_opcodes():
        if tag == "equal":
            for i in range(i1, i2):
                mapped[i] = j1 + i - i1
    return mapped


def _untouched(span: range, mapped: list) -> bool:
    """Every word of the piece kept, with nothing inserted between them."""
    if any(mapped[i] is None for i in span):
        return False
    return all(mapped[i + 1] == mapped[i] + 1 for i in span[:-1])


def _rendered(parts: list, new: tuple, done: int, upto: int) -> int:
    """Add the Markdown of new words ``done:upto`` (an insertion or a rewritten region)."""
    if upto > done:
        markdown = to_markdown(_spans_of(new[done:upto]))
        parts.append((markdown.text, markdown.exact))
    return max(done, upto)


def _rich(piece: _Piece) -> bool:
    """Whether the piece says more than its spans: re-rendering them means something else."""
    rendered = to_markdown(_spans_of(piece.words)).text
    return meaning(piece.source) != meaning(rendered)


def _expected(regions: list[tuple[str, bool]], refs) -> tuple:
    """What the joined parts must read as: each part as it reads alone."""
    return sum((_shown(text, refs) for text, _ in regions), ())
