"""The policy network in torch (training only; the search reads the exported weights with NumPy/Numba).

``f(x) = b2 + w2 . tanh(W1 x + b1)`` on the pair features, exactly the function of
:func:`discover.extremal.learn.features.network`; the logit of a candidate flip is
``beta * delta + f(x)`` (``beta`` fixed, not learnt).
"""

from __future__ import annotations

import numpy as np
import torch

from discover.extremal.learn.features import N_FEATURES
from discover.extremal.learn.weights import Policy


class PairScorer(torch.nn.Module):
    def __init__(self, hidden: int = 16):
        super().__init__()
        self.hidden = torch.nn.Linear(N_FEATURES, hidden)
        self.out = torch.nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Scores of feature vectors x (..., N_FEATURES) -> (...)."""
        return self.out(torch.tanh(self.hidden(x))).squeeze(-1)

    def export(self, beta: float, band: int) -> Policy:
        """The network as a :class:`Policy` (float64 arrays) for the Numba walk."""
        get = lambda t: t.detach().cpu().double().numpy().copy()  # noqa: E731
        return Policy(get(self.hidden.weight), get(self.hidden.bias), get(self.out.weight)[0],
                      float(get(self.out.bias)[0]), float(beta), int(band))


def device() -> torch.device:
    """A GPU when there is one (used, never needed), else the CPU."""
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def sampled_softmax_loss(model: PairScorer, x, delta, slots, band, weight, beta: float) -> torch.Tensor:
    """Weighted negative log-probability of the move taken (slot 0) under the softmax of
    ``beta * delta + f(x)`` over the step's candidates, estimated from the recorded sample: the other
    slots stand for ``band - 1`` candidates, so their exponentials are scaled by
    ``(band - 1) / (slots - 1)`` (an unbiased estimate of the partition function's other terms)."""
    logits = beta * delta + model(x)
    k = x.shape[1]
    idx = torch.arange(k, device=x.device)[None, :]
    others = (slots - 1).clamp(min=1).to(logits.dtype)
    scale = torch.log((band - 1).clamp(min=1).to(logits.dtype) / others)
    adj = torch.where(idx == 0, torch.zeros_like(logits), logits + scale[:, None])
    adj = torch.where(idx == 0, logits, adj)
    adj = torch.where(idx < slots[:, None], adj, torch.full_like(logits, -np.inf))
    logp = logits[:, 0] - torch.logsumexp(adj, dim=1)
    return -(weight * logp).sum() / weight.sum().clamp(min=1e-9)
