"""Vocabulary the trigger lexicons lacked (issue 4): verbs with attached pronouns in Spanish and Portuguese,
sieges, theft by armed sides, arson, intelligence sharing, aid sent or distributed, sanctions on assets and
ties. The team's own sentences, written in wire-copy style."""

from __future__ import annotations

import pytest

from events_support import analyse, by_trigger, main_type
from wirewatch import enclitics
from wirewatch.actors import make_units, text_keys
from wirewatch.nlp import make_doc
from wirewatch.pipeline import Pipeline
from wirewatch.stages.events import _slot, main_event

# ---------------------------------------------------------------- verbs with pronouns


@pytest.mark.parametrize(("word", "lang", "expected"), [
    ("negarse", "es", ("negar", ("se",))),
    ("retirándose", "es", ("retirándo", ("se",))),
    ("entregárselo", "es", ("entregár", ("se", "lo"))),
    ("reuniram-se", "pt", ("reuniram", ("se",))),
    ("reunir-se-ão", "pt", ("reunir", ("se", "ão"))),
    ("entregá-lo", "pt", ("entregá", ("lo",))),
    # nouns and hyphenated names stay whole
    ("perla", "es", None),
    ("clase", "es", None),
    ("carro-bomba", "pt", None),
    ("guarda-costas", "pt", None),
    ("negarse", "en", None),
])
def test_split_finds_the_verb_and_its_pronouns(word: str, lang: str,
                                               expected: tuple[str, tuple[str, ...]] | None) -> None:
    assert enclitics.split(word, lang) == expected


@pytest.mark.parametrize(("text", "lang", "verb", "lemma"), [
    ("Los rebeldes decidieron retirarse del pueblo.", "es", "retirar", "retirar"),
    ("El alcalde terminó negándose a firmar.", "es", "negando", "negar"),
    ("Os ministros reuniram-se em Luanda.", "pt", "reuniram", "reunir"),
    ("Demitiu-se o ministro da Defesa.", "pt", "demitiu", "demitir"),
    ("A polícia vai entregá-lo à justiça.", "pt", "entrega", "entregar"),
])
def test_units_give_the_verb_its_lemma_and_the_pronoun_its_own_unit(text: str, lang: str, verb: str,
                                                                    lemma: str) -> None:
    units = make_units(make_doc(text, lang))
    at = next(i for i, u in enumerate(units) if u.key == verb)
    assert units[at].lemma == lemma
    assert units[at + 1].key in ("se", "lo")
    # offsets still cover the surface text exactly
    assert text[units[at].start:units[at + 1].end].lower().replace("-", "") in text.lower().replace("-", "")


def test_patterns_are_cut_like_the_text() -> None:
    assert text_keys("negarse a reconocer", "es") == ("negar", "se", "a", "reconocer")
    assert text_keys("reunir-se", "pt") == ("reunir", "se")


def test_an_alternative_of_two_units_becomes_a_variant_of_its_own() -> None:
    variants = _slot("trégua|cessar-fogo|tréguas", "pt")
    assert [[sorted(e.alts) for e in v] for v in variants] == [[["tregua", "treguas"]], [["cessar"], ["fogo"]]]
    # each enclitic form is cut like the text: "ocuparse" = "ocupar" "se"
    assert [[sorted(e.alts) for e in v] for v in _slot("ocuparse|ocupándose", "es")] == [
        [["ocupar"], ["se"]], [["ocupando"], ["se"]]
    ]


@pytest.mark.parametrize(("lang", "text"), [
    ("pt", "Os dois lados voltaram a violar o acordo de cessar-fogo na fronteira."),
    ("pt", "Os dois lados voltaram a violar o acordo de trégua na fronteira."),
])
def test_a_line_with_a_hyphenated_alternative_matches_both_ways(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "ASSAULT" in {e.plover_type for e in analyse(pipeline, text, lang).events}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("pt", "Os chanceleres dos dois países reuniram-se ontem em Genebra.", "CONSULT"),
    ("pt", "O exército retirou-se da cidade durante a noite.", "RETREAT"),
    ("pt", "Os rebeldes recusaram-se a negociar com o governo.", "REJECT"),
    ("pt", "O ministro demitiu-se após o escândalo.", "RETREAT"),
    ("es", "Las tropas comenzaron a retirarse de la provincia.", "RETREAT"),
    ("es", "Los delegados acordaron reunirse de nuevo en Quito.", "AGREE"),
])
def test_enclitic_verbs_are_triggers(pipeline: Pipeline, lang: str, text: str, expected: str) -> None:
    assert expected in {e.plover_type for e in analyse(pipeline, text, lang).events}


