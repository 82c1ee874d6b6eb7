"""The actor dictionary: size, multilingual aliases, rule-built state forces and generic actors."""

from __future__ import annotations

import pytest

from wirewatch.actors import actor_dictionary, choose, demonym_country, make_units
from wirewatch.nlp import make_doc


def _ids(text: str, lang: str) -> list[str]:
    d = actor_dictionary()
    return [m.actors[0].id for m in d.find(make_units(make_doc(text, lang)), lang)]


def test_at_least_300_canonical_actors_with_types() -> None:
    d = actor_dictionary()
    assert len(d.actors) >= 300
    named = [a for a in d.actors.values() if not a.id.startswith(("gen-", "mil-", "pol-", "gov-"))]
    assert len(named) >= 150
    assert all(a.actor_type and a.sector for a in d.actors.values())


@pytest.mark.parametrize(("text", "lang"), [
    ("Daesh fighters", "en"), ("the ISIS attack", "en"), ("ISIL said", "en"), ("the Islamic State group", "en"),
    ("el Estado Islámico reivindicó", "es"), ("o Estado Islâmico", "pt"), ("Da'esh", "en"),
])
def test_isis_aliases(text: str, lang: str) -> None:
    assert "isis" in _ids(text, lang)


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Iraqi forces advanced", "en", "mil-iq"),
    ("las fuerzas iraquíes avanzaron", "es", "mil-iq"),
    ("as forças iraquianas avançaram", "pt", "mil-iq"),
    ("the Colombian police", "en", "pol-co"),
    ("la policía colombiana", "es", "pol-co"),
    ("o exército do Brasil", "pt", "mil-br"),
    ("the US-led coalition", "en", "us-coalition"),
    ("Shia militias", "en", "shia-militias"),
    ("gunmen opened fire", "en", "gen-gunmen"),
    ("hombres armados llegaron", "es", "gen-gunmen"),
    ("homens armados chegaram", "pt", "gen-gunmen"),
    ("protesters gathered", "en", "gen-protesters"),
    ("los manifestantes", "es", "gen-protesters"),
    ("civis morreram", "pt", "gen-civilians"),
    ("al-Qaeda and Al Qaida", "en", "alqaeda"),
    ("disidencias de las FARC", "es", "emc"),
    ("o Comando Vermelho", "pt", "cv"),
    ("el Clan del Golfo", "es", "agc"),
    ("Ansar Allah", "en", "houthis"),
    ("Hashd al-Shaabi", "en", "pmf"),
])
def test_aliases_and_generic_patterns(text: str, lang: str, actor: str) -> None:
    assert actor in _ids(text, lang)


def test_short_acronyms_match_only_in_capitals() -> None:
    assert "eln" in _ids("the ELN said", "en")
    assert "eln" not in _ids("the eln said", "en")


def test_shared_alias_is_resolved_by_country_context() -> None:
    d = actor_dictionary()
    m = d.find(make_units(make_doc("al-Shabaab attacked", "en")), "en")[0]
    assert {a.id for a in m.actors} == {"shabaab", "aswj"}
    assert choose(m.actors, {"MZ"}).id == "aswj"
    assert choose(m.actors, {"SO"}).id == "shabaab"


def test_demonyms_in_three_languages() -> None:
    assert demonym_country("iraquíes", "es") == "IQ"
    assert demonym_country("moçambicanas", "pt") == "MZ"
    assert demonym_country("Colombian", "en") == "CO"
    assert demonym_country("nowhere", "en") is None
