"""``cf search``: a meet-in-the-middle search for PCF formulas of constants over a coefficient box.

Data path: :class:`CFSearchSpec` (validated, sizes estimated before anything runs) -> :func:`shards`
(index ranges of the box) -> :func:`run_shard`:

1. **Stage 1, screening** (:mod:`discover.cf.search.screen`, Numba): every (a, b) of the shard's range at depth
   ``screen_depth`` in float64; divergent, terminating, degenerate and mirror-image candidates are
   skipped there (see the status codes of that module). Slowly (polynomially) converging candidates
   are extrapolated by a second kernel (Levin u-transform of the even and odd convergents, with an
   error estimate) when ``accelerate`` is set (the default).
2. **Matching**: the converged values are looked up (binary search, vectorised with numpy) in the
   sorted table of Moebius forms (c0 + c1 C)/(d0 + d1 C), |ci|, |di| <= ``max_coeff``, of each constant
   (:func:`discover.cf.identify.mobius_table`). A hit needs |x - y| <= max(4 e, 1e-12 |x|) where e is
   the estimated error of x_N from the error model of the last two steps (:mod:`discover.cf.convergence`;
   e <= ``screen_tol`` |x|, at least ~9 digits at the screening depth: a power-law tail is not called
   converged from its last step), or for an accelerated candidate the extrapolation's error estimate,
   <= ``accel_tol`` |x|.
3. **De-duplication**: hits are reduced to their canonical form (:meth:`discover.cf.pcf.PCF.canonical`:
   sign, shift, scaling); one per class is verified per shard (the store de-duplicates across shards).
4. **Stage 2, verification** (:mod:`discover.cf.search.verify`): exact convergents, deepened up to ``depth``
   until ``target_digits`` digits, and the Moebius form must pass the acceptance rule of
   :mod:`discover.cf.identify` with the constant computed independently at 2 D + 20 digits. Failures
   are counted as rejected, never stored. When the exact convergent at ``depth`` falls short of
   ``target_digits`` (a slowly converging fraction), the limit is extrapolated from the exact
   convergents x_0 .. x_{3k+3} in high precision (:meth:`discover.cf.pcf.PCF.extrapolate`, Levin order k
   raised until ``target_digits`` estimated digits), and the rule is applied with D = those estimated
   digits: the record keeps the convergent's own ``digits`` and reports ``digits_extrapolated`` and the
   method apart. An accelerated hit is extrapolated first, so a coincidence of the float64 screen is
   rejected (form disagreeing with the extrapolated limit) before any deep evaluation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from discover.cf.limits import MAX_DEPTH
from discover.errors import InputError
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

__all__ = ["CFSearchSpec", "ENGINE", "shards", "run_shard", "estimate_memory"]

# Limits checked before a run starts.
MAX_SHARDS = 100_000             # shard rows in the store and Shard objects in the driver
MAX_TABLE_BYTES = 2 * 1024**3    # Moebius tables held by every worker
BYTES_PER_CANDIDATE = 17         # value (8) + delta (8) + status (1) per candidate of a shard
MAX_SHARD_BYTES = 512 * 1024**2  # screening arrays of one shard
# Largest box: MAX_SHARDS shards of the largest shard (about 3e12 candidates, ~2 core-days at 20 M/s).
MAX_CANDIDATES = MAX_SHARDS * (MAX_SHARD_BYTES // BYTES_PER_CANDIDATE)


def _parse_range(value, what: str) -> tuple[int, int]:
    if isinstance(value, str):
        text = value.strip()
        parts = text.split(":")
        if len(parts) != 2:
            raise InputError(f"{what} {value!r}: expected LO:HI, e.g. -3:3")
        try:
            lo, hi = int(parts[0]), int(parts[1])
        except ValueError:
            raise InputError(f"{what} {value!r}: LO and HI must be integers") from None
    else:
        try:
            lo, hi = (int(v) for v in value)
        except (TypeError, ValueError):
            raise InputError(f"{what} {value!r}: expected LO:HI") from None
    if lo > hi:
        raise InputError(f"{what} {lo}:{hi}: empty range (LO > HI)")
    if max(abs(lo), abs(hi)) > 10**6:
        raise InputError(f"{what} {lo}:{hi}: coefficients beyond 10^6 are not supported by the float64 screen")
    return lo, hi


@dataclass(frozen=True)
class CFSearchSpec(SearchSpec):
    """A box: a(n) of degree ``a_deg`` with coefficients in ``a_range``, b(n) likewise; the constants
    whose Moebius forms are matched; the verification depth and digits; the Moebius coefficient bound."""

    constants: tuple[str, ...]
    a_deg: int
    b_deg: int
    a_range: tuple[int, int]
    b_range: tuple[int, int]
    depth: int = 2000
    screen_depth: int = 32
    max_coeff: int = 12
    target_digits: int = 60
    screen_tol: float = 1e-9
    shard_size: int = 1 << 20
    accelerate: bool = True
    accel_tol: float = 1e-7

    def __post_init__(self):
        from discover.cf.constants import parse_constants

        if isinstance(self.constants, str):
            object.__setattr__(self, "constants", (self.constants,))
        if not self.constants:
            raise InputError("--constant: give at least one constant")
        consts = parse_constants(list(self.constants))
        object.__setattr__(self, "constants", tuple(c.name for c in consts))
        for name, deg in (("--a-deg", self.a_deg), ("--b-deg", self.b_deg)):
            if not isinstance(deg, int) or not 0 <= deg <= 8:
                raise InputError(f"{name} {deg}: must be an integer between 0 and 8")
        object.__setattr__(self, "a_range", _parse_range(self.a_range, "--a-range"))
        object.__setattr__(self, "b_range", _parse_range(self.b_range, "--b-range"))
        if isinstance(self.depth, bool) or not isinstance(self.depth, int) or not 16 <= self.depth <= MAX_DEPTH:
            raise InputError(f"--depth {self.depth}: must be an integer between 16 and {MAX_DEPTH:,}")
        if not 8 <= self.screen_depth <= 1000:
            raise InputError(f"screen depth {self.screen_depth}: must be between 8 and 1000")
        if not 1 <= self.max_coeff <= 40:
            raise InputError(f"--max-coeff {self.max_coeff}: must be between 1 and 40")
        if not 10 <= self.target_digits <= 100000:
            raise InputError(f"target digits {self.target_digits}: must be between 10 and 100000")
        if not 0 < self.accel_tol <= 1e-4:
            raise InputError(f"acceleration tolerance {self.accel_tol}: must be in (0, 1e-4]")
        if self.shard_size < 1:
            raise InputError(f"shard size {self.shard_size}: must be positive")
        if self.total > MAX_CANDIDATES:
            raise InputError(f"box of {self.total:.3g} candidates is too large: it needs more than "
                             f"{MAX_SHARDS:,} shards of {MAX_SHARD_BYTES // 1024**2} MiB (limit {MAX_CANDIDATES:.1e} "
                             "candidates); narrow the ranges or degrees")
        mem = estimate_memory(self)
        if mem["table_bytes"] > MAX_TABLE_BYTES:
            raise InputError(f"--max-coeff {self.max_coeff}: the Moebius tables would need "
                             f"{mem['table_bytes'] / 1024**3:.1f} GiB per worker; use a smaller bound")
        if mem["shard_bytes"] > MAX_SHARD_BYTES:
            raise InputError(f"shard size {self.shard_size}: {mem['shard_bytes'] / 1024**2:.0f} MiB per shard; "
                             "use a smaller shard size")

    # ----- the box ------------------------------------------------------------------------
    @property
    def a_lo(self) -> list[int]:
        return [self.a_range[0]] * (self.a_deg + 1)

    @property
    def a_span(self) -> list[int]:
        return [self.a_range[1] - self.a_range[0] + 1] * (self.a_deg + 1)

    @property
    def b_lo(self) -> list[int]:
        return [self.b_range[0]] * (self.b_deg + 1)

    @property
    def b_span(self) -> list[int]:
        return [self.b_range[1] - self.b_range[0] + 1] * (self.b_deg + 1)

    @property
    def total(self) -> int:
        return (self.a_range[1] - self.a_range[0] + 1) ** (self.a_deg + 1) * \
            (self.b_range[1] - self.b_range[0] + 1) ** (self.b_deg + 1)

    @property
    def effective_shard_size(self) -> int:
        """``shard_size``, raised so that the box has at most MAX_SHARDS shards."""
        return max(self.shard_size, math.ceil(self.total / MAX_SHARDS))

    @property
    def mirror_symmetric(self) -> bool:
        """True when (-a, b) is in the box whenever (a, b) is (then one of each pair is screened)."""
        return self.a_range[0] == -self.a_range[1]


def estimate_memory(spec: CFSearchSpec) -> dict:
    """Bytes needed per worker: the Moebius tables ((2K+1)^4 forms, 40 bytes each while built, per
    constant) and one shard's screening arrays; and the number of shards."""
    K = spec.max_coeff
    forms = (2 * K + 1) ** 4
    return {
        "table_bytes": forms * 40 * len(spec.constants),
        "shard_bytes": min(spec.effective_shard_size, spec.total) * BYTES_PER_CANDIDATE,
        "shards": math.ceil(spec.total / spec.effective_shard_size),
        "candidates": spec.total,
    }


