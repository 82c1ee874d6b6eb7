"""Generic state actors in a story about one country (issue 4): "the army", "la policía", "o governo" are that
country's forces or government, as ACLED codes them, and stay unspecified when the story names another country's
party or its places are mixed. The team's own sentences, in English, Spanish and Portuguese."""

from __future__ import annotations

import pytest

from events_support import analyse
from wirewatch.pipeline import Pipeline
from wirewatch.records import ActorMention


def parties(pipeline: Pipeline, text: str, lang: str) -> list[ActorMention]:
    return [m for e in analyse(pipeline, text, lang).events for m in (*e.actors, *e.recipients)]


@pytest.mark.parametrize(("lang", "text", "actor_id"), [
    ("en", "Police arrested four men in Maiduguri on Monday after a market attack in Borno state.", "pol-ng"),
    ("es", "El Ejército atacó un campamento en Tumaco, en el departamento de Nariño, según la Defensoría.", "mil-co"),
    ("pt", "A polícia prendeu três suspeitos em Salvador, na Bahia, nesta terça-feira.", "pol-br"),
])
def test_a_generic_force_in_a_one_country_story_is_that_countrys(
    pipeline: Pipeline, lang: str, text: str, actor_id: str
) -> None:
    found = [m for m in parties(pipeline, text, lang) if m.actor_id == actor_id]
    assert found and all(m.rule == "actors:home-country" for m in found)
    assert found[0].name and found[0].country == actor_id[-2:].upper()


@pytest.mark.parametrize(("lang", "text"), [
    # a foreign force named in the story: "the army" could be either side's
    ("en", "French troops and the army patrolled near Gao in Mali after the attack."),
    # places in two countries, neither three quarters of them
    ("es", "La policía detuvo a dos hombres en Cúcuta y en San Cristóbal, en Venezuela, tras el ataque."),
    # no country at all
    ("pt", "A polícia prendeu três suspeitos na madrugada desta terça-feira."),
])
def test_a_generic_force_stays_unspecified_when_the_country_is_unclear(
    pipeline: Pipeline, lang: str, text: str
) -> None:
    found = parties(pipeline, text, lang)
    assert not [m for m in found if m.rule == "actors:home-country"], [(m.text, m.actor_id) for m in found]


def test_a_border_named_in_passing_does_not_make_a_story_foreign(pipeline: Pipeline) -> None:
    text = ("Militants attacked an army base in Gwoza in Borno state, near the Cameroon border; soldiers fought "
            "them off, officials in Maiduguri said.")
    assert "mil-ng" in [m.actor_id for m in parties(pipeline, text, "en")]


@pytest.mark.parametrize(("lang", "text", "sub"), [
    # a movement's members shot dead at their camp by no named side are civilians attacked ...
    ("pt", "Dois integrantes do MST foram mortos a tiros num acampamento em Marabá, no Pará.", "Attack"),
    # ... while the police firing on a march uses excessive force against protesters
    ("en", "Police opened fire on protesters in Lagos, killing two.", "Excessive force against protesters"),
])
def test_force_on_a_movement_needs_a_named_side_to_be_excessive_force(
    pipeline: Pipeline, lang: str, text: str, sub: str
) -> None:
    subs = [e.acled_sub_event_type for e in analyse(pipeline, text, lang).events]
    assert sub in subs, subs


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "El Niño brought heavy rain to the coast this year."),
    ("es", "La medida podría volver si el fenómeno de El Niño regresa a finales de año."),
    ("pt", "O fenômeno La Niña deve trazer mais chuva no inverno."),
])
def test_the_climate_pattern_is_no_place(pipeline: Pipeline, lang: str, text: str) -> None:
    assert not analyse(pipeline, text, lang).places
