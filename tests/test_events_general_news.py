"""General news read by mistake as conflict (issue 4, sixth session): business deals, court sentences, road
collisions, market rallies, raised profits and football wins. Real conflict controls stay. The team's own
sentences, in English, Spanish and Portuguese."""

from __future__ import annotations

import pytest

from events_support import analyse
from wirewatch.pipeline import Pipeline


def acled(pipeline: Pipeline, text: str, lang: str) -> list[str | None]:
    return [e.acled_sub_event_type for e in analyse(pipeline, text, lang).events if e.acled_sub_event_type]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The carmaker announced a deal with a battery supplier on Monday."),
    ("en", "Financial details of the deal were not disclosed."),
    ("es", "La empresa cerró un acuerdo con una cadena de supermercados."),
    ("pt", "A empresa fechou um acordo com uma rede de supermercados."),
])
def test_a_business_deal_is_no_acled_agreement(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "Agreement" not in acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The government signed a deal with the rebels on Monday."),
    ("en", "The two sides agreed a ceasefire after midnight."),
    ("es", "El Gobierno firmó un acuerdo con el ELN en La Habana."),
    ("pt", "O governo assinou um acordo de paz com os rebeldes."),
])
def test_a_deal_between_political_or_armed_sides_stays_an_agreement(
    pipeline: Pipeline, lang: str, text: str
) -> None:
    assert "Agreement" in acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The court sentenced the former mayor to six years in prison."),
    ("en", "The jury voted to convict the two bankers."),
    ("es", "El tribunal condenó a tres exfuncionarios a 20 años de prisión."),
    ("pt", "O juiz condenou o ex-prefeito a oito anos de prisão."),
])
def test_a_court_sentence_is_no_arrest(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "Arrests" not in acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El choque tuvo como protagonistas a un auto y una camioneta, que colisionaron de frente en la ruta."),
    ("es", "Un choque frontal entre dos camiones dejó tres muertos en la carretera."),
    ("pt", "Três carros colidiram na rodovia e duas pessoas morreram."),
    ("en", "Two buses collided head-on on the coast road, killing four people."),
])
def test_vehicles_colliding_are_no_clash(pipeline: Pipeline, lang: str, text: str) -> None:
    assert not acled(pipeline, text, lang)


@pytest.mark.parametrize("text", [
    "A rally in bank stocks lifted the index on Friday.",
    "The new model lifted quarterly profits by a fifth.",
    "The Netherlands clinched a place, while Austria qualified by beating North Macedonia.",
])
def test_markets_profits_and_football_are_no_events(pipeline: Pipeline, text: str) -> None:
    assert not analyse(pipeline, text, "en").events


@pytest.mark.parametrize(("lang", "text", "plover"), [
    # controls: the same words in their conflict sense
    ("en", "Serbia lifted a night curfew in the province on Sunday.", "CONCEDE"),
    ("en", "The rebels beat two villagers to death near the market.", "ASSAULT"),
    ("es", "Los manifestantes chocaron con la policía frente al Congreso.", "PROTEST"),
])
def test_the_conflict_senses_stay(pipeline: Pipeline, lang: str, text: str, plover: str) -> None:
    assert plover in [e.plover_type for e in analyse(pipeline, text, lang).events]
