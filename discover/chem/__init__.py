"""Reaction balancing: formula parsing, composition matrices, exact balances, elementary reactions.

``balance_text("KMnO4 + HCl -> KCl + MnCl2 + H2O + Cl2")`` returns a :class:`Balance` (the canonical
balance, every elementary reaction, the checks made); see ``docs/chem.md`` for the rules. Importing
this package is cheap: FLINT and Numba are imported by the functions that use them. (The function
``balance(problem)`` lives in :mod:`discover.chem.balance`; it is not re-exported here, so that the
module name stays importable as ``import discover.chem.balance``.)
"""

from discover.chem.balance import Balance, ImpossibleReaction, balance_text, check_balance
from discover.chem.equation import Problem, parse_equation, parse_problem, parse_species_list
from discover.chem.formula import FormulaError, Species, parse_species

__all__ = ["Balance", "ImpossibleReaction", "balance_text", "check_balance", "Problem",
           "parse_equation", "parse_problem", "parse_species_list", "FormulaError", "Species", "parse_species"]
