"""What the Markdown reader refuses, each at the line that passes a bound (README,
"Safety"): nesting past what markdown-it reads, a paragraph or an article too long, too many
lines of code, a link definition written too often, note calls past the bound or never
defined."""

from __future__ import annotations

from diglot.errors import SourceError
from diglot.model import CODE, Block
from diglot.safety import (MAX_CODE_LINES, MAX_NOTE_CALLS, MAX_REFERENCE_WRITING,
                           MAX_SEGMENT_CHARS, MAX_SEGMENTS, MB)
from diglot.source import notes
from diglot.source.inline import reference_writing
from diglot.source.markdown import MAX_NESTING


def not_too_deep(tokens, rel_path: str, offset: int) -> None:
    """markdown-it skips what nests past its limit: the text after it would be lost."""
    deep = next((t for t in tokens if t.level >= MAX_NESTING - 1), None)
    if deep is not None:
        line = offset + (deep.map[0] if deep.map else 0) + 1
        raise SourceError("lists and quotes nest too deep here for Markdown to read: the "
                          "text after this line would be lost; nest them less", rel_path, line)


def references_bounded(blocks: list[Block], references, rel_path: str, offset: int) -> None:
    """What the link definitions write where the text uses them, within the bound."""
    size, label = reference_writing((block.text for block in blocks), references)
    if size > MAX_REFERENCE_WRITING:
        line = offset + (references[label].get("map") or [0])[0] + 1
        raise SourceError(reference_message(label, size), rel_path, line)


def reference_message(label: str, size: int) -> str:
    """The error for a link definition used past the bound (the French's or the English's)."""
    return (f"the link definition [{label}] is used so often that the editions would write "
            f"its address and title {size // MB:,} MB over (more than "
            f"{MAX_REFERENCE_WRITING // MB} MB for an article): shorten them, or link fewer times")


def calls_defined(called, labels: dict[str, int], rel_path: str) -> None:
    """Every note called is defined, and the calls are within the bound."""
    past = notes.past_bound((len(found) for _, found in called), MAX_NOTE_CALLS)
    if past is not None:
        raise SourceError(notes.too_many_calls(MAX_NOTE_CALLS), rel_path, called[past][0].line)
    found = notes.undefined(called, labels)
    if found:
        block, label = found
        raise SourceError(f"footnote [^{label}] is called but never defined; add a line "
                          f"'[^{label}]: …' with the note, or write \\[^{label}] for the text "
                          "itself", rel_path, block.line)


def within_bounds(blocks: list[Block], rel_path: str) -> None:
    """No segment over MAX_SEGMENT_CHARS, no article over MAX_SEGMENTS (README, "Safety")."""
    for block in blocks:
        if len(block.text) > MAX_SEGMENT_CHARS:
            raise SourceError(f"this block is {len(block.text):,} characters long; diglot "
                              f"reads paragraphs of up to {MAX_SEGMENT_CHARS:,}: split it "
                              "with blank lines", rel_path, block.line)
    _code_within_bounds(blocks, rel_path)
    texts = [b for b in blocks if b.translatable]
    if len(texts) > MAX_SEGMENTS:
        raise SourceError(f"the article has {len(texts):,} segments; diglot reads articles "
                          f"of up to {MAX_SEGMENTS:,}: split it into several articles",
                          rel_path, texts[MAX_SEGMENTS].line)


def _code_within_bounds(blocks: list[Block], rel_path: str) -> None:
    lines = 0
    for block in (b for b in blocks if b.kind == CODE):
        lines += block.text.count("\n") + 1
        if lines > MAX_CODE_LINES:
            raise SourceError(f"the article's code blocks pass {MAX_CODE_LINES:,} lines here, "
                              "diglot's bound: publish such a listing as a file of its own, "
                              "and link to it", rel_path, block.line)
