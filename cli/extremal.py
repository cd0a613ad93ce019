"""``discover extremal``: search for extremal graphs, check graphs, show stored ones.

Thin: options -> :class:`discover.extremal.engine.ExtremalSearchSpec` -> runner -> store -> table or
JSON. The library (Numba kernels, networkx) is imported inside the commands.
"""

from __future__ import annotations

import click

from cli.common import emit_records, emit_summary, execute, json_option, runner_options, store_option


@click.group(name="extremal")
def group():
    """Extremal graphs: the most edges without short cycles (girth), C4-free graphs, Ramsey colourings.

    \b
    Example:
      discover extremal search --problem c3c4 --n 30 --time 10
    """


def _status(record) -> str:
    p = record.payload
    if p["status"] == "matches":
        return f"matches ({p['reference_kind']})"
    if p["status"] == "below":
        return f"below by {p['by']}"
    # where published values are known to exist that the table lacks (reference.table_incomplete), a
    # graph above the table is above what we know, not necessarily above what is published
    incomplete = p.get("table_incomplete", False)
    if p["status"] == "new_record":
        return f"above our table (+{p['by']}; table incomplete here)" if incomplete else f"NEW RECORD (+{p['by']})"
    return "none in our table (published elsewhere)" if incomplete else "no reference"


COLUMNS = [
    ("n", lambda r: r.payload["n"]),
    ("edges", lambda r: r.payload["edges"]),
    ("reference", lambda r: "-" if r.payload["reference"] is None else r.payload["reference"]),
    ("status", _status),
    ("seconds", lambda r: f"{r.payload['seconds']:.2f}"),
    ("key", lambda r: r.key[:12]),
]


def _construction(record) -> str:
    c = record.payload.get("construction")
    return f"{c['base_vertices']} x {c['group']}" if c else "-"


LIFT_COLUMNS = COLUMNS[:4] + [("lift", _construction)] + COLUMNS[4:]


@group.command("search")
@click.option("--problem", default="c3c4", show_default=True, metavar="NAME",
              help="c3c4 (girth >= 5), c4, c3, c3c4c5 (girth >= 6), girth4/5/6, or ramsey-S-T (e.g. ramsey-3-5).")
@click.option("--n", "sizes", required=True, metavar="N|LO..HI",
              help="Number of vertices: one size, a range LO..HI (searched in order, with the curriculum), or a list; "
                   "sizes 1..400 for the cycle problems, 1..64 for Ramsey.")
@click.option("--time", "seconds", type=float, default=10.0, show_default=True, metavar="SECONDS",
              help="Time per size (per restart lane and pass; see --stop-at). A lane's whole "
                   "budget (time x sizes x passes x rounds) is at most one week.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed, 0..2^62-1 (lanes derive theirs from it).")
@click.option("--restarts", type=int, default=None, metavar="K",
              help="Independent search lanes (random restarts), one shard each; odd lanes restart mostly from the "
                   "empty graph, even lanes from the curriculum's seeds; at most 4096. Default: --workers, else the cores.")
@click.option("--passes", type=int, default=1, show_default=True,
              help="Sweeps over the sizes (at most 100): 1 goes up; 2 goes up then back down (seeding n from "
                   "n+1..n+4); ...")
@click.option("--down", is_flag=True,
              help="The first pass goes down, largest size first (a second pass then goes up): each size "
                   "starts from the graph above it less a vertex, so one dense graph at the top (a lift, "
                   "with --continue or --seed-file) is carried down the range.")
@click.option("--no-curriculum", is_flag=True, help="Do not seed a size from the best graphs of nearby sizes.")
@click.option("--seed-file", type=click.Path(dir_okay=False), default=None,
              help="graph6 file of starting graphs (any sizes; those within 4 of a size seed it; at most 10,000 "
                   "graphs, 64 MiB).")
@click.option("--seed-family", "seed_family", default=None, metavar="semiplane",
              help="Also start from a family of algebraic graphs: semiplane (the incidence graph of the "
                   "elliptic semiplane of order q, girth 6 on 2q^2 vertices, q a prime power <= 13; those within "
                   "4 vertices of a size seed it, before --seed-file and --continue graphs).")
@click.option("--stop-at", default="none", show_default=True, metavar="none|exact|record",
              help="When a size may stop before its time is up: none (the time decides; the published table "
                   "is only a comparison), exact (at a value published as exact), record (also at a published "
                   "record). With exact or record the run ends when every size has its value in some lane; "
                   "the other lanes are stopped.")
