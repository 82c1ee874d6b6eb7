"""Names inside longer names, streets, acronyms, weak alternate names and position-only capitals (en/es/pt)."""

from __future__ import annotations

import pytest

from places_support import parse
from wirewatch.records import Place, Span
from wirewatch.stages.places import Geoparser


@pytest.mark.parametrize(("lang", "text", "absent"), [
    # a small place's name inside a longer capitalised name, directly or across "de"/"do"/"of"
    ("en", "Troops of the Golden Brigade moved north overnight.", "Golden"),
    ("es", "La Oficina del Pueblo publicó un informe sobre los desplazados.", "Pueblo"),
    ("es", "Hubo disturbios cerca del Portal de las Flores anoche.", "Portal"),
    ("pt", "Os bombeiros chegaram ao Morro do Bumba depois da chuva.", "Bumba"),
    ("pt", "O Batalhão de Choque foi chamado ao local.", "Batalhão"),
    # a name glued to "al-" after another capitalised word is the tail of a longer name
    ("en", "Fighters of Hayat Tahrir al-Sham shelled the road.", "Sham"),
    ("en", "A shell hit a house in the Mosul al-Jadida neighbourhood.", "Jadida"),
    # a nickname in quotes between a given name and a surname
    ("es", 'El capo Joaquín "El Chapo" Guzmán fue extraditado.', "El Chapo"),
    # an accent the gazetteer name lacks makes another word: "Montaña" is not Montana
    ("es", "Los ataques siguen en la región de la Montaña de Guerrero.", "Montaña"),
    # streets and neighbourhoods named after places or people
    ("pt", "Os manifestantes seguiram pela avenida Paulista até a praça Roosevelt.", "Paulista"),
    ("pt", "Os manifestantes seguiram pela avenida Paulista até a praça Roosevelt.", "Roosevelt"),
    ("es", "Dispararon contra una tienda de la calle Durango.", "Durango"),
    ("es", "Quemaron un puesto policial del barrio La Aurora.", "Aurora"),
    # an unknown acronym that is only a code or alternate name of some town
    ("es", "El ELN negó haber participado en el ataque.", "ELN"),
    ("en", "The ELN denied any part in the attack.", "ELN"),
    # only an alternate name of a small place
    ("pt", "Os blindados da Marinha entraram na comunidade.", "Marinha"),
    ("es", "Agentes de la Guardia Nacional detuvieron a dos hombres.", "Guardia"),
    # capitalised only by position: an ordinary inflected word at the start of a sentence or tag item
    ("pt", '"Mataram muita gente", disse um morador.', "Mataram"),
    ("pt", "Marcadores: Cabo Delgado · Insurgentes", "Insurgentes"),
    # items of a separator-delimited line are page chrome or metadata, not mentions
    ("en", "Send us your tips. Editions: UK | US | India", "India"),
    ("pt", "Marcadores: Cabo Delgado · Palma · Pemba", "Palma"),
    # a given name before a surname, even when the surname is also a county's name
    ("en", "India Walton won the mayoral primary.", "India"),
    ("es", "India Martínez cantó anoche en el teatro.", "Martínez"),
    # a newspaper named after its town, plural titles, the Russian parliament
    ("en", "The Lansing State Journal reported the vote.", "Lansing State"),
    ("en", "U.S. Sens. Barbara Boxer and Dianne Feinstein wrote back.", "Sens"),
    ("es", "La Duma aprobó la ley el martes.", "Duma"),
    ("pt", "A Duma aprovou a lei na terça-feira.", "Duma"),
    # no continent or country is a province: the name of an armed group's branch
    ("en", "The army blamed Islamic State West Africa Province for the raid.", "Africa Province"),
    # a sex category, not the Maldives capital
    ("en", "Male patients outnumbered female ones two to one.", "Male"),
])
def test_not_a_place_here(geo: Geoparser, lang: str, text: str, absent: str) -> None:
    assert absent not in parse(geo, text, lang)


