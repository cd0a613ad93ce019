"""The elliptic semiplane of order q: a bipartite graph of girth 6 on 2 q^2 vertices, a start for the walks.

Let q be a prime power and GF(q) the field of q elements. The *points* are the pairs (x, y) and the
*lines* the pairs (m, b), x, y, m, b in GF(q); the point (x, y) lies on the line (m, b) when
y = m x + b. This is the affine plane AG(2, q) without its vertical lines (one parallel class), an
elliptic semiplane of order q. Its incidence graph S(q) has n = 2 q^2 vertices and q^3 edges, every
vertex of degree q, and girth 6 for q >= 3 (8 for q = 2): two points lie on at most one common line
(no 4-cycle), and the graph is bipartite (no odd cycle).

Why it is a start for ex(n; {C3, C4}). Two points (x, y), (x, y') with the same x lie on no common line,
and neither do two parallel lines (m, b), (m, b'), so edges inside these 2 q blocks of q vertices create
no 4-cycle through the incidence edges alone; adding a matching or a few cycles inside the blocks keeps
girth 5 when the blocks' graphs are chosen compatibly. This *amalgamation* gives the densest known graphs
of girth 5 at these orders: the Hoffman-Singleton graph (q = 5: 50 vertices, 175 edges; Robertson's
pentagons and pentagrams are the blocks) and the (q + 2)- and (q + 3)-regular graphs of Jorgensen and of
Abreu, Funk, Labbate and Napolitano. The edge walks find such completions themselves: from S(5) they reach
175 edges at n = 50 in milliseconds, from S(8) the 666 edges that Goedgebeur, Jooken, Joret and Van den
Eede (2025) report at n = 128 (degrees 10 and 11) in seconds.

References: M. Funk, "Girth 5 graphs from elliptic semiplanes", Note di Matematica 29 suppl. 1 (2009)
91-114; L. K. Jorgensen, "Girth 5 graphs from relative difference sets", Discrete Math. 293 (2005) 177-184;
M. Abreu, M. Funk, D. Labbate, V. Napolitano, "On (minimal) regular graphs of girth 6", Australas. J.
Combin. 35 (2006) 119-132.
"""

from __future__ import annotations

from discover.errors import InputError

# the largest order q offered: S(q) has 2 q^2 vertices, and the cycle problems allow n <= 400 (q = 13)
MAX_Q = 13


def prime_power(q: int) -> tuple[int, int] | None:
    """(p, e) with q = p^e, p prime and e >= 1, or None when q is not a prime power."""
    if q < 2:
        return None
    p = next(d for d in range(2, q + 1) if q % d == 0)
    e, rest = 0, q
    while rest % p == 0:
        rest //= p
        e += 1
    return (p, e) if rest == 1 else None


def field_tables(q: int) -> tuple[list[list[int]], list[list[int]]]:
    """Addition and multiplication tables of GF(q), elements numbered 0..q-1 (0 the zero, 1 the one),
    computed with FLINT's finite fields (python-flint ``fq_default_ctx``); element i is the polynomial
    whose coefficients are the base-p digits of i."""
    import flint

    pe = prime_power(q)
    if pe is None:
        raise InputError(f"q = {q} is not a prime power")
    p, e = pe
    ctx = flint.fq_default_ctx(p, e)

    def element(i: int):
        return ctx([(i // p**k) % p for k in range(e)])

    def index(a) -> int:
        coeffs = [int(c) for c in a.to_list()] if e > 1 else [int(a)]
        return sum(c * p**k for k, c in enumerate(coeffs))

    els = [element(i) for i in range(q)]
    add = [[index(a + b) for b in els] for a in els]
    mul = [[index(a * b) for b in els] for a in els]
    return add, mul


def semiplane_edges(q: int) -> tuple[int, list[tuple[int, int]]]:
    """(n, edges) of S(q) (module docstring): point (x, y) is vertex x q + y, line (m, b) is
    q^2 + m q + b."""
    if not isinstance(q, int) or not 2 <= q <= MAX_Q:
        raise InputError(f"q = {q} is outside 2..{MAX_Q}")
    add, mul = field_tables(q)
    negative = [row.index(0) for row in add]  # -a is the c with a + c = 0
    # y = m x + b, so the line through (x, y) with slope m has b = y - m x
    edges = [(x * q + y, q * q + m * q + add[y][negative[mul[m][x]]])
             for x in range(q) for y in range(q) for m in range(q)]
    return 2 * q * q, edges


def semiplane_orders(limit: int = MAX_Q) -> list[int]:
    """The prime powers q from 2 to ``limit``."""
    return [q for q in range(2, limit + 1) if prime_power(q)]


def semiplane_seeds(sizes, reach: int) -> tuple[str, ...]:
    """graph6 of S(q) for every prime power q <= MAX_Q with 2 q^2 within ``reach`` vertices of a size; an
    InputError naming the orders when there is none."""
    from discover.extremal import graph6

    orders = [q for q in semiplane_orders() if any(abs(2 * q * q - n) <= reach for n in sizes)]
    if not orders:
        shown = ", ".join(str(2 * q * q) for q in semiplane_orders())
        raise InputError(f"--seed-family semiplane: no semiplane graph (n = {shown}) is within {reach} "
                         "vertices of a size searched")
    return tuple(graph6.encode(*semiplane_edges(q)) for q in orders)
