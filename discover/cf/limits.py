"""The sizes every cf command accepts, checked when its input is parsed, before any work starts.

Each limit bounds the time of the work it guards, and especially of the single calls into FLINT or
mpmath that Python cannot interrupt: Ctrl-C is only seen between such calls, so none may run for
long. The figures quoted were measured on the development machine (2 loaded cores).

* Polynomials (``a(n)``, ``b(n)``, CMF entries): degree at most :data:`MAX_DEGREE`, coefficients of at
  most :data:`MAX_COEFFICIENT_DIGITS` decimal digits, at most :data:`MAX_NESTING` nested parentheses and
  :data:`MAX_EXPRESSION_CHARS` characters. The complex roots of such a polynomial (used to decide
  termination, positivity and the sign of prod b(k)) take well under 0.1 s.
* Convergents: depth at most :data:`MAX_DEPTH`, and the exact convergent at most
  :data:`MAX_CONVERGENT_BITS` bits (estimated beforehand from the coefficients). The largest product of
  the binary-splitting tree then multiplies two integers of half that size: about 0.2 s.
* CMF walks: trajectory entries at most :data:`MAX_TRAJECTORY_ENTRY` in absolute value and
  :data:`MAX_TRAJECTORY_STEPS` axis steps per trajectory step (sum of |t_i|), start coordinates at most
  :data:`MAX_START_ENTRY` in absolute value; the walk's integers obey the same bit limit.
* Identification: at most :data:`MAX_IDENTIFY_DIGITS` digits of a value given to ``cf identify`` (a lattice
  reduction at that precision takes seconds; it polls nothing, so it is the precision that bounds each call).
* Verification: a closed form is compared with at most :data:`MAX_VERIFY_DIGITS` digits of a limit (the
  constants computed at twice that); the digits stored are never more than the digits compared.
* Printing: at most :data:`MAX_PRINT_DIGITS` decimal places of a limit.
"""

from __future__ import annotations

MAX_DEGREE = 64
MAX_COEFFICIENT_DIGITS = 300
MAX_NESTING = 100
MAX_EXPRESSION_CHARS = 20_000

MAX_DEPTH = 1_000_000
MAX_CONVERGENT_BITS = 1 << 25  # about 10 million decimal digits

MAX_TRAJECTORY_ENTRY = 16
MAX_TRAJECTORY_STEPS = 32
MAX_START_ENTRY = 10_000

MAX_IDENTIFY_DIGITS = 4000
# A closed form is checked against at most this many digits of a limit (constants at twice that).
MAX_VERIFY_DIGITS = 10_000
MAX_PRINT_DIGITS = 100_000

# An exponent written in an expression (a constant, a CMF entry): its literal value at most this.
MAX_EXPONENT = MAX_DEGREE


def check_expression_text(text: str, what: str) -> str:
    """The text of an expression (a constant such as ``exp(2)``, a CMF entry), checked before any parser
    sees it: at most :data:`MAX_EXPRESSION_CHARS` characters, :data:`MAX_NESTING` nested parentheses,
    integers of :data:`MAX_COEFFICIENT_DIGITS` digits and written exponents (after ``^`` or ``**``) of at
    most :data:`MAX_EXPONENT`, and no power of a power (``10^10^10``). Returns the stripped text;
    :class:`~discover.errors.InputError` naming ``what`` otherwise."""
    import re

    from discover.errors import InputError

    src = text.strip()
    shown = repr(src if len(src) <= 60 else src[:57] + "...")
    if len(src) > MAX_EXPRESSION_CHARS:
        raise InputError(f"{what}: {len(src):,} characters; at most {MAX_EXPRESSION_CHARS:,} are accepted")
    depth = deepest = 0
    for ch in src:
        depth += (ch == "(") - (ch == ")")
        deepest = max(deepest, depth)
    if deepest > MAX_NESTING:
        raise InputError(f"{what}: {deepest} nested parentheses; at most {MAX_NESTING} are accepted")
    for digits in re.findall(r"\d+", src):
        if len(digits.lstrip("0")) > MAX_COEFFICIENT_DIGITS:
            raise InputError(f"{what} {shown}: a number with {len(digits):,} digits; at most "
                             f"{MAX_COEFFICIENT_DIGITS} are accepted")
    powers = re.sub(r"\*\*", "^", src)
    for exponent in re.findall(r"\^\s*\(?\s*[-+]?\s*(\d+)", powers):
        if int(exponent) > MAX_EXPONENT:
            raise InputError(f"{what} {shown}: exponent {exponent} is above the limit {MAX_EXPONENT}")
    if re.search(r"\^[^-+*/,^]*\^", powers):
        raise InputError(f"{what} {shown}: a power of a power; write the exponent out (at most {MAX_EXPONENT})")
    return src


def check_start_box(start_min: int, start_max: int, max_values: int) -> None:
    """InputError unless the start coordinates start_min .. start_max are at most ``max_values`` values, in
    order, and of absolute value at most :data:`MAX_START_ENTRY`."""
    from discover.errors import InputError

    lo, hi = int(start_min), int(start_max)
    if lo > hi or hi - lo + 1 > max_values or max(abs(lo), abs(hi)) > MAX_START_ENTRY:
        raise InputError(f"start box [{start_min}, {start_max}]: need min <= max, at most {max_values} values and "
                         f"coordinates of absolute value at most {MAX_START_ENTRY}")
