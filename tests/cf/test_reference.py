"""Every formula of shared/reference/pcf_formulas.tsv, evaluated and identified through the library."""

import mpmath
import pytest
import sympy

from discover.cf.identify import identify
from discover.cf.pcf import PCF
from reference import reference_file  # tests/reference.py: ../shared/reference or the shipped copy


def load_reference() -> list[dict]:
    """Rows: value (sympy text in the file's names), a, b, digits (float), depth (int), slow (bool)."""
    rows = []
    slow = False
    for line in reference_file("pcf_formulas.tsv").read_text().splitlines():
        if line.startswith("#"):
            if "slowly" in line.lower():
                slow = True
            continue
        if not line.strip():
            continue
        value, a, b, at = line.split("\t")
        digits, depth = at.split("@")
        rows.append({"value": value, "a": a, "b": b, "digits": float(digits), "depth": int(depth), "slow": slow,
                     "listed": digits})
    return rows


ROWS = load_reference()
CONSTANTS = "pi,e,zeta2,zeta3,log2,catalan,phi,sqrt2,exp(2)"
NAMES = {"e": sympy.E, "catalan": sympy.Catalan, "phi": sympy.GoldenRatio}


def true_value(text, digits):
    return mpmath.mpf(str(sympy.sympify(text, locals=NAMES).evalf(digits + 20)))


def listed_tolerance(listed: str) -> float:
    """The file rounds digits to its last printed place (39, 5.7): allow half a unit of that place."""
    return 0.05 if "." in listed else 0.5


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['value']}" for r in ROWS])
def test_reference_formula(row):
    ev = PCF.from_polynomials(row["a"], row["b"]).evaluate(row["depth"])
    with mpmath.workdps(ev.precision_digits + 30):
        L = true_value(row["value"], ev.precision_digits + 30)
        true_digits = float(-mpmath.log10(abs(ev.value - L) / abs(L)))
    # at least the digits listed at that depth (the file's rounding aside)...
    assert ev.digits >= row["digits"] - listed_tolerance(row["listed"])
    # ... and never more than the convergent really has (slow ones: to 0.05 digits)
    assert ev.digits <= true_digits + (0.05 if row["slow"] else 0.75)
    ident = identify(ev.value, ev.digits, CONSTANTS)
    assert ident is not None, f"{row['value']} not identified"
    with mpmath.workdps(60):
        got = true_value(ident.closed_form, 60)
        want = true_value(row["value"], 60)
        assert abs(got - want) < mpmath.mpf(10) ** -50


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['value']}" for r in ROWS])
def test_reference_formula_through_cf_eval(row):
    """The same through the ``cf eval`` engine (what the command runs), with its default constants."""
    from discover.cf.eval.engine import CFEvalSpec, run_shard, shards

    spec = CFEvalSpec(a=row["a"], b=row["b"], depth=row["depth"],
                      constants=("pi", "e", "zeta2", "zeta3", "log2", "catalan", "phi", "sqrt2", "exp(2)"))
    (record,) = run_shard(spec, next(iter(shards(spec)))).records
    p = record.payload
    assert record.verified and record.kind == "pcf" and p["depth"] == row["depth"]
    assert p["digits"] >= row["digits"] - listed_tolerance(row["listed"])
    with mpmath.workdps(60):
        got = true_value(p["closed_form"], 60)
        want = true_value(row["value"], 60)
        assert abs(got - want) < mpmath.mpf(10) ** -50


def _box_range(coeffs):
    return (min(min(coeffs), 0), max(max(coeffs), 0))


def _box_size(row) -> int:
    from discover.cf.polynomial import Polynomial

    size = 1
    for text in (row["a"], row["b"]):
        coeffs = Polynomial.parse(text).coeffs or (0,)
        lo, hi = _box_range(coeffs)
        size *= (hi - lo + 1) ** len(coeffs)
    return size


# The slowly converging rows are searched in test_slow.py (found through the stage-1 acceleration, often as an
# equivalent representative, with the extrapolated digits checked apart from the convergent's).
SEARCH_ROWS = [pytest.param(r, id=r["value"], marks=[pytest.mark.slow] if _box_size(r) > 2_000_000 else [])
               for r in ROWS if not r["slow"]]


@pytest.mark.parametrize("row", SEARCH_ROWS)
def test_search_rediscovers_reference_formula(row):
    """A search over the smallest box containing the formula (ranges from its own coefficients, with 0)
    and with the reference value as the constant must store that PCF with closed form = the constant."""
    from discover.cf.polynomial import Polynomial
    from discover.cf.search.engine import CFSearchSpec, run_shard, shards

    a, b = Polynomial.parse(row["a"]), Polynomial.parse(row["b"])
    spec = CFSearchSpec(constants=(row["value"],), a_deg=max(a.degree, 0), b_deg=b.degree,
                        a_range=_box_range(a.coeffs), b_range=_box_range(b.coeffs), max_coeff=4)
    found = []
    for shard in shards(spec):
        found += run_shard(spec, shard).records
    match = [r for r in found if r.payload["a"] == str(a) and r.payload["b"] == str(b)]
    assert match, f"{row['value']}: not found among {[r.statement for r in found]}"
    rec = match[0]
    import sympy

    value = sympy.sympify(row["value"], locals=NAMES)
    closed = sympy.sympify(rec.payload["closed_form"], locals=NAMES)
    assert abs(sympy.N(closed - value, 60)) < 1e-50
    assert rec.payload["digits"] >= 50
