"""Bit intrinsics for Numba kernels over uint64 bitsets (used by the Cayley and extremal engines).

Each compiles to one LLVM instruction (``ctpop``, ``cttz``), which Numba has no portable spelling for.
"""

from __future__ import annotations

import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import types
from numba.extending import intrinsic


@intrinsic
def popcount(typingctx, x):
    """Number of set bits of a uint64."""
    if x != types.uint64:
        return None
    sig = types.uint64(x)

    def codegen(context, builder, signature, args):
        return builder.ctpop(args[0])

    return sig, codegen


@intrinsic
def trailing_zeros(typingctx, x):
    """Index of the lowest set bit of a non-zero uint64."""
    if x != types.uint64:
        return None
    sig = types.uint64(x)

    def codegen(context, builder, signature, args):
        from llvmlite import ir

        return builder.cttz(args[0], ir.Constant(ir.IntType(1), 0))

    return sig, codegen
