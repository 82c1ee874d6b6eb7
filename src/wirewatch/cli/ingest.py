"""``wirewatch ingest``, ``wirewatch demo`` and ``wirewatch bench``."""

from __future__ import annotations

import json
import sys
import time
from importlib import resources
from pathlib import Path
from typing import Any

import click

from ..bench import load_pages, run_bench
from ..fusion import Fuser, fusion_state_for
from ..ingest import IngestSummary, Outcome, ingest
from ..storage.base import ArticleQuery
from ._common import AppContext, pass_app


class ProgressLine:
    """A one-line progress counter on stderr (only when it is a terminal and not --quiet)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.count = 0
        self.failed = 0
        self.t0 = time.perf_counter()

    def __call__(self, outcome: Outcome) -> None:
        self.count += 1
        self.failed += outcome.entry.status == "failed"
        if self.enabled:
            rate = self.count / max(time.perf_counter() - self.t0, 1e-9)
            click.echo(f"\r  {self.count} inputs, {self.failed} failed, {rate:.1f}/s ", nl=False, err=True)

    def close(self) -> None:
        if self.enabled and self.count:
            click.echo("", err=True)


def _summary_text(summary: IngestSummary) -> str:
    c = summary.counts
    lines = [
        f"{summary.total} inputs: {c['ok']} stored, {c['revised']} revised, {c['duplicate']} duplicates, "
        f"{c['unsupported-language']} unsupported language, {c['failed']} failed"
    ]
    for f in summary.failures[:50]:
        lines.append(f"  failed: {f.source}: {f.reason}")
    if len(summary.failures) > 50:
        lines.append(f"  … and {len(summary.failures) - 50} more (wirewatch log --status failed)")
    return "\n".join(lines)


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option("--glob", "pattern", default=None, help="File pattern inside directories, e.g. '*.html'.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes for analysis.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help="Largest page accepted (bytes).")
@click.option("--no-robots", is_flag=True, help="Do not obey robots.txt (only for sites you may crawl).")
@click.option("--rate-limit", type=float, default=None, help="Seconds between requests to one host.")
@click.option("--stages", default=None, help="Comma-separated analysis stages (default: all available).")
@click.option("--no-fuse", is_flag=True, help="Do not group articles into stories and canonical events now.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@pass_app
def ingest_cmd(app: AppContext, sources: tuple[str, ...], pattern: str | None, workers: int | None,
               max_bytes: int | None, no_robots: bool, rate_limit: float | None, stages: str | None,
               no_fuse: bool, as_json: bool) -> None:
    """Ingest SOURCES: files (.html, .htm, .html.gz, .txt), directories, JSON Lines, WARC, URLs and feeds.

    Every input is logged (ok, duplicate, revised, unsupported-language, failed with a reason). Exit status 1
    when any input failed; the batch always carries on.
    """
    config = app.config.with_overrides(
        workers=workers, max_bytes=max_bytes, rate_limit=rate_limit, stages=stages,
        obey_robots=False if no_robots else None,
    )
    progress = ProgressLine(not app.quiet and not as_json)
    fuser = None if no_fuse else _fuser(app)
    try:
        summary = ingest(list(sources), app.store, config, pattern=pattern, workers=config.workers,
                         progress=progress, fuser=fuser)
    finally:
        progress.close()
        if fuser is not None:
            fuser.state.close()
    click.echo(json.dumps(summary.as_dict(), ensure_ascii=False) if as_json else _summary_text(summary))
    if summary.failed:
        raise click.exceptions.Exit(1)


def _fuser(app: AppContext) -> Fuser:
    app.store  # noqa: B018 - the store creates the database file before the fusion tables join it
    return Fuser(fusion_state_for(app.config.db))


def demo_dir() -> Path:
    return Path(str(resources.files("wirewatch").joinpath("data/examples")))


@click.command("demo")
@click.option("--serve/--no-serve", default=True, show_default=True,
              help="Serve the web app on the demo data afterwards (on 127.0.0.1 only).")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port for --serve.")
@pass_app
def demo_cmd(app: AppContext, serve: bool, port: int) -> None:
    """Ingest the packaged demo articles (EN/ES/PT), summarise them, then serve the web app on them."""
    folder = demo_dir()
    fuser = _fuser(app)
    try:
        summary = ingest([str(folder)], app.store, app.config, pattern="*.html", fuser=fuser)
        fusion = fuser.state.counts()
    finally:
        fuser.state.close()
    store = app.store
    click.echo(f"wirewatch demo: {folder}")
    click.echo(f"database: {app.config.db}\n")
    rows = store.search_articles(ArticleQuery(limit=None, status=None))
    rows.sort(key=lambda a: (a.lang or "", a.published.isoformat() if a.published else "", a.title or ""))
    for a in rows:
        date = a.published.date().isoformat() if a.published else "????-??-??"
        extra = _counts(a)
        click.echo(f"  {a.id[:8]}  {a.lang or '??'}  {date}  {(a.site or '-')[:24]:<24}  {(a.title or '')[:60]}"
                   + (f"  [{extra}]" if extra else ""))
    click.echo("")
    click.echo(_summary_text(summary))
    click.echo(f"fusion: {fusion['duplicate_groups']} near-duplicate groups, {fusion['stories']} stories, "
               f"{fusion['canonical_events']} canonical events")
    click.echo("\nNext, try:")
    first = rows[0].id[:8] if rows else "ID"
    for cmd in (
        "wirewatch articles --query mosul",
        f"wirewatch show {first}",
        "wirewatch export articles --format csv --output articles.csv",
        "wirewatch places",
        "wirewatch events",
        "wirewatch claims --contradicted",
        "wirewatch stories",
        "wirewatch serve",
    ):
        click.echo(f"  {cmd}")
    if serve:
        click.echo("")
        _serve(app, port)
    if summary.failed:
        raise click.exceptions.Exit(1)


def _counts(a: Any) -> str:
    parts = []
    for name in ("places", "timexes", "figures", "claims", "events"):
        n = len(getattr(a, name))
        if n:
            parts.append(f"{n} {name}")
    return ", ".join(parts)


def _serve(app: AppContext, port: int) -> None:
    from ..web.server import serve

    app.close()  # the web app opens the database itself
    serve(app.config, host="127.0.0.1", port=port)


@click.command("bench")
@click.argument("target", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--workers", type=click.IntRange(min=1), default=1, help="Worker processes.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Use only the first N pages.")
@click.option("--repeat", type=click.IntRange(min=1), default=1, help="Repeat the page set N times.")
@click.option("--stages", default="", help="Analysis stages to add after sentences (comma-separated).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object as the last line.")
@pass_app
def bench_cmd(app: AppContext, target: Path | None, workers: int, limit: int | None, repeat: int, stages: str,
              as_json: bool) -> None:
    """Throughput of extraction -> language -> sentences on TARGET (a directory of pages or an eval .jsonl;
    default: the demo corpus). Reports articles/s, MB/s of HTML and peak RSS."""
    pages = load_pages(target or demo_dir(), limit) * repeat
    names = [s.strip() for s in stages.split(",") if s.strip()]
    result = run_bench(pages, app.config, workers=workers, stages=names)
    d = result.as_dict()
    if not (as_json and app.quiet):
        click.echo(
            f"{d['pages']} pages ({d['megabytes']} MB) in {d['seconds']} s with {workers} worker(s): "
            f"{d['articles_per_s']} articles/s, {d['mb_per_s']} MB/s; peak RSS {d['peak_rss_mb']} MB"
            + (f" (largest worker {d['worker_peak_rss_mb']} MB)" if d["worker_peak_rss_mb"] else "")
            + (f"; {d['failed']} failed" if d["failed"] else "")
        )
        rates = d["stage_sentences_per_s"]
        for name, rate in rates.items():
            click.echo(f"  {name:<10} {rate:>10,.0f} sentences/s")
        added = [rates[n] for n in names if n in rates]
        if len(added) > 1:
            click.echo(f"  {'together':<10} {1 / sum(1 / r for r in added):>10,.0f} sentences/s ({', '.join(names)})")
    if as_json:
        click.echo(json.dumps(d))


def register(cli: click.Group) -> None:
    cli.add_command(ingest_cmd)
    cli.add_command(demo_cmd)
    cli.add_command(bench_cmd)
