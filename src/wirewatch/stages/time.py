"""The ``time`` stage: time expressions as intervals, and the date of an event.

Expressions are anchored on the publication date. Without one, only fully specified dates ("19 February
2017", "19/02/2017", "in 2014") are kept; relative and yearless expressions are skipped rather than resolved
against today's date, so the same article always gives the same result.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from spacy.tokens import Doc

from ..config import Config
from ..pipeline import register_stage
from ..records import Article, Span, TimeExpr
from ..timex import find_timexes, month_first_for

#: an event whose dates all lie more than this long before publication is historical
HISTORICAL_AFTER = timedelta(days=30)

# Punctuation and conjunctions that usually end a clause: a date across one governs the trigger less.
_CLAUSE_BREAK = re.compile(r"[;:()—–]|,\s+(?:and|but|while|after|y|pero|mientras|e|mas|enquanto)\s", re.I)


# "since <date>, when ...": the clause after "when" is dated by the range's start
_WHEN = re.compile(r",?\s+(?:when|cuando|en que|quando|em que)\s", re.I)


@dataclass(frozen=True, slots=True)
class EventDate:
    time: TimeExpr | None
    start: date | None
    end: date | None
    precision: int  # ACLED time_precision: 1 = day, 2 = within a week / range of days, 3 = month or coarser
    historical: bool  # ends more than HISTORICAL_AFTER before publication


class TimeStage:
    name: ClassVar[str] = "time"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    provides: ClassVar[tuple[str, ...]] = ("timexes",)

    def __call__(self, article: Article, doc: Doc) -> Article:
        return dataclasses.replace(article, timexes=article_timexes(article))


@register_stage("time")
def _factory(config: Config) -> TimeStage:
    return TimeStage()


def anchor_of(article: Article) -> date | None:
    return article.published.date() if article.published else None


def article_timexes(article: Article, spans: tuple[Span, ...] | None = None) -> tuple[TimeExpr, ...]:
    """Time expressions of ``article`` (within ``spans``, default its sentences or the whole text)."""
    lang = article.lang if article.lang in ("en", "es", "pt") else "en"
    where = spans if spans is not None else (article.sentences or None)
    found = find_timexes(article.text, lang, anchor_of(article), spans=where,
                         month_first=lang == "en" and month_first_for(article.url, article.site))
    # a month or weekday inside a place name the places stage found is part of the name ("Rio de Janeiro")
    names = [p.span for p in article.places]
    return tuple(t for t in found if not any(n.start <= t.span.start and t.span.end <= n.end for n in names))


# ---------------------------------------------------------------- event dates


def precision_of(start: date, end: date) -> int:
    """ACLED time_precision of an interval: 1 one day, 2 up to a week, 3 longer."""
    days = (end - start).days + 1
    return 1 if days == 1 else 2 if days <= 7 else 3


def event_date(article: Article, sentence: Span, trigger: Span) -> EventDate:
    """The date of the event whose trigger is ``trigger`` in ``sentence``.

    The time expression governing the trigger in its sentence (same clause and nearest first; durations do
    not date an event), else the nearest preceding one in the paragraph, else "on or shortly before
    publication" (the day before to the day of publication, precision 2).
    """
    timex = _governing(article, sentence, trigger) or _preceding(article, sentence)
    published = anchor_of(article)
    if timex is not None:
        start, end = _when_point(article.text, timex, trigger) or (timex.start, timex.end)
        historical = published is not None and end < published - HISTORICAL_AFTER
        return EventDate(timex, start, end, precision_of(start, end), historical)
    if published is None:
        return EventDate(None, None, None, 3, False)
    return EventDate(None, published - timedelta(days=1), published, 2, False)


def _when_point(text: str, timex: TimeExpr, trigger: Span) -> tuple[date, date] | None:
    """ "since October 2019, when gunmen forced the government to release ...": the "when" clause happened at
    the start of the range, not over it. The start's own unit (day, month or year) as an interval, else None."""
    if timex.qualifier != "since" or timex.span.end > trigger.start or not _WHEN.match(text, timex.span.end):
        return None
    start = timex.start
    if timex.granularity == "year":
        return start, date(start.year, 12, 31)
    if timex.granularity == "month":
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, following - timedelta(days=1)
    return start, start


def _timexes_in(article: Article, span: Span) -> list[TimeExpr]:
    if "time" in article.stages or article.timexes:
        found: tuple[TimeExpr, ...] = article.timexes
    else:  # the stage has not run: find them here, in this span only
        found = article_timexes(article, (span,))
    return [t for t in found if span.contains(t.span) and t.kind != "duration"]


def _governing(article: Article, sentence: Span, trigger: Span) -> TimeExpr | None:
    candidates = _timexes_in(article, sentence)
    if not candidates:
        return None

    def rank(t: TimeExpr) -> tuple[int, int]:
        before = t.span.end <= trigger.start
        lo, hi = (t.span.end, trigger.start) if before else (trigger.end, max(trigger.end, t.span.start))
        crosses = bool(_CLAUSE_BREAK.search(article.text, lo, hi)) if hi > lo else False
        return int(crosses), hi - lo

    return min(candidates, key=rank)


def _preceding(article: Article, sentence: Span) -> TimeExpr | None:
    paragraph = next((p for p in article.paragraphs if p.start <= sentence.start < p.end), None)
    if paragraph is None or paragraph.start >= sentence.start:
        return None
    before = _timexes_in(article, Span(paragraph.start, sentence.start))
    return before[-1] if before else None
