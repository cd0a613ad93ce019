"""The formats results are published in: LaTeX, OEIS b-files and graph6.

* **LaTeX** (:func:`record_latex`, :func:`export_latex`). A PCF as a continued fraction,

      L = a(0) + \\cfrac{b(1)}{a(1) + \\cfrac{b(2)}{a(2) + \\cfrac{b(3)}{a(3) + \\ddots}}},

  with the first terms written out and the general terms a(n), b(n) beside it (a CMF walk or an ESMA
  record through its equivalent PCF); a fitted Cayley conjecture as an equation (``cases`` for a
  quasi-polynomial of modulus > 1); growth functions as a ``tabular``; an extremal graph as the bound
  ex(n; F) >= m with its graph6; a balanced reaction in mhchem's ``\\ce{}``. :func:`export_latex`
  writes a complete document (amsmath, booktabs, mhchem) with one section per engine.
* **b-file** (:func:`export_bfile`): the OEIS format, lines ``n a(n)``, for the integer sequences the
  records hold: the layer sizes of a growth record (offset 0: a(k) = |layer k|), diameters by n (from
  growth records and fitted conjectures), the values of any fitted quantity by n, and the best edge
  count by n of an extremal problem. Each sequence is preceded by ``#`` comment lines naming it (a file
  with one sequence is ready to upload; the OEIS wants consecutive n, and a gap is noted in a comment).
* **graph6** (:func:`export_graph6`): one graph per line, the ``graph6`` field of every record that has
  one (nauty's format; no ``>>graph6<<`` header).

Nothing is computed: every number printed is a field of a record (a polynomial is evaluated at the first
few n to write the fraction out, and its printed text is parsed to typeset it).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from discover.errors import InputError
from discover.records import Record
from discover.views.output import checked_output, write_text
from discover.views.source import as_records, engine_family

CF_TERMS = 3  # partial denominators written out before \ddots

_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
                  "%": r"\%", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def latex_escape(text: str) -> str:
    """``text`` as LaTeX text (every special character escaped)."""
    return "".join(_LATEX_SPECIAL.get(c, c) for c in str(text))


# -- pieces ---------------------------------------------------------------------------------------
def expression_latex(text: str) -> str:
    """A closed form or polynomial as printed by the engines (``2/(-2 + pi)``, ``n^2+n``, ``zeta(3)``,
    ``E``) in LaTeX, through sympy; ``\\texttt{}`` of the text when sympy cannot read it."""
    import sympy
    from sympy.parsing.sympy_parser import (convert_xor, implicit_multiplication_application, parse_expr,
                                            standard_transformations)

    names = {"E": sympy.E, "e": sympy.E, "pi": sympy.pi, "n": sympy.Symbol("n"), "zeta": sympy.zeta,
             "Catalan": sympy.Catalan, "catalan": sympy.Catalan, "gamma": sympy.EulerGamma,
             "euler_gamma": sympy.EulerGamma, "phi": sympy.GoldenRatio, "log": sympy.log, "sqrt": sympy.sqrt}
    transformations = standard_transformations + (convert_xor, implicit_multiplication_application)
    try:
        expr = parse_expr(str(text), local_dict=names, transformations=transformations, evaluate=False)
        return sympy.latex(expr)
    except Exception:  # noqa: BLE001 - any text sympy cannot read is shown verbatim, never lost
        return r"\texttt{" + latex_escape(text) + "}"


def cfrac_latex(a: str, b: str, terms: int = CF_TERMS) -> str:
    """a(0) + b(1)/(a(1) + b(2)/(...)) written out to ``terms`` partial denominators, then \\ddots."""
    from discover.cf.polynomial import Polynomial

    pa, pb = Polynomial.parse(a, "a(n)"), Polynomial.parse(b, "b(n)")
    tail = r"\ddots"
    for n in range(terms, 0, -1):
        tail = rf"\cfrac{{{pb(n)}}}{{{pa(n)} + {tail}}}"
    return f"{pa(0)} + {tail}"


def _pcf_equation(limit: str | None, a: str, b: str) -> str:
    lhs = expression_latex(limit) + " = " if limit else ""
    return (f"\\[ {lhs}{cfrac_latex(a, b)} \\qquad a(n) = {expression_latex(a)},\\; "
            f"b(n) = {expression_latex(b)} \\]")


def _fit_equation(p: dict) -> str:
    quantity = r"\operatorname{" + latex_escape(p["quantity"]) + "}"
    family = r"\mathrm{" + latex_escape(p["family"]) + "}"
    var = p.get("variable", "n")  # n, or the modulus p / family parameter k of a fit over them
    polys = [None if x is None else expression_latex(x) for x in p["polynomials"]]
    m = int(p["modulus"])
    if m == 1:
        rhs = polys[0]
    else:  # a residue class without data claims nothing: its row is left out
        rows = [f"{q} & {var} \\equiv {r} \\pmod{{{m}}}" for r, q in enumerate(polys) if q is not None]
        rhs = r"\begin{cases} " + r" \\ ".join(rows) + r" \end{cases}"
    return f"\\[ {quantity}({family}_{{{var}}}) = {rhs} \\qquad ({var} \\ge {p['n_min']}) \\]"


def _extremal_equation(p: dict, statement: str) -> str:
    from discover.extremal.problems import get_problem

    try:
        problem = get_problem(p["problem"])
    except InputError:
        problem = None
    if problem is None or not problem.cycles or problem.objective != "edges":
        return r"\[ \text{" + latex_escape(statement) + r"} \]"
    forbidden = ", ".join(f"C_{{{k}}}" for k in problem.cycles)
    return (f"\\[ \\operatorname{{ex}}({p['n']}; \\{{{forbidden}\\}}) \\ge {p['edges']} \\]"
            f" witnessed by the graph6 string \\texttt{{{latex_escape(p.get('graph6', ''))}}}")


def _reaction_ce(p: dict) -> str:
    left = [f"{c} {s}" if c != 1 else s for s, c, side in zip(p["species"], p["coefficients"], p["sides"])
            if side == "reactant" and c]
    right = [f"{c} {s}" if c != 1 else s for s, c, side in zip(p["species"], p["coefficients"], p["sides"])
             if side == "product" and c]
    return r"\ce{" + " + ".join(left) + " -> " + " + ".join(right) + "}"


def growth_tabular(records: list[Record]) -> str:
    """The growth functions of ``cayley.growth`` records as one ``tabular`` (family, n, order, diameter,
    layer sizes |layer 0|, |layer 1|, ...)."""
    rows = []
    for r in records:
        p = r.payload
        name = latex_escape(p.get("family") or p.get("generators") or "")
        sizes = ", ".join(str(v) for v in p["layer_sizes"])
        # a partial search (--max-depth, --max-layer-size) knows neither its order nor its diameter
        order = "?" if p.get("order") is None else p["order"]
        diameter = f"$\\geq {len(p['layer_sizes']) - 1}$" if p.get("diameter") is None else p["diameter"]
        rows.append(f"{name} & {p.get('n')} & {order} & {diameter} & "
                    f"\\parbox[t]{{0.55\\textwidth}}{{\\raggedright {sizes}}} \\\\")
    return "\n".join([r"\begin{tabular}{lrrrl}", r"\toprule",
                      r"family & $n$ & order & diameter & growth $|\text{layer } k|$, $k = 0, 1, \dots$ \\",
                      r"\midrule", *rows, r"\bottomrule", r"\end{tabular}"])


def record_latex(record) -> str:
    """One record in LaTeX (see the module doc); the statement as text for kinds without a rule."""
    r = as_records([record])[0]
    p = r.payload
    if r.engine.startswith("cf") and "a" in p and "b" in p:
        return _pcf_equation(p.get("closed_form"), p["a"], p["b"])
    if r.kind == "cmf-walk" and "trajectory" in p:
        # the walk's limit; its PCF is only equivalent (the canonical form: limits related by a Moebius map)
        walk = (rf"\[ \lim_{{k \to \infty}} W_{{\mathrm{{{latex_escape(p['cmf'])}}}}}"
                rf"\big(({', '.join(map(str, p['start']))}) + k\,({', '.join(map(str, p['trajectory']))})\big)"
                rf" = {expression_latex(p.get('closed_form') or p.get('limit'))} \]")
        if isinstance(p.get("pcf"), dict) and "a" in p["pcf"]:
            walk += "\nequivalent (up to a Moebius map of the limit) to\n" + _pcf_equation(None, p["pcf"]["a"], p["pcf"]["b"])
        return walk
    if r.engine.startswith("cf") and isinstance(p.get("pcf"), dict) and "a" in p["pcf"]:
        limit = p["pcf"].get("limit")  # ESMA: the value of its equivalent PCF, stated by the engine
        return _pcf_equation(limit, p["pcf"]["a"], p["pcf"]["b"])
    if r.engine == "cayley.fit" and "polynomials" in p:
        return _fit_equation(p)
    if r.engine == "cayley.growth" and "layer_sizes" in p:
        return growth_tabular([r])
    if r.engine.startswith("extremal") and "edges" in p and "n" in p:
        return _extremal_equation(p, r.statement)
    if r.engine.startswith("chem") and {"species", "coefficients", "sides"} <= set(p):
        return r"\[ " + _reaction_ce(p) + r" \]"
    return r"\begin{quote}\texttt{" + latex_escape(r.statement) + r"}\end{quote}"


SECTION_TITLES = {"cf": "Continued fractions", "cayley": "Cayley graphs", "extremal": "Extremal graphs",
                  "chem": "Balanced reactions"}


def latex_document(records: Iterable) -> str:
    """A complete LaTeX document of ``records``: a section per engine, growth functions in one table."""
    records = as_records(records)
    body = []
    for family in dict.fromkeys(engine_family(r) for r in records):
        mine = [r for r in records if engine_family(r) == family]
        body.append(f"\\section*{{{latex_escape(SECTION_TITLES.get(family, family))}}}")
        growth = [r for r in mine if r.engine == "cayley.growth" and "layer_sizes" in r.payload]
        if growth:
            body += [r"\subsection*{Growth functions}", r"{\small", growth_tabular(growth), "}", ""]
        for r in mine:
            if r in growth:
                continue
            body.append(f"% {r.key} ({latex_escape(r.engine)}, {latex_escape(r.kind)})")
            body.append(r"\noindent " + latex_escape(r.statement) + r"\nopagebreak")
            body.append(record_latex(r))
            body.append("")
    return "\n".join([r"\documentclass[11pt]{article}", r"\usepackage{amsmath,amssymb,booktabs}",
                      r"\usepackage[version=4]{mhchem}", r"\usepackage[margin=2cm]{geometry}",
                      r"\begin{document}", *body, r"\end{document}", ""])


def export_latex(records: Iterable, path) -> int:
    """Write :func:`latex_document` of ``records`` to ``path``; returns the number of records."""
    target, _ = checked_output(path)
    records = as_records(records)
    write_text(target, latex_document(records))
    return len(records)


# -- b-files ------------------------------------------------------------------------------------------
def bfile_sequences(records: Iterable) -> list[tuple[str, dict[int, int]]]:
    """The integer sequences in ``records`` as ``(name, {n: a(n)})``, in the order first met (see the
    module doc). Diameters by n from growth records and from fitted conjectures are one sequence."""
    sequences: dict[str, dict[int, int]] = {}

    def add(name: str, n: int, value: int) -> None:
        sequences.setdefault(name, {}).setdefault(int(n), int(value))

    for r in as_records(records):
        p = r.payload
        if r.engine == "cayley.growth" and "layer_sizes" in p:
            family = p.get("family") or p.get("generators")
            mod = f" mod {p['modulus']}" if p.get("modulus") else ""
            where = f" from {p['start']}" if p.get("start") else ""
            name = f"growth of {family} n={p.get('n')}{mod}{where}: a(k) = number of elements at distance k"
            for k, v in enumerate(p["layer_sizes"]):
                add(name, k, v)
            if not p.get("start") and p.get("family") and p.get("n") is not None and p.get("diameter") is not None:
                add(f"diameter of {family}{mod} by n", p["n"], p["diameter"])  # a partial search has none
        elif r.engine == "cayley.fit" and isinstance(p.get("values"), dict):
            for n, v in p["values"].items():
                add(f"{p['quantity']} of {p['family']} by {p.get('variable', 'n')}", int(n), v)
        elif r.engine.startswith("extremal") and "edges" in p and "n" in p:
            name = f"{p.get('problem')}: most edges found by n (lower bounds)"
            seq = sequences.setdefault(name, {})
            seq[int(p["n"])] = max(int(p["edges"]), seq.get(int(p["n"]), 0))
    return [(name, dict(sorted(seq.items()))) for name, seq in sequences.items()]


def bfile_text(name: str, sequence: dict[int, int]) -> str:
    """One b-file: ``#`` comments, then ``n a(n)`` lines in increasing n."""
    lines = [f"# {name}", "# written by discover from verified records in its results store"]
    ns = sorted(sequence)
    gaps = [n for n in range(ns[0], ns[-1] + 1) if n not in sequence] if ns else []
    if gaps:
        lines.append(f"# not consecutive: no term for n = {', '.join(map(str, gaps))}")
    lines += [f"{n} {sequence[n]}" for n in ns]
    return "\n".join(lines) + "\n"


