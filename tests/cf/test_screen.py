"""The Numba screening kernel against a plain-Python reference of the same computation."""

import math
from fractions import Fraction

import numpy as np
import pytest

from discover.cf.convergence import estimate_error
from discover.cf.search import screen as sc


def reference(a_lo, a_span, b_lo, b_span, first, count, depth, tol, skip_mirror):
    """Exact integer recurrence per candidate, then the same status rules as the kernel."""
    out = []
    for index in range(first, first + count):
        a, b = sc.decode(index, a_lo, a_span, b_lo, b_span)
        if not any(b):
            out.append((sc.ZERO_B, None))
            continue
        if not any(a):
            out.append((sc.ZERO_A, None))
            continue
        if skip_mirror and [c for c in a if c][-1] < 0:
            out.append((sc.MIRROR, None))
            continue
        ev = lambda poly, n: sum(c * n**i for i, c in enumerate(poly))  # noqa: E731
        ppp, pp, p, qpp, qp, q = 0, 1, a[0], 1, 0, 1
        terminated = False
        for n in range(1, depth + 1):
            an, bn = ev(a, n), ev(b, n)
            if bn == 0:
                terminated = True
                break
            ppp, pp, p, qpp, qp, q = pp, p, an * p + bn * pp, qp, q, an * q + bn * qp
        if terminated:
            out.append((sc.TERMINATES, None))
            continue
        if q == 0 or qp == 0:
            out.append((sc.BAD, None))
            continue
        x = Fraction(p, q)
        d1 = x - Fraction(pp, qp)
        d0 = Fraction(pp, qp) - Fraction(ppp, qpp) if qpp else Fraction(0)
        d = abs(d1)
        if d1 and d0:  # the one error model of convergents (discover.cf.convergence), step 1
            est = estimate_error(math.log10(abs(d1)), math.log10(abs(d0)), depth, 1, d1 * d0 < 0)
            d = Fraction(10.0 ** est.log10_error)
        status = sc.OK if d <= tol * max(1, abs(x)) else sc.NOT_CONVERGED
        out.append((status, float(x)))
    return out


@pytest.mark.parametrize("skip_mirror", [False, True])
@pytest.mark.parametrize("first, count", [(0, 7**4), (123, 77), (1000, 1)])
def test_kernel_agrees_with_reference(skip_mirror, first, count):
    a_lo, a_span, b_lo, b_span = [-3, -3], [7, 7], [-3, -3], [7, 7]
    values, deltas, status = sc.screen(a_lo, a_span, b_lo, b_span, first, count, depth=24, tol=1e-9,
                                       skip_mirror=skip_mirror)
    ref = reference(a_lo, a_span, b_lo, b_span, first, count, 24, 1e-9, skip_mirror)
    for i, (st, x) in enumerate(ref):
        if st in (sc.OK, sc.NOT_CONVERGED):
            # float64 may tip a borderline convergence test; the value itself must agree
            assert status[i] in (sc.OK, sc.NOT_CONVERGED)
            assert values[i] == pytest.approx(x, rel=1e-9, abs=1e-12)
            if abs(status[i] - st) and deltas[i] > 2e-9 * max(1, abs(x)) and deltas[i] < 0.5e-9 * max(1, abs(x)):
                pytest.fail("status differs away from the threshold")
        else:
            assert status[i] == st, (i, sc.decode(first + i, a_lo, a_span, b_lo, b_span))


def test_known_limits_screen_ok():
    # a = 2n+1, b = n^2 -> 4/pi, inside the box a in [-3,3]^2, b in [-3,3]^3
    a_lo, a_span, b_lo, b_span = [-3, -3], [7, 7], [-3, -3, -3], [7, 7, 7]
    index = (1 + 3) + 7 * (2 + 3) + 49 * ((0 + 3) + 7 * (0 + 3) + 49 * (1 + 3))
    assert sc.decode(index, a_lo, a_span, b_lo, b_span) == ((1, 2), (0, 0, 1))
    values, _, status = sc.screen(a_lo, a_span, b_lo, b_span, index, 1, depth=32)
    assert status[0] == sc.OK
    assert values[0] == pytest.approx(4 / math.pi, rel=1e-13)


def test_large_values_are_renormalised():
    # a = 50n^2, b = 50n^4 at depth 200: the integers overflow float64 long before the end
    values, _, status = sc.screen([0, 0, 50], [1, 1, 1], [0, 0, 0, 0, 50], [1, 1, 1, 1, 1], 0, 1, depth=200)
    assert status[0] == sc.OK and np.isfinite(values[0])


def test_power_law_tail_is_not_called_converged_from_its_last_step():
    """PCF(2n^3+3n^2+11n+5, -n^6) = 1/(zeta(3) - 1): at depth 32 the last step is 1.4e-10 but the error
    7e-10 (a tail falling like N^-6); the screen's error estimate must cover the true error."""
    import mpmath

    a, b = (5, 11, 3, 2), (0, 0, 0, 0, 0, 0, -1)
    values, deltas, status = sc.screen(list(a), [1] * 4, list(b), [1] * 7, 0, 1, depth=32)
    true_error = abs(values[0] - float(1 / (mpmath.zeta(3) - 1)))
    assert 5e-10 < true_error < 1e-9
    assert deltas[0] >= true_error


def test_search_finds_the_power_law_formula():
    """The issue's box (cf search --constant zeta3 --a-deg 3 --b-deg 6 --a-range 0:13 --b-range -1:0) must
    find PCF(2n^3+3n^2+11n+5, -n^6) = 1/(zeta(3) - 1); here the shard of that one candidate."""
    import mpmath
    import sympy

    from discover.cf.constants import sympy_locals
    from discover.cf.search.engine import CFSearchSpec, run_shard
    from discover.runner.engine import Shard

    spec = CFSearchSpec(constants=("zeta3",), a_deg=3, b_deg=6, a_range=(0, 13), b_range=(-1, 0))
    index = (5 + 14 * 11 + 14**2 * 3 + 14**3 * 2) + 14**4 * sum(2**j for j in range(6))
    assert sc.decode(index, spec.a_lo, spec.a_span, spec.b_lo, spec.b_span) == ((5, 11, 3, 2), (0,) * 6 + (-1,))
    result = run_shard(spec, Shard(f"{index}+1", {"first": index, "count": 1}))
    assert len(result.records) == 1
    closed = sympy.sympify(result.records[0].payload["closed_form"], locals=sympy_locals())
    assert abs(sympy.N(closed - 1 / (sympy.zeta(3) - 1), 50)) < mpmath.mpf(10) ** -40
