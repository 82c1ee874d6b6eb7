"""SQLite-only behaviour: concurrent writers, schema versions, query plans, file settings."""

from __future__ import annotations

import multiprocessing
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from wirewatch.errors import SchemaVersionError, StorageError
from wirewatch.records import Article, IngestEntry
from wirewatch.storage.base import ArticleQuery, EventQuery
from wirewatch.storage.migrations import LATEST_VERSION
from wirewatch.storage.sqlite import SqliteStore

N_SHARED, N_OWN = 40, 40


def _article(key: str, url: str) -> Article:
    # built by hand (not article_from_text) so the worker processes need not import spaCy
    from hashlib import sha256

    text = f"Report {key}: clashes were reported near the river on day {key}."
    thash = sha256(text.encode()).hexdigest()[:32]
    return Article(id=sha256(f"{url}|{thash}".encode()).hexdigest()[:16], text=text, url=url,
                   canonical_url=url, text_hash=thash, lang="en",
                   published=datetime(2024, 1, 1, tzinfo=UTC))


def _ingest(path: str, worker: int, start: Any) -> None:
    """What an ingest process does: put every article and log it, each in its own transaction."""
    start.wait(60)  # both processes open the fresh file and write at the same moment
    store = SqliteStore(Path(path))
    keys = [f"shared-{i}" for i in range(N_SHARED)] + [f"w{worker}-{i}" for i in range(N_OWN)]
    if worker % 2:
        keys.reverse()
    for key in keys:
        res = store.put_article(_article(key, f"https://x.test/{key}"))
        store.log(IngestEntry(source=key, status=res.status, article_id=res.article_id, kind="test"))
    store.close()


def test_two_processes_share_one_database(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.db")
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(2)
    procs = [ctx.Process(target=_ingest, args=(path, w, start)) for w in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    store = SqliteStore(Path(path))
    articles = list(store.iter_articles(ArticleQuery(latest_only=False)))
    texts = [a.text for a in articles]
    assert len(texts) == len(set(texts)) == N_SHARED + 2 * N_OWN
    log = store.ingest_log(limit=None)
    assert len(log) == 2 * (N_SHARED + N_OWN)
    assert sum(e.status == "duplicate" for e in log) == N_SHARED
    store.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    SqliteStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    with pytest.raises(SchemaVersionError, match="newer wirewatch"):
        SqliteStore(path)


def test_settings_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    store = SqliteStore(path)
    store.put_article(_article("a", "https://x.test/a"))
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    store.close()
    again = SqliteStore(path)
    assert again.count_articles(ArticleQuery()) == 1
    again.close()


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="not a usable"):
        SqliteStore(path)


def test_queries_use_indexes(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "plan.db")
    since = datetime(2024, 1, 1, tzinfo=UTC)
    for q in (ArticleQuery(), ArticleQuery(lang="es"), ArticleQuery(site="Alpha"), ArticleQuery(since=since)):
        sql, params = store._article_sql(q, paged=True)
        plan = store.explain(sql, params)
        assert len(plan) == 1 and "INDEX articles_" in plan[0], plan  # no full scan, no sort step
    for q in (ArticleQuery(tag="iraq"), ArticleQuery(text="mosul", lang="en")):
        sql, params = store._article_sql(q, paged=True)
        plan = store.explain(sql, params)
        assert "SCAN a" not in plan, plan
    for sql in ("SELECT id FROM articles WHERE canonical_url = 'u' AND superseded_by IS NULL",
                "SELECT id FROM articles WHERE text_hash = 'h'",
                "SELECT count(*) FROM events WHERE plover_type = 'ASSAULT' AND day >= '2024'",
                "SELECT count(*) FROM events WHERE country = 'IQ' AND day >= '2024'"):
        plan = " | ".join(store.explain(sql))
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan
    for eq in (EventQuery(), EventQuery(include_flagged=True), EventQuery(since=since)):
        sql, params = store._event_sql(eq)
        plan = store.explain(sql, params)
        # newest first straight from an index: a LIMIT stops early, no sort of all matches
        assert not any("TEMP B-TREE" in p or (p.startswith("SCAN") and "INDEX" not in p) for p in plan), plan
    store.close()


def test_old_schema_is_migrated(tmp_path: Path) -> None:
    from wirewatch.storage.migrations import MIGRATIONS
    from wirewatch.storage.sqlite import _statements

    path = tmp_path / "v1.db"
    with sqlite3.connect(path) as db:
        for statement in _statements(MIGRATIONS[0][1]):
            db.execute(statement)
        db.execute("INSERT INTO articles (id, site, status, text_hash, record, created_at) "
                   "VALUES ('a1', 'Época', 'ok', 'h', x'00', 'now')")
        db.execute("PRAGMA user_version = 1")
    store = SqliteStore(path)
    assert store._db.execute("SELECT site_key FROM articles").fetchone()[0] == "epoca"
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    names = {r[0] for r in store._db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "events_day_all" in names and "articles_site_key" in names
    store.close()
