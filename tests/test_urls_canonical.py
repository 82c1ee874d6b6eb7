"""URL canonicalisation and outlet names."""

from __future__ import annotations

import pytest

from wirewatch.urls import canonicalize_url, site_of


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://WWW.Example.COM/Noticias/A?b=2&a=1#top", "https://www.example.com/Noticias/A?a=1&b=2"),
        ("https://example.com:443/x", "https://example.com/x"),
        ("http://example.com:80/x", "http://example.com/x"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a?utm_source=tw&utm_medium=social&id=7", "https://example.com/a?id=7"),
        ("https://example.com/a?fbclid=abc&gclid=x&mc_cid=1&mc_eid=2&ref=home", "https://example.com/a"),
        ("https://example.com//a//b", "https://example.com/a/b"),
    ],
)
def test_canonicalize(url: str, expected: str) -> None:
    assert canonicalize_url(url) == expected


def test_canonical_form_is_stable() -> None:
    url = "https://Noticias.Example.com.br/brasil/2020/06/x.html?utm_campaign=a&pagina=2"
    once = canonicalize_url(url)
    assert canonicalize_url(once) == once


def test_non_http_and_malformed_are_kept() -> None:
    assert canonicalize_url("  mailto:a@b.example ") == "mailto:a@b.example"
    assert canonicalize_url("http://[::1:bad") == "http://[::1:bad"
    assert canonicalize_url("relative/path") == "relative/path"


def test_site_of() -> None:
    assert site_of("https://www.diario.example.mx/nota") == "diario.example.mx"
    assert site_of("https://m.folha.example.com.br/x") == "folha.example.com.br"
    assert site_of("https://news.example.org/x") == "news.example.org"
    assert site_of(None) is None
    assert site_of("not a url") is None
