"""The offline gazetteer: GeoNames cities500 + countries + admin1 + a team supplement, in a cached index."""

from __future__ import annotations

from .demonyms import country_names, demonym_country
from .geojson import places_geojson, write_geojson
from .index import Gazetteer, distance_km, load_gazetteer
from .names import display_name
from .normalize import normalize

__all__ = [
    "Gazetteer", "country_names", "demonym_country", "display_name", "distance_km", "load_gazetteer", "normalize",
    "places_geojson", "write_geojson",
]
