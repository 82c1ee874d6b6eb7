"""Rules from the ninth session's wire-copy probe: our own sentences in the three languages, written in the style
of agency copy, with what a conflict analyst would code. Each rule has a control that keeps the real event."""

from __future__ import annotations

import pytest

from events_support import analyse, event_on
from wirewatch.pipeline import Pipeline


def flags_of(pipeline: Pipeline, lang: str, text: str, trigger: str) -> tuple[str, ...]:
    return event_on(pipeline, lang, text, trigger).flags


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "The army denied reports that soldiers had raped women in the village.", "raped"),
    ("en", "The government dismissed claims that its troops had killed civilians near the river.", "killed"),
    ("en", "The ministry rejected allegations that police had tortured detainees.", "tortured"),
    ("es", "El gobernador descartó que haya habido enfrentamientos en la zona.", "enfrentamientos"),
    ("es", "La Fiscalía rechazó las acusaciones de que agentes golpearon a los detenidos.", "golpearon"),
    ("pt", "O comandante descartou que tenha havido confrontos na região.", "confrontos"),
])
def test_a_denied_report_or_claim_negates_the_deed(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    assert "negated" in flags_of(pipeline, lang, text, trigger)


def test_a_report_that_is_not_denied_stays_factual(pipeline: Pipeline) -> None:
    text = "The army confirmed reports that soldiers had killed two civilians near the river."
    assert flags_of(pipeline, "en", text, "killed") == ()


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "Any attack on the island would be met with force, the minister said.", "attack"),
    ("en", "An airstrike on the bridge would cut the only road, engineers warned.", "airstrike"),
    ("es", "Un ataque contra la base sería una declaración de guerra.", "ataque"),
    ("pt", "Um ataque à base seria respondido com força.", "ataque"),
])
def test_a_modal_after_the_nouns_complement_makes_it_hypothetical(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    assert "hypothetical" in flags_of(pipeline, lang, text, trigger)


def test_a_complement_with_a_second_clause_is_not_read_past(pipeline: Pipeline) -> None:
    text = "The attack on the base killed four soldiers, and more troops would arrive on Monday."
    assert "hypothetical" not in flags_of(pipeline, "en", text, "attack")


@pytest.mark.parametrize("text", [
    "Rebels set the village on fire.",
    "The militia set the market ablaze before dawn.",
    "Gunmen set two lorries alight on the highway.",
])
def test_setting_something_on_fire_destroys_property(pipeline: Pipeline, text: str) -> None:
    events = analyse(pipeline, text, "en").events
    assert [(e.plover_type, e.mode) for e in events] == [("ASSAULT", "destroy")]


def test_setting_the_internet_on_fire_is_excitement(pipeline: Pipeline) -> None:
    assert not analyse(pipeline, "The singer's new video set social media on fire.", "en").events


@pytest.mark.parametrize(("lang", "text", "trigger", "victim"), [
    ("en", "Gunmen shot dead a teenager in Kirkuk.", "shot", "teenager"),
    ("en", "Armed men kidnapped 12 schoolgirls in the north.", "kidnapped", "schoolgirls"),
    ("es", "Un comerciante fue asesinado por sicarios en Cúcuta.", "asesinado", "comerciante"),
    ("es", "Hombres armados asesinaron a dos jóvenes en Zacatecas.", "asesinaron", "jóvenes"),
    ("pt", "Um taxista foi morto a tiros em Belém.", "morto", "taxista"),
])
def test_ordinary_people_named_by_age_or_trade_are_civilian_victims(
    pipeline: Pipeline, lang: str, text: str, trigger: str, victim: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [(r.text, r.actor_type) for r in event.recipients] == [(victim, "civilians")]


@pytest.mark.parametrize(("lang", "text", "trigger", "actor", "victim"), [
    ("es", "El secuestro de un ingeniero petrolero por parte del ELN fue confirmado por la empresa.", "secuestro",
     "ELN", None),
    ("es", "El ataque a la estación de policía por parte de disidencias de las FARC dejó un muerto.", "ataque",
     "disidencias de las FARC", "policía"),
    ("es", "Dos soldados murieron a manos del ELN en Arauca.", "murieron", "ELN", "soldados"),
    ("es", "El periodista murió a manos de hombres armados en Tumaco.", "murió", "hombres armados", "periodista"),
    ("pt", "O jornalista morreu às mãos de homens armados.", "morreu", "homens armados", "jornalista"),
    ("pt", "O sequestro de um empresário por parte do PCC foi confirmado pela polícia.", "sequestro", "PCC",
     "empresário"),
    ("en", "Two soldiers died at the hands of the rebels.", "died", "rebels", "soldiers"),
])
def test_phrase_agent_markers_name_who_did_it(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor: str, victim: str | None
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [a.text for a in event.actors] == [actor]
    if victim is not None:
        assert [r.text for r in event.recipients] == [victim]


def test_a_victim_who_died_without_an_agent_keeps_an_unknown_attacker(pipeline: Pipeline) -> None:
    event = event_on(pipeline, "es", "Dos soldados murieron en un ataque en Arauca.", "ataque")
    assert [r.text for r in event.recipients] == ["soldados"]
    assert [a.actor_id for a in event.actors] == ["gen-gunmen"] and not event.actors[0].text


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("es", "El asesinato del concejal a manos de sicarios conmocionó a Michoacán.", "asesinato"),
    ("pt", "O vereador Carlos Silva foi morto a tiros em frente a sua casa em Nova Iguaçu.", "morto"),
    ("en", "Gunmen killed the mayor of the town on Sunday.", "killed"),
])
def test_an_official_attacked_is_a_civilian_victim(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert event.recipients[0].actor_type == "state"  # the record keeps who the victim is
    assert event.acled_sub_event_type == "Attack"


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "Rebels attacked government forces near the border.", "attacked"),
    ("en", "Russia attacked Ukraine before dawn.", "attacked"),
    ("es", "La guerrilla atacó a las fuerzas del gobierno en el Cauca.", "atacó"),
])
def test_the_state_and_its_forces_attacked_make_a_battle(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    assert event_on(pipeline, lang, text, trigger).acled_sub_event_type == "Armed clash"


@pytest.mark.parametrize(("lang", "text", "trigger", "actor_id"), [
    ("en", "Government forces shelled the town overnight.", "shelled", "gen-military"),
    ("en", "Anti-government protesters marched in the capital.", "marched", "gen-protesters"),
    ("en", "Anti-government groups attacked a checkpoint.", "attacked", "gen-rebels"),
    ("es", "Grupos antigubernamentales atacaron la base.", "atacaron", "gen-rebels"),
    ("pt", "Forças antigovernamentais atacaram a base.", "atacaram", "gen-rebels"),
    ("en", "Rebel leaders signed the deal.", "signed", "gen-rebels"),
])
def test_the_head_noun_after_a_sector_word_says_who_they_are(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor_id: str
) -> None:
    assert [a.actor_id for a in event_on(pipeline, lang, text, trigger).actors] == [actor_id]


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("es", "Los expertos no descartan que la milicia ataque el puerto.", "ataque"),
    ("en", "The army did not deny reports that soldiers had killed two herders.", "killed"),
])
def test_a_denial_that_is_itself_negated_denies_nothing(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    assert "negated" not in flags_of(pipeline, lang, text, trigger)


@pytest.mark.parametrize(("lang", "text", "trigger", "actor_id"), [
    ("en", "A Russian missile hit a school in Odesa on Monday, killing four people.", "missile", "mil-ru"),
    ("en", "Israeli tank fire killed three people in Rafah, medics said.", "tank", "mil-il"),
    ("pt", "Drones ucranianos atingiram uma refinaria na região de Rostov.", "drones", "mil-ua"),
    ("es", "Los bombardeos rusos destruyeron un hospital en Járkov.", "bombardeos", "mil-ru"),
])
def test_a_demonym_beside_a_weapon_names_the_countrys_forces(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor_id: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [a.actor_id for a in event.actors] == [actor_id]
    assert event.actors[0].rule == "actors:weapon-owner"


def test_a_named_attacker_outranks_the_weapons_origin(pipeline: Pipeline) -> None:
    event = event_on(pipeline, "en", "Houthi rebels fired an Iranian missile at the port.", "missile")
    assert "mil-ir" not in [a.actor_id for a in event.actors]


@pytest.mark.parametrize(("lang", "text", "trigger", "actor_id"), [
    ("en", "Moscow denied that its forces had struck a hospital in Kharkiv.", "denied", "gov-ru"),
    ("en", "Washington froze the assets of three officers.", "froze", "gov-us"),
    ("en", "Beijing condemned the visit by the delegation.", "condemned", "gov-cn"),
    ("pt", "Brasília criticou as novas sanções contra o país.", "criticou", "gov-br"),
])
def test_a_capital_standing_for_its_government_acts(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor_id: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [a.actor_id for a in event.actors] == [actor_id]
    assert event.actors[0].rule == "actors:seat"


def test_a_city_where_something_happens_acts_for_nobody(pipeline: Pipeline) -> None:
    event = event_on(pipeline, "en", "In Moscow, police detained twelve protesters.", "detained")
    assert "gov-ru" not in [a.actor_id for a in event.actors]


@pytest.mark.parametrize(("lang", "text", "trigger", "plover", "sub"), [
    ("es", "Las disidencias liberaron a un policía que tenían en su poder.", "liberaron", "RETREAT", None),
    ("es", "El ELN entregó a los tres soldados a la Defensoría del Pueblo.", "entregó", "RETREAT", None),
    ("es", "Alias 'Otoniel' fue capturado por el Ejército en Necoclí.", "capturado", "COERCE", "Arrests"),
    ("es", "El cabecilla del Clan del Golfo fue capturado por la Policía en Tumaco.", "capturado", "COERCE", None),
    ("es", "La ciudad fue capturada por los rebeldes.", "capturada", "ASSAULT",
     "Non-state actor overtakes territory"),
    ("pt", "A vila de Mbau foi ocupada pelos insurgentes no sábado.", "ocupada", "ASSAULT",
     "Non-state actor overtakes territory"),
    ("es", "El Ejército liberó la ciudad tras tres días de combates.", "liberó", "ASSAULT",
     "Government regains territory"),
])
def test_people_freed_handed_over_or_captured_are_no_territory(
    pipeline: Pipeline, lang: str, text: str, trigger: str, plover: str, sub: str | None
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert event.plover_type == plover
    if sub is not None:  # an ordinary arrest may carry no ACLED type; it must never be territory
        assert event.acled_sub_event_type == sub
    assert "territory" not in (event.acled_sub_event_type or "") or plover == "ASSAULT"


@pytest.mark.parametrize(("lang", "text"), [
    ("pt", "Os rebeldes retomaram os ataques contra aldeias no norte."),
    ("es", "Los rebeldes retomaron los ataques contra la base."),
])
def test_resuming_attacks_is_attacking_not_retaking(pipeline: Pipeline, lang: str, text: str) -> None:
    events = analyse(pipeline, text, lang).events
    assert [(e.plover_type, [a.actor_id for a in e.actors]) for e in events] == [("ASSAULT", ["gen-rebels"])]
    assert events[0].acled_event_type != "Battles" or events[0].acled_sub_event_type == "Armed clash"


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("es", "Los familiares de los detenidos protestaron frente a la cárcel.", "detenidos"),
    ("es", "Acusaron a la policía de torturar a detenidos en Guayaquil.", "detenidos"),
    ("es", "El detenido fue trasladado a Bogotá.", "detenido"),
    ("pt", "Os sequestrados foram libertados no domingo.", "sequestrados"),
])
def test_a_participle_used_as_a_noun_names_people_held_not_a_new_deed(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    assert "+background" in event_on(pipeline, lang, text, trigger).rule


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("es", "La protesta dejó seis detenidos en Quito.", "detenidos"),
    ("es", "Los detenidos ayer por la policía fueron liberados.", "detenidos"),
])
def test_a_count_or_an_agent_keeps_the_arrest_told(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    assert "+background" not in event_on(pipeline, lang, text, trigger).rule


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "Ten years after the massacre of 43 students, families gathered to demand answers.", "massacre"),
    ("en", "Five years after the bombing of the port, families are still waiting for justice.", "bombing"),
    ("es", "Diez años después de la masacre, las familias siguen esperando justicia.", "masacre"),
    ("es", "Se cumplen diez años de la masacre de Ayotzinapa.", "masacre"),
    ("pt", "O assassinato da vereadora completa seis anos nesta quinta-feira.", "assassinato"),
    ("en", "The country marked thirty years since the genocide in which some 800,000 people were killed.",
     "killed"),
])
def test_an_anniversary_or_a_span_of_years_since_dates_the_deed_in_the_past(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    assert "historical" in flags_of(pipeline, lang, text, trigger)


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "Two hours after the attack, police arrived at the scene.", "attack"),
    ("en", "Gunmen killed five people on Monday, two years after a truce was signed.", "killed"),
])
def test_hours_later_or_a_deed_before_the_span_stay_news(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    assert "historical" not in flags_of(pipeline, lang, text, trigger)


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Un choque entre un autobús y un tráiler dejó 18 muertos en la autopista."),
    ("pt", "Um choque entre dois ônibus deixou 10 mortos na rodovia."),
    ("es", "El brote de dengue ha dejado 45 muertos en Honduras."),
    ("pt", "A dengue já matou mais de 200 pessoas no estado de Minas Gerais este ano."),
    ("en", "The cholera outbreak has killed 40 people in the province."),
])
def test_crashes_and_epidemics_kill_without_violence(pipeline: Pipeline, lang: str, text: str) -> None:
    assert not [e for e in analyse(pipeline, text, lang).events if e.plover_type == "ASSAULT"]


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Un choque entre policías y manifestantes dejó tres heridos."),
    ("en", "Gunmen killed 12 people in the town amid a cholera outbreak."),
    ("pt", "Um ataque com minas matou 12 soldados em Cabo Delgado durante o surto de cólera."),
])
def test_a_clash_of_people_or_armed_killers_stay_violence(pipeline: Pipeline, lang: str, text: str) -> None:
    events = analyse(pipeline, text, lang).events
    assert any(e.plover_type in ("ASSAULT", "PROTEST") and e.acled_event_type for e in events)


