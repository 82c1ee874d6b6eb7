"""Feeds: RSS/Atom through feedparser, JSON Feed parsed here, entry pages fetched with a content fallback."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from wirewatch.config import Config, load_config
from wirewatch.fetch import Fetcher
from wirewatch.records import RawInput
from wirewatch.sources import FailedInput, iter_inputs
from wirewatch.sources.feeds import html_to_text, looks_like_feed

RSS = """<?xml version="1.0" encoding="{enc}"?>
<rss version="2.0"><channel><title>Notícias de teste</title><language>pt-BR</language>
<item><title>Chuvas deixam desalojados em Recife</title><link>https://news.example/recife</link>
<pubDate>Ter, 14 Mar 2017 09:30:00 -0300</pubDate>
<description>&lt;p&gt;Mais de mil pessoas deixaram as casas.&lt;/p&gt;
&lt;p&gt;A Defesa Civil acompanha.&lt;/p&gt;</description>
</item>
<item><title>Sem conteúdo</title><link>https://news.example/vazio</link></item>
</channel></rss>
"""


@pytest.fixture()
def config() -> Config:
    return load_config(path=None, env={}).with_overrides(rate_limit=0, http_retries=0)


def fetcher_with(config: Config, handler: object) -> Fetcher:
    return Fetcher(config, transport=httpx.MockTransport(handler))  # type: ignore[arg-type]


def failing(config: Config) -> Fetcher:
    return fetcher_with(config, lambda request: httpx.Response(404))


def test_latin1_rss_falls_back_to_entry_content(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "noticias.rss"
    path.write_bytes(RSS.format(enc="iso-8859-1").encode("latin-1"))
    first, second = list(iter_inputs([str(path)], config, fetcher=failing(config)))
    assert isinstance(first, RawInput) and first.source == "https://news.example/recife"
    assert first.hints["title"] == "Chuvas deixam desalojados em Recife"
    assert first.hints["published"] == "2017-03-14T12:30:00+00:00"  # Portuguese day and month names
    assert first.hints["lang"] == "pt" and first.hints["kind"] == "text" and first.hints["feed"] == str(path)
    assert "HTTP 404" in first.hints["fallback"]
    assert first.data.decode("utf-8") == "Mais de mil pessoas deixaram as casas.\nA Defesa Civil acompanha."
    assert isinstance(second, FailedInput) and "no content to fall back on" in second.reason


def test_fetched_entry_pages_carry_feed_hints(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "noticias.xml"
    path.write_bytes(RSS.format(enc="utf-8").encode("utf-8"))

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, headers={"content-type": "text/html"}, content=b"<p>Reportagem.</p>")

    items = [i for i in iter_inputs([str(path)], config, fetcher=fetcher_with(config, handler))
             if isinstance(i, RawInput)]
    assert len(items) == 2
    assert items[0].hints["kind"] == "html" and "fallback" not in items[0].hints
    assert items[0].url == "https://news.example/recife" and items[0].retrieved_at is not None
    assert items[1].hints["title"] == "Sem conteúdo"


def test_json_feed(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "Noticias", "language": "es-CO",
        "items": [
            {"id": "1", "url": "https://news.example/cali", "title": "Marcha en Cali",
             "content_html": "<p>Miles marcharon.</p>", "date_published": "2021-05-03T10:00:00-05:00"},
            {"id": "2", "title": "Sin enlace", "content_text": "Texto de la entrada."},
        ],
    }), encoding="utf-8")
    first, second = list(iter_inputs([str(path)], config, fetcher=failing(config)))
    assert isinstance(first, RawInput) and first.hints["published"] == "2021-05-03T10:00:00-05:00"
    assert first.hints["lang"] == "es" and first.data == b"Miles marcharon."
    assert isinstance(second, RawInput) and second.source == f"{path}#2"
    assert "no http(s) link" in second.hints["fallback"]


def test_feed_that_is_not_xml(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("this feed is just words, no markup at all\n", encoding="utf-8")
    (item,) = list(iter_inputs([str(path)], config, fetcher=failing(config)))
    assert isinstance(item, FailedInput) and item.kind == "feed"
    assert item.reason.startswith("not a feed:") and item.raw is not None


def test_sniffing_and_fragments() -> None:
    assert looks_like_feed(b'\xef\xbb\xbf<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">')
    assert not looks_like_feed(b"<!DOCTYPE html><html><body></body></html>")
    assert html_to_text("<p>Uno &amp; dos</p><script>x()</script><br/>tres") == "Uno & dos\ntres"


def test_uol_feed(eval_dir: Path, config: Config) -> None:
    path = eval_dir / "feeds" / "uolNoticias.rss"
    items = list(iter_inputs([str(path)], config, fetcher=failing(config)))
    inputs = [i for i in items if isinstance(i, RawInput)]
    assert len(items) == 15 and len(inputs) >= 10
    for item in inputs:
        assert "fallback" in item.hints and item.hints["kind"] == "text"
        assert item.hints["published"].startswith("2018-09-2")  # Portuguese dates read
        assert "\ufffd" not in item.hints["title"] and "Ã" not in item.hints["title"]  # Latin-1 decoded
    titles = " ".join(i.hints["title"] for i in inputs)
    assert any(ch in titles for ch in "ãçéõ")


@pytest.mark.slow  # feedparser takes several seconds on the largest shared feeds
def test_every_shared_feed_yields_without_crashing(eval_dir: Path, config: Config) -> None:
    fetcher = failing(config)
    for path in sorted((eval_dir / "feeds").iterdir()):
        items = list(iter_inputs([str(path)], config, fetcher=fetcher))
        assert items, path
        for item in items:
            assert isinstance(item, RawInput | FailedInput)
            if isinstance(item, FailedInput):
                assert "internal error" not in item.reason, (path, item.reason)


def test_a_link_listed_twice_is_fetched_once(tmp_path: Path, config: Config) -> None:
    item = "<item><title>Sismo en Oaxaca</title><link>https://news.example/sismo</link></item>"
    path = tmp_path / "dupes.rss"
    feed = f'<rss version="2.0"><channel><title>x</title>{item}{item}</channel></rss>'
    path.write_text(feed, encoding="utf-8")
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return httpx.Response(200, headers={"content-type": "text/html"}, content=b"<p>Sismo.</p>")

    items = list(iter_inputs([str(path)], config, fetcher=fetcher_with(config, handler)))
    assert len(items) == 2 and calls.count("/sismo") == 1
