"""The novelty of a PCF against the known lists: ``known``, ``equivalent`` or ``new``.

Decision, in this order (each step exact, :mod:`discover.cf.novelty.equivalence`):

1. ``known``: the PCF's canonical form (sign, deflation, shift, scaling) is that of a listed PCF;
2. ``equivalent`` by a fold: the canonical form of its even or odd contraction is that of a listed PCF,
   or its canonical form is that of a listed PCF's contraction, or both contract to the same PCF;
3. ``equivalent`` by a coboundary: against the listed PCFs of the same limit class (the constants of
   its closed form) and the same coboundary invariants, V(n) N(n+k) = rho(n) M(n) V(n+1) has a solution
   (V of degree <= 4, |k| <= 2, at most :data:`HOT_SCALARS` scalars rho per shift and
   :data:`HOT_SOLVES` linear systems in all, :data:`PER_PARTNER` per partner) and the Moebius map
   it carries relates the limits; the record holds V, rho, k and the map;
4. ``equivalent`` by a classical family (:mod:`discover.cf.novelty.classical`): deg a <= 1 and deg b <= 2
   (the canonical form) make the PCF's recurrence a contiguous relation of 2F1, Kummer's U (2F0), 1F1,
   the parabolic cylinder functions or 0F1 (Bessel), or a periodic fraction (a quadratic irrational);
   a form of degree <= (3, 6) that is exactly the even or odd contraction of such a PCF (``unfold``) is
   too, and so is a PCF of any degree in Euler's family (its recurrence has a hypergeometric-term
   solution: the limit is a hypergeometric series, :mod:`discover.cf.novelty.euler_family`). The chain
   holds the family, its exact parameters, the equivalence used and the citation (Gauss 1812; Euler 1748;
   Perron 1957; Wall 1948; Cuyt et al. 2008, ch. 15-17), and ``listed`` that family instance. A PCF of
   degree (2, 2), (2, 3) or (3, <= 5) whose limit is a Bessel ratio or an exponential e^z is tried, within the
   coboundary budget, against the 0F1 and 1F1 members that constant names, one of degree (d, 2d + 2),
   d <= 3, written with zeta(2) against the members of Stieltjes's trigamma fraction, and one of degree
   (d, 2d) with a quadratic-irrational limit against the periodic fractions of that field
   (:mod:`discover.cf.novelty.family_partners`): an exact coboundary with its Moebius map makes it
   equivalent to that member;
5. ``new`` otherwise: no listed PCF or classical family is reached by these equivalences within their
   bounds (a statement about the lists, the families and the bounds, not a proof that no such formula
   was ever published).

Two formulas that merely share a constant are never called equivalent: step 3 needs the coboundary,
and the Moebius map comes from it. Membership in a library CMF's trajectory is the ``cmf_trajectories``
part of the shipped list (2,614 PCFs read off CMF trajectories) in steps 1-2, and ``discover cf novelty
A B --cmf`` also runs ``cf cmf locate`` over the library's 2x2 CMFs.
"""

from __future__ import annotations

from discover.cf.novelty.index import KnownIndex, load_index
from discover.cf.novelty.known import limit_class

__all__ = ["classify", "classical_step", "partner_step", "family_listed", "novelty_payload", "HOT_SCALARS", "COBOUNDARY_PARTNERS", "THOROUGH"]

# Bounds of step 3 in a search's hot path (the `cf novelty` command can raise them).
HOT_SCALARS = 24
COBOUNDARY_PARTNERS = 24
HOT_DEGREE = 4
HOT_SOLVES = 96   # linear systems tried at most per classification (each first screened modulo a prime,
                  # ~10 us; the few the screen cannot rule out solved exactly, ~0.6 ms) ...
PER_PARTNER = 24  # ... and per listed partner (a true coboundary's scalar is among the first few dozen)
PARTNER_SOLVES = 48  # linear systems per classical family member (step 4) ...
TRIGAMMA_SOLVES = 128  # ... and per trigamma member (7 of them; the one of session 17 took 63)
# The bounds of `discover cf novelty` and of the campaign's export, where a few seconds per formula are fine.
THOROUGH = {"max_partners": 300, "max_scalars": 64, "max_solves": 6000, "per_partner": 48}


