"""Golden tests on the demo pages: figures as an analyst codes them, and the cross-outlet contradiction."""

from __future__ import annotations

from typing import Any

import pytest

from demo_support import DEMO, analysed, expected
from wirewatch.records import Article
from wirewatch.stages.claims import claim_for, find_contradictions
from wirewatch.stages.figures import main_figure


def pages_with(key: str) -> list[str]:
    return [n for n, p in expected().items() if p.get(key) and (DEMO / n).is_file()]


def _found(article: Article, want: dict[str, Any]) -> bool:
    text = want["text"].lower()
    for f in article.figures:
        got = article.text[f.span.start : f.span.end].lower()
        if f.category == want["category"] and f.low == want["low"] and (text in got or got in text):
            return True
    return False


def test_demo_figures_mostly_coded_as_expected() -> None:
    pages = pages_with("figures")
    if not pages:
        pytest.skip("demo expectations not written yet")
    wanted = [(n, w) for n in pages for w in expected()[n]["figures"]]
    hits = [(n, w) for n, w in wanted if _found(analysed(n), w)]
    # measured 70 of 85; the misses need event semantics ("families arrived in town" = displaced) or follow a
    # different convention for troop counts (docs/figures.md)
    assert len(hits) / len(wanted) >= 0.78


@pytest.mark.parametrize("name", pages_with("figures"))
def test_demo_killed_figures_are_found(name: str) -> None:
    article = analysed(name)
    for want in expected()[name]["figures"]:
        if want["category"] == "killed" and not want.get("hedged") and not want.get("note"):
            assert _found(article, want), want


def test_cross_outlet_contradiction_is_detected() -> None:
    pairs = [(n, p["contradicts"]) for n, p in expected().items() if p.get("contradicts")]
    pairs = [(n, c) for n, c in pairs if (DEMO / n).is_file() and (DEMO / c["file"]).is_file()]
    if not pairs:
        pytest.skip("demo contradiction pair not written yet")
    for name, con in pairs:
        items = []
        for page in (name, con["file"]):
            article = analysed(page)
            main = main_figure(article, "killed")
            assert main is not None
            items.append((article.id, claim_for(article, main.span), main))
        (found,) = find_contradictions(items)
        assert sorted([found.figure_a.low, found.figure_b.low]) == sorted(con["killed"])  # type: ignore[union-attr]
        assert found.source_a and found.source_b
