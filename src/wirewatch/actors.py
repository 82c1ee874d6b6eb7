"""The multilingual actor dictionary: loading it and finding actors in text.

Data (``data/actors/``, see its SOURCES.md):

* ``actors.tsv``: named actors (armed groups, parties, international forces and organisations) with aliases in
  English, Spanish and Portuguese, ACLED actor type, PLOVER sector, country and validity dates;
* ``countries.tsv``: countries with names and demonyms, from which the state forces of each country are built
  (``mil-<iso2>`` Military Forces, ``pol-<iso2>`` Police Forces, ``gov-<iso2>`` Government, ``leg-<iso2>``
  Legislature); countries it lacks come from the gazetteer's demonym table with CLDR names;
* ``generic.tsv``: generic actors ("protesters", "civilians", "gunmen" = unidentified armed group) and the
role
  nouns that combine with demonyms and country names ("Iraqi forces", "fuerzas iraquíes", "forças iraquianas",
  "ejército de Colombia").

Matching works on *units*: the spaCy tokens of a text split at internal hyphens, case-folded and stripped of
accents, so "al-Qaeda", "al Qaeda" and "Al-Qaïda" meet, whichever way a language's tokenizer cuts hyphens.
Short all-capital aliases ("ELN", "IS", "PA") only match in capitals.
"""

from __future__ import annotations

import dataclasses
import sys
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LEMMA, ORTH
from spacy.tokens import Doc

from . import enclitics
from .errors import ResourceError
from .nlp import SUPPORTED_LANGUAGES, data_lines, get_nlp
from .records import ActorMention, Span

# ---------------------------------------------------------------- units


class Unit(NamedTuple):
    """One matching unit: a token, or a hyphen-separated piece of one (a tuple: built by the thousand)."""

    key: str  # folded surface form
    lemma: str  # folded lookup lemma (the piece itself when a token was split)
    text: str  # surface text
    start: int
    end: int
    upper: bool  # first letter upper-case
    punct: bool


_FOLDED: dict[str, str] = {}


def fold(text: str) -> str:
    """Case-fold and strip accents: the comparison form of every key (memoised: words repeat)."""
    out = _FOLDED.get(text)
    if out is None:
        out = _fold(text)
        if len(_FOLDED) < 500_000:
            _FOLDED[text] = out
    return out


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _pieces(text: str, start: int, lemma: str = "") -> list[tuple[str, int, int]]:
    """``text`` split at internal hyphens (and dots of abbreviations dropped), with absolute offsets; a Spanish
    verb with pronouns, whose lemma names them ("negar-se"), is cut before its pronouns."""
    if "-" not in text and lemma.count("-"):
        return _cut_pronouns(text, start, lemma.split("-")[1:])
    if "-" not in text or len(text) == 1:
        return [(text, start, start + len(text))]
    out, pos = [], 0
    for part in text.split("-"):
        if part:
            out.append((part, start + pos, start + pos + len(part)))
        pos += len(part) + 1
    return out or [(text, start, start + len(text))]


def make_units(doc: Doc, start: int = 0, end: int | None = None) -> list[Unit]:
    """Units of the tokens of ``doc`` that start in ``[start, end)``; reads the doc's arrays in one go."""
    # not len(doc.text): spaCy rebuilds the whole text for it, a third of this function's time
    end = sys.maxsize if end is None else end
    arr = doc.to_array([ORTH, LEMMA, IDX, IS_PUNCT, IS_SPACE])
    strings = doc.vocab.strings
    units: list[Unit] = []
    cache = _TOKEN_CACHE
    for orth, lem, idx, punct, space in arr.tolist():
        if space or idx < start or idx >= end:
            continue
        info = cache.get((orth, lem))
        if info is None:
            info = _token_info(strings[orth], strings[lem])
            if len(cache) < 500_000:
                cache[(orth, lem)] = info
        text, key, lemma, upper = info
        if key is None:  # a hyphenated token or a verb with pronouns: one unit per piece
            pieces = _pieces(text, idx, lemma)
            lemmas = lemma.split("-") if lemma else []
            paired = len(lemmas) == len(pieces)
            for n, (piece, s, e) in enumerate(pieces):
                k = _key(piece)
                units.append(Unit(k, fold(lemmas[n]) if paired else k, piece, s, e, piece[:1].isupper(), bool(punct)))
        else:
            units.append(Unit(key, lemma, text, idx, idx + len(text), upper, bool(punct)))
    return units


