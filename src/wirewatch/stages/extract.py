"""Web page -> :class:`Article`: decode, parse once, read metadata and links, extract the body, post-filter.

The page is parsed once with lxml. Our metadata and link readers (:mod:`wirewatch.pagemeta`,
:mod:`wirewatch.pagelinks`) work on that tree, and trafilatura gets the same tree (it copies it before
cleaning), so nothing is parsed twice. trafilatura only finds the body (its own metadata pass would read the
page again); htmldate's date heuristics, with their slow extensive search, run only when the page declares no
date. The body then goes through the per-language post-filters of :mod:`wirewatch.postfilter`.

Precedence for every metadata field: JSON-LD, then OpenGraph/``<meta>``, then hints given with the input (a
feed's date, a JSON Lines title), then trafilatura/htmldate heuristics.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from ..config import Config
from ..decode import decode_html
from ..errors import DecodeError, ExtractionError
from ..nlp import paragraph_spans
from ..pagelinks import AnchorMap, class_boxes, editions, tag_strip
from ..pagemarkup import markup_authors, markup_section, markup_site
from ..pagemeta import PageMeta, parse_date, read_page_meta, url_date
from ..pipeline import article_from_text, article_id, text_hash
from ..postfilter import filter_lines, find_href, norm_key, rules
from ..records import Article, DatePrecision, Link, RawInput
from ..urls import canonicalize_url, site_of
from .language import hint_language, url_language

#: measured on the scrapinghub pages (docs/extraction.md): fast mode without precision mode is as accurate
#: after our post-filters and about twice as fast
FAVOR_PRECISION = False
FAST = True
#: fewer words than this after filtering: the page holds no article (an index, a login wall, a gallery)
MIN_WORDS = 8
MIN_CHARS = 80
_MAX_RELATED_BLOCK_CHARS = 240
_LAYOUT_TABLES = etree.XPath(
    "//table[.//td//*[self::p or self::div or self::h1 or self::h2 or self::h3 or self::ul or self::table]"
    " or not(.//tr[count(td | th) > 1])]"
)
_SHORT_BLOCKS_WITH_LINKS = etree.XPath(
    f"//p[a and string-length(.) <= {_MAX_RELATED_BLOCK_CHARS}]"
    f" | //li[a and string-length(.) <= {_MAX_RELATED_BLOCK_CHARS}]"
)


def extract_article(raw: RawInput, config: Config) -> Article:
    """The article in ``raw``; raises :class:`DecodeError` (unreadable bytes) or :class:`ExtractionError`."""
    if raw.hints.get("kind") == "text":
        return text_article(raw)
    html, _encoding = decode_html(raw.data, raw.headers)
    tree = parse_html(html, raw.source)
    meta = read_page_meta(tree, raw.url)
    anchors = AnchorMap(tree, raw.url or meta.canonical)  # a saved file: links resolve against its canonical
    unwrap_layout_tables(tree)
    document = _trafilatura(tree, raw.url)
    body = (document.text or "") if document is not None else ""
    filtered = filter_lines([ln.strip() for ln in body.split("\n") if ln.strip()], anchors, rules())
    lines = _drop_title_line(filtered.lines, meta.title)
    text = "\n".join(lines)
    if meta.article_body and (_too_short(text) or text.split() == meta.article_body.split()):
        # a script-rendered page: its JSON-LD still carries the text, with its paragraph breaks
        text = "\n".join(ln.strip() for ln in meta.article_body.splitlines() if ln.strip())
    if _too_short(text):
        raise ExtractionError(
            f"no article text found in {raw.source}: the page has no article body "
            "(an index or navigation page?); ingest the article pages it links to instead"
        )
    return _build(raw, tree, meta, text, filtered.authors, _related(tree, anchors, filtered.related))


def _too_short(text: str) -> bool:
    return len(text.split()) < MIN_WORDS and len(text) < MIN_CHARS  # characters too: CJK text has no spaces


def text_article(raw: RawInput) -> Article:
    """Plain text input (a .txt file, a JSON Lines ``text``): no HTML extraction, hints kept."""
    text, _encoding = decode_html(raw.data, raw.headers)
    published = parse_date(raw.hints.get("published"))
    lang = raw.hints.get("lang") or None
    article = article_from_text(
        text,
        lang=hint_language(lang) if lang else None,
        published=published[0] if published else None,
        url=raw.url,
        title=raw.hints.get("title") or None,
        site=site_of(raw.url),
        source=raw.source,
    )
    if not article.text.strip():
        raise ExtractionError(f"no article text found in {raw.source}: the text is empty")
    canonical = canonicalize_url(raw.url) if raw.url else None
    return dataclasses.replace(
        article,
        id=article_id(canonical, article.text_hash),
        canonical_url=canonical,
        published_precision=published[1] if published else None,
        retrieved_at=raw.retrieved_at or article.retrieved_at,
    )


def parse_html(html: str, source: str = "<html>") -> HtmlElement:
    """One lxml tree for the page (trafilatura's loader: it repairs the usual broken markup)."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise DecodeError(f"{source}: not an HTML document (no element tree could be built)")
    return tree


def unwrap_layout_tables(tree: HtmlElement) -> None:
    """Turn tables used for page layout into plain blocks, so the body is not read as one giant table row.

    A cell holding paragraphs, headings, lists or another table is layout, not data; so is a one-column table.
    """
    for table in _LAYOUT_TABLES(tree):
        for el in table.iter("table", "tbody", "thead", "tfoot", "tr", "td", "th"):
            el.tag = "div"


def _trafilatura(tree: HtmlElement, url: str | None) -> Any:
    """The body only: our own readers cover the metadata, saving trafilatura a second pass over the page."""
    import trafilatura

    return trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        with_metadata=False,
        favor_precision=FAVOR_PRECISION,
        fast=FAST,
    )


