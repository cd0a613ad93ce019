"""``discover cayley``: growth functions, diameters and conjectures about Cayley graphs.

Thin: options -> :class:`discover.cayley.engine.GrowthSpec` / ``MineSpec`` -> runner -> store -> table or
JSON. The library (Numba kernels, sympy) is imported inside the commands so ``discover --help`` stays fast.
"""

from __future__ import annotations

import click

from cli.common import LazyGroup, emit_records, emit_summary, execute, json_option, print_table, runner_options
from discover.cayley.limits import (MAX_DEPTH, MAX_FAMILY_N, MAX_GAP_BYTES, MAX_KEPT_STATES, MAX_LAST_LAYER,
                                    MAX_MATRIX_DEGREE,
                                    MAX_MEMORY_GB, MAX_MODULUS, MAX_PARTIAL_FAMILY_N, MAX_PERM_DEGREE,
                                    MAX_STATES)


@click.group(name="cayley", cls=LazyGroup, lazy={"mine": "cli.cayley_mine:command", "maxdiam": "cli.cayley_maxdiam:command"})
def group():
    """Cayley graphs of permutation and matrix groups: growth, diameters, conjectures.

    \b
    Example:
      discover cayley growth --generators pancake --n 8
    """


def _sizes(record) -> str:
    sizes = record.payload["layer_sizes"]
    text = ",".join(map(str, sizes))
    return text


def _memory_bytes(memory_gb):
    """--memory GB as bytes, checked (0 < GB <= MAX_MEMORY_GB; nan and inf are refused)."""
    from discover.errors import InputError

    if memory_gb is None:
        return None
    if not 0 < memory_gb <= MAX_MEMORY_GB:  # also false for nan
        raise InputError(f"--memory {memory_gb}: must be more than 0 and at most {MAX_MEMORY_GB:g} GB")
    return int(memory_gb * 2**30)


def _count(text, option, low, high):
    """A whole number option checked against low..high (one line naming the option otherwise)."""
    from discover.errors import InputError

    if text is None:
        return None
    raw = str(text).strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 15 or not low <= int(raw) <= high:
        raise InputError(f"{option} {text!r}: must be a whole number {low}..{high:,}")
    return int(raw)


def _layer_list(text):
    """--layers K,... (layer indices, ranges allowed: 0..3,7)."""
    from discover.sizes import parse_sizes

    return () if text is None else tuple(sorted(parse_sizes(text, "--layers", 0, MAX_DEPTH, max_count=1000)))


def _size(text):
    """--n of growth: one size (the limit depends on what is grown; the spec checks it)."""
    from discover.sizes import parse_sizes

    return None if text is None else parse_sizes(text, "--n", 1, MAX_PERM_DEGREE, max_count=1)[0]


MEMORY_HELP = (f"Memory limit in GB, at most {MAX_MEMORY_GB:g} (default: 80% of the memory available now); "
               "a search whose estimate is larger is refused before it starts.")


def _family(family, params):
    """--generators NAME[:V...] with --param NAME=V folded in (the family text the spec carries)."""
    from discover.cayley.families import family_text
    from discover.errors import InputError

    if family is None:
        if params:
            raise InputError("--param: only with --generators NAME")
        return ()
    return (family_text(family, tuple(params)),)


def _gap_text(path):
    """The text of --gap FILE, read at the edge (bounded, UTF-8 checked: discover.textfile)."""
    from discover.cayley.limits import MAX_GAP_BYTES
    from discover.textfile import read_text_file

    return "" if path is None else read_text_file(path, f"--gap {path}", MAX_GAP_BYTES)


PARAM_HELP = ("A family parameter NAME=V (repeatable), e.g. --generators lrx --param k=2; the same as "
              "--generators lrx:2. Parameters are whole numbers up to 1000; `discover cayley families` lists them.")


@group.command("growth")
@click.option("--generators", "family", default=None, metavar="NAME[:V...]",
              help="A named generating set (see `discover cayley families`), e.g. lrx, pancake, heisenberg, "
                   "consecutive_k_cycles:3, cube_3x3x3_htm.")
