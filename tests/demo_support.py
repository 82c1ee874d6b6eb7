"""The demo pages and their golden expectations (``data/examples/expected.json``), analysed once per test run."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from wirewatch.pipeline import Pipeline
from wirewatch.records import Article

DEMO = Path(__file__).resolve().parent.parent / "src" / "wirewatch" / "data" / "examples"


@lru_cache(maxsize=1)
def expected() -> dict[str, Any]:
    path = DEMO / "expected.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@lru_cache(maxsize=32)
def analysed(name: str) -> Article:
    """A demo page through the figures and claims stages."""
    page = expected()[name]
    return Pipeline.default(stages=["figures", "claims"]).analyze_html((DEMO / name).read_bytes(), url=page.get("url"))
