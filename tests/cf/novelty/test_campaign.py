"""The campaign export (python -m discover.cf.novelty.campaign): formulas with their thorough novelty, the
`new` ones and those no published list reaches re-verified, library-CMF walks never called new, and --reuse
keeping earlier decisions."""

from __future__ import annotations

import json

from bad_input import run_cli
from discover.cf.novelty.campaign import deep_check, export_campaign


def test_export_of_formulas_and_walks(tmp_path):
    store = str(tmp_path / "s.sqlite")
    for args in (["cf", "eval", "34n^3+51n^2+27n+5", "-n^6", "--depth", "300"],   # Apery: listed
                 ["cf", "eval", "16n^2+16n+14", "-64n^4", "--depth", "3000",
                  "--constants", "catalan"],     # 1/(1 - Catalan): in no list; Ramanujan's f(x) at x = 2
                 ["cf", "cmf", "walk", "--cmf", "zeta3", "--trajectory", "1,1", "--start", "1,1", "--depth", "300"],
                 ["cf", "cmf", "walk", "--cmf", "pi", "--trajectory", "2,1", "--start", "1,3", "--depth", "300"],
                 # its equivalent PCF has degree 66, past the parser's limit: the walk leaves novelty undecided
                 ["cf", "cmf", "walk", "--cmf", "zeta3", "--trajectory", "4,3", "--start", "1,1", "--depth", "300"]):
        code, _out, err, _ = run_cli(args, store=store)
        assert code == 0, err
    out = tmp_path / "out"
    summary = export_campaign(store, str(out), digits=80, max_depth=4000)
    assert summary["formulas"] == 2
    recs = {r["a"]: r for r in map(json.loads, (out / "campaign_formulas.jsonl").read_text().splitlines())}
    assert recs["34n^3+51n^2+27n+5"]["novelty"]["class"] == "known"
    catalan = recs["16n^2+16n+14"]
    assert catalan["novelty"]["class"] == "equivalent"
    assert catalan["novelty"]["chain"][-1]["detail"]["family"] == "Ramanujan f(x)"
    assert catalan["classical_evidence"]["agreement_digits"] >= catalan["classical_evidence"]["pcf_digits"] - 1
    assert (out / "new.jsonl").read_text() == ""
    # no published list holds the Catalan fraction (its class reaches only a family instance), Apery's is listed
    assert catalan["reaches_published_list"] is False
    assert recs["34n^3+51n^2+27n+5"]["reaches_published_list"] is True
    (beyond,) = map(json.loads, (out / "beyond_lists.jsonl").read_text().splitlines())
    assert beyond["a"] == "16n^2+16n+14" and beyond["deep_check"]["verified_digits"] > 5
    assert summary["beyond_published_lists"] == 1
    # the deep check a `new` formula gets, on this one: slow (power-law) convergence, so the exact convergent
    # has few digits, and
    deep = deep_check("16n^2+16n+14", "-64n^4", catalan["relation"], 80, 4000)
    assert deep["depth"] == 4000 and 5 < deep["digits"] < 80
    assert deep["verified_digits"] >= deep["digits"] - 1  # 1/(1 - Catalan) agrees with all of them
    walks = {(r["cmf"], tuple(r["trajectory"])): r
             for r in map(json.loads, (out / "cmf_walk_formulas.jsonl").read_text().splitlines())}
    assert walks["zeta3", (1, 1)]["novelty"]["class"] == "known"  # the diagonal is Apery's fraction
    large = walks["zeta3", (4, 3)]["novelty"]  # undecided by the walk, on the zeta3 CMF all the same
    assert large["class"] == "equivalent" and large["chain"][0]["kind"] == "cmf"
    pi_walk = walks["pi", (2, 1)]["novelty"]
    # its PCF (degree 5/10) is in no list, but it is on the pi CMF's trajectory (2, 1): equivalent, not new
    assert pi_walk["class"] == "equivalent" and pi_walk["chain"][0]["kind"] == "cmf"
    assert summary["cmf_walks"]["pi"] == {"walks": 1, "known": 0, "equivalent": 1, "pcfs": 1, "beyond_search": 1}
    table = (out / "table.md").read_text()
    assert "| catalan | 0 | 1 | 0 | 1 | 1 |" in table and "| zeta3 | 1 | 0 | 0 | 1 | 0 |" in table
    assert "| zeta3 | 2 | 1 | 1 | 2 | 1 |" in table  # the walks: Apery is also a search formula
    again = tmp_path / "again"
    export_campaign(store, str(again), digits=80, max_depth=4000, reuse=str(out / "campaign_formulas.jsonl"))
    assert (again / "campaign_formulas.jsonl").read_text() == (out / "campaign_formulas.jsonl").read_text()


