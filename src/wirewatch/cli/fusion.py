"""``wirewatch fuse``, ``stories``, ``story`` and ``alerts``: the cross-article views."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from ..fusion import FusionState, fuse_store, fusion_state_for
from ..fusion.alerts import AlertParams, alerts_for_store
from ..fusion.stories import label_text, story_label
from ..records import to_dict
from ._common import AppContext, parse_when, pass_app


def _state(app: AppContext) -> FusionState:
    app.store  # noqa: B018 - opening the store first creates the database file and its schema
    return fusion_state_for(app.config.db)


@click.command("fuse")
@click.option("--rebuild", is_flag=True, help="Forget every grouping and fuse all stored articles again.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@pass_app
def fuse_cmd(app: AppContext, rebuild: bool, as_json: bool) -> None:
    """Group stored articles into near-duplicates, stories and canonical events (incremental)."""
    state = _state(app)
    try:
        if rebuild:
            state.reset()
        summary = fuse_store(app.store, state)
        counts = state.counts()
    finally:
        state.close()
    if as_json:
        click.echo(json.dumps({"fused": summary.fused, **counts}))
    else:
        click.echo(f"fused {summary.fused} new article(s); {counts['duplicate_groups']} duplicate groups, "
                   f"{counts['stories']} stories, {counts['canonical_events']} canonical events")


def story_summary(sid: str, story: dict[str, Any]) -> dict[str, Any]:
    parts = story_label(story)
    return {
        "id": sid,
        "label": label_text(parts),
        "articles": len(story["articles"]),
        "article_ids": story["articles"],
        "languages": sorted(story["langs"]),
        "first_seen": story["first_seen"] or None,
        "last_seen": story["last_seen"] or None,
        **{f"top_{k}": v for k, v in parts.items()},
    }


@click.command("stories")
@click.option("--since", default=None, help="Only stories seen since this date (YYYY-MM-DD).")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, help="Only stories with N+ articles.")
@click.option("--limit", type=click.IntRange(min=1), default=50)
@click.option("--json", "as_json", is_flag=True, help="JSON lines.")
@pass_app
def stories_cmd(app: AppContext, since: str | None, min_articles: int, limit: int, as_json: bool) -> None:
    """List stories (articles grouped across outlets and languages), most recent first."""
    when = parse_when(since, "--since")
    state = _state(app)
    try:
        rows = [story_summary(sid, st) for sid, st in
                state.iter_stories(since=when.isoformat() if when else None, limit=limit, min_articles=min_articles)]
    finally:
        state.close()
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            seen = (row["last_seen"] or "")[:10]
            click.echo(f"{row['id']:<16} {seen:<10} {row['articles']:>3} art  {','.join(row['languages']):<8} "
                       f"{row['label']}")
    if not rows and not as_json:
        click.echo("no stories yet: ingest articles, then run `wirewatch fuse`")


@click.command("story")
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def story_cmd(app: AppContext, story_id: str, as_json: bool) -> None:
    """Show one story: its articles across languages and its canonical events."""
    state = _state(app)
    try:
        found = state.get_stories([story_id]).get(story_id)
        if found is None:
            raise click.UsageError(f"no story {story_id!r}; list them with `wirewatch stories`")
        events = [c["record"] for c in state.iter_canonical(story_id=story_id)]
    finally:
        state.close()
    row = story_summary(story_id, found)
    articles = [app.store.get_article(a) for a in found["articles"]]
    if as_json:
        row["events"] = events
        click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    click.echo(f"{row['label']}  ({story_id})")
    click.echo(f"  {row['articles']} articles in {', '.join(row['languages'])}; "
               f"first {row['first_seen']}, last {row['last_seen']}")
    for a in articles:
        day = a.published.date().isoformat() if a.published else "?"
        click.echo(f"  {a.id[:8]}  {a.lang}  {day}  {(a.site or '-')[:22]:<22} {(a.title or '')[:60]}")
    for ev in events:
        click.echo(f"  event {ev['id']}: {ev['plover_type']} {ev.get('acled_sub_event_type') or ''} "
                   f"{ev.get('date_start') or ''} killed {ev.get('fatalities_low')}–{ev.get('fatalities_high')}"
                   f"{'  DISPUTED' if ev.get('disputed') else ''}; {ev['independent_reports']} independent reports")


@click.command("alerts")
@click.option("--at", "at", default=None, help="Bucket to judge (default: the latest with articles).")
@click.option("--hourly", is_flag=True, help="Hourly buckets instead of daily.")
@click.option("--window", type=click.IntRange(min=3), default=28, help="History length in buckets.")
@click.option("--min-count", type=click.IntRange(min=1), default=3, help="Smallest count that can spike.")
@click.option("--z", "z_threshold", type=float, default=3.0, help="Robust z-score threshold.")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def alerts_cmd(app: AppContext, at: str | None, hourly: bool, window: int, min_count: int, z_threshold: float,
               as_json: bool) -> None:
    """Sudden rises, drops and silences in coverage of places, actors and event types."""
    params = AlertParams(granularity="hour" if hourly else "day", window=window, min_count=min_count,
                         z_threshold=z_threshold)
    when: datetime | None = parse_when(at, "--at")
    found = alerts_for_store(app.store, when, params)
    for alert in found:
        if as_json:
            click.echo(json.dumps(to_dict(alert), ensure_ascii=False))
        else:
            click.echo(f"{alert.kind:<8} {alert.day}  {alert.label:<28} {alert.count} vs usual {alert.baseline} "
                       f"(score {alert.score}; {alert.method}); "
                       f"articles: {', '.join(a[:8] for a in alert.article_ids[:5])}")
    if not found and not as_json:
        click.echo("no alerts")


def _sizes(text: str | None) -> list[int]:
    """``--grow``: comma-separated store sizes, or one size M meaning the decades 10,000 … M."""
    if text is None:
        return []
    hint = "give store sizes such as 10000,100000,1000000"
    try:
        sizes = [int(x.replace("_", "")) for x in text.split(",") if x.strip()]
    except ValueError:
        raise click.BadParameter(f"{text!r}: {hint}") from None
    if not sizes:
        raise click.BadParameter(f"no store size in {text!r}: {hint}")
    if any(n < 1 for n in sizes):
        raise click.BadParameter("store sizes must be positive")
    if len(sizes) == 1 and sizes[0] > 10_000:
        top = sizes[0]
        sizes = [m for m in (10_000, 100_000, 1_000_000, 10_000_000) if m < top] + [top]
    return sizes


@click.command("bench-fusion")
@click.option("--signatures", type=click.IntRange(min=0), default=100_000,
              help="Story-clustering benchmark size (synthetic article signatures; 0 skips it).")
@click.option("--grow", default=None, metavar="SIZES",
              help="Also time adding articles to a store bulk-loaded to these sizes, e.g. 10000,100000,1000000.")
@click.option("--sample", type=click.IntRange(min=10), default=500, help="Articles timed at each store size.")
@click.option("--path", type=click.Path(path_type=Path), default=Path("wirewatch-bench-fusion.db"),
              help="Scratch database for --grow (overwritten).")
@click.option("--json", "as_json", is_flag=True)
def bench_fusion_cmd(signatures: int, grow: str | None, sample: int, path: Path, as_json: bool) -> None:
    """Scale benchmark of the fusion stage on synthetic-but-realistic articles."""
    from ..fusion import bench

    marks = _sizes(grow)
    if not signatures and not marks:
        raise click.UsageError("nothing to measure: give --signatures N (N > 0) or --grow SIZES")
    result: dict[str, Any] = {}
    if signatures:
        c = result["cluster"] = bench.cluster(signatures)
        if not as_json:
            click.echo(f"story clustering: {c['signatures']} signatures in {c['seconds']} s wall, "
                       f"{c['cpu_seconds']} s CPU ({c['per_article_ms']} ms each), {c['stories']} stories, "
                       f"peak RSS {c['peak_rss_mb']} MB")

    def show(point: dict[str, Any]) -> None:
        if not as_json:
            click.echo(f"  store {point['store_size']:>9,}: {point['per_article_ms']} ms per added article "
                       f"({point['per_article_cpu_ms']} ms CPU; bulk load {point['bulk_load_s']} s, "
                       f"peak RSS {point['peak_rss_mb']} MB)")

    if marks:
        result["grow"] = bench.grow(marks, path, sample=sample, report=show)
    if as_json:
        click.echo(json.dumps(result))


def register(cli: click.Group) -> None:
    cli.add_command(bench_fusion_cmd)
    for cmd in (fuse_cmd, stories_cmd, story_cmd, alerts_cmd):
        cli.add_command(cmd)
