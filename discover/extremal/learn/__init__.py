"""Learned guidance for the extremal search: a move policy for the edge-flip walk, learnt from the walk.

The tabu search (:func:`discover.extremal.flips.tabu_search`) takes, at each step, the allowed flip of
best hand score ``edges - violations`` and breaks the many ties at random. The *learned walk* keeps the
tabu list, the kicks and the hand score, and lets a small network choose among the flips whose score
is within ``band`` of the best: flip {u, v} gets the logit ``beta * delta(u, v) + f(phi(u, v))``, and
the move is drawn from the softmax of the logits (Gumbel-max). ``phi`` are features of the pair that
depend on the graph only, not on the vertex labels (is an edge, change in violations, common
neighbours, endpoint degrees, the violated structures at the endpoints, their neighbours' mean
degree: one round of message passing over the graph), and ``f`` is one shared two-layer perceptron,
so the policy is permutation-equivariant: relabelling the vertices relabels the move distribution.

Training (needs the optional extra ``learn``, torch) is filtered behaviour cloning, then expert
iteration by self-play (Anthony, Tian and Barber 2017, "Thinking fast and slow with deep learning and
tree search"; the ranking-policy view of Wagner 2021, "Constructions in combinatorics via neural
networks"): trajectories of the tabu rule itself (round 0: the learned walk with a zero network and a
large ``beta`` is the tabu rule) are recorded with each step's candidate moves; a step is weighted by
how the walk fared in the steps after it (a valid graph as good as the best so far, or better); the
network is fitted to raise the weighted log-probability of the chosen moves; the next round records
the trained policy's own walks (self-play) and fits again on all rounds.

Inference runs in Numba (:mod:`discover.extremal.learn.walk`) from weights in a small ``.npz``
(:mod:`discover.extremal.learn.weights`), so ``--walks learned`` needs no torch.

Modules: ``features`` (the pair features, Numba), ``walk`` (the learned walk kernel, with recording),
``weights`` (load, check, save the exported network), ``model`` (the torch network), ``train``
(trajectories, weighting, fitting, self-play, export).
"""
