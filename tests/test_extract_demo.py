"""Golden tests: extraction of the packaged demo pages against their hand-coded ``expected.json``."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from wirewatch.config import load_config
from wirewatch.decode import decode_html, normalize_label
from wirewatch.records import Article, RawInput
from wirewatch.stages.extract import extract_article
from wirewatch.stages.language import identify_article

CONFIG = load_config(env={})
DEMO = Path(__file__).resolve().parent.parent / "src" / "wirewatch" / "data" / "examples"


def _expected() -> dict[str, dict[str, Any]]:
    path = DEMO / "expected.json"
    if not path.is_file():
        return {}
    data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


EXPECTED = _expected()
NAMES = sorted(EXPECTED) or ["(no expected.json yet)"]


@cache
def _article(name: str) -> Article:
    exp = EXPECTED[name]
    raw = RawInput(source=name, data=(DEMO / name).read_bytes(), url=exp.get("url"))
    return extract_article(raw, CONFIG)


def _case(name: str) -> tuple[dict[str, Any], Article]:
    if name not in EXPECTED or not (DEMO / name).is_file():
        pytest.skip(f"demo page {name} not present yet")
    return EXPECTED[name], _article(name)


@pytest.mark.parametrize("name", NAMES)
def test_body(name: str) -> None:
    exp, a = _case(name)
    for needle in exp.get("must_contain", []):
        assert needle in a.text
    for needle in exp.get("must_not_contain", []):
        assert needle not in a.text
    assert "\n\n" not in a.text and a.text == a.text.strip()


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name: str) -> None:
    exp, a = _case(name)
    assert a.title == exp["title"]
    assert a.site == exp["site"]
    assert a.canonical_url == exp["canonical_url"]
    assert a.authors == tuple(exp.get("authors", []))
    if exp.get("section"):
        assert a.section == exp["section"]
    assert a.published is not None and a.published.tzinfo is not None
    assert a.published.date().isoformat() == exp["published_date"]
    if exp.get("metadata") != "none":  # pages with a declared date keep its time and offset
        assert a.published.isoformat() == exp["published"]
        assert a.published_precision == "second"
    assert a.lang in (exp["lang"], None) and a.lang_confidence == 0.0  # a page hint, when the page has one
    assert identify_article(a, CONFIG).lang == exp["lang"]


@pytest.mark.parametrize("name", NAMES)
def test_links_and_tags(name: str) -> None:
    exp, a = _case(name)
    assert sorted(link.title for link in a.related) == sorted(exp.get("related_titles", []))
    assert all(link.url.startswith("https://") for link in a.related)
    want = {(e["lang"], e["url"]) for e in exp.get("editions", [])}
    assert {(e.lang, e.url) for e in a.editions} == want
    # the tag strip's names are all there; JSON-LD keywords may add more
    assert {t.casefold() for t in exp.get("tags", [])} <= {t.casefold() for t in a.tags}


@pytest.mark.parametrize("name", NAMES)
def test_encoding(name: str) -> None:
    exp, _ = _case(name)
    _, encoding = decode_html((DEMO / name).read_bytes())
    assert encoding == normalize_label(exp.get("encoding", "utf-8"))
