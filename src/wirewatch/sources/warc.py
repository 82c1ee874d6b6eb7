"""WARC / WARC.gz archives through warcio: response records become inputs with their HTTP headers.

Sources are named ``archive.warc.gz#N`` (N = the record's 1-based position). A broken record becomes a
FailedInput and reading resumes at the next record start found in the file (the next gzip member, or the
next ``WARC/1.x`` line in an uncompressed archive), so one bad record does not lose the rest.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..config import Config
from ..fetch import PAGE_TYPES, media_type, too_large_reason
from ..records import RawInput
from .base import FailedInput, Item, one_line
from .checks import GZIP_MAGIC
from .files import page_input, sniff_head

_GZIP_MEMBER = GZIP_MAGIC + b"\x08"  # gzip magic + deflate method
_WARC_LINE = b"\nWARC/1."
_SCAN_CHUNK = 1 << 20
# Errors warcio and the gzip reader raise on damaged archives; they end one record, not the batch.
_BROKEN = (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error, KeyError, IndexError)


def warc_inputs(path: Path, config: Config) -> Iterator[Item]:
    name = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield FailedInput(name, "warc", f"cannot read {name}: {exc.strerror or exc}; check the path")
        return
    if not sniff_head(path).startswith(b"WARC/"):
        fh.close()
        yield FailedInput(name, "warc", f"not a WARC file: {name} does not start with a WARC/1.x record")
        return
    with fh:
        compressed = fh.read(2) == GZIP_MAGIC
        yield from _read_from(fh, name, int(config.max_bytes), compressed)


def _read_from(fh: BinaryIO, name: str, max_bytes: int, compressed: bool) -> Iterator[Item]:
    position, number, any_record = 0, 0, False
    while True:
        fh.seek(position)
        records = ArchiveIterator(fh)
        record_end = position
        try:
            for record in records:
                number += 1
                any_record = True
                item = _record_input(record, f"{name}#{number}", max_bytes)
                record_end = _end_of(records, record_end)
                if item is not None:
                    yield item
            break
        except _BROKEN as exc:
            number += 1
            any_record = True
            detail = one_line(str(exc)) or type(exc).__name__
            yield FailedInput(f"{name}#{number}", "warc",
                              f"broken WARC record: {detail}; the records after it are still read")
            start = _skip_blank(fh, record_end)
            nxt = _find(fh, _GZIP_MEMBER if compressed else _WARC_LINE, start + 1)
            if nxt is None:
                break
            position = nxt if compressed else nxt + 1
    if not any_record:
        yield FailedInput(name, "warc", f"no WARC records in {name}; is it a WARC file?")


def _end_of(records: ArchiveIterator, fallback: int) -> int:
    try:
        return int(records.get_record_offset()) + int(records.get_record_length())
    except _BROKEN:
        return fallback


def _record_input(record: Any, source: str, max_bytes: int) -> Item | None:
    """A response (or page resource) record as an input; None for records that are not pages."""
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    http = record.http_headers
    status = int(http.get_statuscode() or 200) if http is not None else 200
    headers = {k.lower(): v for k, v in http.headers} if http is not None else {}
    if record.rec_type == "resource":
        headers.setdefault("content-type", record.rec_headers.get_header("Content-Type") or "")
    ctype = media_type(headers.get("content-type", ""))
    if 300 <= status < 400 or (ctype and ctype not in PAGE_TYPES):
        return None  # redirects, images, scripts: a crawl is full of them and they are not articles
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return FailedInput(source, "warc", f"record {too_large_reason(None, max_bytes)}")
    retrieved = _warc_date(record.rec_headers.get_header("WARC-Date"))
    if status >= 400:
        raw = RawInput(source, data, url, headers, retrieved)
        return FailedInput(source, "warc", f"archived answer was HTTP {status}, not a page", raw)
    return page_input(data, source=source, kind="warc", url=url, headers=headers, retrieved_at=retrieved,
                      content_type=ctype)


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _skip_blank(fh: BinaryIO, offset: int) -> int:
    fh.seek(offset)
    head = fh.read(64)
    return offset + len(head) - len(head.lstrip(b"\r\n"))


def _find(fh: BinaryIO, needle: bytes, start: int) -> int | None:
    """Offset of the next ``needle`` at or after ``start``, scanning in chunks."""
    offset = start
    while True:
        fh.seek(offset)
        chunk = fh.read(_SCAN_CHUNK + len(needle))
        if len(chunk) < len(needle):
            return None
        hit = chunk.find(needle)
        if hit >= 0:
            return offset + hit
        offset += _SCAN_CHUNK
