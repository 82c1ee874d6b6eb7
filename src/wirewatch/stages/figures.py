"""The ``figures`` stage: counts attached to what they count (killed, injured, missing, abducted, ...).

For each number phrase in a sentence (:mod:`wirewatch.numbers`) the rules look for what it counts, in order:

1. a cue after the number and its counted noun, over auxiliaries ("12 people were killed", "12 muertos",
   "12 pessoas morreram");
2. a cue right before it ("killing 12", "murieron 12 personas", "foram mortas 12 pessoas");
3. a total named a few words before ("the death toll rose to 12", "el saldo de muertos subió a 12");
4. the other groups of a coordinated sum ("five soldiers and three civilians were killed");
5. a cue further right in the same clause ("At least 12 people, including five children, were killed");
6. the counted noun alone ("3,000 troops" is a force size, "12 bodies" are dead).

A number with neither a cue nor a counted noun is not a figure (years, ages, sums of money). Qualifiers and
ranges give UCDP-style low/best/high (the mapping is in docs/figures.md); ``Figure.conservative`` is ACLED's
number. A coordinated sum also yields a total figure (``rule="sum"``); a part of a total ("including five
children") gets a rule ending in ``+subset``. Per-language words live in ``lang/<code>/figures_*.tsv``.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar, Generic, NamedTuple, TypeVar

from spacy.tokens import Doc

from ..config import Config
from ..errors import ResourceError
from ..nlp import SUPPORTED_LANGUAGES, data_lines, lang_resource
from ..numbers import Amount, NumberMatch, find_numbers
from ..pipeline import register_stage
from ..records import Article, Figure, Span

Phrase = tuple[str, ...]
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_YEAR = range(1900, 2101)
_LEFT_FILLERS = 3
_RIGHT_FILLERS = 4
_TOLL_WINDOW = 12
_LOOSE_WINDOW = 12


V = TypeVar("V")
NUMBER_WORD = "\x00num"  # stands for a number phrase in a sentence's word list: no lexicon phrase matches it


class PhraseTable(Generic[V]):
    """Multiword phrases (tuples of lower-cased tokens) with values, matched at or ending at a token.

    Indexed by first and last word so that a miss costs one dict lookup: the stages match every token of every
    sentence against several tables.
    """

    def __init__(self, items: dict[Phrase, V]) -> None:
        self.items = items
        self._first: dict[str, tuple[int, ...]] = self._index(0)
        self._last: dict[str, tuple[int, ...]] = self._index(-1)

    def _index(self, pos: int) -> dict[str, tuple[int, ...]]:
        lengths: dict[str, set[int]] = {}
        for p in self.items:
            lengths.setdefault(p[pos], set()).add(len(p))
        return {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}

    def __contains__(self, phrase: object) -> bool:
        return phrase in self.items

    def __getitem__(self, phrase: Phrase) -> V:
        return self.items[phrase]

    def at(self, words: Sequence[str], i: int) -> int:
        """Length of the longest phrase starting at ``words[i]`` (0 if none)."""
        if i >= len(words) or i < 0:
            return 0
        for n in self._first.get(words[i], ()):
            if i + n <= len(words) and tuple(words[i : i + n]) in self.items:
                return n
        return 0

    def ending(self, words: Sequence[str], i: int) -> int:
        """Length of the longest phrase ending at ``words[i]`` inclusive (0 if none)."""
        if i < 0 or i >= len(words):
            return 0
        for n in self._last.get(words[i], ()):
            if i - n + 1 >= 0 and tuple(words[i - n + 1 : i + 1]) in self.items:
                return n
        return 0


_EMPTY: PhraseTable[bool] = PhraseTable({})


@dataclass(frozen=True, slots=True)
class _Lexicon:
    cues: PhraseTable[tuple[str, str]]  # phrase -> (category, side)
    who: PhraseTable[tuple[str | None, str | None]]  # noun -> (who, default category)
    qualifiers: PhraseTable[str]
    roles: dict[str, PhraseTable[bool]]  # filler, of, coord, range_*, subset, subset_after, unit

    def role(self, name: str) -> PhraseTable[bool]:
        return self.roles.get(name, _EMPTY)


def _tsv(lang: str, name: str, columns: int) -> list[list[str]]:
    rows = []
    for line in data_lines(lang_resource(lang, name)):
        parts = line.split("\t")
        if len(parts) != columns:
            raise ResourceError(f"lang/{lang}/{name}: bad line {line!r}; need {columns} tab-separated fields")
        rows.append(parts)
    return rows


def _phrase(text: str) -> Phrase:
    return tuple(t.lower() for t in _TOKEN.findall(text))


@lru_cache(maxsize=4)
def lexicon(lang: str) -> _Lexicon:
    """The figure vocabulary of ``lang`` (cached)."""
    if lang not in SUPPORTED_LANGUAGES:
        raise ResourceError(f"no figure lexicon for {lang!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    cues = {_phrase(p): (c, s) for p, c, s in _tsv(lang, "figures_cues.tsv", 3)}
    who = {
        _phrase(p): (None if w == "-" else w, None if c == "-" else c)
        for p, w, c in _tsv(lang, "figures_who.tsv", 3)
    }
    quals = {_phrase(p): q for p, q in _tsv(lang, "figures_qualifiers.tsv", 2)}
    roles: dict[str, dict[Phrase, bool]] = {}
    for p, role in _tsv(lang, "figures_words.tsv", 2):
        roles.setdefault(role, {})[_phrase(p) or (p,)] = True
    return _Lexicon(PhraseTable(cues), PhraseTable(who), PhraseTable(quals),
                    {k: PhraseTable(v) for k, v in roles.items()})


# ---------------------------------------------------------------- tokens


class _Tok(NamedTuple):  # a tuple: tokens are made for every word of every sentence
    low: str
    start: int
    end: int
    num: NumberMatch | None = None
    upper: bool = False


def _tokens(text: str, lo: int, hi: int, numbers: list[NumberMatch]) -> _Toks:
    """Word/punctuation tokens of ``text[lo:hi]``, each number phrase merged into one token."""
    out = _Toks()
    pos = lo
    for n in [*numbers, None]:
        stop = n.start if n is not None else hi
        out.extend(_Tok(m.group().lower(), m.start(), m.end(), None, m.group()[:1].isupper())
                   for m in _TOKEN.finditer(text, pos, stop))
        if n is not None:
            out.append(_Tok(text[n.start : n.end].lower(), n.start, n.end, n))
            pos = n.end
    out.words = [NUMBER_WORD if t.num is not None else t.low for t in out]
    return out


class _Toks(list[_Tok]):
    """A sentence's tokens with their lower-cased words (numbers as :data:`NUMBER_WORD`)."""

    words: list[str]


