"""``diglot check``: QA findings over every PO file of the project (its sources read too:
an error there stops the run, as in every command)."""

from __future__ import annotations

from diglot.checks import ERROR, SEVERITIES
from diglot.checks.consistency import check_consistency
from diglot.checks.run import Finding, run_checks
from diglot.catalog.gather import read_or_skip, read_po, read_translations
from diglot.errors import DiglotError
from diglot import media, parallel
from diglot.catalog.translate import bilingual
from diglot.po.model import Entry
from diglot.project import Project


def check(project: Project, slugs: list[str] | None = None,
          languages: tuple[str, ...] | None = None, sources: bool = True) -> list[Finding]:
    """Findings for the PO file of each article and language (missing PO files are skipped);
    ``sources``: read each source first (``diglot serve``, which has just read it, does not)."""
    slugs = slugs if slugs is not None else project.slugs()
    found = list(parallel.pmap(_article, project, slugs, parallel.workers(),
                               tuple(languages or project.languages), sources))
    findings = [finding for findings, _ in found for finding in findings]
    levels = {**SEVERITIES, **project.config.severity}
    across = []
    for lang in languages or project.languages:  # one language's entries, all articles
        folder = project.rel(project.translations_dir / lang) + "/"
        across += check_consistency(((path, e) for _, read in found for path, rows in read.items()
                                     if path.startswith(folder) for _, e in rows), levels)
    if not across:
        return findings
    # each file's findings together, files in the order they were read
    order = {path: n for n, path in enumerate(dict.fromkeys(  # every file read, in turn
        path for findings, read in found for path in [f.path for f in findings] + list(read)))}
    return sorted(findings + across, key=lambda f: (order.get(f.path, -1), f.line, f.check))


def _article(project: Project, slug: str, languages: tuple[str, ...], sources: bool = True
             ) -> tuple[list[Finding], dict[str, list[tuple[str, Entry]]]]:
    """The article's findings, and each PO file's translated entries by its path (for the
    checks over the whole project); an error in its source is raised, as every command
    raises it (a CI gate of ``check`` alone must not pass a source the build refuses)."""
    article = read_or_skip(project, slug)[0] if sources else None
    findings: list[Finding] = []
    entries: dict[str, list[tuple[str, Entry]]] = {}
    segments = None
    for lang in languages:
        catalog = read_po(project, lang, slug)
        if article is not None:  # its pictures, where the build looks for them
            po = project.rel(project.po_path(lang, slug))
            # (with fallback = "fail", an unfinished translation is what check is run on)
            doc = bilingual(article, catalog, project.config.source_language, lang,
                            project.config.reading_fallback, po)
            media.check_paths(doc, project.root, project.source_dir, (po, catalog))
        if catalog is not None:
            segments = segments or _segments(project, slug)  # one template for every language
            path = project.rel(project.po_path(lang, slug))
            findings += run_checks(catalog.entries, path, project.config.severity, segments,
                                   (slug, project.articles))
            entries[path] = [(path, e) for e in catalog.entries if e.msgstr and not e.obsolete]
    return findings, entries


def _segments(project: Project, slug: str) -> frozenset[str] | None:
    """The article's French segments, from the template update wrote (None without one,
    or one that cannot be read: the PO files are what check reports on)."""
    path = project.template_path(slug)
    if not path.exists():
        return None
    try:
        template = read_translations(project, path)
    except DiglotError:
        return None
    return frozenset(e.msgid for e in template.entries if not e.obsolete)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)
