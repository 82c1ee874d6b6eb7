"""Perpetrators told away from the attack (issue 4): in the clause a "when" opens, by the one who denies the
deed, in a later sentence that blames or claims it, and the police that made an arrest told without its agent.
The team's own sentences, in English, Spanish and Portuguese."""

from __future__ import annotations

import pytest

from events_support import analyse, event_on
from wirewatch.pipeline import Pipeline
from wirewatch.records import ActorMention, Article, Event, Span
from wirewatch.stages.event_discourse import (
    ANAPHORA,
    BLAMED,
    CLAIMED,
    POLICE,
    PROTESTERS,
    ArticleContext,
    DiscourseWords,
    attribute,
)


def texts(event: Event) -> list[str]:
    return [a.text for a in event.actors]


def first(article: Article, word: str) -> Event:
    return next(e for e in article.events if e.trigger.text(article.text).lower().split()[0] == word)


# ---- one sentence: the clause a cause link opens, and the deed a denial governs


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "Eleven farmers were killed when militants stormed the hamlet of Dabri.", "killed", "militants"),
    ("en", "The convoy was ambushed at dawn when insurgents opened fire on the first truck.", "ambushed",
     "insurgents"),
    ("es", "La estación fue atacada el martes cuando un grupo de guerrilleros llegó al pueblo.", "atacada",
     "guerrilleros"),
    ("es", "Seis soldados fueron asesinados cuando los rebeldes atacaron la base de Piedrasnegras.", "asesinados",
     "rebeldes"),
    ("pt", "A vila foi atacada em maio, quando os insurgentes chegaram de madrugada.", "atacada", "insurgentes"),
    ("pt", "O posto policial foi atacado quando homens armados chegaram de moto.", "atacado", "homens armados"),
])
def test_the_armed_side_acting_in_the_when_clause_did_the_attack(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor: str
) -> None:
    assert actor in texts(event_on(pipeline, lang, text, trigger))


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    # the cause is told without its actor: the patrol attacked is no perpetrator
    ("en", "Three soldiers were killed when their patrol was ambushed near the river.", "killed"),
    # an accident: the clause's subject is no armed side
    ("es", "Dos agentes resultaron heridos cuando su patrulla fue atacada cerca del río.", "heridos"),
    # a reporting verb ends the clause before the link
    ("pt", "Dois policiais foram mortos, disse a polícia, quando os insurgentes fugiam.", "mortos"),
])
def test_no_perpetrator_from_a_clause_that_does_not_name_one(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert not any(a.text for a in event.actors), texts(event)


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "The rebels denied attacking the village of Kuma.", "attacking", "rebels"),
    ("en", "The militia denied having attacked the convoy.", "attacked", "militia"),
    ("es", "El ELN negó en un comunicado haber atacado a la población civil.", "atacado", "ELN"),
    ("pt", "O grupo armado negou ter atacado a aldeia de Nanlia.", "atacado", "grupo armado"),
])
def test_a_denied_deed_is_told_of_the_one_who_denies_it(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor: str
) -> None:
    assert texts(event_on(pipeline, lang, text, trigger)) == [actor]


def test_a_denied_clause_with_its_own_subject_keeps_it(pipeline: Pipeline) -> None:
    event = event_on(pipeline, "en", "The army denied that the militias had attacked the camp.", "attacked")
    assert "army" not in texts(event)


