"""Links as the ``markup`` check compares them: a French URL the English localised (the same
site's English page) or wrote otherwise for the same place (with or without ``www.``, over
http or https) is the same link; a link the English keeps with no text to click is lost."""

from __future__ import annotations

import re
from collections import Counter, deque

from diglot.checks.model import Pair, Problem, Side


# A language in a URL: a host label, a path segment or a query value ("fr.wikipedia.org",
# "/fr/docs", "?hl=fr"). French sites link to French pages; a translator who points the
# English at the same site's English page localised the link, and did not break it.
_LANG = {"fr": re.compile(r"(?i)(?<=[/.=])fr(?:[-_]fr)?(?=[/.&#]|$)"),
         "en": re.compile(r"(?i)(?<=[/.=])en(?:[-_](?:us|gb))?(?=[/.&#]|$)")}
_SITE = re.compile(r"^[a-z]+://[^/?#]+", re.I)


def localized(fr: list[str], en: list[str]) -> list[str]:
    """``fr`` with each French-language URL that the English replaces by the same site's
    page in English taken as that URL (so it is not reported as changed): both URLs name
    their language, or the English is the French without its language (``/fr/3/`` →
    ``/3/``: the site's default). Linear: English URLs are looked up, never compared pair
    by pair (a hostile PO entry may hold tens of thousands of links)."""
    kept = set(fr) & set(en)
    free = Counter(u for u in en if u not in kept)  # English URLs still without a twin
    by_site: dict[str, deque[str]] = {}
    for url in free:
        site = _site(url, "en")
        if site is not None:
            by_site.setdefault(site, deque()).append(url)
    same: dict[str, deque[str]] = {}
    for url in free:
        same.setdefault(_place(url), deque()).append(url)
    out = []
    for url in fr:
        site = None if url in kept else _site(url, "fr")
        twin = site and (_take(by_site.get(site, deque()), free)
                         or _take(deque([_FR_PART.sub("", url)]), free))
        if not twin and url not in kept:
            twin = _take(same.get(_place(url), deque()), free)
        out.append(twin or url)
    return out


_PLACE = re.compile(r"(?i)^https?://(?:www\.)?([^/?#]+)(.*?)/?$")


def _place(url: str) -> str:
    """Where a URL leads, as a reader gets there: ``http://www.numpy.org/`` is
    ``https://numpy.org`` (a site moved to https, or written with and without www, is one
    place; a QA lead found both reported as changed links, errors that fail a CI)."""
    found = _PLACE.match(url)
    return f"https://{found.group(1).lower()}{found.group(2)}" if found else url


def _take(candidates: deque[str], free: Counter) -> str | None:
    """The first candidate not yet taken (a twin serves one French URL)."""
    while candidates and not free[candidates[0]]:
        candidates.popleft()
    if not candidates:
        return None
    free[candidates[0]] -= 1
    return candidates[0]


_FR_PART = re.compile(r"(?i)(?<=/)fr(?:[-_]fr)?/|(?<=//)fr\.")


def _site(url: str, lang: str) -> str | None:
    """The URL's scheme and host with its language marked, if it names ``lang`` at all."""
    if not _LANG[lang].search(url):
        return None
    site = _SITE.match(_LANG[lang].sub("{lang}", url))
    return site.group().lower() if site else None


def blank_links(pair: Pair) -> list[Problem]:
    """A link the English keeps with no text to click (``[](url)``): its URL survives, the
    reader sees nothing. Not when the French link is as blank."""
    blank = [u for u in _blank(pair.en) if u not in _blank(pair.fr)]
    return [Problem(f"link to {url} has no text in the English: a reader cannot see it")
            for url in dict.fromkeys(blank)]


def _blank(side: Side) -> set[str]:
    links = side.by_kind.get("link")
    if not links:
        return set()
    seen = {s.href for s in side.spans if s.href and (s.text.strip() or s.image)}
    return {u for u in links if u not in seen}
