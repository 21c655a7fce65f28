"""``diglot review import``: a reviewed DOCX → decisions per row → the PO file, rewritten
atomically only when an entry changed (an untouched document leaves the file as it is).

Per row: a changed English cell becomes the msgstr (Markdown from its Word formatting) and
the entry stops being fuzzy; "approved" in the State cell clears fuzzy; Word comments
become ``# review: author: text`` translator comments, and lines typed into the Comment
cell ``# review: text``. An entry that changed in the PO
since the export and was also edited is a conflict: the PO keeps its text and the
reviewer's version is kept as a ``# review suggestion:`` comment; so is an edit on a row
whose French changed since the export, on the entry update made of it. Any other row whose
entry is gone is stale. A row whose visible French is not the French of the entry its identity names
(a copied row, a crafted document) is inconsistent: then nothing at all is written.
An edit changes only the words of the msgstr the reviewer changed (``splice``); one that
would lose markup the cell cannot show is a conflict.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from diglot.catalog.gather import read_po, read_sources
from diglot.review.splice import splice
from diglot.safety import escaped, one_line
from diglot.source.inline import plain_text, spans
from diglot.po.model import Catalog, Entry
from diglot.project import Project
from diglot.review import belongs, identity, remarks
from diglot.review.docx_read import DocRow, ReviewDoc, read_review
from diglot.review.errors import ReviewError
from diglot.review.export import APPROVED
from diglot.review.manifest import Manifest, RowMark
from diglot.source.markdown_out import normalize, to_markdown
from diglot.catalog.suggestions import KEPT_CONTEXT, kept_suggestion
from diglot.catalog.pieces import loose_key
from diglot.catalog.store import encode, wrapped_as, written_as
from diglot.fsio import write_atomic
from diglot.review.protect import lost_markup
from diglot.review.report import (CHANGED, CONFLICT, INCONSISTENT, STALE, UNCHANGED, ImportReport,
                                  RowResult)
from diglot.model import FUZZY, TRANSLATED, UNTRANSLATED

# What a State cell may say: as exported, or an approval (in the document's words, or a
# French reviewer's).
_APPROVALS = frozenset({APPROVED, "approuvé", "approuve"})
_STATES = _APPROVALS | {TRANSLATED, FUZZY, UNTRANSLATED, ""}


def import_review(project: Project, path: Path, dry_run: bool = False,
                  article: str | None = None) -> ImportReport:
    """Apply the review document at ``path`` to its PO file (unless ``dry_run``); to the
    PO file of ``article`` instead of the one it names, when that article was renamed since
    the export (rows are matched by identity and visible French, so nothing else changes)."""
    shown = project.rel(path.absolute())
    doc = read_review(path, shown)
    slug, lang = belongs.article(project, doc.manifest, shown, article), doc.manifest.lang
    po_path = project.po_path(lang, slug)
    catalog = read_po(project, lang, slug)
    if catalog is None:
        raise ReviewError(f"the PO file {project.rel(po_path)} this document was exported from "
                          "no longer exists", shown)
    articles = read_sources(project, [slug]).articles
    plan = _Plan(catalog, articles[0].references if articles else {})
    report = ImportReport(shown, project.rel(po_path))
    report.rows = plan.apply(doc)
    report.warnings = belongs.elsewhere(project, doc.manifest) + plan.warnings + belongs.stray(doc)
    if plan.changed and not dry_run and not report.blocked:
        wrap = wrapped_as(po_path, project.config.wrap)
        data = written_as(encode(plan.catalog(), wrap, report.po), po_path, report.po)
        write_atomic(po_path, data, report.po,
                     project.area(project.translations_dir))
        report.written = True
    return report


class _Plan:
    """The decisions for one document against the PO as it is now."""

    def __init__(self, catalog: Catalog, refs) -> None:
        self._catalog, self._refs = catalog, refs
        self._entries = {identity.entry_key(e): i for i, e in enumerate(catalog.entries)
                         if not e.obsolete and e.msgid_plural is None}
        self._new: dict[int, Entry] = {}
        self._kept: dict[str, Entry] = {}  # stale rows' edits, kept as obsolete entries
        # msgid → its obsolete entry's index, or False for an active one
        self._msgids = {e.msgid: i if e.obsolete else False for i, e in enumerate(catalog.entries)
                        if e.msgctxt is None}
        self._earlier = {e.msgid: i for i, e in enumerate(catalog.entries) if kept_suggestion(e)}
        self._previous: dict[str, list[int]] | None = None  # see _successor
        self.warnings: list[str] = []

    @property
    def changed(self) -> bool:
        return bool(self._kept) or any(self._catalog.entries[i] != e for i, e in self._new.items())

    def catalog(self) -> Catalog:
        entries = [self._new.get(i, e) for i, e in enumerate(self._catalog.entries)]
        return replace(self._catalog, entries=entries + list(self._kept.values()))

    def apply(self, doc: ReviewDoc) -> list[RowResult]:
        by_key = {m.key: m for m in doc.manifest.rows}
        by_number = {str(m.number): m for m in doc.manifest.rows}
        seen: dict[str, str] = {}
        results = []
        for row in doc.rows:
            mark = _mark_of(row, by_key, by_number)
            label = str(mark.number) if mark else row.number or f"at position {row.position}"
            if mark is not None and mark.key in seen:
                results.append(RowResult(label, INCONSISTENT, reason=f"repeats row "
                                         f"{seen[mark.key]} (the same entry twice)"))
                continue
            if mark is not None:
                seen[mark.key] = label
            results.append(self._row(row, mark, label))
        self._missing(doc.manifest, seen)
        return results

    def _row(self, row: DocRow, mark: RowMark | None, label: str) -> RowResult:
        if not row.readable:
            return RowResult(label, STALE, reason="its cells were merged or split; not read")
        if mark is None:
            return RowResult(label, STALE, reason="not a row of the exported table")
        index = self._entries.get(mark.key)
        if index is None:
            return self._gone(row, mark, label)
        entry = self._catalog.entries[index]
        self._read_state(row, label)
        if not _same_french(row.french, plain_text(entry.msgid, self._refs)):
            return RowResult(label, INCONSISTENT, entry.line,
                             reason=f"its French ({_clip(row.french)}) is not the French of the "
                                    "entry its hidden identity names; was the row copied or "
                                    "the French edited?")
        return self._settle(index, self._decide(row, mark, entry, label))

    def _gone(self, row: DocRow, mark: RowMark, label: str) -> RowResult:
        """A row whose entry is gone: its French changed since the export. A reviewer's
        edit goes, as a suggestion, to the entry ``update`` made of it (the one whose
        ``#|`` is that French); else it is stale, the reviewer's text in the report."""
        read = normalize(row.english)
        edited = identity.shown_fingerprint(read) != mark.shown
        index = self._successor(row.french) if edited else None
        if index is None:
            text = f"; the reviewer's text: {_clip(to_markdown(read).text)}" if edited else ""
            kept = self._keep(row.french, to_markdown(read).text) if edited else ""
            return RowResult(label, STALE, reason=f"its French is no longer in the PO file: "
                                                  f"{_clip(row.french)}{text}{kept}")
        entry = self._catalog.entries[index]
        base = RowResult(label, CHANGED, entry.line, entry.msgstr)
        notes = remarks.of_row(row, mark, entry)
        return self._settle(index, self._suggested(base, to_markdown(read).text, entry, notes,
                                                   "its French changed since the export"))

    def _keep(self, french: str, english: str) -> str:
        """A stale row's edit kept in the PO file as an obsolete entry of its French, which
        ``update``'s memory proposes to the French that replaced it (a translator's review:
        the reviewer's translation was only printed)."""
        if not (english.strip() and french.strip()) or french in self._kept or \
                self._msgids.get(french) is False:
            return ""  # (an empty French cell, a link's: msgid "" is the header's)
        earlier = self._earlier.get(french)  # an earlier import kept one for this French
        if earlier is not None and self._catalog.entries[earlier].msgstr == english:
            return " (kept already)"  # the same document imported again
        index = self._msgids.get(french, earlier)
        if index is not None:  # a translation kept of the old French: beside it, then
            old = self._new.get(index, self._catalog.entries[index])
            note = "review suggestion: " + escaped(english)  # one line, as read back
            if note not in old.translator_comments:
                self._new[index] = replace(old, translator_comments=(*old.translator_comments, note))
            return " (kept beside its obsolete entry's translation, as a review suggestion)"
        self._kept[french] = Entry(french, english, KEPT_CONTEXT, obsolete=True, translator_comments=(
            "review: its French changed since the export; update proposes it to the new French",))
        return " (kept as an obsolete entry, for update to propose)"

    def _successor(self, french: str) -> int | None:
        """The one entry whose ``#|`` is this French; the map is made once (a search per
        row was quadratic: 2,000 changed rows took a minute)."""
        if self._previous is None:
            self._previous = {}
            for i, e in enumerate(self._catalog.entries):
                if e.previous_msgid and not e.obsolete:
                    key = _loose_french(plain_text(e.previous_msgid, self._refs))
                    self._previous.setdefault(key, []).append(i)
        found = self._previous.get(_loose_french(french), [])
        return found[0] if len(found) == 1 else None

    def _settle(self, index: int, result: RowResult) -> RowResult:
        entry = self._catalog.entries[index]
        if result.notes or _rewrites(result):
            self._new[index] = _updated(entry, result)
        if result.status == CHANGED and self._new.get(index, entry) == entry:
            result = replace(result, status=UNCHANGED)
        return result

    def _decide(self, row: DocRow, mark: RowMark, entry: Entry, label: str) -> RowResult:
        read = normalize(row.english)
        notes = remarks.of_row(row, mark, entry)
        base = RowResult(label, CHANGED, entry.line, entry.msgstr)
        po_changed = identity.po_fingerprint(entry) != mark.po
        if identity.shown_fingerprint(read) != mark.shown:
            return self._edited(base, read, entry, po_changed, notes)
        approve = row.state in _APPROVALS and entry.fuzzy and bool(entry.msgstr)
        if approve and po_changed:
            return replace(base, status=CONFLICT, notes=remarks.fresh(entry, notes),
                           reason="approved, but changed in the PO file since the export")
        return replace(base, approved=approve, notes=remarks.fresh(entry, notes))

    def _edited(self, base: RowResult, read, entry: Entry, po_changed: bool,
                notes: list[str]) -> RowResult:
        markdown = to_markdown(read)
        if po_changed and self._reads_same(markdown.text, entry.msgstr):
            # translator and reviewer made the same fix: nothing to choose between
            return replace(base, status=UNCHANGED, notes=remarks.fresh(entry, notes))
        spliced = None if po_changed else splice(entry.msgstr, read, self._refs)
        if spliced is None:
            return self._suggested(base, markdown.text, entry, notes,
                                   "changed in the PO file since the export" if po_changed else
                                   "the edit touches markup the cell cannot show (an image, a "
                                   "link title or scheme, a reference link, an entity)")
        if not spliced.exact:
            self.warnings.append(f"row {base.row}: some bold or italic at the edge of "
                                 "punctuation cannot be written in Markdown and was dropped; "
                                 "check the translation")
        lost = lost_markup(entry.msgstr, spliced.text, self._refs, entry.msgid)
        if lost:
            return self._suggested(base, markdown.text, entry, notes,
                                   f"the edit takes out {', '.join(lost)}; not applied")
        # An edit clears fuzzy as an approval does: the report says so (``approved``).
        return replace(base, new=spliced.text, approved=entry.fuzzy, notes=remarks.fresh(entry, notes))

    @staticmethod
    def _suggested(base: RowResult, text: str, entry: Entry, notes: list[str],
                   reason: str) -> RowResult:
        """A conflict: the PO keeps its text, the reviewer's is kept as a suggestion."""
        suggestion = "review suggestion: " + escaped(text)
        return replace(base, status=CONFLICT, new=text, notes=remarks.fresh(entry, [suggestion, *notes]),
                       reason=reason)

    def _read_state(self, row: DocRow, label: str) -> None:
        """A State the import does not read is said, not silently passed over (a reviewer
        who typed "OK" meant something)."""
        if row.state not in _STATES:
            self.warnings.append(f"row {label}: its State “{row.state}” is not one diglot "
                                 f"reads; write “{APPROVED}” to approve the translation as "
                                 "it stands (the row's other cells were read)")

    def _reads_same(self, one: str, other: str) -> bool:
        return normalize(spans(one, self._refs)) == normalize(spans(other, self._refs))

    def _missing(self, manifest: Manifest, seen: dict[str, str]) -> None:
        for mark in manifest.rows:
            if mark.key not in seen and mark.key in self._entries:
                self.warnings.append(f"row {mark.number} is missing from the document; its "
                                     "entry is left as it is")


def _same_french(shown: str, msgid: str) -> bool:
    """The row's French is its entry's, as the document shows it: typeset (no-break spaces,
    ’ for '), so compared without its spaces and with one kind of each quote."""
    return _loose_french(shown) == _loose_french(msgid)


def _loose_french(text: str) -> str:
    return loose_key(one_line(text))


def _mark_of(row: DocRow, by_key: dict, by_number: dict) -> RowMark | None:
    """The exported row this one is: by its hidden bookmark, else by its number."""
    for key in row.keys:
        if key in by_key:
            return by_key[key]
    return by_number.get(row.number)


def _updated(entry: Entry, result: RowResult) -> Entry:
    updated = replace(entry, translator_comments=entry.translator_comments + result.notes)
    if _rewrites(result):
        text = result.new if result.new is not None else entry.msgstr
        updated = replace(updated.with_flag("fuzzy", False), msgstr=text,
                          previous_msgctxt=None, previous_msgid=None,
                          previous_msgid_plural=None)
    return updated


def _rewrites(result: RowResult) -> bool:
    """Whether the msgstr is set (and fuzzy cleared): an edit, or an approval."""
    return result.status == CHANGED and (result.new is not None or result.approved)


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"
