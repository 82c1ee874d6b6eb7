"""Polite HTTP(S) fetching over httpx: timeouts, retries, redirects, size cap, robots.txt, rate limit.

One :class:`Fetcher` serves a whole batch so that robots.txt answers and per-host request times are shared.
Every failure is a :class:`FetchFailure` (a :class:`~wirewatch.errors.FetchError`) whose message is one line
saying what happened and, where the user can do something, what to do.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .config import Config
from .errors import FetchError

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
RETRY_CODES = frozenset({429})  # plus every 5xx
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
BODY_DEADLINE_FACTOR = 4  # a whole body may take this many http_timeouts

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/feed+json", "application/json",
})
GZIP_TYPES = frozenset({"application/gzip", "application/x-gzip"})  # a .html.gz served as a file
ACCEPTED_TYPES = PAGE_TYPES | FEED_TYPES | GZIP_TYPES
ACCEPT_HEADER = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.5"


@dataclass(frozen=True, slots=True)
class FetchResponse:
    """A completed fetch: the final URL after redirects and the body as received."""

    url: str
    status: int
    headers: dict[str, str]
    data: bytes
    retrieved_at: datetime
    requested_url: str = ""
    redirects: tuple[str, ...] = field(default=())

    @property
    def content_type(self) -> str:
        return media_type(self.headers.get("content-type", ""))


class FetchFailure(FetchError):
    """A fetch failed; ``response`` holds what the server did send (status, headers, body), if anything."""

    def __init__(self, reason: str, *, url: str, response: FetchResponse | None = None) -> None:
        super().__init__(reason)
        self.url = url
        self.response = response


def media_type(content_type: str) -> str:
    """'text/html; charset=utf-8' -> 'text/html'."""
    return content_type.split(";", 1)[0].strip().lower()


def too_large_reason(size: int | None, max_bytes: int) -> str:
    shown = f"{size:,} bytes, " if size is not None else ""
    return (f"{shown}larger than max_bytes ({max_bytes:,}); raise the cap with --max-bytes "
            "or WIREWATCH_MAX_BYTES")


class Fetcher:
    """Fetch pages one at a time, politely. Pass ``transport`` (e.g. ``httpx.MockTransport``) in tests."""

    def __init__(
        self,
        config: Config,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.timeout = float(config.http_timeout)
        self.retries = max(0, int(config.http_retries))
        self.backoff = max(0.0, float(config.http_backoff))
        self.max_bytes = int(config.max_bytes)
        self.rate_limit = max(0.0, float(config.rate_limit))
        self.obey_robots = bool(config.obey_robots)
        self.max_redirects = max(0, int(config.max_redirects))
        self.user_agent = str(config.user_agent)
        self._sleep = sleep
        self._clock = clock
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser] = {}
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(self.timeout),
            follow_redirects=False,  # followed by hand: robots.txt, loop check and the limit apply per hop
            headers={"User-Agent": self.user_agent, "Accept": ACCEPT_HEADER},
        )

    # ------------------------------------------------------------ public

    def fetch(self, url: str) -> FetchResponse:
        """GET ``url`` following redirects; raise :class:`FetchFailure` with a one-line reason."""
        current = _checked_url(url)
        visited = [current]
        for _hop in range(self.max_redirects + 1):
            if self.obey_robots and not self._robots_allow(current):
                raise FetchFailure(f"disallowed by robots.txt ({current}); use --no-robots only for sites "
                                   "you may crawl", url=url)
            response = self._get_with_retries(current)
            location = response.headers.get("location")
            if response.status in REDIRECT_CODES and location:
                target = _checked_url(urljoin(current, location.strip()))
                if target in visited:
                    raise FetchFailure(f"redirect loop: {' -> '.join([*visited, target])}", url=url,
                                       response=response)
                visited.append(target)
                current = target
                continue
            if response.status >= 400:
                raise FetchFailure(_status_line(response.status), url=url, response=response)
            return FetchResponse(response.url, response.status, response.headers, response.data,
                                 response.retrieved_at, requested_url=url, redirects=tuple(visited[1:]))
        raise FetchFailure(f"more than {self.max_redirects} redirects (max_redirects); raise it with "
                           "WIREWATCH_MAX_REDIRECTS if the site needs more", url=url)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # ------------------------------------------------------------ one request, retried

    def _get_with_retries(self, url: str) -> FetchResponse:
        attempts = self.retries + 1
        reason = ""
        last: FetchResponse | None = None
        for attempt in range(attempts):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            try:
                last = self._get_once(url)
            except httpx.TimeoutException:
                reason = f"timed out after {self.timeout:g} s"
                continue
            except httpx.TransportError as exc:
                reason = f"connection failed ({_exc_text(exc)})"
                continue
            if last.status < 500 and last.status not in RETRY_CODES:
                return last
            reason = _status_line(last.status)
        plural = "attempt" if attempts == 1 else "attempts"
        raise FetchFailure(f"{reason} ({attempts} {plural})", url=url, response=last)

    def _get_once(self, url: str) -> FetchResponse:
        """One GET, streamed so that an oversized or unwanted body is never read whole."""
        self._wait_for_host(url)
        with self._client.stream("GET", url) as resp:
            headers = {k.lower(): v for k, v in resp.headers.items()}
            result = FetchResponse(str(resp.url), resp.status_code, headers, b"", datetime.now(UTC),
                                   requested_url=url)
            if resp.status_code in REDIRECT_CODES or resp.status_code >= 500:
                return result  # the body of a redirect or server error is not worth reading
            if resp.status_code < 400:
                self._check_type(result)
            data = self._read_capped(resp, result)
        return FetchResponse(result.url, result.status, headers, data, result.retrieved_at, requested_url=url)

    def _check_type(self, result: FetchResponse) -> None:
        ctype = result.content_type
        if ctype and ctype not in ACCEPTED_TYPES and not ctype.endswith(("+xml", "+json")):
            raise FetchFailure(f"unsupported content type {ctype}; not a web page or feed", url=result.url,
                               response=result)

    def _read_capped(self, resp: httpx.Response, result: FetchResponse) -> bytes:
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            reason = too_large_reason(int(declared), self.max_bytes)
            raise FetchFailure(reason, url=result.url, response=result)
        chunks: list[bytes] = []
        size = 0
        # The timeout bounds each read; this bounds the whole body against a server trickling bytes.
        deadline = self._clock() + BODY_DEADLINE_FACTOR * self.timeout
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchFailure(too_large_reason(None, self.max_bytes), url=result.url, response=result)
            if self._clock() > deadline:
                raise FetchFailure(f"body still incomplete after {BODY_DEADLINE_FACTOR * self.timeout:g} s "
                                   "(a very slow server); raise http_timeout to wait longer", url=result.url)
            chunks.append(chunk)
        return b"".join(chunks)

    # ------------------------------------------------------------ politeness

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last_request.get(host)
        if last is not None and self.rate_limit > 0:
            wait = self.rate_limit - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc.lower()}"
        parser = self._robots.get(key)
        if parser is None:
            parser = self._load_robots(f"{key}/robots.txt")
            self._robots[key] = parser
        return parser.can_fetch(self.user_agent, url)

    def _load_robots(self, robots_url: str) -> RobotFileParser:
        """401/403 mean 'keep out'; any other failure to get robots.txt means no rules apply."""
        parser = RobotFileParser(robots_url)
        try:
            self._wait_for_host(robots_url)
            status, body = self._get_small(robots_url)
        except httpx.HTTPError:
            status, body = 599, b""  # unreachable: no rules
        if status in (401, 403):
            parser.parse(["User-agent: *", "Disallow: /"])
        elif status >= 400:
            parser.parse([])
        else:
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser

    def _get_small(self, url: str) -> tuple[int, bytes]:
        """GET a small file (robots.txt), following redirects, reading at most ROBOTS_MAX_BYTES."""
        with self._client.stream("GET", url, follow_redirects=True) as resp:
            body = b""
            for chunk in resp.iter_bytes():
                body += chunk
                if len(body) >= ROBOTS_MAX_BYTES:
                    break
            return resp.status_code, body[:ROBOTS_MAX_BYTES]


def _checked_url(url: str) -> str:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchFailure(f"not an http(s) URL: {url!r}", url=url)
    return url


def _status_line(status: int) -> str:
    try:
        phrase = httpx.codes.get_reason_phrase(status)
    except ValueError:
        phrase = ""
    return f"HTTP {status} {phrase}".rstrip()


def _exc_text(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
