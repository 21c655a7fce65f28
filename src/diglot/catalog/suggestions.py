"""A review's edit kept for French that is gone (``review import`` of a stale row): an
obsolete entry with a context of its own, so that the merge never revives it as a finished
translation (an attack round: a crafted row's text came back as done); only the memory of
its own file proposes it, fuzzy.
"""

from __future__ import annotations

from diglot.po.model import Entry

KEPT_CONTEXT = "diglot review suggestion"


def kept_suggestion(e: Entry) -> bool:
    return e.obsolete and e.msgctxt == KEPT_CONTEXT and bool(e.msgid and e.msgstr)
