"""Path finding: a word in the generators that takes a state to the start state.

Conventions (those of :mod:`discover.cayley.perms`): a state ``s`` is acted on by ``(s . g)[i] = s[g[i]]``;
a *word* ``g_1 ... g_k`` (generator indices) solves ``s`` when ``s . g_1 . g_2 ... g_k`` is the graph's
start state. Its length k is at least the distance of s to the start in the Cayley (or Schreier) graph.

Two methods, both returning a word that :func:`apply_word` checks by plain application before it is
reported:

* ``meet-in-the-middle`` (exact): breadth-first layers from ``s`` under the generators and from the start
  under their inverses (the one frontier loop, :class:`discover.cayley.frontier.Frontier`, keeping every
  layer), always extending the side with the smaller last layer. If no path of length <= a + b exists
  and the new layer a+1 of one side meets the last layer b of the other, the distance is a+1+b: a
  shortest path has a vertex at distance a+1 from one end and b from the other. So the first meeting
  gives a shortest word (``optimal: true``); the word is walked back through the kept layers. When a
  side runs out of states first, s is not in the orbit of the start.
  Used when the whole group (its order known in closed form or by Schreier-Sims) fits the memory limit.
* ``beam`` search: from s, each step expands the beam (at most ``beam_width`` states) by every generator,
  drops states of the last few beam layers, and keeps the ``beam_width`` states of least heuristic
  score. The search ends when a state lies in the *ball* around the start: the first layers of the
  start under the inverse generators, kept whole (exact distances), so the end of the word is optimal.
  Scores: the pancake gap count for prefix reversals, else the Hamming distance to the start.
  ``optimal`` is true only when the length equals an admissible lower bound of the state's distance
  (:func:`lower_bound`), or when the state itself lies in the ball. Pattern databases are built on first
  use (:class:`discover.cayley.patterns.LazyPatterns`).

Matrix groups mod p (states: matrices, or vectors of an orbit) use the exact method only; the state
is checked by Schreier-Sims on the vectors mod p (the group's order must not grow when it is added).

Admissible lower bounds (never more than the distance): a generator moves at most ``m`` positions, so
``ceil(hamming / m)`` moves are needed; for prefix reversals of 0..n-1 one reversal changes at most one
adjacency, so the gap count is a bound (Helmert, "Landmark heuristics for the pancake problem", 2010).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np

from discover.cayley.graph import GraphDef
from discover.errors import InputError, RuntimeFailure

BEAM_HISTORY = 4  # beam layers whose states are not revisited
DEFAULT_BALL = 1 << 17  # states of the exact ball around the start in a beam search


@dataclass
class Solution:
    word: list[int]
    optimal: bool
    method: str
    lower_bound: int
    seconds: float = 0.0
    stats: dict = field(default_factory=dict)

    @property
    def length(self) -> int:
        return len(self.word)


class NotInGroup(RuntimeFailure):
    """The state is not in the orbit of the start (exit status 1)."""


# ---------------------------------------------------------------------------- checks
def apply_word(graph: GraphDef, state, word) -> tuple:
    """``state . g_1 . g_2 ...`` in plain Python (no kernel): the check of every solution (a permutation
    relabels, a matrix multiplies on the right mod p: :func:`discover.cayley.verify.plain_action`)."""
    from discover.cayley.verify import plain_action

    act = plain_action(graph)
    s = tuple(state)
    for i in word:
        s = act(s, graph.generators[i])
    return s


def _element(graph: GraphDef, state) -> tuple:
    """The permutation h with ``start . h = state`` (start with distinct letters)."""
    where = {v: i for i, v in enumerate(graph.start)}
    return tuple(where[v] for v in state)


def check_membership(graph: GraphDef, state) -> None:
    """Raise :class:`NotInGroup` when ``state`` is not in the orbit of the start: its letters differ from
    the start's, or (distinct letters) the permutation taking the start to it is not in the group
    (the group's order grows when it is added: Schreier-Sims, or the parity for A_n, nothing for S_n)."""
    if graph.kind == "matrix":
        _check_matrix_membership(graph, state)
        return
    if sorted(state) != sorted(graph.start):
        raise NotInGroup("--state: its letters are not those of the start state, so it is not in the group's orbit")
    if not graph.is_regular_start:
        return  # a word's orbit: the searches decide (the exact one proves "not in the orbit" by exhausting it)
    from discover.cayley.verify import PermAction, expected_order, schreier_sims_order

    n = graph.degree
    order, _ = expected_order(graph)
    h = _element(graph, state)
    if order == math.factorial(n):
        return
    if order is not None and n >= 2 and order == math.factorial(n) // 2:
        if _parity(h) == 0:
            return
        raise NotInGroup("--state: an odd permutation, not in the group (the alternating group A_n)")
    bigger = schreier_sims_order(PermAction(n), tuple(graph.generators) + (h,))
    smaller = order if order is not None else schreier_sims_order(PermAction(n), graph.generators)
    if bigger != smaller:
        raise NotInGroup("--state: not in the group generated by the generators (Schreier-Sims: adding it "
                         "makes the group larger)")


def _check_matrix_membership(graph: GraphDef, state) -> None:
    """A matrix state of a Cayley graph (start = I) is in the group when adding it does not make the group
    larger (Schreier-Sims on the vectors mod p); an orbit's vector is left to the exact search."""
    from discover.cayley.graph import identity_matrix, matrix_det
    from discover.cayley.verify import MatrixAction, schreier_sims_order

    k, p = graph.degree, graph.modulus
    if tuple(graph.start) != identity_matrix(k):
        return
    if math.gcd(matrix_det(state, k, p), p) != 1:
        raise NotInGroup(f"--state: not invertible mod {p}, so not in the group")
    action = MatrixAction(k, p)
    if schreier_sims_order(action, tuple(graph.generators) + (tuple(state),)) != \
            schreier_sims_order(action, graph.generators):
        raise NotInGroup("--state: not in the group generated by the matrices (Schreier-Sims: adding it makes "
                         "the group larger)")


def _parity(h) -> int:
    seen = [False] * len(h)
    parity = 0
    for i in range(len(h)):
        if not seen[i]:
            j, length = i, 0
            while not seen[j]:
                seen[j] = True
                j = h[j]
                length += 1
            parity ^= (length - 1) & 1
    return parity


HEURISTICS = ("auto", "hamming", "gaps", "patterns", "cyclic")


def heuristic_name(graph: GraphDef, family: str | None, chosen: str = "auto") -> str:
    """``auto``: ``gaps`` for prefix reversals of the identity arrangement (pancake), ``patterns`` (pattern
    databases, :mod:`discover.cayley.patterns`) for other groups acting on 0..n-1, else ``hamming``."""
    identity = graph.start == tuple(range(graph.degree))
    if chosen == "gaps" and not (family == "pancake" and identity):
        raise InputError("--heuristic gaps: only for the pancake family")
    if chosen == "patterns" and not identity:
        raise InputError("--heuristic patterns: only when the start is the identity arrangement")
    if chosen == "cyclic" and not identity:
        raise InputError("--heuristic cyclic: only when the start is the identity arrangement")
    if chosen != "auto":
        return chosen
    if family == "pancake" and identity:
        return "gaps"
    if family == "lrx" and identity:
        return "cyclic"
    return "patterns" if identity else "hamming"


def lower_bound(graph: GraphDef, state, heuristic: str, patterns=None) -> int:
    """An admissible lower bound of the distance from ``state`` to the start (see the module docstring)."""
    start = graph.start
    hamming = sum(a != b for a, b in zip(state, start))
    moved = max((sum(g[i] != i for i in range(len(g))) for g in graph.generators), default=1)
    bound = -(-hamming // max(moved, 1))
    if heuristic == "gaps":
        n = len(state)
        gaps = sum(abs(state[j] - state[j + 1]) != 1 for j in range(n - 1)) + (state[n - 1] != n - 1)
        bound = max(bound, gaps)
    if patterns is not None:
        patterns = patterns.get() if hasattr(patterns, "get") else patterns
        bound = max(bound, int(patterns.distances(np.array([state], dtype=np.uint16))[0][0]))
    return bound


def _inverse_generators(graph: GraphDef) -> list[tuple]:
    return [graph.inverse(g) for g in graph.generators]


# ---------------------------------------------------------------------------- meet in the middle
def _step_towards(search, key_row, layer_index, gens_rows) -> tuple[int, np.ndarray]:
    """The generator index t and the state ``x . gens_rows[t]`` (x unpacked from ``key_row``) that lies in
    ``search.layers[layer_index]``."""
    from discover.cayley.frontier import contains

    x = search.unpack(key_row.reshape(1, -1))[0]
    if search.graph.kind == "matrix":
        from discover.cayley.verify import plain_action

        act = plain_action(search.graph)
        candidates = np.array([act(tuple(int(v) for v in x), tuple(int(v) for v in g)) for g in gens_rows],
                              dtype=np.uint16)
    else:
        candidates = np.stack([x[g] for g in gens_rows]).astype(np.uint16)
    hit = contains(search.layers[layer_index], search.pack(candidates))
    t = int(np.flatnonzero(hit)[0])
    return t, search.pack(candidates[t: t + 1])[0]


def walk_back(search, key_row, depth, inverse_rows) -> list[int]:
    """Generator indices g_1..g_depth with ``y . g_1 ... g_depth`` = the key ``key_row`` of layer ``depth``
    of ``search`` (a forward search under the generators) and y in its layer 0."""
    word = []
    for i in range(depth, 0, -1):
        t, key_row = _step_towards(search, key_row, i - 1, inverse_rows)
        word.append(t)
    return word[::-1]


def walk_forward(search, key_row, depth, rows) -> list[int]:
    """Generator indices taking the key ``key_row`` of layer ``depth`` of ``search`` (a search from the
    start under the inverse generators) to the start: each step moves one layer closer."""
    word = []
    for i in range(depth, 0, -1):
        t, key_row = _step_towards(search, key_row, i - 1, rows)
        word.append(t)
    return word


def meet_in_the_middle(graph: GraphDef, state, memory_limit: int) -> Solution:
    """A shortest word solving ``state`` (see the module docstring); :class:`NotInGroup` when a side runs out."""
    from discover.cayley.frontier import Frontier, common_row
    from discover.cayley.layers import Threads

    t0 = time.perf_counter()
    gens = np.array(graph.generators, dtype=np.int64)
    inverses = np.array(_inverse_generators(graph), dtype=np.int64)
    forward = Frontier(graph, starts=[state], keep_all=True)
    backward = Frontier(graph, generators=inverses, undirected=graph.undirected, keep_all=True)
    meet = common_row(forward.cur, backward.cur)
    threads = Threads()
    try:
        while meet is None:
            side, other = (forward, backward) if forward.cur.shape[0] <= backward.cur.shape[0] else (backward, forward)
            threads(side.cur.shape[0] * side.G)
            nxt = side.next_layer()
            if nxt.shape[0] == 0:
                raise NotInGroup("--state: not in the orbit of the start (the exact search exhausted it)")
            side.advance(nxt)
            if forward.held_bytes() + backward.held_bytes() > memory_limit:
                raise RuntimeFailure(f"the exact search outgrew the memory limit of {memory_limit / 2**30:.1f} GiB "
                                     "(use --method beam)")
            meet = common_row(nxt, other.cur)
    finally:
        threads.reset()
    a, b = len(forward.layers) - 1, len(backward.layers) - 1
    word = walk_back(forward, meet, a, inverses) + walk_forward(backward, meet, b, gens)
    return Solution(word, True, "meet-in-the-middle", len(word), time.perf_counter() - t0,
                    {"forward_layers": a, "backward_layers": b})


# ---------------------------------------------------------------------------- beam search
def start_ball(graph: GraphDef, max_states: int):
    """The first layers around the start under the inverse generators, whole (at most ``max_states``
    states in all): exact distances to the start for the states near it."""
    from discover.cayley.frontier import Frontier

    inverses = np.array(_inverse_generators(graph), dtype=np.int64)
    ball = Frontier(graph, generators=inverses, undirected=graph.undirected, keep_all=True)
    total = 1
    while True:
        if total + ball.cur.shape[0] * ball.G > max_states:
            break  # the next layer might not fit
        nxt = ball.next_layer()
        if nxt.shape[0] == 0:
            break
        total += nxt.shape[0]
        ball.advance(nxt)
    return ball


def _in_ball(ball, keys: np.ndarray):
    """(depth, key) of a row of ``keys`` in the ball's smallest layer holding one, or None."""
    from discover.cayley.frontier import common_row, sort_unique

    probe = sort_unique(keys.copy(), ball.used_bits)
    for depth, layer in enumerate(ball.layers):
        row = common_row(probe, layer)
        if row is not None:
            return depth, row
    return None


def beam_search(graph: GraphDef, state, beam_width: int, max_steps: int, heuristic: str,
                ball=None, seed: int = 0, patterns=None) -> Solution | None:
    """A word solving ``state`` by beam search (see the module docstring), or None after ``max_steps``."""
    from discover.cayley import beam_kernels as B
    from discover.cayley.layers import Threads

    t0 = time.perf_counter()
    rng = np.random.default_rng(seed)
    L = graph.state_length
    gens = np.array(graph.generators, dtype=np.int64)
    G = gens.shape[0]
    target = np.array(graph.start, dtype=np.uint16)
    mult = rng.integers(1, 2**63, size=L, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    beam = np.array([state], dtype=np.uint16)
    ball = ball if ball is not None else start_ball(graph, 1)
    hit = _in_ball(ball, ball.pack(beam))
    if hit is not None:  # the ball's distances are exact
        word = walk_forward(ball, hit[1], hit[0], gens)
        return Solution(word, True, "beam", len(word), time.perf_counter() - t0, {"steps": 0, "ball_depth": hit[0]})
    if patterns is not None and hasattr(patterns, "get"):
        patterns = patterns.get()
    bound = lower_bound(graph, state, heuristic, patterns)
    parents: list[np.ndarray] = []
    moves: list[np.ndarray] = []
    history: list[np.ndarray] = []
    threads = Threads()
    try:
        for step in range(1, max_steps + 1):
            threads(beam.shape[0] * G * L // 16)
            out = np.empty((beam.shape[0] * G, L), dtype=np.uint16)
            hashes = np.empty(beam.shape[0] * G, dtype=np.uint64)
            B.expand_hash(beam, gens, mult, out, hashes)
            uniq, rows = np.unique(hashes, return_index=True)
            if history:
                fresh = ~np.isin(uniq, np.concatenate(history), assume_unique=False)
                uniq, rows = uniq[fresh], rows[fresh]
            if rows.shape[0] == 0:
                return None
            hit = _in_ball(ball, ball.pack(out[rows]))
            if hit is not None:
                depth, key = hit
                row = int(rows[np.flatnonzero(np.all(ball.pack(out[rows]) == key, axis=1))[0]])
                word = walk_forward(ball, key, depth, gens)
                parent, move = row // G, row % G
                tail = [move]
                for k in range(len(parents) - 1, -1, -1):
                    tail.append(int(moves[k][parent]))
                    parent = int(parents[k][parent])
                prefix = tail[::-1]
                full = prefix + word
                return Solution(full, len(full) == bound, "beam", bound, time.perf_counter() - t0,
                                {"steps": step, "ball_depth": len(ball.layers) - 1})
            scores = np.empty(rows.shape[0], dtype=np.int32)
            if heuristic == "gaps":
                B.pancake_gaps(out, rows, scores)
            elif heuristic == "patterns":
                scores = patterns.distances(out[rows])[1]
            elif heuristic == "cyclic":
                B.cyclic_displacement(out, rows, scores)
            else:
                B.mismatches(out, rows, target, scores)
            if rows.shape[0] > beam_width:
                noisy = scores.astype(np.float64) + rng.random(rows.shape[0])  # random tie-breaks
                keep = np.argpartition(noisy, beam_width)[:beam_width]
                rows, uniq = rows[keep], uniq[keep]
            parents.append((rows // G).astype(np.int32))
            moves.append((rows % G).astype(np.int16))
            beam = out[rows]
            history.append(uniq)
            if len(history) > BEAM_HISTORY:
                history.pop(0)
    finally:
        threads.reset()
    return None


# ---------------------------------------------------------------------------- the driver
def fits_exactly(graph: GraphDef, memory_limit: int) -> bool:
    """True when the whole group (its order known) fits the memory limit as packed keys: the exact search."""
    from discover.cayley.plan import frontier_bytes
    from discover.cayley.verify import expected_order

    order, _ = expected_order(graph)
    return order is not None and 2 * frontier_bytes(graph, order) <= memory_limit


def solve(graph: GraphDef, state, *, method: str = "auto", memory_limit: int | None = None,
          beam_width: int = 1 << 12, max_steps: int = 1000, ball_states: int = DEFAULT_BALL,
          family: str | None = None, ball=None, seed: int = 0, heuristic: str = "auto",
          patterns=None) -> Solution:
    """A word taking ``state`` to the start of ``graph``, verified by :func:`apply_word` (``RuntimeFailure``
    if that ever fails). ``method``: ``exact`` (meet in the middle), ``beam``, or ``auto`` (exact when the
    group fits the memory limit, else beam). ``ball``: a precomputed :func:`start_ball` (many states)."""
    from discover.cayley.plan import memory_limit as default_limit

    if graph.over_integers:
        raise InputError("--generators: solve works on permutation groups and matrix groups mod p (not over Z)")
    state = tuple(int(v) for v in state)
    if len(state) != graph.state_length:
        raise InputError(f"--state: has {len(state)} entries, the states of {graph.name} have {graph.state_length}")
    check_membership(graph, state)
    limit = default_limit(memory_limit)
    heuristic = heuristic_name(graph, family, heuristic)
    if method == "auto":
        method = "exact" if fits_exactly(graph, limit) else "beam"
    if method == "beam" and graph.kind == "matrix":
        raise InputError(f"--method: matrix groups are solved exactly only, and {graph.name} does not fit the "
                         "memory limit (its order must be known and fit)")
    if method == "exact":
        if not fits_exactly(graph, limit):
            raise InputError(f"--method exact: {graph.name} is larger than the memory limit allows for the exact "
                             "search (its order must be known and fit); use --method beam")
        out = meet_in_the_middle(graph, state, limit)
    else:
        if ball is None:
            ball = start_ball(graph, ball_states)
        if heuristic == "patterns" and patterns is None:
            from discover.cayley.patterns import LazyPatterns

            patterns = LazyPatterns(graph)
        out = beam_search(graph, state, beam_width, max_steps, heuristic, ball, seed, patterns)
        if out is None:
            raise RuntimeFailure(f"beam search found no path within {max_steps} steps (beam width {beam_width}); "
                                 "try a larger --beam-width or --max-steps")
        out.lower_bound = max(out.lower_bound, lower_bound(graph, state, heuristic, patterns))
        out.optimal = out.optimal or out.length == out.lower_bound
    if apply_word(graph, state, out.word) != tuple(graph.start):
        raise RuntimeFailure("internal error: the word found does not take the state to the start")
    return out
