"""Senses found by running the pipeline over general news in the eighth session: politicians who attack with
words, the prison as a place, support given as aid, disease deaths, disgust, legal fights, parades and
threats to come. Real violence controls stay. The team's own sentences, in English, Spanish and Portuguese."""

from __future__ import annotations

import pytest

from events_support import analyse, event_on
from wirewatch.pipeline import Pipeline


def types(pipeline: Pipeline, text: str, lang: str) -> list[str]:
    return [e.plover_type for e in analyse(pipeline, text, lang).events]


def acled(pipeline: Pipeline, text: str, lang: str) -> list[str]:
    return [e.acled_sub_event_type for e in analyse(pipeline, text, lang).events if e.acled_sub_event_type]


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "Republicans attacked the senator over her tax plan.", "attacked"),
    ("en", "The opposition leader attacked the prime minister in parliament.", "attacked"),
    ("en", "Halvorsen attacked Thistlewaite during the televised debate.", "attacked"),
    ("es", "El partido atacó al presidente del Gobierno por su gestión de la crisis.", "atacó"),
    ("pt", "O partido atacou o governador pela sua resposta à crise.", "atacou"),
])
def test_an_attack_on_a_person_in_office_told_with_a_forum_or_reason_is_criticism(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert (event.plover_type, event.mode) == ("ACCUSE", "disapprove")
    assert event.acled_sub_event_type is None
    assert event.rule.endswith("+verbal")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Gunmen attacked the convoy of the senator over the weekend."),
    ("en", "Soldiers attacked the governor during the debate in the town hall."),
    ("en", "A man attacked the mayor with a knife during his speech."),
    ("en", "Protesters attacked the senator in parliament and injured two guards."),
    ("es", "Hombres armados atacaron al alcalde por su apoyo a la policía."),
])
def test_armed_attackers_weapons_or_harm_keep_the_attack(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "ASSAULT" in types(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("pt", "Ele morreu na prisão em 2019."),
    ("pt", "O diretor da prisão foi afastado pelo governo."),
    ("pt", "Os detentos foram levados para a prisão federal de segurança máxima."),
])
def test_the_prison_as_a_place_is_no_arrest(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "COERCE" not in types(pipeline, text, lang)


def test_gunmen_storming_a_prison_attack_it_and_free_its_inmates(pipeline: Pipeline) -> None:
    text = "Homens armados invadiram a prisão de Itaberaba e libertaram vinte presos."
    events = analyse(pipeline, text, "pt").events
    assert [e.plover_type for e in events] == ["ASSAULT", "RETREAT"]
    assert "Arrests" not in acled(pipeline, text, "pt")


@pytest.mark.parametrize(("lang", "text"), [
    ("pt", "A polícia efetuou a prisão de três suspeitos."),
    ("pt", "O juiz decretou a prisão preventiva do vereador."),
])
def test_an_arrest_called_prisao_stays(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "COERCE" in types(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The army provided logistical support to the relief convoy."),
    ("en", "The agency gave support to displaced families in the north."),
    ("es", "El ejército brindó apoyo a la misión de socorro."),
    ("pt", "O exército prestou apoio à missão de socorro."),
])
def test_support_given_is_aid(pipeline: Pipeline, lang: str, text: str) -> None:
    assert types(pipeline, text, lang)[0] == "AID"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The mission hired administrative support staff."),
    ("es", "La misión contrató personal de apoyo administrativo."),
    ("pt", "A missão contratou pessoal de apoio administrativo."),
])
def test_support_staff_is_no_event(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "SUPPORT" not in types(pipeline, text, lang)


def test_support_voiced_for_a_plan_stays_support(pipeline: Pipeline) -> None:
    assert types(pipeline, "The party supports the peace plan.", "en") == ["SUPPORT"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "In May an outbreak of bubonic plague killed a couple in the mountains."),
    ("en", "One death was reported in the district, though the patients' comorbidities were not known."),
    ("es", "Un brote de cólera mató a seis personas en la provincia."),
    ("pt", "Um surto de sarampo matou três crianças na aldeia."),
    ("en", "Many voters felt repulsed by the senator's remarks."),
    ("en", "The cells help repel the body's invaders."),
    ("en", "A legal offensive against the restrictions is being waged by his allies."),
    ("en", "The publisher is battling extradition to the United States."),
    ("en", "The parade included a marching band from the school."),
    ("es", "Las delegaciones ultimaron los detalles del acuerdo comercial."),
    ("es", "La fase de ejecución del proyecto terminará en junio."),
    ("en", "The execution phase of the project ends in June."),
])
def test_diseases_feelings_lawsuits_and_parades_are_no_violence(pipeline: Pipeline, lang: str, text: str) -> None:
    assert not acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Soldiers repelled an attack on the base."),
    ("en", "The army launched an offensive against the rebels in the north."),
    ("es", "Sicarios ultimaron a un comerciante en el mercado."),
    ("en", "Gunmen killed three cholera patients at the clinic."),
])
def test_real_fighting_and_killing_stay(pipeline: Pipeline, lang: str, text: str) -> None:
    assert acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "He pleaded guilty to threatening to assault a federal official.", "assault"),
    ("es", "El grupo armado sigue amenazando con atacar la ciudad.", "atacar"),
    ("pt", "Os milicianos estão ameaçando atacar a aldeia.", "atacar"),
])
def test_a_deed_threatened_in_the_gerund_is_still_to_come(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    assert event_on(pipeline, lang, text, trigger).future


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Los rebeldes liberaron a veinte detenidos el lunes."),
    ("pt", "Os rebeldes libertaram vinte presos no domingo."),
])
def test_captives_set_free_are_no_new_arrest(pipeline: Pipeline, lang: str, text: str) -> None:
    assert types(pipeline, text, lang) == ["RETREAT"]


