"""``wirewatch claims``: stored claims with source, certainty and contradiction filters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirewatch.cli import cli
from wirewatch.pipeline import Pipeline
from wirewatch.storage import open_store

TEXT = ("Police said 12 people were killed in the attack. "
        "Residents said at least 20 people had died. "
        "The army reportedly withdrew from the town.")


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "ww.db")
    store = open_store(path)
    try:
        store.put_article(Pipeline.default(stages=["figures", "claims"]).analyze_text(TEXT, lang="en"))
    finally:
        store.close()
    return path


def run(db: str, *args: str) -> list[str]:
    result = CliRunner().invoke(cli, ["--db", db, "claims", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def test_lists_claims_with_sources(db: str) -> None:
    out = "\n".join(run(db))
    assert "Police [official]" in out and "Residents [witness]" in out and "3 claim(s)" in out


def test_filters(db: str) -> None:
    assert len(run(db, "--json", "--source", "police")) == 1
    rows = [json.loads(line) for line in run(db, "--json", "--contradicted")]
    assert sorted(r["claim"]["source"]["text"] for r in rows) == ["Police", "Residents"]
    (probable,) = [json.loads(line) for line in run(db, "--json", "--certainty", "probable")]
    assert probable["claim"]["certainty"] == "probable" and probable["sentence"].startswith("The army")
    assert run(db, "--json", "--article", "no-such-article") == []
    assert len(run(db, "--json", "--limit", "1")) == 1


def test_bad_certainty_is_a_usage_error(db: str) -> None:
    result = CliRunner().invoke(cli, ["--db", db, "claims", "--certainty", "sure"])
    assert result.exit_code == 2
