"""``diglot update``: regenerate the templates and bring every PO file in step with the
French sources, keeping every translation (exact, loose, fuzzy, obsolete)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from diglot import locales, parallel
from diglot.catalog.gather import read_po
from diglot.source.reader import read_article
from diglot.catalog.merge import merge
from diglot.po.model import Catalog
from diglot.project import Project
from diglot.catalog.anchors import anchored
from diglot.catalog.store import encode, header_of, read_bytes, read_catalog, write_catalog
from diglot.catalog.template import po_header, template, with_header_field


@dataclass
class FileChange:
    """What update does to one file."""

    path: str
    action: str  # "created", "updated" or "unchanged"
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0
    refreshed: int = 0  # entries whose references, comments or flags changed
    purged: int = 0
    data: bytes = field(default=b"", repr=False)
    target: Path | None = field(default=None, repr=False)
    replaces: Path | None = field(default=None, repr=False)  # a PO file under its old name


@dataclass
class UpdateReport:
    files: list[FileChange] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    articles: int = 0
    segments: int = 0

    @property
    def changed(self) -> list[FileChange]:
        return [f for f in self.files if f.action != "unchanged"]


def update(project: Project, check: bool = False, purge_obsolete: bool = False,
           slugs: list[str] | None = None, progress: Callable[[str], None] | None = None,
           jobs: int | None = None) -> UpdateReport:
    """Plan every file first, articles in parallel (any error aborts before a write), then
    write the changed ones."""
    names = project.slugs() if slugs is None else slugs
    report = UpdateReport(warnings=orphans(project) if slugs is None else [])
    now = locales.build_time()
    plans = parallel.pmap(_plan_slug, project, names, jobs or parallel.workers(), now,
                          purge_obsolete)
    for slug, warning, changes, segments in parallel.progress_of(plans, len(names), progress,
                                                                 lambda r: r[0]):
        report.warnings += [warning] if warning else []
        report.files.extend(changes)
        report.articles += not warning
        report.segments += segments
    if not check:
        for change in report.changed:
            write_catalog(change.target, change.data, change.path)
            if change.replaces is not None:
                change.replaces.unlink(missing_ok=True)
    return report


def _plan_slug(project: Project, slug: str, now: dt.datetime, purge: bool):
    """(slug, warning, changes, segments) for one article; an empty one is skipped with a
    warning."""
    path = project.source_path(slug)
    article = read_article(path, slug, project.rel(path))
    if not article.segments:
        return slug, f"{project.rel(path)}: no text to translate; article skipped", [], 0
    return slug, None, _plan_article(project, article, now, purge), len(article.segments)


def _plan_article(project: Project, article, now: dt.datetime, purge: bool) -> list[FileChange]:
    olds = {lang: read_po(project, lang, article.slug) for lang in project.languages}
    pot = anchored(template(article, project.root.name, now), _anchor_source(project, article,
                   olds), project.config.fuzzy_threshold)
    pot, change = _plan_pot(project, article.slug, pot)
    legacy = project.legacy_po_path("templates", article.slug, ".pot")
    if legacy is not None and legacy.is_file() and change.action != "unchanged":
        change.replaces = legacy  # generated under its old name: replaced
    changes = [change]
    for lang in project.languages:
        changes.append(_plan_po(project, lang, article.slug, pot, now, purge, olds[lang]))
    return changes


def _anchor_source(project: Project, article, olds: dict) -> list:
    """The entries whose anchors the new template keeps: the old template's, or a PO
    file's when the template is missing (a clone that never committed it)."""
    path = project.template_path(article.slug)
    old_pot = read_catalog(path, project.rel(path))
    if old_pot is not None:
        return old_pot.entries
    return next((c.entries for c in olds.values() if c is not None), [])


