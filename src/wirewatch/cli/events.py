"""``wirewatch events`` (list and filter coded events) and ``wirewatch export events`` (JSON Lines, ACLED-
style
CSV, GeoJSON). Flagged events (negated, future, hypothetical, historical) are left out unless asked for."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

import click

from ..errors import NotFoundError, UsageError
from ..records import ActorMention, Article, Event
from ..storage.base import EventQuery, StoredEvent
from ..taxonomy import ACLED_TYPES, ACTOR_TYPES, FLAGS, PLOVER_TYPES, SUB_EVENT_TYPES
from ._common import AppContext, json_line, parse_when, pass_app

#: ACLED's column names first, then wirewatch's own
EVENT_COLUMNS: tuple[str, ...] = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "inter2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "event_id",
    "article_id",
    "plover_type",
    "mode",
    "flags",
    "certainty",
    "trigger",
    "sentence",
)
FORMATS = ("table", "jsonl", "csv", "geojson")


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError as exc:
        raise click.BadParameter(
            "use minlon,minlat,maxlon,maxlat, e.g. 42.9,36.2,43.4,36.5", param_hint="--bbox"
        ) from exc
    if len(parts) != 4 or parts[0] > parts[2] or parts[1] > parts[3]:
        raise click.BadParameter("use minlon,minlat,maxlon,maxlat with min <= max", param_hint="--bbox")
    return parts[0], parts[1], parts[2], parts[3]


def _filters(fn: Any) -> Any:
    options = [
        click.option(
            "--type",
            "plover_type",
            type=click.Choice(sorted(PLOVER_TYPES)),
            default=None,
            help="PLOVER event type.",
        ),
        click.option("--acled-type", type=click.Choice(sorted(ACLED_TYPES)), default=None, help="ACLED event type."),
        click.option("--sub-type", type=click.Choice(SUB_EVENT_TYPES), default=None, help="ACLED sub-event type."),
        click.option("--actor", default=None, help="Actor or recipient: dictionary id, canonical name or text."),
        click.option("--country", default=None, help="ISO2 country of the event's place."),
        click.option("--bbox", default=None, metavar="MINLON,MINLAT,MAXLON,MAXLAT", help="Bounding box."),
        click.option("--since", default=None, help="Events dated on or after (YYYY-MM-DD)."),
        click.option("--until", default=None, help="Events dated before (YYYY-MM-DD)."),
        click.option(
            "--flag",
            "flags",
            multiple=True,
            type=click.Choice(FLAGS),
            help="Only events carrying this flag (repeatable); implies --include-flagged.",
        ),
        click.option(
            "--include-flagged",
            is_flag=True,
            default=None,
            help="Also negated, future, hypothetical and historical events.",
        ),
        click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N events."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def build_event_query(
    app: AppContext,
    plover_type: str | None,
    acled_type: str | None,
    sub_type: str | None,
    actor: str | None,
    country: str | None,
    bbox: str | None,
    since: str | None,
    until: str | None,
    flags: tuple[str, ...],
    include_flagged: bool | None,
    limit: int | None,
) -> EventQuery:
    include = bool(flags) or (
        include_flagged if include_flagged is not None else bool(app.config.values.get("include_flagged", False))
    )
    return EventQuery(
        plover_type=plover_type,
        acled_event_type=acled_type,
        acled_sub_event_type=sub_type,
        actor=actor,
        country=country.upper() if country else None,
        bbox=_bbox(bbox),
        since=parse_when(since, "--since"),
        until=parse_when(until, "--until"),
        include_flagged=include,
        flags=tuple(flags),
        limit=limit,
    )


# ---------------------------------------------------------------- rows


class _Articles:
    """The article behind each event (for trigger and sentence text), fetched once per article."""

    def __init__(self, app: AppContext) -> None:
        self.app = app
        self.last: Article | None = None

    def get(self, article_id: str) -> Article | None:
        if self.last is None or self.last.id != article_id:
            try:
                self.last = self.app.store.get_article(article_id)
            except (NotFoundError, UsageError):
                return None
        return self.last


def _actor_name(m: ActorMention) -> str:
    return m.name or m.text


def _inter(m: ActorMention | None) -> int | None:
    return ACTOR_TYPES.get(m.actor_type or "") if m is not None else None


def event_row(se: StoredEvent, article: Article | None) -> dict[str, Any]:
    """One ACLED-style flat row for an event."""
    e = se.event
    actors = [a for a in e.actors if a.text or a.actor_id]
    a1 = actors[0] if actors else None
    # ACLED's actor columns hold actors; a targeted place ("a curfew in Montenegro") is the location
    a2 = next((r for r in e.recipients if not r.is_place), None)
    place = e.place
    text = article.text if article is not None else ""
    when = e.date_start or (se.published.date() if se.published else None)
    return {
        "event_date": when.isoformat() if when else None,
        "event_type": e.acled_event_type,
        "sub_event_type": e.acled_sub_event_type,
        "actor1": _actor_name(a1) if a1 else None,
        "assoc_actor_1": "; ".join(_actor_name(a) for a in actors[1:]) or None,
        "inter1": _inter(a1),
        "actor2": _actor_name(a2) if a2 else None,
        "inter2": _inter(a2),
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "source": se.site,
        "notes": _notes(e, text),
        "fatalities": e.fatalities.conservative if e.fatalities else 0,  # ACLED's CSV writes 0 for none
        "killed": killed_text(e.fatalities.low, e.fatalities.high) if e.fatalities else "-",
        "event_id": f"{se.article_id}#{e.id}",
        "article_id": se.article_id,
        "plover_type": e.plover_type,
        "mode": e.mode,
        "flags": ";".join(e.flags) or None,
        "certainty": e.certainty,
        "trigger": text[e.trigger.start : e.trigger.end] if text else None,
        "sentence": text[e.sentence.start : e.sentence.end] if text else None,
    }


def killed_text(low: int | None, high: int | None) -> str:
    """'-' when no figure was reported: ACLED's CSV writes 0 then, but a table must not claim nobody died."""
    if low is None:
        return "-"
    return str(low) if high in (None, low) else f"{low}-{high}"


