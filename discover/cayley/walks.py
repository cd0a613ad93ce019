"""Random walks on a Cayley or Schreier graph: a dataset of (state, steps) pairs.

A walk starts at the graph's start state and takes ``length`` steps, each by a generator chosen
uniformly at random: ``s_{t+1} = s_t . g`` with ``(s . g)[i] = s[g[i]]`` (:mod:`discover.cayley.perms`).
Row (walk w, step t, s_t) says that s_t is reached by a word of t generators, so its distance to the
start is at most t (for inverse-closed generators; otherwise from the start to s_t): the usual
training data of distance predictors (CayleyPy's ``random_walks``, "classic" mode).
"""

from __future__ import annotations

import numpy as np

from discover.cayley.graph import GraphDef


def random_walks(graph: GraphDef, walks: int, length: int, seed: int = 0):
    """Yield (walk, step, state) for ``walks`` walks of ``length`` steps (step 0 is the start)."""
    if graph.kind != "perm":
        from discover.errors import InputError

        raise InputError("--generators: walks are sampled on permutation groups and their orbits")
    rng = np.random.default_rng(seed)
    gens = np.array(graph.generators, dtype=np.int64)
    states = np.tile(np.array(graph.start, dtype=np.int64), (walks, 1))
    for step in range(length + 1):
        for w in range(walks):
            yield w, step, states[w]
        if step < length:
            choice = rng.integers(0, gens.shape[0], size=walks)
            states = np.take_along_axis(states, gens[choice], axis=1)
