"""Canonical events: one record per real-world event, reconciled from every report of it.

A new event mention is merged into an existing canonical event when it is *compatible* with it:

* type — the same PLOVER type (ACLED types differ between outlets describing one attack, so they only score);
* place — both points within the sum of their precision radii (level 1: 10 km, level 2: 25 km), or within
  300 km for reports already grouped in the same story; a level-3 place (province or country) needs the same
  story, the same country and, when both are known, the same admin1;
* date — the intervals overlap after widening each by its precision (1 day, 3 days, 10 days for ACLED
  time_precision 1, 2, 3; an undated mention counts as "the 3 days up to publication"), and a campaign dated
  over more than a quarter ("since 2023") never merges with an event dated within a month;
* actors — named perpetrators must share an id (unidentified and generic classes such as "gunmen" never
  conflict).

Candidates come from two index lookups (same type in the same story; same type near a precise place), so merging
touches only the events that could match, whatever the size of the store.
Reconciled fields follow ACLED's conservative rules (see :func:`reconcile`). Merging is reversible: after each
merge every mention is checked against the event reconciled from the others, and a mention that no longer fits
is split out into its own event.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ..records import Article, CanonicalEvent, Event, EventMention, FigureClaim, Place, Span, from_dict, to_dict
from ..taxonomy import NON_STATE_ARMED
from .state import FusionState

RADIUS_KM = {1: 10.0, 2: 25.0}
SAME_STORY_KM = 300.0
DATE_SLACK_DAYS = {1: 1, 2: 3, 3: 10}
#: an interval longer than this (about a quarter) dates a campaign or a state of affairs, not one event
CAMPAIGN_DAYS = 92
#: a month-precise date once widened by its slack
_MONTH_DAYS = 31 + 2 * DATE_SLACK_DAYS[3]
CERTAINTY_WEIGHT = {"asserted": 0.6, "probable": 0.45, "possible": 0.3, "doubtful": 0.15, "denied": 0.05}
SEARCH_DAYS = 12  # how far back a candidate's interval may end and still be considered
# (PLOVER type, ACLED sub-event type) pairs that all describe people seized by an armed or state actor
SUPRANATIONAL = frozenset({"region", "continent"})  # place features with no country of their own
DETENTION = frozenset({("ASSAULT", "Abduction/forced disappearance"), ("COERCE", "Arrests")})


@dataclass(frozen=True, slots=True)
class MergeResult:
    canonical_id: str
    merged: bool  # joined an existing event
    split_out: tuple[str, ...] = ()  # canonical ids created by splitting mentions out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


# ---------------------------------------------------------------- mentions


def mention_data(article: Article, event: Event, dup_group: str | None, story_id: str | None) -> dict[str, Any]:
    """The JSON form of one mention, with everything compatibility and reconciliation need."""
    published = article.published or article.retrieved_at
    start, end = event.date_start, event.date_end
    precision = event.time_precision
    if start is None and published is not None:
        end = published.date()
        start = end - timedelta(days=2)
        precision = 3
    place = _locating(event.place)
    return {
        "article_id": article.id,
        "event_id": event.id,
        "plover_type": event.plover_type,
        "mode": event.mode,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "place": to_dict(place) if place else None,
        "country": place.country if place else None,
        "date_start": start.isoformat() if start else None,
        "date_end": end.isoformat() if end else None,
        "time_precision": precision,
        "actor_ids": sorted({a.actor_id for a in event.actors if a.actor_id}),
        "party_ids": sorted({a.actor_id for a in (*event.actors, *event.recipients) if a.actor_id}),
        "actors": [to_dict(a) for a in event.actors],
        "recipients": [to_dict(a) for a in event.recipients],
        "fatalities": _fig(event.fatalities),
        "injured": _fig(event.injured),
        "certainty": event.certainty,
        "source": event.source.text if event.source else None,
        "site": article.site,
        "url": article.url,
        "published": published.isoformat() if published else None,
        "dup_group": dup_group or article.id,
        "story_id": story_id,
        "sentence": [event.sentence.start, event.sentence.end],
        "trigger": [event.trigger.start, event.trigger.end],
        "text": article.text[event.sentence.start : event.sentence.end],
    }


def _locating(place: Place | None) -> Place | None:
    """The event's place if it can locate it: a region above countries ("West Africa", "the Sahel") spans
    thousands of kilometres, so it is treated like no place rather than as a point at its centre."""
    if place is None or (not place.country and place.feature in SUPRANATIONAL):
        return None
    return place


def _fig(fig: Any) -> dict[str, int] | None:
    return None if fig is None else {"low": fig.low, "best": fig.best, "high": fig.high}


# ---------------------------------------------------------------- compatibility


def _interval(m: dict[str, Any]) -> tuple[date, date] | None:
    if not m.get("date_start"):
        return None
    slack = timedelta(days=DATE_SLACK_DAYS.get(int(m.get("time_precision") or 3), 10))
    return date.fromisoformat(m["date_start"]) - slack, date.fromisoformat(m["date_end"]) + slack


def dates_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Overlapping intervals; and a campaign ("desde 2023 combate a los separatistas", longer than
    :data:`CAMPAIGN_DAYS`) is never the same event as one dated within a month, however it overlaps it."""
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return True
    if max(_days(ia), _days(ib)) > CAMPAIGN_DAYS and min(_days(ia), _days(ib)) <= _MONTH_DAYS:
        return False
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def _days(interval: tuple[date, date]) -> int:
    return (interval[1] - interval[0]).days


