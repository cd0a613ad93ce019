"""``run_workers``: one call per worker, each on its own thread, results in worker order, a worker's error
raised on the caller, and a forked child that starts its own helper threads (a parent's helpers do not exist
there: without the restart the child would wait forever)."""

from __future__ import annotations

import os
import threading
import time

import numpy as np
import pytest

import discover.kernels.numba_start  # noqa: F401,I001 - before numba
from numba import njit

from discover.kernels.workers import run_workers


@njit(nogil=True)
def _spin_sum(worker, counter, out):
    """Worker w sums its own range w 10^6 .. w 10^6 + 999 into out[w] and returns that sum plus counter[0]."""
    s = 0
    for i in range(worker * 1_000_000, worker * 1_000_000 + 1000):
        s += i
    out[worker] = s
    return s + counter[0]


@pytest.mark.parametrize("nthreads", [1, 2, 3])
def test_each_worker_runs_once_and_results_come_in_worker_order(nthreads):
    out = np.zeros(nthreads, np.int64)
    got = run_workers(_spin_sum, nthreads, np.array([7], np.int64), out)
    want = [sum(range(w * 1_000_000, w * 1_000_000 + 1000)) for w in range(nthreads)]
    assert got == [v + 7 for v in want]
    assert out.tolist() == want


def test_workers_run_on_distinct_threads_and_worker_zero_on_the_caller():
    names = {}

    def worker(w):
        names[w] = threading.get_ident()
        time.sleep(0.05)
        return w

    assert run_workers(worker, 3) == [0, 1, 2]
    assert names[0] == threading.get_ident()
    assert len(set(names.values())) == 3


def test_a_workers_error_is_raised_on_the_caller_after_all_have_finished():
    finished = []

    def worker(w):
        if w == 1:
            raise ValueError("worker 1 failed")
        time.sleep(0.05)
        finished.append(w)

    with pytest.raises(ValueError, match="worker 1 failed"):
        run_workers(worker, 3)
    assert sorted(finished) == [0, 2]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_starts_its_own_helpers():
    assert run_workers(lambda w: w * w, 2) == [0, 1]  # the parent now has a helper thread
    pid = os.fork()
    if pid == 0:  # the child: exit 0 only if a two-worker call completes
        done = []
        timer = threading.Timer(10, lambda: os._exit(3))
        timer.start()
        try:
            done = run_workers(lambda w: w + 10, 2)
        finally:
            os._exit(0 if done == [10, 11] else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