#: (orth id, lemma id) -> (text, key, lemma, upper); key None marks a token to split at hyphens
_TOKEN_CACHE: dict[tuple[int, int], tuple[str, str | None, str, bool]] = {}


def _token_info(text: str, lemma: str) -> tuple[str, str | None, str, bool]:
    if ("-" in text and len(text) > 1) or ("-" in lemma and lemma != text):
        # the lemma of a verb with pronouns is hyphenated too ("negándose" -> "negar-se"; see enclitics.py)
        return text, None, lemma if lemma.count("-") else "", False
    return text, _key(text), fold(lemma or text), text[:1].isupper()


def _key(piece: str) -> str:
    folded = fold(piece)
    return folded.replace(".", "") or folded


def _cut_pronouns(text: str, start: int, pronouns: list[str]) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    end = len(text)
    for p in reversed(pronouns):
        out.append((text[end - len(p) : end], start + end - len(p), start + end))
        end -= len(p)
    out.append((text[:end], start, start + end))
    return out[::-1]


@lru_cache(maxsize=65536)
def text_keys(text: str, lang: str) -> tuple[str, ...]:
    """The unit keys of a short text (an alias or a pattern), tokenized as the language's text would be."""
    doc = get_nlp(lang).make_doc(text)
    keys: list[str] = []
    for tok in doc:
        if tok.is_space:
            continue
        cut = enclitics.split(tok.text, lang) if tok.text.islower() else None
        if cut is not None:  # "negarse" in a pattern is the verb and its pronoun, as in text (enclitics.py)
            keys.extend(_key(p) for p in (cut[0], *cut[1]))
            continue
        for piece, _, _ in _pieces(tok.text, tok.idx):
            keys.append(_key(piece))
    return tuple(keys)


# ---------------------------------------------------------------- the dictionary


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    actor_type: str
    sector: str
    country: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    source: str = ""

    def valid_on(self, when: date | None) -> bool:
        if when is None:
            return True
        return (self.valid_from is None or self.valid_from <= when) and (self.valid_to is None or when <= self.valid_to)

    def mention_at(self, span: Span, text: str, rule: str) -> ActorMention:
        """This actor as named by the words ``text`` at ``span``, found by ``rule``."""
        return ActorMention(span=span, text=text, actor_id=self.id, name=self.name, actor_type=self.actor_type,
                            sector=self.sector, country=self.country, rule=rule)


@dataclass(frozen=True, slots=True)
class Alias:
    keys: tuple[str, ...]
    actor_ids: tuple[str, ...]
    case_sensitive: str | None  # the exact surface text required, for short acronyms
    rule: str


@dataclass(frozen=True, slots=True)
class ActorMatch:
    start_unit: int
    end_unit: int  # exclusive
    span: Span
    text: str
    actors: tuple[Actor, ...]  # candidates, best first
    rule: str

    def mention(self, context_countries: Iterable[str] = (), when: date | None = None) -> ActorMention:
        return choose(self.actors, context_countries, when).mention_at(self.span, self.text, self.rule)


def choose(candidates: Sequence[Actor], context_countries: Iterable[str] = (), when: date | None = None) -> Actor:
    """The candidate valid at ``when`` whose country the article mentions; else the first listed."""
    ctx = set(context_countries)
    valid = [a for a in candidates if a.valid_on(when)] or list(candidates)
    for actor in valid:
        if actor.country and actor.country in ctx:
            return actor
    return valid[0]


def _read(name: str) -> list[list[str]]:
    try:
        text = resources.files("wirewatch").joinpath(f"data/actors/{name}").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"missing actor data data/actors/{name}; reinstall wirewatch") from exc
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _same_as(rows: list[list[str]]) -> dict[str, str]:
    """Named id -> the built id it files under (``data/actors/same_as.tsv``: two columns per row)."""
    out: dict[str, str] = {}
    for row in rows:
        if len(row) != 2 or not all(c.strip() for c in row):
            raise ResourceError(f"data/actors/same_as.tsv: row {row!r} must be two tab-separated ids (named, built)")
        out[row[0].strip()] = row[1].strip()
    return out


def _date(value: str) -> date | None:
    return None if value in ("", "-") else date.fromisoformat(value)


