"""What both backends share: text folding, the user query language, time keys and derived index rows.

Keeping these in one place is what makes ``MemoryStore`` behave exactly like ``SqliteStore``: the SQLite
backend writes the rows built here into tables and turns parsed queries into FTS5 syntax; the memory backend
filters the very same rows in Python.

Query language (``wirewatch articles --query``): words are ANDed; ``"a phrase"``; ``word*`` for a prefix;
``OR`` between alternatives; ``NOT word`` or ``-word`` to exclude. Anything else (stray quotes, brackets,
colons) is treated as a word separator, so no user input can produce an FTS5 syntax error.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from ..errors import NotFoundError, UsageError
from ..records import SCHEMA_VERSION, Article, Event
from . import codec

_WORD = re.compile(r"[^\W_]+")
_CHUNK = re.compile(r'"([^"]*)"?|(\S+)')


def fold(text: str) -> str:
    """Case- and diacritic-free form ("Bogotá" -> "bogota"), matching FTS5 ``remove_diacritics 2``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """Folded word tokens, as the FTS5 ``unicode61`` tokenizer sees them."""
    return _WORD.findall(fold(text))


# ---------------------------------------------------------------- text queries


@dataclass(frozen=True, slots=True)
class Term:
    tokens: tuple[str, ...]  # one word or a phrase
    prefix: bool = False
    negated: bool = False


# A parsed query: alternatives (OR) of conjunctions (AND) of terms.
ParsedQuery = tuple[tuple[Term, ...], ...]


def parse_query(text: str) -> ParsedQuery:
    """Parse a user's full-text query; raises ``UsageError`` when it holds no searchable word."""
    groups: list[list[Term]] = [[]]
    negate_next = False
    for match in _CHUNK.finditer(text):
        quoted, bare = match.group(1), match.group(2)
        if bare in ("OR", "|"):
            groups.append([])
            continue
        if bare in ("AND", "&"):
            continue
        if bare == "NOT":
            negate_next = True
            continue
        raw = quoted if quoted is not None else bare or ""
        negated = negate_next or (quoted is None and raw.startswith("-"))
        prefix = quoted is None and raw.endswith("*")
        tokens = tuple(words(raw))
        negate_next = False
        if tokens:
            groups[-1].append(Term(tokens, prefix, negated))
    # A group of exclusions alone matches nothing useful (and is not valid FTS5): drop it.
    parsed = tuple(tuple(g) for g in groups if any(not t.negated for t in g))
    if not parsed:
        raise UsageError(
            f"the search {text!r} has no word to look for; try plain words, \"a phrase\", word* or a OR b"
        )
    return parsed


