"""Argument and main-event rules found by reading typical en/es/pt wire copy (issue 4): a noun inside another
verb's phrase, the weapon after "with", victims after "leaving", the cause behind "after", the town inside the
region a cue names, arrests of people named by what they do. The team's own sentences."""

from __future__ import annotations

import pytest

from events_support import analyse, by_trigger
from wirewatch.pipeline import Pipeline
from wirewatch.stages.events import main_event


@pytest.mark.parametrize(("lang", "text", "noun", "actor"), [
    ("en", "Gunmen killed five traders in an attack on the market road.", "attack", "Gunmen"),
    ("es", "Hombres armados mataron a cinco comerciantes en un ataque en la vía al mercado.", "ataque",
     "Hombres armados"),
    ("pt", "Homens armados mataram cinco comerciantes numa chacina perto do mercado.", "chacina", "Homens armados"),
])
def test_a_noun_in_the_verbs_phrase_is_the_same_attack(pipeline: Pipeline, lang: str, text: str, noun: str,
                                                        actor: str) -> None:
    article = analyse(pipeline, text, lang)
    event = by_trigger(article, noun)
    assert [a.text for a in event.actors] == [actor]  # never the victims before the preposition
    assert main_event(article.events).acled_sub_event_type == "Attack"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hundreds of farmers were converging on Friday for a rally outside the ministry."),
    ("es", "Cientos de campesinos llegaron el viernes para una marcha frente al ministerio."),
    ("pt", "Centenas de professores chegaram na sexta-feira para uma marcha em frente ao ministério."),
])
def test_a_noun_after_a_plain_verb_keeps_the_subject(pipeline: Pipeline, lang: str, text: str) -> None:
    article = analyse(pipeline, text, lang)
    assert all(e.actors and e.actors[0].text for e in article.events)


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("en", "Dissidents attacked an army outpost with drones near the river.", "Dissidents"),
    ("es", "Disidentes atacaron con drones un puesto del Ejército cerca del río.", "Disidentes"),
    ("pt", "Dissidentes atacaram com drones um posto do Exército perto do rio.", "Dissidentes"),
])
def test_the_weapon_after_with_is_the_verbs_means(pipeline: Pipeline, lang: str, text: str, actor: str) -> None:
    article = analyse(pipeline, text, lang)
    main = main_event(article.events)
    assert main is not None and main.acled_sub_event_type == "Air/drone strike"
    assert all(e.actors and e.actors[0].text == actor for e in article.events if e.plover_type == "ASSAULT")


@pytest.mark.parametrize(("lang", "text", "participle", "victims"), [
    ("en", "Rebels shelled the outpost overnight, leaving three soldiers wounded.", "wounded", "soldiers"),
    ("es", "Los rebeldes atacaron el puesto y dejaron tres soldados heridos.", "heridos", "soldados"),
    ("pt", "Os rebeldes atacaram o posto e deixaram três soldados feridos.", "feridos", "soldados"),
])
def test_victims_after_leave_are_no_actors(pipeline: Pipeline, lang: str, text: str, participle: str,
                                           victims: str) -> None:
    event = by_trigger(analyse(pipeline, text, lang), participle)
    assert victims in [r.text for r in event.recipients]
    assert victims not in [a.text for a in event.actors]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Two guards were wounded after the explosion of a device near the gate."),
    ("es", "Dos guardias resultaron heridos tras la explosión de un artefacto junto a la puerta."),
    ("pt", "Dois guardas ficaram feridos após a explosão de um artefato junto ao portão."),
])
def test_the_cause_of_a_casualty_is_the_news(pipeline: Pipeline, lang: str, text: str) -> None:
    main = main_event(analyse(pipeline, text, lang).events)
    assert main is not None and main.acled_sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(("lang", "text", "town"), [
    ("pt", "Insurgentes atacaram a vila de Macomia, em Cabo Delgado, durante a madrugada.", "Macomia"),
    ("es", "Disidentes atacaron el casco urbano de Argelia, Cauca, durante la noche.", "Argelia"),
    ("en", "Militants stormed the town of Kidal, in northern Mali, at dawn.", "Kidal"),
])
def test_the_town_inside_the_named_region_is_the_site(pipeline: Pipeline, lang: str, text: str, town: str) -> None:
    main = main_event(analyse(pipeline, text, lang).events)
    assert main is not None and main.place is not None and main.place.name == town


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "La Fiscalía capturó a 12 presuntos integrantes de una banda de extorsionadores."),
    ("pt", "A Polícia Federal capturou dois foragidos numa casa de praia."),
    ("en", "Police captured six suspected smugglers at the harbour."),
])
def test_people_captured_are_arrested(pipeline: Pipeline, lang: str, text: str) -> None:
    # an arrest, not a place taken (ACLED counts it only as political news: tests/test_events_general_news.py)
    main = main_event(analyse(pipeline, text, lang).events)
    assert main is not None and (main.plover_type, main.mode) == ("COERCE", "arrest")


