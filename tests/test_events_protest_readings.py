"""Readings that span a protest story (issue 4): windows smashed after a march was told, a death under
crowd-control weapons, protests called or promised for later, prisoners exchanged, bills withdrawn and
one-sided promises. The team's own sentences, in English, Spanish and Portuguese.
"""

from __future__ import annotations

import pytest

from events_support import analyse
from wirewatch.pipeline import Pipeline
from wirewatch.records import Article, Event


def by_trigger(article: Article, word: str) -> Event:
    """The first event whose trigger starts with ``word`` ("quebrou" finds "quebrou vidraças")."""
    return next(e for e in article.events if e.trigger.text(article.text).lower().startswith(word.lower()))


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("pt", "Milhares de pessoas marcharam pelo centro da cidade contra a reforma. Os organizadores falaram em "
           "dez mil pessoas. Por volta das 22h, um grupo de mascarados quebrou vidraças de três lojas.",
     "quebrou"),
    ("es", "Miles de estudiantes marcharon por el centro contra el alza de las matrículas. Al final de la tarde, "
           "un grupo de encapuchados quemó dos autobuses en la avenida.", "quemó"),
    ("en", "Thousands of teachers marched through the capital on Friday over pay. Later that evening a group of "
           "masked youths smashed the windows of two banks.", "smashed"),
])
def test_property_destroyed_after_a_protest_is_the_protest_turning_violent(
    pipeline: Pipeline, lang: str, text: str, word: str
) -> None:
    event = by_trigger(analyse(pipeline, text, lang), word)
    assert (event.plover_type, event.acled_sub_event_type) == ("PROTEST", "Violent demonstration")


@pytest.mark.parametrize(("lang", "text", "word"), [
    # no protest told before: the destruction stays what it is
    ("pt", "Por volta das 22h, um grupo de mascarados quebrou vidraças de três lojas.", "quebrou"),
    # an armed side burning houses after a protest is no protester
    ("en", "Thousands of farmers marched through the town on Friday. On Saturday soldiers burned down ten "
           "houses in the next village.", "burned"),
])
def test_destruction_without_a_protest_or_by_an_armed_side_stays_destruction(
    pipeline: Pipeline, lang: str, text: str, word: str
) -> None:
    event = by_trigger(analyse(pipeline, text, lang), word)
    assert event.plover_type == "ASSAULT"
    assert event.acled_sub_event_type != "Violent demonstration"


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("es", "Un estudiante habría muerto ayer tras recibir el impacto de una bomba lacrimógena durante la "
           "represión de una marcha.", "represión"),
    ("pt", "Um manifestante morreu depois de ser atingido por uma bomba de gás lacrimogêneo durante a "
           "repressão ao protesto.", "repressão"),
    ("en", "A student died after police fired tear gas to break up the march.", "tear gas"),
])
def test_a_death_under_crowd_control_is_excessive_force(pipeline: Pipeline, lang: str, text: str,
                                                         word: str) -> None:
    event = by_trigger(analyse(pipeline, text, lang), word)
    assert event.acled_sub_event_type == "Excessive force against protesters"


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("es", "La policía dispersó con gases a los estudiantes frente a la universidad.", "dispersó"),
    ("en", "Police fired tear gas to break up the march; nobody died.", "tear gas"),
])
def test_crowd_control_without_a_death_is_an_intervention(pipeline: Pipeline, lang: str, text: str,
                                                          word: str) -> None:
    event = by_trigger(analyse(pipeline, text, lang), word)
    assert event.acled_sub_event_type == "Protest with intervention"


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("es", "El sindicato convocó para el jueves una huelga en todos los puertos.", "huelga"),
    ("pt", "Os estudantes convocaram para sexta-feira um protesto em frente à reitoria.", "protesto"),
    ("es", "Los transportistas prometen una huelga indefinida si sube el gasóleo.", "huelga"),
    ("pt", "Os professores prometem uma greve geral em março.", "greve"),
    ("en", "Dock workers promised a general strike over the new contracts.", "general strike"),
])
def test_a_protest_called_or_promised_for_later_is_future(pipeline: Pipeline, lang: str, text: str,
                                                         word: str) -> None:
    event = by_trigger(analyse(pipeline, text, lang), word)
    assert event.plover_type == "PROTEST"
    assert "future" in event.flags


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("es", "Miles de personas respondieron a la convocatoria y marcharon hasta la plaza.", "marcharon"),
    ("en", "The strike that the union called last month shut every port.", "strike"),
])
def test_a_protest_that_happened_is_not_future(pipeline: Pipeline, lang: str, text: str, word: str) -> None:
    event = by_trigger(analyse(pipeline, text, lang), word)
    assert "future" not in event.flags


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("en", "The two sides swapped 40 prisoners at the border crossing on Monday.", "swapped"),
    ("es", "El Gobierno y la guerrilla intercambiaron prisioneros en la frontera.", "intercambiaron"),
    ("pt", "As duas partes trocaram prisioneiros na fronteira no domingo.", "trocaram"),
])
def test_prisoners_exchanged_are_released(pipeline: Pipeline, lang: str, text: str, word: str) -> None:
    event = by_trigger(analyse(pipeline, text, lang), word)
    assert (event.plover_type, event.mode) == ("RETREAT", "release")
    assert event.acled_sub_event_type == "Agreement"


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("en", "The government withdrew the pension bill after two weeks of strikes.", "withdrew"),
    ("pt", "O governo retirou a proposta de reforma depois da greve.", "retirou"),
    ("es", "El Gobierno retiró el proyecto de reforma tras la huelga.", "retiró"),
])
def test_a_bill_withdrawn_is_a_concession_not_a_retreat(pipeline: Pipeline, lang: str, text: str,
                                                        word: str) -> None:
    event = by_trigger(analyse(pipeline, text, lang), word)
    assert event.plover_type == "CONCEDE"
    assert event.acled_sub_event_type is None


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("en", "The army withdrew its troops from the border town.", "withdrew"),
    ("pt", "O exército retirou as tropas da cidade.", "retirou"),
])
def test_troops_withdrawn_stay_a_retreat(pipeline: Pipeline, lang: str, text: str, word: str) -> None:
    assert by_trigger(analyse(pipeline, text, lang), word).plover_type == "RETREAT"


