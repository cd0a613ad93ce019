"""The solver engines ``cf.solve.euler`` and ``cf.solve.coboundary``: one shard each, records checked by
:mod:`.verify` (independent of the solvers) before they are stored.

* ``cf.solve.euler``: every Euler-family form of PCF(a, b) (:func:`discover.cf.solve.euler.euler_forms`),
  its series value against the PCF's exact convergent, and f, fbar CMFs holding it; one record per form,
  verified when the polynomial identity holds and the series agrees with the convergent.
* ``cf.solve.coboundary``: a coboundary between two polynomial matrices
  (:func:`discover.cf.solve.coboundary.find_coboundary`), with the Moebius map between the limits when
  both are PCFs; verified when the identity holds at enough integer points.

When nothing is found the shard returns one unverified record saying so (shown, never stored).
"""

from __future__ import annotations

from dataclasses import dataclass

from discover.errors import InputError
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

__all__ = ["EulerSpec", "CoboundarySpec", "EULER_ENGINE", "COBOUNDARY_ENGINE"]

MAX_EULER_DEPTH = 20_000


@dataclass(frozen=True)
class EulerSpec(SearchSpec):
    a: str
    b: str
    ffbar_bound: int = 1
    depth: int = 500

    def __post_init__(self):
        from discover.cf.pcf import PCF

        pcf = PCF.from_polynomials(self.a, self.b)
        object.__setattr__(self, "a", str(pcf.a))
        object.__setattr__(self, "b", str(pcf.b))
        if isinstance(self.depth, bool) or not isinstance(self.depth, int) or not 8 <= self.depth <= MAX_EULER_DEPTH:
            raise InputError(f"--depth {self.depth}: must be between 8 and {MAX_EULER_DEPTH:,}")
        pcf.check_depth(self.depth)
        if not 0 <= int(self.ffbar_bound) <= 2:
            raise InputError(f"--ffbar-bound {self.ffbar_bound}: must be between 0 and 2")


def _one_shard(spec):
    yield Shard("solve", {})


def run_euler(spec: EulerSpec, shard: Shard) -> ShardResult:
    import math

    import mpmath

    from discover.cf.cmf.fit.ansatz import poly_text
    from discover.cf.pcf import PCF
    from discover.cf.solve.euler import embed_in_ffbar, euler_forms, series_limit
    from discover.cf.solve.verify import check_euler_identity, check_ffbar_axis
    from discover.records import Record

    pcf = PCF.from_polynomials(spec.a, spec.b)
    forms = euler_forms(pcf.a, pcf.b)
    if not forms:
        rec = Record.create("cf.solve.euler", "euler-none", {"a": spec.a, "b": spec.b},
                            f"PCF(a={spec.a}, b={spec.b}) has no Euler-family form a = h1(n) + h2(n), "
                            "b = -h1(n-1) h2(n) over the integers", {"a": spec.a, "b": spec.b, "h1": None},
                            {"method": "every split of -b(n) into integer polynomial divisors"}, verified=False)
        return ShardResult(records=[rec], candidates=1, rejected=1)
    ev = pcf.evaluate(spec.depth)
    records = []
    for form in forms:
        digits = int(min(max(ev.digits, 5), 60))
        value = series_limit(form, digits)
        agree = None
        if value is not None:
            with mpmath.workdps(digits + 10):
                diff = abs(value - ev.value)
                agree = math.inf if diff == 0 else float(-mpmath.log10(diff / max(abs(ev.value), 1)))
        pairs = [(f, g) for f, g in embed_in_ffbar(form, spec.ffbar_bound) if check_ffbar_axis(f, g, pcf.a, pcf.b)]
        identity = check_euler_identity(pcf.a, pcf.b, form.h1, form.h2)
        series_ok = agree is not None and agree >= min(ev.digits, digits) - 2
        payload = {"a": spec.a, "b": spec.b, **form.to_json(),
                   "series_limit": None if value is None else mpmath.nstr(value, min(digits, 30)),
                   "pcf_limit": mpmath.nstr(ev.value, min(digits, 30)), "pcf_digits": round(ev.digits, 1),
                   "agreement_digits": None if agree is None else round(min(agree, 1e6), 1),
                   "ffbar": [{"f": poly_text(f), "fbar": poly_text(g), "conservative": "proven"} for f, g in pairs],
                   "ffbar_note": None if pairs else ("b(0) != 0: an f, fbar CMF has b(0) = 0" if pcf.b(0) != 0 else
                                                     f"none with y-coefficients in [-{spec.ffbar_bound}, "
                                                     f"{spec.ffbar_bound}]")}
        statement = (f"PCF(a={spec.a}, b={spec.b}) is Euler-family: h1 = {form.h1}, h2 = {form.h2}; its limit is "
                     f"h2(0) + h1(0)/S with S = sum_m prod_(j<=m) h2(j)/h1(j)")
        if pairs:
            statement += f"; it is the x-axis (y = 0) of the f, fbar CMF f = {payload['ffbar'][0]['f']}, " \
                         f"fbar = {payload['ffbar'][0]['fbar']}"
        verification = {"identity": identity, "series_vs_convergent_digits": payload["agreement_digits"],
                        "method": "identity at max degree + 2 integer points (Python integers); series by mpmath "
                                  f"nsum against the exact convergent at depth {spec.depth}; f, fbar pairs proven "
                                  "conservative on an integer grid and their y = 0 axis compared with (a, b)"}
        records.append(Record.create("cf.solve.euler", "euler-form",
                                     {"a": spec.a, "b": spec.b, "h1": str(form.h1), "h2": str(form.h2)},
                                     statement, payload, verification, verified=identity and series_ok))
    return ShardResult(records=records, candidates=len(forms), rejected=sum(not r.verified for r in records))


