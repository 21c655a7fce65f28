"""The translation memory pass of ``diglot update``, after every article is planned.

Workers plan the articles and hand back, with each PO file's change, its translated entries
(the memory's material) and the msgids of its entries with no translation: a few strings,
never whole catalogs. This pass builds one memory per language from those entries, the
project's PO files this run did not plan (orphans, other articles) and the compendium files
of the ``memory`` setting, and finds the proposals (``catalog.memory``). Only the PO files
that get one are planned again, with their proposals: a project in step pays for the
lookups alone.
"""

from __future__ import annotations

from pathlib import Path

from diglot import locales
from diglot.catalog import memory
from diglot.catalog.pieces import split_halves
from diglot.catalog.placement import article_name
from diglot.catalog.gather import read_translations
from diglot.catalog.store import read_catalog
from diglot.catalog.suggestions import kept_suggestion
from diglot.po.model import Catalog
from diglot.project import Project

Proposals = dict[tuple[str, str], dict[str, memory.Proposal]]  # (lang, slug) → msgid → proposal


def prepare(change, catalog: Catalog, lang: str, slug: str, old: Catalog | None = None) -> None:
    """What the pass needs from a planned PO file (``old``: the file as it was read)."""
    change.lang, change.slug = lang, slug
    change.units = [(e.msgid, e.msgstr, e.obsolete, memory.kept(e) if e.obsolete else ((), ()))
                    for e in catalog.entries if memory.usable(e)]
    # A translation this update turned into a fuzzy seed for reworded French is still the
    # translation of the French it was made for: a paragraph moved to another article
    # while its copy here was reworded finds it there (a translator's review: it was lost).
    current = {e.msgid for e in catalog.entries if memory.usable(e)}
    change.units += [(e.msgid, e.msgstr, False, ((), ())) for e in (old.entries if old else ())
                     if memory.usable(e) and not e.obsolete and e.msgid not in current]
    # a review's edit kept for French that is gone: proposed to this file alone (never to
    # another article: it may be a crafted document's text)
    change.kept = [memory.Unit(e.msgid, e.msgstr, "", memory.OWN, *memory.kept(e))
                   for e in catalog.entries if kept_suggestion(e)]
    # A half of a paragraph cut in two is asked too: an exact proposal beats the whole
    # old paragraph's translation it holds (memory.apply).
    change.open = [e.msgid for e in catalog.entries if memory.is_open(e)] + \
        sorted(split_halves(catalog))
    change.near = memory.neighbours(catalog)


def run(project: Project, changes: list, languages: tuple[str, ...], stray: set[str]) -> Proposals:
    """The proposals for every planned PO file with entries to fill."""
    found: Proposals = {}
    threshold = project.config.memory_threshold
    for lang in languages:
        todo = [c for c in changes if c.lang == lang and c.open]
        shared = memory.Memory(_units(project, lang, changes, stray, todo)) if todo else None
        for change in todo:
            # its own obsolete entries' notes go along too (a review suggestion kept there)
            own = [memory.Unit(m, s, "", memory.OWN, *taken)
                   for m, s, obsolete, taken in change.units if obsolete] + change.kept
            proposals = memory.propose(change.open, own, shared, change.slug, threshold,
                                       change.near)
            if proposals:
                found[(lang, change.slug)] = proposals
    for change in changes:
        change.units, change.open, change.near, change.kept = [], [], {}, []
    return found


def _units(project: Project, lang: str, changes: list, stray: set[str], todo: list) -> list:
    planned = [c for c in changes if c.lang == lang]
    # A file's own units are never proposed to it: with one file to fill, they go unread.
    alone = {todo[0].slug} if len({c.slug for c in todo}) == 1 else set()
    units = [_unit(msgid, msgstr, obsolete, c.slug, taken) for c in planned if c.slug not in alone
             for msgid, msgstr, obsolete, taken in c.units]
    skip = {c.slug for c in planned} | {_name(project, c.moved_from) for c in planned
                                        if c.moved_from}
    for path in _unplanned(project, lang, skip, stray):
        units += memory.units_of(read_translations(project, path), _name(project, path))
    for rel in project.config.memory:
        units += _compendium(project, rel, lang)
    return units


def _unit(msgid: str, msgstr: str, obsolete: bool, slug: str, taken) -> memory.Unit:
    rank = memory.PROJECT_OBSOLETE if obsolete else memory.PROJECT
    return memory.Unit(msgid, msgstr, slug, rank, *taken)


def _unplanned(project: Project, lang: str, skip: set[str], stray: set[str]) -> list[Path]:
    """The language's PO files this run did not plan: orphans, unselected articles."""
    folder = project.translations_dir / lang
    # Articles sit in folders too: ``en/2026/a.po`` (a code review: only ``en/*.po`` was read,
    # so ``update --article`` proposed less than a plain ``update``).
    found = sorted(folder.rglob("*.po")) if folder.is_dir() else []
    return [p for p in found if _name(project, p) not in skip and project.rel(p) not in stray]


def _name(project: Project, path: Path) -> str:
    """The article a PO or template is named after (``2026/a``); an older diglot's file
    outside the translations folder by its stem."""
    try:
        return article_name(project, path)
    except ValueError:
        return path.stem


def _compendium(project: Project, rel: str, lang: str) -> list[memory.Unit]:
    """A compendium's units, if it is for ``lang`` (its Language header, when it has one)."""
    catalog = read_catalog(project.root / rel, rel)
    declared = catalog.header_field("Language") if catalog is not None else None
    if catalog is None or (declared and locales.base(declared) != locales.base(lang)):
        return []
    return memory.units_of(catalog, rel, memory.COMPENDIUM)
