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
from concurrent.futures import ThreadPoolExecutor

__all__ = ["run_workers"]

_pool: ThreadPoolExecutor | None = None
_pool_size = 0
_lock = threading.Lock()


def _executor(size: int) -> ThreadPoolExecutor:
    global _pool, _pool_size
    with _lock:
        if _pool is None or _pool_size < size:
            if _pool is not None:
                _pool.shutdown(wait=False)
            _pool = ThreadPoolExecutor(max_workers=size, thread_name_prefix="discover-kernel")
            _pool_size = size
        return _pool


def run_workers(worker, nthreads: int, *args) -> list:
    """``[worker(w, *args) for w in range(nthreads)]``, each call on its own thread (w = 0 on this one);
    ``worker`` must be a ``nogil=True`` Numba function, or the calls run one after another."""
    nthreads = max(1, int(nthreads))
    if nthreads == 1:
        return [worker(0, *args)]
    pool = _executor(nthreads - 1)
    futures = [pool.submit(worker, w, *args) for w in range(1, nthreads)]
    first = worker(0, *args)
    return [first, *(f.result() for f in futures)]