def _plan_po(project: Project, lang: str, slug: str, pot: Catalog, now, purge: bool,
             old: Catalog | None) -> FileChange:
    base = old if old is not None else Catalog(po_header(pot, lang, now), [])
    result = merge(base, pot, project.config.fuzzy_threshold, purge)
    catalog = result.catalog
    if old is not None and catalog.entries != old.entries:
        created = pot.header_field("POT-Creation-Date") or ""
        catalog = replace(catalog, header=with_header_field(old.header, "POT-Creation-Date", created)) \
            if old.header is not None else catalog
    change = _change(project, project.po_path(lang, slug), old, catalog)
    legacy = project.legacy_po_path(lang, slug)
    if old is not None and legacy is not None and project.po_path(lang, slug) == legacy:
        change = _renamed(project, legacy, project.translations_dir / lang / f"{slug}.po", catalog)
    change.fuzzy, change.new, change.obsolete = len(result.fuzzy), result.new, result.obsoleted
    if old is not None:
        change.refreshed, change.purged = _refreshed(old, catalog), _purged(old, catalog)
    return change


def _refreshed(old: Catalog, new: Catalog) -> int:
    """Entries kept under the same msgid but changed otherwise (references moved, a stale
    ``#|`` cleaned, a comment updated): what ``--check`` would otherwise leave unexplained."""
    before = {e.msgid: e for e in old.entries if not e.obsolete}
    return sum(1 for e in new.entries if not e.obsolete and e.msgid in before
               and before[e.msgid] != e)


def _purged(old: Catalog, new: Catalog) -> int:
    kept = {e.msgid for e in new.entries}
    return sum(1 for e in old.entries if e.obsolete and e.msgid not in kept)


def _plan_pot(project: Project, slug: str, pot: Catalog) -> tuple[Catalog, FileChange]:
    """The template, compared as bytes: its entries are encoded once, and an unchanged
    template keeps its old header (and creation date), so there is no churn in git."""
    path, wrap = project.template_path(slug), project.config.wrap
    shown = project.rel(path)
    body = b"\n" + encode(Catalog(None, pot.entries), wrap, shown)
    old = read_bytes(path, shown)
    old_header = header_of(old, shown) if old is not None else None
    if old_header is not None and encode(Catalog(old_header, []), wrap) + body == old:
        return Catalog(old_header, pot.entries), FileChange(shown, "unchanged", target=path)
    data = encode(Catalog(pot.header, []), wrap) + body
    return pot, FileChange(shown, "created" if old is None else "updated", data=data, target=path)


def _change(project: Project, path: Path, old: Catalog | None, new: Catalog) -> FileChange:
    shown = project.rel(path)
    if old is not None and old.entries == new.entries and old.header == new.header:
        return FileChange(shown, "unchanged", target=path)
    data = encode(new, project.config.wrap, shown)
    return FileChange(shown, "created" if old is None else "updated", data=data, target=path)


def _renamed(project: Project, legacy: Path, path: Path, catalog: Catalog) -> FileChange:
    """A PO file an older diglot named after its source file, moved to the article's name."""
    data = encode(catalog, project.config.wrap, project.rel(path))
    return FileChange(project.rel(path), f"renamed from {project.rel(legacy)} to", data=data,
                      target=path, replaces=legacy)


def orphans(project: Project) -> list[str]:
    """PO and POT files whose French source is gone: kept (they hold translations), but said."""
    known = set(project.slugs())
    folders = [project.translations_dir / lang for lang in project.languages]
    folders.append(project.translations_dir / "templates")
    in_use = {project.po_path(lang, slug) for lang in project.languages for slug in known}
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.po*")) if folder.is_dir() else ():
            name = path.relative_to(folder).with_suffix("").as_posix()
            if path.suffix in (".po", ".pot") and name not in known and path not in in_use:
                found.append(f"{project.rel(path)}: its source {project.config.source}/"
                             f"{name}.md is gone; restore it, or delete this file "
                             "(its translations stay in version control)")
    return found
