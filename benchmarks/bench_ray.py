"""What `--backend ray` costs beyond the shards' own work: per command and per shard, through the
persistent driver (`discover ray up` starts it), joining the cluster directly (the path without a
driver, `DISCOVER_RAY_DRIVER=0`), and `--backend local` for comparison.

    .venv/bin/python benchmarks/bench_ray.py --repeat 5 --direct-repeat 3

The script starts its own instance (`discover ray up --num-cpus 2`, with the driver) in a temporary
DISCOVER_RAY_STATE and stops it (`discover ray down`: its processes only) at the end. Each command runs
``--repeat`` times (``--direct-repeat`` for the direct path, 10-20 s each) after one unmeasured round,
the driver and local paths interleaved so that a change of load hits them alike, then the direct path
(a command that joins directly makes Ray replace the driver's idle workers with its own, so one driver
command right after it is timed apart, and one after a minute idle); the median and the range are
printed, with the load average before and after. Commands:

* toy, 1 shard: ``tests/toy_engine.py toy --limit 10 --block 10 --json`` (a shard of microseconds);
* toy, 400 shards: ``--limit 4000 --block 10 --json``; per shard = (400-shard time - 1-shard time) / 399;
* real engines: ``chem balance "KMnO4 + HCl -> KCl + MnCl2 + H2O + Cl2" --json`` and ``cayley growth
  --generators lrx --n 6 --json`` (a Numba kernel: its first use in a fresh worker loads it).

It also times the store's part of a shard in-process: ``Store.finish_shard`` (records and done mark in
one transaction) for 400 toy shards of 3 records.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOY = [sys.executable, str(ROOT / "tests" / "toy_engine.py"), "toy"]
DISCOVER = [str(Path(sys.executable).with_name("discover"))]
COMMANDS = {
    "toy, 1 shard": TOY + ["--limit", "10", "--block", "10", "--json"],
    "toy, 400 shards": TOY + ["--limit", "4000", "--block", "10", "--json"],
    "chem balance KMnO4 + HCl": DISCOVER + ["chem", "balance", "KMnO4 + HCl -> KCl + MnCl2 + H2O + Cl2", "--json"],
    "cayley growth lrx n=6": DISCOVER + ["cayley", "growth", "--generators", "lrx", "--n", "6", "--json"],
}
PATHS = {  # name: (extra arguments, extra environment)
    "driver": (["--backend", "ray"], {}),
    "direct": (["--backend", "ray"], {"DISCOVER_RAY_DRIVER": "0"}),
    "local": (["--backend", "local", "--workers", "1"], {}),
}


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def run(args: list[str], env: dict, store: Path) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run([*args, "--store", str(store)], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{proc.stderr}")
    return took, proc.stderr


def through_driver(args: list[str], env: dict, store: Path, restarts: list[float]) -> float:
    """Time a command that must use the driver. In a checkout others edit, the driver goes stale (its
    code is no longer the command's, so commands pass it over): it is then replaced (`discover ray driver
    up`, timed apart in ``restarts``) and the command timed again."""
    for _ in range(3):
        took, err = run(args, env, store)
        if "through its driver" in err:
            return took
        if "runs older code" not in err:
            raise SystemExit(f"the driver was not used: {err.strip()}")
        start = time.perf_counter()
        subprocess.run(DISCOVER + ["ray", "driver", "up"], env=env, check=True, stdout=subprocess.DEVNULL)
        restarts.append(time.perf_counter() - start)
    raise SystemExit("the driver went stale three times in a row")


def commit_cost(tmp: Path, shards: int = 400) -> float:
    """Seconds per ``finish_shard`` of 3 toy records, in-process (the store's part of a shard)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from discover.records import Record
    from discover.store import Store

    with Store(str(tmp / "commit.sqlite")) as store:
        run_id = store.create_run("toy", "toy_engine:ENGINE", {}, "bench")
        ids = [f"block-{i}" for i in range(shards)]
        store.register_shards(run_id, ids)
        batches = [[Record.create("toy", "sum_of_two_squares", 3 * i + j, f"{3 * i + j} = ...", {"k": 3 * i + j},
                                  {"method": "bench"}, verified=True) for j in range(3)] for i in range(shards)]
        start = time.perf_counter()
        for shard_id, records in zip(ids, batches):
            store.finish_shard(run_id, shard_id, records, 10, 0, 0.0)
        return (time.perf_counter() - start) / shards


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--direct-repeat", type=int, default=3)
    parser.add_argument("--num-cpus", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-ray-") as tmp_name:
        tmp = Path(tmp_name)
        env = dict(os.environ, DISCOVER_RAY_STATE=str(tmp / "ray.json"), DISCOVER_WARM="0")
        env.pop("RAY_ADDRESS", None)
        env.pop("DISCOVER_RAY_DRIVER_DIR", None)
        print(f"load average before: {load()}")
        start = time.perf_counter()
        subprocess.run(DISCOVER + ["ray", "up", "--num-cpus", str(args.num_cpus)], env=env, check=True)
        print(f"discover ray up (head and driver): {time.perf_counter() - start:.1f} s")
        try:
            results: dict[tuple[str, str], list[float]] = {}
            restarts: list[float] = []
            # the driver and local first, interleaved; then the direct path. A command that joins the
            # instance directly makes Ray replace idle workers of other jobs (the driver's) with its own,
            # so the driver's next command starts workers again: timed apart, after the direct block.
            blocks = [(("driver", "local"), args.repeat), (("direct",), args.direct_repeat)]
            for paths, repeat in blocks:
                for round_ in range(repeat + 1):
                    for path in paths:
                        extra, extra_env = PATHS[path]
                        for name, command in COMMANDS.items():
                            store = tmp / f"{path}-{round_}.sqlite"
                            took = (through_driver(command + extra, env, store, restarts) if path == "driver"
                                    else run(command + extra, {**env, **extra_env}, store)[0])
                            if round_:
                                results.setdefault((name, path), []).append(took)
            after_direct = through_driver(COMMANDS["toy, 1 shard"] + PATHS["driver"][0], env, tmp / "after.sqlite",
                                          restarts)
            time.sleep(60)
            after_idle = through_driver(COMMANDS["toy, 1 shard"] + PATHS["driver"][0], env, tmp / "idle.sqlite",
                                        restarts)
            print(f"load average after: {load()}")
            print(f"toy, 1 shard, driver: right after the direct block {after_direct:.2f} s; after 60 s idle "
                  f"{after_idle:.2f} s")
            if restarts:
                print(f"the driver went stale (files of discover edited) and was replaced {len(restarts)} times: "
                      f"{', '.join(f'{t:.1f}' for t in restarts)} s")
            for (name, path), values in results.items():
                print(f"{name:26} {path:7} median {statistics.median(values):6.2f} s  "
                      f"(min {min(values):.2f}, max {max(values):.2f}, {len(values)} runs)")
            for path in PATHS:
                one, many = results[("toy, 1 shard", path)], results[("toy, 400 shards", path)]
                per = [(m - o) / 399 * 1000 for m, o in zip(many, one)]  # the same round's pair
                print(f"per further shard, {path:7}: median {statistics.median(per):.1f} ms "
                      f"(range {min(per):.1f}-{max(per):.1f} ms)")
            print(f"store commit per shard (finish_shard, 3 records): {commit_cost(tmp) * 1000:.2f} ms")
        finally:
            subprocess.run(DISCOVER + ["ray", "down"], env=env)


if __name__ == "__main__":
    main()