@pytest.mark.parametrize(("lang", "text", "plover"), [
    ("es", "La guerrilla decretó un paro armado de tres días en la región.", "COERCE"),
    ("en", "The guerrillas declared a three-day armed strike across the region.", "COERCE"),
    ("pt", "Os garimpeiros foram expulsos da reserva pelas Forças Armadas.", "COERCE"),
])
def test_coercion_words(pipeline: Pipeline, lang: str, text: str, plover: str) -> None:
    article = analyse(pipeline, text, lang)
    assert plover in {e.plover_type for e in article.events}
    assert "PROTEST" not in {e.plover_type for e in article.events}


@pytest.mark.parametrize(("lang", "text", "plover"), [
    ("en", "Gunmen fired on a checkpoint outside the town.", "ASSAULT"),
    ("en", "The mayor met the striking nurses on Monday.", "CONSULT"),
])
def test_english_verb_senses(pipeline: Pipeline, lang: str, text: str, plover: str) -> None:
    main = main_event(analyse(pipeline, text, lang).events)
    assert main is not None and main.plover_type == plover


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El gobierno anunció que enviará 2.000 militares a la frontera la próxima semana."),
    ("pt", "O governo vai enviar 1.500 militares para a fronteira na próxima semana."),
])
def test_a_count_with_a_thousands_dot_is_no_year(pipeline: Pipeline, lang: str, text: str) -> None:
    assert not any(e.historical for e in analyse(pipeline, text, lang).events)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Heavy rains killed twelve people in the hill villages."),
    ("es", "Las lluvias dejaron nueve muertos en los barrios altos de la ciudad."),
    ("pt", "As chuvas que atingiram o litoral deixaram 20 mortos e centenas de desalojados."),
])
def test_weather_deaths_are_no_assault(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "ASSAULT" not in {e.plover_type for e in analyse(pipeline, text, lang).events}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "A street vendor was shot dead by police officers during a search."),
    ("es", "Un vendedor ambulante fue asesinado a tiros por policías durante un registro."),
    ("pt", "Um vendedor ambulante foi morto a tiros por policiais durante uma abordagem."),
])
def test_police_killing_a_civilian_is_an_attack(pipeline: Pipeline, lang: str, text: str) -> None:
    main = main_event(analyse(pipeline, text, lang).events)
    assert main is not None and main.acled_sub_event_type == "Attack"
    assert main.actors and main.actors[0].actor_type == "state"


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("es", "El ataque de los rebeldes contra el puesto dejó dos muertos.", "rebeldes"),
    ("pt", "Um ataque de insurgentes a um autocarro fez sete mortos.", "insurgentes"),
])
def test_an_armed_side_after_de_is_the_attacker(pipeline: Pipeline, lang: str, text: str, actor: str) -> None:
    main = main_event(analyse(pipeline, text, lang).events)
    assert main is not None and [a.text for a in main.actors] == [actor]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The prisoner died of a heart attack in his cell."),
    ("es", "Un ataque de pánico obligó a evacuar el vagón."),
    ("pt", "O piloto sofreu um ataque cardíaco durante o voo."),
])
def test_medical_attacks_are_no_events(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "ASSAULT" not in {e.plover_type for e in analyse(pipeline, text, lang).events}


@pytest.mark.parametrize(("lang", "text", "verb", "actor"), [
    ("es", "Presuntos sicarios dispararon contra un bar del centro y mataron a once personas.", "mataron",
     "Presuntos sicarios"),
    ("en", "Gunmen stormed a church in the village and killed six worshippers.", "killed", "Gunmen"),
])
def test_a_second_verb_after_and_shares_the_subject(pipeline: Pipeline, lang: str, text: str, verb: str,
                                                    actor: str) -> None:
    assert [a.text for a in by_trigger(analyse(pipeline, text, lang), verb).actors] == [actor]


@pytest.mark.parametrize(("lang", "text", "sub"), [
    ("en", "Gunmen stormed a church in the village and killed six worshippers.", "Attack"),
    ("pt", "Indígenas ocuparam a sede do órgão federal para exigir a demarcação de terras.", "Peaceful protest"),
    ("es", "Estudiantes ocuparon la rectoría de la universidad por los recortes.", "Peaceful protest"),
])
def test_a_building_taken_is_no_territory(pipeline: Pipeline, lang: str, text: str, sub: str) -> None:
    main = main_event(analyse(pipeline, text, lang).events)
    assert main is not None and main.acled_sub_event_type == sub


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "No hubo enfrentamientos durante la marcha de este jueves en el centro."),
    ("pt", "Não houve confrontos durante a passeata desta quinta-feira no centro."),
    ("en", "There were no clashes during Thursday's march through the centre."),
])
def test_denied_violence_makes_no_riot(pipeline: Pipeline, lang: str, text: str) -> None:
    main = main_event(analyse(pipeline, text, lang).events)
    assert main is not None and main.acled_sub_event_type == "Peaceful protest"


