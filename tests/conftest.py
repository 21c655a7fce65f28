"""Shared test setup: fixed build time, the tests folder importable, corpus location, the
hypothesis profiles, and ``make_project``, the one project fixture of the suite."""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))

from project_fixture import Proj, ProjectCache  # noqa: E402  (needs TESTS on sys.path)

ROOT = TESTS.parent
CORPORA = ROOT.parent / "shared" / "corpora"

# Hypothesis budgets live here, not in the tests (HYPOTHESIS_PROFILE picks one): "dev", the
# default, is quick while working; "ci" (.ci/run) searches twice as long and keeps the
# suite under a minute on 2 cores; "thorough" is for a long run by hand. All turn off
# hypothesis' timing checks (the deadline, the "too slow" health check): the machine is shared,
# and a wall-clock measurement must never decide whether a test passes.
_UNTIMED = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, **_UNTIMED)
settings.register_profile("ci", max_examples=200, **_UNTIMED)
settings.register_profile("thorough", max_examples=3000, **_UNTIMED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True)
def _fixed_time(monkeypatch):
    """Reproducible dates in every output unless a test says otherwise."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # 2026-11-18


@pytest.fixture(scope="session")
def made_once(tmp_path_factory):
    """``made_once(name, make)``: the folder ``make(folder)`` filled, made once in the whole
    test session whichever xdist worker asks first (the others wait for it, then share it).
    For costly fixtures the tests only read, such as PDF books: without it, each worker
    builds its own. A test that runs a command in the folder works on a copy of it."""
    base = tmp_path_factory.getbasetemp()
    if "PYTEST_XDIST_WORKER" in os.environ:  # gw0, gw1… each have a folder in the session's
        base = base.parent

    def made(name: str, make) -> Path:
        folder, done = base / f"once-{name}", base / f"once-{name}.done"
        with open(base / f"once-{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            if not done.exists():
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir()
                make(folder)
                done.touch()
        return folder

    return made


@pytest.fixture(scope="session")
def _project_cache(tmp_path_factory) -> ProjectCache:
    return ProjectCache(tmp_path_factory.mktemp("projects"))


@pytest.fixture
def make_project(tmp_path, _project_cache):
    """A project in ``tmp_path/<name>``, made as the arguments say, driven by the real CLI:

    ``articles`` {slug: French Markdown}; ``files`` {relative path: text or bytes} (images,
    ``diglot.toml``…); ``config``: the text of ``diglot.toml``; ``update``: run ``diglot
    update`` (default: when there are articles); ``po`` {slug or (slug, lang): {French:
    English, or {field: value} (flags, comments…)}}, filled as a translator would after that
    update; ``build``: then run ``diglot build`` (True) or ``build --format FMT`` (a string);
    ``runs``: then these commands ([arguments], …), each expected to succeed.

    The same arguments give the same files: the first test to ask makes them, later ones get
    a copy (each test owns its copy, so none can see another's changes)."""

    def make(articles=None, po=None, config=None, files=None, *, name="project",
             update=None, build=False, runs=()) -> Proj:
        recipe = _project_cache.recipe(name, articles or {}, po or {}, config, files or {},
                                       update, build, runs)
        target = tmp_path / name
        shutil.copytree(_project_cache.made(recipe), target, symlinks=True)
        return Proj(target)

    return make
