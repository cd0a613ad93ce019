"""The contract between an engine and the runner.

An engine is a spec, a shard generator, a kernel and a verifier. The runner sees only this:

* ``spec``: a frozen, validated dataclass (see :class:`SearchSpec`); it must survive a JSON round
  trip (``spec_to_dict`` / ``spec_from_dict``) because ``--resume`` rebuilds it from the store;
* ``shards(spec)``: a deterministic iterable of :class:`Shard` (same spec, same shard ids, same order),
  which is what makes the ``shards`` table a checkpoint;
* ``run_shard(spec, shard)``: a pure, module-level (picklable) function returning a
  :class:`ShardResult`: the verified records plus counts for the progress display.

The engine never writes to the store and never imports Ray: the runner decides where shards run.
"""

from __future__ import annotations

import dataclasses
import importlib
import typing
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from discover.records import Record


@dataclass(frozen=True)
class Shard:
    """A unit of work. ``id`` is stable across runs of the same spec; ``params`` is JSON-serialisable."""

    id: str
    params: dict = field(default_factory=dict)


@dataclass
class ShardResult:
    """What one shard produced: verified ``records``, ``candidates`` screened and ``rejected``
    candidates (those that failed verification: counted, never stored)."""

    records: list[Record] = field(default_factory=list)
    candidates: int = 0
    rejected: int = 0


class SearchSpec:
    """Mixin for engine specs (frozen dataclasses): JSON round trip used by the store and ``--resume``."""

    def to_dict(self) -> dict:
        return spec_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict):
        return spec_from_dict(cls, data)


def spec_to_dict(spec: Any) -> dict:
    """A frozen-dataclass spec as a JSON-ready dict (tuples become lists)."""
    return dataclasses.asdict(spec)


def _as_tuples(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_as_tuples(v) for v in value)
    if isinstance(value, dict):
        return {k: _as_tuples(v) for k, v in value.items()}
    return value


def spec_from_dict(cls: type, data: dict) -> Any:
    """Rebuild a spec from :func:`spec_to_dict` output; lists come back as tuples (specs are frozen).
    Nested dataclass fields are rebuilt from their annotations."""
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        hint = hints.get(f.name)
        if dataclasses.is_dataclass(hint) and isinstance(value, dict):
            value = spec_from_dict(hint, value)
        else:
            value = _as_tuples(value)
        kwargs[f.name] = value
    return cls(**kwargs)


@dataclass(frozen=True)
class Engine:
    """An engine as the runner sees it.

    ``name`` is what the store records (``cf.search``, ``cayley.mine``, ...). ``spec_type`` rebuilds the
    spec on resume. ``shards`` and ``run_shard`` must be module-level functions so that worker processes
    and Ray tasks can import them.

    A *pipeline* (a command of several stages, such as growth then fit) is one engine with ``then``:
    ``then(spec, records)`` gets the stage's spec and the verified records of all its shards (ordered by
    shard id, then key, so it never depends on which shard finished first) and returns the next stage as
    ``(engine, spec)``, or None when the pipeline is complete. The whole pipeline is one run: the next
    stage's shards go into the same checkpoint (ids prefixed by the stage number), so ``--resume`` after a
    kill at any moment finishes the stage it was in and then every later stage, exactly as a clean run.
    ``then`` must be deterministic and cheap (it runs in the driver).

    ``goal`` (optional) ends a run early: ``goal(spec, records)`` gets the stage's verified records so far
    (after every finished shard) and returns why the run's goal is met (one line), or None. When it says
    met, the runner stops the stage's shards still running or waiting (marked ``stopped`` in the
    checkpoint, with that line; a resume does not run them again) and no later stage starts. Lanes of a
    search that race to one value use it: the first to reach the value ends the run.
    """

    name: str
    spec_type: type
    shards: Callable[[Any], Iterable[Shard]]
    run_shard: Callable[[Any, Shard], ShardResult]
    then: Callable[[Any, list[Record]], "tuple[Engine, Any] | None"] | None = None
    goal: Callable[[Any, list[Record]], "str | None"] | None = None

    @property
    def ref(self) -> str:
        """Import path of this engine object, recorded in the store so ``--resume`` can find it."""
        module = self.run_shard.__module__
        for attr, value in vars(importlib.import_module(module)).items():
            if value is self:
                return f"{module}:{attr}"
        raise LookupError(f"engine {self.name!r} is not a module-level object of {module}")


# Where each engine lives now, by the name the store records. A run stored before a module moved names
# its engine by the old ``module:attr``; resume finds it here by name. Update this table when an engine
# moves (tests/foundation/test_engine_registry.py checks every entry imports and names itself).
ENGINE_REFS: dict[str, str] = {
    "cf.eval": "discover.cf.eval.engine:ENGINE",
    "cf.search": "discover.cf.search.engine:ENGINE",
    "cf.esma": "discover.cf.esma.engine:ENGINE",
    "cf.cmf": "discover.cf.cmf.search.engine:ENGINE",
    "cf.cmf.locate": "discover.cf.cmf.locate.engine:ENGINE",
    "cf.cmf.fit": "discover.cf.cmf.fit.engine:ENGINE",
    "cayley.growth": "discover.cayley.engine:GROWTH_ENGINE",
    "cayley.fit": "discover.cayley.engine:FIT_ENGINE",
    "cayley.mine": "discover.cayley.engine:MINE_ENGINE",
    "cayley.maxdiam": "discover.cayley.maxdiam.engine:MAXDIAM_ENGINE",
    "cayley.maxdiam.maximum": "discover.cayley.maxdiam.engine:MAXIMUM_ENGINE",
    "extremal.search": "discover.extremal.engine:ENGINE",
    "extremal.check": "discover.extremal.engine:CHECK_ENGINE",
    "extremal.lift": "discover.extremal.lift.engine:ENGINE",
    "chem.balance": "discover.chem.engine:ENGINE",
    "cf.recurrence": "discover.cf.recurrence.engine:ENGINE",
    "cf.relations": "discover.cf.search.relations:ENGINE",
    "cf.solve.euler": "discover.cf.solve.engine:EULER_ENGINE",
    "cf.solve.coboundary": "discover.cf.solve.engine:COBOUNDARY_ENGINE",
}


def _import_ref(ref: str) -> Engine:
    module, _, attr = ref.partition(":")
    engine = getattr(importlib.import_module(module), attr)
    if not isinstance(engine, Engine):
        raise TypeError(f"{ref} is not an Engine")
    return engine


def load_engine(ref: str, name: str | None = None) -> Engine:
    """Import an engine from its ``module:attribute`` reference; if that no longer imports (the engine
    moved since the run was stored), from the current reference of ``name`` in :data:`ENGINE_REFS`."""
    try:
        return _import_ref(ref)
    except (ImportError, AttributeError, TypeError):
        current = ENGINE_REFS.get(name or "")
        if current is None or current == ref:
            raise
        return _import_ref(current)
