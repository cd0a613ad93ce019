"""Twisty puzzles as permutation groups of their stickers, built from their geometry (no move tables).

A puzzle is a set of stickers (points of its surface) and moves: a move turns the part of the puzzle on
one side of a cut plane by a rotation of the solid, so it permutes the stickers; the permutation is found
by rotating each sticker's coordinates and looking the image up. A generator acts on a state by
``(s . g)[i] = s[g[i]]`` like every permutation here (:mod:`discover.cayley.perms`), so a move that
carries the sticker at position x to position y is ``g[y] = x``.

* **N x N x N cube** (``cube_qtm``, ``cube_htm`` with ``--n N``; ``cube_3x3x3_qtm``/``_htm``): the 6 N^2
  stickers sit at integer points (2N+1 grid units across): sticker (a, s, u, v) on the face normal to
  axis a on side s = +-1 has coordinate s N along a and odd coordinates u, v in -(N-1)..N-1 on the other
  axes. Layer l (0..N-1) of axis a holds the points whose coordinate along a, clamped to +-(N-1),
  equals 2l - (N-1). QTM: quarter turns (both directions) of every layer except the middle layer of an
  odd cube (for N = 3 the 6 faces: 12 moves); HTM adds the half turns (18 for N = 3). As in CayleyPy,
  N >= 4 includes every layer, so whole-cube rotations lie in the group. ``cube_qstm`` (quarter slice
  turns) turns every layer, the middle one included; ``cube_atm`` (axial turns) turns any set of the N
  parallel layers of one axis at once, each a quarter turn either way: 3(3^N - 1) moves.
* **2x2x2 with a fixed corner** (``cube_2x2x2_qtm``, ``cube_2x2x2_htm``): turns of the three layers at
  coordinate +1 only, so the corner at (-1,-1,-1) never moves and the group is the pocket cube's group of
  3,674,160 positions (God's number 14 in QTM, 11 in HTM).
* **Pyraminx** (``pyraminx``): a regular tetrahedron, each face cut into 9 triangles (36 stickers). A
  sticker is (face, barycentric weights) where the face is named by the vertex it misses and the weights
  (in ninths, over the face's three vertices) are those of a small triangle's centre: (7,1,1), (4,4,1),
  (5,2,2), ... A turn about vertex v by 120 degrees permutes the other three vertices cyclically and moves
  the stickers whose weight on v is at least 7 (a tip) or at least 4 (a corner layer, tip included);
  16 moves (4 vertices x tip/layer x 2 directions). Group order 75,582,720 (933,120 x 3^4 tip turns).
* **Megaminx** (``megaminx``): a regular dodecahedron (vertices from the golden ratio), each face with 11
  stickers: its centre, 5 edge stickers and 5 corner stickers placed 0.8 of the way from the face centre
  to an edge midpoint or a vertex. A face turn rotates by 72 degrees (both ways) about the face's normal
  the face's 11 stickers and the 3 stickers of each of its 5 neighbours nearest to it (the two highest
  levels along the normal); 24 moves.
* **Dino cube** (``dino``): a cube turned about its 8 corners, the cut of corner v through the three
  corners next to v. The diagonals cut each face into 4 triangles, one at each edge: 24 stickers, two on
  each of the 12 edge pieces (doubled coordinates: one entry +-2, the face; one +-1, the edge's
  direction; one 0). A turn by 120 degrees about v moves the stickers above the cut, the 6 with
  ``p . v = 3``: the three edges at v; 16 moves (8 corners, both ways). The group is A_12 on the edge
  pieces (an edge's orientation follows from its place): 12!/2 = 239,500,800 (Jaap's Puzzle Page).
* **Starminx** (``starminx``): a dodecahedron turned about its 20 vertices, each cut deep enough that the
  cuts of a vertex's neighbours cross on the edges between them (the pentagram on each face that names
  the puzzle). Stickers on each face: 5 corner stickers and 5 edge stickers placed 0.9 of the way from the
  face centre to a vertex or an edge midpoint (the centre never moves and is left out): 120 stickers,
  20 corner pieces of 3 and 30 edge pieces of 2. A turn by 120 degrees about vertex v moves the stickers
  above its cut: v's corner (turned in place) and the three edges at v; 40 moves. As in CayleyPy's
  ``starminx`` (T. Rokicki's puzzle geometry), the corners only twist in place.
* **Hungarian rings** (``hungarian_rings`` with ``--n N`` beads per ring, parameter k): ring A is the
  beads 0..N-1 in cyclic order; ring B passes through bead 0, the new beads N..N+k-2, bead k, and the new
  beads N+k-1..2N-3 (so the two shared beads are k apart on both rings); moves: rotate either ring one
  step either way (2N - 2 beads, 4 moves).
* **Globe** (``globe`` with parameters a, b): a+1 circles of latitude of 2b cells; moves: rotate circle
  r one cell either way, and the flip f_j (j = 0..2b-1) turning the half-globe of columns j..j+b-1 upside
  down, cell (r, c) -> (a - r, 2j + b - 1 - c mod 2b).

References: T. Rokicki, H. Kociemba, M. Davidson, J. Dethridge, "The diameter of the Rubik's Cube group
is twenty" (2013) and the pocket cube's God's numbers (14 QTM, 11 HTM; OEIS A079761, A079762);
J. Scherphuis, *Jaap's Puzzle Page* (pyraminx, megaminx, Hungarian rings); CayleyPy's puzzle library for
the move sets.
"""

