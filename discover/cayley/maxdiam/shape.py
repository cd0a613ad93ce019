"""Shapes of generating sets: which conjugacy class each generator is drawn from.

A *shape* is a comma-separated list of generator classes, one per generator:

==============  =====================================================================================
``inv``         any involution (a product of one or more disjoint transpositions)
``2^3``         a cycle type: here three disjoint 2-cycles; parts are joined by ``.``, e.g. ``3.2^2`` is
                a 3-cycle times two 2-cycles; ``2`` is a transposition, ``5`` a 5-cycle
``n``, ``n-1``  a cycle of length n (or n-1, n-2, ...), so one shape serves a whole range of sizes
==============  =====================================================================================

and the named shapes ``two-involutions`` (``inv,inv``), ``three-involutions`` (``inv,inv,inv``),
``involution-cycle`` (``inv,n``) and ``cycle-transposition`` (``n,2``); ``involution-cycle:K`` and
``cycle-transposition:K`` take a K-cycle instead of the n-cycle.

The Cayley graph of a set S is taken *undirected*: S together with the inverses of its elements (an
involution is its own inverse; a K-cycle c brings c^-1). Two sets with the same undirected graph
({t, c} and {t, c^-1}) are the same set here, and so are two orderings of generators of the same class.

**What can generate.** Two involutions generate a dihedral group (a = (ab)^k b ... : <a, b> is
D_m with m the order of ab), never S_n or A_n for n >= 4, so that shape is refused for n >= 4. A set all of
whose generators are even permutations lies in A_n; it is kept when it generates A_n, and the records
say A_n. Every other set is kept only when it generates S_n.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from discover.errors import InputError

NAMED = {
    "two-involutions": "inv,inv",
    "three-involutions": "inv,inv,inv",
    "involution-cycle": "inv,{k}",
    "cycle-transposition": "{k},2",
}
MAX_GENERATORS = 4  # generators in one shape: the enumeration's symmetry group grows as k! per class
_PART = re.compile(r"(n(?:-[0-9]{1,3})?|[0-9]{1,3})(?:\^([0-9]{1,3}))?", re.ASCII)


@dataclass(frozen=True)
class GeneratorClass:
    """One generator's class: ``text`` as written; ``parts``: ((length expression, multiplicity), ...)
    with the length an integer or ``n-d`` (``("n", d)``); ``any_involution`` for ``inv``."""

    text: str
    parts: tuple = ()
    any_involution: bool = False

    def cycle_type(self, n: int) -> dict[int, int] | None:
        """{cycle length >= 2: count} at degree n (None for ``inv``); InputError when it does not fit."""
        if self.any_involution:
            return None
        out: dict[int, int] = {}
        for length, mult in self.parts:
            L = n - length[1] if isinstance(length, tuple) else length
            if L < 2:
                raise InputError(f"--shape {self.text!r}: at n={n} a cycle of length {L} is not a cycle (need >= 2)")
            out[L] = out.get(L, 0) + mult
        moved = sum(L * m for L, m in out.items())
        if moved > n:
            raise InputError(f"--shape {self.text!r}: moves {moved} points, more than n={n}")
        return out

    def is_involution(self, n: int) -> bool:
        ct = self.cycle_type(n)
        return ct is None or set(ct) == {2}

    def is_even(self, n: int) -> bool | None:
        """True/False: every element of the class is even/odd; None for ``inv`` (both kinds occur)."""
        ct = self.cycle_type(n)
        if ct is None:
            return None
        return sum((L - 1) * m for L, m in ct.items()) % 2 == 0

    def class_size(self, n: int) -> int:
        """The number of elements of the class (for ``inv``: every involution other than the identity)."""
        ct = self.cycle_type(n)
        if ct is None:
            return sum(math.factorial(n) // (2 ** m * math.factorial(m) * math.factorial(n - 2 * m))
                       for m in range(1, n // 2 + 1))
        fixed = n - sum(L * m for L, m in ct.items())
        z = math.factorial(fixed)
        for L, m in ct.items():
            z *= L ** m * math.factorial(m)
        return math.factorial(n) // z


@dataclass(frozen=True)
class Shape:
    text: str
    classes: tuple[GeneratorClass, ...]

    @property
    def k(self) -> int:
        return len(self.classes)

    def check(self, n: int) -> str:
        """The group the kept sets generate at degree n ("S_n" or "A_n"); InputError when no set of this
        shape can generate S_n or A_n there (see the module docstring)."""
        if n < 2:
            raise InputError(f"--n {n}: the symmetric group needs n >= 2")
        for c in self.classes:
            c.cycle_type(n)  # fits?
        if self.k == 2 and all(c.is_involution(n) for c in self.classes) and n >= 4:
            raise InputError(f"--shape {self.text!r}: two involutions generate a dihedral group, never S_n or A_n "
                             f"for n >= 4 (n={n}); try three-involutions")
        return "A_n" if all(c.is_even(n) is True for c in self.classes) else "S_n"

    def estimated_sets(self, n: int) -> int:
        """About how many sets up to simultaneous conjugacy: prod |class| / (n! * symmetries), the count
        when almost every set has a trivial centraliser (a lower estimate: it ignores sets fixed by a
        conjugation and counts intransitive ones)."""
        total = math.prod(c.class_size(n) for c in self.classes)
        return max(1, total // (math.factorial(n) * self.symmetries(n)))

    def symmetries(self, n: int) -> int:
        """Orderings of equal classes times inversions of the generators that are not involutions."""
        out = 1
        for text in {c.text for c in self.classes}:
            out *= math.factorial(sum(c.text == text for c in self.classes))
        for c in self.classes:
            if not c.is_involution(n):
                out *= 2
        return out


def _parse_class(text: str, whole: str, k: int | None) -> GeneratorClass:
    item = text.strip().lower()
    if item in ("inv", "involution"):
        return GeneratorClass("inv", any_involution=True)
    if "{k}" in item:
        item = item.replace("{k}", "n" if k is None else str(k))
    parts = []
    for piece in item.split("."):
        m = _PART.fullmatch(piece.strip())
        if m is None:
            raise InputError(f"--shape {whole!r}: cannot read {text.strip()!r}; expected inv, a cycle type such as "
                             "2^3 or 3.2, or n / n-1 (a cycle of that length)")
        length_text, mult_text = m.groups()
        mult = int(mult_text) if mult_text else 1
        if mult < 1:
            raise InputError(f"--shape {whole!r}: multiplicity 0 in {text.strip()!r}")
        if length_text.startswith("n"):
            length = ("n", int(length_text[2:]) if "-" in length_text else 0)
        else:
            length = int(length_text)
            if length < 2:
                raise InputError(f"--shape {whole!r}: {text.strip()!r}: a cycle has length >= 2")
        parts.append((length, mult))
    return GeneratorClass(item, tuple(parts))


def parse_shape(text: str) -> Shape:
    """The :class:`Shape` written in ``text`` (see the module docstring); InputError when malformed."""
    raw = str(text).strip()
    if not raw:
        raise InputError("--shape: empty; give a named shape (three-involutions, ...) or classes such as inv,inv,inv")
    if len(raw) > 200:
        raise InputError(f"--shape {raw[:40]!r}...: longer than 200 characters")
    name, _, param = raw.partition(":")
    k = None
    if name in NAMED:
        if param:
            if "{k}" not in NAMED[name] or not param.isdigit() or not 2 <= int(param) <= 64:
                raise InputError(f"--shape {raw!r}: {name} takes no parameter" if "{k}" not in NAMED[name] else
                                 f"--shape {raw!r}: the cycle length K must be 2..64")
            k = int(param)
        body = NAMED[name]
    elif param:
        raise InputError(f"--shape {raw!r}: unknown named shape {name!r} (known: {', '.join(NAMED)})")
    else:
        body = raw
    items = body.split(",")
    if len(items) > MAX_GENERATORS:
        raise InputError(f"--shape {raw!r}: {len(items)} generators; at most {MAX_GENERATORS}")
    if len(items) < 2:
        raise InputError(f"--shape {raw!r}: one generator generates a cyclic group; give at least two classes")
    return Shape(raw, tuple(_parse_class(item, raw, k) for item in items))


__all__ = ["Shape", "GeneratorClass", "parse_shape", "NAMED", "MAX_GENERATORS"]
