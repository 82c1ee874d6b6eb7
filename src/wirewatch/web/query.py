"""Filtering, sorting and paging canonical events on ``web_event_index``.

The sort is stable and total: newest day first, then canonical id descending. A cursor is the opaque,
URL-safe encoding of the last row's sort key, so paging stays correct while new events arrive (offsets
would shift) and every page is one index range scan.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import UsageError
from ..storage.common import fold
from .db import WebDB
from .index import COLUMNS

REVIEW_STATES = ("unreviewed", "confirmed", "rejected", "corrected", "merged", "reviewed", "any")
CERTAINTIES = ("asserted", "probable", "possible", "doubtful", "denied")
EVENT_FLAGS = ("disputed", "undisputed", "precise", "imprecise", "has_fatalities")


@dataclass(frozen=True, slots=True)
class EventFilter:
    since: date | None = None
    until: date | None = None  # inclusive
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    country: str | None = None
    admin1: str | None = None
    place: str | None = None  # place ref ("gn:123") or name
    plover_type: str | None = None
    acled_event_type: str | None = None
    actor: str | None = None
    min_sources: int = 0
    certainty: str | None = None
    flags: tuple[str, ...] = ()
    review: str | None = None
    story: str | None = None
    q: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def encode_cursor(day: str, cid: str) -> str:
    raw = json.dumps([day, cid], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, cid = json.loads(raw)
        if not isinstance(day, str) or not isinstance(cid, str):
            raise ValueError
        return day, cid
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        raise UsageError("invalid cursor: pass back the next_cursor of the previous page unchanged") from exc


def where(f: EventFilter) -> tuple[str, list[Any]]:
    """WHERE clause and parameters on ``web_event_index e``."""
    w: list[str] = []
    p: list[Any] = []
    _review(f, w, p)
    for col, val in (
        ("e.country", f.country),
        ("e.admin1", f.admin1),
        ("e.plover_type", f.plover_type),
        ("e.acled_event_type", f.acled_event_type),
        ("e.certainty", f.certainty),
        ("e.story_id", f.story),
    ):
        if val is not None:
            w.append(f"{col} = ?")
            p.append(val)
    if f.since:
        w.append("e.day_end >= ?")
        p.append(f.since.isoformat())
    if f.until:
        w.append("e.day <= ?")
        p.append(f.until.isoformat())
    if f.bbox:
        w.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
        p += [f.bbox[0], f.bbox[2], f.bbox[1], f.bbox[3]]
    if f.place:
        w.append("(e.place_ref = ? OR e.place_name = ? COLLATE NOCASE)")
        p += [f.place, f.place]
    if f.actor:
        w.append(
            "e.canonical_id IN (SELECT canonical_id FROM web_event_actors WHERE actor_key = ?) "
            "OR instr(e.actors, ?) > 0"
        )
        w[-1] = f"({w[-1]})"
        p += [f.actor, fold(f.actor)]
    if f.min_sources > 0:
        w.append("e.independent >= ?")
        p.append(f.min_sources)
    for flag in f.flags:
        w.append(_FLAG_SQL[flag])
    for word in fold(f.q or "").split():
        w.append("instr(e.search, ?) > 0")
        p.append(word)
    return " AND ".join(w) or "1", p


_FLAG_SQL = {
    "disputed": "e.disputed = 1",
    "undisputed": "e.disputed = 0",
    "precise": "e.precision = 1",
    "imprecise": "e.precision > 1",
    "has_fatalities": "e.fatalities > 0",
}


def _review(f: EventFilter, w: list[str], p: list[Any]) -> None:
    state = f.review
    if state is None:
        w.append("e.hidden = 0")
    elif state == "reviewed":
        w.append("e.hidden = 0 AND e.review != 'unreviewed'")
    elif state != "any":
        w.append("e.review = ?")
        p.append(state)


def list_events(
    db: WebDB, f: EventFilter, limit: int, cursor: str | None
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of index rows and the cursor of the next page (None at the end)."""
    clause, params = where(f)
    if cursor:
        day, cid = decode_cursor(cursor)
        clause += " AND (e.day < ? OR (e.day = ? AND e.canonical_id < ?))"
        params += [day, day, cid]
    sql = (
        f"SELECT {_SELECT} FROM web_event_index e WHERE {clause} "
        "ORDER BY e.day DESC, e.canonical_id DESC LIMIT ?"
    )
    rows = [_row(r) for r in db.rows(sql, [*params, limit + 1])]
    nxt = encode_cursor(rows[limit - 1]["day"], rows[limit - 1]["id"]) if len(rows) > limit else None
    return rows[:limit], nxt


#: the index columns a list row carries (bookkeeping and search-only columns stay in the database)
_FIELDS = tuple(c for c in COLUMNS if c not in ("src_rowid", "actors", "search", "hidden"))
_SELECT = ", ".join(f"e.{c}" for c in _FIELDS)


