"""The double description: the Numba kernel agrees with the exact Python loop; known ray sets."""

import numpy as np
from hypothesis import given, settings, strategies as st

from discover.chem.rays import elementary_modes, extreme_rays, kernel_basis


def test_known_cone_simplex_and_square():
    # {z >= 0 : z1 + z2 - z3 - z4 = 0}: the four rays e_i + e_j (i in {1,2}, j in {3,4})
    rays = extreme_rays([[1, 1, -1, -1]], 4, method="exact")
    assert set(rays) == {(1, 0, 1, 0), (1, 0, 0, 1), (0, 1, 1, 0), (0, 1, 0, 1)}
    assert extreme_rays([[1, 1, -1, -1]], 4, method="numba") == rays
    # a pointed cone with only the zero vector
    assert extreme_rays([[1, 1]], 2) == []


def test_free_species_give_circuits_once():
    # H2, O2, H2O, H2O2 with sides free: the four circuits of a rank-2 matrix on four columns
    A = [[2, 0, 2, 2], [0, 2, 1, 2]]
    modes = elementary_modes(A, [0, 0, 0, 0], method="exact")
    assert set(modes) == {(-2, -1, 2, 0), (-1, -1, 0, 1), (-1, 0, 2, -1), (0, -1, -2, 2)}
    assert elementary_modes(A, [0, 0, 0, 0], method="numba") == modes


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 3).flatmap(lambda m: st.integers(m + 1, 7).flatmap(
    lambda n: st.tuples(st.just(n), st.lists(st.lists(st.integers(-4, 4), min_size=n, max_size=n),
                                             min_size=m, max_size=m)))))
def test_numba_kernel_agrees_with_exact(case):
    n, matrix = case
    assert extreme_rays(matrix, n, method="numba") == extreme_rays(matrix, n, method="exact")


def test_overflow_guard_falls_back_to_exact():
    from discover.chem.dd_kernel import double_description

    big = 2 ** 40
    init = np.array([[1, 0, -big], [0, 1, big + 1]], dtype=np.int64)
    _, status = double_description(init, np.array([3], dtype=np.uint64), 1000, np.zeros(1, dtype=np.int64))
    assert status == 1
    matrix = [[big, big + 1, 0], [0, 0, 1]]  # kernel: (big+1, -big, 0) -> no nonnegative ray
    assert extreme_rays(matrix, 3, method="numba") == extreme_rays(matrix, 3, method="exact") == []
    matrix = [[big + 1, big, -1]]
    exact = extreme_rays(matrix, 3, method="exact")
    assert extreme_rays(matrix, 3, method="numba") == exact
    assert set(exact) == {(1, 0, big + 1), (0, 1, big)}


def test_kernel_stops_when_its_stop_flag_is_set():
    from discover.chem.dd_kernel import double_description

    init = np.array([[1, 0, -1, 1], [0, 1, 1, -1]], dtype=np.int64)  # a pair to examine at the first step
    _, status = double_description(init, np.array([3], dtype=np.uint64), 1000, np.ones(1, dtype=np.int64))
    assert status == 3
    _, status = double_description(init, np.array([3], dtype=np.uint64), 1000, np.zeros(1, dtype=np.int64))
    assert status == 0


def test_ctrl_c_stops_a_long_enumeration_within_a_second(tmp_path):
    """200 alkanes with free sides: the enumeration runs for tens of seconds in the Numba kernel; SIGINT
    must end the process within a second (the kernel polls a stop flag; exit status 130 or 1)."""
    import signal
    import subprocess
    import sys
    import time

    species = ", ".join(f"C{i}H{2 * i + 2}" for i in range(1, 201))
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "chem", "enumerate", "--species", species,
                             "--workers", "1", "--store", str(tmp_path / "s.sqlite")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(4.0)  # imports and the Numba cache load, then well into the kernel
    assert proc.poll() is None, proc.communicate()
    sent = time.perf_counter()
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=30)
    assert time.perf_counter() - sent < 1.0
    assert proc.returncode in (1, 130)


def test_kernel_basis_is_echelon_and_primitive():
    basis = kernel_basis([[2, 0, -2, -2], [0, 2, -1, -2]], 4)
    assert len(basis) == 2
    for row in basis:
        pivot = next(x for x in row if x)
        assert pivot > 0
        assert sum(a * b for a, b in zip([2, 0, -2, -2], row)) == 0
