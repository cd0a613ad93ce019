"""PCF convergents, limits, digits, delta and the canonical form, against exact mathematics."""

from fractions import Fraction

import mpmath
import pytest
from hypothesis import given, settings, strategies as st

from discover.cf.pcf import PCF
from discover.cf.polynomial import Polynomial
from discover.errors import InputError


def recurrence(a, b, depth):
    """Reference: p_N/q_N from the three-term recurrence with Python integers."""
    p_prev, p = 1, a(0)
    q_prev, q = 0, 1
    for n in range(1, depth + 1):
        p_prev, p = p, a(n) * p + b(n) * p_prev
        q_prev, q = q, a(n) * q + b(n) * q_prev
    return p, q


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-4, 4), min_size=1, max_size=3), st.lists(st.integers(-4, 4), min_size=1, max_size=4),
       st.integers(1, 200))
def test_convergent_matches_recurrence(ac, bc, depth):
    a, b = Polynomial(tuple(ac)), Polynomial(tuple(bc))
    if b.is_zero:
        return
    p, q = PCF(a, b).convergent(depth)
    assert (int(p), int(q)) == recurrence(a, b, depth)


def test_finite_fraction_by_hand():
    # 1 + 1/(2 + 2/(3 + 3/4)) = 1 + 1/(2 + 8/15) = 1 + 15/38
    p, q = PCF.from_polynomials("n+1", "n").convergent(3)
    assert Fraction(int(p), int(q)) == 1 + Fraction(15, 38)


def test_apery_limit_and_digits():
    pcf = PCF.from_polynomials("34n^3+51n^2+27n+5", "-n^6")
    ev = pcf.evaluate(60)
    with mpmath.workdps(ev.precision_digits + 20):
        true = -mpmath.log10(abs(ev.value - 6 / mpmath.zeta(3)) / ev.value)
    assert abs(ev.digits - float(true)) < 1.0
    # Apery: q_n ~ (1 + sqrt 2)^(4n) and the error ~ q_n^-2, so 8 log10(1 + sqrt 2) ~ 3.06 digits per step.
    assert ev.rate == pytest.approx(float(8 * mpmath.log10(1 + mpmath.sqrt(2))), abs=0.05)
    assert ev.regime == "exponential"
    text = ev.value_text()
    assert text.startswith("4.99144423")
    assert len(text.split(".")[1]) == int(ev.abs_digits)


def test_positive_fraction_has_proven_digits():
    ev = PCF.from_polynomials("1", "1").evaluate(50)  # the golden ratio
    assert ev.digits_proven is not None
    with mpmath.workdps(60):
        err = abs(ev.value - mpmath.phi) / ev.value
        assert err <= mpmath.mpf(10) ** (-ev.digits_proven)


def test_slow_fraction_is_not_overstated():
    ev = PCF.from_polynomials("1", "n^2").evaluate(2000)  # 1/log 2, error ~ 1/N
    with mpmath.workdps(50):
        true = float(-mpmath.log10(abs(ev.value - 1 / mpmath.log(2)) * mpmath.log(2)))
    assert ev.regime == "sublinear"
    assert ev.digits <= true + 0.05
    assert ev.digits >= true - 0.5


def test_terminating_fraction_is_exact():
    # b(3) = 0: 1 + 2/(2 + 1/(3 + 0)) = 1 + 2/(7/3) = 13/7, whatever follows
    ev = PCF.from_polynomials("n+1", "3-n").evaluate(10)
    assert ev.terminated
    assert ev.value_text() == "13/7"


def test_delta_apery():
    # At the limit depth delta of the unreduced-by-d_n^3 Apery convergents tends to a negative value;
    # here we check the definition: delta = -1 - log|L - p/q| / log q with p/q reduced.
    pcf = PCF.from_polynomials("34n^3+51n^2+27n+5", "-n^6")
    ev = pcf.evaluate(40)
    with mpmath.workdps(ev.precision_digits + 20):
        L = 6 / mpmath.zeta(3)
        p, q = int(ev.p), int(ev.q)
        g = Fraction(p, q)
        expected = -1 - mpmath.log(abs(L - mpmath.mpf(g.numerator) / g.denominator)) / mpmath.log(g.denominator)
        assert ev.delta(L) == pytest.approx(float(expected), abs=1e-9)


def test_regimes():
    assert PCF.from_polynomials("n+3", "-n").regime() == "super-exponential"
    assert PCF.from_polynomials("2n+1", "n^2").regime() == "exponential"
    assert PCF.from_polynomials("2", "(2n-1)^2").regime() == "sublinear"
    assert PCF.from_polynomials("1", "-n^2").regime() == "oscillating"


