"""The demo corpus (src/wirewatch/data/examples/) is well formed and agrees with its golden expected.json."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import lxml.html
import pytest

ROOT = Path(__file__).resolve().parent.parent

EXAMPLES = ROOT / "src" / "wirewatch" / "data" / "examples"
PAGES = sorted(p.name for p in EXAMPLES.glob("*.html"))
NAME_RE = re.compile(r"^(en|es|pt)-\d\d-[a-z0-9-]+\.html$")
CHARSET_RE = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.I)


@cache
def expected() -> dict[str, dict[str, Any]]:
    data = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def declared_charset(raw: bytes) -> str:
    m = CHARSET_RE.search(raw[:2048])
    return m.group(1).decode("ascii").lower() if m else "utf-8"


@cache
def visible_text(name: str) -> str:
    """Body text as a browser shows it (scripts and styles dropped), whitespace collapsed."""
    raw = (EXAMPLES / name).read_bytes()
    doc = lxml.html.document_fromstring(raw.decode(declared_charset(raw)))
    for bad in doc.xpath("//script|//style|//head"):
        bad.drop_tree()
    return " ".join(doc.text_content().split())


def test_corpus_has_six_pages_per_language() -> None:
    assert all(NAME_RE.match(n) for n in PAGES), PAGES
    assert Counter(n[:2] for n in PAGES) == {"en": 6, "es": 6, "pt": 6}


def test_expected_covers_every_page() -> None:
    assert sorted(expected()) == PAGES
    for name, rec in expected().items():
        assert rec["file"] == name
        assert rec["lang"] == name[:2]


@pytest.mark.parametrize("name", PAGES)
def test_page_parses_and_is_marked_as_sample(name: str) -> None:
    raw = (EXAMPLES / name).read_bytes()
    assert b"wirewatch" in raw[:600] and (b"SAMPLE TEXT" in raw[:600] or b"TEXTO DE" in raw[:600])
    doc = lxml.html.document_fromstring(raw.decode(declared_charset(raw)))
    assert doc.find(".//body") is not None
    assert len(doc.xpath("//p")) >= 8


def test_exactly_one_windows_1252_page() -> None:
    cp = [n for n in PAGES if declared_charset((EXAMPLES / n).read_bytes()) == "windows-1252"]
    assert cp == [n for n, r in expected().items() if r["encoding"] == "windows-1252"]
    assert len(cp) == 1
    with pytest.raises(UnicodeDecodeError):
        (EXAMPLES / cp[0]).read_bytes().decode("utf-8")
    for n in set(PAGES) - set(cp):
        (EXAMPLES / n).read_bytes().decode("utf-8")


@pytest.mark.parametrize("name", PAGES)
def test_body_sentences_and_boilerplate_are_on_the_page(name: str) -> None:
    rec, text = expected()[name], visible_text(name)
    assert len(rec["must_contain"]) >= 3
    for s in rec["must_contain"] + rec["must_not_contain"] + rec["related_titles"]:
        assert s in text, s
    assert rec["title"] in text


@pytest.mark.parametrize("name", PAGES)
def test_coded_spans_are_literal(name: str) -> None:
    """Every coded surface string (trigger, timex, figure, claim, place) occurs in the page text."""
    rec, text = expected()[name], visible_text(name)
    strings = [t["text"] for t in rec["timexes"]] + [f["text"] for f in rec["figures"]]
    strings += [e["trigger_text"] for e in rec["events"]] + [p["text"] for p in rec["places"]]
    strings += [c["cue"] for c in rec["claims"]]
    strings += [c["source_text"] for c in rec["claims"] if c["source_text"]]
    strings += rec.get("not_figures", []) + rec.get("durations", [])
    missing = [s for s in strings if s not in text]
    assert not missing


@pytest.mark.parametrize("name", PAGES)
def test_values_are_well_typed(name: str) -> None:
    rec = expected()[name]
    assert datetime.fromisoformat(rec["published"]).tzinfo is not None
    assert rec["published_date"] == rec["published"][:10]
    assert rec["canonical_url"].startswith("https://") and "utm_" not in rec["canonical_url"]
    for e in rec["events"]:
        assert e["date"] is None or date.fromisoformat(e["date"])
        assert set(e["flags"]) <= {"negated", "future", "hypothetical", "historical"}
    for t in rec["timexes"]:
        assert date.fromisoformat(t["start"]) <= date.fromisoformat(t["end"])
    for f in rec["figures"]:
        assert f["high"] is None or f["low"] <= f["high"]
    for c in rec["claims"]:
        assert c["certainty"] in {"asserted", "probable", "possible", "doubtful", "denied"}
    for p in rec["places"]:
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 and len(p["country"]) == 2
    for ed in rec["editions"]:
        assert ed["lang"] != rec["lang"] and ed["url"].startswith("https://")


def test_metadata_variety() -> None:
    kinds = Counter(r["metadata"] for r in expected().values())
    assert kinds["none"] >= 2 and kinds["json-ld"] >= 3 and kinds["opengraph"] >= 3
    for name, rec in expected().items():
        raw = (EXAMPLES / name).read_bytes()
        has_meta = b"application/ld+json" in raw or b"og:" in raw or b'rel="canonical"' in raw
        assert has_meta == (rec["metadata"] != "none"), name


def _main_killed(rec: dict[str, Any]) -> int | None:
    factual = [e for e in rec["events"] if not e["flags"] and e["killed"] is not None]
    return factual[0]["killed"] if factual else None


def test_cross_article_structure() -> None:
    exp = expected()
    pairs = {(a, b) for a, r in exp.items() for b in r["same_event_as"]}
    assert all((b, a) in pairs for a, b in pairs), "same_event_as must be symmetric"
    cross = [(a, b) for a, b in pairs if exp[a]["lang"] != exp[b]["lang"]]
    assert cross, "need one event reported in two languages"
    contra = [(a, b) for a, b in cross if _main_killed(exp[a]) != _main_killed(exp[b])]
    assert contra, "need two outlets with contradictory death tolls for one event"
    for a, b in contra:
        assert exp[a]["contradicts"]["file"] == b and exp[a]["site"] != exp[b]["site"]
    dups = [(a, r["near_duplicate_of"]) for a, r in exp.items() if r["near_duplicate_of"]]
    assert dups
    for a, b in dups:
        assert (a, b) in pairs and exp[a]["url"] != exp[b]["url"] and exp[a]["site"] != exp[b]["site"]
        shared = set(exp[a]["must_contain"]) & set(exp[b]["must_contain"])
        assert len(shared) >= 2
    distractors = [r for r in exp.values() if r.get("distractor_for")]
    assert distractors and not set(distractors[0]["distractor_for"]) & set(distractors[0]["same_event_as"])
