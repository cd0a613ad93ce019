"""What the BFS engines share: the :class:`Growth` they return, the switch between one thread and all
for small layers, and the layer loop over a 2-bit-per-rank bitmap (the permutation engine's shared
layout and the unitriangular engine; :mod:`discover.cayley.bfs`, :mod:`discover.cayley.unitriangular`).

A growth function: ``layer_sizes[k]`` is the number of vertices at distance k from the start (layer 0 is
the start itself); the diameter is the index of the last layer, the order the sum of the layers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from discover.cayley.kernels import bitmap_retire
from discover.runner.inner import report


@dataclass
class Growth:
    layer_sizes: list[int]
    last_layer: list[tuple] = field(default_factory=list)  # states of the last layer (when few)
    engine: str = ""
    seconds: float = 0.0
    stopped_by: str | None = None  # "max_depth" or "max_layer_size" when a partial search stopped early
    kept_layers: dict = field(default_factory=dict)  # layer index -> its states, for --layers

    @property
    def diameter(self) -> int:
        return len(self.layer_sizes) - 1

    @property
    def order(self) -> int:
        return sum(self.layer_sizes)


PARALLEL_WORK = 1 << 17  # below this many state expansions a layer runs on one thread


class Threads:
    """Run small layers on one thread: a parallel region costs a barrier, which on a busy machine (a
    descheduled worker) costs milliseconds, more than the work of a small layer."""

    def __init__(self):
        import numba

        self.numba = numba
        self.full = numba.get_num_threads()  # the current setting (numba.set_num_threads is respected)

    def __call__(self, work: int) -> None:
        self.numba.set_num_threads(self.full if work >= PARALLEL_WORK else 1)

    def reset(self) -> None:
        self.numba.set_num_threads(self.full)

    def count(self) -> int:
        return self.numba.get_num_threads()


def bitmap_layers(expand, total: int, degree: int, last_layer_limit: int, threads: "Threads | None" = None):
    """Breadth-first layers over ranks 0..total-1 from rank 0 on a 2-bit-per-rank bitmap (the shared
    layout of the permutation engine, and the unitriangular engine).

    ``expand(bits, cur, chunk, nthreads) -> (expanded, found)`` gives code ``3 - cur`` to the unvisited
    neighbours of the states of code ``cur``; ``degree`` neighbours per state (for the choice of one
    thread or all). Returns the layer sizes and the ranks of the last layer when it has at most
    ``last_layer_limit`` states (else an empty array)."""
    nwords = -(-total // 32)
    bits = np.zeros(nwords, dtype=np.uint64)
    bits[0] = np.uint64(1)  # rank 0 gets frontier code 1
    chunk = max(1, min(1024, nwords // 1024))
    sizes: list[int] = []
    ranks = np.empty(0, dtype=np.int64)
    cur = 1
    threads = threads or Threads()
    found = 1
    try:
        while found:
            threads(max(found * degree, nwords // 8))
            expanded, found = expand(bits, cur, chunk, threads.count())
            sizes.append(int(expanded))
            report(layer=len(sizes) - 1, states=f"{sum(sizes):,} of {total:,}")
            last = not found and expanded <= last_layer_limit
            ranks = np.empty(expanded if last else 0, dtype=np.int64)
            bitmap_retire(bits, cur, ranks, threads.count())
            cur = 3 - cur
    finally:
        threads.reset()
    return sizes, ranks
