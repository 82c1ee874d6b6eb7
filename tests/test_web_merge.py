"""Manual merge and split recompute the reconciled fields with fusion's own reconciliation.

Synthetic store: every event carries full mention details, so the expected values follow from ACLED's rules
(low = smallest report, high = largest, disputed when two reports' ranges do not overlap, counts by near-
duplicate group and outlet), computed here from the reports themselves.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from web_helpers import synthetic_env


@pytest.fixture()
def env(tmp_path: Path) -> Iterator[tuple[Any, Any, dict[str, str]]]:
    c, config, token = synthetic_env(tmp_path, n=40)
    with c:
        yield c, config, {"Authorization": f"Bearer {token}"}


def _details(config: Any, cid: str) -> list[dict[str, Any]]:
    conn = sqlite3.connect(config.db)
    try:
        row = conn.execute("SELECT mentions FROM fusion_canonical WHERE canonical_id = ?", (cid,)).fetchone()
    finally:
        conn.close()
    return list(json.loads(row[0]))


def _pair(c: Any) -> tuple[str, str]:
    """Two events with different death tolls (so the merged one is disputed), the source smaller."""
    items = c.get("/api/events?type=FIGHT&flag=has_fatalities&limit=100").json()["items"]
    items.sort(key=lambda e: (e["fatalities"], e["id"]))
    return items[0]["id"], items[-1]["id"]


def test_merge_recomputes_figures_counts_and_dates(env: Any) -> None:
    c, config, auth = env
    a, b = _pair(c)
    ea, eb = c.get(f"/api/events/{a}").json()["event"], c.get(f"/api/events/{b}").json()["event"]
    reports = _details(config, a) + _details(config, b)
    merged = c.post(f"/api/events/{a}/merge", json={"into": b, "note": "same clash"}, headers=auth).json()
    ev = merged["event"]
    figures = [m["fatalities"] for m in reports if m["fatalities"]]
    assert ev["fatalities_low"] == min(f["low"] for f in figures) == ea["fatalities_low"]
    assert ev["fatalities_high"] == max(f["high"] for f in figures) == eb["fatalities_high"]
    assert ev["disputed"] is True and len(ev["claims"]) >= 2
    assert ev["independent_reports"] == len({m["dup_group"] for m in reports})
    assert ev["outlets"] == len({m["site"] for m in reports})
    assert ev["first_reported"] == min(m["published"] for m in reports)
    assert ev["last_reported"] == max(m["published"] for m in reports)
    if ea["date_start"] != eb["date_start"]:  # no common day: the earliest, most precise report's dates
        assert ev["date_start"] in (ea["date_start"], eb["date_start"])
    # the list, counts and exports read the same recomputed values
    row = next(e for e in c.get("/api/events?flag=disputed&limit=1000").json()["items"] if e["id"] == b)
    assert row["fatalities"] == ev["fatalities_low"] and row["independent"] == ev["independent_reports"]
    audit = [x for x in merged["audit"] if x["action"] == "merge"][-1]
    assert audit["before"]["fatalities_high"] == eb["fatalities_high"]
    assert audit["after"]["fatalities_low"] == ev["fatalities_low"] and audit["after"]["absorbed"] == a


def test_correction_wins_over_recomputed_value_and_survives_refusion(env: Any) -> None:
    c, config, auth = env
    a, b = _pair(c)
    c.post(f"/api/events/{b}/correct", json={"fatalities": 30, "note": "ministry list"}, headers=auth)
    c.post(f"/api/events/{a}/merge", json={"into": b}, headers=auth)
    low = min(m["fatalities"]["low"] for m in _details(config, a) + _details(config, b) if m["fatalities"])
    shown = c.get(f"/api/events/{b}").json()
    assert shown["event"]["fatalities_low"] == 30 and shown["automatic"]["fatalities"] == low
    # automatic re-fusion rewrites both rows (new rowids); the merge and the correction are layered again
    conn = sqlite3.connect(config.db)
    for cid in (a, b):
        row = conn.execute("SELECT * FROM fusion_canonical WHERE canonical_id = ?", (cid,)).fetchone()
        conn.execute("DELETE FROM fusion_canonical WHERE canonical_id = ?", (cid,))
        conn.execute(f"INSERT INTO fusion_canonical VALUES ({','.join('?' * len(row))})", row)
    conn.commit()
    conn.close()
    c.app.state.ctx.refresher.refresh(force=True)
    after = c.get(f"/api/events/{b}").json()
    assert after["event"]["fatalities_low"] == 30 and after["automatic"]["fatalities"] == low
    assert after["event"]["disputed"] is True
    assert len(after["mentions"]) == len(_details(config, a)) + len(_details(config, b))
    listed = {e["id"]: e for e in c.get("/api/events?review=any&limit=1000").json()["items"]}
    assert listed[b]["fatalities"] == 30 and listed[b]["disputed"] is True and listed[a]["review"] == "merged"


def test_split_reconciles_both_events(env: Any) -> None:
    c, config, auth = env
    a, b = _pair(c)
    c.post(f"/api/events/{a}/merge", json={"into": b}, headers=auth)
    moved = [[m["article_id"], m["event_id"]] for m in _details(config, a)]
    new = c.post(f"/api/events/{b}/split", json={"mentions": moved, "note": "two clashes"}, headers=auth).json()
    back = {k: c.get(f"/api/events/{a}").json()["event"][k] for k in ("fatalities_low", "fatalities_high")}
    assert {k: new["event"][k] for k in back} == back  # the split-off reports give back their own figures
    kept = c.get(f"/api/events/{b}").json()["event"]
    own = [m["fatalities"] for m in _details(config, b) if m["fatalities"]]
    assert kept["fatalities_low"] == min(f["low"] for f in own)
    assert kept["independent_reports"] == len({m["dup_group"] for m in _details(config, b)})
    audit = c.get(f"/api/events/{b}").json()["audit"][-1]
    assert audit["action"] == "split" and audit["after"]["fatalities_low"] == kept["fatalities_low"]


def test_cli_lists_the_recomputed_event(env: Any) -> None:
    from wirewatch.cli import cli

    c, config, auth = env
    a, b = _pair(c)
    ev = c.post(f"/api/events/{a}/merge", json={"into": b}, headers=auth).json()["event"]
    out = CliRunner().invoke(cli, ["--db", str(config.db), "events", "--format", "jsonl"], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines() if line.startswith("{")]
    ids = {r.get("event_id_cnty") for r in rows}
    assert a not in ids
    row = next(r for r in rows if r.get("event_id_cnty") == b)
    assert row["fatalities"] == ev["fatalities_low"] and row["fatalities_high"] == ev["fatalities_high"]
    assert row["disputed"] == 1 and row["independent_sources"] == ev["independent_reports"]
