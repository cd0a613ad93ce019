"""Slowly (sublinearly) converging PCFs: the stage-1 acceleration kernel, the stage-2 extrapolation and
its digit estimate, and the search rediscovering the slow formulas of shared/reference/pcf_formulas.tsv.

Truth comes from the reference file's closed forms (sympy, independently of the code under test) and
from the exact head/tail relation between equivalent fractions."""

import json
import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest
import sympy
from click.testing import CliRunner

from discover.cf.search import screen as sc
from discover.cf.pcf import PCF
from discover.cf.polynomial import Polynomial
from discover.errors import InputError
from reference import reference_file

NAMES = {"e": sympy.E, "catalan": sympy.Catalan, "phi": sympy.GoldenRatio, "log2": sympy.log(2)}


def slow_rows() -> list[dict]:
    """The rows the file lists under its 'slowly converging' comment."""
    rows, slow = [], False
    for line in reference_file("pcf_formulas.tsv").read_text().splitlines():
        if line.startswith("#"):
            slow = slow or "slowly" in line.lower()
            continue
        if line.strip() and slow:
            value, a, b, at = line.split("\t")
            digits, depth = at.split("@")
            rows.append({"value": value, "a": a, "b": b, "digits": float(digits), "depth": int(depth)})
    return rows


SLOW = slow_rows()


def value_of(text: str, digits: int = 120):
    """The closed form's value with ``digits`` + 20 digits (an mpmath number keeps its precision)."""
    with mpmath.workdps(digits + 20):
        return mpmath.mpf(str(sympy.sympify(text, locals=NAMES).evalf(digits + 20)))


def true_digits(x, L) -> float:
    return float(-mpmath.log10(abs(mpmath.mpf(x) - L) / abs(L)))


def box_of(row):
    """The smallest box containing the row's PCF (each range spans the coefficients and 0)."""
    a, b = Polynomial.parse(row["a"]), Polynomial.parse(row["b"])

    def rng(coeffs):
        return (min(min(coeffs), 0), max(max(coeffs), 0))

    return a, b, rng(a.coeffs), rng(b.coeffs)


def equivalent_limit(ref: PCF, x, other: PCF):
    """The limit of ``other``, equivalent to ``ref`` (limit x) by sign s, scaling c and shift k:
    other = (s c a(n+k), c^2 b(n+k)). Uses the exact relation x = (T p_{k-1} + b(k) p_{k-2}) /
    (T q_{k-1} + b(k) q_{k-2}) between a fraction and its tail T at k (p_{-1} = 1, q_{-1} = 0)."""

    def convergents(pcf, n):
        ps, qs = pcf.convergent_sequence(max(n, 0))
        return [1] + ps, [0] + qs  # index i -> p_{i-1}

    for k in range(-4, 5):
        for c in range(1, 7):
            for s in (1, -1):
                if (other.a.coeffs, other.b.coeffs) != (ref.a.shift(k).scale(s * c).coeffs,
                                                        ref.b.shift(k).scale(c * c).coeffs):
                    continue
                if k == 0:
                    return s * c * x
                if k > 0:
                    P, Q = convergents(ref, k)
                    bk = ref.b(k)
                    tail = bk * (P[k - 1] - x * Q[k - 1]) / (x * Q[k] - P[k])
                    return s * c * tail
                head = PCF(ref.a.shift(k), ref.b.shift(k))  # ref is its tail at -k
                P, Q = convergents(head, -k)
                bk = head.b(-k)
                return s * c * (x * P[-k] + bk * P[-k - 1]) / (x * Q[-k] + bk * Q[-k - 1])
    raise AssertionError(f"{other} is not a sign/scale/shift of {ref}")


