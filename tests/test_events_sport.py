"""Sports reports use the words of war (issue 4): a fixture is no battle and a shot at goal no shooting, while
fans fighting police, attacks on referees and killings near a stadium stay violence. The team's own sentences
(invented clubs and players)."""

from __future__ import annotations

import pytest

from events_support import analyse
from wirewatch.pipeline import Pipeline

PLAY = [
    ("pt", "O confronto entre Vilanova e Santa Clara está marcado para domingo, às 16h, no estádio municipal."),
    ("pt", "O avançado rematou com força e o goleiro não conseguiu defender."),
    ("es", "El enfrentamiento entre Deportivo Norte y Atlético Sur será el domingo en el estadio municipal."),
    ("es", "El delantero disparó desde fuera del área y el portero desvió el balón."),
    ("en", "The striker fired a shot into the top corner in the 89th minute."),
    ("en", "Rovers attacked from the first whistle and scored twice before halftime."),
    ("en", "Brazil crushed Argentina 4-0 in the semifinal."),
]

VIOLENCE = [
    ("pt", "Torcedores entraram em confronto com a polícia do lado de fora do estádio após a partida."),
    ("es", "El entrenador fue atacado por hinchas a la salida del estadio."),
    ("pt", "O árbitro foi agredido por torcedores no fim do jogo."),
    ("en", "Gunmen shot dead a football coach outside the stadium."),
    ("en", "A journalist was attacked outside the stadium after the match."),
    ("es", "Un árbitro fue asesinado a tiros tras el partido en Cali."),
    # a capitalised sport word names something else
    ("en", "Militants attacked the convoy, the Arab League said."),
]


@pytest.mark.parametrize(("lang", "text"), PLAY)
def test_play_is_no_assault(pipeline: Pipeline, lang: str, text: str) -> None:
    assert [e.plover_type for e in analyse(pipeline, text, lang).events if e.plover_type == "ASSAULT"] == []


@pytest.mark.parametrize(("lang", "text"), VIOLENCE)
def test_violence_around_a_game_stays(pipeline: Pipeline, lang: str, text: str) -> None:
    types = {e.plover_type for e in analyse(pipeline, text, lang).events}
    assert types & {"ASSAULT", "PROTEST"}


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("en", "A journalist was shot outside her office.", "journalist"),
    ("es", "Un periodista fue asesinado en la puerta de su casa.", "periodista"),
    ("pt", "Uma jornalista foi atacada à porta de casa.", "jornalista"),
])
def test_one_civilian_is_a_civilian(pipeline: Pipeline, lang: str, text: str, word: str) -> None:
    event = next(e for e in analyse(pipeline, text, lang).events if e.plover_type == "ASSAULT")
    assert [(r.text, r.actor_type) for r in event.recipients] == [(word, "civilians")]


@pytest.mark.parametrize(("lang", "text"), [
    ("pt", "Confrontos entre adeptos rivais após o dérbi deixaram dez feridos."),
    ("es", "Hinchas se enfrentaron con la policía a las afueras del estadio tras el partido."),
    ("en", "Police clashed with fans outside the ground."),
])
def test_fans_fighting_are_mob_violence(pipeline: Pipeline, lang: str, text: str) -> None:
    event = next(e for e in analyse(pipeline, text, lang).events if e.plover_type == "ASSAULT")
    assert event.acled_sub_event_type == "Mob violence"
    assert event.mode != "firearms"
