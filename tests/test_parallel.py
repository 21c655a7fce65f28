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
