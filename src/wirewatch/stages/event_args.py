"""Arguments of an event trigger: who did it (actors) and to whom (recipients), by token rules.

The blank spaCy pipelines have no parser, so arguments come from the sentence's *phrases*: every actor the
dictionary finds, widened to its whole noun phrase (titles and names, "Nigerian junior foreign minister X",
"supporters of X", "Poland's parliament", "los manifestantes de la CUT", "a Polícia Militar do Rio"), plus
runs of capitalised words the dictionary does not know (kept as unresolved actors). Then, per trigger:

* a passive ("were killed by", "fueron asesinados por", "foram mortos pelo") takes its actor from the agent
  phrase and its recipient from before the trigger;
* an active trigger takes the phrase right before it (auxiliaries, adverbs and dates may sit between) as its
  actor, and the phrase after it as its recipient;
* when nothing stands right before it (a complement "threatened to shell", "agreed to provide", a pronoun
  "said they would boycott", a nominal trigger deep in the sentence), the actor is the *sentence subject*:
  the phrase that opens the sentence after lead-in adverbials ("On Monday,") and quantities ("Thousands of").
  Phrases between that subject and the trigger are the objects of the governing verb, hence recipients.

Word lists (glue words, pronouns, quantities, modifiers, heads of "of" phrases) are per language in
``lang/<code>/event_args.txt``. See ``docs/events.md``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..actors import ActorMatch, Unit, choose, demonym_country
from ..records import PLACE_TARGET, ActorMention, Span
from ..taxonomy import ARMED, NON_STATE_ARMED

if TYPE_CHECKING:  # the coder imports this module; the type is only needed for annotations
    from .events import Cues, Draft, Hit, SentenceCoder

#: words that link two parts of one name or phrase ("Frente de Liberación", "army of Mali")
_LINKS = frozenset({"of", "de", "del", "do", "da", "dos", "das"})
#: what joins the words of one capitalised name: links, and the hyphen the English tokenizer splits off
_JOINERS = _LINKS | {"-"}
#: possessive clitic as the English tokenizer splits it ("Poland" "'s" "parliament")
_POSSESSIVE = frozenset({"'s", "’s", "'"})



@dataclass(frozen=True, slots=True)
class ArgWords:
    """The per-language word sets argument finding reads (from ``event_args.txt``)."""

    glue: frozenset[str]  # may stand between a subject and its verb: auxiliaries, adverbs, dates
    pronouns: frozenset[str]  # subjects that point back to the sentence subject
    leadin: frozenset[str]  # prepositions that open a lead-in adverbial ("On Monday, ...")
    quantities: frozenset[str]  # "thousands of", "about 200", "a group of": not part of the actor
    modifiers: frozenset[str]  # lower-case words inside an actor phrase ("senior", "rebel", "armados")
    of_heads: frozenset[str]  # nouns that head "X of <actor>" ("supporters of", "simpatizantes de")
    place_links: frozenset[str]  # "police in Lagos", "policía en Cali": a subject's location
    determiners: frozenset[str]
    stop_caps: frozenset[str]
    breaks: frozenset[str]
    coord: frozenset[str]
    agent: frozenset[str]
    locative: frozenset[str]
    prepositions: frozenset[str]
    infinitive: frozenset[str]  # words before a complement infinitive: "to", "a", "de"
    function: frozenset[str] = frozenset()  # every word above that can never modify an actor
    site_nouns: frozenset[str] = frozenset()  # "avenida", "plaza", "district": a name beside one is a place
    seat_after: frozenset[str] = frozenset()  # "Swiss-based": the word after a hyphen that makes a seat
    titles: frozenset[str] = frozenset()  # "ministro de Interior": an office whose portfolio completes it
    light: frozenset[str] = frozenset()  # "carried out", "perpetrado": a support verb before a noun's agent
    name_titles: frozenset[str] = frozenset()  # "gobernador", "prefeito": a title that joins the name after it
    prep_nouns: frozenset[str] = frozenset()  # "frente" in "frente al": a noun that opens a preposition
    light_verbs: frozenset[str] = frozenset()  # lemmas: "the attack that gunmen launched", "que perpetraron"
    speech: frozenset[str] = frozenset()  # ", the army said": the phrase before one is a source, not a party
    intent: frozenset[str] = frozenset()  # lemmas: "threatened a strike": the subject's own protest
    force: frozenset[str] = frozenset()  # lemmas: "forcing residents to flee": the object acts the infinitive
    armed_names: frozenset[str] = frozenset()  # "Liberation", "Autodefensas": an unknown name of an armed movement
    possessives: frozenset[str] = frozenset()  # "its fighters", "sus combatientes": the owner is the actor
    subset: frozenset[str] = frozenset()  # "aircraft including gunships": the phrase after is part of the one before
    agent_phrases: tuple[tuple[str, ...], ...] = ()  # "por parte de", "a manos de", "at the hands of"

    @classmethod
    def from_cues(cls, args: Cues, stop_caps: frozenset[str]) -> ArgWords:
        return cls(
            glue=args.words("subject_glue"),
            pronouns=args.words("pronouns"),
            leadin=args.words("leadin"),
            quantities=args.words("quantities"),
            modifiers=args.words("actor_modifiers"),
            of_heads=args.words("of_heads"),
            place_links=args.words("subject_place_links"),
            determiners=args.words("determiners"),
            stop_caps=stop_caps | args.words("quantities"),
            breaks=args.words("clause_break"),
            coord=args.words("coordination"),
            agent=args.words("agent"),
            locative=args.words("locative"),
            prepositions=args.words("prepositions"),
            infinitive=args.words("infinitive"),
            site_nouns=args.words("site_nouns"),
            titles=args.words("office_titles"),
            light=args.words("light_participles"),
            name_titles=args.words("name_titles"),
            prep_nouns=args.words("preposition_nouns"),
            light_verbs=args.words("light_verbs"),
            speech=args.words("speech_verbs"),
            intent=args.words("intent_verbs"),
            force=args.words("force_verbs"),
            armed_names=args.words("armed_name_words"),
            possessives=args.words("possessives"),
            subset=args.words("subset"),
            agent_phrases=tuple(c for c in args.get("agent") if len(c) > 1),
        )

    def __post_init__(self) -> None:
        words = self.stop_caps | self.glue | self.breaks | self.coord | self.determiners | self.locative
        words |= self.prepositions | _LINKS
        object.__setattr__(self, "function", words)


_WORDS: dict[str, ArgWords] = {}


def arg_words(lang: str, args: Cues, stop_caps: frozenset[str]) -> ArgWords:
    """The language's argument word sets, built once per process."""
    w = _WORDS.get(lang)
    if w is None:
        from ..gazetteer.lexicon import place_lexicon

        # "UK-based": the places stage's seat words, so the two stages never disagree about a seat
        seats = place_lexicon(lang).seat_after
        w = _WORDS[lang] = dataclasses.replace(ArgWords.from_cues(args, stop_caps), seat_after=seats)
    return w


