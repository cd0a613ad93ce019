"""``discover cf solve``: solvers: ``euler`` (the Euler-family form of a PCF and its f, fbar CMF) and
``coboundary`` (a coboundary between two polynomial matrices).

Thin: options -> :mod:`discover.cf.solve` -> a table or JSON. Each answer is exact and printed with its
independent check; nothing is stored.
"""

from __future__ import annotations

import click

from cli.common import json_option, print_table


@click.group(name="solve")
def group():
    """Solvers: the Euler-family form of a PCF, coboundaries between polynomial matrices.

    \b
    Example:
      discover cf solve euler "n+2" "-n"
    """


@group.command("euler", context_settings={"ignore_unknown_options": True})
@click.argument("a")
@click.argument("b")
@click.option("--ffbar-bound", type=click.IntRange(0, 2), default=1, show_default=True,
              help="Coefficients of the y-terms of f tried when embedding in an f, fbar CMF, in [-B, B] (0..2).")
@click.option("--depth", type=int, default=500, show_default=True,
              help="Depth of the PCF evaluation the series is compared with (8..20,000).")
@json_option
def euler_cmd(a, b, ffbar_bound, depth, as_json):
    """The Euler-family form of PCF(A, B): a(n) = h1(n) + h2(n), b(n) = -h1(n-1) h2(n), and an f, fbar CMF.

    Every split of -b(n) into h1(n-1) h2(n) over the integers with a = h1 + h2 is listed (an exact
    polynomial identity), with the series it gives, L = h2(0) + h1(0) / sum_m prod_{j<=m} h2(j)/h1(j),
    compared with the PCF's own limit (mpmath nsum against the exact convergent), and an f, fbar CMF whose
    x-axis PCF at y = 0 is this one (f(x, 0) = h2(x), fbar(x, 0) = -h1(x-1); proven conservative), when
    b(0) = 0 allows one. A and B: integer polynomials in n (degree at most 64).

    \b
    Example:
      discover cf solve euler "n+2" "-n"
    """
    import json

    import mpmath

    from discover.cf.pcf import PCF
    from discover.cf.solve.euler import embed_in_ffbar, euler_forms, series_limit
    from discover.errors import InputError

    pcf = PCF.from_polynomials(a, b)
    if not 8 <= depth <= 20_000:
        raise InputError(f"--depth {depth}: must be between 8 and 20,000")
    pcf.check_depth(depth)
    forms = euler_forms(pcf.a, pcf.b)
    rows = []
    ev = pcf.evaluate(depth) if forms else None
    for form in forms:
        digits = int(min(max(ev.digits, 5), 60)) if ev is not None else 30
        value = series_limit(form, digits)
        agree = None
        if value is not None:
            with mpmath.workdps(digits + 10):
                diff = abs(value - ev.value)
                agree = float("inf") if diff == 0 else float(-mpmath.log10(diff / max(abs(ev.value), 1)))
        pairs = embed_in_ffbar(form, ffbar_bound)
        from discover.cf.cmf.fit.ansatz import poly_text

        row = {"a": str(pcf.a), "b": str(pcf.b), **form.to_json(),
               "series_limit": None if value is None else mpmath.nstr(value, min(digits, 30)),
               "pcf_limit": mpmath.nstr(ev.value, min(digits, 30)),
               "agreement_digits": None if agree is None else round(min(agree, 1e6), 1),
               "pcf_digits": round(ev.digits, 1),
               "ffbar": [{"f": poly_text(f), "fbar": poly_text(g), "conservative": "proven"} for f, g in pairs],
               "ffbar_note": None if pairs else ("b(0) != 0: an f, fbar CMF has b(0) = 0" if pcf.b(0) != 0 else
                                                 f"none with y-coefficients in [-{ffbar_bound}, {ffbar_bound}]")}
        rows.append(row)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row))
        if not rows:
            click.echo(json.dumps({"a": str(pcf.a), "b": str(pcf.b), "euler_forms": []}))
        return
    if not rows:
        click.echo(f"PCF(a={pcf.a}, b={pcf.b}) has no Euler-family form a = h1(n) + h2(n), b = -h1(n-1) h2(n) "
                   "over the integers")
        return
    for row in rows:
        table = [["h1(n)", row["h1"]], ["h2(n)", row["h2"]], ["series", row["series"]],
                 ["series value", str(row["series_limit"])],
                 ["PCF value", f"{row['pcf_limit']} ({row['pcf_digits']} digits at depth {depth})"],
                 ["agree", f"{row['agreement_digits']} digits"],
                 ["f, fbar CMF", "; ".join(f"f = {p['f']}, fbar = {p['fbar']} (proven)" for p in row["ffbar"])
                  or row["ffbar_note"]]]
        print_table(table, ["", f"PCF(a={row['a']}, b={row['b']})"])