from __future__ import annotations

import itertools
import math

from discover.cayley import perms as P


def _moves_to_perm(stickers, move) -> tuple:
    """The generator of a move given as ``move(sticker) -> sticker`` (the position it is carried to)."""
    index = {s: i for i, s in enumerate(stickers)}
    sigma = [index[move(s)] for s in stickers]  # sticker at i goes to sigma[i]
    return P.inverse(tuple(sigma))  # new[sigma[i]] = old[i], i.e. new[y] = old[g[y]]


# ---------------------------------------------------------------------------- the N x N x N cube
def cube_stickers(N: int) -> list[tuple]:
    """The 6N^2 sticker points (x, y, z) of the N x N x N cube (face coordinate +-N, others odd)."""
    odd = range(-(N - 1), N, 2)
    out = []
    for a in range(3):
        for s in (-1, 1):
            for u, v in itertools.product(odd, odd):
                p = [u, v]
                p.insert(a, s * N)
                out.append(tuple(p))
    return out


def _rotate90(p, axis, times):
    """``p`` rotated by ``times`` x 90 degrees about ``axis`` (right-handed)."""
    x = list(p)
    i, j = [t for t in range(3) if t != axis]
    for _ in range(times % 4):
        x[i], x[j] = -x[j], x[i]
    return tuple(x)


def _layer_turn(N, axis, layer, times):
    c = 2 * layer - (N - 1)

    def move(p):
        return _rotate90(p, axis, times) if max(-(N - 1), min(N - 1, p[axis])) == c else p

    return move


def cube_moves(N: int, half_turns: bool, layers=None):
    """Generators of the N x N x N cube: quarter turns (and half turns) of ``layers`` (default: every
    layer except the middle one of an odd cube)."""
    stickers = cube_stickers(N)
    if layers is None:
        layers = [l for l in range(N) if not (N % 2 == 1 and 2 * l == N - 1)]
    gens, names = [], []
    for axis in range(3):
        for layer in layers:
            for times, suffix in ((1, ""), (3, "'")) + (((2, "2"),) if half_turns else ()):
                gens.append(_moves_to_perm(stickers, _layer_turn(N, axis, layer, times)))
                names.append(f"{'xyz'[axis]}{layer}{suffix}")
    return gens, names


def cube_qtm(N):
    return cube_moves(N, False)


def cube_qstm(N):
    """Quarter slice turn metric: quarter turns of every layer, the middle one of an odd cube included."""
    return cube_moves(N, False, layers=list(range(N)))


