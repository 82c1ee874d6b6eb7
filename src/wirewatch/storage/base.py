"""The storage interface. ``SqliteStore`` is the default backend; ``MemoryStore`` is its in-memory twin for
tests; a PostgreSQL backend implements the same protocol.

The store keeps whole :class:`Article` records (with every extracted span) plus derived index rows for the
things users filter on (places, events, claims), so queries never re-run analysis. Deduplication happens in
``put_article``:

* same canonical URL and same text hash as a stored article -> ``duplicate`` (nothing written);
* same text hash at another URL -> ``duplicate`` too (the same article syndicated under two URLs is stored once);
* same canonical URL with a different text hash -> ``revised``: stored as a new revision, the old one kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from ..records import Article, Claim, Event, IngestEntry, IngestStatus, Place, RawInput


@dataclass(frozen=True, slots=True)
class PutResult:
    status: IngestStatus  # ok | duplicate | revised
    article_id: str
    duplicate_of: str | None = None  # the stored article this one duplicates, or the revision it replaces
    revision: int = 1


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Filters for listing, searching and exporting articles. ``text`` is a full-text query."""

    text: str | None = None
    lang: str | None = None
    site: str | None = None
    tag: str | None = None
    since: datetime | None = None  # published >= since
    until: datetime | None = None  # published < until
    status: str | None = None
    latest_only: bool = True  # hide superseded revisions
    limit: int | None = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class EventQuery:
    plover_type: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor: str | None = None  # matches actor/recipient id, canonical name or text (case-insensitive)
    country: str | None = None  # ISO2
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    since: datetime | None = None
    until: datetime | None = None
    include_flagged: bool = False  # negated, future, hypothetical, historical
    flags: tuple[str, ...] = ()  # only events carrying all of these flags
    lang: str | None = None
    article_id: str | None = None
    limit: int | None = 100
    offset: int = 0


@dataclass(frozen=True, slots=True)
class PlaceQuery:
    country: str | None = None
    feature: str | None = None
    lang: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    include_metonymy: bool = False
    limit: int | None = 50


@dataclass(frozen=True, slots=True)
class PlaceCount:
    ref: str
    name: str
    country: str | None
    admin1: str | None
    feature: str
    lat: float
    lon: float
    mentions: int
    articles: int


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    source: str | None = None  # substring of the source text (case-insensitive)
    certainty: str | None = None
    contradicted: bool | None = None
    article_id: str | None = None
    limit: int | None = 100
    offset: int = 0


@dataclass(frozen=True, slots=True)
class StoredEvent:
    article_id: str
    event: Event
    published: datetime | None
    site: str | None
    url: str | None
    lang: str | None


@dataclass(frozen=True, slots=True)
class StoredClaim:
    article_id: str
    claim: Claim
    sentence: str


@dataclass(frozen=True, slots=True)
class StoredPlace:
    article_id: str
    place: Place


class Store(Protocol):
    """What every storage backend provides."""

    # articles
    def put_article(self, article: Article, raw: RawInput | None = None) -> PutResult: ...
    def update_article(self, article: Article) -> None: ...  # re-analysis of a stored article (same id)
    def get_article(self, article_id: str) -> Article: ...  # accepts a unique id prefix; NotFoundError
    def search_articles(self, query: ArticleQuery) -> list[Article]: ...
    def count_articles(self, query: ArticleQuery) -> int: ...
    def iter_articles(self, query: ArticleQuery) -> Iterator[Article]: ...  # streaming, no limit applied
    def revisions(self, article_id: str) -> list[Article]: ...  # oldest first, all revisions of its URL
    def get_raw(self, article_id: str) -> RawInput | None: ...

    # ingest log
    def log(self, entry: IngestEntry, raw: RawInput | None = None) -> IngestEntry: ...
    def ingest_log(self, status: str | None = None, limit: int | None = 100) -> list[IngestEntry]: ...
    def get_log_raw(self, log_id: int) -> RawInput | None: ...

    # derived rows
    def iter_events(self, query: EventQuery) -> Iterator[StoredEvent]: ...
    def count_events(self, query: EventQuery) -> int: ...
    def place_counts(self, query: PlaceQuery) -> list[PlaceCount]: ...
    def iter_places(self, query: PlaceQuery) -> Iterator[StoredPlace]: ...
    def iter_claims(self, query: ClaimQuery) -> Iterator[StoredClaim]: ...

    def stats(self) -> dict[str, int]: ...
    def close(self) -> None: ...
