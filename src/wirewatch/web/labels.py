"""Data values shown in the interface language: PLOVER and ACLED types, certainty, flags, article tags.

Stored values stay codes (filters, exports and the API keep ``ASSAULT`` and ``Armed clash``); only what a
reader sees is translated. Types come from ``i18n/<lang>.tsv`` (keys ``plover.*``, ``acled.*``, ``sub.*``);
tags are free text from the outlets, so they are matched against the concept table ``i18n/tags.tsv`` and
shown unchanged when no concept fits.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ..actors import actor_display, actor_display_by_name
from ..errors import ResourceError
from ..fusion.stories import label_text
from ..storage.common import fold
from .lang import LANGS, strings, translate

_TAGS = Path(__file__).parent / "i18n" / "tags.tsv"


def type_label(lang: str, code: str | None) -> str:
    """A PLOVER type in ``lang`` ("ASSAULT" -> "Agresión"); unknown codes are shown as they are."""
    return _label(lang, "plover", code)


def acled_label(lang: str, value: str | None) -> str:
    """An ACLED event type or sub-event type in ``lang``."""
    if not value:
        return ""
    key = "acled" if f"acled.{value}" in strings("en") else "sub"
    return _label(lang, key, value)


def certainty_label(lang: str, value: str | None) -> str:
    """A report's certainty (asserted, probable ...) in ``lang``."""
    return _label(lang, "certainty", value)


def _label(lang: str, prefix: str, value: str | None) -> str:
    if not value:
        return ""
    key = f"{prefix}.{value}"
    found = translate(lang, key)
    return value if found == key else found


@cache
def _tag_table() -> dict[str, tuple[str, ...]]:
    """Folded spelling -> the concept's display form per language (in ``LANGS`` order)."""
    try:
        lines = _TAGS.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(f"tag translations {_TAGS} are missing; reinstall wirewatch") from exc
    table: dict[str, tuple[str, ...]] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(LANGS):
            raise ResourceError(f"{_TAGS}:{n}: expected {len(LANGS)} tab-separated columns ({', '.join(LANGS)})")
        forms = [[f.strip() for f in cell.split("|") if f.strip()] for cell in cells]
        shown = tuple(f[0] for f in forms)
        for spelling in (s for f in forms for s in f):
            table.setdefault(fold(spelling), shown)  # the first concept listing a spelling keeps it
    return table


def tag_label(lang: str, tag: str) -> str:
    """An outlet's tag in ``lang`` when it names a known concept ("Desplazamiento" -> "displacement")."""
    shown = _tag_table().get(fold(tag.strip()))
    if shown is None or lang not in LANGS:
        return tag
    out = shown[LANGS.index(lang)]
    # keep the outlet's capitalisation style: "Desplazamiento" -> "Displacement", "cartels" -> "cartels"
    return out[:1].upper() + out[1:] if tag[:1].isupper() else out


def js_labels(lang: str) -> dict[str, dict[str, str]]:
    """The type labels the page scripts need (list rows, popups, legend), for the page's JSON config."""
    table = strings(lang)
    out: dict[str, dict[str, str]] = {"plover": {}, "acled": {}}
    for key in strings("en"):
        prefix, _, value = key.partition(".")
        if prefix == "plover":
            out["plover"][value] = table.get(key) or value
        elif prefix in ("acled", "sub"):
            out["acled"][value] = table.get(key) or value
    return out


def actor_label(lang: str, actor_id: str | None, name: str | None) -> str:
    """An actor's name in ``lang`` ("isis" -> "Estado Islámico (ISIS)"); an analyst's free-text actor or an id
    the dictionary lacks keeps its stored name."""
    shown = actor_display(actor_id, lang) if actor_id else None
    if shown is None and name:
        shown = actor_display_by_name(name, lang)
    return shown or name or ""


def story_label_in(lang: str, story: dict[str, Any]) -> str:
    """A story's label with its event type and actor in ``lang`` (places keep the names fusion gave them)."""
    if "top_event_types" not in story:
        return str(story.get("label") or story.get("id") or "")
    parts = {k: list(story.get(f"top_{k}") or []) for k in ("places", "actors", "event_types", "names")}
    parts["event_types"] = [type_label(lang, x) if x.isupper() else acled_label(lang, x) for x in parts["event_types"]]
    # fusion keeps only the actor's canonical name for the label
    parts["actors"] = [actor_display_by_name(x, lang) or x for x in parts["actors"]]
    return label_text(parts)
