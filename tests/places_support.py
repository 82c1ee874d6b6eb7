"""Shared set-up for the places tests: one gazetteer build per checkout, in the tests' own cache dir."""

from __future__ import annotations

import pytest

from conftest import TEST_CACHE
from wirewatch.config import Config, load_config


def session_config(factory: pytest.TempPathFactory) -> Config:
    """A config whose cache_dir is the test cache (see conftest.py), never the real user cache."""
    TEST_CACHE.mkdir(parents=True, exist_ok=True)
    return load_config(env={}, cache_dir=str(TEST_CACHE))
