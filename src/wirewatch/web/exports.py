"""Streamed exports of the filtered canonical events: GeoJSON, CSV (ACLED column names), JSON Lines, Parquet.

Each writer is a generator over index rows fetched in batches, so an export of any size runs in constant
memory; every row carries its review state.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any

from ..exporting import write_parquet

#: ACLED's column names where an ACLED field exists, then wirewatch's own provenance and review columns
CSV_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "fatalities",
    "plover_type",
    "fatalities_high",
    "independent_sources",
    "reports",
    "disputed",
    "certainty",
    "story_id",
    "review_status",
)


def acled_row(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "event_id_cnty": r["id"],
        "event_date": r["day"],
        "year": r["day"][:4],
        "time_precision": 1 if r["day"] == r["day_end"] else 2,
        "event_type": r["acled_event_type"],
        "sub_event_type": r["acled_sub_event_type"],
        "actor1": r["actor1"],
        "actor2": r["actor2"],
        "country": r["country"],
        "admin1": r["admin1"],
        "location": r["place_name"],
        "latitude": r["lat"],
        "longitude": r["lon"],
        "geo_precision": r["precision"],
        "source": r["sources"],
        "fatalities": r["fatalities"] if r["fatalities"] is not None else 0,
        "plover_type": r["plover_type"],
        "fatalities_high": r["fatalities_high"],
        "independent_sources": r["independent"],
        "reports": r["n_mentions"],
        "disputed": int(r["disputed"]),
        "certainty": r["certainty"],
        "story_id": r["story_id"],
        "review_status": r["review"],
    }


def _csv_line(values: Iterable[Any]) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerow(["" if v is None else v for v in values])
    return buf.getvalue()


CHUNK_CHARS = 64_000  # one write per ~64 KB, not per row: each write is a round trip through the server


def chunked(pieces: Iterable[str], size: int = CHUNK_CHARS) -> Iterator[str]:
    """Join small pieces into chunks of about ``size`` characters (still streamed, never the whole export)."""
    buf: list[str] = []
    held = 0
    for piece in pieces:
        buf.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(buf)
            buf, held = [], 0
    if buf:
        yield "".join(buf)


def csv_stream(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    return chunked(_csv_lines(rows))


def _csv_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield _csv_line(CSV_COLUMNS)
    for r in rows:
        a = acled_row(r)
        yield _csv_line(a[c] for c in CSV_COLUMNS)


def jsonl_stream(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    return chunked(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def feature(r: dict[str, Any]) -> dict[str, Any]:
    geom = None if r["lat"] is None else {"type": "Point", "coordinates": [r["lon"], r["lat"]]}
    props = {k: v for k, v in r.items() if k not in ("lat", "lon")}
    return {"type": "Feature", "id": r["id"], "geometry": geom, "properties": props}


def geojson_stream(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    return chunked(_geojson_pieces(rows))


def _geojson_pieces(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    first = True
    for r in rows:
        yield ("" if first else ",") + json.dumps(feature(r), ensure_ascii=False)
        first = False
    yield "]}\n"


def parquet_stream(rows: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """Parquet needs a seekable footer, so it is written to a temporary file, then streamed from disk."""
    fd, path = tempfile.mkstemp(suffix=".parquet")
    os.close(fd)
    try:
        types = {
            "latitude": "float",
            "longitude": "float",
            "fatalities": "int",
            "fatalities_high": "int",
            "geo_precision": "int",
            "time_precision": "int",
            "independent_sources": "int",
            "reports": "int",
            "disputed": "int",
        }
        write_parquet((acled_row(r) for r in rows), CSV_COLUMNS, path, types=types)
        with open(path, "rb") as fh:
            while chunk := fh.read(65536):
                yield chunk
    finally:
        os.unlink(path)
