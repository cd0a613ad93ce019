"""The FLINT line evaluator of CMF entries agrees with sympy, and rejects what is not a rational function."""

import pytest
import sympy

from discover.cf.cmf.library import LIBRARY, get_cmf
from discover.cf.cmf.ratfunc import LineSingular, compile_entry, evaluate_on_line
from discover.errors import InputError


@pytest.mark.parametrize("name", list(LIBRARY))
def test_entries_agree_with_sympy_on_a_line(name):
    cmf = get_cmf(name)
    n = sympy.Symbol("n")
    # parameters (cmf1, ...) are names with direction 0: their value is the base, here 2/3, 5/3, ...
    base = [3 + i for i in range(cmf.dim)] + [sympy.Rational(2 + 3 * i, 3) for i in range(len(cmf.parameters))]
    direction = [1 + (i % 2) for i in range(cmf.dim)] + [0] * len(cmf.parameters)
    syms = [sympy.Symbol(a) for a in cmf.names]
    line = {sym: b + t * n for sym, b, t in zip(syms, base, direction)}
    for text, expr in zip((e for m in cmf.matrices for row in m for e in row),
                          (e for M in cmf.sympy_matrices() for e in M)):
        num, den = evaluate_on_line(compile_entry(text, cmf.names), cmf.names, [str(b) for b in base], direction)
        as_sym = lambda p: sum(sympy.Rational(int(c.p), int(c.q)) * n**i for i, c in enumerate(p.coeffs()))  # noqa: E731
        assert sympy.cancel(as_sym(num) / as_sym(den) - expr.subs(line)) == 0


@pytest.mark.parametrize("text", ["sin(x)", "x.real", "z + 1", "x ** y", "lambda: 1", "x +"])
def test_rejects(text):
    with pytest.raises(InputError):
        compile_entry(text, ("x", "y"))


def test_singular_line():
    node = compile_entry("1/(x - y)", ("x", "y"))
    with pytest.raises(LineSingular):
        evaluate_on_line(node, ("x", "y"), (1, 1), (1, 1))
    num, den = evaluate_on_line(node, ("x", "y"), (2, 1), (1, 1))
    assert num.degree() == 0 and den.degree() == 0
