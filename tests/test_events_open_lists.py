"""An open list is no denial, and meeting a deadline is no meeting (issue 4). The team's own sentences."""

from __future__ import annotations

import pytest

from events_support import analyse
from wirewatch.pipeline import Pipeline


@pytest.mark.parametrize(("lang", "text", "word", "negated"), [
    ("en", "Abuses in the camps include but are not limited to rape.", "rape", False),
    ("en", "The guards did not rape anyone, the inquiry found.", "rape", True),
    ("es", "Los abusos incluyen, sin limitarse a, violaciones y secuestros.", "violaciones", False),
    ("es", "Los abusos no se limitan a violaciones.", "violaciones", False),
    ("es", "No hubo violaciones en el penal.", "violaciones", True),
    ("pt", "Os abusos incluem, mas não se limitam a, violações e sequestros.", "violações", False),
    ("pt", "Não houve violações na prisão.", "violações", True),
])
def test_an_open_list_is_no_denial(pipeline: Pipeline, lang: str, text: str, word: str, negated: bool) -> None:
    article = analyse(pipeline, text, lang)
    event = next(e for e in article.events if e.trigger.text(article.text) == word)
    assert ("negated" in event.flags) is negated


@pytest.mark.parametrize("text", [
    "All but one of the member states have met the deadline set by the agency.",
    "The programme aims to meet the needs of displaced families.",
    "The new border posts meet the safety standards of the agency.",
])
def test_meeting_a_target_is_no_meeting(pipeline: Pipeline, text: str) -> None:
    assert [e.plover_type for e in analyse(pipeline, text, "en").events] == []


@pytest.mark.parametrize("text", [
    "The foreign ministers met in Geneva on Monday.",
    "The president met rebel leaders to discuss the ceasefire.",
])
def test_meetings_stay_meetings(pipeline: Pipeline, text: str) -> None:
    assert "CONSULT" in [e.plover_type for e in analyse(pipeline, text, "en").events]


def test_demands_met_are_conceded(pipeline: Pipeline) -> None:
    article = analyse(pipeline, "The company finally met the demands of the striking dockers.", "en")
    assert "CONCEDE" in [e.plover_type for e in article.events]