@dataclass(frozen=True, slots=True)
class Phrase:
    """A candidate argument: units ``[start, end)``; ``match`` is None for an unresolved name."""

    start: int
    end: int
    match: ActorMatch | None


# ---------------------------------------------------------------- phrases


def word_in(u: Unit, words: frozenset[str]) -> bool:
    """The unit's lemma or surface form is one of ``words`` (lists of lemmas that also hold irregular forms)."""
    return u.lemma in words or u.key in words


def is_num(u: Unit) -> bool:
    return u.key[:1].isdigit()


def _name_word(u: Unit, w: ArgWords) -> bool:
    return u.upper and not u.punct and u.key not in w.stop_caps


def widen(
    units: Sequence[Unit], start: int, end: int, w: ArgWords, claimed: frozenset[int] = frozenset()
) -> tuple[int, int]:
    """The whole noun phrase around units ``[start, end)``: modifiers, titles and names on the left;
    names, acronyms in brackets, "'s" heads and "of"-links on the right. ``claimed`` units belong to other
    actors and are never this phrase's unknown modifiers."""
    i = start
    while i > 0:
        u = units[i - 1]
        if _name_word(u, w) or (u.key in w.modifiers and not u.upper):
            i -= 1
        elif u.key == ")" and i > 3 and units[i - 3].key == "(" and _name_word(units[i - 4], w):
            i -= 3  # "Azadliq (Freedom) coalition": a bracketed gloss inside the name
        elif u.key == "(" and end < len(units) and units[end].key == ")" and i > 1 and _name_word(units[i - 2], w):
            i -= 1  # "International Labour Office (ILO)": the acronym brings its full name
            end += 1
        elif u.key in _AND and i > 1 and _name_word(units[i - 2], w) and units[i].upper:
            # "Hungarian and Romanian officials"; never a capitalised opener before a lower-case actor
            # ("Agricultores e indígenas marcharam": two actors)
            i -= 2
        else:
            break
    i = _bounded_modifiers(units, i, w, claimed)
    j = end
    n = len(units)
    while j < n:
        u = units[j]
        if _name_word(u, w) or (u.key in w.modifiers and not u.upper and j > start and not _complex_prep(units, j, w)):
            j += 1
        elif u.key == "(" and j + 2 < n and units[j + 2].key == ")" and units[j + 1].upper:
            j += 3  # "Revolutionary United Front (RUF)"
        elif u.key in _JOINERS and j + 1 < n and _name_word(units[j + 1], w) and units[j - 1].upper:
            j += 1  # "Frente de Liberación Nacional", "Polícia Militar do Rio"
        elif u.key in _LINKS and j + 1 < n and _name_word(units[j + 1], w) and units[j - 1].key in w.titles:
            j += 1  # "el ministro de Interior": the portfolio belongs to the office, it is no actor of its own
        elif u.key in _LINKS and j + 2 < n and units[j + 1].key in w.determiners and _name_word(units[j + 2], w):
            j += 2  # "leaders of the Azadliq coalition", "miembros de la Guardia Nacional"
        else:
            break
    return _of_head(units, i, w), j


_AND = frozenset({"and", "y", "e"})


def _bounded_modifiers(units: Sequence[Unit], i: int, w: ArgWords, claimed: frozenset[int] = frozenset()) -> int:
    """Up to two unknown lower-case words between a determiner (or "'s") and the phrase are its modifiers:
    "the fundamentalist Umma party", "Iran's religious leader"; never a word of another actor ("The police
    arrested students", "A polícia prendeu estudantes": "police arrested" is no modifier of "students")."""
    for k in (1, 2):
        if i - k - 1 < 0:
            break
        words = units[i - k : i]
        if not all(_plain(u, w) for u in words) or any(x in claimed for x in range(i - k, i)):
            break
        before = units[i - k - 1]
        if before.key in w.determiners or before.key in _POSSESSIVE:
            return i - k
    return i


#: what follows a noun that is then a preposition: "frente a", "frente al", "em frente ao" (accents folded)
_PREP_AFTER = frozenset({"a", "al", "ao", "aos", "as"})


def _complex_prep(units: Sequence[Unit], j: int, w: ArgWords) -> bool:
    """ "los manifestantes frente al Congreso": "frente" (an actor word in "Frente Amplio") opens a
    preposition here and is no part of the phrase before it."""
    return units[j].key in w.prep_nouns and j + 1 < len(units) and units[j + 1].key in _PREP_AFTER


def _plain(u: Unit, w: ArgWords) -> bool:
    return not u.upper and u.key not in w.function and u.key.isalpha()


def _of_head(units: Sequence[Unit], i: int, w: ArgWords) -> int:
    """ "supporters of the party", "miembros del ELN", "integrantes da facção": the head noun joins."""
    k = i - 1
    if k >= 0 and units[k].key in w.determiners:
        k -= 1
    if k >= 1 and units[k].key in _LINKS and units[k - 1].key in w.of_heads:
        return k - 1
    return i


def build_phrases(
    units: Sequence[Unit],
    matches: Sequence[ActorMatch],
    w: ArgWords,
    places: Sequence[Span],
) -> list[Phrase]:
    """Actor phrases of a sentence, left to right, non-overlapping; unresolved capitalised names included
    (never the places the places stage found)."""
    out: list[Phrase] = []
    # an actor word inside a longer place name ("Governador Valadares", "Presidente Prudente") is the place's
    matches = [m for m in matches if not _inside_place(units, m, places)]
    claimed = frozenset(k for m in matches for k in range(m.start_unit, m.end_unit))
    for m in matches:
        s, e = widen(units, m.start_unit, m.end_unit, w, claimed)
        if out and s < out[-1].end and any(
            u.key in _AND or u.key in w.prepositions for u in units[out[-1].end : m.start_unit]
        ):
            s = max(m.start_unit, out[-1].end)  # "Rebels and militiamen", "rebels against civilians": two actors
        if out and s < out[-1].end:  # "Poland 's parliament", "Osama bin Laden 's al-Qaeda": one phrase
            prev = out.pop()
            # the specific actor names the phrase: "rebel leaders" -> rebels, "Iran's leader" -> Iran; an office
            # "of" a group is the group's ("the regional leader of the cartel" -> the cartel)
            owned = prev.match is not None and _office(prev.match) and any(
                u.key in _LINKS for u in units[prev.match.end_unit : m.start_unit])
            head = prev.match if prev.match is not None and m.actors[0].id.startswith("gen-") and not owned else m
            if _office(prev.match) and not _office(m):
                head = m  # "government forces", "anti-government protesters": the head noun says who they are
            out.append(Phrase(min(prev.start, s), max(prev.end, e), head))
            continue
        if out and _people_of_country(units, out[-1], m):
            prev = out.pop()  # "los obispos de Colombia", "the farmers of Ukraine": that country's people
            out.append(Phrase(prev.start, e, prev.match))
            continue
        if out and _members_of_group(units, out[-1], m):
            prev = out.pop()  # "os militares do M23", "the soldiers of the Kivu Front": the group's own fighters
            out.append(Phrase(prev.start, e, m))
            continue
        if out and s - out[-1].end == 1 and units[s - 1].key in _POSSESSIVE:
            prev = out.pop()
            # "the rebels' leader", "the gang's leader": an office belongs to its owner
            head = prev.match if _office(m) and prev.match is not None else m
            out.append(Phrase(prev.start, e, head))
            continue
        out.append(Phrase(s, e, m))
    return _add_names(units, out, w, places)


