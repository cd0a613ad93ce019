"""Graph definitions: what is searched, apart from the engines that search it.

A :class:`GraphDef` is a generating set acting on a start state:

* ``kind="perm"``: generators are permutations of 0..n-1 in one-line form acting on vectors of length n
  by ``(s . g)[i] = s[g[i]]`` (see :mod:`discover.cayley.perms`). The start state is the identity
  (the Cayley graph of the group) or any word (the Schreier coset graph on its orbit, e.g. binary
  strings under S_n).
* ``kind="matrix"``: generators are k x k matrices over Z/pZ acting on the right, ``s -> s M mod p``.
  The start state is the identity matrix (the Cayley graph) or a row vector (the orbit graph).
  ``modulus=0`` means the integers (no reduction): generators of determinant +-1, an infinite group in
  general, searched to a stated depth only (:func:`integer_matrix_graph`).

Several start states (``more_starts`` beside ``start``) give the growth of the set: layer k holds the
states at distance k from the nearest start. A definition is immutable and small; it says whether its generating set is inverse-closed (an
undirected graph, for which BFS keeps only the last layers); a named family also gives the order of its
group in closed form (``group_order_hint``). Orders otherwise come from :mod:`discover.cayley.verify`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

from discover.cayley import perms as P
from discover.errors import InputError


@dataclass(frozen=True)
class GraphDef:
    name: str
    kind: str  # "perm" | "matrix"
    generators: tuple  # perm: one-line tuples; matrix: row-major flattened k*k tuples
    start: tuple
    degree: int  # perm: n; matrix: k
    modulus: int = 0  # matrix groups only
    generator_names: tuple = ()
    group_order_hint: int | None = field(default=None, compare=False)  # |group| in closed form (named families)
    more_starts: tuple = ()  # further start states: the growth of the set {start, *more_starts}

    # ------------------------------------------------------------------ structure
    @property
    def state_length(self) -> int:
        return len(self.start)

    @cached_property
    def undirected(self) -> bool:
        """True when the generating set is closed under inverses (then every edge can be walked back)."""
        gens = set(self.generators)
        return all(self._inverse(g) in gens for g in gens)

    @property
    def over_integers(self) -> bool:
        """A matrix group over Z (no modulus)."""
        return self.kind == "matrix" and self.modulus == 0

    def inverse(self, g: tuple) -> tuple:
        """The inverse of the generator (or group element) ``g`` in this graph's group."""
        return self._inverse(tuple(g))

    def _inverse(self, g: tuple) -> tuple:
        if self.kind == "perm":
            return P.inverse(g)
        if self.over_integers:
            return integer_matrix_inverse(g, self.degree)
        return matrix_inverse(g, self.degree, self.modulus)

    def with_inverses(self) -> "GraphDef":
        """The same graph with the inverse of every generator added (as GAP's growth function does)."""
        gens = list(self.generators)
        names = list(self.generator_names) or [f"g{i}" for i in range(len(gens))]
        seen = set(gens)
        for g, name in zip(list(gens), list(names)):
            h = self._inverse(g)
            if h not in seen:
                seen.add(h)
                gens.append(h)
                names.append(name + "^-1")
        return GraphDef(self.name, self.kind, tuple(gens), self.start, self.degree, self.modulus,
                        tuple(names), self.group_order_hint)

    @property
    def is_regular_start(self) -> bool:
        """True when the start state's stabiliser is trivial for *every* group of its kind, so that the
        orbit is the group itself: a permutation word with distinct letters, or the identity matrix."""
        if self.kind == "perm":
            return len(set(self.start)) == len(self.start)
        k = self.degree
        return self.start == tuple(int(i == j) for i in range(k) for j in range(k))

    @cached_property
    def signed_size(self) -> int | None:
        """n when this is a Cayley graph of a subgroup of the hyperoctahedral group B_n acting on 2n
        points as signed permutations: the degree is 2n, the start has distinct letters, and every
        generator commutes with the pairing i <-> i + n (mod 2n) of the two sides of each element, so
        that a state is determined by its first n entries (which element, which side up). Else None.
        The centraliser of that fixed-point-free involution is B_n, of order 2^n n! (Bjorner and
        Brenti, *Combinatorics of Coxeter groups*, 8.1); see :mod:`discover.cayley.signed_bitmap`."""
        if self.kind != "perm" or self.degree % 2 or self.degree == 0 or not self.is_regular_start:
            return None
        n = self.degree // 2
        for g in self.generators:
            if any(g[(i + n) % (2 * n)] != (g[i] + n) % (2 * n) for i in range(2 * n)):
                return None
        return n

    @property
    def value_bound(self) -> int:
        """Every entry of every state lies in 0..value_bound-1 (not for a group over the integers)."""
        if self.kind == "perm":
            return max(self.start) + 1
        if self.over_integers:
            raise ValueError("a matrix group over the integers has unbounded entries")
        return self.modulus

    def format_state(self, state) -> str:
        if self.kind == "perm":
            if self.is_regular_start and tuple(sorted(self.start)) == tuple(range(self.degree)):
                return "[" + " ".join(str(int(v) + 1) for v in state) + "]"
            return "".join(str(int(v)) for v in state) if self.value_bound <= 10 else \
                "[" + " ".join(str(int(v)) for v in state) + "]"
        k = self.degree
        if len(state) == k:
            return "[" + " ".join(str(int(v)) for v in state) + "]"
        rows = [" ".join(str(int(state[i * k + j])) for j in range(k)) for i in range(k)]
        return "[" + "; ".join(rows) + "]"


