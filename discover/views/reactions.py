"""``plot reactions --species ...``: the elementary reactions among some species, as vectors, in 2D.

A reaction among species S_1..S_s is an integer vector x (reactants negative) with A x = 0, A the
composition matrix (atoms of each element, and charge, per species). The elementary reactions are the
support-minimal such vectors (:func:`discover.chem.rays.elementary_modes`, every side free; each is
checked with :func:`discover.chem.verify.check_elementary`); they span the reaction space ker A. The
figure projects each onto the plane of the two leading right singular vectors of the matrix of all
elementary reactions (orthonormal axes of ker A when its dimension is 2, exact; otherwise the plane
that keeps most of their squared length, the fraction kept is in the axis labels), and draws it as an
arrow from the origin. A reaction and its reverse are one reaction: each is drawn with its first
nonzero coefficient negative, as the engine orients it.

Family: the elements a reaction moves (the elements of the species it uses), one colour each.
With ``reaction`` (an equation such as ``"H2 + O2 -> H2O + H2O2"``), its canonical balance
(:func:`discover.chem.balance.balance_text`) is drawn as a star in the same plane; it is a non-negative
combination of the elementary reactions that agree with its sides, drawn filled (the others hollow).

These are engine calls on the spot (nothing is read from or written to the store).
"""

from __future__ import annotations

from pathlib import Path

from discover.errors import InputError
from discover.views.figure import new_figure, pyplot, save

MAX_PLOT_REACTIONS = 200  # arrows beyond this no longer read as a picture


def reaction_map(species: str | None, reaction: str | None = None, medium: str | None = None) -> dict:
    """The plotted data: ``{"species", "reactions": [{"signed", "equation", "family", "xy", "agrees"}],
    "balanced": {"signed", "equation", "xy"} | None, "kept"}`` (``kept``: fraction of squared length the
    projection keeps). The elementary reactions are enumerated by the chem engine here."""
    from discover.chem.balance import balance_text
    from discover.chem.equation import FREE, parse_problem, parse_species_list
    from discover.chem.matrix import composition_matrix
    from discover.chem.rays import elementary_modes
    from discover.chem.verify import check_elementary

    if not species and not reaction:
        raise InputError("plot reactions: give --species 'A, B, C' (and optionally --reaction 'A + B -> C')")
    balanced = balance_text(reaction, medium=medium) if reaction else None
    if species:
        problem = parse_species_list(species, medium=medium)
    else:
        problem = parse_problem(reaction, medium=medium, sides_free=True)
    _, rows = composition_matrix(problem.species)
    modes = elementary_modes(rows, [FREE] * len(problem.species))
    if not modes:
        raise InputError(f"--species {species or reaction}: no reaction balances among these species")
    _check_count(len(modes))
    for mode in modes:
        check_elementary(problem, mode)
    signed = None
    if balanced is not None:
        canon = {s.canonical(): j for j, s in enumerate(problem.species)}
        signed = [0] * len(problem.species)
        for s, v in zip(balanced.problem.species, balanced.signed):
            if s.canonical() not in canon:
                raise InputError(f"--reaction: {s.text} is not among --species")
            signed[canon[s.canonical()]] = v
    return project_reactions(problem.species, modes, signed)


def reaction_map_of_record(record) -> dict:
    """:func:`reaction_map` of a stored ``reaction_set`` record (its species, its elementary reactions
    and its balance, as the record holds them; nothing is enumerated again)."""
    from discover.chem.formula import parse_species

    p = record.payload
    species = [parse_species(name) for name in p["species"]]
    _check_count(len(p["reactions_signed"]))
    signed = [(-c if side == "reactant" else c) for c, side in zip(p["coefficients"], p["sides"])]
    return project_reactions(species, [tuple(m) for m in p["reactions_signed"]], signed)


def _check_count(count: int) -> None:
    if count > MAX_PLOT_REACTIONS:
        raise InputError(f"--species: {count} elementary reactions, more than the {MAX_PLOT_REACTIONS} "
                         "a picture can show; give fewer species")


