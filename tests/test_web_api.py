"""HTTP API: every endpoint, filters, cursor paging, exports and malformed queries (synthetic store)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from web_helpers import synthetic_app, synthetic_env


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    c, _ = synthetic_app(tmp_path_factory.mktemp("api"))
    with c:
        yield c


def test_events_list_is_sorted_and_cursor_pages_cover_everything_once(client) -> None:  # type: ignore[no-untyped-def]
    total = client.get("/api/events?count=1&limit=1").json()["total"]
    seen, cursor, keys = [], None, []
    while True:
        url = "/api/events?limit=37" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(url).json()
        seen += [e["id"] for e in page["items"]]
        keys += [(e["day"], e["id"]) for e in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == total == 300
    assert keys == sorted(keys, reverse=True)


@pytest.mark.parametrize("query,check", [
    ("type=FIGHT", lambda e: e["plover_type"] == "FIGHT"),
    ("acled_type=Protests", lambda e: e["acled_event_type"] == "Protests"),
    ("country=co", lambda e: e["country"] == "CO"),
    ("admin1=Borno", lambda e: e["admin1"] == "Borno"),
    ("since=2023-06-01&until=2023-06-30", lambda e: e["day"] <= "2023-06-30" and e["day_end"] >= "2023-06-01"),
    ("bbox=35,30,50,40", lambda e: 35 <= e["lon"] <= 50 and 30 <= e["lat"] <= 40),
    ("min_sources=2", lambda e: e["independent"] >= 2),
    ("flag=disputed", lambda e: e["disputed"]),
    ("flag=imprecise", lambda e: e["precision"] > 1),
    ("certainty=asserted", lambda e: e["certainty"] == "asserted"),
    ("actor=ELN", lambda e: "ELN" in (e["actor1"] or "")),
    ("q=cauca", lambda e: "Cauca" in e["place_name"]),
    ("review=unreviewed", lambda e: e["review"] == "unreviewed"),
])
def test_each_filter_returns_only_matching_events(client, query, check) -> None:  # type: ignore[no-untyped-def]
    items = client.get(f"/api/events?limit=1000&{query}").json()["items"]
    assert items, query
    assert all(check(e) for e in items), query


def test_place_filter_by_ref(client) -> None:  # type: ignore[no-untyped-def]
    one = client.get("/api/events?limit=1").json()["items"][0]
    items = client.get(f"/api/events?limit=100&place={one['place_ref']}").json()["items"]
    assert items and all(e["place_ref"] == one["place_ref"] for e in items)


@pytest.mark.parametrize("url", [
    "/api/events?bbox=1,2,3", "/api/events?bbox=a,b,c,d", "/api/events?bbox=10,0,5,5", "/api/events?since=2023-13-01",
    "/api/events?since=2023-05-01&until=2023-01-01", "/api/events?limit=0", "/api/events?limit=100000",
    "/api/events?cursor=%%%", "/api/events?cursor=WyJ4Il0", "/api/events?country=Colombia", "/api/events?flag=nope",
    "/api/events?min_sources=-1", "/api/events?certainty=sure", "/api/events?review=maybe", "/api/events?type=ass'ault",
    "/api/events?mentions=1&cursor=zz", "/api/events/grid?zoom=99", "/api/articles?lang=english",
    "/api/articles?offset=-3", "/api/export/events.xlsx", "/api/events/bad%20id", "/api/stories?limit=abc",
])
def test_malformed_queries_get_clear_4xx_json(client, url) -> None:  # type: ignore[no-untyped-def]
    r = client.get(url)
    assert 400 <= r.status_code < 500, (url, r.status_code)
    assert "error" in r.json()


def test_event_detail_and_missing_event(client) -> None:  # type: ignore[no-untyped-def]
    cid = client.get("/api/events?limit=1").json()["items"][0]["id"]
    detail = client.get(f"/api/events/{cid}").json()
    assert detail["id"] == cid and detail["mentions"] and detail["review"]["status"] == "unreviewed"
    assert client.get("/api/events/ce-nothing-here").status_code == 404


def test_aggregates_places_actors_timeline_grid_facets(client) -> None:  # type: ignore[no-untyped-def]
    places = client.get("/api/places?limit=5").json()["items"]
    assert len(places) == 5 and places[0]["events"] >= places[-1]["events"]
    actors = client.get("/api/actors?country=IQ").json()["items"]
    assert actors and all(a["events"] > 0 for a in actors)
    days = client.get("/api/timeline?type=FIGHT").json()["days"]
    assert days and {d["type"] for d in days} == {"FIGHT"}
    grid = client.get("/api/events/grid?zoom=3").json()
    assert sum(c["count"] for c in grid["cells"]) == 300
    assert client.get("/api/facets").json()["types"]


def test_stories_alerts_articles_endpoints_answer(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/stories").status_code == 200
    assert client.get("/api/stories/s-none").status_code == 404
    assert client.get("/api/alerts").json() == {"items": []}
    assert client.get("/api/articles?q=anything").json()["items"] == []
    assert client.get("/api/articles/abcdef").status_code == 404
    assert client.get('/api/articles?q="unbalanced').status_code in (200, 400)


def test_exports_stream_every_format_with_review_state(client) -> None:  # type: ignore[no-untyped-def]
    text = client.get("/api/export/events.csv?country=IQ").text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {"event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "fatalities",
                     "latitude", "longitude", "geo_precision", "review_status"} <= set(rows[0])
    assert all(r["country"] == "IQ" for r in rows)
    gj = client.get("/api/export/events.geojson?type=FIGHT").json()
    assert gj["type"] == "FeatureCollection" and gj["features"][0]["geometry"]["type"] == "Point"
    lines = client.get("/api/export/events.jsonl?limit=5&country=CO").text.splitlines()
    assert lines and all(json.loads(x)["country"] == "CO" for x in lines)
    pa = pytest.importorskip("pyarrow.parquet")
    r = client.get("/api/export/events.parquet?type=FIGHT")
    table = pa.read_table(io.BytesIO(r.content))
    assert table.num_rows == len(gj["features"]) and "review_status" in table.column_names


def test_security_headers_and_body_limit(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    big = client.post("/api/events/x/notes", content=b"x" * 2_000_000, headers={"content-type": "application/json"})
    assert big.status_code == 413


def test_openapi_is_published(client) -> None:  # type: ignore[no-untyped-def]
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles", "/api/stories", "/api/alerts",
            "/api/places", "/api/actors", "/api/export/events.{fmt}"} <= set(spec["paths"])


def test_read_token_setting_protects_reading(tmp_path: Path) -> None:
    c, _, token = synthetic_env(tmp_path, n=40, web_read_token_required=True)
    with c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/events", headers={"Authorization": "Bearer ww_bad_token"}).status_code == 401
        assert c.get("/api/events", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        assert c.get("/").status_code == 401
