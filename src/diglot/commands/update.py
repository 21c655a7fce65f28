"""``diglot update``: regenerate the templates and bring every PO file in step with the
French sources, keeping every translation (exact, loose, fuzzy, obsolete), following renamed
articles, and proposing translations from the memory for segments that have none."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from diglot import locales, parallel
from diglot.catalog import placement
from diglot.catalog.anchors import anchored
from diglot.catalog.memory import apply as apply_proposals
from diglot.catalog.gather import read_po
from diglot.catalog.renames import Rename, find_renames, renamed_header
from diglot.commands import memory_pass
from diglot.source.reader import read_article
from diglot.catalog.merge import merge
from diglot.po.model import Catalog, Entry
from diglot.project import Project
from diglot.catalog.store import encode, header_of, read_bytes, read_catalog
from diglot.fsio import Write, remove_file, write_group
from diglot.catalog.template import po_header, template, with_header_field


@dataclass
class FileChange:
    """What update does to one file."""

    path: str
    action: str  # "created", "updated", "renamed" or "unchanged"
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0
    refreshed: int = 0  # entries whose references, comments or flags changed
    purged: int = 0
    memory: int = 0  # empty entries given a translation memory proposal
    data: bytes = field(default=b"", repr=False)
    target: Path | None = field(default=None, repr=False)
    moved_from: Path | None = field(default=None, repr=False)  # a renamed article's old file
    # For the translation memory pass (PO files only): see commands/memory_pass.py.
    lang: str = field(default="", repr=False)
    slug: str = field(default="", repr=False)
    units: list = field(default_factory=list, repr=False)  # (msgid, msgstr, obsolete)
    open: list = field(default_factory=list, repr=False)  # msgids with no translation
    template: Entry | None = field(default=None, repr=False)  # the template's header


@dataclass
class UpdateReport:
    files: list[FileChange] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    renames: list[Rename] = field(default_factory=list)
    articles: int = 0
    segments: int = 0

    @property
    def changed(self) -> list[FileChange]:
        return [f for f in self.files if f.action != "unchanged"]


def update(project: Project, check: bool = False, purge_obsolete: bool = False,
           slugs: list[str] | None = None, progress: Callable[[str], None] | None = None,
           jobs: int | None = None, languages: tuple[str, ...] | None = None,
           rename: bool = True, memory: bool = True) -> UpdateReport:
    """Plan every file first, articles in parallel (any error aborts before a write), then
    the translation memory pass, then write the changed ones."""
    names = project.slugs() if slugs is None else slugs
    langs = languages or project.languages
    stray = placement.misplaced(project)
    report = UpdateReport(warnings=[str(m) for m in stray] + placement.language_folders(project)
                          + placement.no_articles(project, names))
    if slugs is None:
        _orphans(project, report, rename and languages is None)
    origins, now, workers = {r.new: r.old for r in report.renames}, locales.build_time(), \
        jobs or parallel.workers()
    plans = parallel.pmap(_plan_slug, project, names, workers, now, purge_obsolete, langs, origins)
    for result in parallel.progress_of(plans, len(names), progress, lambda r: r[0]):
        _collect(report, *result)
    if memory:
        found = memory_pass.run(project, report.files, langs, {m.path for m in stray})
        _replan(project, report, found, workers, now, purge_obsolete, origins)
    if not check:
        _write(project, report.changed)
    return report


def _replan(project: Project, report: UpdateReport, found, workers: int, now, purge: bool,
            origins: dict[str, str]) -> None:
    """Plan again, with their memory proposals, the PO files that got some."""
    by_slug: dict[str, dict] = {}
    headers = {c.slug: c.template for c in report.files if c.slug}
    for (lang, slug), proposals in found.items():
        by_slug.setdefault(slug, {})[lang] = proposals
    items = [(slug, headers[slug], proposals) for slug, proposals in sorted(by_slug.items())]
    plans = parallel.pmap(_plan_proposed, project, items, workers, now, purge, origins)
    redone = {c.path: c for changes in plans for c in changes}
    report.files = [redone.get(c.path, c) for c in report.files]
    for change in redone.values():
        change.units, change.open = [], []


def _plan_proposed(project: Project, item, now: dt.datetime, purge: bool,
                   origins: dict[str, str]) -> list[FileChange]:
    """The PO files of one article again, with their proposals; its template is the first
    pass's (its header included), not compared with the file again."""
    slug, header, proposals = item
    path = project.source_path(slug)
    article = read_article(path, slug, project.rel(path))
    origin = origins.get(slug, slug)
    pot = Catalog(header, _template(project, article, now, origin).entries)
    return [_plan_po(project, lang, slug, pot, now, purge, origin, proposals[lang])
            for lang in sorted(proposals)]


def _collect(report: UpdateReport, slug: str, warning: str | None, changes, segments: int) -> None:
    report.warnings += [warning] if warning else []
    report.files.extend(changes)
    report.articles += not warning
    report.segments += segments


