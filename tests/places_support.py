"""Shared set-up for the places tests: one gazetteer build per checkout, in the tests' own cache dir."""

from __future__ import annotations

import pytest

from conftest import TEST_CACHE
from wirewatch.config import Config, load_config
from wirewatch.pipeline import article_from_text
from wirewatch.records import Place
from wirewatch.stages.places import Geoparser, tokenize


def session_config(factory: pytest.TempPathFactory) -> Config:
    """A config whose cache_dir is the test cache (see conftest.py), never the real user cache."""
    TEST_CACHE.mkdir(parents=True, exist_ok=True)
    return load_config(env={}, cache_dir=str(TEST_CACHE))


def parse(geo: Geoparser, text: str, lang: str, url: str | None = None) -> dict[str, Place]:
    """The places found in ``text``, by their surface text."""
    article = article_from_text(text, lang=lang, url=url)
    return {p.text: p for p in geo.parse(article, tokenize(article.text, lang))}
