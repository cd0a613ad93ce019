"""Ranked bitmap BFS for Cayley graphs of upper unitriangular matrix groups mod p.

**The group.** UT_k(Z/pZ) is the group of k x k matrices over Z/pZ with ones on the diagonal and zeros
below it (UT_3 is the Heisenberg group mod p). A Cayley graph here is a :class:`GraphDef` of kind
``matrix`` whose start is the identity and whose generators are all in UT_k; the vertices are the
elements of the subgroup they generate, the edges ``S -> S M mod p`` (the right action of
:func:`discover.cayley.kernels.expand_matrix`). Directed generating sets (no inverses) need nothing
special: every visited state stays marked.

**The ranking.** An element S is determined by its D = k(k-1)/2 entries above the diagonal. Read in
row-major order, ``S_01, S_02, .., S_0(k-1), S_12, ..`` are the base-p digits of its rank, the first one
most significant::

    rank(S) = sum_d digit_d p^(D-1-d),

a bijection of UT_k onto 0..p^D-1 with the identity at rank 0. The ranking is over all of UT_k, so the
bitmap has p^D states (p^D/4 bytes) whatever subgroup the generators span.

**The product.** For i < j, ``(S M)_ij = S_ij + M_ij + sum_{i<t<j} S_it M_tj`` (the diagonal ones of S
and M supply the first two terms). Only the entries (i, j) with ``M_ij != 0`` or some ``M_tj != 0``
(i < t < j) change, so each generator is compiled into a short list of (digit, constant, terms) and the
neighbour's rank is the state's rank plus the weighted changes of those digits: for ``I + E_{a,a+1}``
that is k-1 digits, for the Heisenberg generator ``I + E_01`` a single one.

**The search** is the two-pass layer of the permutation bitmap engine (:mod:`discover.cayley.kernels`):
2 bits per rank (0 unvisited, 1/2 the alternating frontier codes, 3 done), :func:`unitriangular_expand`
sets the codes of new neighbours with an atomic OR (both cores write the same array) and
:func:`discover.cayley.kernels.bitmap_retire` turns the frontier into "done". Layer 0 is the identity.
Exact: no hashing anywhere.
"""

from __future__ import annotations

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit, prange

from discover.cayley.graph import GraphDef, identity_matrix, is_unitriangular_cayley, unitriangular_states
from discover.cayley.kernels import atomic_add, frontier_bits, trailing_zeros, visit
from discover.cayley.layers import Growth, bitmap_layers
from discover.errors import InputError

U64 = np.uint64
MAX_RANK_BITS = 50  # ranks stay below 2^50, where the float64 quotient of _divmod_p is off by at most one


# ---------------------------------------------------------------------------- ranking
def _digits(k: int) -> int:
    return k * (k - 1) // 2


def _digit_index(k: int) -> np.ndarray:
    """``index[i, j]`` = the position (0 = most significant) of the entry (i, j), i < j, among the
    above-diagonal entries in row-major order; -1 elsewhere."""
    index = np.full((k, k), -1, dtype=np.int64)
    d = 0
    for i in range(k):
        for j in range(i + 1, k):
            index[i, j] = d
            d += 1
    return index


def _compile_generators(graph: GraphDef):
    """The generators as the digit updates of ``S -> S M``, in CSR form.

    For generator g, the entries ``a`` in ``aff_ptr[g] .. aff_ptr[g+1]`` are the digits that can change:
    the new digit ``aff_pos[a]`` is ``(old + aff_const[a] + sum_t term_mul[t, digit[term_src[t]]]) mod p``
    over ``t`` in ``term_ptr[a] .. term_ptr[a+1]``, where ``term_mul[t, v] = c_t v mod p`` is the product
    table of the term's coefficient ``c_t = M_tj`` (so that every partial sum stays below 2p and is
    reduced by one conditional subtraction); all read the digits of S before the step."""
    k, p = graph.degree, graph.modulus
    index = _digit_index(k)
    aff_ptr, aff_pos, aff_const, term_ptr, term_src, term_coef = [0], [], [], [0], [], []
    for g in graph.generators:
        m = [[int(g[i * k + j]) % p for j in range(k)] for i in range(k)]
        for i in range(k):
            for j in range(i + 1, k):
                terms = [(int(index[i, t]), m[t][j]) for t in range(i + 1, j) if m[t][j]]
                if not m[i][j] and not terms:
                    continue
                aff_pos.append(int(index[i, j]))
                aff_const.append(m[i][j])
                term_src += [t for t, _ in terms]
                term_coef += [c for _, c in terms]
                term_ptr.append(len(term_src))
        aff_ptr.append(len(aff_pos))

    def arr(x):
        return np.array(x, dtype=np.int64)

    term_mul = np.array([[c * v % p for v in range(p)] for c in term_coef], dtype=np.int64).reshape(-1, p)
    return arr(aff_ptr), arr(aff_pos), arr(aff_const), arr(term_ptr), arr(term_src), term_mul


def rank_matrix(state, k: int, p: int) -> int:
    """The rank of a unitriangular matrix (row-major k*k entries): its above-diagonal entries as
    base-p digits, the first most significant."""
    r = 0
    for i in range(k):
        for j in range(i + 1, k):
            r = r * p + int(state[i * k + j]) % p
    return r


