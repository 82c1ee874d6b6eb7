"""History told as history, accidents, collapses and unions (issue 4, fifth session): old years and
anniversaries flag events historical, vehicles overturning are accidents, a collapsing ceasefire or
government is no disaster and no agreement, and unions named alone are no protest. The team's own sentences."""

from __future__ import annotations

import pytest

from events_support import analyse
from wirewatch.pipeline import Pipeline


@pytest.mark.parametrize(("lang", "text", "historical"), [
    ("en", "In 1812, the army attacked the city.", True),
    ("pt", "Em 1385, as tropas venceram na batalha de Aljubarrota.", True),
    ("es", "En 1571, las flotas combatieron en el golfo.", True),
    ("en", "The town marks 100 years since the battle of Merrow.", True),
    ("pt", "A exposição assinala os 80 anos do bombardeamento da vila.", True),
    ("es", "Se cumplen 80 años del bombardeo de la villa.", True),
    ("en", "The city commemorates the massacre every spring.", True),
    # counts and current events stay current
    ("en", "Two years since the war began, the army attacked the port again.", False),
    ("es", "Unos 1500 soldados atacaron la posición rebelde.", False),
    ("en", "Since 2019, rebels have attacked the town twice.", False),
])
def test_history_is_flagged(pipeline: Pipeline, lang: str, text: str, historical: bool) -> None:
    events = [e for e in analyse(pipeline, text, lang).events if e.plover_type == "ASSAULT"]
    assert events
    assert ("historical" in events[0].flags) is historical


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "A bus overturned on the mountain road, injuring twelve passengers."),
    ("es", "La colisión entre dos trenes dejó cuatro heridos leves."),
    ("pt", "O ônibus tombou na rodovia e deixou quinze feridos."),
    ("pt", "A queda do avião de pequeno porte matou o piloto."),
])
def test_accidents_are_no_assaults(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "ASSAULT" not in [e.plover_type for e in analyse(pipeline, text, lang).events]


def test_an_armed_side_overturning_a_truck_still_attacks(pipeline: Pipeline) -> None:
    article = analyse(pipeline, "Rebels overturned a police truck and killed two officers.", "en")
    assert "ASSAULT" in [e.plover_type for e in article.events]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The fighting has continued since the ceasefire collapsed."),
    ("es", "La tregua colapsó el martes y los combates se reanudaron."),
    ("pt", "A trégua colapsou e os combates recomeçaram."),
])
def test_a_collapsed_truce_is_no_agreement_and_no_disaster(pipeline: Pipeline, lang: str, text: str) -> None:
    types = [e.plover_type for e in analyse(pipeline, text, lang).events]
    assert "ASSAULT" in types and "AGREE" not in types


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The unions met the minister on Tuesday."),
    ("es", "Los sindicatos negociaron con el gobierno un aumento salarial."),
    ("pt", "Os sindicatos reuniram-se com o ministro na terça-feira."),
    ("en", "Activists said the vote had been rigged."),
])
def test_unions_and_activists_alone_are_no_protest(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "PROTEST" not in [e.plover_type for e in analyse(pipeline, text, lang).events]


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Los sindicatos marcharon por el centro de la capital."),
    ("en", "Thousands of protesters gathered outside parliament."),
])
def test_unions_marching_still_protest(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "PROTEST" in [e.plover_type for e in analyse(pipeline, text, lang).events]


@pytest.mark.parametrize(("lang", "text", "plover"), [
    ("en", "Both sides accused each other of violating the ceasefire.", "ASSAULT"),
    ("es", "Ambos bandos se acusaron de violar el alto el fuego.", "ASSAULT"),
    ("pt", "Os dois lados acusaram-se mutuamente de violar o cessar-fogo.", "ASSAULT"),
    ("en", "Washington said Tehran had violated the nuclear deal.", "REJECT"),
    ("es", "La oposición denunció que el Gobierno violó el acuerdo de paz.", "REJECT"),
])
def test_a_violated_truce_is_fighting_and_a_violated_deal_defiance(
    pipeline: Pipeline, lang: str, text: str, plover: str
) -> None:
    events = analyse(pipeline, text, lang).events
    assert plover in [e.plover_type for e in events]
    assert "AGREE" not in [e.plover_type for e in events]
    assert all(e.acled_sub_event_type != "Sexual violence" for e in events)


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El Gobierno violó la ley electoral, según la oposición."),
    ("pt", "A empresa violou as regras de quarentena."),
])
def test_breaking_a_rule_is_no_rape(pipeline: Pipeline, lang: str, text: str) -> None:
    assert all(e.mode != "sexual" for e in analyse(pipeline, text, lang).events)


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Los soldados violaron a tres mujeres en la aldea."),
    ("pt", "O homem violou uma menor no bairro."),
])
def test_rape_stays_rape(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "sexual" in [e.mode for e in analyse(pipeline, text, lang).events]


@pytest.mark.parametrize(("lang", "text", "victims"), [
    ("en", "At least 12 people died in the north.", "people"),
    ("es", "Dos personas murieron en la vereda.", "personas"),
    ("pt", "Duas pessoas morreram no bairro.", "pessoas"),
])
def test_the_dead_are_victims_not_a_mob(pipeline: Pipeline, lang: str, text: str, victims: str) -> None:
    event = next(e for e in analyse(pipeline, text, lang).events if e.plover_type == "ASSAULT")
    assert [r.text for r in event.recipients] == [victims]
    assert event.acled_sub_event_type != "Mob violence"


def test_an_obituary_count_is_no_count_of_victims(pipeline: Pipeline) -> None:
    text = "The veteran journalist, who covered three wars, died on Sunday."
    assert analyse(pipeline, text, "en").events == ()


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Despite the ceasefire, shelling continued overnight."),
    ("es", "Pese al alto el fuego, los bombardeos continuaron."),
    ("pt", "Apesar do cessar-fogo, os bombardeamentos continuaram."),
    ("es", "A pesar de la tregua, hubo combates en el sur."),
])
def test_a_truce_in_place_is_the_setting_not_a_new_agreement(pipeline: Pipeline, lang: str, text: str) -> None:
    types = [e.plover_type for e in analyse(pipeline, text, lang).events]
    assert "AGREE" not in types and "ASSAULT" in types


def test_a_truce_agreed_is_an_agreement(pipeline: Pipeline) -> None:
    article = analyse(pipeline, "The two sides agreed a ceasefire on Monday.", "en")
    assert "Agreement" in [e.acled_sub_event_type for e in article.events]