def _split(value: str) -> list[str]:
    return [] if value in ("", "-") else [v.strip() for v in value.split("|") if v.strip()]


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    names: dict[str, tuple[str, ...]]
    demonyms: dict[str, tuple[str, ...]]  # all gender/number forms


def _expand_demonym(word: str, lang: str) -> list[str]:
    """Gender and number forms of a masculine singular es/pt demonym, by regular endings."""
    if lang == "en":
        return [word]
    rules = (
        ("o", ("o", "a", "os", "as")),
        ("í", ("í", "íes", "ís")),
        ("és", ("és", "esa", "eses", "esas")),
        ("ês", ("ês", "esa", "eses", "esas")),
        ("ão", ("ão", "ã", "ãos", "ães")),
        ("án", ("án", "ana", "anes", "anas")),
        ("e", ("e", "es")),
        ("a", ("a", "as")),
        ("eu", ("eu", "eia", "eus", "eias")),
    )
    for ending, forms in rules:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            return [stem + f for f in forms]
    return [word, word + "s"]


@lru_cache(maxsize=1)
def generic_roles() -> dict[str, str]:
    """Generic actor id -> the state role it names ("gen-military" -> "mil"), from generic.tsv's role column;
    ``f"{role}-{iso2}"`` is the id the country rule builds for that role in one country."""
    return {row[0]: row[4] for row in _read("generic.tsv") if len(row) > 4 and row[4] != "-"}


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Countries of ``countries.tsv``, then every other country the gazetteer has demonyms for (its names
    from CLDR via the gazetteer): "Polish lawmakers", "el gobierno de Finlandia" resolve too."""
    out: dict[str, Country] = {}
    for row in _read("countries.tsv"):
        iso2, n_en, n_es, n_pt, d_en, d_es, d_pt = (row + [""] * 7)[:7]
        names = {"en": tuple(_split(n_en)), "es": tuple(_split(n_es)), "pt": tuple(_split(n_pt))}
        dems = {
            lang: tuple(f for d in _split(raw) for f in _expand_demonym(d, lang))
            for lang, raw in (("en", d_en), ("es", d_es), ("pt", d_pt))
        }
        out[iso2] = Country(iso2, names, dems)
    for iso2, raw_dems in _gazetteer_demonyms().items():
        if iso2 not in out:
            out[iso2] = _gazetteer_country(iso2, raw_dems)
    return out


def _gazetteer_demonyms() -> dict[str, dict[str, list[str]]]:
    """ISO2 -> language -> demonym forms, from the gazetteer's packaged table."""
    try:
        text = resources.files("wirewatch").joinpath("data/gazetteer/demonyms.tsv").read_text(encoding="utf-8")
    except FileNotFoundError:  # the gazetteer data is optional here: the team's own list still works
        return {}
    out: dict[str, dict[str, list[str]]] = {}
    for line in data_lines(text):
        parts = line.split("\t")
        if len(parts) == 3 and parts[1] in SUPPORTED_LANGUAGES:
            out.setdefault(parts[0], {})[parts[1]] = _split(parts[2])
    return out


def _gazetteer_country(iso2: str, raw_dems: dict[str, list[str]]) -> Country:
    from .gazetteer.demonyms import country_names  # CLDR names; imported late (Babel loads on demand)

    names = {
        lang: tuple(n for n in country_names(iso2, lang) if "(" not in n and len(n) > 3)
        for lang in SUPPORTED_LANGUAGES
    }
    dems = {
        lang: tuple(f for d in raw_dems.get(lang, []) for f in _expand_demonym(d, lang)) for lang in SUPPORTED_LANGUAGES
    }
    return Country(iso2, names, dems)


def demonym_country(word: str, lang: str) -> str | None:
    """ISO2 country of a demonym form ("iraquíes" -> "IQ"); the gazetteer's version supersedes this one."""
    return _demonym_index(lang).get(fold(word))


@lru_cache(maxsize=4)
def _demonym_index(lang: str) -> dict[str, str]:
    return {fold(f): c.iso2 for c in countries().values() for f in c.demonyms.get(lang, ())}


_ROLE_NAMES = {
    "mil": "Military Forces of {}",
    "pol": "Police Forces of {}",
    "gov": "Government of {}",
    "leg": "Legislature of {}",
}
_ROLE_TYPES = {"mil": ("state", "MIL"), "pol": ("state", "COP"), "gov": ("state", "GOV"), "leg": ("state", "LEG")}
# : prepositions joining a role noun to a country name: "army of Mali", "ejército del Perú", "exército do
# Brasil"
_OF = {"en": ("of",), "es": ("de", "del"), "pt": ("de", "do", "da", "dos", "das")}


