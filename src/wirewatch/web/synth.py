"""Synthetic canonical events written straight into ``fusion_canonical`` (benchmarks and API tests).

Events cluster in a few conflict regions, follow a skewed type mix, carry actors, a Zipf-like number of
reports and a fatality count that is usually small and sometimes disputed. Deterministic for a seed.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import Any

from .db import WebDB

REGIONS = ((36.3, 43.1, "IQ", "Nineveh"), (-11.0, 40.4, "MZ", "Cabo Delgado"), (3.0, -76.5, "CO", "Cauca"),
           (12.0, 13.0, "NG", "Borno"), (35.9, 36.6, "SY", "Idlib"), (24.8, -107.4, "MX", "Sinaloa"),
           (-22.9, -43.2, "BR", "Rio de Janeiro"))
TYPES = (("ASSAULT", "Violence against civilians", "Attack"), ("FIGHT", "Battles", "Armed clash"),
         ("ASSAULT", "Explosions/Remote violence", "Air/drone strike"), ("PROTEST", "Protests", "Peaceful protest"),
         ("COERCE", "Strategic developments", "Arrests"), ("MOBILIZE", "Strategic developments", "Other"))
ACTORS = ("Military Forces", "Police Forces", "Islamic State", "Al-Shabaab", "ELN", "Civilians", "Protesters",
          "Rioters", "Sinaloa Cartel", "Boko Haram")
SITES = ("Borderland Post", "Diario del Sur", "Folha do Norte", "Wire Agency", "Radio Costa", "Gazeta Central")


def _record(rng: random.Random, i: int, start: date) -> tuple[str, dict[str, Any], list[dict[str, Any]]]:
    lat0, lon0, cc, admin = REGIONS[rng.randrange(len(REGIONS))]
    ptype, acled, sub = TYPES[min(int(rng.expovariate(0.6)), len(TYPES) - 1)]
    day = start + timedelta(days=rng.randrange(730))
    cid = f"ce-syn{i:07d}"
    reports = max(1, int(rng.paretovariate(1.6)))
    killed = int(rng.expovariate(0.25)) if ptype in ("ASSAULT", "FIGHT") else 0
    high = killed + (rng.randrange(1, 8) if rng.random() < 0.1 else 0)
    precision = 1 if rng.random() < 0.7 else rng.choice((2, 3))
    place = {"name": f"{admin} {i % 500}", "text": f"{admin} {i % 500}", "ref": f"gn:{8_000_000 + i % 5000}",
             "lat": round(lat0 + rng.uniform(-2.5, 2.5), 4), "lon": round(lon0 + rng.uniform(-2.5, 2.5), 4),
             "feature": "city", "country": cc, "admin1": admin, "precision": precision, "span": None}
    actor = {"text": rng.choice(ACTORS), "name": None, "actor_id": None, "span": None}
    actor["name"] = actor["text"]
    target = {"text": "Civilians", "name": "Civilians", "actor_id": "gen-civilians", "span": None}
    mentions = [{"article_id": f"syn{i:07d}{k}", "event_id": "e1", "site": SITES[(i + k) % len(SITES)],
                 "dup_group": f"g{i}-{k // 2}", "published": f"{day.isoformat()}T12:00:00+00:00",
                 "sentence": {"start": 0, "end": 10}, "trigger": {"start": 0, "end": 3}, "url": None}
                for k in range(reports)]
    record = {"id": cid, "plover_type": ptype, "acled_event_type": acled, "acled_sub_event_type": sub,
              "mentions": mentions, "place": place, "date_start": day.isoformat(), "date_end": day.isoformat(),
              "time_precision": 1, "actors": [actor], "recipients": [target] if ptype == "ASSAULT" else [],
              "fatalities_low": killed or None, "fatalities_best": killed or None, "fatalities_high": high or None,
              "disputed": high != killed, "claims": [], "outlets": min(reports, len(SITES)),
              "independent_reports": len({m["dup_group"] for m in mentions}), "story_id": f"s-syn{i // 7}",
              "confidence": 0.7, "certainty": "asserted"}
    groups = len({m["dup_group"] for m in mentions})
    return cid, record, [_detail(record, m, groups, k) for k, m in enumerate(mentions)]


def _figure(record: dict[str, Any], groups: int, k: int) -> dict[str, int] | None:
    """One report's figure: with several independent reports the first (reports 0 and 1 share a near-duplicate
    group) gives the high figure of a disputed event and the others the low one; a lone report gives the range."""
    low, high = record["fatalities_low"] or 0, record["fatalities_high"] or 0
    if not high:
        return None
    if groups == 1:
        return {"low": low, "best": low, "high": high}
    value = high if k < 2 else low
    return {"low": value, "best": value, "high": value}


def _detail(record: dict[str, Any], m: dict[str, Any], groups: int, k: int) -> dict[str, Any]:
    """The mention details fusion stores beside a record, so merges and splits can reconcile synthetic events.
    No random draws: a seed gives the same events as before details existed."""
    actors = record["actors"]
    return {
        "article_id": m["article_id"], "event_id": m["event_id"], "plover_type": record["plover_type"],
        "mode": None, "acled_event_type": record["acled_event_type"],
        "acled_sub_event_type": record["acled_sub_event_type"], "place": record["place"],
        "country": record["place"]["country"], "date_start": record["date_start"], "date_end": record["date_end"],
        "time_precision": 1, "actor_ids": sorted({a["actor_id"] for a in actors if a["actor_id"]}),
        "actors": actors, "recipients": record["recipients"],
        "fatalities": _figure(record, groups, k), "injured": None,
        "certainty": "asserted", "source": None, "site": m["site"], "url": None, "published": m["published"],
        "dup_group": m["dup_group"], "story_id": record["story_id"], "sentence": [0, 10], "trigger": [0, 3],
        "text": "…",
    }


def fill(db: WebDB, n: int, seed: int = 7, batch: int = 5000) -> None:
    """Write ``n`` synthetic canonical events into ``fusion_canonical``."""
    rng = random.Random(seed)
    start = date(2023, 1, 1)
    for lo in range(0, n, batch):
        rows = []
        for i in range(lo, min(n, lo + batch)):
            cid, rec, mentions = _record(rng, i, start)
            rows.append((cid, rec["plover_type"], rec["place"]["country"], rec["date_start"], rec["date_end"],
                         rec["story_id"], len(mentions), json.dumps(rec, separators=(",", ":")),
                         json.dumps(mentions, separators=(",", ":"))))
        with db.tx() as conn:
            conn.executemany("INSERT OR REPLACE INTO fusion_canonical(canonical_id, type_key, country, date_start, "
                             "date_end, story_id, n_mentions, record, mentions) VALUES (?,?,?,?,?,?,?,?,?)", rows)
