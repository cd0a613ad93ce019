"""Before a search: which BFS engine, how many bytes it needs, and whether that fits the memory limit.

Decided from the graph and its order (the number of vertices, when known in advance: see
:func:`discover.cayley.verify.expected_order`) without loading any kernel, so a search that cannot fit is
refused at once. Estimates (bytes):

* permutation bitmap: the faster *records* layout, n!(1 + 2w)/8 for w workers, when it fits; else the
  *shared* layout, n!/4 (a 2-bit code per state); but when a checkpoint directory is set and the graph
  is undirected with odd generators, the *parity* layout, n!/16 (half a bit per state, layers on disk,
  a checkpoint per layer: :mod:`discover.cayley.parity_bitmap`) (:func:`bitmap_layout`);
* signed bitmap (a subgroup of B_n on 2n points, :attr:`GraphDef.signed_size`): 2^n n!/4 (a 2-bit code
  per element of B_n, :mod:`discover.cayley.signed_bitmap`), whatever the number of workers;
* unitriangular bitmap: p^(k(k-1)/2)/4 (2 bits per element of UT_k(Z/pZ), whatever subgroup is searched);
* frontier search: about (16K + 2L) bytes per state (the packed keys of K words of the layers kept, their
  sort copies, the unpacked rows of length L) plus 64 MiB, when the order is known.
"""

from __future__ import annotations

import math
import os

from discover.cayley.graph import GraphDef, is_unitriangular_cayley, unitriangular_states
from discover.errors import InputError

MAX_BITMAP_DEGREE = 20  # 20! < 2^63
MAX_SIGNED_N = 16  # signed ranks: 2^16 16! < 2^63 (discover.cayley.signed_bitmap)
UNKNOWN_ORDER_BITMAP = 1 << 28  # bytes: a bitmap used when the group's order is unknown
MEMORY_FRACTION = 0.8  # of the available memory, when no limit is given (the machine is shared)


def available_memory() -> int:
    """Bytes of memory available now (``MemAvailable``), or the ``DISCOVER_MEMORY`` override."""
    env = os.environ.get("DISCOVER_MEMORY")
    if env:
        return int(float(env))
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 8 << 30


def memory_limit(limit: int | None) -> int:
    """``limit``, or by default :data:`MEMORY_FRACTION` of the memory available now."""
    return int(MEMORY_FRACTION * available_memory()) if limit is None else limit


