"""``discover cayley mine``: growth across sizes (or moduli, or a family parameter), then quasi-polynomial
conjectures and a bound report, as one run."""

from __future__ import annotations

import click

from cli.cayley import MEMORY_HELP, _memory_bytes
from cli.common import emit_records, emit_summary, execute, json_option, print_table, runner_options
from discover.cayley.limits import MAX_FAMILY_N, MAX_MINE_SIZES, MAX_MODULUS, MAX_PARAM


def _values(text, over):
    """--values as integers, checked against the range of the parameter mined over."""
    from discover.errors import InputError
    from discover.sizes import parse_sizes

    if text is None or over not in ("n", "p", "k"):
        return ()  # MineSpec names what is missing or wrong
    if over == "n":
        raise InputError("--values: only with --over p or --over k (over n the sizes are --n)")
    low, high = (2, MAX_MODULUS) if over == "p" else (1, MAX_PARAM)
    return parse_sizes(text, "--values", low, high, MAX_MINE_SIZES)


@click.command("mine")
@click.option("--generators", "families", required=True, metavar="NAME[,NAME...]",
              help="Named generating sets, comma-separated (with --over k: written without k).")
@click.option("--n", "size_range", default=None, metavar="LO..HI",
              help=f"Sizes: LO..HI, or a list 4,6,8 (1..{MAX_FAMILY_N}, at most {MAX_MINE_SIZES} sizes). Over n "
                   "the fitted range (required); over p or k the fixed size(s) (default: the family's own).")
@click.option("--over", default="n", show_default=True, metavar="n|p|k",
              help="What the formulas are fitted in: n (the size), p (the modulus of a matrix family: "
                   "unitriangular, heisenberg, sl2, ...) or k (the parameter k of a family such as "
                   "consecutive_k_cycles).")
@click.option("--values", "values_text", default=None, metavar="LIST",
              help=f"The values of p or k: LO..HI or V1,V2,... (at most {MAX_MINE_SIZES}; p is 2..{MAX_MODULUS}, "
                   f"k is 1..{MAX_PARAM} and at most n).")
@click.option("--modulus", type=int, default=None, metavar="P",
              help=f"Modulus for matrix families over n, 2 <= P <= {MAX_MODULUS}.")
@click.option("--inverse-closed", is_flag=True, help="Add the inverse of every generator.")
@click.option("--max-modulus", type=int, default=4, show_default=True,
              help="Try quasi-polynomials with period 1..this (at most 8).")
@click.option("--memory", "memory_gb", type=float, default=None, metavar="GB", help=MEMORY_HELP)
@json_option
@runner_options
def mine_cmd(families, size_range, over, values_text, modulus, inverse_closed, max_modulus, memory_gb, as_json,
             run_options):
    """Compute growth over a parameter and conjecture formulas for the diameter (and last layer size).

    One shard per family and point (so --backend ray runs them in parallel). Then, per family, a
    quasi-polynomial in the parameter (a polynomial with rational coefficients per residue of the
    parameter mod 1..4) is fitted on part of the values and kept only if it predicts every other computed
    value exactly, with at least two predicted (held-out) values in every residue class that holds data;
    each conjecture says how many values it predicted. A bound report per family sets its largest
    diameter against n^2/2 + 4n (the bound the CayleyPy paper conjectures for S_n). Growth and fits are
    one run: `discover resume RUN_ID` after an interruption finishes both.

    \b
    Example:
      discover cayley mine --generators lrx,coxeter --n 4..9
      discover cayley mine --generators unitriangular --n 2 --over p --values 2..11
      discover cayley mine --generators consecutive_k_cycles --inverse-closed --n 6 --over k --values 2..6
    """
    from discover.cayley.engine import MINE_ENGINE, MineSpec, mined_growth
    from discover.sizes import parse_sizes

    names = tuple(f.strip() for f in families.split(",") if f.strip())
    sizes = () if size_range is None else parse_sizes(size_range, "--n", 1, MAX_FAMILY_N, MAX_MINE_SIZES)
    spec = MineSpec(families=names, sizes=sizes, modulus=modulus, memory=_memory_bytes(memory_gb),
                    last_layer_limit=0, max_modulus=max_modulus, over=over, values=_values(values_text, over),
                    inverse_closed=inverse_closed)
    spec.check_memory()
    summary = execute(MINE_ENGINE, spec, run_options, as_json)
    mined = sorted(mined_growth(spec, summary.records), key=lambda m: (m[0], m[1] or 0, m[2] or 0))
    conjectures = [r for r in summary.records if r.kind == "conjecture"]
    bounds = [r for r in summary.records if r.kind == "bound"]
    if as_json:
        emit_records([record for *_, record in mined] + conjectures + bounds, True, [])
    else:
        extra = [] if over == "n" else [over]
        print_table([[family, str(n), *([str(x)] if extra else []), f"{r.payload['order']:,}",
                      str(r.payload["diameter"]), str(r.payload["last_layer_size"])] for family, n, x, r in mined],
                    ["family", "n", *extra, "order", "diameter", "last layer"], title="computed")
        emit_records(conjectures, False, [
            ("family", lambda r: r.payload["family"]),
            ("quantity", lambda r: r.payload["quantity"]),
            ("formula", lambda r: r.statement.split(": ", 1)[1]),
            (f"{over} >=", lambda r: r.payload["n_min"]),
            ("fitted on", lambda r: ",".join(map(str, r.payload["fitted_on"]))),
            ("predicted", lambda r: f"{r.payload['predicted_count']}: " + ",".join(map(str, r.payload["predicted"]))),
        ], title="conjectures", empty="no formula predicts the computed values")
        emit_records(bounds, False, [
            ("family", lambda r: r.payload["family"]),
            ("largest diameter", lambda r: r.payload["largest_diameter"]),
            ("at", lambda r: f"{over} = {r.payload['at']}"),
            ("n^2/2+4n", lambda r: f"{r.payload['bound']:g}"),
            ("largest ratio", lambda r: f"{r.payload['largest_ratio']:.3f}"),
            ("within", lambda r: "yes" if r.payload["holds"] else "NO"),
        ], title="bound n^2/2 + 4n", empty="no diameters")
    emit_summary(summary, as_json)


command = mine_cmd
