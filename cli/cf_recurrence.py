"""``discover cf recurrence``: linear recurrences of any order: ``limit``, ``asymptotics``, ``fold``, ``compose``,
``unfold``.

Thin: options -> :mod:`discover.cf.recurrence` (parsed and checked there, against the limits the help
texts quote) -> runner -> store (``limit``) or a table (the others, which compute without storing).
"""

from __future__ import annotations

import click

from cli.common import emit_records, emit_summary, execute, json_option, print_table, runner_options

SYNTAX = ("a_0, a_1, ..., a_k: the coefficients of a_0(n) u(n) + a_1(n) u(n-1) + ... + a_k(n) u(n-k) = 0 "
          "(ramanujantools' order), separated by commas outside parentheses; each an integer polynomial in n "
          "(degree at most 64, coefficients of at most 300 digits); order 1..12.")


@click.group(name="recurrence")
def group():
    """Linear recurrences a_0(n) u(n) + a_1(n) u(n-1) + ... + a_k(n) u(n-k) = 0 of any order.

    A recurrence is written as its coefficients "a_0, a_1, ..., a_k" (commas outside parentheses), or
    given as a companion matrix with --companion "row; row; ..." (ones, or one polynomial, below the
    diagonal, the values in the last column: ramanujantools' companion form).

    \b
    Example:
      discover cf recurrence limit "n^3, -(34n^3-51n^2+27n-5), (n-1)^3" --start 2 --depth 200 --constant zeta3
    """


def _parse_vector(text, what):
    from discover.errors import InputError

    if text is None:
        return ()
    try:
        return tuple(int(x) for x in text.split(","))
    except ValueError:
        raise InputError(f"{what} {text!r}: integers separated by commas") from None


def recurrence_argument(func):
    """RECURRENCE (coefficients) or --companion MATRIX: passes ``recurrence`` (a LinearRecurrence)."""
    import functools

    @click.argument("coefficients", required=False)
    @click.option("--companion", default=None, metavar="MATRIX",
                  help="The recurrence as a k x k companion matrix: rows separated by ';', entries by ',' "
                       "(e.g. \"0, -n^6; 1, 34n^3+51n^2+27n+5\").")
    @click.option("--matrix", default=None, metavar="MATRIX",
                  help="Any k x k polynomial step matrix M (states r(n) = r(n-1) M(n)): the recurrence of the "
                       "last coordinate of its states, found by companionization (sympy, k at most 12).")
    @functools.wraps(func)
    def wrapper(*args, coefficients, companion, matrix, **kwargs):
        kwargs["recurrence"] = _recurrence(coefficients, companion, matrix)
        return func(*args, **kwargs)

    return wrapper


def _recurrence(coefficients, companion, matrix):
    from discover.cf.recurrence.recurrence import LinearRecurrence, companionize, parse_matrix
    from discover.errors import InputError

    if sum(x is not None for x in (coefficients, companion, matrix)) != 1:
        raise InputError("give the recurrence as COEFFICIENTS (\"a_0, ..., a_k\"), --companion MATRIX or --matrix "
                         "MATRIX, one of them")
    if companion is not None:
        return LinearRecurrence.from_companion(parse_matrix(companion, "--companion"))
    if matrix is not None:
        return companionize([[e.to_fmpz_poly() for e in row] for row in parse_matrix(matrix, "--matrix")])
    return LinearRecurrence.parse(coefficients)


@group.command("limit")
@recurrence_argument
@click.option("--depth", type=int, default=1000, show_default=True,
              help="N: the ratio p(N)/q(N) is computed exactly; 8..100,000 and the solutions at most 2^25 bits "
                   "(estimated beforehand; scaled by 8/k^3 for order k > 2).")
@click.option("--start", type=int, default=1, show_default=True,
              help="The first n the recurrence is applied at (a_0(n) must not vanish from there to N); the "
                   "initial values are u(start-k), ..., u(start-1).")
@click.option("--p-initial", default=None, metavar="U,...", help="Initial values of p (default e_0 = 1,0,...,0).")
@click.option("--q-initial", default=None, metavar="U,...", help="Initial values of q (default e_k = 0,...,0,1).")
@click.option("--constants", default=None, metavar="LIST",
              help="Constants to identify the limit with (default: the whole registry, with pairs).")
@click.option("--constant", default=None, metavar="C",
              help="Also find initial values a, b (through all columns) with a.v/b.v = C, v the k solutions.")
