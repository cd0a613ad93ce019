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