def _people_of_country(units: Sequence[Unit], prev: Phrase, m: ActorMatch) -> bool:
    """A generic group (not an office) right before "of"/"de" + a country's name: the country qualifies the group."""
    if m.rule != "actors:country-name" or prev.match is None or _office(prev.match):
        return False
    if not prev.match.actors[0].id.startswith("gen-"):
        return False
    gap = [u.key for u in units[prev.end : m.start_unit]]
    return gap in (["of"], ["de"], ["do"], ["da"], ["dos"], ["das"])


def _members_of_group(units: Sequence[Unit], prev: Phrase, m: ActorMatch) -> bool:
    """A generic force noun right before "of"/"de"/"do" (+ article) + a named armed group: the group's members."""
    if prev.match is None or not prev.match.actors[0].id.startswith("gen-") or m.actors[0].id.startswith("gen-"):
        return False
    if m.actors[0].actor_type not in NON_STATE_ARMED:
        return False
    gap = [u.key for u in units[prev.end : m.start_unit]]
    return 1 <= len(gap) <= 2 and gap[0] in _LINKS and all(k in _LINKS or len(k) <= 3 for k in gap)


def _office(m: ActorMatch | None) -> bool:
    """A bare office ("leader", "president", "spokesman"): generic government words that also name the heads
    of groups, so the owner decides whose they are."""
    return m is not None and m.actors[0].id == "gen-government"


def _inside_place(units: Sequence[Unit], m: ActorMatch, places: Sequence[Span]) -> bool:
    """True when the match lies inside a place span that is longer than it (a country named alone, which is
    both, stays an actor)."""
    span = Span(units[m.start_unit].start, units[m.end_unit - 1].end)
    return any(p.contains(span) and len(p) > len(span) for p in places)


def _add_names(
    units: Sequence[Unit],
    found: list[Phrase],
    w: ArgWords,
    places: Sequence[Span],
) -> list[Phrase]:
    taken = [False] * len(units)
    for p in found:
        for k in range(p.start, p.end):
            taken[k] = True
    out = list(found)
    i, n = 0, len(units)
    while i < n:
        if taken[i] or not _name_word(units[i], w):
            i += 1
            continue
        j = i
        while (
            j < n
            and not taken[j]
            and (_name_word(units[j], w) or (units[j].key in _JOINERS and j + 1 < n and _name_word(units[j + 1], w)))
        ):
            j += 1
        if _keep_name(units, i, j, w, places):
            end = _bracketed_acronym(units, j, taken)
            out.append(Phrase(_titled(units, i, taken, w), end, None))
            j = end
        i = j
    out.sort(key=lambda p: p.start)
    return out


def _bracketed_acronym(units: Sequence[Unit], j: int, taken: list[bool]) -> int:
    """ "the Kivu Liberation Front (KLF)": an unknown name's acronym in brackets right after it is part of it,
    so that the full name, not the acronym alone, is the actor."""
    if j + 2 < len(units) and units[j].key == "(" and units[j + 2].key == ")" and not taken[j + 1]:
        acronym = units[j + 1].text
        if acronym.isupper() and acronym.isalpha():
            return j + 3
    return j


def _titled(units: Sequence[Unit], i: int, taken: list[bool], w: ArgWords) -> int:
    """ "el gobernador Raúl Peña", "o prefeito Maurício Leme": a lower-case title the dictionary does not
    know is part of the unknown name it stands before."""
    k = i - 1
    return k if k >= 0 and not taken[k] and not units[k].upper and units[k].key in w.name_titles else i


def _keep_name(units: Sequence[Unit], i: int, j: int, w: ArgWords, places: Sequence[Span]) -> bool:
    span = Span(units[i].start, units[j - 1].end)
    if any(p.overlaps(span) for p in places):
        return False
    if i > 0 and (units[i - 1].key in w.place_links or units[i - 1].key in w.locative):
        return False  # "in Kabul": a place, even when the places stage did not run
    if _is_site(units, i, j, w):
        return False
    if j == i + 1 and units[i].key in w.leadin:
        return False  # "Nesta quinta-feira, ...", "Hoy martes": a lead-in word before a date is no name
    if j == i + 1 and (i == 0 or units[i - 1].key in _QUOTE_OPENERS):
        # a lone capitalised sentence or quotation opener is a name only when an auxiliary follows it ("Benin
        # has"): its capital letter alone says nothing ("Heavy fighting", '"Please help us," a resident said');
        # an article is no auxiliary, though "o"/"a" are also object pronouns ("Foi o ataque", "Fue el ataque")
        return j < len(units) and units[j].key in w.glue and units[j].key not in w.determiners
    return True


#: marks after which a capitalised word opens a quotation, as at the start of a sentence
_QUOTE_OPENERS = frozenset({'"', "“", "«", "'", "‘", "—", "–"})


def _is_site(units: Sequence[Unit], i: int, j: int, w: ArgWords) -> bool:
    """A street, square or district ("avenida Paulista", "Plaza de Bolívar", "in the Wadi Hajar fighting") or
    an organisation's seat ("a Swiss-based group") names a place or a modifier, never who acted."""
    if units[i].key in w.site_nouns:
        return True
    before = i - 2 if i > 1 and units[i - 1].key in _LINKS else i - 1  # "praça do Mercado"
    if before >= 0 and units[before].key in w.site_nouns and not units[before].upper:
        return True
    if j < len(units) and units[j].key in w.site_nouns and not units[j].upper:
        return True
    if i > 1 and units[i - 1].key in w.determiners and units[i - 2].key in w.locative:
        return True
    return j + 1 < len(units) and units[j].key == "-" and units[j + 1].key in w.seat_after


#: a preposition fused with an article ("al", "na", "pelo", "numa"): what follows is a noun phrase
FUSED = frozenset({"al", "del", "ao", "aos", "na", "nas", "no", "nos", "num", "numa", "pelo", "pela", "pelos",
                    "pelas", "do", "da", "dos", "das"})


def pp_opening(units: Sequence[Unit], i: int, w: ArgWords) -> int | None:
    """Where the prepositional phrase that unit ``i`` heads begins ("killed four people *in a* massacre",
    "en una masacre", "numa chacina"), or None when ``i`` is not the noun of such a phrase. The noun
    phrase before that preposition is another verb's object, never the noun's actor."""
    k = i - 1
    if k >= 0 and units[k].key in FUSED:
        # "al atacar", "ao atacar" (= on attacking) open a verb, not a noun
        infinitive = units[k].key in ("al", "ao") and units[i].key.endswith(("ar", "er", "ir"))
        return None if infinitive else k
    if k >= 2 and not units[k].upper and not units[k].punct and units[k - 1].key in w.determiners:
        k -= 1  # one modifier: "in an overnight raid", "en un violento ataque" (after another trigger only)
    if k >= 1 and units[k].key in w.determiners and (units[k - 1].key in w.prepositions or
                                                      units[k - 1].key in w.locative):
        return k - 1
    return None