def shards(spec: CFSearchSpec):
    """Index ranges [first, first + count) of the box, in order."""
    total = spec.total
    size = spec.effective_shard_size
    for first in range(0, total, size):
        count = min(size, total - first)
        yield Shard(f"{first}+{count}", {"first": first, "count": count})


@lru_cache(maxsize=16)
def _table(constant_name: str, max_coeff: int):
    from discover.cf.constants import get_constant
    import numpy as np

    from discover.cf.identify import mobius_table

    value = float(get_constant(constant_name).value(30))
    vals, coeffs = mobius_table(value, max_coeff)
    return vals, coeffs, np.abs(coeffs).sum(axis=1)


def _match(values, deltas, ok, table_vals, table_size):
    """Indices i (into values) and table positions j with values[i] matching table_vals[j].

    The table entries within tolerance form the range [x - tol, x + tol] (two vectorised binary
    searches over all candidates); among them the form of smallest size (sum of |coefficients|) wins,
    since quadratic irrationals have many equal Moebius forms. Only the (rare) hits are looped over."""
    import numpy as np

    idx = np.nonzero(ok)[0]
    if len(idx) == 0:
        return idx, idx
    x = values[idx]
    tol = np.maximum(4.0 * deltas[idx], 1e-12 * np.maximum(np.abs(x), 1.0))
    lo = np.searchsorted(table_vals, x - tol, side="left")
    hi = np.searchsorted(table_vals, x + tol, side="right")
    hit = np.nonzero(hi > lo)[0]
    best = np.empty(len(hit), dtype=np.int64)
    for k, h in enumerate(hit.tolist()):
        best[k] = lo[h] + int(np.argmin(table_size[lo[h]:hi[h]]))
    return idx[hit], best


