"""Locating a PCF in the library CMFs: the trajectories whose PCF (:mod:`discover.cf.cmf.unification`)
is the given one, or whose limit is a Moebius transform of its limit.

:func:`locate` walks the primitive trajectories up to a step bound and the starts in a box of every 2x2
library CMF, and reports the trajectories whose deflated PCF has the same canonical form as the given
PCF (``exact``), or, failing that, whose limit is a Moebius transform of the PCF's limit with small
integer coefficients (``mobius``: found by PSLQ at most 80 digits; :mod:`.verify` re-checks it).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from discover.cf.cmf.unification import trajectory_pcfs
from discover.errors import InputError

__all__ = ["Location", "locate"]


@dataclass(frozen=True)
class Location:
    cmf: str
    trajectory: tuple[int, ...]
    start: tuple[int, ...]
    match: str  # "exact" (same canonical PCF) or "mobius" (limit related by a Moebius transform)
    pcf: tuple[tuple[int, ...], tuple[int, ...]]
    detail: str = ""
    relation: tuple[int, ...] = ()  # u with u0 + u1 x + u2 y + u3 x y = 0 (x the PCF's limit, y the walk's)
    found_digits: float = 0.0       # the digits PSLQ used


def _canonical(a_coeffs, b_coeffs):
    from discover.cf.pcf import PCF
    from discover.cf.polynomial import Polynomial

    return PCF(Polynomial(tuple(a_coeffs)), Polynomial(tuple(b_coeffs))).canonical()


def locate(a_coeffs, b_coeffs, cmfs=None, max_step: int = 2, start_min: int = 0, start_max: int = 2,
           depth: int = 300, want_mobius: bool = True) -> list[Location]:
    """Trajectories of the 2x2 library CMFs (or ``cmfs``) that yield the PCF a(n), b(n) (coefficients,
    lowest first): exact matches first; Moebius-equivalent ones when no exact match exists."""
    import mpmath

    from discover.cf.cmf.library import LIBRARY, get_cmf
    from discover.cf.cmf.trajectory import primitive_trajectories, trajectory_matrix, walk_limit
    from discover.cf.identify import relation_size
    from discover.cf.pcf import PCF
    from discover.cf.polynomial import Polynomial

    target = _canonical(a_coeffs, b_coeffs)
    cmfs = [get_cmf(n) for n in LIBRARY] if cmfs is None else list(cmfs)
    cmfs = [c for c in cmfs if c.rank == 2 and not c.free_parameters]  # a parametric field needs --param
    exact: list[Location] = []
    candidates = []
    for cmf in cmfs:
        for t in primitive_trajectories(cmf.dim, max_step):
            for s in itertools.product(range(start_min, start_max + 1), repeat=cmf.dim):
                try:
                    S = trajectory_matrix(cmf, t, s)
                except InputError:
                    continue
                pcfs = trajectory_pcfs(S)
                if not pcfs:
                    continue
                hit = None
                for ac, bc in pcfs:
                    try:
                        if _canonical(ac, bc) == target:
                            hit = (ac, bc)
                            break
                    except (InputError, ValueError):
                        continue
                if hit is not None:
                    exact.append(Location(cmf.name, t, s, "exact", hit))
                else:
                    candidates.append((cmf, t, s, S, pcfs[0][0], pcfs[0][1]))
    if exact or not want_mobius:
        return exact
    # Moebius equivalence of the limits: u . (1, L1, L2, L1 L2) = 0 with small integers
    pcf = PCF(Polynomial(tuple(a_coeffs)), Polynomial(tuple(b_coeffs)))
    ev = pcf.evaluate(depth)
    if ev.digits < 30:
        return []
    D = min(ev.digits, 80.0)
    out = []
    with mpmath.workdps(int(D) + 10):
        x = +ev.value
        for cmf, t, s, S, ac, bc in candidates:
            try:
                wv = walk_limit(cmf, t, s, depth, S)
            except (InputError, ZeroDivisionError):
                continue
            if wv.digits < 30:
                continue
            d = min(D, wv.digits)
            y = +wv.value
            if x == 0 or y == 0:
                continue
            with mpmath.workdps(int(d) + 5):
                try:
                    rel = mpmath.pslq([mpmath.mpf(1), x, y, x * y], tol=mpmath.mpf(10) ** (-(d - 5)),
                                      maxcoeff=10**6, maxsteps=5000)
                except (ValueError, ZeroDivisionError):
                    rel = None
            if rel is None or (rel[2] == 0 and rel[3] == 0) or (rel[1] == 0 and rel[3] == 0):
                continue
            if relation_size(rel) > d / 3:
                continue
            # x = -(u0 + u2 y)/(u1 + u3 y), a true Moebius map only when u0 u3 - u1 u2 != 0
            u0, u1, u2, u3 = (int(v) for v in rel)
            if u0 * u3 - u1 * u2 == 0:
                continue
            out.append(Location(cmf.name, t, s, "mobius", (ac, bc),
                                f"limit = -({u0} + {u2}*L)/({u1} + {u3}*L), L the walk's limit",
                                relation=(u0, u1, u2, u3), found_digits=float(d)))
    return out
