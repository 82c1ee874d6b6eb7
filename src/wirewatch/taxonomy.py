"""The two event vocabularies wirewatch speaks, and the crosswalk between them.

* PLOVER (the ontology behind POLECAT, current 16-type manual): an event type plus an optional *mode* that
says
  how it was done (ASSAULT by aerial bombing, PROTEST as a strike ...). Four auxiliary flags mark events
  that did
  not (yet) happen as a fact: negated, future, hypothetical, historical.
* ACLED: 6 event types with 25 sub-event types, the vocabulary conflict researchers count with.

The crosswalk (:func:`acled_for`) projects a PLOVER event onto ACLED from its type, mode, a *hint* carried
by the
trigger (the finer distinction ACLED draws that PLOVER modes do not: grenade vs other explosives, a place
changing
hands, weapons seized ...) and the ACLED types of its actors and recipients. Definitions here are the team's
own
paraphrases of the codebooks. See ``docs/taxonomy.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# ---------------------------------------------------------------- PLOVER


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    meaning: str
    modes: tuple[str, ...]
    quad: str  # VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT, MATERIAL_CONFLICT


_VC, _MC, _VX, _MX = "VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT"

PLOVER_TYPES: dict[str, PloverType] = {
    t.name: t
    for t in (
        PloverType(
            "AGREE",
            "says it will do something together with, or accepts terms from, the other side; signs a deal",
            ("ceasefire", "peace", "settle", "cooperate", "release", "meet"),
            _VC,
        ),
        PloverType(
            "CONSULT",
            "meets, talks, visits, negotiates or mediates",
            ("meet", "visit", "phone", "mediate", "negotiate", "third-party"),
            _VC,
        ),
        PloverType(
            "SUPPORT",
            "praises, endorses, backs or recognises the other side in words",
            ("praise", "endorse", "recognize", "apologize", "forgive", "vote"),
            _VC,
        ),
        PloverType(
            "CONCEDE",
            "gives ground: eases restrictions, accepts demands, steps back from a position",
            ("ease", "demand", "settle", "policy", "return"),
            _MC,
        ),
        PloverType(
            "COOPERATE",
            "acts together: joint operations, shared programmes, restored relations",
            ("economic", "military", "judicial", "intelligence", "diplomatic"),
            _MC,
        ),
        PloverType(
            "AID",
            "gives material help: money, food, arms, medical care, shelter, troops to help",
            ("economic", "military", "humanitarian", "asylum", "medical"),
            _MC,
        ),
        PloverType(
            "RETREAT",
            "pulls back: withdraws forces, releases captives, disarms, ceases fire, opens access, resigns",
            ("withdraw", "release", "disarm", "ceasefire", "access", "resign", "return"),
            _MC,
        ),
        PloverType(
            "REQUEST",
            "asks, appeals or demands that the other side do something",
            ("cooperate", "aid", "change", "release", "ceasefire", "investigate", "negotiate"),
            _VC,
        ),
        PloverType(
            "ACCUSE",
            "blames, criticises, condemns, investigates or sues",
            ("disapprove", "investigate", "allege", "sue", "condemn"),
            _VX,
        ),
        PloverType(
            "REJECT",
            "refuses a proposal, request or accusation; vetoes; denies",
            ("veto", "refuse", "deny", "defy"),
            _VX,
        ),
        PloverType(
            "THREATEN",
            "warns of punishment or force, issues an ultimatum",
            ("force", "sanction", "ultimatum", "restrict"),
            _VX,
        ),
        PloverType(
            "PROTEST",
            "people act collectively against someone: demonstrations, riots, strikes",
            ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
            _MX,  # CAMEO 14 PROTEST lies in the material-conflict quad (root codes 14-20), as in PLOVER's own table
        ),
        PloverType(
            "SANCTION",
            "imposes non-military penalties: embargoes, cut ties, expels diplomats",
            ("embargo", "relations", "expel", "freeze", "suspend"),
            _MX,
        ),
        PloverType(
            "MOBILIZE",
            "puts forces on alert or moves them without using them: deployments, exercises, blockades",
            ("troops", "alert", "police", "militia", "cyber", "base"),
            _MX,
        ),
        PloverType(
            "COERCE",
            "uses state power short of killing: arrests, raids, seizures, bans, curfews, deportations",
            ("arrest", "seize", "deport", "restrict", "ban", "censor", "raid", "curfew"),
            _MX,
        ),
        PloverType(
            "ASSAULT",
            "uses violence against people or property",
            (
                "abduct",
                "beat",
                "torture",
                "sexual",
                "targeted",
                "destroy",
                "primitive",
                "firearms",
                "explosives",
                "suicide-attack",
                "aerial",
                "drone",
                "heavy-weapons",
                "crowd-control",
                "unconventional",
            ),
            _MX,
        ),
    )
}

#: the auxiliary flags; a flagged event is kept but excluded from default counts and exports
FLAGS: tuple[str, ...] = ("negated", "future", "hypothetical", "historical")

QUADS: tuple[str, ...] = (_VC, _MC, _VX, _MX, "IRRELEVANT")


def quad_for(plover_type: str | None) -> str:
    """The quad class a PLOVER type implies (no event -> IRRELEVANT)."""
    if plover_type is None or plover_type not in PLOVER_TYPES:
        return "IRRELEVANT"
    return PLOVER_TYPES[plover_type].quad


# ---------------------------------------------------------------- ACLED

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

#: event type -> sub-event type -> our paraphrase of the codebook definition
ACLED_TYPES: dict[str, dict[str, str]] = {
    BATTLES: {
        "Armed clash": "two organised armed groups fight and neither side changes control of a place",
        "Government regains territory": ("state forces or their allies take back a place from a non-state group"),
        "Non-state actor overtakes territory": "a non-state armed group takes control of a place",
    },
    EXPLOSIONS: {
        "Chemical weapon": "a chemical agent is used as a weapon",
        "Air/drone strike": "aircraft or drones bomb or fire on a target",
        "Suicide bomb": "an attacker detonates explosives on themselves or in their vehicle",
        "Shelling/artillery/missile attack": "artillery, mortars, rockets or missiles fired from a distance",
        "Remote explosive/landmine/IED": ("a planted or remotely set-off device explodes (mine, IED, car bomb)"),
        "Grenade": "a grenade or similar thrown device explodes",
    },
    VAC: {
        "Sexual violence": "sexual violence by an armed or organised actor",
        "Attack": "an armed or organised actor attacks unarmed people",
        "Abduction/forced disappearance": "people are kidnapped or taken and disappear",
    },
    PROTESTS: {
        "Peaceful protest": "demonstrators gather without violence and are not dispersed",
        "Protest with intervention": ("a peaceful protest is dispersed or blocked, with arrests, without lethal force"),
        "Excessive force against protesters": "lethal or grievous force is used on peaceful demonstrators",
    },
    RIOTS: {
        "Violent demonstration": "demonstrators use violence or destroy property",
        "Mob violence": "an unorganised crowd attacks people or property, not as a demonstration",
    },
    STRATEGIC: {
        "Agreement": "armed or political actors agree: ceasefires, peace deals, prisoner exchanges",
        "Arrests": "state forces detain people in a political or conflict setting",
        "Change to group/activity": "a group changes: merges, splits, renames, changes leaders or tactics",
        "Disrupted weapons use": "weapons are seized, bombs defused or missiles intercepted before harm",
        "Headquarters or base established": "an armed group sets up a base or headquarters",
        "Looting/property destruction": "property is looted, burned or destroyed outside an attack on people",
        "Non-violent transfer of territory": "a place changes hands without fighting (handover, withdrawal)",
        "Other": "other strategically important developments",
    },
}

SUB_EVENT_TYPES: tuple[str, ...] = tuple(s for subs in ACLED_TYPES.values() for s in subs)
EVENT_TYPE_OF: dict[str, str] = {s: t for t, subs in ACLED_TYPES.items() for s in subs}

#: ACLED actor types (interaction codes 1-8)
ACTOR_TYPES: dict[str, int] = {
    "state": 1,
    "rebel": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external": 8,
}
ARMED = frozenset({"state", "rebel", "political_militia", "identity_militia", "external"})
NON_STATE_ARMED = frozenset({"rebel", "political_militia", "identity_militia"})

#: PLOVER sectors used in the actor dictionary
SECTORS: tuple[str, ...] = (
    "GOV",
    "MIL",
    "POL",
    "REB",
    "CVL",
    "PTY",
    "IGO",
    "NGO",
    "MED",
    "BUS",
    "CRM",
    "REL",
    "JUD",
    "LAB",
    "INS",
    "OPP",
)

# ---------------------------------------------------------------- crosswalk

#: ASSAULT modes that fix an Explosions/Remote violence sub-type whatever the actors
_REMOTE = {
    "aerial": "Air/drone strike",
    "drone": "Air/drone strike",
    "suicide-attack": "Suicide bomb",
    "heavy-weapons": "Shelling/artillery/missile attack",
    "explosives": "Remote explosive/landmine/IED",
    "unconventional": "Chemical weapon",
}

#: trigger hints that name an ACLED sub-type directly (the trigger says more than the PLOVER mode)
_HINT_SUB = {
    "grenade": "Grenade",
    "chemical": "Chemical weapon",
    "ied": "Remote explosive/landmine/IED",
    "clash": "Armed clash",
    "weapons": "Disrupted weapons use",
    "base": "Headquarters or base established",
    "loot": "Looting/property destruction",
    "handover": "Non-violent transfer of territory",
    "change": "Change to group/activity",
    "peace": "Agreement",
    "mob": "Mob violence",
    "riot": "Violent demonstration",
    "abduct": "Abduction/forced disappearance",
    "sexual": "Sexual violence",
    "arrest": "Arrests",
    "dispersal": "Protest with intervention",
    "other": "Other",
}


@dataclass(frozen=True, slots=True)
class AcledCode:
    event_type: str
    sub_event_type: str


def _code(sub: str) -> AcledCode:
    return AcledCode(EVENT_TYPE_OF[sub], sub)


def acled_for(
    plover_type: str,
    mode: str | None = None,
    hint: str | None = None,
    actor_types: Iterable[str | None] = (),
    recipient_types: Iterable[str | None] = (),
) -> AcledCode | None:
    """The ACLED event and sub-event type of a PLOVER event, or None when ACLED would not code it.

    Order of evidence: the trigger's hint (most specific), then the mode, then who acts on whom.
    """
    actors = {a for a in actor_types if a}
    recips = {r for r in recipient_types if r}
    if hint in ("regain", "overtake"):
        return _territory(hint, actors)
    if hint == "lethal":
        return _code("Excessive force against protesters")
    if hint == "crowd" or mode == "crowd-control":
        return _code("Protest with intervention")
    if hint == "loot" and actors & {"protesters", "rioters"}:
        return _code("Violent demonstration")  # demonstrators setting fire to a building
    if hint == "clash" and (actors | recips) & {"protesters", "rioters"}:
        return _code("Violent demonstration")  # "protesters clashed with police"
    if hint == "clash" and actors and actors | recips <= {"civilians"}:
        return _code("Mob violence")  # "villagers clashed with sticks": no armed side, no demonstration
    if hint in _HINT_SUB:
        return _code(_HINT_SUB[hint])
    if plover_type == "ASSAULT":
        return _assault(mode, actors, recips)
    if plover_type == "PROTEST":
        return _protest(mode)
    if plover_type == "COERCE" and mode == "arrest":
        return _code("Arrests")
    truce = mode == "ceasefire" or (plover_type == "AGREE" and mode == "peace")
    if plover_type in ("AGREE", "RETREAT") and truce:
        return _code("Agreement")
    if plover_type == "AGREE" and (actors | recips) & _POLITICAL:
        # any other deal counts only between political or armed sides: "Coty announced a deal" is business
        return _code("Agreement")
    if plover_type == "RETREAT" and mode == "withdraw" and (actors | recips) & _POLITICAL:
        # a pull-out counts only by or from a state or armed side: "withdraw your contributions" is banking
        return _code("Non-violent transfer of territory")
    return None


#: ACLED actor types whose deals ACLED codes as agreements (states, armed groups, outside forces)
_POLITICAL = frozenset({"state", "rebel", "political_militia", "identity_militia", "external"})


def _territory(hint: str, actors: set[str]) -> AcledCode:
    if actors & NON_STATE_ARMED and "state" not in actors:
        return _code("Non-state actor overtakes territory")
    if actors & {"state", "external"} or hint == "regain":
        return _code("Government regains territory")
    return _code("Non-state actor overtakes territory")


def _assault(mode: str | None, actors: set[str], recips: set[str]) -> AcledCode:
    if mode in _REMOTE:
        return _code(_REMOTE[mode])
    if mode == "sexual":
        return _code("Sexual violence")
    if mode == "abduct":
        return _code("Abduction/forced disappearance")
    if mode == "destroy":
        return _code("Looting/property destruction")
    if actors & {"rioters", "protesters"} or (not actors & ARMED and "civilians" in actors):
        return _code("Mob violence")
    if recips & ARMED and (not actors or actors & ARMED):
        return _code("Armed clash")  # ACLED: an attack on security forces or another armed group is a battle
    if "protesters" in recips and actors:
        # a named side using force on a movement; with no perpetrator named ("two MST members were shot dead
        # at their camp") the victims are civilians attacked, not a protest broken up
        return _code("Excessive force against protesters")
    return _code("Attack")


def _protest(mode: str | None) -> AcledCode:
    if mode in ("riot", "vandalize"):
        return _code("Violent demonstration")
    return _code("Peaceful protest")


# ---------------------------------------------------------------- main event

#: ranking of ACLED sub-types when choosing a snippet's main event: the most specific, most material first
_SUB_PRIORITY: dict[str, int] = {
    s: i
    for i, s in enumerate(
        (
            "Suicide bomb",
            "Chemical weapon",
            "Air/drone strike",
            "Shelling/artillery/missile attack",
            "Grenade",
            "Remote explosive/landmine/IED",
            "Government regains territory",
            "Non-state actor overtakes territory",
            "Excessive force against protesters",
            "Sexual violence",
            "Abduction/forced disappearance",
            "Armed clash",
            "Violent demonstration",
            "Mob violence",
            "Protest with intervention",
            "Attack",
            "Arrests",
            "Peaceful protest",
            "Disrupted weapons use",
            "Looting/property destruction",
            "Headquarters or base established",
            "Non-violent transfer of territory",
            "Agreement",
            "Change to group/activity",
            "Other",
        )
    )
}

#: PLOVER types without an ACLED projection, most material first
_PLOVER_PRIORITY: dict[str, int] = {
    t: i
    for i, t in enumerate(
        (
            "ASSAULT",
            "COERCE",
            "PROTEST",
            "MOBILIZE",
            "SANCTION",
            "RETREAT",
            "AID",
            "COOPERATE",
            "CONCEDE",
            "THREATEN",
            "AGREE",
            "REJECT",
            "ACCUSE",
            "REQUEST",
            "CONSULT",
            "SUPPORT",
        )
    )
}


def event_rank(plover_type: str, acled_sub_event_type: str | None) -> int:
    """Lower is more important: ACLED-coded events first (by sub-type), then by PLOVER materiality."""
    if acled_sub_event_type is not None:
        return _SUB_PRIORITY.get(acled_sub_event_type, len(_SUB_PRIORITY))
    return 100 + _PLOVER_PRIORITY.get(plover_type, len(_PLOVER_PRIORITY))
