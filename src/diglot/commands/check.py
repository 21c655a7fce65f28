"""``diglot check``: QA findings over every PO file of the project."""

from __future__ import annotations

from diglot.checks import ERROR
from diglot.checks.run import Finding, run_checks
from diglot.catalog.gather import read_po
from diglot.project import Project


def check(project: Project, slugs: list[str] | None = None,
          languages: tuple[str, ...] | None = None) -> list[Finding]:
    """Findings for the PO file of each article and language (missing PO files are skipped)."""
    findings: list[Finding] = []
    for slug in slugs if slugs is not None else project.slugs():
        for lang in languages or project.languages:
            catalog = read_po(project, lang, slug)
            if catalog is not None:
                path = project.rel(project.po_path(lang, slug))
                findings += run_checks(catalog.entries, path, project.config.severity)
    return findings


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)
