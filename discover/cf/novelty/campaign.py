"""The campaign's dataset: a store's PCF formulas with their novelty, the `new` ones re-verified deeper,
the equivalence classes, and the constant x novelty table.

``python -m discover.cf.novelty.campaign STORE OUTDIR [--digits 1000] [--max-depth 200000]`` writes

* ``campaign_formulas.jsonl``: every verified formula (kind ``pcf``) of the store, with ``novelty``
  decided again at the :data:`~discover.cf.novelty.classify.THOROUGH` bounds (the search's own, faster
  decision is kept as ``novelty_at_search``), and a ``new`` one that the unification graph joins to a
  formula reaching a listed PCF made ``equivalent``, with that chain of edges;
* ``new.jsonl``: those classified ``new``, each re-verified: exact convergents deepened until
  ``--digits`` digits or ``--max-depth`` (:func:`discover.cf.formula.evaluate_to`), the closed form
  recomputed from its relation with the constants at digits + 20 and compared (``verified_digits``:
  the digits on which the exact convergent and the closed form agree, never more than the convergent
  has), with delta at that depth; a slowly converging fraction reports the digits it has;
* ``classes.json``: the unification graph (:mod:`discover.cf.novelty.unify`) and ``classes.md``
  its summary; ``table.md``: constant x novelty counts;
* ``cmf_walk_formulas.jsonl``: the store's library-CMF walks (kind ``cmf-walk``), each a verified formula
  for its limit, with the novelty of its equivalent PCF (the walk's own decision); a walk's PCF
  that no list holds is still on a library CMF's trajectory by construction, so it is ``equivalent``
  (chain kind ``cmf``: that CMF, trajectory and start), never ``new``. ``table.md`` counts them apart,
  with the number of distinct equivalent PCFs (canonical forms) and how many of those are not among
  the search's formulas.

* ``beyond_lists.jsonl``: the formulas whose equivalence class holds no PCF of a published list (known,
  classic or library-CMF trajectory), directly or through the unification graph: what an equivalence check
  against the published formulas alone (the Ramanujan Machine group's test) would call new. Each is
  ``equivalent`` or ``new`` here: most are placed in a classical family, which is published as a family
  but not as these PCFs. Each is re-verified like a ``new`` one (``deep_check``). Every record of
  ``campaign_formulas.jsonl`` says so in ``reaches_published_list``, and ``table.md`` counts them per constant.
* ``classical_evidence`` on every formula put in a classical family (:mod:`discover.cf.novelty.classical`):
  the family's function ratio against the exact convergents (60 digits, depth <= 20,000), as evidence.

``--reuse FILE`` (an earlier ``campaign_formulas.jsonl``): the novelty of every formula is decided again
(canonical form, folds, classical families), except the thorough coboundary search, the slow part, for a
formula whose earlier decision was made against the same lists (names and row counts): its coboundary
chain to a listed PCF is kept (exact and proof-carrying, so it still holds), and a search that found
none is not repeated (the record states the thorough bounds it ran with, as a fresh decision does, so
an export reusing its own output writes the same files). The deep check of a ``new`` formula and the classical evidence
are reused (they check the limit, not the novelty).

``--base FILE`` (repeatable; an earlier export's ``campaign_formulas.jsonl`` or ``cmf_walk_formulas.jsonl``): its
records join the store's as if they were stored (a store is not shipped, and the first campaign's store was not
kept: a later campaign runs into a fresh store and is exported with the earlier files as its base). A record of
the store replaces a base record of the same key (the same canonical form) unless its own a(n), b(n) are of
higher degree (an inflated variant re-found by a box of higher degree); a base record keeps its
``novelty_at_search`` and its ``first_run_id``, which names a run of the store it came from (``store``: that
store's file name; records of the first store have none).

It reads the store only (no writes) and computes nothing the records do not name besides the deeper
check of the ``new`` class.
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

__all__ = ["export_campaign", "deep_check", "decide", "classical_evidence"]


def deep_check(a: str, b: str, relation: dict | None, digits: int, max_depth: int) -> dict:
    """Re-verify PCF(a, b) = its closed form to ``digits`` digits where convergence allows (module doc)."""
    import mpmath

    from discover.cf.constants import parse_constants
    from discover.cf.formula import evaluate_to
    from discover.cf.identify import mobius_value
    from discover.cf.pcf import PCF

    start = time.perf_counter()
    pcf = PCF.from_polynomials(a, b)
    depth = 64
    while depth < max_depth:  # the largest depth whose convergent stays within the size limit
        try:
            pcf.check_depth(min(max_depth, depth * 2))
        except ValueError:
            break
        depth = min(max_depth, depth * 2)
    ev = evaluate_to(pcf, digits, depth)
    out = {"depth": ev.depth, "digits": math.floor(ev.digits * 100) / 100, "verified_digits": None,
           "delta": None}
    if relation and relation.get("kind") in ("mobius", "linear", "pair"):  # one form: num.(1, C) / den.(1, C)
        work = int(min(ev.digits, digits)) + 20
        with mpmath.workdps(work):
            consts = parse_constants(relation["constants"])
            vals = [c.value(work) for c in consts]
            y = mobius_value(relation["numerator"], relation["denominator"], vals)
            err = abs(ev.value - y)
            agree = float("inf") if err == 0 else float(-mpmath.log10(err / abs(y)))
            out["verified_digits"] = math.floor(min(agree, ev.digits) * 100) / 100
            delta = ev.delta(y)
            out["delta"] = None if not math.isfinite(delta) else round(delta, 6)
    out["seconds"] = round(time.perf_counter() - start, 3)
    return out


def _constant_column(rec: dict, limit_class) -> str:
    """The table's constant: the registry names of the record's relation (e^2, sqrt 3, a Bessel ratio
    each under its own name; zeta(2) under pi, as in the lists, zeta(4) under pi4), else the class of its
    closed form."""
    names = (rec.get("relation") or {}).get("constants") or []
    if names:
        return "+".join(sorted({{"zeta2": "pi", "pi2": "pi", "zeta4": "pi4"}.get(n, n) for n in names}))
    return "+".join(limit_class(rec["closed_form"])) or "-"


def _same_lists(earlier: dict, compared: list[str]) -> bool:
    """Whether an earlier decision was made against the same known lists (names and row counts)."""
    return (earlier.get("novelty") or {}).get("compared_with") == compared


def _reusable_chain(nov: dict) -> bool:
    """An earlier coboundary chain to a listed PCF (exact and proof-carrying: it still holds)."""
    chain = nov.get("chain") or []
    return nov.get("class") == "equivalent" and any(st.get("kind") == "coboundary" for st in chain) \
        and not any("between" in st for st in chain)


def decide(rec: dict, a, b, earlier: dict | None, compared: list[str]) -> dict:
    """The record's novelty at the thorough bounds (module doc, ``--reuse``)."""
    from discover.cf.novelty.classify import THOROUGH, classify

    if earlier is not None and _same_lists(earlier, compared):
        if _reusable_chain(earlier["novelty"]):
            return earlier["novelty"]
        # every step again except the coboundary search, which failed before against the same lists
        nov = classify(a, b, rec["closed_form"], **dict(THOROUGH, max_partners=0))
        if "bounds" in nov:  # the bounds the (earlier) coboundary search ran with: the same decision
            nov["bounds"]["coboundary_partners"] = THOROUGH["max_partners"]
        return nov
    return classify(a, b, rec["closed_form"], **THOROUGH)


