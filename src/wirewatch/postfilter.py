"""Post-filters on extracted article lines: related-article lines, site chrome and bylines leave the body.

trafilatura keeps paragraphs that look like prose, and some site chrome does: "Leia também: ..." lines inside
the article, share bars, comment counters, newsletter prompts, cookie notices, photo credits, byline lines.
The patterns are per-language data (``lang/<code>/boilerplate.txt``). All languages' patterns are applied to
every page: a Portuguese site still says "Share" and a page's language hint may be missing or wrong, while a
pattern like "Lea también:" does not occur at the start of an English paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import ResourceError
from .nlp import SUPPORTED_LANGUAGES, data_lines, lang_resource

#: a line longer than this is prose, whatever its opening words
MAX_CHROME_CHARS = 240
_MAX_FOLLOWING_LINKS = 6
#: a run of at least this many consecutive menu-like lines (one to four words, no sentence end) is navigation
MENU_RUN = 5
_BULLET = re.compile(r"^[-•·*▪►»]\s+")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;\"”»。！？」]$")
_MENU_ITEM_CHARS = 40
_KINDS = ("related", "drop", "tags", "byprefix", "byline")


@dataclass(frozen=True, slots=True)
class Rules:
    """One alternation per kind (one regex call per line instead of one per pattern)."""

    related: re.Pattern[str]
    drop: re.Pattern[str]
    tags: re.Pattern[str]
    byprefix: re.Pattern[str]
    byline: tuple[re.Pattern[str], ...]  # kept apart: each has its own "author" group


@dataclass(slots=True)
class Filtered:
    lines: list[str] = field(default_factory=list)
    related: list[tuple[str, str | None]] = field(default_factory=list)  # (title, href if found)
    authors: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


@lru_cache(maxsize=4)
def rules(langs: tuple[str, ...] = SUPPORTED_LANGUAGES) -> Rules:
    found: dict[str, list[re.Pattern[str]]] = {k: [] for k in _KINDS}
    for lang in langs:
        for line in data_lines(lang_resource(lang, "boilerplate.txt")):
            kind, _, pattern = line.partition("\t")
            if kind not in found or not pattern:
                raise ResourceError(f"lang/{lang}/boilerplate.txt: bad line {line!r}; expected kind<TAB>regex")
            flags = 0 if kind == "byline" else re.IGNORECASE
            try:
                found[kind].append(re.compile(pattern.strip(), flags))
            except re.error as exc:
                raise ResourceError(f"lang/{lang}/boilerplate.txt: bad pattern {pattern!r}: {exc}") from exc
    return Rules(
        related=_union(found["related"]),
        drop=_union([*found["drop"], *found["tags"]]),  # a tag line in the body is chrome too
        tags=_union(found["tags"]),
        byprefix=re.compile(rf"(?:{'|'.join(p.pattern for p in found['byprefix']) or '(?!)'})\s+", re.IGNORECASE),
        byline=tuple(found["byline"]),
    )


def _union(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns) or r"(?!)", re.IGNORECASE)


def norm_key(text: str) -> str:
    """Anchor-text key: case-folded words only, so quotes, dashes and spacing do not matter."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def filter_lines(lines: list[str], anchors: Mapping[str, str], rule_set: Rules | None = None) -> Filtered:
    """Split article lines into body lines, related links, authors and dropped chrome."""
    r = rule_set or rules()
    out = Filtered()
    follow = 0  # after a bare "Related:" heading, the next link-only lines are related titles
    for line in drop_menu_runs(lines, out.dropped):
        if follow and norm_key(line) in anchors:
            out.related.append((line.strip(" -•·"), anchors[norm_key(line)]))
            follow -= 1
            continue
        follow = 0
        if len(line) > MAX_CHROME_CHARS:
            out.lines.append(line)
            continue
        title = _related_title(line, r)
        if title is not None:
            if title:
                out.related.append((title, find_href(title, anchors)))
            else:
                follow = _MAX_FOLLOWING_LINKS
            continue
        bare = _BULLET.sub("", line)
        if r.drop.match(bare) or _is_generic_chrome(bare):
            out.dropped.append(line)
            continue
        authors = _byline(line, r)
        if authors:
            out.authors.extend(authors)
            out.dropped.append(line)
            continue
        out.lines.append(line)
    return out


def _is_generic_chrome(line: str) -> bool:
    """Chrome in any language: a bare URL, a short line with a copyright sign (photo and agency credits)."""
    return bool(_URL_ONLY.match(line)) or ("©" in line and len(line) <= 150)


def drop_menu_runs(lines: list[str], dropped: list[str]) -> list[str]:
    """Remove runs of navigation-like lines ("Home", "Sports" ...) that a fallback extractor kept."""
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, "."]:  # the sentinel closes the last run
        if _menu_like(line):
            run.append(line)
            continue
        if len(run) >= MENU_RUN:
            dropped.extend(run)
        else:
            out.extend(run)
        run = []
        out.append(line)
    return out[:-1]


def _menu_like(line: str) -> bool:
    return (
        len(line) <= _MENU_ITEM_CHARS
        and len(line.split()) <= 4
        and not _SENTENCE_END.search(line)
        and not line[:1].isdigit()
        and not _BULLET.match(line)  # list items in the article (ingredients, specs) are not a menu
    )


def _related_title(line: str, r: Rules) -> str | None:
    m = r.related.match(line)
    if m:
        return line[m.end() :].strip().strip("\"'“”«»‘’").strip()
    bare = line.strip().rstrip(":").strip()
    m = r.related.match(bare + ":")  # a bare heading: "Leia também" with the links on the next lines
    if m and m.end() >= len(bare) + 1:
        return ""
    return None


def byline_authors(line: str, r: Rules | None = None) -> list[str]:
    """Author names in a byline ("By A and B | March 8", "Por João Silva — 8 de março"), else []."""
    return _byline(line, r or rules())


def _byline(line: str, r: Rules) -> list[str]:
    for pattern in r.byline:
        m = pattern.match(line.strip())
        if m:
            names = re.split(r"\s*(?:,|&|\band\b|\be\b|\by\b)\s*", m.group("author"))
            return [n.strip(" .") for n in names if n.strip(" .")]
    return []


def find_href(title: str, anchors: Mapping[str, str]) -> str | None:
    """The link whose anchor text is ``title`` (or is contained in it, for titles with a trailing note)."""
    key = norm_key(title)
    if not key:
        return None
    if key in anchors:
        return anchors[key]
    best = None
    for text, href in anchors.items():
        if len(text) >= 15 and (text in key or key in text) and (best is None or len(text) > len(best[0])):
            best = (text, href)
    return best[1] if best else None
