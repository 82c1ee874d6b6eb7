"""Language identification restricted to the supported languages, with page hints.

py3langid unrestricted confuses Spanish and Portuguese with Galician and Catalan on short texts, but
restricted to en/es/pt it is near perfect on sentences. So we look twice: the unrestricted ranking tells
whether the text is in a language we do not analyse at all (Russian, French ...), and the same scores
renormalised over en/es/pt pick among ours (one pass over the text, see ``_restrict``).
Page hints (``<html lang>``, ``og:locale``, the URL) break ties on short or mixed texts.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from functools import lru_cache
from typing import Any

from ..config import Config
from ..records import Article

# Languages py3langid often reports for short Spanish/Portuguese text; never a reason to reject it.
_NEIGHBOURS = {"gl", "ca", "an", "ast", "oc", "it", "la", "eo", "mt"}
_SAMPLE_CHARS = 4000
_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def _identifier(languages: tuple[str, ...] | None = None) -> Any:
    """One identifier per language set, never mutated afterwards, so threads can share it without a lock."""
    import py3langid.langid as langid

    ident = langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)
    if languages:
        with _LOCK:
            ident.set_languages(list(languages))
    return ident


def _rank(text: str, languages: tuple[str, ...] | None) -> list[tuple[str, float]]:
    ranked: list[tuple[str, float]] = _identifier(languages).rank(text)
    if languages:
        total = sum(p for _, p in ranked) or 1.0
        ranked = [(lang, p / total) for lang, p in ranked]
    return ranked


def _restrict(ranked: list[tuple[str, float]], languages: tuple[str, ...]) -> list[tuple[str, float]] | None:
    """The restricted ranking from an unrestricted one: the softmax over a subset is the renormalised softmax.

    Saves a second pass over the text; None when the subset's probabilities underflowed to zero.
    """
    sub = [(lang, p) for lang, p in ranked if lang in languages]
    total = sum(p for _, p in sub)
    if total <= 1e-12 or len(sub) < len(languages):
        return None
    return [(lang, p / total) for lang, p in sub]


def hint_language(hint: str | None) -> str | None:
    """'pt-BR', 'es_ES', 'en' -> two-letter code."""
    if not hint:
        return None
    m = re.match(r"\s*([A-Za-z]{2,3})(?:[-_]|$)", hint)
    return m.group(1).lower() if m else None


def url_language(url: str | None) -> str | None:
    """A language in the URL path ('/pt/', '/es-es/', '/en/') or a few unambiguous country domains."""
    if not url:
        return None
    m = re.search(r"/(en|es|pt)(?:[-_][a-z]{2})?/", url.lower())
    if m:
        return m.group(1)
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/", 1)[0]
    if host.endswith((".br", ".pt", ".ao", ".mz")):
        return "pt"
    if host.endswith((".es", ".mx", ".ar", ".co", ".cl", ".pe", ".ve", ".uy", ".bo", ".ec", ".py")):
        return "es"
    return None


def identify(
    text: str, supported: tuple[str, ...] = ("en", "es", "pt"), hints: tuple[str | None, ...] = ()
) -> tuple[str | None, float]:
    """(language, confidence); the language may be outside ``supported`` (e.g. "ru"), or None if unknown."""
    sample = text[:_SAMPLE_CHARS]
    hinted = [h for h in hints if h]
    if len(sample.split()) < 3:
        return (hinted[0], 0.5) if hinted else (None, 0.0)
    full = _rank(sample, None)
    top, top_p = full[0]
    ours = sum(p for lang, p in full if lang in supported or lang in _NEIGHBOURS)
    if top not in supported and top not in _NEIGHBOURS and (top_p > 0.9 or ours < 0.05):
        return top, top_p  # an unsupported language (or family: bg/ru/mk on short text), reported as such
    ranked = _restrict(full, supported) or _rank(sample, supported)
    best, best_p = ranked[0]
    # a confident page hint wins over a weak classifier decision (short, mixed or quote-heavy texts)
    for hint in hinted:
        if hint in supported and hint != best and best_p < 0.9:
            return hint, max(0.5, dict(ranked).get(hint, 0.0))
    return best, best_p


def identify_article(article: Article, config: Config) -> Article:
    """Set ``lang``/``lang_confidence``; mark unsupported languages. A caller-given language is kept."""
    supported = config.language_list
    if article.lang and article.lang_confidence >= 1.0:
        if article.lang not in supported:
            return dataclasses.replace(article, status="unsupported-language")
        return article
    if not article.text.strip():
        return dataclasses.replace(article, status="no-text")
    hints = (article.lang, url_language(article.url))
    lang, conf = identify(f"{article.title or ''}\n{article.text}", supported, hints)
    if lang is None or lang not in supported:
        return dataclasses.replace(article, lang=lang, lang_confidence=conf, status="unsupported-language")
    return dataclasses.replace(article, lang=lang, lang_confidence=round(conf, 4))
