"""What every diglot command shares: the run context, error reporting and the project lock.

Every line that may quote a file (a message, a warning, a finding) goes through
``safety.escaped``: escape sequences, carriage returns and undecodable bytes from a file
are shown as escapes, never sent raw to the terminal.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import time
from pathlib import Path

import click

from diglot.errors import DiglotError, FindingsError
from diglot.safety import escaped

EXIT_FINDINGS, EXIT_ERROR = 1, 2


class Context:
    def __init__(self, root: Path, quiet: bool, wait: float):
        self.root, self.quiet, self.wait = root, quiet, wait
        self.started = time.monotonic()
        self.progressing = False

    def project(self):
        from diglot.project import Project

        return Project.load(self.root)

    def end_progress(self) -> None:
        """Clear the progress line before anything else is printed."""
        if self.progressing:
            click.echo("\r\033[K", err=True, nl=False)
            self.progressing = False

    def say(self, message: str) -> None:
        self.end_progress()
        if not self.quiet:
            click.echo(escaped(message))

    def detail(self, message: str) -> None:
        """Per-file lines: on a terminal only, so a piped run prints just its summary."""
        if not self.quiet and sys.stdout.isatty():
            click.echo(escaped(message))

    def progress(self):
        """A progress callback for long runs: per-article lines on a terminal's stderr."""
        if self.quiet or not sys.stderr.isatty():
            return None
        self.progressing = True
        return lambda message: click.echo(f"\r\033[K{escaped(message)}", err=True, nl=False)

    def warn(self, warnings: list[str]) -> None:
        self.end_progress()
        for warning in warnings:
            click.echo(f"Warning: {escaped(warning)}", err=True)

    def elapsed(self) -> str:
        return f"{time.monotonic() - self.started:.2f}s"


def once(ctx, param, values: tuple[str, ...]) -> str | None:
    """The value of an option a command takes once. Declared ``multiple=True`` so that a
    second one is an error: click keeps the last and drops the first in silence (``check
    --article nope --article b`` checked b and said nothing of nope)."""
    if len(values) > 1:
        raise click.BadParameter(f"given {len(values)} times ({', '.join(values)}); give it "
                                 "once", ctx=ctx, param=param)
    return values[0] if values else None


def _reader_gone() -> None:
    """The reader of our output stopped (``diglot status | head -1``): stop as other tools
    do, silently; Python would complain again when it flushes stdout at exit."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(141)  # 128 + SIGPIPE, what a shell reports for a command a pipe stopped


def reports_errors(command):
    """Turn library errors into one ``Error:`` line and an exit code; never a traceback.
    Running out of memory, nesting too deep for Python, or an operating-system failure no
    module foresaw is one line too: every write is atomic, so nothing is half-written."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except FindingsError as exc:  # a check that ran found problems (build --strict)
            for line in exc.problems:
                click.echo(escaped(line), err=True)
            click.echo(f"{len(exc.problems)} file(s) not ready; nothing was written", err=True)
            sys.exit(EXIT_FINDINGS)
        except DiglotError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            click.echo("Error: interrupted; files are either fully written or untouched", err=True)
            sys.exit(130)
        except BrokenPipeError:
            _reader_gone()
        except MemoryError:
            _fail("out of memory; the input is too large for this machine (see 'Safety' in "
                  "the README for diglot's bounds)")
        except RecursionError:
            _fail("the input nests too deeply to be read")
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            _fail(f"{where}{exc.strerror or exc}")

    return wrapper


def _fail(message: str) -> None:
    click.echo(f"Error: {escaped(message)}", err=True)
    sys.exit(EXIT_ERROR)


@contextlib.contextmanager
def locked(ctx: Context, project):
    """The project lock; taken only once the folder is known to be a project, so a
    mistaken run elsewhere leaves no lock file behind. Holding it, the run first deletes
    the temporary files a killed run left (no other run can be writing them)."""
    from diglot.fsio import remove_stale_temps
    from diglot.lock import project_lock

    project.slugs()
    with project_lock(project.root, ctx.wait):
        remove_stale_temps(project.area(), [project.root, project.translations_dir,
                                            project.output_dir])
        yield


def common_options(command):
    """``-C DIR``, ``-q`` and ``--wait SECONDS`` after the command name too (``diglot build
    -q``; the lock's message says "use --wait SECONDS", and users type it there)."""

    @functools.wraps(command)
    def wrapper(*args, cmd_root=None, cmd_quiet=False, cmd_wait=None, **kwargs):
        obj = click.get_current_context().find_object(Context)
        if cmd_root is not None:
            obj.root = cmd_root
        if cmd_wait is not None:
            obj.wait = cmd_wait
        obj.quiet = obj.quiet or cmd_quiet
        return command(*args, **kwargs)

    wrapper = click.option("--wait", "cmd_wait", type=click.FloatRange(min=0), default=None,
                           metavar="SECONDS",
                           help="Wait this long for another diglot run on the project to "
                                "finish.")(wrapper)
    wrapper = click.option("-q", "--quiet", "cmd_quiet", is_flag=True,
                           help="Print only warnings and errors.")(wrapper)
    return click.option("-C", "--project", "cmd_root", default=None, help="The project folder.",
                        type=click.Path(file_okay=False, path_type=Path))(wrapper)