@pytest.mark.parametrize(("lang", "text", "words"), [
    ("es", "El Gobierno decretó toque de queda por la ola de violencia.", "ola de violencia"),
    ("pt", "O prefeito pediu reforços diante da onda de violência.", "onda de violência"),
    ("en", "The mayor asked for reinforcements after a wave of violence.", "wave of violence"),
])
def test_a_wave_of_violence_is_a_trend_not_an_acled_event(pipeline: Pipeline, lang: str, text: str, words: str) -> None:
    article = analyse(pipeline, text, lang)
    trend = [e for e in article.events if e.trigger.text(article.text) == words]
    assert trend and trend[0].acled_event_type is None


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The country has received hundreds of drones from its ally."),
    ("en", "The drone industry produced a million drones last year."),
    ("en", "Workers at the mine went on strike on Monday."),
    ("es", "Irán suministró drones a Rusia."),
    ("pt", "O Irã forneceu drones à Rússia."),
])
def test_weapons_traded_made_or_worked_in_are_no_strike(pipeline: Pipeline, lang: str, text: str) -> None:
    assert not [e for e in analyse(pipeline, text, lang).events if e.plover_type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "A soldier was killed when he stepped on a mine near the border.",
    "Russia launched hundreds of drones at Kyiv overnight.",
])
def test_mines_that_explode_and_drones_launched_stay_attacks(pipeline: Pipeline, text: str) -> None:
    assert any(e.acled_event_type == "Explosions/Remote violence" for e in analyse(pipeline, text, "en").events)


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "Aid finally reached the besieged town on Wednesday.", "besieged"),
    ("en", "The Red Cross evacuated 300 wounded civilians from the port.", "wounded"),
    ("es", "La ayuda llegó a la ciudad sitiada.", "sitiada"),
    ("pt", "Os civis feridos foram levados para o hospital.", "feridos"),
])
def test_a_participle_of_harm_describing_people_or_a_place_is_a_state(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert event.acled_event_type is None and "+background" in event.rule


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "Two soldiers were wounded in the attack.", "wounded"),
    ("en", "Rebels besieged the city for three months.", "besieged"),
    ("es", "Tres civiles heridos en el ataque fueron trasladados al hospital.", "heridos"),
])
def test_harm_told_as_a_deed_stays_an_assault(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    assert event_on(pipeline, lang, text, trigger).acled_event_type is not None


@pytest.mark.parametrize(("lang", "text", "trigger", "actor_id"), [
    ("pt", "Uma operação policial deixou quatro mortos na Rocinha.", "operação", "gen-police"),
    ("pt", "Uma operação da Polícia Militar no Complexo da Maré deixou seis mortos.", "operação", "gen-police"),
    ("es", "Un operativo de la Policía en Rosario dejó tres muertos.", "operativo", "gen-police"),
])
def test_the_force_that_runs_a_deadly_operation_is_its_actor(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor_id: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert event.plover_type == "ASSAULT"
    assert [a.actor_id for a in event.actors][:1] in ([actor_id], ["pol-br"], ["pol-ar"])


@pytest.mark.parametrize(("lang", "text", "trigger", "actor", "victim"), [
    ("pt", "Dois polícias foram mortos a tiro por desconhecidos em Luanda.", "mortos", "desconhecidos", "polícias"),
    ("es", "Un comerciante fue asesinado a balazos por sicarios en Acapulco.", "asesinado", "sicarios", "comerciante"),
    ("pt", "Cinco soldados foram mortos por insurgentes numa emboscada em Macomia.", "emboscada", "insurgentes",
     "soldados"),
])
def test_killed_by_gunfire_or_in_an_ambush_keeps_victims_and_killers(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor: str, victim: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [a.text for a in event.actors] == [actor]
    assert victim in [r.text for r in event.recipients]


@pytest.mark.parametrize(("text", "trigger", "plover"), [
    ("Pakistan moved additional troops to its border.", "moved", "MOBILIZE"),
    ("The junta ordered the French ambassador to leave within 48 hours.", "ordered", "SANCTION"),
])
def test_troops_moved_and_envoys_ordered_out(pipeline: Pipeline, text: str, trigger: str, plover: str) -> None:
    assert event_on(pipeline, "en", text, trigger).plover_type == plover


def test_a_company_that_moves_its_offices_mobilises_nothing(pipeline: Pipeline) -> None:
    assert not analyse(pipeline, "The company moved its headquarters to Dubai.", "en").events


@pytest.mark.parametrize(("text", "trigger", "sub"), [
    ("Hombres armados desaparecieron a cinco jóvenes en Jalisco.", "desaparecieron", "Abduction/forced disappearance"),
    ("Presuntos miembros del ELN dinamitaron un tramo del oleoducto.", "dinamitaron", "Remote explosive/landmine/IED"),
])
def test_forced_disappearance_and_dynamiting(pipeline: Pipeline, text: str, trigger: str, sub: str) -> None:
    assert event_on(pipeline, "es", text, trigger).acled_sub_event_type == sub


def test_people_who_go_missing_are_no_abduction(pipeline: Pipeline) -> None:
    assert not analyse(pipeline, "Los jóvenes desaparecieron tras salir de una fiesta.", "es").events


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("pt", "Não foram registados feridos nem detenções durante a marcha.", "marcha"),
    ("es", "No hubo enfrentamientos durante la marcha.", "marcha"),
    ("en", "No one was hurt during the protest.", "protest"),
])
def test_a_negation_does_not_reach_into_a_time_adverbial(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    assert "negated" not in flags_of(pipeline, lang, text, trigger)


def test_harm_denied_before_the_adverbial_stays_negated(pipeline: Pipeline) -> None:
    assert "negated" in flags_of(pipeline, "es", "No hubo enfrentamientos durante la marcha.", "enfrentamientos")


@pytest.mark.parametrize(("lang", "text", "trigger", "ids"), [
    ("en", "Chadian and Nigerien troops launched a joint offensive against Boko Haram.", "offensive",
     ["mil-ne", "mil-td"]),
    ("en", "Russian and Syrian jets bombed rebel positions in Idlib.", "bombed", ["mil-sy", "mil-ru"]),
    ("es", "Tropas chadianas y nigerinas lanzaron una ofensiva contra Boko Haram.", "ofensiva", ["mil-td", "mil-ne"]),
])
def test_two_coordinated_demonyms_name_two_forces(
    pipeline: Pipeline, lang: str, text: str, trigger: str, ids: list[str]
) -> None:
    assert [a.actor_id for a in event_on(pipeline, lang, text, trigger).actors] == ids


def test_one_demonym_names_one_force(pipeline: Pipeline) -> None:
    assert [a.actor_id for a in event_on(pipeline, "en", "Iraqi troops attacked the town.", "attacked").actors] == [
        "mil-iq"]


@pytest.mark.parametrize("text", [
    "Russia shelled the plant overnight.",
    "Drones struck the power plant near the front.",
])
def test_shelling_or_striking_a_plant_is_no_industrial_accident(pipeline: Pipeline, text: str) -> None:
    assert any(e.acled_event_type == "Explosions/Remote violence" for e in analyse(pipeline, text, "en").events)


def test_a_blast_at_a_plant_with_no_weapon_stays_an_accident(pipeline: Pipeline) -> None:
    assert not analyse(pipeline, "An explosion at the chemical plant killed 12 workers.", "en").events


@pytest.mark.parametrize(("lang", "text", "trigger", "speaker"), [
    ("es", "Hombres armados asesinaron a dos campesinos en el Cauca, denunció la Defensoría del Pueblo.", "denunció",
     "Defensoría del Pueblo"),
    ("en", "Gunmen killed two farmers in the north, warned the governor.", "warned", "governor"),
    ("es", "Si el ELN no libera a los rehenes, no habrá diálogo, advirtió el presidente.", "advirtió", "presidente"),
])
def test_a_verbal_verb_that_closes_the_sentence_attributes_it(
    pipeline: Pipeline, lang: str, text: str, trigger: str, speaker: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [a.text for a in event.actors] == [speaker] and not event.recipients
    assert not event.flags


def test_the_report_before_the_attribution_is_the_news(pipeline: Pipeline) -> None:
    from wirewatch.stages.events import main_event

    text = "Hombres armados asesinaron a dos campesinos en el Cauca, denunció la Defensoría del Pueblo."
    main = main_event(analyse(pipeline, text, "es").events, view="plover")
    assert main is not None and main.plover_type == "ASSAULT"


@pytest.mark.parametrize(("lang", "text", "trigger", "actor_id"), [
    ("es", "Los obispos de Colombia pidieron al ELN liberar a los rehenes.", "pidieron", "gen-religious"),
    ("es", "Los campesinos de Colombia marcharon a Bogotá.", "marcharon", "gen-civilians"),
    ("en", "The farmers of Ukraine protested in Kyiv.", "protested", "gen-civilians"),
    ("es", "El Gobierno de Colombia anunció un cese al fuego.", "cese", "gov-co"),
])
def test_a_group_of_a_country_is_that_group_not_its_government(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor_id: str
) -> None:
    assert [a.actor_id for a in event_on(pipeline, lang, text, trigger).actors][:1] == [actor_id]


@pytest.mark.parametrize(("lang", "text"), [
    ("pt", "O Hamas atacou o sul de Israel."),
    ("es", "Hamás lanzó cohetes contra Israel."),
    ("pt", "A oposição criticou o governo na Câmara."),
])
def test_an_armed_group_or_a_chamber_is_no_town(pipeline: Pipeline, lang: str, text: str) -> None:
    article = analyse(pipeline, text, lang)
    assert [p.country for p in article.places] in ([], ["IL"])


@pytest.mark.parametrize(("text", "actor", "sub"), [
    ("The bombing of a wedding party in Helmand by coalition aircraft killed 17 civilians.", "coalition aircraft",
     "Air/drone strike"),
    ("The bombing of a mosque in Helmand by the Taliban killed 17 worshippers.", "Taliban",
     "Remote explosive/landmine/IED"),
])
def test_a_place_inside_the_object_does_not_cut_the_nouns_agent(
    pipeline: Pipeline, text: str, actor: str, sub: str
) -> None:
    event = event_on(pipeline, "en", text, "bombing")
    assert [a.text for a in event.actors] == [actor]
    assert event.acled_sub_event_type == sub


@pytest.mark.parametrize(("text", "actor_id"), [
    ("A PSP deteve 12 adeptos no Porto.", "psp-portugal"),
    ("A GNR prendeu dois suspeitos em Braga.", "gnr-portugal"),
    ("A PRM deteve 20 manifestantes em Maputo.", "prm-mozambique"),
    ("A Polícia Nacional de Angola deteve 20 manifestantes em Luanda.", "pol-ao"),
])
def test_lusophone_police_forces_are_named(pipeline: Pipeline, text: str, actor_id: str) -> None:
    event = next(e for e in analyse(pipeline, text, "pt").events if e.plover_type == "COERCE")
    assert [a.actor_id for a in event.actors] == [actor_id]


@pytest.mark.parametrize(("lang", "text", "future"), [
    ("pt", "Mil militares vão ser enviados para Cabo Delgado.", True),
    ("en", "More soldiers will be sent to the border.", True),
    ("en", "More soldiers were sent to the border.", False),
])
def test_an_auxiliary_inside_a_gapped_trigger_dates_it(pipeline: Pipeline, lang: str, text: str, future: bool) -> None:
    event = next(e for e in analyse(pipeline, text, lang).events if e.plover_type == "MOBILIZE")
    assert ("future" in event.flags) is future


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("pt", "O PCC promete atacar policiais.", "promete"),
    ("es", "El cártel prometió atacar a los policías.", "prometió"),
    ("en", "The gang vowed to attack police officers.", "vowed"),
])
def test_a_promise_of_violence_is_a_threat(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert (event.plover_type, event.acled_event_type) == ("THREATEN", None)


def test_a_promise_of_help_stays_a_promise(pipeline: Pipeline) -> None:
    assert event_on(pipeline, "pt", "O governo promete reconstruir as escolas.", "promete").plover_type == "AGREE"


@pytest.mark.parametrize(("lang", "text"), [
    ("pt", "A PM reprimiu com violência um protesto de estudantes em São Paulo."),
    ("es", "La policía reprimió violentamente una marcha de estudiantes."),
])
def test_violent_repression_is_force_on_a_protest_not_a_riot(pipeline: Pipeline, lang: str, text: str) -> None:
    subs = {e.acled_sub_event_type for e in analyse(pipeline, text, lang).events}
    assert "Protest with intervention" in subs and "Violent demonstration" not in subs


def test_protesters_throwing_stones_at_the_police_still_riot(pipeline: Pipeline) -> None:
    text = "Os manifestantes atiraram pedras contra a polícia, que reprimiu o protesto."
    assert "Violent demonstration" in {e.acled_sub_event_type for e in analyse(pipeline, text, "pt").events}


def test_the_members_of_a_named_group_act_for_it_in_both_verbs(pipeline: Pipeline) -> None:
    text = "Os militares do M23 avançaram sobre Goma e assumiram o controlo do aeroporto."
    event = event_on(pipeline, "pt", text, "assumiram")
    assert [a.actor_id for a in event.actors] == ["m23"]
    assert event.acled_sub_event_type == "Non-state actor overtakes territory"


@pytest.mark.parametrize(("lang", "text", "trigger", "actor_id"), [
    ("es", "Colectivos feministas marcharán el próximo sábado hacia el Zócalo.", "marcharán", "gen-protesters"),
    ("es", "Los colectivos atacaron a los manifestantes en Caracas.", "atacaron", "colectivos"),
    ("es", "La diputada renunció a su cargo.", "renunció", "gen-legislature"),
    ("es", "El ministro de Hacienda criticó al banco central.", "criticó", "gen-government"),
])
def test_civil_collectives_lawmakers_and_ministries_are_who_they_say(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor_id: str
) -> None:
    ids = [a.actor_id for a in event_on(pipeline, lang, text, trigger).actors]
    assert ids[:1] == [actor_id]


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("es", "El ELN reivindicó el atentado con explosivos contra el oleoducto.", "atentado"),
    ("pt", "Um atentado com explosivos destruiu a ponte.", "atentado"),
])
def test_an_attack_with_explosives_is_an_explosive_device(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    assert event_on(pipeline, lang, text, trigger).acled_sub_event_type == "Remote explosive/landmine/IED"


def test_a_ground_assault_with_explosives_and_rifles_on_police_is_a_battle(pipeline: Pipeline) -> None:
    text = "Un ataque con explosivos y fusiles contra la estación de policía dejó dos agentes muertos."
    assert event_on(pipeline, "es", text, "ataque").acled_sub_event_type == "Armed clash"


@pytest.mark.parametrize(("text", "trigger", "sub"), [
    ("A Turkish drone strike killed two fighters in the north.", "killed", "Air/drone strike"),
    ("Two police officers were wounded when a roadside bomb planted by militants detonated.", "wounded",
     "Remote explosive/landmine/IED"),
])
def test_a_death_or_wound_an_explosion_causes_is_that_explosion(
    pipeline: Pipeline, text: str, trigger: str, sub: str
) -> None:
    assert event_on(pipeline, "en", text, trigger).acled_sub_event_type == sub


def test_wounds_from_force_on_a_crowd_stay_excessive_force(pipeline: Pipeline) -> None:
    text = "Dozens of protesters were injured when police fired tear gas at the march."
    subs = {e.acled_sub_event_type for e in analyse(pipeline, text, "en").events}
    assert "Excessive force against protesters" in subs