def located_names(units: Sequence[Unit], phrases: Sequence[Phrase], w: ArgWords) -> list[Phrase]:
    """Capitalised names right after a locative preposition ("curfew in Montenegro"): not actors, but the
    place an event targets when nothing else receives it (PLOVER codes such a place as the recipient)."""
    taken = {k for p in phrases for k in range(p.start, p.end)}
    out: list[Phrase] = []
    n = len(units)
    for k in range(1, n):
        prev = units[k - 1].key
        if k in taken or not _name_word(units[k], w) or not (prev in w.locative or prev in w.place_links):
            continue
        j = k
        while (
            j < n
            and j not in taken
            and (_name_word(units[j], w) or (units[j].key in _JOINERS and j + 1 < n and _name_word(units[j + 1], w)))
        ):
            j += 1
        out.append(Phrase(k, j, None))
    return out


# ---------------------------------------------------------------- the sentence subject


def subject_start(units: Sequence[Unit], w: ArgWords, s: int = 0) -> int:
    """Where the sentence's subject begins: after a dateline ("PEMBA, Mozambique —"), a lead-in adverbial
    ending in a comma ("On Monday, ...") and determiners and quantities ("thousands of ...")."""
    n = len(units)
    dash = next((k for k in range(s, min(n, 8)) if units[k].key in _DASHES), None)
    if dash is not None:
        s = dash + 1
    elif s < n and units[s].key in w.leadin:
        comma = next((k for k in range(s + 1, min(n, 14)) if units[k].key == ","), None)
        if comma is not None:
            s = comma + 1
    while s < n and (units[s].key in w.determiners or units[s].key in w.quantities or is_num(units[s])):
        s += 1
        if s < n and units[s].key in _LINKS and units[s - 1].key in w.quantities:
            s += 1
    return s


_DASHES = frozenset({"—", "–", "--"})


def sentence_subject(units: Sequence[Unit], phrases: Sequence[Phrase], w: ArgWords) -> list[Phrase]:
    """The phrase(s) that open the sentence as its subject ("Bosnia and Slovenia"), or an empty list."""
    s = subject_start(units, w)
    first = next((p for p in phrases if p.end > s), None)
    if first is not None and first.start > s + 2:
        # an unlisted lead-in ("El lunes, ...", "Na segunda-feira, ..."): a comma before any actor ends it
        comma = next((k for k in range(s, min(first.start, 9)) if units[k].key == ","), None)
        if comma is not None:
            s = subject_start(units, w, comma + 1)
    if first is None or first.start > s + 2:
        return []
    if any(units[k].punct or units[k].key in w.breaks for k in range(s, first.start)):
        return []
    return coordinated(units, [p for p in phrases if p.start >= first.start], w, leftward=False)


def coordinated(units: Sequence[Unit], ps: Sequence[Phrase], w: ArgWords, leftward: bool) -> list[Phrase]:
    """The phrase nearest the trigger plus those coordinated with it ("X, Y and Z")."""
    if not ps:
        return []
    seq = list(reversed(ps)) if leftward else list(ps)
    out = [seq[0]]
    conjunction = False
    for p in seq[1:]:
        a, b = (p, out[-1]) if leftward else (out[-1], p)
        gap = units[a.end : b.start]
        # a count may open the next phrase: "five soldiers and three gunmen", "dos policías y 12 civiles"; an
        # "of" after the conjunction repeats the head: "representatives of X and of Y"
        if not gap or any(u.key not in w.coord and u.key not in w.quantities and not is_num(u)
                          and not (k and u.key in _LINKS and gap[k - 1].key in _CONJ) for k, u in enumerate(gap)):
            break
        if not any(u.key in _CONJ or u.key == "," for u in gap):
            break
        conjunction |= any(u.key in _CONJ for u in gap)
        out.append(p)
    if not conjunction:  # "X, the Y, said": commas alone make an apposition, not a list
        out = out[:1]
    return list(reversed(out)) if leftward else out


#: conjunctions proper (the coordination section also lists determiners that may follow them)
_CONJ = frozenset({"and", "y", "e", "&", "as well as", "along with", "así como", "junto con", "bem como"})


# ---------------------------------------------------------------- per trigger


def _adjacent(units: Sequence[Unit], start: int, i: int, w: ArgWords) -> bool:
    """True when only glue words (auxiliaries, adverbs, dates) or a bracketed aside fill ``units[start:i]``:
    the phrase ending at ``start`` is then the subject of the word at ``i``."""
    gap = units[start:i]
    depth = 0
    for u in gap:
        if u.key in ("(", "["):
            depth += 1
        elif u.key in (")", "]"):
            depth -= 1
        elif depth == 0 and u.key not in w.glue and not is_num(u):
            return False
    return True


def _apposition(
    units: Sequence[Unit], left: list[Phrase], phrases: Sequence[Phrase], w: ArgWords
) -> tuple[list[Phrase], int]:
    """ "X, the leader of Y, attacked": the phrase between commas describes X, the subject. Returns the
    subject candidates and where the gap to the verb starts (after the apposition's closing comma)."""
    if not left:
        return left, 0
    last = left[-1]
    j = last.start - 1
    while j > 0 and (units[j].key in w.determiners or is_num(units[j])):
        j -= 1
    whole = next((p for p in phrases if p.end in (j, j - 1)), None) if j >= 1 and units[j].key in w.subset else None
    if whole is not None:
        # "Russian aircraft including helicopter gunships killed ...": the whole is the subject
        return [whole], last.end
    k = last.start - 1
    while k >= 0 and not units[k].punct and last.start - k <= 3:
        k -= 1  # determiners and modifiers before the apposition's phrase
    # the closing comma may follow a few more words of the apposition ("filial de Al Qaeda en el Sahel,")
    close = next((i for i in range(last.end, min(len(units), last.end + 5)) if units[i].punct), None)
    if k < 1 or units[k].key != "," or close is None or units[close].key != ",":
        return left, last.end
    head = next((p for p in phrases if p.end == k), None)
    if head is None:
        return left, last.end
    return [p for p in left if p.end <= head.end] or [head], close + 1


def _pronoun_clause(units: Sequence[Unit], lo: int, i: int, w: ArgWords) -> bool:
    """The trigger's clause opens with a pronoun subject ("said [that] they would ..."), or with nothing but
    glue words (a subject dropped after "and"/"but", or by a Spanish or Portuguese verb)."""
    k = lo
    while k < i and (units[k].key in w.determiners or units[k].key in _THAT or units[k].key in w.glue):
        k += 1  # "said on Wednesday [that] they would ..."
    if k < i and units[k].key in w.pronouns:
        return True
    return all(u.key in w.glue for u in units[k:i])


