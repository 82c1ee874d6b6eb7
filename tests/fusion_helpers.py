"""Hand-built analysed articles for fusion tests (no other stage needed)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

from wirewatch.pipeline import article_from_text
from wirewatch.records import ActorMention, Article, Event, Figure, Place, Source, Span

PALMA = ("gn:1036621", "Palma", -10.7735, 40.4689, "MZ", "08")
MOCIMBOA = ("gn:1037125", "Mocímboa da Praia", -11.3475, 40.3547, "MZ", "08")
MOSUL = ("gn:99072", "Mosul", 36.335, 43.1189, "IQ", "15")

T0 = datetime(2024, 3, 25, 8, 0, tzinfo=UTC)


def place(where: tuple[str, str, float, float, str, str], text: str, start: int, precision: int = 1) -> Place:
    ref, name, lat, lon, cc, a1 = where
    return Place(Span(start, start + len(text)), text, name, ref, lat, lon, "city", cc, a1,
                 precision=precision, confidence=0.9)


def analysed(text: str, lang: str, *, site: str, hours: float = 0, where: tuple | None = None,
             killed: int | None = None, killed_high: int | None = None, day: date | None = None,
             actor: str | None = None, certainty: str = "asserted", source: str | None = None,
             plover: str = "ASSAULT") -> Article:
    """An article with one event at ``where`` (first occurrence of its name in the text)."""
    art = article_from_text(text, lang=lang, published=T0 + timedelta(hours=hours),
                            url=f"https://{site}/{abs(hash(text)) % 10**8}", site=site)
    places = ()
    pl = None
    if where is not None:
        start = text.find(where[1].split()[0])
        pl = place(where, where[1].split()[0], max(start, 0))
        places = (pl,)
    figs = ()
    fig = None
    if killed is not None:
        fig = Figure(Span(0, 1), "killed", killed, killed, killed_high if killed_high is not None else killed)
        figs = (fig,)
    actors = (ActorMention(Span(0, 1), actor, actor_id=actor),) if actor else ()
    ev = Event("e1", plover, Span(0, 1), Span(0, len(art.text)), acled_event_type="Violence against civilians",
               acled_sub_event_type="Attack", actors=actors, place=pl, date_start=day, date_end=day,
               time_precision=1 if day else 3, fatalities=fig, figures=figs, certainty=certainty,  # type: ignore[arg-type]
               source=Source(None, source) if source else None)
    return dataclasses.replace(art, places=places, figures=figs, events=(ev,))