def test_an_arrest_beside_a_release_stays(pipeline: Pipeline) -> None:
    text = "Police arrested 20 people and released five detainees later."
    assert types(pipeline, text, "en") == ["COERCE", "RETREAT"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "You can withdraw your contributions tax-free at any time."),
    ("en", "When you finally pull back the curtains, the room fills with light."),
    ("es", "Los clientes no pudieron retirar dinero del cajero."),
    ("pt", "Os clientes não conseguiram sacar dinheiro do caixa."),
    ("en", "The withdrawal of the bill came too late."),
])
def test_money_curtains_and_bills_withdrawn_are_no_transfer_of_territory(
    pipeline: Pipeline, lang: str, text: str
) -> None:
    assert "Non-violent transfer of territory" not in acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Government troops withdrew from the town on Sunday."),
    ("es", "Los rebeldes se retiraron de la ciudad tras el acuerdo."),
])
def test_troops_pulling_out_still_transfer_territory(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "Non-violent transfer of territory" in acled(pipeline, text, lang)


SPORTS_REPORT = ("The home side won the derby on Saturday. Bobrovsky stopped 35 shots as the team stretched its "
                 "unbeaten run. The coach praised his teammates after the match. Ottawa held on to beat Halden in "
                 "the final minutes.")


def test_play_in_a_sports_report_is_no_violence_even_without_a_sport_word_in_its_sentence(
    pipeline: Pipeline,
) -> None:
    assert not acled(pipeline, SPORTS_REPORT, "en")


def test_violence_at_a_match_stays_in_a_sports_report(pipeline: Pipeline) -> None:
    text = ("Police fired tear gas at fans outside the stadium after the derby. Two supporters were shot and "
            "wounded. The league said the match would be replayed. Goals from the striker had given the hosts "
            "the lead.")
    subs = acled(pipeline, text, "en")
    assert "Protest with intervention" in subs and "Attack" in subs


GAME_REVIEW = ("The sequel's combat asks for careful parrying and dodging. Enemy attacks track you a little too well. "
               "Most pathways are blocked until you find the right item. Gamers who finished the first playthrough "
               "will want to try the harder mode.")


def test_a_video_game_review_has_no_violence_or_protest(pipeline: Pipeline) -> None:
    assert not acled(pipeline, GAME_REVIEW, "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The two governments signed a trade deal in Geneva on Tuesday."),
    ("en", "The state airline finalised a deal to purchase 30 jets."),
    ("es", "Los dos gobiernos firmaron un acuerdo comercial en Ginebra."),
    ("pt", "Os dois governos assinaram um acordo comercial em Genebra."),
    ("en", "Long power cuts are killing our businesses and livelihoods."),
])
def test_trade_deals_and_ruined_businesses_are_no_acled_events(pipeline: Pipeline, lang: str, text: str) -> None:
    events = analyse(pipeline, text, lang).events
    assert not acled(pipeline, text, lang)
    if "deal" in text or "acuerdo" in text or "acordo" in text:
        assert [e.plover_type for e in events][:1] == ["AGREE"]  # still a PLOVER agreement