@click.option("--continue", "resume_best", is_flag=True,
              help="Seed from the best graphs already in the store for this problem (to continue a long run).")
@click.option("--rounds", type=int, default=1, show_default=True, metavar="R",
              help="Run the search R times in a row (at most 1000), round k+1 seeded from the best graphs of "
                   "round k: one run, every round's lanes in its checkpoint, so `discover resume` finishes "
                   "them all.")
@click.option("--walks", default="mixed", show_default=True, metavar="mixed|reattach|flip|learned",
              help="Which local searches run: mixed (vertex re-attachment and tabu where re-attachment applies, "
                   "else tabu and hill climbing), reattach (re-attachment alone: cycle problems with C4), flip "
                   "(the edge-flip searches alone), learned (the learned walk in place of tabu, with hill "
                   "climbing; the shipped policy, see `discover extremal learn`).")
@json_option
@runner_options
def search_cmd(problem, sizes, seconds, seed, restarts, passes, down, no_curriculum, seed_file, seed_family, stop_at,
               resume_best, rounds, walks, as_json, run_options):
    """Search for graphs with the most edges and none of the forbidden structures.

    Numba local searches: vertex re-attachment (delete a few vertices' edges, re-join each to a
    largest allowed set, found by exact maximum clique) for the cycle problems with C4, and tabu
    search over edge flips with the score edges - violations, updated incrementally per flip; then
    restarts and the curriculum across sizes. Every graph
    is re-checked independently before it is stored (graph6, de-duplicated up to isomorphism) and
    compared with the published value: matches, below by k, or NEW RECORD.

    \b
    Examples:
      discover extremal search --problem c3c4 --n 40 --time 10
      discover extremal search --problem c3c4 --n 1..53 --time 5 --workers 1
      discover extremal search --problem c4 --n 21 --time 10 --json
      discover extremal search --problem ramsey-3-5 --n 13 --time 10
      discover extremal search --problem c3c4 --n 30..31 --time 1 --rounds 2
      discover extremal search --problem c3c4 --n 50 --time 10 --walks reattach --no-curriculum
      discover extremal lift --n 50 --time 2 --workers 1 && discover extremal search --n 44..49 --down --time 0.5 --continue --workers 1
      discover extremal search --n 50 --seed-family semiplane --time 1 --workers 1
    """
    from discover.extremal.engine import ENGINE, ExtremalSearchSpec, best_per_size, continued_from_store
    from discover.extremal.engine import family_seeds, read_graph_file
    from discover.extremal.problems import get_problem
    from discover.runner.local import default_workers

    seeds = read_graph_file(seed_file, get_problem(problem).max_n + 4) if seed_file else ()
    if seed_family is not None:
        seeds = family_seeds(seed_family, problem, sizes) + seeds
    lanes = restarts if restarts is not None else (run_options.workers or default_workers())
    spec = ExtremalSearchSpec.from_cli(problem, sizes, seconds, seed, lanes, not no_curriculum, passes, seeds,
                                       stop_at, walks, rounds, down=down)
    if resume_best and run_options.resume is None:
        spec = continued_from_store(spec, run_options.store)
    summary = execute(ENGINE, spec, run_options, as_json)
    emit_records(best_per_size(summary.records), as_json, COLUMNS, empty="no valid graph found in the time given")
    emit_summary(summary, as_json)


@group.command("lift")
@click.option("--problem", default="c3c4", show_default=True, metavar="NAME",
              help="The problem: c3c4 (girth >= 5) only; the lift kernel checks 3- and 4-cycles.")
@click.option("--n", "sizes", required=True, metavar="N|LO..HI",
              help="Number of vertices: one size, a range LO..HI or a list; sizes 1..400. A size is searched "
                   "as k x m (k base vertices, a group of order m, k <= --max-base); a prime above --max-base "
                   "has no lift and gives no graph.")
@click.option("--time", "seconds", type=float, default=10.0, show_default=True, metavar="SECONDS",
              help="Time per size (all sizes together at most one week).")
@click.option("--max-base", type=int, default=16, show_default=True, metavar="K",
              help="Most base vertices of a lift, 1..64 (more: more groups and slower moves).")
@click.option("--base", "bases", default=None, metavar="K|K1,K2,...",
              help="Only lifts with these numbers of base vertices (each at most --max-base); default: all.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed, 0..2^62-1.")
