"""``discover cf cmf``: conservative matrix fields: ``list``, ``check``, ``walk``, ``search``, ``fit``, ``locate``.

Thin: options -> the library's specs (:mod:`discover.cf.cmf`) -> runner -> store -> table or JSON.
"""

from __future__ import annotations

import click

from cli.cf import _fmt_digits, known_option
from cli.common import emit_records, emit_summary, execute, json_option, print_table, runner_options
from discover.cf import limits


@click.group(name="cmf")
def cmf():
    """Conservative matrix fields: the library, checks, walks, searches, the f/fbar fit, locating PCFs.

    \b
    Example:
      discover cf cmf walk --cmf zeta3 --trajectory 1,1 --start 1,1 --depth 1000
    """


def _cmf_spec_from_options(cmf_name, cmf_file):
    """(name, cmf_json) from --cmf NAME or --file PATH."""
    import json

    from discover.errors import InputError

    if cmf_file:
        from discover.cf.cmf.field import load_cmf_file

        from discover.cf.cmf.field import check_conservative

        cmf = load_cmf_file(cmf_file)
        failures = check_conservative(cmf)
        if failures:
            raise InputError(f"CMF file {cmf_file!r} is not conservative ({failures[0]}); "
                             f"see 'discover cf cmf check {cmf_file}'")
        return cmf.name, json.dumps(cmf.to_dict(), sort_keys=True)
    if not cmf_name:
        raise InputError("give --cmf NAME (see 'discover cf cmf list') or --file PATH")
    from discover.cf.cmf.library import get_cmf

    get_cmf(cmf_name)
    return cmf_name, ""


def _param_text(r) -> str:
    vals = r.payload.get("parameters") or {}
    return ",".join(f"{k}={v}" for k, v in vals.items()) or "-"


def _walk_columns(with_params: bool = False):
    return [
        ("cmf", lambda r: r.payload["cmf"]),
        *([("parameters", _param_text)] if with_params else []),
        ("trajectory", lambda r: ",".join(map(str, r.payload["trajectory"]))),
        ("start", lambda r: ",".join(map(str, r.payload["start"]))),
        ("limit", lambda r: r.payload["closed_form"]),
        ("digits", lambda r: _fmt_digits(r.payload["digits"])),
        ("delta", lambda r: "-" if r.payload["delta"] is None else f"{r.payload['delta']:.4f}"),
        ("irrationality proof", lambda r: "yes" if r.payload["proves_irrationality"] else "no"),
    ]


@cmf.command("list")
@json_option
def cmf_list(as_json):
    """List the library of known CMFs with their axes, size, constants and source.

    \b
    Example:
      discover cf cmf list
    """
    import json

    from discover.cf.cmf.library import LIBRARY, get_cmf

    from discover.cf.cmf.library import FAMILIES

    rows = []
    for name in LIBRARY:
        c = get_cmf(name)
        if as_json:
            click.echo(json.dumps(c.to_dict()))
            continue
        rows.append([c.name, ", ".join(c.axes), ", ".join(c.parameters) or "-", f"{c.rank}x{c.rank}",
                     ", ".join(c.constants), c.description, c.source])
    if not as_json:
        print_table(rows, ["name", "axes", "parameters", "size", "constants", "description", "source"])
        click.echo("families (give the arguments): " + "; ".join(FAMILIES.values()))


@cmf.command("check")
@click.argument("path", type=click.Path(dir_okay=False))
@json_option
def cmf_check(path, as_json):
    """Check that a CMF given in a JSON or TOML file is conservative, and say where it is not.

    The file gives "axes" (names) and "matrices" (one square matrix per axis, entries as rational
    functions of the axes in sympy syntax), optionally "parameters" (free symbols the entries may use),
    "name" and "constants". Conservativity: M_i(p) M_j(p + e_i) = M_j(p) M_i(p + e_j) for every pair of
    axes, checked exactly as rational functions of the axes and parameters (FLINT). At most
    11 axes, 8 parameters, 6 x 6 matrices. Exit status 0 when conservative, 1 when not (each failing
    entry is listed), 2 for a bad file (an undeclared symbol is named).

    \b
    Example:
      discover cf cmf list --json | head -1 > e.json && discover cf cmf check e.json
    """
    import json

    from cli import common
    from discover.cf.cmf.field import check_conservative, load_cmf_file

    c = load_cmf_file(path)
    failures = check_conservative(c)
    if as_json:
        click.echo(json.dumps({"cmf": c.name, "axes": list(c.axes), "parameters": list(c.free_parameters),
                               "conservative": not failures, "failures": [f.__dict__ for f in failures]}))
    elif failures:
        click.echo(f"{c.name}: NOT conservative ({len(failures)} failing entries)")
        for f in failures:
            click.echo(f"  {f}")
    else:
        params = f", for all values of {', '.join(c.free_parameters)}" if c.free_parameters else ""
        click.echo(f"{c.name}: conservative ({len(c.axes)} axes, {c.rank}x{c.rank} matrices{params})")
    if failures:
        common.exit_status = 1


