"""The ``cf.cmf`` engine: walks in a CMF along trajectories, identified and stored with their delta.

A spec names a library CMF (or carries a user CMF as JSON), the trajectories (one given, or every
primitive direction with coordinates in [0, K], or [-K, K] with ``negative``), the starts (one given, or
every point of a box), the depth and the constants. One shard is one trajectory with all its starts.
A walk's limit is computed exactly (:mod:`discover.cf.cmf.trajectory`), identified against the
constants (Moebius forms of each, linear and Moebius forms of all, see :mod:`discover.cf.identify`),
and stored only when the closed form involves a constant, agrees with the limit to all of its digits,
and the digits reach ``min_digits``. Each record carries delta (delta > 0: the walk is an
irrationality proof of the limit, as for Apery's zeta(3) on the diagonal of the zeta(3) CMF).

A parametric CMF (:mod:`discover.cf.cmf.parametric`) is walked at each point of the ``params`` grid:
one shard per (parameter point, trajectory). A walk that meets a pole (an entry's denominator vanishing
at a lattice point on the path, :func:`discover.cf.cmf.trajectory.walk_singularity`) is refused when it
is the one walk asked for, and skipped (counted as rejected) in a search. Hypergeometric fields
(``pFq:P,Q,Z``) need no constants: their limits are checked against the hypergeometric values at the
start (:mod:`discover.cf.cmf.hypergeometric`).
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from fractions import Fraction

from discover.cf.limits import MAX_START_ENTRY, MAX_TRAJECTORY_ENTRY, MAX_TRAJECTORY_STEPS, check_start_box
from discover.cf.novelty.active import known_rows, use_known
from discover.errors import InputError
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

__all__ = ["CMFSearchSpec", "ENGINE", "shards", "run_shard", "resolve_cmf"]


# Steps of a CMF walk (each step a product of up to MAX_TRAJECTORY_STEPS axis matrices).
MAX_WALK_DEPTH = 200_000
# Parameter points whose walk is checked for poles before the run (the rest: in their shards).
MAX_CHECKED_POINTS = 100


def resolve_cmf(name: str, cmf_json: str = ""):
    """The CMF of a spec: a user CMF from its JSON text, else the library entry ``name``."""
    from discover.cf.cmf.field import cmf_from_dict
    from discover.cf.cmf.library import get_cmf

    if cmf_json:
        return cmf_from_dict(json.loads(cmf_json), where=f"CMF {name!r}")
    return get_cmf(name)


@dataclass(frozen=True)
class CMFSearchSpec(SearchSpec):
    """What ``discover cf cmf walk|search`` runs; validated on construction.

    ``trajectory``/``start`` empty mean: every primitive trajectory up to ``max_step`` / every start in
    the box [start_min, start_max]^d."""

    cmf: str
    cmf_json: str = ""
    trajectory: tuple = ()
    start: tuple = ()
    max_step: int = 2
    negative: bool = False
    start_min: int = 0
    start_max: int = 1
    depth: int = 1000
    constants: tuple = ()
    min_digits: int = 20
    known: tuple = field(default_factory=known_rows)  # --known rows (discover.cf.novelty.active)
    params: tuple = ()  # the --param grid: ((name, (value, ...)), ...) (discover.cf.cmf.parametric)

    def __post_init__(self):
        from discover.cf.cmf.parametric import MAX_PARAM_POINTS, check_grid
        from discover.cf.constants import parse_constants

        cmf = resolve_cmf(self.cmf, self.cmf_json)
        check_grid(cmf, self.params)
        points = self.param_points()
        if len(points) > MAX_PARAM_POINTS:
            raise InputError(f"--param: {len(points):,} points; at most {MAX_PARAM_POINTS:,}")
        if self.trajectory:
            if len(self.trajectory) != cmf.dim or not any(self.trajectory):
                raise InputError(f"--trajectory {','.join(map(str, self.trajectory))}: expected {cmf.dim} "
                                 f"integers, not all zero, for CMF {cmf.name} (axes {', '.join(cmf.axes)})")
        if self.start and len(self.start) != cmf.dim:
            raise InputError(f"--start {','.join(map(str, self.start))}: expected {cmf.dim} integers for CMF "
                             f"{cmf.name} (axes {', '.join(cmf.axes)})")
        if self.trajectory:
            steps = sum(abs(int(v)) for v in self.trajectory)
            if max(abs(int(v)) for v in self.trajectory) > MAX_TRAJECTORY_ENTRY or steps > MAX_TRAJECTORY_STEPS:
                raise InputError(f"--trajectory {','.join(map(str, self.trajectory))}: entries of absolute value "
                                 f"at most {MAX_TRAJECTORY_ENTRY} and at most {MAX_TRAJECTORY_STEPS} axis steps in "
                                 "all (the sum of their absolute values)")
        if self.start and max(abs(Fraction(v)) for v in self.start) > MAX_START_ENTRY:
            raise InputError(f"--start {','.join(map(str, self.start))}: coordinates of absolute value at most "
                             f"{MAX_START_ENTRY}")
        if not 1 <= int(self.max_step) <= 6:
            raise InputError(f"--max-step {self.max_step}: must be between 1 and 6")
        check_start_box(self.start_min, self.start_max, 7)
        if not 10 <= int(self.depth) <= MAX_WALK_DEPTH:
            raise InputError(f"--depth {self.depth}: must be between 10 and {MAX_WALK_DEPTH:,}")
        if self.trajectory and self.start:
            from discover.cf.cmf.parametric import bind
            from discover.cf.cmf.trajectory import check_walk_size, trajectory_matrix, walk_singularity

            for point in points[:MAX_CHECKED_POINTS]:
                c = bind(cmf, point) if point else cmf
                check_walk_size(c, self.trajectory, self.start, int(self.depth),
                                trajectory_matrix(c, self.trajectory, self.start))
                where = walk_singularity(c, self.trajectory, self.start, int(self.depth))
                if where:
                    raise InputError(f"CMF {cmf.name}: {where}; choose another --start"
                                     + (" or --param" if point else ""))
        if not 5 <= int(self.min_digits) <= 100000:
            raise InputError(f"--min-digits {self.min_digits}: must be between 5 and 100000")
        if self.constants:
            parse_constants(list(self.constants))
        elif not cmf.constants and cmf.notes.get("family") != "pFq":
            raise InputError(f"CMF {cmf.name}: no constants to identify limits against; give --constants")

    def param_points(self) -> list[dict]:
        """The points of the parameter grid ([{}] without parameters)."""
        from discover.cf.cmf.parametric import grid_points

        return grid_points(self.params)

    def resolved_constants(self, cmf) -> tuple[str, ...]:
        return tuple(self.constants) or tuple(cmf.constants)

    def starts(self, dim: int) -> list[tuple[int, ...]]:
        if self.start:
            return [tuple(self.start)]
        return list(itertools.product(range(int(self.start_min), int(self.start_max) + 1), repeat=dim))


def shards(spec: CMFSearchSpec):
    cmf = resolve_cmf(spec.cmf, spec.cmf_json)
    from discover.cf.cmf.trajectory import primitive_trajectories

    trajs = [tuple(spec.trajectory)] if spec.trajectory else primitive_trajectories(cmf.dim, spec.max_step,
                                                                                     spec.negative)
    for point in spec.param_points():
        prefix = ",".join(f"{n}={v}" for n, v in point.items())
        for t in trajs:
            tid = ",".join(map(str, t))
            params = {"trajectory": list(t)}
            if point:
                params["param"] = point
            yield Shard(id=f"{prefix}|{tid}" if point else tid, params=params)


def run_shard(spec: CMFSearchSpec, shard: Shard) -> ShardResult:
    from discover.cf.cmf.search.verify import verify_walk
    from discover.cf.cmf.trajectory import trajectory_matrix, usable_walk

    from discover.cf.cmf.parametric import bind
    from discover.cf.cmf.trajectory import walk_order

    cmf = resolve_cmf(spec.cmf, spec.cmf_json)
    use_known(spec.known)  # the novelty check compares with the spec's --known rows
    if shard.params.get("param"):
        try:
            cmf = bind(cmf, shard.params["param"])
        except InputError:
            return ShardResult(records=[], candidates=1, rejected=1)  # an entry divides by zero here
    t = tuple(shard.params["trajectory"])
    constants = spec.resolved_constants(cmf)
    records, candidates, rejected = [], 0, 0
    for s in spec.starts(cmf.dim):
        candidates += 1
        try:
            order, pole = walk_order(cmf, t, s, spec.depth)
            if pole:
                rejected += 1  # every path of the walk meets a pole
                continue
            S = trajectory_matrix(cmf, t, s, order=order)
        except (InputError, ZeroDivisionError):
            rejected += 1
            continue
        ev = usable_walk(cmf, t, s, spec.depth, S, spec.min_digits)
        if ev is None:
            rejected += 1
            continue
        record = verify_walk(cmf, ev, constants)
        if record is None:
            rejected += 1
            continue
        records.append(record)
    return ShardResult(records=records, candidates=candidates, rejected=rejected)


ENGINE = Engine("cf.cmf", CMFSearchSpec, shards, run_shard)
