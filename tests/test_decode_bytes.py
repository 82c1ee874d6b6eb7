"""Bytes -> text: declared, mislabelled, broken and binary inputs."""

from __future__ import annotations

import codecs

import pytest

from wirewatch.decode import decode_html, normalize_label
from wirewatch.errors import DecodeError

PT = "A polícia prendeu três suspeitos após a operação em São Gonçalo, disse o secretário."
ES = "La Fiscalía informó que seis trabajadores fueron liberados en Chilapa el miércoles."
EN = "Officials said the café near the bridge – a “safe zone” – was hit at dawn."


def page(body: str, charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


def test_utf8_declared_and_valid() -> None:
    text, enc = decode_html(page(PT).encode("utf-8"))
    assert PT in text and enc == "utf-8"


def test_utf8_declared_but_windows_1252_bytes() -> None:
    text, enc = decode_html(page(PT + " " + EN).encode("cp1252"))
    assert PT in text and EN in text
    assert enc == "cp1252"


def test_latin1_label_read_as_windows_1252() -> None:
    data = page("Preço: 10 € – “ok”", "iso-8859-1").encode("cp1252")
    text, enc = decode_html(data)
    assert "10 € – “ok”" in text and enc == "cp1252"


def test_latin1_label_on_utf8_bytes_is_utf8() -> None:
    text, enc = decode_html(page(ES, "iso-8859-1").encode("utf-8"))
    assert ES in text and enc == "utf-8"


def test_http_header_charset_wins_over_meta() -> None:
    data = page(ES, None).encode("cp1252")
    text, enc = decode_html(data, {"Content-Type": "text/html; charset=windows-1252"})
    assert ES in text and enc == "cp1252"


def test_invalid_sequences_in_utf8_page_are_replaced() -> None:
    good = page(PT + " " + ES).encode("utf-8")
    broken = good.replace("três".encode(), b"tr\xff\xfes")
    text, enc = decode_html(broken)
    assert enc == "utf-8"
    assert "\ufffd" in text and "São Gonçalo" in text and "Fiscalía" in text


def test_undeclared_western_text() -> None:
    text, enc = decode_html("Ação é já".encode("cp1252"))
    assert text == "Ação é já" and enc == "cp1252"


def test_boms() -> None:
    assert decode_html(codecs.BOM_UTF8 + PT.encode("utf-8"))[0] == PT
    assert decode_html(codecs.BOM_UTF16_LE + ES.encode("utf-16-le"))[0] == ES


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
        bytes(range(0, 32)) * 20,
    ],
)
def test_binary_is_rejected_with_a_reason(data: bytes) -> None:
    with pytest.raises(DecodeError, match="not a web page"):
        decode_html(data)


def test_empty_is_rejected() -> None:
    with pytest.raises(DecodeError, match="empty"):
        decode_html(b"  \n ")


def test_labels() -> None:
    assert normalize_label("ISO-8859-1") == "cp1252"
    assert normalize_label("UTF8") == "utf-8"
    assert normalize_label("no-such-charset") is None
