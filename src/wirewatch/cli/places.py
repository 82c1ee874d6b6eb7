"""``wirewatch places`` (most mentioned places) and ``wirewatch export places`` (GeoJSON, CSV, JSON Lines)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import click

from ..gazetteer.geojson import write_geojson
from ..records import to_dict
from ..storage.base import PlaceQuery, StoredPlace
from ._common import AppContext, json_line, parse_when, pass_app

PLACE_COLUMNS = ("article_id", "start", "end", "text", "name", "ref", "lat", "lon", "feature", "country",
                 "admin1", "geonameid", "precision", "confidence", "metonymy", "qualifier", "rule")


def _query(country: str | None, feature: str | None, lang: str | None, since: str | None, until: str | None,
           limit: int | None, metonymy: bool = False) -> PlaceQuery:
    return PlaceQuery(country=country.upper() if country else None, feature=feature, lang=lang,
                      since=parse_when(since, "--since"), until=parse_when(until, "--until"),
                      include_metonymy=metonymy, limit=limit)


def _filters(fn: Any) -> Any:
    for option in reversed((
        click.option("--country", default=None, metavar="ISO2", help="Only places in this country."),
        click.option("--feature", default=None, help="Only this feature (city, admin1, country, river ...)."),
        click.option("--lang", default=None, help="Only articles in this language."),
        click.option("--since", default=None, metavar="DATE", help="Articles published on or after DATE."),
        click.option("--until", default=None, metavar="DATE", help="Articles published before DATE."),
    )):
        fn = option(fn)
    return fn


@click.command("places")
@_filters
@click.option("--limit", type=click.IntRange(min=1), default=30, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_app
def places_cmd(app: AppContext, country: str | None, feature: str | None, lang: str | None, since: str | None,
               until: str | None, limit: int, as_json: bool) -> None:
    """The most mentioned places, with mention and article counts (metonymic mentions left out)."""
    counts = app.store.place_counts(_query(country, feature, lang, since, until, limit))
    for c in counts:
        if as_json:
            click.echo(json_line(c))
        else:
            where = ", ".join(x for x in (c.admin1, c.country) if x)
            kind = f"{c.feature}; {where}" if where else c.feature
            click.echo(f"{c.mentions:6d} {c.articles:5d}  {c.name} [{kind}]"
                       f"  ({c.lat:.4f}, {c.lon:.4f})  {c.ref}")
    if not counts and not as_json:
        click.echo("no places stored yet: ingest articles with the places stage enabled", err=True)


def place_row(sp: StoredPlace) -> dict[str, Any]:
    p = sp.place
    return {"article_id": sp.article_id, "start": p.span.start, "end": p.span.end, "text": p.text,
            "name": p.name, "ref": p.ref, "lat": p.lat, "lon": p.lon, "feature": p.feature,
            "country": p.country, "admin1": p.admin1, "geonameid": p.geonameid, "precision": p.precision,
            "confidence": p.confidence,
            "metonymy": p.metonymy,
            "qualifier": json.dumps(to_dict(p.qualifier), ensure_ascii=False) if p.qualifier else None,
            "rule": p.rule}


@click.command("places")
@click.option("--format", "fmt", type=click.Choice(("geojson", "csv", "jsonl")), default="geojson",
              show_default=True, help="geojson: a point per place with counts; csv/jsonl: a row per mention.")
@click.option("--output", "-o", default="-", metavar="FILE|-", show_default=True, help="Where to write.")
@click.option("--metonymy", is_flag=True, help="Include metonymic mentions ('Washington said').")
@_filters
@pass_app
def export_places_cmd(app: AppContext, fmt: str, output: str, metonymy: bool, country: str | None,
                      feature: str | None, lang: str | None, since: str | None, until: str | None) -> None:
    """Export stored places as a map-ready GeoJSON FeatureCollection, CSV or JSON Lines."""
    stored: Iterator[StoredPlace] = app.store.iter_places(
        _query(country, feature, lang, since, until, None, metonymy))
    if fmt == "geojson":
        n = _write_geojson(stored, output, metonymy)
    else:
        from .articles import export_rows

        rows = (place_row(sp) for sp in stored)
        n = export_rows(rows, fmt, output, PLACE_COLUMNS)
    if not app.quiet or output != "-":
        click.echo(f"exported {n} place {'feature' if fmt == 'geojson' else 'row'}(s) as {fmt} to "
                   f"{'stdout' if output == '-' else output}", err=True)


def _write_geojson(stored: Iterator[StoredPlace], output: str, metonymy: bool) -> int:
    if output == "-":
        return write_geojson(stored, click.get_text_stream("stdout"), metonymy)
    with open(output, "w", encoding="utf-8") as fh:
        return write_geojson(stored, fh, metonymy)


def register(cli: click.Group) -> None:
    cli.add_command(places_cmd)
    existing = cli.commands.get("export")
    group = existing if isinstance(existing, click.Group) else click.Group("export", help="Export data.")
    if existing is None:
        cli.add_command(group)
    group.add_command(export_places_cmd)
