"""``discover ray up|down``: one local Ray instance kept between commands.

A ``--backend ray`` command without ``--ray-address`` attaches to it (under a second) instead of
starting a private instance for itself (10-20 s).
"""

from __future__ import annotations

import click


@click.group(name="ray")
def group():
    """A local Ray instance kept between commands (`--backend ray` without an address uses it).

    \b
    Example:
      discover ray down
    """


@group.command(name="up")
@click.option("--num-cpus", type=click.IntRange(min=0, max=4096), default=None, metavar="N",
              help="CPUs the instance offers (0..4096; default: all of this machine's).")
@click.option("--port", type=click.IntRange(min=1024, max=65535), default=None, metavar="PORT",
              help="GCS port of the head (1024..65535; default: a free one).")
@click.option("--dashboard", is_flag=True, help="Start the Ray dashboard too (needs ray[default]).")
def up_command(num_cpus, port, dashboard):
    """Start the local Ray instance (takes 10-20 s; once), or say where the running one is.

    \b
    Example:
      discover ray up --num-cpus 1 && discover ray down
    """
    from discover.runner.ray_local import up

    state = up(num_cpus, port, dashboard)
    verb = "already running" if state.get("already") else "started"
    click.echo(f"local Ray instance {verb} at {state['address']} (`discover ray down` stops it)")


@group.command(name="down")
def down_command():
    """Stop the local Ray instance of `discover ray up` (its processes only).

    \b
    Example:
      discover ray down
    """
    from discover.runner.ray_local import down

    state = down()
    click.echo("no local Ray instance was recorded" if state is None
               else f"local Ray instance at {state['address']} stopped")