def _at(toks: _Toks, i: int, table: PhraseTable[Any]) -> int:
    return table.at(toks.words, i)


def _ending(toks: _Toks, i: int, table: PhraseTable[Any]) -> int:
    return table.ending(toks.words, i)


def _phrase_of(toks: _Toks, i: int, n: int) -> Phrase:
    return tuple(toks.words[i : i + n])


# ---------------------------------------------------------------- one number


@dataclass
class _Cand:
    first: int  # token index of the qualifier or the number
    num: int  # token index of the number (the last one of a range)
    amount: Amount
    qualifier: str | None
    who: str | None = None
    who_default: str | None = None
    noun_end: int = -1  # token index after the counted noun (or after the number)
    category: str | None = None
    how: str = ""
    subset: bool = False
    weak: bool = False
    link_next: bool = False


def _qualify(amount: Amount, qualifier: str | None) -> Amount:
    n = amount.low
    if qualifier in ("nearly", "fewer_than"):
        n = max(n - 1, 0)
    return Amount(n, n, n, amount.vague)


def _candidates(toks: _Toks, lex: _Lexicon, text: str) -> list[_Cand]:
    out: list[_Cand] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.num is None or _skip_number(toks, i, lex, text):
            i += 1
            continue
        first, qualifier = i, None
        q = _ending(toks, i - 1, lex.qualifiers) if i else 0
        if q:
            first, qualifier = i - q, lex.qualifiers[_phrase_of(toks, i - q, q)]
        amount, last = tok.num.amount, i
        rng = _range_end(toks, i, lex)
        if rng is not None:
            hi = toks[rng].num
            assert hi is not None
            if first == i and i and (toks[i - 1].low,) in lex.role("range_open"):
                first = i - 1
            amount = Amount(amount.low, amount.low, max(hi.amount.high, amount.low), amount.vague)
            qualifier, last = "range", rng
        elif qualifier:
            amount = _qualify(amount, qualifier)
        weak = tok.num.weak and rng is None
        out.append(_Cand(first, last, amount, qualifier, weak=weak, noun_end=last + 1))
        i = last + 1
    return out