@json_option
@runner_options
def limit_cmd(recurrence, depth, start, p_initial, q_initial, constants, constant, as_json, run_options):
    """The limit p(N)/q(N) of two solutions of a recurrence, exact, identified, verified independently.

    RECURRENCE: a_0, a_1, ..., a_k: the coefficients of a_0(n) u(n) + a_1(n) u(n-1) + ... + a_k(n) u(n-k) = 0
    (ramanujantools' order), separated by commas outside parentheses; each an integer polynomial in n
    (degree at most 64, coefficients of at most 300 digits); order 1..12. Prints the limit with its digits
    (the error model of the PCFs), the measured rate beside the rate the characteristic roots predict, the
    limits of all columns, and the closed form if one passes the acceptance rule; the limit is recomputed
    independently (forward recursion in mpmath at depth N+1). Identified limits go to the store.

    \b
    Example:
      discover cf recurrence limit "1, -(34n^3+51n^2+27n+5), n^6" --p-initial 1,5 --depth 200 --constants zeta3
    """
    from discover.cf.recurrence.engine import ENGINE, RecurrenceSpec

    spec = RecurrenceSpec(coefficients=str(recurrence), depth=depth, start=start,
                          p_initial=_parse_vector(p_initial, "--p-initial"),
                          q_initial=_parse_vector(q_initial, "--q-initial"),
                          constants=tuple(c.strip() for c in constants.split(",")) if constants else (),
                          constant=constant or "")
    summary = execute(ENGINE, spec, run_options, as_json)
    results = summary.records + summary.unverified
    if as_json:
        emit_records(results, True, [])
        return
    for record in results:
        p = record.payload
        if "undefined" in p:
            click.echo(record.statement)
            continue
        pred = p["predicted"]
        rows = [["recurrence", p["equation"]], ["from", f"n = {p['start']}, p: {p['p_initial']}, q: {p['q_initial']}"],
                ["limit", p["limit"]], ["digits", f"{'exact' if p['exact'] else p['digits']} at depth {p['depth']}"],
                ["rate", f"{p['rate']} digits/step measured; predicted: {pred.get('regime')}"
                         + (f", {pred['digits_per_step']} digits/step" if pred.get("digits_per_step") else "")
                         + (f", error ~ (n!)^-{pred['factorial_exponent']}" if pred.get("factorial_exponent") else "")],
                ["growth", "; ".join(f"(n!)^{g['mu']} {g['lambda']}^n n^{g['rho']}" for g in p["growths"])],
                ["columns", ", ".join(f"v{c['index']}/v{p['order'] - 1} = {c['value']} ({c['digits']} digits)"
                                      for c in p["column_limits"]) or "-"],
                ["closed form", p["closed_form"] or "none found"]]
        if p["initial_identification"]:
            ii = p["initial_identification"]
            rows.append([ii["constant"], f"= a.v/b.v with a = {ii['p_initial']}, b = {ii['q_initial']} "
                                         f"(relation {ii['relation_digits']} digits of {ii['available_digits']})"])
        check = record.verification["independent_check"]
        agree = check.get("note") or f"{check['agreement']} digits agree at depth {check['depth']} (forward, mpmath)"
        rows.append(["check", agree + "; " + ("stored" if record.verified else
                                              "not stored (" + ("no closed form" if check["passed"] else
                                                                "the check failed") + ")")])
        print_table(rows, ["", "value"])
    emit_summary(summary, as_json)


@group.command("asymptotics")
@recurrence_argument
@click.option("--depth", type=int, default=None,
              help="Also measure the convergence rate of p/q (default initial values) at this depth, 8..100,000.")
