"""Novelty of PCF formulas: the known-formula library, exact equivalences, classification, unification."""
