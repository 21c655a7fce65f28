"""``diglot review``: export a review DOCX for an editor, import the reviewed DOCX back into
the PO file. A thin click skin over ``diglot.review``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from diglot.cli.support import EXIT_FINDINGS, Context, common_options, locked, reports_errors
from diglot.safety import escaped


@click.group()
def review() -> None:
    """Review translations in Word or LibreOffice: export a table, import the edits."""


@review.command("export")
@common_options
@click.argument("slug")
@click.option("--lang", metavar="LANG", help="Target language (default: the first).")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the DOCX (default: build/review/<slug>.<lang>.docx).")
@click.pass_obj
@reports_errors
def export(ctx: Context, slug: str, lang: str | None, out: Path | None) -> None:
    """Write the review document of article SLUG and print its path."""
    from diglot.review.export import export_review

    project = ctx.project()
    with locked(ctx, project):
        done = export_review(project, slug, lang or project.languages[0],
                             out)
    click.echo(escaped(done.shown))


@review.command("import")
@common_options
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Print the changes; write nothing.")
@click.option("--article", metavar="SLUG",
              help="Import into this article (the document's was renamed since the export).")
@click.pass_obj
@reports_errors
def import_(ctx: Context, file: Path, dry_run: bool, article: str | None) -> None:
    """Apply a reviewed document's English column, approvals and comments to its PO file.

    An edited English cell becomes the translation (no longer fuzzy); a State cell set to
    "approved" clears fuzzy; Word comments and lines typed in the Comment column become
    "# review:" translator comments. Exit code 1 when rows are in conflict (changed in the
    PO since the export) or stale (their French is gone)."""
    from diglot.review.importer import import_review

    project = ctx.project()
    if dry_run:
        report = import_review(project, file, dry_run=True, article=article)
    else:
        with locked(ctx, project):
            report = import_review(project, file, article=article)
    ctx.warn(report.warnings)
    for line in _row_lines(report):
        ctx.say(line)
    ctx.say(_summary(report, dry_run))
    if report.findings:
        sys.exit(EXIT_FINDINGS)


def _row_lines(report) -> list[str]:
    from diglot.commands.status import word_diff
    from diglot.review.report import CHANGED, CONFLICT, INCONSISTENT, STALE

    lines = []
    for r in report.rows:
        where = f"{report.po}:{r.line}" if r.line else report.document
        where += f": row {r.row}"
        if r.status == CHANGED and r.new is not None:
            approved = " (no longer fuzzy)" if r.approved else ""
            lines.append(f"{where}: {word_diff(r.old, r.new)}{approved}")
        elif r.status == CHANGED and r.approved:
            lines.append(f"{where}: approved (no longer fuzzy)")
        elif r.status == CONFLICT:
            lines.append(f"{where}: conflict: {r.reason}; the reviewer's version is kept as a "
                         "'review suggestion' comment")
        elif r.status == STALE:
            lines.append(f"{where}: stale: {r.reason}")
        elif r.status == INCONSISTENT:
            lines.append(f"{where}: inconsistent: {r.reason}")
        lines += [f"{where}: comment: {note}" for note in r.notes
                  if not note.startswith("review suggestion:")]
    return lines


def _summary(report, dry_run: bool) -> str:
    from diglot.review.report import CHANGED, CONFLICT, INCONSISTENT, STALE, UNCHANGED

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    counts = (f"{plural(report.count(CHANGED), 'row')} changed, {report.count(UNCHANGED)} "
              f"unchanged, {plural(report.count(CONFLICT), 'conflict')}, "
              f"{report.count(STALE)} stale")
    if report.blocked:
        return (f"{counts}, {report.count(INCONSISTENT)} inconsistent: nothing written (rows "
                "do not match the entries they name; export the document again)")
    if dry_run:
        return f"{counts} (dry run: nothing written)"
    return f"{counts}; {'wrote ' + report.po if report.written else report.po + ' unchanged'}"
