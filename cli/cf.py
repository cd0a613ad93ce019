"""``discover cf``: polynomial continued fractions: evaluate, identify, search.

Thin: options -> the library's specs (validated there) -> runner -> store -> table or JSON. The
library (FLINT, sympy, Numba) is imported inside the commands so that ``discover --help`` stays fast.
"""

from __future__ import annotations

import click

from cli.common import emit_records, emit_summary, execute, json_option, print_table, runner_options


@click.group(name="cf")
def group():
    """Polynomial continued fractions a(0) + b(1)/(a(1) + b(2)/(a(2) + ...)).

    \b
    Example:
      discover cf eval "34n^3+51n^2+27n+5" "-n^6" --depth 100
    """


def _fmt(value, places: int = 2) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        if value == float("inf"):
            return "exact"
        return f"{value:.{places}f}"
    return str(value)


def _digits(value) -> str:
    """Digits truncated to one decimal (a count of digits is never rounded up)."""
    import math

    if value is None:
        return "exact"
    return f"{math.floor(float(value) * 10) / 10:.1f}"


@group.command("eval", context_settings={"ignore_unknown_options": True})
@click.argument("a")
@click.argument("b")
@click.option("--depth", type=int, default=1000, show_default=True,
              help="Depth N: the convergent p_N/q_N (a(0..N), b(1..N)) is computed exactly.")
@click.option("--constants", default=None, metavar="LIST",
              help="Constants to identify the limit with, comma-separated (default: the whole registry: "
                   "pi,e,zeta2,zeta3,zeta5,log2,catalan,phi,sqrt2,euler_gamma,gompertz).")
@click.option("--print-digits", type=int, default=60, show_default=True,
              help="Decimal places of the limit to print at most (0: all the digits it has).")
@json_option
@runner_options
def eval_cmd(a, b, depth, constants, print_digits, as_json, run_options):
    """Evaluate the PCF with polynomials A and B in n, exactly, and identify its limit.

    A and B are written as a person would: 34n^3+51n^2+27n+5, -n^6, (2n+1)(3n^2+3n+1), n*(n+2).
    Prints the limit to the digits it has (estimated from the last exact convergents; proven when
    a, b > 0), the digits, delta, the convergence rate (digits per step) and the closed form if one
    passes the acceptance rule (relation size at most half the digits plus one). The result goes to the store.

    \b
    Example:
      discover cf eval "34n^3+51n^2+27n+5" "-n^6" --depth 100
    """
    from discover.cf.eval_engine import DEFAULT_CONSTANTS, ENGINE, CFEvalSpec
    from discover.cf.constants import parse_constants

    names = DEFAULT_CONSTANTS if constants is None else tuple(c.name for c in parse_constants(constants))
    spec = CFEvalSpec(a=a, b=b, depth=depth, constants=names, print_digits=print_digits)
    summary = execute(ENGINE, spec, run_options, as_json)
    results = summary.records + summary.unverified  # an unidentified limit is shown, not stored
    if as_json:
        emit_records(results, True, [])
        return
    for record in results:
        p = record.payload
        rows = [
            ["a(n)", p["a"]],
            ["b(n)", p["b"]],
            ["limit", p["limit"]],
            ["digits", f"{'exact' if p.get('exact') else _digits(p['digits'])} at depth {p['depth']}"
             + (f" (proven: {_digits(p['digits_proven'])})" if p.get("digits_proven") is not None else "")],
            ["delta", _fmt(p["delta"], 4)],
            ["rate", f"{_fmt(p['rate'], 3)} digits/step ({p['regime']}"
                     + (f", error ~ N^-{p['power']:.2f})" if p.get("power") else ")")],
            ["closed form", p["closed_form"] or f"none found among {', '.join(spec.constants)}"],
        ]
        if p.get("relation"):
            rel = p["relation"]
            rows.append(["relation", f"{rel['relation_digits']} digits of {rel['available_digits']} "
                                     f"(agrees to {rel['agreement_digits']} digits)"])
        print_table(rows, ["", "value"])
    emit_summary(summary, as_json)


@group.command("identify", context_settings={"ignore_unknown_options": True})
@click.argument("value")
@click.option("--constants", default="pi,e,zeta3", show_default=True, metavar="LIST",
              help="Constants to try, comma-separated: registry names or expressions (exp(2)).")
@click.option("--digits", type=float, default=None,
              help="Significant digits VALUE is known to (default: the digits written, less one).")
