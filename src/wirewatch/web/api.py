"""The JSON API under ``/api``: events, articles, stories, alerts, places, actors, exports and review."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from ..errors import UsageError
from ..storage.base import ArticleQuery, EventQuery
from ..storage.common import snippet
from . import details, exports, query, review
from .index import reindex
from .lang import LANG_COOKIE, LANGS, negotiate
from .placenames import localise_event_rows, localise_place_rows
from .security import ctx_of, require_reader, require_writer

router = APIRouter(prefix="/api", dependencies=[Depends(require_reader)])

Id = Annotated[str, Path(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9._:#-]+$")]
Text = Annotated[str | None, Query(max_length=200)]
DisplayLang = Annotated[
    Literal["en", "es", "pt"] | None,
    Query(description="Language of the added place_label/country_label fields; default: the UI's language "
          "cookie, then Accept-Language. Stored fields are unchanged."),
]


def _display_lang(request: Request, asked: str | None) -> str:
    """The reader's language, negotiated as for the pages, so the map list matches the page around it."""
    if asked in LANGS:
        return asked
    return negotiate(None, request.cookies.get(LANG_COOKIE), request.headers.get("accept-language"))


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        parts = ()
    if (
        len(parts) != 4
        or not all(-1000 <= p <= 1000 for p in parts)
        or parts[0] > parts[2]
        or parts[1] > parts[3]
    ):
        raise UsageError("bbox must be min_lon,min_lat,max_lon,max_lat (four numbers, min before max)")
    return (max(parts[0], -180.0), max(parts[1], -90.0), min(parts[2], 180.0), min(parts[3], 90.0))


def event_filter(
    since: Annotated[date | None, Query(description="First day (YYYY-MM-DD), inclusive")] = None,
    until: Annotated[date | None, Query(description="Last day (YYYY-MM-DD), inclusive")] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="min_lon,min_lat,max_lon,max_lat")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166 alpha-2")] = None,
    admin1: Text = None,
    place: Annotated[str | None, Query(max_length=200, description="Place ref (gn:123) or name")] = None,
    type: Annotated[str | None, Query(max_length=40, pattern=r"^[A-Z_]+$", description="PLOVER type")] = None,
    acled_type: Text = None,
    actor: Text = None,
    min_sources: Annotated[int, Query(ge=0, le=10_000, description="Minimum independent reports")] = 0,
    certainty: Annotated[
        Literal["asserted", "probable", "possible", "doubtful", "denied"] | None, Query()
    ] = None,
    flag: Annotated[
        list[Literal["disputed", "undisputed", "precise", "imprecise", "has_fatalities"]], Query()
    ] = [],  # noqa: B006 - FastAPI copies it
    review: Annotated[
        Literal["unreviewed", "confirmed", "rejected", "corrected", "merged", "reviewed", "any"] | None,
        Query(),
    ] = None,
    story: Annotated[str | None, Query(max_length=100)] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words that must all occur")] = None,
) -> query.EventFilter:
    if since and until and since > until:
        raise UsageError("since must not be after until")
    return query.EventFilter(
        since=since,
        until=until,
        bbox=_bbox(bbox),
        country=country.upper() if country else None,
        admin1=admin1,
        place=place,
        plover_type=type,
        acled_event_type=acled_type,
        actor=actor,
        min_sources=min_sources,
        certainty=certainty,
        flags=tuple(dict.fromkeys(flag)),
        review=review,
        story=story,
        q=q,
    )


Filter = Annotated[query.EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=1000)]


def _fresh(request: Request) -> Any:
    ctx = ctx_of(request)
    ctx.refresher.refresh()
    return ctx


# ---------------------------------------------------------------- events


