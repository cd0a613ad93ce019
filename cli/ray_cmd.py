"""``discover ray up|down`` and ``discover ray driver up|down|status``: a local Ray instance and a
persistent driver kept between commands.

A ``--backend ray`` command without ``--ray-address`` attaches to the instance of ``ray up`` instead of
starting a private instance for itself (10-20 s); with the driver running (``ray up`` starts one) it
does not even join the cluster: it hands its shards to the driver over a Unix socket and pays neither
``import ray`` nor the start-up of the job's worker processes (see :mod:`discover.runner.ray_driver`).
"""

from __future__ import annotations

import click



@click.group(name="ray")
def group():
    """A local Ray instance and a Ray driver kept between commands (`--backend ray` uses them).

    \b
    Example:
      discover ray driver status
    """


@group.command(name="up")
@click.option("--num-cpus", type=click.IntRange(min=0, max=4096), default=None, metavar="N",
              help="CPUs the instance offers (0..4096; default: all of this machine's).")
@click.option("--port", type=click.IntRange(min=1024, max=65535), default=None, metavar="PORT",
              help="GCS port of the head (1024..65535; default: a free one).")
@click.option("--dashboard", is_flag=True, help="Start the Ray dashboard too (needs ray[default]).")
@click.option("--no-driver", is_flag=True, help="Do not start the persistent driver (`discover ray driver`).")
def up_command(num_cpus, port, dashboard, no_driver):
    """Start the local Ray instance and its driver (10-40 s, once), or say where the running ones are.

    Later `--backend ray` commands without an address send their shards to the driver, which stays
    joined to the instance with its worker processes loaded: about a second per command instead of
    10-20 s (see `discover ray driver --help`).

    \b
    Example:
      discover ray up --num-cpus 1 --no-driver && discover ray down
    """
    from discover.runner.ray_local import up

    state = up(num_cpus, port, dashboard)
    verb = "already running" if state.get("already") else "started"
    if state.get("token_generated"):
        click.echo(f"generated a Ray auth token in {state['token_generated']} (copy it to every machine that "
                   "joins this instance)")
    click.echo(f"local Ray instance {verb} at {state['address']} (`discover ray down` stops it)")
    if not no_driver:
        _driver_up(None)


@group.command(name="down")
def down_command():
    """Stop the Ray driver and the local Ray instance of `discover ray up` (their processes only).

    \b
    Example:
      discover ray down
    """
    from discover.runner.ray_driver import down as driver_down
    from discover.runner.ray_local import down

    driver = driver_down()
    if driver is not None:
        click.echo(f"Ray driver (pid {driver['pid']}) stopped")
    state = down()
    click.echo("no local Ray instance was recorded" if state is None
               else f"local Ray instance at {state['address']} stopped")


@group.group(name="driver")
def driver_group():
    """A Ray driver kept between commands: `--backend ray` commands hand it their shards.

    The driver joins one cluster once (the instance of `discover ray up`, or --ray-address) and keeps
    its Ray worker processes, with discover and Numba loaded, for every later command of this user on
    this machine. A command then pays its own start-up and a socket round trip instead of `import ray`
    and Ray starting workers (10-20 s). It stores its records itself, as without the driver (--resume,
    --json, Ctrl-C: the same). A command uses the driver only when it names the driver's cluster (or
    names none and the driver serves `discover ray up`), the code is the same, and so are
    DISCOVER_RAY_SHIP / DISCOVER_RAY_PIP; otherwise, or with DISCOVER_RAY_DRIVER=0, or when the driver
    does not answer within 3 s, the command joins the cluster itself.

    \b
    Example:
      discover ray driver status
    """


def _driver_up(address):
    from discover.runner.ray_driver import up

    state = up(address)
    verb = "already running" if state.get("already") else "started"
    click.echo(f"Ray driver {verb} (pid {state['pid']}) for {state['description']}; "
               "`discover ray driver down` stops it")


@driver_group.command(name="up")
@click.option("--ray-address", default=None, envvar="RAY_ADDRESS", metavar="ADDR",
              help="HOST:PORT of the cluster's head (default: RAY_ADDRESS, else the `discover ray up` instance).")
def driver_up_command(ray_address):
    """Start the driver (joins the cluster and starts one warm worker per CPU: 10-30 s, once).

    A driver for another cluster, or with older code, is replaced.

    \b
    Example:
      discover ray up --num-cpus 0 --no-driver && discover ray driver up && discover ray down
    """
    _driver_up(ray_address)


@driver_group.command(name="down")
def driver_down_command():
    """Stop the driver (its process; Ray ends its workers). The cluster keeps running.

    \b
    Example:
      discover ray driver down
    """
    from discover.runner.ray_driver import down

    state = down()
    click.echo("no Ray driver was running" if state is None else f"Ray driver (pid {state['pid']}) stopped")


@driver_group.command(name="status")
def driver_status_command():
    """Whether the driver runs, for which cluster, and whether commands use it (same code).

    \b
    Example:
      discover ray driver status
    """
    from cli.warm_cmd import echo_server_status
    from discover.runner.ray_driver import driver_dir, status

    state = status()
    serves = ""
    if state:  # the description names the address already for a cluster given by address
        serves = f" for {state['description']}" + ("" if state["cluster"] in state["description"]
                                                   else f" at {state['cluster']}")
    echo_server_status(state, "Ray driver", f"({driver_dir()})", "`discover ray driver up` replaces it", serves)
