"""``discover cf``: continued fractions: ``eval``, ``identify``, ``search``, ``esma`` and ``cmf
list|check|walk|search|fit|locate``.

Thin: options -> the library's specs (validated there, against the limits of
:mod:`discover.cf.limits`, which the help texts quote) -> runner -> store -> table or JSON. The library
(FLINT, mpmath, sympy, Numba) is imported inside the commands so that ``discover --help`` stays fast.
"""

from __future__ import annotations

import click

from cli.common import LazyGroup, emit_records, emit_summary, execute, json_option, print_table, runner_options
from discover.cf import limits


@click.group(name="cf", cls=LazyGroup, lazy={"cmf": "cli.cf_cmf:cmf", "recurrence": "cli.cf_recurrence:group",
                                                   "solve": "cli.cf_solve:group", "relations": "cli.cf_relations:command"})
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


def known_option(func):
    """``--known FILE`` (repeatable): the user's own lists of known PCFs (columns a, b, limit, dataset), checked
    here (a malformed file: one line naming it and the line, exit 2, before any work) and compared against
    by the novelty check of every PCF record, with the shipped lists. The parsed rows are put in force
    (:mod:`discover.cf.novelty.active`) while the command runs: the specs it builds carry them to every
    worker, a Ray worker on another machine included."""
    import functools

    @click.option("--known", "known_files", multiple=True, metavar="FILE",
                  help="A tab-separated list of known PCFs (header a, b, limit, dataset[, citation]) to "
                       "compare with, besides the shipped ones (repeatable); see 'discover cf novelty --help'.")
    @functools.wraps(func)
    def wrapper(*args, known_files=(), **kwargs):
        from discover.cf.novelty.active import use_known
        from discover.cf.novelty.known import load_known_file

        rows = tuple(row.as_tuple() for path in known_files for row in load_known_file(path))
        use_known(rows)
        try:
            return func(*args, **kwargs)
        finally:
            use_known(())

    return wrapper


@group.command("eval", context_settings={"ignore_unknown_options": True})
@click.argument("a")
@click.argument("b")
@click.option("--depth", type=int, default=1000, show_default=True,
              help=f"Depth N: the convergent p_N/q_N (a(0..N), b(1..N)) is computed exactly; 6..{limits.MAX_DEPTH:,}, "
                   f"and p_N, q_N at most {limits.MAX_CONVERGENT_BITS:,} bits (estimated beforehand).")
@click.option("--constants", default=None, metavar="LIST",
              help="Constants to identify the limit with, comma-separated (default: the whole registry of 53 "
                   "constants: powers of pi, e^k, log k, zeta(k), Catalan, tan(1), cot(1), Bessel ratios, Gamma and "
                   "polylog values, ...; relations with two constants and their product included).")
@click.option("--print-digits", type=int, default=60, show_default=True,
              help=f"Decimal places of the limit to print at most (0: all the digits it has; at most "
                   f"{limits.MAX_PRINT_DIGITS:,}).")
@json_option
@known_option
@runner_options
def eval_cmd(a, b, depth, constants, print_digits, as_json, run_options):
    """Evaluate the PCF with polynomials A and B in n, exactly, and identify its limit.

    A and B are written as a person would: 34n^3+51n^2+27n+5, -n^6, (2n+1)(3n^2+3n+1), n*(n+2); degree at
    most 64, coefficients of at most 300 digits, at most 100 nested parentheses.
    Prints the limit to the digits it has (estimated from the last exact convergents; proven when
    a, b > 0), the digits, delta, the convergence rate (digits per step) and the closed form if one
    passes the acceptance rule (relation size at most half the digits plus one). The result goes to the store.

    \b
    Example:
      discover cf eval "34n^3+51n^2+27n+5" "-n^6" --depth 100
    """
    from discover.cf.eval.engine import DEFAULT_CONSTANTS, ENGINE, CFEvalSpec
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
        if p.get("digits_extrapolated") is not None:
            rows.append(["extrapolated", f"{_digits(p['digits_extrapolated'])} digits (Levin; an estimate)"])
        if p.get("relation"):
            rel = p["relation"]
            rows.append(["relation", f"{rel['relation_digits']} digits of {rel['available_digits']} "
                                     f"(agrees to {rel['agreement_digits']} digits)"])
        if p.get("verification_class"):
            rows.append(["verified on", {"exact": "the exact convergent's digits",
                                         "extrapolated": "the extrapolated digits only (an estimate, not exact)",
                                         "finite": "a finite fraction (exact)"}[p["verification_class"]]])
        print_table(rows, ["", "value"])
    emit_summary(summary, as_json)


