"""The time stage, event dates, the eval task, dev-set quality floors and demo golden tests."""

from __future__ import annotations

import json
from datetime import date, datetime
from importlib import resources
from pathlib import Path

import pytest

from wirewatch.config import load_config
from wirewatch.eval.time import evaluate, render
from wirewatch.pipeline import Pipeline, article_from_text
from wirewatch.records import Span
from wirewatch.stages.time import EventDate, event_date

DEV = Path(str(resources.files("wirewatch").joinpath("data/dev")))
PUBLISHED = datetime(2017, 3, 8, 9, 30)  # a Wednesday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.default(stages=["time"])


def _at(text: str, word: str) -> Span:
    i = text.index(word)
    return Span(i, i + len(word))


def test_stage_fills_timexes(pipeline: Pipeline) -> None:
    art = pipeline.analyze_text(
        "Rebels attacked the town on Tuesday.\nEl lunes hubo tres muertos.", lang="en", published=PUBLISHED
    )
    assert "time" in art.stages
    assert [t.text for t in art.timexes][:1] == ["Tuesday"]
    assert art.timexes[0].start == date(2017, 3, 7)


@pytest.mark.parametrize(("lang", "text", "month"), [
    ("pt", "Homens armados atacaram um bar na zona norte do Rio de Janeiro.", "Janeiro"),
    ("es", "La marcha recorrió la avenida principal de Ciudad Victoria y terminó en Río de Janeiro.", "Janeiro"),
])
def test_a_month_inside_a_place_name_is_no_date(lang: str, text: str, month: str) -> None:
    art = Pipeline.default(stages=["places", "time"]).analyze_text(text, lang=lang, published=PUBLISHED)
    assert any(month in p.text for p in art.places)
    assert not any(month in t.text for t in art.timexes)


@pytest.mark.parametrize(
    ("lang", "text", "trigger", "start", "end", "precision", "historical"),
    [
        (
            "en",
            "Rebels attacked the town on Tuesday, police said.",
            "attacked",
            "2017-03-07",
            "2017-03-07",
            1,
            False,
        ),
        (
            "en",
            "The army retook the base five months ago, while a bomb exploded yesterday.",
            "retook",
            "2016-10-01",
            "2016-10-31",
            3,
            True,
        ),
        (
            "en",
            "The army retook the base five months ago, while a bomb exploded yesterday.",
            "exploded",
            "2017-03-07",
            "2017-03-07",
            1,
            False,
        ),
        (
            "es",
            "Del 3 al 5 de marzo hubo combates en la ciudad.",
            "combates",
            "2017-03-03",
            "2017-03-05",
            2,
            False,
        ),
        (
            "pt",
            "A polícia disse que o ataque, durante cinco meses de cerco, ocorreu ontem.",
            "ataque",
            "2017-03-07",
            "2017-03-07",
            1,
            False,
        ),
        (
            "pt",
            "Homens armados mataram três pessoas em Maputo.",
            "mataram",
            "2017-03-07",
            "2017-03-08",
            2,
            False,
        ),
    ],
)
def test_event_date(
    pipeline: Pipeline,
    lang: str,
    text: str,
    trigger: str,
    start: str,
    end: str,
    precision: int,
    historical: bool,
) -> None:
    art = pipeline.analyze_text(text, lang=lang, published=PUBLISHED)
    got = event_date(art, art.sentences[0], _at(art.text, trigger))
    assert isinstance(got, EventDate)
    assert (got.start, got.end) == (date.fromisoformat(start), date.fromisoformat(end))
    assert (got.precision, got.historical) == (precision, historical)


def test_event_date_from_preceding_sentence_in_paragraph(pipeline: Pipeline) -> None:
    text = "On 19 February gunmen stormed the village. Four people were killed."
    art = pipeline.analyze_text(text, lang="en", published=PUBLISHED)
    got = event_date(art, art.sentences[1], _at(art.text, "killed"))
    assert got.time is not None and got.start == date(2017, 2, 19) and got.precision == 1


def test_event_date_without_stage_or_publication() -> None:
    art = article_from_text("Gunmen killed four people in 2014.", lang="en")
    sentence = Span(0, len(art.text))
    got = event_date(art, sentence, _at(art.text, "killed"))  # the stage has not run: found on the fly
    assert (got.start, got.end, got.precision, got.historical) == (
        date(2014, 1, 1),
        date(2014, 12, 31),
        3,
        False,
    )
    bare = article_from_text("Gunmen killed four people.", lang="en")
    assert event_date(bare, Span(0, len(bare.text)), _at(bare.text, "killed")) == EventDate(
        None, None, None, 3, False
    )


@pytest.mark.parametrize("lang", ["en", "es", "pt"])
def test_dev_set_quality_floor(lang: str) -> None:
    path = DEV / f"time-{lang}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 60
    result = evaluate(path, config=load_config())
    assert result["interval_accuracy"] >= 0.90
    assert result["span_f1"] >= 0.90
    assert set(result) >= {"span_f1", "interval_accuracy", "overlap_f1", "by_lang", "records"}
    assert "interval accuracy" in render(result)


def test_dev_set_offsets_are_exact() -> None:
    for lang in ("en", "es", "pt"):
        for line in (DEV / f"time-{lang}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            for t in record["timexes"]:
                assert record["text"][t["start"] : t["end"]] == t["text"]
                assert t["start_date"] <= t["end_date"]


def _expected_pages(demo_dir: Path) -> list[dict[str, object]]:
    path = demo_dir / "expected.json"
    if not path.is_file():
        pytest.skip("data/examples/expected.json is not written yet")
    data = json.loads(path.read_text(encoding="utf-8"))
    pages = data if isinstance(data, list) else list(data.values())
    pages = [
        p for p in pages if isinstance(p, dict) and p.get("timexes") and (demo_dir / str(p["file"])).is_file()
    ]
    if not pages:
        pytest.skip("no demo page lists timexes yet")
    return pages


def test_demo_pages_golden(demo_dir: Path) -> None:
    pages = _expected_pages(demo_dir)
    try:
        pipeline = Pipeline.default(stages=["time"])
        arts = {
            p["file"]: pipeline.analyze_html(
                (demo_dir / str(p["file"])).read_bytes(), url=str(p.get("url") or "")
            )
            for p in pages
        }
    except ImportError:
        pytest.skip("the extract stage is not available yet")
    misses, total = [], 0
    for page in pages:
        art = arts[page["file"]]
        for want in page["timexes"]:  # type: ignore[attr-defined]
            if not want.get("start"):
                continue  # durations listed without dates
            total += 1
            ok = any(
                (t.start.isoformat(), t.end.isoformat()) == (want["start"][:10], want["end"][:10])
                and (t.text in want["text"] or want["text"] in t.text)
                for t in art.timexes
            )
            if not ok:
                misses.append((page["file"], want, [(t.text, str(t.start), str(t.end)) for t in art.timexes]))
    # known misses: future weekdays ("will meet on Friday"), hours, "two years later"; see docs/time.md
    assert 1 - len(misses) / total >= 0.85, misses
