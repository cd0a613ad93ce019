"""`discover ray up` on a machine without a Ray auth token: Ray 2.60's `ray start --head` refuses a token
cluster without one, so :func:`discover.runner.ray_local.ensure_token` has Ray generate it first."""

import pytest

from discover.runner.ray_local import ensure_token


@pytest.fixture
def bare_home(tmp_path, monkeypatch):
    """A home directory without ~/.ray and no token in the environment."""
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("RAY_AUTH_TOKEN", "RAY_AUTH_TOKEN_PATH", "RAY_AUTH_MODE"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_a_token_is_generated_once_where_none_is_configured(bare_home):
    assert ensure_token() == "~/.ray/auth_token"
    token = (bare_home / ".ray" / "auth_token").read_text().strip()
    assert len(token) >= 32
    assert ensure_token() is None  # there is one now: left as it is
    assert (bare_home / ".ray" / "auth_token").read_text().strip() == token


def test_nothing_is_generated_where_a_token_is_set_or_not_needed(bare_home, monkeypatch):
    monkeypatch.setenv("RAY_AUTH_TOKEN", "0" * 32)
    assert ensure_token() is None
    monkeypatch.delenv("RAY_AUTH_TOKEN")
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    assert ensure_token() is None
    assert not (bare_home / ".ray").exists()
