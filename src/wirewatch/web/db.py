"""The web app's own tables, in the same SQLite file as the articles and the fusion tables.

They hold what the app adds on top of automatic analysis and must never be lost by a re-analysis: users,
API tokens, sessions, analyst reviews (overrides + audit trail) and a derived, index-friendly copy of the
canonical events (``web_event_index``) that is rebuilt from ``fusion_canonical`` whenever fusion changes.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StorageError

SCHEMA = """
CREATE TABLE IF NOT EXISTS web_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS web_users (
    username TEXT PRIMARY KEY, pw_hash TEXT NOT NULL, role TEXT NOT NULL DEFAULT 'analyst',
    created_at TEXT NOT NULL, revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS web_tokens (
    token_id TEXT PRIMARY KEY, username TEXT NOT NULL, token_hash TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS web_sessions (
    sid_hash TEXT PRIMARY KEY, username TEXT NOT NULL, csrf TEXT NOT NULL, expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS web_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT, canonical_id TEXT NOT NULL, action TEXT NOT NULL, who TEXT NOT NULL,
    at TEXT NOT NULL, before TEXT, after TEXT, note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS web_audit_event ON web_audit(canonical_id, id);
CREATE TABLE IF NOT EXISTS web_overrides (
    canonical_id TEXT PRIMARY KEY, status TEXT NOT NULL DEFAULT 'unreviewed',
    fields TEXT NOT NULL DEFAULT '{}',
    merged_into TEXT, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS web_moves (
    article_id TEXT NOT NULL, event_id TEXT NOT NULL, target TEXT NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS web_moves_target ON web_moves(target);
CREATE TABLE IF NOT EXISTS web_manual_events (
    canonical_id TEXT PRIMARY KEY, record TEXT NOT NULL, mentions TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS web_event_index (
    canonical_id TEXT PRIMARY KEY,
    src_rowid INTEGER NOT NULL DEFAULT 0,
    day TEXT NOT NULL,
    day_end TEXT NOT NULL,
    plover_type TEXT NOT NULL,
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    country TEXT,
    admin1 TEXT,
    place_ref TEXT,
    place_name TEXT,
    lat REAL,
    lon REAL,
    precision INTEGER,
    fatalities INTEGER,
    fatalities_high INTEGER,
    independent INTEGER NOT NULL DEFAULT 0,
    outlets INTEGER NOT NULL DEFAULT 0,
    n_mentions INTEGER NOT NULL DEFAULT 0,
    certainty TEXT,
    disputed INTEGER NOT NULL DEFAULT 0,
    story_id TEXT,
    actors TEXT NOT NULL DEFAULT '',
    actor1 TEXT,
    actor2 TEXT,
    sources TEXT NOT NULL DEFAULT '',
    search TEXT NOT NULL DEFAULT '',
    review TEXT NOT NULL DEFAULT 'unreviewed',
    hidden INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS web_ix_day ON web_event_index(hidden, day DESC, canonical_id DESC);
CREATE INDEX IF NOT EXISTS web_ix_type ON web_event_index(plover_type, day DESC);
CREATE INDEX IF NOT EXISTS web_ix_acled ON web_event_index(acled_event_type, plover_type, day DESC);
CREATE INDEX IF NOT EXISTS web_ix_country ON web_event_index(country, admin1, day DESC);
CREATE INDEX IF NOT EXISTS web_ix_geo ON web_event_index(lon, lat);
CREATE INDEX IF NOT EXISTS web_ix_src ON web_event_index(src_rowid);
CREATE INDEX IF NOT EXISTS web_ix_story ON web_event_index(story_id);
-- covering indexes: the map's aggregations (grid, timeline, facets, review counts) read only these columns
CREATE INDEX IF NOT EXISTS web_ix_grid ON web_event_index(hidden, lat, lon, plover_type, fatalities, precision);
CREATE INDEX IF NOT EXISTS web_ix_timeline ON web_event_index(hidden, day, plover_type);
CREATE INDEX IF NOT EXISTS web_ix_facets ON web_event_index(hidden, plover_type, acled_event_type, country);
CREATE INDEX IF NOT EXISTS web_ix_review ON web_event_index(review);
CREATE TABLE IF NOT EXISTS web_event_actors (
    canonical_id TEXT NOT NULL, actor_key TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL,
    PRIMARY KEY (canonical_id, actor_key, role)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS web_actors_key ON web_event_actors(actor_key);
"""


class WebDB:
    """One connection shared by the app's worker threads, serialised by a lock (SQLite allows one writer)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        try:
            self.conn = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA busy_timeout = 60000")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            # one transaction for the whole schema: a commit per CREATE costs a disk sync each (seconds on a
            # busy disk), and most opens find every table already there
            self.conn.executescript(f"BEGIN IMMEDIATE;\n{SCHEMA}\n{self._fusion_schema()}\nCOMMIT;")
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open the web tables in {self.path}: {exc}; check --db") from exc

    @staticmethod
    def _fusion_schema() -> str:
        # the fusion tables may not exist yet on a fresh database: creating them empty keeps queries simple
        from ..fusion.state import SCHEMA as FUSION_SCHEMA

        return str(FUSION_SCHEMA)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return list(self.conn.execute(sql, params).fetchall())

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        with self._lock:
            row = self.conn.execute(sql, params).fetchone()
        return None if row is None else tuple(row)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self._lock:
            cur = self.conn.execute(sql, params)
            return cur.lastrowid or 0

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction holding the lock (and SQLite's write lock) from the start."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def stream(self, sql: str, params: Sequence[Any] = (), batch: int = 500) -> Iterator[tuple[Any, ...]]:
        """Rows in batches so an export never holds the whole result in memory."""
        with self._lock:
            cur = self.conn.cursor()
            cur.execute(sql, params)
        while True:
            with self._lock:
                rows = cur.fetchmany(batch)
            if not rows:
                return
            yield from rows

    def close(self) -> None:
        with self._lock:
            self.conn.close()
