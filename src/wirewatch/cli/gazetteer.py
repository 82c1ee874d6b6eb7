"""``wirewatch gazetteer build|info``: (re)build the cached gazetteer index deliberately and describe it."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import click

from ..config import Config
from ._common import AppContext, json_line, pass_app


@click.group("gazetteer")
def gazetteer_group() -> None:
    """The cached place index (GeoNames cities500, countries, admin1, team supplement)."""


@gazetteer_group.command("build")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@pass_app
def build_cmd(app: AppContext, as_json: bool) -> None:
    """Build the index now (it is otherwise built on first use) and report time and peak memory."""
    from ..gazetteer.index import rebuild_gazetteer

    _report(app, rebuild_gazetteer, "build_s", as_json)


@gazetteer_group.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@pass_app
def info_cmd(app: AppContext, as_json: bool) -> None:
    """Load the index (building it if missing) and report its size, load time and memory."""
    from ..gazetteer.index import load_gazetteer

    _report(app, load_gazetteer, "load_s", as_json)


def _report(app: AppContext, get: Callable[[Config], Any], timing: str, as_json: bool) -> None:
    from ..bench import peak_rss_mb
    from ..gazetteer.index import cache_file

    start = time.perf_counter()
    gaz = get(app.config)
    info = _describe(gaz, cache_file(app.config))
    info[timing] = round(time.perf_counter() - start, 2)
    info["peak_rss_mb"] = round(peak_rss_mb(), 1)
    _echo(info, as_json)


def _describe(gaz: Any, path: Any) -> dict[str, Any]:
    data = gaz.data
    return {
        "file": str(path), "version": data.version, "rows": len(data.refs), "keys": len(data.keys),
        "display_names": {lang: len(rows) for lang, rows in sorted(data.display.items())},
        "file_mb": round(path.stat().st_size / 1e6, 1) if path.is_file() else None,
    }


def _echo(info: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json_line(info))
        return
    for key, value in info.items():
        click.echo(f"{key:>14}: {value}")


def register(cli: click.Group) -> None:
    cli.add_command(gazetteer_group)
