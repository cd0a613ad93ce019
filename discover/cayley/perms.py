"""Permutations: parsing, composition and the action convention used by the whole engine.

Conventions (one place, used everywhere):

* A permutation of degree n is a tuple ``g`` of the points 0..n-1 in *one-line form*: ``g[i]`` is the
  image of i. Points are 0-based inside the library; the CLI reads GAP-style points 1..n (a 0 is refused).
* A state is a vector ``s`` (a group element in one-line form, or any word for a coset graph). A generator
  acts on a state by ``(s . g)[i] = s[g[i]]``: the state is relabelled through g. Starting from the
  identity this is right multiplication; the growth function (number of elements whose shortest word
  in the generators has length k) is the same for left and right multiplication, because both count
  the products of k generators.
* Cycle notation ``(1 2 3)(4 5)`` maps 1->2->3->1 and 4<->5, as in GAP.
"""

from __future__ import annotations

import re

from discover.cayley.limits import MAX_PERM_DEGREE
from discover.errors import InputError

Perm = tuple[int, ...]


def identity(n: int) -> Perm:
    return tuple(range(n))


def compose(a: Perm, b: Perm) -> Perm:
    """The state ``a`` acted on by ``b``: ``(a . b)[i] = a[b[i]]``."""
    return tuple(a[i] for i in b)


def inverse(g: Perm) -> Perm:
    out = [0] * len(g)
    for i, v in enumerate(g):
        out[v] = i
    return tuple(out)


def is_permutation(values) -> bool:
    return sorted(values) == list(range(len(values)))


def from_cycles(n: int, cycles) -> Perm:
    """The permutation of degree n with the given cycles (0-based points)."""
    g = list(range(n))
    for cyc in cycles:
        for k, a in enumerate(cyc):
            g[a] = cyc[(k + 1) % len(cyc)]
    return tuple(g)


def transposition(n: int, i: int, j: int) -> Perm:
    return from_cycles(n, [(i, j)])


def to_cycles(g: Perm, one_based: bool = True) -> str:
    """Cycle notation of g (fixed points omitted; the identity is ``()``)."""
    seen = [False] * len(g)
    parts = []
    for start in range(len(g)):
        if seen[start] or g[start] == start:
            seen[start] = True
            continue
        cyc = []
        a = start
        while not seen[a]:
            seen[a] = True
            cyc.append(a + 1 if one_based else a)
            a = g[a]
        parts.append("(" + " ".join(map(str, cyc)) + ")")
    return "".join(parts) or "()"


_CYCLE = re.compile(r"\(([^()]*)\)")
_POINT = re.compile(r"[0-9]{1,12}", re.ASCII)


def _points(body: str, text: str) -> list[int]:
    """The points listed in ``body`` (commas or spaces between them), checked to be 1..MAX_PERM_DEGREE."""
    items = [t for t in re.split(r"[\s,]+", body.strip()) if t]
    if not all(_POINT.fullmatch(t) for t in items):
        raise InputError(f"--perm {text!r}: points must be positive integers (ASCII digits)")
    points = [int(t) for t in items]
    for v in points:
        if v == 0:
            raise InputError(f"--perm {text!r}: point 0; points are 1..n (as in GAP)")
        if v > MAX_PERM_DEGREE:
            raise InputError(f"--perm {text!r}: point {v} is beyond the limit of {MAX_PERM_DEGREE} points")
    return points


def parse_perm(text: str, n: int | None = None) -> Perm:
    """Parse a permutation given in cycle notation or one-line form (points 1..n, as in GAP).

    * cycle notation: ``(1 2 3)(4 5)`` (commas allowed). The degree is ``n`` when given, else the largest
      point.
    * one-line form: ``[2,3,1,5,4]`` or ``2 3 1 5 4``: the images of 1..n. Its length is the degree and
      must equal ``n`` when given.

    Points are at most :data:`~discover.cayley.limits.MAX_PERM_DEGREE`. Raises :class:`InputError` naming
    the text when it is not a permutation (a point 0, a repeated point, unbalanced brackets, ...).
    """
    raw = str(text).strip()
    if len(raw) > 20 * MAX_PERM_DEGREE:
        raise InputError(f"--perm: more than {20 * MAX_PERM_DEGREE:,} characters")
    if not raw:
        raise InputError("--perm: empty permutation")
    if "(" in raw or ")" in raw:
        rest = _CYCLE.sub("", raw).strip()
        if rest:
            raise InputError(f"--perm {text!r}: not cycle notation (unexpected {rest[:20]!r}: unbalanced brackets?)")
        cycles = [[p - 1 for p in _points(body, text)] for body in _CYCLE.findall(raw)]
        points = [p for c in cycles for p in c]
        if len(points) != len(set(points)):
            raise InputError(f"--perm {text!r}: not a permutation (a point appears twice)")
        degree = max(points, default=-1) + 1
        if n is None:
            n = max(degree, 1)
        elif degree > n:
            raise InputError(f"--perm {text!r}: moves point {degree} but the degree is n={n}")
        return from_cycles(n, [c for c in cycles if len(c) > 1])
    body = raw
    if raw.startswith("[") or raw.endswith("]"):
        if not (raw.startswith("[") and raw.endswith("]")):
            raise InputError(f"--perm {text!r}: unbalanced brackets; expected [2,3,1] or (1 2 3)")
        body = raw[1:-1]
    if "[" in body or "]" in body:
        raise InputError(f"--perm {text!r}: unbalanced or nested brackets; expected [2,3,1] or (1 2 3)")
    if re.search(r",\s*,|^\s*,|,\s*$", body):
        raise InputError(f"--perm {text!r}: an empty entry between commas")
    values = [v - 1 for v in _points(body, text)]
    if not values:
        raise InputError(f"--perm {text!r}: empty permutation")
    if not is_permutation(values):
        raise InputError(f"--perm {text!r}: not a permutation of 1..{len(values)}")
    if n is not None and len(values) != n:
        raise InputError(f"--perm {text!r}: has degree {len(values)} but n={n}")
    return tuple(values)


def parse_perms(texts, n: int | None = None) -> tuple[Perm, ...]:
    """Parse several permutations to one common degree (``n`` or the largest needed).

    One-line forms fix the degree; a cycle-notation permutation is extended by fixed points. Two
    one-line forms of different lengths (or one that disagrees with ``n``) are a degree mismatch."""
    texts = list(texts)
    fixed = {}
    for t in texts:
        if "(" not in t and ")" not in t:
            fixed[t] = len(parse_perm(t))
    degrees = set(fixed.values())
    if len(degrees) > 1:
        raise InputError(f"--perm: degree mismatch between one-line permutations (degrees {sorted(degrees)})")
    if degrees:
        d = degrees.pop()
        if n is not None and n != d:
            raise InputError(f"--perm: degree mismatch: one-line permutations have degree {d} but n={n}")
        n = d
    if n is None:
        n = max(len(parse_perm(t)) for t in texts)
    return tuple(parse_perm(t, n) for t in texts)
