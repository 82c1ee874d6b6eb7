"""Bad input for the eighth session's readings: empty texts, spans outside the text, rule ids of odd shape and a
huge article. Every pass returns what it was given, or less noise, and never fails."""

from __future__ import annotations

from events_support import analyse
from wirewatch.actors import actor_dictionary
from wirewatch.pipeline import Pipeline
from wirewatch.records import ActorMention, Event, Span
from wirewatch.stages.event_discourse import IMPLICIT_ACTOR, ArticleContext, DiscourseWords, attribute
from wirewatch.web.details import rule_notes

WORDS = DiscourseWords(frozenset(), frozenset({"the"}), frozenset(), frozenset(), frozenset({"group"}))


def test_the_group_pass_reads_an_empty_text_and_a_trigger_outside_it() -> None:
    gunmen = actor_dictionary().get("gen-gunmen")
    placeholder = ActorMention(span=Span(0, 0), text="", actor_id="gen-gunmen", rule=IMPLICIT_ACTOR)
    for text, trigger in (("", Span(0, 0)), ("The group", Span(500, 510))):
        event = Event(id="e1", plover_type="ASSAULT", trigger=trigger, sentence=Span(0, len(text)),
                      actors=(placeholder,))
        bare = Event(id="e2", plover_type="ASSAULT", trigger=trigger, sentence=Span(0, len(text)))
        ctx = ArticleContext(text, [], [], None, gunmen)
        out = attribute([event, bare], ctx, WORDS)
        assert len(out) == 2 and all(e.plover_type == "ASSAULT" for e in out)


def test_rule_notes_of_odd_rule_ids_are_empty_or_known_marks_only() -> None:
    assert rule_notes("") == []
    assert rule_notes("+++") == []
    assert rule_notes("events:en:1:x+unknown+criminal+criminal") == ["criminal"]


def test_the_article_readings_pass_empty_and_punctuation_only_articles(pipeline: Pipeline) -> None:
    for text in ("", "   ", "...!!! ,,, ???"):
        assert analyse(pipeline, text, "en").events == ()


def test_a_huge_repetitive_business_and_crime_article_is_read_whole(pipeline: Pipeline) -> None:
    para = ("Investors cheered as shares and stocks rose on tariff news and the company's profits grew; the deal "
            "was signed. A suspect was charged with robbery after a man was shot in the leg. ")
    article = analyse(pipeline, para * 300, "en")
    assert len(article.sentences) == 600
    coded = [e for e in article.events if e.acled_sub_event_type]
    assert not coded, coded[:3]  # no deal an ACLED agreement, every shooting a crime
    assert any(e.plover_type == "AGREE" for e in article.events)
    assert any(e.rule.endswith("+criminal") for e in article.events)
