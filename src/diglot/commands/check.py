"""``diglot check``: QA findings over every PO file of the project (its sources read too:
an error there stops the run, as in every command)."""

from __future__ import annotations

from diglot.checks import ERROR
from diglot.checks.run import Finding, run_checks
from diglot.catalog.gather import read_or_skip, read_po, read_translations
from diglot.errors import DiglotError
from diglot import parallel
from diglot.project import Project


def check(project: Project, slugs: list[str] | None = None,
          languages: tuple[str, ...] | None = None, sources: bool = True) -> list[Finding]:
    """Findings for the PO file of each article and language (missing PO files are skipped);
    ``sources``: read each source first (``diglot serve``, which has just read it, does not)."""
    slugs = slugs if slugs is not None else project.slugs()
    found = parallel.pmap(_article, project, slugs, parallel.workers(),
                          tuple(languages or project.languages), sources)
    return [finding for findings in found for finding in findings]


def _article(project: Project, slug: str, languages: tuple[str, ...],
             sources: bool = True) -> list[Finding]:
    """The article's findings; an error in its source is raised, as every command raises
    it (a CI gate of ``check`` alone must not pass a source the build refuses)."""
    if sources:
        read_or_skip(project, slug)
    findings: list[Finding] = []
    segments = None
    for lang in languages:
        catalog = read_po(project, lang, slug)
        if catalog is not None:
            segments = segments or _segments(project, slug)  # one template for every language
            path = project.rel(project.po_path(lang, slug))
            findings += run_checks(catalog.entries, path, project.config.severity, segments,
                                   (slug, project.articles))
    return findings


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
