"""The exported policy network: a small ``.npz`` read by the learned walk (NumPy only, no torch).

Arrays: ``W1`` (H x N_FEATURES), ``b1`` (H), ``w2`` (H), ``b2`` (scalar), ``beta`` (scalar, the weight
of the hand score), ``band`` (int, how far below the best hand score a candidate may be), and
``features`` (the feature names, which must equal :data:`discover.extremal.learn.features.FEATURE_NAMES`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from discover.errors import InputError
from discover.extremal.learn.features import FEATURE_NAMES, N_FEATURES

# the shipped policy (trained on c3c4, see results/extremal/learned/README.md)
SHIPPED = Path(__file__).resolve().parent.parent / "data" / "learned_c3c4.npz"
MAX_HIDDEN = 256
MAX_BAND = 4


@dataclass(frozen=True)
class Policy:
    W1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: float
    beta: float
    band: int

    def arrays(self):
        """The arguments of :func:`discover.extremal.learn.walk.learned_walk` after ``P``."""
        return self.W1, self.b1, self.w2, float(self.b2), float(self.beta), int(self.band)


def tabu_rule(hidden: int = 16, beta: float = 50.0) -> Policy:
    """The zero network with a large ``beta`` and band 0: the tabu rule (best hand score, ties at random)."""
    return Policy(np.zeros((hidden, N_FEATURES)), np.zeros(hidden), np.zeros(hidden), 0.0, beta, 0)


def save(policy: Policy, path, **meta) -> None:
    """Write ``policy`` (and string/number metadata) to ``path`` (.npz)."""
    np.savez(path, W1=policy.W1, b1=policy.b1, w2=policy.w2, b2=np.float64(policy.b2),
             beta=np.float64(policy.beta), band=np.int64(policy.band), features=np.array(FEATURE_NAMES),
             **{k: np.array(v) for k, v in meta.items()})


def load(path=None) -> Policy:
    """The policy in ``path`` (default: the shipped one), checked: shapes, finite values, feature names."""
    path = Path(path) if path is not None else SHIPPED
    try:
        data = np.load(path, allow_pickle=False)
        W1, b1, w2 = (np.ascontiguousarray(data[k], np.float64) for k in ("W1", "b1", "w2"))
        b2, beta, band = float(data["b2"]), float(data["beta"]), int(data["band"])
        names = tuple(str(s) for s in data["features"])
    except (OSError, KeyError, ValueError) as exc:
        raise InputError(f"learned weights {path}: cannot be read ({exc})") from None
    hidden = W1.shape[0] if W1.ndim == 2 else -1
    if names != FEATURE_NAMES or W1.shape != (hidden, N_FEATURES) or not (1 <= hidden <= MAX_HIDDEN) \
            or b1.shape != (hidden,) or w2.shape != (hidden,):
        raise InputError(f"learned weights {path}: expected features {', '.join(FEATURE_NAMES)} and a hidden "
                         f"layer of 1..{MAX_HIDDEN} units; got W1 {W1.shape}")
    if not all(np.isfinite(a).all() for a in (W1, b1, w2)) or not np.isfinite([b2, beta]).all() \
            or not (0 <= band <= MAX_BAND):
        raise InputError(f"learned weights {path}: values must be finite and band 0..{MAX_BAND}")
    return Policy(W1, b1, w2, b2, beta, band)
