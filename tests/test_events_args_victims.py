"""Who an assault was done to, and who did it, when the sentence says so indirectly (issue 4): the people a
death or injury verb counts are the victims of the attack named as its cause, and a generic force after a
possessive belongs to the named actor that opens the sentence. The team's own sentences, in English, Spanish
and Portuguese.
"""

from __future__ import annotations

import pytest

from events_support import analyse, event_on
from wirewatch.pipeline import Pipeline


@pytest.mark.parametrize(("lang", "text", "trigger", "victims"), [
    ("en", "At least nine villagers were killed on Friday when an air strike hit a wedding party.", "air", "villagers"),
    ("en", "Four soldiers died in an ambush on the road to Kessa.", "ambush", "soldiers"),
    ("en", "Two policemen were wounded in a grenade attack on the checkpoint.", "grenade", "policemen"),
    ("es", "Al menos siete civiles murieron cuando un bombardeo alcanzó el mercado de Lomas.", "bombardeo", "civiles"),
    ("es", "Dos policías murieron en un ataque contra la estación de Valderrobles.", "ataque", "policías"),
    ("es", "Tres campesinos resultaron heridos en una emboscada cerca del río.", "emboscada", "campesinos"),
    ("pt", "Dez civis morreram quando um bombardeio atingiu o mercado de Namaua.", "bombardeio", "civis"),
    ("pt", "Dois policiais morreram em um ataque contra a delegacia de Santa Luzia.", "ataque", "policiais"),
    ("pt", "Pelo menos seis pessoas morreram no ataque que grupos armados lançaram contra a vila.", "ataque",
     "pessoas"),
])
def test_the_dead_are_the_victims_of_the_attack_that_killed_them(
    pipeline: Pipeline, lang: str, text: str, trigger: str, victims: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert victims in [m.text for m in event.recipients]
    assert victims not in [m.text for m in event.actors]


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    # a reporting verb closes the clause: the speaker's sentence is about another event
    ("en", "Five soldiers were killed, the ministry said, days after rebels attacked the town.", "attacked"),
    ("es", "Murieron cuatro soldados, según informó el Ejército, y luego los rebeldes atacaron el pueblo.",
     "atacaron"),
    # the people killed by one side are no victims of what that side suffered next
    ("en", "Twelve militants were killed; an air strike later hit the camp.", "air"),
])
def test_victims_stay_in_their_own_clause(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert not {"soldiers", "soldados", "militants"} & {m.text for m in event.recipients}


@pytest.mark.parametrize(("lang", "text", "trigger", "owner"), [
    ("en", "Hamas said its fighters had fired rockets at the border town.", "fired", "hamas"),
    ("en", "The Iraqi army said its troops recaptured the village of Tell Bazar.", "recaptured", "mil-iq"),
    ("es", "El ELN dijo que sus combatientes atacaron la base de Tibú.", "atacaron", "eln"),
    ("pt", "O Hamas afirmou que seus combatentes atacaram um posto militar.", "atacaram", "hamas"),
])
def test_a_possessed_force_is_its_owner(pipeline: Pipeline, lang: str, text: str, trigger: str, owner: str) -> None:
    event = event_on(pipeline, lang, text, trigger)
    actor = event.actors[0]
    assert actor.actor_id == owner
    assert actor.rule == "actors:possessor"
    # provenance: the mention still points at the words of the clause, not at the owner's name
    assert actor.text in ("fighters", "troops", "combatientes", "combatentes")


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    # an unnamed owner gives nothing to resolve to: the generic force stays
    ("en", "Police said their officers had arrested two men.", "arrested"),
    ("es", "Los rebeldes dijeron que sus combatientes atacaron la base.", "atacaron"),
])
def test_a_generic_owner_leaves_the_force_generic(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert all(a.rule != "actors:possessor" for a in event.actors)


@pytest.mark.parametrize(("lang", "text", "trigger", "side"), [
    ("en", "A firefight between an army patrol and members of a cartel cell left six dead.", "firefight",
     "army patrol"),
    ("en", "Gunmen ambushed an army convoy near Kessa on Sunday.", "ambushed", "army convoy"),
    ("es", "Una patrulla del Ejército fue atacada por disidentes cerca de Tumaco.", "atacada",
     "patrulla del Ejército"),
    ("pt", "Uma patrulha do Exército foi atacada por criminosos perto de Belford.", "atacada",
     "patrulha do Exército"),
])
def test_a_unit_of_a_force_is_that_force(pipeline: Pipeline, lang: str, text: str, trigger: str, side: str) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert side in [m.text for m in (*event.actors, *event.recipients)]


@pytest.mark.parametrize(("lang", "text", "trigger", "recipient"), [
    ("en", "Three suspects were arrested at a farm outside Tepuche.", "arrested", "gen-suspects"),
    ("es", "Tres sospechosos fueron detenidos en un retén de la carretera.", "detenidos", "gen-suspects"),
    ("pt", "Três suspeitos foram presos e quatro fuzis foram apreendidos.", "presos", "gen-suspects"),
])
def test_counted_suspects_are_who_was_arrested(
    pipeline: Pipeline, lang: str, text: str, trigger: str, recipient: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [m.actor_id for m in event.recipients] == [recipient]


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "The organisers called a new march for Friday.", "march"),
    ("es", "Los organizadores convocan una nueva marcha para el viernes.", "marcha"),
    ("pt", "Os organizadores convocaram uma nova marcha para sexta-feira.", "marcha"),
])
def test_organisers_call_the_protest(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [m.actor_id for m in event.actors] == ["gen-protesters"]


@pytest.mark.parametrize(("lang", "text", "trigger", "victims"), [
    # the attack as the subject of a verb of harm: the verb's object is the attack's victim
    ("en", "A roadside bomb near the market killed two soldiers on Sunday.", "roadside", "soldiers"),
    ("es", "Una explosión cerca del mercado mató a dos soldados el domingo.", "explosión", "soldados"),
    ("pt", "Um ataque perto do mercado matou três civis no domingo.", "ataque", "civis"),
])
def test_an_attack_that_killed_has_the_killed_as_victims(
    pipeline: Pipeline, lang: str, text: str, trigger: str, victims: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [m.text for m in event.recipients][:1] == [victims]


@pytest.mark.parametrize(("lang", "text", "trigger", "people"), [
    # a relative clause of place is a clause of its own: its dead are no object of the event before it
    ("en", "The governor lifted the curfew in Kessa, where six people have died this year.", "lifted", "people"),
    ("es", "El gobernador levantó el toque de queda en Lomas, donde murieron seis personas este año.", "levantó",
     "personas"),
    ("pt", "O governador suspendeu o toque de recolher em Namaua, onde morreram seis pessoas este ano.",
     "suspendeu", "pessoas"),
])
def test_a_clause_of_place_keeps_its_own_people(
    pipeline: Pipeline, lang: str, text: str, trigger: str, people: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert people not in [m.text for m in event.recipients]


@pytest.mark.parametrize(("lang", "text", "trigger", "target"), [
    ("en", "Velmoria says it is ready to withdraw its troops from Kessaland by June.", "withdraw", "Kessaland"),
    ("en", "NATO deployed two thousand troops in Bosnia last week.", "deployed", "Bosnia"),
    ("es", "El Gobierno desplegó sus tropas en Tumaco tras el ataque.", "desplegó", "Tumaco"),
    ("pt", "O governo enviou tropas para o Haiti na semana passada.", "enviou", "Haiti"),
])
def test_troops_moved_are_the_actors_own_and_the_place_is_the_target(
    pipeline: Pipeline, lang: str, text: str, trigger: str, target: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    texts = [m.text for m in event.recipients]
    assert target in texts
    assert not {"troops", "tropas"} & set(texts)


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    # an unknown name with its acronym in brackets: the full name is the actor, not the acronym alone
    ("en", "The Kessa Liberation Council (KLC) attacked the border post on Monday.", "attacked",
     "Kessa Liberation Council (KLC)"),
    ("es", "El Frente Popular de Lomas (FPL) atacó el cuartel de la policía.", "atacó",
     "Frente Popular de Lomas (FPL)"),
    ("pt", "A Frente Unida de Namaua (FUN) atacou o posto policial.", "atacou", "Frente Unida de Namaua (FUN)"),
    # a part named after "including" leaves the whole as the subject
    ("en", "Velmorian aircraft including helicopter gunships attacked the village.", "attacked", "Velmorian aircraft"),
    ("en", "Afghan guerillas blew up three power lines near the city.", "blew", "Afghan guerillas"),
])
def test_the_actor_is_the_whole_name(pipeline: Pipeline, lang: str, text: str, trigger: str, actor: str) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [m.text for m in event.actors] == [actor]


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "Velmorian warships pounded the coastal town overnight.", "pounded"),
    ("es", "Los buques de guerra bombardearon el puerto durante la noche.", "bombardearon"),
    ("pt", "Os navios de guerra bombardearam o porto durante a noite.", "bombardearam"),
])
def test_guns_as_the_actor_make_it_shelling(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert event.acled_sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    # a participle of carrying out, some words before its "by", hands the agent back to the attack
    ("en", "The attack on the station, perpetrated at dawn by the Kessa Front, killed two officers.", "attack",
     "Kessa Front"),
    ("es", "Tres policías murieron en un ataque contra la estación de Lomas, en el sur del país, perpetrado "
     "anteayer en la madrugada por disidencias de las FARC.", "ataque", "disidencias de las FARC"),
    ("pt", "O atentado contra o quartel, cometido na madrugada por milicianos, deixou dois mortos.", "atentado",
     "milicianos"),
])
def test_a_participle_of_carrying_out_names_the_attacker(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor: str
) -> None:
    article = analyse(pipeline, text, lang)
    event = event_on(pipeline, lang, text, trigger)
    assert [m.text for m in event.actors] == [actor]
    # the participle is no second attack
    triggers = [e.trigger.text(article.text).lower() for e in article.events]
    assert not [t for t in triggers if t.startswith(("perpetrado", "cometido"))]


