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
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from diglot import names
from diglot.model import Bilingual
from diglot.source.inline import profile

SUFFIXES = (".md", ".markdown")
INPUT = "article:"  # an output's input naming a linked article (see ``attach``)
_MENTION = re.compile(r"\.m(?:d|arkdown)\b", re.IGNORECASE)


def mentions(text: str) -> bool:
    """Whether ``text`` may hold a link to a Markdown file (most texts: no parse at all)."""
    return _MENTION.search(text) is not None


def target(href: str, slug: str) -> tuple[str, str] | None:
    """(the article name a relative link to a Markdown file written in article ``slug``
    gives, then its ``?query#fragment``), the name "" when the link leaves the source
    folder; None for any other link."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    if parts.scheme or parts.netloc or not path.lower().endswith(SUFFIXES):
        return None
    folder = "" if path.startswith("/") else posixpath.dirname(slug)
    joined = posixpath.normpath(posixpath.join(folder, path.lstrip("/")))
    tail = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    if joined == ".." or joined.startswith("../"):
        return "", tail
    return names.path_slug(joined.rsplit(".", 1)[0]), tail


def resolve(name: str, articles: frozenset[str]) -> str | None:
    """The article ``name`` is, as the project compares names (case aside), or None."""
    return _folded(articles).get(name.casefold()) if name else None


@lru_cache(maxsize=4)
def _folded(articles: frozenset[str]) -> dict[str, str]:
    return {name.casefold(): name for name in articles}


def attach(doc: Bilingual, articles: frozenset[str]) -> tuple[Bilingual, list[str]]:
    """``doc`` knowing the edition's articles, and the inputs its outputs depend on beyond
    its own files: one per article its links name (``INPUT`` + the name), whose fingerprint
    is whether that article exists (``digest``), never its content."""
    return replace(doc, articles=articles), [INPUT + name for name in sorted(set(linked(doc)))]


def digest(rel: str, articles: frozenset[str]) -> str:
    """An ``INPUT``'s fingerprint: the article it names, or "-" while there is none."""
    return resolve(rel[len(INPUT):], articles) or "-"


def linked(doc: Bilingual) -> Iterable[str]:
    """The name every Markdown link of the article's French and English gives."""
    for text in _texts(doc):
        if mentions(text) or doc.references:
            for href in profile(text, doc.references).links:
                found = target(href, doc.slug)
                if found is not None and found[0]:
                    yield found[0]


def _texts(doc: Bilingual) -> Iterable[str]:
    for pair in doc.pairs:
        yield pair.block.text
        if pair.target:
            yield pair.target


def linker(doc: Bilingual, suffix: str, tail: bool = True) -> Callable[[str], str]:
    """href → the href ``doc``'s output file in an edition whose files end in ``suffix``
    writes: a link to an article of the edition leads to that article's file (with the
    link's query and fragment, if ``tail``)."""
    here = posixpath.dirname(doc.slug) or "."

    def link(href: str) -> str:
        found = target(href, doc.slug) if mentions(unquote(href)) else None
        article = resolve(found[0], doc.articles) if found else None
        if article is None:
            return href
        return posixpath.relpath(article, here) + suffix + (found[1] if tail else "")

    return link


def retarget(items: list, link: Callable[[str], str]) -> list:
    """Spans with their article links leading to the edition's files."""
    if not any(s.href for s in items):
        return items
    return [s if not s.href else replace(s, href=link(s.href)) for s in items]
