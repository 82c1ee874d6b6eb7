"""``wirewatch eval extract CORPUS.jsonl``: body text, title and date extraction against gold.

Corpus records: ``{"id", "url", "html_file", "gold": {"text"?, "title"?, "date"?}}`` with ``html_file`` (gzip
bytes, any encoding) relative to the corpus file. Metrics: body word-token precision/recall/F1 (lower-cased,
multiset overlap, macro over pages), title exact match (whitespace-normalised), publication date exact day,
each overall and per identified language; pages/s of extraction plus language identification. ``baseline``
scores plain ``trafilatura.extract(..., include_comments=False)`` and ``htmldate.find_date`` in the same run.
"""

from __future__ import annotations

import gzip
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import EvalDataError, IngestError
from ..records import RawInput
from .common import bag_prf, mean, read_jsonl, rounded, word_tokens


@dataclass(slots=True)
class Prediction:
    text: str = ""
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    lang: str | None = None
    error: str | None = None


@dataclass(slots=True)
class Page:
    id: str
    url: str | None
    data: bytes
    gold: dict[str, Any]


def load_pages(path: Path, limit: int | None = None) -> list[Page]:
    pages = []
    for rec in read_jsonl(path, limit):
        try:
            file = path.parent / rec["html_file"]
            gold = rec.get("gold") or {}
        except KeyError as exc:
            raise EvalDataError(f"{path}: record {rec.get('id')!r} lacks {exc}") from exc
        if not file.is_file():
            raise EvalDataError(f"{path}: page file {file} of record {rec.get('id')!r} not found")
        raw = file.read_bytes()
        data = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
        pages.append(Page(str(rec.get("id", file.name)), rec.get("url"), data, gold))
    return pages


def predict_wirewatch(page: Page, config: Config) -> Prediction:
    from ..stages.extract import extract_article
    from ..stages.language import identify_article

    try:
        article = extract_article(RawInput(source=page.id, data=page.data, url=page.url), config)
    except IngestError as exc:
        return Prediction(error=type(exc).__name__)
    article = identify_article(article, config)
    day = article.published.date().isoformat() if article.published else None
    return Prediction(article.text, article.title, day, article.lang)


def predict_baseline(page: Page, config: Config) -> Prediction:
    import htmldate
    import trafilatura

    text = trafilatura.extract(page.data, url=page.url, include_comments=False) or ""
    title = None
    if "title" in page.gold:
        meta = trafilatura.extract_metadata(page.data, default_url=page.url)
        title = meta.title if meta else None
    date = htmldate.find_date(page.data, url=page.url) if "date" in page.gold else None
    return Prediction(text, title, date)


def _run(
    pages: list[Page], predict: Callable[[Page, Config], Prediction], config: Config
) -> tuple[list[Prediction], float]:
    from trafilatura.meta import reset_caches

    predict(pages[0], config)  # warm-up: imports and model loading are not throughput
    reset_caches()  # trafilatura's and htmldate's caches: neither run profits from the other's pass
    t0 = time.perf_counter()
    preds = [predict(p, config) for p in pages]
    return preds, time.perf_counter() - t0


def score(pages: list[Page], preds: list[Prediction], langs: list[str | None], seconds: float | None) -> dict[str, Any]:
    result = _scores(pages, preds)
    result["pages_per_s"] = round(len(pages) / seconds, 2) if seconds else None
    result["failures"] = sum(1 for p in preds if p.error)
    by_lang: dict[str, dict[str, Any]] = {}
    for lang in sorted({lang or "?" for lang in langs}):
        idx = [i for i, x in enumerate(langs) if (x or "?") == lang]
        by_lang[lang] = _scores([pages[i] for i in idx], [preds[i] for i in idx])
    result["by_lang"] = by_lang
    return result


_GOLD_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _scores(pages: list[Page], preds: list[Prediction]) -> dict[str, Any]:
    ps, rs, fs, titles, dates = [], [], [], [], []
    invalid = 0
    for page, pred in zip(pages, preds, strict=True):
        if "text" in page.gold:
            p, r, f = bag_prf(word_tokens(pred.text), word_tokens(page.gold["text"]))
            ps.append(p)
            rs.append(r)
            fs.append(f)
        if "title" in page.gold:
            titles.append(float(" ".join((pred.title or "").split()) == " ".join(page.gold["title"].split())))
        if "date" in page.gold:
            if _GOLD_DAY.fullmatch(str(page.gold["date"])):
                dates.append(float(pred.date == page.gold["date"]))
            else:  # "nan" or an empty gold date is missing gold, not a date no extractor could match
                invalid += 1
    return {
        "pages": len(pages),
        "precision": rounded(mean(ps)),
        "recall": rounded(mean(rs)),
        "f1": rounded(mean(fs)),
        "date_accuracy": rounded(mean(dates)),
        "dates_scored": len(dates),
        "date_gold_invalid": invalid,
        "title_accuracy": rounded(mean(titles)),
    }


def evaluate(path: Path, *, config: Config, limit: int | None = None, **options: Any) -> dict[str, Any]:
    pages = load_pages(Path(path), limit)
    if not pages:
        raise EvalDataError(f"{path}: the corpus has no records")
    preds, seconds = _run(pages, predict_wirewatch, config)
    langs = [p.lang for p in preds]
    result = score(pages, preds, langs, seconds)
    if options.get("baseline"):
        base, base_seconds = _run(pages, predict_baseline, config)
        result["baseline"] = score(pages, base, langs, base_seconds)
    return result


def _row(name: str, r: dict[str, Any]) -> str:
    def fmt(v: Any) -> str:
        return "-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)

    cells = [r.get(k) for k in ("pages", "precision", "recall", "f1", "title_accuracy", "date_accuracy")]
    return f"{name:<12}" + "".join(f"{fmt(c):>10}" for c in cells)


def render(result: dict[str, Any]) -> str:
    head = f"{'':<12}" + "".join(f"{h:>10}" for h in ("pages", "prec", "recall", "f1", "title", "date"))
    lines = ["extraction", head, _row("wirewatch", result)]
    if "baseline" in result:
        lines.append(_row("baseline", result["baseline"]))
    lines.append("by language (wirewatch):")
    lines += [_row(f"  {lang}", r) for lang, r in result["by_lang"].items()]
    speed = f"speed: {result['pages_per_s']} pages/s (extraction + language), {result['failures']} pages failed"
    if "baseline" in result:
        speed += f"; baseline {result['baseline']['pages_per_s']} pages/s"
    lines.append(speed)
    return "\n".join(lines)
