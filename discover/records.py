"""Conjecture records: what engines produce and what the store keeps.

A :class:`Record` is one verified statement (a PCF formula, a growth sequence, an extremal graph, a
balanced reaction). Its ``key`` is the SHA-256 of the engine's *canonical form* of the object, so two
equivalent discoveries (an equivalent PCF, an isomorphic graph, the same reaction written in another
order) get the same key and the store keeps one row.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no whitespace: a stable text form for hashing and storage.

    Strict on purpose: a value that is not JSON-native (an object, a Fraction) raises TypeError rather
    than being stored as its repr, which would be neither stable nor readable back."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def canonical_key(engine: str, kind: str, canonical: Any) -> str:
    """The store key of an object: SHA-256 (hex, 32 chars) of engine, kind and canonical form."""
    text = canonical_json([engine, kind, canonical])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


COMMON_FIELDS = frozenset({"engine", "kind", "key", "statement", "verified", "verification"})


@dataclass(frozen=True)
class Record:
    """One result of an engine.

    ``payload`` holds the engine's fields (JSON-serialisable); ``verification`` says how the result was
    checked (method, digits, depth, seconds, ...). Only records with ``verified=True`` may be stored as
    conjectures; the store refuses the others.
    """

    engine: str
    kind: str
    key: str
    statement: str
    payload: dict = field(default_factory=dict)
    verification: dict = field(default_factory=dict)
    verified: bool = False

    def __post_init__(self):
        clash = COMMON_FIELDS & set(self.payload)
        if clash:
            # to_json() flattens the payload beside the common fields: a clash would hide one of them
            raise ValueError(f"record payload uses reserved field names: {', '.join(sorted(clash))}")

    @classmethod
    def create(
        cls,
        engine: str,
        kind: str,
        canonical: Any,
        statement: str,
        payload: dict | None = None,
        verification: dict | None = None,
        *,
        verified: bool,
    ) -> "Record":
        """Build a record whose key is derived from ``canonical`` (the engine's canonical form).

        ``verified`` has no default on purpose: every call site says whether its record passed the
        engine's independent check (only those may be stored as conjectures)."""
        return cls(
            engine=engine,
            kind=kind,
            key=canonical_key(engine, kind, canonical),
            statement=statement,
            payload=dict(payload or {}),
            verification=dict(verification or {}),
            verified=verified,
        )

    def to_json(self) -> dict:
        """The flat JSON object printed by ``--json``: the common fields, then the engine's fields."""
        out = {
            "engine": self.engine,
            "kind": self.kind,
            "key": self.key,
            "statement": self.statement,
            "verified": self.verified,
        }
        out.update(self.payload)
        out["verification"] = self.verification
        return out