# ---- across sentences: a blame or a claim names the attack's perpetrator


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "A car bomb killed six people at a market in the north on Monday. Police blamed al-Shabaab for the "
           "bombing.", "car", "al-Shabaab"),
    ("en", "Nine passengers died when a roadside bomb hit their bus. A security official blamed Boko Haram.",
     "roadside", "Boko Haram"),
    ("es", "Tres campesinos murieron el lunes en un ataque contra una finca. El Ejército responsabilizó al ELN "
           "de las muertes.", "ataque", "ELN"),
    ("pt", "Cinco pessoas morreram num ataque a uma aldeia no domingo. As autoridades culparam o Boko Haram.",
     "ataque", "Boko Haram"),
])
def test_an_attack_takes_the_party_a_later_sentence_blames(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert actor in texts(event)
    assert all(a.rule == BLAMED for a in event.actors)


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "Two soldiers were killed in an ambush near the border. The Islamic State claimed responsibility for "
           "the attack.", "ambush", "Islamic State"),
    ("es", "Cuatro policías murieron en una emboscada en Tame. El ELN reivindicó el ataque en un comunicado.",
     "emboscada", "ELN"),
    ("pt", "Seis soldados morreram numa emboscada perto de Mueda. O Estado Islâmico reivindicou o ataque.",
     "emboscada", "Estado Islâmico"),
])
def test_an_attack_takes_the_party_that_claims_it_next(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert actor in texts(event)
    assert all(a.rule == CLAIMED for a in event.actors)


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    # blame for something other than violence, on a government (no armed force)
    ("en", "Gunmen killed three traders in the market. The opposition blamed the government for the economic "
           "crisis.", "killed"),
    # more than three sentences back: another story
    ("en", "A bomb exploded near the police station. Shops stayed shut. The mayor visited the site. Schools "
           "reopened on Sunday. The army blamed the rebels.", "bomb"),
    # a denial of the blame is no blame
    ("es", "Dos soldados murieron en un ataque en Arauca. El gobierno no responsabilizó al ELN.", "ataque"),
])
def test_no_blame_carried_without_a_blame_for_that_attack(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert not any(a.rule == BLAMED for a in event.actors), [(a.text, a.rule) for a in event.actors]


def test_the_blamed_party_is_never_its_own_victim(pipeline: Pipeline) -> None:
    article = analyse(pipeline, "Two rebels were killed in an ambush on the road. The rebels blamed the army for "
                                "the ambush.", "en")
    ambush = first(article, "ambush")
    assert [a.text for a in ambush.actors if a.rule == BLAMED] == ["army"]


# ---- arrests told without their agent: the police the article names


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "Riot police broke up a march in the capital on Friday. Twenty protesters were arrested.", "arrested",
     "Riot police"),
    ("es", "La Policía Nacional dispersó la marcha con gases. Al final de la jornada, 30 personas fueron "
           "detenidas.", "detenidas", "Policía Nacional"),
    ("pt", "A Polícia Militar cercou a praça durante a manhã. Doze manifestantes foram detidos.", "detidos",
     "Polícia Militar"),
])
def test_an_agentless_arrest_is_made_by_the_police_the_article_names(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert texts(event) == [actor]
    assert event.actors[0].rule in (POLICE, "actors:home-country")


def test_an_agentless_arrest_stays_without_agent_when_no_police_is_named(pipeline: Pipeline) -> None:
    event = event_on(pipeline, "en", "Twenty protesters were arrested after the march on Friday.", "arrested")
    assert not any(a.text for a in event.actors)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The JNIM, an al-Qaeda affiliate, claimed responsibility for the attack on the base."),
    ("es", "El JNIM, vinculado a Al Qaeda, reivindicó el ataque contra la base."),
    ("pt", "O JNIM, ligado à Al-Qaeda, reivindicou o ataque contra a base."),
])
def test_the_claimant_is_the_subject_not_its_apposition(pipeline: Pipeline, lang: str, text: str) -> None:
    attack = first(analyse(pipeline, text, lang), "attack" if lang == "en" else "ataque")
    assert texts(attack) == ["JNIM"]
    assert attack.actors[0].rule == CLAIMED


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "The JNIM, an al-Qaeda affiliate in the Sahel, attacked the air base at dawn.", "attacked"),
    ("es", "Un comando del grupo JNIM, filial de Al Qaeda en el Sahel, atacó una base aérea.", "atacó"),
    ("pt", "O JNIM, braço da Al-Qaeda no Sahel, atacou uma base aérea.", "atacou"),
])
def test_the_subject_is_the_name_before_a_longer_apposition(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    (actor,) = event_on(pipeline, lang, text, trigger).actors
    assert actor.text.endswith("JNIM") and "Qaeda" not in (actor.name or "")


# ---- "the attack", "el secuestro": a definite attack noun points back to the attack already told


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "Rebels attacked the garrison at Kolo on Monday. Four soldiers died in the attack, the army said.",
     "attack", "Rebels"),
    ("es", "Hombres armados secuestraron a tres ingenieros en la sierra. La policía detuvo a un sospechoso del "
           "secuestro.", "secuestro", "Hombres armados"),
    ("pt", "Homens armados atacaram a esquadra de Nangade. O ataque deixou dois polícias mortos.", "ataque",
     "Homens armados"),
])
def test_a_definite_attack_noun_takes_the_perpetrator_of_the_attack_told_before(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor: str
) -> None:
    event = first(analyse(pipeline, text, lang), trigger)
    assert texts(event) == [actor]
    assert event.actors[0].rule == ANAPHORA


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    # a vague noun points back to no one attack
    ("en", "Militants attacked a checkpoint near Kolo. The ministry called for an end to the violence.",
     "violence"),
    # an indefinite noun is another attack
    ("pt", "Homens armados atacaram a esquadra de Nangade. Há um mês, um ataque semelhante atingiu Palma.",
     "ataque"),
    # a modifier ("rebels fighting the army") is no attack to point back to
    ("en", "Turkey, which backs rebels fighting the army, sent troops after the killing of ten soldiers.",
     "killing"),
])
def test_no_perpetrator_from_an_attack_the_noun_does_not_point_back_to(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    event = first(analyse(pipeline, text, lang), trigger)
    assert not any(a.rule == ANAPHORA for a in event.actors), [(a.text, a.rule) for a in event.actors]


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("en", "Riot police blocked the bridge on Saturday. Rubber bullets were fired at the marchers.", "rubber",
     "Riot police"),
    ("es", "Un joven murió por el impacto de una bomba lacrimógena durante la represión de la marcha. Agentes de "
           "la Policía Nacional dispersaron a los manifestantes.", "represión", "Policía Nacional"),
])
def test_tear_gas_told_without_its_agent_is_the_named_polices(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor: str
) -> None:
    event = first(analyse(pipeline, text, lang), trigger)
    assert any(a.text.endswith(actor) for a in event.actors), texts(event)