#: verbal event nouns whose "de" phrase, when it is a known actor, is the speaker: "las amenazas de los
#: paramilitares", "las denuncias de los vecinos", "el rechazo de los sindicatos", "o apoio da UE"
_VERBAL_GENITIVE = frozenset({"THREATEN", "ACCUSE", "REQUEST", "REJECT", "SUPPORT"})
#: event nouns whose "de" phrase may name the doer: assaults (when armed), protests and the verbal ones above
_GENITIVE_AGENT_TYPES = frozenset({"ASSAULT", "PROTEST"}) | _VERBAL_GENITIVE

#: at most this many units between an active (nominal) trigger and its "by" agent: "attack by the rebels"
_NOMINAL_AGENT_GAP = 3
#: at most this many units between a trigger and a phrase that may be its object or agent
_NEAR_WINDOW = 8

#: complementisers that may open a reported clause before its subject
_THAT = frozenset({"that", "que"})
#: events whose "in <place>" is a venue, never a counterpart (a visit's place is its host: "visited Moscow")
_VENUE_MODES = frozenset({("CONSULT", "meet"), ("CONSULT", "negotiate"), ("CONSULT", "mediate")})
#: relative pronouns that may open an object clause after an event noun
_RELATIVE = frozenset({"that", "which", "que"})
#: relative pronouns that may be the subject of the verb after them
_RELATIVE_SUBJECT = frozenset({"that", "which", "who", "que", "quien", "quienes"})


