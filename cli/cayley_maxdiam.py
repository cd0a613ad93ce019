"""``discover cayley maxdiam``: the largest diameter over the generating sets of S_n of a shape."""

from __future__ import annotations

import click

from cli.common import emit_records, emit_summary, execute, json_option, runner_options

SHAPE_HELP = ("Classes of the generators, comma-separated: inv (any involution), a cycle type such as 2^3 "
              "(three 2-cycles) or 3.2 (a 3-cycle and a 2-cycle), n or n-1 (a cycle of that length); or a named "
              "shape: three-involutions, two-involutions (dihedral: refused for n >= 4), involution-cycle[:K], "
              "cycle-transposition[:K] (K-cycle, default the n-cycle).")


@click.command("maxdiam")
@click.option("--n", "size_range", required=True, metavar="LO..HI", help="Sizes: LO..HI or a list (2..12).")
@click.option("--shape", required=True, metavar="SHAPE", help=SHAPE_HELP)
@click.option("--exhaustive-limit", type=int, default=10_000, show_default=True,
              help="List every set up to conjugacy when there are at most this many (1..1,000,000); else sample.")
@click.option("--sample", type=int, default=500, show_default=True,
              help="Sets drawn per size beyond the exhaustive limit (1..100,000).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the sample.")
@click.option("--keep", type=int, default=20, show_default=True, help="Maximisers listed per size (1..1000).")
@click.option("--drawing", type=click.Choice(["square-whiskers", "path", "tree"]), default=None,
              help="Only the sets of involutions whose drawing (points as vertices, transpositions as edges) is "
                   "of this kind: square-whiskers = one 4-cycle with paths hanging from it.")
@json_option
@runner_options
def maxdiam_cmd(size_range, shape, exhaustive_limit, sample, seed, keep, drawing, as_json, run_options):
    """Largest diameter of the (undirected) Cayley graph of S_n over generating sets of a shape.

    The sets are enumerated up to simultaneous conjugacy (one canonical form per orbit: the least
    breadth-first standardisation over start points, generator orderings and inversions), kept when they
    generate S_n (or A_n when every generator is even; Schreier-Sims), and their diameters computed by
    the bitmap BFS in shards (--backend ray spreads them). Exhaustive while a size has at most
    --exhaustive-limit sets, else --sample of them (seeded; the record says "sampled, K of M"). Then, per
    size, the maximum with its maximisers and their growth (each re-checked by a second BFS engine), and
    for three involutions whether the square-with-whiskers family attains it. Limits: n <= 12; a size's
    BFS work (sets x n!) at most 10^12 states.

    \b
    Example:
      discover cayley maxdiam --n 4..6 --shape three-involutions
    """
    from discover.cayley.maxdiam.engine import MAX_N, MAXDIAM_ENGINE, MaxDiamSpec
    from discover.sizes import parse_sizes

    spec = MaxDiamSpec(shape=shape.strip(), sizes=parse_sizes(size_range, "--n", 2, MAX_N, MAX_N),
                       exhaustive_limit=exhaustive_limit, sample=sample, seed=seed, keep=keep,
                       drawing=drawing or "")
    summary = execute(MAXDIAM_ENGINE, spec, run_options, as_json)
    maxima = sorted((r for r in summary.records if r.kind == "maximum"), key=lambda r: r.payload["n"])
    emit_records(maxima, as_json, [
        ("n", lambda r: r.payload["n"]),
        ("group", lambda r: r.payload["group"].replace("_n", f"_{r.payload['n']}")),
        ("sets", lambda r: f"{r.payload['generating']:,} of {r.payload['examined']:,}"),
        ("enumerated", lambda r: r.payload["mode"] if r.payload["mode"] == "exhaustive" else
         f"sampled of {'' if r.payload['total_exact'] else '~'}{r.payload['total']:,}"),
        ("max diameter", lambda r: r.payload["max_diameter"]),
        ("maximisers", lambda r: len(r.payload["maximisers"])),
        ("first maximiser", lambda r: r.payload["maximisers"][0]["cycles"] if r.payload["maximisers"] else "-"),
        ("square_whiskers", _whiskers_cell),
    ], title=f"maximum diameter, {shape}",
        empty="no set of this shape generates S_n (or A_n, for even classes) at these sizes")
    emit_summary(summary, as_json)


def _whiskers_cell(record) -> str:
    w = record.payload["whiskers"]
    if not w:
        return "-"
    pattern = "a maximiser is a square with whiskers" if w["pattern_attains_maximum"] else "no maximiser is one"
    if w["diameter"] is None:
        return f"no member generates S_n; {pattern}"
    where = "attains" if w["attains_maximum"] else "above the sample's" if w["exceeds_sampled_maximum"] else "below"
    return f"{w['diameter']} ({where}: {', '.join(w['best'])}); {pattern}"


command = maxdiam_cmd
