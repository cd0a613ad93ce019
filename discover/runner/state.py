"""Where discover keeps what outlives a command on this machine (the local Ray instance, the warm pool)."""

from __future__ import annotations

import os
from pathlib import Path


def user_state_path(override_variable: str, *parts: str) -> Path:
    """``$override_variable`` if set, else ``parts`` under ``$XDG_STATE_HOME/discover`` (default
    ``~/.local/state/discover``)."""
    override = os.environ.get(override_variable)
    if override:
        return Path(override)
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base, "discover", *parts)
