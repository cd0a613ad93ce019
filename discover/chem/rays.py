"""Elementary reactions, exactly: extreme rays of {z >= 0 : M z = 0} by the double description method.

Definitions. For an integer matrix ``M`` (m x N) the cone ``C = {z in Q^N : M z = 0, z >= 0}`` is
pointed; its extreme rays are its support-minimal nonzero elements, and each is the unique (up to a
positive factor) element of ``C`` with its support. We return each ray as a primitive integer vector
(gcd 1), so the ray set is a canonical, finite description of every balance: every ``z`` in ``C`` is a
non-negative combination of the rays.

Method (the "nullspace" variant of the double description method, Motzkin et al. 1953; as used for
elementary flux modes by Wagner 2004). :mod:`discover.chem.lattice` computes a basis of ``ker M`` in
reduced row echelon form (integer Gauss-Jordan, exact):
``d`` vectors ``r_1..r_d`` with a positive entry at pivot column ``p_i`` and zeros at the other pivots.
Those are the extreme rays of the cone cut out by the ``d`` pivot constraints ``z_p >= 0``. Every other
constraint ``z_c >= 0`` is then added in turn: rays with ``z_c >= 0`` stay, rays with ``z_c < 0`` go, and
each pair (positive, negative) of *adjacent* rays gives the new ray ``z_c(p) n - z_c(n) p`` (divided by
its gcd). Adjacency is decided combinatorially and exactly: ``p`` and ``n`` are adjacent iff no third ray
vanishes on every processed coordinate where both vanish (with the cardinality pre-test "at least d - 2
common zeros", which holds for every adjacent pair because a 2-face of a cone in a d-dimensional space is
cut out by d - 2 independent constraints).

All arithmetic is on Python integers (arbitrary precision, no rounding), and
zero sets are Python ``int`` bit masks, so the adjacency test is a few big-integer operations per pair.
Small systems (the usual reaction: a kernel of dimension 1 to 3) run this loop in Python, exact and in
well under a millisecond, without importing Numba or FLINT. Larger ones (``d * N >= NUMBA_MIN_WORK``) run the same
loop in Numba on int64 (:mod:`discover.chem.dd_kernel`) with an overflow guard that falls back to the
exact Python loop. ``max_rays`` bounds the work on systems whose ray count explodes.

Free (reversible) species are handled by splitting: ``x_j = p_j - q_j`` with ``p_j, q_j >= 0``. The
extreme rays of the split cone are the elementary modes in both orientations plus the trivial cycles
``p_j = q_j``, which are dropped (Gagneur and Klamt 2004).
"""

from __future__ import annotations

from math import gcd
from typing import Sequence

from discover.errors import RuntimeFailure

DEFAULT_MAX_RAYS = 200_000


