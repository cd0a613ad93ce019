"""Mathematical constants: a registry of named ones, and any constant written as an expression.

A :class:`Constant` has a ``name`` (what the user typed, normalised) and a sympy-parseable
``expression`` (``zeta(3)``, ``Catalan``, ``besseli(0, 2)/besseli(1, 2)``); :meth:`Constant.value`
evaluates it with mpmath to any number of significant digits (mpmath's functions carry their own
error control; the registry uses mpmath's dedicated algorithms: ``mpmath.zeta``, ``mpmath.catalan``,
``mpmath.euler``, ``mpmath.e1`` ...). Values are cached per precision.

Registry (name: expression): pi: ``pi``; e: ``E``; zeta2: ``zeta(2)``; zeta3: ``zeta(3)``;
zeta5: ``zeta(5)``; log2: ``log(2)``; catalan: ``Catalan``; phi: ``GoldenRatio``; sqrt2: ``sqrt(2)``;
euler_gamma: ``EulerGamma``; gompertz: ``E*expint(1, 1)`` (G = e E_1(1) = 0.596347...). Aliases:
``zeta(3)``, ``ln2``, ``log(2)``, ``G``, ``golden_ratio``, ``gamma``, ``euler`` and the like.

Anything else is parsed as an expression (``exp(2)``, ``tan(1)``, ``besseli(0,2)/besseli(1,2)``,
``pi^2``); registry names may appear inside it (``zeta3/pi``). It must be a finite real number
without free symbols, otherwise :class:`~discover.errors.InputError` names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from discover.errors import InputError

__all__ = ["Constant", "REGISTRY", "get_constant", "parse_constants", "sympy_locals"]


@dataclass(frozen=True)
class _Entry:
    name: str
    expression: str
    description: str
    aliases: tuple[str, ...]


_ENTRIES = (
    _Entry("pi", "pi", "pi = 3.14159...", ("pi", "π")),
    _Entry("e", "E", "Euler's number e = 2.71828...", ("e", "E", "exp(1)")),
    _Entry("zeta2", "zeta(2)", "zeta(2) = pi^2/6", ("zeta2", "zeta(2)", "z2")),
    _Entry("zeta3", "zeta(3)", "Apery's constant zeta(3) = 1.20205...", ("zeta3", "zeta(3)", "z3", "apery")),
    _Entry("zeta5", "zeta(5)", "zeta(5) = 1.03692...", ("zeta5", "zeta(5)", "z5")),
    _Entry("log2", "log(2)", "log(2) = 0.69314...", ("log2", "log(2)", "ln2", "ln(2)")),
    _Entry("catalan", "Catalan", "Catalan's constant G = 0.91596...", ("catalan", "Catalan", "G")),
    _Entry("phi", "GoldenRatio", "the golden ratio (1+sqrt(5))/2", ("phi", "golden_ratio", "GoldenRatio", "golden")),
    _Entry("sqrt2", "sqrt(2)", "sqrt(2) = 1.41421...", ("sqrt2", "sqrt(2)")),
    _Entry("euler_gamma", "EulerGamma", "the Euler-Mascheroni constant gamma = 0.57721...",
           ("euler_gamma", "gamma", "euler", "EulerGamma", "euler-mascheroni")),
    _Entry("gompertz", "E*expint(1, 1)", "the Gompertz constant e*E_1(1) = 0.59634...", ("gompertz", "gompertz_constant")),
)

_ALIASES = {}
for _e in _ENTRIES:
    for _alias in _e.aliases + (_e.name,):
        _ALIASES[_alias.lower()] = _e

_EXPR_CHARS = re.compile(r"^[A-Za-z0-9_+\-*/^()., ]+$")


def sympy_locals() -> dict:
    """Names that expressions may use on top of sympy's own (registry names such as ``zeta3``)."""
    import sympy

    out = {
        "e": sympy.E,
        "catalan": sympy.Catalan,
        "phi": sympy.GoldenRatio,
        "golden_ratio": sympy.GoldenRatio,
        "euler_gamma": sympy.EulerGamma,
        "gompertz": sympy.E * sympy.expint(1, 1),
        "zeta2": sympy.zeta(2),
        "zeta3": sympy.zeta(3),
        "zeta5": sympy.zeta(5),
        "log2": sympy.log(2),
        "ln2": sympy.log(2),
        "sqrt2": sympy.sqrt(2),
        "ln": sympy.log,
    }
    return out


