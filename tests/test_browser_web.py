"""End-to-end: the web app on the demo corpus in real headless Chromium (skips where Chromium is absent).

One server (uvicorn in a thread, 127.0.0.1, random port) over a temporary database filled by ingesting and
fusing the demo corpus; Playwright drives /usr/bin/chromium. Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from web_helpers import add_user_and_token, config_for, hostile_article

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("WIREWATCH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
#: a third of the demo corpus, all three languages, a syndicated pair: enough for every page, and fast
DEMO_FILES = ("en-02-palma-insurgent-attack.html", "pt-01-ataque-palma.html", "es-01-cauca-ataque-estacion.html",
              "es-06-cauca-ataque-estacion-sindicado.html", "en-03-idlib-market-airstrike.html",
              "es-03-bogota-protestas.html", "pt-03-operacao-complexo-alemao.html")
SHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"

if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
    pytest.skip(f"Chromium not found at {CHROMIUM}: browser tests skipped (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path) -> Iterator[dict[str, Any]]:
    import uvicorn

    from wirewatch.fusion import fuse_store, fusion_state_for
    from wirewatch.ingest import ingest
    from wirewatch.storage import open_store
    from wirewatch.web.app import create_app

    db = tmp_path_factory.mktemp("browser") / "demo.db"
    config = config_for(db)
    store = open_store(str(db))
    ingest([str(demo_dir / name) for name in DEMO_FILES], store, config)
    store.put_article(hostile_article())
    state = fusion_state_for(str(db))
    fuse_store(store, state)
    state.close()
    add_user_and_token(config, "ana", "correct horse")
    app = create_app(config, store)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "app": app, "db": db, "store": store}
    srv.should_exit = True
    thread.join(timeout=10)
    app.state.ctx.close()


@pytest.fixture(scope="module")
def browser(server: dict[str, Any]) -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="en-GB")
    p = context.new_page()
    p.on("dialog", lambda d: d.dismiss())
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.errors = errors
    yield p
    context.close()


def _wait_total(page: Any, ok: Any, timeout: float = 15.0) -> int:
    """Poll the list's total from Python: the app's CSP forbids the eval that wait_for_function(str) needs."""
    end = time.monotonic() + timeout
    while True:
        n = int(re.sub(r"\D", "", page.inner_text("#total")) or 0)
        if ok(n) or time.monotonic() > end:
            return n
        page.wait_for_timeout(100)


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _nothing_external(page: Any, base: str) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url) if not r.url.startswith((base, "data:", "blob:")) else None)
    return urls


def test_map_filters_and_opens_an_event(server: dict[str, Any], page: Any) -> None:
    outside = _nothing_external(page, server["url"])
    page.goto(server["url"] + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=20000)
    page.wait_for_selector("#events tbody tr")
    page.wait_for_timeout(500)
    _shot(page, "map")
    total = int(re.sub(r"\D", "", page.inner_text("#total")))
    assert total > 10
    page.select_option("select[name=type]", "ASSAULT")
    page.click("#apply")
    _wait_total(page, lambda n: 0 < n < total)
    types = page.eval_on_selector_all("#events tbody tr td:nth-child(2)", "els => els.map(e => e.textContent)")
    assert types and all(t.startswith("Assault") for t in types)  # the type label, in English
    assert int(re.sub(r"\D", "", page.inner_text("#total"))) < total
    page.click("#events tbody tr a.event-link")
    page.wait_for_selector(".report .sentence mark.k-trigger")
    assert page.locator(".report .sentence mark").count() >= 2
    _shot(page, "event")
    assert outside == [] and page.errors == []


def test_timeline_brush_filters_the_list(server: dict[str, Any], page: Any) -> None:
    page.goto(server["url"] + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=20000)
    before = int(re.sub(r"\D", "", page.inner_text("#total")))
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.02, box["y"] + 30)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + 30)
    page.mouse.up()
    after = _wait_total(page, lambda n: n != before)
    assert after < before and page.inner_text("#brush-label")
    assert "since=" in page.url


def test_language_switch(server: dict[str, Any], page: Any) -> None:
    page.goto(server["url"] + "/")
    page.click("a.lang[data-lang=es]")
    page.wait_for_selector("html[lang=es]")
    assert "Tipo de suceso" in page.inner_text("aside.filters")
    assert "Agresión" in page.inner_text("#legend")  # event types in the chosen language too
    page.goto(server["url"] + "/stories")
    assert page.locator("html").get_attribute("lang") == "es"  # remembered by cookie
    _shot(page, "stories-es")
    page.click("a.lang[data-lang=pt]")
    page.wait_for_selector("html[lang=pt]")
    assert "Histórias" in page.inner_text("header.top")


def test_login_correct_event_and_correction_survives_reanalysis(server: dict[str, Any], page: Any) -> None:
    from wirewatch.fusion import fuse_store, fusion_state_for

    app = server["app"]
    cid = app.state.ctx.db.rows("SELECT canonical_id FROM web_event_index WHERE plover_type = 'ASSAULT' "
                                "ORDER BY n_mentions DESC, canonical_id LIMIT 1")[0][0]
    page.goto(server["url"] + f"/login?next=/events/{cid}")
    page.fill("input[name=username]", "ana")
    page.fill("input[name=password]", "correct horse")
    page.click("#login-form button")
    page.wait_for_selector("#correct-form")
    page.fill("#fatalities", "41")
    page.fill("#correct-form input[name=note]", "hospital count")
    page.click("#event-map", position={"x": 60, "y": 60})
    assert page.input_value("#place_lat") != ""
    page.click("#btn-correct")
    page.wait_for_selector("#review-status.review-corrected")
    assert "41" in page.inner_text("#fatalities-value")
    _shot(page, "event-corrected")
    # re-analysis: rebuild every fusion table from the stored articles; ids are deterministic
    state = fusion_state_for(str(server["db"]))
    for table in ("fusion_articles", "fusion_lsh", "fusion_df", "fusion_stories", "fusion_story_index",
                  "fusion_canonical", "fusion_mention_of", "fusion_meta"):
        state.conn.execute(f"DELETE FROM {table}")
    fuse_store(server["store"], state)
    state.close()
    app.state.ctx.refresher.refresh(force=True)
    page.reload()
    assert "41" in page.inner_text("#fatalities-value")
    assert "corrected" in page.inner_text("#review-status") and "hospital count" in page.inner_text("#audit")
    page.goto(server["url"] + "/?review=corrected")
    page.wait_for_selector("body[data-ready='1']", timeout=20000)
    page.wait_for_selector("#events tbody tr")
    assert page.locator("#events tbody tr").count() == 1


def test_hostile_article_stays_inert(server: dict[str, Any], page: Any) -> None:
    page.goto(server["url"] + "/articles/hostile0000000001")
    page.wait_for_selector("#article-text")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#article-text")
    assert page.locator("#article-text a, #article-text img, #article-text script").count() == 0
    _shot(page, "article-hostile")
    page.goto(server["url"] + "/articles")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned === undefined")


def test_article_and_story_pages_render(server: dict[str, Any], page: Any) -> None:
    store = server["store"]
    from wirewatch.storage.base import ArticleQuery

    art = next(a for a in store.search_articles(ArticleQuery(limit=50)) if a.events)
    page.goto(server["url"] + f"/articles/{art.id}")
    assert page.locator("#article-text mark").count() > 3
    _shot(page, "article")
    page.goto(server["url"] + "/stories")
    page.click("table.events a >> nth=0")
    page.wait_for_selector("h1")
    _shot(page, "story")
    page.goto(server["url"] + "/alerts")
    _shot(page, "alerts")
    assert page.errors == []