class ArgumentFinder:
    """Finds the arguments of one sentence's triggers; the phrases are built once per sentence."""

    def __init__(self, coder: SentenceCoder, w: ArgWords) -> None:
        self.c = coder
        self.w = w
        self._units: Sequence[Unit] | None = None
        self._matches: Sequence[ActorMatch] | None = None
        self.phrases: list[Phrase] = []
        self.subject: list[Phrase] = []
        self.located: list[Phrase] = []
        self.plain: set[int] = set()  # units capitalised only by a title-case headline (set by the coder)
        self._plain: set[int] = set()  # the ``plain`` the phrases were built with

    def _prepare(self, units: Sequence[Unit], matches: Sequence[ActorMatch]) -> None:
        if units is self._units and matches == self._matches and self.plain == self._plain:
            return
        self._units, self._matches, self._plain = units, list(matches), set(self.plain)
        if self.plain:
            # a headline's trigger words are capitalised by style, not as part of a name
            units = [
                u._replace(upper=False) if k in self.plain else u
                for k, u in enumerate(units)
            ]
        self.phrases = build_phrases(units, matches, self.w, self.c.place_spans)
        self.subject = sentence_subject(units, self.phrases, self.w)
        self.located = located_names(units, self.phrases, self.w)

    def assign(self, units: Sequence[Unit], hit: Hit, lo: int, matches: Sequence[ActorMatch], d: Draft) -> None:
        """Set ``d.actors`` and ``d.recipients`` for the trigger ``hit`` whose clause starts at ``lo``."""
        self._prepare(units, matches)
        w = self.w
        ps = self.phrases
        # a phrase may run into the trigger when a pattern names its subject ("insurgents attacked")
        # or open it ("Insurgents attacked", "a police raid"): a proper prefix of the trigger is its subject
        before = [
            p
            for p in ps
            if lo <= p.start <= hit.start
            and p.end <= hit.end
            and hit.start - p.end <= 10
            and (p.start < hit.start or (p.end < hit.end and units[p.end].key != "-"))  # not "gang-raped"
        ]
        pp = pp_opening(units, hit.start, w)
        if pp is not None and self._after_event(units, pp) and not self._intended_protest(units, hit):
            before = [p for p in before if p.start > pp]
        else:
            pp = None  # "converged for a rally", "reneged on his commitment": the subject's own noun
        after = [
            p
            for p in ps
            if p.start >= hit.end
            and p.start - hit.end <= _NEAR_WINDOW
            and not any(u.key in w.breaks for u in units[hit.end : p.start])
        ]
        after = self._without_sources(units, hit, after)
        agent = self._agent(units, hit, after) or self._far_agent(units, hit)
        # a participle of carrying out with its "by" agent is passive without an auxiliary: ", perpetrado por X"
        passive = not _participle_like_gerund(units[hit.start]) and (
            self.c._passive(units, hit, lo) or (bool(agent) and units[hit.start].key in w.light)
        )
        left = coordinated(units, before, w, leftward=True)
        # a phrase after a passive verb that follows the trigger belongs to that verb ("was condemned by X")
        after = [p for p in after if p in agent or not self._passive_between(units, hit.end, p.start)]
        right = coordinated(units, [p for p in after if p not in agent], w, leftward=False)
        forced = self._forced(units, hit)
        if forced:
            # "forcing thousands of residents to flee": the people forced act the infinitive
            actors, recips = forced, right
        elif passive:
            actors, recips = agent, left
        elif self._has_subject(units, hit, left):
            # "the US on Thursday rejected calls by Kofi Annan": the verb's own subject outranks a "by" phrase
            actors, recips = self._active(units, hit, lo, left, right or agent)
        elif agent and self._own_agent(units, hit, agent[0]):
            actors, recips = agent, right or left  # "the attack by the rebels on the base"
        elif not left and len(right) > 1 and self._between(units, hit, right):
            actors, recips = right[:1], right[1:]
        elif pp is not None:
            # a noun inside another verb's phrase ("died in an attack"): the sentence's subject did not do it
            actors, recips = [], right
        else:
            # a farther "by" phrase belongs to a noun in between ("investigating crimes by extremists")
            actors, recips = self._active(units, hit, lo, left, right or agent)
        if not recips and not passive and (hit.pattern.plover, hit.pattern.mode) not in _VENUE_MODES:
            # "a curfew in Montenegro": the place is the target; "met in Geneva" is only where they met
            located = self.located_after(units, hit)
        else:
            located = []
        when = self.c.published
        d.actors = self._paired([self.mention(units, p, when) for p in actors], units)
        d.recipients = self._paired([self.mention(units, p, when) for p in recips if p not in actors], units)
        d.recipients += [dataclasses.replace(self.mention(units, p, when), rule=PLACE_TARGET) for p in located]

    def _active(
        self, units: Sequence[Unit], hit: Hit, lo: int, left: list[Phrase], right: list[Phrase]
    ) -> tuple[list[Phrase], list[Phrase]]:
        w = self.w
        left, gap_from = _apposition(units, left, self.phrases, self.w)
        if left and _adjacent(units, gap_from, hit.start, w):
            return left, right
        relative = self._relative_subject(units, hit)
        if relative is not None:
            return relative, right
        coordinated = _coordinated_verb(units, hit)
        own = self._reported_subject(units, hit) if coordinated else []
        if own:
            return own, right
        subj = [p for p in self.subject if p.end <= hit.start and p not in right]
        if not subj:
            return left, right
        same_clause = subj[0].start >= lo or not any(u.key in w.breaks for u in units[subj[-1].end : hit.start])
        if not same_clause and (left or not _pronoun_clause(units, lo, hit.start, w)):
            return left, right
        if coordinated:
            # "El ELN negó haber atacado a la población civil y responsabilizó al EPL": the second verb shares
            # the first one's subject; the phrase before "y" was the first verb's object
            return subj, right
        # "four people were killed in a bombing": the subject is a victim; but "was forced to attack",
        # "is prepared to lift": the infinitive's subject is the passive's
        control = hit.start > 0 and units[hit.start - 1].key in w.infinitive
        if not control and self._passive_between(units, subj[-1].end, hit.start):
            return left, right
        if self._event_between(units, subj[-1].end, hit):
            # "La ONG denunció malos tratos": the subject belongs to the event in between, not to this one
            return [p for p in left if p.start >= subj[-1].end and p not in subj], right
        between = [p for p in left if p.start >= subj[-1].end]
        return subj, right or between

    def _paired(self, mentions: list[ActorMention], units: Sequence[Unit]) -> list[ActorMention]:
        """ "Chadian and Nigerien troops", "tropas chadianas y nigerinas": a second demonym coordinated with the
        one that built a state force names that country's same force, a party of its own."""
        out = []
        for m in mentions:
            out.append(m)
            role = (m.actor_id or "").split("-")[0]
            if not m.rule.endswith("-demonym") or role not in ("mil", "pol", "gov"):
                continue
            k = next((i for i, u in enumerate(units) if u.start == m.span.start), None)
            e = next((i for i, u in enumerate(units) if u.end == m.span.end), None)
            if k is None or e is None:
                continue
            if self.c.r.lang == "en":
                other = units[k] if k + 1 < len(units) and units[k + 1].key in self.w.coord else None
            else:
                other = units[e + 2] if e + 2 < len(units) and units[e + 1].key in self.w.coord else None
            iso2 = demonym_country(other.text, self.c.r.lang) if other is not None else None
            actor = self.c.dict.get(f"{role}-{iso2.lower()}") if iso2 and iso2 != m.country else None
            if actor is not None and other is not None:
                out.append(actor.mention_at(Span(other.start, other.end), other.text, m.rule))
        return out

    def _relative_subject(self, units: Sequence[Unit], hit: Hit) -> list[Phrase] | None:
        """ "Officials believe the cell answers to one of the factions that have been fighting": a verb right after
        a relative pronoun has the noun before the pronoun as its subject, never the sentence's; when that noun
        is no actor the subject is unknown (an empty list). None when the verb opens no relative clause.
        Spanish and Portuguese "que" also introduces reported speech ("dijo que atacaron"), so there only an
        actor right before it counts."""
        k = hit.start - 1
        while k > 0 and units[k].key in self.w.glue:
            k -= 1
        if k < 1 or units[k].key not in _RELATIVE_SUBJECT:
            return None
        antecedent = next((p for p in self.phrases if p.end in (k, k - 1) and p.end <= k), None)
        if antecedent is not None and (antecedent.end == k or units[k - 1].key == ","):
            return [antecedent]
        if units[k].key in _THAT and self.c.r.lang != "en":
            # "las facciones que se enfrentan": a noun after a determiner is an antecedent; "dijo que" is speech
            noun = k >= 2 and units[k - 2].key in self.w.determiners and not units[k - 1].upper
            noun = noun and units[k - 1].key not in self.w.glue  # "dijeron el lunes que": a date, not a noun
            speech = any(u.key in self.w.speech for u in units[max(0, k - 4) : k])
            return [] if noun and not speech else None
        return []

    def _reported_subject(self, units: Sequence[Unit], hit: Hit) -> list[Phrase]:
        """ "la policía dijo que los rebeldes mataron a dos soldados y quemaron el puesto": a verb coordinated
        inside a reported clause (or one after a lead-in) shares that clause's subject (the rebels), not the
        previous verb's object nor the reporter. For a coordinated verb only; empty when no clause opener
        precedes it."""
        k = hit.start - 2
        # a comma closes a lead-in ("Según la policía, los sicarios ...") as a reporting verb or "que" does
        while k >= 0 and units[k].key not in self.w.breaks and units[k].key not in _THAT and units[k].key != ",":
            k -= 1
        if k < 0:
            return []  # no reported clause: the sentence subject rule applies
        s = k + 1
        while s < hit.start and (units[s].key in self.w.determiners or units[s].key in self.w.quantities):
            s += 1
        first = [p for p in self.phrases if p.start == s and p.end < hit.start]
        return coordinated(units, [p for p in self.phrases if first and p.start >= s], self.w, leftward=False)

    def _forced(self, units: Sequence[Unit], hit: Hit) -> list[Phrase]:
        """The object of a verb of force right before "to"/"a" + the trigger: "forcing thousands of residents to
        flee", "obligaron a miles de familias a huir", "obrigaram os moradores a fugir"."""
        k = hit.start - 1
        if k < 1 or units[k].key not in self.w.infinitive:
            return []
        p = next((x for x in self.phrases if x.end == k), None)
        if p is None:
            return []
        v = p.start - 1
        while v >= 0 and p.start - v <= 5 and not self._force_verb(units[v]):
            u = units[v]
            if not (u.key in self.w.determiners or u.key in self.w.quantities or is_num(u) or u.key in _LINKS
                    or u.key in self.w.infinitive):
                return []
            v -= 1
        return [p] if v >= 0 and self._force_verb(units[v]) else []

    def _force_verb(self, u: Unit) -> bool:
        return word_in(u, self.w.force)

    def _without_sources(self, units: Sequence[Unit], hit: Hit, after: list[Phrase]) -> list[Phrase]:
        """ "forcing residents to flee, the army and aid workers said": the phrases between a comma and a speech
        verb name who reports the event, never a party to it."""
        end = min(len(units), hit.end + 12)
        say = next((k for k in range(hit.end, end) if units[k].key in self.w.speech), None)
        if say is None:
            return after
        comma = next((k for k in range(say - 1, hit.end - 1, -1) if units[k].key == ","), None)
        if comma is None:
            return after
        return [p for p in after if not (comma < p.start and p.end <= say)]

    def _after_event(self, units: Sequence[Unit], pp: int) -> bool:
        """True when another trigger of the same clause comes before the preposition at ``pp`` ("killed four
        people in an attack", "died in a blast"): the noun phrase before it is that trigger's object."""
        lo = max(0, pp - 12)
        hits = self.c.r.lexicon.match(units[lo:pp])
        return bool(hits) and not any(u.key in self.w.breaks for u in units[lo + hits[-1].end : pp])

    def _event_between(self, units: Sequence[Unit], lo: int, hit: Hit) -> bool:
        """Another trigger between the subject and ``hit`` keeps the subject from ``hit``: a victim's verb
        ("died in an explosion", "murieron en una explosión"), or any event whose object ``hit`` is ("condemned
        the attacks", "anunció que el Ejército atacó un campamento"). Only a complement infinitive inherits the
        subject ("threatened to shell", "amenazaron con sancionar")."""
        if hit.start - lo < 1:
            return False
        hits = self.c.r.lexicon.match(units[lo : hit.start])
        if any(h.pattern.weak for h in hits):
            return True
        if hits and self._intended_protest(units, hit):
            return False
        return bool(hits) and units[hit.start - 1].key not in self.w.infinitive

    def _intended_protest(self, units: Sequence[Unit], hit: Hit) -> bool:
        """ "Unions threatened a general strike", "los sindicatos amenazaron con un paro", "as centrais prometem
        uma greve geral": a protest noun right after a verb of intent (a preposition, determiner or adjective
        between) is its subject's own protest."""
        if hit.pattern.plover != "PROTEST":
            return False
        lo = max(0, hit.start - 6)
        verbs = self.c.r.lexicon.match(units[lo : hit.start])
        if not verbs:
            return False
        start, end = lo + verbs[-1].start, lo + verbs[-1].end
        if not 0 < hit.start - end <= 3 or not any(word_in(u, self.w.intent) for u in units[start:end]):
            return False
        return all(not u.punct and u.key not in self.w.breaks for u in units[end : hit.start])

    def _has_subject(self, units: Sequence[Unit], hit: Hit, left: list[Phrase]) -> bool:
        subject, gap_from = _apposition(units, left, self.phrases, self.w)
        return bool(subject) and _adjacent(units, gap_from, hit.start, self.w)

    def _own_agent(self, units: Sequence[Unit], hit: Hit, agent: Phrase) -> bool:
        """The "by" phrase belongs to the trigger itself when close to it, or after the trigger's own "of"
        object ("the capture of the town by ISIS", "la toma de la ciudad por el EI")."""
        gap = agent.start - hit.end
        # a place inside the object does not count: "the bombing of a mosque in Helmand by the Taliban"
        gap -= sum(1 for u in units[hit.end : agent.start] if u.upper or u.key in self.w.locative)
        if gap <= _NOMINAL_AGENT_GAP or (gap <= 2 * _NOMINAL_AGENT_GAP and units[hit.end].key in _LINKS):
            return True
        # "el secuestro de un ingeniero petrolero por parte del ELN": a phrase marker names the noun's agent
        # unambiguously, so its own words do not count towards the distance
        before = tuple(u.key for u in units[max(hit.end, agent.start - 4) : agent.start])
        marker = max((len(c) for c in self.w.agent_phrases if before[-len(c):] == c), default=0)
        if marker and gap - marker <= 2 * _NOMINAL_AGENT_GAP:
            return True
        return self._light_before(units, hit, agent)

    def _light_before(self, units: Sequence[Unit], hit: Hit, agent: Phrase) -> bool:
        """ "an attack on the base carried out by the rebels", "el ataque fue perpetrado por el ELN": a support
        verb right before the agent's "by" hands the agent back to the event noun."""
        k = agent.start - 1
        while k > hit.end and units[k].key in self.w.determiners:
            k -= 1
        if k <= hit.end or units[k].key not in self.w.agent:
            return False
        # the participle may stand a few words before its "by": "perpetrated at dawn by", "perpetrado anteayer
        # en la madrugada por"
        v = next((j for j in range(k - 1, max(hit.end, k - 6) - 1, -1) if units[j].key in self.w.light), None)
        light = v is not None and not any(u.punct for u in units[v + 1 : k])
        k = v + 1 if v is not None else k
        window = units[hit.end : k - 1]
        if not light or agent.start - hit.end > 4 * _NOMINAL_AGENT_GAP or any(u.key in self.w.breaks for u in window):
            return False
        # "an investigation into crimes committed by X": the support verb serves the nearer event noun
        return not self.c.r.lexicon.match(window)

    def located_after(self, units: Sequence[Unit], hit: Hit) -> list[Phrase]:
        for p in self.located:
            if p.start >= hit.end and p.start - hit.end <= 8:
                if not any(u.key in self.w.breaks for u in units[hit.end : p.start]):
                    return [p]
                break
        return []

    def _passive_between(self, units: Sequence[Unit], lo: int, hi: int) -> bool:
        """A passive auxiliary + participle in ``units[lo:hi]``."""
        aux = self.c.r.aux
        return any(units[k].key in aux and _participle(units[k + 1]) for k in range(lo, hi - 1))

    def _agent(self, units: Sequence[Unit], hit: Hit, after: list[Phrase]) -> list[Phrase]:
        """Phrases introduced by "by"/"por"/"pelo" (possibly + a determiner) after the trigger, unless a
        passive verb in between owns the agent ("the attack was condemned by X")."""
        for p in after:
            if self._passive_between(units, hit.end, p.start) and not self._light_before(units, hit, p):
                return []
            gap = tuple(u.key for u in units[hit.end : p.start])
            if gap and self._agent_opener(gap):
                return coordinated(units, [x for x in after if x.start >= p.start], self.w, leftward=False)
        return self._relative_agent(units, hit, after) or self._genitive_agent(units, hit, after)

    def _agent_opener(self, gap: tuple[str, ...]) -> bool:
        """The words before a phrase end in an agent marker, possibly + a determiner: "by", "por los", "por parte
        del", "a manos de", "às mãos dos"."""
        w = self.w
        if any(gap[-len(c):] == c for c in w.agent_phrases):
            return True
        if gap[-1] in w.determiners and len(gap) > 1:
            gap = gap[:-1]
        return gap[-1] in w.agent or any(gap[-len(c):] == c for c in w.agent_phrases)

    def after_agent(self, units: Sequence[Unit], start: int) -> bool:
        """True when an agent marker opens the phrase at text offset ``start`` ("died at the hands of X")."""
        k = next((i for i, u in enumerate(units) if u.start == start), None)
        return k is not None and k > 0 and self._agent_opener(tuple(u.key for u in units[max(0, k - 6) : k]))

    def _far_agent(self, units: Sequence[Unit], hit: Hit) -> list[Phrase]:
        """ "the attack on the station, perpetrated at dawn by the Kessa Front": a "by" phrase farther than the
        usual window, handed back by a participle of carrying out."""
        for p in self.phrases:
            if _NEAR_WINDOW < p.start - hit.end <= 4 * _NOMINAL_AGENT_GAP and self._light_before(units, hit, p):
                return coordinated(units, [x for x in self.phrases if x.start >= p.start], self.w, leftward=False)
        return []

    def _relative_agent(self, units: Sequence[Unit], hit: Hit, after: list[Phrase]) -> list[Phrase]:
        """ "the attack that gunmen launched on the village", "el ataque que los paramilitares perpetraron",
        "o ataque que grupos armados lançaram": the subject of a support verb in a relative clause right after
        the event noun carried the event out (it is no recipient)."""
        k = hit.end
        if k >= len(units) or units[k].key not in _RELATIVE:
            return []
        k += 1
        if k < len(units) and self._light_verb(units[k]):
            k += 1  # the subject after its verb: "la masacre que cometieron hombres armados"
            inverted = True
        else:
            inverted = False
        while k < len(units) and units[k].key in self.w.determiners:
            k += 1
        if not any(p.start == k for p in after):
            return []
        group = coordinated(units, [p for p in after if p.start >= k], self.w, leftward=False)
        if inverted:
            return group
        v = group[-1].end
        while v < len(units) and v - group[-1].end < 2 and units[v].key in self.w.glue:
            v += 1  # "that the rebels had launched"
        return group if v < len(units) and self._light_verb(units[v]) else []

    def _light_verb(self, u: Unit) -> bool:
        return word_in(u, self.w.light_verbs)

    def _genitive_agent(self, units: Sequence[Unit], hit: Hit, after: list[Phrase]) -> list[Phrase]:
        """ "el ataque de las FARC", "um ataque de insurgentes a um autocarro": an armed side right after an
        assault noun and "de"/"do"/"da" is who attacked (an unarmed one is the victim: "la masacre de civiles").
        After a protest noun any such phrase protested ("la huelga de los camioneros", "o protesto dos
        professores"), after a verbal one a known actor spoke ("las amenazas de los paramilitares"); after other
        nouns it is the patient ("la expulsión de los diplomáticos")."""
        kind = hit.pattern.plover
        if kind == "COERCE" and hit.pattern.mode == "raid":
            kind = "ASSAULT"  # "el operativo de la Policía", "a operação da PM": an armed side makes the raid
        if self.c.r.lang == "en" or kind not in _GENITIVE_AGENT_TYPES or not after or hit.end >= len(units):
            return []
        p = after[0]
        gap = units[hit.end + 1 : p.start]
        if units[hit.end].key not in _LINKS or len(gap) > 1 or (gap and gap[0].key not in self.w.determiners):
            return []
        if kind == "PROTEST":
            return [p]
        if kind in _VERBAL_GENITIVE:
            return [p] if p.match is not None else []
        return [p] if p.match is not None and p.match.actors[0].actor_type in ARMED else []

    def _between(self, units: Sequence[Unit], hit: Hit, right: list[Phrase]) -> bool:
        return any(u.key in self.c.r.between for u in units[hit.end : right[0].start])

    def _owner(self, units: Sequence[Unit], p: Phrase) -> Phrase | None:
        """ "Hamas said its fighters had fired rockets", "el ELN dijo que sus combatientes atacaron": a generic
        force after a possessive belongs to the named actor that opens the sentence."""
        if p.start == 0 or units[p.start - 1].key not in self.w.possessives or p.match is None:
            return None
        if not p.match.actors[0].id.startswith("gen-"):
            return None
        owner = next((s for s in self.subject if s.end < p.start), None)
        if owner is None or owner.match is None or owner.match.actors[0].id.startswith("gen-"):
            return None
        return owner

    def _country_as_modifier(self, units: Sequence[Unit], p: Phrase) -> bool:
        """ "the Ivory Coast Hotel", "a Kenya Airways plane": a country's name followed by more of a capitalised
        name modifies it; the name is no state."""
        m = p.match
        return (
            m is not None
            and m.rule == "actors:country-name"
            and p.end > m.end_unit
            and all(units[k].upper and not units[k].punct for k in range(m.end_unit, p.end))
        )

    def mention(self, units: Sequence[Unit], p: Phrase, when: date | None) -> ActorMention:
        start, end = p.start, p.end
        if p in self.subject:
            end = _located(units, end, self.w)
        span = _whole_words(self.c.text, Span(units[start].start, units[end - 1].end))
        text = self.c.text[span.start : span.end]
        owner = self._owner(units, p)
        if owner is not None:
            # "Hamas said its fighters fired rockets": the words in the clause, the owner's identity
            return dataclasses.replace(self.mention(units, owner, when), span=span, text=text, rule="actors:possessor")
        if p.match is None or self._country_as_modifier(units, p):
            if any(units[k].key in self.w.armed_names for k in range(start, end)):
                # "the Kivu Liberation Front", "Autodefensas del Sur": a name that says it is an armed movement
                return ActorMention(span=span, text=text, actor_type="rebel", sector="REB",
                                    rule="actors:unresolved-armed")
            return ActorMention(span=span, text=text, rule="actors:unresolved")
        return choose(p.match.actors, self.c.ctx, when).mention_at(span, text, p.match.rule)


