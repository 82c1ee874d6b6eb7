"""``wirewatch eval dedup|stories|canonical``: clustering scores of the fusion stage.

Corpora (JSON Lines, one article per line; documented in docs/fusion.md):

* dedup:     ``{id, text, lang, published?, site?, group}``        — gold near-duplicate group
* stories:   ``{id, text, lang, published?, site?, title?, story_id}``  — gold story
* canonical: ``{id, text, lang, published?, site?, title?, canonical_id}`` — gold id of the article's main event

Articles are fused in publication order (file order breaks ties), exactly as ingest would see them. Scores:
pairwise precision/recall/F1 over all pairs of articles, and B-cubed precision/recall/F1 (per item: the share of
its predicted cluster that is in its gold cluster, and vice versa, averaged). For stories, pairwise F1 is also
broken down by language pair (en-en, en-pt, …), the cross-lingual check.
"""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import EvalDataError
from ..pipeline import Pipeline, article_from_text
from ..records import Article, Event
from .common import prf, read_jsonl, rounded

GOLD_KEY = {"dedup": "group", "stories": "story_id", "canonical": "canonical_id"}


def _published(value: Any) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _load(path: Path, task: str, limit: int | None) -> list[dict[str, Any]]:
    key = GOLD_KEY[task]
    records = list(read_jsonl(path, limit))
    for i, r in enumerate(records, 1):
        if "text" not in r or key not in r:
            raise EvalDataError(f"{path}: record {i} lacks 'text' or {key!r} (see docs/fusion.md)")
        r.setdefault("id", f"r{i}")
    order = sorted(range(len(records)), key=lambda i: (records[i].get("published") or "", i))
    return [records[i] for i in order]


def main_event(article: Article) -> Event | None:
    """The article's main factual event (the events stage's definition when it is available)."""
    factual = tuple(e for e in article.events if e.is_factual)
    try:
        from ..stages.events import main_event as pick
    except ImportError:
        return factual[0] if factual else None
    chosen: Event | None = pick(factual)
    return chosen


def evaluate(path: Path, *, config: Config, limit: int | None = None, **options: Any) -> dict[str, Any]:
    from ..fusion import Fuser, FusionState

    task = str(options.get("task") or "stories")
    records = _load(path, task, limit)
    fuser = Fuser(FusionState(":memory:"))
    pipeline = Pipeline.default(config) if task != "dedup" else None
    predicted: dict[str, str] = {}
    t0 = time.perf_counter()
    for r in records:
        article = article_from_text(r["text"], lang=r.get("lang"), published=_published(r.get("published")),
                                    url=r.get("url") or f"urn:eval:{r['id']}", title=r.get("title"),
                                    site=r.get("site"))
        if pipeline is not None:
            article = pipeline.analyze_article(article)
        result = fuser.add(article)
        if task == "dedup":
            predicted[r["id"]] = result.dup_group
        elif task == "stories":
            predicted[r["id"]] = result.story_id
        else:
            ev = main_event(article)
            cid = fuser.state.canonical_of(article.id, ev.id) if ev else None
            predicted[r["id"]] = cid or f"none:{r['id']}"
    seconds = time.perf_counter() - t0
    gold = {r["id"]: str(r[GOLD_KEY[task]]) for r in records}
    langs = {r["id"]: r.get("lang") or "?" for r in records}
    scores = score_clusters(predicted, gold, langs if task == "stories" else None)
    scores.update({"task": task, "records": len(records), "docs_per_s": rounded(len(records) / seconds, 1)})
    return scores


def score_clusters(pred: dict[str, str], gold: dict[str, str], langs: dict[str, str] | None = None) -> dict[str, Any]:
    ids = sorted(gold)
    tp = fp = fn = 0
    by_pair: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for a, b in itertools.combinations(ids, 2):
        same_p, same_g = pred[a] == pred[b], gold[a] == gold[b]
        tp += same_p and same_g
        fp += same_p and not same_g
        fn += same_g and not same_p
        if langs is not None:
            cell = by_pair["-".join(sorted((langs[a], langs[b])))]
            cell[0] += same_p and same_g
            cell[1] += same_p
            cell[2] += same_g
    p, r, f = prf(tp, tp + fp, tp + fn)
    bp, br, bf = bcubed(pred, gold)
    out: dict[str, Any] = {
        "pairwise_precision": rounded(p), "pairwise_recall": rounded(r), "pairwise_f1": rounded(f),
        "bcubed_precision": rounded(bp), "bcubed_recall": rounded(br), "bcubed_f1": rounded(bf),
    }
    if langs is not None:
        out["by_lang_pair"] = {k: {"pairwise_f1": rounded(prf(v[0], v[1], v[2])[2]), "gold_pairs": v[2]}
                               for k, v in sorted(by_pair.items()) if v[2] or v[1]}
    return out


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    p_members: dict[str, set[str]] = defaultdict(set)
    g_members: dict[str, set[str]] = defaultdict(set)
    for i in gold:
        p_members[pred[i]].add(i)
        g_members[gold[i]].add(i)
    ps, rs = [], []
    for i in gold:
        pc, gc = p_members[pred[i]], g_members[gold[i]]
        both = len(pc & gc)
        ps.append(both / len(pc))
        rs.append(both / len(gc))
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def render(result: dict[str, Any]) -> str:
    lines = [
        f"{result['task']}: {result['records']} articles, {result['docs_per_s']} docs/s",
        f"  pairwise  P {result['pairwise_precision']}  R {result['pairwise_recall']}  F1 {result['pairwise_f1']}",
        f"  B-cubed   P {result['bcubed_precision']}  R {result['bcubed_recall']}  F1 {result['bcubed_f1']}",
    ]
    for pair, cell in result.get("by_lang_pair", {}).items():
        lines.append(f"  {pair:<6} pairwise F1 {cell['pairwise_f1']} ({cell['gold_pairs']} gold pairs)")
    return "\n".join(lines)
