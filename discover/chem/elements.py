"""The periodic table as data: element symbols in order of atomic number (H = 1 ... Og = 118).

Only the symbols matter to the balancer (a formula is a multiset of symbols); the atomic number is the
symbol's position in :data:`SYMBOLS` plus one. Isotope labels (D, T) are not elements and are refused
by the parser, like any other unknown symbol.
"""

from __future__ import annotations

SYMBOLS: tuple[str, ...] = (
    "H", "He",
    "Li", "Be", "B", "C", "N", "O", "F", "Ne",
    "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
    "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr",
    "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe",
    "Cs", "Ba",
    "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
    "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn",
    "Fr", "Ra",
    "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr",
    "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og",
)

ATOMIC_NUMBER: dict[str, int] = {symbol: z for z, symbol in enumerate(SYMBOLS, start=1)}

assert len(SYMBOLS) == 118 and len(ATOMIC_NUMBER) == 118


def is_element(symbol: str) -> bool:
    """True when ``symbol`` (case-sensitive: ``Co`` is cobalt, ``CO`` is not a symbol) is an element."""
    return symbol in ATOMIC_NUMBER