def _row(r: tuple[Any, ...]) -> dict[str, Any]:
    out = dict(zip(_FIELDS, r, strict=True))
    out["id"] = out.pop("canonical_id")
    out["disputed"] = bool(out["disputed"])
    return out


def count_events(db: WebDB, f: EventFilter) -> int:
    clause, params = where(f)
    return int((db.one(f"SELECT count(*) FROM web_event_index e WHERE {clause}", params) or (0,))[0])


def stream_events(db: WebDB, f: EventFilter) -> Any:
    """Every matching index row, in the stable sort order, in batches."""
    clause, params = where(f)
    sql = f"SELECT {_SELECT} FROM web_event_index e WHERE {clause} ORDER BY e.day DESC, e.canonical_id DESC"
    return (_row(r) for r in db.stream(sql, params))


def cell_size(zoom: int) -> float:
    """Grid cell in degrees for server-side clustering: about 60 px at this Leaflet zoom."""
    return 360.0 / float(2 ** max(0, min(zoom, 18))) / 4


def grid(db: WebDB, f: EventFilter, zoom: int) -> list[dict[str, Any]]:
    """Events aggregated into grid cells (low zoom): count, fatalities, dominant type, mean position."""
    size = cell_size(zoom)
    clause, params = where(f)
    sql = (
        f"SELECT CAST((e.lon + 180) / ? AS INTEGER) AS gx, CAST((e.lat + 90) / ? AS INTEGER) AS gy, "
        f"count(*), sum(coalesce(e.fatalities, 0)), avg(e.lat), avg(e.lon), e.plover_type, "
        f"count(*) FILTER (WHERE e.precision > 1) "
        f"FROM web_event_index e WHERE {clause} AND e.lat IS NOT NULL GROUP BY gx, gy, e.plover_type"
    )
    cells: dict[tuple[int, int], dict[str, Any]] = {}
    for gx, gy, n, fat, lat, lon, ptype, areas in db.rows(sql, [size, size, *params]):
        c = cells.setdefault(
            (gx, gy), {"count": 0, "fatalities": 0, "lat": 0.0, "lon": 0.0, "types": {}, "areas": 0}
        )
        c["lat"] = (c["lat"] * c["count"] + lat * n) / (c["count"] + n)
        c["lon"] = (c["lon"] * c["count"] + lon * n) / (c["count"] + n)
        c["count"] += n
        c["fatalities"] += int(fat or 0)
        c["areas"] += int(areas or 0)
        c["types"][ptype] = n
    out = []
    for c in cells.values():
        c["type"] = max(c["types"].items(), key=lambda kv: (kv[1], kv[0]))[0]
        out.append(c)
    out.sort(key=lambda c: -c["count"])
    return out


def timeline(db: WebDB, f: EventFilter) -> list[dict[str, Any]]:
    """Daily counts by PLOVER type (the timeline ignores its own time brush, so it shows the context)."""
    clause, params = where(f)
    sql = (
        f"SELECT e.day, e.plover_type, count(*) FROM web_event_index e WHERE {clause} "
        "GROUP BY e.day, e.plover_type ORDER BY e.day"
    )
    return [{"day": d, "type": t, "count": n} for d, t, n in db.rows(sql, params) if d != "0000-00-00"]


def place_counts(db: WebDB, f: EventFilter, limit: int) -> list[dict[str, Any]]:
    clause, params = where(f)
    sql = (
        f"SELECT e.place_ref, min(e.place_name), min(e.country), min(e.admin1), min(e.lat), min(e.lon), "
        f"count(*) AS n, sum(coalesce(e.fatalities, 0)) FROM web_event_index e "
        f"WHERE {clause} AND e.place_ref IS NOT NULL "
        "GROUP BY e.place_ref ORDER BY n DESC, e.place_ref LIMIT ?"
    )
    keys = ("ref", "name", "country", "admin1", "lat", "lon", "events", "fatalities")
    return [dict(zip(keys, r, strict=True)) for r in db.rows(sql, [*params, limit])]


def actor_counts(db: WebDB, f: EventFilter, limit: int) -> list[dict[str, Any]]:
    clause, params = where(f)
    sql = (
        f"SELECT a.actor_key, min(a.name), count(DISTINCT a.canonical_id) AS n, "
        f"sum(a.role = 'actor'), sum(a.role = 'recipient') FROM web_event_actors a "
        f"JOIN web_event_index e ON e.canonical_id = a.canonical_id WHERE {clause} "
        f"GROUP BY a.actor_key ORDER BY n DESC, a.actor_key LIMIT ?"
    )
    keys = ("key", "name", "events", "as_actor", "as_recipient")
    return [dict(zip(keys, r, strict=True)) for r in db.rows(sql, [*params, limit])]


def review_counts(db: WebDB, f: EventFilter) -> dict[str, int]:
    clause, params = where(f)
    sql = f"SELECT e.review, count(*) FROM web_event_index e WHERE {clause} GROUP BY e.review"
    return {r: int(n) for r, n in db.rows(sql, params)}
