"""Shared fixtures. Quality-floor tests use ``eval_dir`` and skip when ../shared/eval is absent."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from wirewatch.pipeline import Pipeline
    from wirewatch.stages.places import Geoparser

ROOT = Path(__file__).resolve().parent.parent


def _find_eval_dir() -> Path | None:
    env = os.environ.get("WIREWATCH_EVAL_DIR")
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent / "shared" / "eval", ROOT / ".." / "shared" / "eval"]
    for c in candidates:
        if (c / "README.md").is_file():
            return c.resolve()
    return None


EVAL_DIR = _find_eval_dir()

# Built indexes (the gazetteer) are cached in the checkout, never in the user's cache dir: built once by the
# first test that needs one and reused by every later test and test run.
TEST_CACHE = ROOT / ".test-cache"
os.environ["WIREWATCH_CACHE_DIR"] = str(TEST_CACHE)


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    """The shared evaluation data; tests using it skip when it is absent (a user's checkout)."""
    if EVAL_DIR is None:
        pytest.skip("../shared/eval is absent: quality-floor test skipped")
    return EVAL_DIR


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    from importlib import resources

    return Path(str(resources.files("wirewatch").joinpath("data/examples")))


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path) -> Path:
    """A SQLite database with the demo corpus ingested and fused (built once per test session).

    Tests must not write to it; copy it first if they need to change it.
    """
    from wirewatch.config import load_config
    from wirewatch.fusion import Fuser, fusion_state_for
    from wirewatch.ingest import ingest
    from wirewatch.storage import open_store

    db = tmp_path_factory.mktemp("demo") / "demo.db"
    config = load_config(None, env={}, db=str(db), cache_dir=str(TEST_CACHE))
    store = open_store(db)
    fuser = Fuser(fusion_state_for(db))
    try:
        summary = ingest([str(demo_dir)], store, config, pattern="*.html", fuser=fuser)
    finally:
        fuser.state.close()
        store.close()
    assert summary.failed == 0, summary.failures
    return db


@pytest.fixture(scope="session")
def geo() -> Geoparser:
    """One geoparser for every places test, over the gazetteer built in the test cache."""
    from wirewatch.config import load_config
    from wirewatch.stages.places import Geoparser

    TEST_CACHE.mkdir(parents=True, exist_ok=True)
    return Geoparser(load_config(env={}, cache_dir=str(TEST_CACHE)))


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline with every stage, shared by the rule tests (files may still define their own)."""
    from wirewatch.pipeline import Pipeline

    return Pipeline.default()