@router.get("/events", summary="Canonical events (or raw mentions with mentions=1), newest first")
def list_events(
    request: Request,
    f: Filter,
    limit: Limit = 100,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    mentions: Annotated[bool, Query(description="Raw per-article mentions instead")] = False,
    count: Annotated[bool, Query(description="Also return the total count")] = False,
    display_lang: DisplayLang = None,
) -> dict[str, Any]:
    ctx = _fresh(request)
    if mentions:
        return _mentions(ctx, f, limit, cursor)
    items, nxt = query.list_events(ctx.db, f, limit, cursor)
    localise_event_rows(items, _display_lang(request, display_lang))
    out: dict[str, Any] = {"items": items, "next_cursor": nxt}
    if count:
        out["total"] = query.count_events(ctx.db, f)
        out["review_counts"] = query.review_counts(
            ctx.db, query.EventFilter(**{**_fields(f), "review": "any"})
        )
    return out


def _fields(f: query.EventFilter) -> dict[str, Any]:
    return {k: getattr(f, k) for k in f.__dataclass_fields__}


def _mentions(ctx: Any, f: query.EventFilter, limit: int, cursor: str | None) -> dict[str, Any]:
    offset = 0
    if cursor:
        if not cursor.startswith("o") or not cursor[1:].isdigit() or len(cursor) > 12:
            raise UsageError("invalid cursor: pass back the next_cursor of the previous page unchanged")
        offset = int(cursor[1:])
    since = datetime.combine(f.since, datetime.min.time()) if f.since else None
    until = datetime.combine(f.until, datetime.max.time()) if f.until else None
    eq = EventQuery(
        plover_type=f.plover_type,
        acled_event_type=f.acled_event_type,
        actor=f.actor,
        country=f.country,
        admin1=f.admin1,
        bbox=f.bbox,
        since=since,
        until=until,
        limit=limit + 1,
        offset=offset,
    )
    rows = list(ctx.store.iter_events(eq))
    items = [
        {
            "article_id": s.article_id,
            "site": s.site,
            "url": s.url,
            "lang": s.lang,
            "published": s.published.isoformat() if s.published else None,
            "event": details.to_dict(s.event),
        }
        for s in rows[:limit]
    ]
    return {"items": items, "next_cursor": f"o{offset + limit}" if len(rows) > limit else None}


@router.get("/events/grid", summary="Events aggregated into map grid cells (for low zoom levels)")
def event_grid(request: Request, f: Filter, zoom: Annotated[int, Query(ge=0, le=18)] = 2) -> dict[str, Any]:
    ctx = _fresh(request)
    return {"cell_degrees": query.cell_size(zoom), "cells": query.grid(ctx.db, f, zoom)}


@router.get("/timeline", summary="Daily event counts by PLOVER type")
def event_timeline(request: Request, f: Filter) -> dict[str, Any]:
    ctx = _fresh(request)
    return {"days": query.timeline(ctx.db, f)}


@router.get("/facets", summary="Values present for the filter menus")
def facets(request: Request) -> dict[str, Any]:
    ctx = _fresh(request)

    def distinct(col: str) -> list[Any]:
        return [
            r[0]
            for r in ctx.db.rows(
                f"SELECT {col}, count(*) n FROM web_event_index WHERE {col} IS NOT NULL "
                f"GROUP BY {col} ORDER BY n DESC LIMIT 100"
            )
        ]

    span = ctx.db.one("SELECT min(day), max(day_end) FROM web_event_index WHERE day != '0000-00-00'")
    return {
        "types": distinct("plover_type"),
        "acled_types": distinct("acled_event_type"),
        "countries": distinct("country"),
        "first_day": span[0] if span else None,
        "last_day": span[1] if span else None,
    }


@router.get("/events/{event_id}", summary="One canonical event with all its reports, claims and review trail")
def get_event(request: Request, event_id: Id) -> dict[str, Any]:
    ctx = _fresh(request)
    return details.event_detail(ctx, event_id)


# ---------------------------------------------------------------- review


class ReviewBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal["confirm", "reject", "reset"]
    note: str = Field("", max_length=5000)


class CorrectBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    plover_type: str | None = Field(None, max_length=40)
    acled_event_type: str | None = Field(None, max_length=100)
    acled_sub_event_type: str | None = Field(None, max_length=100)
    actors: list[Annotated[str, Field(min_length=1, max_length=200)]] | None = Field(None, max_length=20)
    recipients: list[Annotated[str, Field(min_length=1, max_length=200)]] | None = Field(None, max_length=20)
    place: dict[str, Any] | None = None
    date_start: date | None = None
    date_end: date | None = None
    fatalities: int | None = Field(None, ge=0, le=10_000_000)
    note: str = Field("", max_length=5000)


class NoteBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: str = Field(..., min_length=1, max_length=5000)


class MergeBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    into: str = Field(..., min_length=1, max_length=100)
    note: str = Field("", max_length=5000)


class SplitBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mentions: list[
        Annotated[list[Annotated[str, Field(max_length=100)]], Field(min_length=2, max_length=2)]
    ] = Field(..., min_length=1, max_length=500)
    note: str = Field("", max_length=5000)


Writer = Annotated[str, Depends(require_writer)]


def _done(request: Request, *ids: str) -> dict[str, Any]:
    ctx = ctx_of(request)
    reindex(ctx.db, ids)
    return details.event_detail(ctx, ids[0])


@router.post("/events/{event_id}/review", summary="Confirm, reject or reset an event")
def review_event(
    request: Request, event_id: Id, who: Writer, body: Annotated[ReviewBody, Body()]
) -> dict[str, Any]:
    status = {"confirm": "confirmed", "reject": "rejected", "reset": "unreviewed"}[body.action]
    review.set_status(ctx_of(request).db, event_id, status, who, body.note)
    return _done(request, event_id)


@router.post("/events/{event_id}/correct", summary="Correct fields; the automatic values stay visible")
def correct_event(
    request: Request, event_id: Id, who: Writer, body: Annotated[CorrectBody, Body()]
) -> dict[str, Any]:
    changes = body.model_dump(exclude_none=True, exclude={"note"})
    for k in ("date_start", "date_end"):
        if k in changes:
            changes[k] = changes[k].isoformat()
    if not changes:
        raise UsageError("nothing to correct: send at least one field")
    review.correct(ctx_of(request).db, event_id, changes, who, body.note)
    return _done(request, event_id)


@router.post("/events/{event_id}/notes", summary="Attach an analyst note")
def note_event(
    request: Request, event_id: Id, who: Writer, body: Annotated[NoteBody, Body()]
) -> dict[str, Any]:
    review.add_note(ctx_of(request).db, event_id, who, body.note)
    return _done(request, event_id)


@router.post("/events/{event_id}/merge", summary="Merge this event into another")
def merge_event(
    request: Request, event_id: Id, who: Writer, body: Annotated[MergeBody, Body()]
) -> dict[str, Any]:
    review.merge(ctx_of(request).db, event_id, body.into, who, body.note)
    reindex(ctx_of(request).db, [event_id])
    return _done(request, body.into)


@router.post("/events/{event_id}/split", summary="Move some reports to a new event")
def split_event(
    request: Request, event_id: Id, who: Writer, body: Annotated[SplitBody, Body()]
) -> dict[str, Any]:
    pairs = [(m[0], m[1]) for m in body.mentions]
    new_id = review.split(ctx_of(request).db, event_id, pairs, who, body.note)
    reindex(ctx_of(request).db, [event_id])
    return _done(request, new_id)


# ---------------------------------------------------------------- articles, stories, alerts


