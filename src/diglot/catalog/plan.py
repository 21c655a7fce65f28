"""One article's catalogs planned in memory, nothing written: its template (each passage
with its lasting anchor; an unchanged file keeps its old header, so git sees no churn) and,
for one language, its PO file merged to that template, with the translation memory's
proposals when the memory pass found some. ``diglot update`` writes what changed; ``diglot
align`` writes its proposals on top of the same catalog, so both leave the same file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from diglot import locales
from diglot.catalog import header
from diglot.catalog.anchors import anchored
from diglot.catalog.gather import read_po, read_translations, read_translatable
from diglot.catalog.memory import Proposal, apply as apply_proposals
from diglot.catalog.merge import merge
from diglot.catalog.store import encode, in_style_of, read_bytes
from diglot.catalog.template import template as fresh_template
from diglot.errors import CatalogError
from diglot.model import Article
from diglot.po.model import Catalog, Entry
from diglot.project import Project


@dataclass(frozen=True)
class Planning:
    """What a run plans with: its time (the headers' dates), whether obsolete entries are
    purged, and the renamed articles (new slug → the slug their files still have)."""

    now: dt.datetime = field(default_factory=locales.build_time)
    purge: bool = False
    origins: dict[str, str] = field(default_factory=dict)

    def origin(self, slug: str) -> str:
        return self.origins.get(slug, slug)


@dataclass
class TemplatePlan:
    """An article's template: the catalog, where it belongs, and the bytes to write there
    (None when the file holds them already)."""

    catalog: Catalog
    path: Path
    data: bytes | None = None
    existed: bool = False  # a template was at ``path`` (the change is an update)
    moved_from: Path | None = None  # a renamed article's old template, or an older diglot's


@dataclass
class CatalogPlan:
    """An article's PO file for one language, as update leaves it, and what changed."""

    lang: str
    slug: str
    catalog: Catalog
    old: Catalog | None  # the file as read (a renamed article's), None if there was none
    path: Path  # where it belongs: translations/<lang>/<slug>.po
    source: Path  # the file read: a renamed article's, or one named by an older diglot
    template: TemplatePlan
    fuzzy: int = 0  # entries this update made fuzzy
    new: int = 0
    obsolete: int = 0  # entries this update made obsolete
    memory: int = 0  # empty entries given a translation memory proposal
    purged: tuple[int, int] = (0, 0)  # entries deleted for good, of them translated

    @property
    def moved(self) -> bool:
        return self.source != self.path

    @property
    def refreshed(self) -> int:
        """Entries kept under the same msgid but changed otherwise (references moved, a stale
        ``#|`` cleaned, a comment updated): what ``--check`` would otherwise leave
        unexplained."""
        if self.old is None:
            return 0
        return sum(1 for e in self.catalog.entries if not e.obsolete
                   and (before := self.old.find(e.msgid, e.msgctxt)) is not None and before != e)


def plan_catalog(project: Project, slug: str, lang: str, planning: Planning | None = None,
                 template: TemplatePlan | None = None,
                 proposals: dict[str, Proposal] | None = None) -> CatalogPlan:
    """The article's PO file for ``lang`` as ``diglot update`` leaves it: the old file (a
    renamed article's, or a new one with a fresh header) merged to ``template`` (planned
    here from the article when not given), the memory's ``proposals`` made fuzzy entries,
    and the header dated when the entries changed."""
    planning = planning or Planning()
    template = template or plan_template(project, read_translatable(project, slug), planning)
    origin, pot = planning.origin(slug), template.catalog
    old = _old_po(project, lang, slug, origin)
    base = old if old is not None else Catalog(header.po_header(pot, lang, planning.now), [])
    merged = merge(base, pot, project.config.fuzzy_threshold, planning.purge)
    catalog, proposed = apply_proposals(merged.catalog, proposals or {})
    if old is not None and old.header is not None and catalog.entries != old.entries:
        catalog = replace(catalog, header=header.dated(old.header, pot))
    return CatalogPlan(lang, slug, catalog, old, project.own_po_path(lang, slug),
                       project.po_path(lang, origin), template, len(merged.fuzzy), merged.new,
                       merged.obsoleted, proposed, merged.purged)


def plan_template(project: Project, article: Article, planning: Planning | None = None,
                  known: Entry | None = None) -> TemplatePlan:
    """The article's template, compared as bytes with the file (its entries encoded once):
    an unchanged file keeps its old header and creation date. ``known`` is a header the
    run planned already: the file is then not compared again."""
    planning = planning or Planning()
    pot = _anchored(project, article, planning)
    path = project.template_path(article.slug)
    if known is not None:
        return TemplatePlan(Catalog(known, pot.entries), path)
    old = _old_template(project, article.slug, planning.origin(article.slug))
    moved = old if old != path and old.exists() else None
    return _compared(project, pot, path, moved)


def _compared(project: Project, pot: Catalog, path: Path, moved: Path | None) -> TemplatePlan:
    """The template against the file at ``path``: its header kept when all else is equal."""
    wrap, shown = project.config.wrap, project.rel(path)
    body = b"\n" + encode(Catalog(None, pot.entries), wrap, shown)
    project.area(project.translations_dir).check(path, shown, follow=False)
    old = read_bytes(path, shown)
    old_header = header.read_header(old, shown) if old is not None else None
    # Compared as written: a template saved with CRLF (git's autocrlf) is no change.
    same = old_header is not None and \
        in_style_of(encode(Catalog(old_header, []), wrap) + body, path) == old
    if same:
        return TemplatePlan(Catalog(old_header, pot.entries), path, None, True, moved)
    data = encode(Catalog(pot.header, []), wrap) + body
    return TemplatePlan(pot, path, data, old is not None, moved)


def _anchored(project: Project, article: Article, planning: Planning) -> Catalog:
    """The article's template, each passage with its lasting anchor (catalog.anchors),
    kept from the old template (or, lacking one, the first old PO file)."""
    origin = planning.origin(article.slug)
    pot = fresh_template(article, project.name, planning.now, project.config.locations)
    path = _old_template(project, article.slug, origin)
    old = read_translations(project, path)
    _untranslated(project, path, article.slug, old)
    if old is None:
        old = next((c for lang in project.languages
                    if (c := read_po(project, lang, origin)) is not None), None)
    return anchored(pot, old.entries if old is not None else [], project.config.fuzzy_threshold)


def _untranslated(project: Project, path: Path, slug: str, template: Catalog | None) -> None:
    """A template is regenerated from the French: translations typed into it (a PO editor
    opened the wrong file) would be overwritten, so update stops and says where they go."""
    typed = [e for e in template.entries if e.msgid and e.msgstr] if template else []
    if typed:
        po = project.rel(project.po_path(project.languages[0], slug))
        raise CatalogError(f"this template holds {len(typed)} translation(s), which update would "
                           f"overwrite (a template is made from the French; translations go in "
                           f"PO files): put them in {po}, e.g. with msgcat --use-first {po} "
                           f"{project.rel(path)} -o {po}, then delete the template (update makes it "
                           "again)",
                           project.rel(path), typed[0].line)


def _old_template(project: Project, slug: str, origin: str) -> Path:
    """Where the article's template is now: a renamed article's old one, or one an older
    diglot named after the source file (``Mon été.pot``), else its own."""
    if origin != slug:
        return project.template_path(origin)
    legacy = project.legacy_po_path("templates", slug, ".pot")
    return legacy if legacy is not None and legacy.is_file() else project.template_path(slug)


def _old_po(project: Project, lang: str, slug: str, origin: str) -> Catalog | None:
    """The PO file as read; a renamed article's header names the new article."""
    old = read_po(project, lang, origin)
    if old is not None and old.header is not None and origin != slug:
        old = replace(old, header=header.renamed(old.header, project, origin, slug))
    return old
