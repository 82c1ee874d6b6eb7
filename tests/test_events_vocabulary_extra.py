"""Vocabulary added in the fifth session of issue 4: fire returned, detainees mistreated, troops sent (told in
the passive), and the object of a verb that is no second verb. The team's own sentences."""

from __future__ import annotations

import pytest

from events_support import analyse
from wirewatch.pipeline import Pipeline


@pytest.mark.parametrize(("lang", "text", "plover", "mode"), [
    ("en", "The colonel ordered the soldiers to return fire.", "ASSAULT", "firearms"),
    ("es", "Los soldados respondieron al fuego durante media hora.", "ASSAULT", "firearms"),
    ("pt", "Os policiais revidaram e a troca de tiros durou minutos.", "ASSAULT", "firearms"),
    ("en", "Inspectors documented the mistreatment of detainees at the camp.", "ASSAULT", "beat"),
    ("es", "La ONG documentó malos tratos en la cárcel de Los Pinos.", "ASSAULT", "beat"),
    ("pt", "A comissão documentou maus-tratos na prisão de Vale Verde.", "ASSAULT", "beat"),
    ("en", "More soldiers were sent to the border town on Monday.", "MOBILIZE", "troops"),
    ("pt", "Mais soldados foram enviados para a fronteira na segunda-feira.", "MOBILIZE", "troops"),
])
def test_new_vocabulary(pipeline: Pipeline, lang: str, text: str, plover: str, mode: str) -> None:
    events = analyse(pipeline, text, lang).events
    assert (plover, mode) in [(e.plover_type, e.mode) for e in events]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The company returned the fire extinguishers to the supplier."),
    ("en", "The letters were sent to the ministry on Friday."),
    # "deal with" is to handle a matter; "a great deal" a quantity (sixth session)
    ("en", "The ministry will deal with the complaints next week."),
    ("en", "Both councils avoided dealing directly with the budget."),
    ("en", "A great deal of effort went into the census."),
])
def test_lookalikes_give_no_event(pipeline: Pipeline, lang: str, text: str) -> None:
    assert analyse(pipeline, text, lang).events == ()


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("es", "La ONG denunció malos tratos a los presos.", "malos tratos"),
    ("pt", "A ONG denunciou maus-tratos aos presos.", "maus-tratos"),
])
def test_the_denouncer_did_not_do_what_it_denounced(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    article = analyse(pipeline, text, lang)
    event = next(e for e in article.events if e.trigger.text(article.text) == trigger)
    assert all(a.text != "ONG" for a in event.actors)


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("es", "Los rebeldes amenazaron con atacar la ciudad.", "atacar"),
    ("pt", "Os rebeldes ameaçaram atacar a vila.", "atacar"),
    ("en", "The rebels threatened to attack the town.", "attack"),
])
def test_a_threatened_attack_is_the_threateners(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    article = analyse(pipeline, text, lang)
    event = next(e for e in article.events if e.trigger.text(article.text) == trigger)
    assert [a.text for a in event.actors] == ["rebeldes" if lang != "en" else "rebels"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Ministry provided copies of the certificates to the Panel on 20 May."),
    ("es", "El Ministerio proporcionó copias de los certificados al Grupo."),
    ("pt", "O ministério forneceu cópias dos certificados ao painel."),
    ("en", "The Code allows the Chief Justice to set up the courts."),
    ("es", "El Código permite al juez constituir los tribunales."),
    ("en", "Lack of follow-up had contributed to widespread impunity."),
    ("es", "La falta de seguimiento contribuyó a la impunidad."),
    ("pt", "A falta de seguimento contribuiu para a impunidade."),
    ("en", "Are asylum seekers registered at the border?"),
    ("es", "Los solicitantes de asilo esperan en la frontera."),
])
def test_paperwork_permissions_and_causes_are_no_events(pipeline: Pipeline, lang: str, text: str) -> None:
    assert analyse(pipeline, text, lang).events == ()


@pytest.mark.parametrize(("lang", "text", "plover"), [
    ("en", "The agency provided food to 5,000 families.", "AID"),
    ("es", "La agencia proporcionó alimentos a 5.000 familias.", "AID"),
    ("pt", "A agência forneceu alimentos a 5 mil famílias.", "AID"),
    ("en", "Japan contributed $5 million to the relief fund.", "AID"),
    ("en", "The government allowed aid convoys into the city.", "CONCEDE"),
    ("en", "During the presidential retreat, the President set out his priorities.", "CONSULT"),
])
def test_real_aid_and_concessions_stay(pipeline: Pipeline, lang: str, text: str, plover: str) -> None:
    assert plover in [e.plover_type for e in analyse(pipeline, text, lang).events]


@pytest.mark.parametrize(("lang", "text", "event"), [
    ("en", "Government troops fled the town before dawn.", True),
    ("en", "The government recruited 5,000 soldiers for the offensive.", True),
    ("es", "El Gobierno reclutó a miles de reservistas.", True),
    ("pt", "O governo recrutou milhares de reservistas.", True),
])
def test_a_government_recruiting_or_fleeing_is_armed(pipeline: Pipeline, lang: str, text: str, event: bool) -> None:
    assert bool(analyse(pipeline, text, lang).events) is event


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The president appointed a new minister of culture."),
    ("es", "El presidente nombró a un nuevo ministro de Cultura."),
    ("pt", "O presidente nomeou um novo ministro da Cultura."),
])
def test_an_appointment_is_no_change_to_an_armed_group(pipeline: Pipeline, lang: str, text: str) -> None:
    assert all(e.acled_sub_event_type is None for e in analyse(pipeline, text, lang).events)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Newly appointed Prime Minister Tarek Oss refused to respond to the demand."),
    ("es", "El recién nombrado ministro rechazó la propuesta."),
    ("pt", "O recém-nomeado ministro rejeitou a proposta."),
])
def test_a_newly_appointed_title_is_no_appointment(pipeline: Pipeline, lang: str, text: str) -> None:
    assert "CONSULT" not in [e.plover_type for e in analyse(pipeline, text, lang).events]


