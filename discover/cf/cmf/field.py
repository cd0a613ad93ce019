"""A conservative matrix field (CMF): its definition, parsing, and the symbolic conservativity check.

Definition. A CMF in d variables (axes) p = (p_1, ..., p_d) is a family of k x k matrices M_i(p),
one per axis, with rational-function entries, such that for every pair of axes i, j

    M_i(p) M_j(p + e_i) = M_j(p) M_i(p + e_j).                                   (conservativity)

Then the ordered product of the matrices along a lattice path (M_i(p) for a step p -> p + e_i) depends
only on the end points of the path. In two variables this is Mx(x, y) My(x+1, y) = My(x, y) Mx(x, y+1).
The limit of a walk W = M(s) ... is read as W[0, k-1] / W[1, k-1] (the last column, as for PCFs with
M(n) = [[0, b(n)], [1, a(n)]]).

A :class:`CMF` is plain data (the entries as sympy-parseable strings), so the library is a data module
and a user's CMF comes from a small JSON or TOML file::

    {"name": "mine", "axes": ["x", "y"], "parameters": ["c0"],
     "matrices": {"x": [["0", "-x**3"], ["(x+1)**3", "..."]], "y": [[...], [...]]},
     "constants": ["zeta3"]}

Parametric CMFs. Entries may contain free parameters (ramanujantools' cmf1, cmf2, cmf3 and var_root
are written that way), which the file declares under ``"parameters"``; any other name is refused,
naming it. Conservativity is then an identity of rational functions in the axes *and* the parameters,
checked once; :func:`discover.cf.cmf.parametric.bind` substitutes values for a walk.

:func:`check_conservative` evaluates M_i(p) M_j(p + e_i) - M_j(p) M_i(p + e_j) exactly as fractions of
FLINT multivariate polynomials (``fmpq_mpoly`` in the axes and parameters; each entry parsed once by
:mod:`discover.cf.cmf.ratfunc`, the shift p -> p + e_i a ``compose``) and reports every pair of axes and
entry where the numerator of the difference is not identically zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from discover.cf.limits import check_expression_text
from discover.errors import InputError

__all__ = ["CMF", "Failure", "check_conservative", "load_cmf_file", "cmf_from_dict", "mpoly_entries", "compiled_entries",
           "reduce_fraction", "common_denominator"]

_AXIS = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_ENTRY = re.compile(r"^[A-Za-z0-9_+\-*/^()., ]+$")
_RESERVED = {"n", "E", "I", "S", "N", "O", "Q", "pi", "oo"}

# A CMF has at most this many axes (pFq:5,5 has 10) and matrices at most this size.
MAX_CMF_AXES = 11
MAX_CMF_RANK = 6
# Free parameters of a parametric CMF (ramanujantools' largest, cmf2/cmf3: 4).
MAX_CMF_PARAMETERS = 8
# A CMF file is a few matrices of short formulas.
MAX_CMF_FILE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class CMF:
    """A conservative matrix field as data. ``matrices[i]`` is the matrix of axis ``axes[i]``: a tuple of
    rows of entry strings (sympy syntax, ``^`` allowed for powers). ``constants`` are the constants its
    limits are identified against; ``default_start`` a start point where walks are defined."""

    name: str
    axes: tuple[str, ...]
    matrices: tuple[tuple[tuple[str, ...], ...], ...]
    constants: tuple[str, ...] = ()
    source: str = ""
    description: str = ""
    default_start: tuple[int, ...] | None = None
    notes: dict = field(default_factory=dict, compare=False, hash=False)
    parameters: tuple[str, ...] = ()
    values: tuple[tuple[str, str], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The axes, then the parameters: every name an entry may use."""
        return tuple(self.axes) + tuple(self.parameters)

    @property
    def free_parameters(self) -> tuple[str, ...]:
        """Parameters without a value (a walk needs none)."""
        bound = {n for n, _ in self.values}
        return tuple(p for p in self.parameters if p not in bound)

    def parameter_values(self) -> dict:
        """The bound parameters as {name: Fraction}."""
        from fractions import Fraction

        return {n: Fraction(v) for n, v in self.values}

    @property
    def dim(self) -> int:
        return len(self.axes)

    @property
    def rank(self) -> int:
        return len(self.matrices[0])

    def symbols(self):
        import sympy

        return tuple(sympy.Symbol(a) for a in self.axes)

    def sympy_matrices(self):
        """The matrices as sympy ``Matrix`` objects in the axes and parameters (cached; bound parameter
        values are not substituted)."""
        return _sympy_matrices(self.axes, self.matrices, tuple(self.parameters))[0]

    def rational_parts(self):
        """Per axis, the entries (row by row) as (numerator, denominator) sympy ``Poly`` in the axes
        and parameters with rational coefficients (cached; parsed once with the matrices)."""
        return _sympy_matrices(self.axes, self.matrices, tuple(self.parameters))[1]

    def to_dict(self) -> dict:
        out = {
            "name": self.name,
            "axes": list(self.axes),
            "matrices": {a: [list(r) for r in m] for a, m in zip(self.axes, self.matrices)},
            "constants": list(self.constants),
            "source": self.source,
            "description": self.description,
            "default_start": list(self.default_start) if self.default_start else None,
        }
        if self.parameters:
            out["parameters"] = list(self.parameters)
        if self.values:
            out["values"] = {n: v for n, v in self.values}
        return out

    def validate(self) -> "CMF":
        """Check the shape and that every entry parses as a rational function of the axes only
        (InputError naming the entry otherwise). Returns self."""
        if not self.axes:
            raise InputError(f"CMF {self.name!r}: no axes")
        for a in self.axes:
            if not _AXIS.match(a) or a in _RESERVED:
                raise InputError(f"CMF {self.name!r}: axis name {a!r} is not allowed (use names like x, y, x0)")
        if len(set(self.axes)) != len(self.axes):
            raise InputError(f"CMF {self.name!r}: repeated axis names")
        for a in self.parameters:
            if not _AXIS.match(a) or a in _RESERVED:
                raise InputError(f"CMF {self.name!r}: parameter name {a!r} is not allowed (use names like c0, a)")
        if len(set(self.names)) != len(self.names):
            raise InputError(f"CMF {self.name!r}: a parameter repeats a name ({', '.join(self.parameters)}; "
                             f"axes {', '.join(self.axes)})")
        if len(self.parameters) > MAX_CMF_PARAMETERS:
            raise InputError(f"CMF {self.name!r}: {len(self.parameters)} parameters; at most "
                             f"{MAX_CMF_PARAMETERS} are accepted")
        unknown = [n for n, _ in self.values if n not in self.parameters]
        if unknown:
            raise InputError(f"CMF {self.name!r}: a value for {unknown[0]!r}, which is not a declared parameter")
        if len(self.matrices) != len(self.axes):
            raise InputError(f"CMF {self.name!r}: {len(self.axes)} axes but {len(self.matrices)} matrices")
        if len(self.axes) > MAX_CMF_AXES:
            raise InputError(f"CMF {self.name!r}: {len(self.axes)} axes; at most {MAX_CMF_AXES} are accepted")
        k = len(self.matrices[0])
        if not 2 <= k <= MAX_CMF_RANK:
            raise InputError(f"CMF {self.name!r}: matrices must be between 2 x 2 and {MAX_CMF_RANK} x {MAX_CMF_RANK}")
        for a, m in zip(self.axes, self.matrices):
            if len(m) != k or any(len(r) != k for r in m):
                raise InputError(f"CMF {self.name!r}: the matrix of axis {a} is not {k} x {k}")
        compiled_entries(self)
        if self.default_start is not None and len(self.default_start) != self.dim:
            raise InputError(f"CMF {self.name!r}: default_start has {len(self.default_start)} coordinates, "
                             f"expected {self.dim}")
        return self


