"""Title-case headlines in plain-text input (issue 4): capitals there mark no names, so Spanish and Portuguese
verbs keep their lemmas, the trigger words are no part of an actor's name, and a country's name inside a longer
name ("the Kessa Coast Hotel") is no state. The team's own headlines."""

from __future__ import annotations

import pytest

from events_support import analyse, by_trigger
from wirewatch.pipeline import Pipeline


@pytest.mark.parametrize(("lang", "text", "plover", "actor"), [
    ("es", "Rebeldes Atacan Base Militar En El Norte De Malí", "ASSAULT", "Rebeldes"),
    ("pt", "Rebeldes Atacam Base Militar No Norte Do Mali", "ASSAULT", "Rebeldes"),
    ("pt", "Polícia Prende Cinco Suspeitos Após Tiroteio Em Salvador", "COERCE", "Polícia"),
    ("en", "Rebels Attack Military Base In Northern Mali", "ASSAULT", "Rebels"),
])
def test_a_title_case_headline_keeps_its_verb_and_subject(
    pipeline: Pipeline, lang: str, text: str, plover: str, actor: str
) -> None:
    events = [e for e in analyse(pipeline, text, lang).events if e.plover_type == plover]
    assert events, [(e.plover_type, e.rule) for e in analyse(pipeline, text, lang).events]
    assert [a.text for a in events[0].actors] == [actor]


def test_capitalised_names_in_ordinary_sentences_keep_their_own_lemma(pipeline: Pipeline) -> None:
    # "el Chocó" is a region, no form of "chocar"
    assert not analyse(pipeline, "El Chocó vive una crisis humanitaria desde hace meses.", "es").events


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Gunmen attacked the Ivory Coast Hotel in the capital on Sunday."),
    ("en", "Gunmen Attack Kessa Coast Hotel Popular With Foreigners"),
])
def test_a_country_inside_a_longer_name_is_no_state(pipeline: Pipeline, lang: str, text: str) -> None:
    events = [e for e in analyse(pipeline, text, lang).events if e.plover_type == "ASSAULT"]
    assert events and events[0].acled_sub_event_type == "Attack"
    assert all(r.actor_type != "state" for r in events[0].recipients)


@pytest.mark.parametrize(("lang", "text", "trigger", "actor"), [
    ("es", "REBELDES ATACAN BASE MILITAR EN EL NORTE", "ATACAN", "REBELDES"),
    ("en", "GUNMEN KILL FIVE SOLDIERS IN NORTHERN TOWN", "KILL", "GUNMEN"),
    ("pt", "POLÍCIA PRENDE TRÊS SUSPEITOS EM SALVADOR", "PRENDE", "POLÍCIA"),
])
def test_an_all_caps_headline_names_only_dictionary_actors(
    pipeline: Pipeline, lang: str, text: str, trigger: str, actor: str
) -> None:
    event = by_trigger(analyse(pipeline, text, lang), trigger)
    assert [a.text for a in event.actors] == [actor]


def test_an_all_caps_function_word_is_no_acronym(pipeline: Pipeline) -> None:
    article = analyse(pipeline, "ATAQUE CONTRA UN HOTEL DEJA NUEVE MUERTOS EN LA CAPITAL", "es")
    assert not any(m.actor_id == "un" for e in article.events for m in (*e.actors, *e.recipients))
