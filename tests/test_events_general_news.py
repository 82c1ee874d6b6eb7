"""General news read by mistake as conflict (issue 4, sixth session): business deals, court sentences, road
collisions, market rallies, raised profits and football wins. Real conflict controls stay. The team's own
sentences, in English, Spanish and Portuguese."""

from __future__ import annotations

import pytest

from events_support import analyse
from wirewatch.pipeline import Pipeline


def acled(pipeline: Pipeline, text: str, lang: str) -> list[str | None]:
    return [e.acled_sub_event_type for e in analyse(pipeline, text, lang).events if e.acled_sub_event_type]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The carmaker announced a deal with a battery supplier on Monday."),
    ("en", "Financial details of the deal were not disclosed."),
    ("es", "La empresa cerró un acuerdo con una cadena de supermercados."),
    ("pt", "A empresa fechou um acordo com uma rede de supermercados."),
])
def test_a_business_deal_is_no_acled_agreement(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "Agreement" not in acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The government signed a deal with the rebels on Monday."),
    ("en", "The two sides agreed a ceasefire after midnight."),
    ("es", "El Gobierno firmó un acuerdo con el ELN en La Habana."),
    ("pt", "O governo assinou um acordo de paz com os rebeldes."),
])
def test_a_deal_between_political_or_armed_sides_stays_an_agreement(
    pipeline: Pipeline, lang: str, text: str
) -> None:
    assert "Agreement" in acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The court sentenced the former mayor to six years in prison."),
    ("en", "The jury voted to convict the two bankers."),
    ("es", "El tribunal condenó a tres exfuncionarios a 20 años de prisión."),
    ("pt", "O juiz condenou o ex-prefeito a oito anos de prisão."),
])
def test_a_court_sentence_is_no_arrest(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "Arrests" not in acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El choque tuvo como protagonistas a un auto y una camioneta, que colisionaron de frente en la ruta."),
    ("es", "Un choque frontal entre dos camiones dejó tres muertos en la carretera."),
    ("pt", "Três carros colidiram na rodovia e duas pessoas morreram."),
    ("en", "Two buses collided head-on on the coast road, killing four people."),
])
def test_vehicles_colliding_are_no_clash(pipeline: Pipeline, lang: str, text: str) -> None:
    assert not acled(pipeline, text, lang)


@pytest.mark.parametrize("text", [
    "A rally in bank stocks lifted the index on Friday.",
    "The new model lifted quarterly profits by a fifth.",
    "The Netherlands clinched a place, while Austria qualified by beating North Macedonia.",
])
def test_markets_profits_and_football_are_no_events(pipeline: Pipeline, text: str) -> None:
    assert not analyse(pipeline, text, "en").events


@pytest.mark.parametrize(("lang", "text", "plover"), [
    # controls: the same words in their conflict sense
    ("en", "Serbia lifted a night curfew in the province on Sunday.", "CONCEDE"),
    ("en", "The rebels beat two villagers to death near the market.", "ASSAULT"),
    ("es", "Los manifestantes chocaron con la policía frente al Congreso.", "PROTEST"),
])
def test_the_conflict_senses_stay(pipeline: Pipeline, lang: str, text: str, plover: str) -> None:
    assert plover in [e.plover_type for e in analyse(pipeline, text, lang).events]