# ----- stage 1: the acceleration kernel ---------------------------------------------------------------
def reference_acceleration(a, b):
    """Pure Python, exact: x_0 .. x_ACC_DEPTH as fractions, Levin u of the even and odd halves with the
    kernel's orders and starts, in exact rational arithmetic; (value, error estimate) or None."""
    ev = lambda poly, n: sum(c * n**i for i, c in enumerate(poly))  # noqa: E731
    pp, p, qp, q = 1, ev(a, 0), 0, 1
    xs = [Fraction(p, q)]
    for n in range(1, sc.ACC_DEPTH + 1):
        an, bn = ev(a, n), ev(b, n)
        if bn == 0:
            return None
        pp, p, qp, q = p, an * p + bn * pp, q, an * q + bn * qp
        if q == 0:
            return None
        xs.append(Fraction(p, q))

    def levin(y, k, start):
        num = den = Fraction(0)
        for j in range(k + 1):
            m = start + j
            w = (m + 1) * (y[m] - y[m - 1])
            if w == 0:
                raise ZeroDivisionError
            c = (-1) ** j * math.comb(k, j) * Fraction(m + 1) ** (k - 1)
            num += c * y[m] / w
            den += c / w
        return num / den

    even, odd = xs[0::2], xs[1::2]
    try:
        e, o = levin(even, sc.ACC_ORDER, sc.ACC_START), levin(odd, sc.ACC_ORDER, sc.ACC_START)
        later = sc.ACC_START + sc.ACC_SHIFT
        err = max(abs(e - o), abs(e - levin(even, sc.ACC_LOWER, sc.ACC_START)),
                  abs(o - levin(odd, sc.ACC_LOWER, sc.ACC_START)), abs(e - levin(even, sc.ACC_ORDER, later)),
                  abs(o - levin(odd, sc.ACC_ORDER, later)))
    except ZeroDivisionError:
        return None
    return float((e + o) / 2), float(err)


@pytest.mark.parametrize("a_deg, rows", [(0, None), (1, range(0, 5**5, 7))])
def test_accelerate_kernel_agrees_with_exact_reference(a_deg, rows):
    a_lo, a_span = [-2] * (a_deg + 1), [5] * (a_deg + 1)
    b_lo, b_span = [-2] * 3, [5] * 3
    rows = np.arange(sc.box_size(a_span, b_span)) if rows is None else np.array(list(rows))
    values, errors = sc.accelerate(a_lo, a_span, b_lo, b_span, 0, rows)
    compared = 0
    for t, i in enumerate(rows.tolist()):
        a, b = sc.decode(i, a_lo, a_span, b_lo, b_span)
        if not any(a) or not any(b):
            continue
        ref = reference_acceleration(a, b)
        if ref is None:
            assert np.isnan(values[t]), (a, b)
            continue
        x, err = ref
        scale = max(1.0, abs(x))
        if err <= 1e-6 * scale:  # where the transform is well conditioned (what can become ACCELERATED)
            compared += 1
            assert abs(values[t] - x) <= 1e-9 * scale, (a, b, values[t], x)
            assert abs(errors[t] - err) <= 1e-9 * scale, (a, b, errors[t], err)
    assert compared >= 20


@pytest.mark.parametrize("row", SLOW, ids=[r["value"] for r in SLOW])
def test_screen_accelerates_the_slow_reference_formulas(row):
    """In its smallest box the slow formula is ACCELERATED, the estimate covers the true error, and the
    candidates the plain screen already decides are left as they were."""
    a, b, ar, br = box_of(row)
    a_lo, a_span = [ar[0]] * len(a.coeffs), [ar[1] - ar[0] + 1] * len(a.coeffs)
    b_lo, b_span = [br[0]] * len(b.coeffs), [br[1] - br[0] + 1] * len(b.coeffs)
    total = sc.box_size(a_span, b_span)
    plain = sc.screen(a_lo, a_span, b_lo, b_span, 0, total)
    values, deltas, status = sc.screen(a_lo, a_span, b_lo, b_span, 0, total, accelerate_slow=True)
    index = next(i for i in range(total) if sc.decode(i, a_lo, a_span, b_lo, b_span) == (a.coeffs, b.coeffs))
    assert plain[2][index] == sc.NOT_CONVERGED  # what the plain depth-32 screen says of it
    assert status[index] == sc.ACCELERATED
    L = float(value_of(row["value"], 30))
    assert abs(values[index] - L) <= deltas[index] <= 1e-7 * max(1.0, abs(L))
    same = status != sc.ACCELERATED
    assert np.array_equal(status[same], plain[2][same])
    assert np.array_equal(values[same], plain[0][same], equal_nan=True)
    changed = ~same
    assert np.all(plain[2][changed] == sc.NOT_CONVERGED)


