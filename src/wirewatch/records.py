"""Typed, immutable records and their versioned JSON form.

Every extracted item carries a :class:`Span`: character offsets into ``Article.text``. Provenance is never
reconstructed afterwards: the stage that finds something records where it found it, and ``rule`` says why.

Records are frozen dataclasses. Stages never mutate a record; they return a new one with
:func:`dataclasses.replace`. ``to_dict``/``from_dict`` give the JSON form, tagged with ``SCHEMA_VERSION``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

SCHEMA_VERSION = 1

DatePrecision = Literal["second", "minute", "hour", "day", "month", "year"]
Granularity = Literal["day", "week", "month", "season", "year"]
Certainty = Literal["asserted", "probable", "possible", "doubtful", "denied"]
IngestStatus = Literal["ok", "duplicate", "revised", "failed", "unsupported-language"]
ArticleStatus = Literal["ok", "unsupported-language", "no-text"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span ({self.start}, {self.end})")

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Link:
    """A link found on a page: related articles and other-language editions."""

    url: str
    title: str = ""
    lang: str | None = None
    rel: str = ""  # "related", "edition", "hreflang", "feed-entry" ...


# ---------------------------------------------------------------- places


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    """One gazetteer entry a mention could refer to, with the resolver's score."""

    ref: str  # "gn:<geonameid>" for GeoNames, "sup:<slug>" for the team supplement, "cc:<ISO2>" country
    name: str
    lat: float
    lon: float
    feature: str  # "country", "admin1", "city", "river", "region", "desert", ...
    country: str | None = None
    admin1: str | None = None
    population: int = 0
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class PlaceQualifier:
    """'20 km south of', 'western', 'on the outskirts of', 'near the border with'."""

    span: Span
    relation: str  # "part", "near", "distance", "border", "outskirts", "interior"
    direction: str | None = None  # "N", "NE", ... or None
    distance_km: float | None = None


@dataclass(frozen=True, slots=True)
class Place:
    span: Span
    text: str
    name: str
    ref: str
    lat: float
    lon: float
    feature: str
    country: str | None = None
    admin1: str | None = None
    geonameid: int | None = None
    precision: int = 1  # ACLED geo_precision: 1 point/town, 2 part of region/near town, 3 province/country
    confidence: float = 0.0
    alternatives: tuple[PlaceCandidate, ...] = ()
    qualifier: PlaceQualifier | None = None
    metonymy: bool = False  # "Washington said": seat of an actor, not where something happened
    rule: str = ""


# ---------------------------------------------------------------- time, figures, claims


@dataclass(frozen=True, slots=True)
class TimeExpr:
    span: Span
    text: str
    start: date
    end: date  # inclusive
    granularity: Granularity
    anchor: date | None = None
    qualifier: str | None = None  # "early", "mid", "late", "before", "after", "about", ...
    kind: Literal["date", "range", "duration", "relative"] = "date"
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    """A count attached to what it counts, UCDP-style low/best/high."""

    span: Span
    category: str  # killed, injured, missing, abducted, arrested, displaced, fighters, protesters, other
    low: int
    best: int
    high: int
    who: str | None = None  # civilians, soldiers, fighters, police, children ...
    qualifier: str | None = None  # "at_least", "more_than", "about", "up_to", "nearly", "range", "exact"
    vague: bool = False
    number_span: Span | None = None
    rule: str = ""

    @property
    def conservative(self) -> int:
        """ACLED's number: the lowest defensible figure."""
        return self.low


@dataclass(frozen=True, slots=True)
class Source:
    """Who makes a claim."""

    span: Span | None
    text: str
    actor_id: str | None = None
    anonymous: bool = False
    kind: str = "named"  # named, official, anonymous, media, witness, self (the outlet itself)


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    span: Span  # the clause/sentence that is claimed
    certainty: Certainty = "asserted"
    source: Source | None = None
    cue: Span | None = None  # the reporting verb or hedge
    cue_text: str = ""
    figure_ids: tuple[int, ...] = ()  # indexes into Article.figures
    contradicts: tuple[str, ...] = ()  # claim ids (possibly "article_id#claim_id")
    rule: str = ""


# ---------------------------------------------------------------- actors and events