@pytest.mark.parametrize(("lang", "text", "sub"), [
    ("es", "La milicia reclutó a 300 jóvenes.", "Change to group/activity"),
    ("es", "El grupo rebelde se dividió en dos facciones.", "Change to group/activity"),
    ("en", "The rebels seized the town of Marov without firing a shot.", "Non-violent transfer of territory"),
])
def test_militias_and_rebel_groups_named_generically(pipeline: Pipeline, lang: str, text: str, sub: str) -> None:
    assert sub in [e.acled_sub_event_type for e in analyse(pipeline, text, lang).events]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Washington suspended all aid to the rebel movement."),
    ("es", "El Gobierno suspendió la ayuda a la región."),
    ("pt", "O governo suspendeu a ajuda ao país vizinho."),
])
def test_aid_withdrawn_is_a_sanction(pipeline: Pipeline, lang: str, text: str) -> None:
    types = [e.plover_type for e in analyse(pipeline, text, lang).events]
    assert "SANCTION" in types and "AID" not in types


def test_aid_sent_stays_aid(pipeline: Pipeline) -> None:
    assert "AID" in [e.plover_type for e in analyse(pipeline, "The UN sent food to the camp.", "en").events]


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "Libya has offered to hand over the two suspects to Britain.", "hand over"),
    ("en", "Syria says it is willing to withdraw its troops from Lebanon.", "withdraw"),
    ("es", "El Gobierno se ofreció a liberar a los presos políticos.", "liberar a"),
    ("pt", "O governo disse estar disposto a retirar as tropas.", "retirar"),
    ("en", "The president offered to negotiate with the rebel leaders.", "negotiate"),
])
def test_an_offer_is_an_agreement_made_now(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    article = analyse(pipeline, text, lang)
    event = next(e for e in article.events if e.trigger.text(article.text) == trigger)
    assert event.plover_type == "AGREE" and "future" not in event.flags
    assert event.acled_sub_event_type is None


@pytest.mark.parametrize(("lang", "text", "plover"), [
    ("en", "Both sides will exchange prisoners next week.", "RETREAT"),
    ("en", "The army withdrew its troops on Monday.", "RETREAT"),
])
def test_a_plain_future_or_past_act_keeps_its_type(pipeline: Pipeline, lang: str, text: str, plover: str) -> None:
    assert plover in [e.plover_type for e in analyse(pipeline, text, lang).events]


@pytest.mark.parametrize("text", [
    "The government announced a deal with the rebels on Monday.",
    "The two parties struck a deal with the mediators after midnight.",
])
def test_a_deal_made_is_still_an_agreement(pipeline: Pipeline, text: str) -> None:
    assert "AGREE" in [e.plover_type for e in analyse(pipeline, text, "en").events]


@pytest.mark.parametrize(("lang", "text"), [
    # who the suspects are, not an event
    ("pt", "Segundo a polícia, os três homens eram suspeitos ligados ao tráfico de drogas na região."),
    ("es", "Según la Fiscalía, los dos hombres estaban vinculados al narcotráfico en la zona."),
])
def test_being_linked_to_trafficking_is_no_event(pipeline: Pipeline, lang: str, text: str) -> None:
    events = analyse(pipeline, text, lang).events
    assert not [e for e in events if e.plover_type == "COERCE"], [(e.plover_type, e.rule) for e in events]


@pytest.mark.parametrize(("lang", "text"), [
    # a warrant is the court's legal step against someone, not the arrest itself
    ("en", "A judge issued an arrest warrant for the former governor of Kessa."),
    ("en", "Prosecutors obtained a warrant for his arrest on Tuesday."),
    ("es", "Un juez emitió una orden de captura contra el exgobernador de Lomas."),
    ("pt", "A Justiça expediu um mandado de prisão contra o ex-governador de Namaua."),
])
def test_a_warrant_is_a_legal_step_not_an_arrest(pipeline: Pipeline, lang: str, text: str) -> None:
    events = analyse(pipeline, text, lang).events
    assert [(e.plover_type, e.mode) for e in events] == [("ACCUSE", "sue")], [(e.plover_type, e.rule) for e in events]


@pytest.mark.parametrize(("lang", "text"), [
    # officers carrying a warrant out: a security operation
    ("en", "Officers served a search warrant at the house in Kessa on Monday."),
    ("es", "La Policía ejecutó cinco órdenes de captura en el barrio Lomas."),
    ("pt", "Os policiais cumpriram mandados de prisão na comunidade de Vale Verde."),
])
def test_a_warrant_carried_out_is_a_security_operation(pipeline: Pipeline, lang: str, text: str) -> None:
    events = analyse(pipeline, text, lang).events
    assert [(e.plover_type, e.mode) for e in events] == [("COERCE", "raid")], [(e.plover_type, e.rule) for e in events]