@group.command("identify", context_settings={"ignore_unknown_options": True})
@click.argument("value")
@click.option("--constants", default="pi,e,zeta3", show_default=True, metavar="LIST",
              help="Constants to try, comma-separated: registry names or expressions (exp(2)).")
@click.option("--digits", type=float, default=None,
              help="Significant digits VALUE is known to: 6 up to the digits written (default: the digits "
                   f"written, less one). VALUE has at most {limits.MAX_IDENTIFY_DIGITS:,} digits.")
@json_option
def identify_cmd(value, constants, digits, as_json):
    """Find an integer relation expressing VALUE through constants (lattice reduction, FLINT's LLL).

    Tries the Moebius form (c0 + c1 C)/(d0 + d1 C) of each constant, then of every pair of constants
    with their product (c0 + c1 C1 + c2 C2 + c3 C1 C2)/(d0 + ...), then a small integer combination
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
        ident = identify(x, D, consts, pairs=True)
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
@click.option("--constant", "constants", multiple=True, metavar="C",
              help="A constant to find formulas for (repeatable): pi, e, zeta3, catalan, ... or exp(2). Required "
                   "for a box; a --domain has its own default (zeta3; zeta3 and zeta5 combined; Catalan).")
@click.option("--a-deg", type=int, default=None, help="Degree of a(n), 0..8 (a box).")
@click.option("--b-deg", type=int, default=None, help="Degree of b(n), 0..8 (a box).")
@click.option("--domain", default=None, metavar="NAME",
              help="A structured family instead of a box (the Ramanujan Machine's domains): zeta3 (a(n) = p(n) + "
                   "p(n+1), p = x0 n + x1 n^3; b(n) = -c n^6), zeta5 (p = x0 n + x1 n^3 + x2 n^5; b = -c n^10), "
                   "catalan (a(n) = x0 + x1 n(n+1); b = -c n^4), symmetric:D (D = 1..8), zeta3-product (the Ramanujan "
                   "Machine's Zeta3Domain1: a(n) = (x0 n + x1)(x2 n(n+1) + x3), b = -c n^6), or factored:A,B (ours: "
                   "a(n) = x0 + ... + xA n^A, b(n) = -c times B linear factors from n, n+1, n+2, n+3, 2n-1, 2n+1, "
                   "2n+3; A <= 4, B <= 8). --range is the range of the x_j, --c-range that of c.")
@click.option("--c-range", default=None, metavar="LO:HI",
              help="With --domain: the range of c in b(n) = -c n^(2d) or -c f1(n)...fB(n) (default 1:4).")
@click.option("--combine", is_flag=True,
              help="Match combined forms (c0 + c1 C1 + ... + ck Ck)/(d0 + d1 C1 + ...) of all the constants together "
                   "(at most 3 constants, (2K+1)^(2k+2) <= 2,000,000 forms for K = --max-coeff).")
@click.option("--filter", "filter_name", type=click.Choice(["factorial-reduction"]), default=None,
              help="Keep only candidates whose convergents' gcds grow factorially (gcd(p_n, q_n) ~ (n!)^k, k measured "
                   "over n = 20..60 relative to the factorial order of q_n; a sign of a formula from deg a = 2 on); each one "
                   "kept is stored, as a formula when it matches, else as a factorial-reduction record with its "
                   "measured rate.")
@click.option("--min-reduction", type=float, default=None,
              help="With --filter factorial-reduction: the least normalised rate kept (0.05..2, default 0.45).")
@click.option("--range", "both_range", default=None, metavar="LO:HI",
              help="Coefficient range of a and b (each coefficient in LO..HI, |LO|, |HI| <= 10^6; the box at most "
                   "about 3e12 candidates); with --domain, the range of the family's parameters x_j, or one "
                   "LO:HI each, comma-separated, x_0 first (zeta3: -12:-12,17:17 is Apery's p = 17n^3 - 12n).")
@click.option("--a-range", default=None, metavar="LO:HI", help="Coefficient range of a (overrides --range).")
@click.option("--b-range", default=None, metavar="LO:HI", help="Coefficient range of b (overrides --range).")
@click.option("--depth", type=int, default=2000, show_default=True,
              help=f"Largest depth of the exact verification (deepened until 60 digits); 16..{limits.MAX_DEPTH:,}.")
@click.option("--max-coeff", type=int, default=None,
              help="Bound K on the coefficients of the forms matched in stage 1: Moebius (c0 + c1 C)/(d0 + d1 C), "
                   "1..40, default 12; combined forms default 2.")
@click.option("--screen-depth", type=int, default=32, show_default=True,
              help="Depth of the float64 stage-1 screen.")
@click.option("--accelerate/--no-accelerate", default=True, show_default=True,
              help="Extrapolate slowly (sublinearly) converging candidates in stage 1 and 2 (Levin u-transform).")
@json_option
@known_option
@runner_options
def search_cmd(constants, a_deg, b_deg, domain, c_range, combine, filter_name, min_reduction, both_range, a_range,
               b_range, depth, max_coeff, screen_depth, accelerate, as_json, run_options):
    """Search a coefficient box or a structured family for PCF formulas of constants (meet in the middle).

    Stage 1 screens every (a, b) of the box at depth 32 (--screen-depth) with a Numba kernel (float64)
    and matches the values against a table of Moebius forms of the constants; divergent, terminating
    (b has a positive integer root), degenerate and mirror-image (-a, b) candidates are skipped. Stage
    2 verifies each hit with exact convergents and the acceptance rule; equivalent PCFs (sign, scaling,
    inflation, shift n -> n+k) are stored once. Only verified formulas reach the store. Slowly
    converging candidates are extrapolated (Levin u-transform); their records give the convergent's own
    digits and, apart, the extrapolated digits (an estimate, not a proof).

    With --domain the candidates are a symmetric family of the Ramanujan Machine instead of a box: the
    zeta3 domain with --range -20:20 holds Apery's PCF(34n^3+51n^2+27n+5, -n^6) = 6/zeta(3) (p(n) =
    17n^3 - 12n, c = 1); or a factored domain, where b(n) is a product of linear factors.

    \b
    Example:
      discover cf search --constant pi --a-deg 1 --b-deg 2 --range -3:3
      discover cf search --domain zeta3 --range -20:20 --c-range 1:2
      discover cf search --domain catalan --range -4:4 --filter factorial-reduction
      discover cf search --domain factored:1,4 --range -4:4 --c-range -1:-1 --constant zeta2
    """
    from discover.cf.search.engine import ENGINE, CFSearchSpec
    from discover.errors import InputError

    if c_range is not None and domain is None:
        raise InputError("--c-range: only with --domain (a box takes --b-range)")
    if min_reduction is not None and filter_name is None:
        raise InputError("--min-reduction: only with --filter factorial-reduction")
    if domain is not None:
        for name, value in (("--a-deg", a_deg), ("--b-deg", b_deg), ("--a-range", a_range), ("--b-range", b_range)):
            if value is not None:
                raise InputError(f"{name}: not used with --domain (the family fixes the degrees; give --range for "
                                 "its parameters and --c-range for c)")
        if both_range is None:
            raise InputError(f"--domain {domain}: give --range LO:HI for the family's parameters")
        a_r, b_r = both_range, c_range or "1:4"
    else:
        if not constants:
            raise InputError("--constant: give at least one constant (or a --domain)")
        if a_deg is None or b_deg is None:
            raise InputError("give --a-deg and --b-deg (or a --domain)")
        a_r = a_range or both_range
        b_r = b_range or both_range
        if a_r is None or b_r is None:
            raise InputError("give --range LO:HI (or both --a-range and --b-range)")
    if max_coeff is None:
        from discover.cf.search.families import get_family

        combined = combine or (domain is not None and not constants and get_family(domain).combine)
        max_coeff = 2 if combined else 12
    spec = CFSearchSpec(constants=tuple(constants), a_deg=a_deg or 0, b_deg=b_deg or 0, a_range=a_r, b_range=b_r,
                        depth=depth, max_coeff=max_coeff, screen_depth=screen_depth, accelerate=accelerate,
                        domain=domain or "", combine=combine, filter=filter_name or "",
                        **({} if min_reduction is None else {"min_reduction": min_reduction}))
    summary = execute(ENGINE, spec, run_options, as_json)
    records = sorted(_one_per_key(summary.records),
                     key=lambda r: (r.kind != "pcf", (r.payload.get("relation") or {}).get("relation_digits", 0),
                                    r.payload["a"], r.payload["b"]))
    columns = [
        ("a(n)", lambda r: r.payload["a"]),
        ("b(n)", lambda r: r.payload["b"]),
        ("closed form", lambda r: r.payload.get("closed_form") or f"~ {r.payload.get('limit_float', 0):.12g} (none)"),
        ("digits", lambda r: _digits(r.payload["digits"]) if "digits" in r.payload else "-"),
        ("depth", lambda r: r.payload.get("depth", "-")),
        ("delta", lambda r: _fmt(r.payload["delta"], 4) if "delta" in r.payload else "-"),
    ]
    if any(r.payload.get("digits_extrapolated") is not None for r in records):
        columns.insert(4, ("extrapolated", lambda r: "" if r.payload.get("digits_extrapolated") is None
                           else _digits(r.payload["digits_extrapolated"])))
    if filter_name:
        columns.append(("reduction k (rho)", lambda r: "{rate:.2f} ({normalised:.2f})".format(
            **r.payload["factorial_reduction"])))
    emit_records(records, as_json, columns, empty="no verified formulas in this box")
    emit_summary(summary, as_json)


def _one_per_key(records):
    """The records with each key once (the first kept): several shards can find one equivalence class,
    and a runner may hand the same record over again."""
    seen: set[str] = set()
    out = []
    for record in records:
        if record.key not in seen:
            seen.add(record.key)
            out.append(record)
    return out


def _fmt_digits(value) -> str:
    try:
        return f"{float(value):.1f}"
    except (TypeError, ValueError):
        return "-"


@group.command("esma")
@click.option("--constant", "constant", required=True, metavar="C",
              help="The constant: a registry name (e, pi, zeta3, ...) or an expression (exp(2), tan(1)).")
@click.option("--mobius-range", type=int, default=1, show_default=True, metavar="K",
              help="Also expand (c0 + c1 C)/(d0 + d1 C) with integer coefficients in [-K, K] (0: C alone).")
@click.option("--max-period", type=int, default=2, show_default=True, metavar="P",
              help="Try every sign pattern of period 1..P (patterns that repeat a shorter one are skipped).")
@click.option("--terms", type=int, default=200, show_default=True, metavar="N",
              help="Partial quotients expanded (certified) before Berlekamp-Massey.")
@click.option("--min-digits", type=int, default=50, show_default=True, metavar="D",
              help="Digits the regenerated continued fraction must match (at least twice the data's).")
@click.option("--target", "targets", type=click.Choice(["mobius", "rational", "biased-monomial"]), default="mobius",
              show_default=True,
              help="Targets: Moebius forms of C (--mobius-range); rational functions num(C)/den(C) of degree <= "
                   "--degree with coefficients in [-K, K] (K = --coeff-range); or the ESMA paper's biased monomials "
                   "|c C^k + b| (1 <= c <= --coeff-range, 0 < |k| <= --max-power, |b| <= --max-bias). One target "
                   "per value mod 1; at most 100,000 candidate targets x sign patterns.")
@click.option("--degree", type=int, default=None, metavar="R",
              help="With --target rational: the largest degree of num and den, 1..3 (default 2).")
@click.option("--coeff-range", type=int, default=None, metavar="K",
              help="With --target rational or biased-monomial: the coefficient bound, 1..10 (default 1).")
@click.option("--max-power", type=int, default=None, metavar="P",
              help="With --target biased-monomial: the largest |k|, 1..8 (default 3).")
@click.option("--max-bias", type=int, default=None, metavar="B",
              help="With --target biased-monomial: the largest |b|, 0..20 (default 2).")
@json_option
@runner_options
def esma(constant, mobius_range, max_period, terms, min_digits, targets, degree, coeff_range, max_power, max_bias,
         as_json, run_options):
    """Find signed continued fractions of a constant whose partial quotients obey a short recurrence.

    For each target x (C or a Moebius form of it) and each periodic sign pattern s, x is expanded as
    a0 + s0/(a1 + s1/(a2 + ...)) (a_i = floor or ceil of x_i by the sign), certified with interval
    arithmetic; Berlekamp-Massey looks for a linear recurrence of the a_i much shorter than the data;
    the sequence is regenerated far beyond the data and the continued fraction is evaluated exactly and
    compared with x at high precision. Approved conjectures are stored with the recurrence (connection
    polynomial coefficients, lowest degree first), the signs and the digits verified.

    Beyond Moebius forms, --target rational expands rational functions of higher degree of C, and
    --target biased-monomial the biased monomials |c C^k + b| of the ESMA paper (Elimelech et al., PNAS
    2024): e^2 comes back with its quasi-polynomial expansion [7; 2, 1, 1, 3, 18, 5, ...].

    \b
    Example:
      discover cf esma --constant e --mobius-range 1 --max-period 2
      discover cf esma --constant e --target biased-monomial --max-power 2 --max-bias 0 --max-period 1
    """
    from discover.cf.esma.engine import ENGINE, ESMASpec
    from discover.errors import InputError

    given = {"degree": degree, "coeff_range": coeff_range, "max_power": max_power, "max_bias": max_bias}
    allowed = {"mobius": (), "rational": ("degree", "coeff_range"),
               "biased-monomial": ("coeff_range", "max_power", "max_bias")}[targets]
    for name, value in given.items():
        if value is not None and name not in allowed:
            raise InputError(f"--{name.replace('_', '-')}: not used with --target {targets}")
    spec = ESMASpec(constant=constant, mobius_range=mobius_range, max_period=max_period, terms=terms,
                    min_digits=min_digits, targets=targets,
                    **{name: value for name, value in given.items() if value is not None})
    summary = execute(ENGINE, spec, run_options, as_json)
    records = sorted(summary.records, key=lambda r: (len(r.payload["target"]), r.payload["target"],
                                                     len(r.payload["signs"]), r.payload["signs"]))
    columns = [
        ("target", lambda r: r.payload["target"]),
        ("signs", lambda r: r.payload["signs"]),
        ("partial quotients", lambda r: ", ".join(map(str, r.payload["first_terms"][:9])) + ", ..."),
        ("recurrence", lambda r: r.payload["recurrence_text"] + f" (n >= {r.payload['offset']})"),
        ("formula", lambda r: (r.payload.get("formula") or {}).get("text", "-")),
        ("digits", lambda r: _fmt_digits(r.payload["digits"])),
    ]
    emit_records(records, as_json, columns, empty="no approved conjecture")
    emit_summary(summary, as_json)


@group.command("novelty", context_settings={"ignore_unknown_options": True})
@click.argument("a")
@click.argument("b")
@click.option("--depth", type=int, default=2000, show_default=True,
              help=f"Depth of the exact evaluation that identifies the limit (6..{limits.MAX_DEPTH:,}).")
@click.option("--constants", default=None, metavar="LIST",
              help="Constants to identify the limit with (default: the registry).")
@click.option("--cmf", "with_cmf", is_flag=True,
              help="Also look for the PCF on the trajectories of the library's 2x2 CMFs (cf cmf locate: steps "
                   "0..2, starts 0..2).")
@known_option
@json_option
def novelty_cmd(a, b, depth, constants, with_cmf, as_json):
    """Say whether the PCF with polynomials A and B is known, equivalent to a known one, or new, and why.

    The limit is evaluated exactly and identified (as cf eval does; nothing is stored), then compared with
    the known lists (the shipped 2,763 published PCFs of the Ramanujan Machine datasets, the classic
    formulas of the registry constants with citations, the trajectory PCFs of the library CMFs, plus
    --known FILE): same canonical form (sign, deflation, shift,
    scaling) -> known; an even/odd contraction (fold) or a coboundary V(n) N(n+k) = rho(n) M(n) V(n+1)
    (V integer polynomials of degree <= 4, |k| <= 2, rho a ratio of factors of the two b's; solved exactly
    as a linear system) to a listed PCF of the same constants -> equivalent, with the chain, the listed
    formula and the Moebius map between the limits; else new (within those bounds).

    \b
    Example:
      discover cf novelty "6n+9" "-9n^2-9n"
    """
    import json

    from discover.cf.constants import parse_constants
    from discover.cf.eval.engine import DEFAULT_CONSTANTS
    from discover.cf.eval.verify import evaluate_and_identify
    from discover.cf.novelty.classify import THOROUGH, classify
    from discover.cf.pcf import PCF

    pcf = PCF.from_polynomials(a, b)
    pcf.check_depth(depth)
    names = DEFAULT_CONSTANTS if constants is None else tuple(c.name for c in parse_constants(constants))
    record = evaluate_and_identify(pcf, depth, names, 1000.0, 30)
    closed = record.payload.get("closed_form")
    nov = classify(pcf.a.coeffs, pcf.b.coeffs, closed, **THOROUGH)
    located = []
    if with_cmf:
        from discover.cf.cmf.library import LIBRARY, get_cmf
        from discover.cf.cmf.locate.matching import locate

        cmfs = [get_cmf(n) for n in LIBRARY if get_cmf(n).rank == 2]
        for loc in locate(pcf.a.coeffs, pcf.b.coeffs, cmfs=cmfs, max_step=2, start_min=0, start_max=2,
                          depth=300):
            if loc.match == "exact":
                located.append({"cmf": loc.cmf, "trajectory": list(loc.trajectory), "start": list(loc.start)})
        if located and nov["class"] == "new":
            nov = dict(nov, **{"class": "equivalent", "chain": [{"kind": "cmf-trajectory", "detail": located[0]}]})
    out = {"a": str(pcf.a), "b": str(pcf.b), "closed_form": closed, "statement": record.statement,
           "novelty": nov, "cmf_trajectories": located if with_cmf else None}
    if as_json:
        click.echo(json.dumps(out))
        return
    click.echo(record.statement)
    click.echo(f"novelty: {nov['class']}")
    click.echo(f"compared with: {', '.join(nov['compared_with'])}" + (" and the library CMFs" if with_cmf else ""))
    listed = nov.get("listed")
    if listed:
        click.echo(f"listed formula: PCF(a={listed['a']}, b={listed['b']})"
                   + (f" = {listed['limit']}" if listed.get("limit") else "")
                   + f"  [{listed['dataset']}, {listed['list']}]"
                   + (f"\n  source: {listed['citation']}" if listed.get("citation") else ""))
    for step in nov.get("chain", []):
        detail = step["detail"]
        if isinstance(detail, dict):
            detail = "; ".join(f"{k} {v}" for k, v in detail.items())
        click.echo(f"  {step['kind']}: {detail}")
        if "moebius" in step:
            m = step["moebius"]["map"]
            click.echo(f"  limits: L(this, canonical form) = ({m[0]} L(listed) + {m[1]}) / ({m[2]} L(listed) + {m[3]})")
    if nov["class"] == "new":
        bounds = nov.get("bounds", {})
        click.echo("  no listed PCF is reached by the canonical form, folds or coboundaries within the bounds "
                   f"{json.dumps(bounds)}")


@group.command("unify")
@click.option("--store", "store_path", default=None, envvar="DISCOVER_STORE", metavar="FILE",
              help="Results store to read (default: results/discover.sqlite).")
@click.option("--output", default=None, metavar="FILE",
              help="Write the graph (nodes, edges with their kind, classes) as JSON to FILE.")
@click.option("--max-pairs", type=int, default=200, show_default=True,
              help="Coboundaries tried at most per limit/invariant class (0..100,000).")
@json_option
def unify_cmd(store_path, output, max_pairs, as_json):
    """Group the store's PCF formulas into classes of exact equivalence and export the graph.

    Edges: even/odd contraction (fold), coboundary (solved exactly between formulas of the same constants
    and invariants), and each formula's own novelty decision against the known lists. Prints one row per
    class: size, representative, constants, whether it reaches a listed formula.

    \b
    Example:
      discover cf unify --output /tmp/pcf_graph.json
    """
    import json

    from discover.cf.novelty.unify import Formula, graph_json, unify
    from discover.cf.polynomial import Polynomial
    from discover.store import Store
    from discover.store.export import check_output

    if not 0 <= max_pairs <= 100_000:
        from discover.errors import InputError

        raise InputError(f"--max-pairs {max_pairs}: must be between 0 and 100,000")
    if output:
        check_output(output)
    with Store(store_path, create=False) as store:
        formulas = []
        for row in store.conjectures(engine="cf", kind="pcf"):
            p = row.record.payload
            canon = p.get("canonical") or {"a": p["a"], "b": p["b"]}
            formulas.append(Formula(row.record.key, Polynomial.parse(canon["a"]).coeffs,
                                    Polynomial.parse(canon["b"]).coeffs, p.get("closed_form"), p.get("novelty"),
                                    (p["a"], p["b"])))
    result = unify(formulas, max_pairs=max_pairs)
    if output:
        from pathlib import Path

        Path(output).write_text(json.dumps(graph_json(result, formulas)))
    if as_json:
        for c in result["classes"]:
            click.echo(json.dumps({k: v for k, v in c.items() if k != "members"}))
        return
    rows = [[str(c["size"]), c["representative"][:12], f"a={c['formula']['a']}, b={c['formula']['b']}",
             c["formula"]["closed_form"] or "-", ", ".join(c["constants"]), "yes" if c["reaches_listed"] else "no"]
            for c in result["classes"]]
    print_table(rows, ["size", "representative", "formula", "closed form", "constants", "reaches a listed PCF"])
    kinds = {}
    for e in result["edges"]:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    click.echo(f"{result['formulas']} formulas in {len(result['classes'])} classes; edges: "
               + (", ".join(f"{v} {k}" for k, v in sorted(kinds.items())) or "none")
               + (f"; graph written to {output}" if output else ""))
