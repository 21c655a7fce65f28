"""A review row's remarks as translator comments: each Word comment becomes
``# review: author: text``; what a reviewer typed into the Comment cell (which showed the
entry's translator comments) becomes ``# review: text``, only the typed part when it was
typed onto a comment line; lines the entry already carries are not added twice."""

from __future__ import annotations

from diglot.po.model import Entry
from diglot.review import identity
from diglot.review.docx_read import DocRow
from diglot.review.manifest import RowMark
from diglot.safety import one_line


def of_row(row: DocRow, mark: RowMark, entry: Entry) -> list[str]:
    """The comment lines a row brings: its Word comments', then the lines typed in its
    Comment cell."""
    return [_note_line(n.author, n.text) for n in row.notes] + _typed(row, mark, entry)


def _typed(row: DocRow, mark: RowMark, entry: Entry) -> list[str]:
    """Lines a reviewer typed into the Comment cell (which showed the translator comments):
    each line the entry does not already carry becomes a review comment."""
    if identity.notes_fingerprint(row.comment_lines) == mark.notes:
        return []
    known = identity.note_lines(entry.translator_comments)
    lines = identity.note_lines(row.comment_lines)
    in_cell, carried = set(lines), set(known)
    typed_onto = [c for c in known if c not in in_cell]  # comment lines the reviewer typed on
    # Longest first, once; past a few hundred, a changed line is taken whole (nothing lost;
    # an attack round's 60,000 comment lines took 43 s of pairwise comparisons).
    typed_onto = sorted(typed_onto, key=len, reverse=True) if len(typed_onto) <= MAX_TYPED_ONTO else []
    typed = (_typed_part(line, carried, typed_onto) for line in lines)
    return [_note_line("", line) for line in typed if line]


MAX_TYPED_ONTO = 200


def _typed_part(line: str, known: set[str], typed_onto: list[str]) -> str:
    """What the reviewer added to a Comment-cell line: "" for a comment the entry carries;
    the rest of a line typed onto one of its comments (one no longer in the cell as it
    was, met at a word's edge, longest first); else the whole line."""
    if line in known:
        return ""
    for comment in typed_onto:
        if line.startswith(comment) and _edge(comment[-1], line[len(comment)]):
            return line[len(comment):].strip()
        if line.endswith(comment) and _edge(line[-len(comment) - 1], comment[0]):
            return line[:-len(comment)].strip()
    return line


def _edge(before: str, after: str) -> bool:
    """Whether two characters meet at a word's edge (not inside one word)."""
    return not (before.isalnum() and after.isalnum())


def _note_line(author: str, text: str) -> str:
    """One comment line: any line separator (CR, U+2028…) in the author or the text is a
    space, so a comment can never start a line of PO syntax."""
    author, text = one_line(author), one_line(text)
    return f"review: {author}: {text}" if author else f"review: {text}"


def fresh(entry: Entry, lines: list[str]) -> tuple[str, ...]:
    """The comment lines the entry does not carry yet (importing twice adds nothing)."""
    return tuple(dict.fromkeys(line for line in lines
                               if line not in entry.translator_comments))