def classical_evidence(rec: dict, earlier: dict | None) -> dict | None:
    """For a formula put in a classical family: :func:`discover.cf.novelty.classical.evidence` at 60 digits
    (depth <= 20,000), the family's value against the exact convergents of the PCF the family was read from."""
    from discover.cf.novelty.classical import evidence, family_of
    from discover.cf.polynomial import Polynomial

    listed = (rec["novelty"] or {}).get("listed") or {}
    if not str(listed.get("list", "")).startswith("classical:"):
        return None
    if earlier is not None and (earlier.get("classical_evidence") or {}).get("agreement_digits") is not None \
            and (earlier.get("novelty") or {}).get("listed") == listed:
        return earlier["classical_evidence"]
    a, b = Polynomial.parse(listed["a"]).coeffs, Polynomial.parse(listed["b"]).coeffs
    return evidence(a, b, family_of(a, b), digits=60, max_depth=20_000)


def export_campaign(store_path: str, outdir: str, digits: int = 1000, max_depth: int = 200_000,
                    reuse: str | None = None, base: tuple[str, ...] = ()) -> dict:
    """Write the files of the module doc; returns the summary counts."""
    from discover.cf.novelty.known import limit_class
    from discover.cf.novelty.unify import Formula, graph_json, paths_to_listed, unify
    from discover.cf.polynomial import Polynomial
    from discover.store import Store

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    rows, walks = _base_records(base)
    stored = Path(store_path).name
    with Store(store_path, create=False) as store:
        for row in store.conjectures(engine="cf", kind="pcf"):
            rec = row.record.to_json() | {"first_run_id": row.first_run_id, "store": stored}
            if row.record.key not in rows or _degrees(rec) <= _degrees(rows[row.record.key]):
                rows[row.record.key] = rec
        for row in store.conjectures(engine="cf.cmf", kind="cmf-walk"):
            walks[row.record.key] = row.record.to_json() | {"first_run_id": row.first_run_id, "store": stored}
    rows, walks = list(rows.values()), list(walks.values())
    earlier = {}
    if reuse:
        with open(reuse) as f:
            earlier = {r["key"]: r for r in map(json.loads, f)}
    from discover.cf.novelty.index import load_index

    compared = [f"{x['list']} ({x['rows']} rows)" for x in load_index().lists]
    formulas = []
    for rec in rows:
        canon = rec["canonical"]
        a, b = Polynomial.parse(canon["a"]).coeffs, Polynomial.parse(canon["b"]).coeffs
        if "novelty_at_search" not in rec:  # a base record keeps the decision of its own search
            rec["novelty_at_search"] = (rec.get("novelty") or {}).get("class")
        rec["novelty"] = decide(rec, a, b, earlier.get(rec["key"]), compared)
        formulas.append(Formula(rec["key"], a, b, rec["closed_form"], rec["novelty"], (rec["a"], rec["b"])))
    # every pair of a bucket (the largest holds a few dozen formulas): with the command's default of 200 pairs,
    # one more formula in a bucket could take the budget from a pair that had joined two classes
    result = unify(formulas, max_pairs=EXPORT_MAX_PAIRS)
    # A formula 'new' against the lists may still reach a listed one through other stored formulas (a
    # coboundary or fold to a formula that is known or equivalent): then it is equivalent, by that chain.
    paths = paths_to_listed(result)
    by_key = {rec["key"]: rec for rec in rows}
    promoted = 0
    for rec in rows:
        if rec["novelty"]["class"] == "new" and paths.get(rec["key"]):
            chain = paths[rec["key"]]
            last = chain[-1]
            end = by_key[last["from"] if str(last["to"]).startswith("listed:") else last["to"]]
            rec["novelty"].update({"class": "equivalent", "listed": end["novelty"]["listed"],
                                   "chain": [{"kind": e["kind"], "detail": e["detail"],
                                              "between": [e["from"], e["to"]]} for e in chain]})
            rec["novelty"].pop("bounds", None)
            promoted += 1
    published = {k for c in result["classes"] if c["reaches_published"] for k in c["members"]}
    table: Counter = Counter()
    with open(out / "campaign_formulas.jsonl", "w") as f_all, open(out / "new.jsonl", "w") as f_new, \
            open(out / "beyond_lists.jsonl", "w") as f_beyond:
        for rec in rows:
            klass = rec["novelty"]["class"]
            column = _constant_column(rec, limit_class)
            table[(column, klass)] += 1
            rec["reaches_published_list"] = rec["key"] in published
            evid = classical_evidence(rec, earlier.get(rec["key"]))
            if evid is not None:
                rec["classical_evidence"] = evid
            if klass == "new" or not rec["reaches_published_list"]:
                rec["deep_check"] = earlier.get(rec["key"], {}).get("deep_check") or \
                    deep_check(rec["a"], rec["b"], rec.get("relation"), digits, max_depth)
            if klass == "new":
                f_new.write(json.dumps(rec) + "\n")
            if not rec["reaches_published_list"]:
                table[(column, "beyond")] += 1
                f_beyond.write(json.dumps(rec) + "\n")
            f_all.write(json.dumps(rec) + "\n")
    (out / "classes.json").write_text(json.dumps(graph_json(result, formulas)))
    kinds = Counter(e["kind"] for e in result["edges"])
    lines = [f"{result['formulas']} formulas in {len(result['classes'])} classes; edges: "
             + ", ".join(f"{v} {k}" for k, v in sorted(kinds.items())), "",
             "| size | representative a(n) | b(n) | closed form | reaches a listed PCF or family | "
             "reaches a published list |", "|---|---|---|---|---|---|"]
    for c in result["classes"][:40]:
        lines.append(f"| {c['size']} | {c['formula']['a']} | {c['formula']['b']} | {c['formula']['closed_form']} | "
                     f"{'yes' if c['reaches_listed'] else 'no'} | {'yes' if c['reaches_published'] else 'no'} |")
    (out / "classes.md").write_text("\n".join(lines) + "\n")
    constants = sorted({c for c, _k in table})
    classes = ("known", "equivalent", "new")
    tab = ["| constant | " + " | ".join(classes) + " | total | not reached from a published list |",
           "|---" * 6 + "|"]
    for c in constants:
        counts = [table[(c, k)] for k in classes]
        tab.append(f"| {c} | " + " | ".join(map(str, counts)) + f" | {sum(counts)} | {table[(c, 'beyond')]} |")
    totals = [sum(table[(c, k)] for c in constants) for k in classes]
    beyond = sum(table[(c, "beyond")] for c in constants)
    tab.append("| **all** | " + " | ".join(map(str, totals)) + f" | {sum(totals)} | {beyond} |")
    walk_summary = _export_walks(walks, rows, out)
    tab += ["", "Library-CMF walks (`cf cmf search`; each on a library CMF's trajectory by construction):", "",
            "| CMF | walks | known | equivalent | distinct PCFs | PCFs not among the search's |", "|---" * 6 + "|"]
    for name, w in sorted(walk_summary.items()):
        tab.append(f"| {name} | {w['walks']} | {w['known']} | {w['equivalent']} | {w['pcfs']} | {w['beyond_search']} |")
    (out / "table.md").write_text("\n".join(tab) + "\n")
    return {"formulas": len(rows), "classes": len(result["classes"]), "by_class": dict(zip(classes, totals)),
            "beyond_published_lists": beyond,
            "new_promoted_by_chains": promoted,
            "constants": len([c for c in constants if c not in ("-", "rational")]),
            "cmf_walks": walk_summary}


