"""Argument rules of the events stage (wirewatch.stages.event_args) on the team's own sentences, en/es/pt.

Every name here is invented ("Velmor", "Tamsin Oduya") so that only the rules, not the dictionary, can find
them.
"""

from __future__ import annotations

import dataclasses

import pytest

from wirewatch.nlp import make_doc, sentence_spans
from wirewatch.pipeline import article_from_text
from wirewatch.records import ActorMention, Event
from wirewatch.stages.events import EventsStage


@pytest.fixture(scope="module")
def stage() -> EventsStage:
    return EventsStage()


def event(stage: EventsStage, text: str, lang: str, trigger: str) -> Event:
    article = article_from_text(text, lang=lang)
    doc = make_doc(article.text, lang)
    article = dataclasses.replace(article, sentences=sentence_spans(doc), stages=("sentences",))
    for e in stage.events(article, doc):
        if article.text[e.trigger.start : e.trigger.end].lower() == trigger.lower():
            return e
    raise AssertionError(f"no event on {trigger!r} in {text!r}")


def texts(mentions: tuple[ActorMention, ...]) -> list[str]:
    return [m.text for m in mentions]


@pytest.mark.parametrize(("lang", "text", "trigger", "actor", "recipient"), [
    ("en", "Kurdish fighters were ambushed by Turkish troops near the border.", "ambushed",
     "Turkish troops", "Kurdish fighters"),
    ("es", "Los vecinos fueron atacados por hombres armados en la vereda.", "atacados",
     "hombres armados", "vecinos"),
    ("pt", "Os moradores foram atacados pelos homens armados na vila.", "atacados", "homens armados", "moradores"),
])
def test_passive_agent_is_the_actor(stage: EventsStage, lang: str, text: str, trigger: str, actor: str,
                                    recipient: str) -> None:
    e = event(stage, text, lang, trigger)
    assert texts(e.actors) == [actor]
    assert texts(e.recipients) == [recipient]


@pytest.mark.parametrize(("lang", "text", "trigger", "actors"), [
    ("en", "Rebels and militiamen attacked the army base on Monday.", "attacked", ["Rebels", "militiamen"]),
    ("es", "Los guerrilleros y los paramilitares atacaron la base militar.", "atacaron",
     ["guerrilleros", "paramilitares"]),
    ("pt", "Os insurgentes e os bandidos atacaram o quartel.", "atacaram", ["insurgentes", "bandidos"]),
])
def test_coordinated_actors_become_a_list(stage: EventsStage, lang: str, text: str, trigger: str,
                                          actors: list[str]) -> None:
    assert texts(event(stage, text, lang, trigger).actors) == actors


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "Prime Minister Tamsin Oduya condemned the bombing.", "condemned", "Prime Minister Tamsin Oduya"),
    ("es", "El presidente Ramiro Quintana condenó el ataque.", "condenó", "presidente Ramiro Quintana"),
    ("pt", "O ministro Aurélio Fontes condenou o ataque.", "condenou", "ministro Aurélio Fontes"),
])
def test_titles_join_the_name(stage: EventsStage, lang: str, text: str, trigger: str, actor: str) -> None:
    e = event(stage, text, lang, trigger)
    assert texts(e.actors) == [actor]
    assert e.actors[0].actor_id == "gen-government"


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "Tamsin Oduya, the leader of the opposition, accused the government of fraud.", "accused",
     "Tamsin Oduya"),
    ("es", "Ramiro Quintana, líder de la oposición, acusó al gobierno de fraude.", "acusó", "Ramiro Quintana"),
    ("pt", "Aurélio Fontes, líder da oposição, acusou o governo de fraude.", "acusou", "Aurélio Fontes"),
])
def test_apposition_is_skipped_for_its_head(stage: EventsStage, lang: str, text: str, trigger: str,
                                            actor: str) -> None:
    e = event(stage, text, lang, trigger)
    assert texts(e.actors) == [actor]
    assert e.actors[0].rule == "actors:unresolved"  # an unknown name is kept, not dropped
    assert e.recipients and e.recipients[0].actor_id == "gen-government"


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "Police said the gunmen attacked a convoy.", "attacked", "gunmen"),
    ("es", "La policía dijo que los hombres armados atacaron un convoy.", "atacaron", "hombres armados"),
    ("pt", "A polícia disse que os homens armados atacaram um comboio.", "atacaram", "homens armados"),
])
def test_reporting_frame_gives_the_reported_actor(stage: EventsStage, lang: str, text: str, trigger: str,
                                                  actor: str) -> None:
    assert texts(event(stage, text, lang, trigger).actors) == [actor]


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "Velmor lawmakers said they would reject the budget.", "reject", "Velmor lawmakers"),
    ("es", "Los diputados polacos anunciaron que rechazarán el presupuesto.", "rechazarán", "diputados polacos"),
    ("pt", "Os deputados poloneses anunciaram que vão rejeitar o orçamento.", "rejeitar", "deputados poloneses"),
])
def test_pronoun_or_dropped_subject_points_back_to_the_sentence_subject(
    stage: EventsStage, lang: str, text: str, trigger: str, actor: str
) -> None:
    assert texts(event(stage, text, lang, trigger).actors) == [actor]


