"""``wirewatch eval time CORPUS.jsonl``: time expression spans and intervals.

Record: ``{"text", "lang", "published": "YYYY-MM-DD" | ISO datetime | null,
"timexes": [{"start", "end", "start_date", "end_date", "granularity"}]}`` (character offsets into ``text``).
Metrics: span F1 (exact offsets), overlap F1 (one-to-one, any overlap), interval accuracy (share of gold
timexes whose overlapping prediction has exactly the gold start and end dates), per language; and the time
stage's speed in sentences per second (sentence splitting not counted).
"""

from __future__ import annotations

import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import EvalDataError
from ..nlp import SUPPORTED_LANGUAGES, make_doc, sentence_spans
from ..records import Article, TimeExpr
from ..stages.time import article_timexes
from ..timex import find_timexes
from .common import prf, read_jsonl, rounded

Gold = tuple[int, int, str, str]


def _published(raw: Any) -> datetime | None:
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(str(raw))
    except ValueError as exc:
        raise EvalDataError(f"'published' must be an ISO date, got {raw!r}") from exc
    return value


def _gold(record: dict[str, Any]) -> list[Gold]:
    try:
        return [(int(t["start"]), int(t["end"]), str(t["start_date"]), str(t["end_date"]))
                for t in record.get("timexes") or []]
    except (KeyError, TypeError, ValueError) as exc:
        raise EvalDataError(f"timex gold needs start, end, start_date, end_date: {exc}") from exc


class _Tally:
    def __init__(self) -> None:
        self.gold = self.pred = self.exact = self.overlap = self.interval = 0

    def add(self, gold: list[Gold], pred: list[TimeExpr]) -> None:
        self.gold += len(gold)
        self.pred += len(pred)
        spans = {(p.span.start, p.span.end) for p in pred}
        self.exact += sum((g[0], g[1]) in spans for g in gold)
        used: set[int] = set()
        for g in gold:
            match = _best(g, pred, used)
            if match is None:
                continue
            used.add(id(match))
            self.overlap += 1
            self.interval += (match.start.isoformat(), match.end.isoformat()) == (g[2], g[3])

    def result(self) -> dict[str, Any]:
        _, _, span_f1 = prf(self.exact, self.pred, self.gold)
        _, _, overlap_f1 = prf(self.overlap, self.pred, self.gold)
        return {
            "span_f1": rounded(span_f1),
            "overlap_f1": rounded(overlap_f1),
            "interval_accuracy": rounded(self.interval / self.gold if self.gold else 1.0),
            "gold": self.gold,
            "predicted": self.pred,
        }


def _best(g: Gold, pred: list[TimeExpr], used: set[int]) -> TimeExpr | None:
    best, best_overlap = None, 0
    for p in pred:
        overlap = min(g[1], p.span.end) - max(g[0], p.span.start)
        if id(p) not in used and overlap > best_overlap:
            best, best_overlap = p, overlap
    return best


def evaluate(path: Path, *, config: Config, limit: int | None = None, **options: Any) -> dict[str, Any]:
    total = _Tally()
    by_lang: defaultdict[str, _Tally] = defaultdict(_Tally)
    records = sentences = 0
    seconds = 0.0
    errors: list[dict[str, Any]] = []
    for lang in SUPPORTED_LANGUAGES:  # build the compiled grammars before timing
        find_timexes("", lang, None)
    for record in read_jsonl(path, limit):
        text, lang = str(record.get("text", "")), str(record.get("lang") or "en")
        if lang not in SUPPORTED_LANGUAGES:
            raise EvalDataError(f"record {record.get('id', records)}: language {lang!r} is not supported")
        spans = sentence_spans(make_doc(text, lang))
        article = Article(id=str(record.get("id", records)), text=text, lang=lang,
                          published=_published(record.get("published")), sentences=spans)
        t0 = time.perf_counter()
        pred = list(article_timexes(article))
        seconds += time.perf_counter() - t0
        gold = _gold(record)
        total.add(gold, pred)
        by_lang[lang].add(gold, pred)
        records += 1
        sentences += len(spans)
        if len(errors) < 20 and _wrong(gold, pred):
            errors.append({"id": record.get("id"), "gold": [list(g) for g in gold],
                           "pred": [[p.span.start, p.span.end, p.start.isoformat(), p.end.isoformat(), p.text]
                                    for p in pred]})
    return {
        **total.result(),
        "by_lang": {lang: t.result() for lang, t in sorted(by_lang.items())},
        "records": records,
        "sentences": sentences,
        "sentences_per_second": round(sentences / seconds) if seconds else None,
        "errors": errors,
    }


def _wrong(gold: list[Gold], pred: list[TimeExpr]) -> bool:
    got = {(p.span.start, p.span.end, p.start.isoformat(), p.end.isoformat()) for p in pred}
    return got != set(gold)


def render(result: dict[str, Any]) -> str:
    lines = [
        f"time: {result['records']} records, {result['gold']} gold timexes, {result['predicted']} predicted",
        f"  span F1 {result['span_f1']}  overlap F1 {result['overlap_f1']}  "
        f"interval accuracy {result['interval_accuracy']}",
    ]
    for lang, r in result["by_lang"].items():
        lines.append(f"  {lang}: span F1 {r['span_f1']}  overlap F1 {r['overlap_f1']}  "
                     f"interval accuracy {r['interval_accuracy']}  ({r['gold']} gold)")
    lines.append(f"  speed: {result['sentences_per_second']} sentences/s ({result['sentences']} sentences)")
    for e in result["errors"]:
        lines.append(f"  miss {e['id']}: gold {e['gold']} pred {e['pred']}")
    return "\n".join(lines)
