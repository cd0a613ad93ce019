"""Reaction balancing: formula parsing, composition matrices, exact balances, elementary reactions.

The package, in the order the data flows:

* :mod:`~discover.chem.formula` (and :mod:`~discover.chem.elements`): text -> :class:`Species` (counts,
  charge, phase); :mod:`~discover.chem.equation`: an equation or species list -> :class:`Problem`;
* :mod:`~discover.chem.matrix`: the composition matrix of a problem;
* the kernels: :mod:`~discover.chem.lattice` (exact rank, kernel basis and Hermite normal form of
  small integer matrices), :mod:`~discover.chem.rays` (elementary reactions by the double description
  method; its Numba loop in :mod:`~discover.chem.dd_kernel`) and :mod:`~discover.chem.balance` (the canonical
  balance, and why a reaction cannot balance);
* :mod:`~discover.chem.verify`: the independent check of every stored balance (shares no code with the
  kernels);
* :mod:`~discover.chem.engine`: the spec, shards, ``run_shard`` and records, as the runner sees them.

``balance_text("KMnO4 + HCl -> KCl + MnCl2 + H2O + Cl2")`` returns a :class:`Balance` (the canonical
balance, every elementary reaction, the checks made); see ``docs/chem.md`` for the rules. Importing
this package is cheap: Numba (and numpy) are imported only by the large systems that use them. (The function
``balance(problem)`` lives in :mod:`discover.chem.balance`; it is not re-exported here, so that the
module name stays importable as ``import discover.chem.balance``.)
"""

from discover.chem.balance import Balance, ImpossibleReaction, balance_text
from discover.chem.equation import Problem, parse_equation, parse_problem, parse_species_list
from discover.chem.formula import FormulaError, Species, parse_species
from discover.chem.verify import CheckFailed, check_balance

__all__ = ["Balance", "ImpossibleReaction", "balance_text", "check_balance", "CheckFailed", "Problem",
           "parse_equation", "parse_problem", "parse_species_list", "FormulaError", "Species", "parse_species"]