def same_story(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a.get("story_id")) and a.get("story_id") == b.get("story_id")


def places_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Strict for reports in different stories; within one story, reports of the same event often name the
    town, a nearby town or only the province, so the story's own evidence stands in for precise agreement."""
    pa, pb = a.get("place"), b.get("place")
    story = same_story(a, b)
    if not pa or not pb:
        # without a place on one side, only events already grouped in the same story may merge
        return story and (not a.get("country") or not b.get("country") or a["country"] == b["country"])
    if pa.get("country") and pb.get("country") and pa["country"] != pb["country"]:
        return False
    la, lb = int(pa.get("precision") or 1), int(pb.get("precision") or 1)
    if la >= 3 or lb >= 3:
        # a province or a country says little about *which* event: require the same story as well
        return story and _admin_ok(pa, pb)
    distance = haversine_km(pa["lat"], pa["lon"], pb["lat"], pb["lon"])
    if story:
        return distance <= SAME_STORY_KM
    return distance <= RADIUS_KM.get(la, 25.0) + RADIUS_KM.get(lb, 25.0)


def _admin_ok(pa: dict[str, Any], pb: dict[str, Any]) -> bool:
    """A province-level place fits a town only when the town is in that province (when both are known)."""
    coarse, fine = (pa, pb) if int(pa.get("precision") or 1) >= int(pb.get("precision") or 1) else (pb, pa)
    if coarse.get("feature") == "country":
        return True
    return not (coarse.get("admin1") and fine.get("admin1") and coarse["admin1"] != fine["admin1"])


def _specific(ids: list[str | None]) -> set[str]:
    """Named actors only: "unidentified" and generic classes ("gen-gunmen", "gen-police") never conflict."""
    return {x for x in ids if x and x != "unidentified" and not x.startswith("gen-")}


def _parties(m: dict[str, Any]) -> set[str]:
    """Named sides of an event, attackers and targets alike (mentions stored before ``party_ids`` existed
    fall back to their actors)."""
    return _specific(m.get("party_ids", m.get("actor_ids", [])))