@router.get("/articles", summary="Search articles (full text, language, site, dates)")
def list_articles(
    request: Request,
    q: Text = None,
    lang: Annotated[str | None, Query(pattern=r"^[a-z]{2}$")] = None,
    site: Text = None,
    since: date | None = None,
    until: date | None = None,
    limit: Limit = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    ctx = ctx_of(request)
    aq = ArticleQuery(
        text=q or None,
        lang=lang,
        site=site,
        limit=limit,
        offset=offset,
        since=datetime.combine(since, datetime.min.time()).astimezone() if since else None,
        until=datetime.combine(until, datetime.max.time()).astimezone() if until else None,
    )
    try:
        found = ctx.store.search_articles(aq)
    except sqlite3.OperationalError as exc:
        raise UsageError(f'the search query could not be run ({exc}); use plain words or "phrases"') from exc
    items = [
        {
            "id": a.id,
            "title": a.title,
            "site": a.site,
            "lang": a.lang,
            "url": a.url,
            "published": a.published.isoformat() if a.published else None,
            "snippet": snippet(a.text, q or "", 200),
            "events": len(a.events),
        }
        for a in found
    ]
    return {"items": items, "offset": offset, "limit": limit}


@router.get("/articles/{article_id}", summary="One article with every extracted span")
def get_article(request: Request, article_id: Id) -> dict[str, Any]:
    return details.article_detail(ctx_of(request), article_id)


@router.get("/stories", summary="Stories, most recent first")
def list_stories(
    request: Request,
    limit: Limit = 50,
    min_articles: Annotated[int, Query(ge=1, le=10_000)] = 1,
    since: date | None = None,
) -> dict[str, Any]:
    items = details.list_stories(ctx_of(request), limit, min_articles, since.isoformat() if since else None)
    return {"items": items}


@router.get("/stories/{story_id}", summary="One story: articles across languages and its events")
def get_story(request: Request, story_id: Id) -> dict[str, Any]:
    ctx = _fresh(request)
    out = details.story_detail(ctx, story_id)
    out["events"], _ = query.list_events(ctx.db, query.EventFilter(story=story_id), 200, None)
    return out


@router.get("/alerts", summary="Sudden rises, drops and silences in coverage")
def list_alerts(request: Request) -> dict[str, Any]:
    from ..fusion.alerts import alerts_for_store

    ctx = ctx_of(request)
    found = ctx.cached("alerts", 60.0, lambda: [details.to_dict(a) for a in alerts_for_store(ctx.store)])
    return {"items": found}


@router.get("/places", summary="Places with event counts (for the current filters)")
def list_places(
    request: Request, f: Filter, limit: Limit = 100, display_lang: DisplayLang = None
) -> dict[str, Any]:
    items = query.place_counts(_fresh(request).db, f, limit)
    return {"items": localise_place_rows(items, _display_lang(request, display_lang))}


@router.get("/actors", summary="Actors with event counts (for the current filters)")
def list_actors(request: Request, f: Filter, limit: Limit = 100) -> dict[str, Any]:
    return {"items": query.actor_counts(_fresh(request).db, f, limit)}


# ---------------------------------------------------------------- exports

_MEDIA = {
    "geojson": "application/geo+json",
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}


@router.get(
    "/export/events.{fmt}", summary="Stream the filtered events as GeoJSON, CSV, JSON Lines or Parquet"
)
def export_events(
    request: Request, fmt: Literal["geojson", "csv", "jsonl", "parquet"], f: Filter
) -> StreamingResponse:
    ctx = _fresh(request)
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise HTTPException(
                501, "Parquet export needs pyarrow: pip install 'wirewatch[parquet]'"
            ) from exc
    rows = query.stream_events(ctx.db, f)
    body: Iterator[str] | Iterator[bytes]
    if fmt == "parquet":
        body = exports.parquet_stream(rows)
    else:
        writers = {"geojson": exports.geojson_stream, "csv": exports.csv_stream,
                   "jsonl": exports.jsonl_stream}
        body = writers[fmt](rows)
    headers = {"Content-Disposition": f'attachment; filename="wirewatch-events.{fmt}"'}
    return StreamingResponse(body, media_type=_MEDIA[fmt], headers=headers)


@router.get("/me", summary="Who the request is authenticated as")
def me(request: Request) -> dict[str, Any]:
    from .security import bearer_user, current_session

    session = current_session(request)
    return {
        "user": bearer_user(request) or (session.username if session else None),
        "csrf": session.csrf if session else None,
    }
