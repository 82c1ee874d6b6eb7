"""A place an event falls on ("a curfew in Montenegro") is PLOVER's recipient but no ACLED actor: it is marked as
a place target, left out of ACLED's actor2 and shown as a place. A country after "on" is the party an event
falls on, and a province named after its country's possessive is the event's site. The team's own sentences."""

from __future__ import annotations

import pytest

from events_support import PUBLISHED, analyse, event_on
from wirewatch.cli.articles import _party
from wirewatch.cli.events import event_row
from wirewatch.pipeline import Pipeline
from wirewatch.records import PLACE_TARGET, ActorMention, Span
from wirewatch.storage.base import StoredEvent
from wirewatch.web.index import _actor_names


@pytest.mark.parametrize(("lang", "text", "trigger", "place"), [
    ("en", "Thousands protested in Nairobi on Tuesday.", "protested", "Nairobi"),
    ("en", "The authorities imposed a curfew in Montenegro.", "curfew", "Montenegro"),
])
def test_a_place_the_event_falls_on_is_a_place_target(
    pipeline: Pipeline, lang: str, text: str, trigger: str, place: str
) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [(r.text, r.is_place) for r in event.recipients] == [(place, True)]


def test_named_actors_are_no_place_targets(pipeline: Pipeline) -> None:
    event = event_on(pipeline, "es", "Miles de personas marcharon en Quito contra el Gobierno.", "marcharon")
    assert [r.name for r in event.recipients] == ["Government of Ecuador"]
    assert not any(r.is_place for r in event.recipients)


@pytest.mark.parametrize("text", [
    "The EU imposed sanctions on Iran.",
    "Washington announced new sanctions on Iran over the weekend.",
])
def test_a_country_after_on_is_the_party_the_event_falls_on(pipeline: Pipeline, text: str) -> None:
    event = event_on(pipeline, "en", text, "sanctions")
    assert [(r.name, r.is_place) for r in event.recipients] == [("Government of Iran", False)]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Gunmen attacked a church in Nigeria's Plateau state."),
    ("en", "Gunmen attacked a church in Plateau state, Nigeria."),
    ("es", "Hombres armados atacaron una iglesia en el estado de Plateau, en Nigeria."),
])
def test_the_province_inside_the_named_country_is_the_site(pipeline: Pipeline, lang: str, text: str) -> None:
    event = event_on(pipeline, lang, text, "attacked" if lang == "en" else "atacaron")
    assert event.place is not None and event.place.feature == "admin1"
    assert event.place.name == "Plateau State"


def test_acled_rows_leave_a_place_target_out_of_actor2(pipeline: Pipeline) -> None:
    article = analyse(pipeline, "Thousands protested in Nairobi on Tuesday.", "en")
    event = next(e for e in article.events if e.plover_type == "PROTEST")
    row = event_row(StoredEvent(article.id, event, PUBLISHED, "example.org", None, "en"), article)
    assert row["actor2"] is None and row["inter2"] is None
    assert row["location"] == "Nairobi"


def test_the_web_index_and_show_treat_a_place_target_as_a_place(pipeline: Pipeline) -> None:
    place = ActorMention(span=Span(0, 7), text="Nairobi", rule=PLACE_TARGET)
    army = ActorMention(span=Span(8, 12), text="army", actor_id="gen-army", name="Army", rule="actors:generic")
    record = {"recipients": [{"text": "Nairobi", "rule": PLACE_TARGET}, {"text": "army", "name": "Army"}]}
    assert [n for _, n in _actor_names(record, "recipients")] == ["Army"]
    article = analyse(pipeline, "Nairobi army", "en")
    event = event_on(pipeline, "en", "Thousands protested in Nairobi on Tuesday.", "protested")
    assert _party(article, event, place) == "Nairobi (place)"
    assert _party(article, event, army) == "Army"
