"""Canonical-event gates (actor sides, the detention family, supranational regions), story signature weights,
the fusion state's write-behind caches, the bulk loader of the scale benchmark and its CLI sizes."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import click
import pytest

from fusion_helpers import PALMA, T0, analysed
from wirewatch.cli.fusion import _sizes
from wirewatch.fusion import Fuser, FusionState
from wirewatch.fusion.bulk import BulkLoader
from wirewatch.fusion.canonical import actors_compatible, mention_data, types_compatible
from wirewatch.fusion.signature import article_signature
from wirewatch.fusion.synth import SyntheticNews
from wirewatch.records import ActorMention, Place, Span

ES = ("Hombres armados del grupo secuestraron a nueve comerciantes en el mercado de Palma el martes, según "
      "fuentes locales. Las familias piden su liberación y el ejército busca a los secuestradores.")
EN = ("Fighters captured nine traders at the Palma market on Tuesday and took them into the forest, "
      "residents said. The army said it was searching the area.")
PT = ("Homens armados raptaram nove comerciantes no mercado de Palma na terça-feira, segundo moradores. "
      "O exército diz que está a fazer buscas na zona.")


def _m(plover: str = "ASSAULT", sub: str | None = "Attack", actors: tuple[str, ...] = (),
       parties: tuple[str, ...] | None = None) -> dict[str, Any]:
    return {"plover_type": plover, "acled_sub_event_type": sub, "actor_ids": list(actors),
            "party_ids": list(parties if parties is not None else actors)}


def test_a_perpetrator_named_as_the_other_reports_target_is_compatible() -> None:
    insurgents_hit_army = _m(actors=("isis",), parties=("isis", "mil-sy"))
    army_attacked = _m(actors=("mil-sy",))
    assert actors_compatible(insurgents_hit_army, army_attacked)
    assert actors_compatible(army_attacked, insurgents_hit_army)
    assert not actors_compatible(_m(actors=("eln",)), _m(actors=("farc",)))
    assert actors_compatible(_m(actors=("gen-gunmen",)), _m(actors=("eln",)))


def test_arrest_and_abduction_merge_only_with_a_shared_party() -> None:
    abduction = _m(sub="Abduction/forced disappearance", actors=("eln",))
    arrest = _m("COERCE", "Arrests", actors=("eln",))
    assert types_compatible(abduction, arrest)
    assert not types_compatible(abduction, _m("COERCE", "Arrests", actors=("pol-co",)))
    assert not types_compatible(_m(actors=("eln",)), arrest)  # an attack is not a seizure of people


def _seizure(text: str, lang: str, site: str, plover: str, sub: str, hours: float) -> Any:
    art = analysed(text, lang, site=site, hours=hours, where=PALMA, day=date(2024, 3, 26), plover=plover)
    ev = dataclasses.replace(art.events[0], acled_sub_event_type=sub,
                             actors=(ActorMention(Span(0, 1), "group", actor_id="group-x"),))
    return dataclasses.replace(art, events=(ev,))


def test_reports_calling_one_seizure_an_arrest_and_an_abduction_become_one_event() -> None:
    fuser = Fuser(FusionState())
    es = _seizure(ES, "es", "a.example", "ASSAULT", "Abduction/forced disappearance", 0)
    en = _seizure(EN, "en", "b.example", "COERCE", "Arrests", 2)
    pt = _seizure(PT, "pt", "c.example", "ASSAULT", "Abduction/forced disappearance", 4)
    ids = {fuser.add(a).canonical_ids for a in (es, en, pt)}
    assert len(ids) == 1


def test_a_supranational_region_does_not_locate_an_event() -> None:
    art = analysed(EN, "en", site="a.example", day=date(2024, 3, 26))
    region = Place(Span(0, 5), "Sahel", "Sahel", "sup:sahel", 15.0, 0.0, "region", None, None, precision=2)
    ev = dataclasses.replace(art.events[0], place=region)
    assert mention_data(art, ev, None, None)["place"] is None


def test_a_date_counts_once_and_generic_actors_weigh_less_than_named_groups() -> None:
    art = analysed(PT, "pt", site="a.example", where=PALMA, day=date(2024, 3, 26), actor="isis")
    ev = art.events[0]
    generic = dataclasses.replace(ev, id="e2", actors=(ActorMention(Span(0, 1), "homens", actor_id="gen-gunmen"),))
    sig = article_signature(dataclasses.replace(art, events=(ev, generic)))
    once = article_signature(art)
    assert sig.features["dt:2024-03-26"] == once.features["dt:2024-03-26"]
    assert sig.features["ac:gen-gunmen"] < sig.features["ac:isis"]


def test_frequencies_are_written_at_commit_and_another_connection_sees_them(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    a, b = FusionState(db), FusionState(db)
    b.begin()
    assert b.document_frequencies(["w:es:mercado"]) == {}
    b.commit()
    a.begin()
    a.add_document_frequencies(["w:es:mercado", "pl:gn:1"])
    assert a.n_docs() == 1 and a.document_frequencies(["w:es:mercado"]) == {"w:es:mercado": 1}
    a.commit()
    b.begin()  # b's cache predates a's commit: dropped because the database changed
    assert b.n_docs() == 1 and b.document_frequencies(["w:es:mercado", "x"]) == {"w:es:mercado": 1}
    b.add_document_frequencies(["w:es:mercado"])
    b.rollback()
    assert b.n_docs() == 1 and b.document_frequencies(["w:es:mercado"]) == {"w:es:mercado": 1}
    a.close()
    b.close()


def test_story_postings_find_recent_stories_only() -> None:
    state = FusionState()
    when = T0.isoformat()
    story = {"articles": ["a1"], "features": {"pl:gn:1": 1.0}, "first_seen": when, "last_seen": when,
             "langs": {"pt": 1}, "labels": {}}
    state.begin()
    state.put_story("s-1", story, ["pl:gn:1"])
    state.put_story("s-1", {**story, "articles": ["a1", "a2"]}, ["pl:gn:1", "nm:palma"])
    state.commit()
    assert state.story_candidates(["nm:palma"], (T0 - timedelta(days=7)).isoformat()) == {"s-1": 2}
    assert state.story_candidates(["pl:gn:1"], (T0 + timedelta(hours=1)).isoformat()) == {}


def test_bulk_loaded_store_takes_new_articles_through_the_normal_path() -> None:
    state = FusionState()
    news = SyntheticNews(5, places=200, vocab=3000)
    loader = BulkLoader(state, news, news.start - timedelta(days=2), per_day=200)
    loader.load(400)
    counts = state.counts()
    assert counts["fused_articles"] == 400 and counts["stories"] == loader.stories
    assert state.n_docs() == 400
    news.start = loader.clock
    fuser = Fuser(state)
    for article in news.articles(30):
        fuser.add(article)
    assert state.counts()["fused_articles"] == 430


def test_bench_sizes_option() -> None:
    assert _sizes("10000,100000") == [10000, 100000]
    assert _sizes("1000000") == [10000, 100000, 1000000]
    assert _sizes(None) == []
    with pytest.raises(click.BadParameter):
        _sizes("ten")
