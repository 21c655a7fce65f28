"""``diglot update``: regenerate the templates and bring every PO file in step with the
French sources, keeping every translation (exact, loose, fuzzy, obsolete), following renamed
articles, and proposing translations from the memory for segments that have none."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from diglot import heap, parallel
from diglot.catalog import header, hints, memory, placement
from diglot.catalog.gather import read_or_skip
from diglot.catalog.plan import (
    CatalogPlan,
    Planning,
    TemplatePlan,
    plan_catalog,
    plan_template,
)
from diglot.catalog.renames import Rename, find_renames
from diglot.catalog.store import decode, encode, read_catalog, wrapped_as, written_as
from diglot.commands import memory_pass
from diglot.errors import SourceError
from diglot.fsio import Write, remove_file, write_group
from diglot.po.model import Catalog, Entry
from diglot.project import Project


@dataclass
class FileChange:
    """What update does to one file."""

    path: str
    action: str  # "created", "updated", "renamed" or "unchanged"
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0
    refreshed: int = 0  # entries whose references, comments or flags changed
    purged: tuple[int, int] = (0, 0)  # entries deleted for good, of them translated
    memory: int = 0  # empty entries given a translation memory proposal
    data: bytes = field(default=b"", repr=False)
    target: Path | None = field(default=None, repr=False)
    moved_from: Path | None = field(default=None, repr=False)  # a renamed article's old file
    # For the translation memory pass (PO files only): see commands/memory_pass.py.
    lang: str = field(default="", repr=False)
    slug: str = field(default="", repr=False)
    units: list = field(default_factory=list, repr=False)  # (msgid, msgstr, obsolete, (comments, flags))
    open: list = field(default_factory=list, repr=False)  # msgids with no translation
    near: dict = field(default_factory=dict, repr=False)  # open msgid → translated neighbours
    kept: list = field(default_factory=list, repr=False)  # its kept review edits (own only)
    template: Entry | None = field(default=None, repr=False)  # the template's header
    # (msgctxt, msgid) of the open entries the file had as they are: given a proposal, one
    # of them counts as refreshed too (``CatalogPlan.refreshed``).
    kept_open: frozenset = field(default=frozenset(), repr=False)


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
                          + hints.no_articles(project, names))
    _orphans(project, report, rename, slugs, languages)
    planning = Planning(purge=purge_obsolete, origins={r.new: r.old for r in report.renames})
    workers = jobs or parallel.workers()
    plans = parallel.pmap(_plan_slug, project, names, workers, planning, langs)
    for result in parallel.progress_of(plans, len(names), progress, lambda r: r[0]):
        _collect(report, *result)
    if memory:
        found = memory_pass.run(project, report.files, langs, {m.path for m in stray})
        _replan(project, report, found, workers)
    if not check:
        _write(project, report.changed)
    return report


def _replan(project: Project, report: UpdateReport, found, workers: int) -> None:
    """Give the PO files that got proposals their proposals: applied to the catalog the
    first pass planned (read back from the bytes it made, or from the file it left as it
    was), never planned again from the article (which read the article, its template and
    the PO file a second time)."""
    changes = {(c.lang, c.slug): c for c in report.files if c.lang}
    items = [(changes[key], proposals) for key, proposals in sorted(found.items())]
    redone = {c.path: c for c in parallel.pmap(_proposed, project, items, workers)}
    report.files = [redone.get(c.path, c) for c in report.files]


def _proposed(project: Project, item) -> FileChange:
    """One planned PO file with the memory's proposals (as ``plan_catalog`` would make it
    given them: the header dated once its entries changed)."""
    change, proposals = item
    planned = decode(change.data, change.path) if change.data else \
        read_catalog(change.target, change.path)
    catalog, count = memory.apply(planned, proposals)
    if not count:
        return change
    if change.action != "created" and catalog.header is not None:
        catalog = replace(catalog, header=header.dated(catalog.header, Catalog(change.template, [])))
    given = {(e.msgctxt, e.msgid) for e in planned.entries
             if e.msgid in proposals and memory.is_open(e)}
    return replace(change, action="updated" if change.action == "unchanged" else change.action,
                   memory=count, refreshed=change.refreshed + len(given & change.kept_open),
                   data=encode(catalog, wrapped_as(change.target, project.config.wrap),
                               change.path))


def _collect(report: UpdateReport, slug: str, warning: str | None, changes, segments: int) -> None:
    report.warnings += [warning] if warning else []
    report.files.extend(changes)
    report.articles += not warning
    report.segments += segments


def _orphans(project: Project, report: UpdateReport, rename: bool, slugs: list[str] | None,
             languages: tuple[str, ...] | None) -> None:
    """Renamed articles take their orphaned files over; the other orphans are said (by a
    run over every article). A run for some articles follows their renames only; a run for
    some languages cannot move the others' files, so a rename it would follow is an error:
    planned as a new article, the renamed one's translations were fuzzy proposals for good."""
    lost = placement.orphans(project)
    if rename and lost:
        names = sorted({placement.article_name(project, path) for path, _ in lost})
        found = find_renames(project, names)
        report.renames = [r for r in found if slugs is None or r.new in slugs]
    if languages is not None and set(project.languages) - set(languages) and report.renames:
        first = report.renames[0]
        raise SourceError(f"this article is {project.config.source}/{first.old}.md renamed "
                          f"({first.matched} of {first.segments} segments match); run diglot "
                          "update without --lang to follow the rename in every language, or "
                          "with --no-rename to start it afresh",
                          project.rel(project.source_path(first.new)))
    if slugs is not None:
        return
    moved = {r.old for r in report.renames}
    report.warnings += [placement.orphan_warning(project, path, count) for path, count in lost
                        if placement.article_name(project, path) not in moved]


