"""``discover cf relations``: the table of integer relations among several constants and their products.

Thin: options -> :class:`discover.cf.search.relations.RelationsSpec` (validated there) -> runner -> store
-> table or JSON.
"""

from __future__ import annotations

import click

from cli.common import emit_records, emit_summary, execute, json_option, runner_options
from discover.cf.search.relations import MAX_CONSTANTS, MAX_DIGITS, MIN_DIGITS


@click.command(name="relations")
@click.option("--constants", required=True, metavar="LIST",
              help=f"Constants, comma-separated: registry names (pi, e, zeta3, log2, catalan, ...) or expressions "
                   f"(log(4)); 2..{MAX_CONSTANTS}.")
@click.option("--digits", type=int, default=60, show_default=True,
              help=f"Digits D of the lattice search ({MIN_DIGITS}..{MAX_DIGITS}); each relation is re-checked with "
                   "the constants at 2 D + 20 digits.")
@click.option("--products/--no-products", default=True, show_default=True,
              help="Also search relations among the pairwise products and squares of the constants.")
@json_option
@runner_options
def command(constants, digits, products, as_json, run_options):
    """Find every independent integer relation among several constants (and their products) by LLL.

    Stage 1 looks for relations u0 + u1 C1 + ... + uk Ck = 0 (FLINT's LLL at increasing precision up to
    D digits); each relation found removes one constant from the basis, and the search repeats until none
    is left. Stage 2 does the same with the constants left, their pairwise products and squares. A
    relation is accepted only when its size (sum log10(2|u|+1), plus the log of the searches made) is at
    most D/2 + 1, and stored only after it holds to 2 D digits with every constant recomputed at
    2 D + 20 digits. Random reals give no relation; "none found" means none of that size at D digits.

    \b
    Example:
      discover cf relations --constants pi,zeta2,log2,li2_1_2 --digits 60
    """
    from discover.cf.search.relations import ENGINE, RelationsSpec

    spec = RelationsSpec(constants=tuple(c for c in _split(constants)), digits=digits, products=products)
    summary = execute(ENGINE, spec, run_options, as_json)
    columns = [
        ("relation", lambda r: r.payload["relation"]),
        ("stage", lambda r: r.payload["stage"]),
        ("size (digits)", lambda r: f"{r.payload['relation_digits']:.2f}"),
        ("holds to (digits)", lambda r: f"{r.payload['agreement_digits']:.0f}"),
    ]
    emit_records(summary.records, as_json, columns,
                 empty=f"no relation among {', '.join(spec.constants)}"
                       + (" and their products" if products else "") + f" at {digits} digits")
    emit_summary(summary, as_json)


def _split(text: str) -> list[str]:
    """Comma-separated names; commas inside parentheses (besseli(0,2)) do not split."""
    from discover.cf.constants import parse_constants

    return [c.name for c in parse_constants(text)]
