"""Toponym recognition: longest gazetteer match over tokens, filtered by context.

A match must start with a capitalised token. It is dropped when the context says it is a person
("President Jordan", "Jordan Peterson"), an organisation ("Real Madrid", "Banco do Brasil",
"Washington Post"),
a demonym, a stop word, or an ordinary word that is only rarely a place ("Mobile", "Paz") without a locative
cue or a containing place after it. Everything here is driven by the per-language lexicon.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from .demonyms import is_demonym
from .index import Gazetteer
from .lexicon import PlaceLexicon, is_ordinary_word
from .normalize import lookup_keys, normalize

# "·", "|" and "•" separate tag lists and page chrome ("Tags: Palma · Insurgentes"): each item starts afresh
_SENT_END = {".", "!", "?", "\n", ":", ";", '"', "“", "”", "«", "»", "(", "-", "—", "–", "·", "|", "•"}
_JOINERS = {"-", "'", "’"}
_QUOTES = {'"', "“", "”", "«", "»"}


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
    weak: bool = False  # only a derived region by this name, and no cue or region word says it is a place


class TokenView:
    """Token texts, offsets and normalised keys of a spaCy Doc, computed once."""

    def __init__(self, doc: Doc, source: str) -> None:
        # one array call instead of a Python object per token (``doc.text`` would build them all)
        pairs = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        self.idx: list[int] = [p[0] for p in pairs]
        self.text: list[str] = [source[a : a + n] for a, n in pairs]
        self.norm: list[str] = [normalize(t) for t in self.text]
        self.cap: list[bool] = [t[:1].isupper() for t in self.text]
        self.n = len(pairs)

    def end_char(self, i: int) -> int:
        return self.idx[i] + len(self.text[i])

    def is_cap(self, i: int) -> bool:
        return self.cap[i]

    def sentence_initial(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.text[j].isspace():
            j -= 1
        return j < 0 or self.text[j] in _SENT_END or "\n" in self.text[j]


def _longest(view: TokenView, gaz: Gazetteer, i: int) -> tuple[int, str] | None:
    found = _matches(view, gaz, i)
    return found[-1] if found else None


def _matches(view: TokenView, gaz: Gazetteer, i: int) -> list[tuple[int, str]]:
    """Every gazetteer name starting at token i, shortest first: (end token, key)."""
    parts: list[str] = []
    found: list[tuple[int, str]] = []
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
                found.append((j + 1, key))
    return found


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
    # quotes are looked through: 'Joaquín "El Chapo" Guzmán' is one person's name
    j = i - 1
    while j >= 0 and (view.text[j].isspace() or view.text[j] == "." or view.text[j] in _QUOTES):
        j -= 1
    return j


def _next_word(view: TokenView, end: int) -> int:
    j = end
    while j < view.n and (view.text[j].isspace() or view.text[j] in _QUOTES):
        j += 1
    return j


def _across_links(view: TokenView, lex: PlaceLexicon, j: int, step: int, kinds: tuple[str, ...] = ()) -> int:
    """The word reached from token j (going ``step``) across a run of lower-case connectors and articles
    ("de las", "do", "of the"), or of the given exclusion kinds; -1 when there is no such run."""
    links = 0
    while 0 <= j < view.n and (view.text[j].isspace() or (view.text[j].islower() and (
            _excluded(lex, kinds, view.norm[j]) if kinds else _is_link(lex, view.norm[j])))):
        links += not view.text[j].isspace()
        j += step
    return j if links and 0 <= j < view.n else -1


def _is_link(lex: PlaceLexicon, word: str) -> bool:
    return bool(word) and (lex.excluded("connector", word) or lex.excluded("article", word))


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


def _is_seat(view: TokenView, lex: PlaceLexicon, i: int, end: int) -> bool:
    """"a UK-based monitor", "con sede en Londres": the place locates an organisation, not the event."""
    if end + 1 < view.n and view.text[end] == "-" and view.norm[end + 1] in lex.seat_after:
        return True
    words: list[str] = []
    j = i - 1
    while j >= 0 and len(words) < 4:
        if not view.text[j].isspace():
            words.insert(0, view.norm[j])
            if tuple(words) in lex.seat_before:
                return True
        j -= 1
    return False


class _DocGazetteer(Gazetteer):
    """The gazetteer with its lookups remembered for one document: each name is weighed by several rules."""

    def __init__(self, gaz: Gazetteer) -> None:
        super().__init__(gaz.data)
        self._seen: dict[str, list[tuple[int, bool]]] = {}

    def lookup(self, key: str) -> list[tuple[int, bool]]:
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = _known_first(self, super().lookup(key))
        return found


def _known_first(gaz: Gazetteer, found: list[tuple[int, bool]]) -> list[tuple[int, bool]]:
    """The readings recognition weighs: derived first-level regions only when nothing else has the name, so
    a town's or a person's name ("Alma", "Victoria") is judged as before the worldwide layer (the resolver
    still sees the region)."""
    known = [(r, alt) for r, alt in found if not gaz.data.refs[r].startswith("a1:")]
    return known or found


def recognize(view: TokenView, gaz: Gazetteer, lex: PlaceLexicon) -> list[Mention]:
    gaz = _DocGazetteer(gaz)
    out: list[Mention] = []
    persons: set[str] = set()  # surnames seen in full names ("David Moore" -> a later "Moore" is him)
    last_end = -1  # token index after the last accepted mention
    i = 0
    cap = view.cap
    while i < view.n:
        if not cap[i]:
            i += 1
            continue
        found = _matches(view, gaz, i)
        if not found:
            i += 1
            continue
        mention = None
        for end, key in reversed(found):  # longest first; "Dublin City Manager" still has Dublin
            mention = None if key in persons else _judge(view, gaz, lex, i, end, key, last_end)
            if mention is not None:
                break
        if mention is None:
            end, key = found[-1]
            if not _prominent(gaz, key, 100_000):
                _note_person(view, lex, i, end, persons)
            i += 1
            continue
        named = _named_feature(view, gaz, lex, mention)
        if named is None:
            i = mention.end
            continue
        out.append(named)
        i = last_end = mention.end
    out = _pair_metonymy(view, lex, [m for m in out if m.key not in persons and not _in_menu(view, m)])
    return [m for k, m in enumerate(out) if not m.weak or _listed(view, lex, out, k)]


def _pair_metonymy(view: TokenView, lex: PlaceLexicon, mentions: list[Mention]) -> list[Mention]:
    """ "Caracas y Bogotá acordaron": the first of a pair acts with the second, whose verb makes it an actor;
    "soldados en Cali y Bogotá dijeron": the cue of the first is the second's too, so both are locations."""
    out = list(mentions)
    for k in range(len(out) - 1, 0, -1):
        prev, cur = out[k - 1], out[k]
        if not cur.metonymy or prev.metonymy or not _list_words(view, lex, prev.end, cur.start):
            continue
        if prev.cue:
            out[k] = dataclasses.replace(cur, metonymy=False)
        else:
            out[k - 1] = dataclasses.replace(prev, metonymy=True)
    return out


