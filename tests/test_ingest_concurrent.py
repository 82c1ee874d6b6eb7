"""Two `wirewatch ingest` processes on one database at once: nothing fails, nothing is lost or doubled."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wirewatch.fusion import fusion_state_for
from wirewatch.storage import ArticleQuery, open_store


@pytest.mark.slow
def test_two_ingest_processes_share_one_database(tmp_path: Path, demo_dir: Path) -> None:
    pages = sorted(demo_dir.glob("*.html"))
    halves = [tmp_path / "a", tmp_path / "b"]
    for i, folder in enumerate(halves):
        folder.mkdir()
        for page in pages[i::2] + pages[:2]:  # the first two pages go to both: duplicates across processes
            shutil.copy(page, folder / page.name)
    db = tmp_path / "shared.db"
    env = {**os.environ, "WIREWATCH_DB": str(db)}
    procs = [subprocess.Popen([sys.executable, "-m", "wirewatch", "--quiet", "ingest", str(folder)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for folder in halves]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    store = open_store(db)
    try:
        assert store.count_articles(ArticleQuery(limit=None)) == len(pages)
    finally:
        store.close()
    state = fusion_state_for(db)
    try:
        assert state.counts()["fused_articles"] == len(pages)
    finally:
        state.close()
