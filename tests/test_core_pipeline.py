"""The library API: Pipeline.analyze_text / analyze_html, stage ordering, language handling."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import ClassVar

import pytest
from spacy.tokens import Doc

from wirewatch import Pipeline
from wirewatch.errors import ConfigError
from wirewatch.pipeline import STAGE_FACTORIES, article_from_text, available_stages, text_hash
from wirewatch.records import Article


def test_analyze_text_sets_offsets_and_language() -> None:
    pipe = Pipeline.default(stages=[])
    art = pipe.analyze_text("Hace dos años, doce personas murieron en Cali.\nLa policía no dio detalles.")
    assert art.lang == "es" and art.status == "ok"
    assert [art.snippet(s) for s in art.paragraphs] == ["Hace dos años, doce personas murieron en Cali.",
                                                        "La policía no dio detalles."]
    assert len(art.sentences) == 2 and art.stages == ("sentences",)


def test_unsupported_language_is_stored_not_analysed() -> None:
    pipe = Pipeline.default()
    art = pipe.analyze_text("Сегодня в городе прошли массовые протесты против повышения цен на топливо.")
    assert art.status == "unsupported-language" and art.lang == "ru"
    assert art.sentences == () and art.events == ()


def test_caller_language_wins_and_hash_ignores_case_and_spacing() -> None:
    art = article_from_text("Rain  in   Recife.", lang="en", published=datetime(2024, 1, 1, tzinfo=UTC))
    assert art.lang == "en" and art.lang_confidence == 1.0
    assert text_hash("Rain in Recife.") == text_hash(" rain IN recife. ")


def test_analyze_html_runs_extraction_and_all_stages() -> None:
    html = ("<html lang='pt'><head><title>Chuva em Recife</title></head><body><article>"
            "<p>Fortes chuvas atingiram o Recife na quarta-feira e pelo menos quatro pessoas morreram, "
            "segundo a Defesa Civil.</p><p>Equipes de resgate procuravam dois desaparecidos no bairro.</p>"
            "</article></body></html>")
    pipe = Pipeline.default()
    art = pipe.analyze_html(html, url="https://jornal.example/chuva")
    assert art.lang == "pt" and "Recife" in art.text
    assert set(pipe.stage_names) == set(available_stages())
    assert art.stages[-len(pipe.stage_names):] == pipe.stage_names
    assert "extract" in pipe.timings and pipe.timings["sentences"].calls == 1


class _NeedsEvents:
    name: ClassVar[str] = "needs-events"
    requires: ClassVar[tuple[str, ...]] = ("events",)
    provides: ClassVar[tuple[str, ...]] = ()

    def __call__(self, article: Article, doc: Doc) -> Article:
        return article


def test_stage_requirements_are_checked() -> None:
    with pytest.raises(ConfigError, match="needs events"):
        Pipeline([_NeedsEvents()])
    with pytest.raises(ConfigError, match="unknown or unavailable stage"):
        Pipeline.default(stages=["no-such-stage"])
    assert set(available_stages()) <= set(STAGE_FACTORIES)
