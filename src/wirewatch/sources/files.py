"""Local files and directories: what kind a path is, and one file read into a RawInput."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from ..config import Config
from ..errors import DecodeError
from ..records import RawInput
from .base import FailedInput, Item
from .checks import GZIP_MAGIC, has_markup, payload_problem, read_capped, size_problem, text_to_utf8
from .feeds import looks_like_feed

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
WARC_SUFFIXES = frozenset({".warc"})
FEED_SUFFIXES = frozenset({".rss", ".atom"})
SNIFFED_SUFFIXES = frozenset({".xml", ".json"})  # feeds only when their content says so
# What a directory walk picks up when no pattern is given.
DIR_SUFFIXES = PAGE_SUFFIXES | TEXT_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES | FEED_SUFFIXES
SNIFF_BYTES = 4096


def inner_suffix(path: Path) -> str:
    """'.html' for 'a.html.gz', '.warc' for 'b.WARC.GZ'; '' when there is none."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def sniff_head(path: Path) -> bytes:
    """The first few KB of a file, gunzipped when it is gzip; b'' when unreadable (reported later)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
            if head.startswith(GZIP_MAGIC):
                fh.seek(0)
                return _gunzip_head(fh)
            return head
    except OSError:
        return b""


def _gunzip_head(fh: BinaryIO) -> bytes:
    """As much of the decompressed head as can be read: a damaged later member must not hide the first."""
    head = b""
    with gzip.GzipFile(fileobj=fh) as gz:
        while len(head) < SNIFF_BYTES:
            try:
                piece = gz.read(256)
            except (OSError, EOFError, zlib.error):
                break
            if not piece:
                break
            head += piece
    return head


def file_kind(path: Path) -> str:
    """jsonl | warc | feed | file, from the name first and the content where the name is not telling."""
    suffix = inner_suffix(path)
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in WARC_SUFFIXES:
        return "warc"
    if suffix in FEED_SUFFIXES:
        return "feed"
    head = sniff_head(path)
    if head.startswith(b"WARC/"):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    return "file"


def dir_files(root: Path, pattern: str | None) -> list[Path]:
    """Files under ``root`` (recursive, sorted, no hidden ones) matching ``pattern`` or a known suffix."""
    if pattern:
        found = root.glob(pattern) if "/" in pattern else root.rglob(pattern)
    else:
        found = (p for p in root.rglob("*") if inner_suffix(p) in DIR_SUFFIXES)
    keep = [p for p in found if p.is_file() and not _hidden(p.relative_to(root))]
    return sorted(keep)


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def file_input(path: Path, config: Config) -> Item:
    """One local page or text file, checked (size cap before reading, gzip, empty, binary)."""
    name = str(path)
    max_bytes = int(config.max_bytes)
    try:
        problem = size_problem(path.stat().st_size, name, max_bytes)
        if problem:
            return FailedInput(name, "file", problem)
        with path.open("rb") as fh:
            data = read_capped(fh, name, max_bytes)
    except DecodeError as exc:
        return FailedInput(name, "file", str(exc), _raw_head(path, max_bytes))
    except OSError as exc:
        return FailedInput(name, "file", f"cannot read {name}: {exc.strerror or exc}; check the path "
                                         "and its permissions")
    return page_input(data, source=name, suffix=inner_suffix(path), kind="file")


def _raw_head(path: Path, max_bytes: int) -> RawInput | None:
    """The received bytes of a file that failed to decode, for the audit log (capped)."""
    try:
        with path.open("rb") as fh:
            return RawInput(source=str(path), data=fh.read(max_bytes))
    except OSError:
        return None


def page_input(
    data: bytes,
    *,
    source: str,
    suffix: str = "",
    kind: str = "file",
    url: str | None = None,
    headers: Mapping[str, str] | None = None,
    retrieved_at: datetime | None = None,
    hints: Mapping[str, str] | None = None,
    content_type: str = "",
) -> Item:
    """Checked bytes of one page or text as a RawInput (``hints['kind']`` = html | text)."""
    head = dict(headers or {})
    extra = dict(hints or {})
    what = "text file" if suffix in TEXT_SUFFIXES else "web page"
    problem = payload_problem(data, source, what=what)
    if problem:
        raw = RawInput(source, data, url, head, retrieved_at, extra) if data else None
        return FailedInput(source, kind, problem, raw)
    if suffix in TEXT_SUFFIXES or content_type == "text/plain" or not has_markup(data):
        if suffix not in TEXT_SUFFIXES and content_type != "text/plain":
            extra["sniffed"] = "no markup found: read as plain text"
        extra["kind"] = "text"
        data = text_to_utf8(data, _charset(head))
    else:
        extra["kind"] = "html"
    return RawInput(source=source, data=data, url=url, headers=head, retrieved_at=retrieved_at, hints=extra)


def _charset(headers: Mapping[str, str]) -> str | None:
    ctype = headers.get("content-type", "")
    for part in ctype.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def read_local(path: Path, config: Config) -> bytes:
    """Whole (capped, gunzipped) bytes of a container file such as a feed; raises DecodeError/OSError."""
    with path.open("rb") as fh:
        return read_capped(fh, str(path), int(config.max_bytes))


__all__ = ["dir_files", "file_input", "file_kind", "inner_suffix", "page_input", "read_local"]
