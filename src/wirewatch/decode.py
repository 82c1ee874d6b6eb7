"""Bytes to text for web pages: BOM, HTTP charset, ``<meta charset>``, then detection, each one verified.

Declarations lie often enough that none is trusted blindly. A page declaring UTF-8 whose bytes are not UTF-8
is almost always windows-1252; a page declaring Latin-1 whose bytes are valid multi-byte UTF-8 is UTF-8 (valid
UTF-8 by accident is vanishingly rare in legacy text). Like browsers, we read latin-1/iso-8859-1/ascii labels
as windows-1252. A UTF-8 page with a few broken sequences is decoded with replacement characters rather than
rejected.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping

from .errors import DecodeError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of files that are sometimes saved or served with an .html name.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or office document)"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first or name it .gz)"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x00", "a binary file"),
    (b"\x7fELF", "an executable"),
    (b"MZ\x90", "an executable"),
)

# Browsers treat these labels as windows-1252 (the WHATWG encoding standard).
_WINDOWS_1252_LABELS = frozenset(
    {
        "latin1",
        "latin-1",
        "iso-8859-1",
        "iso8859-1",
        "iso_8859-1",
        "l1",
        "ascii",
        "us-ascii",
        "cp819",
        "ibm819",
        "iso-ir-100",
        "x-cp1252",
        "windows-1252",
        "cp1252",
    }
)
_HEAD_BYTES = 16_384
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SAMPLE_BYTES = 262_144
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode_html(data: bytes, headers: Mapping[str, str] | None = None) -> tuple[str, str]:
    """(text, encoding used) for the bytes of a web page or text file; raises :class:`DecodeError`."""
    if not data.strip():
        raise DecodeError("empty input: the file or response has no content")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    _reject_binary(data)
    for declared in (header_charset(headers), meta_charset(data)):
        label = normalize_label(declared)
        if label:
            return _decode_declared(data, label)
    return _decode_undeclared(data)


def header_charset(headers: Mapping[str, str] | None) -> str | None:
    """The charset of an HTTP ``Content-Type`` header (header names are case-insensitive)."""
    if not headers:
        return None
    for name, value in headers.items():
        if name.lower() == "content-type":
            m = _HEADER_CHARSET.search(value)
            return m.group(1) if m else None
    return None


def meta_charset(data: bytes) -> str | None:
    """``<meta charset=...>`` or the http-equiv Content-Type form, in the head of the page."""
    m = _META_CHARSET.search(data[:_HEAD_BYTES])
    return m.group(1).decode("ascii", errors="ignore") if m else None


def normalize_label(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None when the label is unknown."""
    if not label:
        return None
    low = label.strip().lower()
    if low in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(low).name
    except LookupError:
        return None


def _reject_binary(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"not a web page or text: the bytes are {what}")
    head = data[:_HEAD_BYTES]
    if b"\x00" in head or len(_CONTROL.findall(head)) > len(head) // 20:
        raise DecodeError("not a web page or text: the bytes look binary (control characters)")


def _decode_declared(data: bytes, encoding: str) -> tuple[str, str]:
    if encoding == "utf-8":
        return _decode_utf8_or_legacy(data)
    if _is_multibyte_utf8(data):  # a legacy label on UTF-8 bytes: the label is wrong
        return data.decode("utf-8"), "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return _decode_undeclared(data)


def _decode_undeclared(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8"
    return _detect(data)


def _decode_utf8_or_legacy(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):  # a few broken sequences in a UTF-8 page
        return data.decode("utf-8", errors="replace"), "utf-8"
    return _detect(data)


def _is_multibyte_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _sample(data: bytes) -> bytes:
    """A window of the bytes from the first non-ASCII byte on: enough to judge, cheap on huge pages."""
    m = _HIGH_BYTE.search(data)
    start = m.start() if m else 0
    return data[start : start + _SAMPLE_BYTES]


def _mostly_utf8(data: bytes) -> bool:
    """More valid non-ASCII UTF-8 characters than broken sequences: a UTF-8 page with damage."""
    text = _sample(data).decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = len(_NON_ASCII.findall(text)) - broken
    return valid > broken


def _detect(data: bytes) -> tuple[str, str]:
    """windows-1252 when the bytes read as Western text; charset-normalizer's guess otherwise.

    charset-normalizer alone often picks a Central-European or CJK code page for short Portuguese or Spanish
    text, so the Western reading is checked first: in Latin-script words only some letters are accented,
    while Cyrillic or Greek bytes read as windows-1252 give words made entirely of accented letters.
    """
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_western(_sample(data).decode("cp1252", errors="replace")):
        return western, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    guess = normalize_label(best.encoding) if best is not None else None
    if guess and guess not in ("utf-8", "ascii"):
        try:
            return data.decode(guess), guess
        except UnicodeDecodeError:
            pass
    if western is not None:
        return western, "cp1252"
    return data.decode("cp1252", errors="replace"), "cp1252"


_ACCENTED_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f][^\W\d_]*")


def _looks_western(text: str) -> bool:
    words = [w for w in _ACCENTED_WORD.findall(text) if w.isalpha()]
    if not words:
        return True
    letters = sum(len(w) for w in words)
    accented = sum(1 for w in words for ch in w if ord(ch) > 0x7F)
    return accented / letters < 0.75
