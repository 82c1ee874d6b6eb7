"""Canonical events for ``wirewatch events`` / ``export events`` (the default; ``--mentions`` gives raw ones).

A canonical event is one real-world event reconciled from all its reports (see docs/fusion.md). Rows carry
the analyst review state: corrections win over the automatic values, rejected and merged-away events are
hidden. The listing reads the same index the web app uses, so the CLI, the API and the map count alike.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from ..errors import UsageError
from ..web.db import WebDB
from ..web.exports import CSV_COLUMNS, acled_row, feature
from ..web.index import refresh_index
from ..web.query import EventFilter, stream_events
from ..web.review import effective_event
from ._common import AppContext, parse_when
from .events import killed_text

#: the web export's ACLED columns, plus when it was first reported and where
COLUMNS: tuple[str, ...] = (*CSV_COLUMNS, "first_reported", "last_reported", "outlets", "source_urls")


def event_filter(filters: dict[str, Any]) -> EventFilter:
    if filters.get("flags") or filters.get("include_flagged"):
        raise UsageError("negated, future, hypothetical and historical events are never merged into canonical "
                         "events; add --mentions to list them")
    since, until = parse_when(filters.get("since"), "--since"), parse_when(filters.get("until"), "--until")
    bbox = filters.get("bbox")
    from .events import _bbox

    return EventFilter(
        since=since.date() if since else None,
        until=date.fromordinal(until.date().toordinal() - 1) if until else None,  # --until is exclusive
        bbox=_bbox(bbox) if bbox else None,
        country=(filters.get("country") or "").upper() or None,
        plover_type=filters.get("plover_type"),
        acled_event_type=filters.get("acled_type"),
        actor=filters.get("actor"),
    )


def canonical_rows(app: AppContext, filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """ACLED-style rows of the matching canonical events, newest first, with provenance columns."""
    flt = event_filter(filters)
    app.store  # noqa: B018 - creates the database file on first use
    db = WebDB(app.config.db)
    try:
        refresh_index(db)
        rows = stream_events(db, flt)
        sub = filters.get("sub_type")
        if sub:
            rows = (r for r in rows if r["acled_sub_event_type"] == sub)
        limit = filters.get("limit")
        for r in itertools.islice(rows, limit) if limit else rows:
            yield _with_provenance(db, r)
    finally:
        db.close()


def _with_provenance(db: WebDB, r: dict[str, Any]) -> dict[str, Any]:
    row = acled_row(r)
    found = effective_event(db, r["id"])
    record = found["record"] if found else {}
    mentions = record.get("mentions", [])
    row.update({
        "first_reported": record.get("first_reported"),
        "last_reported": record.get("last_reported"),
        "outlets": record.get("outlets"),
        "source_urls": " ".join(dict.fromkeys(m.get("url") for m in mentions if m.get("url"))),
        "_index": r,
    })
    return row


def write_canonical(app: AppContext, filters: dict[str, Any], fmt: str, fh: IO[str]) -> int:
    from .. import exporting

    rows = canonical_rows(app, filters)
    if fmt == "csv":
        return exporting.write_csv(({k: v for k, v in r.items() if k != "_index"} for r in rows), COLUMNS, fh)
    n = 0
    if fmt == "geojson":
        fh.write('{"type": "FeatureCollection", "features": [\n')
    for row in rows:
        index = row.pop("_index")
        if fmt == "geojson":
            if index["lat"] is None:
                continue
            fh.write((",\n" if n else "") + json.dumps(feature({**index, **row}), ensure_ascii=False, default=str))
        elif fmt == "jsonl":
            fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        else:
            fh.write(_table_line(row, index["fatalities"]))
        n += 1
    if fmt == "geojson":
        fh.write("\n]}\n")
    return n


def _table_line(r: dict[str, Any], reported: int | None) -> str:
    who = f"{r['actor1'] or '?'} -> {r['actor2'] or '-'}"
    kind = r["sub_event_type"] or r["plover_type"]
    killed = killed_text(reported, r["fatalities_high"])
    disputed = " DISPUTED" if r["disputed"] else ""
    return (f"{r['event_date']}  {kind:34.34}  {who:36.36}  {r['location'] or '-':18.18}  killed {killed:<7} "
            f"{r['independent_sources']} src{disputed}  {r['event_id_cnty']}\n")