def _listed(index: KnownIndex, i: int) -> dict:
    return index.row(i).to_json()


def classify(a, b, closed_form: str | None, index: KnownIndex | None = None, max_partners: int =
             COBOUNDARY_PARTNERS, max_scalars: int = HOT_SCALARS, degree: int = HOT_DEGREE,
             max_solves: int = HOT_SOLVES, per_partner: int = PER_PARTNER) -> dict:
    """The novelty of PCF(a, b) (coefficient tuples) whose limit was identified as ``closed_form``
    (None: unidentified); see the module doc. Returns the JSON-ready ``novelty`` dict."""
    from discover.cf.novelty.equivalence import canonical_key, coboundary, folds, moebius_of_coboundary

    index = index or load_index()
    compared = [f"{x['list']} ({x['rows']} rows)" for x in index.lists]
    canon = canonical_key(a, b)
    out = {"class": "new", "compared_with": compared, "chain": [], "listed": None}
    hits = index.same_canonical(canon)
    if hits:
        out.update({"class": "known", "listed": _listed(index, hits[0]),
                    "chain": [{"kind": "canonical", "detail": "same canonical form (sign, deflation, shift, "
                                                              "scaling)"}]})
        return out
    own_folds = folds(*canon)
    for parity, key in own_folds:
        name = "even" if parity == 0 else "odd"
        if index.same_canonical(key):
            out.update({"class": "equivalent", "listed": _listed(index, index.same_canonical(key)[0]),
                        "chain": [{"kind": "fold", "detail": f"its {name} contraction has the canonical form "
                                                             "of the listed PCF"}]})
            return out
    if index.folding_to(canon):
        i, parity = index.folding_to(canon)[0]
        name = "even" if parity == 0 else "odd"
        out.update({"class": "equivalent", "listed": _listed(index, i),
                    "chain": [{"kind": "fold", "detail": f"it is the {name} contraction of the listed PCF"}]})
        return out
    for parity, key in own_folds:
        if index.folding_to(key):
            i, p2 = index.folding_to(key)[0]
            out.update({"class": "equivalent", "listed": _listed(index, i),
                        "chain": [{"kind": "fold", "detail": f"its {'even' if parity == 0 else 'odd'} "
                                                             "contraction"},
                                  {"kind": "fold", "detail": f"is the {'even' if p2 == 0 else 'odd'} "
                                                             "contraction of the listed PCF"}]})
            return out
    constants = limit_class(closed_form)
    budget = [max_solves]
    if constants and constants != ("rational",):
        for i in index.partners(constants, canon)[:max_partners]:
            row = index.row(i)
            listed = (row.a, row.b)
            mine = [min(per_partner, budget[0])]
            cob = coboundary(listed, canon, degree=degree, max_scalars=max_scalars, budget=mine)
            budget[0] -= min(per_partner, budget[0]) - mine[0]
            if cob is None:
                if budget[0] <= 0:
                    break
                continue
            moebius = moebius_of_coboundary(listed, canon, cob)
            if moebius is None:
                continue
            out.update({"class": "equivalent", "listed": row.to_json(),
                        "chain": [{"kind": "canonical", "detail": "the canonical form of this PCF"},
                                  {"kind": "coboundary", "detail": cob.to_json(),
                                   "moebius": {"map": list(moebius),
                                               "meaning": "L(canonical form) = (m0 L(listed) + m1) / "
                                                          "(m2 L(listed) + m3)"}}]})
            return out
    classical = classical_step(canon)
    if classical is not None:
        out.update(classical)
        return out
    partner = partner_step(canon, closed_form, degree, max_scalars, budget, per_partner)
    if partner is not None:
        out.update(partner)
        return out
    out["bounds"] = {"coboundary_degree": degree, "coboundary_scalars": max_scalars,
                     "coboundary_partners": max_partners, "coboundary_systems": max_solves,
                     "coboundary_systems_per_partner": per_partner,
                     "limit_class": list(constants)}
    return out


