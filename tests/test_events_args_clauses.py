"""Event arguments across clause edges (issue 4): the subject of a relative clause that carried an event out,
the source named after a closing comma, and a capitalised copula that opens a sentence. The team's own
sentences (invented people and places), in English, Spanish and Portuguese.
"""

from __future__ import annotations

import pytest

from events_support import analyse, event_on
from wirewatch.pipeline import Pipeline


@pytest.mark.parametrize(("lang", "text", "trigger", "actors"), [
    ("en", "Nine traders died in the attack that gunmen launched on the market at dawn.", "attack", ["gunmen"]),
    ("en", "The raid which the rebels had carried out left the depot in ruins.", "raid", ["rebels"]),
    ("es", "Cuatro policías murieron en el ataque que los paramilitares perpetraron contra el puesto.", "ataque",
     ["paramilitares"]),
    ("es", "La masacre que cometieron hombres armados en la vereda dejó seis muertos.", "masacre",
     ["hombres armados"]),
    ("pt", "Oito pessoas morreram no ataque que grupos armados lançaram contra a aldeia de Namuno.", "ataque",
     ["grupos armados"]),
    ("pt", "A emboscada que os insurgentes realizaram na estrada matou dois soldados.", "emboscada",
     ["insurgentes"]),
])
def test_a_relative_clause_subject_carried_the_event_out(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str]
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [m.text for m in event.actors] == actors
    assert not set(actors) & {m.text for m in event.recipients}


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    # any other verb in the relative clause leaves its subject alone: it is no agent of the event
    ("en", "The attack that residents feared never came to the market.", "attack"),
    ("es", "El ataque que los vecinos temían no llegó al mercado.", "ataque"),
])
def test_other_relative_clauses_name_no_agent(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert all(m.text not in ("residents", "vecinos") for m in event.actors)


@pytest.mark.parametrize(("lang", "text", "trigger", "source"), [
    ("en", "Rebels shelled the camp, forcing families to flee, the army and two aid agencies said.", "shelled",
     "army"),
    ("en", "Militants attacked a convoy near the river, the governor told reporters.", "attacked", "governor"),
    ("es", "Los rebeldes atacaron el campamento durante la noche, dijo el Ejército.", "atacaron", "Ejército"),
    ("es", "Los guerrilleros atacaron a los soldados cerca del puente, informó la Defensoría.", "atacaron",
     "Defensoría"),
    ("pt", "Os insurgentes atacaram a vila durante a madrugada, disse a polícia.", "atacaram", "polícia"),
    ("pt", "Homens armados atacaram um autocarro na estrada, garantiu o administrador distrital.", "atacaram",
     "administrador"),
])
def test_a_source_after_a_closing_comma_is_no_party(
    pipeline: Pipeline, lang: str, text: str, trigger: str, source: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    named = [m.text for m in event.actors + event.recipients]
    assert all(source not in t for t in named), named


@pytest.mark.parametrize(("lang", "text", "trigger", "actors"), [
    # without a comma the phrase is the object: "attacked the army" stays a recipient
    ("en", "Rebels attacked the army near the river.", "attacked", ["Rebels"]),
])
def test_an_object_without_a_comma_stays(pipeline: Pipeline, lang: str, text: str, trigger: str,
                                         actors: list[str]) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [m.text for m in event.actors] == actors
    assert [m.text for m in event.recipients] == ["army"]


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("pt", "Foi o ataque mais violento contra a vila desde janeiro.", "ataque"),
    ("es", "Fue el ataque más grave contra el pueblo en lo que va de año.", "ataque"),
    ("es", "Era la tercera emboscada contra la patrulla este mes.", "emboscada"),
])
def test_a_copula_opening_the_sentence_is_no_name(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    event = event_on(pipeline, lang, text, trigger)
    named = [m.text for m in event.actors + event.recipients]
    assert all(t.split()[0] not in ("Foi", "Fue", "Era") for t in named if t), named


@pytest.mark.parametrize(("lang", "text", "trigger", "actors"), [
    ("en", "The unions threatened a general strike over the new contracts.", "general", ["unions"]),
    ("es", "Los camioneros amenazaron con un paro de 48 horas.", "paro", ["camioneros"]),
    ("pt", "As centrais sindicais prometem uma greve geral no fim de março.", "greve", ["centrais sindicais"]),
    ("pt", "Os professores ameaçam uma greve por tempo indeterminado.", "greve", ["professores"]),
])
def test_a_protest_threatened_or_promised_is_the_subjects_own(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str]
) -> None:
    assert [m.text for m in event_on(pipeline, lang, text, trigger).actors] == actors


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "The minister condemned the strike by dockers.", "strike"),
    ("pt", "O governo criticou a greve dos professores.", "greve"),
])
def test_a_protest_criticised_is_not_the_critics(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    assert all(m.text not in ("minister", "governo") for m in event_on(pipeline, lang, text, trigger).actors)


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "The foreign ministers met in Geneva on Monday.", "met"),
    ("es", "Los cancilleres se reunieron en Ginebra el lunes.", "reunieron"),
])
def test_a_meetings_venue_is_no_counterpart(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    assert all(m.text not in ("Geneva", "Ginebra") for m in event_on(pipeline, lang, text, trigger).recipients)


def test_a_curfews_place_is_its_target(pipeline: Pipeline) -> None:
    event = event_on(pipeline, "en", "The army imposed a curfew in Vardenburg on Friday.", "curfew")
    assert [m.text for m in event.recipients] == ["Vardenburg"]


@pytest.mark.parametrize(("lang", "text", "trigger", "actors"), [
    ("en", "The offensive forced the rebels to withdraw from the town.", "withdraw", ["rebels"]),
    ("es", "La ofensiva obligó a los guerrilleros a retirarse del pueblo.", "retirarse", ["guerrilleros"]),
    ("pt", "A ofensiva obrigou os insurgentes a retirar-se da vila.", "retirar-se", ["insurgentes"]),
])
def test_the_object_of_a_verb_of_force_acts_the_infinitive(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str]
) -> None:
    article = analyse(pipeline, text, lang)
    event = next(e for e in article.events if e.plover_type == "RETREAT")
    assert [m.text for m in event.actors] == actors


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Insurgents attacked the town, forcing thousands of residents to flee into the bush."),
    ("pt", "Os ataques obrigaram milhares de moradores a fugir para a cidade."),
])
def test_civilians_forced_to_flee_are_no_retreat(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "RETREAT" not in [e.plover_type for e in analyse(pipeline, text, lang).events]
