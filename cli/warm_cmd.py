"""``discover warm up|down|status``: a process kept between commands with Numba and the kernels loaded.

While it is up, commands on this machine send their shards to it and skip Numba's start-up (about half a
second of CPU per command); see :mod:`discover.runner.warm`.
"""

from __future__ import annotations

import click


@click.group(name="warm")
def group():
    """A warm pool kept between commands: Numba and the kernels loaded once, not per command.

    \b
    Example:
      discover warm status
    """


@group.command(name="up")
def up_command():
    """Start the warm pool (loads Numba and every kernel module: a few seconds, once).

    Commands of this user on this machine then run their shards in it (a forked child per command, with
    the command's working directory and environment) as long as it runs the same code; a pool left from
    an older version of the code is not used, and `warm up` replaces it.

    \b
    Example:
      discover warm up && discover warm status && discover warm down
    """
    from discover.runner.warm import up

    state = up()
    verb = "already running" if state.get("already") else "started"
    click.echo(f"warm pool {verb} (pid {state['pid']}); `discover warm down` stops it")


@group.command(name="down")
def down_command():
    """Stop the warm pool (its processes only).

    \b
    Example:
      discover warm down
    """
    from discover.runner.warm import down

    state = down()
    click.echo("no warm pool was running" if state is None else f"warm pool (pid {state['pid']}) stopped")


@group.command(name="status")
def status_command():
    """Whether the warm pool runs, and whether commands use it (same code) or not.

    \b
    Example:
      discover warm status
    """
    from discover.runner.warm import status, warm_dir

    echo_server_status(status(), "warm pool", f"({warm_dir()})", "`discover warm up` replaces it", "")


def echo_server_status(state: dict | None, name: str, where: str, replace: str, serves: str) -> None:
    """One line: whether a server kept between commands (the warm pool, the Ray driver) runs, and
    whether commands use it (it runs their code) or not."""
    if state is None:
        click.echo(f"no {name} running {where}")
    elif state["stale"]:
        click.echo(f"{name} (pid {state['pid']}){serves} runs older code and is not used; {replace}")
    else:
        click.echo(f"{name} running (pid {state['pid']}){serves}; commands use it")