@pytest.mark.parametrize(("lang", "text", "surface", "country"), [
    ("pt", "Os bombeiros chegaram ao Morro do Bumba, em Niterói.", "Niterói", "BR"),
    ("pt", "O ato começou diante do Museu de Arte de São Paulo e seguiu.", "São Paulo", "BR"),
    ("es", "La delegación llegó a Santiago de Chile el lunes.", "Santiago de Chile", "CL"),
    ("en", "A shell hit a house in the Mosul al-Jadida neighbourhood.", "Mosul", "IQ"),
    ("en", "The Town of Hempstead board met on Monday.", "Hempstead", "US"),
    ("en", "Aid arrived in Male, the capital, by boat.", "Male", "MV"),
    ("es", "Las autoridades de Holanda y de Indonesia firmaron el acuerdo.", "Indonesia", "ID"),
    ("pt", "A Argentina e a Índia votaram contra.", "Argentina", "AR"),
    # a rejected longer reading leaves the town ("Dublin City" + "Manager" is a title; Dublin is the town)
    ("pt", "Houve tiroteio na Zona Norte do Rio nesta manhã.", "Rio", "BR"),
    ("es", "Los manifestantes llenaron la Plaza de Bolívar de Bogotá.", "Bogotá", "CO"),
    ("es", "Llegaron a Palma, Mueda. Después siguieron hacia el sur.", "Mueda", "MZ"),
    ("en", "Dublin City Manager Terry Foegler approved the plan.", "Dublin City", "IE"),
    ("en", "He was arrested at Paris City Hall on Monday.", "Paris", "FR"),
])
def test_still_a_place(geo: Geoparser, lang: str, text: str, surface: str, country: str) -> None:
    places = parse(geo, text, lang)
    assert surface in places, sorted(places)
    assert places[surface].country == country


@pytest.mark.parametrize(("lang", "text", "surface", "country"), [
    ("en", "Fans packed the bars of North Dallas after the game.", "North Dallas", "US"),
    ("en", "Ohioans lined up early to vote.", "Ohioans", "US"),
    ("en", "The ferry left the Town of Groton at dawn.", "Town of Groton", "US"),
    ("es", "Los antioqueños celebraron el título.", "antioqueños", "CO"),
    ("es", "El Gran Buenos Aires amaneció sin luz.", "Gran Buenos Aires", "AR"),
    ("pt", "Os paraenses foram às urnas no domingo.", "paraenses", "BR"),
    ("pt", "A Grande São Paulo teve chuva forte.", "Grande São Paulo", "BR"),
])
def test_given_span_read_as_its_place(geo: Geoparser, lang: str, text: str, surface: str, country: str) -> None:
    start = text.index(surface)
    (place,) = geo.resolve_spans(text, lang, [Span(start, start + len(surface))])
    assert place is not None and place.country == country, place


def _given(geo: Geoparser, text: str, lang: str, surface: str) -> Place:
    start = text.index(surface)
    (place,) = geo.resolve_spans(text, lang, [Span(start, start + len(surface))])
    assert place is not None
    return place


@pytest.mark.parametrize(("lang", "text", "surface", "feature"), [
    # a national capital rather than the same-named region of its own country
    ("en", "Officials in Washington rejected the plan on Monday.", "Washington", "city"),
    ("es", "Funcionarios en Washington rechazaron el plan.", "Washington", "city"),
    ("pt", "Autoridades em Washington rejeitaram o plano.", "Washington", "city"),
    # unless the text calls it a region
    ("en", "The cow came from a farm in the state of Washington.", "Washington", "admin1"),
    ("en", "The cow came from a Washington state farm.", "Washington", "admin1"),
    ("es", "La vaca venía de una granja del estado de Washington.", "Washington", "admin1"),
    ("pt", "A vaca veio de uma fazenda no estado de Washington.", "Washington", "admin1"),
])
def test_kind_of_feature_from_context(geo: Geoparser, lang: str, text: str, surface: str, feature: str) -> None:
    assert _given(geo, text, lang, surface).feature == feature


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Cases were found in Oregon, Utah, Washington and Wisconsin."),
    ("es", "Hubo casos en Oregón, Utah, Washington y Wisconsin."),
    ("pt", "Houve casos em Oregon, Utah, Washington e Wisconsin."),
])
def test_listed_with_regions_is_a_region(geo: Geoparser, lang: str, text: str) -> None:
    assert parse(geo, text, lang)["Washington"].feature == "admin1"


def test_container_written_after_a_given_span(geo: Geoparser) -> None:
    place = _given(geo, "She called her mother in Washington, D.C. on Sunday.", "en", "Washington")
    assert place.feature == "city" and place.admin1 == "DC"