def _primitive(v: Sequence[int]) -> tuple[int, ...]:
    g = gcd(*v)
    return tuple(x // g for x in v) if g > 1 else tuple(v)


def _zero_mask(v: Sequence[int]) -> int:
    mask = 0
    for i, x in enumerate(v):
        if x == 0:
            mask |= 1 << i
    return mask


def kernel_basis(matrix: Sequence[Sequence[int]], ncols: int) -> list[list[int]]:
    """A basis of the rational kernel of ``matrix`` (m x ncols), in reduced row echelon form, each row
    primitive with a positive pivot (:func:`discover.chem.lattice.kernel_rref`: pure Python, exact)."""
    from discover.chem.lattice import kernel_rref

    return kernel_rref([list(r) for r in matrix], ncols)


# Systems at least this large (kernel dimension x columns) go to the Numba kernel; smaller ones are
# done in Python before Numba would even be imported (a reaction of ten species takes ~0.1 ms).
NUMBA_MIN_WORK = 500


def extreme_rays(matrix: Sequence[Sequence[int]], ncols: int, max_rays: int = DEFAULT_MAX_RAYS,
                 method: str = "auto") -> list[tuple[int, ...]]:
    """Extreme rays of ``{z >= 0 : matrix z = 0}`` as primitive integer tuples, in a deterministic order
    (sorted by support as a 0/1 word, earliest columns first, then by value).

    ``method``: ``exact`` (Python integers), ``numba`` (int64 kernel, falling back to ``exact`` when a
    value would not fit) or ``auto`` (``numba`` for systems with ``d * ncols >= NUMBA_MIN_WORK``).
    Raises :class:`RuntimeFailure` when an intermediate ray set exceeds ``max_rays``.
    """
    basis = kernel_basis(matrix, ncols)
    d = len(basis)
    if d == 0:
        return []
    if method == "numba" or (method == "auto" and d * ncols >= NUMBA_MIN_WORK):
        rays = _extreme_rays_numba(basis, ncols, max_rays)
        if rays is not None:
            return sorted(set(rays), key=lambda r: (tuple(0 if x else 1 for x in r), r))
    return extreme_rays_exact(basis, ncols, max_rays)


def _too_many(max_rays: int) -> RuntimeFailure:
    return RuntimeFailure(f"more than {max_rays} intermediate elementary reactions: the system is too "
                          "large to list completely (raise --max-rays or narrow the species list)")


def _extreme_rays_numba(basis: list[list[int]], ncols: int, max_rays: int) -> list[tuple[int, ...]] | None:
    """The Numba kernel on int64; None when a value does not fit (the caller then runs the exact path)."""
    import numpy as np

    if max(abs(x) for row in basis for x in row) >= 2 ** 62:
        return None
    from discover.chem.dd_kernel import double_description

    words = (ncols + 63) // 64
    mask = np.zeros(words, dtype=np.uint64)
    for row in basis:
        p = next(i for i, x in enumerate(row) if x)
        mask[p // 64] |= np.uint64(1) << np.uint64(p % 64)
    rays, status = _interruptible(double_description, np.array(basis, dtype=np.int64), mask, max_rays)
    if status == 2:
        raise _too_many(max_rays)
    if status == 1:
        return None
    return [tuple(int(x) for x in row) for row in rays]


def _interruptible(kernel, *args):
    """Run a ``nogil`` Numba kernel that polls a stop flag (its last argument) in a thread, so that Ctrl-C
    in the main thread stops it within milliseconds: the flag is set and the interrupt raised again."""
    import threading

    import numpy as np

    stop = np.zeros(1, dtype=np.int64)
    out: list = []

    def target():
        try:
            out.append((kernel(*args, stop), None))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread below
            out.append((None, exc))

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.05)
    except KeyboardInterrupt:
        stop[0] = 1
        worker.join()
        raise
    result, error = out[0]
    if error is not None:
        raise error
    return result


def extreme_rays_exact(basis: list[list[int]], ncols: int,
                       max_rays: int = DEFAULT_MAX_RAYS) -> list[tuple[int, ...]]:
    """The double description loop on Python integers, from an echelon kernel basis (the exact path and
    the reference the Numba kernel is tested against)."""
    d = len(basis)
    if d == 0:
        return []
    pivots = [next(i for i, x in enumerate(row) if x) for row in basis]
    rays = [tuple(row) for row in basis]
    zeros = [_zero_mask(r) for r in rays]
    processed = 0
    for p in pivots:
        processed |= 1 << p
    remaining = [c for c in range(ncols) if not processed >> c & 1]
    need = d - 2
    while remaining:
        # next constraint: the one that creates the fewest pairs (ties: lowest column), deterministic
        best = None
        for c in remaining:
            pos = sum(1 for r in rays if r[c] > 0)
            neg = sum(1 for r in rays if r[c] < 0)
            if best is None or pos * neg < best[0]:
                best = (pos * neg, c)
            if best[0] == 0:
                break
        c = best[1]
        remaining.remove(c)
        P = [i for i, r in enumerate(rays) if r[c] > 0]
        N = [i for i, r in enumerate(rays) if r[c] < 0]
        keep = [i for i, r in enumerate(rays) if r[c] >= 0]
        new_rays = [rays[i] for i in keep]
        new_zeros = [zeros[i] for i in keep]
        if P and N:
            zp = [z & processed for z in zeros]
            for i in P:
                zi = zp[i]
                ri = rays[i]
                for j in N:
                    common = zi & zp[j]
                    if need > 0 and common.bit_count() < need:
                        continue
                    adjacent = True
                    for k, zk in enumerate(zp):
                        if k != i and k != j and common & ~zk == 0:
                            adjacent = False
                            break
                    if not adjacent:
                        continue
                    rj = rays[j]
                    a, b = ri[c], -rj[c]
                    v = _primitive([b * x + a * y for x, y in zip(ri, rj)])
                    new_rays.append(v)
                    new_zeros.append(_zero_mask(v))
                    if len(new_rays) > max_rays:
                        raise _too_many(max_rays)
        rays, zeros = new_rays, new_zeros
        processed |= 1 << c
    return sorted(set(rays), key=lambda r: (tuple(0 if x else 1 for x in r), r))


def elementary_modes(matrix: Sequence[Sequence[int]], sides: Sequence[int],
                     max_rays: int = DEFAULT_MAX_RAYS, method: str = "auto") -> list[tuple[int, ...]]:
    """Support-minimal nonzero integer ``x`` with ``matrix x = 0`` and ``side_j * x_j >= 0`` for every
    ``j`` with ``side_j != 0`` (free species, ``side_j = 0``, may take either sign).

    Signed convention: reactants negative, products positive. A mode whose support holds only free
    species appears once, oriented so that its first nonzero entry is negative. Order: by support as a
    0/1 word (modes using earlier species first), then by value.
    """
    n = len(sides)
    columns: list[tuple[int, int]] = []  # (species, orientation)
    for j, side in enumerate(sides):
        if side:
            columns.append((j, side))
        else:
            columns.append((j, 1))
            columns.append((j, -1))
    split = [[row[j] * o for j, o in columns] for row in matrix]
    modes = set()
    for z in extreme_rays(split, len(columns), max_rays=max_rays, method=method):
        x = [0] * n
        for (j, o), value in zip(columns, z):
            x[j] += o * value
        if not any(x):
            continue  # a trivial cycle p_j = q_j
        x = _primitive(x)
        if all(sides[j] == 0 for j in range(n) if x[j]):
            first = next(v for v in x if v)
            if first > 0:
                x = tuple(-v for v in x)
        modes.add(tuple(x))
    return sorted(modes, key=lambda r: (tuple(0 if v else 1 for v in r), tuple(abs(v) for v in r), r))