@json_option
def identify_cmd(value, constants, digits, as_json):
    """Find an integer relation expressing VALUE through constants (PSLQ).

    Tries the Moebius form (c0 + c1 C)/(d0 + d1 C) of each constant, then a small integer combination
    of all of them. A relation u is accepted only if its size, sum log10(2|u_i|+1) + log10(number of
    constants tried), is at most half the digits available plus one and the form agrees with VALUE to
    all of them but the last; otherwise it says that nothing was found. Nothing is stored.

    \b
    Example:
      discover cf identify 1.27323954473516268615107010698011489627567716592365 --constants pi
    """
    import json

    import mpmath

    from discover.cf.constants import parse_constants
    from discover.cf.identify import identify, parse_decimal

    text, D = parse_decimal(value, digits)
    consts = parse_constants(constants)
    with mpmath.workdps(int(D) + 20):
        x = mpmath.mpf(text)
        ident = identify(x, D, consts)
    out = {
        "value": text,
        "digits": D,
        "constants": [c.name for c in consts],
        "closed_form": ident.closed_form if ident else None,
        "verified": ident is not None,
        "relation": ident.to_json() if ident else None,
    }
    if as_json:
        click.echo(json.dumps(out))
        return
    if ident is None:
        click.echo(f"no relation found for {text} among {', '.join(c.name for c in consts)} with {D:g} digits "
                   "(a relation is accepted only if its size is at most half the digits plus one)")
        return
    click.echo(f"{text} = {ident.closed_form}")
    click.echo(f"  relation size {ident.relation_digits:.2f} digits of {D:g} available; "
               f"agrees to {min(ident.agreement_digits, D + 10):.1f} digits")


@group.command("search")
@click.option("--constant", "constants", multiple=True, required=True, metavar="C",
              help="A constant to find formulas for (repeatable): pi, e, zeta3, catalan, ... or exp(2).")
@click.option("--a-deg", type=int, required=True, help="Degree of a(n).")
@click.option("--b-deg", type=int, required=True, help="Degree of b(n).")
@click.option("--range", "both_range", default=None, metavar="LO:HI",
              help="Coefficient range of a and b (each coefficient in LO..HI).")
@click.option("--a-range", default=None, metavar="LO:HI", help="Coefficient range of a (overrides --range).")
@click.option("--b-range", default=None, metavar="LO:HI", help="Coefficient range of b (overrides --range).")
@click.option("--depth", type=int, default=2000, show_default=True,
              help="Largest depth of the exact verification (deepened until 60 digits).")
@click.option("--max-coeff", type=int, default=12, show_default=True,
              help="Bound K on the Moebius coefficients (c0 + c1 C)/(d0 + d1 C) matched in stage 1.")
@click.option("--screen-depth", type=int, default=32, show_default=True,
              help="Depth of the float64 stage-1 screen.")
@click.option("--accelerate/--no-accelerate", default=True, show_default=True,
              help="Extrapolate slowly (sublinearly) converging candidates in stage 1 and 2 (Levin u-transform).")
@json_option
@runner_options
def search_cmd(constants, a_deg, b_deg, both_range, a_range, b_range, depth, max_coeff, screen_depth, accelerate,
               as_json, run_options):
    """Search a coefficient box for PCF formulas of constants (meet in the middle).

    Stage 1 screens every (a, b) of the box at depth 32 (--screen-depth) with a Numba kernel (float64)
    and matches the values against a table of Moebius forms of the constants; divergent, terminating
    (b has a positive integer root), degenerate and mirror-image (-a, b) candidates are skipped. Stage
    2 verifies each hit with exact convergents and the acceptance rule; equivalent PCFs (sign, scaling,
    inflation, shift n -> n+k) are stored once. Only verified formulas reach the store. Slowly
    converging candidates are extrapolated (Levin u-transform); their records give the convergent's own
    digits and, apart, the extrapolated digits (an estimate, not a proof).

    \b
    Example:
      discover cf search --constant pi --a-deg 1 --b-deg 2 --range -3:3
    """
    from discover.cf.search import ENGINE, CFSearchSpec
    from discover.errors import InputError

    a_r = a_range or both_range
    b_r = b_range or both_range
    if a_r is None or b_r is None:
        raise InputError("give --range LO:HI (or both --a-range and --b-range)")
    spec = CFSearchSpec(constants=tuple(constants), a_deg=a_deg, b_deg=b_deg, a_range=a_r, b_range=b_r,
                        depth=depth, max_coeff=max_coeff, screen_depth=screen_depth, accelerate=accelerate)
    summary = execute(ENGINE, spec, run_options, as_json)
    records = sorted(summary.records, key=lambda r: ((r.payload.get("relation") or {}).get("relation_digits", 0),
                                                     r.payload["a"], r.payload["b"]))
    columns = [
        ("a(n)", lambda r: r.payload["a"]),
        ("b(n)", lambda r: r.payload["b"]),
        ("closed form", lambda r: r.payload["closed_form"]),
        ("digits", lambda r: _digits(r.payload["digits"])),
        ("depth", lambda r: r.payload["depth"]),
        ("delta", lambda r: _fmt(r.payload["delta"], 4)),
    ]
    if any(r.payload.get("digits_extrapolated") is not None for r in records):
        columns.insert(4, ("extrapolated", lambda r: "" if r.payload.get("digits_extrapolated") is None
                           else _digits(r.payload["digits_extrapolated"])))
    emit_records(records, as_json, columns, empty="no verified formulas in this box")
    emit_summary(summary, as_json)


# ESMA and conservative matrix fields live in their own module; they are commands of this group.
from cli.cf_esma_cmf import register as _register_esma_cmf  # noqa: E402

_register_esma_cmf(group)