@pytest.mark.parametrize(("lang", "text", "trigger", "actor", "recipient"), [
    ("en", "On Monday, Polish lawmakers threatened to sanction the ministry.", "sanction",
     "Polish lawmakers", "ministry"),
    ("es", "El lunes, los diputados polacos amenazaron con sancionar al ministerio.", "sancionar",
     "diputados polacos", "ministerio"),
    ("pt", "Na segunda-feira, os deputados poloneses ameaçaram punir o ministério.", "ameaçaram",
     "deputados poloneses", "ministério"),
])
def test_lead_in_adverbial_and_complement_verbs(stage: EventsStage, lang: str, text: str, trigger: str,
                                                actor: str, recipient: str) -> None:
    e = event(stage, text, lang, trigger)
    assert texts(e.actors) == [actor]
    assert e.actors[0].actor_id == "leg-pl"  # a legislature built from the gazetteer's demonyms
    assert texts(e.recipients) == [recipient]


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "Thousands of opposition supporters protested against the government.", "protested",
     "opposition supporters"),
    ("es", "Miles de simpatizantes de la oposición protestaron contra el gobierno.", "protestaron",
     "simpatizantes de la oposición"),
    ("pt", "Milhares de apoiadores da oposição protestaram contra o governo.", "protestaram",
     "apoiadores da oposição"),
])
def test_quantities_are_left_out_and_of_phrases_kept(stage: EventsStage, lang: str, text: str, trigger: str,
                                                     actor: str) -> None:
    e = event(stage, text, lang, trigger)
    assert texts(e.actors) == [actor]
    assert e.actors[0].actor_id == "gen-opposition"
    assert [r.actor_id for r in e.recipients] == ["gen-government"]


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "Police in Lagos arrested the protesters.", "arrested", "Police in Lagos"),
    ("es", "La policía en Cali detuvo a los manifestantes.", "detuvo", "policía en Cali"),
    ("pt", "A Polícia Militar do Rio prendeu os manifestantes.", "prendeu", "Polícia Militar do Rio"),
])
def test_subject_keeps_its_place(stage: EventsStage, lang: str, text: str, trigger: str, actor: str) -> None:
    e = event(stage, text, lang, trigger)
    assert texts(e.actors) == [actor]
    assert texts(e.recipients) == ["protesters" if lang == "en" else "manifestantes"]


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "The Velmor Liberation Front attacked a checkpoint.", "attacked", "Velmor Liberation Front"),
    ("es", "El Frente Velmoriano de Liberación atacó un puesto de control.", "atacó",
     "Frente Velmoriano de Liberación"),
    ("pt", "A Frente Velmoriana de Libertação atacou um posto de controle.", "atacou",
     "Frente Velmoriana de Libertação"),
    ("en", "The Velmor Counter-Terrorism Service, the country's elite unit, attacked the hideout.", "attacked",
     "Velmor Counter-Terrorism Service"),
])
def test_unknown_names_are_unresolved_actors(stage: EventsStage, lang: str, text: str, trigger: str,
                                             actor: str) -> None:
    e = event(stage, text, lang, trigger)
    assert texts(e.actors) == [actor]
    assert e.actors[0].actor_id is None and e.actors[0].rule.startswith("actors:unresolved")
    # a name that says it is an armed movement is typed as one (ACLED rebel group)
    assert (e.actors[0].actor_type == "rebel") is any(w in actor for w in ("Liberation", "Liberación", "Libertação"))


def test_victim_subject_is_not_the_perpetrator(stage: EventsStage) -> None:
    e = event(stage, "Cuatro personas murieron en una explosión en el mercado.", "es", "explosión")
    assert e.actors[0].rule == "actors:implicit-unidentified"


def test_agent_of_a_later_passive_is_not_the_trigger_s(stage: EventsStage) -> None:
    e = event(stage, "The attack on the convoy was condemned by Finland.", "en", "attack")
    assert "Finland" not in texts(e.actors) + texts(e.recipients)


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "Velmor teachers are demanding higher pay.", "demanding"),
    ("es", "Los maestros velmorianos están exigiendo mejores salarios.", "exigiendo"),
])
def test_progressive_is_not_passive(stage: EventsStage, lang: str, text: str, trigger: str) -> None:
    e = event(stage, text, lang, trigger)
    assert e.actors and e.actors[0].text and not e.recipients


