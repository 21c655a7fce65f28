"""The translation memory pass of ``diglot update``, after every article is planned.

Workers plan the articles and hand back, with each PO file's change, its translated entries
(for the memory) and, when it has entries with no translation, its catalog. This pass builds
one memory per language from those entries, the project's PO files this run did not plan
(orphans, other articles), and the compendium files of the ``memory`` setting; then each
catalog with empty entries gets its proposals (``catalog.memory``) and is encoded again.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from diglot.catalog import memory
from diglot.catalog.placement import base_language
from diglot.catalog.store import encode, read_catalog
from diglot.catalog.template import with_header_field
from diglot.po.model import Catalog
from diglot.project import Project


def prepare(change, catalog: Catalog, lang: str, slug: str, created: str) -> None:
    """What the pass needs from a planned PO file (small: strings, and the catalog only when
    it has an entry to fill)."""
    change.lang, change.slug, change.created = lang, slug, created
    change.units = [(e.msgid, e.msgstr, e.obsolete) for e in catalog.entries if memory.usable(e)]
    if any(memory.is_open(e) for e in catalog.entries):
        change.pending = catalog


def run(project: Project, changes: list, languages: tuple[str, ...], stray: set[str]) -> None:
    """Fill the empty entries of every planned PO file that has some, and re-encode it."""
    pending = [c for c in changes if c.pending is not None]
    threshold = project.config.memory_threshold
    for lang in languages:
        todo = [c for c in pending if c.lang == lang]
        shared = memory.Memory(_units(project, lang, changes, stray)) if todo else None
        for change in todo:
            catalog, count = memory.propose(change.pending, shared, change.slug, threshold)
            if count:
                _refinish(project, change, catalog, count)
    for change in changes:
        change.units, change.pending = [], None


def _units(project: Project, lang: str, changes: list, stray: set[str]) -> list[memory.Unit]:
    planned = [c for c in changes if c.lang == lang]
    units = [_unit(msgid, msgstr, obsolete, c.slug)
             for c in planned for msgid, msgstr, obsolete in c.units]
    skip = {c.slug for c in planned} | {c.moved_from.stem for c in planned if c.moved_from}
    for path in _unplanned(project, lang, skip, stray):
        units += memory.units_of(read_catalog(path, project.rel(path)), path.stem)
    for rel in project.config.memory:
        units += _compendium(project, rel, lang)
    return units


def _unit(msgid: str, msgstr: str, obsolete: bool, slug: str) -> memory.Unit:
    return memory.Unit(msgid, msgstr, slug, memory.PROJECT_OBSOLETE if obsolete else memory.PROJECT)


def _unplanned(project: Project, lang: str, skip: set[str], stray: set[str]) -> list[Path]:
    """The language's PO files this run did not plan: orphans, unselected articles."""
    folder = project.translations_dir / lang
    found = sorted(folder.glob("*.po")) if folder.is_dir() else []
    return [p for p in found if p.stem not in skip and project.rel(p) not in stray]


def _compendium(project: Project, rel: str, lang: str) -> list[memory.Unit]:
    """A compendium's units, if it is for ``lang`` (its Language header, when it has one)."""
    catalog = read_catalog(project.root / rel, rel)
    declared = catalog.header_field("Language") if catalog is not None else None
    if catalog is None or (declared and base_language(declared) != base_language(lang)):
        return []
    return memory.units_of(catalog, rel, memory.COMPENDIUM)


def _refinish(project: Project, change, catalog: Catalog, count: int) -> None:
    """The change, encoded again with its proposals (and the template's date, as any PO
    file whose entries change gets)."""
    if catalog.header is not None and change.action != "created":
        catalog = replace(catalog, header=with_header_field(catalog.header, "POT-Creation-Date",
                                                            change.created))
    change.data = encode(catalog, project.config.wrap, change.path)
    change.memory = count
    if change.action == "unchanged":
        change.action = "updated"