def actors_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Named perpetrators conflict unless one report's perpetrator is a side of the other's event: outlets
    disagree on which side started a clash ("the army attacked" / "insurgents ambushed the army")."""
    ia, ib = _specific(a.get("actor_ids", [])), _specific(b.get("actor_ids", []))
    return not ia or not ib or bool(ia & _parties(b)) or bool(ib & _parties(a))


def type_family(m: dict[str, Any]) -> str:
    """The PLOVER type, except that a seizure of people is one family whatever its legal colour: outlets call
    the same act an arrest ("captured"), an abduction ("secuestrados") or a kidnapping."""
    if (m.get("plover_type"), m.get("acled_sub_event_type")) in DETENTION:
        return "DETENTION"
    return str(m["plover_type"])


def types_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["plover_type"] == b["plover_type"]:
        return True
    # across PLOVER types only within the detention family, and only when a named party is shared: an
    # arrest by the police and a kidnapping by a gang on the same day are two events
    return type_family(a) == type_family(b) == "DETENTION" and bool(_parties(a) & _parties(b))


def compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (
        types_compatible(a, b)
        and dates_compatible(a, b)
        and places_compatible(a, b)
        and actors_compatible(a, b)
    )


def _score(m: dict[str, Any], rep: dict[str, Any]) -> float:
    score = 1.0
    if m.get("story_id") and m.get("story_id") == rep.get("story_id"):
        score += 1.0
    if m.get("acled_sub_event_type") and m.get("acled_sub_event_type") == rep.get("acled_sub_event_type"):
        score += 0.5
    if set(m.get("actor_ids", [])) & set(rep.get("actor_ids", [])):
        score += 0.5
    pm, pr = m.get("place"), rep.get("place")
    if pm and pr:
        score -= haversine_km(pm["lat"], pm["lon"], pr["lat"], pr["lon"]) / 200.0
    return score


# ---------------------------------------------------------------- reconciliation


def representative(mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """A mention-shaped summary of a group: most precise place, intersected dates, all actor ids."""
    best_place = _best_place(mentions)
    start, end, precision = _dates(mentions)
    stories = [m.get("story_id") for m in mentions if m.get("story_id")]
    return {
        "plover_type": mentions[0]["plover_type"],
        "acled_sub_event_type": _most_common([m.get("acled_sub_event_type") for m in mentions]),
        "place": best_place,
        "country": best_place.get("country") if best_place else _most_common([m.get("country") for m in mentions]),
        "date_start": start.isoformat() if start else None,
        "date_end": end.isoformat() if end else None,
        "time_precision": precision,
        "actor_ids": sorted({a for m in mentions for a in m.get("actor_ids", [])}),
        "party_ids": sorted({a for m in mentions for a in m.get("party_ids", m.get("actor_ids", []))}),
        "story_id": _most_common(stories),
    }


def _most_common(values: list[Any]) -> Any:
    vals = [v for v in values if v]
    return max(sorted(set(vals), key=str), key=vals.count) if vals else None


def _best_place(mentions: list[dict[str, Any]]) -> dict[str, Any] | None:
    places = [m["place"] for m in mentions if m.get("place")]
    if not places:
        return None
    refs = [p["ref"] for p in places]
    best: dict[str, Any] = min(places, key=lambda p: (int(p.get("precision") or 3), -refs.count(p["ref"]),
                                      -float(p.get("confidence") or 0), p["ref"]))
    return best


def _dates(mentions: list[dict[str, Any]]) -> tuple[date | None, date | None, int]:
    dated = [m for m in mentions if m.get("date_start")]
    if not dated:
        return None, None, 3
    start = max(date.fromisoformat(m["date_start"]) for m in dated)
    end = min(date.fromisoformat(m["date_end"]) for m in dated)
    if start <= end:
        precision = 1 if start == end else (2 if (end - start).days <= 7 else 3)
        return start, end, precision
    # no common interval: keep the most precise report's dates (earliest report breaks ties)
    best = min(dated, key=lambda m: (int(m.get("time_precision") or 3), m.get("published") or ""))
    return date.fromisoformat(best["date_start"]), date.fromisoformat(best["date_end"]), \
        int(best.get("time_precision") or 3)


def _independent(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One mention per near-duplicate group (its earliest report)."""
    seen: dict[str, dict[str, Any]] = {}
    for m in sorted(mentions, key=lambda m: (m.get("published") or "", m["article_id"])):
        seen.setdefault(m["dup_group"], m)
    return list(seen.values())


