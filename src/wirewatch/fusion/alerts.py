"""Volume series and alerts: sudden rises, falls and silences in coverage.

Series: for every key — a country, an admin1 region, a place, an actor, an event type — the number of distinct
articles (and of event mentions) per day or per hour, from the stored articles' extracted places and events.

Detection compares the last bucket with the series' own history (the ``window`` previous buckets, zeros
included), with a robust z-score: ``z = (x - median) / scale`` where ``scale = max(1.4826 × MAD, √median, 1)``.
The √median floor is the Poisson standard deviation, so a series that is usually 1 or 2 per day does not alert
on 4. Rules:

* spike — ``x ≥ min_count`` and ``z ≥ z_threshold``;
* drop — ``median ≥ min_count``, ``x ≤ median / 2`` and ``z ≤ -z_threshold``;
* silence — the key appeared in at least ``silence_share`` of the previous ``silence_days`` buckets and not at
  all in this one; the score is the Poisson probability of a zero, ``exp(-mean)``, which must be ≤ ``silence_p``.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from ..records import Alert, Article
from ..storage.base import ArticleQuery, Store

Bucket = datetime  # start of the day or hour, UTC


@dataclass(frozen=True, slots=True)
class AlertParams:
    granularity: str = "day"  # day | hour
    window: int = 28  # history buckets
    min_count: int = 3
    z_threshold: float = 3.0
    silence_days: int = 14
    silence_share: float = 0.8
    silence_p: float = 0.2


@dataclass
class Series:
    """Counts per key and bucket, with the articles behind them."""

    articles: dict[str, dict[Bucket, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    mentions: dict[str, dict[Bucket, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    labels: dict[str, str] = field(default_factory=dict)

    def count(self, key: str, bucket: Bucket) -> int:
        return len(self.articles.get(key, {}).get(bucket, ()))


def bucket_of(when: datetime, granularity: str) -> Bucket:
    when = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    if granularity == "hour":
        return when.replace(minute=0, second=0, microsecond=0)
    return when.replace(hour=0, minute=0, second=0, microsecond=0)


def step(granularity: str) -> timedelta:
    return timedelta(hours=1) if granularity == "hour" else timedelta(days=1)


def article_keys(article: Article) -> dict[str, tuple[str, int]]:
    """key -> (label, event mentions) for one article."""
    keys: dict[str, tuple[str, int]] = {}

    def add(key: str, label: str, mentions: int = 0) -> None:
        old = keys.get(key, (label, 0))
        keys[key] = (label, old[1] + mentions)

    for p in article.places:
        if p.metonymy:
            continue
        if p.country:
            add(f"country:{p.country}", p.country)
        if p.country and p.admin1 and p.feature != "country":
            add(f"admin1:{p.country}.{p.admin1}", f"{p.country}.{p.admin1}")
        if p.feature not in ("country", "admin1"):
            add(f"place:{p.ref}", p.name)
    for ev in article.events:
        if not ev.is_factual:
            continue
        add(f"event:{ev.plover_type}", ev.plover_type, 1)
        for actor in (*ev.actors, *ev.recipients):
            if actor.actor_id and actor.actor_id != "unidentified":
                add(f"actor:{actor.actor_id}", actor.name or actor.text, 1)
    return keys


def build_series(articles: Iterable[Article], granularity: str = "day") -> Series:
    series = Series()
    for article in articles:
        when = article.published or article.retrieved_at
        if when is None:
            continue
        bucket = bucket_of(when, granularity)
        for key, (label, mentions) in article_keys(article).items():
            series.articles[key][bucket].add(article.id)
            series.mentions[key][bucket] += mentions
            series.labels.setdefault(key, label)
    return series


def detect(series: Series, at: Bucket, params: AlertParams) -> list[Alert]:
    """Alerts for bucket ``at`` against each series' previous ``params.window`` buckets."""
    delta = step(params.granularity)
    history_buckets = [at - delta * i for i in range(params.window, 0, -1)]
    out = []
    for key in sorted(series.articles):
        x = series.count(key, at)
        history = [series.count(key, b) for b in history_buckets]
        alert = _judge(key, x, history, params)
        if alert is not None:
            kind, baseline, score, method = alert
            ids = tuple(sorted(series.articles[key].get(at, ())))
            if kind == "silence":
                recent = [b for b in history_buckets if series.count(key, b)][-3:]
                ids = tuple(sorted({a for b in recent for a in series.articles[key][b]}))[:20]
            out.append(Alert(key=key, label=series.labels.get(key, key), kind=kind, day=at.date(), count=x,
                             baseline=round(baseline, 3), score=round(score, 4), article_ids=ids, method=method))
    return out


AlertKind = Literal["spike", "drop", "silence"]


def _judge(key: str, x: int, history: list[int], p: AlertParams) -> tuple[AlertKind, float, float, str] | None:
    med = statistics.median(history) if history else 0.0
    mad = statistics.median(abs(h - med) for h in history) if history else 0.0
    scale = max(1.4826 * mad, math.sqrt(med), 1.0)
    z = (x - med) / scale
    if x >= p.min_count and z >= p.z_threshold:
        return "spike", med, z, f"robust z-score over {len(history)} {p.granularity}s"
    if med >= p.min_count and x <= med / 2 and z <= -p.z_threshold:
        return "drop", med, z, f"robust z-score over {len(history)} {p.granularity}s"
    recent = history[-p.silence_days:]
    if x == 0 and recent:
        present = sum(1 for h in recent if h) / len(recent)
        mean = sum(recent) / len(recent)
        prob = math.exp(-mean)
        if present >= p.silence_share and prob <= p.silence_p:
            return "silence", mean, prob, f"present in {present:.0%} of the last {len(recent)} {p.granularity}s"
    return None


def alerts_for_store(store: Store, at: datetime | None = None, params: AlertParams | None = None) -> list[Alert]:
    """Alerts for the bucket ``at`` (default: the latest bucket with any article)."""
    params = params or AlertParams()
    delta = step(params.granularity)
    articles = list(store.iter_articles(ArticleQuery(limit=None, status="ok")))
    if at is None:
        dated = [a.published or a.retrieved_at for a in articles if (a.published or a.retrieved_at)]
        if not dated:
            return []
        at = max(d for d in dated if d is not None)
    bucket = bucket_of(at, params.granularity)
    since = bucket - delta * params.window
    recent = [a for a in articles if (w := (a.published or a.retrieved_at)) is not None
              and since <= bucket_of(w, params.granularity) <= bucket]
    return detect(build_series(recent, params.granularity), bucket, params)


def daily_counts(store: Store, key: str, since: date, until: date) -> list[tuple[date, int]]:
    """The daily article counts of one key (for showing an alert's evidence)."""
    start = datetime(since.year, since.month, since.day, tzinfo=UTC)
    end = datetime(until.year, until.month, until.day, tzinfo=UTC) + timedelta(days=1)
    series = build_series(store.iter_articles(ArticleQuery(limit=None, status="ok", since=start, until=end)))
    out, day = [], start
    while day < end:
        out.append((day.date(), series.count(key, day)))
        day += timedelta(days=1)
    return out