def test_dealing_with_something_is_still_no_occupation(pipeline: Pipeline) -> None:
    assert not analyse(pipeline, "O governo ocupou-se do orçamento durante a tarde.", "pt").events


# ---------------------------------------------------------------- new vocabulary


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Government warplanes targeted a school in the north on Sunday.", "ASSAULT"),
    ("en", "The confrontation between soldiers and rebels lasted six hours.", "ASSAULT"),
    ("en", "The militia continued its military build-up along the river.", "MOBILIZE"),
    ("en", "Fighters besieged the town for three weeks.", "ASSAULT"),
    ("en", "Gunmen stole three trucks from the depot.", "ASSAULT"),
    ("en", "Rebels burned dozens of houses in the village.", "ASSAULT"),
    ("en", "The government cut diplomatic ties with its neighbour.", "SANCTION"),
    ("en", "The treasury froze the assets of four commanders.", "SANCTION"),
    ("en", "The two countries exchanged intelligence on the cell.", "COOPERATE"),
    ("en", "The two states restored diplomatic relations in May.", "COOPERATE"),
    ("en", "The agency sent medical teams to the flooded district.", "AID"),
    ("en", "Volunteers distributed blankets to the displaced families.", "AID"),
    ("en", "The small republic hosts more than 200,000 refugees.", "AID"),
    ("en", "The agency fed two million people last month.", "AID"),
    ("en", "Mine clearance teams cleared 40 hectares of farmland.", "RETREAT"),
    ("en", "The navy dispatched two warships to the strait.", "MOBILIZE"),
    ("en", "The militia laid down its arms at a ceremony in the capital.", "RETREAT"),
    ("en", "Teachers walked out over unpaid wages.", "PROTEST"),
    ("en", "The opposition walked out of the talks on Friday.", "REJECT"),
    ("en", "The programme offers financial support to returning families.", "AID"),
    ("en", "The development agency continued its support to the justice sector.", "AID"),
    ("en", "The charity supported 5,000 households with cash transfers.", "AID"),
    ("en", "The minister supported the proposal.", "SUPPORT"),
    ("en", "France voiced support for the initiative.", "SUPPORT"),
    ("es", "La confrontación entre soldados y rebeldes duró seis horas.", "ASSAULT"),
    ("es", "Los combatientes sitiaron la ciudad durante tres semanas.", "ASSAULT"),
    ("es", "Hombres armados robaron tres camiones del depósito.", "ASSAULT"),
    ("es", "El Tesoro congeló los bienes de cuatro comandantes.", "SANCTION"),
    ("es", "Los dos países intercambiaron información de inteligencia sobre la célula.", "COOPERATE"),
    ("es", "La agencia envió ayuda humanitaria al distrito inundado.", "AID"),
    ("es", "Los voluntarios distribuyeron mantas a las familias desplazadas.", "AID"),
    ("es", "La agencia entregó alimentos a 2.000 familias.", "AID"),
    ("pt", "Os combatentes sitiaram a cidade durante três semanas.", "ASSAULT"),
    ("pt", "Homens armados roubaram três caminhões do depósito.", "ASSAULT"),
    ("pt", "O Tesouro congelou os bens de quatro comandantes.", "SANCTION"),
    ("pt", "Os dois países trocaram informações de inteligência sobre a célula.", "COOPERATE"),
    ("pt", "A ONU enviou equipas médicas para o distrito inundado.", "AID"),
    ("pt", "Os voluntários distribuíram cobertores às famílias desalojadas.", "AID"),
    ("pt", "A agência entregou alimentos a 2.000 famílias.", "AID"),
    ("pt", "A câmara abriu um abrigo para desalojados.", "AID"),
    ("en", "The two cartels started a war over the smuggling routes.", "ASSAULT"),
    ("es", "El ELN y el EPL iniciaron una guerra por el control de los cultivos de coca.", "ASSAULT"),
    ("pt", "As duas facções iniciaram uma guerra pelo controlo das rotas.", "ASSAULT"),
])
def test_common_words_are_coded(pipeline: Pipeline, lang: str, text: str, expected: str) -> None:
    assert main_type(pipeline, text, lang) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The new rules target groups at risk of poverty."),
    ("en", "Washington announced sanctions against the regime, targeting ten officials."),
    ("en", "The gang was caught stealing cars in the suburbs."),
    ("en", "The shopkeeper said a thief stole his phone."),
    ("es", "Una banda criminal robaba coches en el sur de la ciudad."),
    ("pt", "Milhares de pessoas fugiram para o mato."),
    ("pt", "A empresa vai abrir dois centros comerciais no norte."),
    ("en", "The charity launched a war on hunger."),
    ("pt", "Uma quadrilha roubava carros na zona sul."),
])
def test_policy_targets_and_ordinary_theft_are_no_attacks(pipeline: Pipeline, lang: str, text: str) -> None:
    assert not {"ASSAULT", "AID"} & {e.plover_type for e in analyse(pipeline, text, lang).events}


