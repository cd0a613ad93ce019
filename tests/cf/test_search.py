"""The search engine through the runner: spec round trip, shards, workers, dedup, memory estimates."""

import pytest

from discover.cf.eval.engine import CFEvalSpec
from discover.cf.search.engine import ENGINE, CFSearchSpec, estimate_memory, shards
from discover.errors import InputError
from discover.runner import RunOptions, run_search
from discover.store import Store


def test_spec_round_trip():
    spec = CFSearchSpec(constants=("pi", "zeta(3)"), a_deg=1, b_deg=2, a_range="-3:3", b_range=(-2, 2))
    again = CFSearchSpec.from_dict(spec.to_dict())
    assert again == spec
    assert again.constants == ("pi", "zeta3") and again.a_range == (-3, 3)
    ev = CFEvalSpec(a="(2n+1)", b="n^2", depth=50)
    assert CFEvalSpec.from_dict(ev.to_dict()) == ev


def test_shards_cover_the_box_once():
    spec = CFSearchSpec(constants=("pi",), a_deg=1, b_deg=1, a_range="-3:3", b_range="-3:3", shard_size=500)
    covered = []
    for shard in shards(spec):
        covered.extend(range(shard.params["first"], shard.params["first"] + shard.params["count"]))
    assert covered == list(range(7**4))
    assert [s.id for s in shards(spec)] == [s.id for s in shards(spec)]


def test_memory_estimate_and_limits():
    spec = CFSearchSpec(constants=("pi", "e"), a_deg=1, b_deg=2, a_range="-3:3", b_range="-3:3")
    mem = estimate_memory(spec)
    assert mem["candidates"] == 7**5 and mem["table_bytes"] == 2 * 25**4 * 40
    with pytest.raises(InputError, match="too large"):
        CFSearchSpec(constants=("pi",), a_deg=8, b_deg=8, a_range="-100:100", b_range="-100:100")
    with pytest.raises(InputError, match="max-coeff"):
        CFSearchSpec(constants=("pi",), a_deg=1, b_deg=1, a_range="-1:1", b_range="-1:1", max_coeff=41)


def test_many_shards_two_workers_same_result(tmp_path):
    """Sharded over two worker processes, the search stores exactly what one in-process shard does."""
    one = CFSearchSpec(constants=("pi",), a_deg=1, b_deg=2, a_range="-3:3", b_range="-3:3")
    many = CFSearchSpec(constants=("pi",), a_deg=1, b_deg=2, a_range="-3:3", b_range="-3:3", shard_size=3000)
    s1 = run_search(ENGINE, one, RunOptions(store=str(tmp_path / "a.sqlite"), workers=1))
    s2 = run_search(ENGINE, many, RunOptions(store=str(tmp_path / "b.sqlite"), workers=2))
    assert s2.shards_done == 6 and not s2.shards_failed
    keys1 = {r.key for r in s1.records}
    with Store(str(tmp_path / "b.sqlite")) as store:
        keys2 = {c.record.key for c in store.conjectures()}
    assert keys1 == keys2 and len(keys1) >= 1


@pytest.mark.parametrize("as_json", [True, False])
def test_search_prints_each_class_once(tmp_path, monkeypatch, as_json):
    """One candidate per shard: the equivalent PCFs of one class are found by many shards; the command
    prints each key once (JSON lines or table rows)."""
    import json

    from click.testing import CliRunner

    import discover.cf.search.engine as search_engine
    from cli.main import cli
    from discover.runner.engine import Engine, Shard

    def one_per_shard(spec):
        for i in range(spec.total):
            yield Shard(f"{i}+1", {"first": i, "count": 1})

    monkeypatch.setattr(search_engine, "ENGINE", Engine("cf.search", CFSearchSpec, one_per_shard,
                                                        search_engine.run_shard))
    args = ["cf", "search", "--constant", "pi", "--a-deg", "1", "--b-deg", "2", "--a-range", "0:3",
            "--b-range", "0:2", "--store", str(tmp_path / "s.db")]
    result = CliRunner().invoke(cli, args + (["--json"] if as_json else []))
    assert result.exit_code == 0, result.output
    if as_json:
        keys = [json.loads(line)["key"] for line in result.output.splitlines() if line.startswith("{")]
        assert keys and len(keys) == len(set(keys))
    else:
        rows = [line for line in result.output.splitlines() if "│" in line and "closed form" not in line]
        assert rows and len(rows) == len(set(rows))
