"""A place named as an organisation's seat is kept but marked metonymic, so events are not placed there."""

from __future__ import annotations

import pytest

from wirewatch.config import load_config
from wirewatch.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.default(load_config())


@pytest.mark.parametrize(
    ("lang", "text", "seat"),
    [
        ("en", "The Kenya-based rights group said six farmers were shot dead near Kismayo.", "Kenya"),
        ("en", "A charity based in Geneva said the convoy was shelled outside Taiz.", "Geneva"),
        ("es", "La ONG, con sede en Bogotá, denunció que tres líderes fueron asesinados en Tumaco.", "Bogotá"),
        ("pt", "A entidade, com sede em Brasília, disse que dois indígenas foram mortos em Altamira.", "Brasília"),
        ("pt", "O grupo, sediado no Recife, afirmou que quatro agricultores foram baleados em Anapu.", "Recife"),
    ],
)
def test_seat_is_metonymic_and_event_goes_to_the_other_place(pipeline: Pipeline, lang: str, text: str,
                                                             seat: str) -> None:
    article = pipeline.analyze_text(text, lang=lang)
    marks = {p.text: p.metonymy for p in article.places}
    assert marks.get(seat) is True
    located = [e.place.text for e in article.events if e.place is not None]
    assert located and seat not in located


def test_a_place_after_an_ordinary_locative_is_not_a_seat(pipeline: Pipeline) -> None:
    article = pipeline.analyze_text("Two people were killed in an explosion in Mosul on Monday.", lang="en")
    assert [(p.text, p.metonymy) for p in article.places] == [("Mosul", False)]
