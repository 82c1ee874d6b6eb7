"""Locale-aware reading of number phrases in English, Spanish and Portuguese news text.

A number phrase becomes an :class:`Amount` ``(low, best, high, vague)``:

- digits with the language's separators: "7,000" and "1.5 million" in English, "7.000", "1,5 mil", "2 mil" and
  "3 mil e 500" in Spanish and Portuguese (a dot followed by one or two digits is a decimal point there too,
  as in Mexican "1.5 millones");
- spelled numbers ("twenty-three", "doscientos cincuenta", "sete mil"): the run of number words is found with
  the per-language vocabulary in ``lang/<code>/figures_numbers.tsv`` and its value comes from ``text2num``;
- vague amounts with ACLED's constants as the low value ("dozens" = 12, "decenas" = 10, "centenas" = 100).
  Their ``high`` equals ``low`` (the figure an analyst can defend); :func:`open_ended`: no upper bound.
- weak readings: the articles "a", "un", "um" read as 1 only when the figures stage finds a counted noun and a
  casualty cue after them ("a soldier was killed").

Scanning is one compiled regular expression per language, built lazily from the data file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from .errors import ResourceError
from .nlp import SUPPORTED_LANGUAGES, data_lines, lang_resource


@dataclass(frozen=True, slots=True)
class Amount:
    low: int
    best: int
    high: int
    vague: bool = False


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number phrase found in text: ``text[start:end]``; ``weak`` = an article read as one."""

    start: int
    end: int
    amount: Amount
    weak: bool = False


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    lang: str
    spelled: dict[str, int]  # multiword spelled forms ("a dozen") and single words
    scales: dict[str, int]
    vague: dict[str, int]
    weak: frozenset[str]
    pattern: re.Pattern[str]
    starters: re.Pattern[str]  # a digit or the first word of a spelled, vague or weak phrase


def _alternation(words: list[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)  # longest first: "tens of thousands" before "tens"
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_DIGITS = {
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
    # thousands dot (or a space) and decimal comma; a dot before 1-2 digits is read as a decimal point
    "es": r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?",
    "pt": r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?",
}


@lru_cache(maxsize=4)
def vocabulary(lang: str) -> _Vocabulary:
    """The number vocabulary of ``lang`` with its compiled scanner (cached)."""
    if lang not in SUPPORTED_LANGUAGES:
        raise ResourceError(f"no number vocabulary for {lang!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    spelled: dict[str, int] = {}
    scales: dict[str, int] = {}
    vague: dict[str, int] = {}
    weak: set[str] = set()
    joins: list[str] = []
    for line in data_lines(lang_resource(lang, "figures_numbers.tsv")):
        parts = line.split("\t")
        if len(parts) != 3:
            raise ResourceError(f"lang/{lang}/figures_numbers.tsv: bad line {line!r}; need word, kind, value")
        word, kind, value = parts[0].lower(), parts[1], int(parts[2])
        {"num": spelled, "scale": scales, "vague": vague}.get(kind, {})[word] = value
        if kind == "weak":
            weak.add(word)
        elif kind == "join":
            joins.append(word)
    word = _alternation(list(spelled))
    join = _alternation(joins)
    b, e = r"(?<![\w])", r"(?![\w])"
    digits = _DIGITS[lang]
    scale = _alternation([s for s in scales if s not in ("dozen", "docena", "dúzia", "decena", "dezena")])
    connector = _alternation(joins) or "and"
    pattern = re.compile(
        rf"{b}(?P<vague>{_alternation(list(vague))}){e}"
        rf"|(?<![\w.,])(?P<digits>{digits})(?:\s+(?P<scale>{scale}){e}"
        rf"(?:\s+(?:{connector})\s+(?P<rest>\d{{1,3}}){e})?)?(?![\d])"
        rf"|{b}(?P<spelled>(?:{word})(?:(?:\s+|-)(?:(?:{join})\s+)?(?:{word}))*){e}"
        rf"|{b}(?P<weak>{_alternation(list(weak))}){e}",
        re.IGNORECASE,
    )
    starters = frozenset(w.split()[0] for w in (*spelled, *vague, *weak))
    starter_re = re.compile(rf"\d|{b}(?:{_alternation(list(starters))}){e}", re.IGNORECASE)
    return _Vocabulary(lang, spelled, scales, vague, frozenset(weak), pattern, starter_re)


def _digits_value(raw: str, lang: str, scaled: bool) -> float:
    s = raw.replace("\u00a0", "").replace(" ", "")
    if lang == "en":
        return float(s.replace(",", ""))
    if "," in s:  # decimal comma, dots are thousands
        return float(s.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s) and not scaled:
        return float(s.replace(".", ""))
    if re.fullmatch(r"\d+\.\d{1,2}", s) or (scaled and "." in s):
        return float(s)
    return float(s.replace(".", ""))


def _spelled_value(run: str, voc: _Vocabulary) -> int | None:
    key = " ".join(run.lower().split())
    if key in voc.spelled and " " in key:
        return voc.spelled[key]
    try:
        return int(text2num(key.replace(" - ", "-"), voc.lang))
    except ValueError:
        pass
    # hyphenated English compounds and forms text2num rejects ("veintiún"): read word by word
    words = re.split(r"[\s-]+", key)
    if len(words) == 1:
        return voc.spelled.get(key)
    try:
        return int(text2num(" ".join(words), voc.lang))
    except ValueError:
        return None


def _match_amount(m: re.Match[str], voc: _Vocabulary) -> Amount | None:
    if m.group("vague"):
        value = voc.vague[" ".join(m.group("vague").lower().split())]
        return Amount(value, value, value, vague=True)
    if m.group("digits"):
        scale_word = m.group("scale")
        number = _digits_value(m.group("digits"), voc.lang, scale_word is not None)
        if scale_word:
            number *= voc.scales[scale_word.lower()]
            if m.group("rest"):
                number += int(m.group("rest"))
        value = round(number)
        return Amount(value, value, value)
    if m.group("spelled"):
        spelled = _spelled_value(m.group("spelled"), voc)
        return None if spelled is None else Amount(spelled, spelled, spelled)
    return Amount(1, 1, 1)


def find_numbers(text: str, lang: str, start: int = 0, end: int | None = None) -> list[NumberMatch]:
    """Number phrases in ``text[start:end]`` in order, with offsets into ``text``."""
    voc = vocabulary(lang)
    stop = len(text) if end is None else end
    out: list[NumberMatch] = []
    pos = start
    # try the full pattern only where a number phrase can start
    for w in voc.starters.finditer(text, start, stop):
        if w.start() < pos or (w.group().isdigit() and w.start() > 0 and text[w.start() - 1].isalnum()):
            continue
        m = voc.pattern.match(text, w.start(), stop)
        if m is None:
            continue
        amount = _match_amount(m, voc)
        if amount is None and m.group("spelled"):
            # "eight and ten": two numbers joined by a connector, not one; read the first alone
            m = voc.pattern.match(text, w.start(), w.end())
            amount = _match_amount(m, voc) if m is not None else None
            if m is None:
                continue
        pos = m.end()
        if amount is not None:
            out.append(NumberMatch(m.start(), m.end(), amount, weak=m.group("weak") is not None))
    return out


def parse_number(phrase: str, lang: str) -> Amount | None:
    """The amount of a whole number phrase ("1,5 mil", "dozens", "twenty-three"), or None."""
    phrase = phrase.strip()
    found = find_numbers(phrase, lang)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(phrase) and not found[0].weak:
        return found[0].amount
    return None


def open_ended(amount: Amount) -> bool:
    """Vague amounts have no defensible upper bound."""
    return amount.vague
