"""Page metadata from one parsed lxml tree: JSON-LD first, then OpenGraph and ``<meta>`` tags.

Publishers fill JSON-LD (schema.org NewsArticle and friends) for search engines, so it is the most careful
source of headline, dates and authors; OpenGraph comes next; text heuristics (trafilatura, htmldate) only fill
what is still missing, in :mod:`wirewatch.stages.extract`. Every value here is read from the tree as it is,
nothing is fetched. Dates that do not exist ("2017-02-31") are skipped, so the next source gets its turn.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from .records import DatePrecision

_ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "scholarlyarticle",
        "techarticle",
        "report",
        "posting",
    }
)
_PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage"})

# <meta> names/properties that carry the publication or modification time, best first.
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "originalpublicationdate",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
)
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")
# CDATA and comment wrappers some CMSs put around JSON-LD
_JSON_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$|^\s+|\s+$")
_TIME_PART = re.compile(r"\d{1,2}:\d{2}")
_MIDNIGHT = re.compile(r"[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?$")


@dataclass(slots=True)
class PageMeta:
    """What the page says about itself; None/empty where it says nothing."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: tuple[datetime, DatePrecision] | None = None
    modified: tuple[datetime, DatePrecision] | None = None
    description: str | None = None
    site_name: str | None = None
    canonical: str | None = None
    langs: list[str] = field(default_factory=list)  # hints, best first
    tags: list[str] = field(default_factory=list)
    section: str | None = None
    hreflang: list[tuple[str, str]] = field(default_factory=list)  # (lang, absolute url)
    page_title: str | None = None  # <title>, or the first <h1> that it contains: the last resort for a title
    html_title: str | None = None  # <title> as written (often "Headline | Outlet")
    article_body: str | None = None  # JSON-LD articleBody: the text of script-rendered pages


def read_page_meta(tree: HtmlElement, url: str | None) -> PageMeta:
    meta = PageMeta()
    metas = _meta_values(tree)
    ld = _json_ld_article(tree)
    _fill_from_json_ld(meta, ld, url)
    _fill_from_meta(meta, metas, tree, url)
    meta.html_title = " ".join((tree.findtext(".//title") or "").split()) or None
    meta.page_title = _page_title(meta.html_title, tree)
    return meta


def _page_title(title: str | None, tree: HtmlElement) -> str | None:
    """The headline from ``<title>`` and ``<h1>``: the h1 when the title contains it (no site suffix)."""
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if text and (title is None or text.casefold() in title.casefold()):
            return text
        break
    return title


# ---------------------------------------------------------------- dates


def parse_date(value: str | None) -> tuple[datetime, DatePrecision] | None:
    """An aware datetime and its precision from an ISO or RFC 822 date; naive times are taken as UTC."""
    if not value or not isinstance(value, str):
        return None
    raw = value.strip()
    if not re.search(r"\d{4}", raw):
        return None
    dt = _parse_iso(raw) or _parse_rfc822(raw)
    if dt is None or not 1900 <= dt.year <= 2100:
        return None
    has_time = bool(_TIME_PART.search(raw)) and not _MIDNIGHT.search(raw)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt, ("second" if has_time else "day")