@pytest.mark.parametrize(("lang", "text", "plover"), [
    ("pt", "A polícia nega ter disparado contra os manifestantes.", "REJECT"),
    ("es", "La policía niega haber disparado contra los manifestantes.", "REJECT"),
    ("pt", "Os caminhoneiros ameaçam parar o país a partir de segunda-feira.", "THREATEN"),
])
def test_a_stated_event_outranks_a_crowd_noun(pipeline: Pipeline, lang: str, text: str, plover: str) -> None:
    article = analyse(pipeline, text, lang)
    main = main_event(article.events)
    assert main is not None and main.plover_type == plover
    assert all(e.negated for e in article.events if e.plover_type == "ASSAULT")


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Some 3,000 villagers fled the fighting towards the coast.", False),
    ("es", "Cientos de familias huyeron de la vereda tras los combates.", False),
    ("pt", "Milhares de moradores fugiram para o mato durante a noite.", False),
    ("en", "The soldiers fled the base after the rebels overran it.", True),
])
def test_only_an_armed_side_fleeing_is_a_retreat(pipeline: Pipeline, lang: str, text: str, expected: bool) -> None:
    assert ("RETREAT" in {e.plover_type for e in analyse(pipeline, text, lang).events}) is expected


@pytest.mark.parametrize(("lang", "text", "participle", "people"), [
    ("es", "La jornada terminó con decenas de heridos y 47 personas detenidas en el centro.", "detenidas",
     "personas"),
    ("pt", "A operação terminou com dois policiais mortos na zona norte.", "mortos", "policiais"),
])
def test_a_counted_noun_before_a_participle_is_its_victim(pipeline: Pipeline, lang: str, text: str,
                                                          participle: str, people: str) -> None:
    event = by_trigger(analyse(pipeline, text, lang), participle)
    assert people in [r.text for r in event.recipients]
    assert people not in [a.text for a in event.actors]


def test_a_capitalised_preposition_is_no_actor(pipeline: Pipeline) -> None:
    article = analyse(pipeline, "A los detenidos se les incautaron dos fusiles y una camioneta.", "es")
    assert all(a.text != "A" for e in article.events for a in e.actors)