def cube_atm(N):
    """Axial turn metric: one move turns any set of the N parallel layers of one axis, each by a quarter turn
    either way (layers of one axis commute): 3^N - 1 moves per axis."""
    stickers = cube_stickers(N)
    index = {s: i for i, s in enumerate(stickers)}
    gens, names = [], []
    for axis in range(3):
        # a sticker keeps its layer under a turn of its axis, so an axial move sends sticker i where the
        # whole cube's rotation by its layer's turn does: one table per rotation, then a look-up per sticker
        # (3 (3^N - 1) moves of 6 N^2 stickers: 1.9 million at N = 7)
        rotated = {t: [index[_rotate90(p, axis, t)] for p in stickers] for t in (0, 1, 3)}
        layer = [(max(-(N - 1), min(N - 1, p[axis])) + N - 1) // 2 for p in stickers]
        for turns in itertools.product((0, 1, 3), repeat=N):
            if not any(turns):
                continue
            sigma = [rotated[turns[layer[i]]][i] for i in range(len(stickers))]
            gens.append(P.inverse(tuple(sigma)))
            names.append("xyz"[axis] + "".join({0: "0", 1: "+", 3: "-"}[t] for t in turns))
    return gens, names


def cube_3x3x3_qstm(_n=None):
    return cube_qstm(3)


def cube_3x3x3_atm(_n=None):
    return cube_atm(3)


def cube_htm(N):
    return cube_moves(N, True)


def pocket_cube_qtm(_n=None):
    return cube_moves(2, False, layers=[1])


def pocket_cube_htm(_n=None):
    return cube_moves(2, True, layers=[1])


def cube_3x3x3_qtm(_n=None):
    return cube_moves(3, False)


def cube_3x3x3_htm(_n=None):
    return cube_moves(3, True)


# ---------------------------------------------------------------------------- pyraminx
_SMALL_TRIANGLES = [w for w in itertools.product(range(1, 8), repeat=3) if sum(w) == 9
                    and (all(x % 3 == 1 for x in w) or all(x % 3 == 2 for x in w))]


def pyraminx(_n=None):
    faces = range(4)  # face f: the face opposite vertex f
    stickers = []
    for f in faces:
        others = [v for v in range(4) if v != f]
        for w in _SMALL_TRIANGLES:
            stickers.append((f, tuple(sorted(zip(others, w)))))
    gens, names = [], []
    for v in range(4):
        a, b, c = [u for u in range(4) if u != v]
        for sigma, suffix in (({v: v, a: b, b: c, c: a}, ""), ({v: v, a: c, b: a, c: b}, "'")):
            for depth, label in ((7, "tip"), (4, "layer")):
                def move(s, sigma=sigma, depth=depth, v=v):
                    f, weights = s
                    if dict(weights).get(v, 0) < depth:
                        return s
                    return sigma[f], tuple(sorted((sigma[u], x) for u, x in weights))

                gens.append(_moves_to_perm(stickers, move))
                names.append(f"{label}{v}{suffix}")
    return gens, names


# ---------------------------------------------------------------------------- megaminx
def _dodecahedron():
    phi = (1 + math.sqrt(5)) / 2
    verts = [v for v in itertools.product((-1, 1), repeat=3)]
    for s1, s2 in itertools.product((-1, 1), repeat=2):
        verts += [(0, s1 * phi, s2 / phi), (s2 / phi, 0, s1 * phi), (s1 * phi, s2 / phi, 0)]
    # a face centre is the direction of an icosahedron vertex: (0, +-1, +-phi) and its cyclic shifts
    normals = []
    for s1, s2 in itertools.product((-1, 1), repeat=2):
        normals += [(0, s1, s2 * phi), (s1, s2 * phi, 0), (s2 * phi, 0, s1)]
    faces = []
    for n in normals:
        dots = [sum(a * b for a, b in zip(v, n)) for v in verts]
        top = max(dots)
        faces.append((n, [v for v, d in zip(verts, dots) if abs(d - top) < 1e-9]))
    return faces


def _rotate(p, axis, angle):
    """Rodrigues' rotation of ``p`` about the unit vector ``axis``."""
    c, s = math.cos(angle), math.sin(angle)
    dot = sum(a * b for a, b in zip(p, axis))
    cross = (axis[1] * p[2] - axis[2] * p[1], axis[2] * p[0] - axis[0] * p[2], axis[0] * p[1] - axis[1] * p[0])
    return tuple(p[i] * c + cross[i] * s + axis[i] * dot * (1 - c) for i in range(3))


def megaminx(_n=None):
    faces = _dodecahedron()
    points = []
    for normal, verts in faces:
        centre = tuple(sum(v[i] for v in verts) / 5 for i in range(3))
        ring = sorted(verts, key=lambda v: math.atan2(*_plane_coords(v, centre, normal)))
        points.append(centre)
        for t in range(5):
            a, b = ring[t], ring[(t + 1) % 5]
            mid = tuple((a[i] + b[i]) / 2 for i in range(3))
            for target in (a, mid):
                points.append(tuple(centre[i] + 0.8 * (target[i] - centre[i]) for i in range(3)))

    gens, names = [], []
    for f, (normal, _) in enumerate(faces):
        norm = math.sqrt(sum(x * x for x in normal))
        axis = tuple(x / norm for x in normal)
        heights = sorted({round(sum(p[i] * axis[i] for i in range(3)), 9) for p in points}, reverse=True)
        moving = [i for i, p in enumerate(points) if sum(p[k] * axis[k] for k in range(3)) > _layer_cut(heights)]
        for angle, suffix in ((2 * math.pi / 5, ""), (-2 * math.pi / 5, "'")):
            gens.append(_turn(points, moving, axis, angle))
            names.append(f"F{f}{suffix}")
    return gens, names


def _plane_coords(v, centre, normal):
    """Two coordinates of ``v - centre`` in the plane normal to ``normal`` (for ordering a face's ring)."""
    d = [v[i] - centre[i] for i in range(3)]
    helper = (1.0, 0.0, 0.0) if abs(normal[0]) < 0.9 else (0.0, 1.0, 0.0)
    e1 = (normal[1] * helper[2] - normal[2] * helper[1], normal[2] * helper[0] - normal[0] * helper[2],
          normal[0] * helper[1] - normal[1] * helper[0])
    e2 = (normal[1] * e1[2] - normal[2] * e1[1], normal[2] * e1[0] - normal[0] * e1[2],
          normal[0] * e1[1] - normal[1] * e1[0])
    return sum(a * b for a, b in zip(d, e1)), sum(a * b for a, b in zip(d, e2))


def _layer_cut(heights):
    """The cut of a face turn: below the face's own 11 stickers (all in the face's plane: the top height)
    and the 3 stickers of each neighbour nearest the face (0.2 of the way from the neighbour's centre to a
    point of the shared edge: the second height), above the rest."""
    return (heights[1] + heights[2]) / 2


# ---------------------------------------------------------------------------- vertex-turning puzzles
def dino(_n=None):
    stickers = []
    for face, other in itertools.permutations(range(3), 2):
        for s_face, s_other in itertools.product((-2, 2), (-1, 1)):
            p = [0, 0, 0]
            p[face], p[other] = s_face, s_other
            stickers.append(tuple(p))
    gens, names = [], []
    for v in itertools.product((-1, 1), repeat=3):
        for turn, suffix in ((1, ""), (2, "'")):
            def move(p, v=v, turn=turn):
                if sum(a * b for a, b in zip(p, v)) != 3:
                    return p
                # 120 degrees about v: conjugate the cyclic shift of the axes (about (1,1,1)) by diag(v)
                q = tuple(a * b for a, b in zip(p, v))
                for _ in range(turn):
                    q = (q[2], q[0], q[1])
                return tuple(a * b for a, b in zip(q, v))

            gens.append(_moves_to_perm(stickers, move))
            names.append("".join("-+"[(x + 1) // 2] for x in v) + suffix)
    return gens, names


def starminx(_n=None):
    faces = _dodecahedron()
    points, kinds = [], []  # kinds: ("corner", vertex) or ("edge", (vertex, vertex)) of each sticker
    for normal, verts in faces:
        centre = tuple(sum(v[i] for v in verts) / 5 for i in range(3))
        ring = sorted(verts, key=lambda v: math.atan2(*_plane_coords(v, centre, normal)))
        for t in range(5):
            a, b = ring[t], ring[(t + 1) % 5]
            mid = tuple((a[i] + b[i]) / 2 for i in range(3))
            for target, kind in ((a, ("corner", a)), (mid, ("edge", (a, b)))):
                points.append(tuple(centre[i] + 0.9 * (target[i] - centre[i]) for i in range(3)))
                kinds.append(kind)
    vertices = sorted({kind[1] for kind in kinds if kind[0] == "corner"})
    gens, names = [], []
    for k, v in enumerate(vertices):
        norm = math.sqrt(sum(x * x for x in v))
        axis = tuple(x / norm for x in v)
        moving = [i for i, kind in enumerate(kinds) if kind == ("corner", v) or (kind[0] == "edge" and v in kind[1])]
        _check_cut(points, axis, moving)
        for angle, suffix in ((2 * math.pi / 3, ""), (-2 * math.pi / 3, "'")):
            gens.append(_turn(points, moving, axis, angle))
            names.append(f"V{k}{suffix}")
    return gens, names


def _turn(points, moving, axis, angle) -> tuple:
    """The generator turning the stickers ``moving`` by ``angle`` about the unit vector ``axis``."""
    sigma = list(range(len(points)))
    for i in moving:
        sigma[i] = _nearest(points, _rotate(points[i], axis, angle))
    return P.inverse(tuple(sigma))


def _check_cut(points, axis, moving) -> None:
    """A plane normal to ``axis`` separates the stickers ``moving`` from the rest (the turn is a cut)."""
    heights = [sum(p[k] * axis[k] for k in range(3)) for p in points]
    inside = set(moving)
    if min(heights[i] for i in inside) <= max(h for i, h in enumerate(heights) if i not in inside):
        raise AssertionError("a vertex turn's stickers are not cut off by one plane")


def _nearest(points, q) -> int:
    """The index of the sticker at ``q`` (an image of a sticker under a symmetry of the solid)."""
    best = min(range(len(points)), key=lambda i: sum((points[i][k] - q[k]) ** 2 for k in range(3)))
    if sum((points[best][k] - q[k]) ** 2 for k in range(3)) > 1e-9:
        raise AssertionError("a turn does not map stickers onto stickers")
    return best


# ---------------------------------------------------------------------------- rings and globe
def hungarian_rings(n, k):
    ring_a = list(range(n))
    new = list(range(n, 2 * n - 2))
    ring_b = [0] + new[:k - 1] + [k] + new[k - 1:]
    gens, names = [], []
    for ring, label in ((ring_a, "A"), (ring_b, "B")):
        g = P.from_cycles(2 * n - 2, [tuple(ring)])
        gens += [g, P.inverse(g)]
        names += [label, label + "'"]
    return gens, names


def globe(_n, a, b):
    rows, cols = a + 1, 2 * b

    def cell(r, c):
        return r * cols + c

    gens, names = [], []
    for r in range(rows):
        g = P.from_cycles(rows * cols, [tuple(cell(r, c) for c in range(cols))])
        gens += [g, P.inverse(g)]
        names += [f"r{r}", f"r{r}'"]
    for j in range(cols):
        sigma = list(range(rows * cols))
        for r in range(rows):
            for c in range(j, j + b):
                sigma[cell(r, c % cols)] = cell(a - r, (2 * j + b - 1 - c) % cols)
        gens.append(P.inverse(tuple(sigma)))
        names.append(f"f{j}")
    return gens, names
