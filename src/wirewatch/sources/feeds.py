"""RSS, Atom (through feedparser) and JSON Feed (parsed here): entries, their pages, and the fallback.

Each entry's page is fetched; when it cannot be, the entry's own content or summary becomes a plain-text
input carrying the entry's title and date, and ``hints['fallback']`` says why.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from time import struct_time
from typing import Any

from ..config import Config
from ..errors import FetchError, SourceError
from ..fetch import Fetcher, media_type
from ..records import RawInput
from .base import FailedInput, Item, one_line

_XML_NOISE = re.compile(rb"^(\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)
_ROOT = re.compile(rb"<([A-Za-z_][\w:.-]*)")
_FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf", b"channel"})
_JSONFEED = re.compile(rb'"version"\s*:\s*"https?://jsonfeed\.org/', re.I)
_SUPPORTED_LANGS = ("en", "es", "pt")
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                         "application/feed+json"})


@dataclass(frozen=True, slots=True)
class FeedEntry:
    link: str | None
    title: str
    published: str | None  # ISO 8601, timezone-aware
    text: str  # the entry's content or summary as plain text
    lang: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    format: str  # "rss20", "atom10", "json" ...
    title: str
    lang: str | None
    entries: tuple[FeedEntry, ...]


FetcherFactory = Callable[[], Fetcher]


# ---------------------------------------------------------------- detection


def looks_like_feed(head: bytes) -> bool:
    """Sniff the first bytes: an RSS/Atom/RDF root element, or a JSON Feed version marker."""
    head = head.lstrip(b"\xef\xbb\xbf")
    stripped = head.lstrip()
    if stripped.startswith(b"{"):
        return bool(_JSONFEED.search(head))
    match = _ROOT.match(head, _XML_NOISE.match(head).end())  # type: ignore[union-attr]
    if not match:
        return False
    return match.group(1).split(b":")[-1].lower() in _FEED_ROOTS


def is_feed_response(content_type: str, data: bytes) -> bool:
    """A fetched body is a feed when its type says so, or an XML/JSON body sniffs as one."""
    ctype = media_type(content_type)
    if ctype in _FEED_TYPES:
        return True
    if ctype in ("text/html", "application/xhtml+xml", "text/plain"):
        return looks_like_feed(data[:4096]) and not data.lstrip()[:200].lower().startswith(b"<!doctype html")
    return looks_like_feed(data[:4096])


# ---------------------------------------------------------------- parsing


def parse_feed(data: bytes, name: str, headers: Mapping[str, str] | None = None) -> Feed:
    """Parse RSS/Atom/RDF or JSON Feed bytes; raise SourceError when they are neither."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _parse_json_feed(data, name)
    import feedparser  # imported lazily: it is slow to import and only feeds need it

    # A stream, never a string: feedparser would fetch a string that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=dict(headers or {}))
    if not parsed.get("version") and not parsed.entries:
        cause = parsed.get("bozo_exception")
        detail = f" ({one_line(str(cause))})" if cause else ""
        raise SourceError(f"not a feed: {name} is neither RSS/Atom XML nor a JSON Feed{detail}; check the "
                          "file or address")
    lang = _primary_lang(parsed.feed.get("language"))
    entries = tuple(_rss_entry(e, lang) for e in parsed.entries)
    return Feed(str(parsed.get("version") or "unknown"), str(parsed.feed.get("title", "")), lang, entries)


def _rss_entry(entry: Any, lang: str | None) -> FeedEntry:
    content = entry.get("content") or []
    body = " ".join(str(c.get("value", "")) for c in content if c.get("value"))
    text = html_to_text(body or str(entry.get("summary", "")))
    title = html_to_text(str(entry.get("title", ""))).replace("\n", " ")
    link = entry.get("link") or None
    return FeedEntry(link, title, _rss_date(entry, lang), text, lang)


