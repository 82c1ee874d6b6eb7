"""One behaviour suite run against both backends (SQLite file and in-memory twin)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from wirewatch.errors import NotFoundError, UsageError
from wirewatch.pipeline import article_from_text
from wirewatch.records import (
    ActorMention,
    Article,
    Claim,
    Event,
    Figure,
    IngestEntry,
    Place,
    RawInput,
    Source,
    Span,
)
from wirewatch.storage import open_store
from wirewatch.storage.base import ArticleQuery, ClaimQuery, EventQuery, PlaceQuery, Store
from wirewatch.storage.memory import MemoryStore
from wirewatch.storage.sqlite import SqliteStore


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    s: Store = SqliteStore(tmp_path / "t.db") if request.param == "sqlite" else MemoryStore()
    yield s
    s.close()


def make(text: str, url: str | None = None, *, lang: str = "en", day: int = 1, title: str | None = None,
         site: str | None = None, tags: tuple[str, ...] = ()) -> Article:
    published = datetime(2024, 3, day, 12, 0, tzinfo=UTC)
    art = article_from_text(text, lang=lang, published=published, url=url, title=title, site=site)
    return dataclasses.replace(art, tags=tags)


def find(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


def analysed(article: Article) -> Article:
    """Hand-made places, events and claims on a sentence about Mosul."""
    t = article.text
    mosul = Place(span=find(t, "Mosul"), text="Mosul", name="Mosul", ref="gn:99072", lat=36.34, lon=43.13,
                  feature="city", country="IQ", admin1="Nineveh")
    baghdad = Place(span=find(t, "Baghdad"), text="Baghdad", name="Baghdad", ref="gn:98182", lat=33.34,
                    lon=44.40, feature="city", country="IQ", metonymy=True)
    killed = Figure(span=find(t, "12 people"), category="killed", low=12, best=12, high=12)
    army = ActorMention(span=find(t, "Iraqi army"), text="Iraqi army", actor_id="IRQ-MIL",
                        name="Iraqi Armed Forces")
    attack = Event(id="e1", plover_type="ASSAULT", trigger=find(t, "attacked"), sentence=Span(0, len(t)),
                   acled_event_type="Battles", actors=(army,), place=mosul, date_start=date(2024, 2, 28),
                   fatalities=killed)
    planned = Event(id="e2", plover_type="PROTEST", trigger=find(t, "march"), sentence=Span(0, len(t)),
                    future=True, place=mosul)
    claim = Claim(id="c1", span=Span(0, len(t)), certainty="probable",
                  source=Source(span=find(t, "officials"), text="officials", kind="official"),
                  contradicts=("other#c2",))
    return dataclasses.replace(article, places=(mosul, baghdad), figures=(killed,), events=(attack, planned),
                               claims=(claim,), sentences=(Span(0, len(t)),))


MOSUL = ("The Iraqi army attacked a village near Mosul, killing 12 people, officials in Baghdad said; "
         "residents plan a march.")


def test_put_get_and_prefix(store: Store) -> None:
    a = make("Floods hit Beira.", "https://x.test/a")
    assert store.put_article(a).status == "ok"
    assert store.get_article(a.id) == a
    assert store.get_article(a.id[:6]).id == a.id
    with pytest.raises(UsageError):
        store.get_article(a.id[:3])
    with pytest.raises(NotFoundError):
        store.get_article("ffffffffffff")


def test_ambiguous_prefix_lists_candidates(store: Store) -> None:
    for i, suffix in enumerate(("0001", "0002")):
        a = make(f"Story number {i} about Cali.", f"https://x.test/{i}")
        store.put_article(dataclasses.replace(a, id="abcdef12" + suffix))
    with pytest.raises(UsageError, match=r"ambiguous.*abcdef120001.*abcdef120002"):
        store.get_article("abcdef")
    assert store.get_article("abcdef120002").text == "Story number 1 about Cali."


def test_dedup_duplicate_and_syndicated(store: Store) -> None:
    a = make("Protesters marched in São Paulo on Tuesday.", "https://x.test/a")
    assert store.put_article(a).status == "ok"
    again = store.put_article(a)
    assert (again.status, again.duplicate_of) == ("duplicate", a.id)
    # same text, other URL, different case and spacing: syndicated copy
    b = make("protesters  marched in São Paulo on Tuesday.", "https://other.test/b")
    res = store.put_article(b)
    assert (res.status, res.duplicate_of) == ("duplicate", a.id)
    assert store.count_articles(ArticleQuery()) == 1


def test_revisions(store: Store) -> None:
    url = "https://x.test/story"
    v1 = make("Five people died in Tumaco.", url)
    v2 = make("Seven people died in Tumaco, police said.", url, day=2)
    v3 = make("Eight people died in Tumaco, police said on Friday.", url, day=3)
    raw = RawInput(source=url, data=b"<html>v2</html>", url=url, headers={"content-type": "text/html"})
    assert store.put_article(v1).status == "ok"
    r2 = store.put_article(v2, raw)
    assert (r2.status, r2.duplicate_of, r2.revision) == ("revised", v1.id, 2)
    r3 = store.put_article(v3)
    assert (r3.status, r3.duplicate_of, r3.revision) == ("revised", v2.id, 3)
    assert [x.id for x in store.revisions(v1.id)] == [v1.id, v2.id, v3.id]
    assert [x.id for x in store.search_articles(ArticleQuery())] == [v3.id]
    assert {x.id for x in store.search_articles(ArticleQuery(latest_only=False))} == {v1.id, v2.id, v3.id}
    got = store.get_raw(v2.id)
    assert got is not None and got.data == b"<html>v2</html>" and got.headers == raw.headers
    assert store.get_raw(v1.id) is None
    assert store.stats()["revisions"] == 2


@pytest.mark.parametrize(("query", "langs"), [
    ("Bogota", {"es"}), ("bogotá", {"es"}), ("BOGOTA", {"es"}), ("mossul", {"pt"}), ("Mossul", {"pt"}),
    ("ataque", {"pt"}), ("ataq*", {"pt"}), ("atac*", set()), ('"ataque em Mossul"', {"pt"}),
    ('"Mossul ataque"', set()), ("Mossul OR bogota", {"pt", "es"}), ("Mossul NOT ataque", set()),
    ("-ataque paz", {"es"}), ("-paz paz", set()), ("Lima", set()), ('Mosul AND "', set()),
    ('mossul AND "', {"pt"}), ("bogota paz", {"es"}), ("bogota mortos", set()),
])
def test_search_folds_case_and_diacritics(store: Store, query: str, langs: set[str]) -> None:
    store.put_article(make("Um ataque em Mossul deixou mortos.", "https://x.test/pt", lang="pt"))
    store.put_article(make("Marcha por la paz.", "https://x.test/es", lang="es", title="Bogotá"))
    found = store.search_articles(ArticleQuery(text=query))
    assert {a.lang for a in found} == langs
    assert store.count_articles(ArticleQuery(text=query)) == len(found)


@pytest.mark.parametrize("query", ['"', "AND", "()", "NOT x", ":", "*"])
def test_search_without_words_is_a_usage_error(store: Store, query: str) -> None:
    store.put_article(make("Anything at all.", "https://x.test/a"))
    with pytest.raises(UsageError):
        store.search_articles(ArticleQuery(text=query))


def test_search_odd_punctuation_never_crashes(store: Store) -> None:
    store.put_article(make("Clashes in al-Qaim: 3 dead (police).", "https://x.test/a"))
    for q in ['al-Qaim', 'al-Qaim:', '(police)', 'NEAR(a b)', 'dead^', '"3 dead', 'col:umn', "it's"]:
        store.search_articles(ArticleQuery(text=q))
    assert len(store.search_articles(ArticleQuery(text="al-Qaim"))) == 1


def test_filters(store: Store) -> None:
    store.put_article(make("English story one.", "https://a.test/1", lang="en", day=1, site="Alpha",
                           tags=("Iraq", "Conflict")))
    store.put_article(make("Historia en español.", "https://b.test/2", lang="es", day=5, site="Última Hora",
                           tags=("Colombia",)))
    store.put_article(make("História em português.", "https://c.test/3", lang="pt", day=9, site="Alpha"))
    q = ArticleQuery
    assert [a.lang for a in store.search_articles(q())] == ["pt", "es", "en"]  # newest first
    assert [a.lang for a in store.search_articles(q(lang="es"))] == ["es"]
    assert {a.lang for a in store.search_articles(q(site="alpha"))} == {"en", "pt"}
    assert [a.lang for a in store.search_articles(q(tag="iraq"))] == ["en"]
    since, until = datetime(2024, 3, 2, tzinfo=UTC), datetime(2024, 3, 9, tzinfo=UTC)
    assert [a.lang for a in store.search_articles(q(since=since, until=until))] == ["es"]
    assert [a.lang for a in store.search_articles(q(limit=1, offset=1))] == ["es"]
    assert store.count_articles(q(site="Alpha")) == 2
    assert [a.lang for a in store.search_articles(q(site="ultima  HORA"))] == ["es"]
    assert [a.lang for a in store.iter_articles(q(limit=1))] == ["pt", "es", "en"]
    assert store.count_articles(q(status="ok")) == 3


def test_update_article_refreshes_indexes(store: Store) -> None:
    a = make(MOSUL, "https://x.test/m", title="Attack")
    store.put_article(a)
    assert store.count_events(EventQuery()) == 0
    store.update_article(analysed(dataclasses.replace(a, title="Attack near Mosul")))
    assert store.count_events(EventQuery()) == 1
    assert len(store.search_articles(ArticleQuery(text="village"))) == 1
    assert store.get_article(a.id).title == "Attack near Mosul"
    with pytest.raises(NotFoundError):
        store.update_article(make("never stored", "https://x.test/none"))


def test_derived_rows(store: Store) -> None:
    a = analysed(make(MOSUL, "https://x.test/m", lang="en"))
    store.put_article(a)
    events = list(store.iter_events(EventQuery()))
    assert [e.event.id for e in events] == ["e1"]
    assert events[0].event == a.events[0] and events[0].site is None and events[0].lang == "en"
    assert store.count_events(EventQuery(include_flagged=True)) == 2
    assert [e.event.id for e in store.iter_events(EventQuery(flags=("future",)))] == ["e2"]
    assert store.count_events(EventQuery(actor="iraqi army")) == 1
    assert store.count_events(EventQuery(actor="IRQ-MIL")) == 1
    assert store.count_events(EventQuery(actor="rebels")) == 0
    assert store.count_events(EventQuery(country="IQ", acled_event_type="Battles")) == 1
    assert store.count_events(EventQuery(bbox=(43.0, 36.0, 44.0, 37.0))) == 1
    assert store.count_events(EventQuery(bbox=(0.0, 0.0, 1.0, 1.0))) == 0
    feb = EventQuery(since=datetime(2024, 2, 28, tzinfo=UTC), until=datetime(2024, 2, 29, tzinfo=UTC))
    assert store.count_events(feb) == 1
    assert store.count_events(EventQuery(since=datetime(2024, 3, 1, tzinfo=UTC))) == 0
    with pytest.raises(UsageError):
        store.count_events(EventQuery(flags=("imaginary",)))

    counts = store.place_counts(PlaceQuery())
    assert [(c.ref, c.mentions, c.articles) for c in counts] == [("gn:99072", 1, 1)]
    assert len(store.place_counts(PlaceQuery(include_metonymy=True))) == 2
    assert [p.place for p in store.iter_places(PlaceQuery(country="IQ"))] == [a.places[0]]

    claims = list(store.iter_claims(ClaimQuery(source="OFFICIAL")))
    assert len(claims) == 1 and claims[0].claim == a.claims[0] and claims[0].sentence == MOSUL
    assert list(store.iter_claims(ClaimQuery(contradicted=False))) == []
    assert len(list(store.iter_claims(ClaimQuery(certainty="probable", article_id=a.id)))) == 1
    stats = store.stats()
    assert (stats["events"], stats["places"], stats["claims"]) == (2, 2, 1)


def test_superseded_revisions_leave_derived_queries(store: Store) -> None:
    url = "https://x.test/m"
    store.put_article(analysed(make(MOSUL, url)))
    store.put_article(analysed(make(MOSUL + " Updated.", url, day=2)))
    assert store.count_events(EventQuery()) == 1
    assert len(list(store.iter_claims(ClaimQuery()))) == 1


def test_ingest_log_and_raw(store: Store) -> None:
    ok = store.log(IngestEntry(source="a.html", status="ok", kind="file", article_id="abc"))
    raw = RawInput(source="b.html", data=b"\x89PNG\r\n\x1a\n", hints={"kind": "file"})
    bad = store.log(IngestEntry(source="b.html", status="failed", reason="binary file", kind="file"), raw)
    assert ok.id is not None and bad.id is not None and bad.at is not None
    assert [e.source for e in store.ingest_log()] == ["b.html", "a.html"]
    failed = store.ingest_log(status="failed")
    assert [(e.reason, e.id) for e in failed] == [("binary file", bad.id)]
    got = store.get_log_raw(bad.id)
    assert got is not None and got.data == raw.data and got.hints == raw.hints
    assert store.get_log_raw(ok.id) is None
    assert len(store.ingest_log(limit=1)) == 1
    assert store.stats()["failed"] == 1


def test_open_store(tmp_path: Path) -> None:
    assert isinstance(open_store(":memory:"), MemoryStore)
    s = open_store(tmp_path / "sub" / "x.db")
    assert isinstance(s, SqliteStore)
    s.close()


def test_codec_matches_records_json() -> None:
    from wirewatch.records import from_dict, to_dict
    from wirewatch.storage import codec

    a = analysed(make(MOSUL, "https://x.test/m", tags=("Iraq",)))
    assert codec.encode(a) == to_dict(a)
    assert codec.decode(Article, to_dict(a)) == a == from_dict(Article, codec.encode(a))
    assert codec.decode(Event, to_dict(a.events[0])) == a.events[0]


def test_event_order_is_the_same_in_both_backends(store: Store) -> None:
    for i, day in enumerate((3, 5, 3)):
        a = analysed(make(MOSUL + f" Report {i}.", f"https://x.test/{i}", day=day))
        events = tuple(dataclasses.replace(e, date_start=None) for e in a.events)  # filed under published day
        store.put_article(dataclasses.replace(a, events=events))
    got = [(e.published.day if e.published else 0, e.url) for e in store.iter_events(EventQuery())]
    assert got == [(5, "https://x.test/1"), (3, "https://x.test/2"), (3, "https://x.test/0")]


def test_update_while_iterating(store: Store) -> None:
    for i in range(450):  # more than one fetch batch
        store.put_article(make(f"Dispatch {i} from Quibdó.", f"https://x.test/{i}"))
    seen = 0
    for a in store.iter_articles(ArticleQuery()):
        store.update_article(dataclasses.replace(a, title="re-analysed"))
        seen += 1
    assert seen == 450 and store.count_articles(ArticleQuery(text="re-analysed quibdo")) == 450
