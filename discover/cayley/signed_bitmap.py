"""The signed bitmap: growth of a Cayley graph of (a subgroup of) the hyperoctahedral group B_n at 2 bits
per element of B_n.

The signed-permutation families (``burnt_pancake``, ``signed_reversals``, ``coxeter_b``, and any
generating set on 2n points that commutes with the pairing i <-> i + n: :attr:`GraphDef.signed_size`)
act on 2n sides, so the unsigned bitmap would need (2n)! ranks and the frontier search about 70 bytes a
state. B_n has 2^n n! elements (the centraliser of a fixed-point-free involution of 2n points; Bjorner
and Brenti, *Combinatorics of Coxeter groups* (2005), 8.1), ranked densely by
``lehmer(|p|) * 2^n + sign bits`` (:mod:`discover.cayley.signed_kernels`), so one 2-bit code per rank
(the shared layout of :func:`discover.cayley.layers.bitmap_layers`) holds the whole search:
2^n n!/4 bytes, 0.93 GB for B_10.

A subgroup of B_n (``coxeter_d``: D_n, of index 2) is searched in the same array: the codes of the
elements outside it stay 0, and the layers sum to the subgroup's order.
"""

from __future__ import annotations

import math

import numpy as np

from discover.cayley.graph import GraphDef
from discover.cayley.layers import Growth, Threads, bitmap_layers
from discover.cayley.lehmer_blocks import block_tables, local_count, reversed_positions

MAX_SIGNED_N = 16  # 2^16 16! < 2^63 (signed ranks are int64)
SLICE_WORK = 1 << 25  # neighbours visited and words scanned by one kernel call and worker (about 0.1-0.2 s)


def signed_states(n: int) -> int:
    """2^n n!, the order of B_n: the number of signed ranks."""
    return (1 << n) * math.factorial(n)


def split_generators(graph: GraphDef) -> tuple[np.ndarray, np.ndarray]:
    """(unsigned parts ``|g|[i] = g[i] mod n``, flips ``e[i] = [g[i] >= n]``) of the generators, G x n each."""
    n = graph.signed_size
    gens = np.array(graph.generators, dtype=np.int64).reshape(len(graph.generators), 2 * n)[:, :n]
    return gens % n, (gens >= n).astype(np.int64)


def sign_tables(unsigned: np.ndarray, flips: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """(SA, SB, h): the sign bits of q = p[g] are ``SA[g, s & (2^h - 1)] ^ SB[g, s >> h]`` for the sign
    bits s of p. Bit i of q's signs is bit |g|[i] of s XOR e[i]: a permutation of the bits then an
    XOR, linear over GF(2), so the low and high halves of s contribute separately (e goes into SA)."""
    G, n = unsigned.shape
    h = (n + 1) // 2
    SA = np.zeros((G, 1 << h), dtype=np.int64)
    SB = np.zeros((G, 1 << (n - h)), dtype=np.int64)
    for g in range(G):
        SA[g] ^= int((flips[g] << np.arange(n)).sum())
        for i in range(n):
            j = int(unsigned[g, i])  # bit j of s goes to bit i
            if j < h:
                SA[g, (np.arange(1 << h) >> j) & 1 == 1] ^= 1 << i
            else:
                SB[g, (np.arange(1 << (n - h)) >> (j - h)) & 1 == 1] ^= 1 << i
    return SA, SB, h


def _position_reversal(n: int) -> np.ndarray:
    """w on the 2n sides: position i <-> n-1-i on both faces (it commutes with the pairing)."""
    return np.concatenate([np.arange(n - 1, -1, -1), np.arange(2 * n - 1, n - 1, -1)])


def signed_growth(graph: GraphDef, last_layer_limit: int) -> Growth:
    """The growth function of ``graph`` (``graph.signed_size`` is not None) from its start state,
    on the 2-bit signed bitmap; the last layer is listed when it has at most ``last_layer_limit``
    states."""
    from discover.cayley import signed_kernels as SK

    n = graph.signed_size
    unsigned, flips = split_generators(graph)
    flip = local_count(reversed_positions(unsigned), n) > local_count(unsigned, n)
    if flip:  # conjugate by the position reversal w: an isomorphic Cayley graph (see lehmer_blocks)
        unsigned, flips = reversed_positions(unsigned), flips[:, ::-1].copy()
    tables = block_tables(unsigned, n)
    SA, SB, half = sign_tables(unsigned, flips)
    fact = np.array([math.factorial(i) for i in range(n + 1)], dtype=np.int64)
    gens8 = unsigned.astype(np.uint8)
    total = signed_states(n)

    args = (gens8, *tables.kernel_args(), fact, SA, SB, half)

    def expand(bits, cur, chunk, nthreads):  # a layer in calls of bounded work: Ctrl-C is seen between them
        expanded = found = lo = 0
        while lo < bits.shape[0]:
            e, f, lo = SK.signed_expand_shared(bits, lo, SLICE_WORK * nthreads, chunk, *args, cur, nthreads)
            expanded += e
            found += f
        return expanded, found

    sizes, ranks = bitmap_layers(expand, total, len(graph.generators), min(last_layer_limit, total), Threads())
    last: list[tuple] = []
    if ranks.shape[0]:
        states = SK.unrank_signed(np.sort(ranks), n, fact)
        if flip:  # w is an involution: conjugating again maps the states back
            w = _position_reversal(n)
            states = w[states[:, w]]
        relabel = np.array(graph.start)
        last = [tuple(int(v) for v in relabel[p]) for p in states]
    return Growth(sizes, last)
