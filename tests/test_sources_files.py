"""Local files and directories: every bad input becomes a FailedInput with a one-line reason."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from wirewatch.config import Config, load_config
from wirewatch.records import RawInput
from wirewatch.sources import FailedInput, detect_kind, iter_inputs

PAGE = b"<html><head><title>T</title></head><body><p>Protesters marched in Bogota.</p></body></html>"


@pytest.fixture()
def config() -> Config:
    return load_config(path=None, env={})


def one(path: Path, config: Config, **over: object) -> RawInput | FailedInput:
    items = list(iter_inputs([str(path)], config.with_overrides(**over)))
    assert len(items) == 1, items
    return items[0]


def test_html_file_passes_bytes_through(tmp_path: Path, config: Config) -> None:
    page = tmp_path / "a.html"
    page.write_bytes(PAGE)
    item = one(page, config)
    assert isinstance(item, RawInput)
    assert item.data == PAGE and item.hints["kind"] == "html" and item.source == str(page)


def test_empty_file(tmp_path: Path, config: Config) -> None:
    page = tmp_path / "empty.html"
    page.write_bytes(b"")
    item = one(page, config)
    assert isinstance(item, FailedInput) and item.reason == "empty file" and item.kind == "file"


BINARY = [(b"%PDF-1.7\n%\xe2\xe3", "PDF"), (b"\x89PNG\r\n\x1a\n\0\0", "PNG")]


@pytest.mark.parametrize(("magic", "label"), BINARY)
def test_binary_with_html_name(tmp_path: Path, config: Config, magic: bytes, label: str) -> None:
    page = tmp_path / "x.html"
    page.write_bytes(magic + bytes(range(256)) * 4)
    item = one(page, config)
    assert isinstance(item, FailedInput)
    assert item.reason == f"binary content ({label}) in {page}; not a web page"
    assert item.raw is not None and item.raw.data.startswith(magic)


def test_many_nul_bytes_are_binary(tmp_path: Path, config: Config) -> None:
    page = tmp_path / "nul.htm"
    page.write_bytes(b"<p>a</p>" + b"\0" * 500)
    item = one(page, config)
    assert isinstance(item, FailedInput) and "binary content (many NUL bytes)" in item.reason


def test_plain_text_file(tmp_path: Path, config: Config) -> None:
    txt = tmp_path / "note.txt"
    txt.write_bytes("Manifestantes ocuparam a praça em São Paulo.\n".encode("cp1252"))
    item = one(txt, config)
    assert isinstance(item, RawInput) and item.hints["kind"] == "text"
    assert item.data.decode("utf-8") == "Manifestantes ocuparam a praça em São Paulo.\n"


def test_html_name_without_markup_is_read_as_text(tmp_path: Path, config: Config) -> None:
    page = tmp_path / "plain.html"
    page.write_text("Cientos de personas marcharon en Quito el martes.", encoding="utf-8")
    item = one(page, config)
    assert isinstance(item, RawInput) and item.hints["kind"] == "text" and "sniffed" in item.hints


def test_page_over_the_cap_fails_without_reading(
    tmp_path: Path, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as fh:  # 30 MB, made here and deleted with tmp_path
        fh.write(b"<html><body>")
        chunk = b"<p>" + b"x" * 1021 + b"</p>"
        for _ in range(30 * 1024):
            fh.write(chunk)
    assert big.stat().st_size > 30_000_000

    def no_read(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("a file over the cap must not be read")

    monkeypatch.setattr("wirewatch.sources.files.read_capped", no_read)
    item = one(big, config)
    assert isinstance(item, FailedInput)
    assert "larger than max_bytes (20,000,000)" in item.reason and "--max-bytes" in item.reason
    assert "WIREWATCH_MAX_BYTES" in item.reason
    monkeypatch.undo()
    item = one(big, config, max_bytes=40_000_000)
    assert isinstance(item, RawInput) and len(item.data) == big.stat().st_size


def test_gzip_page_by_name_and_by_magic(tmp_path: Path, config: Config) -> None:
    named = tmp_path / "a.html.gz"
    named.write_bytes(gzip.compress(PAGE))
    unnamed = tmp_path / "b.html"  # gzip bytes under a plain name: detected by magic bytes
    unnamed.write_bytes(gzip.compress(PAGE))
    for path in (named, unnamed):
        item = one(path, config)
        assert isinstance(item, RawInput) and item.data == PAGE


def test_truncated_gzip(tmp_path: Path, config: Config) -> None:
    blob = gzip.compress(PAGE * 50)
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(blob[: len(blob) // 2])
    item = one(cut, config)
    assert isinstance(item, FailedInput) and item.reason.startswith("truncated gzip: ")
    assert item.raw is not None


def test_gzip_bomb_stops_at_the_cap(tmp_path: Path, config: Config) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * 3_000_000))
    item = one(bomb, config, max_bytes=1_000_000)
    assert isinstance(item, FailedInput) and "more than max_bytes" in item.reason


def test_missing_file(tmp_path: Path, config: Config) -> None:
    item = one(tmp_path / "nope.html", config)
    assert isinstance(item, FailedInput) and "cannot read" in item.reason


def test_directory_walk_is_recursive_sorted_and_skips_hidden(tmp_path: Path, config: Config) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b.html").write_bytes(PAGE)
    (tmp_path / "sub" / "a.htm").write_bytes(PAGE)
    (tmp_path / "sub" / "c.txt").write_text("Texto en español.", encoding="utf-8")
    (tmp_path / ".cache" / "d.html").write_bytes(PAGE)
    (tmp_path / "notes.md").write_text("ignored")
    items = list(iter_inputs([str(tmp_path)], config))
    assert [Path(i.source).name for i in items] == ["b.html", "a.htm", "c.txt"]
    only = list(iter_inputs([str(tmp_path)], config, pattern="*.htm*"))
    assert [Path(i.source).name for i in only] == ["b.html", "a.htm"]
    top = list(iter_inputs([str(tmp_path)], config, pattern="*.html"))
    assert [Path(i.source).name for i in top] == ["b.html"]


def test_empty_directory_is_reported(tmp_path: Path, config: Config) -> None:
    item = one(tmp_path, config)
    assert isinstance(item, FailedInput) and item.kind == "dir" and "no files" in item.reason


def test_detect_kind(tmp_path: Path) -> None:
    rss = tmp_path / "news.xml"
    rss.write_bytes(b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0"><channel></channel></rss>')
    atom_gz = tmp_path / "f.atom.gz"
    atom_gz.write_bytes(gzip.compress(b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>'))
    jf = tmp_path / "feed.json"
    jf.write_text('{"version": "https://jsonfeed.org/version/1.1", "items": []}')
    plain_json = tmp_path / "data.json"
    plain_json.write_text('{"a": 1}')
    warc = tmp_path / "crawl.bin"
    warc.write_bytes(b"WARC/1.0\r\n")
    assert detect_kind("https://example.org/a") == "url"
    assert detect_kind(str(tmp_path)) == "dir"
    assert detect_kind(str(rss)) == "feed"
    assert detect_kind(str(atom_gz)) == "feed"
    assert detect_kind(str(jf)) == "feed"
    assert detect_kind(str(plain_json)) == "file"
    assert detect_kind(str(warc)) == "warc"
    assert detect_kind(str(tmp_path / "x.jsonl.gz")) == "jsonl"
    assert detect_kind(str(tmp_path / "x.html")) == "file"


def test_a_bad_input_does_not_stop_the_batch(tmp_path: Path, config: Config) -> None:
    good = tmp_path / "good.html"
    good.write_bytes(PAGE)
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    items = list(iter_inputs([str(empty), str(tmp_path / "missing.txt"), str(good)], config))
    assert [type(i).__name__ for i in items] == ["FailedInput", "FailedInput", "RawInput"]


def test_utf16_page_is_html_not_binary(tmp_path: Path, config: Config) -> None:
    page = tmp_path / "u16.html"
    page.write_bytes("<html><body><p>Ataque em Mocímboa.</p></body></html>".encode("utf-16"))
    item = one(page, config)
    assert isinstance(item, RawInput) and item.hints["kind"] == "html"


def test_a_crashing_source_becomes_a_failed_input(
    tmp_path: Path, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(path: Path, config: Config) -> None:
        raise RuntimeError("library surprise")

    monkeypatch.setattr("wirewatch.sources.jsonl_inputs", boom)
    good = tmp_path / "good.html"
    good.write_bytes(PAGE)
    items = list(iter_inputs([str(tmp_path / "x.jsonl"), str(good)], config))
    assert isinstance(items[0], FailedInput) and items[0].kind == "jsonl"
    assert "internal error" in items[0].reason and "library surprise" in items[0].reason
    assert isinstance(items[1], RawInput)