def _skip_number(toks: _Toks, i: int, lex: _Lexicon, text: str) -> bool:
    tok = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.start == tok.end and nxt.low in ("-", "/", ":", "%") and not (
        nxt.low == "-" and i + 2 < len(toks) and toks[i + 2].num is not None
    ):
        return True  # "12-year-old", "12/5", "10:30", "12%"; "30-40" is a range
    if i and toks[i - 1].low in ("$", "€", "£", "us$", "r$", "#", "nº", "no"):
        return True
    if _at(toks, i + 1, lex.role("unit")):
        return True
    # an age in apposition: "Ahmed, 35, was killed"
    return (
        1 < i + 1 < len(toks) and toks[i - 1].low == "," and toks[i + 1].low == ","
        and text[toks[i - 2].start : toks[i - 2].start + 1].isupper()
        and tok.num is not None and tok.num.amount.low < 120
    )


def _range_end(toks: _Toks, i: int, lex: _Lexicon) -> int | None:
    """Index of the upper number of a range starting at ``i`` ("30 to 40", "entre 30 e 40", "30-40")."""
    if i + 2 >= len(toks) or toks[i + 2].num is None or toks[i + 2].num.weak:  # type: ignore[union-attr]
        return None
    mid = toks[i + 1].low
    opened = i and (toks[i - 1].low,) in lex.role("range_open")
    if (mid,) not in lex.role("range_mid"):
        return None
    if (mid,) in lex.role("coord") and not opened:
        return None  # "5 and 3" is a sum unless "between" opened it
    lo, hi = toks[i].num, toks[i + 2].num
    assert lo is not None and hi is not None
    return i + 2 if hi.amount.low > lo.amount.low else None


def _attach_noun(c: _Cand, toks: _Toks, lex: _Lexicon) -> None:
    """The counted noun after the number: "12 people", "dozens of civilians", "five Afghan soldiers"."""
    j = c.num + 1
    of = _at(toks, j, lex.role("of"))
    j += of
    for skip in range(3):  # up to two modifiers ("Palestinian", "unarmed") before the noun
        k = j + skip
        if k >= len(toks):
            return
        if _at(toks, k, lex.cues):
            return  # a cue right after the number ("12 dead", "cinco vítimas fatais")
        n = _at(toks, k, lex.who)
        if n:
            c.who, c.who_default = lex.who[_phrase_of(toks, k, n)]
            c.noun_end = k + n
            return
        t = toks[k]
        if t.num is not None or not t.low.isalpha() or _at(toks, k, lex.role("not_person")):
            return  # "a number of people", "a group of students": not one person


def _cue_after(c: _Cand, toks: _Toks, lex: _Lexicon) -> str | None:
    j = c.noun_end
    fillers = lex.role("filler")
    if c.who is not None or c.noun_end > c.num + 1:
        j = _skip_modifiers(toks, j, lex)
    for _ in range(_RIGHT_FILLERS + 1):
        if j >= len(toks):
            return None
        n = _at(toks, j, lex.cues)
        if n:
            cat, side = lex.cues[_phrase_of(toks, j, n)]
            return cat if side in ("after", "both") else None
        f = _at(toks, j, fillers)
        if not f:
            return None
        j += f
    return None


