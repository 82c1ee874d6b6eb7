"""Rules of the figures stage, on the team's own sentences in English, Spanish and Portuguese."""

from __future__ import annotations

import dataclasses

import pytest

from wirewatch.pipeline import Pipeline, article_from_text
from wirewatch.records import Article, Figure, Span
from wirewatch.stages.figures import figures_for, main_figure, sentence_figures

Expected = tuple[str, int, int]  # category, low, high


def figs(text: str, lang: str) -> list[Figure]:
    return sentence_figures(text, Span(0, len(text)), lang)


def summary(text: str, lang: str) -> set[Expected]:
    return {(f.category, f.low, f.high) for f in figs(text, lang)}


CASES: list[tuple[str, str, set[Expected]]] = [
    # passive voice with counted noun
    ("en", "At least 12 people were killed and 30 injured in the attack.", {("killed", 12, 12), ("injured", 30, 30)}),
    ("es", "Al menos 12 personas murieron y otras 30 resultaron heridas.", {("killed", 12, 12), ("injured", 30, 30)}),
    ("pt", "Pelo menos 12 pessoas morreram e 30 ficaram feridas.", {("killed", 12, 12), ("injured", 30, 30)}),
    # active verb before the number, headline style
    ("en", "Bomb kills 23 at wedding party", {("killed", 23, 23)}),
    ("es", "Los militares mataron a cinco guerrilleros.", {("killed", 5, 5)}),
    ("pt", "Morreram sete mil pessoas.", {("killed", 7000, 7000)}),
    ("pt", "Foram mortas 12 pessoas no ataque.", {("killed", 12, 12)}),
    ("es", "Murieron 12 personas en el choque.", {("killed", 12, 12)}),
    # "left N dead"
    ("en", "Clashes leave 15 dead in border region", {("killed", 15, 15)}),
    ("es", "El atentado dejó 12 muertos.", {("killed", 12, 12)}),
    ("pt", "O ataque deixou 12 mortos.", {("killed", 12, 12)}),
    # death tolls
    ("en", "The death toll rose to 40 on Tuesday.", {("killed", 40, 40)}),
    ("es", "El saldo de muertos subió a 1.200.", {("killed", 1200, 1200)}),
    ("pt", "O número de mortos subiu para 40.", {("killed", 40, 40)}),
    # bodies, perished, fallecidos, óbitos, vítimas fatais
    ("en", "Rescuers pulled 16 bodies from the rubble.", {("killed", 16, 16)}),
    ("en", "Thousands of people have perished in the conflict.", {("killed", 1000, 1000)}),
    ("es", "Se confirmaron 21 fallecidos.", {("killed", 21, 21)}),
    ("pt", "As autoridades confirmaram 21 óbitos.", {("killed", 21, 21)}),
    ("pt", "O tiroteio fez cinco vítimas fatais.", {("killed", 5, 5)}),
    # ranges
    ("en", "Between 30 and 40 people died.", {("killed", 30, 40)}),
    ("es", "Entre 30 y 40 personas murieron.", {("killed", 30, 40)}),
    ("pt", "Entre 30 e 40 moradores foram mortos.", {("killed", 30, 40)}),
    ("en", "The raid killed between eight and ten soldiers.", {("killed", 8, 10)}),
    # vague amounts
    ("en", "Dozens of people were injured.", {("injured", 12, 12)}),
    ("es", "Decenas de personas resultaron heridas.", {("injured", 10, 10)}),
    ("pt", "Centenas de pessoas morreram.", {("killed", 100, 100)}),
    # counted groups of ten and twelve
    ("es", "El ataque dejó cinco muertos y una decena de heridos.", {("killed", 5, 5), ("injured", 10, 10)}),
    ("pt", "Duas dezenas de pessoas morreram no massacre.", {("killed", 20, 20)}),
    ("es", "Hubo dos víctimas mortales y media docena de heridos.", {("killed", 2, 2), ("injured", 6, 6)}),
    ("en", "Half a dozen soldiers were killed and two dozen wounded.", {("killed", 6, 6), ("injured", 24, 24)}),
    # injured only; a single victim
    ("en", "Fourteen soldiers were wounded in the clash.", {("injured", 14, 14)}),
    ("en", "A policeman was killed at the checkpoint.", {("killed", 1, 1)}),
    ("es", "Un periodista fue asesinado en la ciudad.", {("killed", 1, 1)}),
    ("pt", "Um jornalista foi assassinado na cidade.", {("killed", 1, 1)}),
    ("en", "Unknown gunmen killed a village chief in Kasai.", {("killed", 1, 1)}),
    ("es", "Sicarios asesinaron a un comerciante en Cali.", {("killed", 1, 1)}),
    ("pt", "Bandidos mataram um comerciante em Manaus.", {("killed", 1, 1)}),
    ("en", "The strike killed a number of people.", set()),
    ("en", "The attack claimed 12 lives.", {("killed", 12, 12)}),
    ("pt", "Um policial militar morreu após ser baleado.", {("killed", 1, 1)}),
    # counts that are not casualties
    ("en", "Some 3,000 troops were deployed.", {("fighters", 3000, 3000)}),
    ("es", "Unos 3.000 efectivos fueron desplegados.", {("fighters", 3000, 3000)}),
    ("en", "Police arrested 14 people after the riot.", {("arrested", 14, 14)}),
    ("pt", "Pelo menos 7.000 civis foram deslocados.", {("displaced", 7000, 7000)}),
    ("en", "Thousands of protesters marched through the capital.", {("protesters", 1000, 1000)}),
    # no figure at all: years, ages, sums of money, a bare article
    ("en", "In 2014, the group seized the city.", set()),
    ("en", "Ahmed, 35, was arrested in 2014 with $5,000.", set()),
    ("es", "El ataque ocurrió hace 12 años.", set()),
    ("pt", "A cidade ficou conhecida em 2005, quando uma missionária foi assassinada.", set()),
    ("pt", "A Polícia Civil prendeu ontem dois suspeitos.", {("arrested", 2, 2)}),
    ("pt", "Um homem disse que a cidade está calma.", set()),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_figure_rules(lang: str, text: str, expected: set[Expected]) -> None:
    assert summary(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "low", "qualifier"),
    [
        ("en", "At least 12 people were killed.", 12, "at_least"),
        ("en", "More than 200 people have died.", 200, "more_than"),
        ("en", "Nearly 50 people were killed.", 49, "nearly"),
        ("en", "Up to 25 people may have been killed.", 25, "up_to"),
        ("en", "About 40 people were killed.", 40, "about"),
        ("es", "Más de 200 personas murieron.", 200, "more_than"),
        ("es", "Casi 50 personas murieron.", 49, "nearly"),
        ("es", "Hasta 25 personas habrían muerto.", 25, "up_to"),
        ("es", "Cerca de 40 personas murieron.", 40, "about"),
        ("pt", "Mais de 200 pessoas morreram.", 200, "more_than"),
        ("pt", "Quase 50 pessoas morreram.", 49, "nearly"),
        ("pt", "Até 25 pessoas teriam morrido.", 25, "up_to"),
        ("pt", "Cerca de 40 pessoas morreram.", 40, "about"),
    ],
)
def test_qualifiers_map_to_low_best_high(lang: str, text: str, low: int, qualifier: str) -> None:
    (f,) = figs(text, lang)
    assert (f.low, f.best, f.high, f.qualifier) == (low, low, low, qualifier)
    assert f.conservative == low


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Five soldiers and three civilians were killed."),
        ("es", "Cinco soldados y tres civiles murieron."),
        ("pt", "Cinco soldados e três civis morreram."),
    ],
)
def test_sums_give_one_figure_per_group_and_a_total(lang: str, text: str) -> None:
    found = figs(text, lang)
    assert sorted((f.who, f.low) for f in found if f.rule != "sum") == [("civilians", 3), ("soldiers", 5)]
    (total,) = [f for f in found if f.rule == "sum"]
    assert (total.category, total.low, total.who) == ("killed", 8, None)
    assert text[total.span.start : total.span.end].lower().startswith("cinco") or total.span.start == 0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "At least 12 people, including five children, were killed."),
        ("es", "Al menos 12 personas murieron, incluidos cinco niños."),
        ("pt", "Cinco pessoas morreram, entre elas dois agentes."),
    ],
)
def test_parts_of_a_total_are_marked(lang: str, text: str) -> None:
    found = figs(text, lang)
    assert all(f.category == "killed" for f in found)
    assert [f.rule.endswith("+subset") for f in found] == [False, True]


