"""Golden tests: the demo pages' expected events (``data/examples/expected.json``) through the full pipeline."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from wirewatch.pipeline import Pipeline
from wirewatch.records import ActorMention, Article, Event


def _expected(demo_dir: Path) -> dict[str, Any]:
    path = demo_dir / "expected.json"
    if not path.is_file():
        pytest.skip("data/examples/expected.json is not there yet")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {name: e for name, e in data.items() if (demo_dir / name).is_file() and e.get("events")}


def _match(article: Article, gold: dict[str, Any]) -> Event | None:
    """The event whose trigger overlaps the expected trigger text, with the expected PLOVER type."""
    want = gold["trigger_text"].lower()
    for e in article.events:
        got = article.text[e.trigger.start : e.trigger.end].lower()
        if (got in want or want in got) and e.plover_type == gold["plover_type"]:
            return e
    return None


@pytest.mark.slow
def test_demo_pages_yield_their_expected_events(demo_dir: Path) -> None:
    expected = _expected(demo_dir)
    # every stage but places (its gazetteer is slow to load; it has its own golden tests)
    pipeline = Pipeline.default(stages=["time", "figures", "claims", "events"])
    total = typed = coded = flagged = 0
    misses = []
    for name, page in expected.items():
        article = pipeline.analyze_html((demo_dir / name).read_bytes(), url=page.get("url"))
        for gold in page["events"]:
            total += 1
            e = _match(article, gold)
            if e is None:
                misses.append(f"{name}: {gold['trigger_text']!r} {gold['plover_type']}")
                continue
            typed += 1
            coded += e.acled_sub_event_type == gold.get("acled_sub_event_type")
            flagged += set(e.flags) == set(gold.get("flags") or [])
    assert total > 0
    # measured 2026-11-28 (third session): 64/72 found with the right PLOVER type, 53 with the right ACLED
    # sub-type, 56 with the right flags; fifth session: 66, 56, 58 (floors raised to just below)
    assert typed / total >= 0.90, misses
    assert coded / total >= 0.75
    assert flagged / total >= 0.78


def _words(text: str) -> set[str]:
    return set(re.sub(r"[();,]", " ", text.lower()).split())


def _names(mentions: Sequence[ActorMention]) -> set[str]:
    return _words(" ".join(f"{m.text} {m.name or ''}" for m in mentions))


@pytest.mark.slow
def test_demo_events_have_their_expected_parties_and_places(demo_dir: Path, pipeline: Pipeline) -> None:
    """Of the expected events found, the share whose actor, recipient and place share a word with the expected
    ones (a name or its resolved canonical name: "FARC dissidents" matches "Estado Mayor Central (FARC
    dissidents)")."""
    hits: Counter[str] = Counter()
    wanted: Counter[str] = Counter()
    for name, page in _expected(demo_dir).items():
        article = pipeline.analyze_html((demo_dir / name).read_bytes(), url=page.get("url"))
        for gold in page["events"]:
            e = _match(article, gold)
            if e is None:
                continue
            got = {"actor": _names(e.actors), "recipient": _names(e.recipients),
                   "place": _words(e.place.name) if e.place else set()}
            for role, found in got.items():
                if gold.get(role):
                    wanted[role] += 1
                    hits[role] += bool(_words(gold[role]) & found)
    # measured 2026-11-28 (seventh session): actor 43/56, recipient 22/43, place 48/65 (the sixth session ended
    # at 35, 21 and 47); floors just below
    assert hits["actor"] / wanted["actor"] >= 0.74, hits
    assert hits["recipient"] / wanted["recipient"] >= 0.48, hits
    assert hits["place"] / wanted["place"] >= 0.70, hits


@pytest.mark.parametrize(("text", "site"), [
    ("PEMBA, Mozambique — Insurgents attacked the coastal town of Palma on Thursday, the army said.", "Palma"),
    ("CÚCUTA. Guerrilleros atacaron el lunes una base militar en Tibú.", "Tibú"),
])
def test_a_dateline_is_where_the_report_was_filed_not_the_site(pipeline: Pipeline, text: str, site: str) -> None:
    lang = "en" if text.startswith("PEMBA") else "es"
    article = pipeline.analyze_text(text, lang=lang)
    attack = next(e for e in article.events if e.plover_type == "ASSAULT")
    assert attack.place is not None and attack.place.name == site
