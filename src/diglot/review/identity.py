"""Identities and fingerprints: which PO entry a review row stands for, what state the entry
was in when it was exported, what the English cell showed, and which project a document
belongs to. Short hex digests: they sit in bookmark names (40 characters at most in Word)
and in the document's manifest.
"""

from __future__ import annotations

import hashlib
import json

from diglot.source.inline import Span
from diglot.po.model import Entry
from diglot.project import Project

BOOKMARK_PREFIX = "_dg"  # a leading "_" makes the bookmark hidden in Word's dialog
_DIGITS = 16


def _digest(value: object) -> str:
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:_DIGITS]


def entry_key(entry: Entry) -> str:
    """The entry's identity: its context and French, the way gettext identifies it."""
    return _digest([entry.msgctxt, entry.msgid])


def po_fingerprint(entry: Entry) -> str:
    """What a reviewer's edit would overwrite: the translation and whether it is fuzzy."""
    return _digest([entry.msgstr, list(entry.msgstr_plural), entry.fuzzy])


def shown_fingerprint(spans: list[Span]) -> str:
    """What the English cell shows, as normalised spans (see markdown_out.normalize): two
    cells with the same fingerprint read the same, whatever Word did to their runs. An
    image or a note call counts as its Markdown (an edited alt text is a change)."""
    return _digest([[s.text, s.bold, s.italic, s.code, s.href, s.br] +
                    ([s.markdown] if s.markup else []) for s in spans])


def note_lines(lines) -> list[str]:
    """Comment-cell lines as compared: each on one line (separators such as CR or U+2028
    and runs of spaces as one space), blank ones dropped."""
    return [" ".join(line.split()) for line in lines if line.strip()]


def notes_fingerprint(lines) -> str:
    """What the Comment cell shows: the entry's translator comments, one line each."""
    return _digest(note_lines(lines))


def bookmark_name(key: str) -> str:
    return f"{BOOKMARK_PREFIX}{key}"


def key_of_bookmark(name: str) -> str | None:
    """The entry key a bookmark name carries, if it is one of ours."""
    key = name[len(BOOKMARK_PREFIX):]
    if name.startswith(BOOKMARK_PREFIX) and len(key) == _DIGITS:
        try:
            int(key, 16)
        except ValueError:
            return None
        return key
    return None


def project_identity(project: Project) -> str:
    """The edition's title (``title`` in the configuration, else the folder's name): the
    name a document says it belongs to, stable across clones when the title is set."""
    return project.config.title or project.name
