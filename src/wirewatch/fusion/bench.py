"""Scale benchmark of the fusion stage on synthetic articles (see ``synth.py``).

* ``cluster(n)``: story clustering of ``n`` article signatures (signatures built before the clock starts).
* ``grow(n, checkpoints)``: the full ``Fuser.add`` path into a file-backed state, reporting the mean time per
  article around each checkpoint, to show that adding one article stays flat as the store grows.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import Fuser, FusionState
from .signature import article_signature
from .stories import StoryClusterer
from .synth import SyntheticNews


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cluster(n: int, seed: int = 7, state_path: str = ":memory:") -> dict[str, Any]:
    """Cluster ``n`` synthetic signatures; only the clustering is timed (generation happens between timings)."""
    state = FusionState(state_path)
    clusterer = StoryClusterer(state)
    seconds = 0.0
    state.begin()
    for i, article in enumerate(SyntheticNews(seed).articles(n), 1):
        sig = article_signature(article)
        t0 = time.perf_counter()
        clusterer.add(sig)
        if i % 1000 == 0:
            state.commit()
            state.begin()
        seconds += time.perf_counter() - t0
    state.commit()
    stories = state.counts()["stories"]
    state.close()
    return {"signatures": n, "seconds": round(seconds, 2), "per_article_ms": round(seconds / n * 1000, 3),
            "stories": stories, "peak_rss_mb": round(_rss_mb(), 1)}


def grow(n: int, checkpoints: Sequence[int], path: Path, seed: int = 11, sample: int = 1000,
         report: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Fuse ``n`` synthetic articles into ``path``; time ``sample`` articles after each checkpoint."""
    if path.exists():
        path.unlink()
    state = FusionState(path)
    fuser = Fuser(state)
    marks = sorted(set(checkpoints))
    points: list[dict[str, Any]] = []
    t_start = time.perf_counter()
    window_start: float | None = None
    window_mark: int | None = None
    for i, article in enumerate(SyntheticNews(seed).articles(n), 1):
        if window_mark is None and marks and i > marks[0]:
            window_mark, window_start = marks.pop(0), time.perf_counter()
        fuser.add(article)
        if window_mark is not None and window_start is not None and i >= window_mark + sample:
            ms = (time.perf_counter() - window_start) / sample * 1000
            point = {"store_size": window_mark, "per_article_ms": round(ms, 3), "elapsed_s":
                     round(time.perf_counter() - t_start, 1), "peak_rss_mb": round(_rss_mb(), 1)}
            points.append(point)
            if report:
                report(point)
            window_mark = window_start = None
    counts = state.counts()
    state.close()
    return {"articles": n, "points": points, **counts, "seconds": round(time.perf_counter() - t_start, 1)}
