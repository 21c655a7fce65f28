"""``diglot review export``: one article's PO file → a review DOCX for Word or LibreOffice.

The document is a title, a few lines of instructions and a table with one row per PO entry
in file (source) order: row number, French (shaded: read-only by convention), English (the
column reviewers edit), state and translator comments. Inline Markdown is rendered as Word
formatting by the edition's own InlineWriter. Each row's number cell holds a hidden
bookmark naming its entry, and the manifest (see ``manifest``) records what was exported.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Twips

from diglot import locales
from diglot.catalog.translate import state_of
from diglot.ooxml import page
from diglot.ooxml import styles as docx_styles
from diglot.ooxml import xml as x
from diglot.ooxml.package import saved
from diglot.ooxml.runs import InlineWriter
from diglot.ooxml.styles import SHORT_ROW, sid
from diglot.fsio import write_atomic
from diglot.catalog.gather import read_po, read_sources
from diglot.source.inline import plain_text, spans
from diglot.po.model import Entry
from diglot.paths import Area
from diglot.project import Project, selected_languages
from diglot.review import identity
from diglot.errors import BuildError
from diglot.review.errors import ReviewError
from diglot.review.manifest import Manifest, RowMark, attach
from diglot.source.markdown_out import normalize

# Shares of the text width (landscape): #, French, English, State, Comment.
SHARES = (5, 36, 36, 9, 14)
FRENCH_FILL = "EDEDED"
APPROVED = "approved"  # the State value that approves a fuzzy entry as it stands
INSTRUCTIONS = (
    ("Edit the English column only, directly or with Track Changes on (changes are taken as "
     "accepted). Bold, italic, code and links are kept as you format them."),
    f"To approve a fuzzy translation as it stands, replace its State with “{APPROVED}”.",
    ("Grey text such as ![alt text](images/a.png) or [^1] is an image or a footnote call, "
     "written as the translation has it: edit an alt text between its brackets, and keep the "
     "rest (an edit that takes one out is not applied)."),
    ("Add remarks as Word comments on a row, or type them into its Comment cell: they reach "
     "the translator. Leave the # and French columns as they are, and do not add, remove or "
     "reorder rows."),
)


@dataclass(frozen=True)
class Exported:
    path: Path
    shown: str  # project-relative path, for messages
    rows: int


def default_path(project: Project, slug: str, lang: str) -> Path:
    return project.output_dir / "review" / f"{project.output_name(slug)}.{lang}.docx"


def export_review(project: Project, slug: str, lang: str, out: Path | None = None) -> Exported:
    """Write the review document of ``slug`` (an article's name, its file name or its
    source path) in ``lang`` (to ``out`` or the default path)."""
    data, manifest = review_document(project, slug, lang)
    path, area = _target(project, manifest.article, lang, out)
    write_atomic(path, data, project.rel(path), area)
    return Exported(path, project.rel(path), len(manifest.rows))


def _target(project: Project, slug: str, lang: str, out: Path | None) -> tuple[Path, Area]:
    """Where the document goes, and the folder it must stay in. ``-o`` names a ``.docx``
    inside the project, never a source, a translation or the configuration."""
    if out is None:
        return default_path(project, slug, lang), project.area(project.output_dir)
    path = out.absolute()
    shown = project.rel(path)
    if path.suffix.lower() != ".docx":
        raise ReviewError("a review document is a .docx file; give -o a name ending in .docx",
                          shown)
    real = project.area().check(path, shown)
    for folder in (project.source_dir, project.translations_dir):
        if real.is_relative_to(folder.resolve()):
            raise ReviewError(f"-o names a file in '{project.rel(folder)}/', which holds the "
                              "sources and translations diglot never overwrites; write the "
                              "review document elsewhere (default: build/review/)", shown)
    if project.config_path is not None and real == project.config_path.resolve():
        raise ReviewError("-o names the project's configuration file", shown)
    return path, project.area()


def review_document(project: Project, slug: str, lang: str) -> tuple[bytes, Manifest]:
    """The DOCX bytes and the manifest they carry."""
    slug = project.check_slug(slug)
    selected_languages(project, lang)
    po_path = project.po_path(lang, slug)
    catalog = read_po(project, lang, slug)
    if catalog is None:
        raise ReviewError(f"no PO file for '{slug}' in '{lang}'; run 'diglot update' first",
                          project.rel(po_path))
    articles = read_sources(project, [slug]).articles
    refs = articles[0].references if articles else {}
    title = articles[0].title if articles else slug
    entries = [e for e in catalog.entries if not e.obsolete and e.msgid_plural is None]
    book = _Book(project, lang, refs)
    try:
        marks = book.fill(title, entries)
    except BuildError as exc:  # the runs' bound: named after the PO file it reads
        raise ReviewError(exc.message, project.rel(po_path)) from None
    built = locales.build_time()
    manifest = Manifest(identity.project_identity(project), slug, lang, project.rel(po_path),
                        built.isoformat(), tuple(marks))
    attach(book.document, manifest)
    page.properties(book.document, f"Review: {plain_text(title, refs)}", "",
                    f"diglot review {slug} {lang}", book.tags[1], built)
    page.settings(book.document, False)
    # Stamped like the editions: two exports of the same PO state are the same file.
    return saved(book.document, built), manifest


class _Book:
    """The review document being assembled."""

    def __init__(self, project: Project, lang: str, refs) -> None:
        config = project.config
        self.langs = (config.source_language, lang)
        self.tags = (config.proofing_tag(self.langs[0]), config.proofing_tag(lang))
        self.refs = refs
        blank, width = _blank(config.page_size, self.tags[1])
        self.document = deepcopy(blank)
        self.widths = [width * share // 100 for share in SHARES]
        self.writer = InlineWriter(self.document.part, config.french_spacing)
        self.body = self.document.element.body

    def fill(self, title: str, entries: list[Entry]) -> list[RowMark]:
        # Everything goes before the body's final section properties.
        end = self.body[-1]
        scratch = x.el("w:body")
        heading = x.paragraph(scratch, sid("Title"))
        x.run(heading, "Review: ", self.tags[1])
        x.run(heading, plain_text(title, self.refs).replace("\n", " "), self.tags[0])
        for line in INSTRUCTIONS:
            x.run(x.paragraph(scratch, sid("Body Text")), line, self.tags[1])
        for child in list(scratch):
            end.addprevious(child)
        table = x.table(self.widths, True, 100)
        end.addprevious(table)
        self._header(table)
        return [self._row(table, number, entry) for number, entry in enumerate(entries, 1)]

    def _header(self, table) -> None:
        tr = x.row(table, header=True)
        names = ("#", locales.language_name(self.langs[0]).capitalize(),
                 locales.language_name(self.langs[1]).capitalize(), "State", "Comment")
        for width, name in zip(self.widths, names):
            x.run(x.paragraph(x.cell(tr, width), sid("Column Heading")), name, self.tags[1])

    def _row(self, table, number: int, entry: Entry) -> RowMark:
        key = identity.entry_key(entry)
        tr = x.row(table, cant_split=len(entry.msgid) < SHORT_ROW)
        cell = x.paragraph(x.cell(tr, self.widths[0]), None)
        x.bookmark_start(cell, identity.bookmark_name(key), number)
        x.run(cell, str(number), self.tags[1])
        x.bookmark_end(cell, number)
        french = x.paragraph(x.cell(tr, self.widths[1], shade=FRENCH_FILL), None)
        self.writer.write(french, entry.msgid, self.tags[0], self.refs)
        english = x.paragraph(x.cell(tr, self.widths[2]), None)
        # The English as the PO file holds it, never typeset: it is what the reviewer edits
        # and what the import compares with (identity.shown_fingerprint, below).
        self.writer.put(english, spans(entry.msgstr, self.refs), self.tags[1])
        x.run(x.paragraph(x.cell(tr, self.widths[3]), None), state_of(entry), self.tags[1])
        notes = x.cell(tr, self.widths[4])
        for line in entry.translator_comments or ("",):
            x.run(x.paragraph(notes, None), line, self.tags[1])
        shown = identity.shown_fingerprint(normalize(spans(entry.msgstr, self.refs)))
        return RowMark(number, key, identity.po_fingerprint(entry), shown,
                       identity.notes_fingerprint(entry.translator_comments))


@lru_cache(maxsize=4)
def _blank(page_size: str, tag: str):
    """The empty review document and its text width (twips), made once a process
    (installing the styles was a third of a small article's export) and pruned as the
    editions' are (800 kB of styles no review document uses, read again by each import)."""
    document = Document()
    width = _landscape(document.sections[0], page_size)
    docx_styles.install(document, tag, width)
    docx_styles.prune(document)
    return document, width


def _landscape(section, page_size: str) -> int:
    """Turn the page: five columns need the width. Returns the text width (twips)."""
    page.setup(section, page_size)
    width, height = page.PAGE_SIZES[page_size]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Twips(height), Twips(width)
    return height - 2 * page.SIDE
