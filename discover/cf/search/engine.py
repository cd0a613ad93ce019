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

Structured domains (``domain``, :mod:`discover.cf.search.families`): instead of a box, the symmetric
families of the Ramanujan Machine (a(n) = p(n) + p(n+1) with p odd, or a polynomial in n(n+1);
b(n) = -c n^(2d)); ``a_range`` is then the range of the parameters x_j and ``b_range`` the range of c.
Their candidates are screened as coefficient rows (:func:`discover.cf.search.screen.screen_rows`).
With ``combine`` the values are matched against combined forms of all the constants together
(:mod:`discover.cf.search.forms`; the zeta5 domain does so by default).

Factorial-reduction filter (``filter="factorial-reduction"``, :mod:`discover.cf.search.factorial`):
every converged candidate's convergents are measured, and only those whose normalised reduction rate
is at least ``min_reduction`` go on; each is stored, as a formula (kind ``pcf``, with its measured
rate) when a form matched and passed verification, else as a ``factorial-reduction`` record (the
rate, recomputed independently). The filter measures every converged candidate exactly (about 0.1 ms
each), so it suits domains and small boxes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from discover.cf.limits import MAX_DEPTH
from discover.cf.search.factorial import MIN_RATE
from discover.cf.novelty.active import known_rows, use_known
from discover.errors import InputError
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

__all__ = ["CFSearchSpec", "ENGINE", "shards", "run_shard", "estimate_memory"]

# Limits checked before a run starts.
MAX_SHARDS = 100_000             # shard rows in the store and Shard objects in the driver
MAX_TABLE_BYTES = 2 * 1024**3    # Moebius tables held by every worker
BYTES_PER_CANDIDATE = 17         # value (8) + delta (8) + status (1) per candidate of a shard
MAX_SHARD_BYTES = 512 * 1024**2  # screening arrays of one shard
DOMAIN_SHARD = 1 << 16           # candidates of one domain shard (their coefficient rows are materialised)
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


def _parse_domain_ranges(value, parameters: int):
    """A domain's --range: one LO:HI for every parameter, or a comma-separated LO:HI for each of the
    ``parameters`` x_0, x_1, ... (lowest power first); a single range stays a pair (as stored before)."""
    if isinstance(value, str) and "," in value:
        parts = value.split(",")
    elif not isinstance(value, str) and value and not isinstance(value[0], int):
        parts = list(value)
    else:
        return _parse_range(value, "--range")
    if len(parts) != parameters:
        raise InputError(f"--range {value!r}: {len(parts)} ranges for the domain's {parameters} parameters "
                         f"x_0..x_{parameters - 1} (give one LO:HI for all, or one for each)")
    return tuple(_parse_range(p, "--range") for p in parts)