@pytest.mark.parametrize(("lang", "text", "plover", "sub"), [
    ("es", "La Policía desalojó a los campesinos que ocupaban una finca en el valle.", "COERCE", None),
    ("pt", "A PM despejou 200 famílias de um terreno ocupado na periferia.", "COERCE", None),
    ("en", "Police evicted hundreds of squatters from the site.", "COERCE", None),
    ("es", "El Ejército desalojó a los guerrilleros del cerro tras dos días de combates.", "ASSAULT",
     "Government regains territory"),
])
def test_evictions_of_civilians_are_coercion(pipeline: Pipeline, lang: str, text: str, plover: str,
                                             sub: str | None) -> None:
    article = analyse(pipeline, text, lang)
    first = min(article.events, key=lambda e: e.trigger.start)
    assert first.plover_type == plover and first.acled_sub_event_type == sub


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El gobierno expulsó a la misión de observadores del país."),
    ("pt", "O governo expulsou a missão de observadores do país."),
    ("en", "The government expelled the observer mission from the country."),
])
def test_expelling_a_mission_is_a_sanction(pipeline: Pipeline, lang: str, text: str) -> None:
    main = main_event(analyse(pipeline, text, lang).events, view="plover")
    assert main is not None and main.plover_type == "SANCTION"


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Un comando armado irrumpió en una fiesta y asesinó a nueve jóvenes."),
    ("pt", "Um grupo armado invadiu uma festa e matou nove jovens."),
])
def test_bursting_into_a_venue_is_an_attack(pipeline: Pipeline, lang: str, text: str) -> None:
    article = analyse(pipeline, text, lang)
    assert "Non-state actor overtakes territory" not in {e.acled_sub_event_type for e in article.events}
    assert all(e.actors and e.actors[0].text for e in article.events if e.plover_type == "ASSAULT")


@pytest.mark.parametrize(("lang", "text", "participle"), [
    ("en", "A car bomb exploded near a police barracks, killing 12 people.", "killing"),
    ("pt", "Um carro-bomba explodiu perto de um quartel da polícia, matando 12 pessoas.", "matando"),
    ("es", "Un coche bomba explotó junto a un cuartel de la policía, matando a 12 personas.", "matando"),
])
def test_a_participle_clause_keeps_the_main_subject(pipeline: Pipeline, lang: str, text: str,
                                                   participle: str) -> None:
    event = by_trigger(analyse(pipeline, text, lang), participle)
    assert not any("polic" in a.text.lower() for a in event.actors)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "Cientos de migrantes intentaron cruzar la frontera a nado.", False),
    ("pt", "Centenas de migrantes tentaram atravessar o rio durante a noite.", False),
    ("en", "Government troops will cross the river within days.", True),
])
def test_crossing_is_a_mobilisation_only_for_armed_sides(pipeline: Pipeline, lang: str, text: str,
                                                         expected: bool) -> None:
    assert ("MOBILIZE" in {e.plover_type for e in analyse(pipeline, text, lang).events}) is expected


def test_the_dissident_groups_are_no_dissent(pipeline: Pipeline) -> None:
    article = analyse(pipeline, "El Ejército bombardeó un campamento de las disidencias en el sur.", "es")
    assert "REJECT" not in {e.plover_type for e in article.events}


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("en", "Houthi rebels claimed responsibility for a drone attack on a tanker.", "Houthi rebels"),
    ("es", "El ELN se atribuyó el atentado contra la estación de policía.", "ELN"),
    ("pt", "O Estado Islâmico reivindicou o ataque contra a igreja.", "Estado Islâmico"),
])
def test_who_claims_an_attack_is_its_actor(pipeline: Pipeline, lang: str, text: str, actor: str) -> None:
    article = analyse(pipeline, text, lang)
    main = main_event(article.events)
    assert main is not None and main.plover_type == "ASSAULT"
    assert [a.text for a in main.actors] == [actor]
    assert "REQUEST" not in {e.plover_type for e in article.events}  # "reivindicar" here claims, not demands


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Ukraine said it shot down 20 Russian drones overnight."),
    ("es", "Las defensas antiaéreas derribaron dos drones sobre la capital."),
])
def test_weapons_intercepted_are_no_attack(pipeline: Pipeline, lang: str, text: str) -> None:
    main = main_event(analyse(pipeline, text, lang).events)
    assert main is not None and main.acled_sub_event_type == "Disrupted weapons use"


def test_a_modified_noun_after_a_verb_is_the_same_attack(pipeline: Pipeline) -> None:
    text = "Suspected jihadists killed 20 villagers in an overnight raid near the border."
    event = by_trigger(analyse(pipeline, text, "en"), "raid")
    assert [a.text for a in event.actors] == ["Suspected jihadists"]


