"""``diglot build``: translated articles → side-by-side HTML pages and DOCX documents.

Everything is read and validated first; outputs are then written atomically, and only
those whose bytes changed are rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from diglot import locales
from diglot.apply import bilingual
from diglot.builders import FORMATS, BuildContext, get_builder
from diglot.errors import BuildError
from diglot.fsio import write_if_changed
from diglot.gather import read_po, read_sources
from diglot.model import Bilingual
from diglot.project import Project


@dataclass
class BuildReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    articles: int = 0
    segments: int = 0


class StrictError(BuildError):
    """``--strict`` found languages below the completeness bar; one line per file."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def build(project: Project, formats=FORMATS, slugs: list[str] | None = None,
          languages: tuple[str, ...] | None = None, strict: bool = False) -> BuildReport:
    sources = read_sources(project, slugs)
    languages = languages or project.languages
    docs = {lang: _translate(project, sources.articles, lang) for lang in languages}
    if strict:
        _check_strict(project, docs)
    report = BuildReport(warnings=sources.warnings, articles=len(sources.articles))
    report.segments = sum(len(a.segments) for a in sources.articles)
    ctx = context(project)
    for fmt in formats:
        for lang in languages:
            _emit(project, get_builder(fmt), docs[lang], ctx, lang, slugs is None, report)
    return report


def context(project: Project) -> BuildContext:
    title = project.config.title or project.root.name
    return BuildContext(title, project.config, locales.build_time(), dict(project.output_names))


def _translate(project: Project, articles, lang: str) -> list[Bilingual]:
    config = project.config
    return [bilingual(a, read_po(project, lang, a.slug), config.source_language, lang,
                      config.fallback, project.rel(project.po_path(lang, a.slug)))
            for a in articles]


def _check_strict(project: Project, docs: dict[str, list[Bilingual]]) -> None:
    bar = project.config.min_completeness
    problems = []
    for lang, items in docs.items():
        for doc in items:
            why = []
            if doc.stats.percent < bar:
                why.append(f"{doc.stats.percent:g}% translated, below the required {bar:g}%")
            if doc.stats.fuzzy:
                why.append(f"{doc.stats.fuzzy} fuzzy")
            if why:
                problems.append(f"{project.rel(project.po_path(lang, doc.slug))}: {', '.join(why)}")
    if problems:
        raise StrictError(problems)


def output_folder(project: Project, fmt: str, lang: str) -> Path:
    folder = project.output_dir / fmt
    return folder if len(project.languages) == 1 else folder / lang


def _emit(project, builder, docs: list[Bilingual], ctx, lang, whole: bool, report) -> None:
    folder = output_folder(project, builder.name, lang)
    outputs = [(folder / f"{project.output_name(d.slug)}{builder.extension}", builder.article, d)
               for d in docs]
    if whole and docs:
        outputs.append((folder / builder.index_name, builder.index, docs))
    for path, render, arg in outputs:
        shown = project.rel(path)
        written = write_if_changed(path, render(arg, ctx), shown)
        (report.written if written else report.unchanged).append(shown)