@dataclass(frozen=True)
class CFSearchSpec(SearchSpec):
    """A box: a(n) of degree ``a_deg`` with coefficients in ``a_range``, b(n) likewise; the constants
    whose Moebius forms are matched; the verification depth and digits; the Moebius coefficient bound.

    Or a structured domain (``domain``: zeta3, zeta5, catalan, symmetric:D, factored:A,B; the degrees are the
    family's, ``a_range`` bounds its parameters x_j and ``b_range`` bounds c; the constants default to
    the family's). ``combine``: match combined forms of all the constants (coefficient bound
    ``max_coeff``). ``filter="factorial-reduction"``: keep candidates whose normalised reduction rate
    is at least ``min_reduction`` (module doc). Specs stored before these fields existed load with
    their defaults."""

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
    known: tuple = field(default_factory=known_rows)  # --known rows (discover.cf.novelty.active)
    domain: str = ""
    combine: bool = False
    filter: str = ""
    min_reduction: float = MIN_RATE

    def __post_init__(self):
        from discover.cf.constants import parse_constants

        if self.domain:
            from discover.cf.search.families import get_family

            fam = get_family(self.domain)
            object.__setattr__(self, "domain", fam.name)
            object.__setattr__(self, "a_deg", fam.a_degree)
            object.__setattr__(self, "b_deg", fam.b_degree)
            if not self.constants and fam.constants:
                object.__setattr__(self, "constants", fam.constants)
                object.__setattr__(self, "combine", bool(self.combine or fam.combine))
        if isinstance(self.constants, str):
            object.__setattr__(self, "constants", (self.constants,))
        if not self.constants:
            raise InputError(f"--constant: give at least one constant (the domain {self.domain} has no default)"
                             if self.domain else "--constant: give at least one constant")
        consts = parse_constants(list(self.constants))
        object.__setattr__(self, "constants", tuple(c.name for c in consts))
        if self.domain:
            object.__setattr__(self, "a_range", _parse_domain_ranges(self.a_range, fam.parameters))
            object.__setattr__(self, "b_range", _parse_range(self.b_range, "--c-range"))
        else:
            for name, deg in (("--a-deg", self.a_deg), ("--b-deg", self.b_deg)):
                if not isinstance(deg, int) or not 0 <= deg <= 8:
                    raise InputError(f"{name} {deg}: must be an integer between 0 and 8")
            object.__setattr__(self, "a_range", _parse_range(self.a_range, "--a-range"))
            object.__setattr__(self, "b_range", _parse_range(self.b_range, "--b-range"))
        if self.filter not in ("", "factorial-reduction"):
            raise InputError(f"--filter {self.filter!r}: the only filter is factorial-reduction")
        if not 0.05 <= float(self.min_reduction) <= 2.0:
            raise InputError(f"--min-reduction {self.min_reduction}: must be between 0.05 and 2")
        if self.combine:
            from discover.cf.search.forms import MAX_FORMS, combined_size

            if len(self.constants) > 3:
                raise InputError(f"--combine with {len(self.constants)} constants: at most 3 constants are "
                                 "combined in one form")
            if combined_size(len(self.constants), self.max_coeff) > MAX_FORMS:
                raise InputError(f"--max-coeff {self.max_coeff} with --combine over {len(self.constants)} "
                                 f"constants: {combined_size(len(self.constants), self.max_coeff):.3g} forms, more "
                                 f"than the limit {MAX_FORMS:,} ((2K+1)^(2k+2)); use a smaller --max-coeff")
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
    def family(self):
        """The structured domain (:class:`discover.cf.search.families.Family`), or None for a box."""
        if not self.domain:
            return None
        from discover.cf.search.families import get_family

        return get_family(self.domain)

    @property
    def x_ranges(self) -> list[tuple[int, int]]:
        """A domain's range of each parameter x_0 .. x_k (one shared range, or one each)."""
        k1 = self.family.parameters
        return [tuple(self.a_range)] * k1 if isinstance(self.a_range[0], int) else [tuple(r) for r in self.a_range]

    @property
    def total(self) -> int:
        y_span = self.b_range[1] - self.b_range[0] + 1
        if self.domain:
            return math.prod(hi - lo + 1 for lo, hi in self.x_ranges) * self.family.multisets * y_span
        x_span = self.a_range[1] - self.a_range[0] + 1
        return x_span ** (self.a_deg + 1) * y_span ** (self.b_deg + 1)

    @property
    def effective_shard_size(self) -> int:
        """``shard_size`` (at most DOMAIN_SHARD for a domain, whose rows are held in memory), raised so
        that the box has at most MAX_SHARDS shards."""
        size = min(self.shard_size, DOMAIN_SHARD) if self.domain else self.shard_size
        return max(size, math.ceil(self.total / MAX_SHARDS))

    @property
    def mirror_symmetric(self) -> bool:
        """True when (-a, b) is in the box whenever (a, b) is (then one of each pair is screened)."""
        if self.domain:
            return all(lo == -hi for lo, hi in self.x_ranges)
        return self.a_range[0] == -self.a_range[1]