class ActorDictionary:
    """All actors plus a per-language alias index (first unit key -> aliases, longest first)."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self._aliases: dict[str, list[Alias]] = {lang: [] for lang in SUPPORTED_LANGUAGES}
        self._index: dict[str, _Trie] = {}
        self._langs: tuple[str, ...] = ()  # the languages whose aliases the loaders are adding
        self._lock = threading.Lock()
        self._load_named()
        self._load_generic_and_states()

    def _index_for(self, lang: str) -> _Trie:
        """A language's alias index, built on first use: a process that reads one language pays for one."""
        trie = self._index.get(lang)
        if trie is not None:
            return trie
        with self._lock:  # the loaders share ``_langs``: one language at a time
            if lang not in self._index:
                self._langs = (lang,)
                self._load_named()
                self._load_generic_and_states()
                self._langs = ()
                self._index[lang] = _build_index(self._aliases.pop(lang, []))
        return self._index[lang]

    # ---------------------------------------------------------------- loading

    def _add_alias(self, lang: str, text: str, actor_id: str, rule: str, parts: Sequence[str] = ()) -> None:
        # a composed alias ("fuerzas" + "iraquíes") is keyed part by part: tokenizing each part
        # once is cheaper
        if lang not in self._langs:
            return
        keys = tuple(k for p in parts for k in text_keys(p, lang)) if parts else text_keys(text, lang)
        if not keys:
            return
        self._aliases[lang].append(Alias(keys, (actor_id,), _exact_case(text), rule))

    def _load_named(self) -> None:
        same_as = _same_as(_read("same_as.tsv"))
        for row in _read("actors.tsv"):
            if len(row) < 11:
                raise ResourceError(f"data/actors/actors.tsv: row {row[:1]} has {len(row)} columns, expected 11")
            aid, name, atype, sector, country, a_en, a_es, a_pt, v_from, v_to, source = row[:11]
            if aid in same_as:
                # a country's whole military: its names resolve to the actor the country rule builds
                aid = same_as[aid]
            else:
                country_id = None if country == "-" else country
                self.actors[aid] = Actor(aid, name, atype, sector, country_id, _date(v_from), _date(v_to), source)
            by_lang = {"en": _split(a_en), "es": _split(a_es), "pt": _split(a_pt)}
            for lang in self._langs:
                # English aliases (acronyms, transliterations) also appear in Spanish and Portuguese text
                for alias in dict.fromkeys([*by_lang[lang], *by_lang["en"]]):  # ordered: candidates keep file order
                    self._add_alias(lang, alias, aid, "actors:named")

    def _load_generic_and_states(self) -> None:
        role_nouns: dict[str, dict[str, list[str]]] = {}
        for row in _read("generic.tsv"):
            aid, name, atype, sector, role, a_en, a_es, a_pt = (row + [""] * 8)[:8]
            self.actors[aid] = Actor(aid, name, atype, sector, None, None, None, "team generic list")
            for lang, raw in (("en", a_en), ("es", a_es), ("pt", a_pt)):
                for alias in _split(raw):
                    self._add_alias(lang, alias, aid, "actors:generic")
                if role != "-":
                    role_nouns.setdefault(role, {})[lang] = _split(raw)
        for country in countries().values():
            self._add_country(country, role_nouns)

    def _add_country(self, country: Country, role_nouns: dict[str, dict[str, list[str]]]) -> None:
        en_name = country.names["en"][0] if country.names["en"] else country.iso2
        for role, (atype, sector) in _ROLE_TYPES.items():
            aid = f"{role}-{country.iso2.lower()}"
            self.actors[aid] = Actor(
                aid,
                _ROLE_NAMES[role].format(en_name),
                atype,
                sector,
                country.iso2,
                source="built from countries.tsv + generic.tsv",
            )
            for lang in self._langs:
                for noun in role_nouns.get(role, {}).get(lang, []):
                    for dem in country.demonyms.get(lang, ()):
                        pair = (dem, noun) if lang == "en" else (noun, dem)
                        self._add_alias(lang, " ".join(pair), aid, f"actors:{role}-demonym", pair)
                    for cname in country.names.get(lang, ()):
                        for prep in _OF[lang]:
                            parts = (noun, prep, cname)
                            self._add_alias(lang, " ".join(parts), aid, f"actors:{role}-of-country", parts)
                        if lang == "en":
                            parts = (cname, "'s", noun)
                            self._add_alias(lang, " ".join(parts), aid, f"actors:{role}-of-country", parts)
        gov = f"gov-{country.iso2.lower()}"
        for lang in self._langs:
            for cname in country.names.get(lang, ()):
                self._add_alias(lang, cname, gov, "actors:country-name")  # "Colombia accused Venezuela"

    # ---------------------------------------------------------------- matching

    def find(self, units: Sequence[Unit], lang: str) -> list[ActorMatch]:
        """Non-overlapping longest alias matches in ``units``, left to right."""
        index = self._index_for(lang if lang in SUPPORTED_LANGUAGES else "en")
        out: list[ActorMatch] = []
        i, n = 0, len(units)
        while i < n:
            match = self._match_at(units, i, index)
            if match is None:
                i += 1
                continue
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.end_unit == i
                and match.actors[0].id.startswith("gen-")
                and not prev.actors[0].id.startswith("gen-")
            ):
                # "Peshmerga fighters", "Houthi gunmen": the name decides, the generic noun extends the span
                out[-1] = dataclasses.replace(prev, end_unit=match.end_unit, span=Span(prev.span.start, match.span.end))
            else:
                out.append(match)
            i = match.end_unit
        return out

    def _match_at(self, units: Sequence[Unit], i: int, trie: _Trie) -> ActorMatch | None:
        node = trie.get(units[i].key)
        best: tuple[int, Alias] | None = None
        j = i
        while node is not None:
            for alias in node.get(_END, ()):
                if alias.case_sensitive is None or _same_caps(units[i : j + 1], alias.case_sensitive):
                    best = (j + 1, alias)
                    break
            j += 1
            if j >= len(units):
                break
            node = node.get(units[j].key)
        if best is None:
            return None
        end, alias = best
        first, last = units[i], units[end - 1]
        actors = tuple(self.actors[a] for a in alias.actor_ids)
        return ActorMatch(i, end, Span(first.start, last.end), "", actors, alias.rule)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)


