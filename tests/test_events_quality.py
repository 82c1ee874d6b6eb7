"""Quality floors of the events stage on the shared evaluation sets (skipped when ../shared/eval is absent).

Floors sit slightly below the scores measured on 2026-11-28 (see docs/events.md); where a floor is below the
issue's target, the target is not met yet and the docs say so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.config import load_config
from wirewatch.eval.events import evaluate


def _corpus(eval_dir: Path, name: str) -> Path:
    path = eval_dir / "events" / name
    if not path.is_file():
        pytest.skip(f"{name} is absent")
    return path


@pytest.mark.slow
def test_case2021_acled_floors(eval_dir: Path) -> None:
    r = evaluate(_corpus(eval_dir, "case2021-t2-dev.jsonl"), config=load_config())
    assert r["micro_f1"] >= 0.72  # measured 0.752 (target 0.65)
    assert r["macro_f1"] >= 0.67  # measured 0.698 (target 0.55)
    assert r["event_type_accuracy"] >= 0.78  # measured 0.804 (target 0.80)


@pytest.mark.slow
def test_plover_gsr_floors(eval_dir: Path) -> None:
    r = evaluate(_corpus(eval_dir, "plover-gsr.jsonl"), config=load_config())
    assert r["plover_accuracy"] >= 0.58  # measured 0.609 (target 0.60)
    assert r["actor_f1"] >= 0.62  # measured 0.648 (target 0.50)


@pytest.mark.slow
def test_keep_it_local_spanish_is_not_worse_than_english(eval_dir: Path) -> None:
    # 1,000-record prefixes of the two parallel files keep the test short
    en = evaluate(_corpus(eval_dir, "keep-it-local-en-quad.jsonl"), config=load_config(), limit=1000)
    es = evaluate(_corpus(eval_dir, "keep-it-local-es-quad.jsonl"), config=load_config(), limit=1000)
    assert es["quad_accuracy"] >= en["quad_accuracy"] - 0.05
    assert en["quad_accuracy"] >= 0.15 and es["quad_accuracy"] >= 0.15  # see docs/events.md on these labels
    # the same run under the label reading the aggregate cross-tab supports: measured en 0.496, es 0.509
    assert en["quad_accuracy_relabelled"] >= 0.47 and es["quad_accuracy_relabelled"] >= 0.47
    assert es["quad_accuracy_relabelled"] >= en["quad_accuracy_relabelled"] - 0.05
