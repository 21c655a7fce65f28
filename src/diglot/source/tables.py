"""GitHub tables as the reader meets them: where each cell sits (table, row, column,
alignment), and whether a cell holds anything to translate."""

from __future__ import annotations

import re
import sys
from typing import Mapping

import markdown_it.rules_block.table  # noqa: F401  (its module, for escapedSplit below)

from diglot.model import Cell
from diglot.source.inline import spans

# markdown-it's own cutting of a row into cells (its package exports the rule function
# under the module's name, hence sys.modules).
_split = getattr(sys.modules["markdown_it.rules_block.table"], "escapedSplit", None)
_CONTAINERS = re.compile(r"^[ \t>]*")  # a quotation's markers and a list item's indent

TOKENS = frozenset({"table_open", "tr_open", "th_open", "td_open"})
_ALIGNS = {"text-align:left": "left", "text-align:center": "center", "text-align:right": "right"}


class Tracker:
    """Follows markdown-it's table tokens and places each cell."""

    def __init__(self) -> None:
        self.table = self.row = self.column = self.columns = 0
        self.align = ""

    def see(self, token) -> None:
        if token.type == "table_open":
            self.table, self.row = self.table + 1, 0
        elif token.type == "tr_open":
            self.row, self.column = self.row + 1, 0
        else:  # a cell opens: markdown-it gives every row all the header's columns
            self.column += 1
            self.columns = self.column if self.row == 1 else self.columns
            self.align = _ALIGNS.get(token.attrGet("style") or "", "")

    def extra_cells(self, line: str) -> int:
        """How many cells a body row (its source ``line``) has past the header's: GFM drops
        them, so their text would be in no edition."""
        if self.row < 2 or _split is None:
            return 0
        cells = _split(_CONTAINERS.sub("", line).strip())
        cells = cells[1:] if cells and not cells[0].strip() else cells
        cells = cells[:-1] if cells and not cells[-1].strip() else cells
        # Empty cells past the header's lose nothing (``| x | y | |``).
        return sum(1 for cell in cells[self.columns:] if cell.strip())

    def cell(self) -> Cell:
        return Cell(self.table, self.row, self.column, self.align)


def worth_translating(text: str, references: Mapping | None = None) -> bool:
    """Whether a cell holds words: a letter outside code (``68``, ``12,5 %``, `` `x` ``, ``—``
    and empty cells are shown as they are, never extracted)."""
    return any(ch.isalpha() for span in spans(text, references) if not span.code
               for ch in span.text)
