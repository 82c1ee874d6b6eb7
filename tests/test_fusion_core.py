"""Near-duplicates, cross-lingual stories, canonical events with disputes, and alerts."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from fusion_helpers import MOCIMBOA, MOSUL, PALMA, T0, analysed
from wirewatch.fusion import Fuser, FusionState, fuse_store
from wirewatch.fusion.alerts import AlertParams, build_series, detect
from wirewatch.fusion.canonical import dates_compatible, haversine_km
from wirewatch.pipeline import article_from_text
from wirewatch.storage.memory import MemoryStore

EN = ("Insurgents stormed the coastal town of Palma on Wednesday, killing twelve civilians and burning the "
      "district market, the army said. Hundreds of families fled south along the road to Pemba while "
      "gunfire continued near the airfield for most of the night.")
PT = ("Insurgentes invadiram a vila costeira de Palma na quarta-feira e mataram doze civis, segundo fontes "
      "locais. Centenas de famílias fugiram pela estrada para Pemba enquanto os tiros continuavam perto do "
      "aeródromo durante a noite.")


def test_syndicated_copy_is_a_duplicate_and_counts_once() -> None:
    fuser = Fuser(FusionState())
    a = analysed(EN, "en", site="wire.example", where=PALMA, killed=12, day=date(2024, 3, 24))
    copy_text = "PEMBA, Mozambique (Wire) — " + EN.replace("Hundreds of families", "Hundreds of households")
    b = analysed(copy_text, "en", site="daily.example", hours=3, where=PALMA, killed=12, day=date(2024, 3, 24))
    ra, rb = fuser.add(a), fuser.add(b)
    assert rb.duplicate_of == (a.id,) and rb.dup_group == ra.dup_group == a.id
    assert rb.story_id == ra.story_id
    cid = rb.canonical_ids[0]
    rec = fuser.state.get_canonical(cid)["record"]
    assert rec["outlets"] == 2 and rec["independent_reports"] == 1


def test_different_wire_stories_same_day_do_not_merge() -> None:
    fuser = Fuser(FusionState())
    a = analysed(EN, "en", site="wire.example", where=PALMA)
    other = ("Mosul — Iraqi engineers reopened the old bridge over the Tigris on Wednesday after two years of "
             "repairs, the provincial council said. Traffic resumed in both directions by the afternoon.")
    b = analysed(other, "en", site="wire.example", hours=1, where=MOSUL)
    fuser.add(a)
    rb = fuser.add(b)
    assert rb.duplicate_of == () and rb.dup_group == b.id


def test_cross_lingual_reports_join_one_story_and_one_disputed_event() -> None:
    fuser = Fuser(FusionState())
    en = analysed(EN, "en", site="ledger.example", where=PALMA, killed=12, day=date(2024, 3, 27),
                  actor="ansar-al-sunna", source="the army")
    pt = analysed(PT, "pt", site="diario.example", hours=5, where=PALMA, killed=20, killed_high=25,
                  day=date(2024, 3, 27), actor="ansar-al-sunna", source="fontes locais")
    r1, r2 = fuser.add(en), fuser.add(pt)
    assert r2.story_id == r1.story_id
    assert r2.canonical_ids == r1.canonical_ids
    rec = fuser.state.get_canonical(r1.canonical_ids[0])["record"]
    assert rec["disputed"] is True
    assert (rec["fatalities_low"], rec["fatalities_high"]) == (12, 25)
    assert rec["fatalities_best"] == 16  # median of the independent bests 12 and 20
    assert {c["source"] for c in rec["claims"]} == {"the army", "fontes locais"}
    assert rec["independent_reports"] == 2 and rec["outlets"] == 2


def test_same_kind_of_attack_in_neighbouring_town_a_month_later_stays_apart() -> None:
    fuser = Fuser(FusionState())
    first = analysed(EN, "en", site="a.example", where=PALMA, killed=12, day=date(2024, 3, 27))
    later_text = EN.replace("Palma", "Mocímboa da Praia").replace("twelve", "seven")
    later = analysed(later_text, "en", site="b.example", hours=24 * 30, where=MOCIMBOA, killed=7,
                     day=date(2024, 4, 26))
    assert haversine_km(PALMA[2], PALMA[3], MOCIMBOA[2], MOCIMBOA[3]) > 50
    r1, r2 = fuser.add(first), fuser.add(later)
    assert r1.canonical_ids != r2.canonical_ids


def test_conflicting_actors_do_not_merge() -> None:
    fuser = Fuser(FusionState())
    a = analysed(EN, "en", site="a.example", where=PALMA, day=date(2024, 3, 27), actor="group-a")
    b = analysed(PT, "pt", site="b.example", where=PALMA, day=date(2024, 3, 27), actor="group-b")
    assert fuser.add(a).canonical_ids != fuser.add(b).canonical_ids


def test_fusion_is_idempotent_and_fuse_store_is_incremental() -> None:
    store = MemoryStore()
    state = FusionState()
    arts = [analysed(EN, "en", site="a.example", where=PALMA), analysed(PT, "pt", site="b.example", where=PALMA)]
    for a in arts:
        store.put_article(a)
    assert fuse_store(store, state).fused == 2
    assert fuse_store(store, state).fused == 0
    assert state.counts()["fused_articles"] == 2


def test_unrelated_articles_start_their_own_stories() -> None:
    fuser = Fuser(FusionState())
    a = fuser.add(analysed(EN, "en", site="a.example", where=PALMA))
    flood = article_from_text("Heavy rain flooded three neighbourhoods of Recife on Monday and the river burst "
                              "its banks, the civil defence said.", lang="en", published=T0, site="c.example")
    b = fuser.add(flood)
    assert a.story_id != b.story_id


def test_alerts_spike_and_silence() -> None:
    arts = []
    for day in range(20):
        when = T0 + timedelta(days=day)
        for k in range(2):
            arts.append(dataclasses.replace(analysed(f"{EN} day {day} copy {k}", "en", site="s.example",
                                                     where=PALMA, actor="ansar-al-sunna"),
                                            published=when, id=f"d{day}k{k}"))
    spike_day = T0 + timedelta(days=20)
    for k in range(12):
        arts.append(dataclasses.replace(analysed(f"{EN} spike {k}", "en", site="s.example", where=MOSUL),
                                        published=spike_day, id=f"s{k}"))
    series = build_series(arts)
    bucket = spike_day.replace(hour=0, minute=0, second=0, microsecond=0)
    found = {(a.kind, a.key) for a in detect(series, bucket, AlertParams(window=20))}
    assert ("spike", "place:gn:99072") in found
    assert ("silence", "actor:ansar-al-sunna") in found
    assert ("spike", "place:gn:1036621") not in found


def test_a_campaign_since_years_is_never_the_dated_event_it_overlaps() -> None:
    attack = {"date_start": "2025-04-08", "date_end": "2025-04-08", "time_precision": 1}
    campaign = {"date_start": "2023-01-01", "date_end": "2025-04-10", "time_precision": 3}
    month = {"date_start": "2025-04-01", "date_end": "2025-04-30", "time_precision": 3}
    assert not dates_compatible(attack, campaign) and not dates_compatible(campaign, month)
    assert dates_compatible(campaign, dict(campaign, date_start="2024-06-01"))
    assert dates_compatible(attack, month)