def _orphans(project: Project, report: UpdateReport, rename: bool) -> None:
    """Renamed articles take their orphaned files over; the other orphans are said."""
    lost = placement.orphans(project)
    if rename:
        report.renames = find_renames(project, sorted({placement.article_name(project, path)
                                                       for path, _ in lost}))
    moved = {r.old for r in report.renames}
    report.warnings += [placement.orphan_warning(project, path, count) for path, count in lost
                        if placement.article_name(project, path) not in moved]


def _write(project: Project, changes: list[FileChange]) -> None:
    """Every file or none (never a new template beside an old PO file); a renamed article's
    old files go only once the new ones are all there."""
    area = project.area(project.translations_dir)
    write_group([Write(c.target, c.data, c.path, area) for c in changes])
    for change in changes:
        if change.moved_from is not None:
            remove_file(change.moved_from, project.rel(change.moved_from), area)


def _plan_slug(project: Project, slug: str, now: dt.datetime, purge: bool,
               langs: tuple[str, ...], origins: dict[str, str]):
    """(slug, warning, changes, segments) for one article; an empty one is skipped with a
    warning. ``origins`` maps a renamed article to the slug its files had."""
    path = project.source_path(slug)
    article = read_article(path, slug, project.rel(path))
    if not article.segments:
        return slug, f"{project.rel(path)}: no text to translate; article skipped", [], 0
    changes = _plan_article(project, article, now, purge, langs, origins.get(slug, slug))
    return slug, None, changes, len(article.segments)


def _plan_article(project: Project, article, now: dt.datetime, purge: bool,
                  langs: tuple[str, ...], origin: str) -> list[FileChange]:
    """The template's change, then each language's PO file's."""
    pot, change = _plan_pot(project, article.slug, _template(project, article, now, origin))
    old = _old_template(project, article.slug, origin)
    changes = [_moved(change, old, old != project.template_path(article.slug))]
    for lang in langs:
        changes.append(_plan_po(project, lang, article.slug, pot, now, purge, origin))
    return changes


def _template(project: Project, article, now: dt.datetime, origin: str) -> Catalog:
    """The article's template, each passage with its lasting anchor (catalog.anchors),
    kept from the old template (or, lacking one, the first old PO file)."""
    pot = template(article, project.root.name, now, project.config.locations)
    path = _old_template(project, article.slug, origin)
    old = read_catalog(path, project.rel(path))
    if old is None:
        old = next((c for lang in project.languages
                    if (c := read_po(project, lang, origin)) is not None), None)
    return anchored(pot, old.entries if old is not None else [], project.config.fuzzy_threshold)


def _old_template(project: Project, slug: str, origin: str) -> Path:
    """Where the article's template is now: a renamed article's old one, or one an older
    diglot named after the source file (``Mon été.pot``), else its own."""
    if origin != slug:
        return project.template_path(origin)
    legacy = project.legacy_po_path("templates", slug, ".pot")
    return legacy if legacy is not None and legacy.is_file() else project.template_path(slug)


def _moved(change: FileChange, old: Path, renamed: bool) -> FileChange:
    """A renamed article's file: written under its new name, its old one removed."""
    if renamed and old.exists():
        change.action, change.moved_from = "renamed", old
    return change


def _plan_po(project: Project, lang: str, slug: str, pot: Catalog, now, purge: bool,
             origin: str, proposals: dict | None = None) -> FileChange:
    old = read_po(project, lang, origin)
    if old is not None and old.header is not None and origin != slug:
        old = replace(old, header=renamed_header(old.header, project, origin, slug))
    base = old if old is not None else Catalog(po_header(pot, lang, now), [])
    result = merge(base, pot, project.config.fuzzy_threshold, purge)
    catalog, proposed = apply_proposals(result.catalog, proposals or {})
    created = pot.header_field("POT-Creation-Date") or ""
    if old is not None and catalog.entries != old.entries:
        catalog = replace(catalog, header=with_header_field(old.header, "POT-Creation-Date", created)) \
            if old.header is not None else catalog
    # The file read may be a renamed article's, or one named by an older diglot: either way
    # the article's own name is written, and the old file removed.
    source, path = project.po_path(lang, origin), project.own_po_path(lang, slug)
    change = _change(project, path, old, catalog, source != path)
    change.fuzzy, change.new, change.obsolete = len(result.fuzzy), result.new, result.obsoleted
    change.memory, change.template = proposed, pot.header
    if old is not None:
        change.refreshed, change.purged = _refreshed(old, catalog), _purged(old, catalog)
    memory_pass.prepare(change, catalog, lang, slug)
    return _moved(change, source, source != path)


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


def _change(project: Project, path: Path, old: Catalog | None, new: Catalog,
            moved: bool = False) -> FileChange:
    shown = project.rel(path)
    if old is not None and old.entries == new.entries and old.header == new.header and not moved:
        return FileChange(shown, "unchanged", target=path)
    data = encode(new, project.config.wrap, shown)
    return FileChange(shown, "created" if old is None else "updated", data=data, target=path)