@dataclass(frozen=True, slots=True)
class ActorMention:
    span: Span
    text: str
    actor_id: str | None = None  # canonical dictionary id; None = unresolved
    name: str | None = None  # canonical name
    actor_type: str | None = None  # ACLED: state, rebel, political_militia, identity_militia, rioters, ...
    sector: str | None = None  # PLOVER sector: GOV, MIL, POL, REB, CVL, ...
    country: str | None = None  # ISO2
    rule: str = ""

    @property
    def is_place(self) -> bool:
        """A place the event targets ("a curfew in Montenegro"): PLOVER codes it as the recipient, while ACLED's
        actor columns take only actors."""
        return self.rule == PLACE_TARGET


#: the rule of a recipient that is a place, not an actor
PLACE_TARGET = "actors:place-target"


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    plover_type: str
    trigger: Span
    sentence: Span
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actors: tuple[ActorMention, ...] = ()
    recipients: tuple[ActorMention, ...] = ()
    place: Place | None = None
    time: TimeExpr | None = None
    date_start: date | None = None
    date_end: date | None = None
    time_precision: int = 3  # ACLED time_precision: 1 day, 2 week/range, 3 month or coarser
    fatalities: Figure | None = None
    injured: Figure | None = None
    figures: tuple[Figure, ...] = ()
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    historical: bool = False
    certainty: Certainty = "asserted"
    source: Source | None = None
    confidence: float = 0.0
    rule: str = ""

    @property
    def flags(self) -> tuple[str, ...]:
        names = ("negated", "future", "hypothetical", "historical")
        return tuple(n for n in names if getattr(self, n))

    @property
    def is_factual(self) -> bool:
        """True for events counted by default (not negated, planned, hypothetical or historical)."""
        return not self.flags


