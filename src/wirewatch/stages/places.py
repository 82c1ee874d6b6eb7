"""The ``places`` stage: find toponyms in en/es/pt text and resolve them against the offline gazetteer.

:class:`Geoparser` does the work and is also what other stages and the evaluator call: ``parse`` finds and
resolves, ``resolve_spans`` resolves given spans (gold spans in evaluation). The gazetteer loads lazily, once
per process and cache folder.
"""

from __future__ import annotations

import dataclasses
import re
from typing import ClassVar
from urllib.parse import urlsplit

from spacy.tokens import Doc

from ..config import Config
from ..gazetteer import Gazetteer, demonym_country, load_gazetteer
from ..gazetteer.lexicon import PlaceLexicon, place_lexicon
from ..gazetteer.locality import small_places
from ..gazetteer.normalize import normalize
from ..gazetteer.qualify import find_qualifier, shift
from ..gazetteer.recognize import Mention, TokenView, recognize
from ..gazetteer.resolve import Query, Ranked, resolve
from ..nlp import SUPPORTED_LANGUAGES, get_nlp
from ..pipeline import register_stage
from ..records import Article, Place, PlaceQualifier, Span

_PRECISION = {"city": 1, "admin2": 2, "region": 2, "river": 2, "desert": 2, "lake": 2, "sea": 2,
              "admin1": 3, "country": 3}
_CONTAINER_FEATURES = ("country", "admin1", "admin2")
#: generic top-level domains say nothing about an outlet's country
_GENERIC_TLDS = {"com", "org", "net", "info", "news", "int", "edu", "gov", "io", "co"}
_SECOND_LEVEL = {"com", "org", "net", "gov", "edu"}


def site_country(article: Article) -> str | None:
    """The outlet's home country from its URL's country-code TLD (".com.br" -> BR, ".es" -> ES)."""
    host = urlsplit(article.url or "").hostname or (article.site or "")
    labels = host.lower().split(".")
    tld = labels[-1] if len(labels) > 1 else ""
    if tld in _GENERIC_TLDS and len(tld) == 2 and len(labels) > 2 and labels[-2] in _SECOND_LEVEL:
        return tld.upper()  # "eltiempo.com.co": Colombia's ".co" under a second-level label is no generic domain
    if len(tld) != 2 or tld in _GENERIC_TLDS:
        return "US" if host.endswith((".gov", ".edu")) else None
    return {"uk": "GB"}.get(tld, tld.upper())


