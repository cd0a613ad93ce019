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

import threading

__all__ = ["run_workers"]


def run_workers(worker, nthreads: int, *args) -> list:
    """``[worker(w, *args) for w in range(nthreads)]``, each call on its own thread (w = 0 on this one);
    ``worker`` must be a ``nogil=True`` Numba function, or the calls run one after another. Threads are
    started per call (tens of microseconds against calls of about 0.1 s) and joined before it returns, so
    no thread outlives the kernel; not ``concurrent.futures``, whose import alone makes a command leave
    through the interpreter's full teardown (``cli.main._leave``)."""
    nthreads = max(1, int(nthreads))
    results: list = [None] * nthreads
    errors: list[BaseException] = []

    def run(w: int) -> None:
        try:
            results[w] = worker(w, *args)
        except BaseException as exc:  # noqa: BLE001 - raised again on the calling thread
            errors.append(exc)

    others = [threading.Thread(target=run, args=(w,), name=f"discover-kernel-{w}", daemon=True)
              for w in range(1, nthreads)]
    for thread in others:
        thread.start()
    run(0)
    for thread in others:
        thread.join()
    if errors:
        raise errors[0]
    return results