def _skip_modifiers(toks: _Toks, j: int, lex: _Lexicon) -> int:
    """Past up to two adjectives after a counted noun ("un policial militar murió", "soldados colombianos")."""
    k = j
    while k < min(j + 2, len(toks)):
        t = toks[k]
        if t.num is not None or not t.low.isalpha() or t.upper:
            break
        if any(_at(toks, k, table) for table in (lex.cues, lex.role("filler"), lex.role("coord"), lex.role("of"))):
            break
        k += 1
    return k if k < len(toks) and _at(toks, k, lex.cues) else j


def _cue_before(c: _Cand, toks: _Toks, lex: _Lexicon) -> tuple[str | None, bool]:
    """The cue right before the number, and whether a subset marker ("including") precedes it."""
    i = c.first - 1
    fillers = lex.role("filler")
    subset = lex.role("subset")
    for _ in range(_LEFT_FILLERS + 1):
        if i < 0:
            return None, False
        if _ending(toks, i, subset):
            return None, True
        n = _ending(toks, i, lex.cues)
        if n:
            cat, side = lex.cues[_phrase_of(toks, i - n + 1, n)]
            return (cat if side in ("before", "both") else None), False
        f = _ending(toks, i, fillers)
        if not f:
            return None, False
        i -= f
    return None, False


def _toll_before(c: _Cand, toks: _Toks, lex: _Lexicon) -> str | None:
    for i in range(c.first - 1, max(c.first - _TOLL_WINDOW, 0) - 1, -1):
        if toks[i].num is not None or toks[i].low in (";", ":", ".", "("):
            return None
        n = _ending(toks, i, lex.cues)
        if n:
            cat, side = lex.cues[_phrase_of(toks, i - n + 1, n)]
            if side == "toll":
                return cat
    return None


def _cue_loose(c: _Cand, toks: _Toks, lex: _Lexicon) -> str | None:
    """A cue later in the clause, not claimed by a nearer number."""
    subset = lex.role("subset")
    j, stop = c.noun_end, min(c.noun_end + _LOOSE_WINDOW, len(toks))
    while j < stop:
        t = toks[j]
        if _at(toks, j, subset):  # skip an aside that names a part: ", including five children,"
            j = next((k for k in range(j, len(toks)) if toks[k].low == ","), len(toks)) + 1
            continue
        if (t.num is not None and not _is_year(t)) or t.low in (";", ":", "."):
            return None
        n = _at(toks, j, lex.cues)
        if n:
            cat, side = lex.cues[_phrase_of(toks, j, n)]
            after = j + n
            if after < len(toks) and toks[after].num is not None:
                return None  # "... killed 12": the cue belongs to the next number
            return cat if side in ("after", "both") else None
        j += 1
    return None


def _is_year(t: _Tok) -> bool:
    return t.num is not None and t.low.isdigit() and int(t.low) in _YEAR


def _linked(a: _Cand, b: _Cand, toks: _Toks, lex: _Lexicon) -> bool:
    """Whether ``b`` follows ``a`` as another group of one sum: "five soldiers and three civilians"."""
    between = _phrase_of(toks, a.noun_end, b.first - a.noun_end)
    coord = lex.role("coord")
    comma_coord = len(between) == 2 and between[0] == "," and between[1:] in coord
    return bool(between) and (between in coord or comma_coord)


