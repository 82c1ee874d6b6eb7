"""JSON Lines: good records become inputs with hints; a malformed line is named and skipped."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from wirewatch.config import Config, load_config
from wirewatch.records import RawInput
from wirewatch.sources import FailedInput, iter_inputs


@pytest.fixture()
def config() -> Config:
    return load_config(path=None, env={})


def lines(*objs: object) -> bytes:
    return b"".join((o if isinstance(o, bytes) else json.dumps(o).encode()) + b"\n" for o in objs)


def test_records_and_a_malformed_line(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(lines(
        {"url": "https://news.example/a", "html": "<p>Dozens fled Mosul.</p>", "published": "2017-02-19",
         "lang": "en", "title": "Dozens flee"},
        b'{"url": "https://news.example/b", "html": "<p>broken',
        b"",
        {"url": "https://news.example/c", "text": "Decenas de familias huyeron de Mosul.", "lang": "es"},
        {"url": "https://news.example/d"},
        ["not", "an", "object"],
    ))
    items = list(iter_inputs([str(path)], config))
    assert [i.source for i in items] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6)]
    first, bad, text, empty, listed = items
    assert isinstance(first, RawInput) and first.url == "https://news.example/a"
    assert first.data == b"<p>Dozens fled Mosul.</p>"
    assert first.hints == {"published": "2017-02-19", "lang": "en", "title": "Dozens flee", "kind": "html"}
    assert isinstance(bad, FailedInput) and bad.kind == "jsonl"
    assert bad.reason.startswith("malformed JSON Lines line") and bad.raw is not None
    assert isinstance(text, RawInput) and text.hints["kind"] == "text"
    assert text.data.decode("utf-8") == "Decenas de familias huyeron de Mosul."
    assert isinstance(empty, FailedInput) and "'html' or 'text'" in empty.reason
    assert isinstance(listed, FailedInput) and "JSON object" in listed.reason


def test_gzipped_jsonl_and_binary_html(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress(lines(
        {"url": "u1", "html": "%PDF-1.4 not a page"},
        {"url": "u2", "html": "<p>Moradores deixaram Palma.</p>"},
    )))
    first, second = list(iter_inputs([str(path)], config))
    assert isinstance(first, FailedInput) and "binary content (PDF)" in first.reason
    assert isinstance(second, RawInput) and second.url == "u2"


def test_truncated_gzip_keeps_the_lines_before_the_cut(tmp_path: Path, config: Config) -> None:
    body = lines(*({"url": f"u{n}", "text": f"Linha número {n} " * 40} for n in range(200)))
    blob = gzip.compress(body)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(blob[: len(blob) * 2 // 3])
    items = list(iter_inputs([str(path)], config))
    assert isinstance(items[-1], FailedInput) and items[-1].reason.startswith("truncated gzip")
    assert sum(isinstance(i, RawInput) for i in items) > 10


def test_oversized_line_is_skipped(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "big.jsonl"
    path.write_bytes(lines({"url": "a", "text": "x" * 5000}, {"url": "b", "text": "short text"}))
    first, second = list(iter_inputs([str(path)], config.with_overrides(max_bytes=1000)))
    assert isinstance(first, FailedInput) and "--max-bytes" in first.reason
    assert isinstance(second, RawInput) and second.url == "b"


def test_empty_jsonl(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "none.jsonl"
    path.write_bytes(b"\n\n")
    (item,) = list(iter_inputs([str(path)], config))
    assert isinstance(item, FailedInput) and item.reason == "empty file"
