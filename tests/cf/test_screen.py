"""The Numba screening kernel against a plain-Python reference of the same computation."""

import math
from fractions import Fraction

import numpy as np
import pytest

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
        pp, p, qp, q = 1, a[0], 0, 1
        terminated = False
        for n in range(1, depth + 1):
            an, bn = ev(a, n), ev(b, n)
            if bn == 0:
                terminated = True
                break
            pp, p, qp, q = p, an * p + bn * pp, q, an * q + bn * qp
        if terminated:
            out.append((sc.TERMINATES, None))
            continue
        if q == 0 or qp == 0:
            out.append((sc.BAD, None))
            continue
        x = Fraction(p, q)
        d = abs(x - Fraction(pp, qp))
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