def _classify(cands: list[_Cand], toks: _Toks, lex: _Lexicon) -> None:
    for c in cands:
        _attach_noun(c, toks, lex)
        after = _cue_after(c, toks, lex)
        before, c.subset = _cue_before(c, toks, lex)
        if _at(toks, c.num + 1, lex.role("subset_after")):
            c.subset = True  # "18 of the dead were civilians"
        if after:
            c.category, c.how = after, "after"
        elif before:
            c.category, c.how = before, "before"
            if c.weak:
                _object_of_cue(c, toks, lex)
        else:
            toll = _toll_before(c, toks, lex)
            if toll:
                c.category, c.how = toll, "toll"
    for a, b in itertools.pairwise(cands):
        a.link_next = a.who is not None and b.who is not None and _linked(a, b, toks, lex)
    _propagate_chains(cands)
    _inherit(cands, toks)
    for c in cands:
        if _is_year(toks[c.num]) and c.noun_end == c.num + 1 and c.qualifier is None and c.how != "after":
            c.category = None  # "em 2005, quando ... foi assassinada": a year, not a count
            continue
        if c.category is None and not c.weak:
            loose = _cue_loose(c, toks, lex)
            if loose:
                c.category, c.how = loose, "clause"
            elif c.who_default:
                c.category, c.how = c.who_default, "noun"
            elif c.noun_end > c.num + 1 and not (c.amount.low in _YEAR and c.qualifier is None):
                c.category, c.how = "other", "noun"


def _inherit(cands: list[_Cand], toks: _Toks) -> None:
    """Parts of an earlier count take its category: "five died, among them two officers", and a breakdown
    in apposition whose groups add up to it: "Twelve were killed, five soldiers and seven civilians"."""
    for chain in _chains(cands):
        if chain[0].category is not None:
            continue
        earlier = [c for c in cands if c.num < chain[0].first and c.category is not None]
        if not earlier:
            continue
        total = sum(c.amount.low for c in chain)
        comma = chain[0].first > 0 and toks[chain[0].first - 1].low == ","
        if chain[0].subset or (len(chain) > 1 and comma and total == earlier[-1].amount.low):
            for c in chain:
                c.category, c.how = earlier[-1].category, "part"


def _chains(cands: list[_Cand]) -> list[list[_Cand]]:
    chains: list[list[_Cand]] = []
    for c in cands:
        if chains and chains[-1][-1].link_next:
            chains[-1].append(c)
        else:
            chains.append([c])
    return chains


def _propagate_chains(cands: list[_Cand]) -> None:
    for chain in _chains(cands):
        if len(chain) < 2:
            continue
        known = [c.category for c in chain if c.category]
        if known and all(k == known[0] for k in known):
            for c in chain:
                if c.category is None:
                    c.category, c.how = known[0], "coordinated"


# ---------------------------------------------------------------- figures


def _figure(c: _Cand, toks: _Toks) -> Figure:
    start = toks[c.first].start
    end = toks[max(c.noun_end, c.num + 1) - 1].end
    numtok = toks[c.num]
    number_span = Span(toks[c.first if c.qualifier == "range" else c.num].start, numtok.end)
    if c.qualifier not in (None, "range"):
        number_span = Span(toks[c.num].start, numtok.end)
    rule = f"{c.how}{'+subset' if c.subset else ''}"
    return Figure(
        span=Span(start, end), category=c.category or "other", low=c.amount.low, best=c.amount.best,
        high=c.amount.high, who=c.who, qualifier=c.qualifier or "exact", vague=c.amount.vague,
        number_span=number_span, rule=rule,
    )


def _sum(members: list[Figure]) -> Figure:
    quals = {m.qualifier for m in members} - {"exact"}
    return Figure(
        span=Span(members[0].span.start, members[-1].span.end), category=members[0].category,
        low=sum(m.low for m in members), best=sum(m.best for m in members), high=sum(m.high for m in members),
        who=None, qualifier=quals.pop() if len(quals) == 1 else ("exact" if not quals else "about"),
        vague=any(m.vague for m in members), number_span=None, rule="sum",
    )


def _weak_ok(c: _Cand) -> bool:
    """An article counts as one only with its noun and a cue next to it ("a soldier was killed")."""
    return c.how in ("after", "before") and c.noun_end > c.num + 1


