"""Fetcher and URL/feed sources against a real HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wirewatch.config import Config, load_config
from wirewatch.errors import FetchError
from wirewatch.fetch import Fetcher
from wirewatch.records import RawInput
from wirewatch.sources import FailedInput, iter_inputs

PAGE = b"<html><body><p>Tropas entraram em Palma, em Cabo Delgado.</p></body></html>"
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local</title><language>es</language>
<item><title>Inundaciones en Veracruz</title><link>{base}/missing-1</link>
<pubDate>Mon, 06 Sep 2021 08:00:00 GMT</pubDate>
<description>Cientos de familias fueron evacuadas.</description></item>
<item><title>Marcha en Quito</title><link>{base}/ok</link>
<pubDate>Tue, 07 Sep 2021 08:00:00 GMT</pubDate><description>Resumen.</description></item>
</channel></rss>
"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
             length: bool = True, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        base = f"http://{self.headers['Host']}"
        if path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path in ("/ok", "/private/page"):
            self.send(200, PAGE)
        elif path == "/500":
            self.send(500, b"oops")
        elif path == "/slow":
            time.sleep(1.0)
            self.send(200, PAGE)
        elif path == "/loop-a":
            self.send(302, Location="/loop-b")
        elif path == "/loop-b":
            self.send(302, Location=f"{base}/loop-a")
        elif path == "/big":  # no Content-Length: the cap must bite while streaming
            self.send(200, b"<p>" + b"y" * 300_000, length=False)
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        elif path == "/feed":
            self.send(200, FEED.format(base=base).encode(), "application/rss+xml")
        else:
            self.send(404, b"<p>not here</p>")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (timeout test) makes the late write fail; that is expected


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture()
def config() -> Config:
    return load_config(path=None, env={}).with_overrides(
        rate_limit=0, http_timeout=0.3, http_retries=1, http_backoff=0.01, user_agent="wirewatch-test")


def fetch_error(config: Config, url: str) -> str:
    with Fetcher(config) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    return str(info.value)


def test_ok(base: str, config: Config) -> None:
    with Fetcher(config) as fetcher:
        resp = fetcher.fetch(f"{base}/ok")
    assert resp.status == 200 and resp.data == PAGE and resp.headers["content-type"].startswith("text/html")


def test_404(base: str, config: Config) -> None:
    assert fetch_error(config, f"{base}/nothing") == "HTTP 404 Not Found"


def test_500(base: str, config: Config) -> None:
    assert fetch_error(config, f"{base}/500") == "HTTP 500 Internal Server Error (2 attempts)"


def test_timeout(base: str, config: Config) -> None:
    assert fetch_error(config, f"{base}/slow") == "timed out after 0.3 s (2 attempts)"


def test_redirect_loop(base: str, config: Config) -> None:
    assert fetch_error(config, f"{base}/loop-a").startswith("redirect loop: ")


def test_robots_disallow(base: str, config: Config) -> None:
    assert fetch_error(config, f"{base}/private/page").startswith("disallowed by robots.txt")


def test_big_page_beyond_a_small_cap(base: str, config: Config) -> None:
    reason = fetch_error(config.with_overrides(max_bytes=100_000), f"{base}/big")
    assert "larger than max_bytes (100,000)" in reason and "--max-bytes" in reason


def test_image_rejected(base: str, config: Config) -> None:
    assert fetch_error(config, f"{base}/image").startswith("unsupported content type image/png")


def test_url_sources_never_fail_the_batch(base: str, config: Config) -> None:
    urls = [f"{base}/nothing", f"{base}/ok", f"{base}/loop-a", f"{base}/private/page"]
    items = list(iter_inputs(urls, config))
    assert [type(i).__name__ for i in items] == ["FailedInput", "RawInput", "FailedInput", "FailedInput"]
    missing, page = items[0], items[1]
    assert isinstance(missing, FailedInput) and missing.kind == "url"
    assert missing.reason == "HTTP 404 Not Found"
    assert missing.raw is not None and missing.raw.data == b"<p>not here</p>"  # the error page, for audit
    assert isinstance(page, RawInput) and page.url == f"{base}/ok" and page.hints["kind"] == "html"


def test_feed_url_whose_entry_pages_404(base: str, config: Config) -> None:
    first, second = list(iter_inputs([f"{base}/feed"], config))
    assert isinstance(first, RawInput) and first.source == f"{base}/missing-1"
    assert first.hints["kind"] == "text" and "HTTP 404 Not Found" in first.hints["fallback"]
    assert first.hints["title"] == "Inundaciones en Veracruz" and first.hints["lang"] == "es"
    assert first.hints["published"] == "2021-09-06T08:00:00+00:00"
    assert first.data.decode() == "Cientos de familias fueron evacuadas."
    assert isinstance(second, RawInput) and second.data == PAGE and "fallback" not in second.hints
    assert second.hints["feed"] == f"{base}/feed"