def heuristic_date(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's guess (YYYY-MM-DD), for pages that declare no date; its slow extensive search last."""
    from htmldate import find_date

    today = datetime.now(UTC).strftime("%Y-%m-%d")
    found: str | None = None
    for extensive in (False, True):  # the quick search settles most pages at a tenth of the cost
        try:
            found = find_date(tree, url=url, extensive_search=extensive, max_date=today)
        except (ValueError, TypeError):
            found = None
        if found:
            break
    return found


def _drop_title_line(lines: list[str], title: str | None) -> list[str]:
    """The headline repeated at the top of the body is metadata, not text; so is a short kicker above it."""
    key = norm_key(title or "")
    for i, line in enumerate(lines[:3]):
        if key and norm_key(line) == key and all(len(x.split()) <= 5 for x in lines[:i]):
            return lines[i + 1 :]
    return lines


# ---------------------------------------------------------------- assembling the record


def _build(
    raw: RawInput,
    tree: HtmlElement,
    meta: PageMeta,
    text: str,
    byline_authors: list[str],
    related: list[Link],
) -> Article:
    canonical = _canonical(meta.canonical, raw.url)
    published, precision = _published(meta, raw, tree)
    title = meta.title or raw.hints.get("title") or meta.page_title
    site = meta.site_name or markup_site(tree, meta.html_title, meta.page_title, raw.url)
    site = site or site_of(canonical or raw.url)
    page_urls = {u for u in (canonical, canonicalize_url(raw.url) if raw.url else None) if u}
    lang = _lang_hint(meta, raw)
    boxes = class_boxes(tree)
    thash = text_hash(text)
    return Article(
        id=article_id(canonical, thash),
        text=text,
        url=raw.url,
        canonical_url=canonical,
        site=site,
        title=_clean_title(title, site),
        authors=_authors(meta.authors or byline_authors or markup_authors(boxes)),
        published=published,
        published_precision=precision,
        modified=meta.modified[0] if meta.modified else None,
        retrieved_at=raw.retrieved_at,
        lang=lang,
        lang_confidence=0.0,
        description=meta.description,
        tags=_dedupe([*meta.tags, *tag_strip(tree, boxes)]),
        section=meta.section or markup_section(tree, boxes),
        paragraphs=paragraph_spans(text),
        editions=tuple(editions(tree, meta.hreflang, page_urls, lang)),
        related=tuple(related),
        text_hash=thash,
        source=raw.source,
    )


def _canonical(declared: str | None, url: str | None) -> str | None:
    if not declared:
        return canonicalize_url(url) if url else None
    resolved = canonicalize_url(urljoin(url or "", declared))
    if url and urlsplit(resolved).path in ("", "/") and len(urlsplit(url).path) > 1:
        return canonicalize_url(url)  # a CMS pointing every page at its home page
    return resolved


def _published(meta: PageMeta, raw: RawInput, tree: HtmlElement) -> tuple[datetime | None, DatePrecision | None]:
    found = meta.published or parse_date(raw.hints.get("published"))
    if found is None:
        day = parse_date(heuristic_date(tree, raw.url))
        found = (day[0], "day") if day else None
    if found is None:
        return None, None
    in_url = url_date(raw.url)
    if in_url and abs((found[0].date() - in_url).days) == 1:
        # a timestamp stored in UTC crossed midnight; the URL carries the newsroom's local day
        return datetime(in_url.year, in_url.month, in_url.day, tzinfo=UTC), "day"
    return found


def _lang_hint(meta: PageMeta, raw: RawInput) -> str | None:
    for hint in (*meta.langs, raw.hints.get("lang"), url_language(raw.url)):
        code = hint_language(hint)
        if code:
            return code
    return None


def _clean_title(title: str | None, site: str | None) -> str | None:
    """Drop a trailing " | Site name" / " - Site name" that og:title and <title> often carry."""
    if not title:
        return None
    title = " ".join(title.split())
    if site and len(title) > len(site) and title.casefold().endswith(site.casefold()):
        head = title[: -len(site)].rstrip()
        if head and head[-1] in "|-–—:·" and head[:-1].strip():
            return head[:-1].rstrip()
    return title


def _authors(names: list[str]) -> tuple[str, ...]:
    return tuple(_dedupe([" ".join(n.split()) for n in names if n and len(n) < 80]))


def _dedupe(values: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for v in values:
        v = " ".join(str(v).split())
        if v and v.casefold() not in seen:
            seen.add(v.casefold())
            out.append(v)
    return tuple(out)


# ---------------------------------------------------------------- related links


def _related(tree: HtmlElement, anchors: AnchorMap, from_body: list[tuple[str, str | None]]) -> list[Link]:
    """Related links from body lines, plus "Read: <a>" paragraphs that trafilatura already left out."""
    found: dict[str, Link] = {}
    for title, href in from_body:
        found.setdefault(norm_key(title), Link(canonicalize_url(href) if href else "", title=title, rel="related"))
    r = rules()
    for el in _SHORT_BLOCKS_WITH_LINKS(tree):
        text = " ".join(el.text_content().split())
        if not text or len(text) > _MAX_RELATED_BLOCK_CHARS or not r.related.match(text):
            continue
        for a in el.iter("a"):
            title = " ".join(a.text_content().split())
            if title and norm_key(title) not in found:
                href = find_href(title, anchors)
                found[norm_key(title)] = Link(canonicalize_url(href) if href else "", title=title, rel="related")
    return list(found.values())
