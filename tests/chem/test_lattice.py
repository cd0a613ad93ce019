"""Exact small-matrix linear algebra (:mod:`discover.chem.lattice`) against FLINT: the RREF kernel basis,
the rank and the Hermite normal form are unique, so they must agree exactly."""

import flint
from hypothesis import given, settings
from hypothesis import strategies as st

from discover.chem.lattice import hnf, kernel_rref, rank

matrices = st.integers(1, 5).flatmap(lambda n: st.lists(
    st.lists(st.sampled_from([0, 0, 0, 1, 2, 3, -1, -2, 6]), min_size=n, max_size=n), min_size=1, max_size=5))


def flint_kernel_rref(rows, ncols):
    X, nullity = flint.fmpz_mat(rows).nullspace()
    if nullity == 0:
        return []
    cols = X.tolist()
    basis = [[int(cols[i][k]) for i in range(ncols)] for k in range(nullity)]
    R, _, r = flint.fmpz_mat(basis).rref()
    out = []
    for row in R.tolist()[:r]:
        row = [int(x) for x in row]
        if next(x for x in row if x) < 0:
            row = [-x for x in row]
        g = 0
        for x in row:
            g = flint.fmpz(g).gcd(x)
        out.append([x // int(g) for x in row])
    return out


@settings(max_examples=300, deadline=None)
@given(matrices)
def test_agrees_with_flint(rows):
    n = len(rows[0])
    assert kernel_rref(rows, n) == flint_kernel_rref(rows, n)
    assert rank(rows) == flint.fmpz_mat(rows).rank()
    assert hnf(rows) == [[int(x) for x in r] for r in flint.fmpz_mat(rows).hnf().tolist()]


def test_kernel_of_water_formation():
    # H2 + O2 -> H2O: rows H, O; the kernel is spanned by (2, 1, -2) scaled to RREF with a positive pivot
    assert kernel_rref([[2, 0, 2], [0, 2, 1]], 3) == [[2, 1, -2]]
    assert kernel_rref([], 2) == [[1, 0], [0, 1]]
