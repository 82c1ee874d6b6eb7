"""The per-language time lexicon, read from ``lang/<code>/time_*.tsv`` and cached per process."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ResourceError
from ..nlp import data_lines, lang_resource


def norm(phrase: str) -> str:
    """Lookup key: lower case, single spaces (hyphens kept: "terça-feira", "mid")."""
    return " ".join(phrase.lower().split())


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    months: dict[str, int]
    month_abbrevs: frozenset[str]  # short forms that never stand alone ("Feb", "jan")
    weekdays: dict[str, int]
    units: dict[str, str]
    numbers: dict[str, int | None]  # None = ask text2num
    seasons: dict[str, str]
    days: dict[str, int]
    qualifiers: dict[str, str]
    preps: dict[str, str]
    markers: dict[str, dict[str, int]]  # role -> phrase -> value

    def marker(self, role: str) -> dict[str, int]:
        return self.markers.get(role, {})


def _rows(lang: str, name: str, columns: int) -> list[list[str]]:
    rows = []
    for line in data_lines(lang_resource(lang, name)):
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < columns:
            raise ResourceError(f"lang/{lang}/{name}: line {line!r} needs {columns} tab-separated columns")
        rows.append(parts)
    return rows


def _pairs(lang: str, name: str) -> dict[str, str]:
    return {norm(r[0]): r[1] for r in _rows(lang, name, 2)}


def _month_abbrevs(months: dict[str, int]) -> frozenset[str]:
    longest: dict[int, int] = {}
    for word, num in months.items():
        longest[num] = max(longest.get(num, 0), len(word))
    return frozenset(w for w, n in months.items() if len(w) <= 4 and len(w) < longest[n])


@lru_cache(maxsize=8)
def lexicon(lang: str) -> Lexicon:
    months = {k: int(v) for k, v in _pairs(lang, "time_months.tsv").items()}
    markers: dict[str, dict[str, int]] = {}
    for role, phrase, value in _rows(lang, "time_markers.tsv", 3):
        markers.setdefault(role, {})[norm(phrase)] = int(value)
    numbers: dict[str, int | None] = {}
    for row in _rows(lang, "time_numbers.tsv", 1):
        numbers[norm(row[0])] = int(row[1]) if len(row) > 1 and row[1] else None
    return Lexicon(
        lang=lang,
        months=months,
        month_abbrevs=_month_abbrevs(months),
        weekdays={k: int(v) for k, v in _pairs(lang, "time_weekdays.tsv").items()},
        units=_pairs(lang, "time_units.tsv"),
        numbers=numbers,
        seasons=_pairs(lang, "time_seasons.tsv"),
        days={k: int(v) for k, v in _pairs(lang, "time_days.tsv").items()},
        qualifiers=_pairs(lang, "time_qualifiers.tsv"),
        preps=_pairs(lang, "time_preps.tsv"),
        markers=markers,
    )


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, with any run of spaces allowed between words."""
    items = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in items)


@lru_cache(maxsize=1)
def month_first_hosts() -> tuple[str, ...]:
    """Host suffixes of outlets that write numeric dates month-first (US usage)."""
    return tuple(x.lower() for x in data_lines(lang_resource("en", "time_month_first_hosts.txt")))
