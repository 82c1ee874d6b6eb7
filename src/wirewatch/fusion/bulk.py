"""Bulk-load synthetic fusion state, to measure incremental fusion against a large store quickly.

Fusing 1,000,000 articles one by one through ``Fuser.add`` would take hours; the growth curve only needs a store
of that size whose tables, indexes and posting lists look like the real ones. ``bulk_load`` writes them directly
through ``FusionState``'s connection in large transactions: per article a random MinHash signature (unrelated
texts have independent signatures) and its 21 LSH band rows; per story the centroid state, its index postings
and one canonical event with one mention per article; document frequencies and the document count. Places,
actors, names and words come from the same pools as ``SyntheticNews``, so the timed articles meet realistic
posting lists. Canonical rows carry a compact placeholder record (``{"id", "bench": true}``) instead of the full
reconciled record: nothing on the incremental path reads the record of an event it does not merge into.
"""

from __future__ import annotations

import json
import marshal
import math
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from ..records import to_dict
from . import neardup
from .state import FusionState, _day_stamp, grid_cell
from .stories import _norms
from .synth import EVENT_TYPES, LANGS, SyntheticNews

CHUNK = 20_000  # articles per transaction
LSH_INDEX = "CREATE INDEX IF NOT EXISTS fusion_lsh_bucket ON fusion_lsh(band, bucket)"  # as in state.SCHEMA


@dataclass
class _Story:
    sid: str
    place: int
    plover: str
    actor: str
    names: list[str]
    words: dict[str, list[str]]
    day: str
    killed: int


