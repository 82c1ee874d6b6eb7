"""Who did it, read across an article's sentences (issue 4).

The events stage codes one sentence at a time, but reports often name a perpetrator in another sentence: "A
military source blamed Islamic State West Africa Province" two sentences after the bombing it speaks of, "the
Islamic State claimed responsibility for the attack" after the ambush, "the kidnapping" pointing back to the
gunmen who did it, "the militants" or "the group" standing for the one armed group the article named, or the
police force that made the arrests a story goes on to count ("47 personas detenidas"). These passes give such
an event the party another sentence names. The mention keeps the words it came from (its span points into that
sentence) and its rule says why (:data:`BLAMED`, :data:`CLAIMED`, :data:`ANAPHORA`, :data:`POLICE`), so a user
can always see that the actor was read from elsewhere.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..actors import Actor, fold
from ..records import ActorMention, Event, Span
from ..taxonomy import NON_STATE_ARMED

#: rule of a party that claimed the attack ("claimed responsibility for", "reivindicó")
CLAIMED = "actors:claimed"
#: rule of a party another sentence blames for an attack told without its perpetrator
BLAMED = "actors:blamed"
#: rule of the police force named elsewhere in the article that made an arrest (or used tear gas on a crowd)
#: told without its agent
POLICE = "actors:article-police"
#: rule of people arrested in an article that told a protest: the protesters
PROTESTERS = "actors:protest-context"
#: rule of the perpetrator of an earlier attack that "the attack", "el secuestro" points back to
ANAPHORA = "actors:anaphora"

#: how many sentences back a blame or a claim looks for the attack it speaks of
REACH = 3
#: the unidentified armed group (implicit, or "gunmen", "atacantes"): the perpetrator a blame may name
_UNIDENTIFIED = "gen-gunmen"
#: generic armed sides that "the militants", "los guerrilleros", "os insurgentes" may point back with
_ATTACKER_KINDS = frozenset({_UNIDENTIFIED, "gen-militants", "gen-rebels"})
_WORD = re.compile(r"\w+")
#: rule of a bare group noun taken as the unidentified armed side when the article names no one group
_GROUP_NOUN = "actors:group-noun"
#: the coder's placeholder perpetrator of an assault told without one (the events stage builds it)
IMPLICIT_ACTOR = "actors:implicit-unidentified"
_CIVILIANS = "gen-civilians"
#: rule marks of a trigger that is not its sentence's main predicate (see the events stage)
_NOT_MAIN = ("+embedded", "+background")
#: state sectors that can be blamed for an attack: the forces, not a government or ministry
_FORCES = frozenset({"MIL", "COP"})


@dataclass(frozen=True, slots=True)
class DiscourseWords:
    """Per-language words the passes read (``lang/<code>/event_args.txt``, folded)."""

    blame_verbs: frozenset[str]  # trigger words that blame without naming the deed ("blamed", "responsabilizó")
    definite: frozenset[str]  # determiners that point back to an attack already told ("the", "el", "do")
    vague: frozenset[str]  # attack nouns that point back to no one attack ("the violence", "la guerra")
    people: frozenset[str] = frozenset()  # plain words for people ("people", "personas"): no kind of their own
    groups: frozenset[str] = frozenset()  # bare group nouns ("group", "grupo") that point back to a named group


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the passes read from the article besides its events."""

    text: str
    sentences: Sequence[Span]
    police: Sequence[Sequence[ActorMention]]  # per sentence, the police forces it names
    protesters: Actor | None = None  # the dictionary's generic protesters (arrests at a protest)
    unidentified: Actor | None = None  # the dictionary's unidentified armed group ("the group killed ...")


