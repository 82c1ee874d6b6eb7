"""Persistent state of the fusion stage, in SQLite tables next to the articles (or in memory for tests).

Fusion is incremental: each new article looks up only its *candidates* — near-duplicates through LSH band
buckets, stories and canonical events through inverted indexes restricted to a time window — so the cost of
adding one article does not grow with the size of the store. Every lookup below is an indexed query.

The in-memory twin is the same code on an in-memory SQLite database (``FusionState(":memory:")``), so tests
exercise exactly the queries a user's database runs.
"""

from __future__ import annotations

import json
import marshal
import math
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import StorageError

CACHE_KIB = 256 * 1024  # SQLite page cache of the fusion connection (256 MiB at most, allocated as used)
DF_CACHE_MAX = 2_000_000  # cached document frequencies before the cache is trimmed
CELL_DEG = 0.5  # grid of the nearby-events lookup (~55 km): a candidate box spans a handful of cells
INDEXED_CACHE_MAX = 50_000  # stories whose postings written today are remembered

SCHEMA = """
CREATE TABLE IF NOT EXISTS fusion_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS fusion_articles (
    article_id TEXT PRIMARY KEY,
    dup_group TEXT NOT NULL,
    story_id TEXT,
    site TEXT,
    lang TEXT,
    published TEXT,
    minhash BLOB
);
CREATE INDEX IF NOT EXISTS fusion_articles_group ON fusion_articles(dup_group);
CREATE INDEX IF NOT EXISTS fusion_articles_story ON fusion_articles(story_id);
CREATE TABLE IF NOT EXISTS fusion_lsh (band INTEGER NOT NULL, bucket BLOB NOT NULL, article_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS fusion_lsh_bucket ON fusion_lsh(band, bucket);
CREATE TABLE IF NOT EXISTS fusion_df (feature TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fusion_stories (
    story_id TEXT PRIMARY KEY,
    first_seen TEXT,
    last_seen TEXT,
    n_articles INTEGER NOT NULL,
    state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS fusion_stories_last ON fusion_stories(last_seen);
CREATE TABLE IF NOT EXISTS fusion_story_index (
    feature TEXT NOT NULL, story_id TEXT NOT NULL, last_seen TEXT NOT NULL,
    PRIMARY KEY (feature, story_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS fusion_story_index_recent ON fusion_story_index(feature, last_seen);
CREATE TABLE IF NOT EXISTS fusion_canonical (
    canonical_id TEXT PRIMARY KEY,
    type_key TEXT NOT NULL,
    country TEXT,
    date_start TEXT,
    date_end TEXT,
    story_id TEXT,
    n_mentions INTEGER NOT NULL,
    record TEXT NOT NULL,
    mentions TEXT NOT NULL,
    rep TEXT,
    lat REAL,
    lon REAL
);
CREATE INDEX IF NOT EXISTS fusion_canonical_key ON fusion_canonical(type_key, country, date_end);
CREATE INDEX IF NOT EXISTS fusion_canonical_story ON fusion_canonical(story_id);
CREATE TABLE IF NOT EXISTS fusion_mention_of (
    article_id TEXT NOT NULL, event_id TEXT NOT NULL, canonical_id TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS fusion_mention_canonical ON fusion_mention_of(canonical_id);
"""


