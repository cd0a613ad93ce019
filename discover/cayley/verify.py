"""The independent checks of the Cayley engine: group and orbit orders, and fitted formulas.

Nothing here shares code with the searches (:mod:`~discover.cayley.bfs`, the Numba kernels): a growth is
verified by comparing the sum of its layers with an order computed another way.

**Orders.** :func:`expected_order` gives the number of vertices of a graph without a search:

* the closed form of a named family (``graph.group_order_hint``: n! for the families that generate S_n,
  n!/2 for the 3-cycles, 2^n n! for B_n, p^(k(k-1)/2) for UT_k(Z/pZ), ...);
* otherwise, for a permutation group, :func:`schreier_sims_order` on its points; for a matrix group mod p,
  :func:`schreier_sims_order` of its action ``v -> v M`` on the p^k row vectors of (Z/pZ)^k, which is
  faithful (the images of the unit vectors e_1..e_k are the rows of M), so the order of the action is the
  order of the group; done only when p^k <= :data:`~discover.cayley.limits.MAX_ACTION_POINTS`;
* for the orbit of a word (a Schreier coset graph): a multinomial coefficient when the group is S_n (the
  orbit is every rearrangement of the word) or A_n with a repeated letter (an odd permutation fixes the
  word, so the orbit is the same as under S_n); n!/2 for A_n and a word of distinct letters; otherwise,
  and for the orbit of a vector under matrices, a plain enumeration of the orbit (Python sets) while it
  has at most :data:`ORBIT_ENUMERATION_LIMIT` states.

When none applies the order is unknown and the growth is *computed but unverified* (``verified=False``:
shown to the user, not stored).

**Schreier-Sims.** The deterministic algorithm (Sims 1970; Holt, Eick and O'Brien, *Handbook of
Computational Group Theory*, 4.4.2): a base b_1, b_2, ... and strong generators S_i (those of S fixing
b_1..b_{i-1}) such that every Schreier generator ``u_x s u_{x^s}^-1`` of every level sifts to the
identity through the levels below; then |G| is the product of the basic orbit lengths |b_i^<S_i>|.
During the computation that product only grows and never exceeds |G| (each <S_{i+1}> lies in the
stabiliser of b_i in <S_i>), so a ``cap`` lets a caller learn at once that a group is too large.

**Formulas.** :func:`check_formula` re-parses a fitted quasi-polynomial from its printed form (sympy) and
compares it exactly with every computed value.

**Bounds.** :func:`bound_holds` compares a diameter with the CayleyPy paper's conjectured bound
n^2/2 + 4n for Cayley graphs of S_n (Chervov et al., arXiv:2502.18663) in integers.
"""

from __future__ import annotations

import math
from functools import lru_cache, partial

from discover.cayley.graph import GraphDef
from discover.cayley.limits import MAX_ACTION_POINTS, MAX_STATES

ORBIT_ENUMERATION_LIMIT = 200_000  # states of an orbit counted by plain enumeration


