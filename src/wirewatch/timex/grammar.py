"""Compiled patterns per language, built from the lexicon.

Each rule matches only the *core* of an expression ("19 February", "lunes", "five months ago"); the words
around it (prepositions, articles, qualifiers such as "early" or "a principios de", shift words such as "last"
or "pasado") are read by anchored look-back and look-ahead patterns, so one qualifier list serves every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Lexicon, alternation, lexicon

DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|º|ª|°)?"
YEAR = r"(?:1[6-9]|20)\d\d"
_FLAGS = re.IGNORECASE | re.UNICODE
_DOT = r"(?:\.(?=,?\s+\d))?"  # "19 Feb. 2017": an abbreviation's dot, never a sentence's full stop


@dataclass(frozen=True, slots=True)
class Grammar:
    lex: Lexicon
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    roman: re.Pattern[str]
    back: tuple[tuple[str, re.Pattern[str]], ...]  # (category, pattern anchored at the end of the window)
    back_range: re.Pattern[str]
    after_shift: re.Pattern[str]
    range_join: re.Pattern[str]
    weekday_join: re.Pattern[str]
    gate: re.Pattern[str]  # a sentence without a digit or any of these words has no time expression


def _back(alt: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?P<w>{alt})(?P<sp>\s*-\s*|\s+)$", _FLAGS)


def _number(lex: Lexicon) -> str:
    words = alternation(lex.numbers)
    joiner = r"(?:\s+(?:and|y|e)\s+|\s+|-)"
    return rf"(?:\d{{1,3}}|(?:{words})(?:{joiner}(?:{words}))*)(?!\w)"


def _rules(lex: Lexicon) -> list[tuple[str, str]]:
    mon = alternation(lex.months)
    num = _number(lex)
    unit = alternation(lex.units)
    rto = alternation(lex.marker("range_to"))
    of = r"(?:of|de|del)"
    year_tail = rf"(?:,?\s+(?:{of}\s+)?(?P<y>{YEAR})(?!\w))?"
    rules = [
        ("range_dm", rf"(?<!\w)(?P<d1>{DAY})\s*(?:{rto})\s*(?P<d2>{DAY})(?:\s+{of})?\s+(?P<m>{mon})(?!\w)"
                     + _DOT + year_tail),
        ("range_md", rf"(?<!\w)(?P<m>{mon})\.?\s+(?P<d1>{DAY})\s*(?:{rto})\s*(?P<d2>{DAY})(?![\w:])"
                     + year_tail),
        ("dmy", rf"(?<!\w)(?P<d>{DAY})(?:\s+{of})?\s+(?P<m>{mon})(?!\w)" + _DOT + year_tail),
        ("my", rf"(?<!\w)(?P<m>{mon})\.?(?:,?\s+{of}\s+|,?\s+)(?P<y>{YEAR})(?!\w)"),
        ("month", rf"(?<!\w)(?P<m>{mon})(?!\w)"),
        ("iso", r"(?<![\w/.-])(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\w/-])"),
        ("numeric", rf"(?<![\w/.-])(?P<a>[0-3]?\d)(?P<s>[/.-])(?P<b>[0-3]?\d)(?P=s)(?P<y>{YEAR}|\d\d)"
                    r"(?!\w|[/-]\d|\.\d)"),
        ("season", rf"(?<!\w)(?P<s>{alternation(lex.seasons)})(?!\w)(?:(?:\s+{of})?\s+(?P<y>{YEAR})(?!\w))?"),
        ("weekday", rf"(?<!\w)(?P<w>{alternation(lex.weekdays)})(?![\w-])"),
        ("dayword", rf"(?<!\w)(?P<dw>{alternation(lex.days)})(?!\w)"),
        ("units", rf"(?<!\w)(?P<n>{num})\s+(?P<u>{unit})(?!\w)"),
        ("unit", rf"(?<!\w)(?P<u>{unit})(?!\w)"),
        ("year", rf"(?<![\w.,])(?P<y>{YEAR})(?![\w%]|[.,]\d)"),
    ]
    if lex.marker("ago_pre"):
        pre = alternation(lex.marker("ago_pre"))
        approx = alternation(lex.marker("approx")) or "(?!)"
        rules.append(("ago_pre", rf"(?<!\w)(?P<pre>{pre})\s+(?:(?P<ap>{approx})\s+)?(?P<n>{num})\s+"
                                 rf"(?P<u>{unit})(?!\w)"))
    if lex.marker("ago_post"):
        post = alternation(lex.marker("ago_post"))
        rules.append(("ago_post", rf"(?<!\w)(?P<n>{num})\s+(?P<u>{unit})\s+(?P<post>{post})(?!\w)"))
    if lex.marker("decade_pre"):
        pre = alternation(lex.marker("decade_pre"))
        rules.append(("decade", rf"(?<!\w)(?P<pre>{pre})\s+(?P<dy>(?:1[6-9]|20)?\d0)(?![\w%])"))
    if lex.lang == "en":  # "the 1990s", "the '90s"
        rules.append(("decade", r"(?<![\w'])'?(?P<dy>(?:1[6-9]|20)?\d0)'?s(?!\w)"))
    if lex.lang == "en":  # "February 19, 2017": month-first prose dates are an English habit
        rules.append(("mdy", rf"(?<!\w)(?P<m>{mon})\.?\s+(?P<d>{DAY})(?![\w:.,]\d|\d)" + year_tail))
    return rules


def _gate_words(lex: Lexicon) -> set[str]:
    words = set(lex.months) | set(lex.weekdays) | set(lex.days) | set(lex.units) | set(lex.seasons)
    return words | {w for w in lex.marker("decade_pre")}


@lru_cache(maxsize=8)
def grammar(lang: str) -> Grammar:
    lex = lexicon(lang)
    back = (
        ("qual", _back(alternation(lex.qualifiers))),
        ("shift", _back(alternation(lex.marker("shift_pre")))),
        ("approx", _back(alternation(lex.marker("approx")) or "(?!)")),
        ("prep", _back(alternation(lex.preps))),
    )
    post = alternation(lex.marker("shift_post")) or "(?!)"
    return Grammar(
        lex=lex,
        rules=tuple((name, re.compile(rx, _FLAGS)) for name, rx in _rules(lex)),
        roman=re.compile(r"(?<![\w-])(?P<d>[0-3]?\d)-(?P<r>XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)"
                         rf"(?:-(?P<y>{YEAR}))?(?![\w-])"),
        back=back,
        back_range=_back(alternation(lex.marker("range_open"))),
        after_shift=re.compile(rf",?\s+(?P<w>{post})(?!\w)", _FLAGS),
        range_join=re.compile(rf"^\s*(?:{alternation(lex.marker('range_to'))})\s*$", _FLAGS),
        weekday_join=re.compile(r"^,?\s*(?:(?:the|el|o|dia)\s+)?$", _FLAGS),
        gate=re.compile(rf"\d|(?<!\w)(?:{alternation(_gate_words(lex))})(?!\w)", _FLAGS),
    )
