"""The ``events`` stage: who did what to whom, where and when, coded in PLOVER with an ACLED projection.

Per sentence: trigger words from the language's lexicon (``lang/<code>/triggers.tsv``, matched on folded
surface
forms and lookup lemmas) become :class:`Event` records. Arguments come from token rules, because the blank
spaCy
pipelines have no parser: the actor is the nearest dictionary actor before an active trigger, the recipient
the
nearest after it; a passive ("were killed by", "fueron asesinados por", "foram mortos pelo") swaps them and
takes
its agent from after the "by" cue; coordinated actors become lists. Flags (negated, future, hypothetical,
historical) come from per-language cue lists (``lang/<code>/event_flags.txt``). Place, date, figures and
claims
fill in from the places, time, figures and claims stages when they ran. See ``docs/events.md``.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, ClassVar

from spacy.tokens import Doc

from ..actors import (
    ActorDictionary,
    ActorMatch,
    Unit,
    actor_dictionary,
    demonym_country,
    fold,
    generic_roles,
    make_units,
    text_keys,
)
from ..config import Config
from ..errors import ResourceError
from ..nlp import lang_resource
from ..pipeline import register_stage
from ..predicate import structure
from ..records import ActorMention, Article, Event, Figure, Place, Span
from ..taxonomy import ARMED, EXPLOSIONS, NON_STATE_ARMED, PLOVER_TYPES, PROTESTS, acled_for, event_rank
from .event_args import FUSED, ArgumentFinder, arg_words, is_num, pp_opening, word_in
from .event_discourse import CLAIMED, IMPLICIT_ACTOR, ArticleContext, DiscourseWords, attribute

# ---------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class Element:
    alts: frozenset[str]
    surface_only: bool = False
    gap: bool = False  # "*": 0-3 ordinary units
    lower_only: bool = False  # "==march": the verb, never the capitalised month


@dataclass(frozen=True, slots=True)
class TriggerPattern:
    elements: tuple[Element, ...]
    plover: str
    mode: str | None
    hint: str | None
    line: int
    text: str

    @property
    def weak(self) -> bool:
        return self.hint == "weak"


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # unit index
    end: int  # exclusive
    pattern: TriggerPattern


def _slot(raw: str, lang: str) -> list[list[Element]]:
    """The element sequences one pattern slot stands for: usually one. An alternative that the text backbone cuts
    into several units ("cessar-fogo", "negarse") cannot share an element with one-unit alternatives, so it
    becomes a variant of its own ("trégua|cessar-fogo" = "trégua" or "cessar" "fogo")."""
    if raw == "*":
        return [[Element(frozenset(), gap=True)]]
    surface = raw.startswith("=")
    lower = raw.startswith("==")
    raw = raw.lstrip("=")
    keyed = [text_keys(a, lang) for a in raw.split("|")]
    variants: list[list[Element]] = []
    single = frozenset(k[0] for k in keyed if len(k) == 1)
    if single:
        variants.append([Element(single, surface, lower_only=lower)])
    for keys in keyed:
        if len(keys) > 1:
            variants.append([Element(frozenset({k}), surface, lower_only=lower) for k in keys])
    return variants


#: most variants one lexicon line may expand to (a guard against a typo multiplying patterns)
_MAX_VARIANTS = 16


class TriggerLexicon:
    """Patterns indexed by the keys of their first element; longest match wins, then earlier line.

    Patterns whose second element is a fixed word are filed under that word too (``pairs``), so that a unit
    such as "se", "en" or "the", which opens hundreds of patterns, only tries those whose second word follows.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.single: dict[str, list[TriggerPattern]] = {}  # one element, or a gap second
        self.pairs: dict[str, dict[str, list[TriggerPattern]]] = {}  # first key -> second key -> patterns
        for lineno, line in enumerate(lang_resource(lang, "triggers.tsv").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            self._add(line, lineno)

    def _add(self, line: str, lineno: int) -> None:
        cols = line.split("\t")
        if len(cols) < 4:
            raise ResourceError(f"lang/{self.lang}/triggers.tsv:{lineno}: expected 4+ tab-separated columns")
        pattern, plover, mode, hint = (c.strip() for c in cols[:4])
        slots = [_slot(raw, self.lang) for raw in pattern.split()]
        if math.prod(len(s) for s in slots) > _MAX_VARIANTS:
            raise ResourceError(f"lang/{self.lang}/triggers.tsv:{lineno}: too many multi-unit alternatives; "
                                "split the line")
        for variant in itertools.product(*slots):
            elements = tuple(e for part in variant for e in part)
            self._index(elements, plover, mode, hint, lineno, pattern)

    def _index(self, elements: tuple[Element, ...], plover: str, mode: str, hint: str, lineno: int,
               pattern: str) -> None:
        if not elements or elements[0].gap:
            raise ResourceError(f"lang/{self.lang}/triggers.tsv:{lineno}: a pattern cannot start with '*'")
        tp = TriggerPattern(
            elements, plover, None if mode == "-" else mode, None if hint == "-" else hint, lineno, pattern
        )
        for key in elements[0].alts:
            if len(elements) == 1 or elements[1].gap:
                self.single.setdefault(key, []).append(tp)
            else:
                seconds = self.pairs.setdefault(key, {})
                for second in elements[1].alts:
                    seconds.setdefault(second, []).append(tp)

    def match(self, units: Sequence[Unit]) -> list[Hit]:
        hits: list[Hit] = []
        i, n = 0, len(units)
        while i < n:
            best = self._best_at(units, i)
            if best is None:
                i += 1
                continue
            hits.append(best)
            i = best.end
        return hits

    def _best_at(self, units: Sequence[Unit], i: int) -> Hit | None:
        u = units[i]
        if u.punct:
            return None
        nxt = units[i + 1] if i + 1 < len(units) else None
        cands = self._candidates(u.key, nxt)
        if u.lemma != u.key:
            cands = cands + self._candidates(u.lemma, nxt)
        best: Hit | None = None
        for tp in cands:
            end = _match_from(tp.elements, units, i)
            if end is None:
                continue
            if best is None or end > best.end or (end == best.end and tp.line < best.pattern.line):
                best = Hit(i, end, tp)
        return best

    def _candidates(self, key: str, nxt: Unit | None) -> list[TriggerPattern]:
        """The patterns that may start with ``key`` before the unit ``nxt`` (checked in full by the caller)."""
        out = self.single.get(key, [])
        seconds = self.pairs.get(key)
        if seconds and nxt is not None:
            out = out + seconds.get(nxt.key, [])
            if nxt.lemma != nxt.key:
                out = out + seconds.get(nxt.lemma, [])
        return out


def _unit_ok(el: Element, u: Unit) -> bool:
    if el.lower_only and u.upper:
        return False
    return u.key in el.alts or (not el.surface_only and u.lemma in el.alts)


def _match_from(elements: Sequence[Element], units: Sequence[Unit], i: int) -> int | None:
    """End unit index of a match of ``elements`` starting at ``i`` (None if no match)."""
    if not _unit_ok(elements[0], units[i]):
        return None
    pos = i + 1
    k = 1
    while k < len(elements):
        el = elements[k]
        if el.gap:
            end = _gap_end(elements[k + 1] if k + 1 < len(elements) else None, units, pos)
            if end is None:
                return None
            pos, k = end, k + 2
            continue
        if pos >= len(units) or not _unit_ok(el, units[pos]):
            return None
        pos += 1
        k += 1
    return pos


def _gap_end(nxt: Element | None, units: Sequence[Unit], pos: int) -> int | None:
    """Where a "*" gap ends: after the unit matching ``nxt`` found past at most 3 ordinary units. Punctuation
    closes the gap, except the hyphen inside a compound ("a two-goal lead"), which is free."""
    skipped = 0
    j = pos
    while nxt is not None and j < len(units) and skipped <= 3:
        if _unit_ok(nxt, units[j]):
            return j + 1
        if units[j].punct and units[j].key != "-":
            return None
        skipped += units[j].key != "-"
        j += 1
    return None


# ---------------------------------------------------------------- cue lists


@dataclass(frozen=True, slots=True)
class Cues:
    sections: dict[str, tuple[tuple[str, ...], ...]]
    suffixes: dict[str, tuple[str, ...]]
    wordsets: dict[str, frozenset[str]]  # one-unit cues per section, precomputed: read for every trigger
    indexes: dict[str, dict[str, list[tuple[str, ...]]]]  # first key -> cues, per section

    def get(self, name: str) -> tuple[tuple[str, ...], ...]:
        return self.sections.get(name, ())

    def words(self, name: str) -> frozenset[str]:
        return self.wordsets.get(name, frozenset())

    def index(self, name: str) -> dict[str, list[tuple[str, ...]]]:
        return self.indexes.get(name, {})


def _read_cues(lang: str, name: str) -> Cues:
    sections: dict[str, list[tuple[str, ...]]] = {}
    suffixes: dict[str, list[str]] = {}
    current = ""
    for raw in lang_resource(lang, name).splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        if line.startswith("~"):
            # kept with their accents: folded, the future "atacará" would match the subjunctive "atacara"
            suffixes.setdefault(current, []).append(line[1:].lower())
            continue
        keys = tuple(fold(line).split()) if line in (";", ",") else text_keys(line, lang)
        sections.setdefault(current, []).append(keys)
    words = {k: frozenset(c[0] for c in v if len(c) == 1) for k, v in sections.items()}
    indexes: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for name, cues in sections.items():
        for cue in cues:
            if cue:
                indexes.setdefault(name, {}).setdefault(cue[0], []).append(cue)
    return Cues({k: tuple(v) for k, v in sections.items()}, {k: tuple(v) for k, v in suffixes.items()}, words, indexes)


@dataclass(frozen=True)
class LangRules:
    lang: str
    lexicon: TriggerLexicon
    flags: Cues
    args: Cues
    breaks: frozenset[str]
    coord: frozenset[str]
    agent: frozenset[str]
    aux: dict[str, list[tuple[str, ...]]]
    locative: frozenset[str]
    target_locative: frozenset[str]  # locatives that also mark a target: "sanctions on Iran"
    place_nouns: frozenset[str]
    weapon_nouns: frozenset[str]
    person_nouns: frozenset[str]
    between: frozenset[str]
    stop_caps: frozenset[str]
    dying: frozenset[str]  # death verbs and words for the dead ("died", "muertos"), read for every sentence


@lru_cache(maxsize=4)
def rules_for(lang: str) -> LangRules:
    """Compiled lexicon and cue lists of one language (built once per process)."""
    flags = _read_cues(lang, "event_flags.txt")
    args = _read_cues(lang, "event_args.txt")
    return LangRules(
        lang=lang,
        lexicon=TriggerLexicon(lang),
        flags=flags,
        args=args,
        breaks=args.words("clause_break"),
        coord=args.words("coordination"),
        agent=args.words("agent"),
        aux=args.index("passive_aux"),
        locative=args.words("locative"),
        target_locative=args.words("target_locative"),
        place_nouns=args.words("place_nouns"),
        weapon_nouns=args.words("weapon_nouns"),
        person_nouns=args.words("person_nouns"),
        between=args.words("between"),
        # capitalised sentence openers that never start a name: the stop list plus every one-word cue
        stop_caps=args.words("stop_caps") | frozenset(w for sec in flags.sections for w in flags.words(sec)),
        dying=args.words("death_verbs") | args.words("dead_words"),
    )


def _cue_before(
    units: Sequence[Unit],
    index: dict[str, list[tuple[str, ...]]],
    lo: int,
    hi: int,
    unless: dict[str, list[tuple[str, ...]]] | None = None,
) -> bool:
    """True when a cue sequence (from a first-key ``index``) lies entirely inside units[lo:hi]. A cue word that
    opens a phrase of ``unless`` does not count ("sin embargo" is "however", not a negation)."""
    for s in range(lo, hi):
        if unless and _starts_phrase(units, s, unless):
            continue
        for cue in index.get(units[s].key, ()):
            k = len(cue)
            if s + k <= hi and all(units[s + j].key == cue[j] for j in range(1, k)):
                return True
    return False


#: Spanish and Portuguese past-participle endings (killed, wounded, detained, kidnapped ...)
_PARTICIPLE_ENDINGS = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "to", "ta", "tos", "tas")


def _armed_only(drafts: Sequence[Draft]) -> None:
    """Fleeing, crossing, targeting or stealing (hint "armed") is an event only when an armed side does it ("the
    soldiers fled the town", "troops will cross the river"); people escaping violence or migrants crossing a
    border are not."""
    sanction = next((d.hit.start for d in drafts if d.plover == "SANCTION" and not d.negated), None)
    for d in drafts:
        if d.hint is None or not d.hint.startswith("armed"):
            continue
        # "armed+loot": theft by an armed side is looting; by a gang or anyone else it is a crime ACLED leaves out
        rest = d.hint.partition("+")[2] or None
        # a bare country name is no armed side here: "Australia beat Colombia", "Norway's output beat forecasts"
        armed = [a for a in d.actors if _armed_party(a) and (rest != "loot" or a.sector != "CRM")]
        # "sanctions against the government, targeting ten officials": the measure's reach, not an attack
        reach = sanction is not None and sanction < d.hit.start
        d.hint = rest if armed and not reach else "drop"


def _manner(units: Sequence[Unit], drafts: Sequence[Draft]) -> range | None:
    """The units right after a use of force on a crowd ("reprimiu violentamente", "reprimió con violencia"):
    they tell how the force was used, not that the crowd was violent."""
    force = next((d for d in drafts if d.hint == "crowd" or d.mode == "crowd-control"), None)
    return range(force.hit.end, min(len(units), force.hit.end + 3)) if force is not None else None


def _crowd_keys(units: Sequence[Unit], drafts: Sequence[Draft]) -> set[str]:
    """The sentence's undenied words, without the manner of a use of force."""
    manner = _manner(units, drafts)
    keys = _undenied_keys(units, drafts)
    return keys - {units[k].key for k in manner} if manner is not None else keys


def _drop_manner(units: Sequence[Unit], drafts: list[Draft]) -> None:
    """A bare word of violence that is the manner of a use of force ("com violência") is no event of its own."""
    manner = _manner(units, drafts)
    if manner is not None:
        drafts[:] = [d for d in drafts if not (d.plover == "ASSAULT" and d.mode is None and d.hint is None
                                               and d.hit.start in manner)]


def _undenied_keys(units: Sequence[Unit], drafts: Sequence[Draft]) -> set[str]:
    """The sentence's word keys without negated triggers: "no hubo enfrentamientos durante la marcha" tells of
    violence that did not happen, so it cannot make the march a riot."""
    denied = {k for d in drafts if d.negated for k in range(d.hit.start, d.hit.end)}
    return {u.key for k, u in enumerate(units) if k not in denied}


def _cue_at(units: Sequence[Unit], index: dict[str, list[tuple[str, ...]]], lo: int, hi: int) -> int | None:
    """Where the first cue sequence of a first-key ``index`` starts inside units[lo:hi], else None."""
    for s in range(lo, hi):
        if _starts_phrase(units, s, index, hi):
            return s
    return None


def _before_apposition(units: Sequence[Unit], at: int) -> int:
    """Where the subject before ``at`` ends when an apposition sits between them ("O JNIM, ligado à Al-Qaeda,
    reivindicou": JNIM, not Al-Qaeda): the comma that opens it; else ``at`` itself."""
    if at < 2 or units[at - 1].key != ",":
        return at
    opening = next((k for k in range(at - 2, -1, -1) if units[k].key == ","), None)
    return opening if opening is not None and opening > 0 else at


def _fought_for(drafts: Sequence[Draft]) -> None:
    """ "troops retook the district after two days of fighting with Islamic State militants", "recuperó el control
    tras combates con el ELN": the armed side fought later in the sentence lost the place (the taking's target,
    first), and the fight was the taker's."""
    for d in drafts:
        if d.hint not in ("regain", "overtake") or not any(a.text for a in d.actors):
            continue
        fight = next((x for x in drafts if x.plover == "ASSAULT" and x.hit.start > d.hit.start
                      and not any(a.text for a in x.actors)
                      and any(r.text and r.actor_type in ARMED for r in x.recipients)), None)
        if fight is None:
            continue
        losers = [r for r in fight.recipients if r.text and r.actor_type in ARMED]
        fight.actors = list(d.actors)
        d.recipients = losers + [r for r in d.recipients if r not in losers]


def _intercepted(units: Sequence[Unit], drafts: Sequence[Draft]) -> None:
    """ "shot down 20 Russian drones", "derribó dos drones": the weapon right after an interception is its
    object, not an attack of its own (the interception is ACLED's disrupted weapons use)."""
    for a, b in itertools.pairwise(drafts):
        if a.plover == "COERCE" and a.hint == "weapons" and b.plover == "ASSAULT" and b.hit.start - a.hit.end <= 4:
            b.hint = "drop"


def _starts_phrase(
    units: Sequence[Unit], s: int, index: dict[str, list[tuple[str, ...]]], hi: int | None = None
) -> bool:
    """True when a cue sequence of a first-key ``index`` starts at unit ``s`` and ends by ``hi``."""
    hi = len(units) if hi is None else hi
    for cue in index.get(units[s].key, ()):
        if s + len(cue) <= hi and all(units[s + j].key == cue[j] for j in range(1, len(cue))):
            return True
    return False


# ---------------------------------------------------------------- the sentence analysis


