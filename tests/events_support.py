"""Helpers shared by the event rule tests: a fixed publication date, analysis of one snippet, and the main
event's PLOVER type in the PLOVER view (the sentence's main predicate)."""

from __future__ import annotations

from datetime import UTC, datetime

from wirewatch.pipeline import Pipeline
from wirewatch.records import Article, Event
from wirewatch.stages.events import main_event

#: every rule test's publication date, so that "last year" and "in 2019" flag the same way on any day
PUBLISHED = datetime(2025, 3, 10, tzinfo=UTC)


def analyse(pipeline: Pipeline, text: str, lang: str) -> Article:
    return pipeline.analyze_text(text, lang=lang, published=PUBLISHED)


def main_type(pipeline: Pipeline, text: str, lang: str) -> str | None:
    event = main_event(analyse(pipeline, text, lang).events, view="plover")
    return event.plover_type if event is not None else None


def event_on(pipeline: Pipeline, lang: str, text: str, trigger: str) -> Event:
    """The first event whose trigger starts with the word ``trigger`` ("capturó" matches "capturó a")."""
    article = analyse(pipeline, text, lang)
    return next(e for e in article.events if e.trigger.text(article.text).lower().split()[0] == trigger.lower())


def by_trigger(article: Article, word: str) -> Event:
    """The first event whose trigger text is ``word``."""
    return next(e for e in article.events if e.trigger.text(article.text) == word)


#: PLOVER types that count as conflict in the noise reviews (ordinary news must give none of them)
CONFLICT = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "THREATEN", "SANCTION", "RETREAT"})


def assert_no_event(pipeline: Pipeline, text: str, lang: str) -> None:
    events = analyse(pipeline, text, lang).events
    assert not events, [(e.plover_type, e.rule) for e in events]


def assert_no_conflict(pipeline: Pipeline, text: str, lang: str, conflict: frozenset[str] = CONFLICT) -> None:
    events = analyse(pipeline, text, lang).events
    assert not [e for e in events if e.plover_type in conflict], [(e.plover_type, e.rule) for e in events]


def assert_main_type(pipeline: Pipeline, text: str, lang: str, expected: str) -> None:
    events = analyse(pipeline, text, lang).events
    event = main_event(events, view="plover")
    assert event is not None and event.plover_type == expected, [(e.plover_type, e.rule) for e in events]
