"""The last step of ``diglot build``: every changed output, the parts kept for the next
build's editions and the manifest written as one group (all or nothing), then the outputs
of articles that are gone deleted.

An output is rewritten only when its bytes changed (an archive format: when its builder
says it changed, the build time stamped in it aside).
"""

from __future__ import annotations


from dataclasses import dataclass, field
from pathlib import Path

from diglot.builders import REGISTRY, get_builder
from diglot.commands import build_cache
from diglot.commands.build_plan import Plan, combine, output_folder, with_inputs
from diglot.fsio import Write, remove_file, unchanged, write_group
from diglot.paths import Area
from diglot.project import Project


@dataclass
class BuildReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # outputs of articles that are gone
    reasons: dict[str, str] = field(default_factory=dict)  # removed output → why (its kind)
    warnings: list[str] = field(default_factory=list)
    behind: list[str] = field(default_factory=list)  # edition-wide files --article left as they were
    articles: int = 0
    rebuilt: int = 0
    segments: int = 0
    waiting: tuple[int, int] = (0, 0)  # untranslated, fuzzy segments of the articles rebuilt


def write(project: Project, plan: Plan, results, editions: dict, total: int) -> BuildReport:
    """Write what the build made (``editions``: (format, language) → the edition-wide
    file's bytes) and say what happened."""
    manifest = plan.manifest
    report = BuildReport(articles=total, rebuilt=sum(1 for r in results if r.outputs))
    report.warnings = [r.warning for r in results if r.warning] + \
        list(dict.fromkeys(n for r in results for n in r.notices))
    report.segments = sum(r.segments for r in results)
    report.waiting = (sum(r.waiting[0] for r in results), sum(r.waiting[1] for r in results))
    old_files = {f for files in manifest.files.values() for f in files}
    area = project.area(project.output_dir)
    pending, parts = _pending(project, plan, results, area)
    pending += [(*plan.index[key], data) for key, data in editions.items()]
    writes = _changed(project, plan, pending, report, area) + parts
    skipped = {r.slug for r in results if r.warning}
    for fmt, lang in editions:
        manifest.entries[plan.rel(plan.index[(fmt, lang)][0])] = _index_key(plan, fmt, lang,
                                                                            skipped)
    orphans = _orphans(plan) if plan.index else []
    for rel in orphans:  # forgotten whether or not the file can be deleted
        del manifest.entries[rel]
        manifest.inputs.pop(rel, None)
        manifest.files.pop(rel, None)
    unshown = _unshown(plan, old_files)
    if pending or orphans or unshown:
        writes.append(manifest.write(area, project.rel(manifest.path)))
    write_group(writes)
    removed = _remove(project, plan, orphans + unshown, area)
    report.removed = [project.rel(path) for path in removed]
    report.reasons = _reasons(project, plan, orphans, unshown)
    return report


def _pending(project: Project, plan: Plan, results, area: Area) -> tuple[list[tuple], list[Write]]:
    """(path, fingerprint, bytes) of every rebuilt article output, and of the files written
    beside it (their fingerprint None), recording in the manifest what each was made from;
    and the parts to keep, under the same fingerprints."""
    pending: list[tuple] = []
    parts: list[Write] = []
    for result in results:
        for file, (key, data) in sorted(result.sources.items()):
            path = Path(file)
            parts.append(build_cache.write(path, key, data, area, project.rel(path)))
        for (fmt, lang), data in result.outputs.items():
            path, _ = plan.targets[(fmt, lang, result.slug)]
            key = with_inputs(project, plan.bases[(fmt, lang, result.slug)],
                              result.inputs.get(lang, []))
            pending += _beside(project, plan, path, fmt, lang, result)
            pending.append((path, key, data))
            if (fmt, lang) in result.parts:
                parts.append(_part(project, plan, path, key, result.parts[(fmt, lang)], area))
            if (fmt, lang) in result.rows:
                file = build_cache.rows_path(project.output_dir, plan.rel(path))
                parts.append(build_cache.write(file, plan.formats[fmt], result.rows[(fmt, lang)],
                                               area, project.rel(file)))
    return pending, parts


