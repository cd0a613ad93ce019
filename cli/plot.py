"""``discover plot``: figures of the store's records (and of a PCF or a reaction computed on the spot).

Thin: each command checks ``--output`` (a known extension, a folder that exists) before anything else,
reads the records, and calls one function of :mod:`discover.views`. Nothing is written to the store.
"""

from __future__ import annotations

import click

from cli.common import store_option

OUTPUT_HELP = "Image to write: .png (default), .svg or .pdf, chosen by the extension; its folder must exist."


def _output_option(default: str):
    return click.option("--output", "-o", default=default, show_default=True, metavar="PATH", help=OUTPUT_HELP)


def _target(output):
    from discover.views.output import FIGURE_FORMATS, checked_output

    return checked_output(output, FIGURE_FORMATS)


def _names(text):
    return {t.strip() for t in text.split(",") if t.strip()} if text else None


def _done(path, what: str) -> None:
    click.echo(f"wrote {what} to {path}", err=True)


@click.group(name="plot")
def group():
    """Plots of results: growth, diameters, convergence, CMF walks, extremal records, reactions.

    PNG by default; SVG or PDF when --output ends in .svg or .pdf.

    \b
    Example:
      discover plot convergence 2 1 --depth 50 --output sqrt2.png
    """


@group.command(name="growth")
@click.option("--generators", default=None, metavar="NAME[,NAME...]", help="Only these families (default: all).")
@click.option("--n", "sizes", default=None, metavar="LO..HI", help="Only these sizes (e.g. 6..9 or 4,6,8).")
@click.option("--normalise", is_flag=True, help="Fraction of the group per layer against k / diameter.")
@_output_option("growth.png")
@store_option
def growth(generators, sizes, normalise, output, store):
    """Layer sizes of stored Cayley graphs on a log scale, one curve per family and size.

    \b
    Example:
      discover cayley growth --generators lrx --n 7 && discover plot growth --generators lrx --output growth.png
    """
    from discover.sizes import parse_sizes
    from discover.views.growth import ENGINE, plot_growth
    from discover.views.source import read_records

    path, fmt = _target(output)
    wanted = parse_sizes(sizes) if sizes else None
    series = plot_growth(read_records(store, engine=ENGINE), path, fmt, _names(generators), wanted, normalise)
    _done(path, f"{len(series)} growth curves")


@group.command(name="diameters")
@click.option("--generators", default=None, metavar="NAME[,NAME...]", help="Only these families (default: all).")
@click.option("--by", type=click.Choice(["n", "p"]), default="n", show_default=True,
              help="Diameter against the size n (with the fitted formula) or the modulus p.")
@_output_option("diameters.png")
@store_option
def diameters(generators, by, output, store):
    """Diameters against n with the fitted quasi-polynomial; held-out (predicted) sizes hollow.

    \b
    Example:
      discover cayley mine --generators lrx --n 4..8 && discover plot diameters --generators lrx --output d.svg
    """
    from discover.views.diameters import plot_diameters
    from discover.views.source import read_records

    path, fmt = _target(output)
    series = plot_diameters(read_records(store, engine="cayley"), path, fmt, _names(generators), by)
    _done(path, f"diameters of {len(series)} families")


@group.command(name="convergence", context_settings={"ignore_unknown_options": True})
@click.argument("a", required=False)
@click.argument("b", required=False)
@click.option("--key", default=None, help="Or a stored cf record (PCF, CMF walk or ESMA) by KEY or prefix.")
@click.option("--depth", type=int, default=200, show_default=True,
              help="Last depth plotted (6..5000; the limit is computed at 4 x depth).")
@_output_option("convergence.png")
@store_option
def convergence(a, b, key, depth, output, store):
    """Digits of the PCF a(0) + b(1)/(a(1) + b(2)/(...)) against depth: exact, the error model, delta.

    Computed on the spot (exact convergents); with --key, the record's continued fraction.

    \b
    Example:
      discover plot convergence 1 "n^2+n" --depth 300 --output pcf.png
    """
    from discover.errors import InputError
    from discover.views.convergence import pcf_of_record, plot_convergence
    from discover.views.source import read_record

    path, fmt = _target(output)
    if key is not None:
        if a is not None:
            raise InputError("plot convergence: give A B or --key KEY, not both")
        a, b = pcf_of_record(read_record(store, key))
    elif a is None or b is None:
        raise InputError("plot convergence: give the polynomials A B (e.g. 1 \"n^2+n\") or --key KEY")
    data = plot_convergence(a, b, depth, path, fmt)
    _done(path, f"convergence of PCF(a={data['a']}, b={data['b']}) to depth {depth}")


@group.command(name="cmf")
@click.option("--cmf", "name", required=True, metavar="NAME", help="A CMF with walks in the store (e.g. pi).")
@_output_option("cmf.png")
@store_option
def cmf(name, output, store):
    """Delta and the identified limit of every stored walk of a CMF, by trajectory direction.

    \b
    Example:
      discover cf cmf search --cmf pi --max-step 1 --depth 300 && discover plot cmf --cmf pi --output cmf-pi.png
    """
    from discover.views.cmf import ENGINE, plot_cmf
    from discover.views.source import read_records

    path, fmt = _target(output)
    walks = plot_cmf(read_records(store, engine=ENGINE), name, path, fmt)
    _done(path, f"{len(walks)} walks of CMF {name}")


@group.command(name="records")
@click.option("--problem", required=True, metavar="NAME", help="An extremal problem: c3c4, c4, c3, c3c4c5.")
@click.option("--n", "sizes", default=None, metavar="LO..HI",
              help="Sizes shown (default: the range of the stored graphs).")
@_output_option("records.png")
@store_option
def records(problem, sizes, output, store):
    """Our best edge counts against n, with every published value and the Moore-type bound.

    \b
    Example:
      discover extremal search --problem c3c4 --n 10..12 --time 1 && discover plot records --problem c3c4
    """
    from discover.sizes import parse_sizes
    from discover.views.records import ENGINE, plot_records
    from discover.views.source import read_records

    path, fmt = _target(output)
    wanted = parse_sizes(sizes, maximum=400) if sizes else None
    data = plot_records(read_records(store, engine=ENGINE), problem, path, fmt, wanted)
    _done(path, f"{len(data['ours'])} sizes of {data['problem']}")


@group.command(name="reactions")
@click.option("--species", default=None, metavar="'A, B, C'", help="The species, comma-separated.")
@click.option("--reaction", default=None, metavar="'A + B -> C'",
              help="Also balance this reaction and mark it (its species must be among --species).")
@click.option("--medium", type=click.Choice(["acidic", "basic"]), default=None, help="Add H+/OH- and H2O.")
@_output_option("reactions.png")
def reactions(species, reaction, medium, output):
    """The elementary reactions among the species as vectors, projected to 2D, coloured by family.

    \b
    Example:
      discover plot reactions --species "H2, O2, H2O, H2O2" --reaction "H2 + O2 -> H2O + H2O2"
    """
    from discover.views.reactions import plot_reactions

    path, fmt = _target(output)
    data = plot_reactions(species, path, fmt, reaction, medium)
    _done(path, f"{len(data['reactions'])} elementary reactions")
