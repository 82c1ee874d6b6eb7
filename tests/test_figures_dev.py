"""Quality floors of the figures stage on the team's development sets, and the eval task's contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.config import load_config
from wirewatch.errors import EvalDataError
from wirewatch.eval import figures as eval_figures

DEV = Path(__file__).resolve().parent.parent / "src" / "wirewatch" / "data" / "dev"


@pytest.mark.parametrize("lang", ["en", "es", "pt"])
def test_killed_low_accuracy_floor(lang: str) -> None:
    path = DEV / f"figures-{lang}.jsonl"
    assert sum(1 for _ in path.open(encoding="utf-8")) >= 60
    result = eval_figures.evaluate(path, config=load_config())
    assert result["killed_low_accuracy"] >= 0.90
    assert result["injured_low_accuracy"] >= 0.90
    assert set(result["by_lang"]) == {lang}
    assert "killed_exact_accuracy" in result and result["sentences_per_s"] > 0
    assert "figures:" in eval_figures.render(result)


def test_null_gold_counts_only_when_nothing_is_predicted(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    rows = [
        {"text": "No one was hurt in the blast.", "lang": "en"},
        {"text": "At least 12 people were killed.", "lang": "en", "killed": {"low": 12, "high": None}},
        {"text": "Five people died.", "lang": "en", "killed": None},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = eval_figures.evaluate(corpus, config=load_config())
    assert result["records"] == 3
    assert result["killed_low_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["injured_low_accuracy"] == 1.0


@pytest.mark.parametrize(
    "line",
    ['{"text": "x"}', '{"lang": "en"}', '{"text": "x", "lang": "fr"}', '{"text": "x", "lang": "en", "killed": 5}',
     "not json", '["a list"]'],
)
def test_malformed_corpus_is_a_clear_error(tmp_path: Path, line: str) -> None:
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EvalDataError):
        eval_figures.evaluate(corpus, config=load_config())


def test_missing_corpus(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match="not found"):
        eval_figures.evaluate(tmp_path / "nope.jsonl", config=load_config())