@pytest.mark.parametrize(("lang", "text", "trigger", "actor_id"), [
    ("en", "Al-Shabaab fighters attacked the base at Leego on Monday. The army said the attackers also burned two "
           "houses on the road.", "burned", "shabaab"),
    ("es", "Disidencias de las FARC atacaron la estación de Suárez. El Ejército negó que los atacantes hubieran "
           "secuestrado a dos funcionarios.", "secuestrado", "emc"),
    ("pt", "O Al-Shabaab atacou a vila de Quissanga na sexta-feira. Segundo moradores, os atacantes incendiaram "
           "o mercado.", "incendiaram", "aswj"),
])
def test_the_attackers_are_the_one_named_group_told_before(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor_id: str
) -> None:
    (actor,) = first(analyse(pipeline, text, lang), trigger).actors
    assert actor.rule == ANAPHORA and actor.text.lower().endswith("atacantes" if lang != "en" else "attackers")
    assert actor.actor_id == actor_id


def test_the_attackers_stay_unidentified_when_two_groups_were_named(pipeline: Pipeline) -> None:
    text = ("Al-Shabaab attacked Leego on Monday and the Islamic State attacked Qandala on Tuesday. Residents "
            "said the attackers burned two houses.")
    (actor,) = first(analyse(pipeline, text, "en"), "burned").actors
    assert actor.actor_id == "gen-gunmen"


# ---- the people arrested


@pytest.mark.parametrize(("text", "trigger"), [
    ("The protest ended with 30 people arrested.", "arrested"),
    ("The clashes left 20 people injured and 47 people detained, officials said.", "detained"),
])
def test_counted_people_before_an_english_participle_are_its_object(
    pipeline: Pipeline, text: str, trigger: str
) -> None:
    event = first(analyse(pipeline, text, "en"), trigger)
    assert not any(a.text for a in event.actors)
    assert [r.text for r in event.recipients] == ["people"]


def test_counted_people_with_an_object_after_the_verb_are_its_subject(pipeline: Pipeline) -> None:
    event = first(analyse(pipeline, "Three villagers killed two bandits with machetes.", "en"), "killed")
    assert texts(event) == ["villagers"]


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "Thousands marched to the parliament on Friday. Police said 40 people were arrested.", "arrested"),
    ("es", "Miles de personas marcharon hacia el Congreso. La policía informó que 40 personas fueron detenidas.",
     "detenidas"),
    ("pt", "Milhares de pessoas protestaram na Avenida Paulista. Segundo a polícia, 40 pessoas foram detidas.",
     "detidas"),
])
def test_people_arrested_after_a_protest_are_protesters(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    (arrested,) = first(analyse(pipeline, text, lang), trigger).recipients
    assert arrested.actor_id == "gen-protesters" and arrested.rule == PROTESTERS


def test_journalists_arrested_at_a_protest_stay_journalists(pipeline: Pipeline) -> None:
    text = "Thousands marched to the parliament on Friday. Police said two journalists were arrested."
    (arrested,) = first(analyse(pipeline, text, "en"), "arrested").recipients
    assert arrested.text == "journalists" and arrested.rule != PROTESTERS


def test_people_arrested_with_no_protest_told_stay_people(pipeline: Pipeline) -> None:
    (arrested,) = first(analyse(pipeline, "Police said 40 people were arrested in the raid.", "en"),
                        "arrested").recipients
    assert arrested.actor_id != "gen-protesters"


def test_counted_people_who_march_are_marchers(pipeline: Pipeline) -> None:
    event = first(analyse(pipeline, "Organisers said 10,000 people marched through the capital.", "en"), "marched")
    assert not event.recipients or event.recipients[0].text != "people"


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("pt", "Insurgentes mataram cinco pessoas em Macomia. As autoridades atribuíram o ataque ao grupo Al-Shabaab.",
     "mataram", "Al-Shabaab"),
    ("en", "Militants stormed a checkpoint near Kolo. The army blamed Boko Haram for the raid.", "stormed",
     "Boko Haram"),
])
def test_a_named_group_blamed_specifies_generic_militants(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor: str
) -> None:
    event = first(analyse(pipeline, text, lang), trigger)
    assert any(a.text.endswith(actor) and a.rule == BLAMED for a in event.actors), texts(event)


