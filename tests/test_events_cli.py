"""``wirewatch events`` and ``wirewatch export events`` on a small SQLite store."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirewatch.cli import cli
from wirewatch.cli.events import EVENT_COLUMNS
from wirewatch.pipeline import Pipeline
from wirewatch.storage import open_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("events") / "ev.db"
    pipeline = Pipeline.default(stages=["events"])
    store = open_store(path)
    text = ("Boko Haram fighters attacked a military base near the lake, killing four soldiers. "
            "Militants did not attack the market.")
    store.put_article(pipeline.analyze_text(text, lang="en", published=datetime(2024, 3, 2, tzinfo=UTC),
                                            url="https://example.org/a", site="example.org"))
    texto = "Hombres armados secuestraron a dos comerciantes en el Cauca."
    store.put_article(pipeline.analyze_text(texto, lang="es", published=datetime(2024, 3, 3, tzinfo=UTC),
                                            url="https://example.org/b", site="example.org"))
    store.close()
    return path


def _run(db: Path, *args: str) -> str:
    if args and args[0] == "events":  # these tests look at raw mentions; canonical events are tested elsewhere
        args = ("events", "--mentions", *args[1:])
    elif args[:2] == ("export", "events"):
        args = ("export", "events", "--mentions", *args[2:])
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_table_lists_factual_events_only_by_default(db: Path) -> None:
    out = _run(db, "events")
    assert "attacked" in out and "secuestraron" in out
    assert "negated" not in out
    flagged = _run(db, "events", "--include-flagged")
    assert "negated" in flagged
    only = _run(db, "events", "--flag", "negated")
    assert "attacked" not in only and "negated" in only


def test_filters(db: Path) -> None:
    out = _run(db, "events", "--sub-type", "Abduction/forced disappearance")
    assert "secuestraron" in out and "attacked" not in out
    assert "attacked" in _run(db, "events", "--actor", "boko")


def test_csv_has_acled_columns(db: Path) -> None:
    out = _run(db, "export", "events", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    header = out.splitlines()[0].split(",")
    assert header == list(EVENT_COLUMNS)
    attack = next(r for r in rows if r["trigger"] == "attacked")
    assert attack["event_type"] == "Battles" and attack["actor1"].startswith("Boko Haram")
    assert attack["inter1"] == "2" and attack["event_date"] == "2024-03-02"


def test_jsonl_and_geojson(db: Path, tmp_path: Path) -> None:
    out = _run(db, "events", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert all(r["event"]["plover_type"] for r in records)
    target = tmp_path / "ev.geojson"
    _run(db, "export", "events", "--format", "geojson", "--output", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"  # no places stage ran: features only for located events


def test_killed_column_says_dash_when_no_figure_was_reported(db: Path) -> None:
    from wirewatch.cli.events import killed_text

    assert killed_text(None, None) == "-" and killed_text(0, 0) == "0" and killed_text(3, 5) == "3-5"
    table = _run(db, "events")  # only the events stage ran: no figures, so no number may be claimed
    assert "killed -" in table and "killed 0" not in table
    rows = list(csv.DictReader(io.StringIO(_run(db, "export", "events", "--format", "csv"))))
    assert {r["fatalities"] for r in rows} == {"0"}  # ACLED's CSV convention keeps 0
