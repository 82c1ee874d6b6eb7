"""Recognition and resolution rules on the team's own sentences in English, Spanish and Portuguese."""

from __future__ import annotations

import pytest

from places_support import parse
from wirewatch.pipeline import article_from_text
from wirewatch.records import Span
from wirewatch.stages.places import Geoparser, site_country


@pytest.mark.parametrize(("lang", "text", "absent"), [
    ("en", "Jordan Peterson gave a talk about free speech.", "Jordan"),
    ("en", "Critics of Georgia Meloni gathered outside.", "Georgia"),
    ("en", "The Washington Post reported the figures.", "Washington"),
    ("en", "He lives in a mobile home and enjoys reading.", "mobile"),
    ("es", "El Real Madrid ganó el partido del domingo.", "Madrid"),
    ("es", "Paz Vega presentó su película ayer.", "Paz"),
    ("es", "Los iraquíes y los sirios huyeron de la violencia.", "iraquíes"),
    ("pt", "O Banco do Brasil anunciou lucro recorde.", "Brasil"),
    ("pt", "Os moçambicanos votaram no domingo.", "moçambicanos"),
    ("pt", "O presidente Lula falou com jornalistas.", "Lula"),
])
def test_not_places(geo: Geoparser, lang: str, text: str, absent: str) -> None:
    assert absent not in parse(geo, text, lang)


@pytest.mark.parametrize(("lang", "text", "surface", "country"), [
    ("en", "Shelling hit Abu Ghraib overnight.", "Abu Ghraib", "IQ"),
    ("en", "Flooding was reported in Victoria, British Columbia.", "Victoria", "CA"),
    ("en", "Rescue teams reached Santiago, Chile on Monday.", "Santiago", "CL"),
    ("es", "La violencia sacudió Ciudad Juárez durante la noche.", "Ciudad Juárez", "MX"),
    ("es", "La delegación llegó a el Cairo tras la reunión.", "Cairo", "EG"),
    ("es", "Hubo protestas en Córdoba, Argentina, contra el ajuste.", "Córdoba", "AR"),
    ("pt", "A enchente atingiu São Gabriel da Cachoeira ontem.", "São Gabriel da Cachoeira", "BR"),
    ("pt", "Milhares protestaram em Lisboa e no Porto.", "Porto", "PT"),
    ("pt", "Os combates continuam em Cabo Delgado, no norte do país.", "Cabo Delgado", "MZ"),
])
def test_places_found_and_resolved(geo: Geoparser, lang: str, text: str, surface: str, country: str) -> None:
    places = parse(geo, text, lang)
    assert surface in places, sorted(places)
    assert places[surface].country == country
    assert len(places[surface].alternatives) <= 2


@pytest.mark.parametrize(("lang", "text", "surface"), [
    ("en", "Washington said the sanctions would stay.", "Washington"),
    ("es", "Moscú negó cualquier implicación en el ataque.", "Moscú"),
    ("pt", "Brasília anunciou novas medidas econômicas.", "Brasília"),
])
def test_metonymy_marked(geo: Geoparser, lang: str, text: str, surface: str) -> None:
    assert parse(geo, text, lang)[surface].metonymy


def test_location_with_cue_is_not_metonymy(geo: Geoparser) -> None:
    assert not parse(geo, "Officials in Baghdad said the road was closed.", "en")["Baghdad"].metonymy


@pytest.mark.parametrize(("lang", "text", "surface", "relation", "direction", "km"), [
    ("en", "A car bomb exploded 20 km south of Kirkuk on Sunday.", "Kirkuk", "distance", "S", 20.0),
    ("en", "Clashes continued on the outskirts of Baghdad.", "Baghdad", "outskirts", None, None),
    ("en", "Troops advanced into western Mosul.", "Mosul", "part", "W", None),
    ("es", "Un ataque ocurrió al norte de Bogotá.", "Bogotá", "near", "N", None),
    ("es", "Los desplazados llegaron a 30 km de Maputo.", "Maputo", "distance", None, 30.0),
    ("pt", "A seca castiga cidades no interior de São Paulo.", "São Paulo", "interior", None, None),
    ("pt", "Houve um tiroteio a 15 km ao norte de Recife.", "Recife", "distance", "N", 15.0),
])
def test_qualifiers(geo: Geoparser, lang: str, text: str, surface: str, relation: str, direction: str | None,
                    km: float | None) -> None:
    place = parse(geo, text, lang)[surface]
    assert place.qualifier is not None
    assert (place.qualifier.relation, place.qualifier.direction, place.qualifier.distance_km) == (
        relation, direction, km)
    assert place.precision >= 2