# ---------------------------------------------------------------------------- actions
# An element is a pair (g, g^-1), so that no inverse is ever computed from scratch except a generator's.
class PermAction:
    """Permutations of 0..n-1 as int64 arrays ``g[i]`` = image of i; ``a * b`` applies a, then b."""

    def __init__(self, n: int):
        import numpy as np  # here, not at the top: a closed-form order (most commands) needs no numpy

        self.np = np
        self.identity = np.arange(n, dtype=np.int64)

    def element(self, g) -> tuple:
        a = self.np.asarray(g, dtype=self.np.int64)
        inv = self.np.empty_like(a)
        inv[a] = self.identity
        return a, inv

    def mul(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return b[a]

    def image(self, point: int, g: np.ndarray) -> int:
        return int(g[point])

    def moved_point(self, g: np.ndarray) -> int:
        return int(self.np.flatnonzero(g != self.identity)[0])


class MatrixAction:
    """Invertible k x k matrices mod p acting on row vectors by ``v -> v M``; ``a * b`` is the product
    AB (apply a, then b). A point is a vector, as a tuple."""

    def __init__(self, k: int, p: int):
        import numpy as np  # see PermAction

        self.np = np
        self.k, self.p = k, p
        self.identity = np.eye(k, dtype=np.int64)

    def element(self, g) -> tuple:
        a = self.np.asarray(g, dtype=self.np.int64).reshape(self.k, self.k) % self.p
        power, prev = a, self.identity  # a^-1 = a^(m-1) for the order m of a
        while not (power == self.identity).all():
            prev, power = power, self.mul(power, a)
        return a, prev

    def mul(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return (a @ b) % self.p

    def image(self, point: tuple, g: np.ndarray) -> tuple:
        return tuple(int(v) for v in (self.np.asarray(point, dtype=self.np.int64) @ g) % self.p)

    def moved_point(self, g: np.ndarray) -> tuple:
        for i in range(self.k):  # a unit vector moves unless row i of g is e_i
            if not (g[i] == self.identity[i]).all():
                return tuple(int(i == j) for j in range(self.k))
        raise ValueError("the identity moves no point")


# ---------------------------------------------------------------------------- Schreier-Sims
class _Chain:
    """The stabiliser chain under construction: per level a base point, strong generators and the
    basic orbit with its transversal (``transversal[x]`` is a pair mapping the base point to x)."""

    def __init__(self, action):
        self.action = action
        self.one = (action.identity, action.identity)
        self.points: list = []
        self.generators: list[list] = []
        self.transversals: list[dict] = []

    def mul(self, a, b):
        act = self.action
        return act.mul(a[0], b[0]), act.mul(b[1], a[1])

    def inverse(self, a):
        return a[1], a[0]

    def is_identity(self, a) -> bool:
        return bool((a[0] == self.action.identity).all())

    def rebuild(self, level: int) -> None:
        act = self.action
        transversal = {self.points[level]: self.one}
        queue = [self.points[level]]
        for x in queue:
            u = transversal[x]
            for s in self.generators[level]:
                y = act.image(x, s[0])
                if y not in transversal:
                    transversal[y] = self.mul(u, s)
                    queue.append(y)
        self.transversals[level] = transversal

    def sift(self, g, start: int):
        """Strip ``g`` through levels start..: (residue, level where it stopped; the depth if none)."""
        for j in range(start, len(self.points)):
            x = self.action.image(self.points[j], g[0])
            u = self.transversals[j].get(x)
            if u is None:
                return g, j
            g = self.mul(g, self.inverse(u))
        return g, len(self.points)

    def add(self, h, frm: int, to: int) -> None:
        """Add the strong generator h to levels frm..to (a new level when ``to`` is the depth)."""
        if to == len(self.points):
            self.points.append(self.action.moved_point(h[0]))
            self.generators.append([])
            self.transversals.append({})
        for level in range(frm, to + 1):
            self.generators[level].append(h)
            self.rebuild(level)

    def order_bound(self) -> int:
        return math.prod(len(t) for t in self.transversals)


def schreier_sims_order(action, generators, cap: int | None = None) -> int | None:
    """|<generators>| by deterministic Schreier-Sims under ``action`` (see the module docstring);
    None as soon as the order is known to exceed ``cap``."""
    chain = _Chain(action)
    for g in generators:
        h, j = chain.sift(action.element(g), 0)
        if not chain.is_identity(h):
            chain.add(h, 0, j)
    i = len(chain.points) - 1
    while i >= 0:
        if cap is not None and chain.order_bound() > cap:
            return None
        restart = None
        transversal = chain.transversals[i]
        for x, u in list(transversal.items()):
            for s in list(chain.generators[i]):
                y = action.image(x, s[0])
                schreier = chain.mul(chain.mul(u, s), chain.inverse(transversal[y]))
                if chain.is_identity(schreier):
                    continue
                h, j = chain.sift(schreier, i + 1)
                if not chain.is_identity(h):
                    chain.add(h, i + 1, j)
                    restart = j
                    break
            if restart is not None:
                break
        i = restart if restart is not None else i - 1
    if cap is not None and chain.order_bound() > cap:
        return None
    return chain.order_bound()


# ---------------------------------------------------------------------------- orders of graphs
def _multinomial(word) -> int:
    out = math.factorial(len(word))
    for letter in set(word):
        out //= math.factorial(list(word).count(letter))
    return out


def plain_action(graph: GraphDef):
    """``act(state, generator)`` in plain Python (tuples): a permutation relabels a word,
    ``(s . g)[i] = s[g[i]]``; a matrix M maps each row r of a state (a vector or a matrix) to r M mod p."""
    if graph.kind == "perm":
        def act(s, g):
            return tuple(s[i] for i in g)
        return act
    k, p = graph.degree, graph.modulus

    def act(s, g):
        row = [sum(s[a * k + c] * g[c * k + b] for c in range(k)) for a in range(len(s) // k) for b in range(k)]
        return tuple(x % p for x in row) if p else tuple(row)  # p = 0: a matrix group over the integers
    return act


def plain_moves(graph: GraphDef) -> list:
    """One function per generator, ``state -> state . g``, the action of :func:`plain_action`; for a
    permutation of degree >= 2 an ``operator.itemgetter`` (the relabelling done in C: the plain
    enumerations below visit up to millions of states)."""
    if graph.kind == "perm" and graph.degree >= 2:
        from operator import itemgetter

        return [itemgetter(*g) for g in graph.generators]
    act = plain_action(graph)
    return [partial(_act_by, act, g) for g in graph.generators]


def _act_by(act, g, s):
    return act(s, g)


def _enumerated_orbit(graph: GraphDef, limit: int) -> int | None:
    """The orbit of the start state by plain enumeration (a Python set), or None beyond ``limit``."""
    moves = plain_moves(graph)
    seen = {tuple(graph.start)}
    queue = [tuple(graph.start)]
    for s in queue:
        for move in moves:
            t = move(s)
            if t not in seen:
                if len(seen) >= limit:
                    return None
                seen.add(t)
                queue.append(t)
    return len(seen)


@lru_cache(maxsize=64)
def expected_order(graph: GraphDef, cap: int = MAX_STATES) -> tuple[int | None, str]:
    """(number of vertices of ``graph`` known without its BFS, how it was found); (None, why) when
    unknown, or (None, "more than CAP elements") when the group is larger than ``cap``."""
    if graph.kind == "matrix" and graph.modulus == 0:
        return None, "a matrix group over the integers (infinite in general): partial searches only"
    if graph.kind == "perm":
        n = graph.degree
        group, how = graph.group_order_hint, "closed form"
        if group is None:
            group, how = schreier_sims_order(PermAction(n), graph.generators, cap), "Schreier-Sims"
        if graph.is_regular_start:
            return (group, how) if group is not None else (None, f"more than {cap:,} elements")
        # the orbit of a word: known for S_n and A_n (see the module docstring), else enumerated below
        full, half = math.factorial(n), math.factorial(n) // 2
        repeated = len(set(graph.start)) < len(graph.start)
        if group == full or (n >= 2 and group == half and repeated):
            return _multinomial(graph.start), f"{how}: the group is {'S' if group == full else 'A'}_{n}"
        if n >= 2 and group == half:
            return group, f"{how}: the group is A_{n}"
    elif graph.is_regular_start:
        if graph.group_order_hint is not None:
            return graph.group_order_hint, "closed form"
        k, p = graph.degree, graph.modulus
        if p ** k > MAX_ACTION_POINTS:
            return None, (f"the action on the {p}^{k} vectors is beyond the "
                          f"{MAX_ACTION_POINTS:,} points that Schreier-Sims is run on")
        order = schreier_sims_order(MatrixAction(k, p), graph.generators, cap)
        if order is None:
            return None, f"more than {cap:,} elements"
        return order, f"Schreier-Sims on the {p ** k} vectors mod {p}"
    size = _enumerated_orbit(graph, ORBIT_ENUMERATION_LIMIT)
    if size is None:
        return None, f"the orbit has more than the {ORBIT_ENUMERATION_LIMIT:,} states that are enumerated"
    return size, "orbit enumerated"


def _same_orbit(graph: GraphDef) -> bool:
    """True when every further start state is known to lie in the orbit of the first: for a start with
    distinct letters, its permutation is in the group (the group's order does not grow when it is added,
    by Schreier-Sims); for a word whose orbit is every arrangement of its letters, the same letters."""
    if graph.kind != "perm":
        return False
    order, _ = expected_order(graph)
    if not graph.is_regular_start:
        return order == _multinomial(graph.start) and all(sorted(s) == sorted(graph.start) for s in graph.more_starts)
    where = {v: i for i, v in enumerate(graph.start)}
    base = schreier_sims_order(PermAction(graph.degree), graph.generators)
    for s in graph.more_starts:
        if sorted(s) != sorted(graph.start):
            return False
        h = tuple(where[v] for v in s)
        if schreier_sims_order(PermAction(graph.degree), tuple(graph.generators) + (h,)) != base:
            return False
    return True


def verify_growth(graph: GraphDef, layer_sizes) -> tuple[bool, dict]:
    """(verified, verification fields) of a computed growth: its layers must sum to :func:`expected_order`.
    From several start states in one orbit (:func:`_same_orbit`) they sum to that orbit's order; otherwise
    every layer is re-counted by plain enumeration (as for a partial growth), when it is small enough."""
    if graph.more_starts and not _same_orbit(graph):
        verified, check = verify_partial_growth(graph, layer_sizes)
        complete = check["layers_checked"] == len(layer_sizes) - 1
        if not complete:
            check["order_check"] = "computed but unverified: starts in several orbits, " + check["order_check"]
        return verified and complete, check
    expected, how = expected_order(graph)
    total = sum(layer_sizes)
    if expected is None:
        return False, {"expected_order": None, "order_check": f"computed but unverified: no independent order ({how})"}
    ok = expected == total
    check = f"sum of layers = order ({how})" if ok else f"MISMATCH: sum of layers {total} != order {expected} ({how})"
    return ok, {"expected_order": expected, "order_check": check}


def verify_partial_growth(graph: GraphDef, layer_sizes, limit: int = ORBIT_ENUMERATION_LIMIT) -> tuple[bool, dict]:
    """(verified, verification fields) of the first layers of a growth (a partial search): the layers are
    counted again by a plain breadth-first enumeration (Python sets, no kernel) as far as it holds at most
    ``limit`` states; layers beyond are reported unchecked. Verified when every layer re-counted agrees
    and at least layers 0..min(2, depth) were re-counted."""
    moves = plain_moves(graph)
    layer = list(dict.fromkeys([tuple(graph.start), *map(tuple, graph.more_starts)]))
    seen = set(layer)
    counted = [len(layer)]
    while len(counted) < len(layer_sizes):
        nxt = []
        for s in layer:
            for move in moves:
                t = move(s)
                if t not in seen:
                    seen.add(t)
                    nxt.append(t)
        if len(seen) > limit:
            break
        counted.append(len(nxt))
        layer = nxt
    depth = len(counted) - 1
    agree = list(layer_sizes[:len(counted)]) == counted
    enough = depth >= min(2, len(layer_sizes) - 1)
    how = (f"layers 0..{depth} re-counted by plain enumeration ({sum(counted):,} states)"
           + ("" if depth == len(layer_sizes) - 1 else f"; layers {depth + 1}..{len(layer_sizes) - 1} not checked"))
    if not agree:
        how = f"MISMATCH: plain enumeration counts layers {counted}, the search {list(layer_sizes[:len(counted)])}"
    return agree and enough, {"layers_checked": depth, "order_check": how, "expected_order": None}


# ---------------------------------------------------------------------------- formulas
def check_formula(polynomials, modulus: int, n_min: int, ns, values, variable: str = "n") -> bool:
    """Independent check of a conjecture from its *printed* form: parse each polynomial (in ``variable``:
    n, p or k) with sympy and compare exactly with every computed value at ``variable`` >= n_min. A residue
    class printed without a polynomial (None: no data there) must hold no computed value."""
    import sympy

    x = sympy.Symbol(variable)
    if len(polynomials) != modulus or all(p is None for p in polynomials):
        return False
    exprs = [None if p is None else sympy.sympify(p, locals={variable: x}) for p in polynomials]
    for point, y in zip(ns, values):
        if point < n_min:
            continue
        expr = exprs[point % modulus]
        if expr is None or sympy.Rational(expr.subs(x, point)) != y:
            return False
    return True


def bound_holds(n: int, diameter: int) -> bool:
    """diameter <= n^2/2 + 4n, compared exactly in integers (2 * diameter <= n^2 + 8n)."""
    return 2 * diameter <= n * n + 8 * n


__all__ = ["expected_order", "verify_growth", "verify_partial_growth", "plain_action", "plain_moves", "schreier_sims_order", "check_formula", "bound_holds", "PermAction", "MatrixAction"]
