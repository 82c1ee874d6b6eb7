"""The cached gazetteer: built once into the user cache dir, loaded in well under two seconds.

The cache file name carries the source version (registry package versions, packaged data, builder version),
so a change to any of them makes a fresh build; stale files of older versions are removed.
"""

from __future__ import annotations

import gc
import math
import os
import pickle
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO

from ..config import Config
from ..errors import ResourceError
from ..records import PlaceCandidate
from .build import FEATURES, IndexData, build_index, source_version
from .normalize import lookup_keys

_LOCK = threading.Lock()
_LOADED: dict[Path, Gazetteer] = {}


class Gazetteer:
    """Read-only view over :class:`IndexData` with name lookup and candidate records."""

    def __init__(self, data: IndexData) -> None:
        self.data = data
        self.max_tokens = min(data.max_tokens, 7)

    def __len__(self) -> int:
        return len(self.data.refs)

    def lookup(self, key: str) -> list[tuple[int, bool]]:
        """Rows (and whether the match is an alternate name) for a normalised key, with article fallbacks."""
        for k in lookup_keys(key):
            found = self.data.keys.get(k)
            if found is not None:
                codes = (found,) if isinstance(found, int) else found
                return [(c >> 1, bool(c & 1)) for c in codes]
        return []

    def has(self, key: str) -> bool:
        return key in self.data.keys

    def feature(self, row: int) -> str:
        return FEATURES[self.data.feature[row]]

    def population(self, row: int) -> int:
        return int(self.data.population[row])

    def country(self, row: int) -> str:
        return self.data.country[row]

    def admin1(self, row: int) -> str:
        return self.data.admin1[row]

    def point(self, row: int) -> tuple[float, float]:
        return float(self.data.lat[row]), float(self.data.lon[row])

    def is_capital(self, row: int) -> bool:
        return row in self.data.capital

    def display_name(self, row: int, lang: str) -> str:
        """The row's name in ``lang`` (en/es/pt) where the gazetteer has one, else its own name."""
        return self.data.display.get(lang, {}).get(row) or self.data.names[row]

    def is_approximate(self, row: int) -> bool:
        return row in self.data.approximate

    def is_derived(self, row: int) -> bool:
        """A first-level region of the worldwide layer (admin1.py), not a registry or team-curated entry."""
        return self.data.refs[row].startswith("a1:")

    def needs_comma(self, key: str) -> bool:
        """Every reading of ``key`` is an abbreviation that names a place only after a comma ("Niterói, RJ")."""
        rows = self.data.comma_only.get(key)
        return rows is not None and all(r in rows for r, _ in self.lookup(key))

    def is_namesake(self, row: int) -> bool:
        """A derived first-level region named like a town of its own (news means the town unless it says
        "province of X")."""
        return row in self.data.namesake

    def candidate(self, row: int, score: float = 0.0) -> PlaceCandidate:
        d = self.data
        lat, lon = self.point(row)
        return PlaceCandidate(
            ref=d.refs[row], name=d.names[row], lat=round(lat, 5), lon=round(lon, 5),
            feature=self.feature(row), country=d.country[row] or None, admin1=d.admin1[row] or None,
            population=d.population[row], score=round(score, 4),
        )

    def geonameid(self, row: int) -> int | None:
        ref = self.data.refs[row]
        return int(ref[3:]) if ref.startswith("gn:") else None

    def country_row(self, iso2: str) -> int | None:
        found = self.lookup_ref(f"cc:{iso2}")
        return found

    def lookup_ref(self, ref: str) -> int | None:
        if not hasattr(self, "_by_ref"):
            self._by_ref = {r: i for i, r in enumerate(self.data.refs) if not r.startswith("gn:")}
        return self._by_ref.get(ref)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def cache_file(config: Config) -> Path:
    return config.cache_path / f"gazetteer-{source_version()}.pickle"


def load_gazetteer(config: Config) -> Gazetteer:
    """The gazetteer for ``config.cache_path``: loaded once per process, built when missing or stale."""
    path = cache_file(config)
    gaz = _LOADED.get(path)
    if gaz is None:
        with _LOCK:
            gaz = _LOADED.get(path)
            if gaz is None:
                gaz = Gazetteer(_load_or_build(path))
                _LOADED[path] = gaz
    return gaz


def rebuild_gazetteer(config: Config) -> Gazetteer:
    """Build the index now, replacing the cached file (``wirewatch gazetteer build``), and return it."""
    path = cache_file(config)
    with _LOCK:
        data = build_index()
        _save(path, data)
        gaz = _LOADED[path] = Gazetteer(data)
    return gaz


def _load_or_build(path: Path) -> IndexData:
    if path.is_file():
        try:
            with path.open("rb") as fh:
                data = _unpickle(fh)
            if isinstance(data, IndexData):
                return data
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a broken or foreign file: rebuild it
    data = build_index()
    _save(path, data)
    return data


def _unpickle(fh: BinaryIO) -> object:
    """``pickle.load`` with the cyclic GC paused: the index is ~2 M containers, and collections triggered while
    they are allocated rescan them all again and again (loading takes ~25% less time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(fh)
    finally:
        if enabled:
            gc.enable()


def _save(path: Path, data: IndexData) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=5)
        os.replace(tmp, path)  # atomic: a concurrent reader never sees half a file
    except OSError as exc:
        raise ResourceError(
            f"cannot write the gazetteer cache in {path.parent} ({exc}); set cache_dir to a writable folder"
        ) from exc
    for old in path.parent.glob("gazetteer-*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)
