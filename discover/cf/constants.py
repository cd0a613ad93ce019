"""Mathematical constants: a registry of named ones, and any constant written as an expression.

A :class:`Constant` has a ``name`` (what the user typed, normalised) and a sympy-parseable
``expression`` (``zeta(3)``, ``Catalan``, ``besseli(0, 2)/besseli(1, 2)``); :meth:`Constant.value`
evaluates it to any number of significant digits. Registry constants are computed with FLINT's ball
arithmetic (``flint.arb``: rigorous error bounds, 64 guard bits, the midpoint read into an mpmath
``mpf``; zeta(3) to 10,000 digits takes milliseconds where mpmath takes a second); expressions go
through sympy and mpmath. Values are cached per precision. A *product* constant (``factors``) is the
product of two constants: the basis vector C1 C2 of the two-constant relations of
:mod:`discover.cf.identify`.

Registry (:data:`REGISTRY`, 60 constants, all of them identified against by default): powers of pi
(pi, pi^2 .. pi^5, sqrt(pi), log(pi)); e^k and e^(1/k) (e, e^2, e^3, e^(1/2), e^(1/3), e^(1/4), e^pi);
log k (k = 2, 3, 5, 7); zeta(k) (k = 2 .. 7; zeta(4) = pi^4/90 and zeta(6) = pi^6/945 are listed for the
search, whose Moebius forms have small coefficients); Catalan's G, Euler's gamma, the Gompertz constant
e E_1(1); algebraic numbers (the golden ratio phi, sqrt k for k = 2, 3, 5, 7, 2^(1/3)) and 2^sqrt(2); trigonometric values (tan 1, cot 1, sin 1,
cos 1, atan(1/2)); Bessel ratios I_v(2)/I_(v+1)(2) (v = 0, 1, 2), I_0(1)/I_1(1), J_0(2)/J_1(2); Gamma
values (Gamma(1/4), Gamma(1/3)); polylogarithms (Li_2(1/2), Li_3(1/2), Li_4(1/2), Li_2(1/3), Li_2(1/4)); Dirichlet L-values
L(2, chi_-3), L(2, chi_-7), L(2, chi_-8) and beta(4) = L(4, chi_-4);
log(1 + sqrt 2), log(phi), erf(1), Ei(1), Si(1). :func:`registry_table` lists them.

Each entry has a *group*: constants of one group are Moebius images of each other (pi^2 and zeta(2);
pi^4 and zeta(4); tan 1 and cot 1; the Bessel ratios at 2, which satisfy r_(v-1) = v + 1/r_v; phi and sqrt 5), so a
"two-constant relation" between two of them is a relation among the constants alone and is never
searched (:func:`same_group`).

Anything else is parsed as an expression (``exp(5)``, ``besseli(0,3)/besseli(1,3)``, ``pi^6``);
registry names may appear inside it (``zeta3/pi``). It must be a finite real number without free
symbols, otherwise :class:`~discover.errors.InputError` names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from discover.errors import InputError

__all__ = ["Constant", "REGISTRY", "get_constant", "parse_constants", "sympy_locals", "product_constant",
           "registry_table", "same_group"]


@dataclass(frozen=True)
class _Entry:
    name: str
    expression: str  # sympy-parseable; also the text written in closed forms
    description: str
    aliases: tuple[str, ...]
    arb: Callable  # () -> flint.arb at the current flint precision
    group: str = ""  # entries sharing a non-empty group are Moebius images of each other


def _a(value=None):
    from flint import arb

    return arb if value is None else arb(value)


def _q(p: int, q: int):
    from flint import arb, fmpq

    return arb(fmpq(p, q))


def _gamma_q(p: int, q: int):
    from flint import arb, fmpq

    return arb.gamma_fmpq(fmpq(p, q))


def _phi():
    return (1 + _a(5).sqrt()) / 2


def _dirichlet_l(s: int, character: tuple[int, ...]):
    """L(s, chi) = sum_n chi(n) n^-s for a character of modulus q = len(character) given by its values
    chi(0), ..., chi(q-1): q^-s sum_r chi(r) zeta(s, r/q) (Hurwitz zeta functions, FLINT)."""
    from flint import arb, fmpq

    q = len(character)
    total = arb(0)
    for r, value in enumerate(character):
        if value:
            total += value * arb(s).zeta(arb(fmpq(r, q)))
    return total / arb(q) ** s


_ENTRIES = (
    _Entry("pi", "pi", "pi = 3.14159...", ("pi", "π"), lambda: _a().pi()),
    _Entry("pi2", "pi**2", "pi^2 (zeta(2) = pi^2/6)", ("pi^2", "pi**2"), lambda: _a().pi() ** 2, "pi2"),
    _Entry("pi3", "pi**3", "pi^3", ("pi^3", "pi**3"), lambda: _a().pi() ** 3),
    _Entry("pi4", "pi**4", "pi^4 (zeta(4) = pi^4/90)", ("pi^4", "pi**4"), lambda: _a().pi() ** 4, "pi4"),
    _Entry("pi5", "pi**5", "pi^5", ("pi^5", "pi**5"), lambda: _a().pi() ** 5),
    _Entry("sqrt_pi", "sqrt(pi)", "sqrt(pi) = Gamma(1/2)", ("sqrt(pi)",), lambda: _a().pi().sqrt()),
    _Entry("log_pi", "log(pi)", "log(pi)", ("log(pi)", "ln(pi)"), lambda: _a().pi().log()),
    _Entry("e", "E", "Euler's number e = 2.71828...", ("e", "E", "exp(1)"), lambda: _a().const_e()),
    _Entry("e2", "exp(2)", "e^2", ("exp(2)", "e^2"), lambda: _a(2).exp()),
    _Entry("e3", "exp(3)", "e^3", ("exp(3)", "e^3"), lambda: _a(3).exp()),
    _Entry("sqrt_e", "exp(1/2)", "e^(1/2)", ("exp(1/2)", "sqrt(e)", "e^(1/2)"), lambda: _q(1, 2).exp()),
    _Entry("cbrt_e", "exp(1/3)", "e^(1/3)", ("exp(1/3)", "e^(1/3)"), lambda: _q(1, 3).exp()),
    _Entry("e_1_4", "exp(1/4)", "e^(1/4)", ("exp(1/4)", "e^(1/4)"), lambda: _q(1, 4).exp()),
    _Entry("e_pi", "exp(pi)", "e^pi (Gelfond's constant)", ("exp(pi)", "e^pi"), lambda: _a().pi().exp()),
    _Entry("log2", "log(2)", "log(2) = 0.69314...", ("log2", "log(2)", "ln2", "ln(2)"), lambda: _a().const_log2()),
    _Entry("log3", "log(3)", "log(3)", ("log(3)", "ln3", "ln(3)"), lambda: _a(3).log()),
    _Entry("log5", "log(5)", "log(5)", ("log(5)", "ln5", "ln(5)"), lambda: _a(5).log()),
    _Entry("log7", "log(7)", "log(7)", ("log(7)", "ln7", "ln(7)"), lambda: _a(7).log()),
    _Entry("zeta2", "zeta(2)", "zeta(2) = pi^2/6", ("zeta2", "zeta(2)", "z2"), lambda: _a(2).zeta(), "pi2"),
    _Entry("zeta3", "zeta(3)", "Apery's constant zeta(3) = 1.20205...", ("zeta3", "zeta(3)", "z3", "apery"),
           lambda: _a(3).zeta()),
    # zeta(4) and zeta(6) beside pi^4 (and pi^6, not listed): a search matches Moebius forms with coefficients
    # up to 12 (40 at most), so 1/zeta(4) = 90/pi^4, Euler's PCF(n^4 + (n+1)^4, -n^8), is found only through
    # zeta(4) itself
    _Entry("zeta4", "zeta(4)", "zeta(4) = pi^4/90", ("zeta4", "zeta(4)", "z4"), lambda: _a(4).zeta(), "pi4"),
    _Entry("zeta5", "zeta(5)", "zeta(5) = 1.03692...", ("zeta5", "zeta(5)", "z5"), lambda: _a(5).zeta()),
    _Entry("zeta6", "zeta(6)", "zeta(6) = pi^6/945", ("zeta6", "zeta(6)", "z6"), lambda: _a(6).zeta()),
    _Entry("zeta7", "zeta(7)", "zeta(7) = 1.00834...", ("zeta7", "zeta(7)", "z7"), lambda: _a(7).zeta()),
    _Entry("catalan", "Catalan", "Catalan's constant G = 0.91596...", ("catalan", "Catalan", "G"),
           lambda: _a().const_catalan()),
    _Entry("euler_gamma", "EulerGamma", "the Euler-Mascheroni constant gamma = 0.57721...",
           ("euler_gamma", "gamma", "euler", "EulerGamma", "euler-mascheroni"), lambda: _a().const_euler()),
    _Entry("gompertz", "E*expint(1, 1)", "the Gompertz constant e*E_1(1) = 0.59634...",
           ("gompertz", "gompertz_constant"), lambda: _a().const_e() * _a(1).expint(1)),
    _Entry("phi", "GoldenRatio", "the golden ratio (1+sqrt(5))/2", ("phi", "golden_ratio", "GoldenRatio", "golden"),
           _phi, "sqrt5"),
    _Entry("sqrt2", "sqrt(2)", "sqrt(2) = 1.41421...", ("sqrt2", "sqrt(2)"), lambda: _a(2).sqrt()),
    _Entry("sqrt3", "sqrt(3)", "sqrt(3)", ("sqrt(3)",), lambda: _a(3).sqrt()),
    _Entry("sqrt5", "sqrt(5)", "sqrt(5) = 2 phi - 1", ("sqrt(5)",), lambda: _a(5).sqrt(), "sqrt5"),
    _Entry("sqrt7", "sqrt(7)", "sqrt(7)", ("sqrt(7)",), lambda: _a(7).sqrt()),
    _Entry("cbrt2", "2**(1/3)", "2^(1/3)", ("2^(1/3)", "2**(1/3)", "cbrt(2)"), lambda: _a(2).root(3)),
    _Entry("two_sqrt2", "2**sqrt(2)", "2^sqrt(2) (Gelfond-Schneider)", ("2^sqrt(2)", "2**sqrt(2)"),
           lambda: _a(2) ** _a(2).sqrt()),
    _Entry("tan1", "tan(1)", "tan(1) = 1.55740...", ("tan(1)",), lambda: _a(1).tan(), "tan1"),
    _Entry("cot1", "cot(1)", "cot(1) = 1/tan(1) = 0.64209... (PCF(2n+1, -1))", ("cot(1)",), lambda: _a(1).cot(),
           "tan1"),
    _Entry("sin1", "sin(1)", "sin(1)", ("sin(1)",), lambda: _a(1).sin()),
    _Entry("cos1", "cos(1)", "cos(1)", ("cos(1)",), lambda: _a(1).cos()),
    _Entry("atan_1_2", "atan(1/2)", "arctan(1/2)", ("atan(1/2)", "arctan(1/2)"), lambda: _q(1, 2).atan()),
    _Entry("i0_i1_2", "besseli(0, 2)/besseli(1, 2)", "I_0(2)/I_1(2) = 1.43312... (PCF(n+1, 1))",
           ("besseli(0,2)/besseli(1,2)", "besseli(0, 2)/besseli(1, 2)", "I0(2)/I1(2)"),
           lambda: _a(2).bessel_i(0) / _a(2).bessel_i(1), "bessel2"),
    _Entry("i1_i2_2", "besseli(1, 2)/besseli(2, 2)", "I_1(2)/I_2(2)",
           ("besseli(1,2)/besseli(2,2)", "besseli(1, 2)/besseli(2, 2)", "I1(2)/I2(2)"),
           lambda: _a(2).bessel_i(1) / _a(2).bessel_i(2), "bessel2"),
    _Entry("i2_i3_2", "besseli(2, 2)/besseli(3, 2)", "I_2(2)/I_3(2)",
           ("besseli(2,2)/besseli(3,2)", "besseli(2, 2)/besseli(3, 2)", "I2(2)/I3(2)"),
           lambda: _a(2).bessel_i(2) / _a(2).bessel_i(3), "bessel2"),
    _Entry("i0_i1_1", "besseli(0, 1)/besseli(1, 1)", "I_0(1)/I_1(1)",
           ("besseli(0,1)/besseli(1,1)", "besseli(0, 1)/besseli(1, 1)", "I0(1)/I1(1)"),
           lambda: _a(1).bessel_i(0) / _a(1).bessel_i(1)),
    _Entry("j0_j1_2", "besselj(0, 2)/besselj(1, 2)", "J_0(2)/J_1(2)",
           ("besselj(0,2)/besselj(1,2)", "besselj(0, 2)/besselj(1, 2)", "J0(2)/J1(2)"),
           lambda: _a(2).bessel_j(0) / _a(2).bessel_j(1)),
    _Entry("gamma_1_4", "gamma(1/4)", "Gamma(1/4) = 3.62560...", ("gamma(1/4)", "Gamma(1/4)"), lambda: _gamma_q(1, 4)),
    _Entry("gamma_1_3", "gamma(1/3)", "Gamma(1/3) = 2.67893...", ("gamma(1/3)", "Gamma(1/3)"), lambda: _gamma_q(1, 3)),
    _Entry("li2_1_2", "polylog(2, 1/2)", "Li_2(1/2) = pi^2/12 - log(2)^2/2", ("polylog(2,1/2)", "Li2(1/2)"),
           lambda: _q(1, 2).polylog(2)),
    _Entry("li3_1_2", "polylog(3, 1/2)", "Li_3(1/2)", ("polylog(3,1/2)", "Li3(1/2)"), lambda: _q(1, 2).polylog(3)),
    _Entry("li4_1_2", "polylog(4, 1/2)", "Li_4(1/2)", ("polylog(4,1/2)", "Li4(1/2)"), lambda: _q(1, 2).polylog(4)),
    _Entry("li2_1_3", "polylog(2, 1/3)", "Li_2(1/3)", ("polylog(2,1/3)", "Li2(1/3)"), lambda: _q(1, 3).polylog(2)),
    _Entry("li2_1_4", "polylog(2, 1/4)", "Li_2(1/4)", ("polylog(2,1/4)", "Li2(1/4)"), lambda: _q(1, 4).polylog(2)),
    # Dirichlet L-values of the odd real characters of conductor 3, 7, 8 at s = 2 (Catalan's constant is
    # the one of conductor 4) and of conductor 4 at s = 4; at odd s these are rational multiples of
    # pi^s/sqrt(q), products of registry constants
    _Entry("l_m3_2", "(zeta(2, 1/3) - zeta(2, 2/3))/9", "L(2, chi_-3) = 0.78130... (Clausen: Cl_2(2pi/3) "
           "= 3 sqrt(3)/4 L(2, chi_-3))", ("L(2,chi_-3)", "lm3_2"), lambda: _dirichlet_l(2, (0, 1, -1))),
    _Entry("l_m7_2", "(zeta(2, 1/7) + zeta(2, 2/7) - zeta(2, 3/7) + zeta(2, 4/7) - zeta(2, 5/7) - zeta(2, 6/7))/49",
           "L(2, chi_-7) = 1.15192...", ("L(2,chi_-7)", "lm7_2"), lambda: _dirichlet_l(2, (0, 1, 1, -1, 1, -1, -1))),
    _Entry("l_m8_2", "(zeta(2, 1/8) + zeta(2, 3/8) - zeta(2, 5/8) - zeta(2, 7/8))/64", "L(2, chi_-8) = 1.06473...",
           ("L(2,chi_-8)", "lm8_2"), lambda: _dirichlet_l(2, (0, 1, 0, 1, 0, -1, 0, -1))),
    _Entry("beta4", "(zeta(4, 1/4) - zeta(4, 3/4))/256", "Dirichlet's beta(4) = L(4, chi_-4) = 0.98894...",
           ("beta(4)", "L(4,chi_-4)"), lambda: _dirichlet_l(4, (0, 1, 0, -1))),
    _Entry("asinh1", "asinh(1)", "log(1 + sqrt(2)) = asinh(1)", ("asinh(1)", "log(1+sqrt(2))"), lambda: _a(1).asinh()),
    _Entry("log_phi", "log(GoldenRatio)", "log(phi) = asinh(1/2)", ("log(phi)", "log(GoldenRatio)"),
           lambda: _phi().log()),
    _Entry("erf1", "erf(1)", "erf(1)", ("erf(1)",), lambda: _a(1).erf()),
    _Entry("ei1", "Ei(1)", "the exponential integral Ei(1)", ("Ei(1)", "ei(1)"), lambda: _a(1).ei()),
    _Entry("si1", "Si(1)", "the sine integral Si(1)", ("Si(1)", "si(1)"), lambda: _a(1).si()),
)

_ALIASES = {}
for _e in _ENTRIES:
    for _alias in _e.aliases + (_e.name,):
        _ALIASES[_alias.lower()] = _e
_BY_NAME = {e.name: e for e in _ENTRIES}

_EXPR_CHARS = re.compile(r"^[A-Za-z0-9_+\-*/^()., ]+$")


def sympy_locals() -> dict:
    """Names that expressions may use on top of sympy's own (every registry name, such as ``zeta3``).
    A new dict each call (a caller may add to it), copied from one built once: building it sympifies every
    registry expression, ~65 ms, which a search that parses its constants per candidate paid each time."""
    return dict(_sympy_locals_once())


@lru_cache(maxsize=1)
def _sympy_locals_once() -> dict:
    import sympy

    out = {"e": sympy.E, "catalan": sympy.Catalan, "golden_ratio": sympy.GoldenRatio, "ln": sympy.log}
    for entry in _ENTRIES:
        if entry.name not in out and entry.name != "pi":
            out[entry.name] = sympy.sympify(entry.expression)
    out["ln2"] = out["log2"]
    return out


def registry_table() -> list[tuple[str, str, str]]:
    """(name, expression, description) of every registry constant, in registry order."""
    return [(e.name, e.expression, e.description) for e in _ENTRIES]


def same_group(c1: "Constant", c2: "Constant") -> bool:
    """Whether two registry constants are Moebius images of each other (the module doc's groups)."""
    g1 = _BY_NAME[c1.name].group if c1.registered else ""
    g2 = _BY_NAME[c2.name].group if c2.registered else ""
    return bool(g1) and g1 == g2


def _arb_value(name: str, dps: int):
    """The registry constant ``name`` to ``dps`` digits as an mpmath mpf: a FLINT ball computed with 64
    guard bits, its midpoint read exactly (the ball's radius is far below 10^-dps)."""
    import flint
    import mpmath

    old = flint.ctx.prec
    flint.ctx.prec = int(dps * 3.3219280948873626) + 64
    try:
        ball = _BY_NAME[name].arb()
    finally:
        flint.ctx.prec = old
    man, exp = ball.mid().man_exp()
    with mpmath.workdps(dps):  # an mpf is rounded to the working precision when it is made
        return mpmath.mpf((int(man), int(exp)))


@dataclass(frozen=True)
class Constant:
    """A real constant: ``name`` (registry name or the expression text) and its sympy ``expression``;
    ``factors``: for a product constant C1 C2, the two constants (its value is their product)."""

    name: str
    expression: str
    registered: bool = False
    factors: tuple = ()

    def value(self, digits: int):
        """The constant to ``digits`` significant digits as an mpmath ``mpf`` (computed with guard digits;
        the result is rounded to the caller's working precision when used)."""
        if self.factors:
            import mpmath

            with mpmath.workdps(int(digits) + 15):
                return self.factors[0].value(digits) * self.factors[1].value(digits)
        return _value_cached(self.name, self.expression, self.registered, int(digits))

    def sympy(self):
        """The constant as a sympy expression."""
        import sympy

        return sympy.sympify(self.expression, locals=sympy_locals())

    def __str__(self) -> str:
        return self.name


def product_constant(c1: Constant, c2: Constant) -> Constant:
    """The product C1 C2 as a constant (name ``c1*c2``; expression the product of the two texts, each in
    parentheses when it is a sum)."""

    def factor(text: str) -> str:
        depth = 0
        for i, ch in enumerate(text):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0 and ch in "+-" and i > 0:
                return f"({text})"
        return text

    return Constant(f"{c1.name}*{c2.name}", f"{factor(c1.expression)}*{factor(c2.expression)}", factors=(c1, c2))


@lru_cache(maxsize=512)
def _value_cached(name: str, expression: str, registered: bool, digits: int):
    import mpmath

    dps = digits + 15
    if registered:
        return _arb_value(name, dps)
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
# MAX_INTEGER_ARGUMENT, so that parsing stays fast (zeta(10000): 0.05 s). gamma also takes a written
# complex number, re + im*I with both parts written numbers of that size (sympy leaves gamma(1/4 + I/2)
# unevaluated; mpmath evaluates it): products such as gamma(a + I*y)*gamma(a - I*y) are real constants.
_FUNCTIONS = {"exp", "log", "sin", "cos", "tan", "cot", "sec", "csc", "asin", "acos", "atan", "acot", "sinh", "cosh",
              "tanh", "coth", "asinh", "acosh", "atanh", "besseli", "besselj", "besselk", "bessely", "erf", "erfc",
              "expint", "Ei", "Abs"}
_INTEGER_FUNCTIONS = {"factorial", "binomial", "gamma", "zeta", "polylog"}
MAX_INTEGER_ARGUMENT = 10_000
# Constants of absolute value between 10^-MAX_CONSTANT_EXPONENT and 10^MAX_CONSTANT_EXPONENT (integer
# relations need them comparable with 1).
MAX_CONSTANT_EXPONENT = 100


def _written_number(arg) -> bool:
    import sympy

    return isinstance(arg, sympy.Number) and abs(arg) <= MAX_INTEGER_ARGUMENT


def _written_complex(arg) -> bool:
    """re + im*I (parsed unevaluated) with re and im written numbers of size <= MAX_INTEGER_ARGUMENT."""
    import sympy

    if not (isinstance(arg, sympy.Expr) and arg.is_number) or arg.atoms(sympy.Function):
        return False
    parts = [sympy.nsimplify(p) for p in arg.as_real_imag()]
    return all(isinstance(p, sympy.Rational) and abs(p) <= MAX_INTEGER_ARGUMENT for p in parts)


def _check_functions(expr, text: str) -> None:
    """InputError unless every function applied in ``expr`` (parsed unevaluated) is in the lists above."""
    import sympy

    for node in sympy.preorder_traversal(expr):
        if not isinstance(node, sympy.Function):
            continue
        name = type(node).__name__
        if name in _INTEGER_FUNCTIONS:
            for arg in node.args:
                if not (_written_number(arg) or (name == "gamma" and _written_complex(arg))):
                    raise InputError(f"constant {text!r}: the arguments of {name} must be written numbers of "
                                     f"absolute value at most {MAX_INTEGER_ARGUMENT}"
                                     + (" (or re + im*I, each part such a number)" if name == "gamma" else ""))
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
