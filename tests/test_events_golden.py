"""Golden tests: the demo pages' expected events (``data/examples/expected.json``) through the full pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wirewatch.pipeline import Pipeline
from wirewatch.records import Article, Event


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
