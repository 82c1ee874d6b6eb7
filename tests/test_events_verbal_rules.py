"""Verbal events and the main-predicate (PLOVER/quad) view, on the team's own sentences in en, es and pt."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from wirewatch.actors import make_units
from wirewatch.nlp import make_doc, sentence_spans
from wirewatch.pipeline import article_from_text
from wirewatch.predicate import structure
from wirewatch.records import Event
from wirewatch.stages.events import EMBEDDED, EventsStage, main_event
from wirewatch.taxonomy import quad_for

PUBLISHED = datetime(2025, 3, 10, tzinfo=UTC)


@pytest.fixture(scope="module")
def stage() -> EventsStage:
    return EventsStage()


def run(stage: EventsStage, text: str, lang: str) -> list[Event]:
    article = article_from_text(text, lang=lang, published=PUBLISHED)
    doc = make_doc(article.text, lang)
    article = dataclasses.replace(article, sentences=sentence_spans(doc), stages=("sentences",))
    return stage.events(article, doc)


def main_type(stage: EventsStage, text: str, lang: str) -> str | None:
    ev = main_event(run(stage, text, lang), view="plover")
    return ev.plover_type if ev is not None else None


# ---- each verbal type as the main predicate, in the institutional register of each language

VERBAL = [
    ("en", "The Council strongly condemns the bombing of the market in the northern province.", "ACCUSE"),
    ("en", "The Committee expresses its deep concern at the rising number of displaced families.", "ACCUSE"),
    ("en", "The Assembly deplores the shelling of schools by both sides.", "ACCUSE"),
    ("en", "The Council welcomes the signing of the ceasefire agreement by the two movements.", "SUPPORT"),
    ("en", "The Commission takes note with appreciation of the report on the electoral process.", "SUPPORT"),
    ("en", "The Council commends the troop-contributing countries for their dedication.", "SUPPORT"),
    ("en", "It reaffirms its support for the mediation led by the regional organisation.", "SUPPORT"),
    ("en", "The Council calls upon all parties to halt the fighting and allow humanitarian access.", "REQUEST"),
    ("en", "The Assembly urges Member States to provide assistance to the refugees.", "REQUEST"),
    ("en", "The Committee stresses the need to investigate the killings of journalists.", "REQUEST"),
    ("en", "The government categorically rejects the allegations of torture in its prisons.", "REJECT"),
    ("en", "The ministry warned that any incursion would be met with force.", "THREATEN"),
    ("en", "The delegations reached consensus on the text of the declaration.", "AGREE"),
    ("en", "The Special Envoy held an exchange of views with the opposition leaders.", "CONSULT"),
    ("es", "El Consejo condena enérgicamente el atentado contra el mercado de la provincia.", "ACCUSE"),
    ("es", "El Comité expresa su profunda preocupación por el aumento de familias desplazadas.", "ACCUSE"),
    ("es", "La Asamblea deplora el bombardeo de escuelas por ambas partes.", "ACCUSE"),
    ("es", "El Consejo acoge con beneplácito la firma del acuerdo de alto el fuego entre los movimientos.", "SUPPORT"),
    ("es", "La Comisión toma nota con reconocimiento del informe sobre el proceso electoral.", "SUPPORT"),
    ("es", "El Consejo encomia a los países que aportan contingentes por su dedicación.", "SUPPORT"),
    ("es", "Reafirma su apoyo a la mediación dirigida por la organización regional.", "SUPPORT"),
    ("es", "El Consejo exhorta a todas las partes a que pongan fin a los combates.", "REQUEST"),
    ("es", "La Asamblea insta a los Estados Miembros a que presten asistencia a los refugiados.", "REQUEST"),
    ("es", "El Comité solicita al Secretario General que investigue los asesinatos de periodistas.", "REQUEST"),
    ("es", "El gobierno rechaza categóricamente las denuncias de tortura en sus cárceles.", "REJECT"),
    ("es", "El ministerio amenazó con responder por la fuerza a cualquier incursión.", "THREATEN"),
    ("es", "Las delegaciones llegaron a un consenso sobre el texto de la declaración.", "AGREE"),
    ("es", "El Enviado Especial mantuvo un intercambio de opiniones con los dirigentes de la oposición.", "CONSULT"),
    ("pt", "O Conselho condena veementemente o atentado contra o mercado da província.", "ACCUSE"),
    ("pt", "O Comité manifesta a sua profunda preocupação com o aumento de famílias deslocadas.", "ACCUSE"),
    ("pt", "A Assembleia deplora o bombardeamento de escolas por ambas as partes.", "ACCUSE"),
    ("pt", "O Conselho congratula-se com a assinatura do acordo de cessar-fogo entre os dois movimentos.", "SUPPORT"),
    ("pt", "A Comissão toma nota com apreço do relatório sobre o processo eleitoral.", "SUPPORT"),
    ("pt", "O Conselho saúda os países contribuintes de tropas pela sua dedicação.", "SUPPORT"),
    ("pt", "Reafirma o seu apoio à mediação conduzida pela organização regional.", "SUPPORT"),
    ("pt", "O Conselho apela a todas as partes para que ponham fim aos combates.", "REQUEST"),
    ("pt", "A Assembleia insta os Estados-membros a prestar assistência aos refugiados.", "REQUEST"),
    ("pt", "O Comité solicita ao Secretário-Geral que investigue os assassinatos de jornalistas.", "REQUEST"),
    ("pt", "O governo rejeita categoricamente as acusações de tortura nas suas prisões.", "REJECT"),
    ("pt", "O ministério ameaçou com uma resposta pela força a qualquer incursão.", "THREATEN"),
    ("pt", "As delegações chegaram a consenso sobre o texto da declaração.", "AGREE"),
    ("pt", "O Enviado Especial manteve uma troca de opiniões com os dirigentes da oposição.", "CONSULT"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), VERBAL)
def test_verbal_main_predicate(stage: EventsStage, lang: str, text: str, expected: str) -> None:
    assert main_type(stage, text, lang) == expected


# ---- the embedded material event stays extracted, and the ACLED view still picks it

EMBEDDED_ATTACK = [
    ("en", "The Council condemns the attack on the convoy near the border, which killed four peacekeepers."),
    ("es", "El Consejo condena el ataque contra el convoy cerca de la frontera, que mató a cuatro cascos azules."),
    ("pt", "O Conselho condena o ataque contra o comboio perto da fronteira, que matou quatro capacetes azuis."),
]


@pytest.mark.parametrize(("lang", "text"), EMBEDDED_ATTACK)
def test_embedded_event_is_secondary_in_plover_view(stage: EventsStage, lang: str, text: str) -> None:
    events = run(stage, text, lang)
    plover = main_event(events, view="plover")
    assert plover is not None and plover.plover_type == "ACCUSE"
    assaults = [e for e in events if e.plover_type == "ASSAULT"]
    assert assaults and all(EMBEDDED in e.rule for e in assaults)
    acled = main_event(events)  # default view: the most prominent ACLED-mappable material event
    assert acled is not None and acled.plover_type == "ASSAULT" and acled.acled_event_type is not None


def test_initial_adverbial_clause_does_not_hide_the_main_predicate(stage: EventsStage) -> None:
    text = "Although the talks stalled in May, the government welcomed the new proposal."
    assert main_type(stage, text, "en") == "SUPPORT"
    text = "Aunque las negociaciones se estancaron en mayo, el gobierno acogió con beneplácito la nueva propuesta."
    assert main_type(stage, text, "es") == "SUPPORT"


def test_relative_clause_trigger_is_not_the_main_predicate(stage: EventsStage) -> None:
    text = "The envoy, who negotiated the truce, urged both armies to respect it."
    assert main_type(stage, text, "en") == "REQUEST"
    text = "O enviado, que negociou a trégua, exortou os dois exércitos a respeitá-la."
    assert main_type(stage, text, "pt") == "REQUEST"


# ---- procedural text has no main event

PROCEDURAL = [
    ("en", "Recalling its resolutions on the protection of civilians in armed conflict,"),
    ("en", "The meeting was suspended at 4.10 p.m. and resumed at 5 p.m."),
    ("en", "Item 4 of the provisional agenda: assistance to the victims of landmines"),
    ("es", "Recordando sus resoluciones sobre la protección de los civiles en los conflictos armados,"),
    ("es", "Se levanta la sesión a las 17.00 horas."),
    ("es", "Tema 4 del programa provisional: asistencia a las víctimas de las minas"),
    ("pt", "Recordando as suas resoluções sobre a proteção de civis em conflitos armados,"),
    ("pt", "A sessão foi suspensa às 16h10 e retomada às 17 horas."),
    ("pt", "Ponto 4 da ordem do dia provisória: assistência às vítimas de minas"),
]


@pytest.mark.parametrize(("lang", "text"), PROCEDURAL)
def test_procedural_text_has_no_main_event(stage: EventsStage, lang: str, text: str) -> None:
    assert main_event(run(stage, text, lang), view="plover") is None


def test_procedural_opener_yields_to_a_later_main_clause(stage: EventsStage) -> None:
    text = "Recalling its earlier statements, the Council condemns the renewed shelling of the city."
    assert main_type(stage, text, "en") == "ACCUSE"


def test_noting_with_concern_is_a_trigger_not_a_preamble(stage: EventsStage) -> None:
    assert main_type(stage, "Noting with concern the continued recruitment of children,", "en") == "ACCUSE"
    assert main_type(stage, "Observando con preocupación el continuo reclutamiento de niños,", "es") == "ACCUSE"
    assert main_type(stage, "Observando com preocupação o recrutamento contínuo de crianças,", "pt") == "ACCUSE"


# ---- material events of the institutional register: quad view only, never ACLED

QUAD_ONLY = [
    ("en", "Armed groups continue to commit grave violations against children in the east.", "MATERIAL_CONFLICT"),
    ("es", "Los grupos armados siguen cometiendo violaciones graves contra los niños en el este.", "MATERIAL_CONFLICT"),
    ("pt", "Os grupos armados continuam a cometer violações graves contra crianças no leste.", "MATERIAL_CONFLICT"),
    ("en", "The mission supported the disarmament and demobilization of former combatants.", "MATERIAL_COOPERATION"),
    ("es", "El desarme y la desmovilización de los excombatientes concluyeron en el norte.", "MATERIAL_COOPERATION"),
    ("pt", "O desarmamento e a desmobilização dos ex-combatentes terminaram no norte.", "MATERIAL_COOPERATION"),
]


@pytest.mark.parametrize(("lang", "text", "quad"), QUAD_ONLY)
def test_institutional_material_events(stage: EventsStage, lang: str, text: str, quad: str) -> None:
    events = run(stage, text, lang)
    quads = {quad_for(e.plover_type) for e in events}
    assert quad in quads
    assert all(e.acled_sub_event_type is None for e in events)  # reports of patterns are no ACLED events


def test_human_rights_violation_is_not_sexual_violence(stage: EventsStage) -> None:
    for lang, text in (
        ("es", "La misión documentó violaciones de los derechos humanos en la región."),
        ("pt", "A missão documentou violações dos direitos humanos na região."),
    ):
        events = run(stage, text, lang)
        assert events and all(e.acled_sub_event_type != "Sexual violence" for e in events)


def test_negated_main_predicate_does_not_count(stage: EventsStage) -> None:
    assert main_type(stage, "The government did not condemn the raid.", "en") != "ACCUSE"


def test_unknown_view_is_an_error() -> None:
    with pytest.raises(ValueError, match="plover"):
        main_event([], view="quad")


# ---- the clause analysis on its own


def test_structure_marks_object_and_subordinate_triggers() -> None:
    text = "The Council condemns the attack that killed civilians"
    units = make_units(make_doc(text, "en"))
    st = structure(units, [(2, 3), (4, 5), (6, 7)], "en")
    assert st.embedded == (False, True, True) and not st.procedural