def compiled_entries(cmf: CMF) -> list[list]:
    """Per axis, the entries (row by row) parsed once into ASTs over the axes and parameters
    (:func:`discover.cf.cmf.ratfunc.compile_entry`); InputError naming the entry, and any name that is
    neither an axis nor a declared parameter."""
    from discover.cf.cmf.ratfunc import compile_entry

    names = cmf.names
    out = []
    for a, m in zip(cmf.axes, cmf.matrices):
        nodes = []
        for i, row in enumerate(m):
            for j, text in enumerate(row):
                try:
                    nodes.append(compile_entry(str(text), names))
                except InputError as exc:
                    msg = str(exc)
                    if "unknown symbol" in msg:
                        msg += (" (not an axis" + (f" nor a declared parameter: {', '.join(cmf.parameters)}"
                                                   if cmf.parameters else "; declare it under \"parameters\"")
                                + ")")
                    raise InputError(f"CMF {cmf.name!r}, entry ({i + 1}, {j + 1}) of the matrix of axis {a}: "
                                     f"{msg}") from None
        out.append(nodes)
    return out


@lru_cache(maxsize=64)
def _sympy_matrices(axes: tuple[str, ...], matrices, parameters: tuple[str, ...] = ()) -> tuple:
    import sympy
    from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations

    syms = {a: sympy.Symbol(a) for a in axes + parameters}
    gens = tuple(syms.values())
    one = sympy.Poly(1, *gens, domain="QQ")
    out, parts_out = [], []
    for a, m in zip(axes, matrices):
        rows = []
        entry_parts = []
        for i, row in enumerate(m):
            cells = []
            for j, text in enumerate(row):
                where = f"entry ({i + 1}, {j + 1}) of the matrix of axis {a}"
                src = check_expression_text(str(text), where)
                if not src or not _ENTRY.match(src) or "__" in src:
                    raise InputError(f"{where}: {text!r} is not a rational function of the axes")
                try:
                    expr = parse_expr(src, local_dict=dict(syms), global_dict=_globals(),
                                      transformations=standard_transformations + (convert_xor,))
                except Exception:
                    raise InputError(f"{where}: cannot parse {text!r}") from None
                if not isinstance(expr, sympy.Expr):
                    raise InputError(f"{where}: {text!r} is not an expression")
                extra = expr.free_symbols - set(syms.values())
                if extra:
                    raise InputError(f"{where}: unknown symbol(s) {', '.join(sorted(map(str, extra)))}")
                if expr.is_polynomial(*gens):
                    parts = (expr,)
                elif expr.is_rational_function(*gens):
                    parts = sympy.fraction(sympy.together(expr))
                else:
                    raise InputError(f"{where}: {text!r} is not a rational function of the axes")
                polys = []
                for part in parts:
                    poly = sympy.Poly(part, *gens)
                    if not (poly.domain.is_ZZ or poly.domain.is_QQ):
                        raise InputError(f"{where}: coefficients of {text!r} must be rational numbers")
                    polys.append(poly)
                if len(polys) > 1 and polys[1].is_zero:
                    raise InputError(f"{where}: {text!r} divides by zero")
                entry_parts.append((polys[0], polys[1] if len(polys) > 1 else one))
                cells.append(expr)
            rows.append(cells)
        out.append(sympy.Matrix(rows))
        parts_out.append(tuple(entry_parts))
    return tuple(out), tuple(parts_out)


