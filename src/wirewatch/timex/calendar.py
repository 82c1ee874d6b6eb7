"""Calendar arithmetic for resolving time expressions: months, weeks, seasons, qualifier parts."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

Interval = tuple[date, date]

# How far a date without a year may lie from publication: news mostly looks back, so a yearless date up to
# ~3 months ahead is read as upcoming and anything later as last year's.
FUTURE_WINDOW = timedelta(days=95)
PAST_WINDOW = timedelta(days=270)

SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_interval(year: int, month: int) -> Interval:
    return date(year, month, 1), month_end(year, month)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, unit: str, count: int) -> date:
    """``day`` moved by ``count`` units (negative = back)."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    if unit == "month":
        return add_months(day, count)
    if unit == "year":
        return add_months(day, 12 * count)
    return add_months(day, 120 * count)  # decade


def unit_interval(day: date, unit: str) -> Interval:
    """The calendar unit (ISO week Monday-Sunday, month, year) that contains ``day``."""
    if unit == "day":
        return day, day
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return month_interval(day.year, day.month)
    if unit == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    start = day.year - day.year % 10
    return date(start, 1, 1), date(start + 9, 12, 31)


def infer_year(anchor: date, month: int, day: int = 1) -> int:
    """The year for a date given without one, relative to publication (see the windows above)."""
    probe = date(anchor.year, month, min(day, 28))
    if probe > anchor + FUTURE_WINDOW:
        return anchor.year - 1
    if probe < anchor - PAST_WINDOW:
        return anchor.year + 1
    return anchor.year


def season_interval(season: str, year: int) -> Interval:
    """Meteorological seasons; winter Y is December Y-1 to February Y (the winter whose January is in Y)."""
    first = SEASON_MONTHS[season]
    start_year = year - 1 if season == "winter" else year
    start = date(start_year, first, 1)
    end_month = add_months(start, 2)
    return start, month_end(end_month.year, end_month.month)


def season_relative(season: str, anchor: date, direction: int | None) -> Interval:
    """Last (-1), this (0), next (+1) season; unmarked (None): the most recent one that has begun."""
    candidates = [season_interval(season, y) for y in range(anchor.year - 2, anchor.year + 3)]
    if direction is None:
        return max(c for c in candidates if c[0] <= anchor)
    if direction < 0:
        return max(c for c in candidates if c[1] < anchor)
    if direction > 0:
        return min(c for c in candidates if c[0] > anchor)
    year = anchor.year + 1 if season == "winter" and anchor.month == 12 else anchor.year
    return season_interval(season, year)


def weekday_on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_relative(anchor: date, weekday: int, direction: int | None) -> date:
    """Bare: most recent on or before publication; last: strictly before; this: same week; next: after."""
    if direction is None:
        return weekday_on_or_before(anchor, weekday)
    if direction < 0:
        return anchor - timedelta(days=(anchor.weekday() - weekday) % 7 or 7)
    if direction > 0:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    return anchor - timedelta(days=anchor.weekday()) + timedelta(days=weekday)


def qualify(interval: Interval, granularity: str, qualifier: str) -> Interval:
    """The early / mid / late part: days 1-10 / 11-20 / 21-end of a month, thirds of longer spans."""
    start, end = interval
    if granularity == "month" and start.day == 1 and start.month == end.month:
        parts = {"early": (1, 10), "mid": (11, 20), "late": (21, end.day)}
        lo, hi = parts[qualifier]
        return start.replace(day=lo), start.replace(day=hi)
    if granularity == "year" and start.month == 1 and end.month == 12 and start.year == end.year:
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
        lo, hi = months[qualifier]
        return date(start.year, lo, 1), month_end(start.year, hi)
    days = (end - start).days + 1
    third = days // 3
    if qualifier == "early":
        return start, start + timedelta(days=max(third - 1, 0))
    if qualifier == "late":
        return end - timedelta(days=max(third - 1, 0)), end
    return start + timedelta(days=third), end - timedelta(days=third)