@cmf.command("walk")
@click.option("--cmf", "cmf_name", default=None, metavar="NAME", help="A library CMF (see 'discover cf cmf list'), or pFq:P,Q,Z or meijerg:M,N,P,Q,Z (p, q <= 5, z rational).")
@click.option("--file", "cmf_file", default=None, metavar="PATH", help="Or a CMF from a JSON/TOML file.")
@click.option("--trajectory", required=True, metavar="T",
              help=f"The direction, e.g. 1,1: entries of absolute value at most {limits.MAX_TRAJECTORY_ENTRY}, "
                   f"their absolute values summing to at most {limits.MAX_TRAJECTORY_STEPS}.")
@click.option("--start", default=None, metavar="S",
              help=f"The start point, e.g. 1,1 or 1/2,1 (default: the CMF's); |coordinates| <= "
                   f"{limits.MAX_START_ENTRY:,}.")
@click.option("--end", default=None, metavar="E",
              help="Instead of a limit: the exact product of the matrices from --start to this point (E - S "
                   "a multiple of a lattice direction, at most 10,000 steps of it), printed up to a scalar.")
@click.option("--param", "param", default=None, metavar="c0=V,...",
              help="Values of the CMF's parameters: c0=1,c1=-1/2; a grid: c0=1..3 or c0=1|2|5 (one shard per "
                   "point, at most 10,000 points).")
@click.option("--depth", type=int, default=1000, show_default=True, metavar="N",
              help="Steps along the trajectory: 10..200,000, and the walk's integers at most "
                   f"{limits.MAX_CONVERGENT_BITS:,} bits (estimated beforehand).")
@click.option("--constants", default=None, metavar="C1,C2",
              help="Constants to identify the limit against (default: the CMF's).")
