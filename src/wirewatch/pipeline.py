"""The per-article pipeline: extraction, language, sentences, then the analysis stages in order.

A stage is a small object with a ``name``, the article fields it ``requires`` and ``provides``, and
``__call__(article, doc) -> Article``, where ``doc`` is the spaCy ``Doc`` of ``article.text`` (offsets exact).
Stages are pure: the same article and resources give the same result, so any worker process can run them.

Stages register themselves in :data:`STAGE_FACTORIES` when their module is imported; the modules listed in
:data:`STAGE_MODULES` are imported by :meth:`Pipeline.default` (a module that is not there yet is skipped, so
the pipeline grows as stages land). The pipeline checks that every stage's requirements are provided by an
earlier one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, Protocol, runtime_checkable

from spacy.tokens import Doc

from .config import Config, load_config
from .errors import ConfigError
from .nlp import SUPPORTED_LANGUAGES, make_doc, paragraph_spans, sentence_spans
from .records import Article, RawInput


@runtime_checkable
class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    provides: ClassVar[tuple[str, ...]]

    def __call__(self, article: Article, doc: Doc) -> Article: ...


StageFactory = Callable[[Config], Stage]

#: name -> factory; filled by ``register_stage`` as stage modules are imported.
STAGE_FACTORIES: dict[str, StageFactory] = {}

#: default analysis order after ``sentences``; each name is a module under ``wirewatch.stages``.
STAGE_MODULES: tuple[str, ...] = ("places", "time", "figures", "claims", "events")


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    def deco(factory: StageFactory) -> StageFactory:
        STAGE_FACTORIES[name] = factory
        return factory

    return deco


def available_stages() -> tuple[str, ...]:
    """Stage names whose modules import; in default order."""
    out = []
    for name in STAGE_MODULES:
        try:
            importlib.import_module(f"wirewatch.stages.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"wirewatch.stages.{name}":
                raise
            continue
        if name in STAGE_FACTORIES:
            out.append(name)
    return tuple(out)


BASE_FIELDS = ("text", "lang", "paragraphs", "sentences", "published", "title", "url", "site")


def text_hash(text: str) -> str:
    """Hash of the normalised text: case, accents-as-composed and whitespace do not matter."""
    norm = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


def article_id(canonical_url: str | None, thash: str) -> str:
    """Stable id: the same text at the same canonical URL always gets the same id."""
    key = f"{canonical_url or ''}\x00{thash}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class StageTiming:
    seconds: float = 0.0
    calls: int = 0


class Pipeline:
    """Runs extraction, language identification, sentence splitting and the analysis stages."""

    def __init__(self, stages: Iterable[Stage] = (), config: Config | None = None) -> None:
        self.config = config or load_config()
        self.stages: list[Stage] = list(stages)
        self.timings: dict[str, StageTiming] = {}
        self._check_order()

    # ---------------------------------------------------------------- construction

    @classmethod
    def default(cls, config: Config | None = None, stages: Iterable[str] | None = None) -> Pipeline:
        """The standard pipeline; ``stages`` (or the ``stages`` setting) picks a subset by name."""
        config = config or load_config()
        names = list(stages) if stages is not None else _stage_setting(config)
        known = available_stages()
        if names == ["default"]:
            names = list(known)
        unknown = [n for n in names if n not in known]
        if unknown:
            raise ConfigError(
                f"unknown or unavailable stage(s): {', '.join(unknown)}; available: {', '.join(known) or 'none'}"
            )
        ordered = [n for n in known if n in names]  # always run in dependency order
        return cls([STAGE_FACTORIES[n](config) for n in ordered], config)

    def _check_order(self) -> None:
        have = set(BASE_FIELDS)
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in have]
            if missing:
                raise ConfigError(
                    f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage provides; "
                    "add the stage that provides it before this one"
                )
            have.update(stage.provides)

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    # ---------------------------------------------------------------- entry points

    def analyze_html(
        self,
        html: str | bytes,
        url: str | None = None,
        *,
        retrieved_at: datetime | None = None,
        hints: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Article:
        """Extract the article from a web page and analyse it."""
        data = html.encode("utf-8") if isinstance(html, str) else html
        raw = RawInput(
            source=url or "<html>",
            data=data,
            url=url,
            headers=headers or {},
            retrieved_at=retrieved_at,
            hints=hints or {},
        )
        return self.analyze_raw(raw)

    def analyze_raw(self, raw: RawInput) -> Article:
        """Extract (HTML, or text when ``raw.hints["kind"] == "text"``) and analyse one raw input."""
        from .stages.extract import extract_article  # heavy import (trafilatura), only when needed

        article = self._timed("extract", lambda: extract_article(raw, self.config))
        return self.analyze_article(article)

    def analyze_text(
        self,
        text: str,
        lang: str | None = None,
        published: datetime | None = None,
        *,
        url: str | None = None,
        title: str | None = None,
        site: str | None = None,
    ) -> Article:
        """Analyse plain text (paragraphs separated by newlines)."""
        article = article_from_text(text, lang=lang, published=published, url=url, title=title, site=site)
        return self.analyze_article(article)

    def analyze_article(self, article: Article) -> Article:
        """Language, sentences and every analysis stage on an extracted article."""
        article = self._timed("language", lambda: self._language(article))
        if article.status != "ok":
            return article
        lang = article.lang or "en"
        doc = self._timed("sentences", lambda: make_doc(article.text, lang))
        article = dataclasses.replace(
            article,
            paragraphs=article.paragraphs or paragraph_spans(article.text),
            sentences=sentence_spans(doc, article.text),
            stages=(*article.stages, "sentences"),
        )
        for stage in self.stages:
            article = self._run_stage(stage, article, doc)
        return article

    # ---------------------------------------------------------------- internals

    def _language(self, article: Article) -> Article:
        from .stages.language import identify_article

        return identify_article(article, self.config)

    def _run_stage(self, stage: Stage, article: Article, doc: Doc) -> Article:
        out: Article = self._timed(stage.name, lambda: stage(article, doc))
        return dataclasses.replace(out, stages=(*out.stages, stage.name))

    def _timed(self, name: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        try:
            return fn()
        finally:
            timing = self.timings.setdefault(name, StageTiming())
            timing.seconds += time.perf_counter() - t0
            timing.calls += 1


def _stage_setting(config: Config) -> list[str]:
    raw = str(config.values.get("stages", "default"))
    return [x.strip() for x in raw.split(",") if x.strip()] or ["default"]


def article_from_text(
    text: str,
    *,
    lang: str | None = None,
    published: datetime | None = None,
    url: str | None = None,
    title: str | None = None,
    site: str | None = None,
    source: str | None = None,
) -> Article:
    """An :class:`Article` for plain text, with normalised line endings and paragraph spans."""
    clean = "\n".join(line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    clean = "\n".join(p for p in clean.split("\n") if p)  # one paragraph per line, no blank lines
    thash = text_hash(clean)
    if lang is not None and lang not in SUPPORTED_LANGUAGES:
        lang = lang.split("-")[0].lower()
    return Article(
        id=article_id(url, thash),
        text=clean,
        url=url,
        canonical_url=url,
        title=title,
        site=site,
        published=published,
        published_precision="day" if published else None,
        retrieved_at=datetime.now(UTC),
        lang=lang,
        lang_confidence=1.0 if lang else 0.0,
        paragraphs=paragraph_spans(clean),
        text_hash=thash,
        source=source or url,
    )