def _globals() -> dict:
    """What sympy's parser may see besides the axes: numbers only (no functions, no constants)."""
    import sympy

    return {"Integer": sympy.Integer, "Rational": sympy.Rational, "Float": sympy.Float, "Symbol": sympy.Symbol}


@dataclass(frozen=True)
class Failure:
    """Where conservativity fails: axes (i, j), the entry (row, col), 1-based, and the residual."""

    axis_i: str
    axis_j: str
    row: int
    col: int
    residual: str

    def __str__(self) -> str:
        return (f"M_{self.axis_i}(p) M_{self.axis_j}(p+e_{self.axis_i}) != M_{self.axis_j}(p) "
                f"M_{self.axis_i}(p+e_{self.axis_j}) at entry ({self.row}, {self.col}): "
                f"difference {self.residual}")


def mpoly_entries(cmf: CMF):
    """(ctx, matrices): the FLINT context over the axes and parameters, and per axis the k x k matrix of
    reduced fractions (num, den) of ``fmpq_mpoly`` (bound parameter values substituted)."""
    import flint

    from discover.cf.cmf.ratfunc import LineSingular, evaluate_fraction

    names = cmf.names
    ctx = flint.fmpq_mpoly_ctx.get(names, "lex")
    gens = ctx.gens()
    one = ctx.from_dict({(0,) * len(names): 1})
    values = cmf.parameter_values()
    env = {}
    for nm, g in zip(names, gens):
        env[nm] = (ctx.from_dict({(0,) * len(names): flint.fmpq(values[nm].numerator, values[nm].denominator)}), one) \
            if nm in values else (g, one)

    def const(f):
        return ctx.from_dict({(0,) * len(names): flint.fmpq(f.numerator, f.denominator)}), one

    k = cmf.rank
    out = []
    for a, nodes in zip(cmf.axes, compiled_entries(cmf)):
        cells = []
        for idx, node in enumerate(nodes):
            where = f"entry ({idx // k + 1}, {idx % k + 1}) of the matrix of axis {a}"
            try:
                n, d = evaluate_fraction(node, env, const)
            except LineSingular:
                raise InputError(f"CMF {cmf.name!r}, {where}: divides by zero"
                                 + (f" at {_values_text(cmf)}" if cmf.values else "")) from None
            if d.is_zero():
                raise InputError(f"CMF {cmf.name!r}, {where}: divides by zero"
                                 + (f" at {_values_text(cmf)}" if cmf.values else ""))
            cells.append(reduce_fraction(n, d, one))
        out.append([cells[r * k:(r + 1) * k] for r in range(k)])
    return ctx, out