def attribute(events: Sequence[Event], ctx: ArticleContext, words: DiscourseWords) -> list[Event]:
    """The article's events with perpetrators (and the people arrested at a protest) read from other
    sentences."""
    text = ctx.text
    starts = [s.start for s in ctx.sentences]
    where = [max(0, bisect.bisect_right(starts, e.sentence.start) - 1) for e in events]
    out = list(events)
    for i, e in enumerate(events):
        parties = _claimants(e) or _blamed(e, events, where, i, words.blame_verbs, text)
        for j in _targets(out, where, i, parties):
            out[j] = dataclasses.replace(out[j], actors=parties)
    for j, e in enumerate(out):
        if _unattributed(e, set()) and _anaphoric(e, text, words):
            antecedent = _antecedent(out, where, j)
            if antecedent is not None:
                actors = tuple(dataclasses.replace(a, rule=ANAPHORA) for a in antecedent.actors)
                out[j] = dataclasses.replace(e, actors=actors)
    for j, e in enumerate(out):
        if e.plover_type != "ASSAULT":
            continue
        if any(_generic_definite(a, text, words) for a in (*e.actors, *e.recipients)):
            out[j] = _resolved_attackers(out, where, j, text, words)
        elif ctx.unidentified and _unnamed(e) and (group := _group_subject(out, j, text, words, ctx.unidentified)):
            # "The group killed three civilians": the bare noun stands where the coder found no one
            out[j] = dataclasses.replace(e, actors=(group,))
            out[j] = _resolved_attackers(out, where, j, text, words)
    protest_at = min((where[j] for j, e in enumerate(out) if _protest_told(e)), default=None)
    for j, e in enumerate(out):
        if _agentless_force(e):
            found = _nearest_police(ctx.police, where[j])
            if found is not None:
                e = out[j] = dataclasses.replace(e, actors=(dataclasses.replace(found, rule=POLICE),))
        if ctx.protesters and protest_at is not None and protest_at <= where[j] and e.acled_sub_event_type == "Arrests":
            out[j] = _arrested_protesters(e, ctx.protesters, words, text)
    return out


def _told(e: Event) -> bool:
    """Told as having happened (historical events too): not negated, hypothetical or planned."""
    return not (e.negated or e.hypothetical or e.future)


def _protest_told(e: Event) -> bool:
    return e.plover_type == "PROTEST" and e.is_factual


def _arrested_protesters(e: Event, protesters: Actor, words: DiscourseWords, text: str) -> Event:
    """ "47 personas detenidas" after a march: the people arrested at a protest are protesters (ACLED's
    actor 2); students, journalists and other named kinds of people keep their own identity."""
    def recast(r: ActorMention) -> ActorMention:
        if r.actor_id != _CIVILIANS or fold(r.text.split()[-1]) not in words.people:
            return r
        return dataclasses.replace(r, actor_id=protesters.id, name=protesters.name, actor_type=protesters.actor_type,
                                   sector=protesters.sector, rule=PROTESTERS)

    return dataclasses.replace(e, recipients=tuple(map(recast, e.recipients)))


def _generic_definite(a: ActorMention, text: str, words: DiscourseWords) -> bool:
    """ "los atacantes", "the gunmen", "the militants", "os insurgentes", "the group": a generic armed side,
    named as one already told of."""
    return a.actor_id in _ATTACKER_KINDS and bool(a.text) and _last_word(text, a.span.start) in words.definite


def _unnamed(e: Event) -> bool:
    """An assault told with no perpetrator, or with only the coder's placeholder for one."""
    return all(a.rule == IMPLICIT_ACTOR for a in e.actors)


