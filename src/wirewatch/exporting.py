"""Streaming export writers: JSON Lines, CSV and Parquet.

Writers take an iterator of rows (dicts) or records and write as they go, so an export of any size runs in
constant memory. They are generic: the article export below is one user; events, places and claims
exports pass their own rows and column lists.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from .errors import MissingExtraError
from .records import Article, to_dict

ARTICLE_COLUMNS: tuple[str, ...] = (
    "id", "url", "canonical_url", "site", "title", "lang", "published", "authors", "tags", "description",
    "status", "text",
)

#: Parquet column types by name for the article export (others default to what the first rows hold).
ARTICLE_TYPES: dict[str, str] = {"authors": "list", "tags": "list"}

LIST_SEPARATOR = "; "  # how CSV cells hold list values
PARQUET_BATCH = 1000


def article_row(article: Article) -> dict[str, Any]:
    """The flat row of one article for CSV and Parquet."""
    return {
        "id": article.id, "url": article.url, "canonical_url": article.canonical_url, "site": article.site,
        "title": article.title, "lang": article.lang,
        "published": article.published.isoformat() if article.published else None,
        "authors": list(article.authors), "tags": list(article.tags), "description": article.description,
        "status": article.status, "text": article.text,
    }


def write_jsonl(records: Iterable[Any], fh: IO[str]) -> int:
    """One JSON object per line (records in their versioned JSON form); returns the number written."""
    n = 0
    for record in records:
        data = to_dict(record) if hasattr(record, "__dataclass_fields__") else record
        fh.write(json.dumps(data, ensure_ascii=False, default=_json_default))
        fh.write("\n")
        n += 1
    return n


def write_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fh: IO[str]) -> int:
    """CSV with a header row; lists become ``"a; b"``, dates ISO 8601, None an empty cell."""
    writer = csv.writer(fh)
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
        n += 1
    return n


def write_parquet(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    path: str | Path,
    types: Mapping[str, str] | None = None,
) -> int:
    """Parquet in row groups of :data:`PARQUET_BATCH` rows (needs the ``parquet`` extra).

    ``types`` maps column names to ``str``, ``int``, ``float``, ``bool`` or ``list`` (of strings); a column
    not named there takes the type of its first non-empty value in the first batch (``str`` if none).
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtraError("Parquet export", "parquet", "pyarrow") from exc
    kinds = dict(types or {})
    writer = None
    n = 0
    try:
        for batch in _batches(rows, PARQUET_BATCH):
            if writer is None:
                for c in columns:
                    kinds.setdefault(c, _infer(batch, c))
                schema = pa.schema([(c, _arrow_type(pa, kinds[c])) for c in columns])
                writer = pq.ParquetWriter(str(path), schema)
            arrays = [pa.array([_coerce(r.get(c), kinds[c]) for r in batch], type=schema.field(c).type)
                      for c in columns]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            n += len(batch)
        if writer is None:  # no rows: still write a valid file with the columns
            schema = pa.schema([(c, _arrow_type(pa, kinds.get(c, "str"))) for c in columns])
            pq.write_table(schema.empty_table(), str(path))
    finally:
        if writer is not None:
            writer.close()
    return n


# ---------------------------------------------------------------- helpers


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        return to_dict(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple | set | frozenset):
        return LIST_SEPARATOR.join(_cell(v) for v in value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _batches(rows: Iterable[Mapping[str, Any]], size: int) -> Iterator[list[Mapping[str, Any]]]:
    batch: list[Mapping[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _infer(batch: list[Mapping[str, Any]], column: str) -> str:
    for row in batch:
        value = row.get(column)
        if value is None:
            continue
        if isinstance(value, bool):
            return "bool"
        if isinstance(value, int):
            return "int"
        if isinstance(value, float):
            return "float"
        if isinstance(value, list | tuple):
            return "list"
        return "str"
    return "str"


def _arrow_type(pa: Any, kind: str) -> Any:
    return {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
            "list": pa.list_(pa.string())}[kind]


def _coerce(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "list":
        items = value if isinstance(value, list | tuple | set | frozenset) else [value]
        return [_cell(v) for v in items]
    if kind == "str":
        return _cell(value)
    if kind == "float":
        return float(value)
    if kind == "int":
        return int(value)
    return bool(value)
