"""Batch ingest: sources -> pipeline -> store, one input at a time, never failing the batch.

Every input ends as exactly one ingest-log entry (ok, duplicate, revised, unsupported-language or failed with a
one-line reason); failed inputs keep their raw bytes for audit. With ``workers > 1`` extraction and analysis
run in worker processes and only the parent writes to the store, so the store sees one writer per process.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import sqlite3
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .config import Config
from .errors import IngestError, WirewatchError
from .pipeline import Pipeline
from .records import Article, IngestEntry, RawInput
from .storage.base import Store

if TYPE_CHECKING:
    from .fusion import Fuser


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input."""

    entry: IngestEntry
    article: Article | None = None


@dataclass
class IngestSummary:
    counts: Counter[str] = field(default_factory=Counter)
    failures: list[IngestEntry] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)  # stored article ids, in order

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.entry.status] += 1
        if outcome.entry.status == "failed":
            self.failures.append(outcome.entry)
        elif outcome.entry.article_id and outcome.entry.status != "duplicate":
            self.articles.append(outcome.entry.article_id)

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            **{k: self.counts.get(k, 0) for k in ("ok", "duplicate", "revised", "unsupported-language", "failed")},
            "failures": [{"source": f.source, "reason": f.reason} for f in self.failures],
        }


Progress = Callable[[Outcome], None]


def ingest(
    specs: Sequence[str],
    store: Store,
    config: Config,
    *,
    pipeline: Pipeline | None = None,
    pattern: str | None = None,
    fetcher: Any = None,
    workers: int = 1,
    progress: Progress | None = None,
    fuser: Fuser | None = None,
) -> IngestSummary:
    """Ingest every input named by ``specs`` (files, directories, JSON Lines, WARC, URLs, feeds).

    With a ``fuser``, each newly stored article is also fused (near-duplicates, stories, canonical events)
    as it arrives.
    """
    from .sources import FailedInput, iter_inputs

    summary = IngestSummary()
    items = iter_inputs(specs, config, pattern=pattern, fetcher=fetcher)
    for item in _analysed(items, config, pipeline, workers):
        if isinstance(item, FailedInput):
            outcome = _record_failure(store, item.source, item.kind, item.reason, item.raw)
        else:
            raw, result = item
            outcome = _store_result(store, raw, result)
            _fuse(fuser, outcome)
        summary.add(outcome)
        if progress:
            progress(outcome)
    return summary


def ingest_raw(raw: RawInput, store: Store, pipeline: Pipeline, fuser: Fuser | None = None) -> Outcome:
    """Analyse and store one raw input (the library's single-item entry point)."""
    outcome = _store_result(store, raw, analyse_safely(pipeline, raw))
    _fuse(fuser, outcome)
    return outcome


def _fuse(fuser: Fuser | None, outcome: Outcome) -> None:
    """Fuse a newly stored article; a fusion failure leaves the article stored (`wirewatch fuse` retries)."""
    art = outcome.article
    if fuser is None or art is None or art.status != "ok" or outcome.entry.status not in ("ok", "revised"):
        return
    try:
        fuser.add(art)
    except (WirewatchError, sqlite3.Error) as exc:
        logging.getLogger("wirewatch.ingest").warning("fusion of %s failed: %s; run `wirewatch fuse`", art.id, exc)


# ---------------------------------------------------------------- analysis (possibly in workers)

AnalysisResult = Article | tuple[str, str]  # an article, or (error kind, reason)


def analyse_safely(pipeline: Pipeline, raw: RawInput) -> AnalysisResult:
    """Run the pipeline on one input; any failure becomes a reason instead of an exception."""
    try:
        return pipeline.analyze_raw(raw)
    except IngestError as exc:
        return ("failed", str(exc) or type(exc).__name__)
    except Exception as exc:  # a bug in one stage must not lose the batch; the log keeps the trace's tail
        tail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return ("failed", f"internal error while analysing ({tail}); please report it with the raw input")


def _analysed(
    items: Iterable[Any], config: Config, pipeline: Pipeline | None, workers: int
) -> Iterator[Any]:
    from .sources import FailedInput

    if workers <= 1:
        pipe = pipeline or Pipeline.default(config)
        for item in items:
            yield item if isinstance(item, FailedInput) else (item, analyse_safely(pipe, item))
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_worker_init, initargs=(config,)) as pool:
        pending: list[Any] = []
        for item in items:
            if isinstance(item, FailedInput):
                pending.append(item)
            else:
                pending.append((item, pool.apply_async(_worker_analyse, (item,))))
            # keep a bounded window so a huge batch does not sit in memory
            while len(pending) > workers * 4:
                yield _resolve(pending.pop(0))
        while pending:
            yield _resolve(pending.pop(0))


def _resolve(entry: Any) -> Any:
    if isinstance(entry, tuple):
        raw, handle = entry
        return raw, handle.get()
    return entry


_WORKER_PIPELINE: Pipeline | None = None


def _worker_init(config: Config) -> None:
    global _WORKER_PIPELINE  # one pipeline per worker process, built once
    _WORKER_PIPELINE = Pipeline.default(config)


def _worker_analyse(raw: RawInput) -> AnalysisResult:
    assert _WORKER_PIPELINE is not None
    return analyse_safely(_WORKER_PIPELINE, raw)


# ---------------------------------------------------------------- store and log


def _now() -> datetime:
    return datetime.now(UTC)


def _kind(raw: RawInput) -> str:
    return raw.hints.get("source_kind", "") or ("url" if raw.source.startswith(("http://", "https://")) else "file")


def _record_failure(store: Store, source: str, kind: str, reason: str, raw: RawInput | None) -> Outcome:
    entry = store.log(IngestEntry(source=source, status="failed", reason=reason, at=_now(), kind=kind), raw)
    return Outcome(entry)


def _store_result(store: Store, raw: RawInput, result: AnalysisResult) -> Outcome:
    if isinstance(result, tuple):
        return _record_failure(store, raw.source, _kind(raw), result[1], raw)
    put = store.put_article(result, raw)
    status = put.status
    reason = ""
    if status == "duplicate":
        reason = f"same text as stored article {put.duplicate_of}"
    elif status == "revised":
        reason = f"new revision {put.revision} of {put.duplicate_of}"
    if result.status == "unsupported-language" and status == "ok":
        status = "unsupported-language"
        reason = f"language {result.lang or 'unknown'} is not analysed (supported: en, es, pt)"
    elif result.status == "no-text" and status == "ok":
        reason = "no article text"
    entry = store.log(
        IngestEntry(source=raw.source, status=status, reason=reason, article_id=put.article_id, at=_now(),
                    kind=_kind(raw))
    )
    return Outcome(entry, result)
