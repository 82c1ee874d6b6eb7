"""Post-filters on extracted article lines: related-article lines, site chrome and bylines leave the body.

trafilatura keeps paragraphs that look like prose, and some site chrome does: "Leia também: ..." lines inside the
article, share bars, comment counters, newsletter prompts, cookie notices, photo credits, byline lines. The
patterns are per-language data (``lang/<code>/boilerplate.txt``). All languages' patterns are applied to every
page: a Portuguese site still says "Share" and a page's language hint may be missing or wrong, while a pattern
like "Lea también:" does not occur at the start of an English paragraph.
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
_KINDS = ("related", "drop", "byline")


@dataclass(frozen=True, slots=True)
class Rules:
    related: tuple[re.Pattern[str], ...]
    drop: tuple[re.Pattern[str], ...]
    byline: tuple[re.Pattern[str], ...]


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
    return Rules(tuple(found["related"]), tuple(found["drop"]), tuple(found["byline"]))


def norm_key(text: str) -> str:
    """Anchor-text key: case-folded words only, so quotes, dashes and spacing do not matter."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def filter_lines(lines: list[str], anchors: Mapping[str, str], rule_set: Rules | None = None) -> Filtered:
    """Split article lines into body lines, related links, authors and dropped chrome."""
    r = rule_set or rules()
    out = Filtered()
    follow = 0  # after a bare "Related:" heading, the next link-only lines are related titles
    for line in lines:
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
        if any(p.match(line) for p in r.drop):
            out.dropped.append(line)
            continue
        authors = _byline(line, r)
        if authors:
            out.authors.extend(authors)
            out.dropped.append(line)
            continue
        out.lines.append(line)
    return out


def _related_title(line: str, r: Rules) -> str | None:
    for pattern in r.related:
        m = pattern.match(line)
        if m:
            return line[m.end() :].strip().strip("\"'“”«»‘’").strip()
    bare = line.strip().rstrip(":").strip()
    for pattern in r.related:  # a bare heading: "Leia também" with the links on the next lines
        m = pattern.match(bare + ":")
        if m and m.end() >= len(bare) + 1:
            return ""
    return None


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
