"""Unification: the PCF behind a 2x2 CMF trajectory, and finding the trajectory that yields a given PCF.

PCF of a trajectory. For a 2x2 step matrix S(n) = [[A, B], [C, D]] the rows r_N of the walk
W_N = S(0) ... S(N-1) satisfy r_{N+1} = r_N S(N); their second coordinates y_N (p_N and q_N, the
entries the limit is read from) satisfy

    y_{N+1} = (D_N + A_{N-1} B_N / B_{N-1}) y_N - (B_N det S_{N-1} / B_{N-1}) y_{N-1}.

Multiplying by c_N = B_{N-1} (the PCF equivalence (a_n, b_n) ~ (c_n a_n, c_n c_{n-1} b_n)) gives the
polynomial PCF

    a(n) = B(n-1) D(n) + A(n-1) B(n),      b(n) = -B(n) B(n-2) det S(n-1),

which is then *deflated*: every polynomial g with g(n) | a(n) and g(n) g(n-1) | b(n) is divided out
(a -> a/g, b -> b/(g(n) g(n-1))). Its limit is a Moebius transform (with rational coefficients) of the
walk's limit. Two PCFs are compared by :meth:`discover.cf.pcf.PCF.canonical` (sign, shift, scaling).

The first column of the walk gives a second PCF the same way, with (A, B, C, D) -> (D, C, B, A); when
the walk converges both columns have the same limiting ratio, and :func:`trajectory_pcfs` returns both,
simplest first (the zeta(3) diagonal gives exactly Apery's 34n^3 + 51n^2 + 27n + 5, -n^6 this way).

Locating. :func:`locate` walks the primitive trajectories up to a step bound and the starts in a box of
every 2x2 library CMF, and reports the trajectories whose deflated PCF has the same canonical form as
the given PCF (``exact``), or, failing that, whose limit is a Moebius transform of the PCF's limit with
small integer coefficients (``mobius``: an equivalent formula by a coboundary/Moebius transform).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from discover.errors import InputError

__all__ = ["pcf_of_trajectory", "deflate", "locate", "Location"]


def _shift(p, k: int):
    """p(n + k) for an fmpz_poly p."""
    from flint import fmpz_poly

    return p(fmpz_poly([k, 1])) if p.degree() > 0 else p


def deflate(a, b):
    """Divide out every g with g(n) | a(n) and g(n) g(n-1) | b(n) (fmpz_poly a, b); returns (a, b)."""
    changed = True
    while changed and not a.is_zero():
        changed = False
        _c, factors = a.factor()
        for g, _e in factors:
            if g.degree() < 1:
                continue
            gg = g * _shift(g, -1)
            if b % gg == 0 and a % g == 0:
                a, b = a // g, b // gg
                changed = True
                break
    # integer content: c | a and c^2 | b is the PCF scaling, handled by canonical()
    return a, b


def pcf_of_trajectory(S, column: int = 1):
    """(a, b) as fmpz_poly: the deflated polynomial PCF of a 2x2 step matrix S (see the module doc).

    ``column`` 1 follows the last column of the walk (the entries the limit is read from); ``column`` 0
    follows the first column, whose entries obey the same construction with (A, B, C, D) replaced by
    (D, C, B, A). When the walk converges (the product becomes rank one) both columns have the same
    limiting ratio."""
    if len(S) != 2:
        raise InputError("only 2x2 trajectory matrices have a PCF (this CMF is larger)")
    A, B = S[0][0], S[0][1]
    C, D = S[1][0], S[1][1]
    if column == 0:
        # first coordinates: x_{N+1} = x_N A_N + y_N C_N; same as column 1 with (A, B, C, D) -> (D, C, B, A)
        A, B, C, D = D, C, B, A
    if B.is_zero():
        raise InputError("the trajectory matrix has a zero off-diagonal entry: no continued fraction")
    det = A * D - B * C
    a = _shift(B, -1) * D + _shift(A, -1) * B
    b = -(B * _shift(B, -2) * _shift(det, -1))
    return deflate(a, b)


def trajectory_pcfs(S) -> list[tuple]:
    """The deflated PCFs of both columns (those that exist), simplest first (by degrees, then size)."""
    out = []
    for column in (1, 0):
        try:
            a, b = pcf_of_trajectory(S, column)
        except InputError:
            continue
        if a.is_zero() or b.is_zero():
            continue
        ac = tuple(int(c) for c in a.coeffs())
        bc = tuple(int(c) for c in b.coeffs())
        out.append((ac, bc))
    out.sort(key=lambda ab: (len(ab[0]) + len(ab[1]), sum(abs(c) for c in ab[0] + ab[1])))
    return out


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

    from discover.cf.cmf.engine import primitive_trajectories
    from discover.cf.cmf.library import LIBRARY, get_cmf
    from discover.cf.cmf.trajectory import trajectory_matrix, walk_limit
    from discover.cf.pcf import PCF
    from discover.cf.polynomial import Polynomial

    target = _canonical(a_coeffs, b_coeffs)
    cmfs = [get_cmf(n) for n in LIBRARY] if cmfs is None else list(cmfs)
    cmfs = [c for c in cmfs if c.rank == 2]
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
            from discover.cf.identify import relation_size

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


# ----- the engine -------------------------------------------------------------------------------
from discover.records import Record  # noqa: E402
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult  # noqa: E402


@dataclass(frozen=True)
class LocateSpec(SearchSpec):
    """Locate the PCF a(n), b(n) (texts in n) in the 2x2 library CMFs ``cmfs`` (all when empty)."""

    a: str
    b: str
    cmfs: tuple = ()
    max_step: int = 2
    start_min: int = 0
    start_max: int = 2
    depth: int = 300

    def __post_init__(self):
        from discover.cf.cmf.library import LIBRARY, get_cmf
        from discover.cf.limits import MAX_START_ENTRY
        from discover.cf.pcf import PCF

        PCF.from_polynomials(self.a, self.b)
        for name in self.cmfs:
            get_cmf(name)
        names = self.cmfs or tuple(LIBRARY)
        if not any(get_cmf(n).rank == 2 for n in names):
            raise InputError("locate works with 2x2 CMFs; none of the chosen ones is 2x2")
        if not 1 <= int(self.max_step) <= 4:
            raise InputError(f"--max-step {self.max_step}: must be between 1 and 4")
        if int(self.start_min) > int(self.start_max) or int(self.start_max) - int(self.start_min) > 5 or \
                max(abs(int(self.start_min)), abs(int(self.start_max))) > MAX_START_ENTRY:
            raise InputError(f"start box [{self.start_min}, {self.start_max}]: need min <= max, at most 6 values and "
                             f"coordinates of absolute value at most {MAX_START_ENTRY}")
        if not 50 <= int(self.depth) <= 20000:
            raise InputError(f"--depth {self.depth}: must be between 50 and 20000")


def locate_shards(spec: LocateSpec):
    from discover.cf.cmf.library import LIBRARY, get_cmf

    for name in spec.cmfs or tuple(LIBRARY):
        if get_cmf(name).rank == 2:
            yield Shard(id=name, params={"cmf": name})


def locate_run_shard(spec: LocateSpec, shard: Shard) -> ShardResult:
    from discover.cf.cmf.library import get_cmf
    from discover.cf.pcf import PCF

    pcf = PCF.from_polynomials(spec.a, spec.b)
    cmf = get_cmf(shard.params["cmf"])
    found = locate(pcf.a.coeffs, pcf.b.coeffs, cmfs=[cmf], max_step=spec.max_step, start_min=spec.start_min,
                   start_max=spec.start_max, depth=spec.depth)
    canon = pcf.canonical()
    records = []
    rejected = 0
    for loc in found:
        from discover.cf.polynomial import Polynomial

        ta, tb = Polynomial(loc.pcf[0]), Polynomial(loc.pcf[1])
        how = ("has the same canonical PCF (sign, shift, scaling)" if loc.match == "exact"
               else f"has a limit related by a Moebius transform: {loc.detail}")
        statement = (f"PCF(a={pcf.a}, b={pcf.b}) lies in CMF {loc.cmf}: the trajectory {loc.trajectory} from "
                     f"{loc.start} {how}")
        payload = {
            "pcf": {"a": str(pcf.a), "b": str(pcf.b)},
            "cmf": loc.cmf,
            "trajectory": list(loc.trajectory),
            "start": list(loc.start),
            "match": loc.match,
            "trajectory_pcf": {"a": str(ta), "b": str(tb)},
            "detail": loc.detail,
            "relation": list(loc.relation) or None,
        }
        if loc.match == "exact":
            verification = {"method": "canonical forms equal (exact)"}
        else:
            recheck = recheck_mobius(pcf, cmf, loc, spec.depth)
            if recheck is None:
                rejected += 1
                continue
            verification = {"method": "PSLQ relation between the two limits, then re-checked on both limits "
                                      "recomputed independently at four times the depth: relation size <= D/2 + 1 "
                                      "and agreement >= D - 2 with D >= twice the digits PSLQ used",
                            **recheck}
        records.append(Record.create("cf.cmf.locate", "cmf-location",
                                     [list(canon[0]), list(canon[1]), loc.cmf, list(loc.trajectory), list(loc.start)],
                                     statement, payload, verification, verified=True))
    return ShardResult(records=records, candidates=1, rejected=rejected)


LOCATE_ENGINE = Engine("cf.cmf.locate", LocateSpec, locate_shards, locate_run_shard)


# ----- the independent re-check of a Moebius match ------------------------------------------------------
def recheck_mobius(pcf, cmf, loc: Location, depth: int) -> dict | None:
    """The acceptance rule of :mod:`discover.cf.identify` applied to a Moebius match found by PSLQ at
    ``loc.found_digits`` digits: both limits are recomputed independently, exactly, at four times the
    depth (the PCF by its own convergents, the walk by its own product), with D = the digits both then
    have (at most :data:`~discover.cf.limits.MAX_VERIFY_DIGITS`); the relation is accepted when
    D >= 2 x the digits PSLQ used (digits it never saw), its size is at most D / 2 + 1, and
    -(u0 + u2 y)/(u1 + u3 y) agrees with x to D - 2 digits (each limit carries its own last-digit error).
    Returns the re-check's figures for the record's ``verification``, or None when it fails."""
    import mpmath

    from discover.cf.cmf.trajectory import trajectory_matrix, walk_limit
    from discover.cf.identify import relation_size
    from discover.cf.limits import MAX_VERIFY_DIGITS

    u0, u1, u2, u3 = loc.relation
    deeper = 4 * depth
    try:
        ev = pcf.evaluate(deeper)
        wv = walk_limit(cmf, loc.trajectory, loc.start, deeper, trajectory_matrix(cmf, loc.trajectory, loc.start))
    except (InputError, ZeroDivisionError):
        return None
    D = min(ev.digits, wv.digits, float(MAX_VERIFY_DIGITS))
    size = relation_size(loc.relation)
    if D < 2 * loc.found_digits or size > D / 2 + 1:
        return None
    with mpmath.workdps(int(D) + 20):
        x, y = +ev.value, +wv.value
        bottom = u1 + u3 * y
        if bottom == 0 or x == 0:
            return None
        diff = abs(x + (u0 + u2 * y) / bottom)
        agree = float("inf") if diff == 0 else float(-mpmath.log10(diff / abs(x)))
    if agree < D - 2:
        return None
    return {"recheck_depth": deeper, "recheck_digits": round(D, 1), "found_digits": round(loc.found_digits, 1),
            "relation_digits": round(size, 2), "agreement_digits": round(min(agree, 1e6), 1)}
