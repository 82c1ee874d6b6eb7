"""The ``claims`` stage: who says what, how sure the report is, and which claims conflict.

Per sentence, attribution cues from ``lang/<code>/claims_cues.tsv`` give three shapes:

- ``SOURCE said (that) CLAIM`` (also "told Reuters on Tuesday that", "dijo que", "disse que");
- ``CLAIM, said SOURCE`` / ``CLAIM, SOURCE said`` (quotes included: "“...,” the mayor said");
- ``according to SOURCE, CLAIM`` / ``CLAIM, according to SOURCE`` ("según", "segundo", "de acordo com").

The claim span is the reported content, the source span who says it, the cue the verb or phrase. A sentence
with no attribution but a figure or a certainty cue is a claim of the outlet itself (``kind="self"``).
Certainty is the weakest of the cue's own ("denied", "believes") and the hedges inside the claim
(``claims_hedges.tsv``: "reportedly", "allegedly", the es/pt reporting conditional "habría", "teria", ...).

Contradictions: :func:`compare_figures` and :func:`find_contradictions` are pure and work across articles too;
within an article the stage fills ``Claim.contradicts`` from conflicting figures (same category and who,
different sources, bounds that do not overlap) and from explicit denial or contradiction cues.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar, NamedTuple

from spacy.tokens import Doc

from ..config import Config
from ..errors import ResourceError
from ..nlp import SUPPORTED_LANGUAGES, data_lines, lang_resource
from ..pipeline import register_stage
from ..records import Article, Certainty, Claim, Figure, Source, Span
from .figures import _EMPTY, PhraseTable

Phrase = tuple[str, ...]
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_QUOTES = frozenset({'"', "“", "”", "«", "»", "'", "‘", "’"})
_OPEN_QUOTES = frozenset({'"', "“", "«", "‘"})
_DETERMINERS = frozenset({"the", "a", "an", "these", "those", "such", "his", "her", "their", "its", "our"})
#: weakest first; a claim takes the weakest certainty among its cues
CERTAINTY_ORDER: tuple[Certainty, ...] = ("denied", "doubtful", "possible", "probable", "asserted")
_RANK = {c: i for i, c in enumerate(CERTAINTY_ORDER)}
_KIND_ORDER = ("anonymous", "witness", "media", "official")
_COMPLEMENT_WINDOW = 8
_SHORT_TAIL = 5
_HEAD_WORDS = 8
_SOURCE_WINDOW = 14


@dataclass(frozen=True, slots=True)
class _Lexicon:
    cues: PhraseTable[tuple[str, Certainty]]  # phrase -> (verb|prep, certainty)
    hedges: PhraseTable[Certainty]
    roles: dict[str, PhraseTable[bool]]
    suffixes: tuple[tuple[str, Certainty], ...]  # word endings that hedge (es/pt plural conditional)
    single: dict[str, frozenset[str]]  # role -> its one-word entries

    def role(self, name: str) -> PhraseTable[bool]:
        return self.roles.get(name, _EMPTY)

    def words(self, name: str) -> frozenset[str]:
        """The one-word entries of a role."""
        return self.single.get(name, frozenset())


def _phrase(text: str) -> Phrase:
    return tuple(t.lower() for t in _TOKEN.findall(text))


def _rows(lang: str, name: str, columns: int) -> list[list[str]]:
    rows = []
    for line in data_lines(lang_resource(lang, name)):
        parts = line.split("\t")
        if len(parts) != columns:
            raise ResourceError(f"lang/{lang}/{name}: bad line {line!r}; need {columns} tab-separated fields")
        rows.append(parts)
    return rows


def _certainty(value: str, where: str) -> Certainty:
    if value not in _RANK:
        raise ResourceError(f"{where}: unknown certainty {value!r}; use one of {', '.join(CERTAINTY_ORDER)}")
    return value


@lru_cache(maxsize=4)
def lexicon(lang: str) -> _Lexicon:
    """The attribution vocabulary of ``lang`` (cached)."""
    if lang not in SUPPORTED_LANGUAGES:
        raise ResourceError(f"no claims lexicon for {lang!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    where = f"lang/{lang}"
    cues = {_phrase(p): (k, _certainty(c, where)) for p, k, c in _rows(lang, "claims_cues.tsv", 3)}
    rows = _rows(lang, "claims_hedges.tsv", 2)
    hedges = {_phrase(p): _certainty(c, where) for p, c in rows if not p.startswith("*")}
    suffixes = tuple((p[1:], _certainty(c, where)) for p, c in rows if p.startswith("*"))
    roles: dict[str, dict[Phrase, bool]] = {}
    for p, role in _rows(lang, "claims_words.tsv", 2):
        roles.setdefault(role, {})[_phrase(p)] = True
    single = {k: frozenset(p[0] for p in v if len(p) == 1) for k, v in roles.items()}
    return _Lexicon(PhraseTable(cues), PhraseTable(hedges), {k: PhraseTable(v) for k, v in roles.items()},
                    suffixes, single)


@lru_cache(maxsize=4)
def _prefilter(lang: str) -> re.Pattern[str]:
    """Words that can start a cue or a hedge: a sentence without any has no claim unless it has a figure."""
    lex = lexicon(lang)
    firsts = {p[0] for table in (lex.cues, lex.hedges) for p in table.items if p[0][:1].isalnum()}
    alternation = "|".join(re.escape(w) for w in sorted(firsts, key=len, reverse=True))
    suffixes = "|".join(re.escape(s) for s, _ in lex.suffixes)
    tail = rf"|\w+(?:{suffixes})\b" if suffixes else ""
    return re.compile(rf"\b(?:{alternation})\b{tail}", re.IGNORECASE)


# ---------------------------------------------------------------- tokens and matching


class _Tok(NamedTuple):  # a tuple: tokens are made for every word of every sentence
    low: str
    start: int
    end: int
    upper: bool


class _Toks(list[_Tok]):
    words: list[str]


def _tokens(text: str, span: Span) -> _Toks:
    out = _Toks(
        _Tok(m.group().lower(), m.start(), m.end(), m.group()[:1].isupper())
        for m in _TOKEN.finditer(text, span.start, span.end)
    )
    out.words = [t.low for t in out]
    return out


def _key(toks: _Toks, i: int, n: int) -> Phrase:
    return tuple(toks.words[i : i + n])


def _find_all(toks: _Toks, table: PhraseTable[Any], lo: int = 0, hi: int = -1) -> list[tuple[int, int]]:
    """Non-overlapping matches of ``table`` in ``toks[lo:hi]``, left to right, longest first."""
    out: list[tuple[int, int]] = []
    i, hi = lo, len(toks) if hi < 0 else hi
    while i < hi:
        n = table.at(toks.words, i)
        if n and i + n <= hi:
            out.append((i, n))
            i += n
        else:
            i += 1
    return out


def _trim(toks: Sequence[_Tok], lo: int, hi: int, drop: Container[str] = frozenset()) -> tuple[int, int]:
    """Shrink ``[lo, hi)`` past punctuation, quotes and the given words on both sides."""
    def junk(t: _Tok) -> bool:
        return not t.low[0].isalnum() or t.low in drop

    while lo < hi and junk(toks[lo]):
        lo += 1
    while hi > lo and junk(toks[hi - 1]):
        hi -= 1
    return lo, hi


# ---------------------------------------------------------------- one sentence


@dataclass
class _Found:
    claim: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int]
    certainty: Certainty
    shape: str


def _cues(toks: _Toks, lex: _Lexicon) -> list[tuple[int, int, str, Certainty]]:
    out = []
    for i, n in _find_all(toks, lex.cues):
        kind, cert = lex.cues[_key(toks, i, n)]
        if kind == "verb" and i and (toks[i - 1].low in _DETERMINERS or toks[i - 1].low[0].isdigit()):
            continue  # "the claims", "30 suspects": nouns, not reporting verbs
        if lex.hedges.at(toks.words, i) > n:
            continue  # "according to reports", "segundo relatos": a hedge, not a source
        out.append((i, n, kind, cert))
    return out


def _clause_start(toks: _Toks, i: int, lex: _Lexicon) -> int:
    """Leftmost token of the source of a cue at ``i``: after ";", ":", a quote or a clause boundary word."""
    boundary = lex.role("boundary")
    lo = max(0, i - _SOURCE_WINDOW)
    for j in range(i - 1, lo - 1, -1):
        t = toks[j]
        if t.low in (";", ":", ".", "(", ")") or t.low in _QUOTES:
            return j + 1
        coordinator = t.low in ("and", "y", "e")  # "police and witnesses said": part of the source
        if (t.low,) in boundary and j > 0 and (not coordinator or toks[j - 1].low == ","):
            return j + 1
    return lo


def _drop_intro(toks: _Toks, lo: int, hi: int, lex: _Lexicon) -> int:
    """Skip leading comma-separated segments that open with an intro word ("On Tuesday, ...")."""
    intro = lex.role("intro")
    while lo < hi and intro.at(toks.words, lo):
        comma = next((k for k in range(lo, hi) if toks[k].low == ","), None)
        if comma is None:
            break
        lo = comma + 1
    return lo


def _source_before(toks: _Toks, i: int, lex: _Lexicon) -> tuple[int, int] | None:
    lo = _drop_intro(toks, _clause_start(toks, i, lex), i, lex)
    aux = lex.words("aux")
    lo, hi = _trim(toks, lo, i, aux)
    last_comma = next((k for k in range(hi - 1, lo, -1) if toks[k].low == ","), None)
    if last_comma is not None and lex.role("intro").at(toks.words, last_comma + 1):
        hi = last_comma  # "El gobernador, por su parte, aseguró"
    anonymity = lex.role("anonymity")
    comma = next((k for k in range(lo, hi) if toks[k].low == ","), None)
    if comma is not None and _find_all(toks, anonymity, comma, hi):
        hi = comma  # "A police officer, speaking on condition of anonymity, told ..."
    return (lo, hi) if hi > lo else None


def _source_after(toks: _Toks, j: int, end: int = -1) -> tuple[int, int] | None:
    """The source after an inverted cue: ", said the mayor of X." up to the clause end."""
    stops = {";", ".", "("} | _QUOTES
    end = len(toks) if end < 0 else end
    hi = next((k for k in range(j, end) if toks[k].low in stops), end)
    lo, hi = _trim(toks, j, hi)
    return (lo, hi) if hi > lo else None


def _complement_end(toks: _Toks, j: int, lex: _Lexicon, max_loose: int = 2) -> int:
    """Where the reported content starts after a cue: past "that" / "que" / ":" when near."""
    comp = lex.words("complement")
    loose = 0
    for k in range(j, min(j + _COMPLEMENT_WINDOW, len(toks))):
        t = toks[k]
        if t.low in ("that", "que", ":"):
            return k + 1
        if t.low in (".", ";"):
            break
        if t.low not in comp and not t.upper and not t.low[0].isdigit() and t.low != ",":
            loose += 1  # an object or time phrase ("told reporters on Tuesday") may sit before "that"
            if loose > max_loose:
                break
    return j


def _previous_comma(toks: _Toks, i: int) -> int | None:
    for k in range(i - 1, max(-1, i - _SOURCE_WINDOW), -1):
        if toks[k].low == "," or (toks[k].low in _QUOTES and k and toks[k - 1].low in (",", ".", "?", "!")):
            return k
    return None


def _appositive_start(toks: _Toks, comma: int) -> int:
    """Extend a trailing source left over a proper name: "…, John Smith, a police spokesman, said"."""
    k = comma - 1
    while k >= 0 and toks[k].upper and toks[k].low[0].isalpha():
        k -= 1
    return k + 1 if k < comma - 1 and k >= 0 and toks[k].low == "," else comma + 1


def _appositive_end(toks: _Toks, clause_end: int, lex: _Lexicon) -> int:
    """Extend an inverted source over a closing appositive: "said Maria Lopes, the town's mayor."."""
    end = len(toks)
    if clause_end >= end or toks[clause_end].low != ",":
        return clause_end
    rest = _trim(toks, clause_end + 1, end)
    words = toks.words[rest[0] : rest[1]]
    if not 0 < len(words) <= 8 or any(w in (",", ";", "that", "que") for w in words):
        return clause_end
    if _find_all(toks, lex.role("clause"), *rest) or _find_all(toks, lex.cues, *rest):
        return clause_end
    return rest[1]


def _looks_like_source(toks: _Toks, lo: int, hi: int, lex: _Lexicon) -> bool:
    """An inverted source names someone: a capitalised word or a source noun ("said the mayor", "dijo una
    fuente"); "said the operation would continue" is reported content instead."""
    if _find_all(toks, lex.role("anonymity"), lo, hi):
        return True  # "disse um comerciante que pediu para não ser identificado"
    lo, hi = _head(toks, (lo, hi), lex)  # "una red de defensores que acompañó la marcha"
    if _find_all(toks, lex.role("clause"), lo, hi):
        return False  # a finite verb: "said the minister would resign"
    if any(t.upper for t in toks[lo:hi]) or hi - lo <= _HEAD_WORDS:
        return True
    return any(_find_all(toks, lex.role(kind), lo, hi) for kind in _KIND_ORDER)


def _verb(toks: _Toks, i: int, n: int, cert: Certainty, lex: _Lexicon) -> _Found | None:
    end = len(toks)
    comma = _previous_comma(toks, i)
    clause_end = next((k for k in range(i + n, end) if toks[k].low in (",", ";")), end)
    tail_lo, tail_hi = _trim(toks, i + n, clause_end)
    tail = tail_hi - tail_lo
    if i and lex.role("inverter").at(toks.words, i - 1) and tail:
        # "..., como aseguraron algunos habitantes", "según denunciaron dirigentes estudiantiles"
        stop = i - 1 if comma is None or comma < i - 2 else comma
        return _Found(_trim(toks, 0, stop), _source_after(toks, i + n), (i, i + n), cert, "after")
    # "..., told Reuters that CLAIM"; after a comma "contou uma professora que ..." is a relative clause
    after_comma = comma is not None and (comma == i - 1 or toks[i - 1].low in _QUOTES)
    reported = _complement_end(toks, i + n, lex, 0 if after_comma else 2) > i + n
    inverted = tail == 0 or _looks_like_source(toks, tail_lo, _appositive_end(toks, clause_end, lex), lex)
    if comma is not None and not reported and inverted and (comma == i - 1 or toks[i - 1].low in _QUOTES):
        # "CLAIM, said SOURCE" (or a quote closing right before the cue)
        src = _source_after(toks, i + n, _appositive_end(toks, clause_end, lex)) if tail else None
        claim_end = comma
        if src is None:  # "CLAIM, John Smith, a spokesman, said."
            prev = _previous_comma(toks, comma)
            if prev is None:
                return None
            src, claim_end = (prev + 1, comma), prev
            start = _appositive_start(toks, prev)
            if start <= prev:
                src, claim_end = (start, comma), max(start - 1, 0)
        return _Found(_trim(toks, 0, claim_end), src, (i, i + n), cert, "after")
    short_tail = tail <= _SHORT_TAIL and not any(t.low in ("that", "que") for t in toks[i + n : clause_end])
    if comma is not None and comma < i - 1 and short_tail:
        # "CLAIM, SOURCE said (on Tuesday)."
        src_lo = _appositive_start(toks, comma)
        claim_end = comma if src_lo == comma + 1 else max(src_lo - 1, 0)
        src = _trim(toks, src_lo, i, lex.words("aux"))
        return _Found(_trim(toks, 0, claim_end), src if src[1] > src[0] else None, (i, i + n), cert, "after")
    src = _source_before(toks, i, lex)
    if src is None:
        return None
    claim = _trim(toks, _complement_end(toks, i + n, lex), end)
    return _Found(claim, src, (i, i + n), cert, "before")


def _prep(toks: _Toks, i: int, n: int, cert: Certainty) -> _Found | None:
    stop = next((k for k in range(i + n, len(toks)) if toks[k].low in (",", ";", ".")), len(toks))
    src = _trim(toks, i + n, stop)
    if src[1] <= src[0]:
        return None
    lead = _trim(toks, 0, i)
    if lead[1] <= lead[0]:  # "According to police, CLAIM"
        return _Found(_trim(toks, stop, len(toks)), src, (i, i + n), cert, "prep-before")
    return _Found(_trim(toks, 0, i), src, (i, i + n), cert, "prep-after")


def _attributions(toks: _Toks, lex: _Lexicon) -> list[_Found]:
    found: list[_Found] = []
    for i, n, kind, cert in _cues(toks, lex):
        if any(f.source and f.source[0] <= i < f.source[1] for f in found):
            continue  # a cue word inside an earlier source ("according to a police report")
        f = _verb(toks, i, n, cert, lex) if kind == "verb" else _prep(toks, i, n, cert)
        if f is not None and f.source and _find_all(toks, lex.role("hearsay"), *f.source):
            continue  # "unconfirmed reports suggest ...": nobody is named; the hedges decide
        if f is not None and f.claim[1] > f.claim[0]:
            found.append(f)
    # a "SOURCE said CLAIM" claim stops where the next attribution's source begins
    for a, b in itertools.pairwise(found):
        if a.shape == "before" and b.source and a.claim[0] < b.source[0] < a.claim[1]:
            a.claim = _trim(toks, a.claim[0], b.source[0], lex.words("boundary"))
    return found


def _hedged(toks: _Toks, lo: int, hi: int, lex: _Lexicon) -> tuple[Certainty, tuple[int, int] | None]:
    best: Certainty = "asserted"
    where = None
    for i, n in _find_all(toks, lex.hedges, lo, hi):
        c = lex.hedges[_key(toks, i, n)]
        if _RANK[c] < _RANK[best]:
            best, where = c, (i, i + n)
    for i in range(lo, hi) if lex.suffixes else ():
        for suffix, c in lex.suffixes:
            word = toks.words[i]
            if len(word) > len(suffix) + 2 and word.endswith(suffix) and _RANK[c] < _RANK[best]:
                best, where = c, (i, i + 1)
    return best, where


def _source_kind(toks: _Toks, lo: int, hi: int, lex: _Lexicon) -> str:
    for kind in _KIND_ORDER:
        if _find_all(toks, lex.role(kind), lo, hi):
            return kind
    return "named"


def _head(toks: _Toks, span: tuple[int, int], lex: _Lexicon) -> tuple[int, int]:
    """A source without its relative clause ("a elder who took part in the talks" -> "a elder"), unless the
    clause is what makes the source anonymous ("un familiar que pidió el anonimato")."""
    lo, hi = span
    relative = lex.role("relative")
    for k in range(lo + 1, hi):
        if relative.at(toks.words, k) and not _find_all(toks, lex.role("anonymity"), k, hi):
            cut = _trim(toks, lo, k)
            return cut if cut[1] > cut[0] else span
    return span


def _make_source(
    text: str, toks: _Toks, span: tuple[int, int], anonymity: bool, lex: _Lexicon
) -> Source:
    lo, hi = _head(toks, span, lex)
    s = Span(toks[lo].start, toks[hi - 1].end)
    kind = "anonymous" if anonymity else _source_kind(toks, lo, hi, lex)
    return Source(span=s, text=text[s.start : s.end], anonymous=kind == "anonymous", kind=kind)


def sentence_claims(
    text: str, sentence: Span, lang: str, figures: Sequence[Figure] = (), site: str | None = None
) -> list[Claim]:
    """Claims of one sentence, ids left empty (the stage numbers them per article)."""
    lex = lexicon(lang)
    has_figure = any(sentence.contains(fig.span) for fig in figures)
    if not has_figure and not _prefilter(lang).search(text, sentence.start, sentence.end):
        return []
    toks = _tokens(text, sentence)
    if not toks:
        return []
    anonymity = bool(_find_all(toks, lex.role("anonymity")))
    out: list[Claim] = []
    for f in _attributions(toks, lex):
        hedge, _ = _hedged(toks, f.claim[0], f.claim[1], lex)
        cert = min(f.certainty, hedge, key=_RANK.__getitem__)
        claim_span = Span(toks[f.claim[0]].start, toks[f.claim[1] - 1].end)
        cue = Span(toks[f.cue[0]].start, toks[f.cue[1] - 1].end)
        source = _make_source(text, toks, f.source, anonymity, lex) if f.source else None
        out.append(Claim(id="", span=claim_span, certainty=cert, source=source, cue=cue,
                         cue_text=text[cue.start : cue.end], rule=f"attribution:{f.shape}"))
    if out:
        return out
    hedge, where = _hedged(toks, 0, len(toks), lex)
    if hedge == "asserted" and not has_figure:
        return []
    hedge_cue = Span(toks[where[0]].start, toks[where[1] - 1].end) if where else None
    own = Source(span=None, text=site or "", kind="self")
    cue_text = text[hedge_cue.start : hedge_cue.end] if hedge_cue else ""
    return [Claim(id="", span=sentence, certainty=hedge, source=own, cue=hedge_cue, cue_text=cue_text,
                  rule="unattributed")]


# ---------------------------------------------------------------- contradictions


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two figures (and their claims) that cannot both be right, or an explicit denial of a claim."""

    kind: str  # "figures" or "cue"
    article_a: str
    claim_a: str | None
    figure_a: Figure | None
    source_a: str | None
    article_b: str
    claim_b: str | None
    figure_b: Figure | None
    source_b: str | None


def figure_bounds(f: Figure) -> tuple[float, float]:
    """The interval a figure allows: open above for "at least", "more than", vague amounts and partial counts;
    ±10 % for "about"; from zero for "up to" and "fewer than"."""
    low, high = float(f.low), float(f.high)
    # counts named only by their noun ("eight bodies were found") are partial: they bound the toll from below
    if f.qualifier in ("at_least", "more_than") or f.vague or f.rule == "noun":
        high = math.inf
    elif f.qualifier == "about":
        low, high = math.floor(f.low * 0.9), math.ceil(f.high * 1.1)
    elif f.qualifier in ("up_to", "fewer_than"):
        low = 0.0
    return low, high


def compare_figures(a: Figure, b: Figure) -> bool:
    """True when ``a`` and ``b`` count the same thing and their intervals do not overlap."""
    if a.category != b.category or a.who != b.who:
        return False
    a_lo, a_hi = figure_bounds(a)
    b_lo, b_hi = figure_bounds(b)
    return a_hi < b_lo or b_hi < a_lo


def _source_text(claim: Claim | None) -> str | None:
    return claim.source.text if claim is not None and claim.source is not None else None


def find_contradictions(items: Sequence[tuple[str, Claim | None, Figure]]) -> list[Contradiction]:
    """Pairs of ``(article_id, claim, figure)`` items whose figures conflict (see :func:`compare_figures`).

    Items of the same claim never conflict with each other, nor parts of a total (``+subset`` rules); the
    caller decides which items describe the same event (the whole article, or a cross-article event group).
    """
    out: list[Contradiction] = []
    for (art_a, claim_a, fig_a), (art_b, claim_b, fig_b) in itertools.combinations(items, 2):
        same_claim = art_a == art_b and claim_a is not None and claim_b is not None and claim_a == claim_b
        if same_claim or fig_a.rule.endswith("+subset") or fig_b.rule.endswith("+subset"):
            continue
        if compare_figures(fig_a, fig_b):
            out.append(Contradiction(
                "figures", art_a, claim_a.id if claim_a else None, fig_a, _source_text(claim_a),
                art_b, claim_b.id if claim_b else None, fig_b, _source_text(claim_b),
            ))
    return out


@lru_cache(maxsize=4)
def _contradiction_cues(lang: str) -> re.Pattern[str]:
    phrases = [" ".join(p) for p in lexicon(lang).role("contradiction").items]
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)


def _contradicting_cue(text: str, claim: Claim, lang: str) -> bool:
    """A denial by a named source, or a claim that says it contradicts ("appears to contradict")."""
    if claim.certainty == "denied" and claim.source is not None and claim.source.kind != "self":
        return True
    return claim.cue is not None and bool(_contradiction_cues(lang).search(text, claim.span.start, claim.span.end))


def _link_contradictions(article: Article, claims: list[Claim], lang: str) -> list[Claim]:
    pairs: set[tuple[str, str]] = set()
    items = [(article.id, c, article.figures[i]) for c in claims for i in c.figure_ids]
    for con in find_contradictions(items):
        if con.claim_a and con.claim_b and con.source_a != con.source_b:
            pairs.add((con.claim_a, con.claim_b))
    for k, c in enumerate(claims):
        if not _contradicting_cue(article.text, c, lang):
            continue
        earlier = [p for p in claims[:k] if _source_text(p) != _source_text(c)]
        if earlier:
            pairs.add((earlier[-1].id, c.id))
    links: dict[str, set[str]] = {}
    for a, b in pairs:
        links.setdefault(a, set()).add(b)
        links.setdefault(b, set()).add(a)
    return [dataclasses.replace(c, contradicts=tuple(sorted(links.get(c.id, ())))) for c in claims]


# ---------------------------------------------------------------- stage


def article_claims(article: Article) -> tuple[Claim, ...]:
    lang = article.lang if article.lang in SUPPORTED_LANGUAGES else "en"
    raw: list[Claim] = []
    for sentence in article.sentences:
        raw.extend(sentence_claims(article.text, sentence, lang, article.figures, article.site))
    raw = _carry_back_doubts(article.text, raw, lang)
    claims = []
    for n, c in enumerate(raw, 1):
        figs = tuple(i for i, f in enumerate(article.figures) if c.span.contains(f.span))
        claims.append(dataclasses.replace(c, id=f"c{n}", figure_ids=figs))
    return tuple(_link_contradictions(article, claims, lang))


def _carry_back_doubts(text: str, claims: list[Claim], lang: str) -> list[Claim]:
    """A hedge about "the claim" ("The claim could not be verified.") also hedges the claim before it."""
    lex = lexicon(lang)
    out = list(claims)
    for k in range(1, len(out)):
        c = out[k]
        if c.rule != "unattributed" or c.certainty == "asserted" or c.figure_ids:
            continue
        toks = _tokens(text, c.span)
        if not _find_all(toks, lex.role("anonymity")) and _find_all(toks, lex.role("anaphora")):
            prev = out[k - 1]
            if _RANK[c.certainty] < _RANK[prev.certainty]:
                out[k - 1] = dataclasses.replace(prev, certainty=c.certainty)
    return out


def claim_for(article: Article, span: Span) -> Claim | None:
    """The innermost claim of ``article`` whose span contains ``span`` (None when nothing claims it)."""
    inside = [c for c in article.claims if c.span.contains(span)]
    return min(inside, key=lambda c: len(c.span)) if inside else None


class ClaimsStage:
    name: ClassVar[str] = "claims"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    provides: ClassVar[tuple[str, ...]] = ("claims",)

    def __call__(self, article: Article, doc: Doc) -> Article:
        # Source.actor_id stays None here: matching the actor dictionary would halve this stage's speed and the
        # events stage matches actors anyway; it (or any caller) can use resolve_sources.
        return dataclasses.replace(article, claims=article_claims(article))


def resolve_sources(claims: Sequence[Claim], doc: Doc, lang: str) -> tuple[Claim, ...]:
    """Claims with ``Source.actor_id`` filled from the actor dictionary (``wirewatch.actors``): the first
    dictionary actor inside each source span ("the Iraqi army said" -> the Iraqi army's id)."""
    try:
        from ..actors import find_actors
    except ImportError:  # the actor dictionary is optional for this stage
        return tuple(claims)
    spans = [c.source.span for c in claims if c.source is not None and c.source.span is not None]
    if not spans:
        return tuple(claims)
    # one pass over the stretch of text that holds the sources, not one per source
    mentions = [m for m in find_actors(doc, lang, min(s.start for s in spans), max(s.end for s in spans))
                if m.actor_id]
    out = []
    for c in claims:
        src = c.source
        if src is not None and src.span is not None and src.actor_id is None:
            inside = [m for m in mentions if src.span.contains(m.span)]
            if inside:
                c = dataclasses.replace(c, source=dataclasses.replace(src, actor_id=inside[0].actor_id))
        out.append(c)
    return tuple(out)


@register_stage("claims")
def make_claims_stage(config: Config) -> ClaimsStage:
    return ClaimsStage()
