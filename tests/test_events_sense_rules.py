"""Trigger senses that name no event (demo review, issue 4): attribution phrases, a source's anonymity, a
report handed over, a monitoring group, a supply route, a light verb. The team's own sentences, en/es/pt."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from wirewatch.nlp import make_doc, sentence_spans
from wirewatch.pipeline import article_from_text
from wirewatch.stages.events import EventsStage

PUBLISHED = datetime(2025, 3, 10, tzinfo=UTC)


@pytest.fixture(scope="module")
def stage() -> EventsStage:
    return EventsStage()


def types(stage: EventsStage, text: str, lang: str) -> set[str]:
    article = article_from_text(text, lang=lang, published=PUBLISHED)
    doc = make_doc(article.text, lang)
    article = dataclasses.replace(article, sentences=sentence_spans(doc), stages=("sentences",))
    return {e.plover_type for e in stage.events(article, doc)}


NOT_EVENTS = [
    ("en", "The toll rose to nine, said a monitoring group based in the capital.", "COOPERATE"),
    ("en", "A nurse said by telephone that the clinic had run out of beds.", "CONSULT"),
    ("en", "The bridge sits on the main supply route to the northern towns.", "AID"),
    ("en", "A farmer who asked not to be named said the herders left at dawn.", "REQUEST"),
    ("en", "The ministry handed over its report on the floods to parliament.", "RETREAT"),
    ("es", "No hubo heridos en el incendio, de acuerdo con los bomberos del municipio.", "AGREE"),
    ("es", "Tres vecinos quedaron atrapados en medio de la balacera.", "CONSULT"),
    ("es", "Un comerciante que pidió el anonimato contó que cerraron los locales.", "REQUEST"),
    ("es", "La gobernación entregó un informe sobre las lluvias a la prensa.", "RETREAT"),
    ("es", "La vía es la principal ruta de suministro de la región.", "AID"),
    ("pt", "Não houve vítimas no desabamento, de acordo com a Defesa Civil.", "AGREE"),
    ("pt", "Uma moradora que pediu para não ser identificada contou que a feira fechou.", "REQUEST"),
    ("pt", "A secretaria vai entregar o relatório sobre as enchentes na sexta-feira.", "RETREAT"),
    ("pt", "A estrada é a principal rota de abastecimento da cidade.", "AID"),
    ("pt", "O ataque que os rebeldes lançaram na madrugada deixou a vila sem luz.", "COOPERATE"),
]


@pytest.mark.parametrize(("lang", "text", "plover"), NOT_EVENTS)
def test_phrase_names_no_event(stage: EventsStage, lang: str, text: str, plover: str) -> None:
    assert plover not in types(stage, text, lang)


STILL_EVENTS = [
    ("en", "The rebels handed over the town to the army on Sunday.", "RETREAT"),
    ("en", "The governor asked the army to protect the camps.", "REQUEST"),
    ("es", "Los dos partidos firmaron un acuerdo de gobierno.", "AGREE"),
    ("es", "El sindicato pidió la renuncia del ministro.", "REQUEST"),
    ("pt", "Os dois países assinaram um acordo de cooperação.", "AGREE"),
    ("pt", "O governo lançou um plano de vacinação com a ONU.", "COOPERATE"),
]


@pytest.mark.parametrize(("lang", "text", "plover"), STILL_EVENTS)
def test_the_event_sense_stays(stage: EventsStage, lang: str, text: str, plover: str) -> None:
    assert plover in types(stage, text, lang)
