"""The one slug rule: every name diglot derives from a file name or a label (article names,
PO/POT and output paths, ``--article``, HTML anchors, review files, image assets).

A slug keeps ASCII letters, digits, ``.``, ``_`` and ``-``; accents are dropped
(``été`` → ``ete``) and any other run of characters becomes one ``-``
(``Mon été à Paris`` → ``Mon-ete-a-Paris``). Case is kept, so the names of existing
ASCII-named articles do not change. A path is slugged folder by folder.
"""

from __future__ import annotations

import re
import unicodedata

_OTHER = re.compile(r"[^A-Za-z0-9._-]+")
# Letters Unicode does not decompose into ASCII ones (œuvre, ex æquo).
_LIGATURES = str.maketrans({"Œ": "OE", "œ": "oe", "Æ": "AE", "æ": "ae", "ß": "ss"})


def slug(text: str) -> str:
    """One name (no ``/``); empty when nothing usable is left (``???``)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    ascii_text = decomposed.encode("ascii", "ignore").decode()
    return _OTHER.sub("-", ascii_text).strip("-.")


def path_slug(path: str) -> str:
    """A ``/``-separated path slugged folder by folder (``2026/Été à Paris`` →
    ``2026/Ete-a-Paris``); empty when any part has no usable name."""
    parts = [slug(part) for part in path.split("/")]
    return "/".join(parts) if all(parts) else ""


def folded(name: str) -> str:
    """The form two names are compared in: file systems on macOS and Windows ignore case."""
    return name.casefold()