def _listed(view: TokenView, lex: PlaceLexicon, mentions: list[Mention], k: int) -> bool:
    """The mention is an item of a list of places ("Rogaland, Vestfold and Telemark"), which vouches for a
    name that is only a derived first-level region; alone ("according to Lowe,") such a name is too weak."""
    m = mentions[k]
    before = k > 0 and _list_words(view, lex, mentions[k - 1].end, m.start)
    return before or (k + 1 < len(mentions) and _list_words(view, lex, m.end, mentions[k + 1].start))


def _list_words(view: TokenView, lex: PlaceLexicon, a: int, b: int) -> bool:
    words = [view.norm[t] for t in range(a, b) if view.norm[t]]
    punct = [view.text[t] for t in range(a, b) if not view.norm[t] and not view.text[t].isspace()]
    if "\n" in "".join(view.text[a:b]) or len(words) > 2 or any(p != "," for p in punct):
        return False
    if len(words) == 2:  # "e de Niassa", "y en Cauca", "and in Borno": a link and a preposition
        return words[0] in lex.list_links and words[1] in lex.stop_words
    return bool(words and words[0] in lex.list_links) or (not words and punct == [","])


def _derived_only(gaz: Gazetteer, key: str) -> bool:
    found = gaz.lookup(key)
    return bool(found) and all(gaz.data.refs[r].startswith("a1:") for r, _ in found)


def _region_said(view: TokenView, lex: PlaceLexicon, i: int, end: int) -> bool:
    """ "departamento del Cauca", "Borno State", "estado do Pará": the text calls the name a region."""
    before = [view.norm[t] for t in range(max(0, i - 4), i) if view.norm[t]]
    near = {" ".join(before[-n:]) for n in (1, 2, 3)}
    nxt = _next_word(view, end)
    said_after = nxt < view.n and view.norm[nxt] in lex.region_after
    return bool(near & lex.region_before) or said_after or view.norm[end - 1] in lex.region_after


