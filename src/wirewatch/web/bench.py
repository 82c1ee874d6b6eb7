"""``wirewatch bench-web``: a synthetic store of N canonical events, then the app's first render and the
median filtered API query, measured in-process through the ASGI app (no network, no browser)."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..config import load_config
from .db import WebDB
from .index import refresh_index
from .synth import REGIONS, TYPES, fill

#: the requests the map page makes on first load (after its HTML)
FIRST_RENDER = (
    "/static/map.js",
    "/static/basemap/countries.geojson",
    "/api/events/grid?zoom=2&bbox=-180,-90,180,90",
    "/api/events?limit=50&count=1",
    "/api/timeline",
)


def _filters(rng: random.Random) -> str:
    choices: list[Callable[[], str]] = [
        lambda: f"type={rng.choice(TYPES)[0]}",
        lambda: f"country={rng.choice(REGIONS)[2]}",
        lambda: "since=2023-{:02d}-01&until=2023-{:02d}-28".format(*sorted(rng.sample(range(1, 13), 2))),
        lambda: "bbox={:.1f},{:.1f},{:.1f},{:.1f}".format(*_box(rng)),
        lambda: f"min_sources={rng.randrange(2, 5)}",
        lambda: "flag=disputed",
        lambda: f"actor={rng.choice(('Police Forces', 'ELN', 'Boko Haram', 'Military Forces'))}",
        lambda: f"q={rng.choice(('cauca', 'borno', 'idlib', 'sinaloa'))}",
        lambda: f"acled_type={rng.choice(('Battles', 'Protests'))}",
    ]
    picks = rng.sample(choices, rng.randrange(1, 4))
    return "&".join(p() for p in picks)


def _box(rng: random.Random) -> tuple[float, float, float, float]:
    lat, lon, _, _ = rng.choice(REGIONS)
    return (lon - 3, lat - 3, lon + 3, lat + 3)


def run_bench(n_events: int, queries: int, db_path: str | None = None) -> dict[str, Any]:
    with warnings.catch_warnings():
        # starlette's notice about its httpx-based test client says nothing about the figures measured here
        warnings.filterwarnings("ignore", message=".*starlette.testclient.*")
        from fastapi.testclient import TestClient

    from .app import create_app

    tmp = None
    if db_path is None:
        tmp = tempfile.TemporaryDirectory()
        db_path = str(Path(tmp.name) / "bench.db")
    out: dict[str, Any] = {"events": n_events}
    db = WebDB(db_path)
    t0 = time.perf_counter()
    have = int((db.one("SELECT count(*) FROM fusion_canonical") or (0,))[0])
    if have != n_events:  # a --db built by an earlier run with the same size is reused
        fill(db, n_events)
    out["generate_s"] = round(time.perf_counter() - t0, 2)
    t0 = time.perf_counter()
    refresh_index(db)
    out["index_s"] = round(time.perf_counter() - t0, 2)
    db.close()
    client = TestClient(create_app(load_config(db=db_path, env={})))
    with client:
        t0 = time.perf_counter()
        client.get("/").raise_for_status()
        for url in FIRST_RENDER:
            client.get(url).raise_for_status()
        out["first_render_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        t0 = time.perf_counter()
        client.get("/api/events?limit=1000&bbox=40,33,46,39").raise_for_status()  # zoomed in: points
        out["zoomed_points_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        rng = random.Random(11)
        times = []
        for _ in range(queries):
            url = f"/api/events?limit=100&{_filters(rng)}"
            t0 = time.perf_counter()
            client.get(url).raise_for_status()
            times.append((time.perf_counter() - t0) * 1000)
        out["query_median_ms"] = round(statistics.median(times), 1)
        out["query_p90_ms"] = round(sorted(times)[int(len(times) * 0.9) - 1], 1)
        out["queries"] = queries
    if tmp:
        tmp.cleanup()
    return out
