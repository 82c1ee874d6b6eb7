"""Quality floors of the claims stage on the team's development sets, and the eval task's contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.config import load_config
from wirewatch.errors import EvalDataError
from wirewatch.eval import claims as eval_claims

DEV = Path(__file__).resolve().parent.parent / "src" / "wirewatch" / "data" / "dev"


@pytest.mark.parametrize("lang", ["en", "es", "pt"])
def test_source_f1_and_certainty_floors(lang: str) -> None:
    path = DEV / f"claims-{lang}.jsonl"
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    assert len(records) >= 60
    assert {r["certainty"] for r in records} == {"asserted", "probable", "possible", "doubtful", "denied"}
    result = eval_claims.evaluate(path, config=load_config())
    assert result["source_f1"] >= 0.85
    assert result["certainty_accuracy"] >= 0.80
    assert "claims:" in eval_claims.render(result)


def test_source_f1_is_token_overlap(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    rows = [
        {"text": "The interior ministry said five soldiers died.", "lang": "en",
         "attribution": [{"source_text": "the ministry", "cue": "said"}], "certainty": "asserted"},
        {"text": "Fighting resumed on Monday.", "lang": "en", "attribution": [], "certainty": "asserted"},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = eval_claims.evaluate(corpus, config=load_config())
    # predicted "The interior ministry" (3 tokens) vs gold "the ministry" (2): P 2/3, R 1
    assert result["source_precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["source_recall"] == 1.0
    assert result["certainty_accuracy"] == 1.0


@pytest.mark.parametrize(
    "line",
    ['{"text": "x", "lang": "en", "certainty": "sure"}', '{"text": "x", "lang": "en", "attribution": "police"}',
     '{"lang": "es"}'],
)
def test_malformed_corpus_is_a_clear_error(tmp_path: Path, line: str) -> None:
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EvalDataError):
        eval_claims.evaluate(corpus, config=load_config())
