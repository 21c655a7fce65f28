"""Footnotes as the reader meets them: each note's number (the order of first reference,
as markdown-it numbers them; notes never referenced follow in the order they are written)
and the notes' place in the article, after its text."""

from __future__ import annotations

from diglot.model import Block
from diglot.source.inline import spans


def numbered(blocks: list[Block], labels: dict[str, int]) -> dict[str, int]:
    """label → number, for every note defined (``labels``: label → line of definition)."""
    numbers: dict[str, int] = {}
    for block in blocks:
        if block.translatable or block.fixed:
            for label in note_labels(block.text):
                if label in labels and label not in numbers:
                    numbers[label] = len(numbers) + 1
    for label in labels:
        numbers.setdefault(label, len(numbers) + 1)
    return numbers


def undefined(blocks: list[Block], labels: dict[str, int]) -> tuple[Block, str] | None:
    """The first call of a note that is never defined, and the block holding it: markdown-it
    would print ``[^3]`` as text, which a reader takes for a broken note."""
    for block in blocks:
        if block.translatable or block.fixed:
            for label in note_labels(block.text):
                if label not in labels:
                    return block, label
    return None


def at_the_end(blocks: list[Block], numbers: dict[str, int]) -> tuple[Block, ...]:
    """The blocks with every note's blocks moved after the text, notes in number order."""
    text = [b for b in blocks if not b.note]
    notes = sorted((b for b in blocks if b.note), key=lambda b: numbers[b.note])
    return tuple(text + notes)


def note_labels(text: str) -> list[str]:
    """The footnote labels ``text`` references, in order (repeats kept)."""
    return [s.note for s in spans(text) if s.note is not None] if "[^" in text else []