def export_bfile(records: Iterable, path) -> int:
    """Write every sequence of :func:`bfile_sequences` to ``path`` (one after another, blank line
    between); returns the number of sequences. InputError when the records hold none."""
    target, _ = checked_output(path)
    sequences = bfile_sequences(records)
    if not sequences:
        raise InputError("--format bfile: none of the records holds an integer sequence (layer sizes, "
                         "diameters by n, fitted values by n, extremal edge counts by n)")
    write_text(target, "\n".join(bfile_text(name, seq) for name, seq in sequences))
    return len(sequences)


# -- graph6 ---------------------------------------------------------------------------------------------
_GRAPH6 = re.compile(r"^[?-~]+$")


def export_graph6(records: Iterable, path) -> int:
    """Write the graph6 string of every record that has one, one per line; returns the count.
    InputError when there is none."""
    target, _ = checked_output(path)
    graphs = [r.payload["graph6"] for r in as_records(records) if isinstance(r.payload.get("graph6"), str)]
    bad = [g for g in graphs if not _GRAPH6.match(g)]
    if bad:  # a store field that is not graph6 would make the whole file unreadable by nauty
        raise InputError(f"--format graph6: a record's graph6 field {bad[0][:20]!r} is not graph6 text")
    if not graphs:
        raise InputError("--format graph6: none of the records is a graph (export extremal records)")
    write_text(target, "".join(g + "\n" for g in graphs))
    return len(graphs)
