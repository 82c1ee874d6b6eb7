"""Shared set-up for the places tests: one gazetteer build per test session, in a temporary cache dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.config import Config, load_config


def session_config(factory: pytest.TempPathFactory) -> Config:
    """A config whose cache_dir is the session's temp folder (never the real user cache)."""
    cache = Path(factory.getbasetemp()) / "wirewatch-cache"
    cache.mkdir(exist_ok=True)
    return load_config(env={}, cache_dir=str(cache))
