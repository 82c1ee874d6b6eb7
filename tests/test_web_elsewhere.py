"""The event page shows where an actor read from another sentence was named (issue 4: every field links back to
the sentence it came from, even when it is not the event's own)."""

from __future__ import annotations

import shutil
from pathlib import Path

from web_helpers import TestClient, config_for


def test_an_actor_blamed_in_another_sentence_is_shown_with_that_sentence(demo_db: Path, tmp_path: Path) -> None:
    from wirewatch.web.app import create_app

    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    client = TestClient(create_app(config_for(db)))
    items = client.get("/api/events?limit=500").json()["items"]
    shown = []
    for item in items:
        detail = client.get(f"/api/events/{item['id']}").json()
        shown += [x for m in detail["mentions"] for x in m["elsewhere"]]
    blamed = [x for x in shown if x["rule"] == "actors:blamed"]
    assert blamed, shown
    marked = [s for s in blamed[0]["segments"] if s["kind"] == "actor"]
    assert marked and "Islamic State West Africa Province" in marked[0]["text"]
    assert any("blamed" in (s["text"] or "") for s in blamed[0]["segments"])
    page = client.get(f"/events/{next(i['id'] for i in items if _has(client, i['id'], 'actors:blamed'))}")
    assert page.status_code == 200 and "Actor named in another sentence" in page.text


def _has(client: TestClient, cid: str, rule: str) -> bool:
    detail = client.get(f"/api/events/{cid}").json()
    return any(x["rule"] == rule for m in detail["mentions"] for x in m["elsewhere"])


def test_a_party_whose_span_lies_outside_the_stored_text_is_shown_without_failing() -> None:
    from wirewatch.records import ActorMention, Article, Event, Span
    from wirewatch.web.details import _parties_elsewhere

    text = "A bomb killed six people."
    stray = ActorMention(span=Span(400, 420), text="the Northern Front", name="Northern Front", rule="actors:blamed")
    event = Event(id="e1", plover_type="ASSAULT", trigger=Span(2, 6), sentence=Span(0, len(text)), actors=(stray,))
    article = Article(id="a1", text=text, sentences=(Span(0, len(text)),))
    (shown,) = _parties_elsewhere(article, event, Span(0, len(text)))
    assert shown["name"] == "Northern Front" and shown["rule"] == "actors:blamed"
    assert all(not s["text"] for s in shown["segments"])


def test_each_report_shows_the_rule_that_coded_it_with_its_marks_explained(demo_db: Path, tmp_path: Path) -> None:
    from wirewatch.web.app import create_app

    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    client = TestClient(create_app(config_for(db)))
    item = client.get("/api/events?limit=1").json()["items"][0]
    mention = client.get(f"/api/events/{item['id']}").json()["mentions"][0]
    assert mention["rule"].startswith("events:")
    page = client.get(f"/events/{item['id']}")
    assert page.status_code == 200 and "Coded by rule" in page.text and mention["rule"] in page.text


def test_rule_marks_are_explained_in_reading_order() -> None:
    from wirewatch.web.details import rule_notes

    assert rule_notes("events:en:274:attack+verbal") == ["verbal"]
    assert rule_notes("events:en:278:kill+embedded+background+criminal") == ["criminal", "background", "embedded"]
    assert rule_notes("events:es:540:detener") == []