@json_option
@known_option
@runner_options
def cmf_walk(cmf_name, cmf_file, trajectory, start, end, param, depth, constants, as_json, run_options):
    """Walk a CMF along a trajectory: the exact limit, its digits, delta and the identified constant.

    The step matrix along the trajectory is built once (integer polynomials in n), the walk
    S(0) S(1) ... S(N-1) is computed exactly, and the limit W[0,-1]/W[1,-1] is identified against the
    constants (lattice reduction, FLINT's LLL). An identified walk is stored; delta > 0 means the walk
    proves the limit irrational. A parametric CMF (cmf1, cmf2, ... or a file with "parameters") needs
    --param; a walk that meets a pole (a vanishing denominator on the path) is refused, naming the point
    and the entry. Hypergeometric fields (--cmf pFq:P,Q,Z) are checked against mpmath's pFq values at
    the start.

    \b
    Example:
      discover cf cmf walk --cmf zeta3 --trajectory 1,1 --start 1,1 --depth 1000
      discover cf cmf walk --cmf pFq:3,2,1 --trajectory 1,1,1,2,2 --start 1,1,1,2,4 --depth 300 --constants zeta2
      discover cf cmf walk --cmf cmf3_2 --param c0=0,c1=1 --trajectory 1,1 --start 1,1 --depth 500 --constants zeta3
    """
    from discover.cf.cmf.parametric import parse_param_grid
    from discover.cf.cmf.search.engine import ENGINE, CMFSearchSpec, resolve_cmf
    from discover.cf.cmf.trajectory import parse_point
    from discover.cf.constants import parse_constants
    from discover.errors import InputError

    name, cmf_json = _cmf_spec_from_options(cmf_name, cmf_file)
    c = resolve_cmf(name, cmf_json)
    t = parse_point(trajectory, c.dim, "--trajectory")
    if start is None:
        if c.default_start is None:
            raise InputError(f"CMF {c.name} has no default start; give --start")
        s = tuple(c.default_start)
    else:
        s = parse_point(start, c.dim, "--start", rational=True)
    grid = parse_param_grid(param)
    if end is not None:
        _print_work(c, grid, t, s, parse_point(end, c.dim, "--end", rational=True), as_json)
        return
    consts = tuple(x.name for x in parse_constants(constants)) if constants else ()
    spec = CMFSearchSpec(cmf=name, cmf_json=cmf_json, trajectory=t, start=s, depth=depth, constants=consts,
                         min_digits=5, params=grid)
    summary = execute(ENGINE, spec, run_options, as_json)
    if summary.records:
        emit_records(summary.records, as_json, _walk_columns(bool(grid)))
        if not as_json:
            r = summary.records[0]
            click.echo(f"limit = {r.payload['limit']}... = {r.payload['closed_form']}")
            if r.payload.get("pcf"):
                click.echo(f"equivalent PCF (its limit is a Moebius transform of this one): "
                           f"a(n) = {r.payload['pcf']['a']}, b(n) = {r.payload['pcf']['b']}")
    elif len(spec.param_points()) == 1:
        from discover.cf.cmf.parametric import bind
        from discover.cf.cmf.trajectory import walk_limit

        from discover.cf.cmf.trajectory import trajectory_matrix, walk_order

        point = spec.param_points()[0]
        cb = bind(c, point) if point else c
        ev = walk_limit(cb, t, s, depth, trajectory_matrix(cb, t, s, order=walk_order(cb, t, s, depth)[0]))
        msg = (f"the walk along {t} from {s} converges to {ev.value_text(min(ev.digits, 50))} "
               f"({ev.digits:.1f} digits at depth {depth}); not identified against "
               f"{', '.join(spec.resolved_constants(c))}; nothing stored")
        if as_json:
            click.echo(msg, err=True)
        else:
            click.echo(msg)
    emit_summary(summary, as_json)


