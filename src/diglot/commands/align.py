"""The ``diglot align`` use case: read the article and the English, align them, plan the PO
file (in step with the template, as ``diglot update`` would leave it) and the review page,
then write them. Nothing is written when anything fails before."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from diglot.align.aligner import align
from diglot.align.apply import Counts, apply_proposals, proposals
from diglot.align.english import read_english
from diglot.align.model import Alignment
from diglot.align.page import review_page
from diglot.catalog.gather import read_translatable
from diglot.catalog.plan import plan_catalog, plan_template
from diglot.catalog.store import encode, wrapped_as, written_as
from diglot.errors import SourceError
from diglot.fsio import Write, unchanged, write_group
from diglot.model import Article
from diglot.project import Project, selected_languages


@dataclass
class AlignReport:
    alignment: Alignment
    counts: Counts
    english_path: str
    written: list[str] = field(default_factory=list)


def align_article(project: Project, slug: str, english: Path, lang: str,
                  overwrite: bool = False, accept_above: float | None = None) -> AlignReport:
    """Align article ``slug`` with the English text at ``english`` and write the proposals
    into ``translations/<lang>/<slug>.po`` and the review page under ``build/review``."""
    selected_languages(project, lang)  # a target language of the project, or an error
    article = read_translatable(project, project.check_slug(slug))
    shown = project.rel(english.absolute())
    blocks = read_english(english, shown)
    if not blocks:
        raise SourceError("no text to align in the English file", shown)
    if len(blocks) > _MAX_RATIO * len(article.segments) + _SLACK:
        # Not this article's translation (a whole book for one chapter, a file of empty
        # lines): 330,000 paragraphs against 45 segments took 50 s and wrote a 110 MB page.
        raise SourceError(f"{len(blocks):,} English paragraphs for {len(article.segments):,} "
                          "French segments: this is not a translation of this article (give "
                          "its English alone)", shown)
    report = AlignReport(align(article.segments, blocks), Counts(), shown)
    writes = [Write(path, data, project.rel(path), _area(project, path))
              for path, data in _plan(project, article, lang, report, overwrite, accept_above)]
    writes = [w for w in writes if not unchanged(w.path, w.data, w.shown, w.area)]
    write_group(writes)  # a rerun changes nothing; a failure leaves every file as it was
    report.written = [w.shown for w in writes]
    return report


_MAX_RATIO, _SLACK = 20, 1000  # English paragraphs per French segment, and beyond


def _area(project: Project, path: Path):
    """The PO file and template stay in the translations folder, the page in the output."""
    inside = path.is_relative_to(project.translations_dir)
    return project.area(project.translations_dir if inside else project.output_dir)


def _plan(project: Project, article: Article, lang: str, report: AlignReport,
          overwrite: bool, accept_above: float | None) -> list[tuple[Path, bytes]]:
    """Every file to write, with its bytes: the template if it changed, the PO (as ``diglot
    update`` would leave it, with the proposals), the page."""
    plan = plan_catalog(project, article.slug, lang, template=plan_template(project, article))
    writes = [(plan.template.path, plan.template.data)] if plan.template.data is not None else []
    catalog, report.counts = apply_proposals(plan.catalog, article.segments,
                                             proposals(report.alignment), overwrite, accept_above)
    po_path = project.po_path(lang, article.slug)
    data = encode(catalog, wrapped_as(po_path, project.config.wrap), project.rel(po_path))
    writes.append((po_path, written_as(data, po_path, project.rel(po_path))))
    page = review_page(report.alignment, title=article.title,
                       source_lang=project.config.source_language, lang=lang,
                       french_path=article.path, english_path=report.english_path)
    writes.append((review_path(project, article.slug, lang), page))
    return writes


def review_path(project: Project, slug: str, lang: str) -> Path:
    return project.output_dir / "review" / f"{project.output_name(slug)}.{lang}.align.html"
