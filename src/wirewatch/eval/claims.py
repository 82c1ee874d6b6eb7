"""``wirewatch eval claims CORPUS.jsonl``: attribution sources and certainty against gold.

Corpus records: ``{"text", "lang", "attribution": [{"source_text", "cue"}], "certainty"}``; ``attribution`` is
empty for a text that says nothing on anyone's authority (the outlet's own claim); ``certainty`` is one of
asserted, probable, possible, doubtful, denied.

- ``source_f1``: token-overlap F1 of source spans, micro-averaged: per record, the lower-cased word tokens of
  all predicted source spans (claims whose source is not the outlet itself) and of all gold ``source_text``
  values are compared as multisets; overlaps and counts are summed over records. A record with no gold and no
  predicted source adds nothing. ``source_precision`` and ``source_recall`` come with it.
- ``certainty_accuracy``: the text's certainty is the weakest of its claims' certainties (denied < doubtful <
  possible < probable < asserted; asserted when there is no claim), compared with the gold.
- ``cue_accuracy``: the share of gold cues whose text is the cue of some predicted claim (case-insensitive).

Per language too, and the claims stage's speed in sentences per second (stage time only).
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import EvalDataError
from ..records import Article, Certainty
from .common import prf, read_jsonl, rounded, word_tokens
from .figures import corpus_record, prepared_article, warm_up


def text_certainty(article: Article) -> Certainty:
    """The certainty of a whole text: the weakest of its claims (asserted when there are none)."""
    from ..stages.claims import CERTAINTY_ORDER

    ranks = [CERTAINTY_ORDER.index(c.certainty) for c in article.claims]
    return CERTAINTY_ORDER[min(ranks)] if ranks else "asserted"


@dataclasses.dataclass(slots=True)
class _Tally:
    overlap: int = 0
    pred: int = 0
    gold: int = 0
    certainty_ok: int = 0
    cue_ok: int = 0
    cues: int = 0
    records: int = 0

    def scores(self) -> dict[str, Any]:
        p, r, f = prf(self.overlap, self.pred, self.gold)
        return {
            "source_f1": rounded(f), "source_precision": rounded(p), "source_recall": rounded(r),
            "certainty_accuracy": rounded(self.certainty_ok / self.records) if self.records else None,
            "cue_accuracy": rounded(self.cue_ok / self.cues) if self.cues else None,
            "records": self.records,
        }


def _gold(rec: dict[str, Any], where: str) -> tuple[list[dict[str, str]], str]:
    attribution = rec.get("attribution") or []
    certainty = rec.get("certainty", "asserted")
    if not isinstance(attribution, list) or not all(isinstance(a, dict) for a in attribution):
        raise EvalDataError(f"{where}: 'attribution' must be a list of {{source_text, cue}} objects")
    if certainty not in ("asserted", "probable", "possible", "doubtful", "denied"):
        raise EvalDataError(f"{where}: unknown certainty {certainty!r}")
    return attribution, str(certainty)


def evaluate(path: Path, *, config: Config, limit: int | None = None, **options: Any) -> dict[str, Any]:
    from ..stages.claims import article_claims
    from ..stages.figures import article_figures

    tallies: dict[str, _Tally] = {}
    sentences, seconds = 0, 0.0
    errors: list[dict[str, Any]] = []
    for n, rec in enumerate(read_jsonl(path, limit), 1):
        text, lang = corpus_record(rec, path, n)
        attribution, gold_certainty = _gold(rec, f"{path}: record {n}")
        article = prepared_article(text, lang)
        article = dataclasses.replace(article, figures=article_figures(article))
        warm_up(lang)
        t0 = time.perf_counter()
        article = dataclasses.replace(article, claims=article_claims(article))
        seconds += time.perf_counter() - t0
        sentences += len(article.sentences)
        pred_sources = [c.source.text for c in article.claims if c.source and c.source.kind != "self"]
        pred_tokens = [t for s in pred_sources for t in word_tokens(s)]
        gold_tokens = [t for a in attribution for t in word_tokens(str(a.get("source_text", "")))]
        overlap = sum((Counter(pred_tokens) & Counter(gold_tokens)).values())
        cues = {c.cue_text.lower() for c in article.claims}
        certainty = text_certainty(article)
        for bucket in ("all", lang):
            t = tallies.setdefault(bucket, _Tally())
            t.overlap += overlap
            t.pred += len(pred_tokens)
            t.gold += len(gold_tokens)
            t.certainty_ok += int(certainty == gold_certainty)
            t.cues += len(attribution)
            t.cue_ok += sum(str(a.get("cue", "")).lower() in cues for a in attribution)
            t.records += 1
        if (certainty != gold_certainty or overlap < len(gold_tokens)) and len(errors) < 20:
            errors.append({"text": text[:160], "gold": [attribution, gold_certainty],
                           "pred": [pred_sources, certainty]})
    overall = tallies.get("all", _Tally()).scores()
    return {
        **overall,
        "by_lang": {lang: t.scores() for lang, t in sorted(tallies.items()) if lang != "all"},
        "sentences": sentences,
        "sentences_per_s": round(sentences / seconds, 1) if seconds else None,
        "errors": errors,
    }


def render(result: dict[str, Any]) -> str:
    keys = ("source_f1", "source_precision", "source_recall", "certainty_accuracy", "cue_accuracy", "records")
    lines = ["claims: " + "  ".join(f"{k}={result[k]}" for k in keys)]
    for lang, s in result["by_lang"].items():
        lines.append(f"  {lang}: source_f1={s['source_f1']} certainty={s['certainty_accuracy']} "
                     f"records={s['records']}")
    lines.append(f"  speed: {result['sentences_per_s']} sentences/s ({result['sentences']} sentences)")
    for e in result["errors"][:10]:
        lines.append(f"  miss gold={e['gold']} pred={e['pred']}: {e['text']}")
    return "\n".join(lines)
