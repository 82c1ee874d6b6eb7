"""Toponym resolution: rank gazetteer candidates and pick one per mention, coherently across the document.

Score = prominence (log population, feature class: country > admin1 > region > populated place, capital)
+ name-match quality (a primary name beats an alternate one) + explicit containment ("Córdoba, Argentina")
+ document coherence (the share of the other mentions in the same country and admin1, and a nearby pick)
+ the outlet's home country. Two passes: the first picks without coherence, the second uses the first's
countries, admin1 regions and points. A strong reading (a capital, a big city) is not pulled to a tiny namesake by a
single other mention in the namesake's country.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from .index import Gazetteer, distance_km
from .normalize import normalize

MAX_CANDIDATES = 30
FEATURE_BONUS = {"country": 3.2, "admin1": 2.4, "admin2": 1.2, "region": 2.2, "river": 1.6, "desert": 1.6,
                 "lake": 1.4, "sea": 1.4, "city": 0.0}
#: a region of the worldwide layer ranks like a county: most are small, and news names their towns far more
DERIVED_ADMIN1_BONUS = 1.2
W_POP = 0.5
W_ALT = 1.0
W_CONTAIN = 6.0
W_COUNTRY = 3.0
W_ADMIN1 = 2.0
W_NEAR = 1.5
NEAR_KM = 300.0
W_SITE = 1.0
CAPITAL_BONUS = 1.5
W_NAMESAKE = 2.5  # a national capital over the same-named region of its own country ("Washington")
W_REGION_WORD = 3.0  # "the state of Washington", "Washington state"
W_NAMESAKE_REGION = 4.0  # a derived region named like its own town ("Kandahar"): the town, unless "province"
W_LIST = 2.0
W_CONTAINER_REGION = 2.0
#: a strong reading (a national capital, a city of 200,000+) against namesakes a hundredth its size or less: a
#: country in common with the other mentions counts for such a namesake only beyond one mention ("el alcalde de
#: Medellín ... visitó Barcelona" is no village in Spain; a local story naming several towns of one state still
#: moves "Paris" there)
TINY_DISCOUNT = 1.0
STRONG_POP = 200_000
TINY_RATIO = 100
W_UNACCENTED = 1.5  # the items of a list are of one kind ("Utah, Washington and Wisconsin")


@dataclass
class Query:
    key: str
    container: int | None = None  # index of the mention that contains this one ("X, Y": Y)
    region_word: bool = False  # the text calls it a region ("state of X", "X state")
    neighbours: tuple[int, ...] = ()  # indexes of the mentions listed with this one ("X, Y and Z")
    surface: str = ""  # the text as written ("Bogotá"), for the accents it carries
    lang: str = ""  # the text's language: a place's name in it ("Ginebra", "Genebra") is no lesser alternate
    contains: bool = False  # written as another mention's container ("Irapuato, Guanajuato"): a region first


@dataclass
class Ranked:
    rows: list[int]
    scores: list[float]

    @property
    def best(self) -> int | None:
        return self.rows[0] if self.rows else None

    def confidence(self) -> float:
        if not self.scores:
            return 0.0
        top = self.scores[0]
        z = sum(math.exp(s - top) for s in self.scores[:10])
        return 1.0 / z


def _candidates(gaz: Gazetteer, key: str) -> list[tuple[int, bool]]:
    found = gaz.lookup(key)
    if len(found) > MAX_CANDIDATES:
        # a derived region named like a town ("Berlin") must not crowd out the small towns of that name
        found = sorted(found, key=lambda c: (gaz.feature(c[0]) != "city" and not gaz.is_namesake(c[0]),
                                             gaz.population(c[0])), reverse=True)
        found = found[:MAX_CANDIDATES]
    return found


def _base(gaz: Gazetteer, row: int, alt: bool) -> float:
    feature_bonus = DERIVED_ADMIN1_BONUS if gaz.is_derived(row) else FEATURE_BONUS.get(gaz.feature(row), 1.0)
    s = W_POP * math.log10(gaz.population(row) + 10) + feature_bonus
    if gaz.is_capital(row):
        s += CAPITAL_BONUS
    if alt:
        s -= W_ALT
    return s


def _inside(gaz: Gazetteer, row: int, container: int) -> bool:
    cc = gaz.country(container)
    if gaz.country(row) != cc or row == container:
        return False
    feat = gaz.feature(container)
    if feat == "country":
        return True
    if feat == "admin1":
        return gaz.admin1(row) == gaz.admin1(container)
    return distance_km(*gaz.point(row), *gaz.point(container)) < 150


def resolve(gaz: Gazetteer, queries: list[Query], site_country: str | None = None,
            hints: tuple[int, ...] = ()) -> list[Ranked]:
    """One ranking per query. ``hints`` are regions the text situates itself in without naming them as places
    ("el nordeste antioqueño"): they weigh in the document's coherence like one more mention each."""
    cands = [_candidates(gaz, q.key) for q in queries]
    base = [[_base(gaz, r, a and not _exonym(gaz, r, q)) + _kind_bonus(gaz, r, cs, q) - _unaccented(gaz, r, a, q)
             for r, a in cs]
            for cs, q in zip(cands, queries, strict=True)]
    first = [_rank(c, b, [0.0] * len(c)) for c, b in zip(cands, base, strict=True)]
    first = _apply_containment(gaz, queries, cands, base, first)
    out = first
    for _ in range(2):
        out = _coherent_pass(gaz, queries, cands, base, out, site_country, hints)
    return out


