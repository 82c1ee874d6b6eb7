"""Trigger senses that name no event (demo review, issue 4): attribution phrases, a source's anonymity, a
report handed over, a monitoring group, a supply route, a light verb. The team's own sentences, en/es/pt."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from wirewatch.nlp import make_doc, sentence_spans
from wirewatch.pipeline import article_from_text
from wirewatch.records import Event
from wirewatch.stages.events import EventsStage

PUBLISHED = datetime(2025, 3, 10, tzinfo=UTC)


@pytest.fixture(scope="module")
def stage() -> EventsStage:
    return EventsStage()


def coded(stage: EventsStage, text: str, lang: str) -> list[Event]:
    article = article_from_text(text, lang=lang, published=PUBLISHED)
    doc = make_doc(article.text, lang)
    article = dataclasses.replace(article, sentences=sentence_spans(doc), stages=("sentences",))
    return stage.events(article, doc)


def types(stage: EventsStage, text: str, lang: str) -> set[str]:
    return {e.plover_type for e in coded(stage, text, lang)}


NOT_EVENTS = [
    ("en", "Officers combed the hillside with the support of dogs and a helicopter.", "SUPPORT"),
    ("es", "Los agentes rastrillaron el cerro con el apoyo de perros y un helicóptero.", "SUPPORT"),
    ("pt", "Os agentes vasculharam o morro com o apoio de cães e de um helicóptero.", "SUPPORT"),
    ("en", "The toll rose to nine, said a monitoring group based in the capital.", "COOPERATE"),
    ("en", "A nurse said by telephone that the clinic had run out of beds.", "CONSULT"),
    ("en", "The bridge sits on the main supply route to the northern towns.", "AID"),
    ("en", "A farmer who asked not to be named said the herders left at dawn.", "REQUEST"),
    ("en", "The ministry handed over its report on the floods to parliament.", "RETREAT"),
    ("es", "No hubo heridos en el incendio, de acuerdo con los bomberos del municipio.", "AGREE"),
    ("es", "Tres vecinos quedaron atrapados en medio de la balacera.", "CONSULT"),
    ("es", "Un comerciante que pidió el anonimato contó que cerraron los locales.", "REQUEST"),
    ("es", "La gobernación entregó un informe sobre las lluvias a la prensa.", "RETREAT"),
    ("es", "La vía es la principal ruta de suministro de la región.", "AID"),
    ("pt", "Não houve vítimas no desabamento, de acordo com a Defesa Civil.", "AGREE"),
    ("pt", "Uma moradora que pediu para não ser identificada contou que a feira fechou.", "REQUEST"),
    ("pt", "A secretaria vai entregar o relatório sobre as enchentes na sexta-feira.", "RETREAT"),
    ("pt", "A estrada é a principal rota de abastecimento da cidade.", "AID"),
    ("pt", "O ataque que os rebeldes lançaram na madrugada deixou a vila sem luz.", "COOPERATE"),
]


@pytest.mark.parametrize(("lang", "text", "plover"), NOT_EVENTS)
def test_phrase_names_no_event(stage: EventsStage, lang: str, text: str, plover: str) -> None:
    assert plover not in types(stage, text, lang)


STILL_EVENTS = [
    ("en", "The rebels handed over the town to the army on Sunday.", "RETREAT"),
    ("en", "The governor asked the army to protect the camps.", "REQUEST"),
    ("es", "Los dos partidos firmaron un acuerdo de gobierno.", "AGREE"),
    ("es", "El sindicato pidió la renuncia del ministro.", "REQUEST"),
    ("pt", "Os dois países assinaram um acordo de cooperação.", "AGREE"),
    ("pt", "O governo lançou um plano de vacinação com a ONU.", "COOPERATE"),
]


@pytest.mark.parametrize(("lang", "text", "plover"), STILL_EVENTS)
def test_the_event_sense_stays(stage: EventsStage, lang: str, text: str, plover: str) -> None:
    assert plover in types(stage, text, lang)


def actor_texts(stage: EventsStage, text: str, lang: str) -> set[str]:
    article = article_from_text(text, lang=lang, published=PUBLISHED)
    doc = make_doc(article.text, lang)
    article = dataclasses.replace(article, sentences=sentence_spans(doc), stages=("sentences",))
    events = stage.events(article, doc)
    return {a.text for e in events for a in (*e.actors, *e.recipients)}


SITES = [
    ("en", "Workers from the Lakeside district protested near the port in rejection of the new tolls.", "Lakeside"),
    ("en", "Police said three men were hurt in the Greenhill fighting.", "Greenhill"),
    ("en", "The truce was brokered by a Geneva-based mediation group.", "Geneva"),
    ("es", "Cientos de estudiantes marcharon hasta la Plaza de la Concordia contra el alza del pasaje.", "Plaza"),
    ("es", "Un grupo de encapuchados bloqueó la avenida Los Cedros durante tres horas.", "Los Cedros"),
    ("pt", "Um grupo de mascarados bloqueou a avenida Boa Esperança e queimou pneus.", "Boa Esperança"),
    ("pt", "Os moradores protestaram na praça do Mercado contra a falta de água.", "Mercado"),
]


@pytest.mark.parametrize(("lang", "text", "name"), SITES)
def test_streets_squares_and_seats_are_never_actors(stage: EventsStage, lang: str, text: str, name: str) -> None:
    assert not any(name in t for t in actor_texts(stage, text, lang))


OCCUPIED_STREETS = [
    ("en", "Students occupied the main square for a week."),
    ("es", "Los estudiantes ocuparon la plaza central durante la noche."),
    ("pt", "Milhares de pessoas ocuparam a avenida central contra a reforma."),
]


@pytest.mark.parametrize(("lang", "text"), OCCUPIED_STREETS)
def test_holding_a_street_is_a_protest_not_taking_territory(stage: EventsStage, lang: str, text: str) -> None:
    found = types(stage, text, lang)
    assert "PROTEST" in found and "ASSAULT" not in found


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Rebels occupied the town on Monday."),
    ("es", "Los guerrilleros ocuparon el pueblo el lunes."),
    ("pt", "Os insurgentes ocuparam a vila na segunda-feira."),
])
def test_taking_a_town_stays_an_assault(stage: EventsStage, lang: str, text: str) -> None:
    assert "ASSAULT" in types(stage, text, lang)


def negated_types(stage: EventsStage, text: str, lang: str) -> set[str]:
    return {e.plover_type for e in coded(stage, text, lang) if e.negated}


@pytest.mark.parametrize(("lang", "text", "plover"), [
    ("en", "The army denied that any of its soldiers had been captured by the rebels.", "COERCE"),
    ("es", "El Ejército negó que los guerrilleros hubieran secuestrado a dos concejales.", "ASSAULT"),
    ("pt", "A prefeitura negou que os seguranças do mercado tenham agredido os vendedores.", "ASSAULT"),
])
def test_a_denied_clause_is_negated_however_long(stage: EventsStage, lang: str, text: str, plover: str) -> None:
    assert plover in negated_types(stage, text, lang)
    assert "REJECT" not in negated_types(stage, text, lang)  # the denial itself did happen


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Minister of Interior denied any link to the armed groups."),
    ("es", "El ministro de Interior negó cualquier vínculo con los grupos armados."),
    ("pt", "O ministro de Defesa negou qualquer ligação com os grupos armados."),
])
def test_a_portfolio_is_part_of_its_office(stage: EventsStage, lang: str, text: str) -> None:
    assert {"Interior", "Defesa"}.isdisjoint(actor_texts(stage, text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Schools suspended classes after the floods, and families sought shelter in the church."),
    ("es", "Los colegios suspendieron las clases y cientos de familias buscaron refugio en la iglesia."),
    ("pt", "As escolas suspenderam as aulas e centenas de famílias procuraram abrigo na igreja."),
])
def test_closures_and_seeking_shelter_are_no_sanction_or_aid(stage: EventsStage, lang: str, text: str) -> None:
    assert {"SANCTION", "AID"}.isdisjoint(types(stage, text, lang))


@pytest.mark.parametrize(("lang", "text", "plover"), [
    ("en", "The European Union suspended aid to the junta.", "SANCTION"),
    ("es", "La ONU abrió un refugio para los desplazados en la frontera.", "AID"),
    ("pt", "A Cruz Vermelha montou um abrigo para os desalojados.", "AID"),
])
def test_real_sanctions_and_shelters_stay(stage: EventsStage, lang: str, text: str, plover: str) -> None:
    assert plover in types(stage, text, lang)


@pytest.mark.parametrize(("lang", "text", "total"), [
    ("en", "At least 17 people, including four children, were killed when a bomb exploded in the market.", 17),
    ("es", "Al menos 12 personas, entre ellas tres niños, murieron en el ataque contra el mercado.", 12),
    ("pt", "Pelo menos 9 pessoas, entre elas duas crianças, morreram no ataque ao mercado.", 9),
])
def test_fatalities_are_the_total_not_a_part_of_it(lang: str, text: str, total: int) -> None:
    from wirewatch.pipeline import Pipeline

    article = Pipeline.default().analyze_text(text, lang=lang, published=PUBLISHED)
    lows = {e.fatalities.low for e in article.events if e.plover_type == "ASSAULT" and e.fatalities}
    assert lows == {total}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "The aid convoy reached the camp on Tuesday.", False),
    ("es", "La caravana llegó al campamento el martes.", False),
    ("pt", "A caravana chegou ao acampamento na terça-feira.", False),
    ("en", "The militia set up a camp near the river crossing.", True),
    ("es", "La guerrilla instaló un campamento cerca del río.", True),
    ("pt", "A milícia montou um acampamento perto do rio.", True),
])
def test_a_camp_is_established_only_when_the_text_says_so(stage: EventsStage, lang: str, text: str,
                                                          expected: bool) -> None:
    assert ("MOBILIZE" in types(stage, text, lang)) is expected


def factual_types(stage: EventsStage, text: str, lang: str) -> set[str]:
    return {e.plover_type for e in coded(stage, text, lang) if e.is_factual}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The talks had stalled. Not only did the militia attack the depot, it looted the stores."),
    ("en", "No less than twenty men attacked the convoy near the ford."),
    ("es", "La tregua parecía firme. Los disidentes, sin embargo, atacaron la base de madrugada."),
    ("es", "Sin embargo, hombres armados atacaron una patrulla en la vereda."),
    ("es", "No solo atacaron la alcaldía, también quemaron dos camionetas."),
    ("pt", "Não só atacaram o posto policial como incendiaram a escola."),
    ("pt", "Sem dúvida, os garimpeiros atacaram a aldeia durante a noite."),
])
def test_a_negation_word_inside_a_connective_negates_nothing(stage: EventsStage, lang: str, text: str) -> None:
    assert "ASSAULT" in factual_types(stage, text, lang)
    assert "SANCTION" not in types(stage, text, lang)  # "sin embargo" is "however", not an embargo


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Atacan una estación de policía en el sur del departamento."),
    ("es", "ASESINAN A UN LÍDER COMUNAL EN LA VEREDA"),
    ("pt", "Matam dois seguranças em frente ao mercado municipal."),
    ("pt", "HOMENS ARMADOS ATACAM POSTO DE SAÚDE"),
])
def test_a_headline_verb_in_capitals_is_a_trigger(stage: EventsStage, lang: str, text: str) -> None:
    assert "ASSAULT" in types(stage, text, lang)
