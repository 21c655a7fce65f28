"""A run stopped at a chosen point of its writes (SIGKILL in a forked run, or Ctrl-C) leaves
every file whole: the old version or the new one, exactly as an uninterrupted run writes it,
never a mix; what it leaves behind is only diglot's temporary files, which the next run
deletes before it finishes the job, ending with the very files an uninterrupted run writes.

The points are those of ``diglot.fsio``'s group write: while writing the k-th temporary file
(half of it on disk), just before and just after the k-th rename over its target."""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import subprocess
import warnings
from pathlib import Path

import pytest

from diglot import fsio
from diglot.po.parser import parse_po
from project_fixture import Proj

MSGFMT = shutil.which("msgfmt")


def paragraph(slug: str, i: int) -> str:
    return f"Paragraphe {i} de l'article {slug} : le jardin « partagé » compte {i * 7} plants."


def article(slug: str, edited: bool = False) -> str:
    texts = [paragraph(slug, i) + (" Modifié." if edited and i % 2 else "") for i in range(6)]
    return f"# Article {slug}\n\n" + "\n\n".join(texts) + "\n"


ENGLISH = {slug: {paragraph(slug, i): f"Paragraph {i} of article {slug}." for i in range(6)}
           | {f"Article {slug}": f"Article {slug}"} for slug in ("a", "b")}
# What each command is asked to do after the project was made: the sources edited (update
# rewrites both templates and both PO files), or the translations (build rewrites both pages,
# the index and its manifest).
COMMANDS = {
    "update": (["update"], lambda p: [p.source(s, article(s, edited=True)) for s in "ab"]),
    "build": (["build", "--format", "html"],
              lambda p: [p.translate(s, {f"Article {s}": f"The article {s}"}) for s in "ab"]),
}


@pytest.fixture(params=list(COMMANDS))
def scene(request, make_project, tmp_path):
    """(project ready for the command, its arguments, the state before, the targets in the
    order an uninterrupted run renames them, the state after it)."""
    args, change = COMMANDS[request.param]
    proj = make_project({s: article(s) for s in "ab"}, ENGLISH,
                        build="html" if request.param == "build" else False)
    change(proj)
    reference = Proj(shutil.copytree(proj.root, tmp_path / "reference" / proj.root.name))
    renamed: list[str] = []
    real = os.replace

    def replace(src, dst) -> None:
        renamed.append(_rel(reference, dst))
        real(src, dst)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "replace", replace)
        assert reference.run(*args).exit_code == 0
    assert len(renamed) >= 4 and not temporary_files(reference)
    return proj, args, state(proj), renamed, state(reference)


def _rel(proj: Proj, path) -> str:
    return Path(path).relative_to(proj.root).as_posix()


def state(proj: Proj) -> dict[str, bytes]:
    """Every file but the lock and diglot's temporary files, with its bytes."""
    return {_rel(proj, p): p.read_bytes() for p in sorted(proj.root.rglob("*"))
            if p.is_file() and p.name != ".diglot.lock" and not p.name.endswith(fsio.TEMP_SUFFIX)}


def temporary_files(proj: Proj) -> list[Path]:
    return sorted(p for p in proj.root.rglob("*") if p.name.endswith(fsio.TEMP_SUFFIX))


def stop_at(point: str, k: int, stop) -> None:
    """Make ``stop()`` happen at ``point`` of the k-th file (0-based) of the writes to come."""
    count = itertools.count()
    if point == "writing":
        def put(handle, data: bytes) -> None:
            if next(count) == k:  # half the file is on disk when the run stops
                handle.write(data[: len(data) // 2])
                handle.flush()
                os.fsync(handle.fileno())
                stop()
            handle.write(data)

        fsio._put = put
        return
    real = os.replace

    def replace(src, dst) -> None:
        n = next(count)
        if n == k and point == "before rename":
            stop()
        real(src, dst)
        if n == k and point == "after rename":
            stop()

    os.replace = replace


def killed_run(proj: Proj, args: list[str], point: str, k: int) -> None:
    """The command in a forked process that SIGKILLs itself at the point: no cleanup runs."""
    with warnings.catch_warnings():  # Python 3.12+ warns if some plugin started a thread
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child never returns to pytest
        try:
            stop_at(point, k, lambda: os.kill(os.getpid(), signal.SIGKILL))
            proj.run(*args)
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, \
        f"the run did not reach {point} of file {k} (wait status {status})"


def interrupted_run(proj: Proj, args: list[str], point: str, k: int) -> None:
    """The command in-process, interrupted (Ctrl-C) at the point."""
    def interrupt():
        raise KeyboardInterrupt

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fsio, "_put", fsio._put)
        patch.setattr(os, "replace", os.replace)  # both restored when the run is over
        stop_at(point, k, interrupt)
        result = proj.run(*args)
    assert result.exit_code == 130
    assert result.output == "Error: interrupted; files are either fully written or untouched\n"


def points(count: int):
    for k in range(count):
        yield from (("writing", k), ("before rename", k), ("after rename", k))


@pytest.mark.parametrize("stop", [killed_run, interrupted_run], ids=["SIGKILL", "Ctrl-C"])
def test_a_stopped_run_leaves_each_file_old_or_new_and_the_next_run_converges(scene, stop):
    proj, args, old, renamed, new = scene
    snapshot = proj.root.parent / "snapshot"
    shutil.copytree(proj.root, snapshot)
    accepted_by_msgfmt(snapshot.parent / "msgfmt", old, new)  # every PO below is one of these
    for point, k in points(len(renamed)):
        shutil.rmtree(proj.root)
        shutil.copytree(snapshot, proj.root)
        stop(proj, args, point, k)
        done = {"writing": 0, "before rename": k, "after rename": k + 1}[point]  # renames made
        expected = old | {rel: new[rel] for rel in renamed[:done]}
        assert state(proj) == expected, (point, k)
        assert_readable(proj, old)
        left = temporary_files(proj)  # those of files not renamed, the last one torn or not
        if point == "writing":
            assert len(left) == (0 if stop is interrupted_run else k + 1), (point, k)
        else:
            assert len(left) == len(renamed) - done, (point, k)
        assert all(fsio._TEMP_NAME.match(p.name) for p in left)
        assert proj.run(*args).exit_code == 0
        assert state(proj) == new and not temporary_files(proj), (point, k)
        assert proj.run(*args).exit_code == 0 and state(proj) == new  # nothing left to do


def assert_readable(proj: Proj, old: dict[str, bytes]) -> None:
    """Every PO file parses and keeps every translation it had."""
    for rel in (r for r in old if r.endswith(".po")):
        kept = {e.msgstr for e in parse_po((proj.root / rel).read_bytes(), rel).entries}
        assert {e.msgstr for e in parse_po(old[rel], rel).entries} <= kept, rel


def accepted_by_msgfmt(folder: Path, *states: dict[str, bytes]) -> None:
    """GNU msgfmt -c accepts every version of every PO file in ``states``."""
    if MSGFMT is None:
        return
    folder.mkdir()
    for n, (rel, data) in enumerate((r, d) for s in states for r, d in s.items() if r.endswith(".po")):
        path = folder / f"{n}.po"
        path.write_bytes(data)
        subprocess.run([MSGFMT, "-c", "-o", os.devnull, str(path)], check=True)