@pytest.mark.parametrize(("lang", "text", "trigger", "owner"), [
    ("en", "Troops killed the rebels' leader near the border.", "killed", "gen-rebels"),
    ("en", "Soldiers arrested the regional leader of the cartel.", "arrested", "gen-gangs"),
    ("en", "Police detained the gang's leader on Monday.", "detained", "gen-gangs"),
])
def test_an_office_belongs_to_the_group_that_owns_it(
    pipeline: Pipeline, lang: str, text: str, trigger: str, owner: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [r.actor_id for r in event.recipients] == [owner]


def test_a_country_leader_stays_the_government(pipeline: Pipeline) -> None:
    event = event_on(pipeline, "en", "The Iranian leader condemned the attack.", "condemned")
    assert [a.actor_id for a in event.actors] == ["gov-ir"]


BUSINESS_NEWS = ("Velmoria and Ostrava agreed a trade deal on tariffs. Investors cheered and shares rose as markets "
                 "priced in more purchases of farm exports. The deal was signed in the capital on Friday.")
TRUCE_NEWS = ("The government and the rebels signed a ceasefire in Geneva. Prices in the market fell as trade "
              "resumed and exports and imports grew; investors hope the economy recovers. The agreement was "
              "welcomed by the UN.")


def test_bare_deals_in_business_news_are_commercial(pipeline: Pipeline) -> None:
    events = analyse(pipeline, BUSINESS_NEWS, "en").events
    assert events and all(e.plover_type == "AGREE" for e in events)
    assert not acled(pipeline, BUSINESS_NEWS, "en")


def test_a_truce_keeps_an_article_political_whatever_its_market_words(pipeline: Pipeline) -> None:
    article = analyse(pipeline, TRUCE_NEWS, "en")
    bare = [e for e in article.events if e.trigger.text(article.text) == "agreement"]
    assert bare and bare[0].acled_sub_event_type == "Agreement"


@pytest.mark.parametrize(("lang", "text", "sub"), [
    ("en", "A farmer was killed as villagers clashed with sticks and iron rods over a strip of land.", "Mob violence"),
    ("es", "Los campesinos se enfrentaron con palos y machetes en la vereda.", "Mob violence"),
    ("en", "Villagers clashed with soldiers near the checkpoint.", "Armed clash"),
])
def test_civilians_clashing_among_themselves_are_a_mob(pipeline: Pipeline, lang: str, text: str, sub: str) -> None:
    assert sub in acled(pipeline, text, lang)


CRIME_REPORT = ("Police arrested Dorian Vale, 30, in connection with an April 8 shooting on East 15th Avenue. Vale was "
                "charged with robbery and attempted murder. A man was shot in the leg.")


def test_a_crime_report_keeps_its_violence_in_plover_but_not_in_acled(pipeline: Pipeline) -> None:
    article = analyse(pipeline, CRIME_REPORT, "en")
    shots = [e for e in article.events if e.plover_type == "ASSAULT"]
    assert shots and all(e.acled_sub_event_type is None and e.rule.endswith("+criminal") for e in shots)
    assert not acled(pipeline, CRIME_REPORT, "en")  # the age "30" is no mass arrest either


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Gunmen shot dead three villagers in Zamfara. Two suspects were charged with murder and robbery."),
    ("en", "A journalist was shot dead outside his home. A man was charged with homicide and robbery."),
    ("es", "Un líder social fue asesinado a balazos en el Cauca. El imputado enfrenta cargos por homicidio y robo."),
    ("pt", "Um vereador foi morto a tiros em Anapu. O indiciado responde por homicídio e roubo."),
])
def test_armed_groups_or_political_victims_keep_a_crime_report_political(
    pipeline: Pipeline, lang: str, text: str
) -> None:
    assert "Attack" in acled(pipeline, text, lang)


def test_an_age_after_a_name_is_no_head_count(pipeline: Pipeline) -> None:
    assert not acled(pipeline, "Officers arrested Dorian Vale, 33, after stopping his car.", "en")
    assert acled(pipeline, "Police arrested 35 people after the curfew.", "en") == ["Arrests"]


def test_a_brawl_and_a_stabbing_in_a_theft_report_are_crime(pipeline: Pipeline) -> None:
    text = ("A passenger was stabbed to death on a commuter train during a fight. Officers said the attacker had "
            "tried to steal another rider's phone. A suspect was taken into custody.")
    article = analyse(pipeline, text, "en")
    assert any(e.plover_type == "ASSAULT" for e in article.events)
    assert not acled(pipeline, text, "en")


def test_police_shooting_protesters_is_no_crime_report(pipeline: Pipeline) -> None:
    text = ("Police shot two protesters during a march against the mayor. A suspect was taken into custody and "
            "charged with theft.")
    assert acled(pipeline, text, "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The fight for young voters is raging in the suburbs."),
    ("es", "La batalla por los votos jóvenes se intensifica."),
    ("en", "The hunter killed a wild rabbit in the hills."),
    ("pt", "O caçador matou um javali na serra."),
])
def test_campaigns_and_hunting_are_no_violence(pipeline: Pipeline, lang: str, text: str) -> None:
    assert not acled(pipeline, text, lang)


