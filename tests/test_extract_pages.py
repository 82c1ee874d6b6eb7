"""Extraction on small made-up news pages in English, Spanish and Portuguese (texts written for the tests)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from wirewatch.config import load_config
from wirewatch.errors import DecodeError, ExtractionError
from wirewatch.pipeline import article_id, text_hash
from wirewatch.records import Article, RawInput
from wirewatch.stages.extract import extract_article

CONFIG = load_config(env={})

PT_BODY = [
    "Pelo menos nove pessoas morreram na madrugada de sábado num ataque a uma aldeia do distrito de "
    "Muidumbe, segundo a administração local, que atribuiu a ação a grupos armados ativos na região.",
    "Os moradores contaram que os atacantes chegaram a pé, pouco depois das duas horas, e incendiaram "
    "dezenas de casas de palha antes de se retirarem para a mata, levando consigo alimentos e duas motorizadas.",
    "O comandante distrital da polícia disse que as forças de defesa reforçaram a presença na zona e que "
    "ninguém foi detido até ao momento, embora a busca continue nas aldeias vizinhas.",
    "Centenas de famílias deixaram a aldeia durante o domingo em direção à sede do distrito, onde as "
    "autoridades prometeram abrigo provisório numa escola primária e distribuição de alimentos.",
]
ES_BODY = [
    "Al menos cuatro policías resultaron heridos el martes durante un ataque con explosivos contra la "
    "subestación de Corinto, en el norte del Cauca, informó la gobernación del departamento.",
    "Según el comandante de la policía regional, los atacantes dispararon desde una colina cercana durante "
    "casi una hora y luego huyeron hacia la zona rural, donde el Ejército mantiene operaciones de búsqueda.",
    "Los vecinos del barrio contaron que varias viviendas sufrieron daños en los techos y ventanas, y que "
    "las clases en la escuela cercana fueron suspendidas hasta el final de la semana por precaución.",
    "La alcaldía anunció un consejo de seguridad extraordinario para el jueves con la presencia del "
    "ministro de Defensa y de los representantes de las comunidades indígenas de la zona.",
]
EN_BODY = [
    "Floodwaters forced more than two thousand families from their homes along the lower river on Sunday, "
    "the regional disaster agency said, as rain continued to fall across the valley for a fourth day.",
    "Rescue teams in small boats moved door to door through the worst-hit neighbourhoods, and officials said "
    "at least three people were missing after a footbridge collapsed near the central market.",
    "The agency said temporary shelters had been opened in six schools and a sports hall, but volunteers "
    "warned that supplies of drinking water would run short if the roads stayed closed.",
    "Forecasters expect the rain to ease by Wednesday, although the river is not expected to fall below "
    "the warning level until the end of the week.",
]


def html_page(
    body: list[str],
    *,
    lang: str = "pt",
    head: str = "",
    before: str = "",
    after: str = "",
    inside: list[tuple[int, str]] = (),  # type: ignore[assignment]
    charset: str = "utf-8",
) -> str:
    paras = [f"<p>{p}</p>" for p in body]
    for index, extra in sorted(inside, reverse=True):
        paras.insert(index, extra)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}">{head}</head><body>'
        '<header><nav><ul><li><a href="/">Home</a></li><li><a href="/mundo">Mundo</a></li></ul></nav>'
        "</header>"
        f"<main><article>{before}<div class='texto'>{''.join(paras)}</div>{after}</article></main>"
        "<footer><p><a href='/sobre'>Sobre</a> | <a href='/contato'>Contato</a></p></footer></body></html>"
    )


def extract(html: str | bytes, url: str | None = None, **hints: str) -> Article:
    data = html.encode("utf-8") if isinstance(html, str) else html
    return extract_article(RawInput(source=url or "test.html", data=data, url=url, hints=dict(hints)), CONFIG)


# ---------------------------------------------------------------- Portuguese: JSON-LD @graph, chrome, links

PT_LD = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "name": "Folha do Norte"},
        {
            "@type": "NewsArticle",
            "headline": "Ataque a aldeia de Muidumbe deixa nove mortos",
            "datePublished": "2021-04-10T07:30:00+02:00",
            "dateModified": "2021-04-10T09:00:00+02:00",
            "author": [{"@type": "Person", "name": "Ana Macuácua"}],
            "keywords": "Muidumbe, Cabo Delgado",
            "articleSection": "Moçambique",
            "inLanguage": "pt-MZ",
            "publisher": {"@type": "Organization", "name": "Folha do Norte"},
        },
    ],
}
PT_HEAD = (
    f'<script type="application/ld+json">{json.dumps(PT_LD)}</script>'
    '<link rel="canonical" href="/mocambique/2021/04/ataque-muidumbe?utm_source=rss">'
    '<link rel="alternate" hreflang="en" href="https://folhadonorte.example/en/attack-muidumbe">'
)
PT_CHROME = [
    (
        2,
        "<p>Leia também: <a href='/mocambique/2021/03/deslocados-pemba'>Deslocados chegam a Pemba de barco</a></p>",
    ),
    (1, "<p>Partilhar: Facebook | WhatsApp | Twitter</p>"),
    (4, "<p>Receba a nossa newsletter no seu e-mail todas as manhãs</p>"),
]
PT_AFTER = (
    "<div class='etiquetas'><a href='/tag/muidumbe'>Muidumbe</a> "
    "<a href='/tag/insurgencia'>Insurgência</a></div>"
    "<div class='idiomas'><a href='https://folhadonorte.example/en/attack-muidumbe'>English</a> / "
    "<a href='/mocambique/2021/04/ataque-muidumbe'>Português</a> / <a href='/es/ataque'>Español</a></div>"
)


@pytest.fixture(scope="module")
def pt_article() -> Article:
    html = html_page(PT_BODY, head=PT_HEAD, inside=PT_CHROME, after=PT_AFTER)
    return extract(html, "https://www.folhadonorte.example/mocambique/2021/04/ataque-muidumbe?fbclid=zz")


def test_pt_body_is_the_paragraphs_one_per_line(pt_article: Article) -> None:
    assert pt_article.text == "\n".join(PT_BODY)
    assert len(pt_article.paragraphs) == len(PT_BODY)


def test_pt_related_line_becomes_a_link(pt_article: Article) -> None:
    assert "Leia também" not in pt_article.text
    (link,) = pt_article.related
    assert link.title == "Deslocados chegam a Pemba de barco"
    assert link.url == "https://www.folhadonorte.example/mocambique/2021/03/deslocados-pemba"
    assert link.rel == "related"


def test_pt_metadata_from_json_ld_graph(pt_article: Article) -> None:
    a = pt_article
    assert a.title == "Ataque a aldeia de Muidumbe deixa nove mortos"
    assert a.authors == ("Ana Macuácua",)
    assert a.published == datetime(2021, 4, 10, 7, 30, tzinfo=timezone(timedelta(hours=2)))
    assert a.published_precision == "second"
    assert a.modified is not None and a.modified.hour == 9
    assert a.site == "Folha do Norte"
    assert a.section == "Moçambique"
    assert {"Muidumbe", "Cabo Delgado", "Insurgência"} <= set(a.tags)
    assert a.lang == "pt" and a.lang_confidence == 0.0  # a hint for identify_article, not a decision


def test_pt_canonical_resolved_and_cleaned(pt_article: Article) -> None:
    assert pt_article.canonical_url == "https://www.folhadonorte.example/mocambique/2021/04/ataque-muidumbe"
    assert pt_article.id == article_id(pt_article.canonical_url, text_hash(pt_article.text))
    assert pt_article.text_hash == text_hash(pt_article.text)


def test_pt_editions_from_hreflang_and_switcher(pt_article: Article) -> None:
    got = {(e.lang, e.url) for e in pt_article.editions}
    assert got == {
        ("en", "https://folhadonorte.example/en/attack-muidumbe"),
        ("es", "https://www.folhadonorte.example/es/ataque"),
    }
    assert all(e.rel == "edition" for e in pt_article.editions)


# ---------------------------------------------------------------- Spanish: OpenGraph only, naive time, chrome

ES_HEAD = (
    '<meta property="og:title" content="Atacan subestación de policía en Corinto | Diario del Cauca">'
    '<meta property="og:site_name" content="Diario del Cauca">'
    '<meta property="article:published_time" content="2019-07-16 18:05:00">'
    '<meta property="article:tag" content="Cauca"><meta property="article:tag" content="Corinto">'
    '<meta property="og:url" content="https://diariodelcauca.example/judicial/ataque-corinto">'
)
ES_CHROME = [
    (1, "<p>Por Julián Ospina — 16 de julio de 2019</p>"),
    (
        3,
        "<p>Lea también: <a href='/judicial/paro-armado'>Disidencias anuncian paro armado en el norte</a></p>",
    ),
    (5, "<p>Te puede interesar: <a href='/region/vias'>Reabren la vía Panamericana tras cuatro días</a></p>"),
    (6, "<p>Ver los 12 comentarios</p>"),
    (6, "<p>Foto: Archivo particular</p>"),
]


def test_es_opengraph_page() -> None:
    a = extract(html_page(ES_BODY, lang="es", head=ES_HEAD, inside=ES_CHROME), "https://diariodelcauca.example/x")
    assert a.text == "\n".join(ES_BODY)
    assert a.title == "Atacan subestación de policía en Corinto"
    assert a.site == "Diario del Cauca"
    assert a.published == datetime(2019, 7, 16, 18, 5, tzinfo=UTC)  # naive time taken as UTC
    assert a.authors == ("Julián Ospina",)
    assert [link.title for link in a.related] == [
        "Disidencias anuncian paro armado en el norte",
        "Reabren la vía Panamericana tras cuatro días",
    ]
    assert a.related[0].url == "https://diariodelcauca.example/judicial/paro-armado"
    assert set(a.tags) >= {"Cauca", "Corinto"}
    assert a.canonical_url == "https://diariodelcauca.example/judicial/ataque-corinto"
    assert a.lang == "es"


# ---------------------------------------------------------------- English: no metadata, a bare "Related"

EN_CHROME = [
    (2, "<h3>Related</h3><p><a href='/news/dam-warning'>Engineers warn over ageing dam upstream</a></p>"),
    (4, "<p>Show Comments</p>"),
    (4, "<p>We use cookies to improve your experience. Accept all cookies</p>"),
    (0, "<p>By Mary Okafor | Updated 14:20, 9 March 2021</p>"),
]


def test_en_page_without_metadata() -> None:
    html = html_page(EN_BODY, lang="en", inside=EN_CHROME, head="<title>Floods force thousands from homes</title>")
    a = extract(html, "https://www.valleytimes.example/news/2021/03/09/floods")
    assert a.text == "\n".join(EN_BODY)
    assert a.authors == ("Mary Okafor",)
    assert [link.title for link in a.related] == ["Engineers warn over ageing dam upstream"]
    assert a.title == "Floods force thousands from homes"
    assert a.site == "valleytimes.example"
    assert a.published is not None and a.published.date().isoformat() == "2021-03-09"
    assert a.published.tzinfo is not None


# ---------------------------------------------------------------- bad input


def test_navigation_only_page_has_no_article() -> None:
    links = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(30))
    html = f"<html><head><title>Home</title></head><body><nav><ul>{links}</ul></nav></body></html>"
    with pytest.raises(ExtractionError, match="no article text found"):
        extract(html, "https://portal.example/")


def test_binary_page_is_a_decode_error() -> None:
    with pytest.raises(DecodeError):
        extract(b"\x89PNG\r\n\x1a\n" + bytes(200), "https://portal.example/img.html")


def test_utf8_declared_windows_1252_page() -> None:
    data = html_page(PT_BODY, charset="utf-8").encode("cp1252")
    a = extract(data, "https://portal.example/x")
    assert a.text == "\n".join(PT_BODY)


def test_impossible_date_falls_through_to_the_next_source() -> None:
    ld = {"@type": "NewsArticle", "headline": "Título", "datePublished": "2017-02-31T10:00:00Z"}
    head = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        '<meta property="article:published_time" content="2017-02-28T10:00:00Z">'
    )
    a = extract(html_page(PT_BODY, head=head), "https://portal.example/x")
    assert a.published == datetime(2017, 2, 28, 10, 0, tzinfo=UTC)


def test_impossible_date_everywhere_does_not_crash() -> None:
    head = '<meta property="article:published_time" content="31/02/2017">'
    a = extract(html_page(ES_BODY, lang="es", head=head), "https://portal.example/nota")
    assert a.published is None or a.published.tzinfo is not None


def test_layout_table_page() -> None:
    cells = "".join(f"<p>{p}" for p in ES_BODY)  # unclosed <p>, as old sites write them
    html = (
        "<html lang='es'><body><table width='100%'><tr><td class='menu'><a href='/'>Portada</a> | "
        "<a href='/deportes'>Deportes</a></td></tr></table><table><tr><td><h1>Titular</h1>"
        f"{cells}</td><td><b>Lo más visto</b><br><a href='/x'>Otra nota</a></td></tr></table></body></html>"
    )
    a = extract(html, "https://viejo.example/nota.html")
    assert a.text.split("\n")[-len(ES_BODY) :] == ES_BODY


# ---------------------------------------------------------------- plain text


def test_plain_text_input_skips_html_extraction() -> None:
    text = "\n\n".join(ES_BODY) + "\n"
    a = extract(
        text.encode("utf-8"),
        "https://feed.example/nota?utm_source=rss",
        kind="text",
        lang="es",
        title="Atacan subestación",
        published="2019-07-16",
    )
    assert a.text == "\n".join(ES_BODY)
    assert a.title == "Atacan subestación"
    assert a.lang == "es"
    assert a.published == datetime(2019, 7, 16, tzinfo=UTC) and a.published_precision == "day"
    assert a.canonical_url == "https://feed.example/nota"
    assert a.source == "https://feed.example/nota?utm_source=rss"


def test_empty_text_input() -> None:
    with pytest.raises(DecodeError):
        extract(b"   ", "https://feed.example/vazio", kind="text")


def test_wrapped_json_ld_with_type_list_and_string_author() -> None:
    ld = {"@type": ["NewsArticle"], "headline": "Chuvas deixam doze mortos", "author": "Redação"}
    ld_text = json.dumps(ld).replace("deixam doze", "deixam\ndoze")  # a raw newline inside a string
    head = f'<script type="application/ld+json">//<![CDATA[\n{ld_text}\n//]]></script>'
    a = extract(html_page(PT_BODY, head=head), "https://portal.example/chuvas")
    assert a.title == "Chuvas deixam doze mortos"
    assert a.authors == ("Redação",)


def test_script_rendered_page_falls_back_to_json_ld_article_body() -> None:
    ld = {"@type": "NewsArticle", "headline": "Lluvias en el sur", "articleBody": "\n".join(ES_BODY)}
    html = (
        f'<html lang="es"><head><script type="application/ld+json">{json.dumps(ld)}</script></head>'
        '<body><div id="app"></div><script>render()</script></body></html>'
    )
    a = extract(html, "https://portal.example/lluvias")
    assert a.text == "\n".join(ES_BODY) and a.title == "Lluvias en el sur"
