"""Apply a PO catalog to an Article: pair every block with what the English column shows,
following the fallback policy for untranslated and fuzzy segments; count progress."""

from __future__ import annotations

import re
from typing import Callable

from diglot import locales
from diglot.catalog.anchors import anchor_of, text_anchor
from diglot.errors import BuildError
from diglot.model import FUZZY, TRANSLATED, UNTRANSLATED, Article, Bilingual, Pair, Stats
from diglot.po.model import Catalog, Entry
from diglot.sentences import override
from diglot.safety import MAX_NOTE_CALLS, MAX_REFERENCE_WRITING
from diglot.source.notes import note_labels, past_bound, too_many_calls
from diglot.source.inline import reference_writing, untitled
from diglot.source.bounds import reference_message


# Control characters a PO string may carry as escapes (\a, \b, \f, \v, \r) and no page
# shows: the editions leave them out (the HTML would carry them raw, Word refuses them).
_UNSHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def shown(msgstr: str) -> str:
    return _UNSHOWN.sub("", msgstr) if _UNSHOWN.search(msgstr) else msgstr


def _finder(catalog: Catalog | None) -> Callable[[str], Entry | None]:
    """The catalog's lookup by msgid (no catalog: nothing is found)."""
    return catalog.find if catalog is not None else (lambda msgid: None)


def state_of(entry: Entry | None) -> str:
    if entry is not None and entry.translated:
        return TRANSLATED
    if entry is not None and entry.fuzzy and entry.msgstr:
        return FUZZY
    return UNTRANSLATED


def stats(article: Article, catalog: Catalog | None) -> Stats:
    """Progress over the article's distinct segments (one PO entry each)."""
    find = _finder(catalog)
    counts = {TRANSLATED: 0, FUZZY: 0, UNTRANSLATED: 0}
    words = left = 0
    seen: set[str] = set()
    for block in article.segments:
        if block.text in seen:
            continue
        seen.add(block.text)
        state = state_of(find(block.text))
        counts[state] += 1
        count = len(block.text.split())
        words += count
        left += count if state != TRANSLATED else 0
    obsolete = sum(1 for e in catalog.entries if e.obsolete) if catalog else 0
    return Stats(len(seen), counts[TRANSLATED], counts[FUZZY], counts[UNTRANSLATED], obsolete,
                 words, left)


def bilingual(article: Article, catalog: Catalog | None, source_lang: str, lang: str,
              fallback: str, po_name: str = "") -> Bilingual:
    find = _finder(catalog)
    facts = _facts()
    pairs = tuple(_pair(block, find, fallback, lang, facts) for block in article.blocks)
    missing = [p for p in pairs if p.state != TRANSLATED]
    if fallback == "fail" and missing:
        first = missing[0].block
        entry = find(first.text)  # its PO entry, when it has one
        raise BuildError(f"{len(missing)} segment(s) not translated into '{lang}' "
                         f"(first: {article.path}:{first.line}); translate them or change "
                         "'fallback'", po_name or article.path,
                         entry.line if entry is not None and entry.line and po_name else None)
    _references_bounded(article, pairs)
    _calls_bounded(pairs, find, po_name or article.path)
    title = find(article.title)
    title_target = shown(title.msgstr) if title is not None and title.translated else None
    return Bilingual(article, source_lang, lang, pairs, stats(article, catalog), title_target,
                     fallback, article.references,
                     target_references=untitled(article.references))


def _references_bounded(article: Article, pairs) -> None:
    """What the link definitions would write where both columns use them, within the bound
    (the French alone is checked as it is read)."""
    if article.references:
        size, label = reference_writing([*(p.block.text for p in pairs),
                                         *(p.target for p in pairs if p.target)],
                                        article.references)
        if size > MAX_REFERENCE_WRITING:
            raise BuildError(reference_message(label, size), article.path)


def _calls_bounded(pairs, find, po_name: str) -> None:
    """The English column's note calls within the bound (translations and the French
    shown in their place; the French column's is checked as it is read), refused at the
    entry whose calls pass it."""
    targets = [p.target if p.target and "[^" in p.target else "" for p in pairs]
    past = past_bound((len(note_labels(t)) if t else 0 for t in targets), MAX_NOTE_CALLS)
    if past is not None:
        entry = find(pairs[past].block.text)
        raise BuildError(too_many_calls(MAX_NOTE_CALLS), po_name,
                         entry.line if entry is not None and entry.line else None)


def _facts() -> Callable[[Entry], tuple[str | None, object]]:
    """An entry's anchor and sentence override, read once per entry: a table repeating one
    cell a thousand times shares one entry carrying a comment per cell (reading them per
    cell made a 44 KB table take 23 s a format)."""
    known: dict[int, tuple[str | None, object]] = {}

    def of(entry: Entry) -> tuple[str | None, object]:
        found = known.get(id(entry))
        if found is None:
            found = known[id(entry)] = (anchor_of(entry), override.value(entry.translator_comments))
        return found
    return of


def _pair(block, find: Callable[[str], Entry | None], fallback: str, lang: str,
          facts: Callable[[Entry], tuple]) -> Pair:
    if not block.translatable:
        # A cell of numbers is nobody's to translate: its figures are written as the target
        # language writes them (11,5 → 11.5), everything else as it is.
        target = locales.figures_as(block.text, lang) if block.fixed else block.text
        return Pair(block, target, TRANSLATED, anchor=text_anchor(block.text))
    entry = find(block.text)
    state = state_of(entry)
    carried, sentences = facts(entry) if entry is not None else (None, None)
    anchor = carried or text_anchor(block.text)
    if state == TRANSLATED:
        return Pair(block, shown(entry.msgstr), TRANSLATED, anchor=anchor, sentences=sentences)
    if fallback == "source":
        return Pair(block, block.text, state, fallback=True, anchor=anchor)
    return Pair(block, None, state, anchor=anchor)
