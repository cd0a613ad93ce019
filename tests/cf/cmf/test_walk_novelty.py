"""A CMF walk's record carries the novelty of its equivalent PCF: the zeta(3) CMF's diagonal is Apery's PCF."""

from discover.cf.cmf.search.verify import walk_novelty


def test_the_zeta3_diagonal_is_aperys_known_pcf():
    novelty = walk_novelty({"a": "34n^3+51n^2+27n+5", "b": "-n^6"})
    assert novelty["class"] == "known"
    assert "Apery" in novelty["listed"]["citation"]


def test_a_walk_without_a_pcf_has_nowalk_novelty():
    assert walk_novelty(None) is None


def test_an_equivalent_form_is_recognised():
    # PCF(2n+1, n^2) (Brouncker's 4/pi) shifted by one step in n is the same fraction started one term
    # later: its limit is a Moebius image of the listed one, and it is the listed formula, not new
    novelty = walk_novelty({"a": "2n+3", "b": "(n+1)^2"})
    assert novelty["class"] in ("known", "equivalent")
