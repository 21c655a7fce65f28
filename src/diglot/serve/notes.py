"""What the preview tells about an article beyond its page: ``diglot check``'s findings and
the fuzzy drafts (with where the translation memory found one), by msgid; and, when the
French changed since its PO file was updated, the PO file as ``diglot update`` would leave
it, with a line saying so.
"""

from __future__ import annotations

from diglot.builders import PreviewNotes
from diglot.catalog.gather import read_po
from diglot.catalog.plan import plan_catalog
from diglot.commands.check import check
from diglot.errors import DiglotError
from diglot.project import Project


def ahead(project: Project, slug: str, lang: str, template):
    """The PO file as ``diglot update`` would leave it (the French changed since: a changed
    passage shows its old translation as a draft, not as untranslated), and what to say
    when that is not the file as it stands."""
    plan = plan_catalog(project, slug, lang, template=template)
    known = {e.msgid for e in plan.old.active} if plan.old is not None else set()
    behind = sum(1 for e in plan.catalog.active if e.msgid not in known)
    if not behind:
        return plan.catalog, ((), {})
    po = project.rel(project.po_path(lang, slug))
    fuzzy = {e.msgid: _draft(e) for e in plan.catalog.active if e.fuzzy and e.msgstr}
    said = f"{po} is not made yet" if plan.old is None else \
        f"{po} is behind the French ({behind} passage(s) changed or new): shown as update will leave it"
    return plan.catalog, ((f"{said}; run diglot update",), fuzzy)


def notes(project: Project, slug: str, lang: str, generation: str) -> PreviewNotes:
    """The article's QA findings (``diglot check``'s) and fuzzy drafts, by msgid."""
    try:
        catalog = read_po(project, lang, slug)
        found = check(project, [slug], (lang,), sources=False) if catalog is not None else []
    except DiglotError:  # changed again since it was read: the next rebuild follows
        return PreviewNotes(generation)
    if catalog is None:
        return PreviewNotes(generation)
    msgids = {e.line: e.msgid for e in catalog.entries}
    findings: dict[str, tuple[str, ...]] = {}
    for f in found:
        line = f"{f.severity} [{f.check}] {f.message}"
        findings[msgids.get(f.line, "")] = (*findings.get(msgids.get(f.line, ""), ()), line)
    fuzzy = {e.msgid: _draft(e) for e in catalog.active if e.fuzzy and e.msgstr}
    return PreviewNotes(generation, findings, fuzzy)


def _draft(entry) -> str:
    """A fuzzy entry's draft, and where the translation memory found it, if it did."""
    origin = next((c for c in entry.translator_comments if c.startswith("memory:")), "")
    return f"{entry.msgstr} ({origin})" if origin else entry.msgstr