@dataclass(frozen=True)
class CoboundarySpec(SearchSpec):
    """``source`` M and ``target`` N as matrix text (rows by ';', entries by ','); ``source_pcf`` /
    ``target_pcf``: "a(n), b(n)" of a PCF whose companion [[0, b], [1, a]] is the matrix instead."""

    source: str = ""
    target: str = ""
    source_pcf: str = ""
    target_pcf: str = ""
    degree: int = 4
    max_shift: int = 2

    def __post_init__(self):
        M, _ = _matrix(self.source, self.source_pcf, "from")
        N, _ = _matrix(self.target, self.target_pcf, "to")
        if len(M) != len(N):
            raise InputError(f"--from and --to: sizes {len(M)} and {len(N)} differ")
        if not 0 <= int(self.degree) <= 6:
            raise InputError(f"--degree {self.degree}: must be between 0 and 6")
        if not 0 <= int(self.max_shift) <= 4:
            raise InputError(f"--max-shift {self.max_shift}: must be between 0 and 4")

    def matrices(self):
        return _matrix(self.source, self.source_pcf, "from"), _matrix(self.target, self.target_pcf, "to")


def _matrix(text: str, pcf_text: str, what: str):
    """(matrix of Polynomials, (a, b) coefficient tuples or None) from the matrix or the PCF text."""
    from discover.cf.recurrence.recurrence import parse_matrix, split_top_level
    from discover.cf.solve.coboundary import MAX_SIZE

    if bool(text) == bool(pcf_text):
        raise InputError(f"give --{what} MATRIX or --{what}-pcf \"a(n), b(n)\", one of them")
    if pcf_text:
        from discover.cf.limits import check_expression_text
        from discover.cf.pcf import PCF

        check_expression_text(pcf_text, f"--{what}-pcf")
        parts = split_top_level(pcf_text)
        if len(parts) != 2:
            raise InputError(f"--{what}-pcf {pcf_text!r}: give \"a(n), b(n)\"")
        pcf = PCF.from_polynomials(*parts)
        return pcf.matrix(), (pcf.a.coeffs, pcf.b.coeffs)
    rows = parse_matrix(text, f"--{what}")
    if len(rows) > MAX_SIZE:
        raise InputError(f"--{what}: size {len(rows)}; a coboundary is searched for matrices of size 1..{MAX_SIZE}")
    return rows, None


def run_coboundary(spec: CoboundarySpec, shard: Shard) -> ShardResult:
    from discover.cf.solve.coboundary import find_coboundary
    from discover.cf.solve.verify import check_coboundary
    from discover.records import Record

    (M, pm), (N, pn) = spec.matrices()
    canonical = {"from": [[str(e) for e in row] for row in M], "to": [[str(e) for e in row] for row in N]}
    cob = find_coboundary(M, N, spec.degree, spec.max_shift)
    if cob is None:
        rec = Record.create("cf.solve.coboundary", "coboundary-none", canonical,
                            f"no coboundary with V of degree <= {spec.degree} and |shift| <= {spec.max_shift}",
                            {**canonical, "found": False}, {"degree": spec.degree, "max_shift": spec.max_shift},
                            verified=False)
        return ShardResult(records=[rec], candidates=1, rejected=1)
    checked = check_coboundary(M, N, cob)
    payload = {**canonical, "found": True, **cob.to_json(), "checked": checked, "moebius": None}
    if pm is not None and pn is not None:
        from discover.cf.novelty.equivalence import moebius_of_coboundary

        t = moebius_of_coboundary(pm, pn, cob)
        if t is not None:
            payload["moebius"] = {"map": list(t), "statement": f"L' = ({t[0]} L + {t[1]}) / ({t[2]} L + {t[3]})"}
    statement = (f"V(n) N(n+{cob.shift}) = {payload['scalar']} M(n) V(n+1) with V = "
                 + " ; ".join(", ".join(r) for r in payload["V"]))
    if payload["moebius"]:
        statement += f"; limits: {payload['moebius']['statement']}"
    verification = {"method": "both sides evaluated with Python integers at more points than their degree "
                              "(a polynomial identity)", "checked": checked}
    return ShardResult(records=[Record.create("cf.solve.coboundary", "coboundary", {**canonical, "V": payload["V"],
                                                                                     "shift": cob.shift},
                                              statement, payload, verification, verified=checked)],
                       candidates=1, rejected=0 if checked else 1)


EULER_ENGINE = Engine("cf.solve.euler", EulerSpec, _one_shard, run_euler)
COBOUNDARY_ENGINE = Engine("cf.solve.coboundary", CoboundarySpec, _one_shard, run_coboundary)
