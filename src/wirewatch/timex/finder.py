"""Find time expressions and resolve them against the publication date.

One pass of the compiled rules over each sentence yields candidates; each candidate reads the words before it
(qualifier, shift, preposition) and after it (Spanish/Portuguese "pasado"/"passada"), then resolves to an
inclusive date interval. Overlaps keep the longest; two dates joined by "between … and", "del … al",
"entre … e" become one range, and "Tuesday, 19 February" one date.

Span convention: leading prepositions and articles (on, in, el, em, na, no …) are *not* part of the span;
qualifiers, shift words and demonstratives ("early", "principios de", "last", "pasado", "nesta") are; range
openers ("between", "del", "entre") are part of a range's span. Prepositions still set the qualifier
("since 2014" → qualifier "after").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from text_to_num import text2num

from ..records import Span, TimeExpr
from . import calendar as cal
from .grammar import Grammar, grammar
from .lexicon import Lexicon, month_first_hosts, norm

Kind = Literal["date", "range", "duration", "relative"]
Anchor = date | None
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
          "XI": 11, "XII": 12}
_WINDOW = 48
_PLURAL_DETS = {"los", "las", "os", "as", "nos", "nas", "the"}
_STRONG_PREP_ROLES = {"prep", "after", "before", "about", "dur", "since"}


@dataclass(slots=True)
class Context:
    """What surrounds a core match."""

    start: int  # span start: leftmost included word (qualifier, shift, demonstrative)
    end: int  # span end: after a trailing shift word ("pasado")
    qual: str | None = None
    shift: int | None = None
    roles: set[str] = field(default_factory=set)  # preposition roles seen: prep, det, after, before, dur ...
    dets: set[str] = field(default_factory=set)
    approx: bool = False
    since_at: int | None = None  # where "since"/"desde" starts


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    lo: date
    hi: date
    gran: str
    kind: Kind
    rule: str
    qualifier: str | None = None
    anchor: date | None = None
    weak: bool = False  # kept only if it joins a range (a bare "2016" in "between 2014 and 2016")
    year_explicit: bool = True
    core: int = 0  # length of the core match, tie-break between equal spans


Found = Candidate | None


def month_first_for(url: str | None, site: str | None = None) -> bool:
    """Whether numeric dates from this outlet are month-first (US usage); default day-first."""
    host = re.sub(r"^[a-z]+://", "", (url or "").lower()).split("/", 1)[0]
    names = [h for h in (host, (site or "").lower()) if h]
    return any(n.endswith(suffix) or n == suffix.lstrip(".") for n in names for suffix in month_first_hosts())


def find_timexes(
    text: str,
    lang: str,
    anchor: date | None,
    *,
    spans: Iterable[Span] | None = None,
    month_first: bool = False,
) -> list[TimeExpr]:
    """Time expressions in ``text`` (searched within each of ``spans``, default the whole text).

    Without an ``anchor`` only fully specified dates are resolved; relative and yearless ones are skipped.
    """
    g = grammar(lang)
    out: list[TimeExpr] = []
    for span in spans if spans is not None else (Span(0, len(text)),):
        found = _candidates(g, text, span.start, span.end, anchor, month_first)
        out.extend(_to_timex(text, c) for c in _select(g, text, found, span.start))
    return out


# ---------------------------------------------------------------- candidates


def _candidates(g: Grammar, text: str, lo: int, hi: int, anchor: Anchor, mf: bool) -> list[Candidate]:
    out: list[Candidate] = []
    if not g.gate.search(text, lo, hi):
        return out
    for name, rx in g.rules:
        for m in rx.finditer(text, lo, hi):
            cand = _resolve(g, name, m, text, lo, hi, anchor, mf)
            if cand is not None:
                out.append(cand)
    for m in g.roman.finditer(text, lo, hi):
        cand = _resolve(g, "roman", m, text, lo, hi, anchor, mf)
        if cand is not None:
            out.append(cand)
    return out


def _context(g: Grammar, text: str, m: re.Match[str], lo: int, hi: int, rule: str) -> Context:
    ctx = Context(start=m.start(), end=m.end())
    pos, included, seen = m.start(), True, set()
    for _ in range(5):
        window_start = max(lo, pos - _WINDOW)
        window = text[window_start:pos]
        hit = None
        for cat, rx in ((("range", g.back_range),) if rule.startswith("range") else ()) + g.back:
            if (cat in seen and cat != "prep") or (cat == "approx" and rule != "ago_post"):
                continue
            hit = rx.search(window)
            if hit:
                break
        if hit is None:
            break
        seen.add(cat)
        word = norm(hit.group("w"))
        where = window_start + hit.start()
        if cat == "prep":
            role = g.lex.preps.get(word, "prep")
            ctx.roles.add(role)
            if role == "det":
                ctx.dets.add(word)
            elif role == "since":
                ctx.since_at = where
            included = False
        else:
            if included:
                ctx.start = where
            if cat == "qual":
                ctx.qual = g.lex.qualifiers.get(word)
            elif cat == "shift":
                ctx.shift = g.lex.marker("shift_pre").get(word)
            elif cat == "approx":
                ctx.approx = True
            elif cat == "range":
                ctx.roles.add("range")
        pos = where
    after = g.after_shift.match(text, m.end(), hi)
    if after and ctx.shift is None:
        ctx.shift = g.lex.marker("shift_post").get(norm(after.group("w")))
        ctx.end = after.end()
    return ctx


def _resolve(
    g: Grammar, name: str, m: re.Match[str], text: str, lo: int, hi: int, anchor: Anchor, month_first: bool
) -> Found:
    ctx = _context(g, text, m, lo, hi, name)
    handler = _HANDLERS[name]
    try:
        cand = handler(g.lex, m, ctx, anchor, month_first)
    except (ValueError, OverflowError):
        return None  # impossible dates ("31/02/2017") and out-of-range arithmetic are not time expressions
    if cand is None:
        return None
    cand.rule = f"{g.lex.lang}:{name}"
    cand.core = m.end() - m.start()
    return _since(_qualified(cand, ctx), ctx, anchor)


def _since(cand: Candidate, ctx: Context, anchor: Anchor) -> Candidate:
    """"since Thursday", "desde principios de abril": from then up to publication."""
    if ctx.since_at is None or anchor is None or cand.kind == "duration":
        return cand
    if cand.lo > anchor and not cand.year_explicit:  # "since April" said in March: last year's April
        cand.lo = cal.add_months(cand.lo, -12)
    if cand.lo > anchor:
        return cand
    cand.start, cand.hi, cand.kind, cand.qualifier = ctx.since_at, anchor, "range", "since"
    cand.anchor = anchor
    return cand


def _qualified(cand: Candidate, ctx: Context) -> Candidate:
    if ctx.qual and cand.gran != "day" and cand.kind != "duration":
        cand.lo, cand.hi = cal.qualify((cand.lo, cand.hi), cand.gran, ctx.qual)
        cand.qualifier = ctx.qual
    elif cand.qualifier is None:
        for role in ("after", "before", "about", "since"):
            if role in ctx.roles:
                cand.qualifier = role
                break
        if ctx.approx:
            cand.qualifier = "about"
    return cand


def _cand(ctx: Context, lo: date, hi: date, gran: str, kind: Kind, anchor: date | None = None,
          **extra: object) -> Candidate:
    return Candidate(ctx.start, ctx.end, lo, hi, gran, kind, "", anchor=anchor, **extra)  # type: ignore[arg-type]


# ---------------------------------------------------------------- handlers


def _day(raw: str) -> int:
    return int(re.match(r"\d+", raw).group())  # type: ignore[union-attr]


def _month(lex: Lexicon, m: re.Match[str]) -> int | None:
    word = m.group("m")
    if lex.lang == "en" and not word[0].isupper():
        return None  # "march", "may" are verbs
    return lex.months.get(norm(word).rstrip("."))


def _year_for(anchor: date | None, raw: str | None, month: int, day: int = 1) -> tuple[int, bool] | None:
    if raw:
        return int(raw), True
    if anchor is None:
        return None
    return cal.infer_year(anchor, month, day), False


def _h_dmy(lex: Lexicon, m: re.Match[str], ctx: Context, anchor: Anchor, _mf: bool) -> Found:
    month = _month(lex, m)
    day = _day(m.group("d"))
    yr = _year_for(anchor, m.group("y"), month or 1, day) if month else None
    if month is None or yr is None:
        return None
    d = date(yr[0], month, day)
    return _cand(ctx, d, d, "day", "date", None if yr[1] else anchor, year_explicit=yr[1])


def _h_range(lex: Lexicon, m: re.Match[str], ctx: Context, anchor: Anchor, _mf: bool) -> Found:
    month = _month(lex, m)
    d1, d2 = _day(m.group("d1")), _day(m.group("d2"))
    yr = _year_for(anchor, m.group("y"), month or 1, d1) if month else None
    if month is None or yr is None or d2 <= d1:
        return None
    start, end = date(yr[0], month, d1), date(yr[0], month, d2)
    return _cand(ctx, start, end, "day", "range", None if yr[1] else anchor, year_explicit=yr[1])


def _h_my(lex: Lexicon, m: re.Match[str], ctx: Context, _a: Anchor, _mf: bool) -> Found:
    month = _month(lex, m)
    if month is None:
        return None
    lo, hi = cal.month_interval(int(m.group("y")), month)
    return _cand(ctx, lo, hi, "month", "date")


def _h_month(lex: Lexicon, m: re.Match[str], ctx: Context, anchor: Anchor, _mf: bool) -> Found:
    month = _month(lex, m)
    word = norm(m.group("m"))
    if month is None or anchor is None or word in lex.month_abbrevs:
        return None
    if ctx.shift is not None:  # "last May", "el pasado mayo"
        year = anchor.year + ctx.shift if ctx.shift else anchor.year
        if ctx.shift < 0 and month < anchor.month:
            year = anchor.year
    else:
        year = cal.infer_year(anchor, month)
    strong = bool(ctx.qual) or bool(ctx.roles & _STRONG_PREP_ROLES) or ctx.shift is not None
    lo, hi = cal.month_interval(year, month)
    return _cand(ctx, lo, hi, "month", "date", anchor, weak=not strong, year_explicit=False)


def _h_year(lex: Lexicon, m: re.Match[str], ctx: Context, _a: Anchor, _mf: bool) -> Found:
    year = int(m.group("y"))
    strong = bool(ctx.qual) or bool(ctx.roles & (_STRONG_PREP_ROLES - {"prep"})) or (
        "prep" in ctx.roles and not ({"de", "of", "a"} & _words_before(m, ctx))
    )
    return _cand(ctx, date(year, 1, 1), date(year, 12, 31), "year", "date", weak=not strong)


def _words_before(m: re.Match[str], ctx: Context) -> set[str]:
    return set(norm(m.string[max(0, m.start() - 6) : m.start()]).split()[-1:])


def _h_iso(lex: Lexicon, m: re.Match[str], ctx: Context, _a: Anchor, _mf: bool) -> Found:
    d = date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    return _cand(ctx, d, d, "day", "date")


def _h_numeric(lex: Lexicon, m: re.Match[str], ctx: Context, _a: Anchor, month_first: bool) -> Found:
    a, b, raw = int(m.group("a")), int(m.group("b")), m.group("y")
    year = int(raw) if len(raw) == 4 else (2000 + int(raw) if int(raw) < 50 else 1900 + int(raw))
    if a > 12 or (b <= 12 and not month_first):
        day, month = a, b  # day-first: es, pt, and English outside the US
    else:
        day, month = b, a
    d = date(year, month, day)
    return _cand(ctx, d, d, "day", "date")


def _h_roman(lex: Lexicon, m: re.Match[str], ctx: Context, anchor: Anchor, _mf: bool) -> Found:
    month, day = _ROMAN[m.group("r")], int(m.group("d"))
    yr = _year_for(anchor, m.group("y"), month, day)
    if yr is None:
        return None
    d = date(yr[0], month, day)
    return _cand(ctx, d, d, "day", "date", None if yr[1] else anchor, year_explicit=yr[1])


def _h_season(lex: Lexicon, m: re.Match[str], ctx: Context, anchor: Anchor, _mf: bool) -> Found:
    season = lex.seasons[norm(m.group("s"))]
    if m.group("y"):
        lo, hi = cal.season_interval(season, int(m.group("y")))
        return _cand(ctx, lo, hi, "season", "date")
    if anchor is None or not (ctx.qual or ctx.shift is not None or ctx.roles & _STRONG_PREP_ROLES):
        return None
    lo, hi = cal.season_relative(season, anchor, ctx.shift)
    return _cand(ctx, lo, hi, "season", "relative", anchor)


def _h_weekday(lex: Lexicon, m: re.Match[str], ctx: Context, anchor: Anchor, _mf: bool) -> Found:
    word = m.group("w")
    if anchor is None or (lex.lang == "en" and not word[0].isupper()):
        return None
    if ctx.dets & _PLURAL_DETS - {"the"}:
        return None  # "los lunes", "nas segundas": habitual
    marked = ctx.shift is not None or bool(ctx.roles)
    weak = lex.lang != "en" and not marked and "-" not in word  # bare "sábado": only as a range end
    if _short_weekday(lex, norm(word)) and not _weekday_follows(lex, m):
        return None  # "a segunda vez", "a quinta posição": an ordinal, not "segunda-feira"
    d = cal.weekday_relative(anchor, lex.weekdays[norm(word)], ctx.shift)
    return _cand(ctx, d, d, "day", "relative", anchor, weak=weak)


def _short_weekday(lex: Lexicon, word: str) -> bool:
    """A clipped form ("segunda" for "segunda-feira") that is also an ordinal."""
    return any(other != word and other.startswith(word + "-") for other in lex.weekdays)


def _weekday_follows(lex: Lexicon, m: re.Match[str]) -> bool:
    nxt = re.match(r"\s*(\w*)", m.string[m.end() : m.end() + 24])
    word = norm(nxt.group(1)) if nxt else ""
    return not word or not word[0].islower() or word in lex.marker("daypart_follow") or (
        word in lex.marker("shift_post"))


def _h_dayword(lex: Lexicon, m: re.Match[str], ctx: Context, anchor: Anchor, _mf: bool) -> Found:
    if anchor is None:
        return None
    d = anchor + timedelta(days=lex.days[norm(m.group("dw"))])
    return _cand(ctx, d, d, "day", "relative", anchor)


def _count(lex: Lexicon, raw: str) -> int | None:
    key = norm(raw)
    if key.isdigit():
        return int(key)
    if lex.numbers.get(key) is not None:
        return lex.numbers[key]
    try:
        return int(text2num(key, lex.lang))
    except ValueError:
        return None


def _unit(lex: Lexicon, m: re.Match[str]) -> str:
    return lex.units[norm(m.group("u"))]


def _granularity(unit: str) -> str:
    return {"decade": "year", "weekend": "week"}.get(unit, unit)


def _h_ago(lex: Lexicon, m: re.Match[str], ctx: Context, anchor: Anchor, _mf: bool) -> Found:
    n, unit = _count(lex, m.group("n")), _unit(lex, m)
    if anchor is None or n is None or unit == "weekend":
        return None
    if ctx.roles & {"since", "after"}:  # "desde hace cinco meses": a duration up to publication
        return _cand(ctx, cal.shift(anchor, unit, -n), anchor, _granularity(unit), "duration", anchor)
    lo, hi = cal.unit_interval(cal.shift(anchor, unit, -n), unit)
    cand = _cand(ctx, lo, hi, _granularity(unit), "relative", anchor)
    if "ap" in m.re.groupindex and m.group("ap"):
        cand.qualifier = "about"
    return cand


def _h_units(lex: Lexicon, m: re.Match[str], ctx: Context, anchor: Anchor, _mf: bool) -> Found:
    """"for five months", "the past five months", "durante dos semanas", "nos últimos três dias"."""
    n, unit = _count(lex, m.group("n")), _unit(lex, m)
    if anchor is None or n is None or unit == "weekend":
        return None
    if "dur" not in ctx.roles and ctx.shift != -1:
        return None
    return _cand(ctx, cal.shift(anchor, unit, -n), anchor, _granularity(unit), "duration", anchor)


def _h_unit(lex: Lexicon, m: re.Match[str], ctx: Context, anchor: Anchor, _mf: bool) -> Found:
    """"last week", "el año pasado", "esta semana", "no fim de semana", "over the past year"."""
    unit = _unit(lex, m)
    word = norm(m.group("u"))
    if anchor is None or unit in ("day", "decade"):
        return None
    if unit == "weekend":
        if ctx.shift is None and not ctx.roles:
            return None
        sat = _weekend(anchor, ctx.shift)
        return _cand(ctx, sat, sat + timedelta(days=1), "week", "relative", anchor)
    if ctx.shift is None and ctx.qual:  # "the start of the month", "o início do ano": the current one
        ctx.shift = 0
    if ctx.shift is None or (word.endswith("s") and word not in ("mes", "mês")):
        return None
    if "dur" in ctx.roles:  # "over the past year": the last twelve months
        return _cand(ctx, cal.shift(anchor, unit, -1), anchor, unit, "duration", anchor)
    lo, hi = cal.unit_interval(cal.shift(anchor, unit, ctx.shift), unit)
    return _cand(ctx, lo, hi, unit, "relative", anchor)


def _weekend(anchor: date, direction: int | None) -> date:
    sat = cal.weekday_on_or_before(anchor, 5)
    if direction is not None and direction > 0:
        return cal.weekday_relative(anchor, 5, 1)
    if direction is not None and direction < 0 and anchor.weekday() >= 5:
        return sat - timedelta(days=7)
    return sat


def _h_decade(lex: Lexicon, m: re.Match[str], ctx: Context, _a: Anchor, _mf: bool) -> Found:
    raw = m.group("dy")
    year = int(raw) if len(raw) == 4 else (2000 + int(raw) if int(raw) < 20 else 1900 + int(raw))
    if len(raw) == 3 or year % 10:
        return None
    return _cand(ctx, date(year, 1, 1), date(year + 9, 12, 31), "year", "date")


_HANDLERS = {
    "decade": _h_decade,
    "range_dm": _h_range,
    "range_md": _h_range,
    "dmy": _h_dmy,
    "mdy": _h_dmy,
    "my": _h_my,
    "month": _h_month,
    "iso": _h_iso,
    "numeric": _h_numeric,
    "roman": _h_roman,
    "season": _h_season,
    "weekday": _h_weekday,
    "dayword": _h_dayword,
    "ago_pre": _h_ago,
    "ago_post": _h_ago,
    "units": _h_units,
    "unit": _h_unit,
    "year": _h_year,
}


# ---------------------------------------------------------------- selection and joining


def _select(g: Grammar, text: str, cands: list[Candidate], floor: int) -> list[Candidate]:
    chosen: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.core, c.start)):
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    chosen = _join_ranges(g, text, chosen, floor)
    chosen = _join_weekdays(g, text, chosen)
    return [c for c in chosen if not c.weak]


def _join_ranges(g: Grammar, text: str, cands: list[Candidate], floor: int) -> list[Candidate]:
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        joined = _range_of(g, text, a, b, floor) if b is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _range_of(g: Grammar, text: str, a: Candidate, b: Candidate, floor: int) -> Found:
    if a.kind == "duration" or b.kind == "duration" or not g.range_join.match(text[a.end : b.start]):
        return None
    opener = g.back_range.search(text[max(floor, a.start - _WINDOW) : a.start])
    dash = text[a.end : b.start].strip() in ("-", "–")
    if opener is None and not (dash and a.gran == b.gran):
        return None
    lo = a.lo
    if not a.year_explicit and b.year_explicit:  # "from February to April 2017"
        lo = lo.replace(year=b.lo.year if lo.month <= b.lo.month else b.lo.year - 1)
    if lo > b.hi:
        return None
    start = a.start - (len(opener.group(0)) if opener else 0)
    return Candidate(start, b.end, lo, b.hi, a.gran, "range", a.rule + "+range", a.qualifier,
                     a.anchor or b.anchor, core=b.end - a.start)


def _join_weekdays(g: Grammar, text: str, cands: list[Candidate]) -> list[Candidate]:
    """"Tuesday, 19 February", "el lunes 19 de febrero": one date; the explicit date decides."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev is not None and prev.rule.endswith(":weekday") and c.gran == "day" and c.kind == "date"
                and g.weekday_join.match(text[prev.end : c.start])):
            out[-1] = replace(c, start=prev.start)
            continue
        out.append(c)
    return out


def _to_timex(text: str, c: Candidate) -> TimeExpr:
    granularity = c.gran if c.gran in ("day", "week", "month", "season", "year") else "year"
    return TimeExpr(
        span=Span(c.start, c.end),
        text=text[c.start : c.end],
        start=c.lo,
        end=c.hi,
        granularity=granularity,  # type: ignore[arg-type]
        anchor=c.anchor,
        qualifier=c.qualifier,
        kind=c.kind,
        rule=c.rule,
    )
