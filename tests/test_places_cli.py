"""``wirewatch places`` and ``wirewatch export places`` over a small SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from places_support import session_config
from wirewatch.cli import cli
from wirewatch.config import Config
from wirewatch.gazetteer.geojson import places_geojson
from wirewatch.pipeline import Pipeline
from wirewatch.storage import open_store
from wirewatch.storage.base import PlaceQuery

TEXTS = [
    ("Fighting continued near Mosul and in Baghdad. Officials in Baghdad said the road was closed.", "en"),
    ("Protestas en Bogotá y Medellín, Colombia. Washington dijo que observa la situación.", "es"),
    ("A polícia fez uma operação no Rio de Janeiro e em Niterói.", "pt"),
]


@pytest.fixture(scope="session")
def config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    return session_config(tmp_path_factory)


@pytest.fixture()
def db(tmp_path: Path, config: Config) -> str:
    path = str(tmp_path / "places.db")
    pipeline = Pipeline.default(config, stages=["places"])
    store = open_store(path)
    try:
        for text, lang in TEXTS:
            store.put_article(pipeline.analyze_text(text, lang=lang))
    finally:
        store.close()
    return path


def test_places_lists_counts(db: str) -> None:
    result = CliRunner().invoke(cli, ["--db", db, "places", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    by_name = {r["name"]: r for r in rows}
    assert by_name["Baghdad"]["mentions"] == 2
    assert "Washington" not in by_name  # metonymy is left out


def test_export_geojson_is_a_feature_collection(db: str) -> None:
    result = CliRunner().invoke(cli, ["--db", db, "export", "places", "--format", "geojson"])
    assert result.exit_code == 0, result.output
    body = result.output[result.output.index("{"): result.output.rindex("}") + 1]
    data = json.loads(body)
    assert data["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in data["features"]}
    assert {"Mosul", "Bogotá", "Niterói"} <= names
    lon, lat = next(f for f in data["features"] if f["properties"]["name"] == "Mosul")["geometry"]["coordinates"]
    assert 43 < lon < 44 and 36 < lat < 37


def test_places_geojson_library(db: str) -> None:
    store = open_store(db)
    try:
        data = places_geojson(store.iter_places(PlaceQuery(limit=None)))
    finally:
        store.close()
    assert all(f["properties"]["articles"] == len(f["properties"]["article_ids"]) for f in data["features"])
