"""``discover cf esma`` and ``discover cf cmf ...``: ESMA and conservative matrix fields.

Thin: options -> a validated spec (``discover.cf.esma_engine``, ``discover.cf.cmf.engine``) -> runner ->
store -> table or JSON. The library (FLINT, mpmath, sympy) is imported inside the commands so that
``discover --help`` stays fast. :func:`register` attaches both to the ``cf`` group.
"""

from __future__ import annotations

import click

from cli.common import emit_records, emit_summary, execute, json_option, print_table, runner_options


def _fmt_digits(value) -> str:
    try:
        return f"{float(value):.1f}"
    except (TypeError, ValueError):
        return "-"


@click.command("esma")
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
@json_option
@runner_options
def esma(constant, mobius_range, max_period, terms, min_digits, as_json, run_options):
    """Find signed continued fractions of a constant whose partial quotients obey a short recurrence.

    For each target x (C or a Moebius form of it) and each periodic sign pattern s, x is expanded as
    a0 + s0/(a1 + s1/(a2 + ...)) (a_i = floor or ceil of x_i by the sign), certified with interval
    arithmetic; Berlekamp-Massey looks for a linear recurrence of the a_i much shorter than the data;
    the sequence is regenerated far beyond the data and the continued fraction is evaluated exactly and
    compared with x at high precision. Approved conjectures are stored with the recurrence (connection
    polynomial coefficients, lowest degree first), the signs and the digits verified.

    \b
    Example:
      discover cf esma --constant e --mobius-range 1 --max-period 2
    """
    from discover.cf.esma_engine import ENGINE, ESMASpec

    spec = ESMASpec(constant=constant, mobius_range=mobius_range, max_period=max_period, terms=terms,
                    min_digits=min_digits)
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


@click.group(name="cmf")
def cmf():
    """Conservative matrix fields: the library, checks, walks, searches, the f/fbar fit, locating PCFs.

    \b
    Example:
      discover cf cmf walk --cmf zeta3 --trajectory 1,1 --start 1,1 --depth 1000
    """


def register(group) -> None:
    """Attach ``esma`` and ``cmf`` to the ``cf`` click group."""
    group.add_command(esma)
    group.add_command(cmf)


def standalone_group():
    """A ``cf`` group holding only these commands (used by the tests when ``cli.cf`` lacks them)."""

    @click.group(name="cf")
    def cf():
        """Continued fractions (ESMA and CMF commands)."""

    register(cf)
    return cf