class FusionState:
    """Tables and indexed lookups used by the near-duplicate, story and canonical-event stages."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA busy_timeout = 60000")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            # the index pages of the candidate lookups are read again and again: keep them in memory
            self.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self.conn.executescript(SCHEMA)
            self._migrate()
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open fusion tables in {self.path}: {exc}") from exc
        self._in_tx = False
        # document frequencies are read and bumped for every article: a write-behind cache of them, flushed at
        # commit and dropped whenever another connection has committed (``PRAGMA data_version`` changed)
        self._df: dict[str, int] = {}
        self._df_pending: Counter[str] = Counter()
        self._n_docs: int | None = None
        self._docs_pending = 0
        self._data_version = self._version()
        self.generation = 0
        self._indexed: dict[str, tuple[str, set[str]]] = {}  # story -> (day stamp, postings written with it)

    def _version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def _drop_caches(self) -> None:
        self.generation += 1  # tells callers' own caches (decoded stories) to go as well
        self._df.clear()
        self._df_pending.clear()
        self._n_docs = None
        self._docs_pending = 0
        self._indexed.clear()

    def _migrate(self) -> None:
        """Columns added after the first release of these tables."""
        cols = {r[1] for r in self.conn.execute("PRAGMA table_info(fusion_canonical)")}
        if "rep" not in cols:  # a compact summary for candidate checks (older rows fall back to mentions)
            self.conn.execute("ALTER TABLE fusion_canonical ADD COLUMN rep TEXT")
        for col in ("lat", "lon"):  # the point of a precise place, for the nearby-events lookup
            if col not in cols:
                self.conn.execute(f"ALTER TABLE fusion_canonical ADD COLUMN {col} REAL")
        self.conn.execute(
            "CREATE INDEX IF NOT EXISTS fusion_canonical_geo ON fusion_canonical(type_key, lat, lon)")
        self.conn.execute(
            "CREATE INDEX IF NOT EXISTS fusion_canonical_story_type ON fusion_canonical(story_id, type_key)")
        if "cell" not in cols:  # grid cell of the point: the nearby-events lookup by cell and recent date
            self.conn.execute("ALTER TABLE fusion_canonical ADD COLUMN cell TEXT")
            rows = self.conn.execute("SELECT canonical_id, lat, lon FROM fusion_canonical WHERE lat IS NOT NULL")
            self.conn.executemany("UPDATE fusion_canonical SET cell = ? WHERE canonical_id = ?",
                                  [(grid_cell(lat, lon), cid) for cid, lat, lon in rows.fetchall()])
        self.conn.execute(
            "CREATE INDEX IF NOT EXISTS fusion_canonical_cell ON fusion_canonical(type_key, cell, date_end)")

    # ---------------------------------------------------------------- transactions

    def begin(self) -> None:
        if not self._in_tx:
            self.conn.execute("BEGIN IMMEDIATE")
            self._in_tx = True
            version = self._version()
            if version != self._data_version:  # another process fused articles since our last look
                self._drop_caches()
                self._data_version = version

    def commit(self) -> None:
        if self._in_tx:
            self._flush_frequencies()
            self.conn.execute("COMMIT")
            self._in_tx = False

    def rollback(self) -> None:
        if self._in_tx:
            self.conn.execute("ROLLBACK")
            self._in_tx = False
            self._drop_caches()

    def close(self) -> None:
        self.commit()
        self.conn.close()

    def reset(self) -> None:
        """Drop every fusion table and start again (``wirewatch fuse --rebuild``)."""
        self.commit()
        self._drop_caches()
        tables = [r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'fusion_%'")]
        for t in tables:
            self.conn.execute(f"DROP TABLE IF EXISTS {t}")
        self.conn.executescript(SCHEMA)
        self._migrate()

    # ---------------------------------------------------------------- meta

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM fusion_meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO fusion_meta(key, value) VALUES (?, ?)", (key, value))

    # ---------------------------------------------------------------- articles and near-duplicates

    def has_article(self, article_id: str) -> bool:
        q = "SELECT 1 FROM fusion_articles WHERE article_id = ?"
        return self.conn.execute(q, (article_id,)).fetchone() is not None

    def lsh_candidates(self, buckets: Sequence[bytes]) -> set[str]:
        """Articles sharing at least one LSH bucket: one statement, one index probe per band."""
        if not buckets:
            return set()
        one = "SELECT article_id FROM fusion_lsh WHERE band = ? AND bucket = ?"
        q = " UNION ".join([one] * len(buckets))
        args = [x for band, bucket in enumerate(buckets) for x in (band, bucket)]
        return {r[0] for r in self.conn.execute(q, args)}

    def minhashes(self, article_ids: Iterable[str]) -> dict[str, tuple[bytes, str, str | None, str | None]]:
        """article_id -> (minhash bytes, dup_group, published, site)."""
        ids = list(article_ids)
        out = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            q = ("SELECT article_id, minhash, dup_group, published, site FROM fusion_articles "
                 f"WHERE article_id IN ({marks})")
            for aid, mh, grp, pub, site in self.conn.execute(q, chunk):
                out[aid] = (mh, grp, pub, site)
        return out

    def add_article(self, article_id: str, dup_group: str, site: str | None, lang: str | None,
                    published: str | None, minhash: bytes, buckets: Sequence[bytes]) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO fusion_articles(article_id, dup_group, site, lang, published, minhash) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (article_id, dup_group, site, lang, published, minhash),
        )
        self.conn.executemany(
            "INSERT INTO fusion_lsh(band, bucket, article_id) VALUES (?, ?, ?)",
            [(band, bucket, article_id) for band, bucket in enumerate(buckets)],
        )

    def set_dup_group(self, article_ids: Iterable[str], group: str) -> None:
        self.conn.executemany("UPDATE fusion_articles SET dup_group = ? WHERE article_id = ?",
                              [(group, a) for a in article_ids])

    def group_members(self, group: str) -> list[tuple[str, str | None, str | None]]:
        """(article_id, published, site) of a near-duplicate group, earliest first."""
        q = ("SELECT article_id, published, site FROM fusion_articles WHERE dup_group = ? "
             "ORDER BY published IS NULL, published, article_id")
        return [(r[0], r[1], r[2]) for r in self.conn.execute(q, (group,))]

    def dup_group_of(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT dup_group FROM fusion_articles WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def set_story(self, article_id: str, story_id: str) -> None:
        self.conn.execute("UPDATE fusion_articles SET story_id = ? WHERE article_id = ?", (story_id, article_id))

    def story_of(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT story_id FROM fusion_articles WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def duplicate_groups(self, min_size: int = 2) -> list[tuple[str, int]]:
        q = ("SELECT dup_group, COUNT(*) FROM fusion_articles GROUP BY dup_group HAVING COUNT(*) >= ? "
             "ORDER BY COUNT(*) DESC")
        return [(r[0], r[1]) for r in self.conn.execute(q, (min_size,))]

    # ---------------------------------------------------------------- document frequencies

    def n_docs(self) -> int:
        if self._n_docs is None:
            self._n_docs = int(self.get_meta("n_docs") or 0)
        return self._n_docs + self._docs_pending

    def document_frequencies(self, features: Sequence[str]) -> dict[str, int]:
        """Frequencies of ``features`` (absent ones left out); only features not cached yet are queried."""
        cache = self._df
        missing = [f for f in features if f not in cache]
        for chunk in _chunks(missing, 500):
            marks = ",".join("?" * len(chunk))
            found = dict(self.conn.execute(f"SELECT feature, n FROM fusion_df WHERE feature IN ({marks})", chunk))
            for f in chunk:
                cache[f] = found.get(f, 0)
        if len(cache) > DF_CACHE_MAX:  # keep memory bounded on a long-running store; re-read on demand
            self._df = cache = {f: cache[f] for f in features}
        pending = self._df_pending
        out = {f: cache[f] + pending[f] for f in features}
        return {f: n for f, n in out.items() if n}

    def add_document_frequencies(self, features: Sequence[str]) -> None:
        self.n_docs()  # load the stored count before counting on top of it
        self._df_pending.update(features)
        self._docs_pending += 1
        if not self._in_tx:
            self._flush_frequencies()

    def add_counts(self, frequencies: Mapping[str, int], documents: int) -> None:
        """Add many documents' feature counts at once (bulk loading)."""
        self.n_docs()
        self._df_pending.update(frequencies)
        self._docs_pending += documents
        if not self._in_tx:
            self._flush_frequencies()

    def _flush_frequencies(self) -> None:
        """Write the pending counts in one statement per transaction (not one per article)."""
        if not self._docs_pending and not self._df_pending:
            return
        self.conn.executemany(
            "INSERT INTO fusion_df(feature, n) VALUES (?, ?) ON CONFLICT(feature) DO UPDATE SET n = n + excluded.n",
            sorted(self._df_pending.items()),
        )
        for f, n in self._df_pending.items():
            if f in self._df:
                self._df[f] += n
        total = self.n_docs()
        self.set_meta("n_docs", str(total))
        self._n_docs, self._docs_pending = total, 0
        self._df_pending.clear()

    # ---------------------------------------------------------------- stories

    def story_candidates(self, features: Sequence[str], since: str, limit: int = 20) -> dict[str, int]:
        """Active stories sharing the most index features with the article (at most ``limit``), with their
        current size (so that a caller's cache of decoded stories can tell a stale entry)."""
        feats = list(features)[:400]
        if not feats:
            return {}
        marks = ",".join("?" * len(feats))
        # the index's day-level stamp narrows the range scan; the story's own last_seen is the exact test
        q = (f"SELECT i.story_id, s.n_articles FROM fusion_story_index i "
             f"JOIN fusion_stories s ON s.story_id = i.story_id "
             f"WHERE i.feature IN ({marks}) AND i.last_seen >= ? AND s.last_seen >= ? "
             "GROUP BY i.story_id ORDER BY COUNT(*) DESC, i.story_id LIMIT ?")
        return {r[0]: r[1] for r in self.conn.execute(q, [*feats, since, since, limit])}

    def story_matches(self, features: Sequence[str], since: str, limit: int) -> list[str]:
        """Stories with postings of ``features`` stamped on or after ``since``'s day, most shared features first:
        one range probe per feature in the posting index, no join (the caller checks each story's exact
        last_seen on the state it decodes anyway)."""
        feats = list(features)[:400]
        if not feats:
            return []
        marks = ",".join("?" * len(feats))
        q = (f"SELECT story_id FROM fusion_story_index WHERE feature IN ({marks}) AND last_seen >= ? "
             "GROUP BY story_id ORDER BY COUNT(*) DESC, story_id LIMIT ?")
        return [r[0] for r in self.conn.execute(q, [*feats, since[:10], limit])]

    def get_stories(self, story_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(list(story_ids), 500):
            marks = ",".join("?" * len(chunk))
            q = f"SELECT story_id, state FROM fusion_stories WHERE story_id IN ({marks})"
            for sid, state in self.conn.execute(q, chunk):
                out[sid] = _load_state(state)
        return out

    def story_sizes(self, story_ids: Sequence[str]) -> dict[str, int]:
        marks = ",".join("?" * len(story_ids))
        q = f"SELECT story_id, n_articles FROM fusion_stories WHERE story_id IN ({marks})"
        return {r[0]: r[1] for r in self.conn.execute(q, list(story_ids))} if story_ids else {}

    def put_story(self, story_id: str, state: dict[str, Any], index_features: Sequence[str]) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO fusion_stories(story_id, first_seen, last_seen, n_articles, state) "
            "VALUES (?, ?, ?, ?, ?)",
            (story_id, state["first_seen"], state["last_seen"], len(state["articles"]),
             _dump_state(state)),
        )
        stamp = _day_stamp(state["last_seen"])
        written = self._indexed.get(story_id)
        if written is None or written[0] != stamp:
            written = (stamp, set())
        new = [f for f in index_features if f not in written[1]]
        if new:  # postings already stamped today need no write: most additions to a story touch none
            self.conn.executemany(
                "INSERT INTO fusion_story_index(feature, story_id, last_seen) VALUES (?, ?, ?) "
                "ON CONFLICT(feature, story_id) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)",
                [(f, story_id, stamp) for f in new],
            )
            written[1].update(new)
        if len(self._indexed) >= INDEXED_CACHE_MAX:
            self._indexed.clear()
        self._indexed[story_id] = written

    def iter_stories(self, since: str | None = None, limit: int | None = None,
                     min_articles: int = 1) -> Iterator[tuple[str, dict[str, Any]]]:
        q = "SELECT story_id, state FROM fusion_stories WHERE n_articles >= ?"
        args: list[Any] = [min_articles]
        if since:
            q += " AND last_seen >= ?"
            args.append(since)
        q += " ORDER BY last_seen DESC, story_id"
        if limit:
            q += " LIMIT ?"
            args.append(limit)
        for sid, state in self.conn.execute(q, args).fetchall():
            yield sid, _load_state(state)

    # ---------------------------------------------------------------- canonical events

    def canonical_candidates(self, type_key: str, since: str, story_id: str | None,
                             box: tuple[float, float, float, float] | None) -> list[dict[str, Any]]:
        """``{"id", "rep"}`` of the events that could match: those of the same type in the same story, and
        those whose precise place lies in ``box`` (min_lat, max_lat, min_lon, max_lon) and whose dates reach
        ``since``. Both are index lookups, so the work does not grow with the store. Only the compact summaries
        are decoded (rows written before summaries existed come with their ``mentions`` instead)."""
        cols = "SELECT canonical_id, rep, CASE WHEN rep IS NULL THEN mentions END FROM fusion_canonical"
        parts: list[str] = []
        args: list[Any] = []
        if story_id:
            parts.append(f"{cols} WHERE story_id = ? AND type_key = ?")
            args += [story_id, type_key]
        if box:
            # by grid cell and recent end date: a latitude band alone would scan every event of the type ever
            # stored along it, a cost that grows with the store
            cells = box_cells(box)
            marks = ",".join("?" * len(cells))
            for date_test in ("date_end >= ?", "date_end IS NULL"):
                parts.append(f"{cols} INDEXED BY fusion_canonical_cell WHERE type_key = ? AND cell IN ({marks}) "
                             f"AND {date_test} "
                             "AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
                args += [type_key, *cells, *([since] if "?" in date_test else []), *box]
        if not parts:
            return []
        return [{"id": r[0], "rep": json.loads(r[1]) if r[1] else None,
                 "mentions": json.loads(r[2]) if r[2] else None}
                for r in self.conn.execute(" UNION ".join(parts), args)]

    def get_canonical(self, canonical_id: str) -> dict[str, Any] | None:
        q = "SELECT canonical_id, record, mentions FROM fusion_canonical WHERE canonical_id = ?"
        r = self.conn.execute(q, (canonical_id,)).fetchone()
        return None if r is None else {"id": r[0], "record": json.loads(r[1]), "mentions": json.loads(r[2])}

    def put_canonical(self, canonical_id: str, type_key: str, country: str | None, date_start: str | None,
                      date_end: str | None, story_id: str | None, record: dict[str, Any],
                      mentions: list[dict[str, Any]], rep: dict[str, Any] | None = None,
                      point: tuple[float, float] | None = None) -> None:
        def dump(value: Any) -> str:
            return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

        lat, lon = point if point else (None, None)
        cell = grid_cell(*point) if point else None
        self.conn.execute(
            "INSERT OR REPLACE INTO fusion_canonical(canonical_id, type_key, country, date_start, date_end, "
            "story_id, n_mentions, record, mentions, rep, lat, lon, cell) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (canonical_id, type_key, country, date_start, date_end, story_id, len(mentions), dump(record),
             dump(mentions), dump(rep) if rep is not None else None, lat, lon, cell),
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO fusion_mention_of(article_id, event_id, canonical_id) VALUES (?, ?, ?)",
            [(m["article_id"], m["event_id"], canonical_id) for m in mentions],
        )

    def delete_canonical(self, canonical_id: str) -> None:
        self.conn.execute("DELETE FROM fusion_canonical WHERE canonical_id = ?", (canonical_id,))
        self.conn.execute("DELETE FROM fusion_mention_of WHERE canonical_id = ?", (canonical_id,))

    def canonical_of(self, article_id: str, event_id: str) -> str | None:
        q = "SELECT canonical_id FROM fusion_mention_of WHERE article_id = ? AND event_id = ?"
        r = self.conn.execute(q, (article_id, event_id)).fetchone()
        return None if r is None else str(r[0])

    def iter_canonical(self, story_id: str | None = None) -> Iterator[dict[str, Any]]:
        q = "SELECT canonical_id, record, mentions FROM fusion_canonical"
        args: list[Any] = []
        if story_id:
            q += " WHERE story_id = ?"
            args.append(story_id)
        q += " ORDER BY date_start IS NULL, date_start DESC, canonical_id"
        for r in self.conn.execute(q, args):
            yield {"id": r[0], "record": json.loads(r[1]), "mentions": json.loads(r[2])}

    def counts(self) -> dict[str, int]:
        def one(q: str) -> int:
            return int(self.conn.execute(q).fetchone()[0])

        return {
            "fused_articles": one("SELECT COUNT(*) FROM fusion_articles"),
            "duplicate_groups": one(
                "SELECT COUNT(*) FROM (SELECT dup_group FROM fusion_articles GROUP BY dup_group HAVING COUNT(*) > 1)"),
            "stories": one("SELECT COUNT(*) FROM fusion_stories"),
            "canonical_events": one("SELECT COUNT(*) FROM fusion_canonical"),
        }


