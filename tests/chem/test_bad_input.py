"""Hostile input to ``discover chem``: one line naming the input, exit 2, no traceback, the store
byte-for-byte unchanged, quickly (:func:`bad_input.assert_refused`); and a reaction that cannot balance is
a run's result (exit 1, the run stored and marked failed)."""

import json

import pytest

from bad_input import assert_refused, run_cli
from discover.chem.equation import MAX_FILE_BYTES, MAX_LINES

NESTED_3000 = "(" * 3000 + "H" + ")" * 3000
NESTED_40 = "(" * 40 + "H" + ")" * 40
ALKANES_201 = ", ".join(f"C{i}H{2 * i + 2}" for i in range(1, 202))


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A store that holds one chem run, and hostile files beside it."""
    root = tmp_path_factory.mktemp("chem_bad")
    store = root / "store.sqlite"
    code, _, err, _ = run_cli(["chem", "balance", "H2 + O2 -> H2O", "--store", str(store)])
    assert code == 0, err
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    (root / "latin1.txt").write_bytes("H2 + O2 -> H2O\nNaCl -> Na + Cl2 # é\n".encode("latin-1"))
    (root / "nul.txt").write_bytes(b"H2 + O2 -> H2O\nH2\x00O -> H2\n")
    (root / "many_lines.txt").write_text("H2 + O2 -> H2O\n" * (MAX_LINES + 1))
    with open(root / "huge.txt", "wb") as handle:  # sparse: its size is what is checked, before reading
        handle.truncate(MAX_FILE_BYTES + 1)
    (root / "nested.txt").write_text(f"H2 + O2 -> H2O\n# comment\n{NESTED_3000} -> H2\n")
    (root / "comments_only.txt").write_text("# nothing\n\n")
    return root


# (args, needle): every one must be refused with exit 2 before any run is created
CASES = [
    (["balance", "--file", "{root}/binary.txt"], "binary.txt, line 1: byte 0x89 is not UTF-8"),
    (["balance", "--file", "{root}/latin1.txt"], "latin1.txt, line 2: byte 0xe9 is not UTF-8"),
    (["balance", "--file", "{root}/nul.txt"], "nul.txt, line 2: a NUL byte"),
    (["balance", "--file", "{root}/many_lines.txt"], "100,000"),
    (["balance", "--file", "{root}/huge.txt"], "huge.txt"),
    (["balance", "--file", "{root}/nested.txt"], "line 3"),
    (["balance", "--file", "{root}/comments_only.txt"], "no reactions"),
    (["balance", "--file", "{root}/missing.txt"], "No such file"),
    (["balance", "--file", "{root}"], "a folder, not a file"),
    (["balance", "--file", "a" * 5000], "File name too long"),
    (["balance", "--file", ""], "--file"),
    (["balance", f"{NESTED_3000} -> H2"], "at most 500"),
    (["balance", f"{NESTED_40} -> H2"], "nested deeper than 32"),
    (["formula", NESTED_40], "nested deeper than 32"),
    (["balance", "Fe99999999999999999999 + O2 -> Fe2O3"], "Fe99999999999999999999"),
    (["balance", "5Fe999999 -> Fe"], "5Fe999999"),
    (["balance", "Fe+99999999999999999999 + e- -> Fe"], "charge"),
    (["balance", "H2 + O2 -> H2O^{1000001+}"], "1,000,000"),
    (["balance", "--species", ALKANES_201], "201 species"),
    (["enumerate", "--species", ALKANES_201], "at most 200"),
    (["balance", " + ".join(["H2"] * 7000) + " -> H2O"], "20,000"),
    (["balance", " -> H2O"], "nothing on the left"),
    (["balance", "H2 + O2 -> "], "nothing on the right"),
    (["balance", "H2 + O2 ⟶ H2O ⇌ H2O2"], "more than one arrow"),
    (["balance", "H2 + + O2 -> H2O"], "stray"),
    (["balance", "H2 + O2 -> H2O +"], "'+'"),
    (["balance", "H2^ + O2 -> H2O"], "H2^"),
    (["balance", "Fe+0 -> Fe"], "charge 0"),
    (["balance", "Fe+-3 -> Fe"], "Fe+-3"),
    (["balance", "H2 + O2 -> H2 O"], "space"),
    (["balance", "H2 + O2 -> H2O + H2O"], "twice"),
    (["balance", "\u200bH2 + O2 -> H2O"], "unexpected character"),
    (["balance", "--max-rays", "0", "H2 + O2 -> H2O"], "--max-rays"),
    (["balance", "--max-rays", "99999999999999999999", "H2 + O2 -> H2O"], "--max-rays"),
    (["balance", "--resume", "99999999999999999999"], "99999999999999999999"),
    (["enumerate", "--max-rays", "10000000", "--species", ALKANES_201.rsplit(",", 1)[0]], "GB"),
]


@pytest.mark.parametrize("args, needle", CASES, ids=[" ".join(c[0])[:50] for c in CASES])
def test_refused(files, args, needle):
    args = ["chem"] + [a.replace("{root}", str(files)) for a in args]
    assert_refused(args, needle, str(files / "store.sqlite"))


def test_impossible_reaction_is_a_failed_run(tmp_path):
    """``H2 -> O2`` reads fine but cannot balance: a runtime result (exit 1, one line) whose run is stored
    and marked failed, as the message says."""
    store = str(tmp_path / "store.sqlite")
    code, out, err, _ = run_cli(["chem", "balance", "H2 -> O2"], store=store)
    lines = err.strip().splitlines()
    assert code == 1 and out == "" and len(lines) == 1
    assert "cannot balance 'H2 -> O2'" in lines[0] and "run 1 is stored, marked failed" in lines[0]
    code, out, _, _ = run_cli(["results", "runs", "--json"], store=store)
    [run] = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and run["run"] == 1 and run["status"] == "failed"