def test_stolen_by_an_armed_group_is_looting(pipeline: Pipeline) -> None:
    article = analyse(pipeline, "Rebels stole cattle from three villages near the border.", "en")
    event = main_event(article.events)
    assert event is not None and event.acled_sub_event_type == "Looting/property destruction"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Protesters demanded the resignation of the mayor."),
    ("es", "Los manifestantes exigieron la renuncia del alcalde."),
    ("pt", "Os manifestantes exigiram a renúncia do prefeito."),
])
def test_in_the_plover_view_the_crowd_is_the_subject_and_the_demand_the_predicate(pipeline: Pipeline, lang: str,
                                                                                  text: str) -> None:
    events = analyse(pipeline, text, lang).events
    assert main_type(pipeline, text, lang) == "REQUEST"
    # the ACLED view still records the crowd's protest
    acled = main_event(events)
    assert acled is not None and acled.acled_event_type == "Protests"


# ---------------------------------------------------------------- arguments


def test_the_support_verb_serves_the_nearer_event_noun(pipeline: Pipeline) -> None:
    text = "The army launched an investigation into abuses committed by militia fighters."
    article = analyse(pipeline, text, "en")
    event = by_trigger(article, "investigation")
    assert [a.text for a in event.actors] == ["army"]


def test_saying_something_by_phone_is_no_consultation(pipeline: Pipeline) -> None:
    text = "Um comerciante disse por telefone que as lojas fecharam."
    assert "CONSULT" not in {e.plover_type for e in analyse(pipeline, text, "pt").events}
    talks = analyse(pipeline, "Os dois presidentes conversaram por telefone.", "pt")
    assert main_event(talks.events, view="plover") is not None


