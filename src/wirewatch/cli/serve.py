"""``wirewatch serve`` (the web app) and ``wirewatch bench-web`` (its 100k-event benchmark)."""

from __future__ import annotations

import json

import click

from ._common import AppContext, pass_app


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1 keeps it to this machine).")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option("--db", "db", default=None, metavar="PATH", help="Database to serve (default: the global --db).")
@pass_app
def serve_cmd(app: AppContext, host: str, port: int, db: str | None) -> None:
    """Serve the web app and HTTP API (map, timeline, events, stories, alerts, review) on DB."""
    from ..web.server import serve

    config = app.config.with_overrides(db=db) if db else app.config
    app.store  # noqa: B018 - opening the store first creates the database file and its schema
    serve(config, host=host, port=port)


@click.command("bench-web")
@click.option("--events", "n_events", type=click.IntRange(100, 2_000_000), default=100_000, show_default=True)
@click.option("--queries", type=click.IntRange(5, 10_000), default=60, show_default=True)
@click.option("--db", "db", default=None, metavar="PATH",
              help="Where to build the synthetic store (default: a temporary file).")
@click.option("--json", "as_json", is_flag=True)
def bench_web_cmd(n_events: int, queries: int, db: str | None, as_json: bool) -> None:
    """Build a synthetic store of N canonical events and time first render and filtered API queries."""
    from ..web.bench import run_bench

    result = run_bench(n_events, queries, db)
    if as_json:
        click.echo(json.dumps(result))
        return
    for key, value in result.items():
        click.echo(f"{key:<28} {value}")


def register(cli: click.Group) -> None:
    cli.add_command(serve_cmd)
    cli.add_command(bench_web_cmd)
