"""The Cayley engines as the runner sees them.

* ``cayley.growth`` (:data:`GROWTH_ENGINE`): a :class:`GrowthSpec` names one graph (a family at one
  size, or user permutations / matrices) or, for mining, several families over a range of sizes; one
  shard per (family, size). Each shard runs a full BFS and returns one ``growth`` record: the layer
  sizes, diameter and order, verified by :func:`discover.cayley.verify.verify_growth` (the layers sum to
  the group or orbit order found independently); a growth whose order cannot be found that way is
  returned computed but unverified (``verified=False``: shown, not stored).
* ``cayley.mine`` (:data:`MINE_ENGINE`): a pipeline (one run, one checkpoint): the growth shards of a
  :class:`MineSpec` (several families over a range of sizes, or at fixed sizes over the modulus p or a
  family parameter k), then the fit stage derived from their verified records by :func:`fit_stage`, so
  ``discover resume`` after a kill finishes both stages.
* ``cayley.fit`` (:data:`FIT_ENGINE`): a :class:`FitSpec` holds computed values of a quantity (the
  diameter, ...) of one family over several values of n, p or k; one shard per (family, quantity) fits a
  quasi-polynomial in that variable (:mod:`discover.cayley.fit`: at least two held-out values per residue
  class) and returns a ``conjecture`` record only if the formula, re-parsed from its printed form
  (:func:`discover.cayley.verify.check_formula`), reproduces every computed value; one more shard per
  family returns its ``bound`` record: the largest diameter against n^2/2 + 4n, the bound the CayleyPy
  paper conjectures for S_n.

Every size, degree and modulus is checked against :mod:`discover.cayley.limits` when the spec is built,
and :meth:`GrowthSpec.check_memory` refuses a search that cannot fit before any kernel loads.

Record keys: a growth record's canonical form is the graph itself (kind, modulus, start state and the
sorted generators), so recomputing the same graph under another name is stored once; a conjecture's is
(family, quantity, modulus, polynomials, n_min).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from discover.cayley.limits import (MAX_DEPTH, MAX_FAMILY_N, MAX_KEPT_STATES, MAX_LAST_LAYER, MAX_MATRIX_DEGREE,
                                    MAX_MEMORY_GB, MAX_MODULUS, MAX_PARTIAL_FAMILY_N, MAX_PERM_DEGREE, MAX_STATES)
from discover.errors import InputError
from discover.records import Record, canonical_key
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

ENGINES = ("auto", "bitmap", "frontier")
MAX_MEMORY_BYTES = int(MAX_MEMORY_GB * 2**30)
QUANTITIES = ("diameter", "last_layer_size")


@dataclass(frozen=True)
class GrowthSpec(SearchSpec):
    """Which graphs to grow.

    ``families`` with ``sizes`` (every family at every size), or ``perms`` (permutations as text) or
    ``matrices`` (matrices as text, with ``modulus``); ``modulus`` also parametrises matrix families;
    ``start``: a word or vector (Schreier coset graph) instead of the identity; ``inverse_closed``:
    add the inverse of every generator; ``engine``: auto, bitmap or frontier; ``memory``: the memory
    limit in bytes (default: what is available); ``last_layer_limit``: list the last layer when it has
    at most this many vertices."""

    families: tuple[str, ...] = ()
    sizes: tuple[int, ...] = ()
    perms: tuple[str, ...] = ()
    gap: str = ""  # the text of a GAP puzzle definition (--gap FILE, read by the CLI)
    gap_source: str = "--gap"
    matrices: tuple[str, ...] = ()
    modulus: int | None = None
    start: str | None = None
    more_starts: tuple[str, ...] = ()  # further --start states (the growth of the set)
    inverse_closed: bool = False
    engine: str = "auto"
    memory: int | None = None
    last_layer_limit: int = 20
    max_depth: int | None = None
    max_layer_size: int | None = None
    keep_layers: tuple[int, ...] = ()
    keep_limit: int = 1000
    spectrum: bool = False  # also the adjacency spectrum (graphs of at most MAX_SPECTRUM_VERTICES vertices)

    @property
    def partial(self) -> bool:
        return self.max_depth is not None or self.max_layer_size is not None

    def __post_init__(self):
        if self.engine not in ENGINES:
            raise InputError(f"--engine {self.engine!r}: expected one of {', '.join(ENGINES)}")
        given = sum(bool(x) for x in (self.families, self.perms, self.matrices, self.gap))
        if given == 0:
            raise InputError("--generators: give a family name, --perm, --matrix or --gap")
        if given > 1:
            raise InputError("--generators, --perm, --matrix and --gap cannot be combined")
        if self.modulus is not None and not 2 <= self.modulus <= MAX_MODULUS:
            raise InputError(f"--modulus {self.modulus}: must be 2..{MAX_MODULUS}")
        if self.max_depth is not None and not 1 <= self.max_depth <= MAX_DEPTH:
            raise InputError(f"--max-depth {self.max_depth}: must be 1..{MAX_DEPTH:,}")
        if self.max_layer_size is not None and not 1 <= self.max_layer_size <= MAX_STATES:
            raise InputError(f"--max-layer-size {self.max_layer_size}: must be 1..{MAX_STATES:,}")
        if not 0 <= self.keep_limit <= MAX_KEPT_STATES:
            raise InputError(f"--layer-limit {self.keep_limit}: must be 0..{MAX_KEPT_STATES:,}")
        if any(not 0 <= k <= MAX_DEPTH for k in self.keep_layers):
            raise InputError(f"--layers: layer indices are 0..{MAX_DEPTH:,}")
        top = MAX_PERM_DEGREE if self.perms else MAX_MATRIX_DEGREE if self.matrices else (
            MAX_PARTIAL_FAMILY_N if self.partial else MAX_FAMILY_N)
        for n in self.sizes:
            if not 1 <= n <= top:
                raise InputError(f"--n {n}: out of range; sizes must be 1..{top}")
        if self.memory is not None and not 0 < self.memory <= MAX_MEMORY_BYTES:
            raise InputError(f"--memory: {self.memory} bytes is out of range (0..{MAX_MEMORY_BYTES} bytes)")
        if not 0 <= self.last_layer_limit <= MAX_LAST_LAYER:
            raise InputError(f"--last-layer {self.last_layer_limit}: must be 0..{MAX_LAST_LAYER}")
        for shard in shards(self):
            graph = graph_for(self, shard.params)  # parse and validate every graph up front
            if graph.kind == "matrix" and graph.modulus == 0 and self.max_depth is None:
                raise InputError(f"{graph.name}: a matrix group over the integers is infinite; give --max-depth D "
                                 f"(1..{MAX_DEPTH:,}) for its first D layers")
            if self.spectrum:
                _check_spectrum(self, graph)

    def check_memory(self) -> None:
        """Refuse (``InputError``) before anything runs when some graph would not fit in memory, or the
        chosen ``--engine`` cannot search it."""
        from discover.cayley.plan import check_engine, check_memory, choose_engine

        for shard in shards(self):
            graph = graph_for(self, shard.params)
            if self.partial or self.keep_layers or self.more_starts:
                if self.engine == "bitmap":
                    raise InputError("--engine bitmap: partial searches, --layers and several --start run the "
                                     "frontier engine")
                if not self.partial:  # a partial search checks each layer's memory as it reaches it
                    check_memory(graph, "frontier", self.memory, known_order(graph))
                continue
            order = known_order(graph)
            engine = choose_engine(graph, order) if self.engine == "auto" else self.engine
            check_engine(graph, engine)
            check_memory(graph, engine, self.memory, order)


def _check_spectrum(spec: GrowthSpec, graph) -> None:
    """--spectrum: only for complete searches of graphs of at most MAX_SPECTRUM_VERTICES vertices."""
    from discover.cayley.limits import MAX_SPECTRUM_VERTICES

    if spec.partial:
        raise InputError("--spectrum: the spectrum needs the whole graph, not a partial search")
    if graph.kind != "perm":
        raise InputError("--spectrum: permutation groups and their orbits only")
    order = known_order(graph)
    if order is None or order > MAX_SPECTRUM_VERTICES:
        raise InputError(f"--spectrum: {graph.name} has {'an unknown number of' if order is None else f'{order:,}'} "
                         f"vertices; the spectrum is computed for at most {MAX_SPECTRUM_VERTICES:,}")


def known_order(graph) -> int | None:
    """The number of vertices of ``graph`` when it is known without its BFS (``InputError`` when it is
    more than any search can hold)."""
    from discover.cayley.verify import expected_order

    order, how = expected_order(graph)
    if order is None and how.startswith("more than"):
        raise InputError(f"--n: {graph.name}: the group has {how}; no search fits in memory")
    return order


def shards(spec: GrowthSpec):
    if spec.families:
        from discover.cayley.families import parse_family

        for family in spec.families:
            low = parse_family(family)[0].min_n
            for n in spec.sizes or (None,):
                if len(spec.sizes) > 1 and n < low:
                    continue  # a range of sizes starts at each family's smallest size
                yield Shard(id=f"{family}-{n if n is not None else 'fixed'}", params={"family": family, "n": n})
    else:
        yield Shard(id="custom", params={})


# ---------------------------------------------------------------------------- graphs of a spec
def graph_for(spec: GrowthSpec, params: dict):
    """The :class:`~discover.cayley.graph.GraphDef` of one shard (``InputError`` for bad input)."""
    from discover.cayley import perms as P
    from discover.cayley.families import build_family, parse_family
    from discover.cayley.graph import matrix_graph, perm_graph
    from discover.cayley.parse import parse_matrix, parse_start

    n = params.get("n")
    if spec.families:
        graph = build_family(params["family"], n, spec.modulus)
        kind = parse_family(params["family"])[0].kind
    elif spec.perms:
        if spec.modulus is not None:
            raise InputError("--modulus: only for matrix groups")
        gens = P.parse_perms(spec.perms, spec.sizes[0] if spec.sizes else None)
        graph = perm_graph("perms", gens, len(gens[0]), names=tuple(P.to_cycles(g) for g in gens))
        kind = "perm"
    elif spec.gap:
        from discover.cayley.gap import parse_gap

        if spec.modulus is not None or spec.sizes:
            raise InputError("--gap: the file fixes the puzzle; leave out --n and --modulus")
        gens, names, colours = parse_gap(spec.gap, spec.gap_source)
        graph = perm_graph("gap", gens, len(gens[0]), start=colours, names=tuple(names))
        kind = "perm"
    else:
        if spec.modulus is None:
            raise InputError("--matrix: needs --modulus p")
        parsed = [parse_matrix(m) for m in spec.matrices]
        sizes = {k for k, _ in parsed}
        if len(sizes) > 1:
            raise InputError(f"--matrix: degree mismatch (matrices of sizes {sorted(sizes)})")
        k = sizes.pop()
        if spec.sizes and spec.sizes[0] != k:
            raise InputError(f"--n {spec.sizes[0]}: the matrices are {k}x{k}")
        graph = matrix_graph("matrices", [m for _, m in parsed], k, spec.modulus)
        kind = "matrix"
    if spec.inverse_closed:
        graph = graph.with_inverses()
    if spec.more_starts and spec.start is None:
        raise InputError("--start: further start states need a first one")
    if spec.start is not None:
        from discover.cayley.parse import parse_starts

        every, _ = parse_starts((spec.start, *spec.more_starts), kind)
        values = every[0]
        if kind == "perm":
            graph = perm_graph(graph.name, graph.generators, graph.degree, start=values, names=graph.generator_names)
        else:
            if len(values) != graph.degree:
                raise InputError(f"--start: a vector of length {graph.degree} is expected, got {len(values)}")
            graph = matrix_graph(graph.name, graph.generators, graph.degree, graph.modulus, start=values,
                                 names=graph.generator_names)
        hint = graph_for(replace(spec, start=None, more_starts=()), params).group_order_hint
        graph = replace(graph, group_order_hint=hint)  # the group is the same, only its orbit differs
        if spec.more_starts:
            for other in every[1:]:
                if len(other) != len(values):
                    raise InputError(f"--start: every start state must have {len(values)} entries")
            others = tuple(tuple(int(v) % graph.modulus if kind == "matrix" else v for v in o) for o in every[1:])
            graph = replace(graph, more_starts=others)
    return graph


def format_state(spec: GrowthSpec, graph, state, family: str | None = None) -> str:
    if family == "burnt_pancake" and spec.start is None:
        # sides 0..n-1 face up, n..2n-1 the same pancakes burnt side up: a signed permutation
        n = len(state) // 2
        return "[" + " ".join(str(v + 1) if v < n else str(-(v - n + 1)) for v in state[:n]) + "]"
    if graph.kind == "perm" and spec.start is not None:
        from discover.cayley.parse import parse_starts

        _, alphabet = parse_starts((spec.start, *spec.more_starts), "perm")
        letters = [alphabet[v] for v in state]
        return ("".join(letters) if all(len(t) == 1 for t in alphabet) else " ".join(letters))
    return graph.format_state(state)


# ---------------------------------------------------------------------------- growth shards
def growth_canonical(graph, depth: int | None = None) -> dict:
    """The canonical form of a growth record: the graph itself (kind, modulus, start state and the
    sorted generators), so the same graph under another name is stored once; a partial growth adds the
    depth it reached (its first layers are another record than the full growth)."""
    out = {"kind": graph.kind, "modulus": graph.modulus, "start": list(graph.start),
           **({"more_starts": sorted(list(s) for s in graph.more_starts)} if graph.more_starts else {}),
           "generators": sorted(list(g) for g in graph.generators)}
    if depth is not None:
        out["partial_depth"] = depth
    return out


def growth_key(graph) -> str:
    """The store key of the growth record of ``graph``."""
    return canonical_key("cayley.growth", "growth", growth_canonical(graph))


def _limit_name(stopped_by: str) -> str:
    return "the memory limit" if stopped_by == "memory" else "--" + stopped_by.replace("_", "-")


def growth_record(spec: GrowthSpec, params: dict, graph, result, spectrum=None) -> Record:
    """The growth record of one graph, verified by :func:`discover.cayley.verify.verify_growth`."""
    from discover.cayley.verify import verify_growth, verify_partial_growth

    partial = result.stopped_by is not None
    if partial:
        verified, check = verify_partial_growth(graph, result.layer_sizes)
    else:
        verified, check = verify_growth(graph, result.layer_sizes)
    family = params.get("family")
    n = params.get("n")
    if family is None:
        n = graph.degree
    generators = family if family is not None else [
        graph.generator_names[i] if graph.kind == "perm" else list(g) for i, g in enumerate(graph.generators)]
    last = [format_state(spec, graph, s, family) for s in result.last_layer]
    what = f"{graph.name}" + (" from " + ", ".join(format_state(spec, graph, s)
                                                   for s in (graph.start, *graph.more_starts)) if spec.start else "")
    sizes = result.layer_sizes
    shown = ",".join(map(str, sizes)) if len(sizes) <= 40 else ",".join(map(str, sizes[:40])) + ",..."
    if partial:
        statement = (f"{what}: first {len(sizes)} layers (partial, stopped by {_limit_name(result.stopped_by)}),"
                     f" {result.order} states, growth {shown}")
    else:
        statement = f"{what}: diameter {result.diameter}, order {result.order}, growth {shown}"
    payload = {
        "generators": generators,
        "family": family,
        "n": n,
        "modulus": graph.modulus or None,
        "start": spec.start,
        "starts": [spec.start, *spec.more_starts] if spec.more_starts else None,
        "inverse_closed": spec.inverse_closed,
        "directed": not graph.undirected,
        "layer_sizes": sizes,
        "diameter": result.diameter,
        "order": result.order,
        "last_layer": last,
        "last_layer_size": sizes[-1],
        "bfs_engine": result.engine,
        "partial": partial,
        "stopped_by": result.stopped_by,
    }
    if spectrum is not None:
        payload["spectrum"] = spectrum
    if partial:  # a diameter and an order are not known from the first layers
        payload.update({"diameter": None, "order": None, "depth": result.diameter, "states": result.order})
    if result.kept_layers:
        payload["layers"] = {str(k): [format_state(spec, graph, s, family) for s in v]
                             for k, v in sorted(result.kept_layers.items())}
    method = (f"BFS to layer {result.diameter}, stopped by {_limit_name(result.stopped_by)} ({result.engine})"
              if partial else f"exhaustive BFS ({result.engine})")
    verification = {"method": method, **check, "seconds": round(result.seconds, 3)}
    canonical = growth_canonical(graph, result.diameter if partial else None)
    if spectrum is not None:  # the record with the spectrum is another record than the bare growth
        canonical["spectrum"] = True
    return Record.create("cayley.growth", "growth", canonical, statement, payload, verification, verified=verified)


def run_growth_shard(spec: GrowthSpec, shard: Shard) -> ShardResult:
    from discover.cayley.bfs import growth

    graph = graph_for(spec, shard.params)
    order = None if spec.partial else known_order(graph)
    result = growth(graph, engine=spec.engine, memory_limit=spec.memory, last_layer_limit=spec.last_layer_limit,
                    order=order, max_depth=spec.max_depth, max_layer_size=spec.max_layer_size,
                    keep_layers=spec.keep_layers, keep_limit=spec.keep_limit)
    spectrum = None
    if spec.spectrum:
        from discover.cayley.export import spectrum as adjacency_spectrum
        from discover.cayley.export import vertices_and_neighbours
        from discover.cayley.limits import MAX_SPECTRUM_VERTICES

        _, targets = vertices_and_neighbours(graph, MAX_SPECTRUM_VERTICES)
        spectrum = adjacency_spectrum(targets, graph.undirected)
    record = growth_record(spec, shard.params, graph, result, spectrum)
    return ShardResult(records=[record], candidates=1, rejected=0)


GROWTH_ENGINE = Engine("cayley.growth", GrowthSpec, shards, run_growth_shard)


# ---------------------------------------------------------------------------- fit shards
VARIABLES = ("n", "p", "k")  # what a fit runs over: the size, the modulus, a family parameter k


@dataclass(frozen=True)
class FitSpec(SearchSpec):
    """Computed values to explain: ``data`` is a tuple of (family, quantity, ((x, value), ...)), x the
    ``variable``: the size n, or the modulus p or family parameter k at a fixed size (``sizes`` holds
    (family, n) for those). ``bounds``: also one bound report per family, its largest diameter against
    n^2/2 + 4n."""

    data: tuple = ()
    max_modulus: int = 4
    variable: str = "n"
    sizes: tuple = ()
    bounds: bool = False

    def __post_init__(self):
        if not 1 <= self.max_modulus <= 8:
            raise InputError(f"--max-modulus {self.max_modulus}: expected 1..8")
        if self.variable not in VARIABLES:
            raise InputError(f"--over {self.variable!r}: expected one of {', '.join(VARIABLES)}")
        for family, quantity, points in self.data:
            if quantity not in QUANTITIES:
                raise InputError(f"quantity {quantity!r}: expected one of {', '.join(QUANTITIES)}")

    def size_of(self, family: str, x: int) -> int:
        """The size n of ``family`` at the point x of the fit (x itself when the fit runs over n)."""
        return int(x) if self.variable == "n" else int(dict(self.sizes)[family])


def fit_shards(spec: FitSpec):
    for family, quantity, _ in spec.data:
        yield Shard(id=f"{family}-{quantity}", params={"family": family, "quantity": quantity})
    if spec.bounds:
        for family, quantity, _ in spec.data:
            if quantity == "diameter":
                yield Shard(id=f"{family}-bound", params={"family": family, "quantity": "bound"})


def _formula_text(qp, variable: str) -> str:
    factored = qp.factored(variable)
    if qp.modulus == 1:
        return factored[0]
    parts = [f"{p} if {variable} = {r} mod {qp.modulus}" for r, p in enumerate(factored) if p is not None]
    empty = [str(r) for r, p in enumerate(factored) if p is None]
    if empty:
        parts.append(f"no data for {variable} = {', '.join(empty)} mod {qp.modulus}")
    return "; ".join(parts)


def run_fit_shard(spec: FitSpec, shard: Shard) -> ShardResult:
    from discover.cayley.fit import fit_quasi_polynomial
    from discover.cayley.verify import check_formula

    family, quantity = shard.params["family"], shard.params["quantity"]
    if quantity == "bound":
        return run_bound_shard(spec, family)
    var = spec.variable
    points = next(p for f, q, p in spec.data if f == family and q == quantity)
    ns = [int(n) for n, _ in points]
    values = [int(v) for _, v in points]
    qp = fit_quasi_polynomial(ns, values, spec.max_modulus)
    if qp is None:
        return ShardResult(records=[], candidates=1, rejected=0)
    polys = qp.polynomials(var)
    ok = check_formula(polys, qp.modulus, qp.n_min, ns, values, var)
    if not ok:
        return ShardResult(records=[], candidates=1, rejected=1)
    statement = f"{quantity} of {family} for {var} >= {qp.n_min}: {_formula_text(qp, var)}"
    payload = {
        "family": family,
        "quantity": quantity,
        "modulus": qp.modulus,
        "polynomials": polys,
        "n_min": qp.n_min,
        "fitted_on": list(qp.fitted_on),
        "predicted": list(qp.predicted),
        "predicted_count": len(qp.predicted),
        "values": {str(n): v for n, v in zip(ns, values)},
    }
    if var != "n":
        payload.update({"variable": var, "n": spec.size_of(family, ns[0])})
    verification = {
        "method": "fitted on some values, the printed formula re-parsed and checked exactly on every computed value",
        "sizes_checked": [n for n in ns if n >= qp.n_min],
        "predicted_per_residue": qp.predicted_per_residue(),
    }
    canonical = [family, quantity, qp.modulus, polys, qp.n_min] + ([var] if var != "n" else [])
    record = Record.create("cayley.fit", "conjecture", canonical, statement, payload, verification, verified=True)
    return ShardResult(records=[record], candidates=1, rejected=0)


def run_bound_shard(spec: FitSpec, family: str) -> ShardResult:
    """The bound report of one family: its largest computed diameter against n^2/2 + 4n (the CayleyPy
    paper's conjectured bound for S_n), and the largest ratio diameter / (n^2/2 + 4n) over the computed
    points; re-checked in integers by :func:`discover.cayley.verify.bound_holds`."""
    from fractions import Fraction

    from discover.cayley.verify import bound_holds

    var = spec.variable
    points = [(int(x), int(d)) for x, d in next(p for f, q, p in spec.data if f == family and q == "diameter")]
    rows = []
    for x, d in points:
        n = spec.size_of(family, x)
        bound = Fraction(n * n, 2) + 4 * n
        rows.append((x, n, d, bound, Fraction(d) / bound))
    x_max, n_max, d_max, b_max, _ = max(rows, key=lambda r: (r[2], r[0]))
    x_worst, n_worst, _, _, ratio = max(rows, key=lambda r: (r[4], r[0]))
    holds = all(d <= b for _, _, d, b, _ in rows)
    verified = holds == all(bound_holds(n, d) for _, n, d, _, _ in rows)
    where = f"{var} = {x_max}" + (f" (n = {n_max})" if var != "n" else "")
    statement = (f"{family}: largest diameter {d_max} at {where}, n^2/2 + 4n = {float(b_max):g}; "
                 f"{'within the bound at every computed point' if holds else 'ABOVE the bound'} "
                 f"(largest ratio {float(ratio):.3f} at {var} = {x_worst})")
    payload = {
        "family": family,
        "variable": var,
        "largest_diameter": d_max,
        "at": x_max,
        "n": n_max,
        "bound": float(b_max),
        "holds": holds,
        "largest_ratio": round(float(ratio), 6),
        "largest_ratio_at": x_worst,
        "diameters": {str(x): d for x, _, d, _, _ in rows},
    }
    verification = {"method": "2 * diameter <= n^2 + 8n compared in integers at every computed point",
                    "points": len(rows)}
    canonical = ["bound", family, var, sorted(points)]
    record = Record.create("cayley.fit", "bound", canonical, statement, payload, verification, verified=verified)
    return ShardResult(records=[record], candidates=1, rejected=0)


FIT_ENGINE = Engine("cayley.fit", FitSpec, fit_shards, run_fit_shard)


# ---------------------------------------------------------------------------- the mine pipeline
@dataclass(frozen=True)
class MineSpec(GrowthSpec):
    """``discover cayley mine``: growth (stage 1), then a quasi-polynomial fit of each quantity of each
    family and a bound report per family (stage 2, :class:`FitSpec` with ``max_modulus``).

    ``over``: what the fit runs over. ``n``: every family at every size in ``sizes``. ``p``: matrix
    families at the sizes in ``sizes`` (or each family's default size), for every modulus in ``values``.
    ``k``: families whose first parameter is k (``consecutive_k_cycles``, written without k), at the sizes
    in ``sizes``, for every k in ``values``."""

    max_modulus: int = 4
    over: str = "n"
    values: tuple[int, ...] = ()

    def __post_init__(self):
        from discover.cayley.limits import MAX_MINE_SIZES, MAX_PARAM

        if not self.families:
            raise InputError("--generators: give one or more family names")
        if self.over not in VARIABLES:
            raise InputError(f"--over {self.over!r}: expected n (the size), p (the modulus of a matrix family) "
                             "or k (the parameter k of a family)")
        if not 1 <= self.max_modulus <= 8:
            raise InputError(f"--max-modulus {self.max_modulus}: expected 1..8")
        if self.over == "n":
            if self.values:
                raise InputError("--values: only with --over p or --over k (over n the sizes are --n)")
            if not self.sizes:
                raise InputError("--n: give the sizes to mine over (e.g. --n 4..9)")
            super().__post_init__()
            return
        if not self.values:
            raise InputError(f"--values: give the values of {self.over} to mine over (e.g. --values 3,5,7,11,13)")
        if len(self.values) > MAX_MINE_SIZES:
            raise InputError(f"--values: at most {MAX_MINE_SIZES} values in one mine")
        low, high = (2, MAX_MODULUS) if self.over == "p" else (1, MAX_PARAM)
        for v in self.values:
            if not low <= v <= high:
                raise InputError(f"--values {v}: {self.over} must be {low}..{high}")
        if self.over == "p" and self.modulus is not None:
            raise InputError("--modulus: with --over p the moduli are the --values")
        for family in self.families:
            self._check_family(family)
        for v in self.values:
            self.at(v)  # builds and validates every graph of this value

    def _check_family(self, text: str) -> None:
        from discover.cayley.families import parse_family

        fam, given = parse_family(text)
        if self.over == "p" and fam.kind != "matrix":
            raise InputError(f"--generators {text!r}: --over p needs a matrix family (unitriangular, heisenberg, "
                             "sl2, ...); it is a permutation family")
        if self.over == "k":
            if not fam.params or fam.params[0].name != "k":
                raise InputError(f"--generators {text!r}: --over k needs a family with a parameter k "
                                 "(e.g. consecutive_k_cycles)")
            if given:
                raise InputError(f"--generators {text!r}: with --over k write the family without k "
                                 f"({fam.name}); the values of k are --values")

    def at(self, value: int) -> GrowthSpec:
        """The growth spec of one value of the parameter (``over`` p or k)."""
        base = {f.name: getattr(self, f.name) for f in fields(GrowthSpec)}
        if self.over == "p":
            base["modulus"] = value
        else:
            base["families"] = tuple(f"{f}:{value}" for f in self.families)
        return GrowthSpec(**base)

    def check_memory(self) -> None:
        if self.over == "n":
            super().check_memory()
            return
        for v in self.values:
            self.at(v).check_memory()


def mine_shards(spec: MineSpec):
    """Over n, the growth shards (ids ``FAMILY-N``); over p or k, one per family, size and value (ids
    ``FAMILY-N-pV`` / ``FAMILY:V-N-kV``), with the family's name (``series``) and the value in params."""
    if spec.over == "n":
        yield from shards(spec)
        return
    from discover.cayley.families import parse_family

    for v in spec.values:
        for base, family in zip(spec.families, spec.at(v).families):
            fam = parse_family(family)[0]
            for n in spec.sizes or (fam.default_n,):
                yield Shard(id=f"{family}-{n}-{spec.over}{v}",
                            params={"family": family, "n": n, spec.over: v, "series": base})


def run_mine_shard(spec: MineSpec, shard: Shard) -> ShardResult:
    if spec.over == "n":
        return run_growth_shard(spec, shard)
    return run_growth_shard(spec.at(shard.params[spec.over]), shard)


def mined_growth(spec: MineSpec, records) -> list[tuple[str, int, int, Record]]:
    """(family, n, x, growth record) for every shard of ``spec`` whose record is among ``records``, in
    shard order; x is the value fitted over (n itself, or the modulus p, or k). Records are matched by key
    (the graph's canonical form), not by their payload: a graph that the store first saw under another
    name (coxeter and stars are the same graph at n = 2) keeps that name in its stored payload, but it is
    this family's value all the same."""
    by_key = {r.key: r for r in records if r.kind == "growth"}
    out = []
    for shard in mine_shards(spec):
        params = shard.params
        growth_spec = spec if spec.over == "n" else spec.at(params[spec.over])
        key = growth_key(graph_for(growth_spec, params))
        if key in by_key:
            x = params["n"] if spec.over == "n" else params[spec.over]
            out.append((params.get("series", params["family"]), params["n"], x, by_key[key]))
    return out


def series_label(spec: MineSpec, family: str, n: int | None) -> str:
    """The name of one fitted series: the family over n, or the family at its size over p or k (with
    ``inverse-closed`` when the inverses were added)."""
    label = family + (" inverse-closed" if spec.inverse_closed else "")
    return label if spec.over == "n" else f"{label} n={n}"


def fit_spec_from_growth(spec: MineSpec, records) -> FitSpec:
    """The fit stage of a mine run: per family (and size, over p or k) and quantity, the values over
    the computed points, and a bound report per family."""
    table: dict[tuple[str, str], dict[int, int]] = {}
    sizes: dict[str, int] = {}
    for family, n, x, record in mined_growth(spec, records):
        if x is None:
            continue
        label = series_label(spec, family, n)
        if spec.over != "n":
            sizes[label] = int(n)
        for q in QUANTITIES:
            table.setdefault((label, q), {})[int(x)] = int(record.payload[q])
    data = tuple((f, q, tuple(sorted(v.items()))) for (f, q), v in sorted(table.items()))
    return FitSpec(data=data, max_modulus=spec.max_modulus, variable=spec.over, sizes=tuple(sorted(sizes.items())),
                   bounds=True)


def fit_stage(spec: MineSpec, records):
    """``then`` of :data:`MINE_ENGINE`: the fit stage built from the verified growth records."""
    fit_spec = fit_spec_from_growth(spec, records)
    return (FIT_ENGINE, fit_spec) if fit_spec.data else None


MINE_ENGINE = Engine("cayley.mine", MineSpec, mine_shards, run_mine_shard, then=fit_stage)


__all__ = ["GrowthSpec", "MineSpec", "FitSpec", "VARIABLES", "GROWTH_ENGINE", "MINE_ENGINE", "FIT_ENGINE"]