def test_export_with_base_records_of_an_earlier_store(tmp_path):
    """A later campaign's store exported with --base (the earlier export's files): the union of the two, a
    base record keeping its first store's run and search-time decision."""
    first, second = str(tmp_path / "first.sqlite"), str(tmp_path / "second.sqlite")
    for store, args in ((first, ["cf", "eval", "34n^3+51n^2+27n+5", "-n^6", "--depth", "300"]),
                        (first, ["cf", "cmf", "walk", "--cmf", "pi", "--trajectory", "2,1", "--start", "1,3",
                                 "--depth", "300"]),
                        # the same trajectory one step on: a shift of n, the same canonical PCF
                        (first, ["cf", "cmf", "walk", "--cmf", "pi", "--trajectory", "2,1", "--start", "3,4",
                                 "--depth", "300"]),
                        (second, ["cf", "eval", "3n^2+3n+1", "-2n^4", "--depth", "300"]),    # 1/(2 Catalan)
                        (second, ["cf", "eval", "34n^3+51n^2+27n+5", "-n^6", "--depth", "400"])):
        code, _out, err, _ = run_cli(args, store=store)
        assert code == 0, err
    out, later = tmp_path / "out", tmp_path / "later"
    export_campaign(first, str(out), digits=80, max_depth=4000)
    summary = export_campaign(second, str(later), digits=80, max_depth=4000,
                              base=(str(out / "campaign_formulas.jsonl"), str(out / "cmf_walk_formulas.jsonl")))
    assert summary["formulas"] == 2   # Apery's fraction once: the same canonical form in both stores
    recs = {r["a"]: r for r in map(json.loads, (later / "campaign_formulas.jsonl").read_text().splitlines())}
    assert set(recs) == {"34n^3+51n^2+27n+5", "3n^2+3n+1"}
    assert recs["34n^3+51n^2+27n+5"]["store"] == "second.sqlite"   # the store's record replaces the base's
    assert recs["3n^2+3n+1"]["novelty"]["class"] == "known"
    walks = [json.loads(x) for x in (later / "cmf_walk_formulas.jsonl").read_text().splitlines()]
    assert len(walks) == 2 and all(w["store"] == "first.sqlite" for w in walks)   # from the base, as they were
    # each walk keeps its own trajectory as its chain (not the first walk's of that PCF): the file is unchanged
    assert (later / "cmf_walk_formulas.jsonl").read_text() == (out / "cmf_walk_formulas.jsonl").read_text()
    assert [w["novelty"]["chain"][0]["detail"].split(" from ")[1] for w in walks] == ["(1, 3)", "(3, 4)"]
    # a third store re-finds Apery's fraction inflated by n + 1 (a box of higher degree does): the same canonical
    # form, but the base's plain representative stays
    third, last = str(tmp_path / "third.sqlite"), tmp_path / "last"
    code, _out, err, _ = run_cli(["cf", "eval", "34n^4+85n^3+78n^2+32n+5", "-n^8-n^7", "--depth", "300"], store=third)
    assert code == 0, err
    summary = export_campaign(third, str(last), digits=80, max_depth=4000,
                              base=(str(later / "campaign_formulas.jsonl"), str(later / "cmf_walk_formulas.jsonl")))
    assert summary["formulas"] == 2
    recs = {r["key"]: r for r in map(json.loads, (last / "campaign_formulas.jsonl").read_text().splitlines())}
    apery = [r for r in recs.values() if r["canonical"]["a"] == "34n^3+51n^2+27n+5"]
    assert len(apery) == 1 and apery[0]["a"] == "34n^3+51n^2+27n+5" and apery[0]["store"] == "second.sqlite"