def test_a_one_sided_promise_is_no_acled_agreement(pipeline: Pipeline) -> None:
    event = by_trigger(analyse(pipeline, "The minister promised new schools for the region.", "en"), "promised")
    assert event.plover_type == "AGREE"
    assert event.acled_sub_event_type is None


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("en", "A police raid in the slum left six people dead.", "raid"),
    ("en", "A military operation near the border left nine people dead.", "military operation"),
    ("es", "Un operativo policial en el barrio dejó seis muertos.", "operativo"),
    ("pt", "Uma operação policial na favela deixou dois mortos e três feridos.", "operação policial"),
])
def test_a_deadly_raid_is_violence(pipeline: Pipeline, lang: str, text: str, word: str) -> None:
    article = analyse(pipeline, text, lang)
    event = by_trigger(article, word)
    assert event.plover_type == "ASSAULT"
    assert event.acled_sub_event_type in ("Attack", "Armed clash")
    # the deaths are the raid's outcome, not a second event
    assert not [e for e in article.events if e.trigger.text(article.text) in ("dead", "muertos", "mortos")]


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("en", "A police raid on the market ended with twelve arrests.", "raid"),
    ("es", "Un operativo policial en el barrio terminó con doce detenidos.", "operativo"),
    ("pt", "Uma operação policial na favela terminou com doze presos.", "operação policial"),
])
def test_a_raid_without_deaths_stays_a_security_operation(pipeline: Pipeline, lang: str, text: str,
                                                          word: str) -> None:
    assert by_trigger(analyse(pipeline, text, lang), word).plover_type == "COERCE"


@pytest.mark.parametrize(("lang", "text", "word", "actor"), [
    ("en", "Insurgents attacked the coastal town on Thursday.", "insurgents attacked", "Insurgents"),
    ("en", "A police operation in the district left six people dead.", "police operation", "police"),
])
def test_an_actor_opening_the_trigger_is_its_subject(pipeline: Pipeline, lang: str, text: str, word: str,
                                                    actor: str) -> None:
    event = by_trigger(analyse(pipeline, text, lang), word)
    assert [a.text for a in event.actors] == [actor]


def test_a_hyphenated_compound_is_no_subject(pipeline: Pipeline) -> None:
    event = by_trigger(analyse(pipeline, "A woman was gang-raped near the camp.", "en"), "gang-raped")
    assert all("gang" not in a.text for a in event.actors)


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("es", "El joven fue herido presuntamente por un agente del Esmad durante la marcha.", "herido"),
    ("en", "The man was shot allegedly by a police officer during the march.", "shot"),
])
def test_an_officer_hurting_a_marcher_uses_excessive_force(pipeline: Pipeline, lang: str, text: str,
                                                          word: str) -> None:
    event = by_trigger(analyse(pipeline, text, lang), word)
    assert event.actors and event.actors[0].actor_type == "state"
    assert event.acled_sub_event_type == "Excessive force against protesters"


def test_an_agent_of_a_named_unit_is_that_unit(pipeline: Pipeline) -> None:
    event = by_trigger(analyse(pipeline, "Um agente do Bope matou dois suspeitos.", "pt"), "matou")
    assert [a.actor_id for a in event.actors] == ["bope"]  # the dictionary's unit, with the words that name it
