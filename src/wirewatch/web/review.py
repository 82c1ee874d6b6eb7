"""Analyst review: confirm, reject, correct, merge, split and annotate canonical events.

Automatic analysis owns ``fusion_canonical``; the analyst owns ``web_overrides``, ``web_moves`` and
``web_manual_events``. Reading an event always layers the analyst's decisions over the current automatic
record, so a later re-analysis (which rewrites ``fusion_canonical``) cannot undo a correction, and the
automatic value stays available beside the corrected one. Every change writes one ``web_audit`` row.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from ..errors import NotFoundError, UsageError
from ..fusion.canonical import reconcile
from ..records import to_dict
from .db import WebDB

STATUSES = ("unreviewed", "confirmed", "rejected", "corrected", "merged")
#: fields an analyst may correct, with the record keys each one replaces
CORRECTABLE = (
    "plover_type",
    "acled_event_type",
    "acled_sub_event_type",
    "actors",
    "recipients",
    "place",
    "date_start",
    "date_end",
    "fatalities",
)


@dataclass(frozen=True, slots=True)
class Review:
    status: str
    fields: dict[str, Any]
    merged_into: str | None
    updated_at: str | None
    updated_by: str | None


NO_REVIEW = Review("unreviewed", {}, None, None, None)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


# ---------------------------------------------------------------- reading


def base_event(db: WebDB, cid: str) -> dict[str, Any] | None:
    """The automatic record (or the analyst-made one for a split) with its mention details."""
    row = db.one("SELECT record, mentions FROM fusion_canonical WHERE canonical_id = ?", (cid,))
    if row is None:
        row = db.one("SELECT record, mentions FROM web_manual_events WHERE canonical_id = ?", (cid,))
    if row is None:
        return None
    return {"record": json.loads(row[0]), "mentions": json.loads(row[1])}


def get_review(db: WebDB, cid: str) -> Review:
    row = db.one(
        "SELECT status, fields, merged_into, updated_at, updated_by FROM web_overrides "
        "WHERE canonical_id = ?",
        (cid,),
    )
    if row is None:
        return NO_REVIEW
    return Review(row[0], json.loads(row[1]), row[2], row[3], row[4])


def _key(m: dict[str, Any]) -> tuple[str, str]:
    return (str(m["article_id"]), str(m["event_id"]))


def _move_rows(db: WebDB, cid: str, record: dict[str, Any]) -> tuple[set[tuple[str, str]], list[tuple[Any, ...]]]:
    """(keys of this record's mentions moved elsewhere, moves into ``cid``).

    Moves are looked up by mention key, not by the event they were moved from, so they still apply after a
    re-fusion has regrouped the automatic events."""
    keys = {_key(m) for m in record.get("mentions", [])}
    articles = sorted({a for a, _ in keys})
    moved_out: set[tuple[str, str]] = set()
    for lo in range(0, len(articles), 400):  # stay under SQLite's bound-parameter limit
        part = articles[lo : lo + 400]
        rows = db.rows(
            f"SELECT article_id, event_id FROM web_moves WHERE target != ? "
            f"AND article_id IN ({','.join('?' * len(part))})",
            (cid, *part),
        )
        moved_out |= {(r[0], r[1]) for r in rows} & keys
    moved_in = db.rows("SELECT article_id, event_id, source FROM web_moves WHERE target = ?", (cid,))
    return moved_out, moved_in


def _moved_mention(db: WebDB, key: tuple[str, str], source: str) -> dict[str, Any] | None:
    """The current automatic record and details holding one moved mention (its first home, or wherever a later
    re-fusion put it)."""
    homes = [source]
    row = db.one(
        "SELECT canonical_id FROM fusion_mention_of WHERE article_id = ? AND event_id = ?", key
    )
    if row is not None:
        homes.append(str(row[0]))
    for home in homes:
        found = base_event(db, home)
        if found is None:
            continue
        rec = next((m for m in found["record"].get("mentions", []) if _key(m) == key), None)
        detail = next((m for m in found["mentions"] if _key(m) == key), None)
        if rec is not None or detail is not None:
            return {"record": rec, "detail": detail}
    return None


def apply_moves(db: WebDB, cid: str, record: dict[str, Any], details: list[dict[str, Any]]) -> bool:
    """Drop mentions moved away from ``cid`` and add those moved into it (merge/split), in place; True when
    any move touched the event (its reconciled fields must then be recomputed)."""
    moved_out, moved_in = _move_rows(db, cid, record)
    record["mentions"] = [m for m in record.get("mentions", []) if _key(m) not in moved_out]
    details[:] = [m for m in details if _key(m) not in moved_out]
    have = {_key(m) for m in record["mentions"]} | {_key(m) for m in details}
    for article_id, event_id, source in moved_in:
        key = (str(article_id), str(event_id))
        if key in have:
            continue
        found = _moved_mention(db, key, str(source))
        if found is None:  # the article was deleted since the move
            continue
        if found["record"] is not None:
            record["mentions"].append(found["record"])
        if found["detail"] is not None:
            details.append(found["detail"])
        have.add(key)
    return bool(moved_out or moved_in)


#: mention-detail keys fusion's reconciliation cannot do without
_RECONCILE_KEYS = ("plover_type", "dup_group", "sentence", "trigger")


def reconciled(cid: str, details: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The event's automatic fields recomputed by fusion's own reconciliation from its current mentions (after
    a merge or split); None when there are no mentions or they predate full mention details."""
    if not details or not all(all(k in m for k in _RECONCILE_KEYS) for m in details):
        return None
    record: dict[str, Any] = to_dict(reconcile(cid, details))
    return record


def apply_fields(record: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """The record with corrected fields; returns the automatic values that were replaced."""
    automatic: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "fatalities":
            automatic[name] = record.get("fatalities_low")
            record["fatalities_low"] = record["fatalities_best"] = record["fatalities_high"] = value
        elif name in ("actors", "recipients"):
            automatic[name] = [a.get("name") or a.get("text") for a in record.get(name) or []]
            record[name] = [
                {"text": n, "name": n, "actor_id": None, "span": None, "rule": "analyst"} for n in value
            ]
        else:
            automatic[name] = record.get(name)
            record[name] = value
    return automatic


def effective_event(db: WebDB, cid: str) -> dict[str, Any] | None:
    """``{"record", "mentions", "automatic", "review"}``: the event as analysts see it."""
    base = base_event(db, cid)
    if base is None:
        return None
    record, details = base["record"], base["mentions"]
    if apply_moves(db, cid, record, details):
        fresh = reconciled(cid, details)
        if fresh is not None:
            record = fresh
        else:  # old-style details: at least keep the report counts right
            _recount(record)
    review = get_review(db, cid)
    automatic = apply_fields(record, review.fields)
    return {"record": record, "mentions": details, "automatic": automatic, "review": review}


def _recount(record: dict[str, Any]) -> None:
    mentions = record["mentions"]
    record["outlets"] = len({m.get("site") or m.get("article_id") for m in mentions})
    record["independent_reports"] = len({m.get("dup_group") or m.get("article_id") for m in mentions})


def audit_trail(db: WebDB, cid: str) -> list[dict[str, Any]]:
    rows = db.rows(
        "SELECT id, action, who, at, before, after, note FROM web_audit WHERE canonical_id = ? ORDER BY id",
        (cid,),
    )
    return [
        {
            "id": r[0],
            "action": r[1],
            "who": r[2],
            "at": r[3],
            "before": json.loads(r[4]) if r[4] else None,
            "after": json.loads(r[5]) if r[5] else None,
            "note": r[6],
        }
        for r in rows
    ]


# ---------------------------------------------------------------- writing


def _require(db: WebDB, cid: str) -> dict[str, Any]:
    found = effective_event(db, cid)
    if found is None:
        raise NotFoundError(f"no canonical event {cid!r}; list them at /api/events")
    return found


def _audit(conn: Any, cid: str, action: str, who: str, before: Any, after: Any, note: str) -> None:
    conn.execute(
        "INSERT INTO web_audit(canonical_id, action, who, at, before, after, note) VALUES (?,?,?,?,?,?,?)",
        (
            cid,
            action,
            who,
            _now(),
            None if before is None else _dumps(before),
            None if after is None else _dumps(after),
            note,
        ),
    )


def _save(
    conn: Any, cid: str, status: str, fields: dict[str, Any], merged_into: str | None, who: str
) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO web_overrides(canonical_id, status, fields, merged_into, updated_at, "
        "updated_by) VALUES (?,?,?,?,?,?)",
        (cid, status, _dumps(fields), merged_into, _now(), who),
    )


def set_status(db: WebDB, cid: str, status: str, who: str, note: str = "") -> None:
    """Confirm or reject (or reset to unreviewed) an event."""
    if status not in ("confirmed", "rejected", "unreviewed"):
        raise UsageError(f"status must be confirmed, rejected or unreviewed, not {status!r}")
    review = _require(db, cid)["review"]
    with db.tx() as conn:
        _save(conn, cid, status, review.fields, review.merged_into, who)
        _audit(conn, cid, status, who, {"status": review.status}, {"status": status}, note)


def correct(db: WebDB, cid: str, changes: dict[str, Any], who: str, note: str = "") -> None:
    """Override fields; the automatic values stay in ``fusion_canonical`` and in the audit trail."""
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise UsageError(f"cannot correct {sorted(unknown)}; correctable fields: {', '.join(CORRECTABLE)}")
    checked = {k: _check_field(k, v) for k, v in changes.items()}
    found = _require(db, cid)
    review: Review = found["review"]
    before = {k: _current(found["record"], k) for k in checked}
    fields = {**review.fields, **checked}
    with db.tx() as conn:
        _save(conn, cid, "corrected", fields, review.merged_into, who)
        _audit(conn, cid, "correct", who, before, checked, note)


def _current(record: dict[str, Any], name: str) -> Any:
    if name == "fatalities":
        return record.get("fatalities_low")
    if name in ("actors", "recipients"):
        return [a.get("name") or a.get("text") for a in record.get(name) or []]
    return record.get(name)


def _check_field(name: str, value: Any) -> Any:
    if name in ("date_start", "date_end"):
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError as exc:
            raise UsageError(f"{name} must be a date YYYY-MM-DD, not {value!r}") from exc
    if name == "fatalities":
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10_000_000:
            raise UsageError("fatalities must be a whole number between 0 and 10000000")
        return value
    if name in ("actors", "recipients"):
        if not isinstance(value, list) or not all(isinstance(v, str) and 0 < len(v) <= 200 for v in value):
            raise UsageError(f"{name} must be a list of actor names")
        return value[:20]
    if name == "place":
        return _check_place(value)
    if not isinstance(value, str) or not 0 < len(value) <= 100:
        raise UsageError(f"{name} must be a short text")
    return value


def _check_place(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise UsageError("place must be an object with name, lat and lon")
    try:
        lat, lon = float(value["lat"]), float(value["lon"])
    except (KeyError, TypeError, ValueError) as exc:
        raise UsageError("place needs numeric lat and lon") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise UsageError("place lat must be within -90..90 and lon within -180..180")
    name = str(value.get("name") or f"{lat:.4f}, {lon:.4f}")[:200]
    return {
        "name": name,
        "text": name,
        "lat": lat,
        "lon": lon,
        "ref": str(value.get("ref") or "analyst"),
        "feature": str(value.get("feature") or "point"),
        "country": value.get("country"),
        "admin1": value.get("admin1"),
        "precision": int(value.get("precision") or 1),
        "span": None,
        "rule": "analyst",
    }


def add_note(db: WebDB, cid: str, who: str, note: str) -> None:
    if not note.strip():
        raise UsageError("a note needs some text")
    _require(db, cid)
    with db.tx() as conn:
        _audit(conn, cid, "note", who, None, None, note.strip()[:5000])


def merge(db: WebDB, source: str, target: str, who: str, note: str = "") -> None:
    """Fold every report of ``source`` into ``target``; ``source`` is hidden as 'merged'."""
    if source == target:
        raise UsageError("cannot merge an event into itself")
    src, dst = _require(db, source), _require(db, target)
    review: Review = src["review"]
    keys = [_key(m) for m in src["record"]["mentions"]]
    with db.tx() as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO web_moves(article_id, event_id, target, source) VALUES (?,?,?,?)",
            [(a, e, target, _origin(db, a, e, source)) for a, e in keys],
        )
        _save(conn, source, "merged", review.fields, target, who)
        after = _require(db, target)["record"]  # same connection: sees the moves just written
        _audit(conn, source, "merge", who, {"status": review.status}, {"merged_into": target}, note)
        _audit(
            conn, target, "merge", who, reconciled_summary(dst["record"]),
            {"absorbed": source, "reports": len(keys), **reconciled_summary(after)}, note,
        )


#: the reconciled fields a merge or split recomputes, as recorded in its audit row
SUMMARY_FIELDS = (
    "date_start",
    "date_end",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "disputed",
    "independent_reports",
    "outlets",
    "first_reported",
    "last_reported",
    "confidence",
)


def reconciled_summary(record: dict[str, Any]) -> dict[str, Any]:
    """What a merge or split changed, small enough for an audit row: the place by name, figures, counts."""
    place = record.get("place") or {}
    return {"place": place.get("name") or place.get("text"), **{k: record.get(k) for k in SUMMARY_FIELDS}}


def _origin(db: WebDB, article_id: str, event_id: str, default: str) -> str:
    """The event whose base record holds this mention (a mention may already have been moved once)."""
    row = db.one("SELECT source FROM web_moves WHERE article_id = ? AND event_id = ?", (article_id, event_id))
    return str(row[0]) if row else default


def split(db: WebDB, cid: str, mentions: list[tuple[str, str]], who: str, note: str = "") -> str:
    """Move the given reports of ``cid`` to a new event (a copy of its record); returns the new id.

    The new event's own record holds no mentions: like a merge, the reports reach it through ``web_moves``,
    which always name the event whose automatic record holds them, so merges and splits compose."""
    found = _require(db, cid)
    have = {_key(m) for m in found["record"]["mentions"]}
    chosen = sorted({m for m in mentions if m in have})
    if not chosen or len(chosen) == len(have):
        raise UsageError(
            "a split needs some, but not all, of the event's reports (article_id/event_id pairs)"
        )
    new_id = f"rv-{secrets.token_hex(5)}"
    record = {**found["record"], "id": new_id, "mentions": []}
    with db.tx() as conn:
        conn.execute(
            "INSERT INTO web_manual_events(canonical_id, record, mentions) VALUES (?,?,?)",
            (new_id, _dumps(record), "[]"),
        )
        conn.executemany(
            "INSERT OR REPLACE INTO web_moves(article_id, event_id, target, source) VALUES (?,?,?,?)",
            [(a, e, new_id, _origin(db, a, e, cid)) for a, e in chosen],
        )
        kept, created = _require(db, cid)["record"], _require(db, new_id)["record"]
        _audit(
            conn, cid, "split", who, {"reports": len(have), **reconciled_summary(found["record"])},
            {"new_event": new_id, "moved": chosen, **reconciled_summary(kept)}, note,
        )
        _audit(conn, new_id, "split", who, None, {"from": cid, "moved": chosen, **reconciled_summary(created)}, note)
    return new_id