def _values_text(cmf: CMF) -> str:
    return ", ".join(f"{n}={v}" for n, v in cmf.values)


def reduce_fraction(n, d, one):
    """n / d in lowest terms (gcd removed); zero as 0 / 1."""
    if n.is_zero():
        return n, one
    g = n.gcd(d)
    if not g.is_constant():
        n, d = n / g, d / g
    return n, d


def common_denominator(M):
    """(N, d) with M = N / d: d the lcm of the entries' denominators, N a matrix of polynomials."""
    d = None
    for row in M:
        for _n, den in row:
            if d is None:
                d = den
            elif den != d:
                d = d * den / d.gcd(den)
    return [[n * (d / den) if den != d else n for n, den in row] for row in M], d


def _poly_matmul(A, B):
    k = len(A)
    return [[sum((A[i][t] * B[t][j] for t in range(1, k)), A[i][0] * B[0][j]) for j in range(k)] for i in range(k)]


def _shift(polys, ctx, axis_index: int):
    """Each polynomial at p + e_axis (``compose`` with the shifted generator)."""
    gens = list(ctx.gens())
    one = ctx.from_dict({(0,) * len(gens): 1})
    gens[axis_index] = gens[axis_index] + one
    return [p.compose(*gens) for p in polys]


def check_conservative(cmf: CMF) -> list[Failure]:
    """Every failure of M_i(p) M_j(p + e_i) = M_j(p) M_i(p + e_j) (empty list: the field is conservative),
    as identities of rational functions in the axes and the free parameters (bound ones substituted).
    Exact: FLINT ``fmpq_mpoly`` fractions (see the module doc)."""
    cmf.validate()
    ctx, mats = mpoly_entries(cmf)
    one = ctx.from_dict({(0,) * len(cmf.names): 1})
    k = cmf.rank
    common = [common_denominator(M) for M in mats]  # M_i = N_i / d_i: polynomial products below
    failures = []
    for i in range(cmf.dim):
        for j in range(i + 1, cmf.dim):
            (Ni, di), (Nj, dj) = common[i], common[j]
            # M_i(p) M_j(p + e_i) - M_j(p) M_i(p + e_j) = (N_i Nj' dj_i' ... ): cross-multiplied numerators
            flat_j = _shift([e for row in Nj for e in row] + [dj], ctx, i)
            flat_i = _shift([e for row in Ni for e in row] + [di], ctx, j)
            Nj_s, dj_s = [flat_j[r * k:(r + 1) * k] for r in range(k)], flat_j[-1]
            Ni_s, di_s = [flat_i[r * k:(r + 1) * k] for r in range(k)], flat_i[-1]
            left, right = _poly_matmul(Ni, Nj_s), _poly_matmul(Nj, Ni_s)
            ld, rd = di * dj_s, dj * di_s
            g = ld.gcd(rd)  # the two sides share most denominator factors: multiply by the cofactors only
            lf, rf = (ld / g, rd / g) if not g.is_constant() else (ld, rd)
            for r in range(k):
                for c in range(k):
                    num = left[r][c] * rf - right[r][c] * lf
                    if num.is_zero():
                        continue
                    res_n, res_d = reduce_fraction(num, ld * rf, one)  # over lcm(ld, rd)
                    text = f"({res_n})/({res_d})" if not res_d.is_one() else str(res_n)
                    text = text.replace("^", "**")
                    if len(text) > 200:
                        text = text[:197] + "..."
                    failures.append(Failure(cmf.axes[i], cmf.axes[j], r + 1, c + 1, text))
    return failures