def _part(project: Project, plan: Plan, output: Path, key: str, part: bytes, area: Area) -> Write:
    file = build_cache.path(project.output_dir, plan.rel(output))
    return build_cache.write(file, key, part, area, project.rel(file))


def _index_key(plan: Plan, fmt: str, lang: str, skipped: set[str]) -> str:
    """An index's fingerprint over the keys its articles were recorded under just now (with
    the images this build found), as the next build's plan will compute it; an article
    with no text to translate (``skipped``) has no output, and its planned key."""
    keys = [key if slug in skipped else plan.manifest.entries.get(plan.rel(path), "")
            for (form, language, slug), (path, key) in plan.targets.items()
            if (form, language) == (fmt, lang)]
    return combine(plan.formats[fmt], *keys)


def _beside(project: Project, plan: Plan, output: Path, fmt: str, lang: str, result):
    """The files written beside an output (its images), as (path, None, bytes), and what
    the manifest remembers of them and of the images the output was made from."""
    folder = output_folder(project, fmt, lang)
    files = result.files.get((fmt, lang), {})
    rel = plan.rel(output)
    plan.manifest.inputs[rel] = list(result.inputs.get(lang, ()))
    plan.manifest.files[rel] = sorted(plan.rel(folder / name) for name in files)
    return [(folder / name, None, data) for name, data in sorted(files.items())]


def _changed(project: Project, plan: Plan, pending, report: BuildReport, area: Area) -> list[Write]:
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
            plan.manifest.entries[plan.rel(path)] = key
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


def _orphans(plan: Plan) -> list[str]:
    """Outputs diglot built for articles that no longer exist (as the manifest names them)."""
    current = {plan.rel(path) for path, _ in [*plan.targets.values(), *plan.index.values()]}
    formats = {fmt for fmt, _, _ in plan.targets}
    # a format this run built: its outputs are known
    return [rel for rel in sorted(set(plan.manifest.entries) - current)
            if rel.split("/", 1)[0] in formats]


def _unshown(plan: Plan, old_files: set[str]) -> list[str]:
    """Images diglot copied that no page shows any more (of a format this run built)."""
    formats = {fmt for fmt, _, _ in plan.targets}
    shown = {f for files in plan.manifest.files.values() for f in files}
    return [rel for rel in sorted(old_files - shown) if rel.split("/", 1)[0] in formats]


GONE, MOVED = "its article is gone", "made elsewhere now: the settings changed where the outputs go"
UNSHOWN = "no page shows it any more"


def _reasons(project: Project, plan: Plan, orphans: list[str], unshown: list[str]) -> dict[str, str]:
    """Why each output goes (keyed by its project-relative path): a picture no page shows,
    an output the settings now put elsewhere (a language added: every page moves to its
    language's folder), or one whose article is gone. Its path, its format's folder and
    a language folder set aside, names the article it was made of (or an index)."""
    made = {slug for _, _, slug in plan.targets} | {"index", "edition"}
    languages = set(project.languages) | {lang for _, lang, _ in plan.targets}
    out = {rel: UNSHOWN for rel in unshown}
    for rel in orphans:
        name = rel.split("/", 1)[-1].rsplit(".", 1)[0]
        folder, _, rest = name.partition("/")
        # "api/index" is an article in a folder, "en/index" a language's (a code review)
        moved = folder not in languages and name in made or folder in languages and rest in made
        out[rel] = MOVED if moved else GONE
    return {project.rel(plan.manifest.path.parent / rel): why for rel, why in out.items()}


def _remove(project: Project, plan: Plan, names: list[str], area: Area) -> list[Path]:
    """Delete the named outputs that are regular files inside the output folder (and the
    parts kept for them); anything else the manifest names (a folder, a link, a path
    leading elsewhere) is left alone."""
    removed = []
    for rel in names:
        path = plan.manifest.path.parent / rel
        build_cache.remove(build_cache.path(project.output_dir, rel), area)
        build_cache.remove(build_cache.rows_path(project.output_dir, rel), area)
        build_cache.remove(build_cache.article_path(project.output_dir, rel), area)
        if remove_file(path, project.rel(path), area):
            removed.append(path)
    return removed
