"""The gazetteer: normalisation, demonyms, country names, supplement entries and the cache file."""

from __future__ import annotations

import pytest

from places_support import session_config
from wirewatch.config import Config
from wirewatch.gazetteer import country_names, demonym_country, load_gazetteer, normalize
from wirewatch.gazetteer.index import cache_file


@pytest.fixture(scope="session")
def config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    return session_config(tmp_path_factory)


def test_normalize_folds_case_diacritics_and_punctuation() -> None:
    assert normalize("São Paulo") == "sao paulo"
    assert normalize("Ciudad Juárez") == "ciudad juarez"
    assert normalize("U.S.") == "u s"
    assert normalize("al-Qa'im") == "al qaim"


@pytest.mark.parametrize(("word", "lang", "iso"), [
    ("Syrians", "en", "SY"), ("iraquíes", "es", "IQ"), ("mexicanas", "es", "MX"),
    ("moçambicanos", "pt", "MZ"), ("francesa", "pt", "FR"), ("Mosul", "en", None),
])
def test_demonyms_map_to_countries(word: str, lang: str, iso: str | None) -> None:
    assert demonym_country(word, lang) == iso


def test_country_names_per_language() -> None:
    assert "Estados Unidos" in country_names("US", "es")
    assert "Iraque" in country_names("IQ", "pt")
    assert "Germany" in country_names("DE", "en")


def test_cache_lives_in_configured_dir(config: Config) -> None:
    gaz = load_gazetteer(config)
    path = cache_file(config)
    assert path.is_file() and path.parent == config.cache_path
    assert len(gaz) > 200_000
    assert load_gazetteer(config) is gaz  # loaded once per process


@pytest.mark.parametrize(("name", "feature"), [
    ("Tigris", "river"), ("West Bank", "region"), ("Donbas", "region"), ("Cabo Delgado", "admin1"),
    ("Darfur", "region"), ("Sahel", "region"), ("Golan Heights", "region"), ("Cook County", "admin2"),
    ("Franja de Gaza", "region"), ("Cisjordânia", "region"), ("Brasil", "country"), ("EE.UU.", "country"),
])
def test_lookup_finds_supplement_and_registry_names(config: Config, name: str, feature: str) -> None:
    gaz = load_gazetteer(config)
    rows = gaz.lookup(normalize(name))
    assert rows, name
    assert feature in {gaz.feature(r) for r, _ in rows}


def test_al_variants_share_a_key(config: Config) -> None:
    gaz = load_gazetteer(config)
    assert gaz.lookup(normalize("Al Anbar")) and gaz.lookup(normalize("Anbar"))
