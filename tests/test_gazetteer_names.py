"""Display names per language: exonyms of cities, regions, supplement features, countries and continents."""

from __future__ import annotations

import pytest

from places_support import session_config
from wirewatch.config import Config
from wirewatch.gazetteer import display_name, load_gazetteer, normalize
from wirewatch.gazetteer.names import display_table


@pytest.mark.parametrize(("ref", "lang", "name"), [
    ("gn:98182", "es", "Bagdad"), ("gn:98182", "pt", "Bagdá"), ("gn:98182", "en", None),
    ("gn:99072", "pt", "Mossul"), ("gn:99072", "es", None),
    ("gn:2643743", "es", "Londres"), ("gn:2660646", "pt", "Genebra"), ("gn:2660646", "es", "Ginebra"),
    ("cc:IQ", "es", "Irak"), ("cc:IQ", "pt", "Iraque"), ("cc:DE", "en", "Germany"),
    ("sup:gaza_strip", "es", "Franja de Gaza"), ("sup:west_bank", "pt", "Cisjordânia"),
    ("gn:6255146", "es", "África"),  # a continent, named by GeoNames itself
    ("gn:5128638", "es", "Nueva York"), ("gn:5128638", "pt", "Nova York"),  # the US state
    ("gn:170905", "en", "Daraa"), ("gn:170905", "pt", "Daraa"),  # English form stands in for a missing pt one
    ("gn:0", "es", None), ("cc:IQ", "fr", None),
])
def test_display_name(ref: str, lang: str, name: str | None) -> None:
    assert display_name(ref, lang) == name


def test_every_curated_name_is_in_a_known_language() -> None:
    table = display_table()
    assert len(table) > 600
    assert all(set(names) <= {"en", "es", "pt"} for names in table.values())
    assert all(name.strip() == name and name for names in table.values() for name in names.values())


def test_loaded_index_carries_the_display_names(tmp_path_factory: pytest.TempPathFactory) -> None:
    config: Config = session_config(tmp_path_factory)
    gaz = load_gazetteer(config)
    row = gaz.lookup_ref("cc:IQ")
    assert row is not None
    assert (gaz.display_name(row, "es"), gaz.display_name(row, "pt")) == ("Irak", "Iraque")
    assert gaz.display_name(row, "en") == "Iraq"
    baghdad = [r for r, _ in gaz.lookup(normalize("Baghdad")) if gaz.data.refs[r] == "gn:98182"]
    assert baghdad and gaz.display_name(baghdad[0], "es") == "Bagdad"