def fts_expression(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH string for a parsed query; every term is quoted, so it is always valid."""
    alternatives = []
    for group in parsed:
        pos = [_fts_term(t) for t in group if not t.negated]
        neg = [_fts_term(t) for t in group if t.negated]
        expr = " AND ".join(pos) + "".join(f" NOT {n}" for n in neg)
        alternatives.append(f"({expr})")
    return " OR ".join(alternatives)


def _fts_term(term: Term) -> str:
    return '"' + " ".join(term.tokens) + '"' + ("*" if term.prefix else "")


def matches(parsed: ParsedQuery, tokens: list[str]) -> bool:
    """Whether a folded token list satisfies the query (the memory backend's FTS)."""
    return any(
        all(_has(tokens, t) != t.negated for t in group) for group in parsed
    )


def _has(tokens: list[str], term: Term) -> bool:
    n = len(term.tokens)
    for i in range(len(tokens) - n + 1):
        window = tokens[i : i + n]
        if window[:-1] != list(term.tokens[:-1]):
            continue
        last, want = window[-1], term.tokens[-1]
        if last == want or (term.prefix and last.startswith(want)):
            return True
    return False


def hit_count(parsed: ParsedQuery, tokens: list[str]) -> int:
    """How many query words occur in ``tokens`` (a crude relevance for the memory backend)."""
    wanted = {t.tokens[0] for group in parsed for t in group if not t.negated}
    return sum(1 for tok in tokens if tok in wanted)


def snippet(text: str, query: str, width: int = 160) -> str:
    """A one-line excerpt of ``text`` around the first query word, the words marked with ``[...]``."""
    try:
        parsed = parse_query(query)
    except UsageError:
        return text[:width]
    wanted = [t for group in parsed for t in group if not t.negated]
    spans = []
    for m in _WORD.finditer(text):
        folded = fold(m.group())
        if any(folded == t.tokens[0] or (t.prefix and len(t.tokens) == 1 and folded.startswith(t.tokens[0]))
               or folded in t.tokens for t in wanted):
            spans.append((m.start(), m.end()))
    if not spans:
        return " ".join(text[:width].split())
    start = max(0, spans[0][0] - width // 3)
    end = min(len(text), start + width)
    out, pos = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(text[pos:s] + "[" + text[s:e] + "]")
        pos = e
    out.append(text[pos:end])
    body = " ".join("".join(out).split())
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


# ---------------------------------------------------------------- time keys


def utc_key(value: datetime | None) -> str | None:
    """Sortable UTC text for a datetime (naive values are taken as UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def day_bounds(since: datetime | None, until: datetime | None) -> tuple[str | None, str | None]:
    """Date keys for filtering day-granular rows: ``day >= lo`` and ``day < hi``."""
    lo = hi = None
    if since is not None:
        lo = (since if since.tzinfo else since.replace(tzinfo=UTC)).astimezone(UTC).date().isoformat()
    if until is not None:
        u = (until if until.tzinfo else until.replace(tzinfo=UTC)).astimezone(UTC)
        end = u.date() if u.time() == datetime.min.time() else u.date() + timedelta(days=1)
        hi = end.isoformat()
    return lo, hi


def event_day(event: Event, published: datetime | None) -> str | None:
    """The day an event is filed under: its own start date, else the article's publication day."""
    if event.date_start is not None:
        return event.date_start.isoformat()
    key = utc_key(published)
    return key[:10] if key else None


# ---------------------------------------------------------------- record encoding


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def pack(encoded: dict[str, Any]) -> bytes:
    """Compressed JSON of an encoded record (``codec.encode``)."""
    return zlib.compress(dumps(encoded).encode(), 3)


def unpack_article(blob: bytes) -> Article:
    return codec.decode(Article, json.loads(zlib.decompress(blob)))


def _tagged(encoded: dict[str, Any], cls: str) -> dict[str, Any]:
    """A nested record of an encoded article, tagged like a top-level ``to_dict`` record."""
    return {"schema": SCHEMA_VERSION, "type": cls, **encoded}


# ---------------------------------------------------------------- derived rows


def place_rows(article: Article, enc: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "article_id": article.id, "idx": i, "ref": p.ref, "name": p.name, "text": p.text,
            "country": p.country, "admin1": p.admin1, "feature": p.feature, "lat": p.lat, "lon": p.lon,
            "precision": p.precision, "metonymy": int(p.metonymy), "start": p.span.start,
            "end": p.span.end, "record": dumps(_tagged(enc["places"][i], "Place")),
        }
        for i, p in enumerate(article.places)
    ]


def actor_blob(event: Event) -> str:
    """Folded actor ids, names and texts, one per line, framed by newlines, for substring matching."""
    parts = []
    for m in (*event.actors, *event.recipients):
        parts += [x for x in (m.actor_id, m.name, m.text) if x]
    return "\n" + "\n".join(fold(p) for p in parts) + "\n"


def event_rows(article: Article, enc: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for i, e in enumerate(article.events):
        place = e.place
        rows.append({
            "article_id": article.id, "idx": i, "event_id": e.id, "plover_type": e.plover_type,
            "mode": e.mode, "acled_event_type": e.acled_event_type,
            "acled_sub_event_type": e.acled_sub_event_type,
            "country": place.country if place else None, "admin1": place.admin1 if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "day": event_day(e, article.published),
            "date_start": e.date_start.isoformat() if e.date_start else None,
            "date_end": e.date_end.isoformat() if e.date_end else None,
            "fatalities": e.fatalities.conservative if e.fatalities else None,
            "negated": int(e.negated), "future": int(e.future), "hypothetical": int(e.hypothetical),
            "historical": int(e.historical), "flagged": int(not e.is_factual),
            "actors": actor_blob(e), "record": dumps(_tagged(enc["events"][i], "Event")),
        })
    return rows


def claim_rows(article: Article, enc: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for i, c in enumerate(article.claims):
        sentence = article.sentence_of(c.span) or c.span
        rows.append({
            "article_id": article.id, "idx": i, "claim_id": c.id, "certainty": c.certainty,
            "source": c.source.text if c.source else None,
            "source_folded": fold(c.source.text) if c.source else "",
            "contradicted": int(bool(c.contradicts)), "sentence": article.snippet(sentence),
            "record": dumps(_tagged(enc["claims"][i], "Claim")),
        })
    return rows


EVENT_FLAGS = ("negated", "future", "hypothetical", "historical")


def check_flags(flags: tuple[str, ...]) -> None:
    for flag in flags:
        if flag not in EVENT_FLAGS:
            raise UsageError(f"unknown event flag {flag!r}; use one of {', '.join(EVENT_FLAGS)}")


def derived_rows(article: Article, enc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Rows of the places, events and claims tables for one article (``enc`` = its encoded form)."""
    return {"places": place_rows(article, enc), "events": event_rows(article, enc),
            "claims": claim_rows(article, enc)}


def site_key(site: str | None) -> str | None:
    """What site filters compare: folded case and accents, collapsed spaces."""
    return " ".join(fold(site).split()) if site is not None else None


def tag_keys(article: Article) -> list[str]:
    return sorted({fold(t).strip() for t in article.tags if t.strip()})



MIN_PREFIX = 4


def one_candidate(asked: str, candidates: list[str]) -> str:
    """The single id an id prefix names, or a clear error (none, or several to choose from)."""
    if not candidates:
        raise NotFoundError(f"no article with id {asked!r}; list ids with `wirewatch articles`")
    if len(candidates) > 1:
        shown = ", ".join(candidates[:10]) + (" …" if len(candidates) > 10 else "")
        raise UsageError(f"article id {asked!r} is ambiguous: {shown}; give more characters")
    return candidates[0]


def check_prefix(asked: str) -> str:
    key = asked.strip().lower()
    if len(key) < MIN_PREFIX:
        raise UsageError(f"article id {asked!r} is too short; give at least {MIN_PREFIX} characters")
    return key
