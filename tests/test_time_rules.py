"""Rule tests for time expressions in English, Spanish and Portuguese (the team's own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.timex import find_timexes, month_first_for

WED = date(2017, 3, 8)  # a Wednesday
FRI = date(2018, 6, 15)  # a Friday

# (lang, anchor, sentence, expected span text, start, end)
CASES = [
    # absolute dates in local formats
    ("en", WED, "Gunmen struck on 19 February.", "19 February", "2017-02-19", "2017-02-19"),
    (
        "en",
        WED,
        "It was signed on February 19, 2017 in Doha.",
        "February 19, 2017",
        "2017-02-19",
        "2017-02-19",
    ),
    ("en", WED, "The 4th of March raid.", "4th of March", "2017-03-04", "2017-03-04"),
    ("es", WED, "Atacaron el 19 de febrero.", "19 de febrero", "2017-02-19", "2017-02-19"),
    ("es", WED, "Se firmó el 1º de marzo de 2016.", "1º de marzo de 2016", "2016-03-01", "2016-03-01"),
    ("pt", WED, "Atacaram em 19 de fevereiro.", "19 de fevereiro", "2017-02-19", "2017-02-19"),
    ("pt", WED, "Foi assinado em 2 de janeiro de 2015.", "2 de janeiro de 2015", "2015-01-02", "2015-01-02"),
    ("en", WED, "A memo dated 19/02/2017 leaked.", "19/02/2017", "2017-02-19", "2017-02-19"),
    ("es", WED, "Un acta del 19.02.2017.", "19.02.2017", "2017-02-19", "2017-02-19"),
    ("pt", WED, "O ofício de 03-04-2016 foi lido.", "03-04-2016", "2016-04-03", "2016-04-03"),
    ("en", WED, "Logged as 2016-12-24 in the file.", "2016-12-24", "2016-12-24", "2016-12-24"),
    ("es", WED, "El ataque del 19-II dejó heridos.", "19-II", "2017-02-19", "2017-02-19"),
    ("pt", WED, "A reunião de 5-XI-2016 terminou cedo.", "5-XI-2016", "2016-11-05", "2016-11-05"),
    ("en", WED, "Unrest peaked in November 2016.", "November 2016", "2016-11-01", "2016-11-30"),
    ("es", WED, "En noviembre de 2016 hubo protestas.", "noviembre de 2016", "2016-11-01", "2016-11-30"),
    ("pt", WED, "Em novembro de 2016 houve protestos.", "novembro de 2016", "2016-11-01", "2016-11-30"),
    # months without a year: the nearest one, mostly looking back
    ("en", WED, "Talks collapsed in December.", "December", "2016-12-01", "2016-12-31"),
    ("es", WED, "Las obras acabarán en abril.", "abril", "2017-04-01", "2017-04-30"),
    ("pt", WED, "O ministro caiu em outubro.", "outubro", "2016-10-01", "2016-10-31"),
    # weekdays: the most recent such day on or before publication
    ("en", WED, "Police said on Tuesday that two died.", "Tuesday", "2017-03-07", "2017-03-07"),
    ("en", WED, "The blast on Wednesday shook the city.", "Wednesday", "2017-03-08", "2017-03-08"),
    ("en", WED, "Last Wednesday, rebels advanced.", "Last Wednesday", "2017-03-01", "2017-03-01"),
    ("en", WED, "Voting is due next Monday.", "next Monday", "2017-03-13", "2017-03-13"),
    ("es", WED, "El lunes hubo tres muertos.", "lunes", "2017-03-06", "2017-03-06"),
    ("es", WED, "El pasado viernes se firmó la tregua.", "pasado viernes", "2017-03-03", "2017-03-03"),
    ("es", WED, "El domingo pasado hubo elecciones.", "domingo pasado", "2017-03-05", "2017-03-05"),
    ("pt", WED, "Na segunda-feira houve três mortos.", "segunda-feira", "2017-03-06", "2017-03-06"),
    ("pt", WED, "Na última terça-feira, a polícia agiu.", "última terça-feira", "2017-03-07", "2017-03-07"),
    ("pt", WED, "Nesta quarta-feira, o porto fechou.", "Nesta quarta-feira", "2017-03-08", "2017-03-08"),
    ("pt", WED, "No sábado passado houve um ataque.", "sábado passado", "2017-03-04", "2017-03-04"),
    # relative to publication
    ("en", WED, "The town fell five months ago.", "five months ago", "2016-10-01", "2016-10-31"),
    ("en", WED, "It began twenty-three years ago.", "twenty-three years ago", "1994-01-01", "1994-12-31"),
    ("en", WED, "Troops arrived yesterday.", "yesterday", "2017-03-07", "2017-03-07"),
    ("en", WED, "They fled the day before yesterday.", "day before yesterday", "2017-03-06", "2017-03-06"),
    ("en", WED, "Shelling resumed last week.", "last week", "2017-02-27", "2017-03-05"),
    ("en", WED, "Shops reopened this morning.", "this morning", "2017-03-08", "2017-03-08"),
    ("en", WED, "Prices rose last year.", "last year", "2016-01-01", "2016-12-31"),
    ("es", WED, "Ocurrió hace dos años.", "hace dos años", "2015-01-01", "2015-12-31"),
    ("es", WED, "Ocurrió hace unos tres meses.", "hace unos tres meses", "2016-12-01", "2016-12-31"),
    ("es", WED, "Anteayer hubo disparos.", "Anteayer", "2017-03-06", "2017-03-06"),
    ("es", WED, "Ayer hubo disparos.", "Ayer", "2017-03-07", "2017-03-07"),
    ("es", WED, "Esta madrugada se oyeron explosiones.", "Esta madrugada", "2017-03-08", "2017-03-08"),
    ("es", WED, "La semana pasada hubo huelga.", "semana pasada", "2017-02-27", "2017-03-05"),
    ("es", WED, "El año pasado murieron 40.", "año pasado", "2016-01-01", "2016-12-31"),
    ("pt", WED, "Aconteceu há cinco meses.", "há cinco meses", "2016-10-01", "2016-10-31"),
    ("pt", WED, "Aconteceu há vinte e três anos.", "há vinte e três anos", "1994-01-01", "1994-12-31"),
    ("pt", WED, "Aconteceu dez anos atrás.", "dez anos atrás", "2007-01-01", "2007-12-31"),
    ("pt", WED, "Anteontem houve tiros.", "Anteontem", "2017-03-06", "2017-03-06"),
    ("pt", WED, "Ontem houve tiros.", "Ontem", "2017-03-07", "2017-03-07"),
    ("pt", WED, "Nesta madrugada houve tiros.", "Nesta madrugada", "2017-03-08", "2017-03-08"),
    ("pt", WED, "No ano passado morreram 40.", "ano passado", "2016-01-01", "2016-12-31"),
    ("pt", WED, "No fim de semana houve protestos.", "fim de semana", "2017-03-04", "2017-03-05"),
    # partial, with qualifiers
    ("en", WED, "It started in early February.", "early February", "2017-02-01", "2017-02-10"),
    ("en", WED, "It started in mid-2016.", "mid-2016", "2016-05-01", "2016-08-31"),
    ("en", WED, "It ended in late November.", "late November", "2016-11-21", "2016-11-30"),
    ("en", WED, "It ended at the end of January.", "end of January", "2017-01-21", "2017-01-31"),
    ("es", WED, "Empezó a principios de febrero.", "principios de febrero", "2017-02-01", "2017-02-10"),
    ("es", WED, "Terminó a finales de 2015.", "finales de 2015", "2015-09-01", "2015-12-31"),
    ("es", WED, "Cerró a mediados de enero.", "mediados de enero", "2017-01-11", "2017-01-20"),
    ("pt", WED, "Começou no início de fevereiro.", "início de fevereiro", "2017-02-01", "2017-02-10"),
    ("pt", WED, "Parou em meados de março.", "meados de março", "2017-03-11", "2017-03-20"),
    ("pt", WED, "Acabou no fim de janeiro.", "fim de janeiro", "2017-01-21", "2017-01-31"),
    # years, seasons, decades
    ("en", WED, "The group formed in 2014.", "2014", "2014-01-01", "2014-12-31"),
    ("es", WED, "El grupo surgió en 2014.", "2014", "2014-01-01", "2014-12-31"),
    ("pt", WED, "O grupo surgiu em 2014.", "2014", "2014-01-01", "2014-12-31"),
    ("en", WED, "Floods hit in the summer of 2015.", "summer of 2015", "2015-06-01", "2015-08-31"),
    ("es", WED, "El pasado verano hubo incendios.", "pasado verano", "2016-06-01", "2016-08-31"),
    ("pt", WED, "No verão passado houve incêndios.", "verão passado", "2016-06-01", "2016-08-31"),
    ("en", WED, "A war in the 1990s.", "1990s", "1990-01-01", "1999-12-31"),
    ("es", WED, "La guerra de la década de 1980.", "década de 1980", "1980-01-01", "1989-12-31"),
    # ranges
    (
        "en",
        WED,
        "Clashes raged between 19 and 23 February.",
        "between 19 and 23 February",
        "2017-02-19",
        "2017-02-23",
    ),
    ("en", WED, "The curfew ran from 3 to 5 March.", "from 3 to 5 March", "2017-03-03", "2017-03-05"),
    (
        "en",
        WED,
        "Fighting lasted from February to April 2016.",
        "from February to April 2016",
        "2016-02-01",
        "2016-04-30",
    ),
    (
        "es",
        WED,
        "Hubo toque de queda del 3 al 5 de mayo de 2016.",
        "del 3 al 5 de mayo de 2016",
        "2016-05-03",
        "2016-05-05",
    ),
    ("es", WED, "Gobernó entre 2010 y 2014.", "entre 2010 y 2014", "2010-01-01", "2014-12-31"),
    (
        "pt",
        WED,
        "Houve combates entre 19 e 23 de fevereiro.",
        "entre 19 e 23 de fevereiro",
        "2017-02-19",
        "2017-02-23",
    ),
    ("pt", WED, "Governou de 2010 a 2014.", "de 2010 a 2014", "2010-01-01", "2014-12-31"),
    # weekday joined with its date
    ("en", WED, "It happened on Monday, 6 March.", "Monday, 6 March", "2017-03-06", "2017-03-06"),
    ("es", WED, "Ocurrió el lunes 6 de marzo.", "lunes 6 de marzo", "2017-03-06", "2017-03-06"),
]


@pytest.mark.parametrize(("lang", "anchor", "text", "span", "start", "end"), CASES)
def test_rule(lang: str, anchor: date, text: str, span: str, start: str, end: str) -> None:
    found = find_timexes(text, lang, anchor)
    assert [t.text for t in found] == [span]
    t = found[0]
    assert (t.start.isoformat(), t.end.isoformat()) == (start, end)
    assert text[t.span.start : t.span.end] == t.text


DURATIONS = [
    ("en", "The siege lasted for five months.", "five months", "2016-10-08"),
    ("en", "Over the past three days, 12 died.", "past three days", "2017-03-05"),
    ("es", "Estuvieron retenidos durante cinco meses.", "cinco meses", "2016-10-08"),
    ("es", "La huelga duró por dos semanas.", "dos semanas", "2017-02-22"),
    ("es", "Controlan el valle desde hace tres años.", "hace tres años", "2014-03-08"),
    ("pt", "Ficaram detidos por cinco meses.", "cinco meses", "2016-10-08"),
    ("pt", "Nos últimos três dias, 12 morreram.", "últimos três dias", "2017-03-05"),
]


@pytest.mark.parametrize(("lang", "text", "span", "start"), DURATIONS)
def test_duration_ends_at_anchor(lang: str, text: str, span: str, start: str) -> None:
    (t,) = find_timexes(text, lang, WED)
    assert (t.text, t.kind, t.start.isoformat(), t.end) == (span, "duration", start, WED)


NOT_TIMEXES = [
    ("en", "A report dated 31/02/2017 circulated."),
    ("en", "The bill passed by a 12/5 vote."),
    ("en", "The home side won 3-1 at 9:30 pm."),
    ("en", "Theresa May will march with them."),
    ("en", "More than 2000 people attended."),
    ("es", "Más de 2000 personas asistieron."),
    ("es", "Un informe del 30/02/2016 circuló."),
    ("es", "Los lunes hay mercado."),
    ("pt", "Mais de 2000 pessoas compareceram."),
    ("pt", "Foi a segunda vez que isso aconteceu."),
    ("pt", "O placar terminou 2-0 às 21h30."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_TIMEXES)
def test_not_a_timex(lang: str, text: str) -> None:
    assert find_timexes(text, lang, WED) == []


@pytest.mark.parametrize(
    ("lang", "text", "span", "start"),
    [
        ("en", "The plant has been closed since 2015.", "since 2015", "2015-01-01"),
        ("en", "Fighting has raged since Thursday.", "since Thursday", "2017-03-02"),
        (
            "es",
            "La fábrica está cerrada desde principios de abril.",
            "desde principios de abril",
            "2016-04-01",
        ),
        ("pt", "Chove desde o início do ano.", "desde o início do ano", "2017-01-01"),
    ],
)
def test_since_is_a_range_up_to_publication(lang: str, text: str, span: str, start: str) -> None:
    (t,) = find_timexes(text, lang, WED)
    assert (t.text, t.kind, t.start.isoformat(), t.end, t.qualifier) == (span, "range", start, WED, "since")


def test_qualifier_from_preposition() -> None:
    (t,) = find_timexes("Talks stalled after 2015.", "en", WED)
    assert t.qualifier == "after" and t.kind == "date"


def test_weekday_range() -> None:
    (t,) = find_timexes("Houve ataques entre sexta-feira e sábado.", "pt", WED)
    assert (t.text, t.start, t.end) == ("entre sexta-feira e sábado", date(2017, 3, 3), date(2017, 3, 4))


def test_without_publication_date_only_absolute_ones() -> None:
    text = "Yesterday, as on 19 February 2016 and in 2014, and on Tuesday."
    found = find_timexes(text, "en", None)
    assert [t.text for t in found] == ["19 February 2016", "2014"]
    assert all(t.anchor is None for t in found)


def test_relative_ones_record_their_anchor() -> None:
    (t,) = find_timexes("Ontem houve tiros.", "pt", FRI)
    assert t.anchor == FRI and t.kind == "relative" and t.granularity == "day"


def test_month_first_by_outlet() -> None:
    assert month_first_for("https://www.nytimes.com/2017/03/08/world/x.html")
    assert not month_first_for("https://www.bbc.co.uk/news/x")
    (us,) = find_timexes("Filed 03/04/2017.", "en", WED, month_first=True)
    (uk,) = find_timexes("Filed 03/04/2017.", "en", WED)
    assert us.start == date(2017, 3, 4) and uk.start == date(2017, 4, 3)
    (unambiguous,) = find_timexes("Filed 02/19/2017.", "en", WED)
    assert unambiguous.start == date(2017, 2, 19)


def test_offsets_inside_longer_text() -> None:
    text = "Intro line.\nO ataque ocorreu em 19 de fevereiro, disse a polícia."
    (t,) = find_timexes(text, "pt", WED)
    assert text[t.span.start : t.span.end] == "19 de fevereiro"
