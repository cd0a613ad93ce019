"""``discover cayley mine``: growth across sizes, then quasi-polynomial conjectures, as one run."""

from __future__ import annotations

import click

from cli.cayley import MEMORY_HELP, _memory_bytes
from cli.common import emit_records, emit_summary, execute, json_option, print_table, runner_options
from discover.cayley.limits import MAX_FAMILY_N, MAX_MINE_SIZES, MAX_MODULUS


@click.command("mine")
@click.option("--generators", "families", required=True, metavar="NAME[,NAME...]",
              help="Named generating sets, comma-separated.")
@click.option("--n", "size_range", required=True, metavar="LO..HI",
              help=f"Sizes: LO..HI, or a list 4,6,8 (1..{MAX_FAMILY_N}, at most {MAX_MINE_SIZES} sizes).")
@click.option("--modulus", type=int, default=None, metavar="P",
              help=f"Modulus for matrix families, 2 <= P <= {MAX_MODULUS}.")
@click.option("--max-modulus", type=int, default=4, show_default=True,
              help="Try quasi-polynomials with period 1..this (at most 8).")
@click.option("--memory", "memory_gb", type=float, default=None, metavar="GB", help=MEMORY_HELP)
@json_option
@runner_options
def mine_cmd(families, size_range, modulus, max_modulus, memory_gb, as_json, run_options):
    """Compute growth across sizes and conjecture formulas for the diameter (and last layer size).

    One shard per family and size (so --backend ray runs them in parallel). Then, per family, a
    quasi-polynomial (a polynomial in n with rational coefficients per residue of n mod 1..4) is fitted
    on part of the sizes and kept only if it predicts every other computed size exactly, with at least two
    predicted (held-out) sizes in every residue class. Growth and fits are one run: `discover resume
    RUN_ID` after an interruption finishes both.

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


command = mine_cmd