@click.option("--param", "params", multiple=True, metavar="NAME=V", help=PARAM_HELP)
@click.option("--gap", "gap_file", default=None, metavar="FILE",
              help="A puzzle in GAP syntax (M_F:=(1,2,3)...; Gen:=[...]; ip:=[[...]]), e.g. from "
                   "PuzzleGeometry; errors name the line. At most 16 MiB and 1000 generators.")
@click.option("--n", "n", default=None, metavar="N",
              help=f"The size: degree of the permutations or of the matrices (a family: n <= {MAX_FAMILY_N}; "
                   f"--perm: n <= {MAX_PERM_DEGREE}; --matrix: n <= {MAX_MATRIX_DEGREE}).")
@click.option("--perm", "perms", multiple=True, metavar="PERM",
              help=f"A generator in cycle notation '(1 2 3)(4 5)' (points 1..n, as in GAP; n <= {MAX_PERM_DEGREE}) "
                   "or one-line form '[2,3,1,5,4]'. Repeatable.")
@click.option("--matrix", "matrices", multiple=True, metavar="M",
              help=f"A generator matrix '[[1,1],[0,1]]' or '1 1; 0 1' (with --modulus; at most "
                   f"{MAX_MATRIX_DEGREE}x{MAX_MATRIX_DEGREE}). Repeatable.")
@click.option("--modulus", type=int, default=None, metavar="P",
              help=f"Work mod P, 2 <= P <= {MAX_MODULUS} (matrix groups; P need not be prime).")
@click.option("--start", "starts", multiple=True, metavar="WORD",
              help="Grow the orbit of a word or vector instead of the group (a Schreier coset graph), "
                   "e.g. 0011 for binary strings under S_4, or 1,0 for vectors under matrices. Repeatable: "
                   "the growth of the set (layer k: distance k from the nearest start).")
@click.option("--inverse-closed", is_flag=True,
              help="Add the inverse of every generator (as GAP's growth function does).")
@click.option("--engine", type=click.Choice(["auto", "bitmap", "frontier"]), default="auto", show_default=True,
              help="bitmap: ranked bit arrays (full permutation groups, signed permutations B_n at 2 bits per "
                   "element, unitriangular matrix groups mod p): "
                   "1-2 bits per element in memory or, for inverse-closed odd generators (LRX at even n, coxeter), "
                   "half a bit with the layers on disk, checkpointed per layer in "
                   "$DISCOVER_CAYLEY_CHECKPOINT/GRAPH when that is set (running the command again, or "
                   "`discover resume`, continues from the last layer); frontier: sorted exact keys (anything).")
@click.option("--memory", "memory_gb", type=float, default=None, metavar="GB", help=MEMORY_HELP)
@click.option("--last-layer", "last_layer_limit", type=int, default=20,
              show_default=True, help=f"List the vertices of the last layer when there are at most this many "
                                      f"(at most {MAX_LAST_LAYER:,}).")
@click.option("--max-depth", "max_depth", default=None, metavar="D",
              help=f"Stop after layer D (1..{MAX_DEPTH:,}): a partial search, reported as such; named families "
                   f"then go up to n = {MAX_PARTIAL_FAMILY_N}.")
@click.option("--max-layer-size", "max_layer_size", default=None, metavar="N",
              help="Stop before a layer of more than N states (a partial search; that layer is computed, then dropped).")
@click.option("--layers", "keep_layers", default=None, metavar="K,...",
              help="Keep the states of these layers (e.g. 0,1,2 or 3..5) in the record's `layers` field.")
@click.option("--layer-limit", "keep_limit", default="1000", show_default=True, metavar="N",
              help=f"The most states of one layer --layers keeps (at most {MAX_KEPT_STATES:,}); a larger "
                   "layer stops the run (exit 1).")
@click.option("--spectrum", is_flag=True,
              help="Also the adjacency spectrum (eigenvalues, numpy), stored with the growth; graphs of at most "
                   "10,000 vertices.")