#: finite past-tense endings of coordinated verbs: "and blamed", "y responsabilizó", "e culpou"
_FINITE_ENDINGS = ("ed", "ó", "ió", "aron", "ieron", "ou", "iu", "eu", "aram", "eram", "iram")


def _coordinated_verb(units: Sequence[Unit], hit: Hit) -> bool:
    """True for a finite verb right after a conjunction ("... and blamed", "... y responsabilizó"): a second
    predicate of the same subject, not a noun coordinated with the previous object ("the attacks and killings")."""
    if hit.start == 0 or units[hit.start - 1].key not in _CONJ:
        return False
    u = units[hit.start]
    return u.key != u.lemma and u.text.lower().endswith(_FINITE_ENDINGS)


def _participle_like_gerund(u: Unit) -> bool:
    """ "are demanding", "están exigiendo", "estão exigindo": progressive, not passive."""
    return u.key.endswith(("ing", "ndo"))


def _whole_words(text: str, span: Span) -> Span:
    """A span grown to whole hyphenated words: "porta-voz", not "voz"."""
    s, e = span.start, span.end
    while s > 1 and text[s - 1] == "-" and text[s - 2].isalnum():
        s -= 1
        while s > 0 and text[s - 1].isalnum():
            s -= 1
    while e < len(text) - 1 and text[e] == "-" and text[e + 1].isalnum():
        e += 1
        while e < len(text) and text[e].isalnum():
            e += 1
    return Span(s, e)


def _participle(u: Unit) -> bool:
    """A past participle (regular ending or an irregular form with its own lemma); never a gerund."""
    if u.key.endswith(("ing", "ndo")):
        return False
    return u.key != u.lemma or u.key.endswith(_PARTICIPLE_ENDINGS)


#: regular participle endings in the three languages (the lookup lemma catches irregular ones)
_PARTICIPLE_ENDINGS = ("ed", "en", "do", "da", "dos", "das", "to", "ta", "tos", "tas")


def _located(units: Sequence[Unit], end: int, w: ArgWords) -> int:
    """A subject's place joins it ("police in Lagos", "grupos de oposición en Venezuela")."""
    n = len(units)
    if end < n - 1 and units[end].key in w.place_links:
        k = end + 1
        if k < n and units[k].key in w.determiners:
            k += 1
        j = k
        # the whole name, with its linking words: "no Complexo do Alemão", not "no Complexo"
        while j < n and not units[j].punct and (
            units[j].upper or (j > k and units[j].key in _JOINERS and j + 1 < n and units[j + 1].upper)
        ):
            j += 1
        if j > k:
            return j
    return end