@pytest.mark.parametrize(("lang", "text", "word", "historical"), [
    ("en", "It was the deadliest clash since October 2019, when gunmen forced the army to release a prisoner.",
     "release", True),
    ("en", "It was the deadliest clash since October 2019, when gunmen forced the army to release a prisoner.",
     "clash", False),
    ("es", "Es el peor ataque desde marzo de 2018, cuando guerrilleros atacaron la base.", "atacaron", True),
    ("pt", "Os confrontos continuam desde outubro de 2024 no distrito.", "confrontos", False),
])
def test_since_a_date_runs_to_now_but_its_when_clause_is_past(pipeline: Pipeline, lang: str, text: str,
                                                               word: str, historical: bool) -> None:
    assert by_trigger(analyse(pipeline, text, lang), word).historical is historical


@pytest.mark.parametrize(("lang", "text", "sub"), [
    ("es", "Los rebeldes tomaron la ciudad tras dos días de combates.", "Non-state actor overtakes territory"),
    ("pt", "Os insurgentes tomaram a vila durante a madrugada.", "Non-state actor overtakes territory"),
    ("en", "The rebels took the town after two days of fighting.", "Non-state actor overtakes territory"),
])
def test_taking_a_town_is_territory(pipeline: Pipeline, lang: str, text: str, sub: str) -> None:
    main = main_event(analyse(pipeline, text, lang).events)
    assert main is not None and main.acled_sub_event_type == sub


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El Consejo toma nota del informe del Secretario General."),
    ("es", "La toma de protesta del nuevo gobernador fue el lunes."),
    ("pt", "A tomada de posse do presidente ocorreu na capital."),
    ("pt", "O novo prefeito tomou posse ontem."),
])
def test_taking_note_or_office_is_no_seizure(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "ASSAULT" not in {e.plover_type for e in analyse(pipeline, text, lang).events}


@pytest.mark.parametrize(("lang", "text", "word", "flag"), [
    ("es", "Los rebeldes entraron al pueblo después de que el ejército se retirara.", "retirara", None),
    ("es", "Los rebeldes atacarán la base mañana.", "atacarán", "future"),
    ("pt", "Os rebeldes tomaram a cidade depois que o exército se retirou.", "retirou", None),
    ("pt", "Se a greve continuar, o governo poderá decretar estado de emergência.", "greve", "hypothetical"),
])
def test_subjunctives_and_reflexives_are_no_flags(pipeline: Pipeline, lang: str, text: str, word: str,
                                                  flag: str | None) -> None:
    event = by_trigger(analyse(pipeline, text, lang), word)
    assert event.flags == ((flag,) if flag else ())


def test_a_town_taken_after_a_withdrawal_changes_hands_without_a_fight(pipeline: Pipeline) -> None:
    text = "Os rebeldes tomaram a cidade depois que o exército se retirou."
    main = main_event(analyse(pipeline, text, "pt").events)
    assert main is not None and main.acled_sub_event_type == "Non-violent transfer of territory"


@pytest.mark.parametrize(("lang", "text", "plover"), [
    ("es", "La reunión celebrada en Ginebra terminó sin avances.", "CONSULT"),
    ("es", "El Consejo celebró una sesión sobre la crisis.", "CONSULT"),
    ("es", "El presidente celebró la decisión del tribunal.", "SUPPORT"),
    ("es", "El proceso judicial contra el exgeneral comenzó el lunes.", "ACCUSE"),
    ("es", "Recibió amenazas de muerte de un grupo armado.", "THREATEN"),
    ("pt", "O Ministério Público vai processar o prefeito.", "ACCUSE"),
    ("en", "The troops advanced towards the city.", "MOBILIZE"),
])
def test_word_senses_in_each_language(pipeline: Pipeline, lang: str, text: str, plover: str) -> None:
    first = min(analyse(pipeline, text, lang).events, key=lambda e: e.trigger.start)
    assert first.plover_type == plover


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Se registraron avances en la negociación."),
    ("pt", "O processo de consulta começou no domingo."),
    ("en", "Illegal mining has spread along the river."),
    ("en", "The court sentenced him to death in absentia."),
    ("es", "El Congreso debate la pena de muerte."),
])
def test_senses_that_are_no_events(pipeline: Pipeline, lang: str, text: str) -> None:
    types = {e.plover_type for e in analyse(pipeline, text, lang).events}
    assert "ASSAULT" not in types and "ACCUSE" not in types


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Los Estados deben combatir el terrorismo y la corrupción."),
    ("pt", "O governo prometeu combater o tráfico de drogas na fronteira."),
    ("en", "Member States must do more to combat terrorism."),
])
def test_combating_a_scourge_is_a_policy_not_a_battle(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "ASSAULT" not in {e.plover_type for e in analyse(pipeline, text, lang).events}


def test_a_meeting_held_is_no_celebration(pipeline: Pipeline) -> None:
    article = analyse(pipeline, "La reunión celebrada en Ginebra terminó sin avances.", "es")
    assert "SUPPORT" not in {e.plover_type for e in article.events}


@pytest.mark.parametrize(("lang", "text", "plover"), [
    ("es", "La ejecución del presupuesto se retrasó otra vez.", "COOPERATE"),
    ("es", "La ejecución de dos rehenes conmocionó al país.", "ASSAULT"),
    ("pt", "A execução do orçamento atrasou outra vez.", "COOPERATE"),
    ("pt", "Os sequestradores executaram dois reféns.", "ASSAULT"),
])
def test_executing_a_budget_is_no_killing(pipeline: Pipeline, lang: str, text: str, plover: str) -> None:
    assert {e.plover_type for e in analyse(pipeline, text, lang).events} == {plover}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "El Consejo se ocupa de la situación en la frontera.", set()),
    ("pt", "O Conselho ocupa-se da situação na fronteira.", set()),
    ("es", "Los rebeldes ocupan la ciudad desde el lunes.", {"ASSAULT"}),
    ("es", "El ministro insistió en luchar contra la corrupción.", set()),
    ("pt", "Os rebeldes lutam contra o exército na serra.", {"ASSAULT"}),
])
def test_dealing_with_and_fighting_scourges(pipeline: Pipeline, lang: str, text: str, expected: set[str]) -> None:
    types = {e.plover_type for e in analyse(pipeline, text, lang).events}
    assert ("ASSAULT" in types) is ("ASSAULT" in expected)


