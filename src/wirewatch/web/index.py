"""``web_event_index``: one flat, indexed row per canonical event, with the analyst's review applied.

``fusion_canonical`` stores whole records as JSON, which cannot be filtered fast at 100k events. This table
copies the filterable fields into indexed columns. It is refreshed incrementally: ``INSERT OR REPLACE`` in
fusion gives a rewritten event a new rowid, so rows above the last indexed rowid are exactly the new or
re-analysed ones; a count mismatch reveals deletions. Reviews re-index the events they touch.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from typing import Any

from ..records import PLACE_TARGET
from ..storage.common import fold
from .db import WebDB
from .review import effective_event

COLUMNS = (
    "canonical_id",
    "src_rowid",
    "day",
    "day_end",
    "plover_type",
    "acled_event_type",
    "acled_sub_event_type",
    "country",
    "admin1",
    "place_ref",
    "place_name",
    "lat",
    "lon",
    "precision",
    "fatalities",
    "fatalities_high",
    "independent",
    "outlets",
    "n_mentions",
    "certainty",
    "disputed",
    "story_id",
    "actors",
    "actor1",
    "actor2",
    "sources",
    "search",
    "review",
    "hidden",
)
_INSERT = (
    f"INSERT OR REPLACE INTO web_event_index({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})"
)
_CHECK_EVERY = 1.0  # seconds between two looks at fusion_canonical for changes


def _actor_names(record: dict[str, Any], role: str) -> list[tuple[str, str]]:
    out = []
    for a in record.get(role) or []:
        if a.get("rule") == PLACE_TARGET:
            continue  # a targeted place is the event's location, not a party to it (ACLED's actor2)
        name = a.get("name") or a.get("text") or ""
        key = a.get("actor_id") or fold(name)
        if name:
            out.append((str(key), str(name)))
    return out


def index_row(
    cid: str, src_rowid: int, found: dict[str, Any]
) -> tuple[tuple[Any, ...], list[tuple[str, ...]]]:
    """The index row and actor rows of one effective event."""
    r, review = found["record"], found["review"]
    place = r.get("place") or {}
    day = r.get("date_start") or (r.get("first_reported") or "")[:10] or "0000-00-00"
    actors = [(k, n, "actor") for k, n in _actor_names(r, "actors")]
    actors += [(k, n, "recipient") for k, n in _actor_names(r, "recipients")]
    search = " ".join(
        [
            r.get("plover_type") or "",
            r.get("acled_event_type") or "",
            r.get("acled_sub_event_type") or "",
            place.get("name") or "",
            place.get("text") or "",
            *(n for _, n, _ in actors),
            *(m.get("site") or "" for m in r.get("mentions", [])),
        ]
    )
    status = review.status
    hidden = 1 if status in ("rejected", "merged") else 0
    row = (
        cid,
        src_rowid,
        day,
        r.get("date_end") or day,
        r.get("plover_type") or "OTHER",
        r.get("acled_event_type"),
        r.get("acled_sub_event_type"),
        place.get("country"),
        place.get("admin1"),
        place.get("ref"),
        place.get("name"),
        place.get("lat"),
        place.get("lon"),
        place.get("precision"),
        r.get("fatalities_low"),
        r.get("fatalities_high"),
        r.get("independent_reports") or 0,
        r.get("outlets") or 0,
        len(r.get("mentions", [])),
        r.get("certainty"),
        int(bool(r.get("disputed"))),
        r.get("story_id"),
        "|".join(fold(f"{k} {n}") for k, n, _ in actors),
        "; ".join(n for _, n, role in actors if role == "actor") or None,
        "; ".join(n for _, n, role in actors if role == "recipient") or None,
        "; ".join(sorted({m.get("site") or "" for m in r.get("mentions", [])} - {""})),
        fold(search),
        status,
        hidden,
    )
    return row, [(cid, k, n, role) for k, n, role in actors]


def reindex(db: WebDB, ids: Iterable[str]) -> None:
    """Recompute the rows of these events (after a review, merge or split)."""
    for cid in dict.fromkeys(ids):
        rowid = db.one("SELECT rowid FROM fusion_canonical WHERE canonical_id = ?", (cid,))
        found = effective_event(db, cid)
        with db.tx() as conn:
            conn.execute("DELETE FROM web_event_actors WHERE canonical_id = ?", (cid,))
            if found is None:
                conn.execute("DELETE FROM web_event_index WHERE canonical_id = ?", (cid,))
                continue
            row, actors = index_row(cid, int(rowid[0]) if rowid else -1, found)
            conn.execute(_INSERT, row)
            conn.executemany("INSERT OR REPLACE INTO web_event_actors VALUES (?,?,?,?)", actors)


class IndexRefresher:
    """Keeps ``web_event_index`` in step with ``fusion_canonical`` (checked at most once a second)."""

    def __init__(self, db: WebDB) -> None:
        self.db = db
        self._checked = 0.0

    def refresh(self, force: bool = False) -> int:
        now = time.monotonic()
        if not force and now - self._checked < _CHECK_EVERY:
            return 0
        self._checked = now
        return refresh_index(self.db)


def refresh_index(db: WebDB, batch: int = 2000) -> int:
    """Index new or rewritten canonical events and drop deleted ones; returns how many rows changed."""
    last = int((db.one("SELECT value FROM web_meta WHERE key = 'src_rowid'") or ("0",))[0])
    top = db.one("SELECT max(rowid), count(*) FROM fusion_canonical") or (None, 0)
    changed = 0
    while top[0] is not None and last < int(top[0]):
        rows = db.rows(
            "SELECT rowid, canonical_id FROM fusion_canonical WHERE rowid > ? ORDER BY rowid LIMIT ?",
            (last, batch),
        )
        changed += _index_batch(db, rows)
        last = int(rows[-1][0])
        db.execute("INSERT OR REPLACE INTO web_meta(key, value) VALUES ('src_rowid', ?)", (str(last),))
    indexed = (db.one("SELECT count(*) FROM web_event_index WHERE src_rowid >= 0") or (0,))[0]
    if indexed != top[1]:
        with db.tx() as conn:
            cur = conn.execute(
                "DELETE FROM web_event_index WHERE src_rowid >= 0 AND canonical_id NOT IN "
                "(SELECT canonical_id FROM fusion_canonical)"
            )
            changed += cur.rowcount
    if changed > 1000:  # fresh statistics let SQLite pick the selective index for combined filters
        db.execute("ANALYZE web_event_index")
    return changed


def _index_batch(db: WebDB, rows: list[tuple[Any, ...]]) -> int:
    moved_or_reviewed = {r[0] for r in db.rows("SELECT canonical_id FROM web_overrides")}
    moves = db.rows("SELECT article_id, event_id, target FROM web_moves")
    moved_or_reviewed |= {r[2] for r in moves}
    moved_keys = {(r[0], r[1]): r[2] for r in moves}
    out, actors, targets = [], [], set()
    for rowid, cid in rows:
        found = _plain(db, cid)
        mentions = found["record"].get("mentions", []) if found else []
        keys = {(str(m.get("article_id")), str(m.get("event_id"))) for m in mentions}
        if cid in moved_or_reviewed or keys & moved_keys.keys():
            # re-analysis may have regrouped moved mentions: layer the moves again, and recompute the events
            # they were moved into, whose reconciled fields depend on this record's mention details
            targets |= {moved_keys[k] for k in keys & moved_keys.keys()}
            found = effective_event(db, cid)
        if found is None:
            continue
        row, acts = index_row(cid, int(rowid), found)
        out.append(row)
        actors += acts
    with db.tx() as conn:
        conn.executemany("DELETE FROM web_event_actors WHERE canonical_id = ?", [(r[0],) for r in out])
        conn.executemany(_INSERT, out)
        conn.executemany("INSERT OR REPLACE INTO web_event_actors VALUES (?,?,?,?)", actors)
    targets -= {r[0] for r in out}
    reindex(db, sorted(targets))
    return len(out) + len(targets)


def _plain(db: WebDB, cid: str) -> dict[str, Any] | None:
    """Fast path for the (usual) event nobody reviewed: no overrides or moves to layer on."""
    from .review import NO_REVIEW

    row = db.one("SELECT record FROM fusion_canonical WHERE canonical_id = ?", (cid,))
    return None if row is None else {"record": json.loads(row[0]), "review": NO_REVIEW}
