"""The features of a candidate flip {u, v} that the learned policy reads, and the network on them.

Every feature depends on the graph and the walk's state only, not on the vertex labels, so one
network applied to every pair gives a permutation-equivariant policy. Node quantities are one round of
message passing: ``load[x]`` sums, over the edges at x, the forbidden structures through the edge
(each violated structure counted at its vertices), and ``nmd[x]`` is the mean degree of x's
neighbours. Degrees are measured against the mean degree ``dbar`` so one network serves every n.

====  ==========================================================================================
 0    1 if {u, v} is an edge (the flip removes it), else 0 (the flip adds it)
 1    change in violations of the flip, clipped to [-4, 4], / 2
 2    structures the pair closes as an edge (``cost_present``), at most 4, / 2
 3    common neighbours |N(u) & N(v)| / 2
 4    (deg u + deg v) / (2 dbar) - 1
 5    |deg u - deg v| / dbar
 6    load u + load v, at most 8, / 4
 7    (nmd u + nmd v) / (2 dbar) - 1
 8    1 if the current graph has a forbidden structure, else 0
 9    current edges minus the walk's best valid edge count, clipped to [-3, 3], / 3
====  ==========================================================================================

The network: ``f(x) = b2 + w2 . tanh(W1 x + b1)`` (one hidden layer).
"""

from __future__ import annotations

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit

N_FEATURES = 10
FEATURE_NAMES = ("is_edge", "d_violations", "cost_present", "common_neighbours", "degree_sum",
                 "degree_gap", "endpoint_load", "neighbour_degree", "invalid_now", "edge_gap")


@njit(cache=True, inline="always")
def _clip(x, lo, hi):
    return min(max(x, lo), hi)


@njit(cache=True)
def pair_features(u, v, is_edge, dviol, present, common, deg, load, nmd, dbar, viol, gap, out):
    """Fill ``out[:N_FEATURES]`` with the features of the flip {u, v} (see the module table)."""
    out[0] = is_edge
    out[1] = _clip(dviol, -4.0, 4.0) / 2.0
    out[2] = min(present, 4.0) / 2.0
    out[3] = common / 2.0
    out[4] = (deg[u] + deg[v]) / (2.0 * dbar) - 1.0
    out[5] = abs(deg[u] - deg[v]) / dbar
    out[6] = min(load[u] + load[v], 8.0) / 4.0
    out[7] = (nmd[u] + nmd[v]) / (2.0 * dbar) - 1.0
    out[8] = 1.0 if viol > 0 else 0.0
    out[9] = _clip(gap, -3.0, 3.0) / 3.0


@njit(cache=True)
def network(x, W1, b1, w2, b2):
    """``b2 + w2 . tanh(W1 x + b1)`` for one feature vector x."""
    out = b2
    for h in range(W1.shape[0]):
        s = b1[h]
        for k in range(W1.shape[1]):
            s += W1[h, k] * x[k]
        out += w2[h] * np.tanh(s)
    return out


def pair_features_py(u, v, a, dviol, present, common, deg, load, nmd, dbar, viol, gap) -> np.ndarray:
    """Pure-Python reference of :func:`pair_features` (for the tests)."""
    clip = lambda x, lo, hi: min(max(x, lo), hi)  # noqa: E731
    return np.array([a, clip(dviol, -4, 4) / 2, min(present, 4) / 2, common / 2,
                     (deg[u] + deg[v]) / (2 * dbar) - 1, abs(deg[u] - deg[v]) / dbar,
                     min(load[u] + load[v], 8) / 4, (nmd[u] + nmd[v]) / (2 * dbar) - 1,
                     1.0 if viol > 0 else 0.0, clip(gap, -3, 3) / 3])