_MENU_SEPARATORS = ("|", "·", "•")


def _in_menu(view: TokenView, m: Mention) -> bool:
    """A place that is an item of a separator-delimited line ("Editions: UK | US | India", "Tags: Palma ·
    Pemba"): page chrome or metadata, not a mention in the text."""
    j = _prev_word(view, m.start)
    k = _next_word(view, m.end)
    beside = (j >= 0 and view.text[j] in _MENU_SEPARATORS) or (k < view.n and view.text[k] in _MENU_SEPARATORS)
    if not beside:
        return False
    seps = 0
    for step, start in ((-1, m.start - 1), (1, m.end)):
        t = start
        while 0 <= t < view.n and "\n" not in view.text[t]:
            seps += view.text[t] in _MENU_SEPARATORS
            t += step
    return seps >= 2


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
    if single and (_demonym_only(gaz, lex, key) or lex.excluded("article", key)):
        return None
    p = _prev_word(view, i)
    # "Santos, SP" and "Juazeiro do Norte (CE)": a state abbreviation written after its town
    after_comma = p >= 0 and (view.text[p] == "," or (view.text[p] == "(" and end < view.n and view.text[end] == ")"))
    if not after_comma and gaz.needs_comma(key):
        return None  # "SP", "Sin.": a state only in "Santos, SP" or "Culiacán, Sin."
    if (lex.excluded("title", key) and not after_comma) or lex.excluded("org_prefix", key):
        return None  # but "Jackson, Miss." is the state
    if _in_compound(view, gaz, end) or _after_particle(view, i):
        return None
    b = _across_links(view, lex, i - 1, -1)
    pp = _prev_word(view, p) if p >= 0 and lex.excluded("article", view.norm[p]) else -1  # "barrio La Aurora"
    if _excluded(lex, ("street",), *(view.norm[k] for k in (p, b, pp) if k >= 0)):
        return None  # "avenida Paulista", "rua da Consolação": a street named after a place or person
    if p >= 0 and not view.is_cap(p) and lex.excluded("title_lower", view.norm[p]):
        return None  # "el ministro Lima", "o prefeito Santos": es/pt news write the title in lower case
    if p >= 0 and view.is_cap(p):
        pk = view.norm[p]
        if lex.excluded("title", pk) or lex.excluded("org_prefix", pk):
            return None
        if p + 1 != last_end and _part_of_name(view, gaz, lex, p, pk):
            return None
    if p >= 1 and lex.excluded("connector", view.norm[p]):
        q = _prev_word(view, p)
        if q >= 0 and view.is_cap(q) and lex.excluded("org_prefix", view.norm[q]):
            return None
    cue = _has_cue(view, lex, i)
    big = _prominent(gaz, key, 100_000)
    big_own = _prominent(gaz, key, 100_000, primary=True)  # an alternate name ("Wadi" for El Oued) proves less
    strong = _strong(gaz, key, "".join(view.text[i:end]))
    inner = _across_links(view, lex, i - 1, -1, ("name_link",))
    if not strong and (_name_before(view, lex, inner) or _name_after(view, lex, end)):
        return None  # "Defensoría del Pueblo", "Portal de las Américas", "Morro do Bumba": part of a longer name
    nxt = _next_word(view, end)
    rule = "gazetteer"
    abbreviation = "." in view.text[i] or view.text[i].isupper()  # "U.S. Army", "UK officials"
    determined = p >= 0 and lex.excluded("article", view.norm[p])  # "the Dallas Fire Department": no person
    if nxt < view.n and view.is_cap(nxt):
        nk = view.norm[nxt]
        org_after = lex.excluded("org_suffix", nk) and not _institution_follows(view, lex, nxt + 1, span=1)
        if lex.excluded("org_prefix", view.norm[end - 1]) or org_after:
            return None  # "El Real Madrid", "Washington Post"; but "Paris City Hall" is the town's
        if lex.excluded("feature", nk) and _supranational(gaz, key):
            return None  # "Islamic State West Africa Province": no continent or country is a province
        if lex.excluded("feature", nk):
            end, rule = nxt + 1, "gazetteer+feature"
            after = _next_word(view, end)
            if after < view.n and view.is_cap(after) and lex.excluded("org_suffix", view.norm[after]):
                return None  # "Lansing State Journal": a newspaper named after the place
        elif lex.excluded("institution", nk) or (lex.excluded("common", nk) and not lex.excluded("given", nk)):
            pass  # "Dallas Police", "Texas Department of Health": the institution of a place names it
        elif (single or not big_own) and not abbreviation and not (determined and big_own) \
                and not _starts_place(view, gaz, nxt, nk, lex) and not _institution_follows(view, lex, nxt):
            return None  # "Jordan Peterson", "Georgia Meloni", "the Golden Division": a longer proper name
    contained = nxt < view.n and view.text[nxt] == ","
    bare = lookup_keys(key)[-1]  # "The City" is judged as "City"
    held = contained and _container_follows(view, gaz, nxt, lex)  # "Santos, SP", "Paz, en Bolivia"
    if _excluded(lex, ("common", "holiday"), key, bare) and _word_reading(view, lex, i, p, key, cue or held):
        return None  # "la Victoria", "no Natal", "noite de Natal": the word, not the town
    if _excluded(lex, ("time", "never"), key, bare) or (_excluded(lex, ("common",), key, bare) and not (cue or held)):
        return None
    if _excluded(lex, ("given",), key, bare) and not (cue or contained):
        return None  # "George", "Flores": people far more often than places, unless the text says "in"
    if single and not cue and not held and view.sentence_initial(i) and not _dateline(view, i, end) and (
            not _prominent(gaz, key) or (is_ordinary_word(lex.lang, view.text[i].lower()) and not _regional(gaz, key))):
        return None  # capitalised only by position: "Mataram gente..." is "they killed", not the Indonesian city
    if single and _abbreviated(view, end) and not _regional(gaz, key) and not _prominent(gaz, key):
        return None  # "Chilpancingo, Gro.—": an abbreviated state, not the village that happens to be "Gro"
    acronym = view.text[i].isupper() and len(view.text[i]) <= 4
    # in running text (not a dateline or a headline in capitals) a short capitalised word is an acronym far
    # more often than a small town's name ("la DANA", "a PEC"): only a sizeable place stands on its own there
    shouting = view.sentence_initial(i) or (p >= 0 and view.text[p].isupper() and len(view.text[p]) > 1)
    floor = 2000 if shouting else 100_000
    if single and acronym and not cue and not contained \
            and not (_prominent(gaz, key, floor, primary=True) or _regional(gaz, key)):
        return None  # an unknown acronym ("ELN", "CAI") that happens to be a place's code or alternate name
    if single and not cue and not contained and not _prominent(gaz, key, 100_000) \
            and all(alt for _, alt in gaz.lookup(key)):
        return None  # only an alternate name of a small place ("Guardia", "Marinha"): too weak alone
    metonymy = not cue and _is_metonymy(view, lex, end)  # "officials in Baghdad said" is a location
    if metonymy and single and not big:
        return None  # "Jones said": a small town's name before a reporting verb is a person
    metonymy = metonymy or _is_seat(view, lex, i, end)
    weak = not cue and rule == "gazetteer" and _derived_only(gaz, key) and not _region_said(view, lex, i, end) \
        and not (p >= 0 and view.text[p].islower() and view.norm[p] in lex.region_articles)
    return Mention(i, end, view.idx[i], view.end_char(end - 1), key, cue, metonymy, rule, weak)


