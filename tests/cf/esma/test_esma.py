"""ESMA against known mathematics: the regular continued fractions of e, e^2, tan(1), I0(2)/I1(2)
(Euler, Lambert; OEIS A003417, A001204, A093178), e/(e-1) with signs (+, -), and no short recurrence
for pi (A001203) or zeta(3)."""

from fractions import Fraction

import mpmath
import pytest

from discover.cf.constants import get_constant
from discover.cf.esma.expansion import (
    Recurrence,
    esma,
    find_recurrence,
    mobius_forms,
    parse_signs,
    quasi_polynomial,
    regenerate,
    sign_patterns,
    signed_expansion,
)
from discover.errors import InputError


def _mobius(n):
    """Moebius function, for counting primitive words."""
    out, p, m = 1, 2, n
    while p * p <= m:
        if m % p == 0:
            m //= p
            if m % p == 0:
                return 0
            out = -out
        p += 1
    return -out if m > 1 else out


@pytest.mark.parametrize("period", range(1, 7))
def test_sign_patterns_are_the_primitive_words(period):
    # number of primitive binary words of length n: sum_{d | n} mu(d) 2^(n/d) (OEIS A027375)
    expected = sum(_mobius(d) * 2 ** (period // d) for d in range(1, period + 1) if period % d == 0)
    words = [w for w in sign_patterns(period) if len(w) == period]
    assert len(words) == expected
    assert len(set(words)) == len(words)


def test_parse_signs():
    assert parse_signs("+-") == (1, -1)
    assert parse_signs("1,-1,1") == (1, -1, 1)
    with pytest.raises(InputError):
        parse_signs("+x")


def test_regular_expansion_of_pi_matches_oeis():
    a001203 = [3, 7, 15, 1, 292, 1, 1, 1, 2, 1, 3, 1, 14, 2, 1, 1, 2, 2, 2, 2]
    with mpmath.workdps(60):
        assert signed_expansion(+mpmath.pi, 50, (1,), 20) == a001203


def test_expansion_stops_when_floor_is_uncertain():
    # 7/3 = [2; 3] exactly: x_1 = 3 +- eps, whose floor (2 or 3) is not certain, so it stops there
    with mpmath.workdps(40):
        terms = signed_expansion(mpmath.mpf(7) / 3, 30, (1,), 50)
    assert terms == [2]


def test_minus_signs_use_ceilings():
    # x = a0 - 1/(a1 - 1/(...)): a_i = ceil(x_i) and every later a_i >= 2
    with mpmath.workdps(80):
        x = mpmath.sqrt(2)
        terms = signed_expansion(x, 70, (-1,), 30)
        # re-evaluate the finite fraction from the bottom and compare
        v = mpmath.mpf(terms[-1])
        for a in reversed(terms[:-1]):
            v = a - 1 / v
        assert abs(v - x) < mpmath.mpf(10) ** -20
    assert terms[0] == 2 and all(a >= 2 for a in terms[1:])


def _bm_reference(seq):
    """Textbook Berlekamp-Massey over Q (pure Python, Fractions): the connection polynomial."""
    C, B = [Fraction(1)], [Fraction(1)]
    L, m, b = 0, 1, Fraction(1)
    for n in range(len(seq)):
        d = seq[n] + sum(C[i] * seq[n - i] for i in range(1, L + 1))
        if d == 0:
            m += 1
            continue
        T = list(C)
        coef = d / b
        C = C + [Fraction(0)] * max(0, len(B) + m - len(C))
        for i, v in enumerate(B):
            C[i + m] -= coef * v
        if 2 * L <= n:
            L, B, b, m = n + 1 - L, T, d, 1
        else:
            m += 1
    return L, C[: L + 1] + [Fraction(0)] * max(0, L + 1 - len(C))


@pytest.mark.parametrize("seq", [
    [1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765],
    [n * n + 1 for n in range(30)],
    [2 ** n - 3 ** n + (n % 3) for n in range(40)],
])
def test_berlekamp_massey_agrees_with_reference(seq):
    L, C = _bm_reference(seq)
    rec = find_recurrence(seq, max_ratio=0.5)
    assert rec is not None and rec.offset == 0 and rec.length == L
    ref = [c * C[0].denominator for c in C]
    assert [Fraction(c, rec.coefficients[0]) for c in rec.coefficients] == [c / ref[0] for c in ref]


def test_fibonacci_recurrence_and_regeneration():
    fib = [1, 1]
    while len(fib) < 40:
        fib.append(fib[-1] + fib[-2])
    rec = find_recurrence(fib[:30])
    assert rec == Recurrence((1, -1, -1), 0)
    assert regenerate(fib[:2], rec, 40) == fib


def test_random_digits_have_no_short_recurrence():
    with mpmath.workdps(400):
        digits = [int(c) for c in mpmath.nstr(mpmath.sqrt(3), 350).replace(".", "")][:300]
    assert find_recurrence(digits) is None


def _run(expr, signs):
    c = get_constant(expr)
    return esma(c.value, expr, signs, terms=200, min_digits=50)


# (target, signs, connection polynomial, pre-period): Euler's e = [2; 1, 2, 1, 1, 4, ...],
# e^2 = [7; 2, 1, 1, 3, 18, 5, 1, 1, 6, 30, ...], tan(1) = [1; 1, 1, 3, 1, 5, ...] (Lambert),
# I0(2)/I1(2) = [1; 2, 3, 4, ...], e/(e-1) with signs (+, -).
KNOWN = [
    ("e", (1,), (1, 0, 0, -2, 0, 0, 1), 1),
    ("exp(2)", (1,), (1, 0, 0, 0, 0, -2, 0, 0, 0, 0, 1), 1),
    ("tan(1)", (1,), (1, 0, -2, 0, 1), 0),
    ("besseli(0,2)/besseli(1,2)", (1,), (1, -2, 1), 0),
    ("e/(e-1)", (1, -1), (1, 0, -2, 0, 1), 0),
]


@pytest.mark.parametrize("expr,signs,poly,offset", KNOWN)
def test_esma_finds_known_patterns(expr, signs, poly, offset):
    result, status = _run(expr, signs)
    assert status == "approved"
    assert result.recurrence.coefficients == poly
    assert result.recurrence.offset == offset
    assert result.digits >= max(50, 2 * result.data_digits + 20)


def test_e_formula_is_the_euler_pattern():
    result, _ = _run("e", (1,))
    assert result.first_terms == (2, 1, 2, 1, 1, 4, 1, 1, 6, 1)
    qp = result.formula
    assert qp["period"] == 3 and qp["offset"] == 1
    # a(3j+1) = 1, a(3j+2) = 2j + 2, a(3j+3) = 1
    assert qp["polynomials"] == [[1], [2, 2], [1]]


def test_i0_over_i1_is_one_two_three():
    result, _ = _run("besseli(0,2)/besseli(1,2)", (1,))
    assert result.first_terms == tuple(range(1, 11))


@pytest.mark.parametrize("expr", ["pi", "zeta(3)"])
@pytest.mark.parametrize("signs", [(1,), (-1,), (1, -1), (-1, 1)])
def test_pi_and_zeta3_are_rejected(expr, signs):
    result, status = _run(expr, signs)
    assert result is None and status == "no-recurrence"


def test_mobius_forms_one_per_fractional_part():
    with mpmath.workdps(50):
        e = +mpmath.e
        forms = mobius_forms(e, 1)
        fracs = []
        for c0, c1, d0, d1 in forms:
            x = (c0 + c1 * e) / (d0 + d1 * e)
            fracs.append(mpmath.nstr(x - mpmath.floor(x), 20))
    assert len(set(fracs)) == len(fracs)
    assert forms[0] == (0, 1, 1, 0)  # the constant itself first
    assert mobius_forms(e, 0) == [(0, 1, 1, 0)]


def test_quasi_polynomial_needs_roots_of_unity():
    fib = [1, 1]
    while len(fib) < 60:
        fib.append(fib[-1] + fib[-2])
    assert quasi_polynomial(fib, Recurrence((1, -1, -1), 0), 1) is None


def test_contracted_pcf_of_e_over_e_minus_1_is_lamberts_coth():
    # e/(e-1) with signs (+, -): a(2j) = 2j + 1, a(2j+1) = 2; one period contracts to the regular
    # continued fraction (e + 1)/(e - 1) = coth(1/2) = [2; 6, 10, 14, ...] = PCF(4n + 2, 1) (Lambert)
    from discover.cf.esma.expansion import contracted_pcf

    result, _ = _run("e/(e-1)", (1, -1))
    assert contracted_pcf(result.formula, (1, -1)) == ((2, 4), (1,))


def test_esma_record_fields_and_equivalent_pcf():
    import sympy

    from discover.cf.constants import sympy_locals
    from discover.cf.esma.engine import ESMASpec, run_shard, shards

    spec = ESMASpec("e/(e-1)", mobius_range=0, max_period=2)
    recs = [r for sh in shards(spec) if sh.params["signs"] == "+-" for r in run_shard(spec, sh).records]
    (rec,) = recs
    p = rec.payload
    assert p["recurrence"] == [1, 0, -2, 0, 1] and p["signs"] == "+-" and rec.verified
    assert p["pcf"]["a"] == "4n+2" and p["pcf"]["b"] == "1"
    E = sympy.E
    limit = sympy.sympify(p["pcf"]["limit"], locals=sympy_locals()).subs(sympy.Symbol("e"), E)
    assert sympy.simplify(limit - (E + 1) / (E - 1)) == 0


@pytest.mark.parametrize("expr,signs", [("e", (1,)), ("e/(e-1)", (1, -1)), ("tan(1)", (1,))])
def test_quasi_polynomial_convergent_matches_regenerated_terms(expr, signs):
    # the FLINT walk of one-period polynomial matrices equals the term-by-term product (reference)
    from discover.cf.esma.expansion import _quasi_convergent, convergent

    result, _ = _run(expr, signs)
    c = get_constant(expr)
    seq, _ = __import__("discover.cf.esma.expansion", fromlist=["expand_target"]).expand_target(c.value, signs, 60)
    qp = result.formula
    pq = _quasi_convergent(seq, qp, signs, 300)
    k0 = qp["offset"] if qp["offset"] >= 1 else qp["period"]
    n_terms = k0 + ((300 - k0) // qp["period"]) * qp["period"]
    terms = regenerate(seq, result.recurrence, n_terms)
    p, q = convergent(terms, signs)
    assert pq[0] * q == pq[1] * p
