"""Throughput benchmark: extraction -> language -> sentences on a set of pages.

Pages are read into memory first so that disk I/O is not measured. With ``workers > 1`` the pages are split
over a process pool. Reports articles/s, MB/s of HTML and peak RSS (parent, and the largest worker).
"""

from __future__ import annotations

import gzip
import json
import multiprocessing as mp
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import Config
from .errors import UsageError
from .ingest import analyse_safely
from .nlp import SUPPORTED_LANGUAGES, get_nlp
from .pipeline import Pipeline
from .records import RawInput

_HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


@dataclass(frozen=True, slots=True)
class BenchResult:
    pages: int
    failed: int
    seconds: float
    megabytes: float
    workers: int
    peak_rss_mb: float
    worker_peak_rss_mb: float | None
    stages: tuple[str, ...]
    sentences: int = 0  # sentences analysed (single-process runs)
    stage_seconds: tuple[tuple[str, float], ...] = ()  # time spent in each stage (single-process runs)

    @property
    def articles_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "failed": self.failed,
            "seconds": round(self.seconds, 3),
            "articles_per_s": round(self.articles_per_s, 2),
            "mb_per_s": round(self.mb_per_s, 3),
            "megabytes": round(self.megabytes, 3),
            "workers": self.workers,
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "worker_peak_rss_mb": None if self.worker_peak_rss_mb is None else round(self.worker_peak_rss_mb, 1),
            "stages": list(self.stages),
            "sentences": self.sentences,
            "stage_sentences_per_s": {
                name: round(self.sentences / secs, 1) for name, secs in self.stage_seconds if secs and self.sentences
            },
        }


def load_pages(target: Path, limit: int | None = None) -> list[RawInput]:
    """HTML pages from a directory (recursive) or an eval-style JSON Lines file (``html_file`` entries)."""
    if target.is_dir():
        files = sorted(p for p in target.rglob("*") if p.name.lower().endswith(_HTML_SUFFIXES))
        pages = [_raw_from_file(p) for p in files[:limit]]
    elif target.suffix == ".jsonl":
        pages = _pages_from_jsonl(target, limit)
    else:
        raise UsageError(f"{target}: give a directory of .html pages or an eval-style .jsonl file")
    if not pages:
        raise UsageError(f"no HTML pages found in {target}")
    return pages


def _raw_from_file(path: Path) -> RawInput:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return RawInput(source=str(path), data=data)


def _pages_from_jsonl(path: Path, limit: int | None) -> list[RawInput]:
    pages = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if "html_file" not in rec:
                continue
            raw = _raw_from_file(path.parent / rec["html_file"])
            pages.append(RawInput(source=raw.source, data=raw.data, url=rec.get("url")))
            if limit and len(pages) >= limit:
                break
    return pages


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process (or, with ``RUSAGE_CHILDREN``, its largest child) in MB."""
    # ru_maxrss is in KiB on Linux, bytes on macOS
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / (1024 * 1024)
    return resource.getrusage(who).ru_maxrss * scale


def run_bench(pages: Sequence[RawInput], config: Config, workers: int = 1,
              stages: Sequence[str] = ()) -> BenchResult:
    """Time the pipeline over ``pages``; ``stages`` adds analysis stages after sentences (default none)."""
    megabytes = sum(len(p.data) for p in pages) / 1_000_000
    if workers <= 1:
        pipeline = Pipeline.default(config, stages=list(stages))
        _warm_up(pipeline, pages[0])
        pipeline.timings.clear()
        t0 = time.perf_counter()
        results = [analyse_safely(pipeline, p) for p in pages]
        seconds = time.perf_counter() - t0
        failed = sum(isinstance(r, tuple) for r in results)
        sentences = sum(len(r.sentences) for r in results if not isinstance(r, tuple))
        stage_seconds = tuple((name, t.seconds) for name, t in pipeline.timings.items())
        worker_rss = None
    else:
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        with ctx.Pool(workers, initializer=_init, initargs=(config, tuple(stages))) as pool:
            pool.map(_warm, range(workers))
            t0 = time.perf_counter()
            flags = pool.map(_work, pages, chunksize=max(1, len(pages) // (workers * 8)))
            seconds = time.perf_counter() - t0
        failed = sum(flags)
        sentences, stage_seconds = 0, ()
        worker_rss = peak_rss_mb(resource.RUSAGE_CHILDREN)
    return BenchResult(
        pages=len(pages),
        failed=failed,
        seconds=seconds,
        megabytes=megabytes,
        workers=workers,
        peak_rss_mb=peak_rss_mb(),
        worker_peak_rss_mb=worker_rss,
        stages=("extract", "language", "sentences", *stages),
        sentences=sentences,
        stage_seconds=stage_seconds,
    )


_PIPE: Pipeline | None = None
_WARM: RawInput = RawInput(source="<warm-up>", data=b"<html><body><article><p>" + b"Warm up text. " * 40
                           + b"</p></article></body></html>")


def _warm_up(pipeline: Pipeline, page: RawInput) -> None:
    """Build lazy resources (spaCy pipelines for every language, stage models) outside the clock."""
    for lang in SUPPORTED_LANGUAGES:
        get_nlp(lang)
    analyse_safely(pipeline, page)


def _init(config: Config, stages: tuple[str, ...]) -> None:
    global _PIPE  # one pipeline per worker process
    _PIPE = Pipeline.default(config, stages=list(stages))
    _warm_up(_PIPE, _WARM)


def _warm(_: int) -> None:
    time.sleep(0.2)  # let every worker take one warm-up task


def _work(raw: RawInput) -> int:
    assert _PIPE is not None
    return int(isinstance(analyse_safely(_PIPE, raw), tuple))
