"""The in-memory twin of ``SqliteStore``: the same behaviour in plain Python, for tests and ``--db :memory:``.

It filters the very rows ``storage.common`` builds for SQLite, so both backends answer queries alike.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from ..errors import NotFoundError
from ..records import Article, IngestEntry, RawInput
from . import codec, common
from .base import (
    ArticleQuery,
    ClaimQuery,
    EventQuery,
    PlaceCount,
    PlaceQuery,
    PutResult,
    StoredClaim,
    StoredEvent,
    StoredPlace,
)


@dataclass
class _Stored:
    seq: int
    article: Article
    text_hash: str
    revision: int
    published: str | None
    tags: list[str]
    tokens: list[str]
    title_tokens: list[str]
    superseded_by: str | None = None
    rows_seq: int = 0  # when the derived rows were (re)written: SQLite's rowid order for events

    @property
    def all_tokens(self) -> list[str]:
        return [*self.title_tokens, "\x00", *self.tokens]  # the separator keeps phrases inside one field
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


class MemoryStore:
    """A :class:`~wirewatch.storage.base.Store` kept in dictionaries."""

    def __init__(self) -> None:
        self._articles: dict[str, _Stored] = {}
        self._raw: dict[str, RawInput] = {}
        self._log: list[IngestEntry] = []
        self._log_raw: dict[int, RawInput] = {}
        self._seq = itertools.count(1)
        self._lock = threading.RLock()

    # ---------------------------------------------------------------- articles

    def put_article(self, article: Article, raw: RawInput | None = None) -> PutResult:
        thash = article.text_hash or _hash(article.text)
        with self._lock:
            if article.id in self._articles:
                return PutResult("duplicate", article.id, duplicate_of=article.id)
            if article.text.strip():
                same = next((s for s in self._articles.values() if s.text_hash == thash), None)
                if same:
                    return PutResult("duplicate", article.id, duplicate_of=same.article.id)
            previous = self._latest_of(article.canonical_url)
            revision = previous.revision + 1 if previous else 1
            stored = self._entry(next(self._seq), article, thash, revision)
            stored.rows_seq = stored.seq
            self._articles[article.id] = stored
            if previous:
                previous.superseded_by = article.id
            if raw is not None:
                self._raw[article.id] = raw
        if previous:
            return PutResult("revised", article.id, duplicate_of=previous.article.id, revision=revision)
        return PutResult("ok", article.id, revision=revision)

    def _latest_of(self, canonical_url: str | None) -> _Stored | None:
        if not canonical_url:
            return None
        same = [s for s in self._articles.values()
                if s.article.canonical_url == canonical_url and s.superseded_by is None]
        return max(same, key=lambda s: s.revision, default=None)

    @staticmethod
    def _entry(seq: int, article: Article, thash: str, revision: int) -> _Stored:
        return _Stored(
            seq=seq, article=article, text_hash=thash, revision=revision,
            published=common.utc_key(article.published), tags=common.tag_keys(article),
            tokens=common.words(article.text), title_tokens=common.words(article.title or ""),
            rows=common.derived_rows(article, codec.encode(article)),
        )

    def update_article(self, article: Article) -> None:
        with self._lock:
            old = self._articles.get(article.id)
            if old is None:
                raise NotFoundError(f"no stored article {article.id}; store it with put_article first")
            new = self._entry(old.seq, article, article.text_hash or _hash(article.text), old.revision)
            new.superseded_by = old.superseded_by
            new.rows_seq = next(self._seq)
            self._articles[article.id] = new

    def resolve_id(self, article_id: str) -> str:
        if article_id in self._articles:
            return article_id
        key = common.check_prefix(article_id)
        return common.one_candidate(article_id, sorted(i for i in self._articles if i.startswith(key)))

    def get_article(self, article_id: str) -> Article:
        return self._articles[self.resolve_id(article_id)].article

    def _select(self, q: ArticleQuery) -> list[_Stored]:
        parsed = common.parse_query(q.text) if q.text is not None else None
        tag = common.fold(q.tag).strip() if q.tag is not None else None
        since, until = common.utc_key(q.since), common.utc_key(q.until)
        out = []
        for s in self._articles.values():
            a = s.article
            if ((q.lang is not None and a.lang != q.lang)
                    or (q.site is not None and common.site_key(a.site) != common.site_key(q.site))
                    or (q.status is not None and a.status != q.status)
                    or (tag is not None and tag not in s.tags)
                    or (since is not None and (s.published is None or s.published < since))
                    or (until is not None and (s.published is None or s.published >= until))
                    or (q.latest_only and s.superseded_by is not None)
                    or (parsed is not None and not common.matches(parsed, s.all_tokens))):
                continue
            out.append(s)
        if parsed is not None:
            out.sort(key=lambda s: (-(5 * common.hit_count(parsed, s.title_tokens)
                                      + common.hit_count(parsed, s.tokens)), _desc(s.published)))
        else:
            out.sort(key=lambda s: (s.published is None, _desc(s.published), -s.seq))
        return out

    def search_articles(self, query: ArticleQuery) -> list[Article]:
        with self._lock:
            found = self._select(query)
        return [s.article for s in _page(found, query.limit, query.offset)]

    def count_articles(self, query: ArticleQuery) -> int:
        with self._lock:
            return len(self._select(query))

    def iter_articles(self, query: ArticleQuery) -> Iterator[Article]:
        with self._lock:
            found = self._select(query)
        return iter([s.article for s in found])

    def revisions(self, article_id: str) -> list[Article]:
        with self._lock:
            stored = self._articles[self.resolve_id(article_id)]
            url = stored.article.canonical_url
            if url is None:
                return [stored.article]
            same = [s for s in self._articles.values() if s.article.canonical_url == url]
        return [s.article for s in sorted(same, key=lambda s: (s.revision, s.seq))]

    def revision_info(self, article_id: str) -> tuple[int, str | None]:
        stored = self._articles[self.resolve_id(article_id)]
        return stored.revision, stored.superseded_by

    def get_raw(self, article_id: str) -> RawInput | None:
        return self._raw.get(self.resolve_id(article_id))

    # ---------------------------------------------------------------- ingest log

    def log(self, entry: IngestEntry, raw: RawInput | None = None) -> IngestEntry:
        with self._lock:
            stored = replace(entry, id=len(self._log) + 1, at=entry.at or datetime.now(UTC))
            self._log.append(stored)
            if raw is not None:
                self._log_raw[stored.id or 0] = raw
        return stored

    def ingest_log(self, status: str | None = None, limit: int | None = 100) -> list[IngestEntry]:
        rows = [e for e in reversed(self._log) if status is None or e.status == status]
        return rows if limit is None else rows[:limit]

    def get_log_raw(self, log_id: int) -> RawInput | None:
        return self._log_raw.get(log_id)

    # ---------------------------------------------------------------- derived rows

    def _rows(self, table: str) -> Iterator[tuple[_Stored, dict[str, Any]]]:
        with self._lock:
            current = [s for s in self._articles.values() if s.superseded_by is None]
        for s in current:
            for row in s.rows[table]:
                yield s, row

    def _events(self, q: EventQuery) -> list[tuple[_Stored, dict[str, Any]]]:
        common.check_flags(q.flags)
        lo, hi = common.day_bounds(q.since, q.until)
        actor = common.fold(q.actor) if q.actor else None
        checks: list[Callable[[_Stored, dict[str, Any]], bool]] = [
            lambda s, r: all(r[f] for f in q.flags),
            lambda s, r: bool(q.include_flagged or q.flags or not r["flagged"]),
            lambda s, r: actor is None or actor in r["actors"],
            lambda s, r: lo is None or (r["day"] is not None and r["day"] >= lo),
            lambda s, r: hi is None or (r["day"] is not None and r["day"] < hi),
            lambda s, r: q.lang is None or s.article.lang == q.lang,
            lambda s, r: q.bbox is None or _in_bbox(r, q.bbox),
        ]
        equal = {c: v for c, v in (("plover_type", q.plover_type), ("acled_event_type", q.acled_event_type),
                                   ("acled_sub_event_type", q.acled_sub_event_type), ("country", q.country),
                                   ("admin1", q.admin1), ("article_id", q.article_id)) if v is not None}
        found = [(s, r) for s, r in self._rows("events")
                 if all(r[c] == v for c, v in equal.items()) and all(c(s, r) for c in checks)]
        found.sort(key=lambda x: (x[1]["day"] is None, _desc(x[1]["day"]), -x[0].rows_seq, -x[1]["idx"]))
        return found

    def iter_events(self, query: EventQuery) -> Iterator[StoredEvent]:
        for s, r in _page(self._events(query), query.limit, query.offset):
            a = s.article
            yield StoredEvent(a.id, a.events[r["idx"]], _published(s), a.site, a.url, a.lang)

    def count_events(self, query: EventQuery) -> int:
        return len(self._events(query))

    def _places(self, q: PlaceQuery) -> list[tuple[_Stored, dict[str, Any]]]:
        since, until = common.utc_key(q.since), common.utc_key(q.until)
        found = []
        for s, r in self._rows("places"):
            if ((q.country is not None and r["country"] != q.country)
                    or (q.feature is not None and r["feature"] != q.feature)
                    or (q.lang is not None and s.article.lang != q.lang)
                    or (since is not None and (s.published is None or s.published < since))
                    or (until is not None and (s.published is None or s.published >= until))
                    or (not q.include_metonymy and r["metonymy"])):
                continue
            found.append((s, r))
        found.sort(key=_by_article_date)
        return found

    def place_counts(self, query: PlaceQuery) -> list[PlaceCount]:
        groups: dict[str, list[dict[str, Any]]] = {}
        for _, r in self._places(query):
            groups.setdefault(r["ref"], []).append(r)
        counts = [
            PlaceCount(ref, min(r["name"] for r in rows), _min(r["country"] for r in rows),
                       _min(r["admin1"] for r in rows), min(r["feature"] for r in rows),
                       min(r["lat"] for r in rows), min(r["lon"] for r in rows), len(rows),
                       len({r["article_id"] for r in rows}))
            for ref, rows in groups.items()
        ]
        counts.sort(key=lambda c: (-c.mentions, c.ref))
        return _page(counts, query.limit, 0)

    def iter_places(self, query: PlaceQuery) -> Iterator[StoredPlace]:
        for s, r in _page(self._places(query), query.limit, 0):
            yield StoredPlace(r["article_id"], s.article.places[r["idx"]])

    def iter_claims(self, query: ClaimQuery) -> Iterator[StoredClaim]:
        source = common.fold(query.source) if query.source else None
        found = []
        for s, r in self._rows("claims"):
            if ((query.certainty is not None and r["certainty"] != query.certainty)
                    or (query.contradicted is not None and bool(r["contradicted"]) != query.contradicted)
                    or (query.article_id is not None and r["article_id"] != query.article_id)
                    or (source is not None and source not in r["source_folded"])):
                continue
            found.append((s, r))
        found.sort(key=_by_article_date)
        for s, r in _page(found, query.limit, query.offset):
            yield StoredClaim(r["article_id"], s.article.claims[r["idx"]], r["sentence"])

    def stats(self) -> dict[str, int]:
        with self._lock:
            stored = list(self._articles.values())
            return {
                "articles": sum(1 for s in stored if s.superseded_by is None),
                "revisions": sum(1 for s in stored if s.superseded_by is not None),
                "places": sum(len(s.rows["places"]) for s in stored),
                "events": sum(len(s.rows["events"]) for s in stored),
                "claims": sum(len(s.rows["claims"]) for s in stored),
                "log": len(self._log),
                "failed": sum(1 for e in self._log if e.status == "failed"),
            }

    def close(self) -> None:
        """Nothing to release; the data lives as long as the object."""


# ---------------------------------------------------------------- helpers


class _Desc:
    """Wraps a possibly-None sort key so that ``sort`` puts larger values first."""

    __slots__ = ("value",)

    def __init__(self, value: str | None) -> None:
        self.value = value or ""

    def __lt__(self, other: _Desc) -> bool:
        return self.value > other.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


def _desc(value: str | None) -> _Desc:
    return _Desc(value)


def _by_article_date(item: tuple[_Stored, dict[str, Any]]) -> tuple[Any, ...]:
    return item[0].published is None, _desc(item[0].published), item[1]["article_id"], item[1]["idx"]


def _page(items: Iterable[Any], limit: int | None, offset: int) -> list[Any]:
    items = list(items)[offset:]
    return items if limit is None else items[:limit]


def _min(values: Iterable[str | None]) -> str | None:
    present = [v for v in values if v is not None]
    return min(present) if present else None


def _in_bbox(row: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    if row["lat"] is None or row["lon"] is None:
        return False
    return bool(bbox[0] <= row["lon"] <= bbox[2] and bbox[1] <= row["lat"] <= bbox[3])


def _published(stored: _Stored) -> datetime | None:
    key = stored.published
    return datetime.fromisoformat(key.replace("Z", "+00:00")) if key else None


def _hash(text: str) -> str:
    from ..pipeline import text_hash

    return text_hash(text)
