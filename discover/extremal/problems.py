"""Extremal problems as data: what is forbidden and what is maximised.

A :class:`Problem` names the forbidden substructures of a graph G on n vertices (0-based):

* ``cycles``: lengths k in {3, 4, 5} of forbidden cycles C_k (``(3, 4)`` is girth >= 5, the problem
  ex(n; {C3, C4}) of OEIS A006856; ``(4,)`` is ex(n; C4), OEIS A006855; ``(3,)`` is triangle-free);
* ``clique`` / ``independent``: a two-colouring of the edges of K_n (red = edges of G, blue = non-edges)
  without a red K_s (a clique of size s in G) or a blue K_t (an independent set of size t in G):
  a witness of the Ramsey lower bound R(s, t) > n.

The objective is ``edges`` (maximise the edge count among graphs with no forbidden structure) or
``witness`` (find any graph with none). A search scores a graph as ``edge_weight * edges - penalty *
violations`` where ``violations`` counts the forbidden structures; adding a problem means adding a spec
here and, if it forbids a new kind of structure, a scoring term in :mod:`discover.extremal.flips`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from discover.errors import InputError

MAX_CYCLE_N = 400
MAX_RAMSEY_N = 64


@dataclass(frozen=True)
class Problem:
    """A forbidden-substructure problem (see the module docstring)."""

    name: str
    title: str
    cycles: tuple[int, ...] = ()
    clique: int = 0
    independent: int = 0
    objective: str = "edges"
    oeis: str = ""

    @property
    def max_n(self) -> int:
        return MAX_RAMSEY_N if self.objective == "witness" else MAX_CYCLE_N

    @property
    def reattachable(self) -> bool:
        """Whether the vertex re-attachment walk (:mod:`discover.extremal.reattach`) serves this
        problem: most edges, forbidden cycles with C4 among them."""
        return self.objective == "edges" and 4 in self.cycles and not (self.clique or self.independent)

    def weights(self) -> tuple[int, int, int]:
        """Weights of C3, C4, C5 in the violation count (1 if forbidden, else 0)."""
        return tuple(1 if k in self.cycles else 0 for k in (3, 4, 5))

    def validate_n(self, n: int) -> None:
        if not isinstance(n, int) or n < 1 or n > self.max_n:
            raise InputError(f"--n: {n} is out of range for problem {self.name} (1..{self.max_n})")


CYCLE_PROBLEMS = {
    "c3c4": Problem("c3c4", "ex(n; {C3, C4}): most edges with no 3- or 4-cycle (girth >= 5)",
                    cycles=(3, 4), oeis="A006856"),
    "c4": Problem("c4", "ex(n; C4): most edges with no 4-cycle", cycles=(4,), oeis="A006855"),
    "c3": Problem("c3", "ex(n; C3): most edges with no triangle (Mantel: floor(n^2/4))", cycles=(3,),
                  oeis="A002620"),
    "c3c4c5": Problem("c3c4c5", "ex(n; {C3, C4, C5}): most edges with girth >= 6", cycles=(3, 4, 5)),
}
_ALIASES = {"girth4": "c3", "girth5": "c3c4", "girth6": "c3c4c5"}

PROBLEM_NAMES = ("c3c4", "c4", "c3", "c3c4c5", "girth4", "girth5", "girth6", "ramsey-S-T")


def get_problem(name: str) -> Problem:
    """The problem called ``name``: c3c4 | c4 | c3 | c3c4c5 | girthG (G = 4, 5, 6) | ramsey-S-T."""
    key = str(name).strip().lower()
    key = _ALIASES.get(key, key)
    if key in CYCLE_PROBLEMS:
        return CYCLE_PROBLEMS[key]
    m = re.fullmatch(r"ramsey[-:_(]?(\d+)[-,_](\d+)\)?", key)
    if m:
        s, t = int(m.group(1)), int(m.group(2))
        if not (2 <= s <= 5 and 2 <= t <= 5):
            raise InputError(f"--problem: {name!r}: Ramsey sizes must be between 2 and 5")
        return Problem(f"ramsey-{s}-{t}",
                       f"two-colouring of K_n with no red K_{s} and no blue K_{t} (R({s},{t}) > n)",
                       clique=s, independent=t, objective="witness")
    raise InputError(f"--problem: unknown problem {name!r} (known: {', '.join(PROBLEM_NAMES)})")
