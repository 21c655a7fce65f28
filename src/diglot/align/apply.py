"""Alignment → proposals in a PO catalog: each paired French segment gets its English as a
fuzzy translation with a translator comment giving the confidence, which survives
``diglot update``; ``accept_above`` marks the confident ones translated. An entry already
translated, or holding any text align did not propose (a fuzzy draft, the translation
memory's proposal), is left alone unless ``overwrite`` is set.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from diglot.align.model import Alignment
from diglot.catalog.memory import COMMENT as MEMORY
from diglot.model import Block
from diglot.po.model import Catalog, Entry

COMMENT = "align:"


@dataclass(frozen=True, slots=True)
class Proposal:
    """An English text for French segment ``index``."""

    index: int
    text: str
    confidence: float
    label: str


@dataclass
class Counts:
    proposed: int = 0  # entries given an English text, fuzzy
    accepted: int = 0  # of which marked translated (--accept-above)
    kept: int = 0  # translated entries left as they were (no --overwrite)


def proposals(alignment: Alignment) -> list[Proposal]:
    """One proposal per paired French segment that the English covers: a merge's English is
    already cut back into one piece per French segment, at sentence ends."""
    out: list[Proposal] = []
    for bead in alignment.pairs:
        whole = len(bead.fr) > 1 and sum(bool(p) for p in bead.parts) == 1
        label = f"{bead.label}, the English of all {len(bead.fr)}" if whole else bead.label
        out += [Proposal(i, part, bead.confidence, label)
                for i, part in zip(bead.fr, bead.parts) if part]
    return out


def apply_proposals(catalog: Catalog, french: list[Block], found: list[Proposal],
                    overwrite: bool = False, accept_above: float | None = None
                    ) -> tuple[Catalog, Counts]:
    """``catalog`` with the proposals written in; identical French segments share an entry,
    which takes the most confident proposal."""
    best: dict[str, Proposal] = {}
    for proposal in found:
        key = french[proposal.index].text
        if key not in best or proposal.confidence > best[key].confidence:
            best[key] = proposal
    counts, entries = Counts(), []
    for entry in catalog.entries:
        proposal = None if entry.obsolete or entry.msgctxt else best.get(entry.msgid)
        entries.append(_apply(entry, proposal, overwrite, accept_above, counts))
    return Catalog(catalog.header, entries), counts


def _apply(entry: Entry, proposal: Proposal | None, overwrite: bool,
           accept_above: float | None, counts: Counts) -> Entry:
    if proposal is None:
        return entry
    if _someone_elses(entry) and not overwrite:
        counts.kept += 1
        return entry
    accepted = accept_above is not None and proposal.confidence >= accept_above
    counts.proposed += 1
    counts.accepted += accepted
    # The memory's comment described the msgstr replaced here: it goes with it.
    comments = tuple(c for c in entry.translator_comments
                     if not c.startswith(COMMENT) and not c.startswith(MEMORY))
    note = f"{COMMENT} confidence {proposal.confidence:.2f} ({proposal.label}), {_mark(proposal.text)}"
    return replace(entry.with_flag("fuzzy", not accepted), msgstr=proposal.text,
                   translator_comments=(*comments, note), previous_msgid=None,
                   previous_msgctxt=None, previous_msgid_plural=None)


def _someone_elses(entry: Entry) -> bool:
    """An entry holding a text align did not propose: translated, a fuzzy draft (update's
    old translation of a changed paragraph, a translator's work in progress, even once
    align's: update gave it a "#|", or a translator edited it), or the translation
    memory's proposal (a human's translation elsewhere): each better than a guess from
    the texts' shapes."""
    mark = f", {_mark(entry.msgstr)}"
    ours = entry.previous_msgid is None and any(
        c.startswith(COMMENT) and c.endswith(mark) for c in entry.translator_comments)
    return entry.translated or bool(entry.msgstr) and not ours


def _mark(text: str) -> str:
    """What names the text align proposed, in its comment: an entry whose text no longer
    matches it was edited by someone (the comment alone said nothing of that)."""
    return "proposal " + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
