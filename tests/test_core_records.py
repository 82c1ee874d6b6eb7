"""Records: immutability and the versioned JSON round trip."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime

import pytest

from wirewatch.records import (
    SCHEMA_VERSION,
    ActorMention,
    Article,
    Claim,
    Event,
    Figure,
    Link,
    Place,
    PlaceCandidate,
    PlaceQualifier,
    Source,
    Span,
    TimeExpr,
    from_dict,
    to_dict,
)


def _article() -> Article:
    text = "Gunmen killed 12 villagers near Palma on Tuesday, police said."
    place = Place(Span(32, 37), "Palma", "Palma", "gn:1", -10.77, 40.47, "city", "MZ", "08", 1,
                  precision=1, confidence=0.9,
                  alternatives=(PlaceCandidate("gn:2", "Palma", 39.57, 2.65, "city", "ES", score=0.1),),
                  qualifier=PlaceQualifier(Span(27, 31), "near"))
    timex = TimeExpr(Span(41, 48), "Tuesday", date(2021, 3, 23), date(2021, 3, 23), "day", anchor=date(2021, 3, 25))
    fig = Figure(Span(14, 25), "killed", 12, 12, 12, who="civilians")
    claim = Claim("c1", Span(0, 48), "asserted", Source(Span(50, 56), "police", kind="official"),
                  cue=Span(57, 61), cue_text="said", figure_ids=(0,))
    ev = Event("e1", "ASSAULT", Span(7, 13), Span(0, len(text)), mode="firearms",
               actors=(ActorMention(Span(0, 6), "Gunmen", "unidentified-armed-group"),), place=place, time=timex,
               fatalities=fig, figures=(fig,), source=claim.source)
    return Article(id="abc", text=text, url="https://x.example/a", published=datetime(2021, 3, 25, tzinfo=UTC),
                   published_precision="day", lang="en", sentences=(Span(0, len(text)),),
                   editions=(Link("https://x.example/pt/a", lang="pt", rel="edition"),),
                   places=(place,), timexes=(timex,), figures=(fig,), claims=(claim,), events=(ev,),
                   tags=("Mozambique",))


def test_round_trip_is_lossless() -> None:
    art = _article()
    data = json.loads(json.dumps(to_dict(art)))
    assert data["schema"] == SCHEMA_VERSION and data["type"] == "Article"
    back = from_dict(Article, data)
    assert back == art


def test_records_are_frozen() -> None:
    art = _article()
    with pytest.raises(dataclasses.FrozenInstanceError):
        art.title = "x"  # type: ignore[misc]


def test_newer_schema_is_refused_with_advice() -> None:
    data = to_dict(_article())
    data["schema"] = SCHEMA_VERSION + 1
    with pytest.raises(ValueError, match="upgrade"):
        from_dict(Article, data)


def test_span_checks_and_helpers() -> None:
    with pytest.raises(ValueError):
        Span(5, 2)
    assert Span(0, 5).overlaps(Span(4, 9)) and not Span(0, 5).overlaps(Span(5, 9))
    assert Span(0, 10).contains(Span(2, 3))
    art = _article()
    assert art.snippet(art.places[0].span) == "Palma"
    assert art.sentence_of(Span(33, 34)) == art.sentences[0]


def test_event_flags() -> None:
    ev = Event("e", "ASSAULT", Span(0, 1), Span(0, 1), negated=True, historical=True)
    assert ev.flags == ("negated", "historical") and not ev.is_factual
