"""``wirewatch eval figures CORPUS.jsonl``: casualty figures against gold.

Corpus records: ``{"text", "lang", "killed"?: {"low", "high"} | null, "injured"?: {"low", "high"} | null}``
(a missing key is the same as null: the text reports no such figure). The text's figure for a category is
:func:`wirewatch.stages.figures.main_figure` (the lead sentence's figure, sums totalled, the most conservative
of conflicting counts). Metrics over all records: ``killed_low_accuracy`` (predicted low = gold low),
``killed_exact_accuracy`` (low and high both), ``injured_low_accuracy``, ``injured_exact_accuracy``; a record
whose gold is null is correct only when no such figure is predicted. Also per language, and the figures
stage's speed in sentences per second (stage time only, sentence splitting excluded).
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import EvalDataError
from ..nlp import SUPPORTED_LANGUAGES, make_doc, sentence_spans
from ..pipeline import article_from_text
from ..records import Article, Figure
from .common import read_jsonl, rounded

CATEGORIES = ("killed", "injured")


def prepared_article(text: str, lang: str) -> Article:
    """An article with sentences (no analysis stages yet) for scoring one stage."""
    article = article_from_text(text, lang=lang)
    doc = make_doc(article.text, lang)
    return dataclasses.replace(article, sentences=sentence_spans(doc))


def warm_up(lang: str) -> None:
    """Load the language's lexicons before timing (they are cached per process)."""
    from ..numbers import vocabulary
    from ..stages import claims, figures

    vocabulary(lang)
    figures.lexicon(lang)
    claims.lexicon(lang)


def _gold(rec: dict[str, Any], key: str, where: str) -> tuple[int, int] | None:
    value = rec.get(key)
    if value is None:
        return None
    try:
        low = int(value["low"])
        return low, int(value.get("high", low) if value.get("high") is not None else low)
    except (TypeError, KeyError, ValueError) as exc:
        raise EvalDataError(f"{where}: {key!r} must be null or {{\"low\": int, \"high\": int}}") from exc


def corpus_record(rec: dict[str, Any], path: Path, n: int) -> tuple[str, str]:
    text, lang = rec.get("text"), rec.get("lang")
    if not isinstance(text, str) or lang not in SUPPORTED_LANGUAGES:
        raise EvalDataError(f"{path}: record {n} needs a string 'text' and 'lang' in {SUPPORTED_LANGUAGES}")
    return text, str(lang)


def _pair(f: Figure | None) -> tuple[int, int] | None:
    return None if f is None else (f.low, f.high)


def evaluate(path: Path, *, config: Config, limit: int | None = None, **options: Any) -> dict[str, Any]:
    from ..stages.figures import article_figures, main_figure

    hits: dict[str, dict[str, list[int]]] = {}
    sentences, seconds = 0, 0.0
    errors: list[dict[str, Any]] = []
    for n, rec in enumerate(read_jsonl(path, limit), 1):
        text, lang = corpus_record(rec, path, n)
        article = prepared_article(text, lang)
        warm_up(lang)
        t0 = time.perf_counter()
        article = dataclasses.replace(article, figures=article_figures(article))
        seconds += time.perf_counter() - t0
        sentences += len(article.sentences)
        for cat in CATEGORIES:
            gold = _gold(rec, cat, f"{path}: record {n}")
            pred = _pair(main_figure(article, cat))
            low_ok = gold == pred if gold is None or pred is None else gold[0] == pred[0]
            exact_ok = gold == pred
            for bucket in ("all", lang):
                h = hits.setdefault(bucket, {})
                h.setdefault(f"{cat}_low", []).append(int(low_ok))
                h.setdefault(f"{cat}_exact", []).append(int(exact_ok))
            if cat == "killed" and not low_ok and len(errors) < 20:
                errors.append({"text": text[:160], "gold": gold, "pred": pred})
    return _result(hits, sentences, seconds, errors)


def _scores(h: dict[str, list[int]]) -> dict[str, Any]:
    def acc(key: str) -> float | None:
        values = h.get(key, [])
        return rounded(sum(values) / len(values)) if values else None

    return {
        "killed_low_accuracy": acc("killed_low"),
        "killed_exact_accuracy": acc("killed_exact"),
        "injured_low_accuracy": acc("injured_low"),
        "injured_exact_accuracy": acc("injured_exact"),
        "records": len(h.get("killed_low", [])),
    }


def _result(hits: dict[str, dict[str, list[int]]], sentences: int, seconds: float,
            errors: list[dict[str, Any]]) -> dict[str, Any]:
    overall = _scores(hits.get("all", {}))
    return {
        **overall,
        "by_lang": {lang: _scores(h) for lang, h in sorted(hits.items()) if lang != "all"},
        "sentences": sentences,
        "sentences_per_s": round(sentences / seconds, 1) if seconds else None,
        "killed_errors": errors,
    }


def render(result: dict[str, Any]) -> str:
    keys = ("killed_low_accuracy", "killed_exact_accuracy", "injured_low_accuracy", "injured_exact_accuracy",
            "records")
    lines = ["figures: " + "  ".join(f"{k}={result[k]}" for k in keys)]
    for lang, s in result["by_lang"].items():
        lines.append(f"  {lang}: killed_low={s['killed_low_accuracy']} "
                     f"killed_exact={s['killed_exact_accuracy']} "
                     f"injured_low={s['injured_low_accuracy']} records={s['records']}")
    lines.append(f"  speed: {result['sentences_per_s']} sentences/s ({result['sentences']} sentences)")
    for e in result["killed_errors"][:10]:
        lines.append(f"  miss killed gold={e['gold']} pred={e['pred']}: {e['text']}")
    return "\n".join(lines)