def _group_subject(
    events: Sequence[Event], j: int, text: str, words: DiscourseWords, who: Actor
) -> ActorMention | None:
    """ "The group killed three civilians", "el grupo secuestró", "o grupo incendiou casas e matou": a definite
    bare group noun right before the trigger (an adverb may sit between), or before the assault this one is
    coordinated with, is its subject; as a mention it is the unidentified armed side, to be resolved to the group
    the article named."""
    e = events[j]
    prev = events[j - 1] if j else None
    if prev is not None and prev.sentence == e.sentence and prev.plover_type == "ASSAULT" and _coordinated(
        text, prev.trigger.end, e.trigger.start
    ):
        carried = next((a for a in prev.actors if a.rule in (ANAPHORA, _GROUP_NOUN)
                        and _last_word(text, a.span.start) in words.definite), None)
        if carried is not None:
            return carried
    head = text[max(e.sentence.start, e.trigger.start - 60) : e.trigger.start]
    tokens = [(m.start(), m.group()) for m in _WORD.finditer(head)]
    for k in (len(tokens) - 1, len(tokens) - 2):  # "the group killed", "the group later killed"
        if k < 1 or fold(tokens[k][1]) not in words.groups or fold(tokens[k - 1][1]) not in words.definite:
            continue
        start = e.trigger.start - len(head) + tokens[k][0]
        end = start + len(tokens[k][1])
        return ActorMention(span=Span(start, end), text=text[start:end], actor_id=who.id, name=who.name,
                            actor_type=who.actor_type, sector=who.sector, rule=_GROUP_NOUN)
    return None


def _coordinated(text: str, end: int, start: int) -> bool:
    """Two verbs joined by "and", "y", "e" with a short object between ("incendiou casas e matou")."""
    between = f" {text[end:start].strip()} "
    return 0 < len(between) <= 50 and any(f" {c} " in between for c in ("and", "y", "e"))


