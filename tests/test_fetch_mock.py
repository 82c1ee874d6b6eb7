"""Fetcher behaviour against httpx.MockTransport: retries, redirects, types, caps, robots, rate limit."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from wirewatch.config import Config, load_config
from wirewatch.errors import FetchError
from wirewatch.fetch import Fetcher

Handler = Callable[[httpx.Request], httpx.Response]
HTML = {"content-type": "text/html; charset=utf-8"}


class Clock:
    """A fake monotonic clock that sleeping advances, so politeness is tested without waiting."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def config() -> Config:
    return load_config(path=None, env={}).with_overrides(rate_limit=0, http_backoff=0.5, http_retries=2)


def make(config: Config, handler: Handler, clock: Clock | None = None) -> Fetcher:
    clock = clock or Clock()
    return Fetcher(config, transport=httpx.MockTransport(handler), sleep=clock.sleep, clock=clock)


def site(pages: dict[str, httpx.Response], log: list[str] | None = None) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        if log is not None:
            log.append(request.url.path)
        return pages.get(request.url.path, httpx.Response(404))

    return handler


def test_ok_page_with_user_agent(config: Config) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["user-agent"])
        return httpx.Response(200, headers=HTML, content=b"<p>ok</p>")

    resp = make(config.with_overrides(user_agent="wirewatch-test/1"), handler).fetch("https://a.example/x")
    assert resp.status == 200 and resp.data == b"<p>ok</p>" and resp.content_type == "text/html"
    assert resp.url == "https://a.example/x" and resp.retrieved_at.tzinfo is not None
    assert set(seen) == {"wirewatch-test/1"}


def test_5xx_is_retried_with_exponential_backoff(config: Config) -> None:
    calls: list[str] = []
    clock = Clock()

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if calls.count("/x") < 3:
            return httpx.Response(503)
        return httpx.Response(200, headers=HTML, content=b"x")

    assert make(config, handler, clock).fetch("https://a.example/x").status == 200
    assert calls.count("/x") == 3 and clock.sleeps == [0.5, 1.0]


def test_retries_exhausted(config: Config) -> None:
    with pytest.raises(FetchError, match=r"^HTTP 500 Internal Server Error \(3 attempts\)$"):
        make(config, lambda r: httpx.Response(500)).fetch("https://a.example/x")


def test_timeouts_and_connection_errors(config: Config) -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(FetchError, match=r"^timed out after 20 s \(3 attempts\)$"):
        make(config, slow).fetch("https://a.example/x")

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with pytest.raises(FetchError, match=r"connection failed \(connection refused\) \(3 attempts\)"):
        make(config, refused).fetch("https://a.example/x")


def test_404_is_not_retried(config: Config) -> None:
    log: list[str] = []
    with pytest.raises(FetchError, match=r"^HTTP 404 Not Found$") as info:
        make(config, site({}, log)).fetch("https://a.example/x")
    assert log == ["/robots.txt", "/x"]
    assert info.value.response is not None  # type: ignore[attr-defined]


def test_redirects_followed_and_loops_detected(config: Config) -> None:
    pages = {
        "/old": httpx.Response(301, headers={"location": "/new"}),
        "/new": httpx.Response(200, headers=HTML, content=b"<p>moved</p>"),
        "/a": httpx.Response(302, headers={"location": "https://a.example/b"}),
        "/b": httpx.Response(302, headers={"location": "/a"}),
    }
    fetcher = make(config, site(pages))
    resp = fetcher.fetch("https://a.example/old")
    assert resp.url == "https://a.example/new" and resp.redirects == ("https://a.example/new",)
    with pytest.raises(FetchError, match=r"^redirect loop"):
        fetcher.fetch("https://a.example/a")


def test_redirect_limit(config: Config) -> None:
    def chain(request: httpx.Request) -> httpx.Response:
        n = int(request.url.path.strip("/") or 0) if request.url.path != "/robots.txt" else -1
        return httpx.Response(404) if n < 0 else httpx.Response(302, headers={"location": f"/{n + 1}"})

    with pytest.raises(FetchError, match=r"more than 3 redirects"):
        make(config.with_overrides(max_redirects=3), chain).fetch("https://a.example/0")


