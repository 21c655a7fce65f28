"""Helpers shared by tests: build a Bilingual from Markdown text and translation pairs."""

from __future__ import annotations

import json
from pathlib import Path

from diglot.catalog.translate import bilingual
from diglot.media import attach
from diglot.model import Bilingual
from diglot.po.model import Catalog, Entry
from diglot.source.reader import parse_article

CASES = Path(__file__).resolve().parent / "cases"


def png(width: int, height: int, colour=(200, 120, 40)) -> bytes:
    """A real PNG image of one colour."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\0" + bytes(colour) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def catalog_from(pairs, fuzzy=(), header=None) -> Catalog:
    entries = [Entry(fr, en, flags=("fuzzy",) if fr in fuzzy else ()) for fr, en in pairs]
    return Catalog(header, entries)


def bilingual_from(md_text: str, pairs, slug: str = "article", fallback: str = "source",
                   fuzzy=(), lang: str = "en") -> Bilingual:
    """Parse ``md_text`` and translate it with ``pairs`` ([french, english], …)."""
    article = parse_article(md_text, slug, f"source_fr/{slug}.md")
    return bilingual(article, catalog_from(pairs, fuzzy), "fr", lang, fallback)


def showcase(fallback: str = "source", drop=(), fuzzy=()) -> Bilingual:
    """The rich test article with its English and its images; ``drop`` leaves those French
    texts untranslated."""
    folder = CASES / "showcase"
    text = (folder / "article.md").read_text(encoding="utf-8")
    pairs = [p for p in json.loads((folder / "pairs.json").read_text("utf-8"))
             if p[0] not in drop]
    article = parse_article(text, "showcase", "article.md")
    doc = bilingual(article, catalog_from(pairs, fuzzy), "fr", "en", fallback)
    return attach(doc, folder, folder)[0]
