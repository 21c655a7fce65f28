"""The per-article half of ``diglot build``: read, validate, translate and render one
article, in this process or in a pool of worker processes (``--jobs``).

Workers return rendered bytes instead of writing them, so the main process writes only
once every article has been read and validated: a bad file anywhere leaves every old
output untouched. A format whose edition is made of parts returns each article's part with
its output; ``edition`` assembles the edition-wide file from them. A format whose edition
lays out every article at once (``Format.edition == "articles"``) has an ``IndexJob`` that
reads them all again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from diglot import crossref, heap, media, parallel
from diglot.builders import REGISTRY, BuildContext, get_builder
from diglot.catalog.gather import read_po
from diglot.catalog.translate import bilingual
from diglot.commands import build_cache, build_sources
from diglot.errors import BuildError, DiglotError
from diglot.model import Bilingual
from diglot.project import Project
from diglot.safety import MAX_DECODED_PIXELS, MAX_EMBEDDED_IMAGES, MB


@dataclass(frozen=True)
class Job:
    """One article to read; ``render`` lists the (format, language) outputs to produce."""

    slug: str
    render: tuple[tuple[str, str], ...] = ()
    keep: bool = False  # return the translated articles (for the index or --strict)
    rows: tuple[tuple[str, str, str, bool], ...] = ()  # kept HTML rows (build._row_caches)
    sources: tuple[tuple[str, str, str, str, bool], ...] = ()  # kept parsed (build._sources)


@dataclass(frozen=True)
class IndexJob:
    """An edition-wide output made from every article read again (see the module's doc)."""

    fmt: str
    lang: str
    slugs: tuple[str, ...]


@dataclass
class Result:
    slug: str
    docs: dict[str, Bilingual] = field(default_factory=dict)  # language → article, if kept
    outputs: dict[tuple[str, str], bytes] = field(default_factory=dict)
    segments: int = 0
    warning: str = ""
    notices: list[str] = field(default_factory=list)  # what an edition shows otherwise
    inputs: dict[str, list[str]] = field(default_factory=dict)  # language → image files read
    files: dict[tuple[str, str], dict[str, bytes]] = field(default_factory=dict)  # beside outputs
    parts: dict[tuple[str, str], bytes] = field(default_factory=dict)  # of the edition-wide file
    rows: dict[tuple[str, str], bytes] = field(default_factory=dict)  # a big page's, to keep
    sources: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # file → (key, parsed)
    waiting: tuple[int, int] = (0, 0)  # segments shown untranslated, fuzzy (rendered languages)
    embedded: int = 0  # bytes of pictures its documents hold (see safety.MAX_EMBEDDED_IMAGES)
    decoded: int = 0  # pixels of pictures its layouts decode (see MAX_DECODED_PIXELS)


def run(project: Project, ctx: BuildContext, jobs: Iterable[Job], indexes: Iterable[IndexJob],
        workers: int, progress: Callable[[str], None] | None = None
        ) -> tuple[list[Result], dict[tuple[str, str], bytes]]:
    """Every article job's result (in order) and every index's bytes.

    With ``workers`` > 1 the index jobs go first into the same pool: an edition laid out
    at once is the longest single task, so it runs on one core while the articles share
    the others. Fewer articles than workers (one book-length article) go first instead:
    each is then the longest task, and the indexes share the other cores.
    """
    jobs, indexes = _split(list(jobs), workers), list(indexes)
    name = lambda r: r.slug
    tasks = len(jobs) + len(indexes)
    if workers <= 1 or tasks <= 1 or (tasks < 4 and _light(project, jobs)):
        if tasks == 1 and jobs:  # one article alone: its builder may use the idle cores
            ctx = replace(ctx, helpers=workers - 1)
        results = parallel.progress_of(_bounded(project, (_job(project, ctx, j) for j in jobs)), len(jobs),
                                       progress, name)
        return _merged(results), {(i.fmt, i.lang): _index(project, ctx, i) for i in indexes}
    root = str(project.root)
    for fmt in sorted({fmt for job in jobs for fmt, _ in job.render} | {i.fmt for i in indexes}):
        get_builder(fmt)  # imported once, before the fork: each worker would import it again
    with parallel.pool(workers) as executor:
        try:
            early = [executor.submit(_job_in_worker, (root, ctx, j)) for j in jobs] \
                if len(jobs) < workers else None
            pending = {(i.fmt, i.lang): executor.submit(_index_in_worker, root, ctx, i)
                       for i in indexes}
            chunk = max(1, min(16, len(jobs) // (workers * 8)))
            mapped = (f.result() for f in early) if early is not None else \
                executor.map(_job_in_worker, [(root, ctx, j) for j in jobs], chunksize=chunk)
            results = parallel.progress_of(_bounded(project, mapped), len(jobs), progress, name)
            return _merged(results), {key: future.result() for key, future in pending.items()}
        except BaseException:  # the run fails: the articles not started yet never start
            executor.shutdown(wait=False, cancel_futures=True)
            raise


def _bounded(project: Project, results: Iterable[Result]) -> Iterator[Result]:
    """The results, as long as the pictures their documents hold stay within the bound."""
    total = pixels = 0
    for result in results:
        total, pixels = total + result.embedded, pixels + result.decoded
        if pixels > MAX_DECODED_PIXELS:  # each article's PDF within its bound, and all of them
            raise BuildError(f"the articles' PDF books would decode more than "
                             f"{MAX_DECODED_PIXELS // 1_000_000} million pixels of pictures "
                             f"(this one brings it to {pixels // 1_000_000:,} million; an attack "
                             "round's 14 articles of two 11 kB pictures took 68 s): make the "
                             "pictures smaller (the book prints one at most 300 pt tall)",
                             project.rel(project.source_path(result.slug)))
        if total > MAX_EMBEDDED_IMAGES:
            raise BuildError(f"the articles' documents (DOCX, EPUB, PDF) would hold more than "
                             f"{MAX_EMBEDDED_IMAGES // MB} MB of pictures (each article's holds "
                             f"its own; this one brings it to {total // MB} MB): make the pictures "
                             "smaller (the HTML edition shares them)",
                             project.rel(project.source_path(result.slug)))
        yield result


def _split(jobs: list[Job], workers: int) -> list[Job]:
    """Fewer articles than workers (a book-length article): each output of an article is
    a job of its own, so its formats render side by side (each job reads the article
    again: a fraction of what rendering costs)."""
    if len(jobs) >= workers:
        return jobs
    split = []
    for job in jobs:
        if len(job.render) < 2:
            split.append(job)
            continue
        split += [replace(job, render=(output,), keep=job.keep and k == 0)
                  for k, output in enumerate(job.render)]
    return split


def _merged(results: list[Result]) -> list[Result]:
    """One result per article, in order (see ``_split``)."""
    by_slug: dict[str, Result] = {}
    for result in results:
        first = by_slug.setdefault(result.slug, result)
        if first is not result:
            for name in ("docs", "outputs", "inputs", "files", "parts", "rows", "sources"):
                getattr(first, name).update(getattr(result, name))
            first.notices += result.notices
    return list(by_slug.values())


def edition(fmt: str, ctx: BuildContext, parts: list[bytes]) -> bytes:
    """An edition-wide file assembled from its articles' parts, in order."""
    return get_builder(fmt).edition(parts, ctx)


def _light(project: Project, jobs: list[Job]) -> bool:
    """Whether a few jobs are small enough that starting workers would cost more than it
    saves."""
    try:
        return sum(project.source_path(j.slug).stat().st_size for j in jobs) < 2**20
    except OSError:
        return True


def _index_in_worker(root: str, ctx: BuildContext, job: IndexJob) -> bytes:
    return _index(parallel.loaded(root), ctx, job)


def _index(project: Project, ctx: BuildContext, job: IndexJob) -> bytes:
    """Read every article (again: cheaper than shipping them between processes) and render."""
    docs = [r.docs[job.lang] for r in (_job(project, ctx, Job(s, keep=True)) for s in job.slugs)
            if r.docs]
    return get_builder(job.fmt).index(docs, ctx)


def _job_in_worker(args) -> Result:
    root, ctx, job = args
    return _job(parallel.loaded(root), ctx, job)


def _job(project: Project, ctx: BuildContext, job: Job) -> Result:
    with heap.paused_for(project.source_path(job.slug)):  # see diglot/heap.py
        return _read_and_render(project, ctx, job)


def _read_and_render(project: Project, ctx: BuildContext, job: Job) -> Result:
    kept = next(((file, code, use) for fmt, lang, file, code, use in job.sources
                 if job.render and (fmt, lang) == job.render[0]), None)
    finish, waiting = build_sources.start(project, job.slug, kept, ctx.helpers)
    langs = {lang for _, lang in job.render} | (set(project.languages) if job.keep else set())
    catalogs = _catalogs(project, job.slug, sorted(langs), finish)
    if waiting:  # the source is parsed in another process: meanwhile, what rendering needs
        for fmt, lang in job.render:
            get_builder(fmt).prepare(ctx, (project.config.source_language, lang))
    article, skipped, keep = finish()
    if article is None:
        return Result(job.slug, warning=skipped)
    config = project.config
    docs, inputs, articles = {}, {}, project.articles
    for lang, catalog in catalogs.items():
        po = project.rel(project.po_path(lang, job.slug))
        doc = bilingual(article, catalog, config.source_language, lang, config.fallback, po)
        doc, images = media.attach(doc, project.root, project.source_dir, (po, catalog))
        docs[lang], linked = crossref.attach(doc, articles)
        inputs[lang] = images + linked
    rendered = [docs[lang].stats for lang in sorted({lang for _, lang in job.render})]
    result = Result(job.slug, docs if job.keep else {}, segments=len(article.segments),
                    inputs=inputs, sources={keep[0]: keep[1:]} if keep else {},
                    waiting=(sum(s.untranslated for s in rendered), sum(s.fuzzy for s in rendered)))
    for fmt, lang in job.render:
        rows = _kept_rows(project, job, lang) if fmt == "html" else None
        _render(result, fmt, lang, docs[lang], replace(ctx, rows=rows) if rows else ctx)
        if rows is not None and rows.made:
            result.rows[(fmt, lang)] = rows.encode()
    return result


def _catalogs(project: Project, slug: str, langs: list[str], finish: Callable) -> dict:
    """The article's PO files, read while its source may still be parsing (``finish``
    waits for it): an error in the source is still the one reported, and a PO file is
    nothing to report for an article skipped as empty."""
    try:
        return {lang: read_po(project, lang, slug) for lang in langs}
    except DiglotError:
        if finish()[0] is None:
            return {}
        raise


def _render(result: Result, fmt: str, lang: str, doc: Bilingual, ctx: BuildContext) -> None:
    builder, key = get_builder(fmt), (fmt, lang)
    if REGISTRY[fmt].edition == "parts":
        result.outputs[key], result.parts[key] = builder.render(doc, ctx)
    else:
        result.outputs[key] = builder.article(doc, ctx)
    result.files[key] = builder.files(doc)
    if REGISTRY[fmt].embeds:
        result.embedded += sum(len(data) for data in media.picture_files(doc))
    if REGISTRY[fmt].decodes:
        result.decoded += sum(map(media.decoded_pixels, media.picture_files(doc)))
    if REGISTRY[fmt].pictures:
        result.notices += media.unshown(doc, REGISTRY[fmt].pictures, fmt.upper())


def _kept_rows(project: Project, job: Job, lang: str):
    """The rows the last build kept of the language's HTML page (see builders/html_split),
    to be filled with this build's."""
    from diglot.builders.html_split import Chunks

    for language, file, key, read in job.rows:
        if language == lang:
            path = Path(file)
            found = read and path.exists()
            return Chunks.decode(build_cache.load(path, key, project.area(project.output_dir))
                                 if found else None)
    return None