def test_canonical_form_is_invariant():
    base = PCF.from_polynomials("2n+1", "n^2")
    key = base.canonical()
    # sign flip
    assert PCF.from_polynomials("-2n-1", "n^2").canonical() == key
    # scaling by 3: (3a, 9b)
    assert PCF.from_polynomials("6n+3", "9n^2").canonical() == key
    # shift n -> n + 2 (a tail of the same fraction)
    assert PCF(base.a.shift(2), base.b.shift(2)).canonical() == key
    # a different fraction differs
    assert PCF.from_polynomials("2n+1", "2n^2").canonical() != key


def test_bad_input():
    with pytest.raises(InputError):
        PCF.from_polynomials("n+1", "0")
    with pytest.raises(InputError):
        PCF.from_polynomials("n+1", "n").evaluate(3)
    with pytest.raises(InputError, match="1,000,000"):
        PCF.from_polynomials("n+1", "n").evaluate(10**12)
    # within the depth limit, but q_N would have about 2.4e7 * log2(1.2e6) bits: refused before the walk
    with pytest.raises(InputError, match="bits"):
        PCF.from_polynomials("n^2", "n^4").evaluate(10**6)


def test_canonical_form_removes_inflation():
    import mpmath

    base = PCF.from_polynomials("2n+1", "n^2")
    # inflation by c(n) = n + 2: a -> (n+2) a, b -> (n+2)(n+1) b; the limit is multiplied by c(0) = 2
    inflated = PCF.from_polynomials("(n+2)(2n+1)", "(n+2)(n+1)n^2")
    assert inflated.canonical() == base.canonical()
    x, y = inflated.evaluate(200), base.evaluate(200)
    with mpmath.workdps(60):
        assert abs(x.value - 2 * y.value) < mpmath.mpf(10) ** -50


@pytest.mark.parametrize("a, b", [("2n+1", "-3n^2+n"), ("n+3", "-n"), ("5n+1", "-(n-3)^2-1"),
                                  ("3n^2+1", "(2n-25)(n+1)"), ("7", "2n^2-31n+3")])
def test_last_difference_matches_exact_fractions(a, b):
    from discover.cf.pcf import _last_difference

    pcf = PCF.from_polynomials(a, b)
    for depth in (20, 37):
        p, q = pcf.convergent(depth)
        p1, q1 = pcf.convergent(depth - 1)
        exact = Fraction(int(p), int(q)) - Fraction(int(p1), int(q1))
        with mpmath.workdps(30):
            got = _last_difference(pcf.b, depth, q, q1)
            want = mpmath.mpf(exact.numerator) / exact.denominator
            assert abs(got - want) <= abs(want) * mpmath.mpf(10) ** -9


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=2, max_size=3), st.lists(st.integers(-5, 5), min_size=2, max_size=4),
       st.integers(-3, 3), st.sampled_from([1, -1, 2, 3]))
def test_canonical_invariant_under_random_equivalences(ac, bc, k, c):
    """sign, integer scaling and a valid shift of a PCF give the same canonical form."""
    a, b = Polynomial(tuple(ac)), Polynomial(tuple(bc))
    if b.is_zero or a.degree < 1:
        return
    base = PCF(a, b)
    if k < 0 and any(b(j) == 0 for j in range(k + 1, 1)):
        return  # prepending terms through a zero of b is not an equivalence
    if k > 0 and any(b(j) == 0 for j in range(1, k + 1)):
        return  # the head would terminate
    moved = PCF(a.shift(k).scale(c), b.shift(k).scale(c * c))
    assert moved.canonical() == base.canonical()


def test_canonical_scaling_of_huge_contents_is_quick_and_exact():
    """A content with 200-digit prime factors (10^200 + 1 = 17 * 5070721 * a 192-digit cofactor) is not
    factored whole: the scaling still divides it out (c = 10^200 + 1, c | a, c^2 | b), in milliseconds."""
    import time

    from discover.cf.novelty.equivalence import canonical_key

    big = 10**200 + 1
    start = time.perf_counter()
    key = canonical_key((big, 3 * big), (2 * big * big,))
    assert time.perf_counter() - start < 2.0
    assert key == canonical_key((1, 3), (2,))
    # small contents keep the largest scaling: 12 = 2^2 3 with 2^2 3^2 | 72 -> c = 6
    assert canonical_key((12, 12), (72,)) == canonical_key((2, 2), (2,))