def grid_cell(lat: float, lon: float) -> str:
    """The ``CELL_DEG`` grid cell holding a point, as "row:col"."""
    return f"{math.floor(lat / CELL_DEG)}:{math.floor(lon / CELL_DEG)}"


def box_cells(box: tuple[float, float, float, float]) -> list[str]:
    """Every grid cell a (min_lat, max_lat, min_lon, max_lon) box touches."""
    rows = range(math.floor(box[0] / CELL_DEG), math.floor(box[1] / CELL_DEG) + 1)
    cols = range(math.floor(box[2] / CELL_DEG), math.floor(box[3] / CELL_DEG) + 1)
    return [f"{r}:{c}" for r in rows for c in cols]


def _day_stamp(when: str) -> str:
    """The index's coarse time stamp: the end of ``when``'s day ("T99" sorts after any time of that day and
    before the next day), so a posting needs rewriting at most once a day per story."""
    return f"{when[:10]}T99" if when else ""


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _dump_state(state: dict[str, Any]) -> bytes:
    # marshal: several times faster to load than JSON for these float-heavy dicts, and unlike pickle it
    # cannot run code when a database from elsewhere is opened
    return marshal.dumps(state)


def _load_state(data: bytes) -> dict[str, Any]:
    loaded = marshal.loads(data)
    if not isinstance(loaded, dict):
        raise StorageError("corrupt story state in fusion_stories; rebuild with `wirewatch fuse --rebuild`")
    return loaded
