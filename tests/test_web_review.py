"""Analyst review and access control: tokens, sessions, CSRF, audit, overrides surviving re-analysis."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from web_helpers import hostile_article, synthetic_env
from wirewatch.web.auth import hash_secret, verify_secret
from wirewatch.web.lang import LANGS, negotiate, strings


@pytest.fixture()
def env(tmp_path: Path):  # type: ignore[no-untyped-def]
    c, config, token = synthetic_env(tmp_path, n=40)
    with c:
        yield c, config, {"Authorization": f"Bearer {token}"}


def _first(c, **params) -> str:  # type: ignore[no-untyped-def]
    q = "&".join(f"{k}={v}" for k, v in params.items())
    return str(c.get(f"/api/events?limit=1&{q}").json()["items"][0]["id"])


def test_changes_need_a_user(env) -> None:  # type: ignore[no-untyped-def]
    c, _, auth = env
    cid = _first(c)
    assert c.post(f"/api/events/{cid}/review", json={"action": "confirm"}).status_code == 401
    r = c.post(f"/api/events/{cid}/review", json={"action": "confirm", "note": "checked"}, headers=auth)
    assert r.status_code == 200 and r.json()["review"]["status"] == "confirmed"
    audit = r.json()["audit"]
    assert audit[-1]["who"] == "ana" and audit[-1]["note"] == "checked"
    assert audit[-1]["before"] == {"status": "unreviewed"}


def test_correction_keeps_automatic_value_and_survives_reanalysis(env) -> None:  # type: ignore[no-untyped-def]
    c, config, auth = env
    cid = _first(c, type="FIGHT")
    before = c.get(f"/api/events/{cid}").json()["event"]
    body = {"fatalities": 7, "place": {"name": "Analyst Town", "lat": 1.5, "lon": 2.5}, "date_start": "2023-02-03",
            "actors": ["Group A"], "note": "from the field report"}
    r = c.post(f"/api/events/{cid}/correct", json=body, headers=auth).json()
    assert r["event"]["fatalities_low"] == 7 and r["event"]["place"]["name"] == "Analyst Town"
    assert r["automatic"]["fatalities"] == before["fatalities_low"]
    assert r["automatic"]["place"]["name"] == before["place"]["name"]
    # automatic re-analysis rewrites the fusion row (new rowid, as INSERT OR REPLACE does)
    import sqlite3

    conn = sqlite3.connect(config.db)
    rec, men = conn.execute("SELECT record, mentions FROM fusion_canonical WHERE canonical_id = ?", (cid,)).fetchone()
    changed = json.loads(rec)
    changed["fatalities_low"] = 99
    conn.execute("DELETE FROM fusion_canonical WHERE canonical_id = ?", (cid,))
    conn.execute("INSERT INTO fusion_canonical(canonical_id, type_key, country, date_start, date_end, story_id, "
                 "n_mentions, record, mentions) VALUES (?,?,?,?,?,?,?,?,?)",
                 (cid, "FIGHT", "XX", None, None, None, 1, json.dumps(changed), men))
    conn.commit()
    conn.close()
    c.app.state.ctx.refresher.refresh(force=True)
    after = c.get(f"/api/events/{cid}").json()
    assert after["event"]["fatalities_low"] == 7 and after["automatic"]["fatalities"] == 99
    listed = c.get("/api/events?review=corrected").json()["items"]
    assert [e["id"] for e in listed] == [cid]
    assert listed[0]["fatalities"] == 7 and listed[0]["place_name"] == "Analyst Town"
    csv_text = c.get("/api/export/events.csv?review=corrected").text
    assert "corrected" in csv_text and "Analyst Town" in csv_text


def test_reject_hides_merge_and_split_move_reports(env) -> None:  # type: ignore[no-untyped-def]
    c, _, auth = env
    ids = [e["id"] for e in c.get("/api/events?limit=40").json()["items"]]
    total = len(ids)
    c.post(f"/api/events/{ids[0]}/review", json={"action": "reject"}, headers=auth)
    assert c.get("/api/events?count=1").json()["total"] == total - 1
    assert c.get("/api/events?review=rejected").json()["items"][0]["id"] == ids[0]
    a, b = ids[1], ids[2]
    na = len(c.get(f"/api/events/{a}").json()["mentions"])
    nb = len(c.get(f"/api/events/{b}").json()["mentions"])
    merged = c.post(f"/api/events/{a}/merge", json={"into": b}, headers=auth).json()
    assert merged["id"] == b and len(merged["mentions"]) == na + nb
    assert c.get(f"/api/events/{a}").json()["review"]["merged_into"] == b
    assert c.get("/api/events?count=1").json()["total"] == total - 2
    pick = [[m["article_id"], m["event_id"]] for m in merged["mentions"][:1]]
    new = c.post(f"/api/events/{b}/split", json={"mentions": pick, "note": "two events"}, headers=auth).json()
    assert new["id"].startswith("rv-") and len(new["mentions"]) == 1
    assert len(c.get(f"/api/events/{b}").json()["mentions"]) == na + nb - 1
    bad = c.post(f"/api/events/{b}/split", json={"mentions": [["x", "y"]]}, headers=auth)
    assert bad.status_code == 400 and "split" in bad.json()["error"]
    assert c.post(f"/api/events/{b}/merge", json={"into": b}, headers=auth).status_code == 400


def test_invalid_corrections_are_refused(env) -> None:  # type: ignore[no-untyped-def]
    c, _, auth = env
    cid = _first(c)
    for body in ({"fatalities": -1}, {"place": {"lat": 200, "lon": 0}}, {"date_start": "yesterday"},
                 {"colour": "red"}, {}):
        r = c.post(f"/api/events/{cid}/correct", json=body, headers=auth)
        assert 400 <= r.status_code < 500 and "error" in r.json(), body


def test_browser_session_needs_csrf_and_login_is_rate_limited(env) -> None:  # type: ignore[no-untyped-def]
    c, _, _ = env
    cid = _first(c)
    r = c.post("/login", data={"username": "ana", "password": "correct horse"}, follow_redirects=False)
    assert r.status_code == 303
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert c.post(f"/api/events/{cid}/notes", json={"note": "x"}).status_code == 403  # no CSRF header
    page = c.get(f"/events/{cid}").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert c.post(f"/api/events/{cid}/notes", json={"note": "seen"}, headers={"X-CSRF-Token": csrf}).status_code == 200
    assert c.post(f"/events/{cid}/confirm", data={"csrf": "wrong"}).status_code == 403
    assert c.post(f"/events/{cid}/confirm", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    c.post("/logout", data={"csrf": csrf})
    codes = [c.post("/login", data={"username": "ana", "password": "wrong pass"}).status_code for _ in range(7)]
    assert codes[:5] == [401] * 5 and codes[-1] == 429


def test_hostile_article_is_escaped(env) -> None:  # type: ignore[no-untyped-def]
    c, _, _ = env
    c.app.state.ctx.store.put_article(hostile_article())
    html = c.get("/articles/hostile0000000001").text
    assert "<script>window.__pwned" not in html and "&lt;script&gt;window.__pwned" in html
    assert 'onerror="window' not in html and 'href="javascript:' not in html
    data = c.get("/api/articles/hostile0000000001").json()
    assert "<script>" in data["text"]  # the API returns the text as data; clients must escape it


def test_secrets_are_hashed_and_languages_complete() -> None:
    stored = hash_secret("s3cret-pass")
    assert "s3cret" not in stored and verify_secret("s3cret-pass", stored) and not verify_secret("nope", stored)
    keys = {lang: set(strings(lang)) for lang in LANGS}
    assert keys["en"] == keys["es"] == keys["pt"]
    assert negotiate(None, None, "pt-BR,pt;q=0.9,en;q=0.8") == "pt"
    assert negotiate(None, "es", "pt-BR") == "es" and negotiate("en", "es", None) == "en"
    assert negotiate(None, None, "de-DE") == "en"