@pytest.mark.parametrize(("text", "expected"), [
    ("At its 3rd meeting, on 5 May, the Committee adopted the draft report.", "AGREE"),
    ("At the same meeting, the Committee had before it a note by the Secretariat.", None),
    ("The Committee considered the item at its 12th meeting.", None),
    ("The Chair of the Committee established pursuant to resolution 1533 (2004) made a statement.", None),
    ("The Chair of the Committee established pursuant to resolution 1533 (2004) briefed the Council.", "CONSULT"),
    ("The Committee held a meeting with the delegation of Chad.", "CONSULT"),
    ("The ministry adopted new measures against smuggling.", "COOPERATE"),
])
def test_procedural_settings_and_named_bodies_are_no_events(pipeline: Pipeline, text: str,
                                                            expected: str | None) -> None:
    assert main_type(pipeline, text, "en") == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "En su tercera sesión, celebrada el 5 de mayo, el Comité aprobó el proyecto de informe.", "AGREE"),
    ("es", "En la misma sesión, el Comité tuvo ante sí una nota de la Secretaría.", None),
    ("es", "El Presidente del Comité establecido en virtud de la resolución 1533 (2004) formuló una declaración.",
     None),
    ("es", "El Grupo de Expertos creado con arreglo a la resolución 1591 presentó su informe.", None),
    ("es", "El Consejo aprobó la resolución por unanimidad.", "AGREE"),
    ("pt", "Na sua terceira sessão, realizada a 5 de maio, o Comité aprovou o projeto de relatório.", "AGREE"),
    ("pt", "O Comité examinou o tema na sua 12.ª reunião.", None),
    ("pt", "O Presidente do Comité estabelecido nos termos da resolução 1533 (2004) fez uma declaração.", None),
    ("pt", "O Conselho aprovou a resolução por unanimidade.", "AGREE"),
])
def test_procedural_settings_in_spanish_and_portuguese(pipeline: Pipeline, lang: str, text: str,
                                                      expected: str | None) -> None:
    assert main_type(pipeline, text, lang) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El comité publicó la lista en su sitio web."),
    ("es", "Los hombres estaban armados con fusiles de asalto."),
    ("es", "La proliferación de armas de destrucción en masa preocupa al Consejo."),
    ("es", "Un incendio forestal arrasó 500 hectáreas en el sur."),
    ("es", "Un incendio en una fábrica de muebles destruyó tres naves."),
    ("pt", "Os homens estavam armados com fuzis de assalto."),
    ("pt", "Os moradores do morro desceram para o asfalto."),
    ("pt", "Os caçadores perderam-se na mata."),
    ("pt", "Os bombeiros combateram um incêndio no armazém."),
    ("en", "The gunmen carried assault rifles."),
    ("en", "A wildfire destroyed 500 hectares in the south."),
])
def test_nouns_read_as_verb_forms_and_disasters_in_several_words_are_no_attacks(pipeline: Pipeline, lang: str,
                                                                               text: str) -> None:
    assert "ASSAULT" not in {e.plover_type for e in analyse(pipeline, text, lang).events}


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Desconocidos causaron un incendio provocado en la alcaldía."),
    ("es", "Los milicianos incendiaron el mercado."),
    ("pt", "A polícia investiga um incêndio criminoso na sede do partido."),
    ("pt", "A polícia mata suspeito em tiroteio na zona norte."),
])
def test_arson_is_still_an_attack(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "ASSAULT" in {e.plover_type for e in analyse(pipeline, text, lang).events}


@pytest.mark.parametrize("text", [
    "A caravana atravessou o deserto durante a noite.",
    "O ministro chegou mais cedo do que o previsto.",
])
def test_portuguese_nouns_and_adverbs_read_as_verb_forms_are_no_events(pipeline: Pipeline, text: str) -> None:
    assert main_type(pipeline, text, "pt") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Investigators traced the money through a network of shell companies.", None),
    ("The general is in charge of the northern command.", None),
    ("Stocks staged a strong rally on Friday.", None),
    ("She was shot to fame by the film.", None),
    ("The actor captured the audience with his performance.", None),
    ("The two firms struck a deal worth $2 billion.", "AGREE"),
    ("Critics blasted the decision as reckless.", "ACCUSE"),
    ("The bomber detonated his explosive vest at the gate.", "ASSAULT"),
])
def test_english_figures_of_speech(pipeline: Pipeline, text: str, expected: str | None) -> None:
    assert main_type(pipeline, text, "en") == expected


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("en", '"Please help us," a resident told reporters.', "Please"),
    ("es", '"Necesitamos ayuda", dijo una mujer que huyó del pueblo.', "Necesitamos"),
    ("pt", '"Precisamos de ajuda", disse uma mulher que fugiu da aldeia.', "Precisamos"),
])
def test_a_capitalised_word_opening_a_quotation_is_no_actor(pipeline: Pipeline, lang: str, text: str,
                                                            word: str) -> None:
    article = analyse(pipeline, text, lang)
    assert all(a.text != word for e in article.events for a in (*e.actors, *e.recipients))


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "The crowd went wild at the concert.", None),
    ("es", "La multitud llenó el estadio para ver el partido.", None),
    ("en", "Thousands of demonstrators gathered outside parliament.", "PROTEST"),
    ("en", "The visitors surrendered a two-goal lead.", None),
    ("en", "A gas explosion destroyed a block of flats.", None),
    ("es", "Una explosión de gas destruyó un edificio de viviendas.", None),
    ("pt", "Uma explosão de gás destruiu um prédio.", None),
    ("en", "A car bomb destroyed a block of flats.", "ASSAULT"),
])
def test_crowds_compounds_and_accidents(pipeline: Pipeline, lang: str, text: str, expected: str | None) -> None:
    assert main_type(pipeline, text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "Una lluvia de balas mató a dos civiles.", "ASSAULT"),
    ("pt", "Uma chuva de balas matou dois civis.", "ASSAULT"),
    ("es", "Las lluvias mataron a dos personas en la sierra.", None),
    ("pt", "A chuva matou duas pessoas na serra.", None),
])
def test_a_rain_of_bullets_is_gunfire_not_weather(pipeline: Pipeline, lang: str, text: str,
                                                  expected: str | None) -> None:
    assert main_type(pipeline, text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", '"We need food and water," said a woman who fled the village.', "REQUEST"),
    ("es", '"Necesitamos ayuda", dijo una mujer que huyó del pueblo.', "REQUEST"),
    ("pt", '"Precisamos de ajuda", disse uma mulher que fugiu da aldeia.', "REQUEST"),
    ("pt", "O governo expulsou os missionários do país.", "COERCE"),
    ("pt", "Os rebeldes expulsaram os soldados da cidade.", "ASSAULT"),
    ("es", "Un autobús volcó y murieron cuatro pasajeros.", None),
])
def test_pleas_expulsions_and_road_accidents(pipeline: Pipeline, lang: str, text: str, expected: str | None) -> None:
    assert main_type(pipeline, text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "La agencia apoyó a 5.000 hogares con transferencias en efectivo.", "AID"),
    ("es", "El ministro apoyó la propuesta.", "SUPPORT"),
    ("pt", "O PNUD continuou a prestar apoio ao setor da justiça.", "AID"),
    ("pt", "A agência apoiou 5.000 famílias com transferências em dinheiro.", "AID"),
    ("pt", "O ministro apoiou a proposta.", "SUPPORT"),
])
def test_support_given_and_voiced_in_spanish_and_portuguese(pipeline: Pipeline, lang: str, text: str,
                                                           expected: str) -> None:
    assert main_type(pipeline, text, lang) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The rebels took the bridge after a night of fighting."),
    ("es", "Los rebeldes tomaron el puente tras una noche de combates."),
    ("pt", "Os rebeldes tomaram a ponte depois de uma noite de combates."),
])
def test_a_bridge_taken_is_territory(pipeline: Pipeline, lang: str, text: str) -> None:
    events = analyse(pipeline, text, lang).events
    assert any(e.acled_sub_event_type == "Non-state actor overtakes territory" for e in events)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "La ONU condenó a Israel por el bombardeo.", "ACCUSE"),
    ("es", "El tribunal condenó a tres militares a 20 años de prisión.", "COERCE"),
    ("es", "El juez condenó al exgeneral a 25 años de cárcel.", "COERCE"),
    ("pt", "As negociações foram retomadas em Luanda.", "CONSULT"),
    ("es", "Los guerrilleros hostigaron la base militar durante la noche.", "ASSAULT"),
    ("es", "La policía apresó a dos sospechosos.", "COERCE"),
    ("pt", "Homens armados assaltaram um banco no centro.", "ASSAULT"),
    ("pt", "Soldados e rebeldes confrontaram-se na fronteira.", "ASSAULT"),
])
def test_condemned_versus_sentenced_and_other_gaps(pipeline: Pipeline, lang: str, text: str, expected: str) -> None:
    assert main_type(pipeline, text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "word", "hypothetical"), [
    ("es", "Uno de los secuestrados habría sido liberado el lunes.", "liberado", False),
    ("pt", "O refém teria sido libertado na segunda-feira.", "libertado", False),
    ("es", "De no haber llegado los refuerzos, el cuartel habría sido atacado.", "atacado", True),
    ("es", "Los rebeldes atacarían la ciudad si no hay acuerdo.", "atacarían", True),
])
def test_the_conditional_of_rumour_is_no_hypothetical(pipeline: Pipeline, lang: str, text: str, word: str,
                                                      hypothetical: bool) -> None:
    article = analyse(pipeline, text, lang)
    event = by_trigger(article, word)
    assert ("hypothetical" in event.flags) is hypothetical


