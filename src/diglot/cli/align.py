"""``diglot align``: the click skin over ``diglot.commands.align`` — options in, summary out."""

from __future__ import annotations

from pathlib import Path

import click

from diglot.cli.support import Context, common_options, locked, reports_errors

LISTED = 50  # unmatched English paragraphs listed by line, then a count


@click.command()
@common_options
@click.argument("slug")
@click.argument("english_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", metavar="LANG",
              help="Target language of the PO file (default: the project's first).")
@click.option("--overwrite", is_flag=True, help="Replace translations already in the PO file.")
@click.option("--accept-above", type=click.FloatRange(0.0, 1.0), metavar="SCORE",
              help="Mark proposals with at least this confidence translated, not fuzzy.")
@click.pass_obj
@reports_errors
def align(ctx: Context, slug: str, english_file: Path, lang: str | None, overwrite: bool,
          accept_above: float | None) -> None:
    """Propose a PO file for SLUG from an existing English text (Markdown, plain text or
    .docx): fuzzy entries with their confidence, and a review page, weakest pairs first."""
    from diglot.commands.align import align_article

    project = ctx.project()
    lang = lang or project.languages[0]
    with locked(ctx, project):
        report = align_article(project, slug, english_file, lang,
                               overwrite, accept_above)
    _summary(ctx, report)


def _summary(ctx: Context, report) -> None:
    from diglot.align.model import BANDS, band

    al, counts = report.alignment, report.counts
    bands = {name: sum(band(b.confidence) == name for b in al.pairs) for name in BANDS}
    ctx.say(f"aligned {len(al.french)} French segments with {len(al.english)} English "
            f"in {ctx.elapsed()}")
    ctx.say(f"  pairs: {len(al.pairs)} ({bands['high']} high ≥0.8, {bands['medium']} medium, "
            f"{bands['low']} low <0.5)")
    ctx.say(f"  merges (French paragraphs joined in one English): {len(al.merges)}; "
            f"splits (one French in several English): {len(al.splits)}")
    ctx.say(f"  French without English: {len(al.of_shape('1-0'))}; "
            f"English unmatched: {len(al.of_shape('0-1'))}")
    ctx.say(f"  proposals: {counts.proposed} ({counts.accepted} accepted as translated); "
            f"translations kept: {counts.kept}")
    for path in report.written:
        ctx.say(f"wrote {path}")
    _unmatched(ctx, report)


def _unmatched(ctx: Context, report) -> None:
    al = report.alignment
    left = [al.english[b.en[0]] for b in al.of_shape("0-1")]
    if left:
        ctx.say("English text that matched nothing:")
    for block in left[:LISTED]:
        text = block.text if len(block.text) <= 70 else block.text[:69] + "…"
        ctx.say(f"  {report.english_path}:{block.line}: {text}")
    if len(left) > LISTED:
        ctx.say(f"  … and {len(left) - LISTED:,} more (the review page lists them)")
