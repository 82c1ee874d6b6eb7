"""Helpers shared by the scorers: reading JSON Lines gold, token F1, timing."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import EvalDataError

_WORD = re.compile(r"\w+", re.UNICODE)


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Records of a JSON Lines corpus; a malformed line is an error naming the line."""
    if not path.is_file():
        raise EvalDataError(f"evaluation corpus {path} not found")
    with path.open(encoding="utf-8") as fh:
        n = 0
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalDataError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from exc
            if not isinstance(record, dict):
                raise EvalDataError(f"{path}:{lineno}: expected a JSON object")
            yield record
            n += 1
            if limit is not None and n >= limit:
                return


def word_tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def prf(tp: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
    """Precision, recall, F1 from counts (1.0 for empty-vs-empty)."""
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def bag_prf(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    """Multiset-overlap precision/recall/F1 of two token lists."""
    overlap = sum((Counter(pred) & Counter(gold)).values())
    return prf(overlap, len(pred), len(gold))


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def rounded(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)