@pytest.mark.parametrize(("lang", "text"), [
    # an epidemic's deaths are counted, not inflicted
    ("en", "The new curbs come amid a surge that has broken records in cases, deaths and infections."),
    ("es", "El mapa muestra cómo avanza el COVID-19: número de casos, muertes y altas por regiones."),
    ("pt", "O estado registrou 300 mortes por dengue e milhares de casos nesta semana."),
    # shots that are injections or chances, wounds that are licked
    ("en", "Doctors want the agency to offer flu shots to everyone in its care."),
    ("en", "We lost to them, so we get another shot to play them in March."),
    ("en", "After licking his wounds for a month, the senator returned to the race."),
])
def test_epidemics_and_idioms_are_no_assault(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "ASSAULT" not in [e.plover_type for e in analyse(pipeline, text, lang).events]


def test_gunmen_at_a_clinic_in_an_epidemic_still_attack(pipeline: Pipeline) -> None:
    text = "Gunmen fired shots at a clinic treating Ebola patients in Kessa, killing a nurse."
    assert "ASSAULT" in [e.plover_type for e in analyse(pipeline, text, "en").events]


@pytest.mark.parametrize("text", [
    # to demonstrate is also to show; a rally is also a comeback or a market rise
    "The state can demonstrate ways to fight addiction, the governor said.",
    "The new bike demonstrated a level of speed nobody expected.",
    "The pair rallied to defeat the champions 6-7, 6-4, 7-5.",
    "Analysts are not expecting a broad-based rally this quarter.",
])
def test_showing_and_comebacks_are_no_protest(pipeline: Pipeline, text: str) -> None:
    assert "PROTEST" not in [e.plover_type for e in analyse(pipeline, text, "en").events]


@pytest.mark.parametrize("text", [
    "Thousands demonstrated in the capital against the new law.",
    "Students demonstrated outside the ministry on Friday.",
])
def test_demonstrators_still_protest(pipeline: Pipeline, text: str) -> None:
    assert "PROTEST" in [e.plover_type for e in analyse(pipeline, text, "en").events]


@pytest.mark.parametrize(("lang", "text"), [
    # fighting a disease, a fire or a social ill, and fights that are disputes
    ("en", "London has been fighting dirty air since the 14th century."),
    ("en", "The fight over a new justice heightened tensions in the chamber."),
    ("en", "The senator said the high court fight adds complexity to the debate."),
    ("es", "El plan detalla el enfrentamiento a la epidemia en la provincia."),
    ("pt", "O governo anunciou novas medidas de combate à pandemia."),
    # weapons named for combat, and detention as an institution
    ("es", "Los carros de combate desfilaron por la avenida principal."),
    ("en", "Cameras failed at the city detention center last month."),
    ("en", "Experts on jail suicide said the inmate should not have been moved."),
])
def test_fights_with_ills_and_institutions_are_no_events(pipeline: Pipeline, lang: str, text: str) -> None:
    kinds = [e.plover_type for e in analyse(pipeline, text, lang).events]
    assert not {"ASSAULT", "COERCE"} & set(kinds), kinds


@pytest.mark.parametrize("text", [
    "Rebels and soldiers fought over the town for three days.",
    "Troops battled the rebels near the fire station.",
    "Police arrested two men at the detention center gates.",
])
def test_real_fighting_and_arrests_stay(pipeline: Pipeline, text: str) -> None:
    assert {"ASSAULT", "COERCE"} & {e.plover_type for e in analyse(pipeline, text, "en").events}


@pytest.mark.parametrize(("lang", "text"), [
    # "took over" a job, goods "seized" at a border: nothing says a place was taken
    ("en", "After the adviser left the council, it was Morrison who took over."),
    ("en", "The figures concern drugs seized at the border crossings."),
    ("es", "La gente entrenaba en casa u ocupaba entrenadores personales virtuales."),
    # a standing description, farming, a job well done, baseball
    ("en", "The authority in the Israeli-occupied West Bank announced a two-week lockdown."),
    ("en", "The capital has turned into a gas chamber due to smoke from crop burning nearby."),
    ("en", "Some residents are burning fires for cooking and heating."),
    ("en", "The ending was short and incredibly well-executed."),
    ("es", "Juan Francisco había disparado seis jonrones en la temporada de béisbol."),
])
def test_no_place_taken_and_no_violence(pipeline: Pipeline, lang: str, text: str) -> None:
    kinds = [e.plover_type for e in analyse(pipeline, text, lang).events]
    assert "ASSAULT" not in kinds, kinds


@pytest.mark.parametrize(("lang", "text", "sub"), [
    ("en", "Rebels seized the town of Kessa on Monday.", "Non-state actor overtakes territory"),
    ("en", "The militants seized control of the district.", "Non-state actor overtakes territory"),
    ("es", "Los paramilitares tomaron el control del municipio.", "Non-state actor overtakes territory"),
    ("pt", "Os insurgentes ocuparam a vila de Namaua.", "Non-state actor overtakes territory"),
    ("en", "Rioters were burning cars in the city centre.", "Violent demonstration"),
    ("en", "The regime executed three prisoners on Tuesday.", "Attack"),
])
def test_places_taken_and_real_burning_stay(pipeline: Pipeline, lang: str, text: str, sub: str) -> None:
    assert sub in acled(pipeline, text, lang)


@pytest.mark.parametrize("text", [
    # impressions, remarkable looks, gadgets and football swaps
    "That struck me as different from the other calls I had heard.",
    "I am always struck by how committed our volunteers are.",
    "The electric coupe is arguably the most striking design yet.",
    "The new model is the ideal combination of a capable drone in a small package.",
    "The club knows a swap deal would not be easy.",
])
def test_impressions_gadgets_and_transfers_are_no_events(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in analyse(pipeline, text, "en").events if e.plover_type in ("ASSAULT", "AGREE")]


@pytest.mark.parametrize(("text", "sub"), [
    ("Velmorian drones had been striking army positions on the frontline.", "Air/drone strike"),
    ("Aircraft struck the airport at dawn.", "Air/drone strike"),
    ("The rebels swapped two hostages for three of their commanders.", "Agreement"),
])
def test_strikes_and_prisoner_swaps_stay(pipeline: Pipeline, text: str, sub: str) -> None:
    assert sub in acled(pipeline, text, "en")


def plover_types(pipeline: Pipeline, text: str, lang: str) -> list[str]:
    return [e.plover_type for e in analyse(pipeline, text, lang).events]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The ban on opposition rallies was lifted on Monday."),
    ("en", "The interior ministry banned protests in the capital for a month."),
    ("es", "El gobierno prohibió las marchas en el centro de la ciudad."),
    ("es", "Se levantó la prohibición de manifestaciones en la plaza."),
    ("pt", "O governo proibiu as manifestações na Esplanada."),
])
def test_a_banned_protest_is_no_protest_held(pipeline: Pipeline, lang: str, text: str) -> None:
    types = plover_types(pipeline, text, lang)
    assert "PROTEST" not in types, types


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Students defied the ban and marched to the palace."),
    ("es", "Pese a la prohibición, miles de personas marcharon en Lima."),
    ("pt", "Apesar da proibição, milhares de pessoas protestaram em Brasília."),
])
def test_a_protest_held_despite_a_ban_stays(pipeline: Pipeline, lang: str, text: str) -> None:
    events = analyse(pipeline, text, lang).events
    protest = next(e for e in events if e.plover_type == "PROTEST")
    # a sentence connective is no actor ("Pese", "Apesar")
    assert not any(a.text in ("Pese", "Apesar") for a in protest.actors)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Still, the fight has emerged as a galvanizing cause for the party's base."),
    ("en", "The league will fine the quarterback for his role in the fight."),
    ("es", "Ya teníamos la confianza de luchar contra los mejores."),
    ("pt", "A luta pelo primeiro lugar promete ser dura."),
])
def test_a_bare_fight_with_no_armed_side_or_place_is_no_event(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "ASSAULT" not in plover_types(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Heavy fighting broke out near Tripoli on Monday."),
    ("en", "The fighting lasted all night. Rebels attacked the army base at dawn."),
    ("es", "Los combates y la lucha por el control de la zona dejaron cuatro guerrilleros muertos."),
    ("pt", "A batalha pela cidade de Mueda continua."),
])
def test_a_fight_with_a_place_or_an_armed_side_in_the_article_stays(
    pipeline: Pipeline, lang: str, text: str
) -> None:
    assert "ASSAULT" in plover_types(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Australia beat Colombia in the Davis Cup on Sunday."),
    ("en", "Norway's October oil production beat forecasts."),
    ("en", "From behind bars in Belmarsh jail, he is preparing his defence."),
])
def test_sport_scores_and_the_jail_as_a_place_are_no_events(pipeline: Pipeline, lang: str, text: str) -> None:
    assert not plover_types(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Overall, the country has had 20,170 cases, including 87 deaths."),
    ("en", "The first coronavirus-related death in the county was confirmed on Saturday."),
    ("es", "El país suma 3.000 casos de covid y 45 muertes."),
    ("pt", "O estado registou 1.200 casos e 30 mortes desde março."),
])
def test_deaths_counted_beside_an_epidemic_are_no_assault(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "ASSAULT" not in plover_types(pipeline, text, lang)


def test_soldiers_killed_in_some_cases_are_still_killed(pipeline: Pipeline) -> None:
    assert "ASSAULT" in plover_types(pipeline, "In some cases, soldiers were killed by mines.", "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Organizers see it as a way of unifying the party's voters."),
    ("es", "Los organizadores del festival esperan a 20.000 personas."),
    ("pt", "Os organizadores do prémio divulgaram a lista de finalistas."),
])
def test_organisers_alone_make_no_protest(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "PROTEST" not in plover_types(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Banks must be able to recover from cyber-attacks, the central bank said."),
    ("es", "Los ataques informáticos contra el banco continúan."),
])
def test_attacks_on_computers_are_no_assault(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "ASSAULT" not in plover_types(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("es", "Los organizadores convocan una nueva marcha contra la reforma.", "marcha"),
    ("pt", "Os sindicatos convocam uma greve geral contra a reforma.", "greve"),
])
def test_a_protest_called_in_the_present_has_not_happened_yet(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    event = next(e for e in analyse(pipeline, text, lang).events if e.plover_type == "PROTEST")
    assert event.future, (trigger, event.flags)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Try swapping regular chips for a vegetable instead."),
    ("en", "Swaps will be favoured by plenty of clubs this summer."),
    ("es", "El Gobierno anunció un canje de deuda con los bonistas."),
])
def test_swaps_of_things_are_no_agreement(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "Agreement" not in acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Taliban swapped two Western hostages for three commanders."),
    ("en", "The hostage swap took place at the border."),
    ("es", "Las FARC y el Gobierno discutieron un canje humanitario."),
])
def test_swaps_of_captives_stay_agreements(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "Agreement" in acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Officers arrested a 32-year-old man on drug charges after stopping his car."),
    ("es", "La policía detuvo a un hombre que conducía ebrio por la avenida."),
    ("pt", "A polícia prendeu um homem suspeito de furtar uma loja no centro."),
])
def test_ordinary_police_work_is_no_acled_arrest(pipeline: Pipeline, lang: str, text: str) -> None:
    events = analyse(pipeline, text, lang).events
    assert any(e.plover_type == "COERCE" for e in events)  # still PLOVER coercion
    assert "Arrests" not in acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Police arrested two journalists covering the election."),
    ("en", "Police arrested 649 people for breaking the curfew."),
    ("en", "Velmorian soldiers detained three men in overnight raids."),
    ("es", "La policía detuvo a decenas de personas por romper el toque de queda."),
    ("pt", "A polícia prendeu três ativistas em frente ao palácio."),
    ("en", "Gunmen killed four villagers on Monday. Police later arrested a man."),
    ("en", "Fighters of the ELN captured six soldiers travelling by boat on the river."),
    ("es", "La policía detuvo a dos militares en un retén de la carretera."),
])
def test_political_mass_or_conflict_arrests_stay_acled_arrests(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "Arrests" in acled(pipeline, text, lang)