def _exact_case(alias: str) -> str | None:
    """The surface an acronym must have to match: short all-capital aliases ("IS", "ELN") and mixed-case
    acronyms of one word with two or more capitals ("FAMa"), which as lower-case words are ordinary ones
    ("is", "fama")."""
    bare = alias.replace(".", "")
    if alias.isupper() and len(bare) <= 5:
        return alias
    if not alias.isupper() and " " not in alias and len(bare) <= 6 and sum(c.isupper() for c in alias) >= 2:
        return alias  # "Unicef" and "Renamo" are written so too: only a mixed-case acronym is held to its case
    return None


def _same_caps(units: Sequence[Unit], exact: str) -> bool:
    joined = "".join(u.text for u in units).replace(".", "").replace("-", "")
    return joined == exact.replace(".", "").replace("-", "").replace(" ", "")


_END = "\x00"
_Trie = dict[str, Any]


def _build_index(aliases: list[Alias]) -> _Trie:
    merged: dict[tuple[tuple[str, ...], str | None], Alias] = {}
    for alias in aliases:
        key = (alias.keys, alias.case_sensitive)
        prev = merged.get(key)
        if prev is None:
            merged[key] = alias
        elif alias.actor_ids[0] not in prev.actor_ids:  # a shared alias: keep every candidate, in file order
            merged[key] = Alias(prev.keys, (*prev.actor_ids, *alias.actor_ids), prev.case_sensitive, prev.rule)
    trie: _Trie = {}
    for alias in merged.values():
        node = trie
        for part in alias.keys:
            node = node.setdefault(part, {})
        ends = node.setdefault(_END, [])
        ends.append(alias)
        ends.sort(key=lambda a: a.case_sensitive is None)  # exact-case aliases are tried first
    return trie


@lru_cache(maxsize=1)
def actor_dictionary() -> ActorDictionary:
    """The packaged dictionary, built once per process."""
    return ActorDictionary()


