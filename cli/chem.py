"""``discover chem``: balance reactions exactly and list their elementary reactions.

Thin: options -> :class:`discover.chem.engine.ChemSpec` -> runner -> store -> table or JSON. The library
(the parser, the kernels) is imported inside the commands so that ``discover --help`` stays fast.
"""

from __future__ import annotations

import click

from cli.common import emit_records, emit_summary, execute, json_option, print_table, runner_options

MEDIUM = click.Choice(["acidic", "basic"])


@click.group(name="chem")
def group():
    """Reaction balancing: exact balances and complete sets of elementary reactions.

    \b
    Example:
      discover chem balance "KMnO4 + HCl -> KCl + MnCl2 + H2O + Cl2"
    """


def _note(record) -> str:
    n = record.payload.get("elementary_reactions", 1)
    if n == 1:
        return "unique"
    return f"one of many: {n} elementary reactions (--all lists them)"


def _run(spec, run_options, as_json, columns, show_sets=False):
    from cli import common
    from discover.chem.engine import ENGINE, line_problems
    from discover.errors import RuntimeFailure

    summary = execute(ENGINE, spec, run_options, as_json)
    records = sorted(summary.records, key=lambda r: (r.payload.get("line") or 0, r.payload.get("index") or 0))
    balanced = {r.payload.get("line") for r in records} if spec.line_numbers or len(spec.lines) > 1 else set()
    problems = line_problems(spec, balanced) if summary.rejected else []
    if problems:  # a reaction that cannot balance is a run's result: the run stays, marked failed
        _mark_failed(run_options, summary.run_id)
    if len(spec.lines) == 1 and problems:
        _, line, reason = problems[0]
        raise RuntimeFailure(f"cannot balance {line!r}: {reason} (run {summary.run_id} is stored, marked failed)")
    if records or not summary.shards_failed:  # a failed shard was already reported on stderr
        emit_records(records, as_json, columns)
    if show_sets and not as_json:
        for record in records:
            if record.payload.get("elementary_reactions", 1) == 1:
                continue  # the unique balance is its only elementary reaction: nothing more to show
            rows = [[str(i)] + [str(c) for c in coeffs]
                    for i, coeffs in enumerate(record.payload.get("reactions", []), start=1)]
            click.echo(f"elementary reactions of {record.payload['equation']}:")
            print_table(rows, ["#"] + record.payload["species"])
    if not as_json:  # ambiguous notation is never read silently (JSON records carry "readings")
        notes = dict.fromkeys(note for r in records for note in r.payload.get("readings", []))
        for note in notes:
            click.echo(f"discover: note: {note}", err=True)
    for number, line, reason in problems:
        click.echo(f"discover: line {number}: cannot balance {line!r}: {reason}", err=True)
    if problems:
        click.echo(f"discover: run {summary.run_id} is stored, marked failed: {len(problems)} of "
                   f"{len(spec.lines)} lines cannot balance", err=True)
        common.exit_status = 1
    emit_summary(summary, as_json)
    return summary


@group.command("balance")
@click.argument("equation", required=False)
@click.option("--species", "species", default=None, metavar="'A, B, C'",
              help="Species separated by commas, sides not given: the balancer decides which go on which side.")
@click.option("--file", "path", type=str, default=None, metavar="PATH",
              help="Balance every line of a file (one equation per line; blank lines and # comments skipped; "
                   "UTF-8, at most 100,000 reactions and 16 MiB).")
@click.option("--all", "all_reactions", is_flag=True,
              help="Also list every elementary reaction (the extreme rays of the cone of balances).")
@click.option("--medium", type=MEDIUM, default=None,
              help="Add H+ and H2O (acidic) or OH- and H2O (basic), each on whichever side balances.")
@click.option("--max-rays", type=int, default=200_000, show_default=True,
              help="Give up when the exact enumeration holds more intermediate rays than this (1 to 10,000,000, and "
                   "at most 200,000,000 / columns: a species with a side is one column, a free one two).")