EXPORT_MAX_PAIRS = 2_000


def _degrees(rec: dict) -> int:
    """deg a + deg b of a record's own a(n), b(n): a store record replaces a base record of the same canonical
    form unless it is of higher degree (an inflated variant, c(n) a(n) and c(n) c(n-1) b(n), re-found in a
    box of higher degree does not replace the plain formula)."""
    from discover.cf.polynomial import Polynomial

    return len(Polynomial.parse(rec["a"]).coeffs) + len(Polynomial.parse(rec["b"]).coeffs)


def _base_records(paths) -> tuple[dict, dict]:
    """The records of earlier exports (module doc, ``--base``), keyed: (search formulas, CMF walks)."""
    rows: dict = {}
    walks: dict = {}
    for path in paths:
        with open(path) as f:
            for line in f:
                rec = json.loads(line)
                if rec.get("kind") == "cmf-walk":
                    walks[rec["key"]] = rec
                elif rec.get("kind") == "pcf":
                    rows[rec["key"]] = rec
    return rows, walks


def _export_walks(walks: list[dict], search_rows: list[dict], out: Path) -> dict:
    """``cmf_walk_formulas.jsonl`` and the per-CMF counts (module doc)."""
    from discover.cf.novelty.classify import THOROUGH, classify
    from discover.cf.novelty.equivalence import canonical_key
    from discover.cf.polynomial import Polynomial
    from discover.errors import InputError

    def canon_of(a: str, b: str):
        try:
            return canonical_key(Polynomial.parse(a).coeffs, Polynomial.parse(b).coeffs)
        except InputError:  # a walk's PCF past the parser's degree limit (64): keyed by its own text
            return ("as written", a, b)

    searched = {canon_of(r["canonical"]["a"], r["canonical"]["b"]) for r in search_rows}
    summary: dict = {}
    seen: dict = {}
    with open(out / "cmf_walk_formulas.jsonl", "w") as f:
        for rec in walks:
            w = summary.setdefault(rec["cmf"], {"walks": 0, "known": 0, "equivalent": 0, "pcfs": 0,
                                                "beyond_search": 0})
            w["walks"] += 1
            pcf = rec.get("pcf")
            if not pcf:  # no equivalent PCF (a walk of a larger matrix): stored, no novelty to decide
                f.write(json.dumps(rec) + "\n")
                continue
            canon = canon_of(pcf["a"], pcf["b"])
            if canon not in seen:
                # the walk's own decision (search bounds) where it has one: a walk is never new, so the
                # thorough bounds could only turn equivalent-by-membership into equivalent-to-a-listed-PCF
                given = rec.get("novelty")
                if given and (given.get("chain") or [{}])[0].get("kind") == "cmf":
                    # a base record (--base): its earlier export made an undecided walk equivalent by its own
                    # trajectory; undo that step, so that each walk of this PCF is given its own trajectory
                    given = dict(given, **{"class": "new"})   # (its chain and listed are replaced below)
                if given is None and canon[0] != "as written":
                    given = classify(canon[0], canon[1], rec["closed_form"], **THOROUGH)
                if given is None or given.get("class") is None:  # undecided (a PCF too large to read or
                    given = {"class": "new", "note": (given or {}).get("error")}  # check): the CMF decides
                seen[canon] = given
                w["pcfs"] += 1
                w["beyond_search"] += canon not in searched
            nov = dict(seen[canon])
            if nov["class"] == "new":
                nov.update({"class": "equivalent", "listed": None, "chain": [
                    {"kind": "cmf", "detail": f"the walk of the library CMF {rec['cmf']} along "
                                              f"{tuple(rec['trajectory'])} from {tuple(rec['start'])}"}]})
                nov.pop("bounds", None)
            if "novelty_at_search" not in rec:
                rec["novelty_at_search"] = (rec.get("novelty") or {}).get("class")
            rec["novelty"] = nov
            w[nov["class"]] += 1
            f.write(json.dumps(rec) + "\n")
    return summary


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store")
    parser.add_argument("outdir")
    parser.add_argument("--digits", type=int, default=1000)
    parser.add_argument("--max-depth", type=int, default=200_000)
    parser.add_argument("--reuse", default=None, help="an earlier campaign_formulas.jsonl (module doc)")
    parser.add_argument("--base", action="append", default=[],
                        help="records of an earlier export, taken as stored (repeatable; module doc)")
    args = parser.parse_args()
    print(json.dumps(export_campaign(args.store, args.outdir, args.digits, args.max_depth, args.reuse,
                                     tuple(args.base))))
    sys.exit(0)
