"""Actor names in the interface language on the event page and in story labels; stored names stay English."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from web_helpers import config_for
from wirewatch.web.labels import actor_label, story_label_in

ISIS = {"text": "Daesh", "name": "Islamic State (ISIS)", "actor_id": "isis", "span": None}
IRAQI_ARMY = {"text": "the Iraqi army", "name": "Military Forces of Iraq", "actor_id": "mil-iq", "span": None}
TYPED = {"text": "Local committee", "name": "Local committee", "actor_id": None, "span": None}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from wirewatch.web.app import create_app
    from wirewatch.web.db import WebDB
    from wirewatch.web.synth import fill

    db_path: Path = tmp_path_factory.mktemp("actorlabels") / "web.db"
    db = WebDB(db_path)
    fill(db, 4, seed=3)
    (raw,) = db.one("SELECT record FROM fusion_canonical WHERE canonical_id = 'ce-syn0000000'") or ("",)
    record = {**json.loads(raw), "actors": [ISIS, TYPED], "recipients": [IRAQI_ARMY]}
    with db.tx() as conn:
        conn.execute("UPDATE fusion_canonical SET record = ? WHERE canonical_id = 'ce-syn0000000'",
                     (json.dumps(record),))
    db.close()
    with TestClient(create_app(config_for(db_path))) as c:
        yield c


@pytest.mark.parametrize(("lang", "actor", "recipient"), [
    ("es", "Estado Islámico (ISIS)", "Fuerzas Armadas de Irak"),
    ("pt", "Estado Islâmico (ISIS)", "Forças Armadas — Iraque"),
    ("en", "Islamic State (ISIS)", "Military Forces of Iraq"),
])
def test_event_page_shows_actors_in_the_interface_language(client: Any, lang: str, actor: str,
                                                          recipient: str) -> None:
    html = client.get(f"/events/ce-syn0000000?lang={lang}").text
    assert f'title="Islamic State (ISIS)">{actor}</span>' in html
    assert f'title="Military Forces of Iraq">{recipient}</span>' in html
    assert ">Local committee</span>" in html  # a name the dictionary lacks is shown as stored


def test_stored_names_and_filters_stay_canonical(client: Any) -> None:
    items = client.get("/api/events?actor=isis&display_lang=es").json()["items"]
    assert [e["id"] for e in items] == ["ce-syn0000000"]
    assert "Islamic State (ISIS)" in items[0]["actor1"]


def test_actor_label_helper() -> None:
    assert actor_label("es", "gen-protesters", "Protesters") == "Manifestantes"
    assert actor_label("pt", None, "Government of United Kingdom") == "Governo — Reino Unido"
    assert actor_label("es", "unknown-id", "Stored name") == "Stored name"
    assert actor_label("es", None, None) == ""


def test_story_label_translates_its_actor() -> None:
    story = {"top_places": ["Pemba"], "top_actors": ["Defence and Security Forces of Mozambique (FDS)"],
             "top_event_types": ["FIGHT"], "top_names": []}
    assert "Fuerzas de Defensa y Seguridad de Mozambique (FDS)" in story_label_in("es", story)
    assert "Defence and Security Forces of Mozambique (FDS)" in story_label_in("en", story)