def find_actors(doc: Doc, lang: str, start: int = 0, end: int | None = None) -> list[ActorMention]:
    """Actor mentions in ``doc.text[start:end]`` (convenience for other stages; unresolved names not
    included)."""
    units = make_units(doc, start, end)
    text = doc.text
    out = []
    for m in actor_dictionary().find(units, lang):
        mention = m.mention()
        out.append(
            ActorMention(
                span=mention.span,
                text=text[m.span.start : m.span.end],
                actor_id=mention.actor_id,
                name=mention.name,
                actor_type=mention.actor_type,
                sector=mention.sector,
                country=mention.country,
                rule=mention.rule,
            )
        )
    return out


# ---------------------------------------------------------------- display names (web app)

_DISPLAY_LANGS = ("en", "es", "pt")


def actor_display(actor_id: str, lang: str) -> str | None:
    """An actor's name for a reader of ``lang``; ``None`` for an unknown id (the caller keeps its stored name).

    English is the canonical name. Named actors show their first alias of the language (with the canonical
    name's trailing acronym: "Estado Islámico (ISIS)"); rule-built state actors and generic actors come from
    the templates of ``display.tsv``. Matching never uses these: they are for what a reader sees.
    """
    actor = actor_dictionary().get(actor_id)
    if actor is None:
        return None
    if lang == "en" or lang not in _DISPLAY_LANGS:
        return actor.name
    shown = _display_table().get(actor_id) or _state_display(actor_id, lang)
    if isinstance(shown, dict):
        return shown.get(lang) or actor.name
    if shown:
        return shown
    alias = _first_aliases().get(actor_id, {}).get(lang)
    return _with_acronym(alias, actor.name) if alias else actor.name


def actor_display_by_name(name: str, lang: str) -> str | None:
    """The display name of the actor whose canonical name is ``name`` (story labels and index rows keep only the
    name); ``None`` when no actor has that canonical name."""
    actor_id = _ids_by_name().get(name)
    return actor_display(actor_id, lang) if actor_id else None


@lru_cache(maxsize=1)
def _ids_by_name() -> dict[str, str]:
    out: dict[str, str] = {}
    for actor in actor_dictionary().actors.values():
        out.setdefault(actor.name, actor.id)  # the first actor listed keeps a shared name
    return out


@lru_cache(maxsize=1)
def _display_table() -> dict[str, dict[str, str]]:
    """``display.tsv``: role or generic id -> language -> template."""
    out: dict[str, dict[str, str]] = {}
    for row in _read("display.tsv"):
        if len(row) != 1 + len(_DISPLAY_LANGS):
            raise ResourceError(f"data/actors/display.tsv: row {row[:1]} needs 4 tab-separated columns (key en es pt)")
        out[row[0]] = dict(zip(_DISPLAY_LANGS, (c.strip() for c in row[1:]), strict=True))
    return out


def _state_display(actor_id: str, lang: str) -> str | None:
    """``mil-iq`` in ``lang`` from the role's template and the country's name in that language."""
    role, _, iso = actor_id.partition("-")
    template = _display_table().get(role, {}).get(lang) if role in _ROLE_NAMES else None
    country = countries().get(iso.upper())
    if not template or country is None:
        return None
    names = country.names.get(lang) or country.names.get("en") or (country.iso2,)
    return template.format(country=names[0])


@lru_cache(maxsize=1)
def _first_aliases() -> dict[str, dict[str, str]]:
    """Named actor id -> language -> its first alias in that language (capitalised: "talibanes" -> "Talibanes")."""
    out: dict[str, dict[str, str]] = {}
    for name in ("actors.tsv", "generic.tsv"):  # aliases_es and aliases_pt are columns 7 and 8 of both files
        for row in _read(name):
            cells = [*row, "", ""][6:8]
            by_lang = dict(zip(("es", "pt"), (_split(c) for c in cells), strict=True))
            out[row[0]] = {lang: a[0][:1].upper() + a[0][1:] for lang, a in by_lang.items() if a}
    return out


def _with_acronym(alias: str, canonical: str) -> str:
    """``alias`` plus the acronym in parentheses that ends ``canonical``, unless the alias already holds it."""
    if not canonical.endswith(")") or "(" not in canonical:
        return alias
    acronym = canonical[canonical.rindex("(") + 1 : -1]
    if not (acronym.replace("-", "").isalnum() and acronym.isupper() and len(acronym) <= 8):
        return alias  # "(Somalia)", "(Cabo Delgado insurgents)": a note, not an acronym
    return alias if acronym in alias else f"{alias} ({acronym})"