def _mpmath_registry_value(name: str, dps: int):
    import mpmath

    with mpmath.workdps(dps):
        if name == "pi":
            return +mpmath.pi
        if name == "e":
            return +mpmath.e
        if name == "zeta2":
            return mpmath.zeta(2)
        if name == "zeta3":
            return mpmath.zeta(3)
        if name == "zeta5":
            return mpmath.zeta(5)
        if name == "log2":
            return mpmath.log(2)
        if name == "catalan":
            return +mpmath.catalan
        if name == "phi":
            return +mpmath.phi
        if name == "sqrt2":
            return mpmath.sqrt(2)
        if name == "euler_gamma":
            return +mpmath.euler
        if name == "gompertz":
            return mpmath.e * mpmath.e1(1)
    raise KeyError(name)


@dataclass(frozen=True)
class Constant:
    """A real constant: ``name`` (registry name or the expression text) and its sympy ``expression``."""

    name: str
    expression: str
    registered: bool = False

    def value(self, digits: int):
        """The constant to ``digits`` significant digits as an mpmath ``mpf`` (computed with 15 guard
        digits; the result is rounded to the caller's working precision when used)."""
        return _value_cached(self.name, self.expression, self.registered, int(digits))

    def sympy(self):
        """The constant as a sympy expression."""
        import sympy

        return sympy.sympify(self.expression, locals=sympy_locals())

    def __str__(self) -> str:
        return self.name


@lru_cache(maxsize=256)
def _value_cached(name: str, expression: str, registered: bool, digits: int):
    import mpmath

    dps = digits + 15
    if registered:
        return _mpmath_registry_value(name, dps)
    import sympy

    expr = sympy.sympify(expression, locals=sympy_locals())
    fn = sympy.lambdify([], expr, modules="mpmath")
    with mpmath.workdps(dps):
        try:
            val = fn()
        except (ArithmeticError, ValueError, TypeError) as exc:
            raise InputError(f"constant {name!r} cannot be evaluated to {digits} digits "
                             f"({type(exc).__name__})") from None
        if isinstance(val, mpmath.mpc):
            if abs(val.imag) > mpmath.mpf(10) ** (-(dps - 5)) * max(1, abs(val.real)):
                raise InputError(f"constant {name!r} is not real ({mpmath.nstr(val, 10)})")
            val = val.real
        val = mpmath.mpf(val)
        if not mpmath.isfinite(val):
            raise InputError(f"constant {name!r} is not a finite number")
    return val


# Functions an expression may apply. Those sympy evaluates exactly on integers (factorial(n) is n!,
# zeta(2k) goes through Bernoulli numbers) take only written numbers of size at most
# MAX_INTEGER_ARGUMENT, so that parsing stays fast (zeta(10000): 0.05 s).
_FUNCTIONS = {"exp", "log", "sin", "cos", "tan", "cot", "sec", "csc", "asin", "acos", "atan", "acot", "sinh", "cosh",
              "tanh", "coth", "asinh", "acosh", "atanh", "besseli", "besselj", "besselk", "bessely", "erf", "erfc",
              "expint", "Ei", "Abs"}
_INTEGER_FUNCTIONS = {"factorial", "binomial", "gamma", "zeta", "polylog"}
MAX_INTEGER_ARGUMENT = 10_000
# Constants of absolute value between 10^-MAX_CONSTANT_EXPONENT and 10^MAX_CONSTANT_EXPONENT (PSLQ needs them
# comparable with 1).
MAX_CONSTANT_EXPONENT = 100


