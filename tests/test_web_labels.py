"""Event types, ACLED labels, certainty and article tags shown in the interface language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from web_helpers import synthetic_app
from wirewatch.records import Article, Span
from wirewatch.storage.common import fold
from wirewatch.taxonomy import ACLED_TYPES, PLOVER_TYPES, SUB_EVENT_TYPES
from wirewatch.web.labels import (
    _TAGS,
    acled_label,
    certainty_label,
    js_labels,
    story_label_in,
    tag_label,
    type_label,
)
from wirewatch.web.lang import LANGS, strings


def test_every_type_has_a_label_in_every_language() -> None:
    for lang in LANGS:
        table = strings(lang)
        assert all(f"plover.{t}" in table for t in PLOVER_TYPES)
        assert all(f"acled.{t}" in table for t in ACLED_TYPES)
        assert all(f"sub.{t}" in table for t in SUB_EVENT_TYPES)
    assert type_label("es", "ASSAULT") == "Agresión" and type_label("pt", "PROTEST") == "Protesto"
    assert acled_label("es", "Battles") == "Combates" and acled_label("pt", "Armed clash") == "Confronto armado"
    assert acled_label("en", "Air/drone strike") == "Air/drone strike"
    assert type_label("es", "NOT_A_TYPE") == "NOT_A_TYPE" and acled_label("pt", None) == ""
    assert certainty_label("pt", "probable") == "provável"
    assert js_labels("es")["plover"]["ASSAULT"] == "Agresión" and js_labels("pt")["acled"]["Attack"] == "Ataque"


def test_tags_follow_the_interface_language() -> None:
    assert tag_label("en", "Desplazamiento") == "Displacement"
    assert tag_label("pt", "desplazamiento") == "deslocamento"
    assert tag_label("es", "Insurgency") == "Insurgencia"
    assert tag_label("en", "cessar-fogo") == "ceasefire" and tag_label("en", "orden publico") == "public order"
    assert tag_label("es", "Garimpo") == "Minería"
    assert tag_label("pt", "ORDEN PÚBLICO") == "Segurança pública"
    assert tag_label("es", "Xylophone Club") == "Xylophone Club"  # no concept: shown as the outlet wrote it


def test_no_tag_spelling_belongs_to_two_concepts() -> None:
    owner: dict[str, int] = {}
    for n, line in enumerate(_TAGS.read_text(encoding="utf-8").splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        assert len(cells) == len(LANGS), line
        for spelling in {fold(s.strip()) for cell in cells for s in cell.split("|") if s.strip()}:
            assert owner.setdefault(spelling, n) == n, f"{spelling!r} is listed under two concepts"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    c, _ = synthetic_app(tmp_path_factory.mktemp("labels"), n=40)
    with c:
        text = "Armed men attacked a village on Monday."
        c.app.state.ctx.store.put_article(Article(
            id="tagged0000000001", text=text, lang="es", site="Diario", tags=("Desplazamiento", "Cauca"),
            paragraphs=(Span(0, len(text)),), sentences=(Span(0, len(text)),)))
        yield c


def test_pages_show_labels_in_the_chosen_language(client: Any) -> None:
    pt = client.get("/?lang=pt").text
    assert "Agressão" in pt and "Violência contra civis" in pt
    es = client.get("/?lang=es").text
    assert "Agresión" in es and 'value="ASSAULT"' in es  # the filter still sends the code
    cid = client.get("/api/events?type=ASSAULT&acled_type=Violence against civilians&limit=1").json()["items"][0]["id"]
    assert "Violencia contra civiles" in client.get(f"/events/{cid}?lang=es").text
    art = client.get("/articles/tagged0000000001?lang=en").text
    assert ">Displacement<" in art and ">Cauca<" in art and 'title="Desplazamiento"' in art
    assert ">Deslocamento<" in client.get("/articles/tagged0000000001?lang=pt").text


def test_story_labels_show_the_event_type_in_the_chosen_language() -> None:
    story = {"id": "s-1", "label": "Pemba · Battles", "top_places": ["Pemba", "Palma"], "top_actors": ["Militants"],
             "top_event_types": ["Battles", "ASSAULT"], "top_names": []}
    assert story_label_in("pt", story) == "Pemba · Palma · Militants · Combates"
    assert story_label_in("es", {**story, "top_event_types": ["SANCTION"]}).endswith("Sanción")
    assert story_label_in("es", {"id": "s-2", "label": "old label"}) == "old label"
