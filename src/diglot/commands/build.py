"""``diglot build``: translated articles → side-by-side editions, in four steps: plan (which
outputs are stale: ``build_plan``), jobs (read, validate and render those articles, in
parallel worker processes: ``build_jobs``), strict (``--strict``'s completeness bar), write
(one all-or-nothing group: ``build_write``).

An edition-wide file is assembled from its articles' parts: those rendered now, and those
the last builds kept (``build_cache``); an article whose part is missing is rendered again.
Every article that is rendered is read and validated before anything is written, so a
failed run leaves old outputs as they were.
"""

from __future__ import annotations

from typing import Callable

from diglot import locales, parallel
from diglot.builders import FORMATS, INDEX_NAMES, REGISTRY, BuildContext
from diglot.catalog import hints, placement
from diglot.commands import build_cache
from diglot.commands.build_plan import Manifest, Plan, output_folder, plan as make_plan
from diglot.commands.build_write import BuildReport, write
from diglot.errors import BuildError, FindingsError
from diglot.project import Project
from diglot.safety import MAX_EMBEDDED_IMAGES, MB

__all__ = ["BuildReport", "StrictError", "build", "context"]


class StrictError(FindingsError):
    """``--strict`` found languages below the completeness bar; one line per file."""


def context(project: Project) -> BuildContext:
    title = project.config.title or project.name
    return BuildContext(title, project.config, locales.build_time(), dict(project.output_names))


def build(project: Project, formats: tuple[str, ...] | None = None,
          slugs: list[str] | None = None, languages: tuple[str, ...] | None = None,
          strict: bool = False, force: bool = False, jobs: int | None = None,
          progress: Callable[[str], None] | None = None) -> BuildReport:
    """Build ``formats`` (default: the configuration's ``formats``, else the registry's
    default formats)."""
    formats = tuple(formats or project.config.formats or FORMATS)
    _require(formats)
    ctx = context(project)
    whole = slugs is None
    slugs = project.slugs() if slugs is None else slugs
    plan = make_plan(project, ctx, formats, slugs, languages or project.languages, whole,
                     Manifest.load(project.output_dir), force)
    kept = _kept_parts(project, plan, slugs)
    results, editions = [], {}
    if plan.stale or plan.stale_index or strict:
        from diglot.commands import build_jobs  # reading and rendering: a no-op build needs neither

        todo = [build_jobs.Job(s, tuple(plan.stale.get(s, ())), strict,
                               _row_caches(project, plan, s, force), _sources(project, plan, s, force))
                for s in slugs if strict or plan.stale.get(s)]
        indexes = [build_jobs.IndexJob(f, lang, tuple(slugs)) for f, lang in plan.stale_index
                   if REGISTRY[f].edition == "articles"]
        results, editions = build_jobs.run(project, ctx, todo, indexes,
                                           jobs or parallel.workers(), progress)
        editions |= _editions(project, ctx, plan, slugs, results, kept, build_jobs.edition)
    if strict:
        _check_strict(project, results)
    # Sources with no text to translate (each one's warning says so) need no PO file, and
    # count as no article, as update counts them.
    skipped = {r.slug for r in results if r.warning}
    report = write(project, plan, results, editions, len(slugs) - len(skipped))
    if not whole and report.written:
        report.behind = _behind(project, formats, languages or project.languages)
    report.warnings[:0] = _project_warnings(project, slugs, skipped, languages)
    return report


def _project_warnings(project: Project, slugs: list[str], skipped: set[str], languages
                      ) -> list[str]:
    """What a build says of the project: its layout, no article yet, PO files to make."""
    return placement.layout_warnings(project) + hints.no_articles(project, slugs) + \
        hints.missing_po(project, [s for s in slugs if s not in skipped],
                         languages or project.languages)


def _behind(project: Project, formats, languages) -> list[str]:
    """The edition-wide files a build of some articles (``--article``) leaves as they were,
    now behind the articles it wrote."""
    return [project.rel(path) for fmt in formats for lang in languages
            if (path := output_folder(project, fmt, lang) / INDEX_NAMES[fmt]).exists()]


