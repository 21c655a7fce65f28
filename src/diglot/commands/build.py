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
from diglot.builders import EXTENSIONS, FORMATS, INDEX_NAMES, BuildContext
from diglot.errors import BuildError
from diglot.fsio import write_if_changed
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


class StrictError(BuildError):
    """``--strict`` found languages below the completeness bar; one line per file."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


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


def build(project: Project, formats: tuple[str, ...] | None = None,
          slugs: list[str] | None = None, languages: tuple[str, ...] | None = None,
          strict: bool = False, force: bool = False, jobs: int | None = None,
          progress: Callable[[str], None] | None = None) -> BuildReport:
    """Build ``formats`` (default: the configuration's ``formats``)."""
    formats = tuple(formats or project.config.formats)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise BuildError(f"unknown format {unknown[0]!r} (known: {', '.join(FORMATS)})")
    if "pdf" in formats:
        _require_pdf()
    ctx = context(project)
    whole = slugs is None
    slugs = project.slugs() if slugs is None else slugs
    languages = languages or project.languages
    manifest = Manifest.load(project.output_dir)
    plan = _plan(project, ctx, formats, slugs, languages, whole)
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
    return _write(project, plan, results, index_outputs, manifest, len(slugs))


def _require_pdf() -> None:
    """Fail before anything is read when the PDF engine is not installed (a cheap look:
    loading it takes a second, which a build with nothing stale never pays)."""
    from importlib.util import find_spec

    if find_spec("weasyprint") is None:
        from diglot.builders.pdf import require

        require()


def _plan(project, ctx, formats, slugs, languages, whole: bool) -> _Plan:
    plan = _Plan()
    # The day matters only to editions that show it: else a rebuild tomorrow is a no-op.
    day = ctx.built.date().isoformat() if project.config.build_date else ""
    for fmt in formats:
        base = format_fingerprint(fmt, project.config, ctx.title, day)
        extension, index_name = EXTENSIONS[fmt], INDEX_NAMES[fmt]
        for lang in languages:
            folder = output_folder(project, fmt, lang)
            keys = []
            for slug in slugs:
                key = combine(base, fmt, lang, _digest(project, slug, lang), project.output_name(slug))
                plan.targets[(fmt, lang, slug)] = (folder / f"{project.output_name(slug)}{extension}", key)
                keys.append(key)
            if whole and slugs:
                plan.index[(fmt, lang)] = (folder / index_name, combine(base, *keys))
    return plan


def _digest(project: Project, slug: str, lang: str) -> str:
    return combine(file_digest(project.source_path(slug)), file_digest(project.po_path(lang, slug)))


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
    problems = []
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
    report = BuildReport(articles=total, rebuilt=sum(1 for r in results if r.outputs))
    report.warnings = [r.warning for r in results if r.warning]
    report.segments = sum(r.segments for r in results)
    pending = []
    for result in results:
        for (fmt, lang), data in result.outputs.items():
            pending.append((*plan.targets[(fmt, lang, result.slug)], data))
    pending += [(*plan.index[key], data) for key, data in index_outputs.items()]
    for path, key, data in pending:
        written = _write_if_new(path, data, project.rel(path))
        (report.written if written else report.unchanged).append(project.rel(path))
        manifest.entries[_rel(manifest, path)] = key
    removed = _remove_orphans(plan, manifest) if plan.index else []
    report.removed = [project.rel(p) for p in removed]
    if pending or removed:
        manifest.save()
    return report


def _write_if_new(path: Path, data: bytes, shown: str) -> bool:
    """Write unless the file already says the same: for a DOCX, the same parts apart from
    the build time stamped in its properties and zip entries (without SOURCE_DATE_EPOCH
    every build has a new time, and the document would be rewritten for nothing)."""
    if path.suffix == ".docx":
        from diglot.ooxml.package import same_document

        try:
            if same_document(path.read_bytes(), data):
                return False
        except OSError:
            pass
    return write_if_changed(path, data, shown)


def _remove_orphans(plan: _Plan, manifest: Manifest) -> list[Path]:
    """Outputs diglot built for articles that no longer exist: generated, so deleted."""
    current = {_rel(manifest, path) for path, _ in [*plan.targets.values(), *plan.index.values()]}
    formats = {fmt for fmt, _, _ in plan.targets}
    removed = []
    for rel in sorted(set(manifest.entries) - current):
        if rel.split("/", 1)[0] in formats:  # a format this run built: its outputs are known
            path = manifest.path.parent / rel
            path.unlink(missing_ok=True)
            removed.append(path)
            del manifest.entries[rel]
    return removed