# ---------------------------------------------------------------------- matrices mod p
def matrix_mul(a: tuple, b: tuple, k: int, p: int) -> tuple:
    return tuple(sum(a[i * k + t] * b[t * k + j] for t in range(k)) % p for i in range(k) for j in range(k))


def matrix_det(a: tuple, k: int, p: int) -> int:
    from flint import fmpz_mat

    return int(fmpz_mat(k, k, list(a)).det()) % p


def matrix_inverse(a: tuple, k: int, p: int) -> tuple:
    """Inverse of a k x k matrix over Z/pZ (adjugate over the integers divided by the determinant)."""
    from flint import fmpz_mat

    m = fmpz_mat(k, k, list(a))
    det = int(m.det())
    inv_det = pow(det % p, -1, p)
    adj = m.inv() * det  # the adjugate, exactly (an integer matrix)
    return tuple((int(adj[i, j].p) * inv_det) % p for i in range(k) for j in range(k))


def integer_matrix_inverse(a: tuple, k: int) -> tuple:
    """Inverse over Z of a k x k integer matrix of determinant +-1 (the adjugate times the determinant)."""
    from flint import fmpz_mat

    m = fmpz_mat(k, k, list(a))
    det = int(m.det())
    adj = m.inv() * det
    return tuple(int(adj[i, j].p) * det for i in range(k) for j in range(k))


def identity_matrix(k: int) -> tuple:
    return tuple(int(i == j) for i in range(k) for j in range(k))


def is_unitriangular_cayley(graph: GraphDef) -> bool:
    """True for a Cayley graph (start = identity) of a matrix group whose generators are all upper
    unitriangular mod p: ones on the diagonal, zeros below it."""
    if graph.kind != "matrix" or graph.modulus < 2:
        return False
    k, p = graph.degree, graph.modulus
    if tuple(graph.start) != identity_matrix(k):
        return False
    for g in graph.generators:
        if len(g) != k * k:
            return False
        for i in range(k):
            if g[i * k + i] % p != 1 or any(g[i * k + j] % p for j in range(i)):
                return False
    return True


def unitriangular_states(graph: GraphDef) -> int:
    """p^(k(k-1)/2): the order of UT_k(Z/pZ) (its entries above the diagonal are free)."""
    return graph.modulus ** (graph.degree * (graph.degree - 1) // 2)


def perm_graph(name: str, gens, n: int, start=None, names=()) -> GraphDef:
    gens = tuple(tuple(int(v) for v in g) for g in gens)
    for g in gens:
        if len(g) != n or not P.is_permutation(g):
            raise InputError(f"{name}: generator {list(g)} is not a permutation of degree {n}")
    start = tuple(range(n)) if start is None else tuple(start)
    if n > 1 << 16:
        raise InputError(f"--perm: degree {n} is too large (at most 65536)")
    if len(start) != n:
        raise InputError(f"--start: has length {len(start)} but the degree is n={n}")
    return GraphDef(name, "perm", gens, start, n, 0, tuple(names))


MAX_INTEGER_ENTRY = 1 << 40  # |entries| of the generators and start of a matrix group over Z


def integer_matrix_graph(name: str, gens, k: int, start=None, names=()) -> GraphDef:
    """A matrix group over Z (``modulus=0``): integer generators of determinant +-1 acting on the right."""
    from flint import fmpz_mat

    gens = tuple(tuple(int(v) for v in g) for g in gens)
    for g in gens:
        if len(g) != k * k:
            raise InputError(f"{name}: matrix has {len(g)} entries, expected {k}x{k}")
        if any(abs(v) > MAX_INTEGER_ENTRY for v in g):
            raise InputError(f"{name}: matrix entries are at most 2^40 in size over the integers")
        if abs(int(fmpz_mat(k, k, list(g)).det())) != 1:
            raise InputError(f"{name}: matrix {list(g)} is not invertible over the integers (determinant not +-1)")
    start = identity_matrix(k) if start is None else tuple(int(v) for v in start)
    if len(start) not in (k, k * k):
        raise InputError(f"--start: a vector of length {k} is expected, got {len(start)} entries")
    if any(abs(v) > MAX_INTEGER_ENTRY for v in start):
        raise InputError("--start: entries are at most 2^40 in size over the integers")
    return GraphDef(name, "matrix", gens, start, k, 0, tuple(names))


def matrix_graph(name: str, gens, k: int, p: int, start=None, names=(), order=None) -> GraphDef:
    if p < 2:
        raise InputError(f"--modulus: must be at least 2, got {p}")
    if p > 1 << 16:
        raise InputError(f"--modulus {p}: at most 65536 is supported (entries are stored in 16 bits)")
    gens = tuple(tuple(int(v) % p for v in g) for g in gens)
    for g in gens:
        if len(g) != k * k:
            raise InputError(f"{name}: matrix has {len(g)} entries, expected {k}x{k}")
        if math.gcd(matrix_det(g, k, p), p) != 1:
            raise InputError(f"{name}: matrix {list(g)} is not invertible mod {p}")
    start = identity_matrix(k) if start is None else tuple(int(v) % p for v in start)
    if len(start) not in (k, k * k):
        raise InputError(f"--start: a vector of length {k} is expected, got {len(start)} entries")
    return GraphDef(name, "matrix", gens, start, k, p, tuple(names), order)