def test_a_state_force_blamed_leaves_named_militants_alone(pipeline: Pipeline) -> None:
    text = "Militants stormed a checkpoint near Kolo. The rebels blamed the army for the deaths."
    event = first(analyse(pipeline, text, "en"), "stormed")
    assert texts(event) == ["Militants"]


def test_the_article_passes_need_no_sentences_and_change_nothing_without_cues() -> None:
    text = "Gunmen attacked a bus."
    attack = Event(id="e1", plover_type="ASSAULT", trigger=Span(7, 15), sentence=Span(0, len(text)),
                   actors=(ActorMention(span=Span(0, 6), text="Gunmen", actor_id="gen-gunmen"),))
    words = DiscourseWords(frozenset({"blamed"}), frozenset({"the"}), frozenset())
    assert attribute([attack], ArticleContext(text, [], []), words) == [attack]
    assert attribute([], ArticleContext("", [], []), words) == []


@pytest.mark.parametrize(("lang", "text", "trigger", "actor_id"), [
    ("en", "Velmar Front fighters attacked a base in Kolo. The militants killed four soldiers.", "killed", None),
    ("en", "ISWAP fighters attacked a base near Kolo. The militants killed four soldiers.", "killed", "iswap"),
    ("en", "ISWAP fighters attacked a base near Kolo. The group later killed four soldiers.", "killed", "iswap"),
    ("es", "El ELN atacó una estación de policía en Cauca. El grupo guerrillero secuestró a dos agentes.",
     "secuestró", "eln"),
    ("es", "El ELN atacó una estación de policía en Cauca. El grupo secuestró a dos agentes.", "secuestró", "eln"),
    ("pt", "Insurgentes do Estado Islâmico atacaram a vila. O grupo incendiou casas e matou três civis.",
     "matou", "isis"),
])
def test_the_militants_or_the_group_point_back_to_the_one_named_group(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor_id: str | None
) -> None:
    event = first(analyse(pipeline, text, lang), trigger)
    if actor_id is None:  # an unknown name is no dictionary group: the generic noun keeps its own identity
        assert all(a.rule != ANAPHORA for a in event.actors)
    else:
        assert [(a.actor_id, a.rule) for a in event.actors] == [(actor_id, ANAPHORA)]
        assert event.actors[0].text in ("militants", "group", "grupo", "grupo guerrillero")


def test_two_named_groups_leave_the_militants_generic(pipeline: Pipeline) -> None:
    text = "ISWAP and JNIM fighters attacked bases. The militants killed four soldiers."
    event = first(analyse(pipeline, text, "en"), "killed")
    assert [a.actor_id for a in event.actors] == ["gen-militants"]


def test_a_group_that_reports_deaths_is_not_their_perpetrator(pipeline: Pipeline) -> None:
    text = "ISWAP fighters attacked a base. The group said three civilians were killed in the crossfire."
    event = first(analyse(pipeline, text, "en"), "killed")
    assert all(a.actor_id != "iswap" for a in event.actors)


def test_a_group_with_no_named_antecedent_is_the_unidentified_side_with_its_words(pipeline: Pipeline) -> None:
    event = first(analyse(pipeline, "The group killed four soldiers.", "en"), "killed")
    assert [(a.text, a.actor_id) for a in event.actors] == [("group", "gen-gunmen")]


@pytest.mark.parametrize(("lang", "text", "trigger", "actor_id"), [
    ("en", "ISWAP fighters attacked a military base in Borno. Soldiers killed twelve of the militants.", "killed",
     "iswap"),
    ("es", "El ELN atacó la estación de policía. Los soldados abatieron a dos de los atacantes.", "abatieron", "eln"),
])
def test_the_attackers_as_a_target_point_back_too(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor_id: str
) -> None:
    event = first(analyse(pipeline, text, lang), trigger)
    assert [(r.actor_id, r.rule) for r in event.recipients] == [(actor_id, ANAPHORA)]
