"""``wirewatch gazetteer build|info``: (re)build the cached gazetteer index deliberately and describe it."""

from __future__ import annotations

import sys
import time
from typing import Any

import click

from ._common import AppContext, json_line, pass_app


@click.group("gazetteer")
def gazetteer_group() -> None:
    """The cached place index (GeoNames cities500, countries, admin1, team supplement)."""


@gazetteer_group.command("build")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@pass_app
def build_cmd(app: AppContext, as_json: bool) -> None:
    """Build the index now (it is otherwise built on first use) and report time and peak memory."""
    from ..gazetteer.index import cache_file, rebuild_gazetteer

    start = time.perf_counter()
    gaz = rebuild_gazetteer(app.config)
    info = _describe(gaz, cache_file(app.config))
    info["build_s"] = round(time.perf_counter() - start, 1)
    info["peak_rss_mb"] = _peak_rss_mb()
    _echo(info, as_json)


@gazetteer_group.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@pass_app
def info_cmd(app: AppContext, as_json: bool) -> None:
    """Load the index (building it if missing) and report its size, load time and memory."""
    from ..gazetteer.index import cache_file, load_gazetteer

    start = time.perf_counter()
    gaz = load_gazetteer(app.config)
    info = _describe(gaz, cache_file(app.config))
    info["load_s"] = round(time.perf_counter() - start, 2)
    info["peak_rss_mb"] = _peak_rss_mb()
    _echo(info, as_json)


def _describe(gaz: Any, path: Any) -> dict[str, Any]:
    data = gaz.data
    return {
        "file": str(path), "version": data.version, "rows": len(data.refs), "keys": len(data.keys),
        "display_names": {lang: len(rows) for lang, rows in sorted(data.display.items())},
        "file_mb": round(path.stat().st_size / 1e6, 1) if path.is_file() else None,
    }


def _peak_rss_mb() -> int | None:
    try:
        import resource
    except ImportError:  # Windows: no getrusage
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return int(peak / (1 << 20 if sys.platform == "darwin" else 1 << 10))


def _echo(info: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json_line(info))
        return
    for key, value in info.items():
        click.echo(f"{key:>14}: {value}")


def register(cli: click.Group) -> None:
    cli.add_command(gazetteer_group)
