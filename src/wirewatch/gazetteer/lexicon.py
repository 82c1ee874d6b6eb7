"""Per-language cue, qualifier, exclusion and metonymy lists (``lang/<code>/places_*.txt``), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from ..errors import ResourceError
from ..nlp import data_lines, lang_resource
from .normalize import normalize


@dataclass(frozen=True)
class PlaceLexicon:
    lang: str
    cues: frozenset[tuple[str, ...]]  # normalised token tuples
    max_cue: int
    exclusions: dict[str, frozenset[str]]  # kind -> normalised words
    metonymy: frozenset[str]
    stop_words: frozenset[str]  # normalised
    stop_raw: frozenset[str]  # lower-case with accents: "Pará" is not the stop word "para"
    qualifier_patterns: tuple[tuple[re.Pattern[str], str], ...]  # (regex anchored at the end, kind)
    units: dict[str, float]
    directions: dict[str, str]
    relations: dict[str, tuple[str, str | None]]
    parts: dict[str, str]
    #: readings of an unknown given span (``places_spans.txt``): prefixes, last-word expansions, demonym endings
    span_prefixes: tuple[tuple[str, ...], ...] = ()
    abbreviations: dict[str, str] = field(default_factory=dict)
    demonym_endings: tuple[tuple[str, str], ...] = ()
    #: resolution context (``places_spans.txt``): words that mark a name as a region ("state of X", "X state")
    #: and words that join the items of a list ("X, Y and Z")
    region_before: frozenset[str] = frozenset()
    region_after: frozenset[str] = frozenset()
    list_links: frozenset[str] = frozenset()
    #: articles that regions take and towns and people do not ("del Tolima", "do Amapá"): they vouch for a name
    #: that is only a derived region; lower-case feature words before a name ("lago de Maracaibo"; rivers apart:
    #: "río Magdalena", "rio Tietê")
    region_articles: frozenset[str] = frozenset()
    feature_before: frozenset[str] = frozenset()
    river_before: frozenset[str] = frozenset()
    #: lower-case regional adjectives ("antioqueño", "paulista") -> (the region's gazetteer name, country ISO)
    regional: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: after "X, ": a locative that makes the next place X's container ("Argelia, en el Cauca"), and the words
    #: that may stand between it and the container ("en el norte de Antioquia")
    contain_links: frozenset[str] = frozenset()
    #: lower-case words that situate a text in a country without naming a place ("manjedoura" -> PS: the Belém of
    #: a nativity story is Bethlehem); weighed like the regional adjectives
    context_countries: dict[str, str] = field(default_factory=dict)
    contain_filler: frozenset[str] = frozenset()
    #: a place named as an organisation's seat (``places_seat.txt``): words after a hyphen ("UK-based") and
    #: phrases before the name ("con sede en"); such a place is metonymic, not where an event happened
    seat_after: frozenset[str] = frozenset()
    seat_before: frozenset[tuple[str, ...]] = frozenset()

    def excluded(self, kind: str, key: str) -> bool:
        return key in self.exclusions.get(kind, frozenset())

    def locative_link(self, words: list[str]) -> bool:
        """The normalised words after "X, " up to the next place say it contains X: a locative, then only
        direction, part or region words ("en el norte de" in "Ituango, en el norte de Antioquia")."""
        for n in (2, 1):
            if len(words) >= n and " ".join(words[:n]) in self.contain_links:
                return all(w in self.contain_filler for w in words[n:])
        return False


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=4)
def place_lexicon(lang: str) -> PlaceLexicon:
    import spacy.util

    cues = [tuple(normalize(line).split()) for line in data_lines(lang_resource(lang, "places_cues.txt"))]
    excl: dict[str, set[str]] = {}
    for line in data_lines(lang_resource(lang, "places_exclusions.txt")):
        kind, _, word = line.partition("\t")
        excl.setdefault(kind, set()).add(normalize(word))
    units: dict[str, float] = {}
    dirs: dict[str, str] = {}
    rels: dict[str, tuple[str, str | None]] = {}
    parts: dict[str, str] = {}
    conns: list[str] = []
    for line in data_lines(lang_resource(lang, "places_qualifiers.txt")):
        fields = line.split("\t")
        kind, phrase = fields[0], fields[1].lower()
        if kind == "unit":
            units[phrase] = float(fields[2])
        elif kind == "dir":
            dirs[phrase] = fields[2]
        elif kind == "conn":
            conns.append(phrase)
        elif kind == "rel":
            rels[phrase] = (fields[2], fields[3] if len(fields) > 3 else None)
        elif kind == "part":
            parts[phrase] = fields[2]
        else:
            raise ResourceError(f"lang/{lang}/places_qualifiers.txt: unknown kind {kind!r}")
    num = r"(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>" + _alternation(list(units)) + r")"
    dir_ = r"(?P<dir>" + _alternation(list(dirs)) + r")"
    conn = r"(?:" + _alternation(conns) + r")"
    patterns = (
        (re.compile(num + r"\s+" + dir_ + r"\s+" + conn + r"\s+$", re.I), "distance"),
        (re.compile(num + r"\s+" + conn + r"\s+$", re.I), "distance"),
        (re.compile(r"(?<!\w)" + dir_ + r"\s+" + conn + r"\s+$", re.I), "direction"),
        (re.compile(r"(?<!\w)(?P<rel>" + _alternation(list(rels)) + r")\s+$", re.I), "relation"),
        (re.compile(r"(?<!\w)(?P<part>" + _alternation(list(parts)) + r")\s+$", re.I) if parts
         else re.compile(r"(?!x)x"), "part"),
    )
    prefixes, abbrevs, endings = _span_readings(lang)
    context = _context_words(lang)
    raw_stop = spacy.util.get_lang_class(lang).Defaults.stop_words
    stop = frozenset(normalize(w) for w in raw_stop)
    return PlaceLexicon(
        lang=lang,
        cues=frozenset(c for c in cues if c),
        max_cue=max((len(c) for c in cues), default=1),
        exclusions={k: frozenset(v) for k, v in excl.items()},
        metonymy=frozenset(normalize(w) for w in data_lines(lang_resource(lang, "places_metonymy.txt"))),
        stop_words=stop,
        stop_raw=frozenset(w.lower() for w in raw_stop),
        qualifier_patterns=patterns,
        units=units,
        directions=dirs,
        relations=rels,
        parts=parts,
        span_prefixes=prefixes,
        abbreviations=abbrevs,
        demonym_endings=endings,
        region_before=context.get("region_before", frozenset()),
        region_after=context.get("region_after", frozenset()),
        list_links=context.get("list_link", frozenset()),
        region_articles=context.get("region_article", frozenset()),
        feature_before=context.get("feature_before", frozenset()),
        river_before=context.get("river_before", frozenset()),
        regional=_regional_words(lang),
        contain_links=context.get("contain_link", frozenset()),
        context_countries=_context_countries(lang),
        contain_filler=context.get("contain_filler", frozenset()),
        **_seat_words(lang),
    )


def _seat_words(lang: str) -> dict[str, frozenset[Any]]:
    after: set[str] = set()
    before: set[tuple[str, ...]] = set()
    for line in data_lines(lang_resource(lang, "places_seat.txt")):
        kind, _, phrase = line.partition("\t")
        if kind == "after":
            after.add(normalize(phrase))
        elif kind == "before":
            before.add(tuple(normalize(phrase).split()))
        else:
            raise ResourceError(f"lang/{lang}/places_seat.txt: unknown kind {kind!r} (use 'after' or 'before')")
    return {"seat_after": frozenset(after), "seat_before": frozenset(before)}


_CONTEXT_KINDS = ("region_before", "region_after", "list_link", "region_article", "feature_before", "river_before",
                  "regional", "contain_link", "contain_filler", "context", "locality")


def _span_rows(lang: str, kind: str, fields: int, usage: str) -> list[list[str]]:
    """The ``kind`` rows of ``places_spans.txt`` with ``fields`` tab-separated fields, the last a country code."""
    rows = []
    for line in data_lines(lang_resource(lang, "places_spans.txt")):
        row = line.split("\t")
        if row[0] != kind:
            continue
        if len(row) != fields or len(row[-1]) != 2:
            raise ResourceError(f"lang/{lang}/places_spans.txt: '{kind}' needs {usage}, tab-separated: {line!r}")
        rows.append(row)
    return rows


def _regional_words(lang: str) -> dict[str, tuple[str, str]]:
    rows = _span_rows(lang, "regional", 4, "adjective, region name and a two-letter country code")
    return {r[1].lower(): (normalize(r[2]), r[3].upper()) for r in rows}


def _context_countries(lang: str) -> dict[str, str]:
    rows = _span_rows(lang, "context", 3, "a lower-case word and a two-letter country code")
    return {r[1].lower(): r[2].upper() for r in rows}


def _context_words(lang: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for line in data_lines(lang_resource(lang, "places_spans.txt")):
        kind, _, phrase = line.partition("\t")
        if kind in _CONTEXT_KINDS:
            out.setdefault(kind, set()).add(normalize(phrase))
    return {k: frozenset(v) for k, v in out.items()}


def _span_readings(lang: str) -> tuple[tuple[tuple[str, ...], ...], dict[str, str], tuple[tuple[str, str], ...]]:
    prefixes: list[tuple[str, ...]] = []
    abbrevs: dict[str, str] = {}
    endings: list[tuple[str, str]] = []
    for line in data_lines(lang_resource(lang, "places_spans.txt")):
        kind, _, rest = line.partition("\t")
        phrase, _, value = rest.partition("\t")
        if kind == "prefix":
            prefixes.append(tuple(normalize(phrase).split()))
        elif kind == "abbrev":
            abbrevs[normalize(phrase)] = normalize(value)
        elif kind == "suffix":
            endings.append((normalize(phrase), normalize(value)))
        elif kind not in _CONTEXT_KINDS:
            raise ResourceError(f"lang/{lang}/places_spans.txt: unknown kind {kind!r} (prefix, abbrev, suffix, "
                                f"{', '.join(_CONTEXT_KINDS)})")
    prefixes.sort(key=len, reverse=True)  # "town of" before "town"
    return tuple(prefixes), abbrevs, tuple(endings)


@lru_cache(maxsize=4)
def _word_forms(lang: str) -> tuple[np.ndarray, ...]:
    from ..lemmas import load

    return (load(lang)[0],)


def is_ordinary_word(lang: str, word: str) -> bool:
    """``word`` (lower-case) is an inflected form in the language's lemma table ("mataram", "insurgentes"):
    an ordinary word, so a capital at the start of a sentence says nothing about it being a name."""
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # (missing from the stubs)

    (keys,) = _word_forms(lang)
    h = np.uint64(hash_string(word))
    pos = int(np.searchsorted(keys, h))
    return pos < len(keys) and bool(keys[pos] == h)
