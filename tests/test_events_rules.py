"""Rule tests for the events stage on the team's own sentences, in English, Spanish and Portuguese."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from wirewatch.nlp import make_doc, sentence_spans
from wirewatch.pipeline import article_from_text
from wirewatch.records import Event
from wirewatch.stages.events import EventsStage, main_event

PUBLISHED = datetime(2024, 5, 20, tzinfo=UTC)


@pytest.fixture(scope="module")
def stage() -> EventsStage:
    return EventsStage()


def run(stage: EventsStage, text: str, lang: str) -> tuple[str, list[Event]]:
    article = article_from_text(text, lang=lang, published=PUBLISHED)
    doc = make_doc(article.text, lang)
    article = dataclasses.replace(article, sentences=sentence_spans(doc), stages=("sentences",))
    return article.text, stage.events(article, doc)


def find(text: str, events: list[Event], trigger: str) -> Event:
    for e in events:
        if text[e.trigger.start : e.trigger.end].lower() == trigger.lower():
            return e
    raise AssertionError(f"no event on {trigger!r}; got {[text[e.trigger.start:e.trigger.end] for e in events]}")


def actor_ids(mentions: tuple[object, ...]) -> list[str | None]:
    return [getattr(m, "actor_id", None) for m in mentions]


# ---------------------------------------------------------------- flags


@pytest.mark.parametrize(("lang", "text", "trigger", "flag"), [
    ("en", "The rebels did not attack the garrison in the night.", "attack", "negated"),
    ("es", "No hubo enfrentamientos entre los dos bandos durante la jornada.", "enfrentamientos", "negated"),
    ("pt", "Não houve mortos entre os moradores da aldeia.", "mortos", "negated"),
    ("en", "The army will cross the river at dawn, a commander said.", "cross", "future"),
    ("en", "The militia threatened to attack the airport.", "attack", "future"),
    ("es", "El gobierno va a desplegar tropas en la frontera.", "desplegar", "future"),
    ("es", "Los insurgentes atacarán la base si no se retiran los soldados.", "atacarán", "future"),
    ("pt", "O exército vai atravessar o rio amanhã.", "atravessar", "future"),
    ("en", "If talks fail, the rebels could attack the town.", "attack", "hypothetical"),
    ("es", "Si fracasa el diálogo, la guerrilla podría atacar el pueblo.", "atacar", "hypothetical"),
    ("pt", "Se o acordo falhar, os rebeldes poderiam atacar a vila.", "atacar", "hypothetical"),
    ("en", "In 2014 the militants seized the city.", "seized", "historical"),
    ("en", "Two years ago gunmen attacked the same market.", "attacked", "historical"),
    ("es", "Hace dos años, hombres armados atacaron el mismo mercado.", "atacaron", "historical"),
    ("pt", "Há dois anos, homens armados atacaram o mesmo mercado.", "atacaram", "historical"),
])
def test_flags(stage: EventsStage, lang: str, text: str, trigger: str, flag: str) -> None:
    t, events = run(stage, text, lang)
    e = find(t, events, trigger)
    assert flag in e.flags
    assert not e.is_factual


def test_plain_past_event_has_no_flags(stage: EventsStage) -> None:
    t, events = run(stage, "Gunmen attacked a bus near the market on Sunday.", "en")
    assert find(t, events, "attacked").flags == ()


# ---------------------------------------------------------------- arguments


@pytest.mark.parametrize(("lang", "text", "trigger", "actor", "recipient"), [
    ("en", "Two soldiers were killed by Houthi rebels near the port.", "killed", "houthis", "gen-military"),
    ("es", "Tres policías fueron asesinados por disidentes de las FARC en el Cauca.", "asesinados", "emc",
     "gen-police"),
    ("pt", "Dez civis foram mortos pelos insurgentes perto da vila.", "mortos", "gen-militants", "gen-civilians"),
])
def test_passives_take_their_agent(stage: EventsStage, lang: str, text: str, trigger: str, actor: str,
                                   recipient: str) -> None:
    t, events = run(stage, text, lang)
    e = find(t, events, trigger)
    assert actor_ids(e.actors) == [actor]
    assert actor_ids(e.recipients) == [recipient]


def test_active_subject_and_object(stage: EventsStage) -> None:
    t, events = run(stage, "Boko Haram attacked the Nigerian army near the lake.", "en")
    e = find(t, events, "attacked")
    assert actor_ids(e.actors) == ["boko"]
    assert actor_ids(e.recipients) == ["mil-ng"]
    assert e.acled_sub_event_type == "Armed clash"


@pytest.mark.parametrize(("lang", "text", "trigger", "actors"), [
    ("en", "Iraqi forces and Peshmerga fighters retook the town from Daesh.", "retook", ["mil-iq", "peshmerga"]),
    ("es", "El Ejército de Colombia y la Policía colombiana atacaron el campamento.", "atacaron",
     ["mil-co", "pol-co"]),
    ("pt", "As forças ruandesas e a polícia moçambicana retomaram a vila.", "retomaram", ["mil-rw", "pol-mz"]),
])
def test_coordinated_actors_become_lists(stage: EventsStage, lang: str, text: str, trigger: str,
                                         actors: list[str]) -> None:
    t, events = run(stage, text, lang)
    assert actor_ids(find(t, events, trigger).actors) == actors


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "The capture of the town by ISIS shocked the region.", "capture", "isis"),
    ("es", "La toma de la ciudad por el Estado Islámico sorprendió a todos.", "toma", "isis"),
    ("pt", "A retomada da vila pelas forças moçambicanas foi anunciada.", "retomada", "mil-mz"),
])
def test_nominalisations(stage: EventsStage, lang: str, text: str, trigger: str, actor: str) -> None:
    t, events = run(stage, text, lang)
    e = find(t, events, trigger)
    assert e.plover_type == "ASSAULT"
    assert actor_ids(e.actors) == [actor]
    assert e.acled_event_type == "Battles"


def test_unknown_capitalised_name_is_kept_unresolved(stage: EventsStage) -> None:
    t, events = run(stage, "The Kaburi Brotherhood attacked a convoy on the highway.", "en")
    e = find(t, events, "attacked")
    assert e.actors[0].actor_id is None
    assert e.actors[0].text == "Kaburi Brotherhood"


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "Four people were killed in a bombing in the capital.", "bombing"),
    ("es", "Cuatro personas murieron en una explosión en el centro de la ciudad.", "explosión"),
    ("pt", "Quatro pessoas morreram numa explosão no centro da cidade.", "explosão"),
])
def test_events_without_perpetrator_are_kept(stage: EventsStage, lang: str, text: str, trigger: str) -> None:
    t, events = run(stage, text, lang)
    e = find(t, events, trigger)
    assert e.acled_event_type == "Explosions/Remote violence"
    assert e.actors[0].rule == "actors:implicit-unidentified" and e.actors[0].text == ""


# ---------------------------------------------------------------- crosswalk in context


@pytest.mark.parametrize(("lang", "text", "sub"), [
    ("en", "US warplanes pounded the village overnight.", "Air/drone strike"),
    ("es", "Aviones rusos bombardearon el mercado de la ciudad.", "Air/drone strike"),
    ("pt", "Um ataque com drone atingiu o comboio.", "Air/drone strike"),
    ("en", "Clashes between the army and ELN guerrillas continued.", "Armed clash"),
    ("es", "Combates entre el Ejército y el ELN dejaron cinco muertos.", "Armed clash"),
    ("en", "Government troops retook the town of Kashkari from the rebels.", "Government regains territory"),
    ("pt", "As tropas do governo retomaram a vila das mãos dos insurgentes.", "Government regains territory"),
    ("es", "Los rebeldes tomaron el control de la ciudad tras dos días.", "Non-state actor overtakes territory"),
    ("en", "Police fired tear gas to disperse hundreds of protesters.", "Protest with intervention"),
    ("pt", "Manifestantes atiraram pedras contra a polícia durante o protesto.", "Violent demonstration"),
    ("en", "A suicide bomber blew himself up at the checkpoint.", "Suicide bomb"),
    ("es", "Una granada estalló frente a la estación de policía.", "Grenade"),
    ("en", "Soldiers seized 50 rifles and ammunition at a farm.", "Disrupted weapons use"),
    ("pt", "A polícia prendeu três ativistas no bairro.", "Arrests"),
])
def test_crosswalk_in_sentences(stage: EventsStage, lang: str, text: str, sub: str) -> None:
    _, events = run(stage, text, lang)
    main = main_event(events)
    assert main is not None and main.acled_sub_event_type == sub


def test_disaster_deaths_are_not_assaults(stage: EventsStage) -> None:
    _, events = run(stage, "A strong earthquake killed eight people in the mountains.", "en")
    assert main_event(events) is None


def test_main_event_prefers_factual_material_events(stage: EventsStage) -> None:
    text = "The minister condemned the attack. Militants stormed the base, killing six soldiers."
    _, events = run(stage, text, "en")
    main = main_event(events)
    assert main is not None and main.plover_type == "ASSAULT"
    assert main_event([]) is None


def test_provenance_and_ids(stage: EventsStage) -> None:
    t, events = run(stage, "Gunmen abducted twelve students from a school.", "en")
    e = find(t, events, "abducted")
    assert e.id == "e1" and e.rule.startswith("events:en:")
    assert t[e.sentence.start : e.sentence.end].startswith("Gunmen")
    assert e.acled_sub_event_type == "Abduction/forced disappearance"
