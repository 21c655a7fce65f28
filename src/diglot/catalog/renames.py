"""Articles renamed since the last update (``git mv`` of a source).

A new article (no template, no PO file in any language) whose segments are for the most part
the msgids of an orphaned article's files (as update compares them: a change of spaces or
quote style is none, ``pieces.loose_key``) takes those files over: update reads the
orphan's PO files as the new article's old catalogs and moves them (their translations,
comments and obsolete entries with them), so nothing is lost and git sees a rename.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from diglot.catalog.gather import read_po, read_translations
from diglot.catalog.pieces import loose_key
from diglot.project import Project
from diglot.source.reader import read_article


@dataclass(frozen=True)
class Rename:
    old: str  # the orphan's slug
    new: str  # the new article's slug
    matched: int  # the new article's distinct segments found exactly in the orphan
    segments: int  # the new article's distinct segments

    def describe(self, project: Project) -> str:
        source = project.config.source
        new = project.rel(project.source_path(self.new))  # its file's name, not its slug
        return (f"{source}/{self.old}.md → {new}: its translations follow "
                f"({self.matched} of {self.segments} segments match)")


def find_renames(project: Project, orphans: list[str]) -> list[Rename]:
    """Each orphan slug to at most one new article, the closest pairs first."""
    new = [s for s in project.slugs() if _is_new(project, s)]
    if not new or not orphans:
        return []
    known = {slug: _msgids(project, slug) for slug in orphans}
    scored = []
    for slug in new:
        texts = _segments(project, slug)
        for old, msgids in known.items():
            matched = len(texts & msgids)
            if texts and matched * 2 > len(texts):
                scored.append((-matched, slug, old, len(texts)))
    return _one_to_one(sorted(scored))


def _one_to_one(scored: list[tuple[int, str, str, int]]) -> list[Rename]:
    taken_old, taken_new, result = set(), set(), []
    for negative, new, old, total in scored:
        if new not in taken_new and old not in taken_old:
            taken_new.add(new)
            taken_old.add(old)
            result.append(Rename(old, new, -negative, total))
    return sorted(result, key=lambda r: r.new)


def _is_new(project: Project, slug: str) -> bool:
    return not project.template_path(slug).exists() and not any(
        project.po_path(lang, slug).exists() for lang in project.languages)


def _segments(project: Project, slug: str) -> set[str]:
    path = project.source_path(slug)
    # Compared loosely: a rename and ' → ’ in one commit was no rename (a translator's
    # review: 53 translations came back as fuzzy proposals, comments left behind).
    return {loose_key(b.text) for b in read_article(path, slug, project.rel(path)).segments}


def _msgids(project: Project, slug: str) -> set[str]:
    """The orphan's French: its template's, else the union of its PO files'."""
    path = project.template_path(slug)
    catalogs = [read_translations(project, path)] if path.exists() else [
        read_po(project, lang, slug) for lang in project.languages]
    return {loose_key(e.msgid) for c in catalogs if c is not None for e in c.entries
            if e.msgid and not e.obsolete}


def moved_files(project: Project, rename: Rename) -> list[tuple[Path, Path]]:
    """(old path, new path) of every file of the orphan that exists."""
    pairs = [(project.template_path(rename.old), project.template_path(rename.new))]
    pairs += [(project.po_path(lang, rename.old), project.po_path(lang, rename.new))
              for lang in project.languages]
    return [(old, new) for old, new in pairs if old.exists()]
