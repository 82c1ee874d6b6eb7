"""Links read from the parsed page: anchor texts, other-language editions and the tag strip.

Editions come from ``<link rel=alternate hreflang>`` and from language-switcher links ("English / Português"):
anchors whose whole text is a language name (``lang/<code>/extract_languages.txt``) or that carry
``hreflang``.
A lone "English" link is too weak a signal; two language links under one parent make a switcher.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from .nlp import SUPPORTED_LANGUAGES, data_lines, lang_resource
from .postfilter import norm_key, rules
from .records import Link
from .urls import canonicalize_url

_TAG_CONTAINER = re.compile(
    r"(?:^|[\s_-])(?:tags?|tag-?list|tags-?list|post-?tags|article-?tags|keywords|topics|temas|etiquetas|"
    r"tematicas|assuntos|topicos)(?:$|[\s_-])",
    re.IGNORECASE,
)
_TAG_HREF = re.compile(
    r"/(?:tags?|topics?|temas?|tema|etiquetas?|assuntos?|topicos?|palavras-chave|keywords?)/", re.IGNORECASE
)
_MAX_TAG_CHARS = 50
_MAX_TAGS = 25
# XPath runs in C: cheaper than visiting every anchor from Python on link-heavy pages
_SHORT_ANCHORS = etree.XPath("//a[@hreflang or @lang or string-length(normalize-space(.)) <= 20]")
_TAG_LINKS = etree.XPath(
    "//a[contains(@rel, 'tag') or contains(@href, '/tag') or contains(@href, '/topic')"
    " or contains(@href, '/tema')"
    " or contains(@href, '/etiqueta') or contains(@href, '/assunto') or contains(@href, '/topico')"
    " or contains(@href, '/keyword') or contains(@href, '/palavras-chave')]"
)
# What class/id names say about a box; one pass over the page's elements serves all three readers.
_BOX_MARKERS: dict[str, re.Pattern[str]] = {
    "tags": re.compile(r"tag|keyword|topic|tema|etiqueta|assunto"),
    "byline": re.compile(r"author|byline|autor|credito|firma|assinatura|entry-meta|post-info|post-meta|article-meta"),
    "section": re.compile(r"seccion|secao|editoria|kicker|antetitulo|section-name|categoria|category|rubrica"),
}


_ANY_MARKER = re.compile("|".join(p.pattern for p in _BOX_MARKERS.values()))


def class_boxes(tree: HtmlElement) -> dict[str, list[HtmlElement]]:
    """Elements whose class or id names a tag strip, a byline or a section label, in document order."""
    out: dict[str, list[HtmlElement]] = {kind: [] for kind in _BOX_MARKERS}
    for el in tree.iter(etree.Element):
        marker = el.get("class") or ""
        ident = el.get("id")
        if ident:
            marker = f"{marker} {ident}"
        if el.get("rel") == "author" or el.get("itemprop") == "author":
            out["byline"].append(el)
        if not marker or not _ANY_MARKER.search(marker):  # one regex call for the common case
            continue
        for kind, pattern in _BOX_MARKERS.items():
            if pattern.search(marker):
                out[kind].append(el)
    return out


@lru_cache(maxsize=1)
def language_names() -> dict[str, str]:
    """Case-folded language name as shown on switchers -> ISO 639-1 code, from all languages' lists."""
    out: dict[str, str] = {}
    for lang in SUPPORTED_LANGUAGES:
        for line in data_lines(lang_resource(lang, "extract_languages.txt")):
            name, _, code = line.partition("\t")
            if code.strip():
                out[name.strip().casefold()] = code.strip()
    return out


def _lang_of_anchor(a: HtmlElement, text: str) -> str | None:
    attr = a.get("hreflang") or a.get("lang")
    if attr:
        return attr.split("-")[0].strip().lower() or None
    key = text.strip().casefold()
    if key in language_names():
        return language_names()[key]
    return key if key in SUPPORTED_LANGUAGES else None  # "EN | ES | PT" switchers


