"""Generating sets of a shape up to simultaneous conjugacy: exhaustive (canonical forms) or sampled.

**Method.** Two sets S, S' of permutations of 0..n-1 have isomorphic Cayley graphs (and the same diameter)
when S' = h S h^-1 for one h (simultaneous conjugacy). A set that generates S_n or A_n is transitive,
and a transitive tuple has a *canonical form*: the least, in a fixed entry order, of its standardisations
from each of the n start points, over every ordering of generators of the same class and every choice of
g or g^-1 (the undirected graph is the same), where a standardisation relabels the points in the order a
breadth-first scan meets them (Sims, *Computation with finitely presented groups*, 1994, the standard
coset tables of 4.7 and the low-index algorithm of 5.6). Two transitive sets are simultaneously conjugate
exactly when their canonical forms are equal (:mod:`discover.cayley.maxdiam.canon_kernels` states why).

* :func:`canonical_sets` lists every canonical form of a shape at degree n, each once: a backtracking
  search over tables standard from point 0, pruned by the cycle types, keeping the tables that no variant
  standardisation undercuts (Numba). Limits: at most ``limit`` sets and :data:`NODE_BUDGET` search nodes;
  beyond either it says so and the caller samples.
* :func:`sample_sets` draws sets at random (seeded): each generator a uniform element of its class, the
  set replaced by its canonical form, repeats and intransitive sets dropped; ``count`` distinct sets or
  :data:`SAMPLE_DRAWS_PER_SET` draws per set asked, whichever first.
* :func:`canonical_form` is the canonical form of any given set (the whisker families are located
  among the maximisers by it).

Sets are returned as tuples of one-line permutations (``g[i]`` the image of i), generators in shape order.
"""

from __future__ import annotations

import itertools
import math
import random
from functools import lru_cache

import numpy as np

from discover.cayley.maxdiam.shape import Shape, parse_shape

NODE_BUDGET = 20_000_000  # search nodes of one enumeration (n = 10, three involutions: 5.6 million, 5 s)
SAMPLE_DRAWS_PER_SET = 20  # draws per distinct set asked for, before a sample stops short


def _variants(shape: Shape, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(var_perm, var_inv): every permutation of generators within a class, times every inversion of
    the generators that are not involutions (see the module docstring)."""
    k = shape.k
    texts = [c.text for c in shape.classes]
    perms = [p for p in itertools.permutations(range(k)) if all(texts[p[j]] == texts[j] for j in range(k))]
    flippable = [j for j in range(k) if not shape.classes[j].is_involution(n)]
    out_p, out_i = [], []
    for p in perms:
        for flips in itertools.product((0, 1), repeat=len(flippable)):
            inv = [0] * k
            for j, f in zip(flippable, flips):
                inv[j] = f
            out_p.append(p)
            out_i.append(inv)
    return np.array(out_p, dtype=np.int64), np.array(out_i, dtype=np.bool_)


def _requirements(shape: Shape, n: int):
    k = shape.k
    req = np.zeros((k, n + 1), dtype=np.int64)
    isinv = np.zeros(k, dtype=np.bool_)
    maxlen = np.zeros(k, dtype=np.int64)
    for j, c in enumerate(shape.classes):
        ct = c.cycle_type(n)
        if ct is None:
            req[j, 1] = req[j, 2] = -1
            isinv[j] = True
            maxlen[j] = 2
            continue
        for L, m in ct.items():
            req[j, L] = m
        req[j, 1] = n - sum(L * m for L, m in ct.items())
        isinv[j] = set(ct) == {2}
        maxlen[j] = max(ct)
    return req, isinv, maxlen


def _as_sets(tables: np.ndarray) -> list[tuple]:
    return [tuple(tuple(int(v) for v in row) for row in t) for t in tables]


@lru_cache(maxsize=8)
def _canonical_cached(shape_text: str, n: int, limit: int):
    shape = parse_shape(shape_text)
    from discover.cayley.maxdiam.canon_kernels import enumerate_canonical

    req, isinv, maxlen = _requirements(shape, n)
    vp, vi = _variants(shape, n)
    out = np.empty((limit + 1, shape.k, n), dtype=np.int64)
    count, nodes = enumerate_canonical(n, shape.k, req, isinv, maxlen, vp, vi, out, NODE_BUDGET)
    if count < 0:
        return None, int(nodes)
    return tuple(_as_sets(out[:count])), int(nodes)


def canonical_sets(shape: Shape, n: int, limit: int) -> list[tuple] | None:
    """Every transitive set of ``shape`` at degree n up to simultaneous conjugacy (one canonical form
    each, in lexicographic order of the search), or None when there are more than ``limit`` or the search
    needs more than :data:`NODE_BUDGET` nodes."""
    shape.check(n)
    sets, _ = _canonical_cached(shape.text, n, limit)
    if sets is not None and len(sets) > limit:
        return None
    return None if sets is None else list(sets)


def canonical_form(shape: Shape, gens) -> tuple | None:
    """The canonical form of the set ``gens`` (one permutation per class of ``shape``, in order), or None
    when it is not transitive."""
    from discover.cayley.maxdiam.canon_kernels import canonical_form as kernel

    n = len(gens[0])
    T = np.array(gens, dtype=np.int64)
    vp, vi = _variants(shape, n)
    out = np.empty((shape.k, n), dtype=np.int64)
    if not kernel(T, n, shape.k, vp, vi, out):
        return None
    return _as_sets(out[None])[0]


def _random_element(cls, n: int, rng: random.Random) -> tuple:
    ct = cls.cycle_type(n)
    if ct is None:  # an involution with m 2-cycles, m drawn with the weight of its class
        sizes = [math.factorial(n) // (2 ** m * math.factorial(m) * math.factorial(n - 2 * m))
                 for m in range(1, n // 2 + 1)]
        ct = {2: rng.choices(range(1, n // 2 + 1), weights=sizes)[0]}
    points = list(range(n))
    rng.shuffle(points)  # a uniform conjugate of the class representative
    g = list(range(n))
    at = 0
    for L, m in sorted(ct.items()):
        for _ in range(m):
            cyc = points[at:at + L]
            at += L
            for i, a in enumerate(cyc):
                g[a] = cyc[(i + 1) % L]
    return tuple(g)


def sample_sets(shape: Shape, n: int, count: int, seed: int) -> list[tuple]:
    """Up to ``count`` distinct canonical sets drawn at random (see the module docstring), in draw order."""
    shape.check(n)
    rng = random.Random(f"{shape.text}|{n}|{seed}")
    seen: dict[tuple, None] = {}
    for _ in range(count * SAMPLE_DRAWS_PER_SET):
        if len(seen) >= count:
            break
        gens = [_random_element(c, n, rng) for c in shape.classes]
        if len(set(gens)) < len(gens):
            continue
        form = canonical_form(shape, gens)
        if form is not None:
            seen.setdefault(form, None)
    return list(seen)


__all__ = ["canonical_sets", "canonical_form", "sample_sets", "NODE_BUDGET"]