def _word_reading(view: TokenView, lex: PlaceLexicon, i: int, p: int, key: str, placed: bool) -> bool:
    """An ordinary or holiday word that is also a town ("Victoria", "Esperança", "Natal") reads as the word after
    a lower-case article ("la Victoria", "no Natal": towns take none) unless a longer cue ends in it ("chegou a
    Vitória"); a holiday also after "de" and a holiday noun ("noite de Natal"), and, with no cue or container
    to say otherwise, in a text that speaks of the season."""
    lower = p >= 0 and (view.text[p].islower() or view.sentence_initial(p))  # "O Natal foi tranquilo"
    if lower and lex.excluded("word_article", view.norm[p]) \
            and _cue_length(view, lex, i) < 2:
        return True
    if not lex.excluded("holiday", key):
        return False
    if p >= 1 and view.text[p].islower() and lex.excluded("connector", view.norm[p]):
        head = _prev_word(view, p)
        if head >= 0 and lex.excluded("holiday_head", view.norm[head]):
            return True
    return not placed and any(lex.excluded("holiday_context", w) for w in view.norm)


def _cue_length(view: TokenView, lex: PlaceLexicon, i: int) -> int:
    """The number of words of the longest locative cue that ends right before token i (0 when none)."""
    words: list[str] = []
    best = 0
    j = i - 1
    while j >= 0 and len(words) < lex.max_cue:
        if view.norm[j]:
            words.insert(0, view.norm[j])
            if tuple(words) in lex.cues:
                best = len(words)
        elif not view.text[j].isspace():
            break
        j -= 1
    return best


