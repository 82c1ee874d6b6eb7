"""Canonical events keep the named side when some reports only say "gunmen" or "the army" (issue 4 with the
fusion stage): the generic class the name specifies is dropped, other parties stay."""

from __future__ import annotations

from wirewatch.fusion.canonical import _without_placeholders
from wirewatch.records import ActorMention, Span


def mention(actor_id: str | None, actor_type: str | None, text: str = "x") -> ActorMention:
    return ActorMention(Span(0, 1), text, actor_id=actor_id, actor_type=actor_type)


def ids(actors: tuple[ActorMention, ...]) -> list[str | None]:
    return [a.actor_id for a in actors]


def test_a_named_armed_group_replaces_the_unidentified_and_generic_armed_groups() -> None:
    merged = [mention("gen-gunmen", "political_militia"), mention("gen-militants", "rebel"),
              mention("iswap", "rebel")]
    assert ids(_without_placeholders(merged)) == ["iswap"]


def test_a_countrys_force_replaces_only_its_own_generic_role() -> None:
    merged = [mention("gen-military", "state"), mention("gen-police", "state"), mention("mil-ng", "state")]
    assert ids(_without_placeholders(merged)) == ["mil-ng", "gen-police"]


def test_a_foreign_named_force_leaves_the_generic_army_alone() -> None:
    # "French troops" (a named mission) and "the army" are two sides, not one said twice
    merged = [mention("gen-military", "state"), mention("barkhane", "external")]
    assert ids(_without_placeholders(merged)) == ["barkhane", "gen-military"]


def test_generic_parties_stay_when_nobody_is_named() -> None:
    merged = [mention("gen-gunmen", "political_militia"), mention(None, None, "Kessa Front"),
              mention("gen-civilians", "civilians")]
    assert ids(_without_placeholders(merged)) == ["gen-gunmen", None, "gen-civilians"]


def test_the_sides_of_an_event_come_from_the_reports_that_tell_it() -> None:
    from wirewatch.fusion.canonical import _told_as

    attack = {"acled_sub_event_type": "Attack", "actors": ["militants"]}
    retaken = {"acled_sub_event_type": "Government regains territory", "actors": ["army"]}
    assert _told_as([attack, retaken], {"acled_sub_event_type": "Attack"}) == [attack]
    # no report tells it the representative's way (an event without ACLED type): all of them count
    assert _told_as([attack, retaken], {"acled_sub_event_type": None}) == [attack, retaken]


def test_generic_roles_come_from_the_generic_list_and_name_built_ids() -> None:
    from wirewatch.actors import actor_dictionary, generic_roles

    roles = generic_roles()
    assert roles["gen-military"] == "mil" and roles["gen-police"] == "pol"
    assert all(actor_dictionary().get(f"{role}-ng") is not None for role in roles.values())
