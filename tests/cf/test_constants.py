"""The constants registry and expressions, against known values and identities."""

import mpmath
import pytest

from discover.cf.constants import REGISTRY, get_constant, parse_constants
from discover.errors import InputError

# Leading digits from the OEIS (A000796 pi, A001113 e, A013661 zeta(2), A002117 zeta(3), A013663 zeta(5),
# A002162 log 2, A006752 Catalan, A001622 phi, A002193 sqrt 2, A001620 gamma, A073003 Gompertz).
KNOWN = {
    "pi": "3.14159265358979323846264338327950288",
    "e": "2.71828182845904523536028747135266249",
    "zeta2": "1.64493406684822643647241516664602518",
    "zeta3": "1.20205690315959428539973816151144999",
    "zeta5": "1.03692775514336992633136548645703416",
    "log2": "0.693147180559945309417232121458176568",
    "catalan": "0.915965594177219015054603514932384110",
    "phi": "1.61803398874989484820458683436563811",
    "sqrt2": "1.41421356237309504880168872420969807",
    "euler_gamma": "0.577215664901532860606512090082402431",
    "gompertz": "0.596347362323194074341078499369279376",
}


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_registry_values(name):
    with mpmath.workdps(40):
        value = REGISTRY[name].value(40)
        assert abs(value - mpmath.mpf(KNOWN[name])) < mpmath.mpf(10) ** -33


def test_any_precision_and_identities():
    with mpmath.workdps(520):
        z2 = REGISTRY["zeta2"].value(500)
        pi = REGISTRY["pi"].value(500)
        assert abs(z2 - pi**2 / 6) < mpmath.mpf(10) ** -495
        phi = REGISTRY["phi"].value(500)
        assert abs(phi**2 - phi - 1) < mpmath.mpf(10) ** -495
        # Euler: zeta(4) = pi^4/90, zeta(6) = pi^6/945
        assert abs(REGISTRY["zeta4"].value(500) - pi**4 / 90) < mpmath.mpf(10) ** -495
        assert abs(REGISTRY["zeta6"].value(500) - pi**6 / 945) < mpmath.mpf(10) ** -495


def test_aliases_and_expressions():
    assert get_constant("zeta(3)").name == "zeta3"
    assert get_constant("ln2").name == "log2"
    assert get_constant("gamma").name == "euler_gamma"
    with mpmath.workdps(40):
        assert abs(get_constant("exp(2)").value(40) - mpmath.e**2) < mpmath.mpf(10) ** -35
        assert abs(get_constant("tan(1)").value(40) - mpmath.tan(1)) < mpmath.mpf(10) ** -35
        ratio = mpmath.besseli(0, 2) / mpmath.besseli(1, 2)
        assert abs(get_constant("besseli(0,2)/besseli(1,2)").value(40) - ratio) < mpmath.mpf(10) ** -35
        assert abs(get_constant("zeta3/pi").value(40) - mpmath.zeta(3) / mpmath.pi) < mpmath.mpf(10) ** -35


def test_gamma_at_written_complex_numbers():
    # Gamma(1/2 + iy) Gamma(1/2 - iy) = pi / cosh(pi y) (the reflection formula): a real constant
    with mpmath.workdps(50):
        value = get_constant("gamma(1/2 + I/3)*gamma(1/2 - I/3)").value(50)
        assert abs(value - mpmath.pi / mpmath.cosh(mpmath.pi / 3)) < mpmath.mpf(10) ** -45
        assert abs(get_constant("Abs(gamma(1/2 + 2*I))**2").value(50) - mpmath.pi / mpmath.cosh(2 * mpmath.pi)) \
            < mpmath.mpf(10) ** -45
    # only written parts, each of the size integer arguments may have, and the constant must be real
    for text in ("gamma(1/4 + I*pi)", "gamma(10001 + I)", "gamma(I*exp(2))", "gamma(1/4 + I/4)"):
        with pytest.raises(InputError) as info:
            get_constant(text)
        assert "\n" not in str(info.value)


def test_parse_list_keeps_commas_in_calls():
    names = [c.name for c in parse_constants("pi, besseli(0,3)/besseli(1,3),zeta3")]
    assert names == ["pi", "besseli(0,3)/besseli(1,3)", "zeta3"]


def test_registry_is_a_library():
    """At least 50 constants, each agreeing with sympy's own evaluation of its expression to 40 digits
    (FLINT computes the values; sympy/mpmath is the independent reference)."""
    import sympy

    from discover.cf.constants import sympy_locals

    assert len(REGISTRY) >= 50
    names = sympy_locals()
    with mpmath.workdps(50):
        for name, const in REGISTRY.items():
            reference = mpmath.mpf(str(sympy.N(sympy.sympify(const.expression, locals=names), 50)))
            assert abs(const.value(45) - reference) < mpmath.mpf(10) ** -40 * max(1, abs(reference)), name
    assert get_constant("tan(1)").name == "tan1"
    assert get_constant("besseli(0,2)/besseli(1,2)").name == "i0_i1_2"


@pytest.mark.parametrize("text", ["foo", "x+1", "3/4", "", "os.system(1)", "__import__"])
def test_unknown_constant(text):
    with pytest.raises(InputError) as info:
        get_constant(text)
    assert "\n" not in str(info.value)


def test_dirichlet_l_values_are_their_series():
    """The registry's L(s, chi) (Hurwitz zeta sums in FLINT) against the defining series summed by mpmath
    over residue classes (sum_k chi(r) (qk + r)^-s), and Catalan's constant as L(2, chi_-4) by the same code."""
    import mpmath

    from discover.cf.constants import _dirichlet_l

    cases = {"l_m3_2": (2, (0, 1, -1)), "l_m7_2": (2, (0, 1, 1, -1, 1, -1, -1)),
             "l_m8_2": (2, (0, 1, 0, 1, 0, -1, 0, -1)), "beta4": (4, (0, 1, 0, -1))}
    with mpmath.workdps(40):
        for name, (s, chi) in cases.items():
            q = len(chi)
            series = mpmath.nsum(lambda k: sum(v * (q * k + r) ** -s for r, v in enumerate(chi) if v and q * k + r),
                                 [0, mpmath.inf])
            assert abs(get_constant(name).value(40) - series) < mpmath.mpf(10) ** -35, name
        flint_catalan = _dirichlet_l(2, (0, 1, 0, -1))
        assert abs(float(flint_catalan.mid()) - float(mpmath.catalan)) < 1e-14
