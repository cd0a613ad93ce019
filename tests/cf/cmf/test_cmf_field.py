"""CMF definitions: every library field is conservative (exact, sympy); a broken one is reported at the
failing entry; files parse or fail with one clear message."""

import json

import pytest

from discover.cf.cmf.field import CMF, check_conservative, cmf_from_dict, load_cmf_file
from discover.cf.cmf.library import LIBRARY, ffbar_cmf, get_cmf, hypergeometric
from discover.errors import InputError


@pytest.mark.parametrize("name", list(LIBRARY))
def test_library_fields_are_conservative(name):
    cmf = get_cmf(name)
    assert cmf.source
    assert check_conservative(cmf) == []


def test_library_has_the_required_fields():
    names = set(LIBRARY)
    assert {"e", "pi", "zeta3", "2F1", "3F2"} <= names
    assert get_cmf("3F2").dim == 3 and get_cmf("3F2").rank == 3


def test_zeta3_f_fbar_pair_gives_a_zeta3_field():
    # the f, fbar construction with the zeta(3) pair is conservative and its diagonal converges to a
    # Moebius form of zeta(3) with delta > 0 (the library field is a coboundary of it)
    from discover.cf.cmf.trajectory import identify_walk, walk_limit

    z = get_cmf("zeta3")
    f = ffbar_cmf("z", z.notes["f"], z.notes["fbar"])
    assert check_conservative(f) == []
    ev = walk_limit(f, (1, 1), (1, 1), 400)
    ident, _agree, delta, _ = identify_walk(ev, ["zeta3"])
    assert ident.constants == ("zeta3",) and delta > 0


def test_broken_field_reports_the_entry():
    z = get_cmf("zeta3")
    rows = [list(r) for r in z.matrices[0]]
    rows[1][1] = rows[1][1] + " + 1"
    broken = CMF("broken", z.axes, (tuple(map(tuple, rows)), z.matrices[1]))
    fails = check_conservative(broken)
    assert fails and all(f.axis_i == "x" and f.axis_j == "y" for f in fails)
    assert any((f.row, f.col) == (2, 2) for f in fails)


def test_hypergeometric_fields_are_conservative_for_other_parameters():
    c = hypergeometric(["x0", "x1"], ["y0"], "1/2")
    assert check_conservative(c) == []
    c3 = hypergeometric(["x0", 1, "x2"], [2, "y1"], -1)
    assert c3.axes == ("x0", "x2", "y1") and check_conservative(c3) == []


def test_file_round_trip(tmp_path):
    path = tmp_path / "z.json"
    path.write_text(json.dumps(get_cmf("pi").to_dict()))
    assert check_conservative(load_cmf_file(str(path))) == []
    toml = tmp_path / "e.toml"
    toml.write_text('name = "mine"\naxes = ["x", "y"]\n[matrices]\n'
                    'x = [["1", "-y-1"], ["-1", "x+y+2"]]\ny = [["0", "-y-1"], ["-1", "x+y+1"]]\n')
    assert check_conservative(load_cmf_file(str(toml))) == []


@pytest.mark.parametrize("data,needle", [
    ({"axes": ["x", "y"], "matrices": {"x": [["1", "z"], ["0", "1"]], "y": [["1", "0"], ["0", "1"]]}}, "unknown symbol"),
    ({"axes": ["x", "y"], "matrices": {"x": [["1", "sin(x)"], ["0", "1"]], "y": [["1", "0"], ["0", "1"]]}}, "entry (1, 2)"),
    ({"axes": ["x", "y"], "matrices": {"x": [["1", "x"], ["0", "1"]]}}, "no matrix for axis 'y'"),
    ({"axes": ["x", "y"], "matrices": {"x": [["1", "x"]], "y": [["1"]]}}, "2 x 2"),
    ({"axes": ["x", "y"], "matrices": {"x": [["1", "x"], ["0", "1"]], "y": [["1", "0", "0"], ["0", "1"]]}}, "is not 2 x 2"),
    ({"axes": "x", "matrices": {}}, "'axes'"),
])
def test_bad_definitions(data, needle):
    with pytest.raises(InputError) as err:
        cmf_from_dict(data)
    assert needle in str(err.value)