def run_shard(spec: CFSearchSpec, shard: Shard) -> ShardResult:
    """Screen the shard's candidates, match, de-duplicate, verify; return the verified records."""
    from discover.cf.constants import parse_constants
    from discover.cf.pcf import PCF
    from discover.cf.polynomial import Polynomial
    from discover.cf.search import screen as sc
    from discover.cf.search.verify import verify_hit

    first, count = int(shard.params["first"]), int(shard.params["count"])
    values, deltas, status = sc.screen(spec.a_lo, spec.a_span, spec.b_lo, spec.b_span, first, count,
                                       depth=spec.screen_depth, tol=spec.screen_tol,
                                       skip_mirror=spec.mirror_symmetric, accelerate_slow=spec.accelerate,
                                       accel_tol=spec.accel_tol)
    ok = (status == sc.OK) | (status == sc.ACCELERATED)
    constants = parse_constants(list(spec.constants))
    hits: dict[tuple, tuple] = {}  # canonical -> (pcf, constant index, form, rank, accelerated)
    for ci, const in enumerate(constants):
        table_vals, table_coeffs, table_size = _table(const.name, spec.max_coeff)
        rows, cols = _match(values, deltas, ok, table_vals, table_size)
        for i, j in zip(rows.tolist(), cols.tolist()):
            a, b = sc.decode(first + i, spec.a_lo, spec.a_span, spec.b_lo, spec.b_span)
            pcf = PCF(Polynomial(a), Polynomial(b))
            canon = pcf.canonical()
            form = tuple(int(v) for v in table_coeffs[j])
            # prefer the canonical representative itself, then the simplest Moebius form
            rank = (0 if (pcf.a.coeffs, pcf.b.coeffs) == canon else 1, sum(abs(v) for v in form))
            prev = hits.get(canon)
            if prev is None or rank < prev[3]:
                hits[canon] = (pcf, ci, form, rank, bool(status[i] == sc.ACCELERATED))
    trials = sum(len(_table(c.name, spec.max_coeff)[0]) for c in constants)
    records = []
    rejected = 0
    for canon, (pcf, ci, form, _rank, accelerated) in sorted(hits.items(), key=lambda item: item[0]):
        record = verify_hit(spec, pcf, constants, constants[ci], form, accelerated, trials)
        if record is None:
            rejected += 1
        else:
            records.append(record)
    return ShardResult(records=records, candidates=count, rejected=rejected)


ENGINE = Engine("cf.search", CFSearchSpec, shards, run_shard)