def cmf_from_dict(data: dict, where: str = "CMF") -> CMF:
    """A CMF from the file format (see module doc); InputError naming what is wrong."""
    if not isinstance(data, dict):
        raise InputError(f"{where}: expected an object with axes and matrices")
    axes = data.get("axes")
    mats = data.get("matrices")
    if not isinstance(axes, list) or not all(isinstance(a, str) for a in axes) or not axes:
        raise InputError(f"{where}: 'axes' must be a list of names, e.g. [\"x\", \"y\"]")
    if isinstance(mats, dict):
        missing = [a for a in axes if a not in mats]
        if missing:
            raise InputError(f"{where}: no matrix for axis {missing[0]!r}")
        mats = [mats[a] for a in axes]
    if not isinstance(mats, list) or len(mats) != len(axes):
        raise InputError(f"{where}: 'matrices' must give one matrix per axis")
    rows = []
    for a, m in zip(axes, mats):
        if not isinstance(m, list) or not all(isinstance(r, list) for r in m):
            raise InputError(f"{where}: the matrix of axis {a} must be a list of rows")
        rows.append(tuple(tuple(str(e) for e in r) for r in m))
    constants = data.get("constants", [])
    if isinstance(constants, str):
        constants = [constants]
    start = data.get("default_start")
    params = data.get("parameters", [])
    if isinstance(params, str):
        params = [params]
    if not isinstance(params, list) or not all(isinstance(p, str) for p in params):
        raise InputError(f"{where}: 'parameters' must be a list of names, e.g. [\"c0\", \"c1\"]")
    values = data.get("values") or {}
    if not isinstance(values, dict):
        raise InputError(f"{where}: 'values' must map parameter names to numbers")
    cmf = CMF(
        name=str(data.get("name", "user")),
        axes=tuple(axes),
        matrices=tuple(rows),
        constants=tuple(str(c) for c in constants),
        source=str(data.get("source", "user file")),
        description=str(data.get("description", "")),
        default_start=tuple(int(v) for v in start) if start else None,
        parameters=tuple(params),
    )
    if values:
        from discover.cf.cmf.parametric import bind

        return bind(cmf.validate(), {str(k): v for k, v in values.items()}, what=f"{where}: 'values'")
    return cmf.validate()


def load_cmf_file(path: str) -> CMF:
    """Read a CMF from a ``.json`` or ``.toml`` file (UTF-8 text, at most :data:`MAX_CMF_FILE_BYTES`)."""
    import json

    from discover.textfile import read_text_file

    text = read_text_file(path, f"CMF file {path!r}", MAX_CMF_FILE_BYTES)
    if path.endswith(".toml"):
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"CMF file {path!r}: invalid TOML ({' '.join(str(exc).split())})") from None
        except RecursionError:
            raise InputError(f"CMF file {path!r}: nested too deeply") from None
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"CMF file {path!r}: invalid JSON ({exc.msg}, line {exc.lineno})") from None
        except RecursionError:
            raise InputError(f"CMF file {path!r}: nested too deeply") from None
    return cmf_from_dict(data, where=f"CMF file {path!r}")
