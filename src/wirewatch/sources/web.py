"""A URL: fetched once; a feed is expanded into its entries, anything else is one page."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..errors import DecodeError, FetchError
from ..fetch import FetchFailure
from ..records import RawInput
from .base import FailedInput, Item
from .checks import GZIP_MAGIC, gunzip_capped
from .feeds import FetcherFactory, feed_inputs, is_feed_response
from .files import page_input


def url_inputs(url: str, config: Config, get_fetcher: FetcherFactory) -> Iterator[Item]:
    try:
        resp = get_fetcher().fetch(url)
    except FetchError as exc:
        yield FailedInput(url, "url", str(exc), _raw_of(exc, url))
        return
    data = resp.data
    if data.startswith(GZIP_MAGIC):  # a .html.gz served as a file (Content-Encoding is undone by httpx)
        try:
            data = gunzip_capped(data, url, int(config.max_bytes))
        except DecodeError as exc:
            yield FailedInput(url, "url", str(exc), RawInput(url, resp.data, resp.url, resp.headers))
            return
    if is_feed_response(resp.headers.get("content-type", ""), data):
        yield from feed_inputs(data, source=url, config=config, get_fetcher=get_fetcher, headers=resp.headers)
        return
    yield page_input(data, source=url, kind="url", url=resp.url, headers=resp.headers,
                     retrieved_at=resp.retrieved_at, content_type=resp.content_type)


def _raw_of(exc: FetchError, url: str) -> RawInput | None:
    """What the server did send before the fetch failed (an error page), for the audit log."""
    resp = exc.response if isinstance(exc, FetchFailure) else None
    if resp is None or not resp.data:
        return None
    return RawInput(url, resp.data, resp.url, resp.headers, resp.retrieved_at)