def key_layout(graph: GraphDef) -> tuple[int, int]:
    """(bits per entry, words per key) of the exact packed keys of the states of ``graph``."""
    width = max(1, int(graph.value_bound - 1).bit_length())
    per = 64 // width
    return width, -(-graph.state_length // per)


def signed_states(n: int) -> int:
    """2^n n!: the order of the hyperoctahedral group B_n, the number of signed ranks."""
    return (1 << n) * math.factorial(n)


def signed_bitmap_bytes(n: int) -> int:
    """Bytes of the signed bitmap: 2 bits per element of B_n, in whole 64-bit words."""
    return -(-signed_states(n) // 32) * 8


def unitriangular_bitmap_bytes(graph: GraphDef) -> int:
    """Bytes of the unitriangular bitmap: 2 bits per element of UT_k(Z/pZ), in whole 64-bit words."""
    return -(-unitriangular_states(graph) // 32) * 8


def bitmap_bytes(n: int, layout: str, workers: int = 1) -> int:
    """Bytes of the permutation bitmap's state arrays: ``shared`` keeps a 2-bit code per state (n!/4
    bytes); ``records`` keeps 1 bit per state seen plus, for each worker, 1-bit records of the
    neighbours it found in the last two layers (n!(1 + 2 workers)/8 bytes); ``parity`` one bit per state
    of one parity class and four chunk buffers (n!/16 bytes and at most 64 MiB)."""
    states = math.factorial(n)
    if layout == "parity":
        words = -(-states // 2 // 64)
        return words * 8 + 4 * min(words * 8, PARITY_CHUNK_BYTES)
    return states // 4 if layout == "shared" else states * (1 + 2 * workers) // 8


PARITY_CHUNK_BYTES = 16 << 20  # discover.cayley.layer_files.CHUNK_WORDS words


def parity_unsuitable(graph: GraphDef) -> str | None:
    """Why the parity layout cannot search ``graph`` (None: it can)."""
    from discover.cayley.parity_bitmap import unsuitable

    return unsuitable(graph)


def bitmap_layout(n: int, workers: int, limit: int | None = None, graph: GraphDef | None = None) -> str:
    """``parity`` (half a bit per state, the layers on disk, a checkpoint per layer) when a checkpoint
    directory is set (:func:`parity_checkpointed`); else ``records`` (no atomic writes, the faster layer)
    when its arrays fit in ``limit`` bytes (default 80% of the available memory), else ``shared`` (2 bits
    per state, whatever the number of workers)."""
    if graph is not None and parity_checkpointed(graph):
        return "parity"
    return "records" if bitmap_bytes(n, "records", workers) + (1 << 20) <= memory_limit(limit) else "shared"


def parity_checkpointed(graph: GraphDef) -> bool:
    """Whether ``graph`` runs the parity layout: it can (inverse-closed odd generators) and a checkpoint
    directory is set. A search that needs half a bit per state runs for hours, so it runs only
    checkpointed; without a checkpoint directory the in-memory layouts and their estimates apply."""
    from discover.cayley.layer_files import checkpoint_path

    return checkpoint_path(graph) is not None and graph.signed_size is None and parity_unsuitable(graph) is None


def frontier_bytes(graph: GraphDef, order: int) -> int:
    _, K = key_layout(graph)
    return int(order * (16 * K + 2 * graph.state_length))


def choose_engine(graph: GraphDef, order: int | None = None) -> str:
    """``bitmap`` for a dense group (all permutations of a word with distinct letters, signed
    permutations, or unitriangular matrices mod p: each ranked densely) when its bitmap is smaller than
    the frontier search's keys, else ``frontier``. ``order``: the number of states, when known (else the
    bitmap only while small). A group that is all of B_n (order 2^n n!, from the family's closed form or
    Schreier-Sims: :func:`discover.cayley.verify.expected_order`) always gets the signed bitmap (2 bits
    a state against the frontier's 16 or more bytes); so does a subgroup while its bitmap is smaller."""
    if is_unitriangular_cayley(graph):
        ranked = unitriangular_bitmap_bytes(graph)
    elif graph.signed_size is not None and graph.signed_size <= MAX_SIGNED_N:
        ranked = signed_bitmap_bytes(graph.signed_size)
    elif graph.kind == "perm" and graph.is_regular_start and graph.degree <= MAX_BITMAP_DEGREE:
        ranked = bitmap_bytes(graph.degree, "shared")
    else:
        return "frontier"
    if order is None:
        return "bitmap" if ranked <= UNKNOWN_ORDER_BITMAP else "frontier"
    return "bitmap" if ranked <= frontier_bytes(graph, order) else "frontier"


def estimate_memory(graph: GraphDef, engine: str, order: int | None = None) -> int | None:
    """Bytes the search needs (None for a frontier search when the number of states is unknown)."""
    if engine == "bitmap" and graph.kind == "matrix":
        return unitriangular_bitmap_bytes(graph) + (1 << 20)
    if engine == "bitmap" and graph.signed_size is not None:
        return signed_bitmap_bytes(graph.signed_size) + (1 << 20)
    if engine == "bitmap":  # the least it needs (see bitmap_layout)
        least = "parity" if parity_checkpointed(graph) else "shared"
        return bitmap_bytes(graph.degree, least) + (1 << 20)
    if order is None:
        return None
    return frontier_bytes(graph, order) + (64 << 20)


def check_engine(graph: GraphDef, engine: str) -> None:
    """Refuse (``InputError``) an ``--engine`` that cannot search ``graph``."""
    if engine not in ("bitmap", "frontier"):
        raise InputError(f"--engine: unknown engine {engine!r} (bitmap, frontier or auto)")
    if engine != "bitmap" or is_unitriangular_cayley(graph):
        return
    if graph.signed_size is not None:
        if graph.signed_size > MAX_SIGNED_N:
            raise InputError(f"--engine bitmap: signed ranks need n <= {MAX_SIGNED_N} (B_n on 2n points), "
                             f"got n={graph.signed_size}")
        return
    if graph.kind != "perm" or not graph.is_regular_start:
        raise InputError("--engine bitmap: only for permutation groups acting on a word with distinct letters "
                         "(and signed permutations) and for unitriangular matrix groups mod p")
    if graph.degree > MAX_BITMAP_DEGREE:
        raise InputError(f"--engine bitmap: ranks need n <= {MAX_BITMAP_DEGREE}, got n={graph.degree}")


def check_memory(graph: GraphDef, engine: str, limit: int | None = None, order: int | None = None) -> int | None:
    """Refuse (``InputError``) a search whose :func:`estimate_memory` exceeds ``limit`` bytes (default:
    80% of the memory available now)."""
    need = estimate_memory(graph, engine, order)
    limit = memory_limit(limit)
    if need is not None and need > limit:
        if engine == "bitmap" and graph.signed_size is not None:
            n, full = graph.signed_size, signed_states(graph.signed_size)
            states = (f"{full:,} states (all of B_{n})" if order in (None, full) else
                      f"{order:,} states, in a bitmap over the {full:,} elements of B_{n}")
        elif engine == "bitmap" and graph.kind == "perm":
            states = f"{math.factorial(graph.degree):,} states"
        elif engine == "bitmap":
            states = f"{unitriangular_states(graph):,} states (all of UT_{graph.degree})"
        else:
            states = f"{order:,} states"
        raise InputError(
            f"--n: {graph.name} has {states}; the {engine} search needs about {need / 2**30:.1f} GiB "
            f"but the memory limit is {limit / 2**30:.1f} GiB (--memory GB; default 80% of the available memory)"
            + _parity_hint(graph, engine, limit))
    if engine == "bitmap" and graph.kind == "perm" and graph.signed_size is None:
        check_checkpoint(graph, limit)  # the signed bitmap keeps no checkpoint (B_10 takes minutes)
    return need


def _parity_hint(graph: GraphDef, engine: str, limit: int) -> str:
    """How the search could fit: half a bit per state, checkpointed (when the graph allows it)."""
    if engine != "bitmap" or graph.kind != "perm" or graph.signed_size is not None or \
            parity_unsuitable(graph) is not None or \
            parity_checkpointed(graph) or bitmap_bytes(graph.degree, "parity") + (1 << 20) > limit:
        return ""
    from discover.cayley.layer_files import CHECKPOINT_ENV

    return (f"; set {CHECKPOINT_ENV}=DIR to run it in "
            f"{(bitmap_bytes(graph.degree, 'parity') + (1 << 20)) / 2**30:.1f} GiB with a checkpoint per layer")


def check_checkpoint(graph: GraphDef, limit: int) -> None:
    """When a checkpoint directory is set: refuse (``InputError``) one that is a file, foreign, or another
    graph's, a disk with less room than the layer files may need, and a graph that cannot use the
    parity layout (the only one that checkpoints)."""
    from discover.cayley import layer_files as F

    path = F.checkpoint_path(graph)
    if path is None:
        return
    why = parity_unsuitable(graph)
    if why is not None:
        raise InputError(f"{F.CHECKPOINT_ENV}: only the parity bitmap checkpoints, and it {why} ({graph.name})")
    F.inspect(path, F.identity(graph))
    F.check_disk(path, graph.degree)