@pytest.mark.parametrize(("lang", "text", "trigger", "place"), [
    ("en", "The army imposed a curfew in Velmoria on Sunday.", "curfew", "Velmoria"),
    ("es", "El ejército impuso un toque de queda en Velmoria el domingo.", "toque de queda", "Velmoria"),
    ("pt", "O exército impôs um toque de recolher em Velmória no domingo.", "toque de recolher", "Velmória"),
])
def test_place_receives_an_event_with_no_other_recipient(stage: EventsStage, lang: str, text: str,
                                                         trigger: str, place: str) -> None:
    e = event(stage, text, lang, trigger)
    assert texts(e.recipients) == [place]
    assert e.recipients[0].actor_id is None and e.recipients[0].actor_type is None


def test_capitalised_opener_before_a_nominal_trigger_is_not_a_name(stage: EventsStage) -> None:
    e = event(stage, "Heavy fighting broke out near the border.", "en", "fighting")
    assert "Heavy" not in texts(e.actors)


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "Velmoria is investigating alleged war crimes by the rebels against civilians.", "investigating",
     "Velmoria"),
    ("es", "El gobierno investiga los presuntos crímenes de guerra cometidos por los rebeldes contra civiles.",
     "investiga", "gobierno"),
    ("pt", "O governo investiga os supostos crimes de guerra cometidos pelos rebeldes contra civis.",
     "investiga", "governo"),
])
def test_a_far_by_phrase_belongs_to_a_noun_in_between(stage: EventsStage, lang: str, text: str, trigger: str,
                                                      actor: str) -> None:
    e = event(stage, text, lang, trigger)
    assert texts(e.actors) == [actor]
    assert all(" " not in r.text for r in e.recipients)  # "rebels against civilians" stays two phrases


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "The capture of the town by the rebels shocked the region.", "capture"),
    ("es", "La toma de la ciudad por los rebeldes sorprendió a la región.", "toma"),
    ("pt", "A tomada da cidade pelos rebeldes surpreendeu a região.", "tomada"),
])
def test_nominal_trigger_keeps_its_own_agent(stage: EventsStage, lang: str, text: str, trigger: str) -> None:
    assert [a.actor_id for a in event(stage, text, lang, trigger).actors] == ["gen-rebels"]


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "Velmor officials said on Monday they would boycott the talks.", "boycott the talks", "Velmor officials"),
    ("es", "Los funcionarios dijeron el lunes que boicotearán las conversaciones.", "boicotearán", "funcionarios"),
    ("pt", "Os funcionários disseram na segunda-feira que vão boicotar as negociações.", "boicotar",
     "funcionários"),
])
def test_time_words_before_the_reported_subject(stage: EventsStage, lang: str, text: str, trigger: str,
                                                actor: str) -> None:
    assert texts(event(stage, text, lang, trigger).actors) == [actor]


def test_control_passive_keeps_its_subject(stage: EventsStage) -> None:
    e = event(stage, "The Velmor Liberation Front is prepared to attack the convoy.", "en", "attack")
    assert texts(e.actors) == ["Velmor Liberation Front"]


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Cuatro personas fueron asesinadas en un atentado en el mercado."),
    ("pt", "Quatro pessoas foram assassinadas num atentado no mercado."),
])
def test_passive_victims_are_not_the_perpetrators_of_a_later_noun(stage: EventsStage, lang: str,
                                                                  text: str) -> None:
    e = event(stage, text, lang, "atentado")
    assert all(a.actor_id != "gen-civilians" for a in e.actors)


def test_commas_alone_make_an_apposition_not_a_list(stage: EventsStage) -> None:
    e = event(stage, "The main rebel group, the Velmor Liberation Front, insisted on talks.", "en", "insisted")
    assert texts(e.actors) == ["main rebel group"]


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "President Tamsin Oduya condemned the attacks on farmers in the north.", "attacks"),
    ("es", "El presidente Ramiro Quintana condenó los ataques contra campesinos en el norte.", "ataques"),
    ("pt", "O presidente Aurélio Fontes condenou os ataques contra indígenas no norte.", "ataques"),
])
def test_the_object_event_of_a_stance_does_not_inherit_its_subject(stage: EventsStage, lang: str, text: str,
                                                                   trigger: str) -> None:
    e = event(stage, text, lang, trigger)
    assert all("Tamsin" not in a.text and "Quintana" not in a.text and "Fontes" not in a.text for a in e.actors)


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "The Velmor Liberation Front on Thursday rejected calls by the rebels for a truce.", "rejected",
     "Velmor Liberation Front"),
    ("es", "El Frente Velmoriano de Liberación rechazó el jueves los llamados de los rebeldes a una tregua.",
     "rechazó", "Frente Velmoriano de Liberación"),
    ("pt", "A Frente Velmoriana de Libertação rejeitou na quinta-feira os apelos dos rebeldes por uma trégua.",
     "rejeitou", "Frente Velmoriana de Libertação"),
])
def test_a_verb_s_own_subject_outranks_a_later_by_phrase(stage: EventsStage, lang: str, text: str,
                                                         trigger: str, actor: str) -> None:
    assert texts(event(stage, text, lang, trigger).actors) == [actor]