def test_the_de_phrase_of_an_expulsion_is_its_patient(pipeline: Pipeline) -> None:
    article = analyse(pipeline, "La expulsión de los diplomáticos sorprendió al gobierno.", "es")
    event = by_trigger(article, "expulsión")
    assert [a.text for a in event.recipients] == ["diplomáticos"] and not event.actors


def test_a_subjects_place_is_taken_whole(pipeline: Pipeline) -> None:
    text = "Uma operação da Polícia Militar no Complexo do Alemão terminou com seis mortos."
    article = analyse(pipeline, text, "pt")
    actors = [a.text for e in article.events for a in e.actors]
    assert "Polícia Militar no Complexo" not in actors


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "La policía lanzó bombas lacrimógenas contra los manifestantes.", "crowd-control"),
    ("pt", "A PM respondeu com bombas de gás lacrimogêneo e balas de borracha.", "crowd-control"),
    ("pt", "A PM lançou bombas de efeito moral contra os manifestantes.", "crowd-control"),
])
def test_tear_gas_canisters_are_crowd_control_not_bombs(pipeline: Pipeline, lang: str, text: str,
                                                        expected: str) -> None:
    event = main_event(analyse(pipeline, text, lang).events, view="plover")
    assert event is not None and event.mode == expected


@pytest.mark.parametrize("text", ["El exministro murió de un ataque cardíaco.", "Sufrió un ataque al corazón."])
def test_a_heart_attack_is_no_attack(pipeline: Pipeline, text: str) -> None:
    assert main_type(pipeline, text, "es") is None


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "El exalcalde murió el martes en su casa.", None),
    ("pt", "O cantor morreu ontem em Lisboa.", None),
    ("en", "The former mayor died on Tuesday at his home.", None),
    ("pt", "Duas pessoas morreram afogadas na praia.", None),
    ("es", "Dos soldados murieron en un ataque con explosivos.", "ASSAULT"),
    ("pt", "Três pessoas morreram baleadas na zona norte.", "ASSAULT"),
    ("en", "Five civilians died in the shelling.", "ASSAULT"),
    ("es", "Un soldado murió al pisar una mina antipersona.", "ASSAULT"),
    ("en", "Three soldiers died on Tuesday.", "ASSAULT"),
])
def test_a_bare_death_is_an_event_only_in_a_story_of_violence(pipeline: Pipeline, lang: str, text: str,
                                                               expected: str | None) -> None:
    assert main_type(pipeline, text, lang) == expected


