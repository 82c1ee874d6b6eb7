"""SQLite schema migrations, applied in order on open; ``PRAGMA user_version`` records the last one applied.

Never edit a migration that has shipped: add a new one to the end of :data:`MIGRATIONS`.
"""

from __future__ import annotations

MIGRATION_1 = """
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    canonical_url TEXT,
    site TEXT COLLATE NOCASE,
    title TEXT,
    lang TEXT,
    published TEXT,               -- UTC, 'YYYY-MM-DDTHH:MM:SSZ', sortable
    status TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    superseded_by TEXT,           -- id of the next revision; NULL for the latest
    record BLOB NOT NULL,         -- zlib-compressed JSON form of the whole Article
    created_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_lang ON articles(lang, published);
CREATE INDEX articles_site ON articles(site, published);
CREATE INDEX articles_status ON articles(status, published);
CREATE INDEX articles_canonical ON articles(canonical_url, revision);
CREATE INDEX articles_hash ON articles(text_hash);

CREATE TABLE article_tags (
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    tag TEXT NOT NULL,            -- folded (case and accents)
    PRIMARY KEY (tag, article_rowid)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, tokenize = "unicode61 remove_diacritics 2"
);                                -- rowid = articles.rowid

CREATE TABLE raw (
    id INTEGER PRIMARY KEY,
    article_id TEXT UNIQUE,
    log_id INTEGER UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    headers TEXT NOT NULL,        -- JSON
    hints TEXT NOT NULL,          -- JSON
    retrieved_at TEXT,
    data BLOB NOT NULL            -- zlib-compressed bytes as received
);

CREATE TABLE ingest_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NOT NULL,
    article_id TEXT,
    at TEXT NOT NULL,
    raw_id INTEGER
);
CREATE INDEX ingest_log_status ON ingest_log(status, id);

CREATE TABLE places (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    ref TEXT NOT NULL,
    name TEXT NOT NULL,
    text TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    feature TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    precision INTEGER NOT NULL,
    metonymy INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX places_ref ON places(ref);
CREATE INDEX places_country ON places(country, feature);

CREATE TABLE events (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    plover_type TEXT NOT NULL,
    mode TEXT,
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    day TEXT,                     -- date_start, else the publication day: what since/until filter on
    date_start TEXT,
    date_end TEXT,
    fatalities INTEGER,
    negated INTEGER NOT NULL,
    future INTEGER NOT NULL,
    hypothetical INTEGER NOT NULL,
    historical INTEGER NOT NULL,
    flagged INTEGER NOT NULL,     -- any of the four flags
    actors TEXT NOT NULL,         -- folded ids/names/texts framed by newlines
    record TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_day ON events(flagged, day);
CREATE INDEX events_plover ON events(plover_type, day);
CREATE INDEX events_acled ON events(acled_event_type, acled_sub_event_type, day);
CREATE INDEX events_country ON events(country, admin1, day);
CREATE INDEX events_geo ON events(lon, lat);

CREATE TABLE claims (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    claim_id TEXT NOT NULL,
    certainty TEXT NOT NULL,
    source TEXT,
    source_folded TEXT NOT NULL,
    contradicted INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX claims_certainty ON claims(certainty);
CREATE INDEX claims_contradicted ON claims(contradicted);
"""

# Event listings across all flags order by day alone; newest-first paging then reads the index backwards.
MIGRATION_2 = """
CREATE INDEX events_day_all ON events(day);
"""

# Site filters fold case and accents beyond ASCII ("ultima hora" finds "Última Hora"); NOCASE is ASCII only.
# ww_fold is storage.common.site_key, registered on every connection.
MIGRATION_3 = """
ALTER TABLE articles ADD COLUMN site_key TEXT;
UPDATE articles SET site_key = ww_fold(site) WHERE site IS NOT NULL;
DROP INDEX articles_site;
CREATE INDEX articles_site_key ON articles(site_key, published);
"""

#: (version, SQL script); applied in order to databases whose user_version is lower.
MIGRATIONS: tuple[tuple[int, str], ...] = ((1, MIGRATION_1), (2, MIGRATION_2), (3, MIGRATION_3))

LATEST_VERSION = MIGRATIONS[-1][0]
