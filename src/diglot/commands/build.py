"""``diglot build``: translated articles → side-by-side HTML pages and DOCX documents.

Incremental: an output is rebuilt only when what it is made from changed (see
``manifest``), and rewritten only when its bytes changed. Every article that is rebuilt is
read and validated before anything is written, so a failed run leaves old outputs as they
were. Articles are processed in parallel worker processes (``jobs``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from diglot import locales, parallel
from diglot.builders import EXTENSIONS, FORMATS, INDEX_NAMES, REGISTRY, BuildContext, get_builder
from diglot.catalog import placement
from diglot.errors import BuildError, FindingsError
from diglot.fsio import Write, remove_file, unchanged, write_group
from diglot.paths import Area
from diglot.commands.build_plan import Manifest, combine, file_digest, format_fingerprint
from diglot.project import Project


@dataclass
class BuildReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # outputs of articles that are gone
    warnings: list[str] = field(default_factory=list)
    articles: int = 0
    rebuilt: int = 0
    segments: int = 0


class StrictError(FindingsError):
    """``--strict`` found languages below the completeness bar; one line per file."""


def context(project: Project) -> BuildContext:
    title = project.config.title or project.root.name
    return BuildContext(title, project.config, locales.build_time(), dict(project.output_names))


def output_folder(project: Project, fmt: str, lang: str) -> Path:
    folder = project.output_dir / fmt
    return folder if len(project.languages) == 1 else folder / lang


@dataclass
class _Plan:
    """Which outputs are stale, with the fingerprint each will be recorded under."""

    targets: dict[tuple[str, str, str], tuple[Path, str]] = field(default_factory=dict)
    stale: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # slug → outputs
    index: dict[tuple[str, str], tuple[Path, str]] = field(default_factory=dict)
    stale_index: list[tuple[str, str]] = field(default_factory=list)
    # A target's fingerprint before its images (``targets`` has it with the images it was
    # last built from), and each format's own, which an index combines with its articles'.
    bases: dict[tuple[str, str, str], str] = field(default_factory=dict)
    formats: dict[str, str] = field(default_factory=dict)


def build(project: Project, formats=FORMATS, slugs: list[str] | None = None,
          languages: tuple[str, ...] | None = None, strict: bool = False, force: bool = False,
          jobs: int | None = None, progress: Callable[[str], None] | None = None) -> BuildReport:
    ctx = context(project)
    whole = slugs is None
    slugs = project.slugs() if slugs is None else slugs
    languages = languages or project.languages
    manifest = Manifest.load(project.output_dir)
    plan = _plan(project, ctx, formats, slugs, languages, whole, manifest)
    _mark_stale(plan, manifest, force)
    results, index_outputs = [], {}
    if plan.stale or plan.stale_index or strict:
        from diglot.commands import build_jobs as buildjobs  # reading and rendering: a no-op build needs neither

        todo = [buildjobs.Job(s, tuple(plan.stale.get(s, ())), strict) for s in slugs
                if strict or plan.stale.get(s)]
        indexes = [buildjobs.IndexJob(f, lang, tuple(slugs)) for f, lang in plan.stale_index]
        results, index_outputs = buildjobs.run(project, ctx, todo, indexes,
                                               jobs or parallel.workers(), progress)
    if strict:
        _check_strict(project, results)
    report = _write(project, plan, results, index_outputs, manifest, len(slugs))
    report.warnings[:0] = placement.layout_warnings(project) + placement.no_articles(
        project, slugs) + placement.missing_po(project, slugs, languages)
    return report


def _plan(project, ctx, formats, slugs, languages, whole: bool, manifest: Manifest) -> _Plan:
    plan = _Plan()
    # The day matters only to editions that show it: else a rebuild tomorrow is a no-op.
    day = ctx.built.date().isoformat() if project.config.build_date else ""
    for fmt in formats:
        base = plan.formats[fmt] = format_fingerprint(fmt, project.config, ctx.title, day)
        extension, index_name = EXTENSIONS[fmt], INDEX_NAMES[fmt]
        for lang in languages:
            folder = output_folder(project, fmt, lang)
            keys = []
            for slug in slugs:
                path = folder / f"{project.output_name(slug)}{extension}"
                own = combine(base, fmt, lang, _digest(project, slug, lang), project.output_name(slug))
                key = _with_inputs(project, own, manifest.inputs.get(_rel(manifest, path), ()))
                plan.targets[(fmt, lang, slug)], plan.bases[(fmt, lang, slug)] = (path, key), own
                keys.append(key)
            if whole and slugs:
                plan.index[(fmt, lang)] = (folder / index_name, combine(base, *keys))
    return plan


def _digest(project: Project, slug: str, lang: str) -> str:
    return combine(file_digest(project.source_path(slug)), file_digest(project.po_path(lang, slug)))


def _with_inputs(project: Project, key: str, inputs) -> str:
    """A fingerprint with the other files an output is made from (its images). Planning
    uses the list the last build found: if the article's own files did not change, neither
    did the list."""
    return combine(key, *(file_digest(project.root / rel) for rel in inputs)) if inputs else key


def _mark_stale(plan: _Plan, manifest: Manifest, force: bool) -> None:
    for (fmt, lang, slug), (path, key) in plan.targets.items():
        if force or not manifest.fresh(_rel(manifest, path), key, path):
            plan.stale.setdefault(slug, []).append((fmt, lang))
    for (fmt, lang), (path, key) in plan.index.items():
        if force or not manifest.fresh(_rel(manifest, path), key, path):
            plan.stale_index.append((fmt, lang))


def _rel(manifest: Manifest, path: Path) -> str:
    return path.relative_to(manifest.path.parent).as_posix()


def _check_strict(project: Project, results: list) -> None:
    bar = project.config.min_completeness
    problems = placement.language_folders(project)
    for result in results:
        for lang, doc in result.docs.items():
            why = []
            if doc.stats.percent < bar:
                why.append(f"{doc.stats.percent:g}% translated, below the required {bar:g}%")
            if doc.stats.fuzzy:
                why.append(f"{doc.stats.fuzzy} fuzzy")
            if why:
                problems.append(f"{project.rel(project.po_path(lang, doc.slug))}: {', '.join(why)}")
    if problems:
        raise StrictError(problems)


def _write(project, plan: _Plan, results, index_outputs, manifest: Manifest, total: int) -> BuildReport:
    """Every changed output and the manifest as one group (all or nothing), then the
    outputs of articles that are gone deleted."""
    report = BuildReport(articles=total, rebuilt=sum(1 for r in results if r.outputs))
    report.warnings = [r.warning for r in results if r.warning]
    report.segments = sum(r.segments for r in results)
    old_files = {f for files in manifest.files.values() for f in files}
    pending = _pending(project, plan, results, manifest)
    pending += [(*plan.index[key], data) for key, data in index_outputs.items()]
    area = project.area(project.output_dir)
    writes = _changed(project, pending, manifest, report, area)
    for fmt, lang in index_outputs:
        path = plan.index[(fmt, lang)][0]
        manifest.entries[_rel(manifest, path)] = _index_key(plan, manifest, fmt, lang)
    orphans = _orphans(plan, manifest) if plan.index else []
    for rel in orphans:  # forgotten whether or not the file can be deleted
        del manifest.entries[rel]
        manifest.inputs.pop(rel, None)
        manifest.files.pop(rel, None)
    unshown = _unshown(plan, manifest, old_files)
    if pending or orphans or unshown:
        writes.append(manifest.write(area, project.rel(manifest.path)))
    write_group(writes)
    removed = _remove(project, manifest, orphans + unshown, area)
    report.removed = [project.rel(path) for path in removed]
    return report


def _pending(project, plan: _Plan, results, manifest: Manifest) -> list[tuple]:
    """(path, fingerprint, bytes) of every rebuilt article output, and of the files written
    beside it (their fingerprint None), recording in the manifest what each was made from."""
    pending: list[tuple] = []
    for result in results:
        for (fmt, lang), data in result.outputs.items():
            path, _ = plan.targets[(fmt, lang, result.slug)]
            inputs = result.inputs.get(lang, [])
            key = _with_inputs(project, plan.bases[(fmt, lang, result.slug)], inputs)
            pending += _beside(project, manifest, path, fmt, lang, result)
            pending.append((path, key, data))
    return pending


def _index_key(plan: _Plan, manifest: Manifest, fmt: str, lang: str) -> str:
    """An index's fingerprint over the keys its articles were recorded under just now (with
    the images this build found), as the next build's plan will compute it."""
    keys = [manifest.entries.get(_rel(manifest, path), "")
            for (form, language, _slug), (path, _key) in plan.targets.items()
            if (form, language) == (fmt, lang)]
    return combine(plan.formats[fmt], *keys)


