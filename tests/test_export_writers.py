"""Streaming export writers: JSON Lines, CSV, Parquet (and the polite error without pyarrow)."""

from __future__ import annotations

import builtins
import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from wirewatch import exporting
from wirewatch.errors import MissingExtraError
from wirewatch.pipeline import article_from_text

ROWS = [
    {"id": "a1", "n": 3, "score": 0.5, "ok": True, "tags": ["Iraq", "Síria"],
     "when": datetime(2024, 1, 2, tzinfo=UTC)},
    {"id": "a2", "n": None, "score": 1.0, "ok": False, "tags": [], "when": None},
]
COLUMNS = ["id", "n", "score", "ok", "tags", "when"]


def rows(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {"id": f"r{i}", "n": i, "tags": ["x", "y"] if i % 2 else []}


def test_jsonl_records_and_dicts() -> None:
    art = article_from_text("Chuvas deixam dez mortos em Petrópolis.", lang="pt", url="https://x.test/p")
    fh = io.StringIO()
    assert exporting.write_jsonl([art, {"plain": "dict", "at": datetime(2024, 1, 1, tzinfo=UTC)}], fh) == 2
    first, second = (json.loads(line) for line in fh.getvalue().splitlines())
    assert first["type"] == "Article" and first["text"].startswith("Chuvas") and first["schema"] == 1
    assert second == {"plain": "dict", "at": "2024-01-01T00:00:00+00:00"}
    assert "Petrópolis" in fh.getvalue()  # not \\u-escaped


def test_csv_cells() -> None:
    fh = io.StringIO()
    assert exporting.write_csv(ROWS, COLUMNS, fh) == 2
    got = list(csv.DictReader(io.StringIO(fh.getvalue())))
    assert got[0] == {"id": "a1", "n": "3", "score": "0.5", "ok": "true", "tags": "Iraq; Síria",
                      "when": "2024-01-02T00:00:00+00:00"}
    assert got[1]["n"] == "" and got[1]["tags"] == "" and got[1]["ok"] == "false"


def test_csv_streams_a_generator() -> None:
    fh = io.StringIO()
    assert exporting.write_csv(rows(2500), ["id", "n"], fh) == 2500
    assert fh.getvalue().count("\n") == 2501


def test_article_row_columns() -> None:
    art = article_from_text("Texto.", lang="es", url="https://x.test/e", title="T",
                            published=datetime(2024, 5, 1, tzinfo=UTC))
    row = exporting.article_row(art)
    assert tuple(row) == exporting.ARTICLE_COLUMNS
    assert row["published"] == "2024-05-01T00:00:00+00:00" and row["authors"] == []


def test_parquet_roundtrip(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "x.parquet"
    assert exporting.write_parquet(ROWS, COLUMNS, path) == 2
    table = pq.read_table(path)
    assert table.column_names == COLUMNS
    data = table.to_pylist()
    assert data[0]["n"] == 3 and data[0]["ok"] is True and data[0]["tags"] == ["Iraq", "Síria"]
    assert data[0]["when"] == "2024-01-02T00:00:00+00:00" and data[1]["n"] is None
    big = tmp_path / "big.parquet"
    assert exporting.write_parquet(rows(2500), ["id", "n", "tags"], big, {"tags": "list"}) == 2500
    assert pq.read_table(big).num_rows == 2500
    empty = tmp_path / "empty.parquet"
    assert exporting.write_parquet([], ["id"], empty) == 0
    assert pq.read_table(empty).column_names == ["id"]


def test_parquet_without_pyarrow(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("pyarrow"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(MissingExtraError, match=r"pip install 'wirewatch\[parquet\]'"):
        exporting.write_parquet(ROWS, COLUMNS, tmp_path / "x.parquet")
