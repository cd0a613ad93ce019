"""discover/kernels/numba_start.py: Numba starts without scipy.linalg and cffi, and kernels still run."""

import re
import subprocess
import sys
from pathlib import Path

import discover

PACKAGE = Path(discover.__file__).parent
NUMBA_IMPORT = re.compile(r"^(import numba\b|from numba\b)", re.M)  # module level: what loads with the module
START_IMPORT = re.compile(r"^import discover\.kernels\.numba_start\b", re.M)
# what Numba compiles through BLAS/LAPACK (hidden from it at start-up)
BLAS_CALLS = re.compile(r"\bnp\.(dot|vdot|matmul|inner|outer|linalg)\b|\bnumpy\.linalg\b")


def _kernel_modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text()
        if NUMBA_IMPORT.search(text) and path.name != "numba_start.py":
            yield path, text


def test_every_kernel_module_starts_numba_through_numba_start():
    late = []
    for path, text in _kernel_modules():
        start, first = START_IMPORT.search(text), NUMBA_IMPORT.search(text)
        if start is None or start.start() > first.start():
            late.append(str(path.relative_to(PACKAGE)))
    assert not late, f"import discover.kernels.numba_start before numba in: {late}"


def test_no_kernel_calls_blas_or_lapack():
    users = [str(p.relative_to(PACKAGE)) for p, text in _kernel_modules() if BLAS_CALLS.search(text)]
    assert not users, f"these kernel modules call BLAS/LAPACK, hidden from Numba at start-up: {users}"


def test_kernels_run_without_scipy_linalg_or_cffi_which_stay_importable():
    script = """
import sys
import numpy as np
from discover.extremal import flips
from discover.extremal.lanes import kernel_params
from discover.extremal.problems import get_problem
c5 = np.zeros((5, 5), np.uint8)
for i in range(5):
    c5[i, (i + 1) % 5] = c5[(i + 1) % 5, i] = 1
c4 = c5[:4, :4].copy()
c4[3, 0] = c4[0, 3] = 1
problem = get_problem("c3c4")
assert flips.count_violations(c5, kernel_params(problem, 5, 0, 0)) == 0  # the 5-cycle has girth 5
assert flips.count_violations(c4, kernel_params(problem, 4, 0, 0)) == 1  # the 4-cycle is one C4
assert "scipy.linalg" not in sys.modules and "cffi" not in sys.modules
import scipy.linalg  # put back for everything else in the process
assert sys.modules.get("cffi", 1) is not None  # not left blocked (cffi itself need not be installed)
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr
