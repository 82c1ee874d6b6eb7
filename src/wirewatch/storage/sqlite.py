"""The default store: one SQLite file in WAL mode.

Whole articles are kept as compressed JSON records; the things users filter on are copied into indexed
columns and derived tables (places, events, claims) refreshed on every write, plus an FTS5 index over title
and text that folds case and diacritics. Every write is one short ``BEGIN IMMEDIATE`` transaction: the
dedup check and the insert happen under the same write lock, so several ingest processes can share a file
without losing or doubling articles (SQLite serialises them; ``busy_timeout`` makes them wait, not fail).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import NotFoundError, SchemaVersionError, StorageError
from ..records import Article, Claim, Event, IngestEntry, Place, RawInput
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
from .migrations import LATEST_VERSION, MIGRATIONS

BUSY_TIMEOUT_MS = 60_000
_BATCH = 200


class SqliteStore:
    """A :class:`~wirewatch.storage.base.Store` on one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        try:
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                str(self.path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
        except (sqlite3.Error, OSError) as exc:
            raise StorageError(
                f"cannot open database {self.path}: {exc}; check the path and permissions"
            ) from exc
        try:
            self._setup()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StorageError(
                f"{self.path} is not a usable wirewatch database ({exc}); pass another file with --db"
            ) from exc

    # ---------------------------------------------------------------- connection and schema

    def _setup(self) -> None:
        db = self._db
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.create_function("ww_fold", 1, common.site_key, deterministic=True)
        self._retry_locked(lambda: db.execute("PRAGMA journal_mode = WAL"))
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST_VERSION:
            raise SchemaVersionError(
                f"{self.path} was written by a newer wirewatch (schema {version}, this one knows up to "
                f"{LATEST_VERSION}); upgrade wirewatch (pip install -U wirewatch) or use another --db"
            )
        if version < LATEST_VERSION:
            self._migrate()

    def _retry_locked(self, fn: Any, attempts: int = 200) -> Any:
        """Run ``fn``, retrying while another process holds a lock the busy handler does not cover."""
        for i in range(attempts):
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or i == attempts - 1:
                    raise
                time.sleep(0.05)
        return None

    def _migrate(self) -> None:
        with self._write() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]  # re-read under the write lock
            for number, script in MIGRATIONS:
                if number > version:
                    for statement in _statements(script):
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction holding SQLite's write lock from the start."""
        with self._lock:
            self._retry_locked(lambda: self._db.execute("BEGIN IMMEDIATE"))
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._db.execute("ROLLBACK")
                raise StorageError(f"cannot write to {self.path}: {exc}") from exc

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row | tuple[Any, ...]]:
        with self._lock:
            return list(self._db.execute(sql, params).fetchall())

    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Rows in batches, without holding the lock between batches (writers may interleave)."""
        with self._lock:
            cursor = self._db.cursor()
            cursor.execute(sql, params)
        while True:
            with self._lock:
                rows = cursor.fetchmany(_BATCH)
            if not rows:
                return
            yield from rows

    def close(self) -> None:
        with self._lock, suppress(sqlite3.Error):
            self._db.close()

    # ---------------------------------------------------------------- articles

    def put_article(self, article: Article, raw: RawInput | None = None) -> PutResult:
        thash = article.text_hash or _hash(article.text)
        with self._write() as db:
            found = db.execute("SELECT id FROM articles WHERE id = ?", (article.id,)).fetchone()
            if found:
                return PutResult("duplicate", article.id, duplicate_of=article.id)
            if article.text.strip():
                same = db.execute(
                    "SELECT id FROM articles WHERE text_hash = ? ORDER BY rowid LIMIT 1", (thash,)
                ).fetchone()
                if same:
                    return PutResult("duplicate", article.id, duplicate_of=same[0])
            previous = None
            if article.canonical_url:
                previous = db.execute(
                    "SELECT id, revision FROM articles WHERE canonical_url = ? AND superseded_by IS NULL "
                    "ORDER BY revision DESC LIMIT 1",
                    (article.canonical_url,),
                ).fetchone()
            revision = previous[1] + 1 if previous else 1
            self._insert(db, article, thash, revision)
            if previous:
                db.execute("UPDATE articles SET superseded_by = ? WHERE id = ?", (article.id, previous[0]))
            if raw is not None:
                self._insert_raw(db, raw, article_id=article.id)
        if previous:
            return PutResult("revised", article.id, duplicate_of=previous[0], revision=revision)
        return PutResult("ok", article.id, revision=revision)

    def _insert(self, db: sqlite3.Connection, article: Article, thash: str, revision: int) -> None:
        enc = codec.encode(article)
        cur = db.execute(
            "INSERT INTO articles (id, url, canonical_url, site, site_key, title, lang, published, status, "
            "text_hash, revision, record, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article.id, article.url, article.canonical_url, article.site, common.site_key(article.site),
             article.title, article.lang,
             common.utc_key(article.published), article.status, thash, revision, common.pack(enc),
             common.utc_key(datetime.now(UTC))),
        )
        self._index(db, cur.lastrowid or 0, article, enc)

    def _index(self, db: sqlite3.Connection, rowid: int, article: Article, enc: dict[str, Any]) -> None:
        """(Re)write the FTS row, tags and derived rows of one article."""
        db.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?,?,?)",
                   (rowid, article.title or "", article.text))
        db.executemany("INSERT INTO article_tags (article_rowid, tag) VALUES (?,?)",
                       [(rowid, t) for t in common.tag_keys(article)])
        for table, rows in common.derived_rows(article, enc).items():
            if rows:
                cols = list(rows[0])
                sql = (f"INSERT INTO {table} ({', '.join(_q(c) for c in cols)}) "
                       f"VALUES ({', '.join('?' for _ in cols)})")
                db.executemany(sql, [tuple(r[c] for c in cols) for r in rows])

    def _unindex(self, db: sqlite3.Connection, rowid: int, article_id: str) -> None:
        db.execute("DELETE FROM articles_fts WHERE rowid = ?", (rowid,))
        db.execute("DELETE FROM article_tags WHERE article_rowid = ?", (rowid,))
        for table in ("places", "events", "claims"):
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))

    def update_article(self, article: Article) -> None:
        thash = article.text_hash or _hash(article.text)
        enc = codec.encode(article)
        with self._write() as db:
            row = db.execute("SELECT rowid FROM articles WHERE id = ?", (article.id,)).fetchone()
            if row is None:
                raise NotFoundError(f"no stored article {article.id}; store it with put_article first")
            self._unindex(db, row[0], article.id)
            db.execute(
                "UPDATE articles SET url=?, canonical_url=?, site=?, site_key=?, title=?, lang=?, "
                "published=?, status=?, text_hash=?, record=? WHERE rowid=?",
                (article.url, article.canonical_url, article.site, common.site_key(article.site),
                 article.title, article.lang,
                 common.utc_key(article.published), article.status, thash, common.pack(enc), row[0]),
            )
            self._index(db, row[0], article, enc)

    def resolve_id(self, article_id: str) -> str:
        """The full id for an id or a unique prefix of at least 4 characters."""
        if self._read("SELECT 1 FROM articles WHERE id = ?", (article_id,)):
            return article_id
        key = common.check_prefix(article_id)
        rows = self._read("SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 11",
                          (key, key + "\uffff"))
        return common.one_candidate(article_id, [r[0] for r in rows])

    def get_article(self, article_id: str) -> Article:
        full = self.resolve_id(article_id)
        row = self._read("SELECT record FROM articles WHERE id = ?", (full,))
        return _article(row[0][0])

    def _article_where(self, q: ArticleQuery) -> tuple[str, str, list[Any]]:
        """FROM/JOIN clause, WHERE clause and parameters for an article query."""
        where: list[str] = []
        params: list[Any] = []
        source = "articles a"
        if q.text is not None:
            source = "articles_fts f JOIN articles a ON a.rowid = f.rowid"
            where.append("articles_fts MATCH ?")
            params.append(common.fts_expression(common.parse_query(q.text)))
        for column, value in (("a.lang", q.lang), ("a.site_key", common.site_key(q.site)),
                              ("a.status", q.status)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if q.tag is not None:
            where.append("a.rowid IN (SELECT article_rowid FROM article_tags WHERE tag = ?)")
            params.append(common.fold(q.tag).strip())
        if q.since is not None:
            where.append("a.published >= ?")
            params.append(common.utc_key(q.since))
        if q.until is not None:
            where.append("a.published < ?")
            params.append(common.utc_key(q.until))
        if q.latest_only:
            where.append("a.superseded_by IS NULL")
        return source, " AND ".join(where) or "1", params

    def _article_sql(self, q: ArticleQuery, paged: bool) -> tuple[str, list[Any]]:
        source, where, params = self._article_where(q)
        order = ("bm25(articles_fts, 5.0, 1.0), a.published DESC" if q.text is not None
                 else "a.published DESC, a.rowid DESC")
        sql = f"SELECT a.record FROM {source} WHERE {where} ORDER BY {order}"
        if paged:
            sql += " LIMIT ? OFFSET ?"
            params += [-1 if q.limit is None else q.limit, q.offset]
        return sql, params

    def search_articles(self, query: ArticleQuery) -> list[Article]:
        sql, params = self._article_sql(query, paged=True)
        return [_article(r[0]) for r in self._read(sql, params)]

    def count_articles(self, query: ArticleQuery) -> int:
        source, where, params = self._article_where(query)
        return int(self._read(f"SELECT count(*) FROM {source} WHERE {where}", params)[0][0])

    def iter_articles(self, query: ArticleQuery) -> Iterator[Article]:
        sql, params = self._article_sql(query, paged=False)
        for row in self._stream(sql, params):
            yield _article(row[0])

    def revisions(self, article_id: str) -> list[Article]:
        full = self.resolve_id(article_id)
        url = self._read("SELECT canonical_url FROM articles WHERE id = ?", (full,))[0][0]
        if url is None:
            return [self.get_article(full)]
        rows = self._read(
            "SELECT record FROM articles WHERE canonical_url = ? ORDER BY revision, rowid", (url,)
        )
        return [_article(r[0]) for r in rows]

    def revision_info(self, article_id: str) -> tuple[int, str | None]:
        """(revision number, id of the next revision or None) of a stored article."""
        full = self.resolve_id(article_id)
        row = self._read("SELECT revision, superseded_by FROM articles WHERE id = ?", (full,))[0]
        return int(row[0]), row[1]

    # ---------------------------------------------------------------- raw input and ingest log

    def _insert_raw(self, db: sqlite3.Connection, raw: RawInput, *, article_id: str | None = None,
                    log_id: int | None = None) -> int:
        cur = db.execute(
            "INSERT INTO raw (article_id, log_id, source, url, headers, hints, retrieved_at, data) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (article_id, log_id, raw.source, raw.url, json.dumps(raw.headers), json.dumps(raw.hints),
             raw.retrieved_at.isoformat() if raw.retrieved_at else None, zlib.compress(raw.data, 6)),
        )
        return cur.lastrowid or 0

    def _raw(self, column: str, key: Any) -> RawInput | None:
        rows = self._read(
            f"SELECT source, url, headers, hints, retrieved_at, data FROM raw WHERE {column} = ?", (key,)
        )
        if not rows:
            return None
        source, url, headers, hints, retrieved, data = rows[0]
        return RawInput(source=source, data=zlib.decompress(data), url=url, headers=json.loads(headers),
                        retrieved_at=datetime.fromisoformat(retrieved) if retrieved else None,
                        hints=json.loads(hints))

    def get_raw(self, article_id: str) -> RawInput | None:
        return self._raw("article_id", self.resolve_id(article_id))

    def log(self, entry: IngestEntry, raw: RawInput | None = None) -> IngestEntry:
        at = entry.at or datetime.now(UTC)
        with self._write() as db:
            cur = db.execute(
                "INSERT INTO ingest_log (source, kind, status, reason, article_id, at) VALUES (?,?,?,?,?,?)",
                (entry.source, entry.kind, entry.status, entry.reason, entry.article_id, at.isoformat()),
            )
            log_id = cur.lastrowid or 0
            if raw is not None:
                raw_id = self._insert_raw(db, raw, log_id=log_id)
                db.execute("UPDATE ingest_log SET raw_id = ? WHERE id = ?", (raw_id, log_id))
        return IngestEntry(source=entry.source, status=entry.status, reason=entry.reason,
                           article_id=entry.article_id, at=at, kind=entry.kind, id=log_id)

    def ingest_log(self, status: str | None = None, limit: int | None = 100) -> list[IngestEntry]:
        where, params = ("WHERE status = ?", [status]) if status else ("", [])
        rows = self._read(
            f"SELECT id, source, kind, status, reason, article_id, at FROM ingest_log {where} "
            "ORDER BY id DESC LIMIT ?", [*params, -1 if limit is None else limit],
        )
        return [IngestEntry(source=r[1], kind=r[2], status=r[3], reason=r[4], article_id=r[5],
                            at=datetime.fromisoformat(r[6]), id=r[0]) for r in rows]

    def get_log_raw(self, log_id: int) -> RawInput | None:
        return self._raw("log_id", log_id)

    # ---------------------------------------------------------------- derived rows

    def _event_where(self, q: EventQuery) -> tuple[str, list[Any]]:
        where = ["a.superseded_by IS NULL"]
        params: list[Any] = []
        for column, value in (("e.plover_type", q.plover_type), ("e.acled_event_type", q.acled_event_type),
                              ("e.acled_sub_event_type", q.acled_sub_event_type), ("e.country", q.country),
                              ("e.admin1", q.admin1), ("a.lang", q.lang), ("e.article_id", q.article_id)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if q.actor:
            where.append("instr(e.actors, ?) > 0")
            params.append(common.fold(q.actor))
        if q.bbox is not None:
            where.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
            params += [q.bbox[0], q.bbox[2], q.bbox[1], q.bbox[3]]
        lo, hi = common.day_bounds(q.since, q.until)
        if lo is not None:
            where.append("e.day >= ?")
            params.append(lo)
        if hi is not None:
            where.append("e.day < ?")
            params.append(hi)
        common.check_flags(q.flags)
        for flag in q.flags:
            where.append(f"e.{flag} = 1")
        if not q.include_flagged and not q.flags:
            where.append("e.flagged = 0")
        return " AND ".join(where), params

    def _event_sql(self, query: EventQuery) -> tuple[str, list[Any]]:
        where, params = self._event_where(query)
        sql = (f"SELECT e.article_id, e.record, a.published, a.site, a.url, a.lang "
               f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} "
               f"ORDER BY e.day DESC, e.rowid DESC LIMIT ? OFFSET ?")
        return sql, [*params, -1 if query.limit is None else query.limit, query.offset]

    def iter_events(self, query: EventQuery) -> Iterator[StoredEvent]:
        sql, params = self._event_sql(query)
        for aid, record, published, site, url, lang in self._stream(sql, params):
            event = codec.decode(Event, json.loads(record))
            yield StoredEvent(aid, event, _parse_key(published), site, url, lang)

    def count_events(self, query: EventQuery) -> int:
        where, params = self._event_where(query)
        sql = f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE {where}"
        return int(self._read(sql, params)[0][0])

    def _place_where(self, q: PlaceQuery) -> tuple[str, list[Any]]:
        where = ["a.superseded_by IS NULL"]
        params: list[Any] = []
        for column, value in (("p.country", q.country), ("p.feature", q.feature), ("a.lang", q.lang)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if q.since is not None:
            where.append("a.published >= ?")
            params.append(common.utc_key(q.since))
        if q.until is not None:
            where.append("a.published < ?")
            params.append(common.utc_key(q.until))
        if not q.include_metonymy:
            where.append("p.metonymy = 0")
        return " AND ".join(where), params

    def place_counts(self, query: PlaceQuery) -> list[PlaceCount]:
        where, params = self._place_where(query)
        sql = (f"SELECT p.ref, min(p.name), min(p.country), min(p.admin1), min(p.feature), min(p.lat), "
               f"min(p.lon), count(*) AS n, count(DISTINCT p.article_id) "
               f"FROM places p JOIN articles a ON a.id = p.article_id WHERE {where} "
               f"GROUP BY p.ref ORDER BY n DESC, p.ref LIMIT ?")
        rows = self._read(sql, [*params, -1 if query.limit is None else query.limit])
        return [PlaceCount(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]) for r in rows]

    def iter_places(self, query: PlaceQuery) -> Iterator[StoredPlace]:
        where, params = self._place_where(query)
        sql = (f"SELECT p.article_id, p.record FROM places p JOIN articles a ON a.id = p.article_id "
               f"WHERE {where} ORDER BY a.published DESC, p.article_id, p.idx LIMIT ?")
        for aid, record in self._stream(sql, [*params, -1 if query.limit is None else query.limit]):
            yield StoredPlace(aid, codec.decode(Place, json.loads(record)))

    def iter_claims(self, query: ClaimQuery) -> Iterator[StoredClaim]:
        where = ["a.superseded_by IS NULL"]
        params: list[Any] = []
        if query.certainty is not None:
            where.append("c.certainty = ?")
            params.append(query.certainty)
        if query.contradicted is not None:
            where.append("c.contradicted = ?")
            params.append(int(query.contradicted))
        if query.article_id is not None:
            where.append("c.article_id = ?")
            params.append(query.article_id)
        if query.source:
            where.append("instr(c.source_folded, ?) > 0")
            params.append(common.fold(query.source))
        sql = (f"SELECT c.article_id, c.record, c.sentence "
               f"FROM claims c JOIN articles a ON a.id = c.article_id "
               f"WHERE {' AND '.join(where)} ORDER BY a.published DESC, c.article_id, "
               f"c.idx LIMIT ? OFFSET ?")
        params += [-1 if query.limit is None else query.limit, query.offset]
        for aid, record, sentence in self._stream(sql, params):
            yield StoredClaim(aid, codec.decode(Claim, json.loads(record)), sentence)

    def stats(self) -> dict[str, int]:
        counts = {}
        for name, sql in (
            ("articles", "SELECT count(*) FROM articles WHERE superseded_by IS NULL"),
            ("revisions", "SELECT count(*) FROM articles WHERE superseded_by IS NOT NULL"),
            ("places", "SELECT count(*) FROM places"),
            ("events", "SELECT count(*) FROM events"),
            ("claims", "SELECT count(*) FROM claims"),
            ("log", "SELECT count(*) FROM ingest_log"),
            ("failed", "SELECT count(*) FROM ingest_log WHERE status = 'failed'"),
        ):
            counts[name] = int(self._read(sql)[0][0])
        return counts

    def explain(self, sql: str, params: Sequence[Any] = ()) -> list[str]:
        """EXPLAIN QUERY PLAN details (for tests and tuning)."""
        return [str(r[-1]) for r in self._read("EXPLAIN QUERY PLAN " + sql, params)]


# ---------------------------------------------------------------- helpers


def _statements(script: str) -> Iterator[str]:
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    if buf.strip():
        yield buf.strip()


def _q(column: str) -> str:
    return f'"{column}"'


def _hash(text: str) -> str:
    from ..pipeline import text_hash

    return text_hash(text)


def _article(blob: bytes) -> Article:
    return common.unpack_article(blob)


def _parse_key(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None