@json_option
@runner_options
def lift_cmd(problem, sizes, seconds, max_base, bases, seed, as_json, run_options):
    """Search graphs of girth >= 5 with a group acting on them: voltage lifts k x G.

    At n = k m vertices the graph is the lift of voltage edges (u, v, g) on k base vertices over a
    group G of order m (cyclic, dihedral, products and other split metacyclic groups): each voltage
    edge gives the m edges (u, h) - (v, hg). The search picks the voltage edges (iterated greedy over
    edge orbits, girth checked at one vertex per fibre) and shares the time among the (k, G) by
    successive halving. The Petersen and Hoffman-Singleton graphs are such lifts. Each graph is
    re-checked from its edge list and stored as an `extremal search` record (the construction in
    its payload); `discover extremal search --continue` then adds the edges the symmetry forbids.

    \b
    Examples:
      discover extremal lift --n 50 --time 5
      discover extremal lift --n 10..12 --time 1 --workers 1 --json
      discover extremal lift --n 96 --base 6 --time 8
    """
    from discover.extremal.engine import best_per_size
    from discover.extremal.lift.engine import ENGINE, LiftSpec

    spec = LiftSpec.from_cli(problem, sizes, seconds, seed, max_base, bases)
    summary = execute(ENGINE, spec, run_options, as_json)
    emit_records(best_per_size(summary.records), as_json, LIFT_COLUMNS, empty="no size had a lift")
    emit_summary(summary, as_json)


@group.command("check")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--problem", default="c3c4", show_default=True, metavar="NAME", help="The problem to check against.")
@json_option
@runner_options
def check_cmd(path, problem, as_json, run_options):
    """Check the graphs of a graph6 file (one per line, at most 10,000 graphs of at most 400 vertices, 64
    for Ramsey problems) against a problem; store those that pass.

    Each graph is re-checked from its edge list (girth, 4-cycles, cliques and independent sets) and
    compared with the published value. Graphs that fail are named on stderr, in one line (exit status 1).

    \b
    Example:
      printf 'IheA@GUAo\\n' > petersen.g6 && discover extremal check petersen.g6 --problem c3c4
    """
    from discover.errors import RuntimeFailure
    from discover.extremal.engine import CHECK_ENGINE, ExtremalCheckSpec, read_graph_lines
    from discover.extremal.problems import get_problem

    lines = read_graph_lines(path, get_problem(problem).max_n)
    spec = ExtremalCheckSpec(problem=problem, graphs=tuple(text for _, text in lines))
    summary = execute(CHECK_ENGINE, spec, run_options, as_json)
    emit_records(summary.records, as_json, COLUMNS[:4] + COLUMNS[5:], empty="no graph passed the check")
    emit_summary(summary, as_json)
    failed = sorted(summary.unverified, key=lambda r: r.payload["index"])
    if failed:
        shown = "; ".join(f"line {lines[r.payload['index']][0]}: {r.payload['reason']}" for r in failed[:5])
        more = f"; and {len(failed) - 5} more" if len(failed) > 5 else ""
        raise RuntimeFailure(f"{path}: {len(failed)} of {len(lines)} graph(s) fail {spec.problem}: {shown}{more}")


SHOW_FORMATS = ("graph6", "edgelist", "png")


@group.command("show")
@click.argument("key")
@click.option("--format", "fmt", default="graph6", show_default=True, metavar="graph6|edgelist|png",
              help="graph6 text, an edge list (one 'u v' per line), or a PNG drawing.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Where to write the PNG (default: extremal-KEY.png in the current folder).")
@store_option
def show_cmd(key, fmt, output, store):
    """Show a stored graph by its key (or a unique prefix of it).

    \b
    Example:
      discover extremal show 3f2a --format edgelist
    """
    from discover.errors import InputError
    from discover.extremal import graph6
    from discover.store import Store

    if fmt not in SHOW_FORMATS:
        raise InputError(f"--format {fmt!r}: expected one of {', '.join(SHOW_FORMATS)}")
    with Store(store, create=False) as db:
        row = db.conjecture(key)
    rec = row.record
    if not rec.engine.startswith("extremal"):
        raise InputError(f"KEY {key!r}: {rec.key[:12]} is a {rec.engine} record, not an extremal graph")
    text = rec.payload["graph6"]
    n, edges = graph6.decode(text)
    if fmt == "graph6":
        click.echo(text)
    elif fmt == "edgelist":
        click.echo(f"# {rec.statement}; n={n}, edges={len(edges)}")
        for u, v in edges:
            click.echo(f"{u} {v}")
    else:
        from discover.extremal.draw import draw_png

        path = output or f"extremal-{rec.key[:12]}.png"
        draw_png(n, edges, path, title=rec.statement)
        click.echo(path)


