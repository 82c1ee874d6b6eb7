"""Place and country names in the interface language (the gazetteer's display names), on pages and the API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from web_helpers import config_for
from wirewatch.web.placenames import country_label, place_label

BAGHDAD = {"name": "Baghdad", "text": "Baghdad", "ref": "gn:98182", "lat": 33.34, "lon": 44.40,
           "feature": "city", "country": "IQ", "admin1": "07", "precision": 1, "span": None}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from wirewatch.web.app import create_app
    from wirewatch.web.db import WebDB
    from wirewatch.web.synth import fill

    db_path: Path = tmp_path_factory.mktemp("placenames") / "web.db"
    db = WebDB(db_path)
    fill(db, 6, seed=5)
    (raw,) = db.one("SELECT record FROM fusion_canonical WHERE canonical_id = 'ce-syn0000000'") or ("",)
    record = {**json.loads(raw), "place": BAGHDAD}
    with db.tx() as conn:
        conn.execute("UPDATE fusion_canonical SET record = ?, country = 'IQ' WHERE canonical_id = 'ce-syn0000000'",
                     (json.dumps(record),))
    db.close()
    with TestClient(create_app(config_for(db_path))) as c:
        yield c


def test_labels_fall_back_to_the_stored_name() -> None:
    assert place_label("es", "gn:98182", "Baghdad") == "Bagdad"
    assert place_label("en", "gn:98182", "Baghdad") == "Baghdad"  # no separate English name: the stored one
    assert place_label("pt", "analyst", "Ponto X") == "Ponto X"  # an analyst's point has no gazetteer entry
    assert place_label("es", None, None) == ""
    assert country_label("pt", "IQ") == "Iraque" and country_label("es", "ZZ") == "ZZ"
    assert country_label("es", None) == ""


@pytest.mark.parametrize(("lang", "place", "country"), [
    ("es", "Bagdad", "Irak"), ("pt", "Bagdá", "Iraque"), ("en", "Baghdad", "Iraq"),
])
def test_event_page_shows_the_place_in_the_interface_language(client: Any, lang: str, place: str,
                                                             country: str) -> None:
    html = client.get(f"/events/ce-syn0000000?lang={lang}").text
    assert f'title="Baghdad">{place}</span>, {country}' in html


def test_api_adds_labels_and_keeps_stored_names(client: Any) -> None:
    item = next(e for e in client.get("/api/events?display_lang=pt").json()["items"] if e["id"] == "ce-syn0000000")
    assert (item["place_name"], item["country"]) == ("Baghdad", "IQ")  # stored values unchanged
    assert (item["place_label"], item["country_label"]) == ("Bagdá", "Iraque")
    # without the parameter the UI's language cookie decides, as for the pages
    client.cookies.set("ww_lang", "es")
    try:
        item = next(e for e in client.get("/api/events").json()["items"] if e["id"] == "ce-syn0000000")
    finally:
        client.cookies.clear()
    assert item["place_label"] == "Bagdad"
    places = client.get("/api/places?display_lang=es").json()["items"]
    assert {"ref": "gn:98182", "label": "Bagdad", "country_label": "Irak"}.items() <= next(
        p for p in places if p["ref"] == "gn:98182").items()


def test_country_facet_shows_names_and_filters_by_code(client: Any) -> None:
    html = client.get("/?lang=es").text
    assert '<option value="IQ" >Irak</option>' in html
    assert client.get("/api/events?country=IQ").json()["items"]


def test_bad_display_lang_is_a_4xx(client: Any) -> None:
    assert client.get("/api/events?display_lang=fr").status_code == 422