def url_date(url: str | None) -> date | None:
    """A full date in the URL path (/2020/06/06/, /20200606/): the day on the newsroom's calendar."""
    m = _URL_DATE.search(urlsplit(url).path if url else "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _parse_iso(raw: str) -> datetime | None:
    text = raw.replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2} \d", raw) else raw
    text = re.sub(r"(\.\d{1,6})\d*", r"\1", text)  # fromisoformat takes at most microseconds
    text = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    m = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)", raw)
    if m:
        try:
            return datetime(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None  # an impossible day: let another source decide
    return None


def _parse_rfc822(raw: str) -> datetime | None:
    try:
        return parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None


# ---------------------------------------------------------------- JSON-LD


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads(_JSON_WRAPPERS.sub("", script.text or "").rstrip(";"), strict=False)
        except (json.JSONDecodeError, ValueError):
            continue
        yield from _flatten(data)


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _flatten(data["@graph"])
        if "@type" in data:
            yield data
        main = data.get("mainEntity")
        if isinstance(main, dict) and "@type" in main:
            yield main


def _types(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {str(v).lower() for v in values if v}


def _json_ld_article(tree: HtmlElement) -> dict[str, Any]:
    """The page's article object (or, failing that, its WebPage object); merged fields of the best one."""
    article: dict[str, Any] | None = None
    page: dict[str, Any] | None = None
    for obj in _json_ld_objects(tree):
        kinds = _types(obj)
        if article is None and kinds & _ARTICLE_TYPES:
            article = obj
        elif page is None and kinds & _PAGE_TYPES:
            page = obj
    return article or page or {}


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("url") or value.get("@id")
    if isinstance(value, str | int | float) and str(value).strip():
        return " ".join(str(value).split())
    return None


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        name = _text(item.get("name") if isinstance(item, dict) else item)
        if name and not name.startswith(("http://", "https://")):
            out.append(name)
    return out


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return [k.strip() for k in re.split(r"[,;]", value) if k.strip()]
    if isinstance(value, list):
        return [t for v in value for t in _keywords(v)]
    return []


def _fill_from_json_ld(meta: PageMeta, ld: dict[str, Any], url: str | None) -> None:
    if not ld:
        return
    meta.title = _text(ld.get("headline")) or _text(ld.get("name")) if _types(ld) & _ARTICLE_TYPES else None
    meta.authors = _names(ld.get("author"))
    meta.published = parse_date(_text(ld.get("datePublished"))) or parse_date(_text(ld.get("dateCreated")))
    meta.modified = parse_date(_text(ld.get("dateModified")))
    meta.description = _text(ld.get("description"))
    body = ld.get("articleBody")
    meta.article_body = body.strip() if isinstance(body, str) and body.strip() else None
    publishers = _names(ld.get("publisher"))  # names only: a bare {"@id": url} reference names nobody
    meta.site_name = publishers[0] if publishers else None
    lang = _text(ld.get("inLanguage"))
    if lang:
        meta.langs.append(lang)
    meta.tags = _keywords(ld.get("keywords"))
    meta.section = _text(ld.get("articleSection"))
    for key in ("url", "mainEntityOfPage"):
        target = _text(ld.get(key))
        if target and target.startswith(("http", "/")):
            meta.canonical = urljoin(url or "", target)
            break


# ---------------------------------------------------------------- OpenGraph and <meta>


def _meta_values(tree: HtmlElement) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        value = el.get("content")
        if not key or value is None or not value.strip():
            continue
        out.setdefault(key.strip().lower(), []).append(" ".join(value.split()))
    return out


def _first(metas: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        if metas.get(key):
            return metas[key][0]
    return None


def _fill_from_meta(meta: PageMeta, metas: dict[str, list[str]], tree: HtmlElement, url: str | None) -> None:
    meta.title = meta.title or _first(metas, "og:title", "twitter:title", "dc.title", "headline")
    if not meta.authors:
        author = _first(metas, "author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
        meta.authors = [author] if author and not author.startswith(("http://", "https://")) else []
    meta.published = meta.published or _meta_date(metas, tree, _PUBLISHED_META, "datePublished")
    meta.modified = meta.modified or _meta_date(metas, tree, _MODIFIED_META, "dateModified")
    meta.description = meta.description or _first(metas, "og:description", "description", "twitter:description")
    meta.site_name = meta.site_name or _first(metas, "og:site_name", "application-name")
    meta.section = meta.section or _first(metas, "article:section", "section", "parsely-section")
    meta.tags = meta.tags or metas.get("article:tag", []) or _keywords(_first(metas, "news_keywords") or "")
    for key in ("og:locale", "content-language", "language", "dc.language"):
        meta.langs.extend(metas.get(key, []))
    html_lang = tree.get("lang") or tree.get("xml:lang")
    if html_lang:
        meta.langs.insert(0, html_lang)
    _fill_links(meta, tree, metas, url)


def _meta_date(
    metas: dict[str, list[str]], tree: HtmlElement, keys: tuple[str, ...], itemprop: str
) -> tuple[datetime, DatePrecision] | None:
    for key in keys:
        for value in metas.get(key, []):
            parsed = parse_date(value)
            if parsed:
                return parsed
    for el in tree.iter("time"):
        if el.get("itemprop") == itemprop or (itemprop == "datePublished" and el.get("pubdate") is not None):
            parsed = parse_date(el.get("datetime"))
            if parsed:
                return parsed
    return None


def _fill_links(meta: PageMeta, tree: HtmlElement, metas: dict[str, list[str]], url: str | None) -> None:
    head = tree.find("head")
    for el in (head if head is not None else tree).iter("link"):
        rel = (el.get("rel") or "").lower().split()
        href = (el.get("href") or "").strip()
        if not href:
            continue
        if "canonical" in rel:
            meta.canonical = urljoin(url or "", href)
        elif "alternate" in rel and el.get("hreflang"):
            meta.hreflang.append((el.get("hreflang", "").strip(), urljoin(url or "", href)))
    og_url = _first(metas, "og:url")
    if not meta.canonical and og_url:
        meta.canonical = urljoin(url or "", og_url)
