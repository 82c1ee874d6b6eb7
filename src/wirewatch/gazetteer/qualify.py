"""Qualifiers before a place ("20 km south of", "western", "on the outskirts of") and the shifted point."""

from __future__ import annotations

import math

from ..records import PlaceQualifier, Span
from .lexicon import PlaceLexicon

BEARINGS = {"N": 0, "NE": 45, "E": 90, "SE": 135, "S": 180, "SW": 225, "W": 270, "NW": 315}


def find_qualifier(text: str, start: int, lex: PlaceLexicon) -> PlaceQualifier | None:
    """The qualifier that ends right before ``start`` (the place's first character), if any."""
    lo = max(0, start - 60)
    before = text[lo:start]
    for pattern, kind in lex.qualifier_patterns:
        m = pattern.search(before)
        if m is None:
            continue
        span = Span(lo + m.start(), lo + m.end())
        while span.end > span.start and text[span.end - 1].isspace():
            span = Span(span.start, span.end - 1)
        groups = m.groupdict()
        if kind == "distance":
            km = float(groups["num"].replace(",", ".")) * lex.units[groups["unit"].lower()]
            direction = lex.directions.get(" ".join((groups.get("dir") or "").lower().split()))
            return PlaceQualifier(span=span, relation="distance", direction=direction, distance_km=km)
        if kind == "direction":
            direction = lex.directions[" ".join(groups["dir"].lower().split())]
            return PlaceQualifier(span=span, relation="near", direction=direction)
        if kind == "relation":
            relation, direction = lex.relations[" ".join(groups["rel"].lower().split())]
            return PlaceQualifier(span=span, relation=relation, direction=direction)
        return PlaceQualifier(span=span, relation="part", direction=lex.parts[groups["part"].lower()])
    return None


def shift(lat: float, lon: float, distance_km: float, direction: str) -> tuple[float, float]:
    """The point ``distance_km`` from (lat, lon) on the compass bearing ``direction`` (great circle)."""
    brg = math.radians(BEARINGS[direction])
    d = distance_km / 6371.0088
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(brg))
    y = math.sin(brg) * math.sin(d) * math.cos(p1)
    l2 = l1 + math.atan2(y, math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180