# ---------------------------------------------------------------- articles and ingest


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    url: str | None = None
    canonical_url: str | None = None
    site: str | None = None  # outlet: site name or host
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    published_precision: DatePrecision | None = None
    modified: datetime | None = None
    retrieved_at: datetime | None = None
    lang: str | None = None
    lang_confidence: float = 0.0
    description: str | None = None
    tags: tuple[str, ...] = ()
    section: str | None = None
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    editions: tuple[Link, ...] = ()
    related: tuple[Link, ...] = ()
    status: ArticleStatus = "ok"
    text_hash: str = ""
    source: str | None = None  # where it came from: path, URL, feed, warc#record
    places: tuple[Place, ...] = ()
    timexes: tuple[TimeExpr, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    stages: tuple[str, ...] = ()  # the stages that have run on it, in order

    def sentence_of(self, span: Span) -> Span | None:
        """The sentence that contains ``span`` (or starts it)."""
        for s in self.sentences:
            if s.start <= span.start < s.end:
                return s
        return None

    def snippet(self, span: Span) -> str:
        return self.text[span.start : span.end]


@dataclass(frozen=True, slots=True)
class IngestEntry:
    """One line of the ingest log: what happened to one input."""

    source: str
    status: IngestStatus
    reason: str = ""
    article_id: str | None = None
    at: datetime | None = None
    kind: str = ""  # file, url, feed, jsonl, warc, text
    id: int | None = None  # assigned by the store


@dataclass(frozen=True, slots=True)
class RawInput:
    """The bytes as received, kept for audit and for re-running failed items."""

    source: str
    data: bytes
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    retrieved_at: datetime | None = None
    hints: dict[str, str] = field(default_factory=dict)  # published, lang, title given by a feed/JSONL


# ---------------------------------------------------------------- fusion: many reports, one event


@dataclass(frozen=True, slots=True)
class EventMention:
    """One report of an event: an event found in one article."""

    article_id: str
    event_id: str
    sentence: Span
    trigger: Span
    site: str | None = None
    url: str | None = None
    published: datetime | None = None
    dup_group: str | None = None  # near-duplicate group: copies count once as a source


@dataclass(frozen=True, slots=True)
class FigureClaim:
    """A figure as one source reported it, kept when sources disagree."""

    value_low: int
    value_high: int
    best: int
    category: str
    article_id: str
    site: str | None = None
    source: str | None = None  # who the article says gave the figure
    certainty: str = "asserted"
    text: str = ""


@dataclass(frozen=True, slots=True)
class CanonicalEvent:
    """One real-world event reconciled from every report of it."""

    id: str
    plover_type: str
    mentions: tuple[EventMention, ...]
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    mode: str | None = None
    place: Place | None = None
    date_start: date | None = None
    date_end: date | None = None
    time_precision: int = 3
    actors: tuple[ActorMention, ...] = ()
    recipients: tuple[ActorMention, ...] = ()
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    disputed: bool = False
    claims: tuple[FigureClaim, ...] = ()  # the conflicting (or all) figure claims with their sources
    outlets: int = 0  # distinct sites
    independent_reports: int = 0  # near-duplicate groups count once
    first_reported: datetime | None = None
    last_reported: datetime | None = None
    story_id: str | None = None
    confidence: float = 0.0
    certainty: str = "asserted"


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about the same story over time and across languages."""

    id: str
    label: str
    article_ids: tuple[str, ...]
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    languages: tuple[str, ...] = ()
    top_places: tuple[str, ...] = ()
    top_actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Alert:
    """A sudden rise or fall in coverage of a place, actor or event type."""

    key: str  # "place:gn:99072", "country:IQ", "actor:isis", "event:ASSAULT"
    label: str
    kind: Literal["spike", "drop", "silence"]
    day: date
    count: int
    baseline: float  # the series' typical daily count (median of the window)
    score: float  # robust z-score, or the Poisson tail probability for silences (documented in docs/fusion.md)
    article_ids: tuple[str, ...] = ()
    method: str = ""


# ---------------------------------------------------------------- JSON form

T = TypeVar("T")
Fn = Callable[[Any], Any]

_ENCODERS: dict[type, tuple[str, ...]] = {}
_BUILDERS: dict[type, Fn] = {}


def to_dict(record: Any) -> Any:
    """The JSON-ready form of any record (recursively); top-level records get ``schema`` and ``type``.

    Each record class is compiled once into its field names (and, for decoding, per-field converters), so the
    store's hot path does not inspect types value by value.
    """
    out = _encode(record)
    if dataclasses.is_dataclass(record) and isinstance(out, dict):
        out = {"schema": SCHEMA_VERSION, "type": type(record).__name__, **out}
    return out


def _encode(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    names = _ENCODERS.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _ENCODERS[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {n: _encode(getattr(value, n)) for n in names}
    if isinstance(value, tuple | list | frozenset | set):
        return [_encode(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record from :func:`to_dict` output, checking the schema version."""
    version = data.get("schema", SCHEMA_VERSION)
    if version > SCHEMA_VERSION:
        raise ValueError(
            f"record written by a newer wirewatch (schema {version}); upgrade wirewatch to read it"
        )
    return typing.cast(T, _record_decoder(cls)(data))


def _span(value: dict[str, Any]) -> Span:
    """Spans are most of what an article holds: the shortest path."""
    return Span(value["start"], value["end"])


def _record_decoder(cls: type) -> Fn:
    if cls is Span:
        return _span
    known = _BUILDERS.get(cls)
    if known is not None:
        return known
    fields: dict[str, Fn] = {}  # only the fields that need converting
    names = frozenset(f.name for f in dataclasses.fields(cls))

    def build(value: dict[str, Any]) -> Any:
        if not fields and names.issuperset(value):
            return cls(**value)
        kwargs = dict(value) if names.issuperset(value) else {k: v for k, v in value.items() if k in names}
        for k, fn in fields.items():
            if k in kwargs:
                kwargs[k] = fn(kwargs[k])
        return cls(**kwargs)

    _BUILDERS[cls] = build  # registered before compiling the fields, so recursive types terminate
    hints = get_type_hints(cls)
    for f in dataclasses.fields(cls):
        fn = _compile(hints[f.name])
        if fn is not _same:
            fields[f.name] = fn
    return build


def _same(value: Any) -> Any:
    return value


def _compile(tp: Any) -> Fn:
    """A function turning the JSON form of type ``tp`` back into a value."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        inner = _compile(args[0]) if len(args) == 1 else _same
        if inner is _same:
            return _same
        return lambda v: None if v is None else inner(v)
    if origin is Literal or tp is Any or tp in (str, int, float, bool):
        return _same
    if origin is tuple:
        item = _compile(get_args(tp)[0])
        if item is _same:
            return lambda v: None if v is None else tuple(v)
        return lambda v: None if v is None else tuple(item(x) for x in v)
    if origin is dict:
        return lambda v: None if v is None else dict(v)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        build = _record_decoder(tp)
        return lambda v: None if v is None else build(v)
    if tp is datetime:
        return lambda v: None if v is None else datetime.fromisoformat(v)
    if tp is date:
        return lambda v: None if v is None else date.fromisoformat(v)
    if tp is bytes:
        return lambda v: None if v is None else v.encode("latin-1")
    return _same