class AnchorMap(Mapping[str, str]):
    """Normalised anchor text -> absolute href, built on first use (most pages never need it)."""

    def __init__(self, tree: HtmlElement, base: str | None) -> None:
        self._tree = tree
        self._base = base or ""
        self._map: dict[str, str] | None = None

    def _built(self) -> dict[str, str]:
        if self._map is None:
            self._map = {}
            for a in self._tree.iter("a"):
                href = (a.get("href") or "").strip()
                if not href or href.startswith(("#", "javascript:", "mailto:")):
                    continue
                key = norm_key(a.text_content())
                if key and key not in self._map:
                    self._map[key] = urljoin(self._base, href)
        return self._map

    def __getitem__(self, key: str) -> str:
        return self._built()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._built())

    def __len__(self) -> int:
        return len(self._built())


def editions(
    tree: HtmlElement, hreflang: list[tuple[str, str]], page_urls: set[str], page_lang: str | None = None
) -> list[Link]:
    """Other-language editions of this page, from hreflang alternates and language-switcher links.

    A switcher link in the page's own language leads to the home page or this page: not an edition.
    """
    found: dict[str, Link] = {}
    for lang, href in hreflang:
        code = lang.split("-")[0].lower()
        # regional versions in the page's own language (en-gb, en-au) are not other-language editions
        if code and code != "x" and lang.lower() != "x-default" and code != page_lang:
            _add_edition(found, Link(href, lang=code, rel="edition"), page_urls)
    by_parent: dict[HtmlElement, list[tuple[HtmlElement, str, str]]] = {}
    for a in _SHORT_ANCHORS(tree):
        text = " ".join(a.text_content().split())
        anchor_lang = _lang_of_anchor(a, text)
        parent = a.getparent()
        if anchor_lang and parent is not None:
            grand = parent.getparent()
            holder = grand if len(parent) <= 1 and grand is not None else parent  # <li><a> switchers
            by_parent.setdefault(holder, []).append((a, text, anchor_lang))
    base = next(iter(page_urls), "")
    for items in by_parent.values():
        if len({code for _, _, code in items}) < 2:
            continue
        for a, text, code in items:
            href = (a.get("href") or "").strip()
            if code != page_lang and href and not href.startswith(("#", "javascript:")):
                _add_edition(found, Link(urljoin(base, href), title=text, lang=code, rel="edition"), page_urls)
    return list(found.values())


def _add_edition(found: dict[str, Link], link: Link, page_urls: set[str]) -> None:
    key = canonicalize_url(link.url)
    if key in page_urls or not urlsplit(key).scheme.startswith("http"):
        return
    old = found.get(key)
    if old is None or (not old.title and link.title):
        found[key] = Link(key, title=link.title or (old.title if old else ""), lang=link.lang, rel="edition")


def tag_strip(tree: HtmlElement, boxes: dict[str, list[HtmlElement]] | None = None) -> list[str]:
    """Tag names from the tag strip: links with rel=tag, to a /tag/ path, or inside a tags container."""
    links: dict[HtmlElement, None] = {}
    for a in _TAG_LINKS(tree):
        if "tag" in (a.get("rel") or "").lower().split() or _TAG_HREF.search(a.get("href") or ""):
            links[a] = None
    labelled: list[str] = []
    for box in (boxes or class_boxes(tree))["tags"]:
        if _TAG_CONTAINER.search(f"{box.get('class') or ''} {box.get('id') or ''}"):
            anchors = list(box.iter("a"))
            links.update(dict.fromkeys(anchors))
            if not anchors:
                labelled.extend(_labelled_tags(" ".join(box.text_content().split())))
    out: list[str] = labelled
    for a in links:
        text = " ".join(a.text_content().split()).lstrip("#").strip()
        if text and len(text) <= _MAX_TAG_CHARS:
            out.append(text)
        if len(out) >= _MAX_TAGS:
            break
    return out


def _labelled_tags(text: str) -> list[str]:
    """ "Etiquetas: Guerrero, Chilapa, secuestro" -> the names (a tag strip without links)."""
    m = rules().tags.match(text)
    if not m or len(text) > 300:
        return []
    names = (t.strip(" .") for t in re.split(r"[,;|·]", text[m.end() :]))
    return [t for t in names if 0 < len(t) <= _MAX_TAG_CHARS]
