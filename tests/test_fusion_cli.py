"""The fusion commands on the demo corpus, and the clustering scorers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from wirewatch.cli import cli
from wirewatch.eval.fusion import bcubed, score_clusters


def _run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_demo_same_event_pair_is_one_cross_lingual_story(demo_db: Path) -> None:
    rows = [json.loads(line) for line in _run(demo_db, "stories", "--json", "--limit", "100").splitlines()]
    by_lang = [r for r in rows if set(r["languages"]) == {"en", "pt"}]
    assert by_lang, "the English and Portuguese Palma reports should form one story"
    assert any("Palma" in " ".join(r["top_places"]) for r in by_lang)
    shown = _run(demo_db, "story", by_lang[0]["id"])
    assert "Palma" in shown and " en " in shown and " pt " in shown


def test_syndicated_demo_copy_is_grouped(demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(demo_db, db)
    out = json.loads(_run(db, "fuse", "--rebuild", "--json"))
    assert out["fused"] == 18 and out["duplicate_groups"] >= 1


def test_alerts_command_runs_on_sparse_data(demo_db: Path) -> None:
    assert "no alerts" in _run(demo_db, "alerts") or _run(demo_db, "alerts")


def test_unknown_story_is_a_usage_error(demo_db: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(demo_db), "story", "s-nope"])
    assert result.exit_code == 2 and "wirewatch stories" in result.output


def test_bcubed_and_pairwise_scores() -> None:
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)
    pred = {"a": "x", "b": "x", "c": "x", "d": "y"}
    p, r, _ = bcubed(pred, gold)
    assert round(p, 3) == round((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, 3) and round(r, 3) == round((1 + 1 + 0.5 + 0.5) / 4, 3)
    scores = score_clusters(pred, gold, {"a": "en", "b": "pt", "c": "en", "d": "es"})
    assert scores["pairwise_precision"] == round(1 / 3, 4) and scores["pairwise_recall"] == 0.5
    assert scores["by_lang_pair"]["en-pt"]["pairwise_f1"] == round(2 / 3, 4)  # a-b right, b-c wrongly joined


def test_events_default_to_canonical_with_provenance(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    _run(demo_db, "export", "events", "--format", "csv", "--output", str(out))
    import csv

    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows, "the demo yields canonical events"
    for col in ("event_date", "event_type", "sub_event_type", "actor1", "fatalities", "independent_sources",
                "disputed", "first_reported", "source_urls", "review_status"):
        assert col in rows[0]
    multi = [r for r in rows if int(r["reports"]) > 1]
    assert multi, "some events are reported more than once"
    mentions = _run(demo_db, "events", "--mentions", "--format", "jsonl").strip().splitlines()
    assert len(mentions) > len(rows)  # mentions merge into fewer canonical events
    result = CliRunner().invoke(cli, ["--db", str(demo_db), "events", "--include-flagged"])
    assert result.exit_code != 0 and "--mentions" in str(result.exception)


def test_demo_palma_reports_merge_into_one_disputed_event(demo_db: Path) -> None:
    """The English and Portuguese Palma reports are one event: 12 killed says the army, 20 say local sources."""
    rows = [json.loads(line) for line in _run(demo_db, "events", "--format", "jsonl", "--country", "MZ").splitlines()]
    palma = [r for r in rows if r["location"] == "Palma" and r["disputed"]]
    assert len(palma) == 1, [(r["location"], r["fatalities"], r["disputed"]) for r in rows]
    event = palma[0]
    assert (event["fatalities"], event["fatalities_high"]) == (12, 20)
    assert event["independent_sources"] == 2
    assert "Coastline Dispatch" in event["source"] and "Correio do Índico" in event["source"]


def test_eval_rejects_malformed_corpora_with_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "lang": "en", "group": "g"}\n{not json\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "dedup", str(bad)])
    assert result.exit_code != 0 and "bad.jsonl:2" in str(result.exception)
    missing = tmp_path / "missing.jsonl"
    missing.write_text('{"id": "a", "text": "x", "lang": "en"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "stories", str(missing)])
    assert "story_id" in str(result.exception)