def _print_work(c, grid, t, s, e, as_json):
    """``walk --end``: the product of the step matrices from s to e = s + g t' (t' primitive), exact."""
    import json
    import math
    from fractions import Fraction

    from discover.cf.cmf.parametric import bind, grid_points
    from discover.cf.cmf.trajectory import trajectory_matrix, walk_order
    from discover.cf.walk import walk
    from discover.errors import InputError

    d = [Fraction(b) - Fraction(a) for a, b in zip(s, e)]
    if any(v.denominator != 1 for v in d) or not any(d):
        raise InputError(f"--end {','.join(map(str, e))}: must differ from --start by a non-zero integer vector")
    g = 0
    for v in d:
        g = math.gcd(g, int(v))
    direction = tuple(int(v) // g for v in d)
    if g > 10_000:
        raise InputError(f"--end: {g:,} steps of {direction}; at most 10,000")
    points = grid_points(grid)
    if len(points) != 1:
        raise InputError("--end takes one parameter point, not a grid")
    cm = bind(c, points[0]) if points[0] else c
    order, where = walk_order(cm, direction, s, g)
    if where:
        raise InputError(f"CMF {c.name}: {where}")
    S = trajectory_matrix(cm, direction, s, order=order)
    W = walk(S, 0, g - 1)
    k = len(S)
    rows = [[int(W[i, j]) for j in range(k)] for i in range(k)]
    gg = 0
    for row in rows:
        for v in row:
            gg = math.gcd(gg, v)
    rows = [[v // (gg or 1) for v in row] for row in rows]
    p, q = rows[0][k - 1], rows[1][k - 1]
    ratio = str(Fraction(p, q)) if q else "undefined (q = 0)"
    if as_json:
        click.echo(json.dumps({"cmf": c.name, "start": list(s), "end": list(e), "direction": list(direction),
                               "steps": g, "matrix_up_to_scalar": [[str(v) for v in r] for r in rows],
                               "ratio": ratio}))
        return
    click.echo(f"{c.name}: {g} steps of {direction} from {tuple(s)} to {tuple(e)}; the product, up to a scalar:")
    for r in rows:
        click.echo("  [" + ", ".join(str(v) for v in r) + "]")
    click.echo(f"W[0,-1] / W[1,-1] = {ratio}")


@cmf.command("search")
@click.option("--cmf", "cmf_name", default=None, metavar="NAME", help="A library CMF (see 'discover cf cmf list'), or pFq:P,Q,Z or meijerg:M,N,P,Q,Z (p, q <= 5, z rational).")
@click.option("--file", "cmf_file", default=None, metavar="PATH", help="Or a CMF from a JSON/TOML file.")
@click.option("--max-step", type=int, default=2, show_default=True, metavar="K",
              help="Every primitive trajectory with coordinates in 0..K.")
@click.option("--negative", is_flag=True, help="Also trajectories with negative coordinates (-K..K).")
@click.option("--start-min", type=int, default=0, show_default=True, help="Starts: every point with coordinates ...")
@click.option("--start-max", type=int, default=1, show_default=True, help="... between --start-min and --start-max.")
@click.option("--depth", type=int, default=1000, show_default=True, metavar="N", help="Steps along each trajectory.")
@click.option("--constants", default=None, metavar="C1,C2",
              help="Constants to identify limits against, relations between two of them included "
                   "(default: the CMF's).")
@click.option("--min-digits", type=int, default=20, show_default=True, metavar="D",
              help="Store only limits known to at least D digits.")
@click.option("--param", "param", default=None, metavar="c0=V,...",
              help="Values of the CMF's parameters; a grid (c0=1..3,c1=0|1) runs every point, one shard per "
                   "point and trajectory (at most 10,000 points).")
@json_option
@known_option
@runner_options
def cmf_search(cmf_name, cmf_file, max_step, negative, start_min, start_max, depth, constants, min_digits,
               param, as_json, run_options):
    """Walk every primitive trajectory and start in a box, identify the limits, store the formulas.

    One shard per trajectory (run in parallel by the runner). Each identified walk is stored with its
    closed form, digits and delta; the table shows which trajectories give irrationality proofs
    (delta > 0).

    \b
    Example:
      discover cf cmf search --cmf pi --max-step 2 --depth 500
      discover cf cmf search --cmf cmf1 --param c0=0..1,c1=1,c2=0..1,c3=0..1 --max-step 1 --depth 300 --constants e,log2
    """
    from discover.cf.cmf.parametric import parse_param_grid
    from discover.cf.cmf.search.engine import ENGINE, CMFSearchSpec
    from discover.cf.constants import parse_constants

    name, cmf_json = _cmf_spec_from_options(cmf_name, cmf_file)
    consts = tuple(x.name for x in parse_constants(constants)) if constants else ()
    grid = parse_param_grid(param)
    spec = CMFSearchSpec(cmf=name, cmf_json=cmf_json, max_step=max_step, negative=negative, start_min=start_min,
                         start_max=start_max, depth=depth, constants=consts, min_digits=min_digits, params=grid)
    summary = execute(ENGINE, spec, run_options, as_json)
    records = sorted(summary.records, key=lambda r: (-(r.payload["delta"] or -9), r.payload["trajectory"],
                                                     [str(v) for v in r.payload["start"]], _param_text(r)))
    emit_records(records, as_json, _walk_columns(bool(grid)), empty="no identified limit")
    emit_summary(summary, as_json)


@cmf.command("transform")
@click.option("--cmf", "cmf_name", default=None, metavar="NAME", help="A library CMF (see 'discover cf cmf list'), or pFq:P,Q,Z or meijerg:M,N,P,Q,Z (p, q <= 5, z rational).")
@click.option("--file", "cmf_file", default=None, metavar="PATH", help="Or a CMF from a JSON/TOML file.")
@click.option("--dual", "to_dual", is_flag=True, help="The dual CMF: the inverse transpose of every matrix.")
@click.option("--sublattice", default=None, metavar="B1;B2",
              help="The sub-CMF along these directions (e.g. 1,1;1,0), new axes u0, u1, ...")
@click.option("--base", default=None, metavar="P", help="The sub-lattice's base point (default: the origin).")
@click.option("--coboundary", default=None, metavar="U",
              help='The transform U(p)^-1 M(p) U(p + e) by U given as JSON rows, e.g. \'[["1","x"],["0","1"]]\'.')
@click.option("--output", default=None, metavar="PATH", help="Write the new CMF (JSON) here instead of stdout.")
def cmf_transform(cmf_name, cmf_file, to_dual, sublattice, base, coboundary, output):
    """A new CMF from a CMF: its dual, a sub-CMF along a sub-lattice, or a coboundary transform.

    The result is conservative by construction and is checked again; it is printed as a CMF file (JSON)
    that 'cf cmf check', 'walk' and 'search' read (--file). Parameters carry over.

    \b
    Example:
      discover cf cmf transform --cmf zeta3 --sublattice "1,1;1,0" --base 1,1 --output sub.json && discover cf cmf check sub.json
    """
    import json

    from discover.cf.cmf import dual as transforms
    from discover.cf.cmf.field import check_conservative
    from discover.cf.cmf.search.engine import resolve_cmf
    from discover.cf.cmf.trajectory import parse_point
    from discover.errors import InputError

    if sum(bool(v) for v in (to_dual, sublattice, coboundary)) != 1:
        raise InputError("give exactly one of --dual, --sublattice, --coboundary")
    name, cmf_json = _cmf_spec_from_options(cmf_name, cmf_file)
    c = resolve_cmf(name, cmf_json)
    if to_dual:
        new = transforms.dual(c)
    elif sublattice:
        basis = transforms.parse_basis(sublattice, c.dim)
        new = transforms.sub_cmf(c, basis, parse_point(base, c.dim, "--base") if base else None)
    else:
        try:
            rows = json.loads(coboundary) if len(coboundary) < 100_000 else None
        except json.JSONDecodeError:
            rows = None
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise InputError(f"--coboundary {coboundary[:40]!r}: expected JSON rows, e.g. [[\"1\",\"x\"],[\"0\",\"1\"]]")
        new = transforms.coboundary(c, [[str(v) for v in r] for r in rows])
    failures = check_conservative(new)
    if failures:  # cannot happen for a conservative input; the check guards the algebra
        raise InputError(f"the transformed CMF is not conservative ({failures[0]})")
    text = json.dumps(new.to_dict())
    if output:
        from pathlib import Path

        target = Path(output)
        if target.exists() and not target.is_file():
            raise InputError(f"--output {output!r}: not a regular file")
        if not target.parent.is_dir():
            raise InputError(f"--output {output!r}: the folder does not exist")
        target.write_text(text + "\n")
        click.echo(f"{new.name}: conservative, {new.dim} axes, written to {output}")
    else:
        click.echo(text)


@cmf.command("fit")
@click.option("--degree", type=int, default=1, show_default=True, metavar="D", help="Degree of f and fbar.")
@click.option("--coefficient-bound", "bound", type=int, default=1, show_default=True, metavar="C",
              help="Coefficients of f in -C..C.")
@click.option("--homogeneous", is_flag=True, help="Only f homogeneous of degree D (e.g. the cubic zeta(3) pair).")
@click.option("--constants", default="e,pi,zeta3,log2", show_default=True, metavar="C1,C2",
              help="Constants to identify the diagonal limits against.")
@click.option("--depth", type=int, default=300, show_default=True, metavar="N", help="Steps of each diagonal walk.")
@click.option("--keep-unidentified", is_flag=True,
              help="Also store CMFs whose diagonal converges to a number not identified (possible new constants).")
@json_option
@runner_options
def cmf_fit(degree, bound, homogeneous, constants, depth, keep_unidentified, as_json, run_options):
    """Search the f, fbar ansatz for new 2D CMFs and report their limits.

    Mx = [[0, b(x)], [1, a(x, y)]], My = [[fbar, b], [1, f]] with a = f(x, y) - fbar(x+1, y),
    b = f fbar(x, 0) - f fbar(0, 0), subject to the linear and quadratic conditions. For each f with
    small integer coefficients the conditions are linear in fbar and solved exactly; every pair is
    proven conservative, walked along its diagonal and identified. The table says which pairs are
    library CMFs, members of the library's parametric families (with the parameters) or share their
    constants, and which are new against those.

    \b
    Example:
      discover cf cmf fit --degree 3 --coefficient-bound 2 --homogeneous --constants zeta3
    """
    from discover.cf.cmf.fit.engine import ENGINE, FitSpec
    from discover.cf.constants import parse_constants

    consts = tuple(c.name for c in parse_constants(constants))
    spec = FitSpec(degree=degree, bound=bound, homogeneous=homogeneous, constants=consts, depth=depth,
                   keep_unidentified=keep_unidentified)
    summary = execute(ENGINE, spec, run_options, as_json)
    records = sorted(summary.records, key=lambda r: (r.payload["library_pair"] is None, r.payload["f"],
                                                     r.payload["fbar"]))
    columns = [
        ("f", lambda r: r.payload["f"]),
        ("fbar", lambda r: r.payload["fbar"]),
        ("diagonal limit", lambda r: r.payload["closed_form"] or (r.payload["limit"] + "...")),
        ("digits", lambda r: _fmt_digits(r.payload["digits"])),
        ("delta", lambda r: "-" if r.payload["delta"] is None else f"{r.payload['delta']:.4f}"),
        ("known", _fit_known),
    ]
    emit_records(records, as_json, columns, empty="no CMF found")
    emit_summary(summary, as_json)


def _fit_known(record) -> str:
    """The fit table's last column: what the pair was found to be against the library."""
    p = record.payload
    if p["library_pair"]:
        return p["library_pair"]
    member = p.get("library_family")
    if member:
        values = ", ".join(f"{k}={v}" for k, v in member["parameters"].items())
        return f"{member['family']} ({values})"
    if p["same_constants_as"]:
        return "constants of " + ", ".join(p["same_constants_as"])
    return "new" if p["closed_form"] else "new pair, limit not identified"


@cmf.command("locate")
@click.option("--key", default=None, metavar="KEY", help="A PCF conjecture in the store (its key or a prefix).")
@click.option("--a", "a_text", default=None, metavar="POLY", help="Or the PCF's a(n) ...")
@click.option("--b", "b_text", default=None, metavar="POLY", help="... and b(n).")
@click.option("--cmf", "cmf_names", default=None, metavar="NAMES", help="Library CMFs to search (default: all 2x2).")
@click.option("--max-step", type=int, default=2, show_default=True, metavar="K", help="Trajectories with coordinates 0..K.")
@click.option("--start-max", type=int, default=2, show_default=True, help="Starts with coordinates 0..this.")
@json_option
@runner_options
def cmf_locate(key, a_text, b_text, cmf_names, max_step, start_max, as_json, run_options):
    """Find the CMF trajectory that yields a PCF (exactly, or up to a Moebius transform of its limit).

    The PCF of each trajectory is derived from its step matrix and deflated; it matches when its
    canonical form (sign, shift, scaling) equals the PCF's. When no trajectory matches exactly, the
    limits are compared: a trajectory whose limit is a Moebius transform of the PCF's (PSLQ, small
    coefficients) gives an equivalent formula.

    \b
    Example:
      discover cf cmf locate --a "34n^3+51n^2+27n+5" --b "-n^6"
    """
    from discover.cf.cmf.locate.engine import ENGINE, LocateSpec
    from discover.errors import InputError

    if key:
        from discover.store import Store

        with Store(run_options.store) as store:
            rec = store.conjecture(key).record
        if "a" not in rec.payload or "b" not in rec.payload:
            raise InputError(f"--key {key}: conjecture {rec.key[:12]} is not a PCF (engine {rec.engine})")
        a_text, b_text = rec.payload["a"], rec.payload["b"]
    elif not (a_text and b_text):
        raise InputError("give --key KEY (a PCF in the store) or both --a and --b")
    names = tuple(n.strip() for n in cmf_names.split(",") if n.strip()) if cmf_names else ()
    spec = LocateSpec(a=a_text, b=b_text, cmfs=names, max_step=max_step, start_max=start_max)
    summary = execute(ENGINE, spec, run_options, as_json)
    records = sorted(summary.records, key=lambda r: (r.payload["match"] != "exact", r.payload["cmf"],
                                                     r.payload["trajectory"], r.payload["start"]))
    columns = [
        ("cmf", lambda r: r.payload["cmf"]),
        ("trajectory", lambda r: ",".join(map(str, r.payload["trajectory"]))),
        ("start", lambda r: ",".join(map(str, r.payload["start"]))),
        ("match", lambda r: r.payload["match"]),
        ("trajectory PCF / relation", lambda r: (f"a={r.payload['trajectory_pcf']['a']}, b={r.payload['trajectory_pcf']['b']}"
                                                 if r.payload["match"] == "exact" else r.payload["detail"])),
    ]
    emit_records(records, as_json, columns, empty="not found in the library")
    emit_summary(summary, as_json)
