"""``discover cayley``: growth functions, diameters and conjectures about Cayley graphs.

Thin: options -> :class:`discover.cayley.engine.GrowthSpec` / ``FitSpec`` -> runner -> store -> table or
JSON. The library (Numba kernels, sympy) is imported inside the commands so ``discover --help`` stays fast.
"""

from __future__ import annotations

import click

from discover.cayley.limits import MAX_FAMILY_N, MAX_MINE_SIZES
from cli.common import emit_records, emit_summary, execute, json_option, print_table, runner_options


@click.group(name="cayley")
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
    return None if memory_gb is None else int(memory_gb * 2**30)


@group.command("growth")
@click.option("--generators", "family", default=None, metavar="NAME",
              help="A named generating set (see `discover cayley families`), e.g. lrx, pancake, heisenberg.")
@click.option("--n", "n", type=int, default=None, help="The size: degree of the permutations or of the matrices.")
@click.option("--perm", "perms", multiple=True, metavar="PERM",
              help="A generator in cycle notation '(1 2 3)(4 5)' (points 1..n, as in GAP) or one-line form "
                   "'[2,3,1,5,4]'. Repeatable.")
@click.option("--matrix", "matrices", multiple=True, metavar="M",
              help="A generator matrix '[[1,1],[0,1]]' or '1 1; 0 1' (with --modulus). Repeatable.")
@click.option("--modulus", type=int, default=None, metavar="P", help="Work mod P (matrix groups).")
@click.option("--start", default=None, metavar="WORD",
              help="Grow the orbit of a word or vector instead of the group (a Schreier coset graph), "
                   "e.g. 0011 for binary strings under S_4, or 1,0 for vectors under matrices.")
@click.option("--inverse-closed", is_flag=True,
              help="Add the inverse of every generator (as GAP's growth function does).")
@click.option("--engine", type=click.Choice(["auto", "bitmap", "frontier"]), default="auto", show_default=True,
              help="bitmap: ranked 2-bit array (full permutation groups, unitriangular matrix groups mod p); "
                   "frontier: sorted exact keys (anything).")
@click.option("--memory", "memory_gb", type=float, default=None, metavar="GB",
              help="Memory limit (default: the memory available now); larger searches are refused up front.")
@click.option("--last-layer", "last_layer_limit", type=click.IntRange(min=0), default=20, show_default=True,
              help="List the vertices of the last layer when there are at most this many.")
@json_option
@runner_options
def growth_cmd(family, n, perms, matrices, modulus, start, inverse_closed, engine, memory_gb, last_layer_limit,
               as_json, run_options):
    """Layer sizes (growth function), diameter and order of a Cayley or Schreier coset graph.

    Layer k holds the elements at distance k from the identity (or from --start). Full permutation
    groups and unitriangular matrix groups mod p (Heisenberg) use the ranked bitmap engine (1 or 2 bits per
    element, both cores); cosets, other matrix groups and sparse groups use the frontier search over
    exact packed keys. The layer sizes are checked against
    the group order (Schreier-Sims) or orbit size when that is known.

    \b
    Examples:
      discover cayley growth --generators lrx --n 8
      discover cayley growth --perm "(1 2)" --perm "(1 2 3 4 5)" --json
      discover cayley growth --generators coxeter --n 6 --start 000111
      discover cayley growth --generators heisenberg --modulus 5
      discover cayley growth --matrix "[[1,1],[0,1]]" --matrix "[[1,0],[1,1]]" --modulus 7 --inverse-closed
    """
    from discover.cayley.engine import GROWTH_ENGINE, GrowthSpec

    spec = GrowthSpec(
        families=(family,) if family else (),
        sizes=(n,) if n is not None else (),
        perms=tuple(perms),
        matrices=tuple(matrices),
        modulus=modulus,
        start=start,
        inverse_closed=inverse_closed,
        engine=engine,
        memory=_memory_bytes(memory_gb),
        last_layer_limit=last_layer_limit,
    )
    spec.check_memory()
    summary = execute(GROWTH_ENGINE, spec, run_options, as_json)
    if as_json:
        emit_records(summary.records, True, [])
    else:
        for r in summary.records:
            p = r.payload
            name = r.statement.split(":")[0]
            click.echo(f"{name}: order {p['order']:,}, diameter {p['diameter']}"
                       f"{' (directed)' if p['directed'] else ''}, verified: {r.verification.get('order_check')}")
            click.echo(f"layer sizes: {_sizes(r)}")
            if p["last_layer"]:
                click.echo(f"last layer ({p['last_layer_size']}): " + "  ".join(p["last_layer"]))
            else:
                click.echo(f"last layer: {p['last_layer_size']:,} elements")
    emit_summary(summary, as_json)


