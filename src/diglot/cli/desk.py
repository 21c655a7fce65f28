"""The desk commands: ``diglot init`` (start an edition) and ``diglot serve`` (live preview)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from diglot.cli.support import Context, common_options, reports_errors


@click.command()
@common_options
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.pass_obj
@reports_errors
def init(ctx: Context, folder: Path | None) -> None:
    """Start a new edition in FOLDER (default: the project folder): settings, an example
    article, and a .gitignore. Writes nothing over existing files."""
    from diglot.commands.init import init as run

    # A folder named from -C's project folder, as git -C and make -C read names
    scaffold = run(ctx.root / folder if folder is not None else ctx.root)
    shown = _shown(scaffold.root)
    where = "here" if shown == "." else f"in {shown}/"
    ctx.say(f"Created an edition {where}: {', '.join(scaffold.created)}")
    if scaffold.to_ignore:
        ctx.say(f"Kept your .gitignore; add these lines to it: {'  '.join(scaffold.to_ignore)}")
    go = "" if shown == "." else f"cd {shown} && "
    ctx.say("Next:")
    made = f"translations/en/{scaffold.example}.po" if scaffold.example else \
        "translations/en/<article>.po for each article"
    ctx.say(f"  {go + 'diglot update':33} # {made}, for Poedit or any PO editor")
    ctx.say(f"  {'diglot serve':33} # a live preview at http://127.0.0.1:8000/ while you "
            "translate")
    ctx.say(f"  {'diglot build':33} # the editions in build/html/ and build/docx/")


def _shown(path: Path) -> str:
    """The folder as the user would type it: relative to here when it is below here."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


@click.command()
@common_options
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The port on 127.0.0.1 (0: any free port).")
@click.pass_obj
@reports_errors
def serve(ctx: Context, port: int) -> None:
    """Preview the HTML edition at http://127.0.0.1:PORT/, rebuilt and reloaded in the
    browser on every save; segments are marked fuzzy, untranslated or with their QA
    findings. Ctrl-C stops it."""
    from diglot.commands.serve import serve as run

    run(ctx.root, port, ctx.say, lambda line: click.echo(line, err=True))