def _beside(project: Project, manifest: Manifest, output: Path, fmt: str, lang: str, result):
    """The files written beside an output (its images), as (path, None, bytes), and what
    the manifest remembers of them and of the images the output was made from."""
    folder = output_folder(project, fmt, lang)
    files = result.files.get((fmt, lang), {})
    rel = _rel(manifest, output)
    manifest.inputs[rel] = list(result.inputs.get(lang, ()))  # (key: see _write)
    manifest.files[rel] = sorted(_rel(manifest, folder / name) for name in files)
    return [(folder / name, None, data) for name, data in sorted(files.items())]


def _changed(project, pending, manifest: Manifest, report: BuildReport, area: Area) -> list[Write]:
    """The outputs whose bytes changed, to write; every output recorded in the manifest
    (the files beside an output, its fingerprint None, are recorded with it)."""
    writes = []
    for path, key, data in pending:
        shown = project.rel(path)
        if _same(path, data, shown, area):
            report.unchanged.append(shown)
        else:
            writes.append(Write(path, data, shown, area))
            report.written.append(shown)
        if key is not None:
            manifest.entries[_rel(manifest, path)] = key
    return writes


def _same(path: Path, data: bytes, shown: str, area: Area) -> bool:
    """Whether the file already says the same: for an archive format (DOCX), the same parts
    apart from the build time stamped in it (without SOURCE_DATE_EPOCH every build has a
    new time, and the document would be rewritten for nothing): its builder compares."""
    if unchanged(path, data, shown, area):
        return True
    archive = next((f.name for f in REGISTRY.values() if f.archive and path.suffix == f.extension),
                   None)
    if archive is None:
        return False
    target = area.check(path, shown)
    try:
        if not target.is_file() or target.stat().st_size > 2 * len(data) + 2**20:
            return False
        return get_builder(archive).same(target.read_bytes(), data)
    except OSError:
        return False


def _orphans(plan: _Plan, manifest: Manifest) -> list[str]:
    """Outputs diglot built for articles that no longer exist (as the manifest names them)."""
    current = {_rel(manifest, path) for path, _ in [*plan.targets.values(), *plan.index.values()]}
    formats = {fmt for fmt, _, _ in plan.targets}
    # a format this run built: its outputs are known
    return [rel for rel in sorted(set(manifest.entries) - current)
            if rel.split("/", 1)[0] in formats]


def _unshown(plan: _Plan, manifest: Manifest, old_files: set[str]) -> list[str]:
    """Images diglot copied that no page shows any more (of a format this run built)."""
    formats = {fmt for fmt, _, _ in plan.targets}
    shown = {f for files in manifest.files.values() for f in files}
    return [rel for rel in sorted(old_files - shown) if rel.split("/", 1)[0] in formats]


def _remove(project, manifest: Manifest, names: list[str], area: Area) -> list[Path]:
    """Delete the named outputs that are regular files inside the output folder; anything
    else the manifest names (a folder, a link, a path leading elsewhere) is left alone."""
    paths = [manifest.path.parent / rel for rel in names]
    return [path for path in paths if remove_file(path, project.rel(path), area)]
