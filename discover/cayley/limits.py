"""The stated limits of the Cayley commands, checked before any work starts (and quoted in ``--help``).

Each bounds an input whose size alone decides whether a command can finish: the degree of a named
family, of user permutations and of matrices, the modulus, how many sizes one ``mine`` may ask for, the
memory a search may be given, and how large a matrix group's action on vectors may be for its order to
be verified by Schreier-Sims. Within them, the memory estimate of each search (from the group order,
known in closed form or by Schreier-Sims) decides the rest.
"""

MAX_FAMILY_N = 32  # --n of a named family: every family's group is far beyond any memory before this
MAX_PERM_DEGREE = 4096  # points of --perm (and --n with --perm)
MAX_MATRIX_DEGREE = 16  # k of k x k matrices (--matrix, --n of a matrix family)
MAX_MODULUS = 65536  # entries of states are stored in 16 bits
MAX_MINE_SIZES = 64  # sizes in one `cayley mine` (a campaign runs in rounds)
MAX_MEMORY_GB = 4096.0  # --memory
MAX_LAST_LAYER = 1 << 22  # --last-layer: the most vertices of a last layer that are listed
MAX_ACTION_POINTS = 20_000  # p^k: a matrix group's order is verified by Schreier-Sims up to this many vectors
MAX_START_LENGTH = MAX_PERM_DEGREE  # letters of --start
MAX_STATES = 1 << 40  # vertices: beyond this no search fits in any memory (2 bits a state is 256 GiB)
MAX_GENERATORS = 100_000  # generators of one graph (a family's count is known before it is built)
MAX_GAP_BYTES = 16 << 20  # size of a --gap file
MAX_GAP_GENERATORS = 1_000  # generators defined in a --gap file
MAX_PARAM = 1_000  # a family parameter (k of lrx:k, ...); each family states its own range in n
MAX_DEPTH = 1_000_000  # --max-depth
MAX_PARTIAL_FAMILY_N = MAX_PERM_DEGREE  # --n of a named family in a partial search (--max-depth, --max-layer-size)
MAX_KEPT_STATES = 1_000_000  # --layer-limit: the most states of one layer kept by --layers
MAX_BEAM_WIDTH = 1 << 20  # --beam-width of `cayley solve`
MAX_BEAM_STEPS = 100_000  # --max-steps of a beam search
MAX_BALL_STATES = 1 << 24  # --ball: states kept around the start (exact distances) in a beam search
MAX_SOLVE_STATES = 100_000  # states in one --states file
MAX_STATES_FILE_BYTES = 64 << 20  # size of a --states file
MAX_WALK_ROWS = 10_000_000  # rows (walks x (length + 1)) of one `cayley walk` dataset
MAX_GRAPH_VERTICES = 1_000_000  # vertices of a graph written by `cayley graph` (edgelist, adjacency: 10,000)
MAX_ADJACENCY_VERTICES = 10_000  # `cayley graph --format adjacency` writes V^2 numbers
MAX_SPECTRUM_VERTICES = 10_000  # growth --spectrum: a dense V x V eigenvalue problem (800 MB at the limit)
