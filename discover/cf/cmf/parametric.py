"""Parameters of a parametric CMF: the ``--param`` grammar, the grid of values, and substitution.

A parametric CMF (:class:`discover.cf.cmf.field.CMF` with ``parameters``) is a family of CMFs, one for
each value of its parameters c = (c_0, ...): conservativity is an identity in the axes and c (checked
once, :func:`discover.cf.cmf.field.check_conservative`), so every specialisation is conservative where
its entries are defined. A walk needs every parameter bound to a rational number.

``--param`` text: comma-separated ``NAME=VALUES``; VALUES is a number (``2``, ``-1/2``), a range of
integers ``LO..HI`` (both included), or several numbers separated by ``|`` (``1|3/2|2``). The grid is
the product of the values, one point per shard; it has at most :data:`MAX_PARAM_POINTS` points.
Binding keeps the entry texts and records the values; the line evaluation substitutes them
(:mod:`discover.cf.cmf.ratfunc`), so no symbolic algebra runs per point.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from fractions import Fraction

from discover.errors import InputError

__all__ = ["parse_param_grid", "grid_points", "bind", "MAX_PARAM_POINTS", "fraction_text"]

# Points of a parameter grid (each a shard: one walk or one search of trajectories).
MAX_PARAM_POINTS = 10_000
# Numerators and denominators of parameter values.
MAX_PARAM_DIGITS = 30
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_NUMBER = re.compile(r"^[+-]?\d+(/\d+)?$")


def fraction_text(v: Fraction) -> str:
    """A rational number as the text used in specs and records: ``3`` or ``-1/2``."""
    v = Fraction(v)
    return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"


def _number(text: str, what: str) -> Fraction:
    t = text.strip()
    if not _NUMBER.match(t) or len(t) > 2 * MAX_PARAM_DIGITS + 2:
        raise InputError(f"{what}: {text!r} is not a rational number such as 2 or -1/2 "
                         f"(at most {MAX_PARAM_DIGITS} digits)")
    try:
        return Fraction(t)
    except ZeroDivisionError:
        raise InputError(f"{what}: {text!r} divides by zero") from None


def parse_param_grid(text: str | None, what: str = "--param") -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``c0=1..3,c1=1/2`` -> (("c0", ("1", "2", "3")), ("c1", ("1/2",))); InputError naming the part."""
    if text is None or not str(text).strip():
        return ()
    text = str(text)
    if len(text) > 10_000:
        raise InputError(f"{what}: too long")
    out, seen = [], set()
    for part in text.split(","):
        if "=" not in part:
            raise InputError(f"{what} {part.strip()!r}: expected NAME=VALUE, e.g. c0=1 or c0=1..3")
        name, vals = (s.strip() for s in part.split("=", 1))
        if not _NAME.match(name):
            raise InputError(f"{what} {part.strip()!r}: {name!r} is not a parameter name")
        if name in seen:
            raise InputError(f"{what}: {name} is given twice")
        seen.add(name)
        if ".." in vals:
            lo, hi = vals.split("..", 1)
            lo_v, hi_v = _number(lo, f"{what} {name}"), _number(hi, f"{what} {name}")
            if lo_v.denominator != 1 or hi_v.denominator != 1 or lo_v > hi_v:
                raise InputError(f"{what} {name}={vals}: a range needs integers LO..HI with LO <= HI")
            if hi_v - lo_v + 1 > MAX_PARAM_POINTS:
                raise InputError(f"{what} {name}={vals}: more than {MAX_PARAM_POINTS:,} values")
            values = tuple(str(v) for v in range(int(lo_v), int(hi_v) + 1))
        else:
            values = tuple(fraction_text(_number(v, f"{what} {name}")) for v in vals.split("|"))
        out.append((name, values))
    n = 1
    for _, vs in out:
        n *= len(vs)
    if n > MAX_PARAM_POINTS:
        raise InputError(f"{what}: the grid has {n:,} points, above the limit of {MAX_PARAM_POINTS:,}")
    return tuple(out)


def grid_points(grid) -> list[dict[str, str]]:
    """Every point of the grid, in order (the last name varying fastest); [{}] for an empty grid."""
    names = [n for n, _ in grid]
    return [dict(zip(names, combo)) for combo in itertools.product(*(vs for _, vs in grid))]


def check_grid(cmf, grid, what: str = "--param") -> None:
    """InputError unless the grid names exactly the free parameters of ``cmf``."""
    names = [n for n, _ in grid]
    unknown = [n for n in names if n not in cmf.parameters]
    if unknown:
        declared = ", ".join(cmf.parameters) or "none"
        raise InputError(f"{what} {unknown[0]}: CMF {cmf.name} has no parameter {unknown[0]!r} "
                         f"(its parameters: {declared})")
    missing = [p for p in cmf.free_parameters if p not in names]
    if missing:
        raise InputError(f"CMF {cmf.name} has free parameters {', '.join(missing)}: give {what} "
                         + ",".join(f"{p}=..." for p in missing))


def bind(cmf, values: dict, what: str = "--param"):
    """The CMF with ``values`` ({name: number or text}) substituted for its parameters; InputError
    naming the value when a name is not a parameter or an entry divides by zero at that value."""
    from discover.cf.cmf.field import mpoly_entries

    merged = dict(cmf.values)
    for name, v in values.items():
        if name not in cmf.parameters:
            raise InputError(f"{what} {name}: CMF {cmf.name} has no parameter {name!r} "
                             f"(its parameters: {', '.join(cmf.parameters) or 'none'})")
        q = Fraction(v) if isinstance(v, (int, Fraction)) else _number(str(v), f"{what} {name}")
        merged[name] = fraction_text(q)
    bound = replace(cmf, values=tuple((n, merged[n]) for n in cmf.parameters if n in merged))
    try:
        mpoly_entries(bound)  # every entry defined at these values (a denominator may vanish identically)
    except InputError as exc:
        raise InputError(f"{what} {', '.join(f'{n}={v}' for n, v in values.items())}: {exc}") from None
    return bound