@group.command("problems")
def problems_cmd():
    """List the problems the search knows.

    \b
    Example:
      discover extremal problems
    """
    from cli.common import print_table
    from discover.extremal.problems import CYCLE_PROBLEMS, get_problem

    rows = [[p.name, p.title, p.oeis or "-"] for p in CYCLE_PROBLEMS.values()]
    for s, t in ((3, 3), (3, 4), (3, 5), (4, 4)):
        p = get_problem(f"ramsey-{s}-{t}")
        rows.append([p.name, p.title, "-"])
    rows.append(["ramsey-S-T", "any 2 <= S, T <= 5", "-"])
    print_table(rows, ["problem", "what", "OEIS"])


@group.command("learn")
@click.option("--problem", default="c3c4", show_default=True, metavar="NAME", help="An edges problem (see `problems`).")
@click.option("--n", "sizes", default="24,30,36,42", show_default=True, metavar="N,N,...",
              help="Training sizes (8..64): each round records one walk per size and seed.")
@click.option("--rounds", type=int, default=3, show_default=True,
              help="Self-play rounds after round 0 (which records the tabu rule), 1..10.")
@click.option("--seeds", type=int, default=2, show_default=True, help="Walks per size and round, 1..16.")
@click.option("--steps", type=int, default=3000, show_default=True, help="Steps per walk, 100..100,000.")
@click.option("--hidden", type=int, default=16, show_default=True, help="Hidden units of the network, 1..256.")
@click.option("--band", type=int, default=0, show_default=True,
              help="How far below the best hand score a candidate flip may be, 0..4 (0: the network breaks ties).")
@click.option("--beta", type=float, default=2.0, show_default=True, help="Weight of the hand score in the logit, (0, 100].")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False),
              help="Where to write the policy (.npz; a .json beside it records the rounds).")
@json_option
def learn_cmd(problem, sizes, rounds, seeds, steps, hidden, band, beta, seed, output, as_json):
    """Train the policy of the learned walk (`search --walks learned`) by self-play; needs torch (extra `learn`).

    Round 0 records walks of the tabu rule; each round fits a small permutation-equivariant network that
    scores candidate flips to the moves that preceded new best graphs, and the next round records the new
    policy's own walks. The policy of the round whose walks scored best is written (NumPy .npz: the
    search reads it without torch). Table: the mean best edges of each round's walks by size.

    \b
    Example:
      discover extremal learn --n 20 --rounds 1 --seeds 1 --steps 300 --output policy.npz
    """
    import importlib.util
    import json
    from pathlib import Path

    from cli.common import print_table
    from discover.errors import InputError, RuntimeFailure
    from discover.extremal.learn.train import TrainSpec, self_play
    from discover.extremal.learn import weights as W

    try:
        size_list = tuple(int(x) for x in sizes.split(","))
    except ValueError:
        raise InputError(f"--n: {sizes!r}: expected sizes separated by commas, e.g. 24,30,36") from None
    if not output.endswith(".npz"):
        raise InputError(f"--output: {output!r} must end in .npz")
    if not Path(output).resolve().parent.is_dir():
        raise InputError(f"--output: the folder of {output!r} does not exist")
    spec = TrainSpec(problem=problem, rounds=rounds, sizes=size_list, seeds=seeds, steps=steps, hidden=hidden,
                     band=band, beta=beta, seed=seed)
    # torch is imported only to fit (the recording runs without it), but it must be there
    if importlib.util.find_spec("torch") is None:
        raise RuntimeFailure("extremal learn needs torch: pip install 'discover[learn]'")
    policy, rows, chosen = self_play(spec, log=(lambda m: None) if as_json else click.echo)
    W.save(policy, output, problem=spec.problem, chosen_round=chosen)
    record = {"spec": {k: getattr(spec, k) for k in spec.__dataclass_fields__}, "rounds": rows,
              "chosen_round": chosen, "policy": output}
    Path(output[:-4] + ".json").write_text(json.dumps(record, indent=1))
    if as_json:
        click.echo(json.dumps(record))
        return
    print_table([[r["round"], r["policy"], r["steps"], r["collect_seconds"], r.get("fit_seconds", "-"),
                  ", ".join(f"{n}: {e:.2f}" for n, e in r["mean_best_edges"].items())] for r in rows],
                ["round", "walks recorded", "steps", "record s", "fit s", "mean best edges by n"])
    click.echo(f"policy of round {chosen} written to {output}")
