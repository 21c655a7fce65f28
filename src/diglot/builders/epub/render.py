"""What every file of an EPUB package is written with: its templates rendered to XML text
that e-readers and epubcheck accept (no character XML forbids), the labels in each
language, language tags as BCP 47 writes them, and the media type of an image, read from
its bytes."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import islice

from diglot import locales
from diglot.web import asset, environment

# Characters XML 1.0 forbids (C0 controls but tab, newline, return; U+FFFE, U+FFFF) and the
# C1 controls it discourages: none means anything on a page, and any would stop a reader.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")

# Images every EPUB 3 reading system shows (the core media types), by their first bytes.
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
               (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"))


def render(template: str, **page) -> bytes:
    """A template of ``templates/epub/`` as UTF-8 bytes, without unwritable characters."""
    pieces = environment().get_template(f"epub/{template}").generate(page)
    batches = []  # joined a batch at a time: see builders.html._joined
    while batch := list(islice(pieces, 512)):
        batches.append("".join(batch))
    text = "".join(batches)
    if _UNWRITABLE.search(text):
        text = _UNWRITABLE.sub("", text)
    return text.encode("utf-8")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, dict]:
    return json.loads(asset("labels.json")), json.loads(asset("epub/labels.json"))


def chrome(lang: str) -> str:
    """The language of the book's own words (marks, headings) for text in ``lang``."""
    base = locales.base(lang)
    return base if base in _tables()[1] else "en"


@lru_cache(maxsize=None)
def labels(lang: str) -> dict:
    """The HTML edition's labels and the EPUB's own, in ``lang`` (else in English)."""
    shared, own = _tables()
    code = chrome(lang)
    return {**shared.get(code, shared["en"]), **own[code]}


def tag(code: str) -> str:
    """A language code as BCP 47 writes it (``en_US`` → ``en-US``): lang and xml:lang."""
    return code.replace("_", "-")


def media_type(data: bytes) -> str | None:
    """An image's media type when it is one every EPUB reader shows, else None."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return "image/svg+xml" if head.startswith(b"<") and b"<svg" in head else None