def test_a_battle_for_control_of_a_city_stays(pipeline: Pipeline) -> None:
    assert acled(pipeline, "Rebels and soldiers waged a battle for control of the city.", "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The two presidents will meet in Moscow on Thursday to seek agreement on the province."),
    ("es", "Los cancilleres se reunieron para buscar un acuerdo sobre la frontera."),
    ("pt", "Os ministros reuniram-se para buscar um acordo sobre a fronteira."),
    ("en", "The singer agreed to play the lead in the new film."),
])
def test_seeking_a_deal_or_accepting_a_role_is_no_agreement(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "Agreement" not in acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "I fully support the right to peacefully protest."),
    ("es", "El Gobierno dijo que respeta el derecho a la protesta."),
    ("pt", "O sindicato defendeu o direito de greve dos professores."),
])
def test_the_right_to_protest_is_no_protest(pipeline: Pipeline, lang: str, text: str) -> None:
    assert not acled(pipeline, text, lang)


def test_a_march_for_rights_stays_a_protest(pipeline: Pipeline) -> None:
    assert acled(pipeline, "Thousands marched for land rights in the capital on Sunday.", "en") == ["Peaceful protest"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Protesters believe the new bill erodes local autonomy."),
    ("es", "Los manifestantes creen que la ley es injusta."),
    ("pt", "Os manifestantes acreditam que a lei é injusta."),
])
def test_protesters_holding_a_view_are_no_protest(pipeline: Pipeline, lang: str, text: str) -> None:
    assert not acled(pipeline, text, lang)


def test_protesters_gathering_stay_a_protest(pipeline: Pipeline) -> None:
    assert acled(pipeline, "Protesters gathered outside parliament on Monday.", "en") == ["Peaceful protest"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Physicians are volunteering their time to provide the shots."),
    ("en", "The board of directors approved the execution of the supply contract."),
    ("es", "El consejo aprobó la ejecución del contrato de suministro."),
    ("pt", "O conselho aprovou a execução do contrato de fornecimento."),
])
def test_vaccine_shots_and_approved_executions_of_contracts_are_no_violence(
    pipeline: Pipeline, lang: str, text: str
) -> None:
    assert not acled(pipeline, text, lang)


def test_executions_carried_out_by_armed_men_stay_killings(pipeline: Pipeline) -> None:
    assert "Attack" in acled(pipeline, "Militants executed three hostages on Monday.", "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Shops dealing in essential items will stay open."),
    ("en", "Hopes of a trade truce drove stocks to a four-year high."),
    ("en", "Thirty senators signed on to an amicus brief sent to the court."),
    ("es", "La firma de consultoría publicó un informe sobre el mercado."),
    ("es", "Cien intelectuales firmaron una carta contra la reforma."),
    ("pt", "A firma de advocacia representa as famílias."),
])
def test_trading_firms_and_signed_letters_are_no_agreement(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "Agreement" not in acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El Gobierno y el ELN firmaron un acuerdo de paz en La Habana."),
    ("en", "The army and the rebels signed a truce in the capital."),
])
def test_signed_peace_deals_stay_agreements(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "Agreement" in acled(pipeline, text, lang)


@pytest.mark.parametrize(("lang", "text", "trigger", "party"), [
    ("en", "Republicans attacked the senator over her tax plan.", "attacked", "party-rep-us"),
    ("es", "El PP atacó al presidente del Gobierno por su gestión de la crisis.", "atacó", "party-pp-es"),
    ("pt", "O PT atacou o governador pela sua resposta à crise.", "atacou", "party-pt-br"),
])
def test_main_parties_are_named_actors(pipeline: Pipeline, lang: str, text: str, trigger: str, party: str) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [a.actor_id for a in event.actors] == [party]
    assert event.plover_type == "ACCUSE"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The rates of assault and murder nearly doubled in ten years."),
    ("en", "The city's murder rate fell last year."),
    ("en", "Officials reported a sharp rise in homicides."),
    ("es", "La tasa de homicidios bajó un 10 % en el último año."),
    ("pt", "O estado registou um aumento dos homicídios em 2024."),
])
def test_crime_statistics_are_no_events(pipeline: Pipeline, lang: str, text: str) -> None:
    assert not acled(pipeline, text, lang)


def test_a_murder_told_beside_a_statistic_stays(pipeline: Pipeline) -> None:
    text = "Gunmen murdered a councillor in the town, where the homicide rate has doubled."
    assert "Attack" in acled(pipeline, text, "en")


@pytest.mark.parametrize(("lang", "text", "mass"), [
    ("es", "La policía detuvo a más de 30 personas en el centro.", True),
    ("pt", "A polícia prendeu mais de 30 pessoas no centro.", True),
    ("es", "La policía detuvo a un hombre de 45 años en el centro.", False),
    ("pt", "A polícia prendeu um homem com 30 anos no centro.", False),
])
def test_a_count_after_de_is_a_head_count_and_an_age_in_years_is_not(
    pipeline: Pipeline, lang: str, text: str, mass: bool
) -> None:
    assert ("Arrests" in acled(pipeline, text, lang)) is mass