def _write(project: Project, changes: list[FileChange]) -> None:
    """Every file or none (never a new template beside an old PO file); a renamed article's
    old files go only once the new ones are all there."""
    area = project.area(project.translations_dir)
    write_group([Write(c.target, written_as(c.data, c.moved_from or c.target, c.path), c.path, area)
                 for c in changes])
    for change in changes:
        if change.moved_from is not None:
            remove_file(change.moved_from, project.rel(change.moved_from), area)


def _plan_slug(project: Project, slug: str, planning: Planning, langs: tuple[str, ...]):
    """(slug, warning, changes, segments) for one article: its template's change, then each
    language's PO file's; an empty article is skipped with a warning."""
    with heap.paused_for(project.source_path(slug)):  # see diglot/heap.py
        return _plan_article(project, slug, planning, langs)


def _plan_article(project: Project, slug: str, planning: Planning, langs: tuple[str, ...]):
    article, skipped = read_or_skip(project, slug)
    if article is None:
        return slug, skipped, [], 0
    template = plan_template(project, article, planning)
    changes = [_template_change(project, template)]
    changes += [_po_change(project, plan_catalog(project, slug, lang, planning, template))
                for lang in langs]
    return slug, None, changes, len(article.segments)


def _template_change(project: Project, plan: TemplatePlan) -> FileChange:
    shown = project.rel(plan.path)
    action = "unchanged" if plan.data is None else "updated" if plan.existed else "created"
    change = FileChange(shown, action, data=plan.data or b"", target=plan.path)
    return _moved(change, plan.moved_from)


def _po_change(project: Project, plan: CatalogPlan) -> FileChange:
    """What update does to the PO file: its bytes if they change, the counts it reports,
    and what the translation memory pass needs."""
    change = _change(project, plan.path, plan.old, plan.catalog, plan.moved)
    change.fuzzy, change.new, change.obsolete = plan.fuzzy, plan.new, plan.obsolete
    change.memory, change.template = plan.memory, plan.template.catalog.header
    change.refreshed, change.purged = plan.refreshed, plan.purged
    memory_pass.prepare(change, plan.catalog, plan.lang, plan.slug, plan.old)
    if plan.old is not None:
        change.kept_open = frozenset((e.msgctxt, e.msgid) for e in plan.catalog.entries
                                     if memory.is_open(e) and plan.old.find(e.msgid, e.msgctxt) == e)
    # The file read may be a renamed article's, or one named by an older diglot: either way
    # the article's own name is written, and the old file removed.
    return _moved(change, plan.source if plan.moved else None)


def _moved(change: FileChange, old: Path | None) -> FileChange:
    """A renamed article's file: written under its new name, its old one removed."""
    if old is not None and old.exists():
        change.action, change.moved_from = "renamed", old
    return change


def _change(project: Project, path: Path, old: Catalog | None, new: Catalog,
            moved: bool = False) -> FileChange:
    shown = project.rel(path)
    if old is not None and old.entries == new.entries and old.header == new.header and not moved:
        return FileChange(shown, "unchanged", target=path)
    data = encode(new, wrapped_as(path, project.config.wrap), shown)
    return FileChange(shown, "created" if old is None else "updated", data=data, target=path)
