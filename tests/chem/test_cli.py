"""``discover chem`` through the CLI: JSON fields, the store, exit statuses and one-line errors."""

import json
import os

import pytest
from click.testing import CliRunner

from cli.main import cli
from discover.chem.engine import ENGINE, ChemSpec
from discover.errors import InputError
from discover.runner import RunOptions, run_search
from discover.store import Store


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def records(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_balance_json_fields(store_path):
    result = invoke("chem", "balance", "--store", store_path, "--json", "KMnO4 + HCl -> KCl + MnCl2 + H2O + Cl2")
    assert result.exit_code == 0, result.output
    (rec,) = records(result)
    assert rec["engine"] == "chem.balance" and rec["kind"] == "balance" and rec["verified"] is True
    assert rec["species"] == ["KMnO4", "HCl", "KCl", "MnCl2", "H2O", "Cl2"]
    assert rec["coefficients"] == [2, 16, 2, 2, 8, 5]
    assert rec["unique"] is True
    with Store(store_path) as store:
        assert store.count() == 1


def test_same_reaction_in_another_order_is_stored_once(store_path):
    a = records(invoke("chem", "balance", "--store", store_path, "--json", "H2 + O2 -> H2O"))[0]
    b = records(invoke("chem", "balance", "--store", store_path, "--json", "O2 + H2 -> H2O"))[0]
    assert a["key"] == b["key"]
    # an elementary reaction found by enumerate is the same stored reaction
    found = records(invoke("chem", "enumerate", "--store", store_path, "--json", "--species", "H2, O2, H2O"))
    assert [r["key"] for r in found] == [a["key"]]


def test_all_lists_the_rays(store_path):
    result = invoke("chem", "balance", "--store", store_path, "--json", "--all", "C + O2 -> CO + CO2")
    (rec,) = records(result)
    assert rec["kind"] == "reaction_set"
    assert sorted(rec["reactions"]) == sorted([[2, 1, 2, 0], [1, 1, 0, 1]])
    assert all(c > 0 for c in rec["coefficients"]) and rec["unique"] is False
    human = invoke("chem", "balance", "--store", store_path, "C + O2 -> CO + CO2")
    assert "2 elementary reactions" in human.stdout


def test_species_and_medium(store_path):
    (rec,) = records(invoke("chem", "balance", "--store", store_path, "--json", "--species",
                            "Cu, HNO3, Cu(NO3)2, NO, H2O"))
    assert rec["coefficients"] == [3, 8, 3, 2, 4]
    assert rec["sides"] == ["reactant", "reactant", "product", "product", "product"]
    (rec,) = records(invoke("chem", "balance", "--store", store_path, "--json", "--medium", "acidic",
                            "MnO4- + Fe+2 -> Mn+2 + Fe+3"))
    assert rec["species"][-2:] == ["H+", "H2O"] and rec["coefficients"] == [1, 5, 1, 5, 8, 4]


def test_enumerate_lists_every_elementary_reaction(store_path):
    found = records(invoke("chem", "enumerate", "--store", store_path, "--json", "--species", "C, O2, CO, CO2"))
    assert [r["equation"] for r in found] == ["2 C + O2 -> 2 CO", "C + O2 -> CO2", "C + CO2 -> 2 CO",
                                               "O2 + 2 CO -> 2 CO2"]


def test_impossible_reaction_exits_1_with_the_reason(store_path):
    result = invoke("chem", "balance", "--store", store_path, "NaCl -> Na2SO4")
    assert result.exit_code == 1
    assert result.stdout == ""
    err = result.stderr.strip().splitlines()
    assert err[0].startswith("discover: error: cannot balance 'NaCl -> Na2SO4'") and "one side only" in err[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [
    ["chem", "balance", "K4[Fe(CN)6 -> K"],
    ["chem", "balance", "H2 + O2"],
    ["chem", "balance", "--species", "H2, Xq, H2O"],
    ["chem", "balance"],
    ["chem", "balance", "--medium", "neutral", "H2 + O2 -> H2O"],
])
def test_bad_input_is_one_line_exit_2_and_store_untouched(tmp_path, args):
    store = tmp_path / "s.sqlite"
    result = invoke(*args[:2], "--store", str(store), *args[2:])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("discover: error")
    assert not store.exists()


def test_file_reports_per_line(tmp_path, store_path):
    path = tmp_path / "reactions.txt"
    path.write_text("# a network\nH2 + O2 -> H2O\n\nNaCl -> Na2SO4\nC + O2 -> CO + CO2\n")
    result = invoke("chem", "balance", "--store", store_path, "--json", "--file", str(path))
    assert result.exit_code == 1
    recs = records(result)
    assert [r["line"] for r in recs] == [2, 5]
    assert [r["coefficients"] for r in recs] == [[2, 1, 2], [3, 2, 2, 1]]
    assert "line 4: cannot balance 'NaCl -> Na2SO4'" in result.stderr


def test_engine_through_the_runner(store_path):
    spec = ChemSpec(lines=("C3H8 + O2 -> CO2 + H2O", "H2O -> H2O2", "Fe3+ + e- -> Fe2+"))
    assert ChemSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec
    summary = run_search(ENGINE, spec, RunOptions(store=store_path, workers=1))
    assert len(summary.records) == 2 and summary.rejected == 1
    assert all(r.verified for r in summary.records)


def test_spec_validation_names_the_line():
    with pytest.raises(InputError, match="line 2: formula 'Qq'"):
        ChemSpec(lines=("H2 + O2 -> H2O", "Qq -> H2"))


def test_formula_command():
    result = invoke("chem", "formula", "--json", "K4[Fe(CN)6]", "Fe3+")
    rows = records(result)
    assert rows[0]["counts"] == {"K": 4, "Fe": 1, "C": 6, "N": 6} and rows[1]["charge"] == 3


def test_all_prints_the_ray_table(store_path):
    result = invoke("chem", "balance", "--store", store_path, "--all", "H2 + O2 -> H2O + H2O2")
    assert result.exit_code == 0
    assert "elementary reactions of 3 H2 + 2 O2 -> 2 H2O + H2O2" in result.stdout
    assert "H2O2" in result.stdout


def test_ray_bound_is_a_runtime_failure(store_path):
    result = invoke("chem", "enumerate", "--store", store_path, "--max-rays", "20", "--species",
                    "CH4, O2, CO2, H2O, CO, H2, C2H6, C2H4, C2H2, CH3OH")
    assert result.exit_code == 1
    assert "more than 20 intermediate elementary reactions" in result.stderr
    assert result.stdout == ""


def test_resume_rebuilds_the_spec_from_the_store(store_path):
    first = invoke("chem", "balance", "--store", store_path, "--json", "C + O2 -> CO + CO2")
    key = records(first)[0]["key"]
    again = invoke("chem", "balance", "--store", store_path, "--json", "--resume", "1")
    assert again.exit_code == 0 and [r["key"] for r in records(again)] == [key]
    wrong = invoke("chem", "enumerate", "--store", store_path, "--resume", "1")
    assert wrong.exit_code == 2 and "chem balance --resume 1" in wrong.stderr


def test_many_lines_run_in_shards_on_a_process_pool(store_path):
    fuels = [f"C{n}H{2 * n + 2}" for n in range(1, 41)]
    lines = tuple(f"{f} + O2 -> CO2 + H2O" for f in fuels) * 2  # 80 lines: 2 shards
    spec = ChemSpec(lines=lines)
    assert [s.id for s in ENGINE.shards(spec)] == ["lines-000001-000064", "lines-000065-000080"]
    summary = run_search(ENGINE, spec, RunOptions(store=store_path, workers=2))
    assert summary.shards_done == 2 and summary.candidates == 80
    # each reaction appears twice (lines n and n + 40, one in each shard): one record per key
    assert len(summary.records) == 40 and len(summary.new_keys) == 40
    by_fuel = {r.payload["species"][0]: r.payload["coefficients"] for r in summary.records}
    for n in range(1, 41):  # CnH(2n+2) + (3n+1)/2 O2 -> n CO2 + (n+1) H2O, doubled when 3n+1 is odd
        want = [2, 3 * n + 1, 2 * n, 2 * n + 2] if n % 2 == 0 else [1, (3 * n + 1) // 2, n, n + 1]
        assert by_fuel[f"C{n}H{2 * n + 2}"] == want


def test_ambiguous_notation_is_never_read_silently(store_path):
    human = invoke("chem", "balance", "--store", store_path, "Fe3+ + e- -> Fe2+")
    assert human.exit_code == 0
    assert "discover: note: Fe3+: charge 3+" in human.stderr and "Fe3^+" in human.stderr
    (rec,) = records(invoke("chem", "balance", "--store", store_path, "--json", "MnO4- + H+ + e- -> Mn+2 + H2O"))
    assert rec["readings"] == ["MnO4-: charge 1-, the 4 is a count; write MnO^4- for charge 4-"]
    (rec,) = records(invoke("chem", "balance", "--store", store_path, "--json", "Fe+3 + e- -> Fe+2"))
    assert "readings" not in rec  # unambiguous notation: nothing to say