@pytest.mark.parametrize(("lang", "text", "actor", "sub"), [
    ("en", "The last rebel-held districts fell to government forces.", "government forces",
     "Government regains territory"),
    ("es", "El pueblo cayó en manos de los paramilitares.", "paramilitares", "Non-state actor overtakes territory"),
    ("pt", "A vila caiu nas mãos dos insurgentes.", "insurgentes", "Non-state actor overtakes territory"),
])
def test_a_place_falls_to_its_captor(pipeline: Pipeline, lang: str, text: str, actor: str, sub: str) -> None:
    main = main_event(analyse(pipeline, text, lang).events)
    assert main is not None and main.acled_sub_event_type == sub
    assert [a.text for a in main.actors] == [actor]


def test_the_noun_of_the_same_attack_keeps_its_targets(pipeline: Pipeline) -> None:
    text = "Suspected militants killed ten soldiers in an ambush near the river."
    event = by_trigger(analyse(pipeline, text, "en"), "ambush")
    assert event.acled_sub_event_type == "Armed clash"
    assert [r.text for r in event.recipients] == ["soldiers"]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "Los atacantes se llevaron a dos funcionarios de la Alcaldía.", True),
    ("es", "La madre se llevó a su hija al colegio.", False),
    ("pt", "Dois homens foram levados à força por criminosos.", True),
    ("en", "Two aid workers were taken away by gunmen.", True),
])
def test_people_taken_away_by_an_armed_side_are_abducted(pipeline: Pipeline, lang: str, text: str,
                                                         expected: bool) -> None:
    subs = {e.acled_sub_event_type for e in analyse(pipeline, text, lang).events}
    assert ("Abduction/forced disappearance" in subs) is expected


def test_pushing_into_a_city_is_an_offensive(pipeline: Pipeline) -> None:
    article = analyse(pipeline, "Commanders said the units will push into the Old City within days.", "en")
    assert any(e.plover_type == "ASSAULT" and e.future for e in article.events)


