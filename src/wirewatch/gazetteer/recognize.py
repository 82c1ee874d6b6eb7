"""Toponym recognition: longest gazetteer match over tokens, filtered by context.

A match must start with a capitalised token. It is dropped when the context says it is a person
("President Jordan", "Jordan Peterson"), an organisation ("Real Madrid", "Banco do Brasil",
"Washington Post"),
a demonym, a stop word, or an ordinary word that is only rarely a place ("Mobile", "Paz") without a locative
cue or a containing place after it. Everything here is driven by the per-language lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from .demonyms import is_demonym
from .index import Gazetteer
from .lexicon import PlaceLexicon
from .normalize import lookup_keys, normalize

_SENT_END = {".", "!", "?", "\n", ":", ";", '"', "“", "”", "«", "»", "(", "-", "—", "–"}
_JOINERS = {"-", "'", "’"}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # token indexes [start, end)
    end: int
    char_start: int
    char_end: int
    key: str
    cue: bool  # a locative cue precedes it
    metonymy: bool
    rule: str


class TokenView:
    """Token texts, offsets and normalised keys of a spaCy Doc, computed once."""

    def __init__(self, doc: Doc, source: str) -> None:
        # one array call instead of a Python object per token (``doc.text`` would build them all)
        pairs = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        self.idx: list[int] = [p[0] for p in pairs]
        self.text: list[str] = [source[a : a + n] for a, n in pairs]
        self.norm: list[str] = [normalize(t) for t in self.text]
        self.n = len(pairs)

    def end_char(self, i: int) -> int:
        return self.idx[i] + len(self.text[i])

    def is_cap(self, i: int) -> bool:
        t = self.text[i]
        return bool(t) and t[0].isupper()

    def sentence_initial(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.text[j].isspace():
            j -= 1
        return j < 0 or self.text[j] in _SENT_END or "\n" in self.text[j]


def _longest(view: TokenView, gaz: Gazetteer, i: int) -> tuple[int, str] | None:
    parts: list[str] = []
    best = None
    keys = gaz.data.keys
    for j in range(i, min(view.n, i + gaz.max_tokens + 2)):
        nt = view.norm[j]
        if not nt:
            if view.text[j] in _JOINERS and j > i:
                continue
            break
        parts.append(nt)
        if view.is_cap(j) or (j > i and view.text[j][:1].isdigit() is False and view.text[j].isupper()):
            key = " ".join(parts)
            if key in keys:
                best = (j + 1, key)
    return best


def _has_cue(view: TokenView, lex: PlaceLexicon, i: int) -> bool:
    words: list[str] = []
    j = i - 1
    while j >= 0 and len(words) < lex.max_cue:
        if view.norm[j]:
            words.insert(0, view.norm[j])
            if tuple(words) in lex.cues:
                return True
        elif not view.text[j].isspace():
            break
        j -= 1
    return False


def _prev_word(view: TokenView, i: int) -> int:
    j = i - 1
    while j >= 0 and (view.text[j].isspace() or view.text[j] == "."):
        j -= 1
    return j


def _is_metonymy(view: TokenView, lex: PlaceLexicon, end: int) -> bool:
    seen = 0
    for j in range(end, min(view.n, end + 4)):
        w = view.norm[j]
        if not w:
            if view.text[j].isspace():
                continue
            return False
        if w in lex.metonymy:
            return True
        seen += 1
        if seen >= 2 or view.is_cap(j):
            return False
    return False


def recognize(view: TokenView, gaz: Gazetteer, lex: PlaceLexicon) -> list[Mention]:
    out: list[Mention] = []
    persons: set[str] = set()  # surnames seen in full names ("David Moore" -> a later "Moore" is him)
    last_end = -1  # token index after the last accepted mention
    i = 0
    while i < view.n:
        if not view.is_cap(i):
            i += 1
            continue
        found = _longest(view, gaz, i)
        if found is None:
            i += 1
            continue
        end, key = found
        mention = None if key in persons else _judge(view, gaz, lex, i, end, key, last_end)
        if mention is None:
            if not _prominent(gaz, key, 100_000):
                _note_person(view, lex, i, end, persons)
            i += 1
            continue
        out.append(mention)
        i = last_end = mention.end
    return [m for m in out if m.key not in persons]


def _note_person(view: TokenView, lex: PlaceLexicon, i: int, end: int, persons: set[str]) -> None:
    """Remember a rejected one-word match that sits inside a capitalised run of names, as a person."""
    if end - i != 1:
        return
    p = _prev_word(view, i)
    before = p >= 0 and view.is_cap(p) and view.norm[p] not in lex.stop_words and not view.sentence_initial(p)
    if before and not lex.excluded("org_prefix", view.norm[p]):
        persons.add(view.norm[i])  # the surname of "David Moore" or "Mr. Moore"


def _judge(view: TokenView, gaz: Gazetteer, lex: PlaceLexicon, i: int, end: int, key: str,
           last_end: int) -> Mention | None:
    single = end - i == 1
    shouted = view.text[i].isupper() and len(view.text[i]) > 1  # "US", "UK": not the pronoun "us"
    if single and (view.text[i].lower() in lex.stop_raw and not (shouted and _regional(gaz, key))):
        return None
    if single and (is_demonym(key, lex.lang) or lex.excluded("article", key)):
        return None
    p = _prev_word(view, i)
    after_comma = p >= 0 and view.text[p] == ","
    if (lex.excluded("title", key) and not after_comma) or lex.excluded("org_prefix", key):
        return None  # but "Jackson, Miss." is the state
    if _in_compound(view, gaz, end):
        return None
    if p >= 0 and view.is_cap(p):
        pk = view.norm[p]
        if lex.excluded("title", pk) or lex.excluded("org_prefix", pk):
            return None
        if p + 1 != last_end and _part_of_name(view, lex, p, pk):
            return None
    if p >= 1 and lex.excluded("connector", view.norm[p]):
        q = _prev_word(view, p)
        if q >= 0 and view.is_cap(q) and lex.excluded("org_prefix", view.norm[q]):
            return None
    cue = _has_cue(view, lex, i)
    big = _prominent(gaz, key, 100_000)
    nxt = end
    while nxt < view.n and view.text[nxt].isspace():
        nxt += 1
    rule = "gazetteer"
    abbreviation = "." in view.text[i] or view.text[i].isupper()  # "U.S. Army", "UK officials"
    determined = p >= 0 and lex.excluded("article", view.norm[p])  # "the Dallas Fire Department": no person
    if nxt < view.n and view.is_cap(nxt):
        nk = view.norm[nxt]
        if lex.excluded("org_prefix", view.norm[end - 1]) or lex.excluded("org_suffix", nk):
            return None  # "El Real Madrid", "Washington Post"
        if lex.excluded("feature", nk):
            end, rule = nxt + 1, "gazetteer+feature"
        elif lex.excluded("institution", nk) or lex.excluded("common", nk):
            pass  # "Dallas Police", "Texas Department of Health": the institution of a place names it
        elif single and not abbreviation and not determined and not _starts_place(view, gaz, nxt, nk, lex):
            return None  # "Jordan Peterson", "Georgia Meloni": a longer proper name
    contained = nxt < view.n and view.text[nxt] == ","
    bare = lookup_keys(key)[-1]  # "The City" is judged as "City"
    if _excluded(lex, ("time", "never"), key, bare) or (_excluded(lex, ("common",), key, bare) and not cue):
        return None
    if _excluded(lex, ("given",), key, bare) and not (cue or contained):
        return None  # "George", "Flores": people far more often than places, unless the text says "in"
    if single and not cue and view.sentence_initial(i) and not _prominent(gaz, key):
        return None
    acronym = view.text[i].isupper() and len(view.text[i]) <= 4
    if single and acronym and not cue and not contained and not _prominent(gaz, key, 2000):
        return None  # an unknown acronym that happens to be a village name
    metonymy = not cue and _is_metonymy(view, lex, end)  # "officials in Baghdad said" is a location
    if metonymy and single and not big:
        return None  # "Jones said": a small town's name before a reporting verb is a person
    return Mention(i, end, view.idx[i], view.end_char(end - 1), key, cue, metonymy, rule)


def _part_of_name(view: TokenView, lex: PlaceLexicon, p: int, pk: str) -> bool:
    """The capitalised word before the match makes it part of a longer name ("Barack Obama", "Main Road")."""
    if pk in lex.stop_words or pk in lex.parts or lex.excluded("article", pk) or _is_cue_word(lex, pk):
        return False
    if any(pk == d.split()[-1] for d in lex.directions):
        return False
    return not (view.text[p].endswith(".") or is_demonym(pk, lex.lang))  # "Calif.", "Iraqi Kurdistan"


def _in_compound(view: TokenView, gaz: Gazetteer, end: int) -> bool:
    """"Wal-Mart", "Franco-German": the name is glued by a hyphen to a capitalised word that is no place
    ("Fargo-Moorhead" and "Sligo-based" keep their place)."""
    if end + 1 >= view.n or view.text[end] not in _JOINERS or view.idx[end] != view.end_char(end - 1):
        return False
    glued = view.is_cap(end + 1) and view.idx[end + 1] == view.end_char(end)
    return glued and not _prominent(gaz, view.norm[end + 1], 20_000)


def _excluded(lex: PlaceLexicon, kinds: tuple[str, ...], *keys: str) -> bool:
    return any(lex.excluded(kind, k) for kind in kinds for k in keys)


def _regional(gaz: Gazetteer, key: str) -> bool:
    return any(gaz.feature(r) in ("country", "admin1") for r, _ in gaz.lookup(key))


def _is_cue_word(lex: PlaceLexicon, word: str) -> bool:
    return (word,) in lex.cues


def _starts_place(view: TokenView, gaz: Gazetteer, j: int, nk: str, lex: PlaceLexicon) -> bool:
    # a second name right after a one-word place is a surname ("David Moore"), unless it is a big place
    return nk in lex.stop_words or view.text[j].isupper() or _prominent(gaz, nk, 100_000)


def _prominent(gaz: Gazetteer, key: str, threshold: int = 20000) -> bool:
    return any(gaz.feature(r) != "city" or gaz.population(r) >= threshold for r, _ in gaz.lookup(key))
