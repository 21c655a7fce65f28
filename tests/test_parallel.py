"""One call in a forked process (``parallel.Forked``): its result comes back, a failure or
a killed process is ``Lost`` (the caller then does the work), and an abandoned call's
process is stopped, not left behind."""

from __future__ import annotations

import os
import time

import pytest

from diglot import parallel

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")


def test_the_result_comes_back_from_another_process():
    forked = parallel.Forked(lambda text, n: (os.getpid(), text * n), "ab", 100_000)
    pid, text = forked.result()
    assert pid != os.getpid() and text == "ab" * 100_000  # more than a pipe's buffer


def test_a_fork_that_fails_leaves_the_call_to_this_process(monkeypatch):
    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    opened = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else 0
    monkeypatch.setattr(os, "fork", no_fork)
    forked = parallel.Forked(lambda: os.getpid())
    assert forked.result() == os.getpid()  # done here, when asked
    if opened:
        assert len(os.listdir("/proc/self/fd")) == opened  # its pipe closed


def test_a_call_that_raises_or_dies_is_lost():
    with pytest.raises(parallel.Lost):
        parallel.Forked(lambda: 1 / 0).result()
    with pytest.raises(parallel.Lost):
        parallel.Forked(os._exit, 0).result()  # ended without a word: no result either


def test_an_abandoned_call_is_stopped():
    forked = parallel.Forked(time.sleep, 60)
    pid = forked.pid
    forked.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # reaped: nothing left running


HOLDER = """
import os, sys, time
from pathlib import Path
from diglot import lock, parallel

with lock.project_lock(Path(sys.argv[1])):
    forked = parallel.Forked(time.sleep, 60)  # still at its task when the run is killed
    with parallel.pool(2) as executor:
        executor.submit(time.sleep, 0)
        time.sleep(0.5)  # the workers are started, and idle
        print(forked.pid, *executor._processes, flush=True)
        time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as status:
            return "\\tZ" not in next(line for line in status if line.startswith("State:"))
    except (FileNotFoundError, StopIteration):
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")
def test_a_killed_run_leaves_no_helper_and_no_lock_behind(tmp_path):
    import fcntl
    import signal
    import subprocess
    import sys

    with subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path)],
                          stdout=subprocess.PIPE, text=True) as run:
        forked, *workers = [int(pid) for pid in run.stdout.readline().split()]
        assert len(workers) == 2 and all(_alive(pid) for pid in [forked, *workers])
        run.send_signal(signal.SIGKILL)
    try:
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in workers)  # idle workers would wait forever
        with open(tmp_path / ".diglot.lock", "rb") as lock:  # free, the forked call running
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert _alive(forked)
    finally:  # nothing of the test's left running, whatever failed
        for pid in [forked, *workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
