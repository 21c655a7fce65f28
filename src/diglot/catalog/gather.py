"""Read a project's sources and catalogs, validating everything before any command writes."""

from __future__ import annotations

from dataclasses import dataclass, field

from diglot.model import Article
from diglot.po.model import Catalog
from diglot.project import Project
from diglot.source.reader import read_article
from diglot.catalog.store import read_catalog


@dataclass
class Sources:
    """The articles of a run, and the warnings reading them produced."""

    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_sources(project: Project, slugs: list[str] | None = None) -> Sources:
    """Every article (or the named ones); empty articles are skipped with a warning."""
    result = Sources()
    for slug in slugs if slugs is not None else project.slugs():
        path = project.source_path(slug)
        article = read_article(path, slug, project.rel(path))
        if article.segments:
            result.articles.append(article)
        else:
            result.warnings.append(f"{project.rel(path)}: no text to translate; article skipped")
    return result


def read_po(project: Project, lang: str, slug: str) -> Catalog | None:
    path = project.po_path(lang, slug)
    project.area(project.translations_dir).check(path, project.rel(path))
    return read_catalog(path, project.rel(path))