@group.command("mine")
@click.option("--generators", "families", required=True, metavar="NAME[,NAME...]",
              help="Named generating sets, comma-separated.")
@click.option("--n", "size_range", required=True, metavar="LO..HI", help="Sizes: LO..HI, or a list 4,6,8.")
@click.option("--modulus", type=int, default=None, metavar="P", help="Modulus for matrix families.")
@click.option("--max-modulus", type=click.IntRange(1, 8), default=4, show_default=True,
              help="Try quasi-polynomials with period 1..this.")
@click.option("--memory", "memory_gb", type=float, default=None, metavar="GB",
              help="Memory limit per graph (default: the memory available now).")
@json_option
@runner_options
def mine_cmd(families, size_range, modulus, max_modulus, memory_gb, as_json, run_options):
    """Compute growth across sizes and conjecture formulas for the diameter (and last layer size).

    One shard per family and size (so --backend ray runs them in parallel). Then, per family, a
    quasi-polynomial (a polynomial in n with rational coefficients per residue of n mod 1..4) is fitted
    on part of the sizes and kept only if it predicts every other computed size exactly.

    \b
    Example:
      discover cayley mine --generators lrx,coxeter --n 4..9
    """
    from discover.cayley.engine import MINE_ENGINE, MineSpec, mined_growth
    from discover.sizes import parse_sizes

    names = tuple(f.strip() for f in families.split(",") if f.strip())
    spec = MineSpec(families=names, sizes=parse_sizes(size_range, "--n", 1, MAX_FAMILY_N, MAX_MINE_SIZES),
                    modulus=modulus, memory=_memory_bytes(memory_gb), last_layer_limit=0, max_modulus=max_modulus)
    spec.check_memory()
    summary = execute(MINE_ENGINE, spec, run_options, as_json)
    growth_records = [record for _, _, record in mined_growth(spec, summary.records)]
    conjectures = [r for r in summary.records if r.kind == "conjecture"]
    if as_json:
        emit_records(growth_records + conjectures, True, [])
    else:
        print_table([[family, str(n), f"{r.payload['order']:,}", str(r.payload["diameter"]),
                      str(r.payload["last_layer_size"])] for family, n, r in mined_growth(spec, summary.records)],
                    ["family", "n", "order", "diameter", "last layer"], title="computed")
        emit_records(conjectures, False, [
            ("family", lambda r: r.payload["family"]),
            ("quantity", lambda r: r.payload["quantity"]),
            ("formula", lambda r: r.statement.split(": ", 1)[1]),
            ("n >=", lambda r: r.payload["n_min"]),
            ("fitted on", lambda r: ",".join(map(str, r.payload["fitted_on"]))),
            ("predicted", lambda r: ",".join(map(str, r.payload["predicted"]))),
        ], title="conjectures", empty="no formula predicts the computed sizes")
    emit_summary(summary, as_json)


@group.command("families")
def families_cmd():
    """List the named generating sets.

    \b
    Example:
      discover cayley families
    """
    from discover.cayley.families import FAMILIES

    print_table([[f.name, f.kind, str(f.min_n) if f.min_n else "fixed", f.summary] for f in FAMILIES.values()],
                ["name", "group", "n >=", "generators"])
