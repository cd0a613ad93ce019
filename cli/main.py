"""The ``discover`` command: engine groups (loaded on demand) and error handling.

Errors never show a traceback (unless ``--debug``): bad input prints one line and exits 2, a runtime
failure one line and exits 1. Engine groups are imported only when named, so ``discover --help``
stays fast.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from discover import __version__
from discover.errors import DiscoverError

# name -> "module:attribute" of each engine's click group, imported on first use
GROUPS = {
    "cf": ("cli.cf:group", "Continued fractions: PCF evaluation, identification, searches."),
    "cayley": ("cli.cayley:group", "Cayley graphs: growth functions, diameters, conjectures."),
    "extremal": ("cli.extremal:group", "Extremal graphs: dense graphs without forbidden structures."),
    "chem": ("cli.chem:group", "Reaction balancing: exact balances and elementary reactions."),
    "results": ("cli.results:group", "The results store: list, show and export conjectures."),
    "plot": ("cli.plot:group", "Plots: growth, diameters, convergence, CMF walks, extremal records, reactions."),
    "resume": ("cli.resume:command", "Finish an interrupted run of any engine (by its RUN_ID)."),
    "ray": ("cli.ray_cmd:group", "A local Ray instance and a Ray driver kept between commands: up, down, driver."),
    "warm": ("cli.warm_cmd:group", "A warm pool kept between commands (Numba loaded once): up, down, status."),
}


# click >= 8.2 raises this for a group called without a command; we show the help and exit 0
_NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


class DiscoverGroup(click.Group):
    """The root group: lazy engine groups, and one-line errors with exit status 2 or 1."""

    def list_commands(self, ctx):
        return list(GROUPS)

    def get_command(self, ctx, name):
        if name not in GROUPS:
            return None
        module, _, attr = GROUPS[name][0].partition(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except ModuleNotFoundError as exc:
            if exc.name == module:  # an engine that has not landed yet
                return None
            raise

    def format_commands(self, ctx, formatter):
        rows = [(name, help_text) for name, (_, help_text) in GROUPS.items() if self.get_command(ctx, name)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        args = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in args or os.environ.get("DISCOVER_DEBUG") == "1"
        from cli import common

        common.start_command()
        try:
            result = super().main(args=args, prog_name=prog_name or "discover", complete_var=complete_var,
                                  standalone_mode=False, **extra)
            code = result if isinstance(result, int) and not isinstance(result, bool) else common.exit_status
        except _NO_ARGS_IS_HELP as exc:
            click.echo(exc.ctx.get_help())
            code = 0
        except click.UsageError as exc:
            where = f"({exc.ctx.command_path}) " if exc.ctx and exc.ctx.command_path != "discover" else ""
            click.echo(f"discover: error: {where}{_one_line(exc.format_message())}", err=True)
            code = 2
        except click.ClickException as exc:
            click.echo(f"discover: error: {_one_line(exc.format_message())}", err=True)
            code = exc.exit_code
        except DiscoverError as exc:
            if debug:
                raise
            click.echo(f"discover: error: {_one_line(exc)}", err=True)
            code = exc.exit_code
        except (click.Abort, KeyboardInterrupt):
            click.echo("discover: interrupted", err=True)
            code = 130
        except Exception as exc:  # noqa: BLE001 - the user gets one line; --debug shows the traceback
            if debug:
                raise
            click.echo(f"discover: internal error: {type(exc).__name__}: {_one_line(exc)} "
                       "(run with --debug for the traceback)", err=True)
            code = 1
        if standalone_mode:
            sys.exit(code)
        return code


@click.group(cls=DiscoverGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="discover")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
def cli(debug):
    """Computer-assisted discovery in mathematics and combinatorics.

    Four engines share one runner (local process pool or Ray) and one results store (SQLite).
    Every conjecture that reaches the store has been verified.

    \b
    Example:
      discover results list
    """


def main() -> None:
    """The console script: run the command, then leave without tearing the interpreter down."""
    _leave(cli.main(standalone_mode=False))


def _leave(code: int) -> None:
    """Exit with ``code``, skipping the interpreter's teardown of every module (about 10 ms of a 90 ms
    command) when that is all that is left: the ``atexit`` handlers run first and the standard streams
    are flushed. A process that used worker processes or Ray, or still has other threads, exits the
    ordinary way: their shutdown hooks (a pool joining its workers) are not all ``atexit`` handlers."""
    import threading

    if threading.active_count() > 1 or any(m in sys.modules for m in ("multiprocessing", "concurrent.futures",
                                                                       "ray")):
        sys.exit(code)
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
