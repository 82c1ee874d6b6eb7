"""Actor names for a reader of the web app in English, Spanish and Portuguese (``actors.actor_display``)."""

from __future__ import annotations

import pytest

from wirewatch.actors import actor_dictionary, actor_display, actor_display_by_name


@pytest.mark.parametrize(("actor_id", "lang", "shown"), [
    ("isis", "en", "Islamic State (ISIS)"),
    ("isis", "es", "Estado Islámico (ISIS)"),  # the canonical name's acronym is kept
    ("isis", "pt", "Estado Islâmico (ISIS)"),
    ("taliban", "es", "Talibanes"),  # a lower-case alias is capitalised
    ("taliban", "pt", "Talibãs"),
    ("shabaab", "es", "Al Shabab"),  # "(Somalia)" is a note, not an acronym
])
def test_named_actors_take_their_first_alias(actor_id: str, lang: str, shown: str) -> None:
    assert actor_display(actor_id, lang) == shown


@pytest.mark.parametrize(("actor_id", "lang", "shown"), [
    ("mil-iq", "en", "Military Forces of Iraq"),
    ("mil-iq", "es", "Fuerzas Armadas de Irak"),
    ("mil-iq", "pt", "Forças Armadas — Iraque"),  # no "de"/"do"/"da" to get wrong
    ("pol-br", "pt", "Polícia — Brasil"),
    ("gov-mz", "es", "Gobierno de Mozambique"),
    ("gov-mz", "pt", "Governo — Moçambique"),
    ("leg-co", "es", "Poder Legislativo de Colombia"),
])
def test_state_actors_use_the_language_template(actor_id: str, lang: str, shown: str) -> None:
    assert actor_display(actor_id, lang) == shown


@pytest.mark.parametrize(("actor_id", "lang", "shown"), [
    ("gen-protesters", "es", "Manifestantes"),
    ("gen-civilians", "pt", "Civis"),
    ("gen-military", "es", "Fuerzas militares (país sin precisar)"),
    ("gen-gunmen", "pt", "Grupo armado não identificado"),
    ("gen-gunmen", "en", "Unidentified Armed Group"),
])
def test_generic_actors(actor_id: str, lang: str, shown: str) -> None:
    assert actor_display(actor_id, lang) == shown


def test_unknown_ids_and_languages() -> None:
    assert actor_display("no-such-actor", "es") is None
    assert actor_display("xyz-iq", "pt") is None
    assert actor_display("isis", "fr") == "Islamic State (ISIS)"  # no display table for it: the canonical name


def test_every_actor_has_a_name_in_every_language() -> None:
    for actor_id in actor_dictionary().actors:
        for lang in ("en", "es", "pt"):
            shown = actor_display(actor_id, lang)
            assert shown and "{" not in shown, (actor_id, lang)


def test_lookup_by_canonical_name() -> None:
    assert actor_display_by_name("Government of United Kingdom", "pt") == "Governo — Reino Unido"
    assert actor_display_by_name("Protesters", "es") == "Manifestantes"
    assert actor_display_by_name("Some local committee", "es") is None
