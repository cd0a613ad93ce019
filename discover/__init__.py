"""discover: computer-assisted discovery in mathematics and combinatorics.

Four search engines (continued fractions, Cayley graphs, extremal graphs, reaction balancing) share
one runner (:mod:`discover.runner`) and one results store (:mod:`discover.store`). Importing this
package is cheap: Numba kernels, Ray and pyarrow are imported by the code that uses them.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