def _resolved_attackers(events: Sequence[Event], where: list[int], j: int, text: str, words: DiscourseWords) -> Event:
    """ "El Ejército negó que los atacantes se hubieran llevado a dos funcionarios", after "disidencias de las
    FARC atacaron la estación": the attackers are the named perpetrators of the attacks told before, when the
    article names only one such group. The mention keeps its own words and takes its identity (as a possessor
    does)."""
    e = events[j]
    named = {a.actor_id: a for x in events[:j] for a in _named_attackers(x)}
    if len(named) != 1:
        return e  # none, or several groups the words could mean
    (named_actor,) = named.values()

    def resolved(mentions: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
        return tuple(dataclasses.replace(named_actor, span=a.span, text=a.text, rule=ANAPHORA)
                     if _generic_definite(a, text, words) else a for a in mentions)

    # "soldiers killed five of the attackers": the attackers as the target, too
    return dataclasses.replace(e, actors=resolved(e.actors), recipients=resolved(e.recipients))


def _named_attackers(x: Event) -> list[ActorMention]:
    """The named non-state perpetrators of an attack told as fact."""
    if x.plover_type != "ASSAULT" or not _told(x):
        return []
    return [a for a in x.actors if a.actor_id and not a.actor_id.startswith("gen-") and a.actor_type in NON_STATE_ARMED]


def _anaphoric(e: Event, text: str, words: DiscourseWords) -> bool:
    """ "the attack", "el secuestro": a definite attack noun (not a vague one such as "the violence")."""
    return _last_word(text, e.trigger.start) in words.definite and fold(e.trigger.text(text)) not in words.vague


def _last_word(text: str, end: int) -> str:
    words = text[max(0, end - 40) : end].split()
    return fold(words[-1].strip("\"'«“(")) if words else ""


def _antecedent(events: Sequence[Event], where: list[int], j: int) -> Event | None:
    """The attack "the bombing", "el secuestro" points back to: the nearest earlier one told as fact with a
    perpetrator, in the same sentence or at most :data:`REACH` before, of the same mode when the noun has one."""
    e = events[j]
    for k in range(j - 1, -1, -1):
        x = events[k]
        if where[j] - where[k] > REACH:
            return None
        if x.plover_type != "ASSAULT" or not _told(x) or x.historical != e.historical:
            continue
        if e.mode is not None and x.mode != e.mode:
            continue
        main = not any(mark in x.rule for mark in _NOT_MAIN)  # "rebels fighting Assad": a modifier, no antecedent
        if main and any(a.text for a in x.actors):
            return x
    return None


def _claimants(e: Event) -> tuple[ActorMention, ...]:
    if e.plover_type != "ASSAULT" or e.negated or e.hypothetical:
        return ()
    return tuple(a for a in e.actors if a.rule == CLAIMED)


def _blamed(
    e: Event, events: Sequence[Event], where: list[int], i: int, blame_verbs: frozenset[str], text: str
) -> tuple[ActorMention, ...]:
    """The armed parties an accusation blames for violence: "police blamed al-Shabaab for the bombing", "el
    ELN responsabilizó al EPL de las muertes", or a bare "blamed ISWAP" (a verb of blame) after the attack."""
    if e.plover_type != "ACCUSE" or e.mode != "allege" or e.negated or e.hypothetical:
        return ()
    parties = tuple(
        dataclasses.replace(r, rule=BLAMED)
        for r in e.recipients
        if r.text and r.actor_id != _UNIDENTIFIED
        and (r.actor_type in NON_STATE_ARMED or (r.actor_type == "state" and r.sector in _FORCES))
    )
    if not parties:
        return ()
    # the deed named in the sentence ("for the bombing", "of killing"), or a verb that only ever blames
    deed = any(where[j] == where[i] and x.plover_type == "ASSAULT" and x.trigger.start > e.trigger.start
               for j, x in enumerate(events))
    # the first word: "atribuyen el ataque a" is one trigger that names its deed
    words = e.trigger.text(text).split()
    return parties if deed or (words and fold(words[0]) in blame_verbs) else ()


def _targets(events: Sequence[Event], where: list[int], i: int, parties: tuple[ActorMention, ...]) -> list[int]:
    """The attacks a claim or a blame in event ``i``'s sentence speaks of: the unattributed ones in that
    sentence, and those of the nearest earlier sentence (at most :data:`REACH` back) that told one."""
    if not parties:
        return []
    victims = {p.actor_id for p in parties}
    # a named armed group specifies "insurgents" or "gunmen"; a state force only an unidentified attacker
    generic = all(p.actor_type in NON_STATE_ARMED for p in parties)
    open_ = [j for j, x in enumerate(events) if j != i and _unattributed(x, victims, generic)]
    here = [j for j in open_ if where[j] == where[i]]
    earlier = [j for j in open_ if where[i] - REACH <= where[j] < where[i]]
    if earlier:
        last = max(where[j] for j in earlier)
        here += [j for j in earlier if where[j] == last]
    return here


def _unattributed(e: Event, parties: set[str | None], generic: bool = False) -> bool:
    """An attack told as fact with no known perpetrator (or, with ``generic``, only a generic non-state class
    such as "insurgents"), of which the party is not the victim."""
    if e.plover_type != "ASSAULT" or not _told(e):
        return False
    if any(r.actor_id in parties for r in e.recipients):
        return False
    if generic:
        return all((a.actor_id or "").startswith("gen-") and a.actor_type in NON_STATE_ARMED for a in e.actors)
    return all(a.actor_id == _UNIDENTIFIED for a in e.actors)


def _agentless_force(e: Event) -> bool:
    """An arrest, or tear gas and rubber bullets used on a crowd, told without who did it: the police's."""
    arrest = e.acled_sub_event_type == "Arrests"
    crowd = e.plover_type == "ASSAULT" and e.mode == "crowd-control"
    return (arrest or crowd) and _told(e) and not any(a.text for a in e.actors)


def _nearest_police(police: Sequence[Sequence[ActorMention]], k: int) -> ActorMention | None:
    """The police force named closest to sentence ``k``: in it, then earlier (the story's police are named
    first), then at most :data:`REACH` sentences later."""
    order = [*range(k, -1, -1), *range(k + 1, min(len(police), k + REACH + 1))]
    for s in order:
        if s < len(police) and police[s]:
            # a named force before a generic word for it, the longer name first ("Agentes de la Policía Nacional")
            best: ActorMention = min(police[s], key=_police_rank)
            return best
    return None


def _police_rank(m: ActorMention) -> tuple[bool, int]:
    return (m.actor_id or "gen-").startswith("gen-"), -len(m.text)