def family_listed(fj: dict, source) -> dict:
    """A classical family instance (``Family.to_json()``, read from the PCF ``source`` = (a, b)) in the fields
    of a listed row, so that ``cf novelty`` prints it and ``cf unify`` joins formulas of the same instance."""
    from discover.cf.polynomial import Polynomial

    params = ", ".join(f"{k}={v}" for k, v in fj["parameters"].items())
    return {"a": str(Polynomial(tuple(source[0]))), "b": str(Polynomial(tuple(source[1]))), "limit": fj["limit"],
            "dataset": f"classical family {fj['family']} ({params})",
            "list": f"classical:{fj['family']}({params})", "citation": fj["citation"]}


def classical_step(canon) -> dict | None:
    """Step 4 (module doc): ``class``, ``listed`` and ``chain`` when the canonical form ``canon`` is in a
    classical family or unfolds to one (:mod:`discover.cf.novelty.classical`), else None. ``listed`` names
    the family instance (family, exact parameters, the PCF of deg (1, 2) it was read from, the limit
    formula, the citation) in the fields a listed row has."""
    from discover.cf.novelty.classical import classical_or_unfolded

    got = classical_or_unfolded(*canon)
    if got is None:
        return None
    listed = family_listed(got["family"].to_json(), got["source"])
    return {"class": "equivalent", "listed": listed,
            "chain": [{"kind": "canonical", "detail": "the canonical form of this PCF"}] + got["steps"]}


def partner_step(canon, closed_form, degree, max_scalars, budget, per_partner) -> dict | None:
    """Step 4, second part: a coboundary (exact, with its Moebius map) from a classical family member named
    by the limit (:mod:`discover.cf.novelty.family_partners`: Bessel ratios and e^z, degree (2, 2) to (3, 5);
    zeta(2), degree (d, 2d + 2); quadratic irrationals, degree (d, 2d)) to
    ``canon``, within what is left of the linear-system ``budget``; None when none is found."""
    from discover.cf.novelty.classical import family_of
    from discover.cf.novelty.equivalence import coboundary, coboundary_class, moebius_of_coboundary
    from discover.cf.novelty.family_partners import (PARTNER_DEGREE, TRIGAMMA_DEGREE, named_partners,
                                                     trigamma_partners)

    members = named_partners(closed_form, len(canon[0]) - 1, len(canon[1]) - 1)
    if not members:
        return None
    trigamma = set(trigamma_partners(closed_form))
    rate = coboundary_class(*canon)[0]
    for member in members:
        if budget[0] <= 0:
            return None
        if coboundary_class(*member)[0] != rate:  # an invariant of coboundary equivalence (equivalence.py)
            continue
        # a family member's coboundary has a simple scalar (among the first few tried): PARTNER_SOLVES each;
        # a trigamma member's scalar has more factors to choose from (n^4 against b), hence TRIGAMMA_SOLVES
        is_trigamma = member in trigamma
        allowed = min(TRIGAMMA_SOLVES if is_trigamma else min(PARTNER_SOLVES, per_partner), budget[0])
        mine = [allowed]
        bound = TRIGAMMA_DEGREE if is_trigamma else min(degree, PARTNER_DEGREE)
        cob = coboundary(member, canon, degree=bound, max_scalars=max_scalars, budget=mine)
        budget[0] -= allowed - mine[0]
        if cob is None:
            continue
        moebius = moebius_of_coboundary(member, canon, cob)
        fam = family_of(*member)
        if moebius is None or fam is None:
            continue
        fj = fam.to_json()
        return {"class": "equivalent", "listed": family_listed(fj, member),
                "chain": [{"kind": "canonical", "detail": "the canonical form of this PCF"},
                          {"kind": "coboundary", "detail": cob.to_json(),
                           "moebius": {"map": list(moebius),
                                       "meaning": "L(canonical form) = (m0 L(listed) + m1) / (m2 L(listed) + m3)"}},
                          {"kind": "classical_family", "detail": fj}]}
    return None


def novelty_payload(pcf, closed_form: str | None) -> dict:
    """``payload["novelty"]`` of a PCF record (the hook of :func:`discover.cf.formula.formula_record`).
    An arithmetic failure of a check (a degenerate fold, say) leaves the class undecided (``None``) with
    the reason, rather than losing the verified record."""
    try:
        return classify(pcf.a.coeffs, pcf.b.coeffs, closed_form)
    except (ArithmeticError, ValueError) as exc:
        return {"class": None, "error": f"novelty check failed: {exc}"}