def _check_functions(expr, text: str) -> None:
    """InputError unless every function applied in ``expr`` (parsed unevaluated) is in the lists above."""
    import sympy

    for node in sympy.preorder_traversal(expr):
        if not isinstance(node, sympy.Function):
            continue
        name = type(node).__name__
        if name in _INTEGER_FUNCTIONS:
            for arg in node.args:
                if not (isinstance(arg, sympy.Number) and abs(arg) <= MAX_INTEGER_ARGUMENT):
                    raise InputError(f"constant {text!r}: the arguments of {name} must be written numbers of "
                                     f"absolute value at most {MAX_INTEGER_ARGUMENT}")
        elif name not in _FUNCTIONS:
            raise InputError(f"constant {text!r}: unknown function {name} (known: "
                             f"{', '.join(sorted(_FUNCTIONS | _INTEGER_FUNCTIONS))})")


def get_constant(text: str) -> Constant:
    """A registry constant by name or alias, else an expression; InputError if neither."""
    if not isinstance(text, str) or not text.strip():
        raise InputError("constant: empty name")
    key = text.strip()
    entry = _ALIASES.get(key.lower())
    if entry is not None:
        return Constant(entry.name, entry.expression, registered=True)
    from discover.cf.limits import check_expression_text

    key = check_expression_text(key, f"constant {key[:40]!r}")
    if not _EXPR_CHARS.match(key) or "__" in key or "lambda" in key:
        raise InputError(f"unknown constant {text!r} (known: {', '.join(e.name for e in _ENTRIES)}, or an expression such as exp(2))")
    import sympy
    from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations

    transformations = standard_transformations + (convert_xor,)
    try:
        # Unevaluated first: sympy evaluates integer functions exactly (factorial(10^60) never returns).
        _check_functions(parse_expr(key, local_dict=sympy_locals(), transformations=transformations,
                                    evaluate=False), text)
        expr = parse_expr(key, local_dict=sympy_locals(), transformations=transformations)
    except InputError:
        raise
    except Exception:
        raise InputError(f"unknown constant {text!r}: not a registry name and not a valid expression") from None
    if not isinstance(expr, sympy.Expr) or expr.free_symbols:
        names = ", ".join(sorted(str(s) for s in getattr(expr, "free_symbols", ())))
        raise InputError(
            f"unknown constant {text!r}"
            + (f" (unknown name(s): {names})" if names else "")
            + f"; known: {', '.join(e.name for e in _ENTRIES)}, or an expression such as exp(2)"
        )
    if expr.is_Rational:
        raise InputError(f"constant {text!r} is rational; give an irrational constant")
    const = Constant(key, str(expr), registered=False)
    try:
        value = const.value(20)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"constant {text!r} cannot be evaluated ({type(exc).__name__})") from None
    if not 10.0 ** -MAX_CONSTANT_EXPONENT <= abs(value) <= 10.0 ** MAX_CONSTANT_EXPONENT:
        raise InputError(f"constant {text!r} = {float(value):.3g}: its absolute value must lie between "
                         f"1e-{MAX_CONSTANT_EXPONENT} and 1e{MAX_CONSTANT_EXPONENT}")
    return const


def parse_constants(texts) -> tuple[Constant, ...]:
    """Several constants from a list of names, or one comma-separated string (``pi,zeta3``).
    Commas inside parentheses (``besseli(0,2)``) do not split."""
    items: list[str] = []
    if isinstance(texts, str):
        texts = [texts]
    for text in texts:
        depth, cur = 0, ""
        for ch in text:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            if ch == "," and depth == 0:
                items.append(cur)
                cur = ""
            else:
                cur += ch
        items.append(cur)
    items = [i.strip() for i in items if i.strip()]
    if not items:
        raise InputError("no constant given")
    return tuple(get_constant(i) for i in items)


REGISTRY = {e.name: Constant(e.name, e.expression, registered=True) for e in _ENTRIES}