def test_figure_spans_cover_qualifier_number_and_noun() -> None:
    text = "Officials said at least 12 civilians were killed."
    (f,) = figs(text, "en")
    assert text[f.span.start : f.span.end] == "at least 12 civilians"
    assert f.number_span is not None and text[f.number_span.start : f.number_span.end] == "12"
    assert f.who == "civilians"


def _article(text: str, lang: str) -> Article:
    return Pipeline.default(stages=["figures"]).analyze_text(text, lang=lang)


def test_main_figure_prefers_the_lead_and_is_conservative() -> None:
    a = _article("Police said 12 people were killed; residents said 20 people were killed. "
                 "Last year 300 people died in the region.", "en")
    main = main_figure(a, "killed")
    assert main is not None and main.low == 12
    assert main_figure(a, "injured") is None


def test_main_figure_adds_distinct_groups() -> None:
    a = _article("Five soldiers were killed and three civilians died in the ambush.", "en")
    main = main_figure(a, "killed")
    assert main is not None and main.low == 8


def test_figures_for_orders_by_distance_to_the_trigger() -> None:
    a = _article("The blast killed 12 soldiers, and a later attack wounded 30 civilians.", "en")
    sentence = a.sentences[0]
    trigger = Span(a.text.index("wounded"), a.text.index("wounded") + 7)
    near = figures_for(a, sentence, trigger)
    assert [f.low for f in near] == [30, 12]
    assert figures_for(a, Span(0, 3), trigger) == ()


def test_stage_registers_and_handles_empty_and_odd_text() -> None:
    pipe = Pipeline.default(stages=["figures"])
    assert pipe.stage_names == ("figures",)
    empty = dataclasses.replace(article_from_text("", lang="en"), sentences=())
    assert pipe.stages[0](empty, None) .figures == ()  # type: ignore[arg-type]
    odd = pipe.analyze_text("12 12 12 ,,, -- %% \u200b 7.000.000,5 mil mil mil", lang="es")
    assert isinstance(odd.figures, tuple)


def test_main_figure_adds_groups_across_sentences_without_double_counting() -> None:
    a = _article("Gunmen killed five civilians in the village. Security forces killed three attackers.", "en")
    assert (m := main_figure(a, "killed")) is not None and m.low == 8
    b = _article("Cinco soldados murieron en la emboscada. Los cinco soldados pertenecían al batallón.", "es")
    assert (m := main_figure(b, "killed")) is not None and m.low == 5
    c = _article("Twelve people were killed, five soldiers and seven civilians. Five soldiers died.", "en")
    assert (m := main_figure(c, "killed")) is not None and m.low == 12