def _notes(e: Event, text: str) -> str:
    sentence = text[e.sentence.start : e.sentence.end] if text else ""
    return f"{sentence} [rule {e.rule}]".strip()


def _feature(row: dict[str, Any]) -> dict[str, Any] | None:
    if row["latitude"] is None or row["longitude"] is None:
        return None
    props = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
        "properties": props,
    }


def write_geojson(rows: Iterator[dict[str, Any]], fh: IO[str]) -> int:
    """A streamed GeoJSON FeatureCollection of the rows that have a place."""
    fh.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for row in rows:
        feature = _feature(row)
        if feature is None:
            continue
        fh.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n


def _rows(app: AppContext, query: EventQuery) -> Iterator[dict[str, Any]]:
    articles = _Articles(app)
    for se in app.store.iter_events(query):
        yield event_row(se, articles.get(se.article_id))


def write_events(app: AppContext, query: EventQuery, fmt: str, fh: IO[str]) -> int:
    from .. import exporting

    if fmt == "csv":
        return exporting.write_csv(_rows(app, query), EVENT_COLUMNS, fh)
    if fmt == "geojson":
        return write_geojson(_rows(app, query), fh)
    if fmt == "jsonl":
        n = 0
        for se in app.store.iter_events(query):
            fh.write(
                json_line(
                    {
                        "article_id": se.article_id,
                        "published": se.published,
                        "site": se.site,
                        "url": se.url,
                        "lang": se.lang,
                        "event": se.event,
                    }
                )
                + "\n"
            )
            n += 1
        return n
    return _table(app, query, fh)


def _table(app: AppContext, query: EventQuery, fh: IO[str]) -> int:
    n = 0
    for row in _rows(app, query):
        who = f"{row['actor1'] or '?'} -> {row['actor2'] or '-'}"
        kind = row["sub_event_type"] or row["plover_type"]
        flags = f" [{row['flags']}]" if row["flags"] else ""
        fh.write(
            f"{row['event_date'] or '----------'}  {kind:34.34}  {who:40.40}  {row['location'] or '-':18.18}"
            f"  killed {row['killed']:<7}  {row['trigger'] or ''}{flags}  {row['event_id']}\n"
        )
        n += 1
    return n


def _open(output: str) -> IO[str]:
    if output == "-":
        return click.get_text_stream("stdout")
    try:
        return open(output, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}; choose another --output") from exc


def _run(app: AppContext, fmt: str, output: str, mentions: bool, **filters: Any) -> None:
    from .canonical import write_canonical

    query = None if not mentions else build_event_query(app, **filters)
    fh = _open(output)
    try:
        n = write_events(app, query, fmt, fh) if query is not None else write_canonical(app, filters, fmt, fh)
    finally:
        if output != "-":
            fh.close()
    if fmt != "table" or output != "-":
        click.echo(f"{n} event(s) as {fmt} to {'stdout' if output == '-' else output}", err=True)
    elif n == 0:
        app.info("no events match (flagged events are hidden; --include-flagged shows them)")


_CANONICAL = click.option(
    "--canonical/--mentions", "canonical", default=True, show_default=True,
    help="One row per real-world event reconciled from all its reports (default), or one per report.",
)


@click.command("events")
@_filters
@_CANONICAL
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--output", "-o", default="-", metavar="FILE|-", show_default=True, help="Where to write.")
@pass_app
def events_cmd(app: AppContext, /, fmt: str, output: str, canonical: bool, **filters: Any) -> None:
    """List events with filters: canonical events (one per real-world event, with source counts, disputes
    and review state) by default, or every coded mention with --mentions."""
    _run(app, fmt, output, not canonical, **filters)


@click.command("events")
@_filters
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS[1:]),
    default="csv",
    show_default=True,
    help="csv uses ACLED's column names; geojson keeps events with a place.",
)
@click.option("--output", "-o", default="-", metavar="FILE|-", show_default=True, help="Where to write.")
@_CANONICAL
@pass_app
def export_events_cmd(app: AppContext, /, fmt: str, output: str, canonical: bool, **filters: Any) -> None:
    """Export events as ACLED-style CSV, JSON Lines or GeoJSON: canonical events with their source counts,
    first-report time, disputes and source URLs (default), or every mention with --mentions."""
    _run(app, fmt, output, not canonical, **filters)


def register(cli: click.Group) -> None:
    cli.add_command(events_cmd)
    existing = cli.commands.get("export")
    group = existing if isinstance(existing, click.Group) else click.Group("export", help="Export stored data.")
    if existing is None:
        cli.add_command(group)
    group.add_command(export_events_cmd)