def _matrix(text, pcf_text, what):
    from discover.cf.limits import check_expression_text
    from discover.cf.recurrence.recurrence import split_top_level
    from discover.errors import InputError

    if (text is None) == (pcf_text is None):
        raise InputError(f"give --{what} MATRIX or --{what}-pcf \"a(n), b(n)\", one of them")
    if pcf_text is not None:
        check_expression_text(pcf_text, f"--{what}-pcf")
        parts = split_top_level(pcf_text)
        if len(parts) != 2:
            raise InputError(f"--{what}-pcf {pcf_text!r}: give \"a(n), b(n)\"")
        from discover.cf.pcf import PCF

        pcf = PCF.from_polynomials(*parts)
        return pcf.matrix(), (pcf.a.coeffs, pcf.b.coeffs)
    from discover.cf.polynomial import Polynomial
    from discover.cf.solve.coboundary import MAX_SIZE

    check_expression_text(text.replace(";", ","), f"--{what}")  # ';' as ',': powers checked within entries
    texts = split_top_level(text, ";")
    rows = [[Polynomial.parse(e, f"--{what} entry") for e in split_top_level(r)] for r in texts]
    k = len(rows)
    if any(len(r) != k for r in rows) or not 1 <= k <= MAX_SIZE:
        raise InputError(f"--{what}: need a square matrix of size 1..{MAX_SIZE} (rows separated by ';', entries by "
                         f"','), got {k} rows of lengths {[len(r) for r in rows]}")
    return rows, None


@group.command("coboundary")
@click.option("--from", "from_text", default=None, metavar="MATRIX", help="M: rows separated by ';', entries by ','.")
@click.option("--to", "to_text", default=None, metavar="MATRIX", help="N, the same size.")
@click.option("--from-pcf", default=None, metavar="A,B", help="M as the companion [[0, b], [1, a]] of a PCF.")
@click.option("--to-pcf", default=None, metavar="A,B", help="N as the companion of a PCF.")
@click.option("--degree", type=click.IntRange(0, 6), default=4, show_default=True, help="Degree bound of V's entries (0..6).")
@click.option("--max-shift", type=click.IntRange(0, 4), default=2, show_default=True, help="|s| at most this (0..4).")
@json_option
def coboundary_cmd(from_text, to_text, from_pcf, to_pcf, degree, max_shift, as_json):
    """A coboundary V(n) N(n+s) = rho(n) M(n) V(n+1) between two polynomial matrices, exact.

    V has integer polynomial entries (degree at most --degree), rho = h1/h2 a rational function made of
    factors of det M and det N; found as an integer nullspace (FLINT) and checked by evaluating both
    sides with integers at more points than their degree (a proof). For two PCFs the Moebius map
    between their limits is printed too. Matrices of size 1..4.

    \b
    Example:
      discover cf solve coboundary --from-pcf "2n+1, n^2" --to-pcf "-4n-6, 4n^2+8n"
    """
    import json

    from discover.cf.solve.coboundary import check_coboundary, find_coboundary
    from discover.errors import InputError

    M, pm = _matrix(from_text, from_pcf, "from")
    N, pn = _matrix(to_text, to_pcf, "to")
    if len(M) != len(N):
        raise InputError(f"--from and --to: sizes {len(M)} and {len(N)} differ")
    cob = find_coboundary(M, N, degree, max_shift)
    out = {"found": cob is not None}
    if cob is not None:
        out.update(cob.to_json())
        out["checked"] = check_coboundary(M, N, cob)
        if pm is not None and pn is not None:
            from discover.cf.novelty.equivalence import moebius_of_coboundary

            t = moebius_of_coboundary(pm, pn, cob)
            out["moebius"] = None if t is None else {"map": list(t),
                                                      "statement": f"L' = ({t[0]} L + {t[1]}) / ({t[2]} L + {t[3]})"}
    if as_json:
        click.echo(json.dumps(out))
        return
    if cob is None:
        click.echo(f"no coboundary with V of degree <= {degree} and |shift| <= {max_shift}")
        return
    rows = [["V(n)", " ; ".join(", ".join(r) for r in out["V"])], ["shift", str(out["shift"])],
            ["rho(n)", out["scalar"]], ["checked", "yes (polynomial identity)" if out["checked"] else "NO"]]
    if out.get("moebius"):
        rows.append(["limits", out["moebius"]["statement"]])
    print_table(rows, ["", out["equation"]])
