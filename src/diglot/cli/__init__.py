"""The ``diglot`` command line: a thin click skin over the use cases in ``diglot.commands``.

Every DiglotError becomes one line, ``Error: <path>:<line>: <message>``, and exit code 2;
a check that ran and found problems (``update --check``, ``check``, ``build --strict``)
exits 1. Heavy modules are imported inside the commands so ``diglot --help`` starts fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from diglot import __version__
from diglot.builders import FORMATS, REGISTRY
from diglot.cli.support import EXIT_FINDINGS, Context, common_options, locked, once, reports_errors
from diglot.safety import escaped


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-C", "--project", "root", type=click.Path(file_okay=False, path_type=Path),
              default=".", show_default=True, help="The project folder.")
@click.option("-q", "--quiet", is_flag=True, help="Print only warnings and errors.")
@click.option("--wait", type=click.FloatRange(min=0), default=0.0, metavar="SECONDS",
              help="Wait this long for another diglot run on the project to finish.")
@click.version_option(__version__, prog_name="diglot")
@click.pass_context
def main(click_ctx, root: Path, quiet: bool, wait: float) -> None:
    """Bilingual French/English editions from Markdown sources and PO translations."""
    click_ctx.obj = Context(root, quiet, wait)


@main.command()
@common_options
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any file would change.")
@click.option("--purge-obsolete", is_flag=True, help="Delete obsolete (#~) entries for good.")
@click.option("--article", metavar="SLUG", help="Only this article.", multiple=True, callback=once)
@click.option("--lang", metavar="LANG", help="Only this target language.", multiple=True,
              callback=once)
@click.option("--no-rename", is_flag=True,
              help="Do not move the PO files of an article that was renamed.")
@click.option("--no-memory", is_flag=True,
              help="Do not propose translations from the translation memory.")
@click.pass_obj
@reports_errors
def update(ctx: Context, check: bool, purge_obsolete: bool, article: str | None,
           lang: str | None, no_rename: bool, no_memory: bool) -> None:
    """Regenerate templates and update every PO file from the French sources."""
    from diglot.commands.update import update as run
    from diglot.project import selected_languages, selected_slugs

    project = ctx.project()
    with locked(ctx, project):
        languages = selected_languages(project, lang) if lang else None
        report = run(project, check, purge_obsolete, selected_slugs(project, article),
                     ctx.progress(), languages=languages, rename=not no_rename,
                     memory=not no_memory)
    ctx.warn(report.warnings)
    verb = {"created": "would create", "updated": "would update", "renamed": "would rename"} \
        if check else {}
    ctx.end_progress()
    for rename in report.renames:
        ctx.say(f"{'would follow' if check else 'followed'} a renamed article: "
                f"{rename.describe(project)}")
    for change in report.changed:
        ctx.say(f"{verb.get(change.action, change.action)} {_moved(project, change)}{_detail(change)}")
    ctx.say(f"{report.articles} article(s), {report.segments} segments: {len(report.changed)} of "
            f"{len(report.files)} files {'would change' if check else 'changed'} in {ctx.elapsed()}")
    if check and report.changed:
        sys.exit(EXIT_FINDINGS)


def _moved(project, change) -> str:
    if change.moved_from is None:
        return change.path
    return f"{project.rel(change.moved_from)} → {change.path}"


def _detail(change) -> str:
    if not change.path.endswith(".po"):
        return ""
    parts = [f"{change.fuzzy} fuzzy", f"{change.new} new", f"{change.obsolete} obsolete"]
    if change.refreshed:
        parts.append(f"{change.refreshed} with new references, comments or flags")
    purged, translated = change.purged
    if purged:
        parts.append(f"{purged} deleted for good, {translated} of them translated")
    if change.memory:
        parts.append(f"{change.memory} given a fuzzy proposal from memory")
    return f" ({', '.join(parts)})"


@main.command()
@common_options
@click.option("--format", "formats", type=click.Choice(list(REGISTRY)), multiple=True,
              help="Output format (repeatable); default: the 'formats' setting, else "
              + ", ".join(FORMATS) + ".")
@click.option("--article", metavar="SLUG", help="Only this article.", multiple=True, callback=once)
@click.option("--lang", metavar="LANG", help="Only this target language.", multiple=True,
              callback=once)
@click.option("--strict", is_flag=True,
              help="Fail if a language is below min_completeness or has fuzzy entries.")
@click.option("--force", is_flag=True, help="Rebuild every output, changed or not.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: the number of cores).")
@click.pass_obj
@reports_errors
def build(ctx: Context, formats: tuple[str, ...], article: str | None, lang: str | None,
          strict: bool, force: bool, jobs: int | None) -> None:
    """Write the side-by-side editions under build/: HTML pages and DOCX documents (EPUB
    books and PDF books on request)."""
    from diglot.commands.build import build as run
    from diglot.project import selected_languages, selected_slugs

    project = ctx.project()
    with locked(ctx, project):
        report = run(project, formats or None, selected_slugs(project, article),
                     selected_languages(project, lang), strict, force, jobs, ctx.progress())
    ctx.end_progress()
    ctx.warn(report.warnings)
    for path in report.written:
        ctx.detail(f"wrote {path}")
    for path in report.removed:
        ctx.say(f"removed {path} ({report.reasons.get(path, 'its article is gone')})")
    untranslated, fuzzy = report.waiting
    if untranslated or fuzzy:  # the editions mark them (French, a placeholder or a gap)
        ctx.say(f"not yet translated in the articles rebuilt: {untranslated} segment(s) "
                f"untranslated, {fuzzy} fuzzy (see diglot status)")
    if report.behind:
        ctx.say(f"not updated by --article: {', '.join(report.behind)} (a plain diglot build "
                "updates them)")
    ctx.say(f"{report.articles} article(s), {report.rebuilt} rebuilt ({report.segments} segments "
            f"read): {len(report.written)} file(s) written, {len(report.unchanged)} rebuilt but "
            f"unchanged, in {ctx.elapsed()}")


@main.command()
@common_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="text for people, json for scripts.")
@click.option("--changes", is_flag=True, help="List fuzzy entries with a word diff of the French.")
@click.option("--article", metavar="SLUG", help="Only this article.", multiple=True, callback=once)
@click.option("--lang", metavar="LANG", help="Only this target language.", multiple=True,
              callback=once)
@click.pass_obj
@reports_errors
def status(ctx: Context, fmt: str, changes: bool, article: str | None, lang: str | None) -> None:
    """Translation progress per article and language."""
    from diglot.commands import status as st
    from diglot.project import selected_languages, selected_slugs

    project = ctx.project()
    slugs, langs = selected_slugs(project, article), selected_languages(project, lang)
    _layout_warnings(ctx, project)
    if changes:
        return _print_changes(st.changes(project, slugs, langs), fmt)
    rows = st.status(project, slugs, langs)
    if fmt == "json":
        click.echo(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
        return
    _print_status(rows)


def _print_status(rows) -> None:
    from diglot.commands.status import totals

    shown = [*rows, *totals(rows)] if len(rows) > 1 else rows
    # As wide as the longest name: a cut name is no name --article takes.
    width = max([30, *(len(escaped(r.article)) for r in shown)])
    click.echo(f"{'article':{width}} {'lang':5} {'done':>6} {'segs':>5} {'trans':>5} {'fuzzy':>5} "
               f"{'untr':>5} {'obs':>4} {'words':>6} {'left':>6}")
    for r in shown:
        s = r.stats
        click.echo(f"{escaped(r.article):{width}} {r.language:5} {s.percent:5.1f}% {s.segments:5} "
                   f"{s.translated:5} {s.fuzzy:5} {s.untranslated:5} {s.obsolete:4} {s.words:6} "
                   f"{s.words_left:6}")


def _print_changes(found, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps([{"path": c.path, "line": c.line, "previous": c.previous,
                                "msgid": c.current, "diff": c.word_diff()} for c in found],
                              ensure_ascii=False, indent=2))
        return
    for c in found:
        click.echo(escaped(f"{c.path}:{c.line}: {c.word_diff()}"))
    click.echo(f"{len(found)} fuzzy entr{'y' if len(found) == 1 else 'ies'} to review")


@main.command()
@common_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="text for people, json for scripts.")
@click.option("--article", metavar="SLUG", help="Only this article.", multiple=True, callback=once)
@click.option("--lang", metavar="LANG", help="Only this target language.", multiple=True,
              callback=once)
@click.pass_obj
@reports_errors
def check(ctx: Context, fmt: str, article: str | None, lang: str | None) -> None:
    """QA the translations: markup, numbers, typography, spacing; exit 1 on any error.

    \b
    To silence a check on one entry, give it a translator comment:
      # diglot-ignore: numbers, length-ratio     (or: all)
    To change a check's severity for the project, in diglot.toml
    (or under [tool.diglot] in pyproject.toml):
      severity = {emphasis = "off", length-ratio = "error"}
    """
    from diglot.catalog.hints import missing_po
    from diglot.commands.check import check as run, has_errors
    from diglot.project import selected_languages, selected_slugs

    project = ctx.project()
    _layout_warnings(ctx, project)
    slugs, languages = selected_slugs(project, article), selected_languages(project, lang)
    findings = run(project, slugs, languages)
    ctx.warn(missing_po(project, slugs or project.slugs(), languages, "nothing of it is checked"))
    if fmt == "json":
        click.echo(json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            click.echo(escaped(f.as_text()))
        errors = sum(f.severity == "error" for f in findings)
        ctx.say(f"{errors} error(s), {len(findings) - errors} warning(s)")
    if has_errors(findings):
        sys.exit(EXIT_FINDINGS)


def _layout_warnings(ctx: Context, project) -> None:
    from diglot.catalog.placement import layout_warnings

    ctx.warn(layout_warnings(project))


def _register() -> None:
    """Command groups that live in their own modules."""
    from diglot.cli.align import align
    from diglot.cli.desk import init, serve
    from diglot.cli.review import review

    main.add_command(review)
    main.add_command(align)
    main.add_command(init)
    main.add_command(serve)


_register()