class BulkLoader:
    """Appends synthetic articles to a store, ``per_day`` of them a day, continuing from ``clock``."""

    def __init__(self, state: FusionState, news: SyntheticNews, clock: datetime, per_day: int = 5000,
                 seed: int = 3) -> None:
        self.state = state
        self.news = news
        self.clock = clock
        self.step = timedelta(days=1) / per_day
        self.rng = random.Random(seed)
        self.np_rng = np.random.default_rng(seed)
        self.loaded = 0
        self.stories = 0
        self._places: dict[int, dict[str, Any]] = {}

    def load(self, n: int) -> None:
        """Write ``n`` more articles (in transactions of ``CHUNK``); the clock moves on by n / per_day days."""
        done = 0
        # a large load appends to the LSH table without its index and rebuilds the index by one sort
        # afterwards: far cheaper than millions of random B-tree insertions
        rebuild = n >= 10 * CHUNK
        if rebuild:
            self.state.conn.execute("DROP INDEX IF EXISTS fusion_lsh_bucket")
        while done < n:
            size = min(CHUNK, n - done)
            self._chunk(size)
            done += size
        if rebuild:
            self.state.conn.execute(LSH_INDEX)

    def _chunk(self, n: int) -> None:
        articles: list[tuple[Any, ...]] = []
        lsh: list[tuple[int, bytes, str]] = []
        df: Counter[str] = Counter()
        stories: list[tuple[Any, ...]] = []
        postings: list[tuple[str, str, str]] = []
        events: list[tuple[Any, ...]] = []
        mention_of: list[tuple[str, str, str]] = []
        sigs = self.np_rng.integers(0, 2**63, size=(n, neardup.NUM_PERM), dtype=np.uint64)
        i = 0
        for story, size in self._stories(n):
            ids, feats, mentions, first = [], Counter[str](), [], self.clock.isoformat()
            for _ in range(size):
                aid = f"bk{self.loaded:014d}"
                self.loaded += 1
                lang = self.rng.choice(LANGS)
                feats.update(self._features(story, lang))
                sig = sigs[i]
                i += 1
                articles.append((aid, aid, story.sid, f"site{self.rng.randrange(300)}.example", lang,
                                 self.clock.isoformat(), sig.tobytes()))
                lsh.extend((b, bucket, aid) for b, bucket in enumerate(neardup.bands(sig)))
                mentions.append(self._mention(story, aid))
                mention_of.append((aid, "e1", f"ce-{story.sid}"))
                ids.append(aid)
                self.clock += self.step
            df.update(feats)  # an article counts each feature once, so the story's counts add up to the df
            last = self.clock.isoformat()
            stories.append(self._story_row(story, ids, feats, first, last))
            stamp = _day_stamp(last)
            postings.extend((f, story.sid, stamp) for f in feats if f.split(":", 1)[0] in ("pl", "ac", "nm"))
            events.append(self._event_row(story, mentions))
        self._write(articles, lsh, df, stories, postings, events, mention_of)

    def _stories(self, n: int) -> Iterator[tuple[_Story, int]]:
        left = n
        while left > 0:
            size = min(left, 40, int(self.rng.paretovariate(1.6)))
            left -= size
            self.stories += 1
            yield self._new_story(), size

    def _new_story(self) -> _Story:
        rng, vocab = self.rng, self.news.vocab
        return _Story(
            sid=f"s-bk{self.stories:010d}", place=rng.randrange(len(self.news.places)),
            plover=rng.choice(EVENT_TYPES), actor=f"actor{rng.randrange(400)}",
            names=[f"name{rng.randrange(50000)}" for _ in range(3)],
            words={lang: [vocab[lang][k] for k in rng.sample(range(2000, len(vocab[lang])), 8)] for lang in LANGS},
            day=self.clock.date().isoformat(), killed=rng.choice([0, 1, 2, 3, 5, 8, 12, 20, 35]),
        )

    def _features(self, story: _Story, lang: str) -> list[str]:
        place = self.news.places[story.place]
        feats = [f"pl:{place.ref}", f"a1:{place.country}.{place.admin1}", f"cc:{place.country}",
                 f"ac:{story.actor}", f"ev:{story.plover}", f"dt:{story.day}"]
        if story.killed:
            feats.append(f"fg:killed:{story.killed}")
        feats += [f"nm:{n}" for n in story.names]
        common = self.rng.choices(self.news.vocab[lang][:2000], k=10)
        feats += [f"w:{lang}:{w}" for w in {*story.words[lang], *common}]
        return feats

    def _story_row(self, story: _Story, ids: list[str], feats: Counter[str], first: str,
                   last: str) -> tuple[Any, ...]:
        weights = {f: 2.0 * (1.0 + math.log(n)) for f, n in feats.most_common(200)}
        norm, norm_li = _norms(weights)
        state = {"articles": ids, "features": weights, "first_seen": first, "last_seen": last,
                 "langs": {}, "labels": {}, "norm": norm, "norm_li": norm_li}
        return (story.sid, first, last, len(ids), marshal.dumps(state))

    def _mention(self, story: _Story, aid: str) -> dict[str, Any]:
        place = self._place_dict(story.place)
        fig = {"low": story.killed, "best": story.killed, "high": story.killed} if story.killed else None
        return {
            "article_id": aid, "event_id": "e1", "plover_type": story.plover, "mode": None,
            "acled_event_type": None, "acled_sub_event_type": None, "place": place,
            "country": place["country"], "date_start": story.day, "date_end": story.day, "time_precision": 1,
            "actor_ids": [story.actor], "party_ids": [story.actor], "actors": [], "recipients": [],
            "fatalities": fig, "injured": None, "certainty": "asserted", "source": None, "site": None,
            "url": None, "published": self.clock.isoformat(), "dup_group": aid, "story_id": story.sid,
            "sentence": [0, 1], "trigger": [0, 1], "text": "",
        }

    def _place_dict(self, index: int) -> dict[str, Any]:
        found = self._places.get(index)
        if found is None:
            found = self._places[index] = to_dict(self.news.places[index])
        return found

    def _event_row(self, story: _Story, mentions: list[dict[str, Any]]) -> tuple[Any, ...]:
        place = self.news.places[story.place]
        rep = {"plover_type": story.plover, "acled_sub_event_type": None, "place": mentions[0]["place"],
               "country": place.country, "date_start": story.day, "date_end": story.day, "time_precision": 1,
               "actor_ids": [story.actor], "party_ids": [story.actor], "story_id": story.sid}
        cid = f"ce-{story.sid}"
        dump = json.dumps
        return (cid, story.plover, place.country, story.day, story.day, story.sid, len(mentions),
                dump({"id": cid, "bench": True}), dump(mentions), dump(rep), place.lat, place.lon,
                grid_cell(place.lat, place.lon))

    def _write(self, articles: list[tuple[Any, ...]], lsh: list[tuple[int, bytes, str]], df: Counter[str],
               stories: list[tuple[Any, ...]], postings: list[tuple[str, str, str]],
               events: list[tuple[Any, ...]], mention_of: list[tuple[str, str, str]]) -> None:
        conn = self.state.conn
        self.state.begin()
        conn.executemany("INSERT INTO fusion_articles(article_id, dup_group, story_id, site, lang, published, "
                         "minhash) VALUES (?, ?, ?, ?, ?, ?, ?)", articles)
        conn.executemany("INSERT INTO fusion_lsh(band, bucket, article_id) VALUES (?, ?, ?)", lsh)
        conn.executemany("INSERT INTO fusion_stories(story_id, first_seen, last_seen, n_articles, state) "
                         "VALUES (?, ?, ?, ?, ?)", stories)
        conn.executemany("INSERT OR REPLACE INTO fusion_story_index(feature, story_id, last_seen) "
                         "VALUES (?, ?, ?)", postings)
        conn.executemany("INSERT INTO fusion_canonical(canonical_id, type_key, country, date_start, date_end, "
                         "story_id, n_mentions, record, mentions, rep, lat, lon, cell) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events)
        conn.executemany("INSERT INTO fusion_mention_of(article_id, event_id, canonical_id) VALUES (?, ?, ?)",
                         mention_of)
        self.state.add_counts(df, len(articles))  # through the state, so that its cached counts stay right
        self.state.commit()
