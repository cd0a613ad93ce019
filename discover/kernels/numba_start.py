"""Numba, started without two imports that its start-up makes and our kernels never use.

Every module with a Numba kernel imports this module before ``numba``. The first kernel call of a
process (a compilation, or a load from Numba's on-disk cache) fills Numba's typing and target
contexts, and that imports, besides Numba's own registries:

* ``scipy.linalg`` (through ``numba.np.arraymath``, which asks whether BLAS is there so that
  ``np.dot`` and ``np.linalg`` can compile): about 0.2 s of CPU, with ``numpy.f2py`` and
  ``unittest`` behind it;
* ``cffi`` and ``pycparser`` (through ``numba.core.typing.cffi_utils``, for typing cffi functions
  passed as arguments): about 0.05-0.15 s.

None of our kernels calls BLAS, LAPACK or a cffi function, so both are hidden from Numba while its
contexts fill: the names are set to ``None`` in ``sys.modules`` (an import of them then fails at
once, which Numba takes as "not installed"), and put back afterwards so that anything else in the
process can import them normally. The contexts are filled here, once, eagerly: the cost moves from
the first kernel call to the import of the kernel's module; it is paid either way. A kernel that
used ``np.dot`` or ``np.linalg`` would fail to compile with Numba's "scipy 0.16+ is required"
error, and ``tests/foundation/test_numba_start.py`` checks that none does.
"""

from __future__ import annotations

import sys

# imported by Numba's start-up, unused by our kernels (see above)
HIDDEN_FROM_NUMBA = ("scipy.linalg.cython_blas", "scipy.linalg.cython_lapack", "cffi")


def _start() -> None:
    if "numba" in sys.modules:  # started already (by us, or by the user's code before ours)
        return
    hidden = [name for name in HIDDEN_FROM_NUMBA if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import numba  # noqa: F401
        import numba.core.typing.cffi_utils  # noqa: F401 - reads "no cffi" once, now
        from numba.core.registry import cpu_target

        cpu_target.typing_context.refresh()  # imports numba.np.arraymath: "no BLAS", once, now
        cpu_target.target_context.refresh()
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


_start()
