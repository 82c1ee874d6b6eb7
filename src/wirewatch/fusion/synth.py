"""Synthetic-but-realistic analysed articles for the fusion scale benchmark.

Stories have a Zipf-like size distribution (most have 1–3 reports, a few dozens), a resolved place drawn from
a pool of 30,000 places clustered in a few conflict regions (about as many distinct locations as a year of a
global conflict dataset), an actor, an event type and a date; reports arrive over a
few days in English, Spanish or Portuguese with story words, background words from a Zipf vocabulary per
language, names, and a casualty figure that sometimes disagrees; one report in ten is a lightly edited copy of
another (a syndicated duplicate). Deterministic for a given seed.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from ..pipeline import article_id, text_hash
from ..records import ActorMention, Article, Event, Figure, Place, Span

LANGS = ("en", "es", "pt")
REGIONS = ((36.3, 43.1, "IQ"), (-11.0, 40.4, "MZ"), (3.0, -76.5, "CO"), (12.0, 13.0, "NG"), (35.0, 38.0, "SY"))
EVENT_TYPES = ("ASSAULT", "ASSAULT", "ASSAULT", "PROTEST", "COERCE", "MOBILIZE")


class SyntheticNews:
    def __init__(self, seed: int = 7, places: int = 30000, vocab: int = 20000) -> None:
        self.rng = random.Random(seed)
        self.places = [self._place(i) for i in range(places)]
        self.vocab = {lang: [f"{lang}w{i}" for i in range(vocab)] for lang in LANGS}
        self.cum_weights = list(itertools.accumulate(1.0 / (i + 1) for i in range(vocab)))  # Zipf
        self.start = datetime(2024, 1, 1, tzinfo=UTC)

    def _place(self, i: int) -> Place:
        lat0, lon0, cc = REGIONS[i % len(REGIONS)]
        lat, lon = lat0 + self.rng.uniform(-3, 3), lon0 + self.rng.uniform(-3, 3)
        return Place(Span(0, 5), f"Place{i}", f"Place{i}", f"gn:{9000000 + i}", lat, lon, "city", cc,
                     f"{i % 20:02d}", precision=1, confidence=0.8)

    def articles(self, n: int) -> Iterator[Article]:
        """``n`` articles in arrival order."""
        produced = 0
        story = 0
        clock = self.start
        while produced < n:
            size = min(40, int(self.rng.paretovariate(1.6)))
            for art in self._story(story, size, clock):
                yield art
                produced += 1
                if produced >= n:
                    return
            story += 1
            clock += timedelta(seconds=self.rng.expovariate(1 / 40))  # ~2,000 stories a day

    def _story(self, sid: int, size: int, when: datetime) -> Iterator[Article]:
        rng = self.rng
        place = rng.choice(self.places)
        plover = rng.choice(EVENT_TYPES)
        actor = f"actor{rng.randrange(400)}"
        # sampling indices picks exactly what sampling a slice would, without copying 18,000 words per story
        words = {lang: [self.vocab[lang][k] for k in rng.sample(range(2000, len(self.vocab[lang])), 12)]
                 for lang in LANGS}
        names = [f"Name{rng.randrange(50000)}" for _ in range(4)]
        day = when.date()
        killed = rng.choice([0, 1, 2, 3, 5, 8, 12, 20, 35])
        previous: Article | None = None
        for k in range(size):
            published = when + timedelta(hours=rng.uniform(0, 72))
            if previous is not None and rng.random() < 0.1:
                text = previous.text.replace(previous.text.split(" ", 1)[0], "UPDATE", 1)
                art = _with_text(previous, text, published, f"site{rng.randrange(300)}.example")
            else:
                lang = rng.choice(LANGS)
                text = self._text(lang, words[lang], names, place.name)
                figure = killed + (rng.choice([0, 0, 0, 2, 5]) if killed else 0)
                art = self._article(sid, k, lang, text, published, place, plover, actor, day, figure)
            previous = art
            yield art

    def _text(self, lang: str, story_words: list[str], names: list[str], place_name: str) -> str:
        rng = self.rng
        body = rng.choices(self.vocab[lang], cum_weights=self.cum_weights, k=140)
        for w in rng.sample(story_words, 8) + names[:3] + [place_name] * 2:
            body.insert(rng.randrange(len(body)), w)
        return " ".join(body) + "."

    def _article(self, sid: int, k: int, lang: str, text: str, published: datetime, place: Place, plover: str,
                 actor: str, day: date, killed: int) -> Article:
        idx = text.index(place.name)
        pl = dataclasses.replace(place, span=Span(idx, idx + len(place.name)), text=place.name)
        fig = Figure(Span(0, 1), "killed", killed, killed, killed) if killed else None
        event = Event("e1", plover, Span(idx, idx + 1), Span(0, len(text)), place=pl, date_start=day,
                      date_end=day, time_precision=1, fatalities=fig, figures=(fig,) if fig else (),
                      actors=(ActorMention(Span(0, 1), actor, actor_id=actor, name=actor),))
        th = text_hash(text)
        url = f"https://site{self.rng.randrange(300)}.example/{sid}/{k}"
        return Article(id=article_id(url, th), text=text, url=url, site=url.split("/")[2], lang=lang,
                       published=published, text_hash=th, places=(pl,), figures=(fig,) if fig else (),
                       events=(event,), status="ok")


def _with_text(article: Article, text: str, published: datetime, site: str) -> Article:
    th = text_hash(text)
    url = f"https://{site}/copy/{article.id}"
    return dataclasses.replace(article, id=article_id(url, th), text=text, text_hash=th, url=url, site=site,
                               published=published)
