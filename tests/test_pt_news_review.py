"""Portuguese news review (2026-11-28): general causes found on real Portuguese copy, each shown on the team's
own sentences, with the same pattern in Spanish and English where it exists."""

from __future__ import annotations

import pytest

from wirewatch.pipeline import Pipeline
from wirewatch.records import Article


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default()


def _run(pipe: Pipeline, text: str, lang: str) -> Article:
    return pipe.analyze_text(text, lang=lang)


def _types(article: Article) -> list[str]:
    return [e.plover_type for e in article.events]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("O antigo autarca morreu aos 88 anos na sua casa em Braga.", "pt"),
        ("O cantor morreu de cancro num hospital de Coimbra.", "pt"),
        ("A escritora faleceu por causas naturais.", "pt"),
        ("El exalcalde murió a los 88 años en su casa de Oviedo.", "es"),
        ("El cantante murió de cáncer en un hospital.", "es"),
        ("The former mayor died aged 88 at his home in Leeds.", "en"),
        ("The singer died of cancer in a London hospital.", "en"),
    ],
)
def test_natural_deaths_are_no_assault(pipe: Pipeline, text: str, lang: str) -> None:
    assert "ASSAULT" not in _types(_run(pipe, text, lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Um camionista morreu numa colisão entre dois pesados na estrada nacional.", "pt"),
        ("O médio está a recuperar em casa depois da operação ao joelho.", "pt"),
        ("El delantero se recupera en casa tras la operación.", "es"),
    ],
)
def test_accidents_and_convalescence_are_no_events(pipe: Pipeline, text: str, lang: str) -> None:
    assert "ASSAULT" not in _types(_run(pipe, text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "trigger"),
    [
        ("O ativista foi detido de novo pouco depois de ser libertado da cadeia.", "pt", "libertado da cadeia"),
        ("El activista fue liberado de la cárcel el lunes.", "es", "liberado de la cárcel"),
        ("The activist was freed from prison on Monday.", "en", "freed from prison"),
    ],
)
def test_leaving_prison_is_a_release(pipe: Pipeline, text: str, lang: str, trigger: str) -> None:
    art = _run(pipe, text, lang)
    found = [e for e in art.events if art.text[e.trigger.start : e.trigger.end] == trigger]
    assert found and found[0].plover_type == "RETREAT" and found[0].mode == "release"


def test_towns_still_taken_are_territory(pipe: Pipeline) -> None:
    art = _run(pipe, "Os insurgentes libertaram a vila de Mocímboa da Praia.", "pt")
    assert any(e.plover_type == "ASSAULT" for e in art.events)
    killed = _run(pipe, "Homens armados mataram dois agricultores em Cabo Delgado.", "pt")
    assert "ASSAULT" in _types(killed)


def test_portuguese_local_divisions_situate_the_town(pipe: Pipeline) -> None:
    art = _run(pipe, "Um incêndio destruiu um armazém na freguesia de Santa Clara, no concelho de Ourém.", "pt")
    ourem = [p for p in art.places if p.text == "Ourém"]
    assert ourem and ourem[0].country == "PT"


def test_brazilian_local_offices_situate_the_town(pipe: Pipeline) -> None:
    art = _run(pipe, "O prefeito anunciou obras em Ourém depois das chuvas.", "pt")
    ourem = [p for p in art.places if p.text == "Ourém"]
    assert ourem and ourem[0].country == "BR"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Mais acidentes e mais feridos graves nas estradas durante o fim de semana.", "pt"),
        ("Um despiste na autoestrada provocou dois mortos e três feridos.", "pt"),
        ("Dos muertos y tres heridos dejó una volcadura en la carretera federal.", "es"),
        ("Two fishermen were killed when their boat capsized off the coast on Sunday.", "en"),
    ],
)
def test_road_accidents_are_no_assault(pipe: Pipeline, text: str, lang: str) -> None:
    assert "ASSAULT" not in _types(_run(pipe, text, lang))


def test_armed_killing_on_a_road_is_still_an_attack(pipe: Pipeline) -> None:
    assert "ASSAULT" in _types(_run(pipe, "Homens armados mataram dois motoristas na estrada.", "pt"))
