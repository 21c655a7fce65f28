"""Links between the articles of an edition: a relative link to another article's Markdown
source (``[voir](../tramway.md#lignes)``) leads, in each edition, to that article's own file
of the same edition (``../tramway.html#lignes``, ``../tramway.docx``, ``../tramway.pdf``).

A reader has no ``.md`` file to open: left as written, such a link is broken in every
output. The target is the article whose slug the link's path gives, resolved from the
linking article's folder (from the source folder when the path starts with ``/``), as
images are (``media``); a path leaving the source folder is no article. Output files mirror
the articles' folders, so the new link is the way from one output to the other.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from urllib.parse import unquote, urlsplit

from diglot import names
from diglot.model import Bilingual
from diglot.source.inline import profile

SUFFIXES = (".md", ".markdown")
_MENTION = re.compile(r"\.m(?:d|arkdown)\b", re.IGNORECASE)


def mentions(text: str) -> bool:
    """Whether ``text`` may hold a link to a Markdown file (most texts: no parse at all)."""
    return _MENTION.search(text) is not None


def target(href: str, slug: str) -> tuple[str, str] | None:
    """(slug of the linked article, ``#fragment`` or "") of a relative link to a Markdown
    file written in article ``slug``; None for any other link."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    if parts.scheme or parts.netloc or not path.lower().endswith(SUFFIXES):
        return None
    folder = "" if path.startswith("/") else posixpath.dirname(slug)
    joined = posixpath.normpath(posixpath.join(folder, path.lstrip("/")))
    if joined == ".." or joined.startswith("../"):
        return None
    linked = names.path_slug(joined.rsplit(".", 1)[0])
    return (linked, f"#{parts.fragment}" if parts.fragment else "") if linked else None


def attach(doc: Bilingual, articles: frozenset[str]) -> tuple[Bilingual, list[str]]:
    """``doc`` knowing the edition's articles, and the slugs its links name (the articles
    its outputs link to: adding, removing or renaming one changes them)."""
    return replace(doc, articles=articles), sorted(set(linked(doc)))


def linked(doc: Bilingual) -> Iterable[str]:
    """The slug every Markdown link of the article's French and English names."""
    for text in _texts(doc):
        if mentions(text) or doc.references:
            for href in profile(text, doc.references).links:
                found = target(href, doc.slug)
                if found is not None:
                    yield found[0]


def _texts(doc: Bilingual) -> Iterable[str]:
    for pair in doc.pairs:
        yield pair.block.text
        if pair.target:
            yield pair.target


def linker(doc: Bilingual, suffix: str) -> Callable[[str], str]:
    """href → the href ``doc``'s output file in an edition whose files end in ``suffix``
    writes: a link to an article of the edition leads to that article's file."""
    here = posixpath.dirname(doc.slug) or "."

    def link(href: str) -> str:
        found = target(href, doc.slug) if mentions(href) else None
        if found is None or found[0] not in doc.articles:
            return href
        return posixpath.relpath(found[0], here) + suffix + found[1]

    return link


def retarget(items: list, link: Callable[[str], str]) -> list:
    """Spans with their article links leading to the edition's files."""
    if not any(s.href for s in items):
        return items
    return [s if not s.href else replace(s, href=link(s.href)) for s in items]