@json_option
@runner_options
def growth_cmd(family, params, gap_file, n, perms, matrices, modulus, starts, inverse_closed, engine, memory_gb,
               last_layer_limit, max_depth, max_layer_size, keep_layers, keep_limit, spectrum, as_json, run_options):
    """Layer sizes (growth function), diameter and order of a Cayley or Schreier coset graph.

    --max-depth / --max-layer-size make a partial search: the first layers of a group too large to
    search whole (cubes, megaminx, S_40), marked partial; they are checked by a plain re-count of as
    many first layers as 200,000 states allow, and the memory check bounds the layers reached.

    Layer k holds the elements at distance k from the identity (or from --start). Full permutation
    groups and unitriangular matrix groups mod p (Heisenberg) use the ranked bitmap engine (1 or 2 bits per
    element, both cores); cosets, other matrix groups and sparse groups use the frontier search over
    exact packed keys. The layer sizes must sum to the group order found independently (closed form for
    a named family, Schreier-Sims for permutations and for matrices mod p acting on at most
    20,000 vectors, or the orbit size); a growth whose order cannot be checked is shown as computed but
    unverified and is not stored.

    \b
    Examples:
      discover cayley growth --generators lrx --n 8
      discover cayley growth --perm "(1 2)" --perm "(1 2 3 4 5)" --json
      discover cayley growth --generators coxeter --n 6 --start 000111
      discover cayley growth --generators heisenberg --modulus 5
      discover cayley growth --generators cube_3x3x3_htm --max-depth 3
      discover cayley growth --matrix "[[1,1],[0,1]]" --matrix "[[1,0],[1,1]]" --modulus 7 --inverse-closed
    """
    from discover.cayley.engine import GROWTH_ENGINE, GrowthSpec

    spec = GrowthSpec(
        families=_family(family, params),
        sizes=(_size(n),) if n is not None else (),
        perms=tuple(perms),
        gap=_gap_text(gap_file),
        gap_source=f"--gap {gap_file}",
        matrices=tuple(matrices),
        modulus=modulus,
        start=starts[0] if starts else None,
        more_starts=tuple(starts[1:]),
        inverse_closed=inverse_closed,
        engine=engine,
        memory=_memory_bytes(memory_gb),
        last_layer_limit=last_layer_limit,
        max_depth=_count(max_depth, "--max-depth", 1, MAX_DEPTH),
        max_layer_size=_count(max_layer_size, "--max-layer-size", 1, MAX_STATES),
        keep_layers=_layer_list(keep_layers),
        keep_limit=_count(keep_limit, "--layer-limit", 0, MAX_KEPT_STATES),
        spectrum=spectrum,
    )
    spec.check_memory()
    summary = execute(GROWTH_ENGINE, spec, run_options, as_json)
    if as_json:
        emit_records(summary.records + summary.unverified, True, [])
    else:
        for r in summary.records + summary.unverified:
            p = r.payload
            name = r.statement.split(": ")[0]
            label = "verified" if r.verified else "NOT VERIFIED, not stored"
            if p.get("partial"):
                click.echo(f"{name}: PARTIAL, {p['depth']} layers after the start, {p['states']:,} states "
                           f"(stopped by {p['stopped_by'].replace('_', '-')}), {label}: "
                           f"{r.verification.get('order_check')}")
            else:
                click.echo(f"{name}: order {p['order']:,}, diameter {p['diameter']}"
                           f"{' (directed)' if p['directed'] else ''}, {label}: {r.verification.get('order_check')}")
            click.echo(f"layer sizes: {_sizes(r)}")
            if p.get("spectrum"):
                from collections import Counter

                counts = Counter(round(x, 6) + 0.0 for x in p["spectrum"])
                click.echo("spectrum: " + ", ".join(f"{x:g}" + (f"^{c}" if c > 1 else "")
                                                    for x, c in sorted(counts.items(), reverse=True)))
            if p["last_layer"]:
                click.echo(f"last layer ({p['last_layer_size']}): " + "  ".join(p["last_layer"]))
            else:
                click.echo(f"last layer: {p['last_layer_size']:,} elements")
    emit_summary(summary, as_json)


@group.command("families")
def families_cmd():
    """List the named generating sets, their parameters and references (docs/cayley.md defines each).

    A parameter is given as NAME:V (the parameters in order: consecutive_k_cycles:3, globe:2:3) or with
    --param k=V.

    \b
    Example:
      discover cayley families
    """
    from discover.cayley.families import FAMILIES

    def params(f):
        return ", ".join(p.name + (f"={p.default}" if p.default is not None else " (required)") for p in f.params)

    print_table([[f.name, f.kind, str(f.min_n) if f.min_n else "fixed", params(f) or "-", f.summary, f.reference]
                 for f in FAMILIES.values()], ["name", "group", "n >=", "parameters", "generators", "reference"])