def test_a_bare_death_after_an_attack_in_the_same_article_stays(pipeline: Pipeline) -> None:
    text = "Gunmen attacked a market in the north on Monday. The shopkeeper died in hospital."
    article = analyse(pipeline, text, "en")
    assert [e.trigger.text(article.text) for e in article.events] == ["attacked", "died"]
    assert [e.id for e in article.events] == ["e1", "e2"]


#: (lang, text, trigger word, expected actor texts of its event)
ACTOR_CASES = [
    # a coordinated finite verb shares the first verb's subject
    ("es", "El ELN negó haber atacado a la población civil y responsabilizó al EPL de las muertes.",
     "responsabilizó", "ELN"),
    ("pt", "O exército negou ter atacado a aldeia e culpou os rebeldes pelas mortes.", "culpou", "exército"),
    ("en", "The army denied shelling the village and blamed the rebels for the deaths.", "blamed", "army"),
    # a support verb hands its agent back to the event noun
    ("en", "Two soldiers died in an attack on the base carried out by FARC dissidents.", "attack",
     "FARC dissidents"),
    ("es", "Tres soldados murieron en un ataque contra la base perpetrado por disidencias de las FARC.", "ataque",
     "disidencias de las FARC"),
    ("es", "El ataque fue perpetrado por el ELN.", "ataque", "ELN"),
    ("pt", "O ataque contra o quartel foi levado a cabo pelo ELN.", "ataque", "ELN"),
    # local officials and trades are actors
    ("es", "El alcalde denunció amenazas de los paramilitares.", "denunció", "alcalde"),
    ("pt", "O prefeito condenou o ataque contra a escola.", "condenou", "prefeito"),
    ("es", "Los carceleros golpearon a los presos.", "golpearon", "carceleros"),
    ("pt", "Os metroviários entraram em greve nesta segunda-feira.", "greve", "metroviários"),
    ("pt", "Os moradores de Governador Valadares protestaram contra a falta de água.", "protestaram", "moradores"),
    # the "de" phrase of a verbal noun is its speaker
    ("es", "El alcalde denunció amenazas de los paramilitares.", "amenazas", "paramilitares"),
    ("es", "Las denuncias de los vecinos llegaron a la Fiscalía.", "denuncias", "vecinos"),
    ("pt", "O apoio da União Europeia chegou tarde.", "apoio", "União Europeia"),
]


