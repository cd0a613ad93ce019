"""The ``cf.cmf.locate`` engine: where does a PCF lie in the library CMFs?

Spec: the PCF a(n), b(n), the 2x2 library CMFs to search (all by default), the trajectory step bound,
the start box and the depth. One shard per CMF runs :func:`discover.cf.cmf.locate.matching.locate`;
exact matches are stored as they are, Moebius matches only after :func:`.verify.recheck_mobius`.
"""

from __future__ import annotations

from dataclasses import dataclass

from discover.cf.cmf.locate.matching import locate
from discover.cf.cmf.locate.verify import recheck_mobius
from discover.cf.polynomial import Polynomial
from discover.errors import InputError
from discover.records import Record
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

__all__ = ["LocateSpec", "ENGINE", "shards", "run_shard"]


@dataclass(frozen=True)
class LocateSpec(SearchSpec):
    """Locate the PCF a(n), b(n) (texts in n) in the 2x2 library CMFs ``cmfs`` (all when empty)."""

    a: str
    b: str
    cmfs: tuple = ()
    max_step: int = 2
    start_min: int = 0
    start_max: int = 2
    depth: int = 300

    def __post_init__(self):
        from discover.cf.cmf.library import LIBRARY, get_cmf
        from discover.cf.limits import check_start_box
        from discover.cf.pcf import PCF

        PCF.from_polynomials(self.a, self.b)
        for name in self.cmfs:
            get_cmf(name)
        names = self.cmfs or tuple(LIBRARY)
        if not any(get_cmf(n).rank == 2 for n in names):
            raise InputError("locate works with 2x2 CMFs; none of the chosen ones is 2x2")
        if not 1 <= int(self.max_step) <= 4:
            raise InputError(f"--max-step {self.max_step}: must be between 1 and 4")
        check_start_box(self.start_min, self.start_max, 6)
        if not 50 <= int(self.depth) <= 20000:
            raise InputError(f"--depth {self.depth}: must be between 50 and 20000")


def shards(spec: LocateSpec):
    from discover.cf.cmf.library import LIBRARY, get_cmf

    for name in spec.cmfs or tuple(LIBRARY):
        c = get_cmf(name)
        if c.rank == 2 and not c.free_parameters:  # a parametric field is located at given --param only
            yield Shard(id=name, params={"cmf": name})


def run_shard(spec: LocateSpec, shard: Shard) -> ShardResult:
    from discover.cf.cmf.library import get_cmf
    from discover.cf.pcf import PCF

    pcf = PCF.from_polynomials(spec.a, spec.b)
    cmf = get_cmf(shard.params["cmf"])
    found = locate(pcf.a.coeffs, pcf.b.coeffs, cmfs=[cmf], max_step=spec.max_step, start_min=spec.start_min,
                   start_max=spec.start_max, depth=spec.depth)
    canon = pcf.canonical()
    records = []
    rejected = 0
    for loc in found:
        ta, tb = Polynomial(loc.pcf[0]), Polynomial(loc.pcf[1])
        how = ("has the same canonical PCF (sign, shift, scaling)" if loc.match == "exact"
               else f"has a limit related by a Moebius transform: {loc.detail}")
        statement = (f"PCF(a={pcf.a}, b={pcf.b}) lies in CMF {loc.cmf}: the trajectory {loc.trajectory} from "
                     f"{loc.start} {how}")
        payload = {
            "pcf": {"a": str(pcf.a), "b": str(pcf.b)},
            "cmf": loc.cmf,
            "trajectory": list(loc.trajectory),
            "start": list(loc.start),
            "match": loc.match,
            "trajectory_pcf": {"a": str(ta), "b": str(tb)},
            "detail": loc.detail,
            "relation": list(loc.relation) or None,
        }
        if loc.match == "exact":
            verification = {"method": "canonical forms equal (exact)"}
        else:
            recheck = recheck_mobius(pcf, cmf, loc, spec.depth)
            if recheck is None:
                rejected += 1
                continue
            verification = {"method": "PSLQ relation between the two limits, then re-checked on both limits "
                                      "recomputed independently at four times the depth: relation size <= D/2 + 1 "
                                      "and agreement >= D - 2 with D >= twice the digits PSLQ used",
                            **recheck}
        records.append(Record.create("cf.cmf.locate", "cmf-location",
                                     [list(canon[0]), list(canon[1]), loc.cmf, list(loc.trajectory), list(loc.start)],
                                     statement, payload, verification, verified=True))
    return ShardResult(records=records, candidates=1, rejected=rejected)


ENGINE = Engine("cf.cmf.locate", LocateSpec, shards, run_shard)
