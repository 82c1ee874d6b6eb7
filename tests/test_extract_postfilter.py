"""Post-filters: chrome lines go, prose that merely starts like chrome stays (EN/ES/PT, made-up lines)."""

from __future__ import annotations

import pytest

from wirewatch.postfilter import byline_authors, filter_lines, rules

CHROME = [
    "Share this article",
    "Facebook | Twitter | WhatsApp | Email",
    "Show Comments",
    "12 comments",
    "Sign up for our newsletter",
    "We use cookies to improve your experience on our site.",
    "Photo: Reuters",
    "Advertisement",
    "Tags: Iraq, Mosul",
    "© 2021 The Valley Times. All rights reserved.",
    "March 8, 2017 - 11:28 AM",
    "Updated 3 hours ago",
    "Updated at 1:23 p.m.",
    "Have a tip? Ana Reyes may be reached at areyes@valleytimes.example. Follow her on Twitter.",
    "Compartilhe esta notícia",
    "Partilhar: Facebook | WhatsApp",
    "Ver os 8 comentários",
    "Receba a nossa newsletter no seu e-mail",
    "Este sítio utiliza cookies para melhorar a experiência.",
    "Foto: Divulgação",
    "Etiquetas: Cabo Delgado, Palma",
    "Atualizado há 5 horas",
    "Atualizado às 10h32",
    "14 de março de 2017, às 10h32",
    "Comparte: Facebook",
    "Ver los 9 comentarios",
    "Recibe nuestro boletín en tu correo:",
    "Este sitio utiliza cookies. Al navegar aceptas su uso.",
    "Foto: Especial",
    "Publicado: 15/10/2019 - 09:45",
    "Actualizado a las 10:32 h",
    "Los comentarios están moderados y son responsabilidad de sus autores.",
]

PROSE = [
    "The newsletter, published by the ministry, said 12 people died.",
    "Share prices fell sharply after the attack on the pipeline.",
    "Copyright infringement claims rose last year, the agency said.",
    "Photographs taken by residents show the bridge under water.",
    "By Tuesday, the army had withdrawn from the northern districts.",
    "Os comentários do ministro foram considerados ofensivos pela oposição.",
    "Por volta das 22h, os manifestantes deixaram a avenida.",
    "Foto de uma das vítimas circulou nas redes sociais durante a tarde, segundo a família.",
    "El boletín epidemiológico registró 40 muertes en la semana.",
    "Por primera vez, la Fiscalía confirmó la identidad de los detenidos.",
    "Los comentarios del presidente fueron criticados por la oposición.",
]


@pytest.mark.parametrize("line", CHROME)
def test_chrome_is_dropped(line: str) -> None:
    out = filter_lines([line], {})
    assert out.lines == [] and out.dropped == [line]


@pytest.mark.parametrize("line", PROSE)
def test_prose_is_kept(line: str) -> None:
    assert filter_lines([line], {}).lines == [line]


def test_long_lines_are_never_dropped() -> None:
    line = "Share " + "word " * 60
    assert filter_lines([line], {}).lines == [line]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Read more: Engineers warn over ageing dam", "Engineers warn over ageing dam"),
        ("RELATED: Who are the insurgents?", "Who are the insurgents?"),
        ("Leia também: Deslocados chegam a Pemba", "Deslocados chegam a Pemba"),
        ("Veja também: “Cronologia dos ataques”", "Cronologia dos ataques"),
        ("Saiba mais: o que é a reforma", "o que é a reforma"),
        ("Lea también: Maestros bloquean la autopista", "Maestros bloquean la autopista"),
        ("Te puede interesar: Reabren la vía", "Reabren la vía"),
        ("Ver también: El paro armado", "El paro armado"),
    ],
)
def test_related_lines_become_links(line: str, title: str) -> None:
    anchors = {"engineers warn over ageing dam": "https://x.example/dam"}
    out = filter_lines(["First paragraph of the story.", line], anchors)
    assert out.lines == ["First paragraph of the story."]
    assert out.related[0][0] == title
    if title.startswith("Engineers"):
        assert out.related[0][1] == "https://x.example/dam"


def test_bare_related_heading_takes_the_link_lines_under_it() -> None:
    anchors = {"gas contractors pull staff": "https://x.example/a", "who are the insurgents": "https://x.example/b"}
    lines = ["Body one.", "Leia também", "Gas contractors pull staff", "Who are the insurgents", "Body two."]
    out = filter_lines(lines, anchors)
    assert out.lines == ["Body one.", "Body two."]
    assert [href for _, href in out.related] == ["https://x.example/a", "https://x.example/b"]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Helen Marsh and Omar Saleh", ["Helen Marsh", "Omar Saleh"]),
        ("By Daniel Ortega Price | Published March 16, 2022", ["Daniel Ortega Price"]),
        ("Por João Silva — 8 de março de 2017", ["João Silva"]),
        ("Por Celso Mabunda, em Pemba — 6 de junho de 2020", ["Celso Mabunda"]),
        ("Por Andrés Felipe Rojas y Camila Beltrán", ["Andrés Felipe Rojas", "Camila Beltrán"]),
        ("Por Rogelio Nava Salgado", ["Rogelio Nava Salgado"]),
        ("By Tuesday, the army had withdrawn from the town.", []),
        ("Por primera vez, la Fiscalía habló del caso.", []),
    ],
)
def test_bylines(line: str, authors: list[str]) -> None:
    assert byline_authors(line) == authors


def test_menu_runs_are_dropped_but_lists_stay() -> None:
    menu = ["Home", "Politics", "Economy", "Sports", "Culture", "Contact us"]
    items = ["- Drinking water", "- Blankets", "- Tents", "- Medicine", "- Food parcels"]
    out = filter_lines(["A first sentence of the report.", *menu, *items, "A last sentence."], {})
    assert out.lines == ["A first sentence of the report.", *items, "A last sentence."]


def test_rules_compile_for_every_language() -> None:
    r = rules()
    assert r.related.pattern and r.drop.pattern and r.byline