def _object_of_cue(c: _Cand, toks: _Toks, lex: _Lexicon) -> None:
    """"killed a village chief": after a casualty verb, an article and any noun count one person."""
    j = c.num + 1
    if c.how != "before" or c.noun_end > j or j >= len(toks):
        return
    t = toks[j]
    if t.num is None and t.low.isalpha() and not t.upper and not _at(toks, j, lex.role("not_person")):
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        k = j + 1 if nxt is not None and nxt.low.isalpha() and not nxt.upper and len(nxt.low) > 3 else j
        c.noun_end = k + 1 if not _at(toks, k, lex.role("filler")) and not _at(toks, k, lex.cues) else j + 1


def sentence_figures(text: str, sentence: Span, lang: str) -> list[Figure]:
    """The figures of one sentence of ``text`` (offsets into ``text``)."""
    lex = lexicon(lang)
    numbers = find_numbers(text, lang, sentence.start, sentence.end)
    if not numbers:
        return []
    toks = _tokens(text, sentence.start, sentence.end, numbers)
    cands = _candidates(toks, lex, text)
    _classify(cands, toks, lex)
    out: list[Figure] = []
    for chain in _chains(cands):
        kept = [c for c in chain if c.category and not (c.weak and not _weak_ok(c))]
        figs = [_figure(c, toks) for c in kept]
        out.extend(figs)
        if len(kept) == len(chain) > 1 and len({f.category for f in figs}) == 1:
            out.append(_sum(figs))
    return out


def article_figures(article: Article) -> tuple[Figure, ...]:
    lang = article.lang if article.lang in SUPPORTED_LANGUAGES else "en"
    out: list[Figure] = []
    for sentence in article.sentences:
        out.extend(sentence_figures(article.text, sentence, lang))
    return tuple(out)


def figures_for(article: Article, sentence: Span, trigger: Span) -> tuple[Figure, ...]:
    """The article's figures inside ``sentence``, nearest to ``trigger`` first (totals before their parts)."""
    inside = [f for f in article.figures if sentence.contains(f.span)]

    def distance(f: Figure) -> tuple[int, int]:
        gap = min(abs(f.span.start - trigger.end), abs(trigger.start - f.span.end))
        d = 0 if f.span.overlaps(trigger) else gap
        return d, 0 if f.rule == "sum" else 1

    return tuple(sorted(inside, key=distance))


def main_figure(article: Article, category: str = "killed") -> Figure | None:
    """The article's figure for ``category`` as an analyst codes it (ACLED's rules), or None.

    The first sentence that gives such a figure describes the main event (news lead). If it counts people in
    general ("12 people", or the total of a sum), that count is the figure; conflicting counts of it keep the
    most conservative one. Otherwise the lead counts groups ("five soldiers"): each group takes its most
    conservative count anywhere in the text and distinct groups add up ("5 civilians were killed ... 3 of the
    attackers also died"). Parts of a total ("including five children") are never counted.
    """
    found = [f for f in article.figures if f.category == category and not f.rule.endswith("+subset")]
    if not found:
        return None
    lead = article.sentence_of(found[0].span) or found[0].span
    general = _groups([f for f in found if lead.contains(f.span)]).get(None)
    if general is not None:
        return general
    groups = _groups([f for f in found if f.who is not None])
    if len(groups) == 1:
        return next(iter(groups.values()))
    return dataclasses.replace(_sum(sorted(groups.values(), key=lambda f: f.span.start)), rule="main-sum")


def _groups(figures: list[Figure]) -> dict[str | None, Figure]:
    """The most conservative figure per ``who``; a total replaces the parts it spans."""
    totals = [f for f in figures if f.rule == "sum"]
    kept = totals + [f for f in figures if f.rule != "sum" and not any(t.span.contains(f.span) for t in totals)]
    groups: dict[str | None, Figure] = {}
    for f in kept:
        if f.who not in groups or f.low < groups[f.who].low:
            groups[f.who] = f
    return groups


class FiguresStage:
    name: ClassVar[str] = "figures"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    provides: ClassVar[tuple[str, ...]] = ("figures",)

    def __call__(self, article: Article, doc: Doc) -> Article:
        return dataclasses.replace(article, figures=article_figures(article))


@register_stage("figures")
def make_figures_stage(config: Config) -> FiguresStage:
    return FiguresStage()
