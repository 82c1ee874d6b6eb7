"""Place and country names in the interface language, from the gazetteer's display names.

Stored values stay as resolved (``place_name`` is the gazetteer's name, ``country`` an ISO code, and filters,
exports and the API's stored fields keep them); only what a reader sees is localised: with the interface in
Spanish, ``gn:98182`` "Baghdad" reads "Bagdad" and ``IQ`` reads "Irak". The highlighted article text is never
changed: the span shows what the outlet wrote. A place without a display name in that language (most
small towns, analyst-picked points) keeps its stored name.
"""

from __future__ import annotations

from typing import Any

from ..gazetteer.names import display_name


def place_label(lang: str, ref: str | None, name: str | None) -> str:
    """The place's name in ``lang`` where the gazetteer has one, else its stored name."""
    return (display_name(ref, lang) if ref else None) or name or ""


def country_label(lang: str, iso: str | None) -> str:
    """A country's name in ``lang`` ("IQ" -> "Irak"); an unknown code is shown as it is."""
    if not iso:
        return ""
    return display_name(f"cc:{iso}", lang) or iso


def localise_event_rows(rows: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Event index rows with ``place_label`` and ``country_label`` added for the list, popups and facets."""
    for row in rows:
        row["place_label"] = place_label(lang, row.get("place_ref"), row.get("place_name"))
        row["country_label"] = country_label(lang, row.get("country"))
    return rows


def localise_place_rows(rows: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Place facet rows (``ref``, ``name``, ``country``) with ``label`` and ``country_label`` added."""
    for row in rows:
        row["label"] = place_label(lang, row.get("ref"), row.get("name"))
        row["country_label"] = country_label(lang, row.get("country"))
    return rows