def _kept_parts(project: Project, plan: Plan, slugs: list[str]) -> dict[tuple, bytes]:
    """The kept parts of the fresh articles of each stale edition made of parts; an
    article without one is to be rendered again."""
    kept, area = {}, project.area(project.output_dir)
    for fmt, lang in plan.stale_index:
        if REGISTRY[fmt].edition != "parts":
            continue
        for slug in slugs:
            if (fmt, lang) in plan.stale.get(slug, ()):
                continue
            path, key = plan.targets[(fmt, lang, slug)]
            part = build_cache.load(build_cache.path(project.output_dir, plan.rel(path)), key, area)
            if part is None:
                plan.render(slug, fmt, lang)
            else:
                kept[(fmt, lang, slug)] = part
    return kept


def _row_caches(project: Project, plan: Plan, slug: str, force: bool) -> tuple:
    """(language, file, seal key, whether to read it) of the kept rows of each HTML page
    of ``slug`` to render: ``--force`` renders every row again, and keeps them."""
    return tuple((lang, str(build_cache.rows_path(project.output_dir, plan.rel(
        plan.targets[(fmt, lang, slug)][0]))), plan.formats[fmt], not force)
        for fmt, lang in plan.stale.get(slug, ()) if fmt == "html")


def _sources(project: Project, plan: Plan, slug: str, force: bool) -> tuple:
    """(format, language, file, code key, whether to read it) where the source of each
    output of ``slug`` to render may be kept parsed (the job reading for an output uses
    that output's: see build_sources)."""
    from diglot.commands.build_plan import code_fingerprint

    return tuple((fmt, lang, str(build_cache.article_path(project.output_dir, plan.rel(
        plan.targets[(fmt, lang, slug)][0]))), code_fingerprint(fmt), not force)
        for fmt, lang in plan.stale.get(slug, ()))


def _editions(project: Project, ctx: BuildContext, plan: Plan, slugs: list[str], results, kept,
              assemble) -> dict[tuple[str, str], bytes]:
    """Each stale edition made of parts, from its articles' (rendered now, or kept)."""
    made = {(fmt, lang, r.slug): part for r in results for (fmt, lang), part in r.parts.items()}
    made = kept | made
    editions = {}
    for fmt, lang in plan.stale_index:
        if REGISTRY[fmt].edition == "parts":
            parts = [made[(fmt, lang, s)] for s in slugs if (fmt, lang, s) in made]
            _within_bounds(project.rel(plan.index[(fmt, lang)][0]), fmt, parts)
            editions[(fmt, lang)] = assemble(fmt, ctx, parts)
    return editions


def _within_bounds(edition: str, fmt: str, parts: list[bytes]) -> None:
    """An edition's parts, kept or rendered now, past what one build holds (each article's
    part holds its pictures): the same refusal whatever the cache (a code review: articles
    built one by one with --article, then a plain build, made an edition past the bound)."""
    size = sum(map(len, parts))
    if REGISTRY[fmt].embeds and size > MAX_EMBEDDED_IMAGES:
        raise BuildError(f"its articles' parts come to {size // MB:,} MB (each holds its "
                         f"pictures), more than the {MAX_EMBEDDED_IMAGES // MB} MB an edition "
                         "is made of: make the pictures smaller (the HTML edition shares them)",
                         edition)


def _require(formats: tuple[str, ...]) -> None:
    """Fail before anything is read when a format's engine is not installed (a cheap look:
    loading one can take a second, which a build with nothing stale never pays); the
    builder module says what is missing and how to get it (its ``require``)."""
    from importlib import import_module
    from importlib.util import find_spec

    for fmt in formats:
        if fmt not in REGISTRY:
            raise BuildError(f"unknown format {fmt!r} (known: {', '.join(REGISTRY)})")
        needs = REGISTRY[fmt].needs
        if needs and find_spec(needs) is None:
            import_module(f"diglot.builders.{fmt}").require()


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
