"""Map-ready GeoJSON of stored places: one Point feature per gazetteer entry with counts and article ids."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ..storage.base import StoredPlace


def _features(stored: Iterable[StoredPlace], include_metonymy: bool) -> Iterator[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for sp in stored:
        p = sp.place
        if p.metonymy and not include_metonymy:
            continue
        g = groups.get(p.ref)
        if g is None:
            g = groups[p.ref] = {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [round(p.lon, 5), round(p.lat, 5)]},
                "properties": {"ref": p.ref, "name": p.name, "feature": p.feature, "country": p.country,
                               "admin1": p.admin1, "geonameid": p.geonameid, "precision": p.precision,
                               "mentions": 0, "articles": 0, "article_ids": []},
            }
        props = g["properties"]
        props["mentions"] += 1
        if sp.article_id not in props["article_ids"]:
            props["article_ids"].append(sp.article_id)
            props["articles"] += 1
    yield from sorted(groups.values(), key=lambda f: -f["properties"]["mentions"])


def places_geojson(stored: Iterable[StoredPlace], include_metonymy: bool = False) -> dict[str, Any]:
    """A GeoJSON FeatureCollection (lon/lat order, WGS 84) of the places; metonymic mentions left out."""
    return {"type": "FeatureCollection", "features": list(_features(stored, include_metonymy))}


def write_geojson(stored: Iterable[StoredPlace], fh: TextIO, include_metonymy: bool = False) -> int:
    """Write the FeatureCollection feature by feature; returns the number of features."""
    fh.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for feature in _features(stored, include_metonymy):
        fh.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n
