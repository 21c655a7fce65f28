"""The ``msgid`` check: an entry whose msgid is not a French segment of its article (edited
in the PO file, or pasted from another), so the edition never shows its translation. The
article's template (``translations/templates/<slug>.pot``, written by ``diglot update``
with the PO files) holds the French segments; without one, nothing is said."""

from __future__ import annotations

from diglot.checks.model import Pair, Problem


def check_msgid(pair: Pair) -> list[Problem]:
    if pair.known is None or pair.fr.markdown in pair.known:
        return []
    return [Problem("this msgid is not a segment of the French (its template has no such "
                    "entry): the edition never shows its translation; run diglot update, or "
                    "put back the French it edited")]