# ----- stage 2: the extrapolation ---------------------------------------------------------------------
@pytest.mark.parametrize("row", SLOW, ids=[r["value"] for r in SLOW])
def test_extrapolation_of_the_slow_reference_formulas(row):
    pcf = PCF.from_polynomials(row["a"], row["b"])
    L = value_of(row["value"], 150)
    for order, at_least in ((24, 15), (96, 60)):
        ext = pcf.extrapolate(order)
        with mpmath.workdps(ext.precision_digits + 20):
            real = true_digits(ext.value, L)
        assert at_least <= ext.digits <= real, (order, ext.digits, real)
        assert ext.depth == PCF.extrapolation_depth(order)
        # the printed value is right to every decimal place it shows
        text = ext.value_text()
        places = len(text.split(".")[1])
        with mpmath.workdps(places + 30):
            assert abs(mpmath.mpf(text) - L) < mpmath.mpf(10) ** -places


@pytest.mark.parametrize("a, b", [("1", "4n^2"), ("3", "4n^2"), ("3", "2n^2+n"), ("1", "n^2+n+1"), ("5", "n^2"),
                                  ("4", "9n^2-3n+2"), ("2", "3n^2+n"), ("3", "n^2-2n+2"), ("1", "2n^2+3n+3")])
def test_extrapolation_estimate_never_exceeds_the_truth(a, b):
    """The estimated digits at orders 24 and 48 are at most the true digits, measured against the order
    160 extrapolation wherever that one is clearly better (some fractions, with error terms N^-1/2 and
    N^-1 together, do not improve with the order: there the estimate is only compared when it can be)."""
    pcf = PCF.from_polynomials(a, b)
    ref = pcf.extrapolate(160)
    compared = 0
    for order in (24, 48):
        ext = pcf.extrapolate(order)
        if ref.digits < ext.digits + 3:
            continue
        compared += 1
        with mpmath.workdps(ref.precision_digits):
            assert ext.digits <= true_digits(ext.value, ref.value)
    if not compared:
        pytest.skip("order 160 is not clearly better than order 24 here: no reference to compare with")


def test_extrapolation_undefined_or_refused():
    assert PCF.from_polynomials("n+1", "3-n").extrapolate(24) is None  # a finite fraction
    with pytest.raises(InputError):
        PCF.from_polynomials("1", "n^2").extrapolate(4)


def test_fast_fraction_extrapolation_is_consistent():
    """On a fast fraction the extrapolation adds nothing wrong: its estimate is capped by the working
    precision and still below the truth."""
    ext = PCF.from_polynomials("2n+1", "n^2").extrapolate(24)
    with mpmath.workdps(ext.precision_digits + 20):
        assert ext.digits <= true_digits(ext.value, 4 / mpmath.pi)


# ----- the search -----------------------------------------------------------------------------------
def check_slow_record(rec_payload, row, pcf_ref):
    """The record's closed form is the exact limit of the reported PCF, its digits are honest (the exact
    convergent's own at its depth, the extrapolation's apart, both at most the truth)."""
    from discover.cf.pcf import PCF as P

    reported = P.from_polynomials(rec_payload["a"], rec_payload["b"])
    with mpmath.workdps(160):
        x = value_of(row["value"], 150)
        L = equivalent_limit(pcf_ref, x, reported)
        closed = sympy.sympify(rec_payload["closed_form"], locals=NAMES)
        assert abs(mpmath.mpf(str(sympy.N(closed, 120))) - L) < mpmath.mpf(10) ** -100
        ev = reported.evaluate(rec_payload["depth"])
        assert rec_payload["digits"] <= true_digits(ev.value, L) + 0.01
        ext = rec_payload["extrapolation"]
        assert rec_payload["digits_extrapolated"] >= 50
        again = reported.extrapolate(ext["order"])
        assert rec_payload["digits_extrapolated"] <= true_digits(again.value, L)
        places = len(ext["value"].split(".")[1])
        assert abs(mpmath.mpf(ext["value"]) - L) < mpmath.mpf(10) ** -places
    assert rec_payload["relation"]["available_digits"] == rec_payload["digits_extrapolated"]


