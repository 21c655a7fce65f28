"""Read a project's sources and catalogs, validating everything before any command writes.

``read_or_skip`` is the one place an article is read and, when it has no text to
translate, skipped with the warning every command prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from diglot.errors import SourceError
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


def read_or_skip(project: Project, slug: str) -> tuple[Article | None, str]:
    """(the article, "") or, for an article with no text to translate, (None, the warning
    that says it is skipped). Errors in the source are raised (``SourceError``)."""
    path = project.source_path(slug)
    shown = project.rel(path)
    return checked(read_article(path, slug, shown), shown)


def checked(article: Article, shown: str) -> tuple[Article | None, str]:
    """``read_or_skip``'s answer for an article read (``shown``: its source, as said)."""
    if not article.segments:
        return None, f"{shown}: no text to translate; article skipped"
    return article, ""


def read_translatable(project: Project, slug: str) -> Article:
    """The article, for a command that works on it alone (``align``): one with no text to
    translate is an error there, not a skip."""
    article, _ = read_or_skip(project, slug)
    if article is None:
        raise SourceError("the article has no text to translate",
                          project.rel(project.source_path(slug)))
    return article


def read_sources(project: Project, slugs: list[str] | None = None) -> Sources:
    """Every article (or the named ones); empty articles are skipped with a warning."""
    result = Sources()
    for slug in slugs if slugs is not None else project.slugs():
        article, skipped = read_or_skip(project, slug)
        if article is not None:
            result.articles.append(article)
        else:
            result.warnings.append(skipped)
    return result


def read_translations(project: Project, path: Path) -> Catalog | None:
    """A file of the translations folder (a template, a PO file no article plans), checked
    as ``read_po`` checks: inside the folder and read through no symbolic link, whose target
    a parse error would print; None when there is none."""
    project.area(project.translations_dir).check(path, project.rel(path), follow=False)
    return read_catalog(path, project.rel(path))


def read_po(project: Project, lang: str, slug: str) -> Catalog | None:
    """The article's PO file for ``lang`` (checked to be inside the translations folder),
    or None when there is none."""
    path = project.po_path(lang, slug)
    project.area(project.translations_dir).check(path, project.rel(path), follow=False)
    return read_catalog(path, project.rel(path))