def project_reactions(species, modes, balanced_signed=None) -> dict:
    """Project elementary reactions ``modes`` (signed vectors over ``species``) and the balance
    ``balanced_signed`` (or None) onto the plane of the two leading singular vectors (module doc)."""
    import numpy as np

    from discover.chem.balance import format_reaction

    names = [s.text for s in species]
    vectors = np.array(modes, dtype=float)
    _, singular, vt = np.linalg.svd(vectors, full_matrices=False)
    axes = vt[:2] if len(vt) >= 2 else np.vstack([vt[:1], np.zeros_like(vt[:1])])
    kept = float((singular[:2] ** 2).sum() / (singular ** 2).sum())
    reactions = []
    for mode, xy in zip(modes, vectors @ axes.T):
        elements = sorted({el for s, v in zip(species, mode) if v for el, _ in s.counts})
        reactions.append({"signed": list(mode), "equation": format_reaction(names, mode),
                          "family": ", ".join(elements), "xy": (float(xy[0]), float(xy[1])), "agrees": None})
    point = None
    if balanced_signed is not None:
        xy = np.array(balanced_signed, dtype=float) @ axes.T
        point = {"signed": list(balanced_signed), "equation": format_reaction(names, balanced_signed),
                 "xy": (float(xy[0]), float(xy[1]))}
        for r in reactions:
            # an elementary reaction agrees with the balance when, up to reversal, it puts every species
            # it uses on the side the balance does
            products = [v * b for v, b in zip(r["signed"], balanced_signed) if v]
            r["agrees"] = all(q > 0 for q in products) or all(q < 0 for q in products)
    return {"species": names, "reactions": reactions, "balanced": point, "kept": kept}


def plot_reactions(species: str | None, path: Path, fmt: str, reaction: str | None = None,
                   medium: str | None = None) -> dict:
    """Draw :func:`reaction_map` into ``path``; returns the data."""
    data = reaction_map(species, reaction, medium)
    draw_reactions(data, path, fmt)
    return data


def draw_reactions(data: dict, path: Path, fmt: str) -> None:
    """Draw the data of :func:`project_reactions` into ``path``."""
    families = list(dict.fromkeys(r["family"] for r in data["reactions"]))
    colours = pyplot().rcParams["axes.prop_cycle"].by_key()["color"]
    fig, ax = new_figure(size=(8.0, 6.5))
    labelled = set()
    for r in data["reactions"]:
        colour = colours[families.index(r["family"]) % len(colours)]
        x, y = r["xy"]
        ax.annotate("", xy=(x, y), xytext=(0, 0),
                    arrowprops={"arrowstyle": "->", "color": colour, "linewidth": 1.3,
                                "alpha": 1.0 if r["agrees"] is not False else 0.45})
        hollow = r["agrees"] is False
        role = {None: "", True: " (sides agree with the balance)", False: " (sides disagree)"}[r["agrees"]]
        label = None if (r["family"], hollow) in labelled else f"elementary reactions moving {r['family']}{role}"
        labelled.add((r["family"], hollow))
        ax.plot([x], [y], "o", color=colour, markerfacecolor="white" if hollow else colour, label=label)
        if len(data["reactions"]) <= 30:
            ax.annotate(r["equation"], (x, y), textcoords="offset points", xytext=(4, 4), fontsize=7)
    if data["balanced"]:
        x, y = data["balanced"]["xy"]
        ax.plot([x], [y], "*", color="black", markersize=16, label=f"balanced: {data['balanced']['equation']}")
    ax.plot([0], [0], "+", color="grey", markersize=10, label="origin (no reaction)")
    ax.axhline(0, color="grey", linewidth=0.5)
    ax.axvline(0, color="grey", linewidth=0.5)
    ax.margins(0.25)
    share = f"{100 * data['kept']:.0f}% of the reactions' squared length"
    ax.set_xlabel(f"first principal axis of the reaction space (coefficient units; {share})")
    ax.set_ylabel("second principal axis (coefficient units)")
    ax.set_title(f"Elementary reactions among {', '.join(data['species'])}", fontsize=10)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    save(fig, path, fmt)