@pytest.mark.parametrize(("lang", "text", "word", "actor"), ACTOR_CASES)
def test_the_events_actor(pipeline: Pipeline, lang: str, text: str, word: str, actor: str) -> None:
    event = by_trigger(analyse(pipeline, text, lang), word)
    assert [a.text for a in event.actors] == [actor]


@pytest.mark.parametrize(("lang", "text", "word", "hypothetical"), [
    ("en", "Clashes could erupt again in the north.", "Clashes", True),
    ("es", "Los combates podrían reanudarse esta semana.", "combates", True),
    ("pt", "Os combates poderão recomeçar nos próximos dias.", "combates", True),
    ("en", "The attack may have killed dozens of people.", "attack", False),
    ("en", "Clashes erupted again in the north.", "Clashes", False),
])
def test_a_modal_after_a_noun_trigger_makes_it_a_possibility(pipeline: Pipeline, lang: str, text: str, word: str,
                                                             hypothetical: bool) -> None:
    event = by_trigger(analyse(pipeline, text, lang), word)
    assert ("hypothetical" in event.flags) is hypothetical


@pytest.mark.parametrize("word", [
    "", "-", "-se", "se-", "---", "a" * 10_000 + "se", "ниже-se", "\ufffd\ufffdse", "x-se-se-se",
])
@pytest.mark.parametrize("lang", ["es", "pt", "en", "xx"])
def test_odd_tokens_never_break_the_pronoun_split(word: str, lang: str) -> None:
    cut = enclitics.split(word, lang)
    assert cut is None or (cut[0] and all(cut[1]))


def test_odd_text_through_the_lemmatiser_keeps_every_character(pipeline: Pipeline) -> None:
    text = "Reuniram-se -se --- " + "negándose" * 500 + " \ufffd\ufffdse ниже-se."
    article = analyse(pipeline, text, "pt")
    assert article.text == text


def test_a_line_expanding_to_too_many_variants_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from wirewatch.errors import ResourceError
    from wirewatch.stages import events

    line = " ".join(["a|cessar-fogo|carro-bomba"] * 3) + "\tASSAULT\t-\t-"  # 3 * 3 * 3 = 27 variants
    monkeypatch.setattr(events, "lang_resource", lambda lang, name: line)
    with pytest.raises(ResourceError, match="too many multi-unit alternatives"):
        events.TriggerLexicon("pt")