def _kind_bonus(gaz: Gazetteer, row: int, cands: list[tuple[int, bool]], q: Query) -> float:
    """Which kind of feature the name means: a region when the text says so; otherwise a national capital
    rather than the same-named region of its own country, whose name it usually stands for in news."""
    feature = gaz.feature(row)
    if q.region_word:
        return W_REGION_WORD if feature in ("admin1", "region") else 0.0
    if q.contains and feature in ("admin1", "admin2", "region"):
        return W_CONTAINER_REGION  # "Irapuato, Guanajuato" is the state, not the same-named capital
    if gaz.is_namesake(row):
        return -W_NAMESAKE_REGION
    if gaz.is_derived(row) and _outgrown(gaz, row, cands):
        return -DERIVED_ADMIN1_BONUS
    if feature == "city" and gaz.is_capital(row):
        cc = gaz.country(row)
        if any(gaz.feature(r) == "admin1" and gaz.country(r) == cc and not alt and not gaz.is_namesake(r)
               for r, alt in cands):
            return W_NAMESAKE
    return 0.0


def _outgrown(gaz: Gazetteer, row: int, cands: list[tuple[int, bool]]) -> bool:
    """A derived region with fewer people than a town of the same name elsewhere ("La Paz" in El Salvador
    against the Bolivian seat of government): a region is bigger than its towns, so the town is the one news
    names (the region still wins when the text says region or writes it as a container)."""
    pop = gaz.population(row)
    return any(not alt and gaz.feature(r) == "city" and gaz.population(r) > pop for r, alt in cands)


def _exonym(gaz: Gazetteer, row: int, q: Query) -> bool:
    """The name is the place's own name in the text's language ("Ginebra" in Spanish for Geneva)."""
    return bool(q.lang) and normalize(gaz.display_name(row, q.lang)) == q.key


def _unaccented(gaz: Gazetteer, row: int, alt: bool, q: Query) -> float:
    """A name written with accents ("Bogotá", "Córdoba") that matches a town spelt without them only after
    normalisation ("Bogota", New Jersey): a weaker match, like an alternate name."""
    if alt or q.surface.isascii() or gaz.feature(row) != "city":
        return 0.0
    return W_UNACCENTED if gaz.data.names[row].isascii() else 0.0


def _rank(cands: list[tuple[int, bool]], base: list[float], extra: list[float]) -> Ranked:
    scored = sorted(((b + e, r) for (r, _), b, e in zip(cands, base, extra, strict=True)), reverse=True)
    return Ranked([r for _, r in scored], [s for s, _ in scored])


def _containment_bonus(gaz: Gazetteer, row: int, q: Query, ranked: list[Ranked]) -> float:
    if q.container is None:
        return 0.0
    c = ranked[q.container].best
    if c is None:
        return 0.0
    return W_CONTAIN if _inside(gaz, row, c) else 0.0


def _apply_containment(gaz: Gazetteer, queries: list[Query], cands: list[list[tuple[int, bool]]],
                       base: list[list[float]], ranked: list[Ranked]) -> list[Ranked]:
    out = list(ranked)
    for i, q in enumerate(queries):
        if q.container is not None:
            extra = [_containment_bonus(gaz, r, q, ranked) for r, _ in cands[i]]
            out[i] = _rank(cands[i], base[i], extra)
    return out


@dataclass
class _Context:
    """The document's current picks, one per distinct name (a repeated name must not vouch for itself)."""

    picks: dict[str, tuple[int, float]]  # key -> (row, weight)
    countries: dict[str, float]
    admins: dict[tuple[str, str], float]
    total: float
    points: list[tuple[str, float, float]]  # key, lat, lon of town-level picks