def _dateline(view: TokenView, i: int, end: int) -> bool:
    """ "MOSCOU (ANSA) -", "LIMA, 3 ene (EFE) —": a name in capitals opening a dateline, a place even where
    the same word in lower case is an ordinary one."""
    k = _next_word(view, end)
    return view.text[i].isupper() and len(view.text[i]) > 2 and k < view.n and view.text[k] in _DATELINE_MARKS


_DATELINE_MARKS = {"(", ",", "—", "–", "-"}


def _container_follows(view: TokenView, gaz: Gazetteer, comma: int, lex: PlaceLexicon) -> bool:
    """A country or first-level region right after the comma at token ``comma`` ("Santos, SP"), or after a
    locative there ("Victoria, en Tamaulipas", "Natal, no Rio Grande do Norte")."""
    k = _next_word(view, comma + 1)
    words: list[str] = []
    while k < view.n and len(words) < 6 and (view.text[k].isspace() or view.text[k].islower()):
        if view.norm[k]:
            words.append(view.norm[k])
        k += 1
    if words and not lex.locative_link(words):
        return False
    if k >= view.n or not view.is_cap(k):
        return False
    found = _longest(view, gaz, k)
    return found is not None and any(gaz.feature(r) in ("country", "admin1") for r, _ in gaz.lookup(found[1]))


def _named_feature(view: TokenView, gaz: Gazetteer, lex: PlaceLexicon, m: Mention) -> Mention | None:
    """ "el río Magdalena", "o rio São Francisco", "el lago de Maracaibo": a lower-case feature word before the
    name says which feature it is, and the feature itself is read when the gazetteer knows it. Otherwise a lake
    or a range is best placed at its namesake town; a river's namesake town is not what the text means (a
    region by the name may still stand for it)."""
    p = _prev_word(view, m.start)
    words = [m.key]
    if p > 0 and lex.excluded("connector", view.norm[p]):  # "la sierra de Gata", "a serra da Mantiqueira"
        words.insert(0, view.norm[p])
        p = _prev_word(view, p)
    if p < 0 or not view.text[p].islower():
        return m
    river = view.norm[p] in lex.river_before
    if not river and view.norm[p] not in lex.feature_before:
        return m
    named = " ".join([view.norm[p], *words])
    if gaz.lookup(named):
        return dataclasses.replace(m, key=named, cue=True, metonymy=False, rule="gazetteer+feature", weak=False)
    if not river or any(gaz.feature(r) != "city" for r, _ in gaz.lookup(m.key)):
        return m  # "el lago de Maracaibo": the town on its shore is the best point we have
    return None


def _demonym_only(gaz: Gazetteer, lex: PlaceLexicon, key: str) -> bool:
    """A demonym that is not also a country's own name: Spanish "Indonesia", "Argentina" and "India" are both
    (the feminine demonym is written in lower case, so the capitalised word is the country)."""
    # a country named in the text's language ("Siria", "Líbia") is an alternate name of its row, yet a name
    return is_demonym(key, lex.lang) and not any(gaz.feature(r) == "country" for r, _ in gaz.lookup(key))


def _part_of_name(view: TokenView, gaz: Gazetteer, lex: PlaceLexicon, p: int, pk: str) -> bool:
    """The capitalised word before the match makes it part of a longer name ("Barack Obama", "Main Road")."""
    if pk in lex.stop_words or pk in lex.parts or lex.excluded("article", pk) or _is_cue_word(lex, pk):
        return False
    if any(pk == d.split()[-1] for d in lex.directions):
        return False
    return not (view.text[p].endswith(".") or _demonym_only(gaz, lex, pk))  # "Calif.", "Iraqi Kurdistan"


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
    # a second name right after a one-word place is a surname ("David Moore", "India Walton"), unless it is a
    # country, a first-level region or a big city (counties are too often named after people to count)
    return nk in lex.stop_words or view.text[j].isupper() or (_regional(gaz, nk) and not _derived_only(gaz, nk)) \
        or any(not alt and gaz.feature(r) == "city" and gaz.population(r) >= 100_000 for r, alt in gaz.lookup(nk))


