"""Small places that news names with a cue word ("la vereda X", "el corregimiento de X", "a aldeia de X", "o
bairro X") and the gazetteer lacks, or places far from where the text says they are.

Such a place is kept when its sentence also names a known town or region: it is placed at that larger place
(the first one after it in the sentence, else the nearest before), at precision 2, with feature ``locality`` and
a ``within`` qualifier on the cue word, so an event there keeps a location. Without a larger place in the
sentence the name is dropped, as before: a village name alone is too often someone's or something's.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from ..nlp import data_lines, lang_resource
from ..records import Place, PlaceQualifier, Span
from .index import distance_km
from .lexicon import PlaceLexicon
from .normalize import normalize

FEATURE = "locality"
#: a gazetteer reading this far from the larger place the sentence names is a namesake elsewhere
FAR_KM = 150.0
_CONTAINERS = ("city", "admin1", "admin2", "region")
_CAP = r"[A-ZÁÉÍÓÚÀÂÊÔÃÕÇÑÜ][\w'’.-]*"
_SENT = re.compile(r"[.!?;\n]\s")


@lru_cache(maxsize=4)
def _pattern(lang: str, links: tuple[str, ...]) -> re.Pattern[str] | None:
    cues = [line.split("\t")[1] for line in data_lines(lang_resource(lang, "places_spans.txt"))
            if line.split("\t")[0] == "locality"]
    if not cues:
        return None
    cue = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True))
    link = "|".join(re.escape(w) for w in sorted(links, key=len, reverse=True))
    name = _CAP + r"(?:\s+(?:(?:" + link + r")\s+)?" + _CAP + r"){0,4}"
    # the cue in lower case ("la Comunidad Andina", "el Barrio Chino" are names of their own), then maybe a
    # connector with its article ("o bairro do Guamá", "la comunidad del Alto")
    return re.compile(r"(?<!\w)(?P<cue>(?:" + cue + r")(?:\s+(?:" + link + r"))?)\s+(?P<name>" + name + r")")


def _links(lex: PlaceLexicon) -> tuple[str, ...]:
    """Lower-case words allowed inside a small place's name ("Complexo do Alemão", "Santa Rosa de Lima")."""
    words = {w for kind in ("connector", "name_link", "article") for w in lex.exclusions.get(kind, frozenset())}
    return tuple(sorted(w for w in words if " " not in w))


def small_places(text: str, places: tuple[Place, ...], lex: PlaceLexicon) -> tuple[Place, ...]:
    """``places`` with the cue-named small places added (or replacing a far namesake), in text order."""
    pattern = _pattern(lex.lang, _links(lex))
    if pattern is None:
        return places
    out = list(places)
    for m in pattern.finditer(text):
        span = Span(m.start("name"), m.end("name"))
        name = _trim(text, span, lex)
        container = _container(text, name, out)
        if container is None:
            continue
        inside = [p for p in out if p.span.overlaps(name)]
        if any(p.feature != "city" or not _far(p, container) for p in inside):
            continue  # a known region by the name, or a town the sentence agrees with
        out = [p for p in out if p not in inside]
        out.append(_locality(text, name, Span(m.start("cue"), m.end("cue")), container))
    return tuple(sorted(out, key=lambda p: p.span.start))


def _trim(text: str, span: Span, lex: PlaceLexicon) -> Span:
    """Drop a trailing dot and capitalised function words ("vereda Santa Rita En") the name pattern took."""
    words = list(re.finditer(r"\S+", text[span.start : span.end].rstrip(".")))
    while len(words) > 1 and words[-1].group().lower() in lex.stop_raw and len(words[-1].group()) <= 3:
        words.pop()
    return Span(span.start, span.start + words[-1].end())


def _sentence(text: str, at: int) -> tuple[int, int]:
    start = max((m.end() for m in _SENT.finditer(text, 0, at)), default=0)
    nxt = _SENT.search(text, at)
    return start, nxt.start() + 1 if nxt else len(text)


def _container(text: str, name: Span, places: list[Place]) -> Place | None:
    """The known town or region the sentence names: the first after the small place, else the nearest before."""
    lo, hi = _sentence(text, name.start)
    pool = [p for p in places if lo <= p.span.start < hi and not p.metonymy and p.feature in _CONTAINERS
            and p.country  # a continent or a region of several countries ("West Africa") places nothing
            and not p.span.overlaps(name) and p.rule != "locality-cue"]
    after = [p for p in pool if p.span.start >= name.end]
    if after:
        return min(after, key=lambda p: p.span.start)
    before = [p for p in pool if p.span.end <= name.start]
    return max(before, key=lambda p: p.span.start) if before else None


def _far(p: Place, container: Place) -> bool:
    if p.country != container.country:
        return True
    if container.feature in ("admin1", "admin2", "region"):
        return bool(container.admin1) and p.admin1 != container.admin1 and p.feature == "city"
    return distance_km(p.lat, p.lon, container.lat, container.lon) > FAR_KM


def _locality(text: str, name: Span, cue: Span, container: Place) -> Place:
    return dataclasses.replace(
        container, span=name, text=text[name.start : name.end], name=text[name.start : name.end],
        ref=f"{container.ref}/{normalize(text[name.start : name.end])}", feature=FEATURE, geonameid=None,
        precision=2,
        confidence=round(container.confidence * 0.8, 3), alternatives=(),
        qualifier=PlaceQualifier(span=cue, relation="within"), metonymy=False, rule="locality-cue",
    )
