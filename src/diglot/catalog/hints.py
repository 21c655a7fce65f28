"""Hints for an edition not yet (fully) updated: the PO files ``diglot update`` has not made
yet, and an empty source folder. Neither is an error; both would surprise a first user."""

from __future__ import annotations

from diglot.project import Project


def missing_po(project: Project, slugs: list[str], languages: tuple[str, ...],
               meanwhile: str = "the edition shows the French in its place") -> list[str]:
    """A hint for a build or a check before the first update: which PO files do not exist
    yet, and what that means ``meanwhile``."""
    hints = []
    for lang in languages:
        missing = [s for s in slugs if not project.po_path(lang, s).exists()]
        if missing:
            first = project.rel(project.po_path(lang, missing[0]))
            more = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
            hints.append(f"{first}{more}: no translation file yet; run diglot update to create "
                         f"it (meanwhile {meanwhile})")
    return hints


def no_articles(project: Project, slugs: list[str]) -> list[str]:
    """A first run's hint: an empty source folder is not an error, but it is a surprise."""
    if slugs:
        return []
    source = project.config.source
    return [f"{source}/ holds no article yet: add a French Markdown file such as "
            f"{source}/my-article.md, then run diglot update"]