def test_distance_and_bearing_shift_the_point(geo: Geoparser) -> None:
    plain = parse(geo, "Fighting was reported in Kirkuk.", "en")["Kirkuk"]
    shifted = parse(geo, "Fighting was reported 50 km south of Kirkuk.", "en")["Kirkuk"]
    assert shifted.lat == pytest.approx(plain.lat - 50 / 111.2, abs=0.02)
    assert shifted.lon == pytest.approx(plain.lon, abs=0.02)


def test_precision_levels(geo: Geoparser) -> None:
    places = parse(geo, "Troops moved from Mosul across Iraq toward the Tigris.", "en")
    assert places["Mosul"].precision == 1
    assert places["Iraq"].precision == 3
    assert places["Tigris"].feature == "river"


def test_document_coherence_prefers_local_reading(geo: Geoparser) -> None:
    text = ("Police in Paris, Texas, arrested a man on Monday. The Lamar County sheriff said the man was "
            "taken to the county jail in Paris after a chase through Dallas.")
    assert parse(geo, text, "en")["Paris"].country == "US"


def test_outlet_country_from_url() -> None:
    assert site_country(article_from_text("x", url="https://www.folha.com.br/a")) == "BR"
    assert site_country(article_from_text("x", url="https://elpais.es/a")) == "ES"
    assert site_country(article_from_text("x", url="https://example.com/a")) is None


def test_resolve_spans_handles_demonym_and_feature_word(geo: Geoparser) -> None:
    text = "Syrian troops shelled Idlib Province again."
    spans = [Span(0, 6), Span(22, 36)]
    first, second = geo.resolve_spans(text, "en", spans)
    assert first is not None and first.country == "SY" and first.feature == "country"
    assert second is not None and second.country == "SY"


@pytest.mark.parametrize(("lang", "text", "absent"), [
    ("en", "George told reporters the plan would work.", "George"),
    ("en", "Shoppers crowded the Wal-Mart on Friday.", "Wal"),
    ("en", "The Franco-Spanish border reopened.", "Franco"),
    ("en", "In August the council met again.", "August"),
    ("es", "Flores dijo que la investigación sigue abierta.", "Flores"),
    ("es", "En marzo llegaron las lluvias.", "marzo"),
    ("pt", "Santos afirmou que a obra termina em maio.", "Santos"),
])
def test_people_and_dates_are_not_places(geo: Geoparser, lang: str, text: str, absent: str) -> None:
    assert absent not in parse(geo, text, lang)


@pytest.mark.parametrize(("lang", "text", "surface", "country"), [
    ("en", "The U.S. economy grew while US troops left.", "U.S.", "US"),
    ("en", "A Sligo-based charity sent aid.", "Sligo", "IE"),
    ("en", "The storm hit Jackson, Miss., overnight.", "Miss.", "US"),
    ("es", "La ayuda llegó a África y a Europa.", "África", None),
    ("pt", "Os EUA e a União Europeia discutiram tarifas.", "EUA", "US"),
])
def test_abbreviations_compounds_and_regions(geo: Geoparser, lang: str, text: str, surface: str,
                                             country: str | None) -> None:
    places = parse(geo, text, lang)
    assert surface in places, sorted(places)
    assert places[surface].country == country


def test_repeated_surname_stays_a_person(geo: Geoparser) -> None:
    text = "Detective Sam Moore led the search. Moore said the family had been told."
    assert "Moore" not in parse(geo, text, "en")