@pytest.mark.parametrize("row", SLOW, ids=[r["value"] for r in SLOW])
def test_search_rediscovers_slow_reference_formula(row):
    """A search over the smallest box containing the formula, with the reference value as the constant,
    stores that PCF or an equivalent one (same canonical form) with the right closed form."""
    from discover.cf.search.engine import CFSearchSpec, run_shard, shards

    a, b, ar, br = box_of(row)
    spec = CFSearchSpec(constants=(row["value"],), a_deg=max(a.degree, 0), b_deg=b.degree, a_range=ar, b_range=br)
    found = []
    for shard in shards(spec):
        found += run_shard(spec, shard).records
    pcf_ref = PCF(a, b)
    canon = pcf_ref.canonical()
    match = [r for r in found if PCF.from_polynomials(r.payload["a"], r.payload["b"]).canonical() == canon]
    assert match, f"{row['value']}: not found among {[r.statement for r in found]}"
    assert match[0].verified
    check_slow_record(match[0].payload, row, pcf_ref)


def test_acceleration_can_be_switched_off():
    from discover.cf.search.engine import CFSearchSpec, run_shard, shards

    spec = CFSearchSpec(constants=("log2",), a_deg=0, b_deg=2, a_range="0:1", b_range="0:1", accelerate=False)
    assert run_shard(spec, next(iter(shards(spec)))).records == []
    with pytest.raises(InputError, match="tolerance"):
        CFSearchSpec(constants=("log2",), a_deg=0, b_deg=2, a_range="0:1", b_range="0:1", accel_tol=0.1)


# ----- through the CLI --------------------------------------------------------------------------------
def _search(store_path, *args):
    from cli.main import cli

    result = CliRunner().invoke(cli, ["cf", "search", *args, "--workers", "1", "--json", "--store", store_path],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _row(value):
    return next(r for r in SLOW if sympy.simplify(sympy.sympify(r["value"], locals=NAMES) - value) == 0)


def test_cli_search_finds_4_over_pi_plus_1(store_path):
    """The issue's command: a = 2, b = (2n-1)^2 is in the box; its class is found with a Moebius form of pi
    (the canonical representative, the tail a = 2, b = (2n+1)^2, equals pi/(4 - pi))."""
    from discover.store import Store

    recs = _search(store_path, "--constant", "pi", "--a-deg", "0", "--b-deg", "2", "--range", "-4:4")
    row = _row(4 / sympy.pi + 1)
    ref = PCF.from_polynomials(row["a"], row["b"])
    match = [r for r in recs if PCF.from_polynomials(r["a"], r["b"]).canonical() == ref.canonical()]
    assert match and match[0]["verified"]
    check_slow_record(match[0], row, ref)
    with Store(store_path) as store:
        assert match[0]["key"] in {c.record.key for c in store.conjectures()}


def test_cli_search_finds_1_over_log2(store_path):
    recs = _search(store_path, "--constant", "log2", "--a-deg", "0", "--b-deg", "2", "--range", "0:1")
    row = _row(1 / sympy.log(2))
    (rec,) = [r for r in recs if r["a"] == "1" and r["b"] == "n^2"]
    assert rec["closed_form"] == "1/log(2)"
    check_slow_record(rec, row, PCF.from_polynomials(row["a"], row["b"]))
