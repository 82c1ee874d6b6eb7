"""Scale benchmark of the fusion stage on synthetic articles (see ``synth.py``).

* ``cluster(n)``: story clustering of ``n`` article signatures (signatures built before the clock starts).
* ``grow(checkpoints)``: a file-backed store bulk-loaded to each checkpoint size (up to 1,000,000 articles),
  then the mean time of the full ``Fuser.add`` path per new article, to show that it stays flat as the store
  grows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from ..bench import peak_rss_mb
from . import Fuser, FusionState
from .bulk import BulkLoader
from .signature import article_signature
from .stories import StoryClusterer
from .synth import SyntheticNews


def cluster(n: int, seed: int = 7, state_path: str = ":memory:") -> dict[str, Any]:
    """Cluster ``n`` synthetic signatures; only the clustering is timed (generation happens between timings)."""
    state = FusionState(state_path)
    clusterer = StoryClusterer(state)
    seconds = cpu = 0.0
    state.begin()
    for i, article in enumerate(SyntheticNews(seed).articles(n), 1):
        sig = article_signature(article)
        t0, c0 = time.perf_counter(), time.process_time()
        clusterer.add(sig)
        if i % 1000 == 0:
            state.commit()
            state.begin()
        seconds += time.perf_counter() - t0
        cpu += time.process_time() - c0
    state.commit()
    stories = state.counts()["stories"]
    state.close()
    # CPU time is what one core spends; wall time also counts waiting for a core on a shared machine
    return {"signatures": n, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "per_article_ms": round(seconds / n * 1000, 3), "stories": stories, "peak_rss_mb": round(peak_rss_mb(), 1)}


def grow(checkpoints: Sequence[int], path: Path, seed: int = 11, sample: int = 500,
         report: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Per-article cost of the full incremental path (``Fuser.add``: MinHash and LSH lookup, story, canonical
    events; one transaction per article, as ingest does) as the store grows.

    The store is grown to each checkpoint by bulk-loading synthetic state (``bulk.py``, 5,000 articles a day,
    so the store's time span grows with it), then ``sample`` new synthetic articles that continue the timeline
    are fused one by one and timed.
    """
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    state = FusionState(path)
    fuser = Fuser(state)
    news = SyntheticNews(seed)
    loader = BulkLoader(state, news, news.start - timedelta(days=365 * 3))
    points: list[dict[str, Any]] = []
    t_start = time.perf_counter()
    for mark in sorted(set(checkpoints)):
        t0 = time.perf_counter()
        loader.load(max(0, mark - state.counts()["fused_articles"]))
        load_s = time.perf_counter() - t0
        news.start = loader.clock
        arts = list(news.articles(sample))  # generated before the clock starts
        t0, c0 = time.perf_counter(), time.process_time()
        for article in arts:
            fuser.add(article)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        loader.clock = max(loader.clock, max(a.published for a in arts if a.published))
        point = {"store_size": mark, "per_article_ms": round(wall / sample * 1000, 3),
                 "per_article_cpu_ms": round(cpu / sample * 1000, 3), "bulk_load_s": round(load_s, 1),
                 "elapsed_s": round(time.perf_counter() - t_start, 1), "peak_rss_mb": round(peak_rss_mb(), 1)}
        points.append(point)
        if report:
            report(point)
    counts = state.counts()
    state.close()
    return {"points": points, "sample": sample, **counts, "seconds": round(time.perf_counter() - t_start, 1)}
