"""ACLED-view rule tests (issue 4): sub-event choice, crosswalk refinements and the main event, on the team's own
sentences in English, Spanish and Portuguese."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from wirewatch.nlp import make_doc, sentence_spans
from wirewatch.pipeline import article_from_text
from wirewatch.records import Event
from wirewatch.stages.events import EventsStage, main_event
from wirewatch.taxonomy import acled_for

PUBLISHED = datetime(2024, 5, 20, tzinfo=UTC)


@pytest.fixture(scope="module")
def stage() -> EventsStage:
    return EventsStage()


def events(stage: EventsStage, text: str, lang: str) -> list[Event]:
    article = article_from_text(text, lang=lang, published=PUBLISHED)
    doc = make_doc(article.text, lang)
    article = dataclasses.replace(article, sentences=sentence_spans(doc), stages=("sentences",))
    return stage.events(article, doc)


def main_sub(stage: EventsStage, text: str, lang: str) -> str | None:
    ev = main_event(events(stage, text, lang))
    return ev.acled_sub_event_type if ev is not None else None


@pytest.mark.parametrize(
    ("lang", "text", "sub"),
    [
        # bases named in the plural or before a passive verb
        ("en", "Foreign troops have set up two new bases near the river crossing.", "Headquarters or base established"),
        ("en", "Three new outposts were established by the army along the ridge.", "Headquarters or base established"),
        ("es", "Las tropas instalaron dos nuevas bases cerca del paso fronterizo.", "Headquarters or base established"),
        ("es", "Dos cuarteles fueron levantados por el ejército junto a la vía.", "Headquarters or base established"),
        ("pt", "As tropas montaram duas novas bases perto da travessia do rio.", "Headquarters or base established"),
        ("pt", "Dois postos foram instalados pelo exército ao longo da estrada.", "Headquarters or base established"),
        # reinforcements, new armed units, recruitment: a change to the group or its activity
        ("en", "The army reinforced its positions along the northern front.", "Change to group/activity"),
        ("es", "El ejército reforzó sus posiciones en el frente norte.", "Change to group/activity"),
        ("pt", "O exército reforçou as suas posições na frente norte.", "Change to group/activity"),
        ("en", "Local leaders formed a new militia in the hills last week.", "Change to group/activity"),
        ("es", "Los líderes locales formaron una nueva milicia en la sierra.", "Change to group/activity"),
        ("pt", "Os líderes locais formaram uma nova milícia na serra.", "Change to group/activity"),
    ],
)
def test_strategic_development_forms(stage: EventsStage, lang: str, text: str, sub: str) -> None:
    assert main_sub(stage, text, lang) == sub


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen attacked an army checkpoint on the edge of the town."),
        ("es", "Hombres armados atacaron un retén militar a la entrada del pueblo."),
        ("pt", "Homens armados atacaram um comboio militar na estrada para a vila."),
    ],
)
def test_assault_on_military_target_is_a_battle(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) == "Armed clash"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen attacked a hotel in Nigeria, killing nine guests."),
        ("es", "Hombres armados atacaron un hotel en Nigeria y mataron a nueve huéspedes."),
        ("pt", "Homens armados atacaram um hotel na Nigéria e mataram nove hóspedes."),
    ],
)
def test_country_after_locative_is_no_recipient(stage: EventsStage, lang: str, text: str) -> None:
    evs = events(stage, text, lang)
    assert all(r.actor_type != "state" for e in evs for r in e.recipients)
    assert main_sub(stage, text, lang) == "Attack"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Soldiers detained twelve men in overnight raids across the province."),
        ("es", "Los soldados detuvieron a doce hombres en incursiones nocturnas en la provincia."),
        ("pt", "Os soldados detiveram doze homens em incursões noturnas na província."),
    ],
)
def test_raid_with_arrests_is_an_arrest(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) == "Arrests"


def test_militant_raid_stays_an_attack(stage: EventsStage) -> None:
    assert main_sub(stage, "Militants raided a village and killed five farmers.", "en") == "Attack"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Soldiers detained four men in the occupied territories on Monday."),
        ("es", "Los soldados detuvieron a cuatro hombres en los territorios ocupados."),
        ("pt", "Os soldados detiveram quatro homens nos territórios ocupados."),
    ],
)
def test_occupied_place_is_not_an_event(stage: EventsStage, lang: str, text: str) -> None:
    subs = {e.acled_sub_event_type for e in events(stage, text, lang)}
    assert "Non-state actor overtakes territory" not in subs and "Government regains territory" not in subs
    assert main_sub(stage, text, lang) == "Arrests"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Air Force destroyed a convoy of rebel vehicles near the village."),
        ("es", "La Fuerza Aérea destruyó un convoy de vehículos rebeldes cerca del pueblo."),
        ("pt", "A Força Aérea destruiu um comboio de veículos rebeldes perto da aldeia."),
    ],
)
def test_air_force_destroying_is_an_air_strike(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) == "Air/drone strike"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Two kamikazes blew themselves up outside the market, killing six people."),
        ("es", "Dos atacantes se hicieron estallar frente al mercado y mataron a seis personas."),
        ("pt", "Dois homens-bomba se explodiram diante do mercado e mataram seis pessoas."),
    ],
)
def test_suicide_attack_without_the_word_suicide(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) == "Suicide bomb"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A propane cylinder exploded in a restaurant kitchen, injuring three workers."),
        ("es", "Un cilindro de propano explotó en la cocina de un restaurante y hirió a tres empleados."),
        ("pt", "Um botijão de propano explodiu na cozinha de um restaurante e feriu três funcionários."),
    ],
)
def test_industrial_accident_is_no_acled_event(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Protesters marched on the ministry and the rally descended into violence."),
        ("es", "Los manifestantes marcharon hacia el ministerio y la protesta terminó en violencia."),
        ("pt", "Os manifestantes marcharam até o ministério e o protesto terminou em violência."),
    ],
)
def test_protest_turned_violent_is_a_riot(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) == "Violent demonstration"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The two sides agreed a ceasefire after the heaviest fighting in years."),
        ("es", "Las dos partes acordaron un alto el fuego tras los combates más intensos en años."),
        ("pt", "As duas partes acordaram um cessar-fogo após os combates mais intensos em anos."),
    ],
)
def test_fighting_before_an_agreement_is_background(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) == "Agreement"


@pytest.mark.parametrize(
    ("lang", "text", "sub"),
    [
        # the lede's event, not the more specific one in a later sentence of context
        (
            "en",
            "Rebels seized the town of Kalema on Sunday. Last month an air strike hit the market there.",
            "Non-state actor overtakes territory",
        ),
        # a generic lede assault refined by how it was done
        ("en", "Attacks were launched on several villages on Friday night. Most of them used grenades.", "Grenade"),
        ("es", "Varios pueblos sufrieron ataques el viernes por la noche. La mayoría se hizo con granadas.", "Grenade"),
        ("pt", "Várias aldeias sofreram ataques na sexta à noite. A maioria foi feita com granadas.", "Grenade"),
    ],
)
def test_main_event_is_the_ledes(stage: EventsStage, lang: str, text: str, sub: str) -> None:
    assert main_sub(stage, text, lang) == sub


def test_deployment_is_no_acled_event() -> None:
    """Routine deployments are not ACLED events; reinforcing positions (hint "change") is."""
    assert acled_for("MOBILIZE", "troops", None, ["state"], []) is None
    code = acled_for("MOBILIZE", "troops", "change", ["state"], [])
    assert code is not None and code.sub_event_type == "Change to group/activity"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Rebels took control of the town without resistance on Sunday."),
        ("en", "Rebel fighters took control of the town after government troops pulled out."),
        ("es", "Los rebeldes tomaron el control del pueblo sin resistencia el domingo."),
        ("es", "Los rebeldes tomaron el pueblo después de que el ejército se retirara."),
        ("pt", "Os rebeldes tomaram o controle da cidade sem resistência no domingo."),
        ("pt", "Os rebeldes tomaram a cidade depois que o exército se retirou."),
    ],
)
def test_unopposed_takeover_is_a_transfer(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) == "Non-violent transfer of territory"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Police officers attacked a peaceful student demonstration outside the university."),
        ("es", "Los policías atacaron una manifestación estudiantil pacífica frente a la universidad."),
        ("pt", "Os policiais atacaram uma manifestação estudantil pacífica em frente à universidade."),
    ],
)
def test_state_force_on_a_protest_is_excessive(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) == "Excessive force against protesters"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Thousands of peaceful protesters marched through the capital, condemning violent rhetoric."),
        ("es", "Miles de manifestantes pacíficos marcharon por la capital y condenaron los discursos violentos."),
        ("pt", "Milhares de manifestantes pacíficos marcharam pela capital e condenaram os discursos violentos."),
    ],
)
def test_peaceful_crowd_is_not_a_riot(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) == "Peaceful protest"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The government carried out two ballistic missile tests on Monday, the ministry said."),
        ("es", "El gobierno realizó dos pruebas de misiles balísticos el lunes, dijo el ministerio."),
        ("pt", "O governo realizou dois testes de mísseis balísticos na segunda-feira, disse o ministério."),
    ],
)
def test_weapon_test_is_no_attack(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Ten workers died when a chemical plant exploded near the port."),
        ("es", "Diez trabajadores murieron cuando explotó una planta química cerca del puerto."),
        ("pt", "Dez trabalhadores morreram quando uma fábrica de produtos químicos explodiu perto do porto."),
        ("en", "A strong earthquake struck villages in Nepal and India, killing hundreds of people."),
    ],
)
def test_accidents_and_disasters_are_no_assault(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) is None


def test_car_bomb_outside_a_factory_is_still_a_bombing(stage: EventsStage) -> None:
    text = "A car bomb exploded outside a factory, killing four people."
    assert main_sub(stage, text, "en") == "Remote explosive/landmine/IED"


def test_crowd_noun_protest_is_the_last_resort(stage: EventsStage) -> None:
    text = "Activists say the army set up two new bases in the valley on Monday."
    assert main_sub(stage, text, "en") == "Headquarters or base established"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Norway will provide emergency food aid to the refugees, the ministry said."),
        ("es", "Noruega proporcionará ayuda alimentaria de emergencia a los refugiados, dijo el ministerio."),
        ("pt", "A Noruega vai fornecer ajuda alimentar de emergência aos refugiados, disse o ministério."),
    ],
)
def test_aid_announced_for_later_is_a_promise(stage: EventsStage, lang: str, text: str) -> None:
    evs = events(stage, text, lang)
    ev = main_event(evs, view="plover")
    assert ev is not None and ev.plover_type == "AGREE" and not ev.future
    assert ev.acled_sub_event_type is None  # a pledge of aid is no ACLED agreement


@pytest.mark.parametrize(
    ("lang", "text", "sub"),
    [
        ("en", "GUNMEN ATTACK HOTEL IN THE CAPITAL, KILLING NINE GUESTS", "Attack"),
        # noun triggers: the lookup lemmatiser does not know capitalised verb forms ("ATACAN")
        ("es", "ATAQUE CONTRA UN HOTEL EN LA CAPITAL DEJA NUEVE MUERTOS", "Attack"),
        ("pt", "Ataque Contra Hotel Na Capital Deixa Nove Mortos", "Attack"),
    ],
)
def test_headline_capitals_do_not_hide_triggers(stage: EventsStage, lang: str, text: str, sub: str) -> None:
    assert main_sub(stage, text, lang) == sub


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The rebels suffered heavy losses in raids by army helicopters."),
        ("es", "Los rebeldes sufrieron fuertes pérdidas en incursiones de helicópteros del ejército."),
        ("pt", "Os rebeldes sofreram pesadas perdas em incursões de helicópteros do exército."),
    ],
)
def test_raid_by_aircraft_is_an_air_strike(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) == "Air/drone strike"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A member of the Storm Brigade was killed in a bomb blast near the border."),
        ("es", "Un miembro de la Brigada Tormenta murió en la explosión de una bomba cerca de la frontera."),
        ("pt", "Um membro da Brigada Tempestade morreu na explosão de uma bomba perto da fronteira."),
    ],
)
def test_disaster_word_inside_a_name_is_no_disaster(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Rioters set fire on a street in the city centre after the match."),
        ("es", "Los alborotadores prendieron fuego a un autobús en el centro tras el partido."),
        ("pt", "Os desordeiros tocaram fogo em um ônibus no centro depois do jogo."),
    ],
)
def test_rioters_setting_fire(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) == "Violent demonstration"


def test_base_named_after_an_assault_is_its_target(stage: EventsStage) -> None:
    text = "Militants attacked a military base in the north on Monday."
    assert main_sub(stage, text, "en") == "Armed clash"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The coalition tasked with fighting the militants withdrew from the base."),
        ("es", "La coalición encargada de combatir a los milicianos se retiró de la base."),
        ("pt", "A coalizão encarregada de combater os milicianos retirou-se da base."),
    ],
)
def test_a_campaign_named_is_no_battle(stage: EventsStage, lang: str, text: str) -> None:
    subs = {e.acled_sub_event_type for e in events(stage, text, lang)}
    assert "Armed clash" not in subs


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        ("en", "The army units were ready to launch the assault on the town.", "assault"),
        ("es", "Las tropas estaban listas para lanzar el asalto contra el pueblo.", "asalto"),
        ("pt", "As tropas estavam prontas para lançar o assalto contra a cidade.", "assalto"),
    ],
)
def test_readiness_is_future(stage: EventsStage, lang: str, text: str, trigger: str) -> None:
    evs = [e for e in events(stage, text, lang) if e.sentence and trigger in text[e.trigger.start : e.trigger.end]]
    assert evs and all(e.future for e in evs)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Hundreds of fans confronted police outside the stadium, throwing stones at officers."),
        ("es", "Cientos de manifestantes se enfrentaron a la policía frente al estadio, lanzando piedras."),
        ("pt", "Centenas de manifestantes enfrentaram a polícia diante do estádio, atirando pedras."),
    ],
)
def test_crowd_throwing_stones_is_a_riot(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) in ("Violent demonstration", "Mob violence")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Six rangers were killed on Sunday in a tank attack on their post."),
        ("es", "Seis guardabosques murieron el domingo en un ataque con tanques contra su puesto."),
        ("pt", "Seis guardas morreram no domingo num ataque com tanques contra o seu posto."),
    ],
)
def test_tank_fire_is_shelling(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) == "Shelling/artillery/missile attack"


def test_headline_disaster_is_no_assault(stage: EventsStage) -> None:
    assert main_sub(stage, "Earthquake Death Toll Rises Above 2,000 In Mountain Region", "en") is None


@pytest.mark.parametrize(
    ("lang", "goods", "weapons"),
    [
        (
            "en",
            "Police seized three tonnes of cocaine at the port.",
            "Soldiers seized rifles and ammunition at the camp.",
        ),
        (
            "es",
            "La policía incautó tres toneladas de cocaína en el puerto.",
            "El ejército incautó fusiles y municiones.",
        ),
        ("pt", "A polícia apreendeu três toneladas de cocaína no porto.", "O exército apreendeu fuzis e munições."),
    ],
)
def test_seizing_goods_is_crime_not_war(stage: EventsStage, lang: str, goods: str, weapons: str) -> None:
    ev = main_event(events(stage, goods, lang))
    assert ev is not None and ev.plover_type == "COERCE" and ev.acled_sub_event_type is None
    assert main_sub(stage, weapons, lang) == "Disrupted weapons use"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Insurgents attacked local militiamen near the market town on Friday."),
        ("es", "Los insurgentes atacaron a milicianos locales cerca del pueblo el viernes."),
        ("pt", "Os insurgentes atacaram milicianos locais perto da vila na sexta-feira."),
    ],
)
def test_militiamen_are_an_armed_side(stage: EventsStage, lang: str, text: str) -> None:
    assert main_sub(stage, text, lang) == "Armed clash"