@pytest.mark.parametrize(("lang", "text", "trigger", "victims"), [
    # a count may open the next coordinated phrase
    ("en", "Five soldiers and three gunmen were killed in a firefight near Tepuche.", "firefight",
     ["soldiers", "gunmen"]),
    ("es", "Dos policías y tres civiles murieron en el ataque contra la estación.", "ataque", ["policías", "civiles"]),
    ("pt", "Dois policiais e três civis morreram no ataque contra a delegacia.", "ataque", ["policiais", "civis"]),
])
def test_counted_victims_are_all_listed(
    pipeline: Pipeline, lang: str, text: str, trigger: str, victims: list[str]
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [m.text for m in event.recipients][: len(victims)] == victims


@pytest.mark.parametrize(("lang", "text", "trigger", "actors"), [
    # the subject of a verb after a relative pronoun is the noun before it, never the sentence's subject
    ("en", "Officials believe the cell answers to one of the factions that have been fighting for the town.",
     "fighting", []),
    ("en", "Police arrested the gunmen who attacked the bus near Kessa.", "attacked", ["gunmen"]),
    ("es", "La policía detuvo a los sicarios que atacaron el bus cerca de Lomas.", "atacaron", ["sicarios"]),
    ("pt", "A polícia prendeu os homens armados que atacaram o ônibus perto de Namaua.", "atacaram",
     ["homens armados"]),
    # Spanish "que" after a speech verb opens reported speech: the speaker's subject stays
    ("es", "El ELN dijo que atacaron la base militar de Tibú.", "atacaron", ["ELN"]),
    # ... after a noun it opens a relative clause whose subject is that noun (no actor here)
    ("es", "Las autoridades creen que la célula responde a una de las facciones que se enfrentan por el control.",
     "se", []),
])
def test_a_relative_clause_has_its_own_subject(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str]
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [m.text for m in event.actors if m.text] == actors


@pytest.mark.parametrize(("lang", "text", "trigger", "loser"), [
    ("en", "Velmorian troops retook the district on Tuesday after two days of street fighting with Islamic State "
           "militants.", "retook", "Islamic State militants"),
    ("es", "El Ejército recuperó el control de la vereda tras dos días de combates con el ELN.", "recuperó", "ELN"),
    ("pt", "As tropas retomaram a vila depois de combates com os insurgentes.", "retomaram", "insurgentes"),
])
def test_the_side_fought_before_a_place_was_taken_lost_it(
    pipeline: Pipeline, lang: str, text: str, trigger: str, loser: str
) -> None:
    taken = event_on(pipeline, lang, text, trigger)
    assert taken.recipients and taken.recipients[0].text == loser
    fight = next(e for e in analyse(pipeline, text, lang).events if e.acled_sub_event_type == "Armed clash")
    assert [a.text for a in fight.actors] == [a.text for a in taken.actors]


@pytest.mark.parametrize(("lang", "text", "trigger", "parties"), [
    ("en", "Representatives of the Kessan militia and of the farmers' self-defence groups signed a ceasefire on "
           "Saturday.", "signed", 2),
    ("es", "Delegados del ELN y del Gobierno firmaron un acuerdo en Caracas.", "firmaron", 2),
])
def test_representatives_of_one_side_and_of_another_are_both_parties(
    pipeline: Pipeline, lang: str, text: str, trigger: str, parties: int
) -> None:
    assert len(event_on(pipeline, lang, text, trigger).actors) == parties