def _context(gaz: Gazetteer, queries: list[Query], ranked: list[Ranked], hints: tuple[int, ...] = ()) -> _Context:
    picks: dict[str, tuple[int, float]] = {}
    for q, r in zip(queries, ranked, strict=True):
        if r.best is not None:
            w = 0.5 + 0.5 * r.confidence()
            if q.key not in picks or picks[q.key][1] < w:
                picks[q.key] = (r.best, w)
    countries: dict[str, float] = defaultdict(float)
    admins: dict[tuple[str, str], float] = defaultdict(float)
    points = []
    for key, (row, w) in picks.items():
        countries[gaz.country(row)] += w
        if gaz.feature(row) != "country" and gaz.admin1(row):
            admins[(gaz.country(row), gaz.admin1(row))] += w
        if gaz.feature(row) not in ("country", "admin1"):
            points.append((key, *gaz.point(row)))
    for row in hints:
        countries[gaz.country(row)] += 1.0
        if gaz.admin1(row):
            admins[(gaz.country(row), gaz.admin1(row))] += 1.0
    return _Context(picks, countries, admins, sum(countries.values()), points)


def _coherent_pass(gaz: Gazetteer, queries: list[Query], cands: list[list[tuple[int, bool]]],
                   base: list[list[float]], ranked: list[Ranked], site_country: str | None,
                   hints: tuple[int, ...] = ()) -> list[Ranked]:
    ctx = _context(gaz, queries, ranked, hints)
    out: list[Ranked] = []
    for i, q in enumerate(queries):
        own = ctx.picks.get(q.key)
        own_row, own_w = own if own is not None else (-1, 0.0)
        rest = ctx.total - own_w
        tiny_only = _tiny_countries(gaz, cands[i], base[i])
        extra = []
        for row, _alt in cands[i]:
            e = 0.0
            cc, a1 = gaz.country(row), gaz.admin1(row)
            if rest > 0:
                own_cc = own_w if own_row >= 0 and gaz.country(own_row) == cc else 0.0
                # a country in common says little against a strong reading: "el alcalde de Medellín ... visitó
                # Barcelona" is no village in Spain (the same region or a nearby town still says much)
                support = max(0.0, ctx.countries[cc] - own_cc)
                if cc in tiny_only:
                    support = max(0.0, support - TINY_DISCOUNT)
                e += W_COUNTRY * support / rest
                if a1 and gaz.feature(row) != "country":
                    same = own_row >= 0 and gaz.country(own_row) == cc and gaz.admin1(own_row) == a1
                    e += W_ADMIN1 * max(0.0, ctx.admins[(cc, a1)] - (own_w if same else 0.0)) / rest
            e += _near_bonus(gaz, row, q.key, ctx.points)
            if site_country and cc == site_country:
                e += W_SITE
            e += _containment_bonus(gaz, row, q, ranked)
            e += _list_bonus(gaz, row, q, ranked)
            extra.append(e)
        out.append(_rank(cands[i], base[i], extra))
    return out


def _strong_prior(gaz: Gazetteer, cands: list[tuple[int, bool]], base: list[float]) -> int:
    """The population of the prior's pick when it is a strong one (a national capital or a city of
    hundreds of thousands, by its own name); 0 otherwise."""
    if not cands:
        return 0
    k = max(range(len(cands)), key=base.__getitem__)
    row, alt = cands[k]
    if alt or gaz.feature(row) != "city":
        return 0
    pop = gaz.population(row)
    return max(pop, 1) if gaz.is_capital(row) or pop >= STRONG_POP else 0


def _tiny_countries(gaz: Gazetteer, cands: list[tuple[int, bool]], base: list[float]) -> set[str]:
    """The countries whose every reading of the name is a tiny namesake of a strong one (a hundredth its size
    or less): one other mention in such a country is not enough to move the name there."""
    big = _strong_prior(gaz, cands, base)
    if not big:
        return set()
    tiny: set[str] = set()
    other: set[str] = set()
    for row, _ in cands:
        small = gaz.feature(row) == "city" and gaz.population(row) * TINY_RATIO < big
        (tiny if small else other).add(gaz.country(row))
    return tiny - other


def _list_bonus(gaz: Gazetteer, row: int, q: Query, ranked: list[Ranked]) -> float:
    """A country or first-level region listed with other countries or regions ("Utah, Washington and
    Wisconsin"): the items of a list are of one kind. (Towns are not helped: "Melbourne and Victoria".)"""
    feature = gaz.feature(row)
    if feature not in ("country", "admin1"):
        return 0.0
    for j in q.neighbours:
        best = ranked[j].best
        if best is not None and gaz.feature(best) == feature:
            return W_LIST
    return 0.0


def _near_bonus(gaz: Gazetteer, row: int, key: str, points: list[tuple[str, float, float]]) -> float:
    """Spatial minimality: a town-level reading close to the document's other towns gains, up to 300 km."""
    if gaz.feature(row) in ("country", "admin1") or not points:
        return 0.0
    lat, lon = gaz.point(row)
    best = 0.0
    for k, plat, plon in points:
        if k == key or abs(plat - lat) > NEAR_KM / 111:
            continue
        d = distance_km(lat, lon, plat, plon)
        if d < NEAR_KM:
            best = max(best, 1.0 - d / NEAR_KM)
    return W_NEAR * best