@dataclass
class Draft:
    hit: Hit
    plover: str
    mode: str | None
    hint: str | None
    actors: list[ActorMention]
    recipients: list[ActorMention]
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    historical: bool = False
    acled: tuple[str, str] | None = None
    rule: str = ""
    background: bool = False  # "after two days of fighting": context for the main event, not the news
    embedded: bool = False  # not the sentence's main predicate ("condemns the attack": the attack)
    procedural: bool = False  # the sentence opens with a procedural cue ("Recalling its resolution …")
    force: ActorMention | None = None  # the force an adjective inside the trigger names ("operação policial")


_YEAR = re.compile(r"^(1[0-9]|20)\d\d$")
#: words before an old year ("in 1812", "em 1385"): before 1900 a bare four-digit number is more often a count
_OLD_YEAR_PREPS = frozenset({"in", "en", "em", "of", "de", "del", "do", "da", "since", "desde", "year", "ano",
                             "around", "hacia", "circa", "c."})
#: "1990s", "1960's": a decade (issue 4, flags review)
_DECADE = re.compile(r"^((?:18|19|20)\d0)'?s$")
#: Spanish and Portuguese preposition + article contractions before a noun (flag helpers)
_CONTRACTED = frozenset({"del", "al", "da", "do", "das", "dos", "na", "nas", "pela", "pelo", "una", "uma", "un", "um"})



