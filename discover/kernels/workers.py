"""Start the workers of a parallel kernel: one call of a ``nogil`` Numba function per thread.

The bitmap kernels of the Cayley engine share their work themselves (each worker claims the next chunk
from an atomic counter until none is left), so all they need from a parallel runtime is N threads that
each run one worker. They used to get them from ``prange(nthreads)`` in a ``parallel=True`` kernel; Numba's
parallel passes over those large loop bodies took 15-35 s a kernel to compile, about a minute before the
first breadth-first search of a fresh install could start. A worker compiled as a plain ``nogil=True``
function takes a few seconds, and runs here on Python threads: the compiled code releases the GIL, so the
threads run at once on separate cores, as Numba's own would.

Worker 0 runs on the calling thread (a one-thread call starts nothing). A Ctrl-C is seen when the calling
thread's worker returns; the others finish their chunk (kernels are called on bounded slices of work).
"""

from __future__ import annotations

import os
import queue
import threading

__all__ = ["run_workers"]

_helpers: list[queue.SimpleQueue] = []  # one task queue per helper thread (worker w >= 1 runs on helper w - 1)
_lock = threading.Lock()
# a forked child has none of its parent's threads: it starts its own helpers
os.register_at_fork(after_in_child=_helpers.clear)


def _helper(tasks: queue.SimpleQueue) -> None:
    while True:
        run, w = tasks.get()
        run(w)


def _start_helpers(count: int) -> None:
    with _lock:
        while len(_helpers) < count:
            tasks: queue.SimpleQueue = queue.SimpleQueue()
            threading.Thread(target=_helper, args=(tasks,), name=f"discover-kernel-{len(_helpers) + 1}",
                             daemon=True).start()
            _helpers.append(tasks)


def run_workers(worker, nthreads: int, *args) -> list:
    """``[worker(w, *args) for w in range(nthreads)]``, each call on its own thread (w = 0 on this one, the
    others on helper threads started at the first call with several and kept, waiting, for the next: a layer
    of a search is a call, and starting threads each time cost a measurable share of small layers);
    ``worker`` must be a ``nogil=True`` Numba function, or the calls run one after another. Not
    ``concurrent.futures``, whose import alone makes every command leave through the interpreter's full
    teardown (``cli.main._leave``); a one-thread call starts nothing."""
    nthreads = max(1, int(nthreads))
    results: list = [None] * nthreads
    errors: list[BaseException] = []
    done: queue.SimpleQueue = queue.SimpleQueue()

    def run(w: int) -> None:
        try:
            results[w] = worker(w, *args)
        except BaseException as exc:  # noqa: BLE001 - raised again on the calling thread
            errors.append(exc)
        finally:
            if w:
                done.put(w)

    if nthreads > 1:
        _start_helpers(nthreads - 1)
        for w in range(1, nthreads):
            _helpers[w - 1].put((run, w))
    run(0)
    for _ in range(nthreads - 1):
        done.get()
    if errors:
        raise errors[0]
    return results
