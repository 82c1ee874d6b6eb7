"""Store micro-benchmark: ``python -m wirewatch.storage.bench [--articles N] [--rows R]``.

Writes N synthetic articles (each with R derived rows: places, events and claims with nested spans) to a
temporary SQLite file and times put (wall and CPU), then get, list, search and event paging (CPU ms per
call). Nothing is asserted: the numbers are for docs/storage.md and for spotting regressions.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from ..records import ActorMention, Article, Claim, Event, Figure, Place, Source, Span
from .base import ArticleQuery, EventQuery
from .sqlite import SqliteStore

_SENTENCE = ("Gunmen attacked a police post near Tumaco on Monday, killing four officers, the mayor said, "
             "while residents fled toward the coast. ")


def synthetic_article(i: int, rows: int) -> Article:
    text = _SENTENCE * 20 + f"Report number {i}."
    thash = hashlib.sha256(text.encode()).hexdigest()[:32]
    place = Place(span=Span(40, 46), text="Tumaco", name="Tumaco", ref="gn:3666640", lat=1.8, lon=-78.76,
                  feature="city", country="CO", admin1="Nariño")
    figure = Figure(span=Span(71, 84), category="killed", low=4, best=4, high=4, who="police")
    actor = ActorMention(span=Span(0, 6), text="Gunmen", actor_type="unidentified")
    day = date(2024, 1, 1) + timedelta(days=i % 365)
    event = Event(id="e", plover_type="ASSAULT", trigger=Span(7, 15), sentence=Span(0, len(_SENTENCE)),
                  acled_event_type="Violence against civilians", actors=(actor,), place=place,
                  date_start=day, fatalities=figure, figures=(figure,))
    claim = Claim(id="c", span=Span(0, len(_SENTENCE)), source=Source(span=Span(86, 95), text="the mayor"),
                  cue=Span(96, 100), cue_text="said")
    third = max(1, rows // 3)
    return Article(
        id=hashlib.sha256(f"{i}".encode()).hexdigest()[:16], text=text, url=f"https://bench.test/{i}",
        canonical_url=f"https://bench.test/{i}", site=f"site{i % 7}", title=f"Bench article {i}", lang="en",
        published=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=i), text_hash=thash,
        sentences=tuple(Span(k * len(_SENTENCE), (k + 1) * len(_SENTENCE)) for k in range(20)),
        places=(place,) * third, figures=(figure,), claims=(claim,) * third,
        events=tuple(dataclasses.replace(event, id=f"e{k}") for k in range(rows - 2 * third)),
    )


def _time(fn: Callable[[], object], repeat: int) -> float:
    """CPU milliseconds per call: on a shared machine wall time mostly measures the neighbours."""
    t0 = time.process_time()
    for _ in range(repeat):
        fn()
    return (time.process_time() - t0) / repeat * 1000


def run(articles: int, rows: int) -> dict[str, float]:
    items = [synthetic_article(i, rows) for i in range(articles)]
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "bench.db")
        t0, c0 = time.perf_counter(), time.process_time()
        for a in items:
            store.put_article(a)
        put_wall = (time.perf_counter() - t0) / articles * 1000
        put_cpu = (time.process_time() - c0) / articles * 1000
        some = items[articles // 2].id
        out = {
            "articles": float(articles), "derived_rows_per_article": float(rows),
            "put_ms": put_wall, "put_cpu_ms": put_cpu,
            "get_ms": _time(lambda: store.get_article(some[:8]), 50),
            "list50_ms": _time(lambda: store.search_articles(ArticleQuery(limit=50)), 10),
            "search50_ms": _time(lambda: store.search_articles(ArticleQuery(text="tumaco mayor")), 10),
            "count_search_ms": _time(lambda: store.count_articles(ArticleQuery(text="police")), 10),
            "events100_ms": _time(lambda: list(store.iter_events(EventQuery(limit=100))), 10),
            "count_events_ms": _time(lambda: store.count_events(EventQuery(country="CO")), 10),
            "events_total": float(store.count_events(EventQuery())),
        }
        store.close()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=30, help="derived rows per article")
    args = parser.parse_args(argv)
    for key, value in run(args.articles, args.rows).items():
        print(f"{key:26} {value:10.2f}")


if __name__ == "__main__":
    main()