def graph_options(command):
    """The options naming one permutation graph (solve, walk, graph): a family or --perm generators."""
    options = [
        click.option("--generators", "family", default=None, metavar="NAME[:V...]",
                     help="A named generating set (see `discover cayley families`), e.g. lrx, pancake, "
                          "cube_3x3x3_htm."),
        click.option("--param", "params", multiple=True, metavar="NAME=V", help=PARAM_HELP),
        click.option("--n", "n", default=None, metavar="N", help=f"The size of the family (n <= {MAX_FAMILY_N})."),
        click.option("--perm", "perms", multiple=True, metavar="PERM",
                     help="A generator in cycle notation '(1 2 3)' or one-line form '[2,3,1]' (instead of "
                          "--generators). Repeatable."),
        click.option("--gap", "gap_file", default=None, metavar="FILE",
                     help="A puzzle in GAP syntax (generators in cycle notation, Gen:=[...], ip:=[...]), "
                          f"at most {MAX_GAP_BYTES // 1024} KiB (instead of --generators)."),
        click.option("--inverse-closed", is_flag=True, help="Add the inverse of every generator."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _solve_graph(family, params, n, perms, inverse_closed, gap_file=None, matrices=(), modulus=None):
    """The graph of `cayley solve`, `walk` and `graph` (a named family, --perm, --gap or --matrix),
    validated like growth's."""
    from discover.cayley.engine import GrowthSpec, graph_for, shards

    spec = GrowthSpec(families=_family(family, params), sizes=(_size(n),) if n is not None else (),
                      perms=tuple(perms), inverse_closed=inverse_closed, gap=_gap_text(gap_file),
                      gap_source=f"--gap {gap_file}", matrices=tuple(matrices), modulus=modulus)
    shard = next(iter(shards(spec)))
    return graph_for(spec, shard.params)


@group.command("solve")
@graph_options
@click.option("--matrix", "matrices", multiple=True, metavar="M",
              help="A generator matrix '[[1,1],[0,1]]' (with --modulus; instead of --generators). Repeatable.")
@click.option("--modulus", type=int, default=None, metavar="P",
              help=f"Matrix groups mod P, 2 <= P <= {MAX_MODULUS} (with --matrix or a matrix family).")
@click.option("--state", "states", multiple=True, metavar="STATE",
              help="A state to solve: a permutation of 1..n in one-line form '[3 1 2 4]' or cycle notation, "
                   "a matrix '[[1,2],[0,1]]' (matrix groups), or 'word:G G ...' (the start moved by these "
                   "generators, by name; GAP puzzles). Repeatable.")
@click.option("--states", "states_file", default=None, metavar="FILE",
              help="A file of states, one a line (blank lines and lines starting with # are skipped).")
@click.option("--method", type=click.Choice(["auto", "exact", "beam"]), default="auto", show_default=True,
              help="exact: meet-in-the-middle BFS (shortest words; the group must fit the memory limit); beam: "
                   "beam search; auto: exact when the group fits, else beam.")
@click.option("--beam-width", "beam_width", default="4096", show_default=True, metavar="W",
              help="States kept per beam step (1..1,048,576).")
@click.option("--max-steps", "max_steps", default="1000", show_default=True, metavar="S",
              help="Beam steps before giving up (1..100,000; exit 1).")
@click.option("--ball", "ball_states", default="131072", show_default=True, metavar="N",
              help="States around the start kept with exact distances, where the beam search ends (1..16,777,216).")
@click.option("--heuristic", type=click.Choice(["auto", "hamming", "gaps", "patterns"]), default="auto",
              show_default=True, help="The beam's score: hamming (positions differing from the start), gaps "
                                      "(pancake), patterns (pattern databases); auto: gaps for pancake, else patterns.")
@click.option("--seed", "seed", default="0", show_default=True, metavar="S", help="Seed of the beam's tie-breaks.")
@click.option("--memory", "memory_gb", type=float, default=None, metavar="GB", help=MEMORY_HELP)
@json_option
def solve_cmd(family, params, n, perms, gap_file, inverse_closed, matrices, modulus, states, states_file, method,
              beam_width, max_steps, ball_states, heuristic, seed, memory_gb, as_json):
    """A word in the generators taking each state to the start, verified by applying it.

    The exact search (meet in the middle: breadth-first layers from the state and from the start,
    which meet halfway) gives a shortest word, `optimal: true`. Beyond the memory limit a beam search
    runs (Hamming distance to the start, the gap count for pancakes) and ends in a ball of exact
    distances around the start; its word is `optimal: true` only when its length equals an admissible
    lower bound. Matrix groups mod p are solved exactly (the group must fit). A state not in the group:
    exit 1. Nothing is stored.

    \b
    Examples:
      discover cayley solve --generators pancake --n 8 --state "[3 1 4 8 2 7 5 6]"
      discover cayley solve --generators cube_3x3x3_htm --state "word:x0 y2' z02 x2" --json
      discover cayley solve --generators sl2 --modulus 11 --state "[[2,3],[5,8]]"
    """
    import json

    from discover.cayley.limits import (MAX_BALL_STATES, MAX_BEAM_STEPS, MAX_BEAM_WIDTH, MAX_SOLVE_STATES)
    from discover.cayley.solve import start_ball, solve
    from discover.cayley.states import parse_state, read_states
    from discover.errors import InputError
    from discover.records import canonical_key

    width = _count(beam_width, "--beam-width", 1, MAX_BEAM_WIDTH)
    steps = _count(max_steps, "--max-steps", 1, MAX_BEAM_STEPS)
    ball_size = _count(ball_states, "--ball", 1, MAX_BALL_STATES)
    seed_value = _count(seed, "--seed", 0, 2**32 - 1)
    memory = _memory_bytes(memory_gb)
    graph = _solve_graph(family, params, n, perms, inverse_closed, gap_file, matrices, modulus)
    texts = list(states) + (read_states(states_file, MAX_SOLVE_STATES) if states_file else [])
    if not texts:
        raise InputError("--state: give a state to solve (--state PERM or --states FILE)")
    if len(texts) > MAX_SOLVE_STATES:
        raise InputError(f"--state: at most {MAX_SOLVE_STATES:,} states")
    parsed = [parse_state(graph, t) for t in texts]  # all of them checked before any search
    name = family.split(":")[0] if family else None
    from discover.cayley.solve import heuristic_name

    heuristic = heuristic_name(graph, name, heuristic)
    for state in parsed:
        if len(state) != graph.state_length:
            raise InputError(f"--state: has {len(state)} entries, the states of {graph.name} have "
                             f"{graph.state_length}")
    ball = patterns = None
    for text, state in zip(texts, parsed):
        if method != "exact" and ball is None:
            from discover.cayley.plan import memory_limit
            from discover.cayley.solve import fits_exactly

            if method == "beam" or not fits_exactly(graph, memory_limit(memory)):
                ball = start_ball(graph, ball_size)
                if heuristic == "patterns":
                    from discover.cayley.patterns import LazyPatterns

                    patterns = LazyPatterns(graph)
        out = solve(graph, state, method=method, memory_limit=memory, beam_width=width, max_steps=steps,
                    family=name, ball=ball, seed=seed_value, heuristic=heuristic, patterns=patterns)
        names = [graph.generator_names[i] if graph.generator_names else f"g{i}" for i in out.word]
        shown = graph.format_state(state)
        if as_json:
            record = {"engine": "cayley", "kind": "path",
                      "key": canonical_key("cayley.solve", "path", {"generators": sorted(map(list, graph.generators)),
                                                                   "state": list(state), "word": out.word}),
                      "statement": f"{graph.name}: {shown} solved in {out.length} moves",
                      "verified": True, "graph": graph.name, "state": shown, "word": names, "length": out.length,
                      "optimal": out.optimal, "lower_bound": out.lower_bound, "method": out.method,
                      "seconds": round(out.seconds, 4), **out.stats}
            click.echo(json.dumps(record))
        else:
            proof = "optimal" if out.optimal else f"not proven optimal, lower bound {out.lower_bound}"
            click.echo(f"{shown}: {out.length} moves ({out.method}, {proof}, verified): {' '.join(names) or '(none)'}")


@group.command("walk")
@graph_options
@click.option("--walks", "walks", default="10", show_default=True, metavar="W", help="Number of walks.")
@click.option("--length", "length", default="20", show_default=True, metavar="K", help="Steps of each walk.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--seed", "seed", default="0", show_default=True, metavar="S")
def walk_cmd(family, params, n, perms, gap_file, inverse_closed, walks, length, fmt, seed):
    """Random walks from the start (each step a generator drawn uniformly): a dataset of
    (walk, step, state) rows on stdout, JSON Lines or CSV; the state is at most `step` moves from the start.
    At most 10,000,000 rows (walks x (length + 1)).

    \b
    Example:
      discover cayley walk --generators lrx --n 8 --walks 3 --length 5 --format csv
    """
    import csv
    import json
    import sys

    from discover.cayley.limits import MAX_WALK_ROWS
    from discover.cayley.walks import random_walks
    from discover.errors import InputError

    count = _count(walks, "--walks", 1, MAX_WALK_ROWS)
    steps = _count(length, "--length", 0, MAX_WALK_ROWS)
    seed_value = _count(seed, "--seed", 0, 2**32 - 1)
    if count * (steps + 1) > MAX_WALK_ROWS:
        raise InputError(f"--walks {count} --length {steps}: {count * (steps + 1):,} rows, more than the limit "
                         f"of {MAX_WALK_ROWS:,}")
    graph = _solve_graph(family, params, n, perms, inverse_closed, gap_file)
    writer = csv.writer(sys.stdout, lineterminator="\n") if fmt == "csv" else None
    if writer:
        writer.writerow(["walk", "step", "state"])
    for w, t, state in random_walks(graph, count, steps, seed_value):
        shown = graph.format_state(state)
        if writer:
            writer.writerow([w, t, shown])
        else:
            click.echo(json.dumps({"walk": w, "step": t, "state": shown}))


@group.command("graph")
@graph_options
@click.option("--format", "fmt", type=click.Choice(["edgelist", "graph6", "adjacency"]), default="edgelist",
              show_default=True)
@click.option("--max-vertices", "max_vertices", default="100000", show_default=True, metavar="V",
              help="Refuse a graph of more vertices (at most 1,000,000; adjacency: at most 10,000).")
def graph_cmd(family, params, n, perms, gap_file, inverse_closed, fmt, max_vertices):
    """Write a small Cayley graph: vertices numbered breadth-first from the start (vertex 0), one edge
    per generator (each undirected edge once), as an edge list (networkx read_edgelist), graph6 (the
    simple graph underneath) or the adjacency matrix (generators counted).

    \b
    Example:
      discover cayley graph --generators pancake --n 4 --format graph6
    """
    from discover.cayley.export import adjacency, edges, graph6, vertices_and_neighbours
    from discover.cayley.limits import MAX_ADJACENCY_VERTICES, MAX_GRAPH_VERTICES
    from discover.errors import InputError

    top = MAX_ADJACENCY_VERTICES if fmt == "adjacency" else MAX_GRAPH_VERTICES
    limit = _count(max_vertices, "--max-vertices", 1, MAX_GRAPH_VERTICES)
    if limit > top:
        limit = top if max_vertices == "100000" else None
        if limit is None:
            raise InputError(f"--max-vertices {max_vertices}: --format adjacency writes at most {top:,} vertices")
    graph = _solve_graph(family, params, n, perms, inverse_closed, gap_file)
    if graph.kind != "perm":
        raise InputError("--generators: graphs of permutation groups only")
    from discover.cayley.engine import known_order

    order = known_order(graph)
    if order is not None and order > limit:
        raise InputError(f"--max-vertices: {graph.name} has {order:,} vertices, more than {limit:,}")
    _, targets = vertices_and_neighbours(graph, limit)
    if fmt == "graph6":
        click.echo(graph6(targets))
    elif fmt == "adjacency":
        for row in adjacency(targets):
            click.echo(" ".join(map(str, row)))
    else:
        for v, w in edges(targets, graph.undirected):
            click.echo(f"{v} {w}")
