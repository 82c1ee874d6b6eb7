"""Bad input for the ninth session's readings: sentences cut where a new rule looks next (a comma with nothing
after it, a demonym or a denial at the very start or end), a record with malformed recipients in the web index,
mentions of odd shape in the ACLED row, and a huge article that uses every new construction."""

from __future__ import annotations

import pytest

from events_support import PUBLISHED, analyse
from wirewatch.cli.events import event_row
from wirewatch.pipeline import Pipeline
from wirewatch.records import PLACE_TARGET, ActorMention, Event, Span
from wirewatch.storage.base import StoredEvent
from wirewatch.web.index import _actor_names


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Hombres armados asesinaron a dos campesinos, denunció"),
    ("es", ", denunció la ONU."),
    ("en", "Russian"),
    ("en", "A Russian missile"),
    ("pt", "Drones ucranianos"),
    ("en", "denied reports that"),
    ("es", "no descartan que"),
    ("en", "Ten years after the"),
    ("pt", "completa seis anos"),
    ("en", "Any attack on"),
    ("pt", "Uma operação da"),
    ("es", "retomaron los"),
    ("es", "los detenidos"),
    ("en", "Moscow"),
    ("en", "in Nigeria's"),
    ("es", "por parte del"),
])
def test_sentences_cut_where_a_new_rule_looks_next_are_read_without_error(
    pipeline: Pipeline, lang: str, text: str
) -> None:
    article = analyse(pipeline, text, lang)
    for e in article.events:  # every span still lies inside the text
        assert 0 <= e.trigger.start <= e.trigger.end <= len(article.text)
        assert all(0 <= m.span.start <= m.span.end <= len(article.text) for m in (*e.actors, *e.recipients))


def test_the_web_index_skips_malformed_recipient_entries() -> None:
    record = {"recipients": [{}, {"rule": PLACE_TARGET}, {"text": "", "name": None}, {"name": "Army", "actor_id": "x"}]}
    assert _actor_names(record, "recipients") == [("x", "Army")]
    assert _actor_names({}, "recipients") == []


def test_an_acled_row_with_only_place_targets_or_no_text_has_no_actor2() -> None:
    place = ActorMention(span=Span(0, 0), text="", rule=PLACE_TARGET)
    event = Event(id="e1", plover_type="PROTEST", trigger=Span(0, 0), sentence=Span(0, 0), recipients=(place,))
    row = event_row(StoredEvent("a1", event, PUBLISHED, None, None, "en"), None)
    assert row["actor2"] is None and row["trigger"] is None


def test_a_huge_article_of_every_new_construction_is_read_whole(pipeline: Pipeline) -> None:
    para = ("A Russian missile hit a school, killing four people. Moscow denied reports that its forces had struck "
            "the plant. Two soldiers died at the hands of the rebels. Gunmen killed two farmers in the north, "
            "warned the governor. Thousands protested in Nairobi. ")
    article = analyse(pipeline, para * 120, "en")
    assert len(article.sentences) == 600
    assert sum(e.actors[0].rule == "actors:weapon-owner" for e in article.events if e.actors) >= 120
    assert sum(any(r.is_place for r in e.recipients) for e in article.events) >= 120