class Geoparser:
    """Recognise and resolve place names; ``parse`` for raw text, ``resolve_spans`` for given spans."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._gaz: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = load_gazetteer(self.config)
        return self._gaz

    def parse(self, article: Article, doc: Doc) -> tuple[Place, ...]:
        lang = article.lang if article.lang in SUPPORTED_LANGUAGES else "en"
        lex = place_lexicon(lang)
        view = TokenView(doc, article.text)
        mentions = recognize(view, self.gazetteer, lex)
        items = [(m.char_start, m.char_end, m.key) for m in mentions]
        queries = _queries(article.text, items, self.gazetteer, lex)
        hints = regional_hints(article.text, self.gazetteer, lex)
        ranked = resolve(self.gazetteer, queries, site_country(article), hints)
        local = _local_points(self.gazetteer, ranked)
        places = []
        for m, r in zip(mentions, ranked[: len(mentions)], strict=True):
            place = self._place(article.text, Span(m.char_start, m.char_end), r, lex, m, local)
            if place is not None:
                places.append(place)
        return small_places(article.text, tuple(places), lex)  # "la vereda X, en Tumaco": placed at Tumaco

    def resolve_spans(self, text: str, lang: str, spans: list[Span],
                      site: str | None = None) -> list[Place | None]:
        """Resolve the given spans of ``text`` (no recognition): one Place or None per span, in order."""
        lex = place_lexicon(lang if lang in SUPPORTED_LANGUAGES else "en")
        items = [(s.start, s.end, _span_key(text[s.start : s.end], self.gazetteer, lex)) for s in spans]
        queries = _queries(text, items, self.gazetteer, lex)
        hints = regional_hints(text, self.gazetteer, lex)
        ranked = resolve(self.gazetteer, queries, site_country(Article(id="", text="", url=site)), hints)
        local = _local_points(self.gazetteer, ranked)
        return [self._place(text, s, r, lex, None, local) for s, r in zip(spans, ranked[: len(spans)], strict=True)]

    def _place(self, text: str, span: Span, ranked: Ranked, lex: PlaceLexicon, m: Mention | None,
               local: dict[tuple[str, str], tuple[float, float]]) -> Place | None:
        gaz = self.gazetteer
        row = ranked.best
        if row is None:
            return None
        feature = gaz.feature(row)
        lat, lon = gaz.point(row)
        if gaz.is_approximate(row):
            # a county without a point of its own: the document's towns in that state are the best guess
            lat, lon = local.get((gaz.country(row), gaz.admin1(row)), (lat, lon))
        precision = 3 if gaz.is_approximate(row) else _PRECISION.get(feature, 2)
        qualifier = find_qualifier(text, span.start, lex)
        if qualifier is not None:
            lat, lon, precision = _qualified(lat, lon, precision, qualifier)
        others = zip(ranked.rows[1:3], ranked.scores[1:3], strict=False)
        alternatives = tuple(gaz.candidate(r, s) for r, s in others)
        return Place(
            span=span, text=text[span.start : span.end], name=gaz.data.names[row], ref=gaz.data.refs[row],
            lat=round(lat, 5), lon=round(lon, 5), feature=feature, country=gaz.country(row) or None,
            admin1=gaz.admin1(row) or None, geonameid=gaz.geonameid(row), precision=precision,
            confidence=round(ranked.confidence(), 3), alternatives=alternatives, qualifier=qualifier,
            metonymy=bool(m and m.metonymy), rule=m.rule if m else "given-span",
        )


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def regional_hints(text: str, gaz: Gazetteer, lex: PlaceLexicon) -> tuple[int, ...]:
    """The regions that lower-case regional adjectives place the text in ("el nordeste antioqueño", "o interior
    paulista"), as gazetteer rows, one per region (capitalised, "Paulista" is an avenue or a name)."""
    if not lex.regional and not lex.context_countries:
        return ()
    rows: dict[int, None] = {}
    words = set(_WORD.findall(text))
    for word in words & lex.regional.keys():
        row = _region_row(gaz, *lex.regional[word])
        if row is not None:
            rows[row] = None
    for word in words & lex.context_countries.keys():  # "a manjedoura": the Belém of the story is Bethlehem
        row = gaz.lookup_ref(f"cc:{lex.context_countries[word]}")
        if row is not None:
            rows[row] = None
    return tuple(sorted(rows))


def _region_row(gaz: Gazetteer, key: str, cc: str) -> int | None:
    found = [r for r, _ in gaz.lookup(key) if gaz.country(r) == cc]
    regions = [r for r in found if gaz.feature(r) in ("admin1", "region")]
    pool = regions or found
    return max(pool, key=gaz.population) if pool else None


def _qualified(lat: float, lon: float, precision: int, q: PlaceQualifier) -> tuple[float, float, int]:
    if q.relation == "distance" and q.distance_km and q.direction:
        lat, lon = shift(lat, lon, q.distance_km, q.direction)
    if precision == 1:
        precision = 2  # near, part of, or some distance from a town: ACLED's level 2
    return lat, lon, precision


def _local_points(gaz: Gazetteer, ranked: list[Ranked]) -> dict[tuple[str, str], tuple[float, float]]:
    """The first resolved town per (country, admin1) in the document."""
    out: dict[tuple[str, str], tuple[float, float]] = {}
    for r in ranked:
        row = r.best
        if row is not None and gaz.feature(row) == "city":
            out.setdefault((gaz.country(row), gaz.admin1(row)), gaz.point(row))
    return out


def _span_key(surface: str, gaz: Gazetteer, lex: PlaceLexicon) -> str:
    """The lookup key of a given span, falling back to dropping a feature word ("Kirkuk Province")."""
    key = normalize(surface)
    if gaz.lookup(key):
        return key
    words = key.split()
    if len(words) > 1 and lex.excluded("feature", words[-1]):
        return " ".join(words[:-1])
    if len(words) > 1 and lex.excluded("article", words[0]):
        return " ".join(words[1:])
    iso = demonym_country(surface, lex.lang)  # a span on "Syrian" stands for Syria
    if iso is not None:
        row = gaz.lookup_ref(f"cc:{iso}")
        if row is not None:
            return normalize(gaz.data.names[row])
    return _other_reading(words, gaz, lex) or key


def _other_reading(words: list[str], gaz: Gazetteer, lex: PlaceLexicon) -> str | None:
    """A span the gazetteer does not know whole, read as the place it is part of ("North Dallas" -> Dallas,
    "Platte Co." -> Platte County) or the place of a demonym ("Ohioans" -> Ohio, "paraenses" -> Pará)."""
    for prefix in lex.span_prefixes:
        n = len(prefix)
        if len(words) > n and tuple(words[:n]) == prefix:
            rest = " ".join(words[n:])
            return rest if gaz.lookup(rest) else _other_reading(words[n:], gaz, lex)
    if len(words) > 1 and words[-1] in lex.abbreviations:
        full = " ".join([*words[:-1], lex.abbreviations[words[-1]]])
        if gaz.lookup(full):
            return full
    last = words[-1] if words else ""
    for ending, replacement in lex.demonym_endings:
        if len(last) > len(ending) + 2 and last.endswith(ending):
            key = " ".join([*words[:-1], last[: -len(ending)] + replacement])
            if _notable(gaz, key):
                return key
    return None


def _notable(gaz: Gazetteer, key: str) -> bool:
    """Demonyms are formed from regions and sizeable towns: a village that happens to match is no reading."""
    return any(gaz.feature(r) != "city" or gaz.population(r) >= 50_000 for r, _ in gaz.lookup(key))


def _queries(text: str, items: list[tuple[int, int, str]], gaz: Gazetteer, lex: PlaceLexicon) -> list[Query]:
    """One query per mention, in order; "X, Y" makes Y the container of X when Y can be a country or region.
    A container written in the text but not among the items ("Washington, D.C." given only "Washington")
    becomes an extra query after them, so callers read the first ``len(items)`` results."""
    queries = [Query(key, region_word=_region_word(text, s, e, lex), surface=text[s:e], lang=lex.lang)
               for s, e, key in items]
    for i in range(len(items) - 1):
        end, nxt = items[i][1], items[i + 1]
        gap = text[end : nxt[0]]
        if _container_gap(text, gap, nxt[1], lex) and _can_contain(gaz, nxt[2]):
            queries[i].container = i + 1
            queries[i + 1].contains = True
        elif _locative_gap(gap, lex):
            queries[i].container = i + 1  # "Caucaia, na região metropolitana de Fortaleza": near that town
        elif _list_gap(gap, lex):
            queries[i].neighbours += (i + 1,)
            queries[i + 1].neighbours += (i,)
    starts = {start for start, _, _ in items}
    for i, (_, end, _) in enumerate(items):
        if queries[i].container is None:
            key = _written_container(text, end, gaz, starts)
            if key is not None:
                queries.append(Query(key, contains=True))
                queries[i].container = len(queries) - 1
    return queries


def _container_gap(text: str, gap: str, next_end: int, lex: PlaceLexicon) -> bool:
    """ "Irapuato, Guanajuato", the Brazilian "Feira de Santana (BA)" and "Argelia, en el Cauca", "Macomia, em
    Cabo Delgado", "Kidal, in northern Mali": the next item contains this one."""
    if gap.strip() == "," and len(gap) <= 3:
        return True
    if _locative_gap(gap, lex):
        return True
    return gap.strip() == "(" and len(gap) <= 2 and text[next_end : next_end + 1] == ")"


def _locative_gap(gap: str, lex: PlaceLexicon) -> bool:
    """ ", en el norte de ", ", na região metropolitana de ", ", in northern ": a locative after the comma."""
    if not gap.lstrip().startswith(",") or len(gap) > 48 or "\n" in gap:
        return False
    return lex.locative_link(normalize(gap.lstrip()[1:]).split())


def _region_word(text: str, start: int, end: int, lex: PlaceLexicon) -> bool:
    """ "the state of Washington", "Washington state", "la provincia de Córdoba", "o estado do Rio"."""
    before = normalize(text[max(0, start - 24) : start]).split()
    after = normalize(text[end : end + 16]).split()
    near = {" ".join(before[-n:]) for n in (1, 2, 3)}
    return bool(near & lex.region_before) or bool(after and after[0] in lex.region_after)


def _list_gap(gap: str, lex: PlaceLexicon) -> bool:
    """ ", ", " and ", ", and ", " y ", " e ": the text between two items of one list."""
    if len(gap) > 8 or "\n" in gap:
        return False
    words = normalize(gap).split()
    return (gap.strip() == "," and not words) or (len(words) == 1 and words[0] in lex.list_links)


_AFTER_COMMA = re.compile(r",[ \t]*(\w[\w.'’-]*(?:[ \t]+\w[\w.'’-]*){0,2})")


def _written_container(text: str, end: int, gaz: Gazetteer, starts: set[int]) -> str | None:
    """The country or region written right after ", " ("Washington, D.C.", "Córdoba, Argentina")."""
    m = _AFTER_COMMA.match(text, end)
    if m is None or m.start(1) in starts:
        return None
    words = []
    for w in m.group(1).split():
        if not w[:1].isupper():
            break
        words.append(w)
    for n in range(len(words), 0, -1):
        key = normalize(" ".join(words[:n]))
        if _can_contain(gaz, key):
            return key
    return None


def _can_contain(gaz: Gazetteer, key: str) -> bool:
    return any(gaz.feature(r) in _CONTAINER_FEATURES for r, _ in gaz.lookup(key))


class PlacesStage:
    name: ClassVar[str] = "places"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    provides: ClassVar[tuple[str, ...]] = ("places",)

    def __init__(self, config: Config) -> None:
        self.geoparser = Geoparser(config)

    def __call__(self, article: Article, doc: Doc) -> Article:
        return dataclasses.replace(article, places=self.geoparser.parse(article, doc))


@register_stage("places")
def make_places_stage(config: Config) -> PlacesStage:
    return PlacesStage(config)


def tokenize(text: str, lang: str) -> Doc:
    """Tokens only (no sentence or lemma work): what the geoparser needs, for evaluation speed."""
    return get_nlp(lang if lang in SUPPORTED_LANGUAGES else "en").make_doc(text)
