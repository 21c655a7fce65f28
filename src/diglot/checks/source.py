"""Checks against the project, not the pair alone. ``msgid``: an entry whose msgid is not a
French segment of its article (edited in the PO file, or pasted from another), so the
edition never shows its translation; the article's template
(``translations/templates/<slug>.pot``, written by ``diglot update`` with the PO files)
holds the French segments; without one, nothing is said. ``article-link``: a link to a
Markdown file that is no article of the edition (``crossref`` turns a link to an article's
source into a link to its page; any other ``.md`` is a file no reader can open)."""

from __future__ import annotations

from urllib.parse import unquote

from diglot import crossref
from diglot.checks.model import Pair, Problem


def check_msgid(pair: Pair) -> list[Problem]:
    if pair.known is None or pair.fr.markdown in pair.known:
        return []
    return [Problem("this msgid is not a segment of the French (its template has no such "
                    "entry): the edition never shows its translation; run diglot update, or "
                    "put back the French it edited")]


def check_article_link(pair: Pair) -> list[Problem]:
    if pair.edition is None:
        return []
    slug, articles = pair.edition
    hrefs = dict.fromkeys(v for side in (pair.fr, pair.en) for k, v in side.elements if k == "link")
    return [Problem(f"link to {unquote(href)}, a Markdown file that is no article of the edition: "
                    "readers get a broken link")
            for href in hrefs if (found := crossref.target(href, slug))
            and crossref.resolve(found[0], articles) is None]
