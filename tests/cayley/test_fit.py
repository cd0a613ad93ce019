"""The quasi-polynomial fitter on sequences with known closed forms."""

from fractions import Fraction

from discover.cayley.fit import fit_quasi_polynomial, interpolate
from discover.cayley.verify import check_formula


def test_interpolate_exact():
    assert interpolate([1, 2, 3], [1, 4, 9]) == (Fraction(0), Fraction(0), Fraction(1))


def test_binomial_from_n_min():
    ns = list(range(3, 11))
    values = [2] + [n * (n - 1) // 2 for n in range(4, 11)]  # lrx: n=3 is an exception
    qp = fit_quasi_polynomial(ns, values)
    assert qp.modulus == 1 and qp.n_min == 4
    assert qp.polynomials() == ["n**2/2 - n/2"]
    assert check_formula(qp.polynomials(), 1, 4, ns, values)
    assert not check_formula(qp.polynomials(), 1, 3, ns, values)


def test_floor_three_halves_needs_modulus_two():
    ns = list(range(3, 14))
    values = [3 * (n - 1) // 2 for n in ns]  # floor(3(n-1)/2): stars diameters
    qp = fit_quasi_polynomial(ns, values)
    assert qp.modulus == 2
    assert all(qp(n) == v for n, v in zip(ns, values))
    assert len(qp.predicted) >= 2 and not set(qp.predicted) & set(qp.fitted_on)


def test_no_formula_for_noise():
    ns = list(range(1, 12))
    values = [1, 5, 2, 8, 3, 9, 4, 11, 6, 1, 7]
    assert fit_quasi_polynomial(ns, values) is None


def test_one_held_out_size_per_residue_class_is_not_enough():
    """floor(3(n-1)/2) on n = 3..8: a line per parity fits two sizes of each class and predicts only one;
    that is no evidence, so no formula is returned (with 3..10 each class predicts two)."""
    values = {n: 3 * (n - 1) // 2 for n in range(3, 11)}
    short = fit_quasi_polynomial(list(range(3, 9)), [values[n] for n in range(3, 9)])
    assert short is None or min(short.predicted_per_residue().values()) >= 2
    full = fit_quasi_polynomial(list(range(3, 11)), [values[n] for n in range(3, 11)])
    assert full.modulus == 2 and full.predicted_per_residue() == {"0": 2, "1": 2}


def test_late_start_found_and_held_out_kept():
    """3 floor(p/2) from p = 11 on, with exceptions below (any values): the fit starts at p = 11 and
    still predicts at least two values of each parity; dropping more than half of the values is not
    allowed, so exceptions up to p = 15 out of 2..23 leave no formula."""
    ps = list(range(2, 24))
    late = {p: 3 * (p // 2) + (1 if p < 11 and p % 3 == 0 else 0) + (p == 10) for p in ps}
    qp = fit_quasi_polynomial(ps, [late[p] for p in ps])
    assert qp.modulus == 2 and qp.n_min == 11 and qp.polynomials("p") == ["3*p/2", "3*p/2 - 3/2"]
    assert min(qp.predicted_per_residue().values()) >= 2
    later = {p: 3 * (p // 2) + (p < 16 and p % 2 == 0) for p in ps}
    assert fit_quasi_polynomial(ps, [later[p] for p in ps]) is None
