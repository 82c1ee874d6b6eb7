"""Checks every file or page passes before it becomes a RawInput: empty, binary, gzip, size cap, text."""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from typing import BinaryIO

import charset_normalizer

from ..errors import DecodeError
from ..fetch import too_large_reason

GZIP_MAGIC = b"\x1f\x8b"

# Magic numbers of the binary formats most often saved under a web-page name by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"PK\x03\x04", "ZIP"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"RIFF", "RIFF/WebP"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0", "MS Office"),
    (GZIP_MAGIC, "gzip"),
)
_MARKUP = re.compile(rb"<\s*[a-zA-Z!/?]")


def binary_kind(data: bytes) -> str | None:
    """Name of the binary format ``data`` starts with, or None for text-like bytes."""
    head = data[:4096]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # UTF-16 text is full of NULs by design
    if head and head.count(0) * 20 > len(head):  # >5 % NUL bytes: not text in any 8-bit or UTF-8 charset
        return "many NUL bytes"
    return None


def payload_problem(data: bytes, name: str, *, what: str = "web page") -> str | None:
    """The one-line reason ``data`` (read from ``name``) cannot be a page or text, or None when it can."""
    if not data.strip():
        return "empty file" if data == b"" else "empty file (only whitespace)"
    kind = binary_kind(data)
    if kind:
        return f"binary content ({kind}) in {name}; not a {what}"
    return None


def has_markup(data: bytes) -> bool:
    """Whether the bytes contain anything that looks like a tag (else a '.html' file is plain text)."""
    head = data[:65536]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    return bool(_MARKUP.search(head))


def size_problem(size: int, name: str, max_bytes: int) -> str | None:
    if size > max_bytes:
        return f"{name}: {too_large_reason(size, max_bytes)}"
    return None


def read_capped(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Read a whole stream but never more than ``max_bytes`` (+1 to notice); gunzip when it is gzip."""
    head = stream.read(2)
    rest = stream.read(max_bytes + 1 - len(head))
    data = head + rest
    if len(data) > max_bytes:
        raise DecodeError(f"{name}: {too_large_reason(None, max_bytes)}")
    if head == GZIP_MAGIC:
        return gunzip_capped(data, name, max_bytes)
    return data


def gunzip_capped(data: bytes, name: str, max_bytes: int) -> bytes:
    """Decompress gzip bytes in a streaming way so that a gzip bomb stops at the cap."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            out = gz.read(max_bytes + 1)
    except EOFError as exc:
        raise DecodeError(f"truncated gzip: {name} ends before its compressed data does; copy or download "
                          "it again") from exc
    except (OSError, zlib.error) as exc:
        raise DecodeError(f"corrupt gzip: {name} cannot be decompressed ({exc}); copy or download it "
                          "again") from exc
    if len(out) > max_bytes:
        raise DecodeError(f"{name} decompresses to more than max_bytes ({max_bytes:,}); raise the cap with "
                          "--max-bytes or WIREWATCH_MAX_BYTES")
    return out


def open_maybe_gzip(stream: BinaryIO) -> BinaryIO:
    """Wrap a seekable stream in a gzip reader when it starts with the gzip magic bytes."""
    head = stream.read(2)
    stream.seek(0)
    if head == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=stream)  # type: ignore[return-value]
    return stream


def text_to_utf8(data: bytes, charset: str | None = None) -> bytes:
    """Plain text of unknown encoding as UTF-8: BOM, declared charset, UTF-8, then detection."""
    return decode_text(data, charset).encode("utf-8")


def decode_text(data: bytes, charset: str | None = None) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("cp1252", errors="replace")
