"""Footnotes as the reader meets them: each note's number (the order of first reference,
as markdown-it numbers them; notes never referenced follow in the order they are written)
and the notes' place in the article, after its text."""

from __future__ import annotations

from diglot.model import Block
from diglot.source.inline import spans


def calls(blocks: list[Block]) -> list[tuple[Block, list[str]]]:
    """Each block that may call notes (text or fixed), with the labels it calls in order."""
    return [(block, note_labels(block.text)) for block in blocks
            if block.translatable or block.fixed]


def numbered(called: list[tuple[Block, list[str]]], labels: dict[str, int]) -> dict[str, int]:
    """label → number, for every note defined (``labels``: label → line of definition;
    ``called``: see ``calls``)."""
    numbers: dict[str, int] = {}
    for _, found in called:
        for label in found:
            if label in labels and label not in numbers:
                numbers[label] = len(numbers) + 1
    for label in labels:
        numbers.setdefault(label, len(numbers) + 1)
    return numbers


def undefined(called: list[tuple[Block, list[str]]],
              labels: dict[str, int]) -> tuple[Block, str] | None:
    """The first call of a note that is never defined, and the block holding it: markdown-it
    would print ``[^3]`` as text, which a reader takes for a broken note."""
    for block, found in called:
        for label in found:
            if label not in labels:
                return block, label
    return None


def past_bound(counts, bound: int) -> int | None:
    """The index of the count (of calls, text by text) that brings the total past
    ``bound``, or None."""
    total = 0
    for index, count in enumerate(counts):
        total += count
        if total > bound:
            return index
    return None


def too_many_calls(bound: int) -> str:
    """The error for an article whose text or translation calls notes past ``bound``."""
    return (f"more than {bound:,} footnote calls in one article (each is a raised link and a "
            "back link in every edition): split the article, or call its notes fewer times")


def at_the_end(blocks: list[Block], numbers: dict[str, int]) -> tuple[Block, ...]:
    """The blocks with every note's blocks moved after the text, notes in number order."""
    text = [b for b in blocks if not b.note]
    notes = sorted((b for b in blocks if b.note), key=lambda b: numbers[b.note])
    return tuple(text + notes)


def note_labels(text: str) -> list[str]:
    """The footnote labels ``text`` references, in order (repeats kept)."""
    return [s.note for s in spans(text) if s.note is not None] if "[^" in text else []
