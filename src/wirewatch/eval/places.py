"""``wirewatch eval places CORPUS.jsonl``: resolution given gold spans, recognition, end to end, speed.

Corpus record: ``{"id", "lang", "text", "toponyms": [{"start", "end", "name", "lat", "lon", ...}]}``.

* resolution: the geoparser resolves each gold span; error = great-circle km to the gold point (an
  unresolved span counts as the maximum error, 20,038 km). acc161 = share within 161 km; median/mean km;
  AUC = area under the curve of the sorted errors on a log(1 + km) scale, normalised by log(1 + 20,038):
  0 is perfect, 1 is every toponym at the far side of the Earth (lower is better).
* recognition: predicted vs gold spans, exact (same start and end) and overlapping; P/R/F1 micro-averaged.
* end_to_end: share of gold toponyms overlapped by a predicted place placed within 161 km of the gold point.
* docs_per_s: documents per second of CPU time (one process, one core) for tokenisation + recognition +
  resolution, so that other jobs on the machine do not change it; docs_per_s_wall is the wall-clock rate.
"""

from __future__ import annotations

import math
import statistics
import time
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import EvalDataError
from ..gazetteer import distance_km
from ..pipeline import article_from_text
from ..records import Article, Place, Span
from ..stages.places import Geoparser, tokenize
from .common import prf, read_jsonl, rounded

MAX_KM = 20038.0


def auc(errors: list[float]) -> float:
    if not errors:
        return 0.0
    return sum(math.log1p(e) for e in errors) / (len(errors) * math.log1p(MAX_KM))


def _gold(record: dict[str, Any]) -> list[tuple[Span, float, float]]:
    out = []
    for t in record.get("toponyms", []):
        try:
            out.append((Span(int(t["start"]), int(t["end"])), float(t["lat"]), float(t["lon"])))
        except (KeyError, TypeError, ValueError) as exc:
            raise EvalDataError(f"record {record.get('id')}: toponym without start/end/lat/lon") from exc
    return out


def evaluate(path: Path, *, config: Config, limit: int | None = None, **options: Any) -> dict[str, Any]:
    geo = Geoparser(config)
    geo.gazetteer  # noqa: B018  (load before timing)
    res_err: list[float] = []
    tp_exact = tp_overlap = n_pred = n_gold = e2e_hits = docs = 0
    seconds = cpu = 0.0
    for record in read_jsonl(path, limit):
        text, lang = record["text"], record.get("lang") or "en"
        gold = _gold(record)
        resolved = geo.resolve_spans(text, lang, [g[0] for g in gold])
        res_err += [_error(p, g[1], g[2]) for p, g in zip(resolved, gold, strict=True)]
        t0, c0 = time.perf_counter(), time.process_time()
        article = Article(id=str(record.get("id", docs)), text=text, lang=lang)
        predicted = geo.parse(article, tokenize(text, lang))
        seconds += time.perf_counter() - t0
        cpu += time.process_time() - c0
        docs += 1
        n_pred += len(predicted)
        n_gold += len(gold)
        spans = {(p.span.start, p.span.end) for p in predicted}
        tp_exact += sum((g[0].start, g[0].end) in spans for g in gold)
        tp_overlap += sum(any(p.span.overlaps(g[0]) for p in predicted) for g in gold)
        e2e_hits += sum(_found_within(predicted, g) for g in gold)
    p, r, f = prf(tp_exact, n_pred, n_gold)
    op, orr, of = prf(tp_overlap, n_pred, n_gold)
    within = sum(e <= 161 for e in res_err)
    return {
        "task": "places",
        "corpus": str(path),
        "docs": docs,
        "toponyms": n_gold,
        "resolution": {
            "acc161": rounded(within / len(res_err) if res_err else None),
            "median_km": rounded(statistics.median(res_err) if res_err else None, 1),
            "mean_km": rounded(statistics.fmean(res_err) if res_err else None, 1),
            "auc": rounded(auc(res_err)),
            "unresolved": sum(e >= MAX_KM for e in res_err),
        },
        "recognition": {"precision": rounded(p), "recall": rounded(r), "f1": rounded(f),
                        "overlap_precision": rounded(op), "overlap_recall": rounded(orr),
                        "overlap_f1": rounded(of)},
        "end_to_end": {"acc161": rounded(e2e_hits / n_gold if n_gold else None)},
        "docs_per_s": rounded(docs / cpu if cpu else None, 1),  # one core's CPU time: load-independent
        "docs_per_s_wall": rounded(docs / seconds if seconds else None, 1),
    }


def _error(place: Place | None, lat: float, lon: float) -> float:
    return MAX_KM if place is None else distance_km(place.lat, place.lon, lat, lon)


def _found_within(predicted: tuple[Place, ...], gold: tuple[Span, float, float]) -> bool:
    span, lat, lon = gold
    return any(p.span.overlaps(span) and distance_km(p.lat, p.lon, lat, lon) <= 161 for p in predicted)


def render(result: dict[str, Any]) -> str:
    res, rec, e2e = result["resolution"], result["recognition"], result["end_to_end"]
    return "\n".join([
        f"places: {result['docs']} docs, {result['toponyms']} gold toponyms ({result['corpus']})",
        f"  resolution (gold spans): acc@161km {res['acc161']}  median {res['median_km']} km  "
        f"mean {res['mean_km']} km  AUC {res['auc']}  unresolved {res['unresolved']}",
        f"  recognition: P {rec['precision']} R {rec['recall']} F1 {rec['f1']}  "
        f"(overlap P {rec['overlap_precision']} R {rec['overlap_recall']} F1 {rec['overlap_f1']})",
        f"  end to end: acc@161km {e2e['acc161']}",
        f"  speed: {result['docs_per_s']} docs/s of one core's CPU time, {result['docs_per_s_wall']} docs/s wall"
        " (tokenise + recognise + resolve)",
    ])


__all__ = ["article_from_text", "auc", "evaluate", "render"]
