"""The aligner's results: beads (a few French segments paired with a few English ones) and
the whole alignment of an article. Pure data."""

from __future__ import annotations

from dataclasses import dataclass, field

from diglot.model import Block

# Bead shapes are "French-English" counts, named from the English text's point of view: it
# merged French paragraphs (2-1, 3-1) or split one (1-2, 1-3).
SHAPES = ("1-1", "2-1", "3-1", "4-1", "5-1", "1-2", "1-3", "2-2", "1-0", "0-1")


def shape_label(shape: str) -> str:
    a, b = (int(n) for n in shape.split("-"))
    if not a or not b:
        return "no English" if b == 0 else "English only"
    return shape if a == b else f"{shape} {'merge' if a > b else 'split'}"

# Confidence bands, for the summary and the review page.
HIGH, LOW = 0.8, 0.5
BANDS = ("high", "medium", "low")


def band(confidence: float) -> str:
    return "high" if confidence >= HIGH else "medium" if confidence >= LOW else "low"


@dataclass(frozen=True, slots=True)
class Bead:
    """French segments ``fr`` paired with English segments ``en`` (indexes, in order)."""

    fr: tuple[int, ...]
    en: tuple[int, ...]
    confidence: float = 0.0
    shared: tuple[str, ...] = ()  # the anchors both sides share, for the reviewer
    parts: tuple[str, ...] = ()  # the English for each French segment, when there are several
    evidence: tuple[float, ...] = ()  # what the confidence was computed from (confidence.py)

    @property
    def shape(self) -> str:
        return f"{len(self.fr)}-{len(self.en)}"

    @property
    def label(self) -> str:
        return shape_label(self.shape)

    @property
    def paired(self) -> bool:
        return bool(self.fr) and bool(self.en)


@dataclass
class Alignment:
    """Every French segment and English segment, covered once each by ``beads``, in order."""

    french: list[Block]
    english: list[Block]
    beads: list[Bead] = field(default_factory=list)

    @property
    def pairs(self) -> list[Bead]:
        return [b for b in self.beads if b.paired]

    def of_shape(self, *shapes: str) -> list[Bead]:
        return [b for b in self.beads if b.shape in shapes]

    @property
    def merges(self) -> list[Bead]:
        return [b for b in self.pairs if len(b.fr) > len(b.en)]

    @property
    def splits(self) -> list[Bead]:
        return [b for b in self.pairs if len(b.fr) < len(b.en)]
