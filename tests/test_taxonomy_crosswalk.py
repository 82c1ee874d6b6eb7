"""The taxonomy module: PLOVER and ACLED vocabularies, the crosswalk and the quad mapping."""

from __future__ import annotations

from wirewatch.taxonomy import (
    ACLED_TYPES,
    FLAGS,
    PLOVER_TYPES,
    SUB_EVENT_TYPES,
    acled_for,
    event_rank,
    quad_for,
)


def test_vocabularies_have_the_codebook_sizes() -> None:
    assert len(PLOVER_TYPES) == 16
    assert len(ACLED_TYPES) == 6
    assert len(SUB_EVENT_TYPES) == 25
    assert FLAGS == ("negated", "future", "hypothetical", "historical")
    assert "aerial" in PLOVER_TYPES["ASSAULT"].modes and "riot" in PLOVER_TYPES["PROTEST"].modes


def _sub(*args: object, **kw: object) -> str | None:
    code = acled_for(*args, **kw)  # type: ignore[arg-type]
    return code.sub_event_type if code else None


def test_remote_violence_modes() -> None:
    assert _sub("ASSAULT", "aerial") == "Air/drone strike"
    assert _sub("ASSAULT", "drone") == "Air/drone strike"
    assert _sub("ASSAULT", "suicide-attack") == "Suicide bomb"
    assert _sub("ASSAULT", "heavy-weapons") == "Shelling/artillery/missile attack"
    assert _sub("ASSAULT", "explosives", "grenade") == "Grenade"
    assert _sub("ASSAULT", "unconventional") == "Chemical weapon"


def test_who_acts_on_whom_decides_battles_and_violence_against_civilians() -> None:
    assert _sub("ASSAULT", "firearms", None, ["state"], ["rebel"]) == "Armed clash"
    assert _sub("ASSAULT", "firearms", None, ["rebel"], ["civilians"]) == "Attack"
    assert _sub("ASSAULT", None, None, [], ["state"]) == "Armed clash"
    assert _sub("ASSAULT", "firearms", None, ["state"], ["protesters"]) == "Excessive force against protesters"
    # members of a movement shot by nobody named: civilians attacked, not a protest broken up
    assert _sub("ASSAULT", "firearms", None, [], ["protesters"]) == "Attack"
    assert _sub("ASSAULT", "primitive", "mob", ["civilians"], []) == "Mob violence"


def test_territory_changes_hands() -> None:
    assert _sub("ASSAULT", None, "regain", ["state"], ["rebel"]) == "Government regains territory"
    assert _sub("ASSAULT", None, "overtake", ["rebel"], []) == "Non-state actor overtakes territory"
    assert _sub("ASSAULT", None, "overtake", ["state"], []) == "Government regains territory"
    assert _sub("RETREAT", "withdraw", None, ["state"], []) == "Non-violent transfer of territory"
    assert _sub("RETREAT", "withdraw", None, [], ["rebel"]) == "Non-violent transfer of territory"
    # a pull-out by no state or armed side is no transfer of territory ("withdraw your savings")
    assert _sub("RETREAT", "withdraw") is None
    assert _sub("RETREAT", "withdraw", None, ["civilians"], []) is None


def test_protests_riots_and_strategic_developments() -> None:
    assert _sub("PROTEST", "demo") == "Peaceful protest"
    assert _sub("PROTEST", "riot") == "Violent demonstration"
    assert _sub("PROTEST", "demo", "dispersal") == "Protest with intervention"
    assert _sub("COERCE", "arrest") == "Arrests"
    assert _sub("COERCE", "seize", "weapons") == "Disrupted weapons use"
    assert _sub("AGREE", "ceasefire", "peace") == "Agreement"
    assert _sub("CONSULT", "meet") is None  # diplomacy is not an ACLED event


def test_quad_mapping_and_ranking() -> None:
    assert quad_for("ASSAULT") == "MATERIAL_CONFLICT"
    assert quad_for("ACCUSE") == "VERBAL_CONFLICT"
    assert quad_for("AID") == "MATERIAL_COOPERATION"
    assert quad_for("CONSULT") == "VERBAL_COOPERATION"
    assert quad_for(None) == "IRRELEVANT"
    assert {quad_for(t) for t in PLOVER_TYPES} == {
        "VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT"}
    assert event_rank("ASSAULT", "Suicide bomb") < event_rank("ASSAULT", "Armed clash") < event_rank(
        "COERCE", "Arrests") < event_rank("CONSULT", None)


def test_civilians_clashing_with_no_armed_side_are_mob_violence() -> None:
    assert _sub("ASSAULT", None, "clash", ["civilians"], []) == "Mob violence"
    assert _sub("ASSAULT", None, "clash", ["civilians"], ["civilians"]) == "Mob violence"
    assert _sub("ASSAULT", None, "clash", ["civilians"], ["state"]) == "Armed clash"
    assert _sub("ASSAULT", None, "clash", ["protesters"], ["state"]) == "Violent demonstration"
