"""What a review import did, row by row: each row's status and texts, and the document's
report (counts, warnings, whether the PO file was written, whether someone has to look)."""

from __future__ import annotations

from dataclasses import dataclass, field

CHANGED, UNCHANGED, CONFLICT, STALE = "changed", "unchanged", "conflict", "stale"
INCONSISTENT = "inconsistent"


@dataclass(frozen=True)
class RowResult:
    """What importing one row does: ``old`` is the msgstr, ``new`` the reviewer's text (None
    when the cell was not edited; for a conflict, the suggestion), ``notes`` the translator
    comments added."""

    row: str
    status: str
    line: int = 0
    old: str = ""
    new: str | None = None
    approved: bool = False  # fuzzy cleared: by "approved" in the State cell, or by an edit
    notes: tuple[str, ...] = ()
    reason: str = ""


@dataclass
class ImportReport:
    document: str
    po: str
    rows: list[RowResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    written: bool = False

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.rows)

    @property
    def findings(self) -> bool:
        """Conflicts, stale or inconsistent rows: someone has to look (exit code 1)."""
        return bool(self.count(CONFLICT) or self.count(STALE) or self.blocked)

    @property
    def blocked(self) -> bool:
        """An inconsistent row: the document cannot be trusted, nothing is written."""
        return bool(self.count(INCONSISTENT))