def unrank_matrix(r: int, k: int, p: int) -> tuple:
    """The unitriangular matrix of rank r, row-major k*k entries (inverse of :func:`rank_matrix`)."""
    m = list(identity_matrix(k))
    for i in range(k - 1, -1, -1):
        for j in range(k - 1, i, -1):
            r, m[i * k + j] = divmod(r, p)
    return tuple(m)


# ---------------------------------------------------------------------------- kernel
@njit(cache=True, inline="always")
def _divmod_p(s, p, inv_p):
    """(s // p, s % p) for 0 <= s < 2^50, without a division: a floating-point quotient, corrected
    exactly (it is off by at most one)."""
    q = np.int64(np.float64(s) * inv_p)
    s -= q * p
    while s < 0:
        s += p
        q -= 1
    while s >= p:
        s -= p
        q += 1
    return q, s


@njit(cache=True, inline="always")
def _claim(counter, chunk, nw):
    """The next block ``[w0, w1)`` of ``chunk`` words for the calling worker (empty when none is left):
    work shared dynamically through an atomic counter, so that a worker the OS deschedules does not
    hold the others up at the end of the layer."""
    w0 = min(nw, atomic_add(counter, 0, 1) * chunk)
    return w0, min(nw, w0 + chunk)


@njit(parallel=True, cache=True)
def unitriangular_expand(bits, p, ndigits, aff_ptr, aff_pos, aff_const, term_ptr, term_src, term_mul,
                         cur, chunk, nthreads):
    """Expand every state whose code is ``cur`` (1 or 2): neighbours with code 0 get code 3 - cur.
    Returns (number of states expanded, number of new states found).

    A frontier rank r is decoded into its ``ndigits`` base-p digits (the above-diagonal entries of S);
    the neighbour under generator g is ``r + sum_a (new_a - old_a) p^(ndigits-1-aff_pos[a])`` over the
    digits that g changes (see :func:`_compile_generators`). The digits are computed once per word that
    holds frontier states, then carried forward from one frontier rank to the next. Workers take blocks
    of ``chunk`` words from an atomic counter until none is left."""
    G = aff_ptr.shape[0] - 1
    nw = bits.shape[0]
    nxt = U64(3 - cur)
    inv_p = 1.0 / p
    weight = np.empty(ndigits, np.int64)  # weight[d] = p^(ndigits-1-d)
    w = 1
    for d in range(ndigits - 1, -1, -1):
        weight[d] = w
        w *= p
    expanded = 0
    found = 0
    counter = np.zeros(1, np.int64)
    for worker in prange(nthreads):
        digits = np.empty(ndigits, np.int64)
        e_loc = 0
        f_loc = 0
        while True:
            w0, w1 = _claim(counter, chunk, nw)
            if w0 >= w1:
                break
            for wd in range(w0, w1):
                m = frontier_bits(bits[wd], cur)
                if m == U64(0):
                    continue
                # the digits of the word's first rank, then those of each frontier rank in it (ranks
                # increase: add the step to the last digit and carry)
                rest = np.int64(wd) * 32
                for d in range(ndigits - 1, -1, -1):
                    rest, digits[d] = _divmod_p(rest, p, inv_p)
                r = np.int64(wd) * 32
                while m != U64(0):
                    b = trailing_zeros(m)
                    m &= m - U64(1)
                    step = np.int64(wd) * 32 + np.int64(b >> U64(1)) - r
                    r += step
                    d = ndigits - 1
                    while step > 0:
                        step, digits[d] = _divmod_p(digits[d] + step, p, inv_p)
                        d -= 1
                    e_loc += 1
                    for g in range(G):
                        q = r
                        for a in range(aff_ptr[g], aff_ptr[g + 1]):
                            pos = aff_pos[a]
                            old = digits[pos]
                            s = old + aff_const[a]
                            s -= p * np.int64(s >= p)
                            for t in range(term_ptr[a], term_ptr[a + 1]):
                                s += term_mul[t, digits[term_src[t]]]
                                s -= p * np.int64(s >= p)
                            q += (s - old) * weight[pos]
                        f_loc += visit(bits, q, nxt, nthreads == 1)
        expanded += e_loc
        found += f_loc
    return expanded, found


# ---------------------------------------------------------------------------- growth
def unitriangular_growth(graph: GraphDef, last_layer_limit: int) -> Growth:
    """The growth function of a unitriangular Cayley graph (:func:`is_unitriangular_cayley`) by a ranked
    bitmap BFS: ``layer_sizes[i]`` = elements at distance i from the identity, and the last layer's
    elements (row-major k*k tuples, in increasing rank) when there are at most ``last_layer_limit``."""
    if not is_unitriangular_cayley(graph):
        raise InputError(f"{graph.name}: not a Cayley graph of upper unitriangular matrices mod p")
    k, p = graph.degree, graph.modulus
    total = unitriangular_states(graph)
    if total.bit_length() > MAX_RANK_BITS:
        raise InputError(f"{graph.name}: UT_{k}(Z/{p}Z) has {total:,} elements, "
                         f"more than the 2^{MAX_RANK_BITS} a bitmap can rank")
    tables = _compile_generators(graph)
    ndigits = _digits(k)

    def expand(bits, cur, chunk, nthreads):
        return unitriangular_expand(bits, p, ndigits, *tables, cur, chunk, nthreads)

    sizes, ranks = bitmap_layers(expand, total, len(graph.generators), last_layer_limit)
    return Growth(sizes, [unrank_matrix(int(r), k, p) for r in ranks])