def report_figures(mentions: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """One figure per independent report: the largest it gives for this event (its total, not a part such as
    "five soldiers" of "twelve people, five soldiers and seven civilians"); copies count once."""
    by_report: dict[str, list[dict[str, Any]]] = {}
    for m in sorted(mentions, key=lambda m: (m.get("published") or "", m["article_id"], m["event_id"])):
        if m.get(key):
            by_report.setdefault(m["dup_group"], []).append(m)
    return [max(ms, key=lambda m: (m[key]["high"], m[key]["best"])) for ms in by_report.values()]


def reconcile(canonical_id: str, mentions: list[dict[str, Any]]) -> CanonicalEvent:
    """ACLED's rules over independent reports: low = the smallest reported figure, high = the largest, best =
    the median; disputed when two reports' [low, high] ranges do not overlap."""
    rep = representative(mentions)
    killed = report_figures(mentions, "fatalities")
    injured = report_figures(mentions, "injured")
    low = min((m["fatalities"]["low"] for m in killed), default=None)
    high = max((m["fatalities"]["high"] for m in killed), default=None)
    best = int(statistics.median(m["fatalities"]["best"] for m in killed)) if killed else None
    disputed = _disputed([m["fatalities"] for m in killed])
    claims = tuple(
        FigureClaim(value_low=m["fatalities"]["low"], value_high=m["fatalities"]["high"],
                    best=m["fatalities"]["best"], category="killed", article_id=m["article_id"], site=m.get("site"),
                    source=m.get("source"), certainty=m.get("certainty") or "asserted", text=m.get("text", ""))
        for m in killed
    )
    independent = _independent(mentions)
    published = sorted(m["published"] for m in mentions if m.get("published"))
    first = mentions[0]
    place = from_dict(Place, rep["place"]) if rep["place"] else None
    return CanonicalEvent(
        id=canonical_id,
        plover_type=rep["plover_type"],
        mentions=tuple(_mention_record(m) for m in mentions),
        acled_event_type=_most_common([m.get("acled_event_type") for m in mentions]),
        acled_sub_event_type=rep["acled_sub_event_type"],
        mode=_most_common([m.get("mode") for m in mentions]),
        place=place,
        date_start=date.fromisoformat(rep["date_start"]) if rep["date_start"] else None,
        date_end=date.fromisoformat(rep["date_end"]) if rep["date_end"] else None,
        time_precision=rep["time_precision"],
        actors=_actors(_told_as(mentions, rep), "actors"),
        recipients=_actors(_told_as(mentions, rep), "recipients"),
        fatalities_low=low,
        fatalities_best=best,
        fatalities_high=high,
        injured_low=min((m["injured"]["low"] for m in injured), default=None),
        injured_high=max((m["injured"]["high"] for m in injured), default=None),
        disputed=disputed,
        claims=claims,
        outlets=len({m.get("site") or m["article_id"] for m in mentions}),
        independent_reports=len(independent),
        first_reported=datetime.fromisoformat(published[0]) if published else None,
        last_reported=datetime.fromisoformat(published[-1]) if published else None,
        story_id=rep["story_id"] or first.get("story_id"),
        confidence=_confidence(independent),
        certainty=_certainty(independent),
    )


def _disputed(figs: list[dict[str, int]]) -> bool:
    return any(a["high"] < b["low"] or b["high"] < a["low"] for i, a in enumerate(figs) for b in figs[i + 1 :])


def _confidence(independent: list[dict[str, Any]]) -> float:
    """1 - Π(1 - w): grows with independent reports, each weighted by its certainty."""
    miss = 1.0
    for m in independent:
        miss *= 1.0 - CERTAINTY_WEIGHT.get(m.get("certainty") or "asserted", 0.3)
    return round(1.0 - miss, 3)


def _certainty(independent: list[dict[str, Any]]) -> str:
    order = ["asserted", "probable", "possible", "doubtful", "denied"]
    levels = [m.get("certainty") or "asserted" for m in independent]
    return min(levels, key=order.index) if levels else "asserted"


def _told_as(mentions: list[dict[str, Any]], rep: dict[str, Any]) -> list[dict[str, Any]]:
    """The mentions that tell the event as its representative does (same ACLED sub-type): the sides of an
    attack come from the reports of the attack, not from the troops who "drove the fighters out" in a report
    merged with it."""
    sub = rep.get("acled_sub_event_type")
    same = [m for m in mentions if m.get("acled_sub_event_type") == sub]
    return same or mentions


def _actors(mentions: list[dict[str, Any]], key: str) -> tuple[Any, ...]:
    from ..records import ActorMention

    seen: dict[str, Any] = {}
    for m in mentions:
        for a in m.get(key, []):
            rec = from_dict(ActorMention, a)
            seen.setdefault(rec.actor_id or rec.text.casefold(), rec)
    return _without_placeholders(list(seen.values()))


def _without_placeholders(actors: list[Any]) -> tuple[Any, ...]:
    """One report says "gunmen" or "the army", another names ISWAP or the Nigerian army: the named side stands
    for the event and the generic one it specifies is dropped, as a coder would: a country's force replaces the
    same generic role; a named armed group replaces generic armed groups and the unidentified one."""
    from ..actors import generic_roles  # here, not at import: the fusion CLI need not load spaCy

    roles = generic_roles()
    named = [a for a in actors if a.actor_id and not a.actor_id.startswith("gen-")]
    ids = [a.actor_id for a in named]
    non_state = any(a.actor_type in NON_STATE_ARMED for a in named)

    def placeholder(a: Any) -> bool:
        if a.actor_id in roles:
            return any(i.startswith(f"{roles[a.actor_id]}-") for i in ids)
        return bool(a.actor_id) and a.actor_id.startswith("gen-") and non_state and a.actor_type in NON_STATE_ARMED

    return tuple(named + [a for a in actors if a not in named and not placeholder(a)])


def _mention_record(m: dict[str, Any]) -> EventMention:
    return EventMention(
        article_id=m["article_id"], event_id=m["event_id"], sentence=Span(*m["sentence"]),
        trigger=Span(*m["trigger"]), site=m.get("site"), url=m.get("url"),
        published=datetime.fromisoformat(m["published"]) if m.get("published") else None,
        dup_group=m.get("dup_group"),
    )


# ---------------------------------------------------------------- the merger


class CanonicalMerger:
    def __init__(self, state: FusionState) -> None:
        self.state = state

    def add(self, mention: dict[str, Any]) -> MergeResult:
        existing = self.state.canonical_of(mention["article_id"], mention["event_id"])
        if existing:
            return MergeResult(existing, merged=False)
        best_id, best_score = None, -math.inf
        for cand in self._candidates(mention):
            rep = cand.get("rep") or representative(cand["mentions"])
            if compatible(mention, rep):
                score = _score(mention, rep)
                if score > best_score:
                    best_id, best_score = cand["id"], score
        found = self.state.get_canonical(best_id) if best_id is not None else None
        if best_id is None or found is None:
            cid = f"ce-{mention['article_id'][:10]}-{mention['event_id']}"
            self._save(cid, [mention])
            return MergeResult(cid, merged=False)
        mentions = [*found["mentions"], mention]
        kept, split = self._check(mentions)
        self._save(best_id, kept)
        created = tuple(self._split_out(m) for m in split)
        return MergeResult(best_id, merged=mention in kept, split_out=created)

    def _candidates(self, mention: dict[str, Any]) -> list[dict[str, Any]]:
        """Events of the same type in the mention's story, or near its precise place: no other can be
        compatible (a coarse or missing place only merges within a story; outside one, precise places must be
        within the sum of two precision radii)."""
        start = mention.get("date_start") or mention.get("published", "")[:10]
        since = (date.fromisoformat(start) - timedelta(days=SEARCH_DAYS)).isoformat() if start else "0000"
        box = _box(mention.get("place"))
        found: dict[str, dict[str, Any]] = {}
        for type_key in _type_keys(mention):
            for cand in self.state.canonical_candidates(type_key, since, mention.get("story_id"), box):
                found.setdefault(cand["id"], cand)
        return [found[k] for k in sorted(found)]

    def _check(self, mentions: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Split out any mention that is incompatible with the event reconciled from the others."""
        if len(mentions) < 3:
            return mentions, []
        kept: list[dict[str, Any]] = []
        split: list[dict[str, Any]] = []
        for i, m in enumerate(mentions):
            others = mentions[:i] + mentions[i + 1 :]
            (kept if compatible(m, representative(others)) else split).append(m)
        return (kept, split) if kept else (mentions, [])

    def _split_out(self, mention: dict[str, Any]) -> str:
        cid = f"ce-{mention['article_id'][:10]}-{mention['event_id']}"
        self._save(cid, [mention])
        return cid

    def _save(self, cid: str, mentions: list[dict[str, Any]]) -> None:
        record = reconcile(cid, mentions)
        rep = representative(mentions)
        place = rep.get("place")
        precise = place is not None and int(place.get("precision") or 3) < 3
        self.state.put_canonical(
            cid, rep["plover_type"], rep.get("country"), rep["date_start"], rep["date_end"], rep["story_id"],
            to_dict(record), mentions, rep, (place["lat"], place["lon"]) if precise and place else None,
        )


def _type_keys(mention: dict[str, Any]) -> list[str]:
    """The PLOVER types a mention may merge with (its own, plus the others of its detention family)."""
    keys = {mention["plover_type"]}
    if type_family(mention) == "DETENTION":
        keys |= {plover for plover, _ in DETENTION}
    return sorted(keys)


def _box(place: dict[str, Any] | None) -> tuple[float, float, float, float] | None:
    """(min_lat, max_lat, min_lon, max_lon) around a precise place, wide enough for any match outside a story."""
    if not place or int(place.get("precision") or 3) >= 3:
        return None
    reach = max(RADIUS_KM.values()) * 2  # two level-2 places may each be their radius away
    dlat = reach / 111.0
    dlon = reach / (111.0 * max(0.05, math.cos(math.radians(place["lat"]))))
    return place["lat"] - dlat, place["lat"] + dlat, place["lon"] - dlon, place["lon"] + dlon
