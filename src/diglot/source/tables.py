"""GitHub tables as the reader meets them: where each cell sits (table, row, column,
alignment), and whether a cell holds anything to translate."""

from __future__ import annotations

from typing import Mapping

from diglot.model import Cell
from diglot.source.inline import spans

TOKENS = frozenset({"table_open", "tr_open", "th_open", "td_open"})
_ALIGNS = {"text-align:left": "left", "text-align:center": "center", "text-align:right": "right"}


class Tracker:
    """Follows markdown-it's table tokens and places each cell."""

    def __init__(self) -> None:
        self.table = self.row = self.column = 0
        self.align = ""

    def see(self, token) -> None:
        if token.type == "table_open":
            self.table, self.row = self.table + 1, 0
        elif token.type == "tr_open":
            self.row, self.column = self.row + 1, 0
        else:  # a cell opens: markdown-it gives every row all the header's columns
            self.column += 1
            self.align = _ALIGNS.get(token.attrGet("style") or "", "")

    def cell(self) -> Cell:
        return Cell(self.table, self.row, self.column, self.align)


def worth_translating(text: str, references: Mapping | None = None) -> bool:
    """Whether a cell holds words: a letter outside code (``68``, ``12,5 %``, `` `x` ``, ``—``
    and empty cells are shown as they are, never extracted)."""
    return any(ch.isalpha() for span in spans(text, references) if not span.code
               for ch in span.text)
