"""`cf novelty`, `cf unify` and `--known` through the CLI; the examples at the end of their --help run."""

from __future__ import annotations

import json
import shlex

from bad_input import run_cli


def _example(command: list[str]) -> list[str]:
    code, out, err, _ = run_cli(command + ["--help"])
    assert code == 0, err
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    i = max(j for j, line in enumerate(lines) if line.startswith("Example"))
    example = shlex.split(lines[i + 1])
    assert example[:1] == ["discover"]
    return example[1:]


def test_novelty_example_explains_a_coboundary(tmp_path):
    args = _example(["cf", "novelty"])
    code, out, err, _ = run_cli(args + ["--json"], store=str(tmp_path / "s.sqlite"))
    assert code == 0, err
    rec = json.loads(out)
    nov = rec["novelty"]
    # 6n+9, -9n^2-9n is Stieltjes' Gompertz fraction under a coboundary
    assert nov["class"] == "equivalent" and nov["chain"][-1]["kind"] == "coboundary"
    assert "expint" in nov["listed"]["limit"]
    assert not (tmp_path / "s.sqlite").exists()  # explaining stores nothing


def test_novelty_of_a_listed_formula_and_a_user_list(tmp_path):
    lst = tmp_path / "mine.tsv"
    lst.write_text("a\tb\tlimit\tdataset\n5n+3\t-6n^2\t\tmy-notes\n")
    code, out, err, _ = run_cli(["cf", "novelty", "34n^3+51n^2+27n+5", "-n^6", "--depth", "200", "--json"])
    assert code == 0, err
    nov = json.loads(out)["novelty"]
    assert nov["class"] == "known" and "Apery" in nov["listed"]["citation"]
    code, out, err, _ = run_cli(["cf", "eval", "5n+3", "-6n^2", "--depth", "300", "--json", "--known", str(lst)],
                                store=str(tmp_path / "s.sqlite"))
    assert code == 0, err
    rec = json.loads(out.splitlines()[0])
    assert rec["novelty"]["class"] == "known" and rec["novelty"]["listed"]["dataset"] == "my-notes"
    assert any(str(lst) in x for x in rec["novelty"]["compared_with"])


def test_unify_example_groups_the_store(tmp_path):
    store = str(tmp_path / "s.sqlite")
    for a, b in [("2n+2", "-n^2"), ("6n+9", "-9n^2-9n"), ("n+1", "n")]:
        code, _out, err, _ = run_cli(["cf", "eval", a, b, "--depth", "1500"], store=store)
        assert code == 0, err
    args = _example(["cf", "unify"])
    graph = tmp_path / "g.json"
    args = [str(graph) if x.endswith(".json") else x for x in args]
    code, out, err, _ = run_cli(args, store=store)
    assert code == 0, err
    assert "3 formulas in 2 classes" in out
    g = json.loads(graph.read_text())
    kinds = {e["kind"] for e in g["edges"]}
    assert {"known", "equivalent"} <= kinds  # both Gompertz fractions reach the listed Stieltjes fraction
    sizes = sorted(c["size"] for c in g["classes"])
    assert sizes == [1, 2]


def test_search_workers_compare_with_the_known_rows_of_the_spec(tmp_path):
    """`cf search --known FILE --workers 2`: the pool's workers classify against the user's rows (carried by
    the spec): a formula no shipped list holds (equivalent only through its classical family) becomes
    known once the user lists it."""
    box = ["cf", "search", "--constant", "sqrt2", "--constant", "sqrt3", "--a-deg", "1", "--b-deg", "2", "--range", "-3:3",
           "--json"]
    code, out, err, _ = run_cli(box, store=str(tmp_path / "a.sqlite"))
    assert code == 0, err
    recs = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    new = [r for r in recs if r["novelty"]["chain"] and r["novelty"]["chain"][-1]["kind"] == "classical_family"]
    assert new, "the box has a formula no shipped list holds"
    assert all(r["novelty"]["class"] == "equivalent" for r in new)  # deg (1, 2): never new
    lst = tmp_path / "mine.tsv"
    lst.write_text("a\tb\tlimit\tdataset\n" + "".join(f"{r['a']}\t{r['b']}\t\tmy-notes\n" for r in new))
    code, out, err, _ = run_cli(box + ["--known", str(lst), "--workers", "2"], store=str(tmp_path / "b.sqlite"))
    assert code == 0, err
    again = {(r["a"], r["b"]): r["novelty"] for r in (json.loads(x) for x in out.splitlines() if x.startswith("{"))}
    for r in new:
        nov = again[(r["a"], r["b"])]
        assert nov["class"] == "known" and nov["listed"]["dataset"] == "my-notes"


def test_a_gamma_quotient_fraction_is_the_listed_theorem(tmp_path):
    """Cohen and Zudilin's half-shifted small Apery fraction (Theorem 2.1 of arXiv:2501.10090):
    (Gamma(1/4)/Gamma(3/4))^4 = 80 - 160/(47 + 3^4/(177 + 5^4/(397 + ...))); its tail PCF(44(n+1)^2 + 1, (2n+1)^4)
    is 2G/(80 - G), found by `cf eval` with the Gamma quotient as a constant expression, and `known` (classic list)."""
    code, out, err, _ = run_cli(["cf", "eval", "44n^2+88n+45", "(2n+1)^4", "--depth", "200", "--constants",
                                 "gamma(1/4)**4/gamma(3/4)**4", "--json"], store=str(tmp_path / "s.sqlite"))
    assert code == 0, err
    rec = json.loads(out.splitlines()[0])
    num, den = rec["relation"]["numerator"], rec["relation"]["denominator"]
    assert (num, den) in (([0, 2], [80, -1]), ([0, -2], [-80, 1]))  # 2G/(80 - G), either sign
    assert rec["digits"] > 300 and rec["novelty"]["class"] == "known"
    assert "Cohen" in rec["novelty"]["listed"]["citation"]
