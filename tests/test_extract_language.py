"""Language identification after extraction: page hints, restriction to en/es/pt, unsupported languages."""

from __future__ import annotations

import pytest

from wirewatch.config import load_config
from wirewatch.pipeline import article_from_text
from wirewatch.records import Article
from wirewatch.stages.language import _rank, _restrict, identify, identify_article

CONFIG = load_config(env={})


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Soldiers withdrew from the town after two days of heavy shelling.", "en"),
        ("Los vecinos denunciaron que los disparos duraron toda la madrugada.", "es"),
        ("Os moradores disseram que os tiros duraram toda a madrugada.", "pt"),
        ("A polícia ainda não sabe quantas pessoas morreram.", "pt"),
        ("La policía todavía no sabe cuántas personas murieron.", "es"),
    ],
)
def test_supported_languages(text: str, lang: str) -> None:
    assert identify(text)[0] == lang


def test_unsupported_language_is_reported() -> None:
    lang, conf = identify("Правительство провинции откроет два новых центра приема перемещенных лиц.")
    assert lang not in ("en", "es", "pt") and conf > 0


def test_hint_breaks_a_tie_on_short_text() -> None:
    assert identify("Ataque em Palma", hints=("pt",))[0] == "pt"
    assert identify("Sim", hints=("pt",)) == ("pt", 0.5)  # too short to judge: the hint decides


def test_restricted_ranking_equals_a_restricted_pass() -> None:
    text = "O governo provincial vai abrir dois novos centros de acolhimento para deslocados."
    one_pass = _restrict(_rank(text, None), ("en", "es", "pt"))
    assert one_pass is not None
    two_pass = dict(_rank(text, ("en", "es", "pt")))
    for lang, p in one_pass:
        assert p == pytest.approx(two_pass[lang], abs=1e-6)


def _article(text: str, lang: str | None, confidence: float) -> Article:
    from dataclasses import replace

    return replace(article_from_text(text), lang=lang, lang_confidence=confidence)


def test_page_hint_is_not_a_decision() -> None:
    text = "Las lluvias dejaron al menos doce muertos en el sur del país, según la defensa civil."
    out = identify_article(_article(text, "pt", 0.0), CONFIG)
    assert out.lang == "es" and out.status == "ok" and out.lang_confidence > 0.5


def test_caller_given_language_is_kept() -> None:
    out = identify_article(_article("Short text here, really.", "en", 1.0), CONFIG)
    assert out.lang == "en" and out.lang_confidence == 1.0


def test_unsupported_article_status() -> None:
    text = "Die Regierung hat am Montag neue Maßnahmen gegen die Überschwemmungen im Süden beschlossen."
    out = identify_article(_article(text, None, 0.0), CONFIG)
    assert out.status == "unsupported-language" and out.lang == "de"