def estimate_memory(spec: CFSearchSpec) -> dict:
    """Bytes needed per worker: the Moebius tables ((2K+1)^4 forms, 40 bytes each while built, per
    constant; or one combined table, 8 (2k+3) bytes a form) and one shard's screening arrays (a domain
    shard also holds its coefficient rows, 8 bytes each); and the number of shards."""
    K = spec.max_coeff
    if spec.combine:
        from discover.cf.search.forms import combined_size

        k = len(spec.constants)
        table = combined_size(k, K) * 8 * (2 * k + 3)
    else:
        table = (2 * K + 1) ** 4 * 40 * len(spec.constants)
    per = BYTES_PER_CANDIDATE + (16 * (spec.a_deg + spec.b_deg + 2) if spec.domain else 0)  # int64, float64 rows
    return {
        "table_bytes": table,
        "shard_bytes": min(spec.effective_shard_size, spec.total) * per,
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


@lru_cache(maxsize=4)
def _combined(constant_names: tuple[str, ...], max_coeff: int):
    from discover.cf.constants import get_constant
    import numpy as np

    from discover.cf.search.forms import combined_table

    vals, coeffs = combined_table([float(get_constant(c).value(30)) for c in constant_names], max_coeff)
    return vals, coeffs, np.abs(coeffs).sum(axis=1)


def _tables(spec: CFSearchSpec, constants):
    """[(constants of the form, table values, coefficients (num then den), sizes)]: one Moebius table per
    constant, or one combined table of all of them."""
    if spec.combine:
        return [(list(constants), *_combined(tuple(c.name for c in constants), spec.max_coeff))]
    return [([c], *_table(c.name, spec.max_coeff)) for c in constants]


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


def _screen_shard(spec: CFSearchSpec, first: int, count: int):
    """(values, deltas, status, coefficients of candidate i): the box kernel, or the row kernel on the
    domain's materialised coefficient rows."""
    from discover.cf.search import screen as sc

    if spec.domain:
        from discover.cf.search.families import family_rows

        A, B = family_rows(spec.family, spec.x_ranges, spec.b_range, first, count)
        values, deltas, status = sc.screen_rows(A, B, depth=spec.screen_depth, tol=spec.screen_tol,
                                                skip_mirror=spec.mirror_symmetric, accelerate_slow=spec.accelerate,
                                                accel_tol=spec.accel_tol)
        return values, deltas, status, lambda i: (tuple(int(v) for v in A[i]), tuple(int(v) for v in B[i]))
    values, deltas, status = sc.screen(spec.a_lo, spec.a_span, spec.b_lo, spec.b_span, first, count,
                                       depth=spec.screen_depth, tol=spec.screen_tol,
                                       skip_mirror=spec.mirror_symmetric, accelerate_slow=spec.accelerate,
                                       accel_tol=spec.accel_tol)
    return values, deltas, status, lambda i: sc.decode(first + i, spec.a_lo, spec.a_span, spec.b_lo, spec.b_span)


def _reduced(spec: CFSearchSpec, ok, coefficients):
    """The factorial-reduction filter: {candidate index: Reduction} of the converged candidates whose
    normalised rate is at least ``spec.min_reduction`` (:mod:`discover.cf.search.factorial`)."""
    import numpy as np

    from discover.cf.pcf import PCF
    from discover.cf.polynomial import Polynomial
    from discover.cf.search.factorial import reduction_rate

    kept = {}
    for i in np.flatnonzero(ok).tolist():
        a, b = coefficients(i)
        red = reduction_rate(PCF(Polynomial(a), Polynomial(b)))
        if red is not None and red.normalised >= spec.min_reduction:
            kept[i] = red
    return kept


def run_shard(spec: CFSearchSpec, shard: Shard) -> ShardResult:
    """Screen the shard's candidates, (filter,) match, de-duplicate, verify; return the verified records."""
    import numpy as np

    from discover.cf.constants import parse_constants
    from discover.cf.pcf import PCF
    from discover.cf.polynomial import Polynomial
    from discover.cf.search import screen as sc
    from discover.cf.search.verify import reduction_record, verify_hit

    use_known(spec.known)  # the novelty check compares with the spec's --known rows
    first, count = int(shard.params["first"]), int(shard.params["count"])
    values, deltas, status, coefficients = _screen_shard(spec, first, count)
    ok = (status == sc.OK) | (status == sc.ACCELERATED)
    reduced = None
    if spec.filter == "factorial-reduction":
        reduced = _reduced(spec, ok, coefficients)
        ok = np.zeros_like(ok)
        ok[list(reduced)] = True
    constants = parse_constants(list(spec.constants))
    tables = _tables(spec, constants)
    hits: dict[tuple, tuple] = {}  # canonical -> (pcf, form constants, num, den, rank, accelerated, index)
    for form_constants, table_vals, table_coeffs, table_size in tables:
        rows, cols = _match(values, deltas, ok, table_vals, table_size)
        half = table_coeffs.shape[1] // 2
        for i, j in zip(rows.tolist(), cols.tolist()):
            a, b = coefficients(i)
            pcf = PCF(Polynomial(a), Polynomial(b))
            canon = pcf.canonical()
            num = tuple(int(v) for v in table_coeffs[j][:half])
            den = tuple(int(v) for v in table_coeffs[j][half:])
            # prefer the canonical representative itself, then the simplest form
            rank = (0 if (pcf.a.coeffs, pcf.b.coeffs) == canon else 1, int(table_size[j]))
            prev = hits.get(canon)
            if prev is None or rank < prev[4]:
                hits[canon] = (pcf, form_constants, num, den, rank, bool(status[i] == sc.ACCELERATED), i)
    trials = sum(len(t[1]) for t in tables)
    records = []
    rejected = 0
    identified = set()
    for canon, (pcf, form_constants, num, den, _rank, accelerated, i) in sorted(hits.items(), key=lambda it: it[0]):
        record = verify_hit(spec, pcf, constants, form_constants, num, den, accelerated, trials)
        if record is None:
            rejected += 1
            continue
        if reduced is not None:
            record.payload["factorial_reduction"] = reduced[i].to_json()
        identified.add(canon)
        records.append(record)
    if reduced is not None:
        seen = set(identified)
        for i in sorted(reduced):
            a, b = coefficients(i)
            pcf = PCF(Polynomial(a), Polynomial(b))
            canon = pcf.canonical()
            if canon in seen:
                continue
            seen.add(canon)
            record = reduction_record(pcf, reduced[i], float(values[i]))
            if record is None:
                rejected += 1
            else:
                records.append(record)
    return ShardResult(records=records, candidates=count, rejected=rejected)


ENGINE = Engine("cf.search", CFSearchSpec, shards, run_shard)