@pytest.mark.parametrize("ctype", ["image/png", "application/pdf"])
def test_unwanted_content_types(config: Config, ctype: str) -> None:
    pages = {"/f": httpx.Response(200, headers={"content-type": ctype}, content=b"\x89PNG")}
    with pytest.raises(FetchError, match=f"unsupported content type {ctype}"):
        make(config, site(pages)).fetch("https://a.example/f")


def test_size_cap_by_header_and_while_streaming(config: Config) -> None:
    body = b"<p>" + b"x" * 5000
    declared = {"/d": httpx.Response(200, headers=HTML, content=body)}
    with pytest.raises(FetchError, match="larger than max_bytes"):
        make(config.with_overrides(max_bytes=1000), site(declared)).fetch("https://a.example/d")

    def streamed(request: httpx.Request) -> httpx.Response:  # no content-length: chunks only
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, headers=HTML, content=iter([body[:3000], body[3000:]]))

    with pytest.raises(FetchError, match="larger than max_bytes"):
        make(config.with_overrides(max_bytes=1000), streamed).fetch("https://a.example/s")


def test_robots_rules_status_and_cache(config: Config) -> None:
    log: list[str] = []
    pages = {
        "/robots.txt": httpx.Response(200, text="User-agent: *\nDisallow: /private/\n"),
        "/public": httpx.Response(200, headers=HTML, content=b"<p>x</p>"),
    }
    fetcher = make(config, site(pages, log))
    fetcher.fetch("https://a.example/public")
    with pytest.raises(FetchError, match=r"^disallowed by robots\.txt"):
        fetcher.fetch("https://a.example/private/page")
    assert log.count("/robots.txt") == 1 and "/private/page" not in log
    ignoring = make(config.with_overrides(obey_robots=False), site(pages, log))
    with pytest.raises(FetchError, match="HTTP 404"):
        ignoring.fetch("https://a.example/private/page")


@pytest.mark.parametrize(("status", "allowed"), [(401, False), (403, False), (404, True), (500, True)])
def test_robots_status_codes(config: Config, status: int, allowed: bool) -> None:
    pages = {"/robots.txt": httpx.Response(status), "/p": httpx.Response(200, headers=HTML, content=b"<p/>")}
    fetcher = make(config.with_overrides(http_retries=0), site(pages))
    if allowed:
        assert fetcher.fetch("https://a.example/p").status == 200
    else:
        with pytest.raises(FetchError, match=r"disallowed by robots\.txt"):
            fetcher.fetch("https://a.example/p")


def test_unreachable_robots_means_allowed(config: Config) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            raise httpx.ConnectError("down", request=request)
        return httpx.Response(200, headers=HTML, content=b"<p/>")

    assert make(config, handler).fetch("https://a.example/p").status == 200


def test_per_host_rate_limit(config: Config) -> None:
    clock = Clock()
    pages = {"/p": httpx.Response(200, headers=HTML, content=b"<p/>")}
    fetcher = make(config.with_overrides(rate_limit=2.0, obey_robots=False), site(pages), clock)
    fetcher.fetch("https://a.example/p")
    fetcher.fetch("https://b.example/p")  # another host: no wait
    assert clock.sleeps == []
    fetcher.fetch("https://a.example/p")
    assert clock.sleeps == [2.0]


def test_only_http_urls(config: Config) -> None:
    with pytest.raises(FetchError, match="not an http"):
        make(config, site({})).fetch("file:///etc/passwd")


def test_a_trickling_body_is_abandoned(config: Config) -> None:
    clock = Clock()

    def chunks() -> object:
        for _ in range(10):
            clock.now += 30.0  # each chunk arrives within the read timeout, the whole body does not
            yield b"<p>x</p>"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=HTML, content=chunks())  # type: ignore[arg-type]

    fetcher = make(config.with_overrides(obey_robots=False), handler, clock)
    with pytest.raises(FetchError, match="body still incomplete after 80 s"):
        fetcher.fetch("https://a.example/slow")