@json_option
@runner_options
def balance_cmd(equation, species, path, all_reactions, medium, max_rays, as_json, run_options):
    """Balance a reaction in lowest whole numbers, exactly (integer linear algebra, no rounding).

    Reactants are on the left of the arrow, products on the right, species separated by ' + '.
    Charges: Fe+3, Fe3+, Fe^{3+}, SO4-2, SO4^2-, MnO4-; the electron is e-; hydrates CuSO4*5H2O;
    phases (s), (l), (g), (aq). When several balances exist the answer is the one with the smallest
    coefficient sum (every species present) and the output says how many elementary reactions there
    are; --all lists them. A reaction that cannot balance is reported with the reason, exit status 1
    (its run is stored, marked failed).

    Limits: a reaction has at most 200 species and 20,000 characters; a species at most 500
    characters and 32 levels of brackets; every count and charge is at most 1,000,000.

    \b
    Examples:
      discover chem balance "KMnO4 + HCl -> KCl + MnCl2 + H2O + Cl2"
      discover chem balance --all "H2 + O2 -> H2O + H2O2"
      discover chem balance --species "Cu, HNO3, Cu(NO3)2, NO, H2O" --json
      discover chem balance --medium acidic "MnO4- + Fe+2 -> Mn+2 + Fe+3"
    """
    from discover.chem.engine import ChemSpec
    from discover.errors import InputError

    given = [x is not None for x in (equation, species, path)]
    if sum(given) == 0 and run_options.resume is not None:
        spec = _resumed_spec(run_options, "balance")
        columns = ([("line", lambda r: r.payload.get("line", ""))] if spec.line_numbers else []) + [
            ("balance", lambda r: r.payload["equation"]), ("balances", _note)]
        _run(spec, run_options, as_json, columns, show_sets=spec.all_reactions)
        return
    if sum(given) != 1:
        raise InputError("give exactly one of: an EQUATION, --species 'A, B, C', or --file PATH")
    if path is not None:
        from discover.chem.equation import read_reaction_file

        lines, line_numbers = read_reaction_file(path)
    else:
        lines = (equation if equation is not None else species,)
        line_numbers = ()
    spec = ChemSpec(lines=lines, sides_free=species is not None, medium=medium,
                    all_reactions=all_reactions, mode="balance", max_rays=max_rays,
                    line_numbers=line_numbers)
    columns = ([("line", lambda r: r.payload.get("line", ""))] if path else []) + [
        ("balance", lambda r: r.payload["equation"]),
        ("balances", _note),
    ]
    _run(spec, run_options, as_json, columns, show_sets=all_reactions)


def _mark_failed(run_options, run_id: int) -> None:
    from discover.store import Store

    with Store(run_options.store) as store:
        store.set_run_status(run_id, "failed")


def _resumed_spec(run_options, mode: str):
    """The spec of the run that ``--resume`` continues (the runner rebuilds the same one from the store)."""
    from discover.chem.engine import ENGINE, ChemSpec
    from discover.errors import InputError
    from discover.store import Store

    with Store(run_options.store, create=False) as store:
        row = store.run(run_options.resume)
    if row.engine != ENGINE.name:
        raise InputError(f"--resume {run_options.resume}: run {row.id} is a {row.engine} run, not {ENGINE.name}")
    spec = ChemSpec.from_dict(row.spec)
    if spec.mode != mode:
        raise InputError(f"--resume {run_options.resume}: run {row.id} is a 'chem {spec.mode}' run; "
                         f"resume it with: discover chem {spec.mode} --resume {row.id}")
    return spec


@group.command("enumerate")
@click.option("--species", "species", default=None, metavar="'A, B, C'",
              help="Species separated by commas; each may go on either side.")
@click.option("--medium", type=MEDIUM, default=None,
              help="Add H+ and H2O (acidic) or OH- and H2O (basic).")
@click.option("--max-rays", type=int, default=200_000, show_default=True,
              help="Give up when the exact enumeration holds more intermediate rays than this (1 to 10,000,000, and "
                   "at most 200,000,000 / columns: a species with a side is one column, a free one two).")
@json_option
@runner_options
def enumerate_cmd(species, medium, max_rays, as_json, run_options):
    """List every elementary reaction among the species, sides free.

    An elementary reaction balances with the fewest species: no balanced reaction uses a proper subset
    of its species. Each is printed once (a reaction and its reverse are the same), in lowest whole
    numbers, in a fixed order (reactions using earlier-listed species first).

    \b
    Example:
      discover chem enumerate --species "C, O2, CO, CO2"
    """
    from discover.chem.engine import ChemSpec
    from discover.errors import InputError

    if species is None and run_options.resume is not None:
        spec = _resumed_spec(run_options, "enumerate")
    elif species is None:
        raise InputError("--species is required (the species, separated by commas)")
    else:
        spec = ChemSpec(lines=(species,), sides_free=True, medium=medium, mode="enumerate", max_rays=max_rays)
    columns = [("#", lambda r: r.payload.get("index", "")), ("elementary reaction", lambda r: r.payload["equation"])]
    _run(spec, run_options, as_json, columns)


@group.command("formula")
@click.argument("formulas", nargs=-1, required=True)
@json_option
def formula_cmd(formulas, as_json):
    """Show how formulas are read: element counts, charge, phase (nothing is stored).

    \b
    Example:
      discover chem formula "K4[Fe(CN)6]" "CuSO4*5H2O" "Fe3+" "SO4^2-(aq)"
    """
    import json

    from discover.chem.formula import parse_species

    rows = []
    for text in formulas:
        s = parse_species(text)
        if as_json:
            click.echo(json.dumps({"formula": text, "counts": dict(s.counts), "charge": s.charge,
                                   "phase": s.phase, "normal_form": s.canonical()}))
        rows.append([text, " ".join(f"{k}:{v}" for k, v in s.counts) or "-", f"{s.charge:+d}" if s.charge else "0",
                     s.phase or "", s.canonical()])
    if not as_json:
        print_table(rows, ["formula", "atoms", "charge", "phase", "normal form"])
