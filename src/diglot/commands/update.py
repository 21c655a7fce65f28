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
from diglot.catalog.store import encode, header_of, read_bytes
from diglot.fsio import Write, write_group
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
    if not check:  # every file or none: never a new template beside an old PO file
        area = project.area(project.translations_dir)
        write_group([Write(c.target, c.data, c.path, area) for c in report.changed])
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
    pot, change = _plan_pot(project, article.slug, template(article, project.root.name, now))
    changes = [change]
    for lang in project.languages:
        changes.append(_plan_po(project, lang, article.slug, pot, now, purge))
    return changes


def _plan_po(project: Project, lang: str, slug: str, pot: Catalog, now, purge: bool) -> FileChange:
    old = read_po(project, lang, slug)
    base = old if old is not None else Catalog(po_header(pot, lang, now), [])
    result = merge(base, pot, project.config.fuzzy_threshold, purge)
    catalog = result.catalog
    if old is not None and catalog.entries != old.entries:
        created = pot.header_field("POT-Creation-Date") or ""
        catalog = replace(catalog, header=with_header_field(old.header, "POT-Creation-Date", created)) \
            if old.header is not None else catalog
    change = _change(project, project.po_path(lang, slug), old, catalog)
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
    project.area(project.translations_dir).check(path, shown)
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


def orphans(project: Project) -> list[str]:
    """PO and POT files whose French source is gone: kept (they hold translations), but said."""
    slugs = set(project.slugs())
    folders = [project.translations_dir / lang for lang in project.languages]
    folders.append(project.translations_dir / "templates")
    found = []
    for folder in folders:
        for path in sorted(folder.glob("*.po*")) if folder.is_dir() else ():
            if path.suffix in (".po", ".pot") and path.stem not in slugs:
                found.append(f"{project.rel(path)}: its source {project.config.source}/"
                             f"{path.stem}.md is gone; restore it, or delete this file "
                             "(its translations stay in version control)")
    return found