@pytest.mark.parametrize(("text", "plover"), [
    ("The teachers' union called a strike over unpaid wages.", "PROTEST"),
    ("Dock workers strike for a second day over pensions.", "PROTEST"),
    ("Israeli jets carried out a strike on the camp.", "ASSAULT"),
    ("Russia called the strike on the market a crime.", "ASSAULT"),
])
def test_english_strike_is_a_stoppage_in_labour_copy(pipeline: Pipeline, text: str, plover: str) -> None:
    assert by_trigger(analyse(pipeline, text, "en"), "strike").plover_type == plover


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Residents described a longer and bloodier assault.", False),
    ("es", "Decenas de familias llegaron al casco urbano tras el ataque.", False),
    ("en", "Angry villagers attacked a police post with machetes.", True),
    ("pt", "Moradores agrediram um suspeito de roubo na praça.", True),
])
def test_civilians_are_actors_only_as_the_verbs_subject(pipeline: Pipeline, lang: str, text: str,
                                                        expected: bool) -> None:
    actors = [a.actor_type for e in analyse(pipeline, text, lang).events for a in e.actors]
    assert ("civilians" in actors) is expected


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El Consejo actúa en nombre de los Estados Miembros."),
    ("es", "La paz sigue siendo un desafío para la región."),
    ("pt", "A paz continua a ser um desafio para a região."),
    ("es", "La financiación del terrorismo es un delito grave."),
    ("pt", "O financiamento do terrorismo é crime."),
])
def test_nouns_that_look_like_verbs_are_no_events(pipeline: Pipeline, lang: str, text: str) -> None:
    assert analyse(pipeline, text, lang).events == ()


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("pt", "O candidato segue avançando nas pesquisas.", set()),
    ("es", "El proyecto de ley avanza en el Congreso.", set()),
    ("es", "Los rebeldes avanzaron hacia la capital.", {"MOBILIZE"}),
    ("pt", "O motorista ficou preso nas ferragens durante horas.", set()),
    ("pt", "O suspeito foi preso em flagrante na rodoviária.", {"COERCE"}),
])
def test_advancing_and_being_stuck(pipeline: Pipeline, lang: str, text: str, expected: set[str]) -> None:
    assert {e.plover_type for e in analyse(pipeline, text, lang).events} == expected


@pytest.mark.parametrize(("lang", "text", "protest"), [
    ("pt", "Pistoleiros mataram dois agricultores no Pará.", False),
    ("en", "Police dispersed the protesters with tear gas.", True),
])
def test_a_crowd_attacked_as_people_is_no_protest(pipeline: Pipeline, lang: str, text: str, protest: bool) -> None:
    assert ("PROTEST" in {e.plover_type for e in analyse(pipeline, text, lang).events}) is protest


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "El jugador se recupera en casa de una lesión.", set()),
    ("es", "El Ejército recuperó en pocas horas el control del pueblo.", {"ASSAULT"}),
    ("pt", "O ministro recupera em casa após a cirurgia.", set()),
    ("pt", "As forças recuperaram em poucas horas a vila.", {"ASSAULT"}),
])
def test_recovering_from_an_injury_is_not_retaking_a_town(pipeline: Pipeline, lang: str, text: str,
                                                          expected: set[str]) -> None:
    assert {e.plover_type for e in analyse(pipeline, text, lang).events} == expected


@pytest.mark.parametrize(("lang", "text", "plover", "acled"), [
    ("en", "Hamas vowed to retaliate for the killing of its commander.", "THREATEN", None),
    ("en", "The president vowed to rebuild the schools within a year.", "AGREE", None),
    ("es", "El gobierno prometió reconstruir las escuelas en un año.", "AGREE", None),
    ("en", "The two sides agreed to a ceasefire on Sunday.", "AGREE", "Agreement"),
])
def test_a_vow_is_a_promise_or_a_threat_not_an_agreement(pipeline: Pipeline, lang: str, text: str, plover: str,
                                                           acled: str | None) -> None:
    first = min(analyse(pipeline, text, lang).events, key=lambda e: e.trigger.start)
    assert (first.plover_type, first.acled_sub_event_type) == (plover, acled)
