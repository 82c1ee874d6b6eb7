"""WARC archives built here with warcio's writer: response records in, broken records reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirewatch.config import Config, load_config
from wirewatch.records import RawInput
from wirewatch.sources import FailedInput, iter_inputs


@pytest.fixture()
def config() -> Config:
    return load_config(path=None, env={})


def build(pages: list[tuple[str, str, bytes]], *, gz: bool) -> tuple[bytes, list[int]]:
    """(url, 'status reason', body) per response record; returns the archive and each record's offset."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    offsets = []
    for url, status, body in pages:
        offsets.append(buf.tell())
        ctype = "image/png" if url.endswith(".png") else "text/html; charset=utf-8"
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    return buf.getvalue(), offsets


PAGES = [
    ("https://news.example/1", "200 OK", b"<html><body><p>Protesta en Cali.</p></body></html>"),
    ("https://news.example/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n"),
    ("https://news.example/2", "404 Not Found", b"<html><body>gone</body></html>"),
    ("https://news.example/3", "200 OK", b"<html><body><p>Cheias em Maputo.</p></body></html>"),
]


@pytest.mark.parametrize("gz", [False, True])
def test_response_records(tmp_path: Path, config: Config, gz: bool) -> None:
    data, _ = build(PAGES, gz=gz)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data)
    items = list(iter_inputs([str(path)], config))
    assert [i.source for i in items] == [f"{path}#1", f"{path}#3", f"{path}#4"]
    first, missing, third = items
    assert isinstance(first, RawInput) and first.url == "https://news.example/1"
    assert first.headers["content-type"] == "text/html; charset=utf-8" and first.retrieved_at is not None
    assert first.data == PAGES[0][2]
    assert isinstance(missing, FailedInput) and "HTTP 404" in missing.reason and missing.raw is not None
    assert isinstance(third, RawInput) and third.url == "https://news.example/3"


@pytest.mark.parametrize("gz", [False, True])
def test_broken_record_is_reported_and_reading_carries_on(tmp_path: Path, config: Config, gz: bool) -> None:
    pages = [(f"https://news.example/{n}", "200 OK", f"<p>Página {n}</p>".encode()) for n in range(4)]
    data, offsets = build(pages, gz=gz)
    broken = bytearray(data)
    start = offsets[1]
    if gz:
        broken[start + 20 : start + 40] = b"\0" * 20  # damage the deflate stream of record 2
    else:
        broken[start : start + 7] = b"XXXX/9."  # damage the version line of record 2
    path = tmp_path / "broken.warc"
    path.write_bytes(bytes(broken))
    items = list(iter_inputs([str(path)], config))
    failed = [i for i in items if isinstance(i, FailedInput)]
    good = [i for i in items if isinstance(i, RawInput)]
    assert len(failed) == 1 and failed[0].reason.startswith("broken WARC record")
    assert failed[0].source == f"{path}#2" and failed[0].kind == "warc"
    assert [g.url for g in good] == ["https://news.example/0", "https://news.example/2", "https://news.example/3"]


def test_not_a_warc(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive at all\n" * 3)
    (item,) = list(iter_inputs([str(path)], config))
    assert isinstance(item, FailedInput) and item.reason.startswith("not a WARC file")