@click.option("--start", type=int, default=1, show_default=True, help="First n (with --depth).")
@json_option
def asymptotics_cmd(recurrence, depth, start, as_json):
    """Growth of the solutions: Newton polygon, characteristic roots, Birkhoff exponents, predicted rate.

    Each solution grows like (n!)^mu lambda^n n^rho: mu the slopes of the Newton polygon of the points
    (i, deg a_i), lambda the roots of each edge's characteristic polynomial, rho the next-order
    exponent (simple roots, integer slopes). The ratio of two generic solutions converges at the rate
    the two largest growths decide (Poincare-Perron); with --depth the measured rate is shown beside it.

    \b
    Example:
      discover cf recurrence asymptotics "n^3, -(34n^3-51n^2+27n-5), (n-1)^3" --depth 300 --start 2
    """
    import json

    from discover.cf.recurrence.asymptotics import growths, predicted_convergence

    gs = growths(recurrence)
    pred = predicted_convergence(gs)
    measured = None
    if depth is not None:
        from discover.cf.recurrence.limit import UndefinedRatio, recurrence_limit

        try:
            lim = recurrence_limit(recurrence, depth, start)
            measured = {"depth": depth, "digits_per_step": round(lim.rate, 6), "digits": round(lim.digits, 2)}
        except UndefinedRatio as exc:
            measured = {"depth": depth, "undefined": str(exc)}
    if as_json:
        click.echo(json.dumps({"recurrence": str(recurrence), "growths": [g.to_json() for g in gs],
                               "predicted": pred, "measured": measured}))
        return
    rows = [[g.to_json()["mu"], g.to_json()["lambda"], f"{abs(g.lam):.12g}", str(g.multiplicity),
             "-" if g.rho is None else g.to_json()["rho"],
             " ".join(str(c) for c in g.char_poly)] for g in gs]
    print_table(rows, ["mu", "lambda", "|lambda|", "mult", "rho", "char. poly (low to high)"],
                title=recurrence.text())
    line = f"predicted: {pred['regime']}"
    if pred.get("digits_per_step"):
        line += f", {pred['digits_per_step']} digits/step"
    if pred.get("factorial_exponent"):
        line += f", error ~ (n!)^-{pred['factorial_exponent']}"
    if pred.get("power"):
        line += f", error ~ n^-{pred['power']}"
    click.echo(line)
    if measured and "undefined" in measured:
        click.echo(f"measured at depth {depth}: {measured['undefined']}")
    elif measured:
        click.echo(f"measured at depth {depth}: {measured['digits_per_step']} digits/step ({measured['digits']} digits)")


def _print_recurrences(rows, as_json, title):
    import json

    if as_json:
        for row in rows:
            click.echo(json.dumps(row))
        return
    print_table([[str(v) for v in row.values()] for row in rows], list(rows[0].keys()) if rows else ["-"], title=title)


@group.command("fold")
@recurrence_argument
@click.option("--step", type=int, default=2, show_default=True, help="Every STEP-th term, 2..6.")
@click.option("--offset", type=int, default=0, show_default=True, help="w(j) = u(STEP j + OFFSET).")
@json_option
def fold_cmd(recurrence, step, offset, as_json):
    """The recurrence of every STEP-th term w(j) = u(STEP j + OFFSET), checked on exact solutions.

    The STEP-step matrix is brought to companion form (cyclic vector, exact); the result is then
    checked by running the original recurrence from random integer initial values and substituting.

    \b
    Example:
      discover cf recurrence fold "1, -(2n+1), -n^2" --step 2
    """
    from discover.cf.recurrence.checks import check_fold

    folded = recurrence.fold(step, offset)
    ok = check_fold(recurrence, folded, step, offset)
    _print_recurrences([{"recurrence": str(folded), "order": folded.order, "checked": ok}], as_json,
                       f"w(j) = u({step}j+{offset}) of {recurrence.text()}")


@group.command("compose")
@click.argument("first")
@click.argument("second")
@json_option
def compose_cmd(first, second, as_json):
    """The product FIRST o SECOND: sum_i a_i(n) B_{n-i}; every solution of SECOND solves it.

    ramanujantools' fold(d) of a recurrence R is compose "1, d" R here.

    \b
    Example:
      discover cf recurrence compose "1, -n" "n^3, -(34n^3-51n^2+27n-5), (n-1)^3"
    """
    from discover.cf.recurrence.checks import check_compose
    from discover.cf.recurrence.recurrence import LinearRecurrence

    A, B = LinearRecurrence.parse(first), LinearRecurrence.parse(second)
    C = A.compose(B)
    _print_recurrences([{"recurrence": str(C), "order": C.order, "checked": check_compose(B, C)}], as_json,
                       "FIRST o SECOND")


@group.command("unfold")
@recurrence_argument
@json_option
def unfold_cmd(recurrence, as_json):
    """Lower the order: every (B, d) with R = [1, d] o B (d an integer polynomial dividing a_k).

    \b
    Example:
      discover cf recurrence unfold "n^3, -n^4-31n^3+48n^2-26n+5, 34n^4-152n^3+228n^2-114n-1, -n^4+6n^3-12n^2+8n"
    """
    from discover.cf.recurrence.checks import check_compose

    rows = [{"recurrence B": str(B), "d": str(d), "order": B.order, "checked": check_compose(B, recurrence)}
            for B, d in recurrence.unfold()]
    if not rows:
        click.echo("no unfolding: R is not [1, d] o B for a divisor d of its last coefficient")
        return
    _print_recurrences(rows, as_json, f"unfoldings of {recurrence.text()}")
