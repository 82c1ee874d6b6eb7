"""Last-resort metadata from visible page markup, for pages that declare none (no JSON-LD, no OpenGraph).

Hand-made and legacy sites still mark their byline, section and brand with telling class names ("byline",
"autor", "editoria", "seccion", a logo link to the home page) and put the outlet name next to the headline in
``<title>``. These readers only run for fields the declared metadata left empty.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from .postfilter import Rules, byline_authors, rules

_HOME_LINKS = etree.XPath("//a[@href]")
_SEPARATORS = re.compile(r"\s*[|·•—–]\s*|\s+-\s+")
_NAME = re.compile(r"[A-ZÀ-Þ][\w'’.-]+(?:\s+(?:[A-ZÀ-Þ][\w'’.-]+|da|de|do|dos|das|del|la|van|von)){1,5}")
_MAX_BOX_CHARS = 160
_MAX_SITE_WORDS = 6


def markup_authors(boxes: dict[str, list[HtmlElement]]) -> list[str]:
    """Authors from a byline element: "By A | date", "Por A — place", or "A · date · 5 min read"."""
    r = rules()
    for box in boxes["byline"]:
        text = " ".join(box.text_content().split())
        if not text or len(text) > _MAX_BOX_CHARS:
            continue
        names = byline_authors(text, r) or _lenient_byline(text, r)
        if names:
            return names
    return []


def _lenient_byline(text: str, r: Rules) -> list[str]:
    """The first segment of a byline box, when it is nothing but a capitalised name."""
    first = _SEPARATORS.split(r.byprefix.sub("", text, count=1), maxsplit=1)[0].strip(" ,")
    return [first] if _NAME.fullmatch(first) and not any(ch.isdigit() for ch in first) else []


def markup_site(tree: HtmlElement, title: str | None, headline: str | None, url: str | None) -> str | None:
    """The outlet: what ``<title>`` adds to the headline, else the alt text of the home-page logo link."""
    if title and headline and headline.casefold() in title.casefold() and len(title) > len(headline):
        start = title.casefold().index(headline.casefold())
        rest = f"{title[:start]} {title[start + len(headline) :]}"
        site = _SEPARATORS.sub(" ", rest).strip(" :-")
        if site and len(site.split()) <= _MAX_SITE_WORDS:
            return site
    return _logo_alt(tree, url)


def _logo_alt(tree: HtmlElement, url: str | None) -> str | None:
    home = f"{urlsplit(url).scheme}://{urlsplit(url).netloc}/" if url else None
    for a in _HOME_LINKS(tree):
        href = (a.get("href") or "").strip()
        if href != "/" and (home is None or urljoin(home, href) != home):
            continue
        for img in a.iter("img"):
            alt = " ".join((img.get("alt") or "").split())
            if alt and len(alt.split()) <= _MAX_SITE_WORDS:
                return alt
    return None


def markup_section(tree: HtmlElement, boxes: dict[str, list[HtmlElement]]) -> str | None:
    """A short section label ("POLICIACA", "Cotidiano"), spelt as the site's navigation spells it."""
    for box in boxes["section"]:
        text = " ".join(box.text_content().split())
        if not text or len(text.split()) > 3 or len(text) > 40:
            continue
        if text.isupper():
            return _nav_spelling(tree, text) or text.capitalize()
        return text
    return None


def _nav_spelling(tree: HtmlElement, text: str) -> str | None:
    key = text.casefold()
    for a in _HOME_LINKS(tree):
        label = " ".join(a.text_content().split())
        if label.casefold() == key and not label.isupper():
            return label
    return None