class SentenceCoder:
    """Codes one sentence: triggers, flags, arguments, crosswalk."""

    def __init__(
        self,
        rules: LangRules,
        actors: ActorDictionary,
        text: str,
        published: date | None,
        context_countries: frozenset[str],
    ) -> None:
        self.r = rules
        self.dict = actors
        self.text = text
        self.published = published
        self.ctx = context_countries
        # set per sentence by the stage (its paragraph or itself names a disaster); None: read the sentence
        self.disaster_context: bool | None = None
        # a protest told in one of the last few sentences: property destroyed now is part of it
        self.protest_context = False
        self.sport_context = False  # the article is a sports or video-game report (see _sport_article)
        self.place_spans: list[Span] = []  # places found by the places stage: never unresolved actors
        self.args = ArgumentFinder(self, arg_words(rules.lang, rules.args, rules.stop_caps))

    def code(self, units: Sequence[Unit], matches: list[ActorMatch]) -> list[Draft]:
        hits = self.r.lexicon.match(units)
        if not hits and not any(m.actors[0].actor_type == "protesters" for m in matches):
            return []
        headline = _headline(units)
        hits = [h for h in hits if not _inside_actor(h, matches) and (headline or not _inside_name(units, h))]
        # in a title-case headline capitals mark no names: the trigger words are no part of an actor's name
        caps = sum(u.text.isupper() for u in units if not u.punct) * 2 >= len(units)
        self.args.plain = {k for h in hits for k in range(h.start, h.end)} if headline and not caps else set()
        if caps and len(units) >= 4:
            # an all-caps line marks no names at all: only the dictionary's actors are parties there, and an
            # acronym that is also a function word ("UN" in "ATAQUE CONTRA UN HOTEL") is that word
            self.args.plain = set(range(len(units)))
            function = self.args.w.function
            matches = [m for m in matches if m.end_unit - m.start_unit > 1 or units[m.start_unit].key not in function]
        drafts: list[Draft] = []
        for k, h in enumerate(hits):
            drafts.append(self._draft(units, h, matches, hits[k - 1].end if k else 0))
            self._share_subject(units, drafts)
        starts = [u.start for u in units]
        _resumed(drafts)
        _inverted_speakers(units, drafts)
        _relative_history(units, drafts)
        self._the_dead(units, drafts)
        self._resultative(units, starts, drafts)
        self._victims_of_cause(units, drafts)
        self._agent_of_cause(units, matches, drafts)
        self._weapon_owners(units, drafts)
        self._moved_forces(units, drafts)
        self._carried_out(units, drafts)
        self._labour_strikes(units, drafts)
        self._bystanders(units, starts, drafts)
        self._instruments(units, drafts)
        self._claimed(units, drafts)
        self._denied_deed(units, drafts)
        self._reduced_passive(units, drafts)
        self._fallen(units, drafts)
        _fought_for(drafts)
        _intercepted(units, drafts)
        _armed_only(drafts)
        deadly = self._deadly(units, drafts)
        drafts = [d for d in _drop_weak(drafts) if d.hint != "drop"]
        self._complements(units, drafts)
        self._causes(units, drafts)
        self._implicit_protest(units, matches, drafts)
        self._banned_protests(units, drafts)
        self._sentence_modes(units, drafts)
        self._disease_toll(units, drafts)
        self._verbal_attacks(units, drafts)
        if not deadly and self._sport(units, drafts):
            drafts = [d for d in drafts if not _play(d)]
        _raids(drafts, deadly)
        drafts = _drop_weak(drafts)  # a deadly raid now stands for the deaths it caused
        self._protest_context(units, matches, drafts)
        if self.protest_context:
            _protest_aftermath(drafts)
        _sentence_adjust(drafts, deadly)
        _attacked_bases(drafts)
        self._unopposed(units, drafts)
        _promises(drafts)
        _freed_captives(units, drafts)
        self._offers(units, drafts)
        _agreed_what(drafts)
        for d in drafts:
            code = acled_for(
                d.plover,
                d.mode,
                d.hint,
                [a.actor_type for a in d.actors],
                _recipient_types(d, self.r) + self._target_type(units, d) + _deal_sides(d, matches),
            )
            d.acled = (code.event_type, code.sub_event_type) if code and d.hint != QUAD_ONLY else None
        self._structure(units, drafts, matches)
        return drafts

    def _structure(self, units: Sequence[Unit], drafts: list[Draft], matches: list[ActorMatch]) -> None:
        """Mark the triggers that are not the sentence's main predicate (see :mod:`wirewatch.predicate`)."""
        if not drafts:
            return
        # "the summit leaders declared ...", "the protest organisers said ...": an English noun trigger (after a
        # determiner) that modifies the actor noun after it is no predicate, and governs nothing
        starts = {m.start_unit for m in matches if not units[m.start_unit].upper}
        determiners = self.args.w.determiners
        en = self.r.lang == "en"
        modifiers = [
            en and d.hit.end in starts and d.hit.start > 0 and units[d.hit.start - 1].key in determiners for d in drafts
        ]
        rest = [d for d, m in zip(drafts, modifiers, strict=True) if not m]
        st = structure(units, [(d.hit.start, d.hit.end) for d in rest], self.r.lang)
        embedded = dict(zip(map(id, rest), st.embedded, strict=True))
        for d in drafts:
            d.embedded, d.procedural = embedded.get(id(d), True), st.procedural

    # ---- one trigger

    def _draft(self, units: Sequence[Unit], hit: Hit, matches: list[ActorMatch], prev_end: int) -> Draft:
        tp = hit.pattern
        d = Draft(hit, tp.plover, tp.mode, tp.hint, [], [], rule=f"events:{self.r.lang}:{tp.line}:{tp.text}")
        lo = self._clause_start(units, hit.start)
        self._flags(units, hit, lo, d)
        back = self.r.args.words("background")
        # the cue may be the word that opened the clause ("agreed a truce after the worst fighting")
        d.background = any(u.key in back for u in units[max(lo - 1, hit.start - 8, 0) : hit.start])
        # "claimed responsibility for the attack", "denied its planes were responsible for air strikes":
        # the news is the attribution, the attack is what it is about
        attribution = self.r.args.words("attribution")
        d.background |= any(u.key in attribution for u in units[max(lo, hit.start - 8) : hit.start])
        d.background |= self._attributive(units, d)
        if self._standing(units, d):
            # "the besieged city", "300 wounded civilians", "la ciudad sitiada": a state, not a new assault
            d.background, d.hint = True, QUAD_ONLY
        # an actor before an earlier trigger belongs to that trigger ("people were killed in a bombing")
        self._arguments(units, hit, max(lo, prev_end), matches, d)
        self._objects(units, hit, matches, d)
        self._air(units, matches, d)
        if d.plover == "COERCE" and d.mode == "raid":  # only a raid reads it (_raids)
            d.force = self._trigger_force(units, hit)
        return d

    def _trigger_force(self, units: Sequence[Unit], hit: Hit) -> ActorMention | None:
        """ "operação policial", "operativo militar": an adjective of the trigger that names who acts."""
        police, military = self.r.args.words("police_adjectives"), self.r.args.words("military_adjectives")
        for k in range(hit.start, hit.end):
            key = units[k].key
            actor_id = "gen-police" if key in police else "gen-military" if key in military else None
            actor = self.dict.get(actor_id) if actor_id else None
            if actor is not None:
                return actor.mention_at(Span(units[k].start, units[k].end), units[k].text, "actors:trigger-adjective")
        return None

    def _attributive(self, units: Sequence[Unit], d: Draft) -> bool:
        """ "the arrested man's brother", "las niñas secuestradas fueron liberadas", "o homem preso": a
        participle that describes people tells a captivity that began before the sentence's news. The arrest
        or abduction stays an event, told as background. Not before an agent or a time ("detenido ayer por la
        policía"), where the participle still tells the deed."""
        if d.mode not in ("arrest", "abduct") or d.hit.end - d.hit.start != 1:
            return False
        i, args = d.hit.start, self.r.args
        if not units[i].key.endswith(tuple(args.words("participle_endings"))):
            return False
        after = units[i + 1] if i + 1 < len(units) else None
        dets = args.words("attributive_determiners")
        if self.r.lang != "en" and i > 0 and self._nominal_participle(units, i, dets):
            # a noun names people held, wherever they are; only an agent after it tells the deed
            return after is None or after.key not in self.args.w.agent
        if after is not None and after.key in args.words("attributive_blockers"):
            return False
        if after is None or after.punct:
            return False
        if self.r.lang == "en":  # before its noun: "the detained suspects"
            return i > 0 and units[i - 1].key in dets and after.key.isalpha() and not after.upper
        # after its noun: "el hombre detenido", "das meninas sequestradas"
        return i > 1 and units[i - 2].key in dets and units[i - 1].key.isalpha() and not units[i - 1].upper

    def _standing(self, units: Sequence[Unit], d: Draft) -> bool:
        """A participle of harm that describes people or a place (`[standing_participles]`): before its noun in
        English ("the besieged city", "dozens of wounded soldiers"), after it in Spanish and Portuguese ("la
        ciudad sitiada", "os civis feridos")."""
        i = d.hit.start
        if d.plover != "ASSAULT" or d.hit.end - i != 1 or units[i].key not in self.r.args.words("standing_participles"):
            return False
        after = units[i + 1] if i + 1 < len(units) else None
        prev = units[i - 1] if i > 0 else None
        if prev is None:
            return False
        if self.r.lang == "en":
            lead = prev.key in self.r.args.words("attributive_determiners") or prev.key == "of" or is_num(prev)
            return lead and after is not None and after.key.isalpha() and not after.upper
        if after is not None and after.key in self.r.args.words("attributive_blockers"):
            return False  # "tres civiles heridos en el ataque": the harm is told
        noun = prev.key.isalpha() and not prev.upper and prev.key not in self.r.aux
        return noun and i > 1 and (units[i - 2].key in self.r.args.words("attributive_determiners")
                                   or is_num(units[i - 2]))

    def _nominal_participle(self, units: Sequence[Unit], i: int, dets: frozenset[str]) -> bool:
        """A participle used as a noun: "los familiares de los detenidos", "torturar a detenidos", "El detenido
        fue trasladado": after a preposition (with or without a determiner), or after a determiner when a
        preposition, an auxiliary or the end of the clause follows."""
        preps = self.args.w.prepositions | _FUSED_PREPS
        prev, prev2 = units[i - 1].key, units[i - 2].key if i > 1 else ""
        if prev in preps or (prev in dets and prev2 in preps):
            return True
        after = units[i + 1] if i + 1 < len(units) else None
        if after is not None and after.key in self.r.args.words("attributive_blockers"):
            return False  # "Los detenidos ayer ...", "los detenidos en la marcha": the deed is told
        return prev in dets and (after is None or after.punct or after.key in preps or after.key in self.r.aux)

    def _disease_toll(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "Sri Lanka has had 20,170 cases, including 87 deaths", "the first coronavirus-related death": deaths
        counted beside an epidemic or its cases are a disease toll, not an assault, unless an armed side or a
        weapon is named."""
        toll, kills = self.r.args.words("toll_words"), self.r.args.words("toll_kills")
        if not any(d.plover == "ASSAULT" and word_in(units[d.hit.start], toll | kills) for d in drafts):
            return
        toll = toll | self._disease_kills(units)
        keys = {u.key for u in units} | {u.lemma for u in units}
        # "Minas Gerais" names a state, not landmines: only lower-case words can be weapons
        common = {k for u in units if not u.upper for k in (u.key, u.lemma)}
        if not keys & self.r.args.words("epidemic") or common & self.r.weapon_nouns:
            return
        for d in drafts:
            named = [a for a in d.actors if a.rule != IMPLICIT_ACTOR]
            if d.plover == "ASSAULT" and word_in(units[d.hit.start], toll) and not any(map(_armed_party, named)):
                d.hint = "drop"
        drafts[:] = [d for d in drafts if d.hint != "drop"]

    def _disease_kills(self, units: Sequence[Unit]) -> frozenset[str]:
        """The kill verbs of the sentence whose subject is an epidemic word ("a dengue já matou", "the cholera
        outbreak has killed"): not "en plena pandemia mataron a veinte líderes", where a preposition makes the
        epidemic the time, not the killer."""
        kills, epidemic = self.r.args.words("toll_kills"), self.r.args.words("epidemic")
        w = self.args.w
        out: set[str] = set()
        for k, u in enumerate(units):
            if not word_in(u, kills):
                continue
            e = next((j for j in range(max(0, k - 5), k) if word_in(units[j], epidemic)), None)
            if e is None:
                continue
            j = e - 1  # back over its determiner or one modifier ("en plena pandemia")
            while j >= 0 and e - j <= 2 and units[j].key not in w.prepositions and not units[j].punct:
                j -= 1
            if j < 0 or units[j].punct or units[j].key in w.determiners or e - j > 2:
                out.update((u.key, u.lemma))
        return frozenset(out)

    def _verbal_attacks(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "Republicans attacked the senator over her tax plan", "atacó al presidente en el debate": a bare
        attack on a person in office, told with a forum or a reason and no weapon, harm or armed side, is
        criticism (ACCUSE), not violence."""
        assaults = [d for d in drafts if d.plover == "ASSAULT"]
        if len(assaults) != 1:
            return  # none, or another assault in the sentence (killed, machetes) makes it violence
        d = assaults[0]
        if d.mode is not None or d.hit.end - d.hit.start != 1 or d.negated or not d.recipients:
            return
        if not word_in(units[d.hit.start], self.r.args.words("verbal_attack_words")):
            return
        if not all(map(_office_or_person, d.recipients)) or not self._verbal_setting(units):
            return
        blockers = self.r.args.words("verbal_attack_blockers")
        if any(word_in(u, blockers) or word_in(u, self.r.weapon_nouns) for u in units):
            return
        if any(_armed_party(a) and a.sector not in _OFFICE_SECTORS and a.rule != IMPLICIT_ACTOR for a in d.actors):
            return  # soldiers, rebels or gunmen who attack an official: violence
        d.plover, d.mode, d.hint = "ACCUSE", "disapprove", None
        d.actors = [a for a in d.actors if a.rule != IMPLICIT_ACTOR]
        d.rule += "+verbal"

    def _verbal_setting(self, units: Sequence[Unit]) -> bool:
        """A forum of words ("in the debate", "on Twitter") or a stated reason ("over her plan", "por su
        gestión") in the sentence."""
        forums = self.r.args.words("verbal_forums")
        reasons = set(self.r.args.get("verbal_reasons"))
        pairs = {(a.key, b.key) for a, b in itertools.pairwise(units)}
        return any(word_in(u, forums) for u in units) or bool(pairs & reasons)

    def _sentence_modes(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """Words anywhere in the sentence that fix how an assault was done: "suicide", "chemical", stones."""
        keys = {u.key for u in units}
        suicide = bool(keys & self.r.args.words("suicide"))
        chemical = bool(keys & self.r.args.words("chemical"))
        riot = self._riot_cue(_crowd_keys(units, drafts)) or any(d.hint == "loot" for d in drafts)
        weapons = any(d.hint == "weapons" for d in drafts)
        known = self.disaster_context
        disaster = known if known is not None else _names_disaster(units, self.r)
        # a crash told with a clash word ("un choque entre un autobús y un tráiler"): its dead are no violence
        disaster |= any(d.hint == ACCIDENT for d in drafts)
        test = bool(keys & self.r.args.words("not_attack"))
        # a plant, warehouse or container that blew up, with no bomb or device named: an accident (a blast or a
        # fire only: "Russia shelled the plant" is shelling)
        industrial = bool(keys & self.r.args.words("industrial")) and not keys & self.r.weapon_nouns
        for d in drafts:
            if d.plover != "ASSAULT":
                continue
            if d.mode in ("heavy-weapons", "explosives") and self._tested(units, d):
                d.hint = "drop"  # "a ballistic missile test", "its test of a hydrogen bomb", whoever holds it
                continue
            if d.hint == ACCIDENT:
                d.hint = "drop"
                continue
            # a country named near the verb ("villages in Nepal and India, killing hundreds") is no perpetrator
            if any(map(_armed_party, d.actors)):
                continue
            # an earthquake that "killed eight", a gas tank that "exploded", a missile "test": no assault
            accident = disaster or (industrial and d.mode in (None, "explosives", "destroy"))
            if (accident and d.hint not in ("overtake", "regain")) or (
                test and d.mode in ("heavy-weapons", "explosives", "aerial")
            ):
                d.hint = "drop"
        drafts[:] = [d for d in drafts if d.hint != "drop"]
        for d in drafts:
            if d.plover == "ASSAULT" and weapons and d.mode in ("explosives", "heavy-weapons"):
                # "police defused a bomb": the device is the object of the disruption, not an attack
                d.plover, d.mode, d.hint = "COERCE", "seize", "weapons"
            elif d.hint is not None and d.hint != "weak":
                continue  # a place taken, a grenade, a hostage: the trigger already says what happened
            elif d.plover == "ASSAULT" and suicide and d.mode in (None, "explosives"):
                d.mode = "suicide-attack"
            elif d.plover == "ASSAULT" and chemical and d.mode in (None, "explosives", "heavy-weapons", "aerial"):
                d.mode, d.hint = "unconventional", "chemical"
            elif d.plover == "PROTEST" and riot and d.mode == "demo":
                d.mode = "riot"

    def _sport(self, units: Sequence[Unit], drafts: list[Draft]) -> bool:
        """A sports report's play: a sport word in the sentence and only clash, shot or attack triggers whose
        sides are unknown names (clubs, players) or countries (national teams): "the clash between Rovers and
        Athletic kicks off at 3pm", "Brazil crushed Argentina 4-0 in the semifinal". Anyone the actor
        dictionary knows (police, fans, a journalist), or anyone hurt, keeps it violence."""
        assaults = [d for d in drafts if _play(d)]
        if not assaults:
            return False
        sport = self.r.args.words("sport")
        # a capitalised sport word names something else ("the Arab League", "Liga Nacional")
        if not self.sport_context and not any(u.key in sport and not u.upper for u in units):
            return False
        senses = self.r.args.words("sport_senses")
        return all(
            word_in(units[d.hit.start], senses)
            and not any(_known_party(a) and a.rule != IMPLICIT_ACTOR for a in (*d.actors, *d.recipients))
            for d in assaults
        )

    def _offers(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "Libya has offered to hand over the suspects", "Syria says it is willing to withdraw its troops",
        "se ofreció a liberar a los rehenes", "offered to negotiate": a concession, release, withdrawal or talks
        offered are, in PLOVER, an agreement made now (an offer); a plain "will" keeps the act, flagged future."""
        index = self.r.flags.index("offer")
        for d in drafts:
            if d.plover in _OFFERABLE and not (d.negated or d.hypothetical) and _cue_before(
                units, index, max(0, d.hit.start - 4), d.hit.start
            ):
                mode = d.mode if d.mode in PLOVER_TYPES["AGREE"].modes else None
                d.plover, d.mode, d.hint, d.future = "AGREE", mode, QUAD_ONLY, False

    def _deadly(self, units: Sequence[Unit], drafts: list[Draft]) -> bool:
        """A death verb the sentence asserts ("un estudiante habría muerto tras recibir el impacto de una bomba
        lacrimógena"): read before weak triggers give way to the stronger ones that caused it."""
        dying = self.r.dying
        return any(
            d.hit.pattern.weak and not _flagged(d) and units[d.hit.start].lemma in dying for d in drafts
        )

    def _riot_cue(self, keys: set[str]) -> bool:
        """Stones, clashes, violence in the sentence, unless it calls the crowd peaceful ("non-violent
        protesters", "a violent crackdown on peaceful demonstrators": the violence is not theirs)."""
        return bool(keys & self.r.args.words("riot_cues")) and not keys & self.r.args.words("peaceful")

    def _tested(self, units: Sequence[Unit], d: Draft) -> bool:
        """A test word right next to a weapon trigger ("missile tests", "test of a bomb", "prueba nuclear")."""
        words = self.r.args.words("not_attack")
        near = units[max(0, d.hit.start - 3) : d.hit.end + 3]
        return any(u.key in words or u.lemma in words for u in near)

    def _complements(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """A cooperative event named as the object of a stance ("rejected the deal", "demanded talks") is what
        the stance is about, not news of its own: it is kept but told as background."""
        for prev, d in itertools.pairwise(drafts):
            if prev.plover not in _STANCES or (d.plover not in _COOPERATIVE and prev.plover not in _CONFLICT_STANCES):
                continue
            gap = units[prev.hit.end : d.hit.start]
            if len(gap) <= 6 and not any(u.key in self.r.breaks for u in gap):
                d.background = True

    def _building_taken(self, nxt: list[str], d: Draft) -> bool:
        """A building, not a town, seized: "gunmen stormed a church" is an attack; "indígenas ocuparam a sede
        da Funai", "students occupied the rectorate" is a protest (an occupation by unarmed people)."""
        buildings, places, people = self.r.args.words("building_nouns"), self.r.place_nouns, self.r.person_nouns
        # the first noun that says what was taken: "captured two fugitives at a beach house" took people
        first = next((k for k in nxt if k in buildings or k in places or k in people), None)
        if first is None or first not in buildings or first in places or first in people:
            return False
        if d.actors and all(a.actor_type in ("civilians", "protesters") for a in d.actors):
            d.plover, d.mode, d.hint = "PROTEST", "obstruct", None
        else:
            d.hint = None  # an assault on the building
        return True

    def _claimed(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "Houthi rebels claimed responsibility for a drone attack", "el ELN se atribuyó el atentado": who
        claims an attack is its perpetrator (ACLED's actor), when the sentence names no other."""
        cues = self.r.args.index("claim_responsibility")
        for d in drafts:
            at = _cue_at(units, cues, 0, d.hit.start) if d.plover == "ASSAULT" else None
            if at is None:
                continue
            for x in drafts:  # "reivindicou o ataque": claiming an attack is no demand (pt/es "reivindicar")
                if x.plover == "REQUEST" and at <= x.hit.start < d.hit.start:
                    x.hint = "drop"
            claimant = [p for p in self.args.phrases if p.end <= _before_apposition(units, at) and p.match is not None]
            if claimant and not any(a.text for a in d.actors):
                d.actors = [self.args.mention(units, claimant[-1], self.published)]
            # marked, so that the article pass can give the claim to the attack an earlier sentence told
            d.actors = [dataclasses.replace(a, rule=CLAIMED) if a.text else a for a in d.actors]

    def _denied_deed(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "the rebels denied attacking the village", "el ELN negó en un comunicado haber atacado a la población":
        the deed a denial governs, with no subject of its own, is told of the one who denies it (its certainty
        comes from the claims stage). A finite verb after "that"/"que" has a subject of its own and is left."""
        aux = self.r.args.words("deed_aux")
        for a, b in itertools.pairwise(drafts):
            if a.plover != "REJECT" or a.mode != "deny" or not any(x.text for x in a.actors):
                continue
            if b.plover != "ASSAULT" or any(x.text for x in b.actors) or b.hit.start - a.hit.end > 5:
                continue
            gap = units[a.hit.end : b.hit.start]
            if any(u.punct or u.key in self.r.breaks for u in gap):
                continue
            deed = units[b.hit.start]
            perfect = bool(gap) and gap[-1].key in aux
            gerund = self.r.lang == "en" and deed.key.endswith("ing")
            infinitive = self.r.lang != "en" and deed.key == deed.lemma and deed.key.endswith(("ar", "er", "ir"))
            if perfect or gerund or infinitive:
                b.actors = [x for x in a.actors if x.text]

    def _reduced_passive(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "the protest ended with 30 people arrested", "left 20 people injured": a counted group of people
        right before an English participle with no object after it is what the verb was done to."""
        if self.r.lang != "en":
            return  # Spanish and Portuguese participles agree with their noun and are read as passives already
        counts = self.r.args.words("count_words")
        harm = self.r.args.words("harm_verbs")
        for d in drafts:
            first = units[d.hit.start]
            if len(d.actors) != 1 or d.recipients or not first.key.endswith("ed") or d.hit.start < 2:
                continue
            # verbs only ever done to people: "30 people marched" is no march done to them
            if not ((d.plover == "COERCE" and d.mode == "arrest") or (d.plover == "ASSAULT" and word_in(first, harm))):
                continue
            people = d.actors[0]
            if people.actor_type not in ("civilians", "protesters") or people.span.end > first.start:
                continue
            k = next((i for i in range(d.hit.start - 1, -1, -1) if units[i].end <= people.span.start), None)
            counted = k is not None and (units[k].key[:1].isdigit() or units[k].key in counts)
            after = units[d.hit.end] if d.hit.end < len(units) else None
            if counted and (after is None or after.punct or after.key in self.args.w.prepositions):
                d.actors, d.recipients = [], [people]

    def _fallen(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "the town fell to government forces", "cayó en manos de", "caiu nas mãos de": the place (or its
        holders) is the subject, the captor comes after the trigger, so the two roles swap."""
        verbs = self.r.args.words("fall_verbs")
        for d in drafts:
            first = units[d.hit.start]
            if d.hint == "overtake" and (first.key in verbs or first.lemma in verbs) and d.recipients:
                d.actors, d.recipients = d.recipients, d.actors

    def _instruments(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "attacked the base with drones", "atacaron con drones una base": the weapon after "with" is the
        verb's own means. One event: the weapon noun takes the verb's actors and targets, the verb its mode."""
        inst = self.r.args.words("instrument")
        dets = self.args.w.determiners
        for i, b in enumerate(drafts):
            a = next((x for x in reversed(drafts[:i]) if x.plover == "ASSAULT"), None)
            if a is None or b.plover != "ASSAULT" or not a.actors:
                continue
            k = b.hit.start - 1
            k -= int(k > a.hit.end and units[k].key in dets)
            gap = units[a.hit.end : b.hit.start]
            if k < a.hit.end or units[k].key not in inst or len(gap) > 8:
                continue
            if any(u.key in self.r.breaks for u in gap):
                continue
            b.actors = list(a.actors)
            b.recipients = list(a.recipients) or b.recipients
            if a.mode is None and b.mode is not None:
                a.mode, a.hint = b.mode, a.hint or b.hint

    def _resultative(self, units: Sequence[Unit], starts: list[int], drafts: list[Draft]) -> None:
        """ "leaving two soldiers wounded", "dejaron dos soldados heridos", "47 personas detenidas": the people
        before such a participle are what it happened to; the one who did it is the previous assault's actor."""
        res = self.r.args.words("resultative")
        for k, d in enumerate(drafts):
            if d.plover not in ("ASSAULT", "COERCE"):
                continue
            counted = self._counted_participle(units, d)
            before = [a for a in d.actors if a.span.end <= units[d.hit.start].start]
            if counted is not None:
                # only the counted noun is the participle's; a farther subject is another verb's
                d.recipients = [a for a in before if a.span.start >= units[counted].start] + d.recipients
            elif d.plover == "ASSAULT" and before:
                j = bisect.bisect_left(starts, before[0].span.start)
                if not any(u.key in res or u.lemma in res for u in units[max(0, j - 3) : j]):
                    continue
                d.recipients = before + d.recipients
            else:
                continue
            prev = drafts[k - 1] if k else None
            d.actors = list(prev.actors) if prev is not None and prev.plover == "ASSAULT" else []

    def _weapon_owners(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "A Russian missile hit a school", "Israeli tank fire", "drones ucranianos", "a artilharia russa": a
        demonym beside a nominal assault names the country whose forces did it (its Military Forces), when no
        actor is named otherwise."""
        for d in drafts:
            if d.plover != "ASSAULT" or any(a.actor_id for a in d.actors):
                continue
            k = d.hit.start - 1 if self.r.lang == "en" else d.hit.end
            if not 0 <= k < len(units) or (not units[k].upper and self.r.lang == "en"):
                continue
            start = min(k, d.hit.start)
            if start > 0 and units[start - 1].key in self.args.w.determiners:
                start -= 1
            if start > 0 and not units[start - 1].punct:
                continue  # only a subject that opens its clause: "fired an Iranian missile" names the maker
            iso2 = demonym_country(units[k].text, self.r.lang)
            actor = self.dict.get(f"mil-{iso2.lower()}") if iso2 else None
            if actor is None:
                continue
            span = Span(units[k].start, units[k].end)
            owner = actor.mention_at(span, units[k].text, "actors:weapon-owner")
            d.actors = [owner]
            d.recipients = [r for r in d.recipients if r.span != span]
            for o in drafts:  # "A Russian missile hit a school, killing four": the same bare word elsewhere
                o.actors = [owner if a.span == span and not a.actor_id else a for a in o.actors]

    def _the_dead(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "12 people died", "dos personas murieron": the subject of a death verb is its victim, never who
        killed (so that dead civilians are no mob); an agent after it ("mortos pelos insurgentes") stays."""
        dying = self.r.dying
        for d in drafts:
            if d.plover != "ASSAULT" or units[d.hit.start].lemma not in dying:
                continue
            at = units[d.hit.start].start
            subjects = [a for a in d.actors if a.text and a.span.end <= at]
            if subjects:
                # "murieron a manos del ELN", "died at the hands of the rebels": the agent after the verb killed
                agents = [r for r in d.recipients if r.span.start > at and self.args.after_agent(units, r.span.start)]
                d.recipients = subjects + [r for r in d.recipients if r not in agents]
                d.actors = agents or [a for a in d.actors if a not in subjects]

    def _victims_of_cause(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "12 civilians were killed when an air strike hit a house", "dos policías murieron en un ataque",
        "três trabalhadores foram mortos numa emboscada": the people a death or injury verb counts (its
        subject) are the victims of the assault the same clause names as its cause, never its attackers.
        The other way round, "a roadside bombing killed a soldier": the verb's object is the bombing's victim."""
        for k, v in enumerate(drafts):
            if v.plover != "ASSAULT":
                continue
            at = units[v.hit.start].start
            victims = [r for r in v.recipients if r.text and r.span.end <= at]
            named = [a for a in v.actors if a.actor_id and a.text]
            if named:
                # "cinco soldados foram mortos por insurgentes numa emboscada": the ambush is theirs, on them
                cause = next((s for s in drafts[k + 1 :] if s.plover == "ASSAULT"), None)
                if (victims and cause is not None and not any(a.text for a in cause.actors)
                        and self._tied(units, v.hit.end, cause.hit.start)):
                    _add_victims(cause, victims)
                    cause.actors = list(named)
                # an unknown name before the verb may be where the attack happened ("near Samarra killed ...")
                continue
            if victims and not any(a.text for a in v.actors):
                cause = next((s for s in drafts[k + 1 :] if s.plover == "ASSAULT"), None)
                if cause is not None and self._tied(units, v.hit.end, cause.hit.start):
                    _add_victims(cause, victims)
            elif not victims and k and word_in(units[v.hit.start], self.r.args.words("harm_verbs")):
                cause = drafts[k - 1]
                objects = [r for r in v.recipients if r.text and r.span.start >= at]
                if cause.plover == "ASSAULT" and objects and self._tied(units, cause.hit.end, v.hit.start):
                    _add_victims(cause, objects)
                    _same_deed(v, cause)

    def _agent_of_cause(self, units: Sequence[Unit], matches: list[ActorMatch], drafts: list[Draft]) -> None:
        """ "Twelve civilians were killed when militants attacked the village", "a vila foi atacada, quando os
        insurgentes chegaram": an assault told without its perpetrator takes the armed side that acts in the
        clause a cause link ("when", "cuando", "quando") opens right after it: the actor of the assault told
        there, or, when none is told, a non-state armed group that is that clause's subject."""
        links = self.r.args.words("cause_links")
        possessives = self.r.args.words("possessives")
        for k, v in enumerate(drafts):
            if v.plover != "ASSAULT" or any(a.text for a in v.actors):
                continue
            link = self._cause_link(units, v.hit.end, links)
            if link is None:
                continue
            opened = units[link].end
            cause = next((s for s in drafts[k + 1 :] if s.plover == "ASSAULT" and s.hit.start > link), None)
            if cause is not None:
                # "when their patrol was ambushed": a cause told without its actor gives none
                agents = [a for a in cause.actors if a.text and a.actor_type in ARMED and a.span.start >= opened]
                if agents:
                    v.actors = list(agents)
                    _same_deed(v, cause)
                continue
            # the clause's subject: "quando os insurgentes", "cuando un grupo de guerrilleros"
            m = next((m for m in matches if link < m.start_unit <= link + 4), None)
            if m is None or units[m.start_unit - 1].key in possessives:
                continue
            if any(u.punct for u in units[link + 1 : m.start_unit]):
                continue
            mention = m.mention(self.ctx, self.published)
            if mention.actor_type in NON_STATE_ARMED:
                v.actors = [dataclasses.replace(mention, text=self.text[m.span.start : m.span.end])]

    def _cause_link(self, units: Sequence[Unit], end: int, links: frozenset[str]) -> int | None:
        """The cause link ("when", "cuando") at most six words after a trigger, in its clause (a comma may
        come before it: "atacada em março, quando")."""
        for i in range(end, min(len(units), end + 7)):
            key = units[i].key
            if key in links:
                return i
            if key in self.r.breaks or (units[i].punct and key != ","):
                return None
        return None

    def _carried_out(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "un ataque contra la estación, en el norte del Cauca, perpetrado anteayer por disidencias de las FARC":
        a participle of carrying out hands its agent back to the attack before it, however far, and is no event
        of its own."""
        light = self.args.w.light
        for k, p in enumerate(drafts):
            if p.plover != "ASSAULT" or p.hint != QUAD_ONLY or units[p.hit.start].key not in light:
                continue
            if not any(a.text for a in p.actors):
                continue
            attack = next(
                (d for d in reversed(drafts[:k]) if d.plover == "ASSAULT" and d.hint not in (QUAD_ONLY, "drop")), None
            )
            if attack is None or any(a.actor_id and a.rule != IMPLICIT_ACTOR for a in attack.actors):
                continue
            attack.actors = list(p.actors)
            p.hint = "drop"
        drafts[:] = [d for d in drafts if d.hint != "drop"]

    def _moved_forces(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "Syria will withdraw its troops from Lebanon", "NATO deployed troops in Bosnia", "desplegó sus tropas
        en Tumaco": the troops moved are the actor's own means, not a party; the place they leave or enter is the
        target (PLOVER), when the clause names one."""
        for d in drafts:
            tp = d.hit.pattern
            if not (tp.plover == "MOBILIZE" or (tp.plover == "RETREAT" and tp.mode == "withdraw")):
                continue
            own = [r for r in d.recipients if _own_force(r, d.actors)]
            if not own:
                continue
            place = self._destination(units, max(r.span.end for r in own))
            found = [place] if place is not None else []
            d.recipients = [r for r in d.recipients if r not in own and r.span not in {p.span for p in found}] + found

    def _destination(self, units: Sequence[Unit], end: int) -> ActorMention | None:
        """The place or country named right after moved troops: "from Lebanon", "en Tumaco", "para o Rio de
        Janeiro" (a direction word, then at most two more words before the name)."""
        k = next((i for i, u in enumerate(units) if u.start >= end), len(units))
        directions = self.r.args.words("directions")
        if k >= len(units) or units[k].key not in directions:
            return None
        for p in sorted([*self.args.phrases, *self.args.located], key=lambda p: p.start):
            if p.start > k and p.start - k <= 3 and not any(u.punct for u in units[k : p.start]):
                return self.args.mention(units, p, self.published)
        return None

    def _tied(self, units: Sequence[Unit], lo: int, hi: int) -> bool:
        """An attack and the harm it did, close together in one clause ("killed ... when", "tras")."""
        links = self.r.args.words("cause_links")
        gap = units[lo:hi]
        return len(gap) <= 12 and not any(u.key in self.r.breaks and u.key not in links for u in gap)

    def _labour_strikes(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """English "strike" is an air strike in conflict copy and a stoppage in labour copy: with workers,
        unions or pay in the sentence and no aircraft or weapon, it is a strike (PROTEST)."""
        words = self.r.args.words("labour_strike")
        if not words:
            return
        keys = {u.key for u in units}
        if not keys & self.r.args.words("labour_cues") or keys & (self.r.args.words("air_nouns") | self.r.weapon_nouns):
            return
        for d in drafts:
            if d.plover == "ASSAULT" and d.hint != "drop" and units[d.hit.start].key in words:
                d.plover, d.mode, d.hint = "PROTEST", "strike", None

    def _bystanders(self, units: Sequence[Unit], starts: list[int], drafts: list[Draft]) -> None:
        """Residents, families, doctors or workers named before an assault are its witnesses or victims unless
        they are the subject right before the verb ("villagers attacked the herders"): "residents said the
        shooting lasted hours", "familias llegaron tras el ataque", "os trabalhadores mortos" (a participle)."""
        glue = self.args.w.glue
        for d in drafts:
            if d.plover != "ASSAULT" or not d.actors or any(a.actor_type != "civilians" for a in d.actors):
                continue
            end = bisect.bisect_left(starts, d.actors[-1].span.end)
            participle = self._participle(units[d.hit.start]) and not self._passive(units, d.hit, 0)
            if end <= d.hit.start and all(u.key in glue for u in units[end : d.hit.start]) and not participle:
                continue  # the subject right before its verb, auxiliaries and adverbs between
            if participle:
                d.recipients = list(d.actors) + d.recipients
            d.actors = []

    def _participle(self, u: Unit) -> bool:
        """A Spanish or Portuguese past participle ("detenidas", "mortos"); English ones look like the past tense."""
        return self.r.lang != "en" and u.key != u.lemma and u.key.endswith(_PARTICIPLE_ENDINGS)

    def _counted_participle(self, units: Sequence[Unit], d: Draft) -> int | None:
        """Where the count starts in "47 personas detenidas", "dois policiais mortos" (a counted noun of one to
        three words right before a participle), else None. Spanish and Portuguese only: an English participle
        looks like the past tense ("two gunmen attacked")."""
        i = d.hit.start
        if not self._participle(units[i]):
            return None
        quantities = self.r.args.words("quantities")
        for k in range(i - 2, max(-1, i - 5), -1):
            # "tres policías fueron asesinados por ...": a true passive keeps its agent (handled elsewhere)
            if units[k].punct or units[k + 1].key in self.r.aux:
                return None
            if units[k].key[:1].isdigit() or units[k].key in quantities:
                return k
        return None

    def _causes(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "Two officers were wounded after the explosion of a device": an assault right after a casualty verb,
        behind "after"/"tras"/"após", is that casualty's cause, the same news, not earlier background."""
        back = self.r.args.words("background")
        for prev, d in itertools.pairwise(drafts):
            # only a casualty word without a means of its own ("wounded", "heridos"); "destroyed following a
            # clash" tells the destruction as the news
            if prev.plover != "ASSAULT" or prev.mode is not None or prev.background:
                continue
            if d.plover != "ASSAULT" or not d.background:
                continue
            gap = units[prev.hit.end : d.hit.start]
            if len(gap) <= 5 and not any(u.key in self.r.breaks and u.key not in back for u in gap):
                d.background = False

    def _implicit_protest(self, units: Sequence[Unit], matches: list[ActorMatch], drafts: list[Draft]) -> None:
        """ "Thousands of demonstrators marched..." without a protest word the lexicon knows: the protesters
        themselves stand for a (weak) protest event, so the sentence is not lost."""
        if any(d.plover == "PROTEST" for d in drafts):
            return
        # a crowd that is another event's target ("pistoleiros mataram dois agricultores") is no protest
        targets = [r.span for d in drafts if d.mode != "crowd-control" and d.hint not in ("crowd", "lethal")
                   for r in d.recipients]
        mere = self.r.args.words("mere_crowd")
        crowd = next((m for m in matches if m.actors[0].actor_type == "protesters"
                      and not all(u.key in mere for u in units[m.start_unit : m.end_unit])
                      and not any(t.start <= units[m.start_unit].start < t.end for t in targets)), None)
        if crowd is None:
            return
        # "Protesters believe the bill ...", "os manifestantes acreditam": an opinion held, not a gathering
        opinion = self.r.args.words("opinion_verbs")
        if any(word_in(u, opinion) for u in units[crowd.end_unit : crowd.end_unit + 2]):
            return
        hit = Hit(crowd.start_unit, crowd.end_unit, _PROTESTERS)
        d = Draft(
            hit,
            "PROTEST",
            "demo",
            None,
            [self._mention(crowd, self.published, units)],
            [],
            rule=f"events:{self.r.lang}:implicit-protesters",
        )
        self._flags(units, hit, self._clause_start(units, hit.start), d)
        drafts.append(d)
        drafts.sort(key=lambda x: x.hit.start)

    def _banned_protests(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """ "the ban on opposition rallies was lifted", "prohibió las marchas", "a proibição de protestos": a
        protest noun a word of banning governs (at most three words between, in one clause) is what is banned or
        allowed, not a protest that took place; the ban itself stays (PLOVER coercion)."""
        bans = self.r.args.words("ban_words")
        for d in drafts:
            if d.plover != "PROTEST" or d.hit.start == 0:
                continue
            for k in range(d.hit.start - 1, max(-1, d.hit.start - 5), -1):
                u = units[k]
                if u.punct or u.key in self.r.breaks or u.key in _AND:
                    break  # "defied the ban and marched": the march is held
                if word_in(u, bans):
                    d.hint = "drop"
                    break
        drafts[:] = [d for d in drafts if d.hint != "drop"]

    def _protest_context(self, units: Sequence[Unit], matches: list[ActorMatch], drafts: list[Draft]) -> None:
        """Violence inside a protest is a riot: clashes, thrown objects and burning by the crowd make the
        sentence's events one violent demonstration rather than battles or attacks."""
        crowd = any(m.actors[0].actor_type in ("protesters", "rioters") and m.actors[0].id != _FANS for m in matches)
        if not (crowd or any(d.plover == "PROTEST" for d in drafts)):
            _fan_violence(drafts)
            return
        _drop_manner(units, drafts)
        violent = self._riot_cue(_crowd_keys(units, drafts)) or any(
            not d.negated and (d.hint in ("clash", "loot", "grenade") or d.mode in ("riot", "vandalize"))
            for d in drafts
        )
        if not violent:
            return
        for d in drafts:
            if d.plover == "PROTEST" and d.mode not in ("strike", "hunger", "boycott"):
                d.mode, d.hint = "riot", None
            elif d.plover == "ASSAULT" and (
                d.hint in ("clash", "loot", "grenade", "crowd", "lethal")
                or (d.hint is None and d.mode in (None, "primitive", "heavy-weapons", "beat"))
            ):
                d.plover, d.mode, d.hint = "PROTEST", "riot", None

    def _share_subject(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """Coordinated triggers share their subject ("militants attacked and burned the village"), and so does
        a participle clause after a comma ("troops retook the town, killing 12 fighters")."""
        if len(drafts) < 2:
            return
        a, b = drafts[-2], drafts[-1]
        gap = units[a.hit.end : b.hit.start]
        if any(u.key in self.r.breaks for u in gap):
            return
        first = units[b.hit.start]
        if first.key.endswith(("ing", "ndo")) and b.hit.start > 0 and units[b.hit.start - 1].key == ",":
            # the participle clause's subject is the main clause's, even unnamed ("a car bomb exploded near a
            # police barracks, killing 12": not the police); "X rejected the proposal for signing a deal,
            # urging ...": the first trigger's subject, not an embedded noun's
            main = next((x for x in drafts[:-1] if x.actors), a)
            b.actors = list(main.actors)
            self._air(units, [], b)  # "warplanes hit the base, killing ...": the killing is the air strike's
            return
        if not a.actors:
            return
        if (not b.actors and a.plover == b.plover and not a.hit.pattern.weak and len(gap) <= 8
                and pp_opening(units, b.hit.start, self.args.w) is not None):
            # "gunmen killed four people in a massacre": the noun names the verb's own event, done by its actor
            # to the verb's object ("killed ten soldiers in an ambush": a fight with soldiers)
            b.actors = list(a.actors)
            if a.recipients and not any(r.actor_type for r in b.recipients):
                b.recipients = list(a.recipients)
            return
        if b.actors:
            return
        # a determiner opens an object ("condenou os ataques"), not a second coordinated verb; with nothing
        # between, only an infinitive shares the subject ("amenazaron con atacar"), an object noun does not
        # ("denunció malos tratos")
        opens = (0 < len(gap) <= 4 and gap[0].key in self.r.coord and gap[0].key not in _DETERMINERS) or (
            not gap and self._infinitive_after(units, a.hit, b.hit)
        )
        # "dispararon contra un bar en Celaya y mataron a once personas": "and" right before the second verb
        closes = 0 < len(gap) <= 10 and gap[-1].key in _AND and not any(u.punct for u in gap)
        if not (opens or closes):
            return
        b.actors = list(a.actors)
        self._air(units, [], b)

    def _infinitive_after(self, units: Sequence[Unit], a: Hit, b: Hit) -> bool:
        """ "threatened to attack", "amenazaron con atacar", "ameaçaram atacar": the second trigger is the first
        one's infinitive complement (English: after "to"; Spanish and Portuguese: an infinitive ending)."""
        if self.r.lang == "en":
            return units[a.end - 1].key in self.args.w.infinitive
        return units[b.start].key.endswith(("ar", "er", "ir", "or"))

    def _unopposed(self, units: Sequence[Unit], drafts: list[Draft]) -> None:
        """A place taken "without resistance", or after the other side pulled out, changes hands without a
        battle: ACLED's non-violent transfer of territory."""
        withdrawal = any(
            d.plover == "RETREAT" and d.mode == "withdraw" and not (d.negated or d.future or d.hypothetical)
            for d in drafts
        )
        cue = _cue_before(units, self.r.args.index("unopposed"), 0, len(units))
        if not (withdrawal or cue):
            return
        for d in drafts:
            if d.hint in ("overtake", "regain") and d.plover == "ASSAULT":
                d.hint = "handover"

    def _target_type(self, units: Sequence[Unit], d: Draft) -> list[str | None]:
        """ "attacked a checkpoint", "atacaron un cuartel", "atacaram um comboio": an assault whose object is a
        military post, convoy or patrol is fought against an armed side even when no force is named."""
        if d.plover != "ASSAULT" or any(r.actor_type for r in d.recipients):
            return []
        targets = self.r.args.words("military_targets")
        obj = units[d.hit.end : d.hit.end + 6]  # "an attack has been launched on a military base"
        for u in obj:
            # "shot dead by police officers": the agent phrase is who acted, not the target
            if u.key in self.r.breaks or u.punct or u.key in self.r.agent:
                break
            if any(a.span.start <= u.start < a.span.end for a in d.actors):
                continue
            if u.key in targets or u.lemma in targets:
                return ["state"]
        return []

    def _air(self, units: Sequence[Unit], matches: list[ActorMatch], d: Draft) -> None:
        """Aircraft as the actor make an assault an air strike ("warplanes pounded", "aviones
        bombardearon"); guns as the actor make it shelling ("la artillería rusa bombardeó la ciudad")."""
        guns = self.r.args.words("artillery_nouns")
        if d.plover == "ASSAULT" and d.mode in (None, "aerial", "explosives", "firearms") and any(
            k in guns for m in d.actors for k in fold(m.text).split()
        ):
            d.mode = "heavy-weapons"
            return
        if d.plover != "ASSAULT" or d.mode not in (None, "heavy-weapons", "firearms", "explosives", "destroy"):
            return
        air = self.r.args.words("air_nouns")
        if d.hint == "raid" and any(u.key in air for u in units[d.hit.end : d.hit.end + 6]):
            d.mode = "aerial"  # "raids by the army's helicopters"
            return
        for m in d.actors:
            if any(k in air for k in fold(m.text).split()):
                if d.mode == "destroy":  # "the air force destroyed vehicles": a strike, not looting
                    d.hint = None
                d.mode = "aerial"
                return

    def _clause_start(self, units: Sequence[Unit], i: int) -> int:
        j = i - 1
        while j >= 0:
            if units[j].key in self.r.breaks:
                return j + 1
            j -= 1
        return 0

    def _flags(self, units: Sequence[Unit], hit: Hit, lo: int, d: Draft) -> None:
        f = self.r.flags
        i = hit.start
        d.negated = self._flag_cue(units, "negated", self._negation_start(units, max(lo, i - 4), i), i, "not_negated")
        # "denied that any soldiers had been captured": the denied clause reaches past the short window
        d.negated = d.negated or self._denied(units, max(0, i - 10), i)
        d.future = (
            self._flag_cue(units, "future", max(lo, i - 6), i, "not_future")
            # an auxiliary inside a gapped trigger: "militares vão ser enviados" ("militares * enviados")
            or (hit.end - i > 2 and self._flag_cue(units, "future", i + 1, hit.end - 1, "not_future"))
            or self._suffix(units[i], "future")
            # issue 4 (flags review): a nominal event dated after it ("a protest is scheduled for Friday",
            # "la marcha está convocada para el jueves", "uma ofensiva iminente")
            or _cue_before(units, f.index("future_after"), hit.end, min(len(units), hit.end + 4))
        )
        d.hypothetical = (
            self._flag_cue(units, "hypothetical", max(lo, i - 6), i)
            or self._if_clause(units, lo, i)
            or self._conditional(units, max(lo, i - 6), i)
            or self._modal_after(units, hit)
        )
        d.historical = self._historical(units, hit, lo)

    def _negation_start(self, units: Sequence[Unit], lo: int, i: int) -> int:
        """Where a negation before unit ``i`` may stand: not before a time adverbial that holds the trigger ("não
        houve feridos durante a marcha": the march took place)."""
        barriers = self.r.flags.words("negation_barriers")
        return next((k + 1 for k in range(i - 1, lo - 1, -1) if units[k].key in barriers), lo)

    def _denied(self, units: Sequence[Unit], lo: int, hi: int) -> bool:
        """A denial cue in units[lo:hi] that is not itself negated: "descartó que" denies, "no descartan que"
        leaves the deed possible (the hypothetical cues read it)."""
        index = self.r.flags.index("denial")
        negators = self.r.flags.words("negated")
        for s in range(lo, hi):
            cues = index.get(units[s].key)
            if not cues or (s > 0 and units[s - 1].key in negators):
                continue
            for cue in cues:
                if s + len(cue) <= hi and all(units[s + j].key == cue[j] for j in range(1, len(cue))):
                    return True
        return False

    def _flag_cue(
        self, units: Sequence[Unit], section: str, lo: int, hi: int, unless: str = "", names: bool = True
    ) -> bool:
        """A cue of ``section`` inside units[lo:hi], issue 4 (flags review): not when a phrase of ``unless``
        starts at the cue or one unit before it ("the will of the mayor", "esta mañana" = this morning), nor when
        the cue word is capitalised inside a sentence that is no headline (the month "In May", "Will Harding";
        ``names=False`` keeps them: "the Cold War"), nor when an accent makes a short cue another word ("Sí, la
        policía ..." = yes, not "si" = if)."""
        f = self.r.flags
        index, skip = f.index(section), f.index(unless) if unless else {}
        for s in range(lo, hi):
            u = units[s]
            if u.key not in index:
                continue
            if any(t >= 0 and _starts_phrase(units, t, skip) for t in (s - 1, s)):
                continue
            # the headline test reads the whole sentence: only for a capitalised cue, which is rare
            if names and u.upper and s > 0 and not units[s - 1].punct and not _headline(units):
                continue
            if names and u.upper and s + 1 < len(units) and units[s + 1].key.isdigit():  # "May 5, gunmen attacked"
                continue
            if len(u.key) <= 2 and u.text.lower() != u.key:
                continue
            if _starts_phrase(units, s, index, hi):
                return True
        return False

    def _conditional(self, units: Sequence[Unit], lo: int, hi: int) -> bool:
        """A conditional verb on the trigger or before it ("atacarían", "lanzaría un ataque", "fariam greve"),
        issue 4: an inflected form (its lemma differs) with a conditional ending, not after a determiner ("a
        artilharia bombardeou": the lookup lemma would make the noun a conditional of "artilhar")."""
        ends = tuple(self.r.flags.suffixes.get("hypothetical", ()))
        if not ends:
            return False
        for s in range(lo, hi + 1):
            u = units[s]
            if u.key == u.lemma or not u.text.lower().endswith(ends):
                continue
            if u.lemma in self.r.flags.words("rumour_aux") and not self._counterfactual(units, s):
                continue  # "habría sido liberado", "teria morrido": an unconfirmed report (claims), not an "if"
            if s > 0 and units[s - 1].key in _BEFORE_NOUNS:
                continue
            return True
        return False

    def _modal_after(self, units: Sequence[Unit], hit: Hit) -> bool:
        """ "Clashes could erupt again", "los combates podrían reanudarse": a modal right after a nominal trigger
        (not "may have killed": a hedged report, which the claims stage rates)."""
        before = units[hit.start - 1].key if hit.start > 0 else ""
        nominal = before in self.args.w.determiners or before in _ANY
        k = self._past_complement(units, hit.end) if nominal else hit.end
        if k >= len(units) or units[k].key not in self.r.flags.words("hypothetical_after"):
            return False
        return not (k + 1 < len(units) and units[k + 1].key in self.r.flags.words("hypothetical_after_not"))

    def _past_complement(self, units: Sequence[Unit], k: int) -> int:
        """The unit after a short prepositional complement of a noun ("an attack *on Taiwan* would", "un ataque
        *contra la base* sería"), or ``k`` itself when none opens there."""
        if k >= len(units) or units[k].key not in self.args.w.prepositions:
            return k
        for j in range(k + 1, min(len(units), k + 6)):
            if units[j].punct or units[j].key in self.args.w.prepositions or units[j].key in _RELATIVE_OPENERS:
                return k
            if units[j].key in self.r.flags.words("hypothetical_after"):
                return j
        return k

    def _counterfactual(self, units: Sequence[Unit], s: int) -> bool:
        """A condition before unit ``s`` ("si ...", "caso ...", "de no haber llegado ..."): then the conditional
        perfect is a real hypothetical, not a hedged report (`[condition_openers]` in event_flags.txt)."""
        return _cue_at(units, self.r.flags.index("condition_openers"), 0, s) is not None

    def _suffix(self, u: Unit, section: str) -> bool:
        text = u.text.lower()
        return u.key != u.lemma and any(text.endswith(s) for s in self.r.flags.suffixes.get(section, ()))

    def _if_clause(self, units: Sequence[Unit], lo: int, i: int) -> bool:
        """A conditional clause-opener ("if", "si", "se") at the start of the clause or after a comma."""
        openers = self.r.flags.words("if")
        for j in range(lo, i):
            # "Sí, la policía ...": the accented word is "yes"
            if units[j].key in openers and units[j].text.lower() == units[j].key and (
                j == 0 or units[j - 1].key in {",", ";"}
            ):
                return units[j].key != "se" or not (j > 0 and units[j - 1].end == units[j].start)
        return False

    def _historical(self, units: Sequence[Unit], hit: Hit, lo: int) -> bool:
        f = self.r.flags
        hi = min(len(units), hit.end + 8)
        # "in the past 24 hours", "no passado domingo": a recent span or day, not the past
        if self._flag_cue(units, "historical", max(lo, hit.start - 8), hi, "not_historical", names=False):
            return True
        ago, yrs, since = f.words("historical_ago"), f.words("historical_units"), f.words("since")
        start = max(lo, hit.start - 8)
        window = units[start:hi]
        keys = [u.key for u in window]
        elapsed = f.words("elapsed")
        # "100 years since the battle of Merrow", "ten years after the massacre": the event is long past (the
        # elapsed word may open the trigger's clause, so this looks before the clause start)
        for e in range(max(1, hit.start - 3), hit.start):
            if units[e].key in elapsed and units[e - 1].key in yrs:
                return True
        for j, k in enumerate(keys):
            if k in yrs and any(x in f.words("anniversary") for x in keys[max(0, j - 3) : j]):
                return True  # "o assassinato completa seis anos", "se cumplen diez años de la masacre"
            if k in yrs:
                for m in range(max(0, j - 3), min(len(keys), j + 2)):
                    # "desde hace dos años", "desde há dois anos": a span running to now (issue 4)
                    if keys[m] in ago and not (start + m > 0 and units[start + m - 1].key in since):
                        return True
        # "in the 1990s", "since the 1980s": a decade before the publication's
        if self.published is not None and any(
            (dm := _DECADE.match(u.text)) and int(dm.group(1)) + 9 < self.published.year for u in window
        ):
            return True
        if self.published is None:
            return False
        # "since 2019, when it seized the city": the clause opened by "when" is dated by the year before it
        if lo >= 2 and units[lo - 1].key in f.words("when"):
            before = units[max(0, lo - 4) : lo - 1]
            if any(_YEAR.match(u.text) and int(u.text) < self.published.year for u in before):
                return True
        # the text, not the key: "2.000 militares" folds to "2000" but is a count ("." groups thousands);
        # "since October 2019" is a range that runs up to now (the time stage dates such events). A short
        # lead-in before the clause dates it too ("In 1812, the army attacked ...")
        first = 0 if 0 < lo <= 4 and units[lo - 1].key == "," else start
        return any(
            self._past_year(units, k) and not any(v.key in since for v in units[max(0, k - 3) : k])
            for k in range(first, hi)
        )

    def _past_year(self, units: Sequence[Unit], k: int) -> bool:
        text = units[k].text
        if not _YEAR.match(text) or self.published is None or int(text) >= self.published.year:
            return False
        return int(text) >= 1900 or (k > 0 and units[k - 1].key in _OLD_YEAR_PREPS)

    # ---- arguments

    def _arguments(self, units: Sequence[Unit], hit: Hit, lo: int, matches: list[ActorMatch], d: Draft) -> None:
        """Actors and recipients of one trigger (token rules in :mod:`wirewatch.stages.event_args`)."""
        matches = [m for m in matches if not self._place_name(units, m)]
        self.args.assign(units, hit, lo, matches, d)

    def _place_name(self, units: Sequence[Unit], m: ActorMatch) -> bool:
        """A country name after a locative ("attacked a hotel in the Ivory Coast", "en Nigeria") says where,
        not whom: it is not an argument of the event (the government it could stand for is not meant)."""
        if m.rule != "actors:country-name":
            return False
        j = m.start_unit - 1
        # skip a determiner and lower-case modifiers: "in the Ivory Coast", "in north-eastern Nigeria"
        while j > 0 and m.start_unit - j <= 4 and not units[j].upper and not units[j].punct:
            if units[j].key in self.r.locative:
                return units[j].key not in self.r.target_locative
            j -= 1
        return j >= 0 and units[j].key in self.r.locative and units[j].key not in self.r.target_locative

    def _passive(self, units: Sequence[Unit], hit: Hit, lo: int) -> bool:
        u = units[hit.start]
        if u.key == u.lemma and not u.key.endswith(("ed", "do", "da", "dos", "das", "to", "ta", "tos", "tas")):
            return False
        return _cue_before(units, self.r.aux, max(lo, hit.start - 3), hit.start)

    def _mention(self, m: ActorMatch, when: date | None, units: Sequence[Unit] | None = None) -> ActorMention:
        mention = m.mention(self.ctx, when)
        span = m.span if units is None else self._widen(units, m)
        return dataclasses.replace(mention, span=span, text=self.text[span.start : span.end])

    def _widen(self, units: Sequence[Unit], m: ActorMatch) -> Span:
        """ "President" -> "President Abdelaziz Bouteflika", "officials" stays: a capitalised run
        around a match."""
        stop = self.r.stop_caps
        i, j = m.start_unit, m.end_unit
        while i > 0 and units[i - 1].upper and not units[i - 1].punct and units[i - 1].key not in stop:
            i -= 1
            # "Hungarian and Romanian officials": a coordinated capitalised modifier belongs to the mention
            if i > 1 and units[i - 1].key in _AND and units[i - 2].upper and units[i - 2].key not in stop:
                i -= 1
        while j < len(units) and units[j].upper and not units[j].punct and units[j].key not in stop:
            j += 1
        return Span(units[i].start, units[j - 1].end)

    # ---- objects that change the reading of a trigger

    def _objects(self, units: Sequence[Unit], hit: Hit, matches: list[ActorMatch], d: Draft) -> None:
        if d.hint == "disrupt":  # "found two explosive devices", "seized 50 rifles"
            near = {u.key for u in units[max(0, hit.start - 6) : hit.end + 6]}
            if near & self.r.weapon_nouns:
                d.hint = "weapons"
            elif near & self.r.args.words("seized_goods"):
                d.hint = None  # "incautó cocaína": a seizure against crime, no ACLED event
            else:
                d.hint = "drop"
            return
        if d.mode == "destroy" and {u.key for u in units[hit.end : hit.end + 5]} & self.r.weapon_nouns:
            d.plover, d.mode, d.hint = "COERCE", "seize", "weapons"  # "destroyed 342 mines": disrupted
            return
        if d.hint not in ("overtake", "regain"):
            return
        fall = self.r.args.words("fall_verbs")
        if units[hit.start].key in fall or units[hit.start].lemma in fall:
            return  # "cayó en manos de los paramilitares": the phrase after is the captor, not people captured
        if d.hint == "regain" and self._keys(units, hit.end, hit.end + 3) & self.r.args.words("resumed_activities"):
            d.hint = _RESUMED  # "retomaron los ataques": resumed, not retaken (the attacks are their own trigger)
            return
        before = [u.key for u in units[max(0, hit.start - 4) : hit.start]]
        if d.hint == "regain" and self._passive(units, hit, 0) and not set(before) & self.r.place_nouns:
            d.plover, d.mode, d.hint = "RETREAT", "release", None  # "fue liberado": a person, not a town
            return
        # "alias 'Otoniel' fue capturado", "un cabecilla del Clan del Golfo fue capturado": a person or a member
        alias = "alias" in self._keys(units, hit.start - 6, hit.start)
        people_before = set(before) & self.r.person_nouns or alias or any(
            m.end_unit <= hit.start and m.actors[0].actor_type in _CAPTIVE_TYPES for m in matches
        )
        passive = self._passive(units, hit, 0)
        if d.hint == "overtake" and passive and people_before and not set(before) & self.r.place_nouns:
            d.plover, d.mode, d.hint = "COERCE", "arrest", None  # "seven men were captured"
            return
        nxt = [u.key for u in units[hit.end : hit.end + 6]]
        if set(nxt) & self.r.args.words("seized_goods") and not set(nxt) & self.r.weapon_nouns:
            d.plover, d.mode, d.hint = "COERCE", "seize", None  # "police seized 3 tonnes of cocaine": crime, not war
            return
        if d.hint == "overtake" and self._building_taken(nxt, d):
            return
        passive_subject = self._passive(units, hit, 0) and set(before) & self.r.weapon_nouns
        if any(k in self.r.weapon_nouns for k in nxt) or passive_subject:
            d.plover, d.mode, d.hint = "COERCE", "seize", "weapons"
        elif any(k in self.r.place_nouns for k in nxt):
            return
        elif not passive and (any(k in self.r.person_nouns for k in nxt) or any(
            m.start_unit >= hit.end and m.start_unit - hit.end <= 2 and m.actors[0].actor_type != "state"
            for m in matches
        )):  # a passive has no object: "la ciudad fue capturada por los rebeldes" names the captors after it
            if d.hint == "overtake":
                d.plover, d.mode, d.hint = "COERCE", "arrest", None
            elif self._evicts(units[hit.start], matches, hit.end):
                d.plover, d.mode, d.hint = "COERCE", None, None  # "desalojó a los campesinos": an eviction
            else:
                d.plover, d.mode, d.hint = "RETREAT", "release", None
        elif d.hint == "overtake" and self._ambiguous_take(units[hit.start]) and not self._territory_evidence(
            units, hit, d
        ):
            d.hint = "drop"  # "Morrison took over", "drugs seized at the border": nothing says a place was taken

    @staticmethod
    def _keys(units: Sequence[Unit], lo: int, hi: int) -> set[str]:
        return {u.key for u in units[max(0, lo) : hi]}

    def _ambiguous_take(self, u: Unit) -> bool:
        """Verbs of taking that also take jobs, goods, pictures and rooms ("took over", "seized", "ocupaba"); an
        invasion needs no more evidence."""
        return word_in(u, self.r.args.words("ambiguous_takes"))

    def _territory_evidence(self, units: Sequence[Unit], hit: Hit, d: Draft) -> bool:
        """Something says a place was taken: an armed side takes it, a name follows (a town, a region), the places
        stage found a place right after, or "control" is what was seized."""
        if any(a.actor_type in ARMED and a.rule != IMPLICIT_ACTOR for a in d.actors):
            return True
        after = units[hit.end : hit.end + 5]
        control = self.r.args.words("control_words")
        if any((u.upper and not u.punct) or u.key in control for u in after):
            return True
        end = after[-1].end if after else units[hit.end - 1].end
        return any(units[hit.end - 1].end <= p.start <= end for p in self.place_spans)

    def _evicts(self, u: Unit, matches: list[ActorMatch], end: int) -> bool:
        """An eviction verb ("desalojar", "expulsar") whose object is not an armed side: civilians put out."""
        verbs = self.r.args.words("evict_verbs")
        if u.key not in verbs and u.lemma not in verbs:
            return False
        obj = [m for m in matches if m.start_unit >= end and m.start_unit - end <= 3]
        return not any(m.actors[0].actor_type in ARMED for m in obj)


#: material cooperation that, announced for later, is a promise (PLOVER AGREE)
_PROMISABLE = frozenset({"AID", "COOPERATE"})
#: cooperative acts an actor can offer ("offered to hand over", "willing to withdraw", "offered to negotiate")
_OFFERABLE = frozenset({"AID", "COOPERATE", "RETREAT", "CONCEDE", "CONSULT"})

#: verbal stances whose object can be another event, and the cooperative events that can be such objects
_STANCES = frozenset({"REJECT", "REQUEST", "THREATEN", "ACCUSE", "SUPPORT", "AGREE", "CONSULT"})
_CONFLICT_STANCES = frozenset({"REJECT", "REQUEST", "THREATEN", "ACCUSE"})
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "COOPERATE", "AID", "SUPPORT", "CONCEDE"})

#: suffix of the rule id of an event told as background ("after two days of fighting")
BACKGROUND = "+background"

#: the hint of triggers that code a PLOVER type for the PLOVER/quad view only ("grave violations", "capacity
#: building"): reports of patterns or programmes, never an ACLED event
QUAD_ONLY = "quad"

#: suffixes of the rule id of a trigger that is not its sentence's main predicate, and of a trigger in a
#: sentence that opens with a procedural cue (see wirewatch.predicate); read by the PLOVER view of main_event
EMBEDDED = "+embedded"
PROCEDURAL = "+procedural"


def _structure_suffix(d: Draft) -> str:
    return (EMBEDDED if d.embedded else "") + (PROCEDURAL if d.procedural else "")

#: the pattern behind an implicit protest event (see SentenceCoder._implicit_protest)
_PROTESTERS = TriggerPattern((), "PROTEST", "demo", None, 0, "<protesters>")

#: "and" in the three languages (joins coordinated modifiers of one actor mention)
_AND = frozenset({"and", "y", "e"})

#: words that link the parts of one capitalised name
_LINKS = frozenset({"of", "de", "del", "do", "da", "dos", "das"})

_DETERMINERS = frozenset(
    {
        "the",
        "its",
        "their",
        "el",
        "la",
        "los",
        "las",
        "sus",
        "o",
        "a",
        "os",
        "as",
        "seus",
        "allied",
        "aliados",
    }
)
_BEFORE_NOUNS = _DETERMINERS | _CONTRACTED  # a word after one of these is a noun, not a verb


def _inside_actor(hit: Hit, matches: list[ActorMatch]) -> bool:
    """A trigger word inside an actor name ("Popular Mobilization Forces", "Amnesty") is not a trigger."""
    return any(m.start_unit <= hit.start and hit.end <= m.end_unit for m in matches)


def _headline(units: Sequence[Unit]) -> bool:
    """A title-case or upper-case headline ("Gunmen Attack Hotel", "TWO BOMBERS BLOW THEMSELVES UP"): its
    capitals do not mark names, so capitalised triggers in it still count."""
    words = [u for u in units if not u.punct]
    return len(words) >= 4 and sum(u.upper for u in words) >= 0.7 * len(words)


def _inside_name(units: Sequence[Unit], hit: Hit) -> bool:
    """A capitalised trigger inside a capitalised name ("Palestine Liberation Organization", "Cessation of
    Hostilities") names something; it does not report an event. The sentence's first word is exempt."""
    if hit.start == 0 or not units[hit.start].upper:
        return False
    prev = units[hit.start - 1]
    if prev.key in ("of", "de", "del", "do", "da", "dos", "das") and hit.start > 1:
        prev = units[hit.start - 2]
    nxt = units[hit.end] if hit.end < len(units) else None
    return (prev.upper and not prev.punct and hit.start - 1 > 0) or bool(nxt and nxt.upper and not nxt.punct)


def _own_force(r: ActorMention, actors: Sequence[ActorMention]) -> bool:
    """Troops of no named side, troops the sentence gives the actor ("its troops"), or the actor's country's."""
    if generic_roles().get(r.actor_id or "") in ("mil", "pol") or r.rule == "actors:possessor":
        return True
    country = r.country if r.actor_id and r.actor_id[:4] in ("mil-", "pol-") else None
    return country is not None and any(a.country == country for a in actors)


def _agreed_what(drafts: list[Draft]) -> None:
    """ "the two sides agreed a ceasefire", "firmaron un acuerdo de paz": an agreement whose object is a truce or
    a peace deal is that truce (an ACLED agreement whoever the sides are), not a deal of unknown kind."""
    for d, nxt in itertools.pairwise(drafts):
        close = nxt.hit.start - d.hit.end <= 3
        if d.plover == "AGREE" and d.mode is None and nxt.mode in ("ceasefire", "peace") and close:
            d.mode = nxt.mode


def _deal_sides(d: Draft, matches: Sequence[ActorMatch]) -> list[str | None]:
    """An agreement told without its sides ("the deal was signed on Monday") takes the types of the actors its
    sentence names, so that a deal in a sentence about a president or a rebel group stays an ACLED agreement
    while a company's deal does not (see :func:`wirewatch.taxonomy.acled_for`)."""
    if d.plover != "AGREE" or any(a.actor_type for a in (*d.actors, *d.recipients)):
        return []
    return [m.actors[0].actor_type for m in matches]


#: modes of remote violence (ACLED's explosions): a death they cause is that explosion's own outcome
_REMOTE_MODES = frozenset({"aerial", "drone", "explosives", "heavy-weapons", "suicide-attack", "unconventional"})


def _same_deed(casualty: Draft, cause: Draft) -> None:
    """ "A drone strike killed a commander", "were wounded when an IED detonated": the death or wound is the cause's
    own outcome, so it is told the same way (mode, hint and, when it names none, actors): one deed, one ACLED type."""
    if cause.mode not in _REMOTE_MODES:
        return  # force on a crowd or a brawl: the casualties themselves decide the reading (excessive force)
    if casualty.mode is None and casualty.hint in (None, "weak"):
        casualty.mode, casualty.hint = cause.mode, cause.hint
    if not any(a.text for a in casualty.actors) and any(a.text for a in cause.actors):
        casualty.actors = list(cause.actors)


def _add_victims(d: Draft, victims: list[ActorMention]) -> None:
    """The victims join the attack's recipients ahead of a place; a known side ("between X and Y") outranks
    them. Victims are never the attack's actors."""
    spans = {r.span for r in victims}
    d.actors = [a for a in d.actors if a.span not in spans]
    if not any(r.actor_id for r in d.recipients):
        d.recipients = victims + [r for r in d.recipients if r.span not in spans]


def _drop_weak(drafts: list[Draft]) -> list[Draft]:
    """Weak triggers ("dead", "muertos", "mortos") stand only when no other assault is in the sentence."""
    strong = any(d.plover == "ASSAULT" and not d.hit.pattern.weak and d.hint != QUAD_ONLY for d in drafts)
    return [d for d in drafts if not (d.hit.pattern.weak and strong)]


def _raids(drafts: list[Draft], deadly: bool = False) -> None:
    """A raid is an assault when armed groups make it; a raid by state forces, or one told together with
    arrests ("detained 12 men in overnight raids"), is the security operation behind the arrests (COERCE).
    But a raid or security operation that leaves people dead ("a police raid left six people dead", "uma
    operação policial deixou dois mortos") is violence, whoever makes it: the deaths are its outcome."""
    arrests = any(d.plover == "COERCE" and d.mode == "arrest" and not d.negated for d in drafts)
    for d in drafts:
        if d.plover == "COERCE" and d.mode == "raid" and d.force is not None and not any(a.text for a in d.actors):
            d.actors = [d.force]  # "uma operação policial": the police make it
        if deadly and d.plover == "COERCE" and d.mode == "raid" and not _flagged(d):
            d.plover, d.mode, d.hint = "ASSAULT", None, None
            continue
        if d.hint != "raid":
            continue
        if deadly and not _flagged(d):
            d.hint = None
            continue
        if d.mode == "aerial":  # "raids by army helicopters": an air strike whoever flies them
            d.hint = None
            continue
        if arrests or any(a.actor_type == "state" for a in d.actors):
            d.plover, d.mode = "COERCE", "raid"
        d.hint = None


def _sentence_adjust(drafts: list[Draft], deadly: bool = False) -> None:
    """Sentence-level readings: a protest met by force (tear gas, dispersal) is a protest with intervention,
    and with killings (or a death the sentence tells, ``deadly``), excessive force against protesters. Arrests
    stay arrests (ACLED's coders mostly do)."""
    crowd = any(d.hint == "crowd" for d in drafts)
    lethal = deadly or any(
        d.plover == "ASSAULT" and d.hint is None and d.mode in (None, "firearms") and not d.hit.pattern.weak
        for d in drafts
    )
    for d in drafts:
        if d.hint == "crowd" and any(x.plover == "PROTEST" and x.mode in ("riot", "vandalize") for x in drafts):
            d.hint = "riot"  # force against a violent crowd: the event is the riot
        elif d.plover == "PROTEST" and d.mode not in ("riot", "vandalize") and crowd:
            d.hint = "lethal" if crowd and lethal else "dispersal"
        elif d.hint == "crowd" and lethal:
            d.hint = "lethal"
    _force_on_protest(drafts)


def _attacked_bases(drafts: list[Draft]) -> None:
    """ "attacked a military base": a base named right after an assault is its target, not a base set up."""
    for prev, d in itertools.pairwise(list(drafts)):
        if prev.plover == "ASSAULT" and d.plover == "MOBILIZE" and d.mode == "base" and d.hit.start - prev.hit.end <= 6:
            drafts.remove(d)


def _protest_aftermath(drafts: list[Draft]) -> None:
    """ "Por volta das 21h, um grupo de mascarados quebrou vidraças": windows smashed or cars burned by no armed
    side, a sentence or two after a protest was told, are the protest turning violent (ACLED: a violent
    demonstration, not looting or property destruction)."""
    for d in drafts:
        if d.plover == "ASSAULT" and d.mode == "destroy" and d.hint == "loot" and not _armed_side(d.actors):
            d.plover, d.mode, d.hint = "PROTEST", "vandalize", None


#: sports fans: rioters when they fight, but no protest (ACLED: mob violence, not a violent demonstration)
_FANS = "gen-fans"


def _fan_violence(drafts: list[Draft]) -> None:
    """ "Confrontos entre adeptos rivais", "fans clashed with police": a clash with fans on one side is mob
    violence; the fans are put first so that the crosswalk sees the rioters acting (a clash has no direction)."""
    for d in drafts:
        if d.plover != "ASSAULT" or d.hint != "clash":
            continue
        if any(r.actor_id == _FANS for r in d.recipients) and not any(a.actor_id == _FANS for a in d.actors):
            d.actors, d.recipients = d.recipients, d.actors
        if any(a.actor_id == _FANS for a in d.actors):
            d.hint = None
            d.mode = None if d.mode == "firearms" else d.mode  # a brawl: the clash lexicon assumes gunfire


def _play(d: Draft) -> bool:
    """A trigger a sports report may use for play: an assault, or a blocking ("most pathways are blocked")."""
    return d.plover == "ASSAULT" or (d.plover == "PROTEST" and d.mode == "obstruct")


def _armed_party(a: ActorMention) -> bool:
    """An armed actor, not a bare country name ("Australia beat Colombia": a national team)."""
    return a.actor_type in ARMED and a.rule != "actors:country-name"


#: sectors of people in office: the targets of a verbal attack
_OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "PTY", "OPP", "POL"})


def _office_or_person(a: ActorMention) -> bool:
    """A person in office ("the senator", "the president") or a bare name the dictionary does not know."""
    return a.sector in _OFFICE_SECTORS or a.rule == "actors:unresolved"


def _known_party(a: ActorMention) -> bool:
    """An actor the dictionary resolved, other than a bare country name (a national team in sports copy)."""
    return a.actor_id is not None and a.rule != "actors:country-name"


def _armed_side(actors: Sequence[ActorMention]) -> bool:
    """An armed actor; masked people count as armed in conflict copy but not beside a protest."""
    return any(a.actor_type in ARMED and a.actor_id != "gen-masked" for a in actors)


def _promises(drafts: list[Draft]) -> None:
    """ "Finland will give Tanzania a grant", "the UN will provide food aid": help announced for later is, in
    PLOVER, an agreement made now (a promise or offer), not aid that has not yet happened. It is coded AGREE,
    as a fact, and stays out of the ACLED view (a pledge of aid is no ACLED agreement)."""
    for d in drafts:
        if d.plover in _PROMISABLE and d.future and not (d.negated or d.hypothetical):
            d.plover, d.mode, d.hint, d.future = "AGREE", "cooperate", QUAD_ONLY, False


#: distinct sport or game words that make an article a sports or video-game report
_SPORT_ARTICLE_WORDS = 4


def _sport_article(units: Sequence[Unit], rules: LangRules) -> bool:
    """A sports or video-game report: several distinct lower-case words of play ("goals", "assists",
    "season", "gameplay") across the article. In one, a bare "shot", "clash" or "beat" between unknown names
    is play even in a sentence with no sport word ("Bobrovsky stopped 35 shots")."""
    # a capitalised [sport] word names something else ("the Arab League"); "NHL" or "Gamers" at a sentence's
    # start still count
    sport = frozenset(u.key for u in units if not u.upper) & rules.args.words("sport")
    return _distinct(units, rules.args.words("sport_article") | sport) >= _SPORT_ARTICLE_WORDS


def _distinct(units: Sequence[Unit], words: frozenset[str]) -> int:
    """How many different ``words`` an article uses: what makes it a sports, business or crime report."""
    return len({u.key for u in units if u.key in words})


def _freed_captives(units: Sequence[Unit], drafts: list[Draft]) -> None:
    """ "libertaram vinte presos", "liberaron a veinte detenidos": the captives a release frees are its object,
    not a new arrest. An arrest word within three units after a release, with no punctuation between, goes."""
    freed = [d.hit.end for d in drafts if d.plover == "RETREAT" and d.mode == "release"]
    if not freed:
        return

    def captives(d: Draft) -> bool:
        if d.plover != "COERCE" or d.mode != "arrest" or d.hit.end - d.hit.start != 1:
            return False
        return any(0 <= d.hit.start - end <= 3 and not any(u.punct for u in units[end : d.hit.start])
                   for end in freed)

    drafts[:] = [d for d in drafts if not captives(d)]


def _force_on_protest(drafts: list[Draft]) -> None:
    """State forces shooting at, beating or attacking a peaceful protest ("officers attacked a student
    demonstration", "forces fired live rounds to clear the protests") use excessive force against protesters.
    The protest must come after the assault (its object), so "protests followed a police shooting" stays two
    events."""
    for d in drafts:
        if d.plover != "ASSAULT" or d.hint is not None or d.mode not in (None, "firearms", "beat"):
            continue
        if not any(a.actor_type == "state" for a in d.actors):
            continue
        target = any(r.actor_type == "protesters" for r in d.recipients) or any(
            x.plover == "PROTEST" and x.mode in ("demo", "obstruct") and x.hit.start > d.hit.start for x in drafts
        )
        if target:
            d.hint = "lethal"


# ---------------------------------------------------------------- the stage


def _published(article: Article) -> date | None:
    return article.published.date() if article.published else None


class EventsStage:
    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    provides: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, config: Config | None = None) -> None:
        self.config = config
        self.actors = actor_dictionary()

    def __call__(self, article: Article, doc: Doc) -> Article:
        return dataclasses.replace(article, events=tuple(self.events(article, doc)))

    def events(self, article: Article, doc: Doc) -> list[Event]:
        lang = article.lang if article.lang in ("en", "es", "pt") else "en"
        rules = rules_for(lang)
        units = make_units(doc)
        starts = [u.start for u in units]
        published = _published(article)
        spans = []
        for sent in article.sentences:
            lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
            spans.append((sent, units[lo:hi]))
        matches = [self.actors.find(su, lang) for _, su in spans]
        ctx = _context_countries(article, matches)
        coder = SentenceCoder(rules, self.actors, article.text, published, ctx)
        coder.place_spans = [p.span for p in article.places if not p.metonymy]
        coder.sport_context = _sport_article(units, rules)
        slots = _Slots.build(article)
        out: list[Event] = []
        disaster_paras = _disaster_paragraphs(article, spans, rules)
        lone: set[int] = set()  # events of a bare death verb in a sentence with no count and no other assault
        loose: set[int] = set()  # a bare "fight" or "battle" with no armed side, weapon or place in its sentence
        protest_at = -_PROTEST_REACH - 1  # index of the last sentence that told a protest as news
        for k, ((sent, su), ms) in enumerate(zip(spans, matches, strict=True)):
            coder.disaster_context = any(p.contains(sent) for p in disaster_paras)
            coder.protest_context = k - protest_at <= _PROTEST_REACH
            drafts = coder.code(su, ms)
            if any(d.plover == "PROTEST" and not _flagged(d) for d in drafts):
                protest_at = k
            # a place the places stage found, a country named, or a name after a locative ("near Tripoli")
            placed = (any(sent.contains(p) for p in coder.place_spans) or bool(drafts and coder.args.located)
                      or any(m.rule == "actors:country-name" for m in ms))
            for d in drafts:
                if _bare_death(d, drafts, su, rules):
                    lone.add(len(out))
                elif not placed and _bare_fight(d, su, rules):
                    loose.add(len(out))
                out.append(_event(article, sent, su, d, len(out) + 1, slots))
        out = _renumbered(out, _lone_deaths(out, lone) | _loose_fights(out, loose, lone))
        # the police are needed only for agentless arrests and tear gas: resolve no match otherwise
        needed = any(e.acled_sub_event_type == "Arrests" or e.mode == "crowd-control" for e in out)
        police = [_police(article, ms, ctx, published) for ms in matches] if needed else []
        words = DiscourseWords(*(rules.args.words(n) for n in ("blame_verbs", "definite", "vague_attack_nouns",
                                                               "plain_people", "group_nouns")))
        told = ArticleContext(article.text, [s for s, _ in spans], police, self.actors.get("gen-protesters"),
                              self.actors.get("gen-gunmen"))
        newsworthy = rules.args.words("mass_words") | rules.args.words("notable_people")
        out = _criminal_violence(attribute(out, told, words), units, rules)
        out = _ordinary_arrests(out, article.text, newsworthy)
        out = _commercial_deals(out, units, rules)
        out = _seats(out, article, self.actors)
        return _at_home(out, _home_country(article, matches), self.actors)



def _police(article: Article, matches: list[ActorMatch], ctx: frozenset[str], when: date | None) -> list[ActorMention]:
    """The police forces a sentence names, as mentions with their words."""
    out = []
    for m in matches:
        if any(a.sector == "COP" for a in m.actors):
            mention = m.mention(ctx, when)
            if mention.sector == "COP":
                out.append(dataclasses.replace(mention, text=article.text[m.span.start : m.span.end]))
    return out


#: share of an article's place mentions that must lie in one country for it to be the story's home
_HOME_SHARE = 0.75


def _home_country(article: Article, matches: list[list[ActorMatch]]) -> str | None:
    """The one country an article is about: at least three quarters of its place mentions (a city named for
    its government, "la Alcaldía de Bogotá", counts too), and every country-bound actor it names from there.
    None when a foreign party is named ("French troops" in a story from Mali), the places are mixed, or the
    places stage found none."""
    # a country's bare name is a place here ("the Cameroon border"), not a foreign party
    named: set[str] = set()
    for m in (m for ms in matches for m in ms if m.rule != "actors:country-name"):
        countries = {a.country for a in m.actors}
        if len(countries) == 1:
            named |= {c for c in countries if c}
    places = Counter(p.country for p in article.places if p.country)
    if not places:
        return None  # a named group's country alone ("Houthi rebels killed two soldiers") says too little
    home, n = places.most_common(1)[0]
    if n < _HOME_SHARE * sum(places.values()):
        return None
    return home if named <= {home} else None


def _seats(events: list[Event], article: Article, actors: ActorDictionary) -> list[Event]:
    """ "Moscow denied", "Beijing condemned", "Brasília anunciou": a place the places stage read as the seat of a
    government (metonymy) right before the verb is that country's government acting, when no actor is named."""
    seats = [p for p in article.places if p.metonymy and p.country]
    if not seats:
        return events
    out = []
    for e in events:
        seat = None if any(a.actor_id and a.text for a in e.actors) else _seat_before(article.text, e.trigger, seats)
        actor = actors.get(f"gov-{seat.country.lower()}") if seat is not None and seat.country else None
        if seat is None or actor is None:
            out.append(e)
            continue
        mention = actor.mention_at(seat.span, article.text[seat.span.start : seat.span.end], "actors:seat")
        out.append(dataclasses.replace(e, actors=(mention,)))
    return out


def _seat_before(text: str, trigger: Span, seats: list[Place]) -> Place | None:
    """The seat that ends at most two words before the trigger ("Moscow has denied"), in the same sentence."""
    for p in seats:
        gap = text[p.span.end : trigger.start]
        if p.span.end <= trigger.start and len(gap.split()) <= 2 and not any(c in gap for c in ".;:,\n"):
            return p
    return None


def _at_home(events: list[Event], home: str | None, actors: ActorDictionary) -> list[Event]:
    """ "the army", "la policía", "o governo" in an article about one country (:func:`_home_country`): that
    country's forces or government, as ACLED codes them; otherwise they stay unspecified."""
    if home is None:
        return events

    roles = generic_roles()

    def resolve(m: ActorMention) -> ActorMention:
        role = roles.get(m.actor_id or "")
        actor = actors.get(f"{role}-{home.lower()}") if role else None
        if actor is None:
            return m
        return dataclasses.replace(m, actor_id=actor.id, name=actor.name, actor_type=actor.actor_type,
                                   sector=actor.sector, country=actor.country, rule="actors:home-country")

    return [
        dataclasses.replace(e, actors=tuple(map(resolve, e.actors)), recipients=tuple(map(resolve, e.recipients)))
        if any(m.actor_id in roles for m in (*e.actors, *e.recipients)) else e
        for e in events
    ]


#: how many sentences after a protest is told its violence is still read as part of it
_PROTEST_REACH = 3


def _flagged(d: Draft) -> bool:
    return d.negated or d.future or d.hypothetical or d.historical


def _bare_death(d: Draft, drafts: Sequence[Draft], units: Sequence[Unit], rules: LangRules) -> bool:
    """A weak death verb ("died", "murió", "morreu") with no other assault in its sentence and no number
    before it: "the former mayor died at home" rather than "three soldiers died"."""
    if not d.hit.pattern.weak or not d.hit.pattern.elements[0].alts & rules.args.words("death_verbs"):
        return False
    if any(o is not d and o.plover == "ASSAULT" for o in drafts):
        return False
    if any(a.actor_type in ARMED and a.sector not in ("GOV", "LEG") for a in (*d.actors, *d.recipients)):
        return False  # "un soldado murió": a combatant's death is conflict news (a mayor's is not)
    counts = rules.args.words("count_words")
    # a count of people ("three soldiers died"), not of something else ("who covered three wars, died")
    return not any(
        (u.key in counts or any(c.isdigit() for c in u.key))
        and any(v.key in rules.person_nouns or v.lemma in rules.person_nouns for v in units[k + 1 : k + 4])
        for k, u in enumerate(units[: d.hit.start])
    )


def _bare_fight(d: Draft, units: Sequence[Unit], rules: LangRules) -> bool:
    """ "the fight has emerged as a galvanizing cause", "Rudolph's role in the fight", "luchar contra los
    mejores": a bare word of fighting with no armed side, weapon or place in its sentence (the stage checks the
    place) is a dispute, a brawl or a game unless the article tells of armed violence elsewhere."""
    if d.plover != "ASSAULT" or d.hit.end - d.hit.start != 1:
        return False
    if units[d.hit.start].key not in rules.args.words("bare_fights"):  # surface forms: "fighting" is combat
        return False
    if any(map(_armed_party, (*d.actors, *d.recipients))):
        return False
    # a weapon, or a kind of place after a locative ("near the border", "in the town"), makes it a fight somewhere
    control = rules.args.words("control_words")  # "a luta pelo controlo da vila": a fight over ground
    if any(word_in(u, rules.weapon_nouns) or u.key in control for u in units):
        return False
    locative = rules.args.words("locative")
    return not any(
        word_in(u, rules.place_nouns) and any(v.key in locative for v in units[max(0, k - 3) : k])
        for k, u in enumerate(units)
    )


def _loose_fights(events: list[Event], loose: set[int], lone: set[int]) -> set[int]:
    """Bare fights (:func:`_bare_fight`) count only in an article where another assault names an armed side."""
    if not loose:
        return set()
    armed = any(
        a.text and _armed_party(a)
        for k, e in enumerate(events) if k not in loose and k not in lone and e.plover_type == "ASSAULT"
        for a in (*e.actors, *e.recipients)
    )
    return set() if armed else loose


#: who an arrest is political news for, whatever the story: armed groups, crowds, outside forces, and people
#: of the opposition, parties, the press, unions, churches, legislatures and governments (PLOVER sectors)
_POLITICAL_DETAINEES = NON_STATE_ARMED | {"protesters", "rioters", "external"}
_POLITICAL_SECTORS = frozenset({"OPP", "PTY", "MED", "LAB", "REL", "LEG", "GOV", "JUD", "NGO", "REB", "UAF"})
#: ACLED event types of the violence or protest that makes any arrest in the story conflict news
_VIOLENCE_OR_PROTEST = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
                                  "Riots"})
#: sectors of the state forces: their members taken is conflict news
_FORCES = frozenset({"MIL", "COP"})
#: people arrested at once that make a mass arrest (ACLED codes those whoever they are)
_MASS_ARREST = 10


#: distinct words of criminal justice that make an article a crime report
_CRIME_ARTICLE_WORDS = 2


def _criminal_violence(events: list[Event], units: Sequence[Unit], rules: LangRules) -> list[Event]:
    """ACLED leaves out violence with personal or purely criminal motives. In a crime report (charges, counts,
    robbery, a suspect: two or more distinct words of ``[court_words]``) that names no armed group, gang, army,
    political side, notable victim or protest anywhere, an attack or a brawl by no named side or by a bare name
    on ordinary people ("a man was shot in the 400 block"; "Jackson was charged with attempted murder") stays
    PLOVER ASSAULT with no ACLED type (rule suffix ``+criminal``)."""
    violent = [e for e in events if e.acled_sub_event_type in _CRIMES]
    if not violent:
        return events
    if _distinct(units, rules.args.words("court_words")) < _CRIME_ARTICLE_WORDS:
        return events
    if any(_political_party(m) for e in events for m in (*e.actors, *e.recipients)):
        return events
    if any(e.plover_type == "PROTEST" or e.acled_event_type == EXPLOSIONS for e in events):
        return events
    notable = rules.args.words("notable_people") | rules.args.words("notable_victims")

    def ordinary(e: Event) -> bool:
        # the police or officials as its agent: enforcement, which ACLED leaves out too (or a misread speaker)
        return all(a.rule == IMPLICIT_ACTOR or a.actor_id in (None, "gen-suspects") or a.sector in
                   _CRIME_STORY_SECTORS for a in e.actors) and all(
            r.actor_id in (None, "gen-civilians") and not {fold(w) for w in r.text.split()} & notable
            for r in e.recipients)

    if not all(map(ordinary, violent)):
        return events  # a social leader or a journalist killed: the story is political, all its attacks stay
    return [dataclasses.replace(e, acled_event_type=None, acled_sub_event_type=None, rule=e.rule + "+criminal")
            if e.acled_sub_event_type in _CRIMES else e for e in events]


#: the ACLED sub-types a crime report's violence would otherwise take: a shooting, a brawl
_CRIMES = frozenset({"Attack", "Armed clash"})


#: sectors whose presence in a crime report says nothing of politics: the police and the officials who speak
_CRIME_STORY_SECTORS = frozenset({"COP", "GOV", "LEG", "JUD"})


def _political_party(m: ActorMention) -> bool:
    """An armed group, gang, army, outside force or political side (the police and officials who comment on a
    crime do not count): what makes violence ACLED's."""
    if m.rule == IMPLICIT_ACTOR or m.actor_id in (None, "gen-civilians", "gen-suspects"):
        return False
    if m.sector in _CRIME_STORY_SECTORS:
        return False
    return m.actor_type in ARMED or m.actor_type in ("protesters", "rioters") or m.sector in _POLITICAL_SECTORS


def _ordinary_arrests(events: list[Event], text: str, newsworthy: frozenset[str]) -> list[Event]:
    """ACLED counts arrests that are political news. In a story that tells no armed violence and no protest,
    police arresting a man, a driver or a burglary suspect is police work: it stays PLOVER coercion, with no
    ACLED arrest."""
    if any(e.is_factual and e.acled_event_type in _VIOLENCE_OR_PROTEST for e in events):
        return events
    return [
        dataclasses.replace(e, acled_event_type=None, acled_sub_event_type=None)
        if e.acled_sub_event_type == "Arrests" and not _political_arrest(e, text, newsworthy) else e
        for e in events
    ]


def _political_arrest(e: Event, text: str, newsworthy: frozenset[str]) -> bool:
    """Political people or state forces taken, soldiers, outside forces or armed groups taking them, or a mass
    arrest: ten or more people counted next to the trigger ("649 individuals were arrested"), or a
    ``newsworthy`` word there (a crowd's size, "dozens", or people whose arrest is news in itself,
    "journalists")."""
    # suspects and gangs (sector CRM) are armed only in ACLED's typing: their arrest is police work
    if any((r.actor_type in _POLITICAL_DETAINEES and r.sector != "CRM") or r.sector in _POLITICAL_SECTORS
           for r in e.recipients):
        return True
    # soldiers or outside forces arresting, or an armed group seizing anyone ("ELN fighters captured six soldiers")
    if any(a.sector == "MIL" or a.actor_type == "external" or a.actor_type in NON_STATE_ARMED for a in e.actors):
        return True
    if any(r.sector in _FORCES for r in e.recipients):  # soldiers or police taken
        return True
    near = text[max(e.sentence.start, e.trigger.start - 60) : min(e.sentence.end, e.trigger.end + 40)].split()
    for k, word in enumerate(near):
        digits = word.strip(".,;:()").replace(",", "").replace(".", "")
        if digits.isdigit() and int(digits) >= _MASS_ARREST and not _age(near, k):
            return True
        if fold(word.strip(".,;:()")) in newsworthy:
            return True
    return False


#: words right after a number that make it an age ("de 45 años", "com 30 anos", "30 years old")
_AGE_UNITS = frozenset({"anos", "ano", "years", "year"})


def _age(words: Sequence[str], k: int) -> bool:
    """ "Demario Jackson, 30, was arrested", "two men, aged 33 and 50", "un hombre de 45 años": a person's age,
    not a head count ("más de 30 personas" stays a count)."""
    before = words[k - 1] if k else ""
    after = fold(words[k + 1].strip(".,;:()")) if k + 1 < len(words) else ""
    return (before.endswith(",") and words[k].endswith(",")) or fold(before) == "aged" or after in _AGE_UNITS


def _lone_deaths(events: list[Event], lone: set[int]) -> set[int]:
    """Bare death verbs count only in an article that tells of violence (another assault event); otherwise
    they are obituaries and deaths from illness, not events."""
    if not lone or any(e.plover_type == "ASSAULT" for k, e in enumerate(events) if k not in lone):
        return set()
    return lone


#: distinct words of trade and markets that make an article business news
_COMMERCE_ARTICLE_WORDS = 5
#: PLOVER modes and actor types that keep a deal political whatever the article's other words
_POLITICAL_DEALS = frozenset({"ceasefire", "peace", "release"})
_ARMED_TYPES = NON_STATE_ARMED | {"external"}


def _commercial_deals(events: list[Event], units: Sequence[Unit], rules: LangRules) -> list[Event]:
    """In business news ("the deal", "the agreement" in a story of tariffs, shares and purchases) a bare deal
    refers back to the commercial one: a PLOVER agreement with no ACLED type. A truce, a peace deal, a
    prisoner release or an armed party anywhere in the article keeps the story political."""
    def bare(e: Event) -> bool:
        return e.acled_sub_event_type == "Agreement" and e.mode is None

    if not any(map(bare, events)):
        return events
    if _distinct(units, rules.args.words("commerce_article")) < _COMMERCE_ARTICLE_WORDS:
        return events
    if any(e.mode in _POLITICAL_DEALS or any(a.actor_type in _ARMED_TYPES for a in (*e.actors, *e.recipients))
           for e in events):
        return events
    return [dataclasses.replace(e, acled_event_type=None, acled_sub_event_type=None, rule=e.rule + "+commercial")
            if bare(e) else e for e in events]


def _renumbered(events: list[Event], dropped: set[int]) -> list[Event]:
    if not dropped:
        return events
    kept = [e for k, e in enumerate(events) if k not in dropped]
    return [dataclasses.replace(e, id=f"e{n}") for n, e in enumerate(kept, 1)]


def _disaster_paragraphs(article: Article, spans: list[tuple[Span, list[Unit]]], rules: LangRules) -> list[Span]:
    """Paragraphs that speak of a disaster or an accident: their deaths are not assaults."""
    hit = [sent for sent, su in spans if _names_disaster(su, rules)]
    # the sentences themselves too: an article without paragraph marks still has them
    return [p for p in article.paragraphs if any(p.contains(s) for s in hit)] + hit


def _names_disaster(units: Sequence[Unit], rules: LangRules) -> bool:
    """True when the sentence names a disaster or an accident. A disaster word inside a name ("Storm Corps",
    "Operation Hurricane") is none, nor one used as a figure for gunfire ("una lluvia de balas")."""
    words = rules.args.words("disaster")
    figures = rules.args.words("disaster_figures")
    n = len(units)
    for k, u in enumerate(units):
        # the headline test reads the whole sentence: only for a capitalised disaster word
        if u.key not in words or not (k == 0 or not u.upper or _headline(units)):
            continue
        if k + 2 < n and units[k + 1].key in _LINKS and units[k + 2].key in figures:
            continue
        if _institution_collapse(units, k, rules):
            continue
        return True
    return _multiword_disaster(units, rules)



def _institution_collapse(units: Sequence[Unit], k: int, rules: LangRules) -> bool:
    """ "the ceasefire collapsed", "the collapse of the talks", "o colapso do governo": a process or an
    institution that breaks down is no accident."""
    if units[k].key not in rules.args.words("collapse_words"):
        return False  # "colisionaron de frente": a collision near a word that is also a body ("Frente") is none
    bodies = rules.args.words("collapsing")
    if k > 0 and units[k - 1].key in bodies:
        return True
    after = units[k + 1 : k + 4]
    return bool(after) and after[0].key in _LINKS and any(u.key in bodies for u in after[1:])


def _multiword_disaster(units: Sequence[Unit], rules: LangRules) -> bool:
    """A disaster named in several words ("incendio forestal", "ola de calor", "heat wave")."""
    index = _MULTIWORD_DISASTERS.get(rules.lang)
    if index is None:
        full = rules.args.index("disaster")
        index = _MULTIWORD_DISASTERS[rules.lang] = {k: [c for c in v if len(c) > 1] for k, v in full.items()}
    n = len(units)
    for s, u in enumerate(units):
        for cue in index.get(u.key, ()):
            if len(cue) <= n - s and all(units[s + j].key == cue[j] for j in range(1, len(cue))):
                return True
    return False


#: per language: first key -> the disaster cues of two or more units (read from `[disaster]` once)
_MULTIWORD_DISASTERS: dict[str, dict[str, list[tuple[str, ...]]]] = {}


def _context_countries(article: Article, matches: list[list[ActorMatch]]) -> frozenset[str]:
    """Countries the article is about: its places' countries plus unambiguous country-bound actors it
    names."""
    found = {p.country for p in article.places if p.country and not p.metonymy}
    for ms in matches:
        for m in ms:
            if len(m.actors) == 1 and m.actors[0].country:
                found.add(m.actors[0].country)
    return frozenset(found)


@dataclass
class _Slots:
    """Optional helpers from the places, time, figures and claims stages, looked up once per article."""

    event_date: Callable[..., Any] | None
    claim_for: Callable[..., Any] | None
    sites: list[Place]  # the article's places that can be an event's site (no metonymy, no dateline)

    @classmethod
    def build(cls, article: Article) -> _Slots:
        return cls(
            _optional("wirewatch.stages.time", "event_date") if "time" in article.stages else None,
            _optional("wirewatch.stages.claims", "claim_for") if article.claims else None,
            _sites(article),
        )


def _sites(article: Article) -> list[Place]:
    """Places that can be an event's site: not metonymic, and not a dateline's ("PEMBA, Mozambique —" is where
    the report was filed) unless nothing else is left."""
    places = [p for p in article.places if not p.metonymy]
    if not places:
        return []
    starts = [s.start for s in article.sentences]
    ends: dict[int, int] = {}

    def filed(p: Place) -> bool:
        if article.text[p.span.start : p.span.start + 1].islower():
            return False
        k = bisect.bisect_right(starts, p.span.start) - 1
        if k < 0:
            return False
        if k not in ends:
            ends[k] = _dateline_end(article.text, article.sentences[k])
        return p.span.end <= ends[k]

    return [p for p in places if not filed(p)] or places


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    try:
        mod = __import__(module, fromlist=[name])
    except ImportError:
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


def _event(article: Article, sent: Span, units: Sequence[Unit], d: Draft, n: int, slots: _Slots) -> Event:
    trig = Span(units[d.hit.start].start, units[d.hit.end - 1].end)
    place = _place(article, sent, trig, slots.sites)
    kwargs: dict[str, Any] = {}
    historical = d.historical
    if slots.event_date is not None:
        try:
            ed = slots.event_date(article, sent, trig)
        except Exception:  # another stage's helper failing must not lose the event
            ed = None
        if ed is not None:
            kwargs.update(time=ed.time, date_start=ed.start, date_end=ed.end, time_precision=ed.precision)
            historical = historical or bool(ed.historical)
    figures = tuple(f for f in article.figures if sent.contains(f.span))
    subsets = _subset_figures(article, figures)
    if slots.claim_for is not None:
        claim = slots.claim_for(article, trig)
        if claim is not None:
            kwargs.update(certainty=claim.certainty, source=claim.source)
    acled_type, acled_sub = d.acled if d.acled else (None, None)
    _drop_stand_in_places(d)
    if not d.actors and acled_type in _NEEDS_PERPETRATOR:
        d.actors = [_unidentified(trig)]
    return Event(
        id=f"e{n}",
        plover_type=d.plover,
        trigger=trig,
        sentence=sent,
        mode=d.mode,
        acled_event_type=acled_type,
        acled_sub_event_type=acled_sub,
        actors=tuple(d.actors),
        recipients=tuple(d.recipients),
        place=place,
        fatalities=_figure(figures, trig, "killed", subsets),
        injured=_figure(figures, trig, "injured", subsets),
        figures=figures,
        negated=d.negated,
        future=d.future,
        hypothetical=d.hypothetical,
        historical=historical,
        confidence=_confidence(d, place),
        rule=d.rule + _structure_suffix(d) + (BACKGROUND if d.background else ""),
        **kwargs,
    )


#: ACLED event types that always have a perpetrator; when the text names none, it is "unidentified"
_NEEDS_PERPETRATOR = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _unidentified(trig: Span) -> ActorMention:
    """The implicit perpetrator of "4 people were killed in a bombing": an empty span at the trigger."""
    return ActorMention(
        span=Span(trig.start, trig.start),
        text="",
        actor_id="gen-gunmen",
        name="Unidentified Armed Group",
        actor_type="political_militia",
        sector="UAF",
        rule=IMPLICIT_ACTOR,
    )


def _figure(figures: tuple[Figure, ...], trig: Span, category: str, subsets: frozenset[Span]) -> Figure | None:
    """The nearest figure of the category; a part of a total ("including four children") only when the
    sentence gives no total, since ACLED counts everyone the event killed."""
    cands = [f for f in figures if f.category == category]
    totals = [f for f in cands if f.span not in subsets] or cands
    return min(totals, key=lambda f: abs(f.span.start - trig.start)) if totals else None


def _recipient_types(d: Draft, rules: LangRules) -> list[str | None]:
    """The recipients' ACLED actor types as the crosswalk reads them. An official or lawmaker attacked ("el
    asesinato del concejal", "o vereador foi morto a tiros") is an unarmed person: ACLED codes violence against
    one as violence against civilians, not a battle. The state itself ("Russia attacked Ukraine", "attacks on
    the government", `[state_collectives]`) stays a state."""
    if d.plover != "ASSAULT":
        return [r.actor_type for r in d.recipients]
    return ["civilians" if _civil_office(r, rules) else r.actor_type for r in d.recipients]


def _civil_office(a: ActorMention, rules: LangRules) -> bool:
    if a.actor_type != "state" or a.sector not in ("GOV", "LEG", "JUD") or a.rule == "actors:country-name":
        return False
    words = fold(a.text).split()
    return bool(words) and words[-1] not in rules.args.words("state_collectives")


#: prepositions fused with an article ("de los" is "de"; "dos", "das", "nos" carry their own article)
_FUSED_PREPS = FUSED | {"de"}
#: the hint of a clash word that names a traffic crash (lexicon): no event, and its sentence's dead died in it
ACCIDENT = "accident"
#: the hint of a verb of retaking that resumes an activity instead ("retomaron los ataques")
_RESUMED = "resumed"


def _resumed(drafts: list[Draft]) -> None:
    """ "Os rebeldes retomaram os ataques": the resumed event after the verb is the news, done by the verb's
    subject; the verb itself is no event."""
    for k, d in enumerate(drafts):
        if d.hint != _RESUMED:
            continue
        nxt = drafts[k + 1] if k + 1 < len(drafts) else None
        if nxt is not None and not any(a.text for a in nxt.actors):
            nxt.actors = list(d.actors)
    drafts[:] = [d for d in drafts if d.hint != _RESUMED]


#: words that open an object after a verb, never its inverted subject ("acusó al Gobierno")
_OBJECT_MARKS = frozenset({"a", "al", "ao", "aos", "à", "às"})
#: verbal event types whose verb also attributes a report when it closes the sentence after a comma
_ATTRIBUTING = frozenset({"ACCUSE", "THREATEN", "REJECT", "REQUEST", "SUPPORT"})


def _inverted_speakers(units: Sequence[Unit], drafts: list[Draft]) -> None:
    """ "Hombres armados asesinaron a dos campesinos, denunció la Defensoría", "..., warned the governor": a verbal
    verb after a comma with only its subject after it closes the sentence as its attribution. The phrase after
    it speaks (the actor, never a target), the act is told as done, and the report before it is the news."""
    for d in drafts:
        k = d.hit.start
        if d.plover not in _ATTRIBUTING or k == 0 or units[k - 1].key != ",":
            continue
        rest = [u for u in units[d.hit.end :] if not (u.punct and u.key in (".", "!", '"', "”", "»"))]
        if not rest or len(rest) > 8 or any(u.punct for u in rest) or any(u.key in _RELATIVE_OPENERS for u in rest):
            continue
        if rest[0].key in _OBJECT_MARKS or not any(o.hit.end < k for o in drafts if o is not d):
            continue  # "Ramiro Quintana, líder del partido, acusó al Gobierno": an apposition closed, an object
        after = units[d.hit.end].start
        d.actors = [r for r in d.recipients if r.span.start >= after]
        d.recipients = []
        d.negated = d.hypothetical = d.future = False
        d.embedded = True


#: words that open a relative clause about the noun before them ("the genocide in which", "la masacre en la que")
_RELATIVE_OPENERS = frozenset({"that", "which", "who", "whom", "where", "que", "quien", "quienes", "donde", "onde",
                               "qual", "cual", "cuales"})


def _relative_history(units: Sequence[Unit], drafts: list[Draft]) -> None:
    """ "thirty years since the genocide in which 800,000 people were killed": a deed told in a relative clause
    about a past event belongs to that past."""
    for k, p in enumerate(drafts):
        if not p.historical:
            continue
        opener = next((j for j in range(p.hit.end, min(len(units), p.hit.end + 4))
                       if units[j].key in _RELATIVE_OPENERS), None)
        if opener is None or any(units[j].key in (",", ";") for j in range(p.hit.end, opener)):
            continue
        for d in drafts[k + 1 :]:
            if d.hit.start > opener and not any(u.key in (";", ".") for u in units[opener : d.hit.start]):
                d.historical = True


#: actor types whose members, when "captured", are arrested people rather than a place taken
_CAPTIVE_TYPES = frozenset({"civilians", "rebel", "political_militia", "identity_militia", "protesters", "rioters"})
#: "any attack", "cualquier ataque", "qualquer ataque": a noun, and a possible one
_ANY = frozenset({"any", "cualquier", "qualquer"})


def _drop_stand_in_places(d: Draft) -> None:
    """A targeted place stands in only while nobody is named: a victim found by a later pass ("um taxista foi
    morto a tiros em Belém") replaces it, and a place is never an actor (a role swap may have moved it)."""
    d.actors = [a for a in d.actors if not a.is_place]
    if any(not r.is_place for r in d.recipients):
        d.recipients = [r for r in d.recipients if not r.is_place]


def _subset_figures(article: Article, figures: tuple[Figure, ...]) -> frozenset[Span]:
    """Spans of figures introduced by a subset cue ("including", "entre ellos", "entre eles")."""
    cues = [" ".join(c) for c in rules_for(article.lang).args.get("subset")]
    out = set()
    for f in figures:
        before = " ".join(fold(article.text[max(0, f.span.start - 24) : f.span.start]).split())
        if any(before.endswith(c) for c in cues):
            out.add(f.span)
    return frozenset(out)


def _place(article: Article, sent: Span, trig: Span, places: list[Place]) -> Place | None:
    """The nearest non-metonymic place in the sentence (one after a locative cue first), else the
    paragraph's, else the article's main place.

    A place in the attribution of a reported claim ("…, a spokesman told reporters in Pemba") is where the
    source spoke, not where the event happened: when the claims stage has found the claim that holds the
    trigger, only places inside its reported content count.
    """
    if not places:
        return None
    content = _claim_content(article, trig)
    inside = [p for p in places if sent.contains(p.span) and (content is None or content.contains(p.span))]
    if inside:
        best = min(inside, key=lambda p: (not _locative(article.text, p), abs(p.span.start - trig.start)))
        # "attacked the village of Macomia, in Cabo Delgado": a town inside the region the cue names is the site
        # ("in Nigeria's Plateau state": a province inside the country is finer at the same precision level)
        finer = [p for p in inside if _finer(p, best) and _within(p, best)]
        return min(finer, key=lambda p: abs(p.span.start - trig.start)) if finer else best
    para = next((s for s in article.paragraphs if s.contains(sent)), None)
    before = [p for p in places if para is not None and para.contains(p.span) and p.span.start < sent.start]
    return before[-1] if before else _main_place(places)


#: a dateline: a capitalised place (and its country or date) closed by a dash, or a capitalised word and a full stop
_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .'-]{1,40}(?:,[^—–\n]{0,60})?\s*[—–]|^[A-ZÀ-Ý][A-ZÀ-Ý .'-]{1,40}\.\s")


def _dateline_end(text: str, sent: Span) -> int:
    """Where the dateline opening ``sent`` ends ("PEMBA, Mozambique —", "CÚCUTA."), or the sentence start."""
    m = _DATELINE.match(text, sent.start, sent.end)
    return m.end() if m else sent.start


def _finer(place: Place, than: Place) -> bool:
    return place.precision < than.precision or (than.feature == "country" and place.feature != "country")


def _within(place: Place, region: Place) -> bool:
    """True when ``place`` lies in the country or first-level region ``region`` (by the gazetteer's codes)."""
    if region.feature == "country":
        return place.country == region.country
    return region.feature == "admin1" and place.country == region.country and place.admin1 == region.admin1


def _claim_content(article: Article, trig: Span) -> Span | None:
    """The reported content of the innermost attributed claim holding the trigger, if any."""
    held = [c for c in article.claims if c.source is not None and c.span.contains(trig)]
    return min(held, key=lambda c: len(c.span)).span if held else None


def _main_place(places: list[Place]) -> Place | None:
    """The article's most mentioned town-level place (first mention breaks ties): the event's likely site when
    a sentence names none. Countries and provinces are too coarse to stand in."""
    local = [p for p in places if p.feature not in ("country", "admin1") and p.precision < 3]
    if not local:
        return None
    counts: dict[str, int] = {}
    for p in local:
        counts[p.ref] = counts.get(p.ref, 0) + 1
    return max(local, key=lambda p: (counts[p.ref], -p.span.start))


_LOCATIVE = re.compile(
    r"\b(in|at|near|outside|en|cerca de|em|no|na|nos|nas|perto de|junto a)\s+(the\s+|el\s+|la\s+)?$",
    re.IGNORECASE,
)


def _locative(text: str, place: Place) -> bool:
    return bool(_LOCATIVE.search(text[max(0, place.span.start - 20) : place.span.start]))


def _confidence(d: Draft, place: Place | None) -> float:
    score = 0.5
    if any(a.actor_id for a in d.actors):
        score += 0.2
    if d.mode:
        score += 0.1
    if place is not None:
        score += 0.1
    if d.hit.pattern.weak:
        score -= 0.2
    return round(min(score, 0.95), 2)


def main_event(events: Sequence[Event], view: str = "acled") -> Event | None:
    """The event a snippet is about, in one of two views (see docs/events.md, "Main event").

    ``view="acled"`` (the default; CASE-style news snippets): factual events first (flagged ones only when
    nothing else is there), told-as-background ones last. Among them, the most specific ACLED-coded event
    (:func:`wirewatch.taxonomy.event_rank`: a suicide bombing outranks the clashes around it, a clash outranks
    an arrest); when none maps to ACLED, the first event in the text (in news, the lede's main verb). Ties go
    to the earlier trigger.

    ``view="plover"`` (PLOVER types and quad classes): the event of the sentence's main predicate, i.e. the
    first trigger that is not embedded in a procedural opener, a subordinate clause, a nominal complement or
    the object of another trigger ("condemns the attack" -> the condemnation). Negated events do not count.
    When every trigger is embedded, the first one stands in, unless the sentence is procedural text
    ("Recalling its resolution on the attacks …"): then there is no main event.
    """
    if view == "plover":
        return _main_predicate(events)
    if view != "acled":
        raise ValueError(f"main_event: unknown view {view!r}; use 'acled' or 'plover'")
    if not events:
        return None
    pool = [e for e in events if e.is_factual] or list(events)
    pool = [e for e in pool if not e.rule.endswith(BACKGROUND)] or pool
    coded = [e for e in pool if e.acled_sub_event_type is not None]
    # a crowd noun standing in for a protest is the weakest evidence: a stated event of the same sentence
    # ("la polícia nega ter disparado contra os manifestantes": the denial) outranks it
    implicit = [e for e in coded if _IMPLICIT in e.rule]
    if implicit and len(implicit) == len(coded):
        # ... unless the crowd itself speaks: "protesters demanded his resignation" is the protest
        crowd = {a.span for e in implicit for a in e.actors}
        stated = [e for e in pool if e.acled_sub_event_type is None and e.sentence == implicit[0].sentence
                  and (e.plover_type == "THREATEN" or not any(a.span in crowd for a in e.actors))]
        if stated:
            return min(stated, key=lambda e: e.trigger.start)
    if coded:
        return _acled_main(coded)
    return min(pool, key=lambda e: e.trigger.start)


#: the rule-id tail of a protest inferred from a crowd noun alone (see SentenceCoder._implicit_protest)
_IMPLICIT = "implicit-protesters"

#: ACLED sub-types of an assault told without its means; a later sentence naming the means refines them
_GENERIC_ASSAULT = frozenset({"Attack", "Armed clash"})


def _acled_main(coded: list[Event]) -> Event:
    """The most specific ACLED-coded event of the lede (the first sentence that has one): a snippet's later
    sentences add context and earlier events. One exception: when the lede tells only of a generic assault
    ("attacks were launched"), a later sentence saying how it was done (grenades, an air strike) refines it."""

    def rank(e: Event) -> tuple[int, int]:
        return event_rank(e.plover_type, e.acled_sub_event_type), e.trigger.start

    # a crowd noun standing in for a protest ("activists say ...") is the weakest evidence: last resort only
    coded = [e for e in coded if _IMPLICIT not in e.rule] or coded
    lede = min(e.sentence.start for e in coded)
    best = min((e for e in coded if e.sentence.start == lede), key=rank)
    if best.mode is None and best.acled_sub_event_type in _GENERIC_ASSAULT:
        how = [e for e in coded if e.acled_event_type == EXPLOSIONS and not e.rule.endswith(BACKGROUND)]
        if how:
            return min(how, key=rank)
    if best.acled_event_type == PROTESTS and best.acled_sub_event_type != "Excessive force against protesters":
        # a demonstration that a later sentence shows turning violent is a violent demonstration
        turned = [e for e in coded if e.acled_sub_event_type == "Violent demonstration"]
        if turned:
            return min(turned, key=rank)
    return best


def _main_predicate(events: Sequence[Event]) -> Event | None:
    """The PLOVER view of :func:`main_event`: the first main predicate in text order."""
    # background marks serve the ACLED view; here the clause analysis decides what is embedded
    pool = sorted((e for e in events if not e.negated), key=lambda e: e.trigger.start)
    # a crowd noun standing in for a protest is a subject, not a predicate: "protesters demanded ..." is the demand
    pool = [e for e in pool if _IMPLICIT not in e.rule] or pool
    main = next((e for e in pool if EMBEDDED not in e.rule), None)
    return main or next((e for e in pool if PROCEDURAL not in e.rule), None)


@register_stage("events")
def make_events_stage(config: Config) -> EventsStage:
    return EventsStage(config)
