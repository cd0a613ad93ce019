"""graph6: the compact text format for simple undirected graphs (McKay's ``formats.txt``).

A graph on ``n`` vertices (0-based) is written as N(n) followed by R(x), where x is the upper triangle
of the adjacency matrix read column by column (bit for (i, j) with i < j, in the order
(0,1), (0,2), (1,2), (0,3), (1,3), (2,3), ...), padded with zeros to a multiple of 6 bits, and each
6-bit group is written as the character chr(63 + value). N(n) is chr(63 + n) for n <= 62, and
``~`` followed by three such characters (18 bits, big-endian) for 63 <= n <= 258047.
"""

from __future__ import annotations

from discover.errors import InputError

MAX_N = 258047


def encode(n: int, edges) -> str:
    """graph6 text of the graph with ``n`` vertices and the given edges (pairs of 0-based vertices)."""
    if n < 0 or n > MAX_N:
        raise InputError(f"graph6: n={n} is out of range 0..{MAX_N}")
    if n <= 62:
        head = chr(63 + n)
    else:
        head = "~" + "".join(chr(63 + ((n >> shift) & 63)) for shift in (12, 6, 0))
    total = n * (n - 1) // 2
    bits = bytearray(total + (-total) % 6)
    for u, v in edges:
        u, v = int(u), int(v)
        if u == v or not (0 <= u < n and 0 <= v < n):
            raise InputError(f"graph6: bad edge ({u}, {v}) for n={n}")
        if u > v:
            u, v = v, u
        bits[v * (v - 1) // 2 + u] = 1
    body = []
    for i in range(0, len(bits), 6):
        value = 0
        for b in bits[i : i + 6]:
            value = (value << 1) | b
        body.append(chr(63 + value))
    return head + "".join(body)


def _split(text: str) -> tuple[str, int, str]:
    """(the graph6 text without header and blanks, n, the data characters); malformed text raises
    InputError."""
    s = text.strip()
    if s.startswith(">>graph6<<"):
        s = s[len(">>graph6<<") :]
    if not s:
        raise InputError("graph6: empty graph text")
    if any(not (63 <= ord(c) <= 126) for c in s):
        raise InputError(f"graph6: {text.strip()[:40]!r} contains characters outside '?'..'~'")
    if s[0] == "~":
        if len(s) >= 2 and s[1] == "~":
            raise InputError("graph6: graphs with more than 258047 vertices are not supported")
        if len(s) < 4:
            raise InputError(f"graph6: {s[:40]!r} has a truncated vertex count")
        n = ((ord(s[1]) - 63) << 12) | ((ord(s[2]) - 63) << 6) | (ord(s[3]) - 63)
        return s, n, s[4:]
    return s, ord(s[0]) - 63, s[1:]


def order(text: str) -> int:
    """The number of vertices that graph6 ``text`` declares (its header only)."""
    return _split(text)[1]


def decode(text: str, max_n: int = MAX_N) -> tuple[int, list[tuple[int, int]]]:
    """``(n, edges)`` from graph6 text (edges as sorted pairs ``u < v``); malformed text, or a graph of
    more than ``max_n`` vertices (refused before its edges are read), raises InputError."""
    s, n, body = _split(text)
    if n > max_n:
        raise InputError(f"graph6: {s[:20]!r}... has {n} vertices; at most {max_n} are allowed here")
    total = n * (n - 1) // 2
    need = (total + 5) // 6
    if len(body) != need:
        raise InputError(f"graph6: {s[:40]!r} has {len(body)} data characters, expected {need} for n={n}")
    edges = []
    k = 0
    v, u = 1, 0
    for c in body:
        value = ord(c) - 63
        for shift in range(5, -1, -1):
            if k >= total:
                if (value >> shift) & 1:
                    raise InputError(f"graph6: {s[:40]!r} has non-zero padding bits")
                continue
            if (value >> shift) & 1:
                edges.append((u, v))
            k += 1
            u += 1
            if u == v:
                v += 1
                u = 0
    return n, edges