def _rss_date(entry: Any, lang: str | None) -> str | None:
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, struct_time):
            day = (parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            return datetime(*day, parsed.tm_hour, parsed.tm_min, parsed.tm_sec, tzinfo=UTC).isoformat()
        raw = entry.get(key)
        if raw:
            found = loose_date(str(raw), lang)
            if found:
                return found
    return None


def loose_date(raw: str, lang: str | None) -> str | None:
    """Dates feedparser cannot read (RFC 822 with Portuguese or Spanish day and month names)."""
    import dateparser  # lazily: only needed for the odd feed, and slow to import

    langs = [lang] if lang in _SUPPORTED_LANGS else []
    langs += [x for x in ("pt", "es", "en") if x not in langs]
    settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": True, "TIMEZONE": "UTC"}
    try:
        found = dateparser.parse(raw, languages=langs, settings=settings)
    except (ValueError, TypeError, OverflowError):
        return None
    return found.isoformat() if found else None


def _parse_json_feed(data: bytes, name: str) -> Feed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(f"not a feed: {name} is not valid JSON ({one_line(str(exc))})") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise SourceError(f"not a feed: {name} is JSON but not a JSON Feed (no 'items' list)")
    lang = _primary_lang(doc.get("language"))
    entries = tuple(_json_entry(item, lang) for item in doc["items"] if isinstance(item, dict))
    return Feed("json", str(doc.get("title", "")), lang, entries)


def _json_entry(item: dict[str, Any], feed_lang: str | None) -> FeedEntry:
    link = item.get("url") or item.get("external_url")
    if not link and str(item.get("id", "")).startswith(("http://", "https://")):
        link = item["id"]
    text = str(item.get("content_text") or "") or html_to_text(str(item.get("content_html") or ""))
    text = text or str(item.get("summary") or "")
    lang = _primary_lang(item.get("language")) or feed_lang
    return FeedEntry(str(link) if link else None, str(item.get("title") or ""),
                     _iso_date(item.get("date_published") or item.get("date_modified"), lang), text, lang)


def _iso_date(value: Any, lang: str | None) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return loose_date(value, lang)
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).isoformat()


def _primary_lang(value: Any) -> str | None:
    """'pt-BR' -> 'pt'; empty -> None."""
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().replace("_", "-").split("-")[0].lower() or None


# ---------------------------------------------------------------- HTML fragments to text


class _TextParser(HTMLParser):
    _BLOCK = frozenset({"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
                        "section", "article", "ul", "ol", "table", "pre", "hr", "figure", "figcaption"})
    _SKIP = frozenset({"script", "style", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Feed content is an HTML fragment: one paragraph per line, whitespace collapsed."""
    if "<" not in fragment and "&" not in fragment:
        lines = fragment.split("\n")
    else:
        parser = _TextParser()
        parser.feed(fragment)
        parser.close()
        lines = "".join(parser.parts).split("\n")
    return "\n".join(flat for flat in (" ".join(line.split()) for line in lines) if flat)


# ---------------------------------------------------------------- entries to inputs


def feed_inputs(
    data: bytes,
    *,
    source: str,
    config: Config,
    get_fetcher: FetcherFactory,
    headers: Mapping[str, str] | None = None,
) -> Iterator[Item]:
    """Every entry of the feed in ``data`` as a fetched page, a content fallback or a FailedInput."""
    try:
        feed = parse_feed(data, source, headers)
    except SourceError as exc:
        yield FailedInput(source, "feed", str(exc), RawInput(source, data, hints={"kind": "feed"}))
        return
    if not feed.entries:
        yield FailedInput(source, "feed", f"feed {source} has no entries; nothing to ingest")
        return
    fetched: dict[str, Item] = {}  # a link listed twice is fetched once (politeness); the store dedups
    for index, entry in enumerate(feed.entries, start=1):
        if entry.link and entry.link in fetched:
            yield fetched[entry.link]
            continue
        item = _entry_input(entry, index, source, get_fetcher)
        if entry.link:
            fetched[entry.link] = item
        yield item


def _entry_input(entry: FeedEntry, index: int, feed_source: str, get_fetcher: FetcherFactory) -> Item:
    from .files import page_input  # files imports this module for sniffing

    hints = {"feed": feed_source}
    hints.update({k: v for k, v in (("title", entry.title), ("published", entry.published),
                                    ("lang", entry.lang)) if v})
    link = entry.link if entry.link and entry.link.startswith(("http://", "https://")) else None
    if link is None:
        return _fallback(entry, f"{feed_source}#{index}", hints, "the entry has no http(s) link")
    try:
        resp = get_fetcher().fetch(link)
    except FetchError as exc:
        return _fallback(entry, link, hints, f"entry page not fetched ({exc})")
    item = page_input(resp.data, source=link, kind="feed", url=resp.url, headers=resp.headers,
                      retrieved_at=resp.retrieved_at, hints=hints, content_type=resp.content_type)
    if isinstance(item, FailedInput):
        return _fallback(entry, link, hints, f"entry page unusable ({item.reason})")
    return item


def _fallback(entry: FeedEntry, source: str, hints: dict[str, str], why: str) -> Item:
    if not entry.text.strip():
        return FailedInput(source, "feed", f"{why}; the feed entry has no content to fall back on")
    text = entry.text
    extra = {**hints, "kind": "text", "text": text, "fallback": f"feed entry content used: {why}"}
    return RawInput(source=source, data=text.encode("utf-8"), url=entry.link, hints=extra,
                    retrieved_at=datetime.now(UTC))
