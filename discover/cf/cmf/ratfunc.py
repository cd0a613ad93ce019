"""Rational functions of the axes, evaluated on a line with FLINT (no sympy in the walk path).

An entry such as ``x**3 + (x + 1)**3 + 2*y*(y - 1)*(2*x + 1)`` or ``-y0*(x0 + x1 - y0)/((x0 - y0)*(x1 - y0))``
is parsed once into a Python AST (only numbers, the axis names, ``+ - * /``, unary minus and integer
powers; ``^`` means power, as in sympy's ``convert_xor``) and evaluated with each axis replaced by the
linear polynomial base_i + n t_i, as a pair (numerator, denominator) of FLINT ``fmpq_poly`` in n. This is
what a walk needs: S(n) for the line p(n) = s + n t. The same text is parsed by sympy for the symbolic
conservativity check (:mod:`discover.cf.cmf.field`); the tests check that both agree.
"""

from __future__ import annotations

import ast
from fractions import Fraction
from functools import lru_cache

from discover.errors import InputError

__all__ = ["compile_entry", "evaluate_on_line", "evaluate_fraction", "LineSingular"]


class LineSingular(InputError):
    """A denominator vanishes identically on the line."""


_BINARY = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)
_UNARY = (ast.USub, ast.UAdd)
# Depth of an entry's expression tree (a sum of N terms written out is N deep): the evaluator recurses.
MAX_ENTRY_DEPTH = 600


@lru_cache(maxsize=4096)
def compile_entry(text: str, axes: tuple[str, ...]):
    """The AST of an entry; InputError for anything but a rational function of the axes (names in
    ``axes``, integers, + - * /, integer powers), or a tree deeper than :data:`MAX_ENTRY_DEPTH`."""
    from discover.cf.limits import check_expression_text

    src = check_expression_text(str(text), "CMF entry").replace("^", "**")
    try:
        tree = ast.parse(src, mode="eval")
    except SyntaxError:
        raise InputError(f"cannot parse {text!r}") from None
    except (RecursionError, MemoryError):
        raise InputError(f"{text[:40]!r}...: nested too deeply (at most {MAX_ENTRY_DEPTH} operations in a chain; "
                         "write it factored)") from None
    names = set(axes)
    stack = [(tree.body, 1)]  # one pass over the tree, no recursion: (node, depth)
    while stack:
        node, depth = stack.pop()
        if depth > MAX_ENTRY_DEPTH:
            raise InputError(f"{text[:40]!r}...: nested too deeply (at most {MAX_ENTRY_DEPTH} operations in a "
                             "chain; write it factored)")
        kind = type(node)
        if kind is ast.BinOp and isinstance(node.op, _BINARY):
            if kind is ast.BinOp and type(node.op) is ast.Pow:
                r = node.right
                if type(r) is ast.UnaryOp and type(r.op) is ast.USub:
                    r = r.operand
                if not (type(r) is ast.Constant and type(r.value) is int):
                    raise InputError(f"{text!r}: exponents must be integers")
            stack.append((node.left, depth + 1))
            stack.append((node.right, depth + 1))
        elif kind is ast.UnaryOp and isinstance(node.op, _UNARY):
            stack.append((node.operand, depth + 1))
        elif kind is ast.Name:
            if node.id not in names:
                raise InputError(f"{text!r}: unknown symbol {node.id}")
        elif kind is ast.Constant:
            if type(node.value) is not int:
                raise InputError(f"{text!r}: numbers must be integers or fractions such as 1/2 (exact)")
        else:
            raise InputError(f"{text!r} is not a rational function of {', '.join(axes)}")
    return tree.body


def _fraction(v) -> Fraction:
    return Fraction(str(v)) if isinstance(v, float) else Fraction(v)


def evaluate_fraction(node, env: dict, const):
    """(num, den) of the entry ``node`` with each name replaced by ``env[name]`` (a (num, den) pair) and
    each number by ``const(Fraction)`` (a (num, den) pair): the one evaluator behind the line
    evaluation (``fmpq_poly`` in n) and the multivariate one (``fmpq_mpoly`` in the axes and
    parameters). LineSingular when a divisor is identically zero."""

    def ev(nd):
        if isinstance(nd, ast.Constant):
            return const(_fraction(nd.value))
        if isinstance(nd, ast.Name):
            return env[nd.id]
        if isinstance(nd, ast.UnaryOp):
            n, d = ev(nd.operand)
            return (-n, d) if isinstance(nd.op, ast.USub) else (n, d)
        if isinstance(nd.op, ast.Pow):
            if not (isinstance(nd.right, ast.Constant) and isinstance(nd.right.value, int)) and not (
                    isinstance(nd.right, ast.UnaryOp) and isinstance(nd.right.operand, ast.Constant)
                    and isinstance(nd.right.operand.value, int)):
                raise InputError("exponents must be integers")
            e = nd.right.value if isinstance(nd.right, ast.Constant) else -nd.right.operand.value
            n, d = ev(nd.left)
            if e < 0:
                if n.is_zero():
                    raise LineSingular("a negative power of zero")
                n, d, e = d, n, -e
            return n**e, d**e
        ln, ld = ev(nd.left)
        rn, rd = ev(nd.right)
        if isinstance(nd.op, ast.Add):
            return (ln * rd + rn * ld, ld * rd) if ld != rd else (ln + rn, ld)
        if isinstance(nd.op, ast.Sub):
            return (ln * rd - rn * ld, ld * rd) if ld != rd else (ln - rn, ld)
        if isinstance(nd.op, ast.Mult):
            return ln * rn, ld * rd
        if isinstance(nd.op, ast.Div):
            if rn.is_zero():
                raise LineSingular("a denominator vanishes on the whole line")
            return ln * rd, ld * rn
        raise InputError("unsupported operation")

    return ev(node)


def line_env(axes: tuple[str, ...], base, direction) -> dict:
    """{name: (base + n direction, 1)} as ``fmpq_poly`` in n: the substitution of a line (built once per
    line and shared by its entries)."""
    from flint import fmpq, fmpq_poly

    def q(v):
        f = _fraction(v)
        return fmpq(f.numerator, f.denominator)

    one = fmpq_poly([1])
    return {a: (fmpq_poly([q(b), q(t)]), one) for a, b, t in zip(axes, base, direction)}


def evaluate_on_line(node, axes: tuple[str, ...], base, direction, env: dict | None = None):
    """(num, den) fmpq_poly in n of the entry at axes = base + n direction (den non-zero). ``axes`` may
    also name parameters: a name with direction 0 is the constant base value (a rational number).
    ``env``: :func:`line_env` of the same line, when the caller has it."""
    from flint import fmpq, fmpq_poly

    one = fmpq_poly([1])
    if env is None:
        env = line_env(axes, base, direction)
    n, d = evaluate_fraction(node, env, lambda f: (fmpq_poly([fmpq(f.numerator, f.denominator)]), one))
    if d.is_zero():
        raise LineSingular("a denominator vanishes on the whole line")
    if n.is_zero():
        return n, one
    g = n.gcd(d)
    if g.degree() > 0:
        n, d = n / g, d / g
    return n, d