def _prominent(gaz: Gazetteer, key: str, threshold: int = 20000, primary: bool = False) -> bool:
    return any((gaz.feature(r) != "city" or gaz.population(r) >= threshold) and not (primary and alt)
               for r, alt in gaz.lookup(key))


def _supranational(gaz: Gazetteer, key: str) -> bool:
    """A country or continent (a region of no single country) by this name, and no province or region of a
    country (towns that share the name do not matter here)."""
    kinds = {(gaz.feature(r), bool(gaz.country(r))) for r, _ in gaz.lookup(key)}
    wide = ("country", True) in kinds or ("region", False) in kinds
    return wide and not kinds & {("admin1", True), ("region", True), ("admin2", True)}


def _strong(gaz: Gazetteer, key: str, surface: str) -> bool:
    """A name that stands on its own even inside a longer one ("Santiago de Chile", "Republic of Congo"): a
    country by any of its names, a region or city of 500,000+ by its own name, spelt with the same accents
    ("Montaña" is not "Montana"), or a city of a million or more by the first word of its name ("Zona Norte do
    Rio")."""
    accented = not surface.isascii()
    return any(gaz.feature(r) == "country"  # also by its es/pt names ("Gobierno del Sudán", "Estados Unidos")
               or ((gaz.feature(r) != "city" or gaz.population(r) >= 500_000) and not alt
                   and not (accented and _fold(gaz.data.names[r]) != _fold(surface)))
               or (alt and gaz.feature(r) == "city" and gaz.population(r) >= 1_000_000
                   and _fold(gaz.data.names[r]).startswith(_fold(surface)))  # "Rio" for Rio de Janeiro
               for r, alt in gaz.lookup(key))


def _fold(name: str) -> str:
    return name.lower().replace("-", "").replace(" ", "")


def _after_particle(view: TokenView, i: int) -> bool:
    """"Hayat Tahrir al-Sham", "Mosul al-Jadida": a name glued to an "al-"/"el-" particle that follows another
    capitalised word is the tail of a longer name."""
    if i < 3 or view.text[i - 1] not in _JOINERS or view.idx[i - 1] + 1 != view.idx[i]:
        return False
    particle = view.text[i - 2]
    if not (particle.islower() and len(particle) <= 3 and view.end_char(i - 2) == view.idx[i - 1]):
        return False
    q = _prev_word(view, i - 2)
    return q >= 0 and view.is_cap(q) and not view.sentence_initial(q)


def _name_before(view: TokenView, lex: PlaceLexicon, b: int) -> bool:
    """A capitalised word, then connectors, then the match: "Defensoría del Pueblo", "Joaquín de Herrera"."""
    if b < 0 or not view.is_cap(b) or view.sentence_initial(b):
        return False
    w = view.norm[b]
    return not (w in lex.stop_words or _is_cue_word(lex, w)
                or _excluded(lex, ("institution", "feature", "org_prefix", "title", "street"), w))


def _abbreviated(view: TokenView, end: int) -> bool:
    """The word ends in an abbreviation dot: a glued "." followed by a dash, a comma or a lower-case word
    (a sentence-final dot is followed by a space and a capital, or by nothing)."""
    if end >= view.n or view.text[end] != "." or view.idx[end] != view.end_char(end - 1):
        return False
    k = end + 1
    if k >= view.n:
        return False
    glued = view.idx[k] == view.end_char(end)
    return (glued and view.text[k][:1] in "—–-,;") or view.text[k][:1].islower()


def _institution_follows(view: TokenView, lex: PlaceLexicon, j: int, span: int = 4) -> bool:
    """A capitalised run after the name ends in an institution word: "Byesville Volunteer Fire Department",
    "Mount Pleasant Civic Center": the institution of a place, which still names the place."""
    for k in range(j, min(view.n, j + span)):
        if not view.is_cap(k):
            return False
        if lex.excluded("institution", view.norm[k]):
            return True
    return False


def _name_after(view: TokenView, lex: PlaceLexicon, end: int) -> bool:
    """The match, connectors, then a capitalised word: "Portal de las Américas", "Zona Norte do Rio"."""
    a = _across_links(view, lex, end, 1, ("name_link",))
    return a >= 0 and view.is_cap(a) and view.norm[a] not in lex.stop_words
