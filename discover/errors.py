"""The two kinds of failure a user can meet, and the exit status each maps to.

``InputError`` is bad input (a malformed polynomial, formula or permutation, an impossible size): the
CLI prints its one-line message and exits with status 2, before anything is written to the store.
``RuntimeFailure`` is a run that could not finish (a missing store, an impossible reaction, a shard that
raised): one line and exit status 1.
"""


class DiscoverError(Exception):
    """Base of every error the CLI reports as one line without a traceback."""

    exit_code = 1


class InputError(DiscoverError, ValueError):
    """Bad user input; the message names the input and says what is wrong."""

    exit_code = 2


class RuntimeFailure(DiscoverError, RuntimeError):
    """A run that could not complete; the message says why."""

    exit_code = 1
