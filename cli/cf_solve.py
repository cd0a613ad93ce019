"""``discover cf solve``: solvers: ``euler`` (the Euler-family form of a PCF and its f, fbar CMF) and
``coboundary`` (a coboundary between two polynomial matrices).

Thin: options -> the specs of :mod:`discover.cf.solve.engine` (checked there) -> runner -> store (the answers
that pass :mod:`discover.cf.solve.verify`) -> table or JSON.
"""

from __future__ import annotations

import click

from cli.common import emit_records, emit_summary, execute, json_option, print_table, runner_options


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
@click.option("--ffbar-bound", type=int, default=1, show_default=True,
              help="Coefficients of the y-terms of f tried when embedding in an f, fbar CMF, in [-B, B] (0..2).")
@click.option("--depth", type=int, default=500, show_default=True,
              help="Depth of the PCF evaluation the series is compared with (8..20,000).")
@json_option
@runner_options
def euler_cmd(a, b, ffbar_bound, depth, as_json, run_options):
    """The Euler-family form of PCF(A, B): a(n) = h1(n) + h2(n), b(n) = -h1(n-1) h2(n), and an f, fbar CMF.

    Every split of -b(n) into h1(n-1) h2(n) over the integers with a = h1 + h2 is listed (an exact
    polynomial identity), with the series it gives, L = h2(0) + h1(0) / sum_m prod_{j<=m} h2(j)/h1(j),
    compared with the PCF's own limit (mpmath nsum against the exact convergent), and an f, fbar CMF whose
    x-axis PCF at y = 0 is this one (f(x, 0) = h2(x), fbar(x, 0) = -h1(x-1); proven conservative), when
    b(0) = 0 allows one. A and B: integer polynomials in n (degree at most 64). Verified forms are stored.

    \b
    Example:
      discover cf solve euler "n+2" "-n"
    """
    from discover.cf.solve.engine import EULER_ENGINE, EulerSpec

    spec = EulerSpec(a=a, b=b, ffbar_bound=ffbar_bound, depth=depth)
    summary = execute(EULER_ENGINE, spec, run_options, as_json)
    results = summary.records + summary.unverified
    if as_json:
        emit_records(results, True, [])
        return
    for record in results:
        row = record.payload
        if row["h1"] is None:
            click.echo(record.statement)
            continue
        table = [["h1(n)", row["h1"]], ["h2(n)", row["h2"]], ["series", row["series"]],
                 ["series value", str(row["series_limit"])],
                 ["PCF value", f"{row['pcf_limit']} ({row['pcf_digits']} digits at depth {depth})"],
                 ["agree", f"{row['agreement_digits']} digits"],
                 ["f, fbar CMF", "; ".join(f"f = {p['f']}, fbar = {p['fbar']} (proven)" for p in row["ffbar"])
                  or row["ffbar_note"]],
                 ["verified", "yes (stored)" if record.verified else "no (not stored)"]]
        print_table(table, ["", f"PCF(a={row['a']}, b={row['b']})"])
    emit_summary(summary, as_json)


@group.command("coboundary")
@click.option("--from", "from_text", default="", metavar="MATRIX", help="M: rows separated by ';', entries by ','.")
@click.option("--to", "to_text", default="", metavar="MATRIX", help="N, the same size.")
@click.option("--from-pcf", default="", metavar="A,B", help="M as the companion [[0, b], [1, a]] of a PCF.")
@click.option("--to-pcf", default="", metavar="A,B", help="N as the companion of a PCF.")
@click.option("--degree", type=int, default=4, show_default=True, help="Degree bound of V's entries (0..6).")
@click.option("--max-shift", type=int, default=2, show_default=True, help="|s| at most this (0..4).")
@json_option
@runner_options
def coboundary_cmd(from_text, to_text, from_pcf, to_pcf, degree, max_shift, as_json, run_options):
    """A coboundary V(n) N(n+s) = rho(n) M(n) V(n+1) between two polynomial matrices, exact.

    V has integer polynomial entries (degree at most --degree), rho = h1/h2 a rational function made of
    factors of det M and det N; found as an integer nullspace (FLINT) and checked by evaluating both
    sides with integers at more points than their degree (a proof). For two PCFs the Moebius map
    between their limits is given too. Matrices of size 1..4. Found coboundaries are stored.

    \b
    Example:
      discover cf solve coboundary --from-pcf "2n+1, n^2" --to-pcf "-4n-6, 4n^2+8n"
    """
    from discover.cf.solve.engine import COBOUNDARY_ENGINE, CoboundarySpec

    spec = CoboundarySpec(source=from_text, target=to_text, source_pcf=from_pcf, target_pcf=to_pcf,
                          degree=degree, max_shift=max_shift)
    summary = execute(COBOUNDARY_ENGINE, spec, run_options, as_json)
    results = summary.records + summary.unverified
    if as_json:
        emit_records(results, True, [])
        return
    for record in results:
        out = record.payload
        if not out["found"]:
            click.echo(record.statement)
            continue
        rows = [["V(n)", " ; ".join(", ".join(r) for r in out["V"])], ["shift", str(out["shift"])],
                ["rho(n)", out["scalar"]], ["checked", "yes (polynomial identity)" if out["checked"] else "NO"]]
        if out.get("moebius"):
            rows.append(["limits", out["moebius"]["statement"]])
        print_table(rows, ["", out["equation"]])
    emit_summary(summary, as_json)
