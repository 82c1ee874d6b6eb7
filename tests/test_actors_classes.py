"""Whole classes of actors: legislatures, oppositions, parties, unions and the countries the gazetteer adds."""

from __future__ import annotations

import pytest

from wirewatch.actors import actor_dictionary, countries, make_units
from wirewatch.nlp import make_doc


def _ids(text: str, lang: str) -> list[str]:
    d = actor_dictionary()
    return [m.actors[0].id for m in d.find(make_units(make_doc(text, lang)), lang)]


def test_gazetteer_countries_extend_the_team_list() -> None:
    c = countries()
    assert len(c) >= 120
    assert "Polonia" in c["PL"].names["es"] and "polacas" in c["PL"].demonyms["es"]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Polish lawmakers voted", "en", "leg-pl"),
    ("los diputados polacos votaron", "es", "leg-pl"),
    ("os deputados poloneses votaram", "pt", "leg-pl"),
    ("the parliament of Kenya", "en", "leg-ke"),
    ("el Congreso de Colombia", "es", "leg-co"),
    ("o Congresso do Brasil", "pt", "leg-br"),
    ("Finnish troops", "en", "mil-fi"),
    ("el gobierno de Finlandia", "es", "gov-fi"),
])
def test_legislatures_and_new_countries(text: str, lang: str, actor: str) -> None:
    assert actor in _ids(text, lang)


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("opposition parties boycotted", "en", "gen-opposition"),
    ("los partidos de oposición", "es", "gen-opposition"),
    ("os partidos de oposição", "pt", "gen-opposition"),
    ("the ruling party", "en", "gen-party"),
    ("el partido oficialista", "es", "gen-party"),
    ("o partido governista", "pt", "gen-party"),
    ("factory workers walked out", "en", "gen-workers"),
    ("los mineros marcharon", "es", "gen-workers"),
    ("os metalúrgicos pararam", "pt", "gen-workers"),
    ("foreign ministers met", "en", "gen-government"),
    ("el canciller viajó", "es", "gen-government"),
    ("o chanceler viajou", "pt", "gen-government"),
    ("aid agencies warned", "en", "gen-igo"),
    ("la comunidad internacional", "es", "gen-igo"),
    ("a comunidade internacional", "pt", "gen-igo"),
])
def test_generic_classes_in_three_languages(text: str, lang: str, actor: str) -> None:
    assert actor in _ids(text, lang)
