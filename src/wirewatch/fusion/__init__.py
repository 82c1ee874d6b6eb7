"""Fusion: the only stage that looks across articles. Near-duplicates -> stories -> canonical events.

``Fuser.add(article)`` is incremental: it touches only the article's candidates (LSH buckets, story and event
indexes), so its cost stays flat as the store grows. ``fuse_store`` brings a store's fusion tables up to date,
oldest article first; ``wirewatch ingest`` calls it after each batch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import Article
from ..storage.base import ArticleQuery, Store
from . import neardup
from .canonical import CanonicalMerger, mention_data
from .signature import article_signature
from .state import FusionState
from .stories import StoryClusterer, StoryParams


@dataclass(frozen=True, slots=True)
class FusionParams:
    duplicate_threshold: float = neardup.DEFAULT_THRESHOLD
    stories: StoryParams = field(default_factory=StoryParams)


@dataclass(frozen=True, slots=True)
class FusionResult:
    article_id: str
    dup_group: str
    duplicate_of: tuple[str, ...]
    story_id: str
    story_score: float
    canonical_ids: tuple[str, ...]


class Fuser:
    def __init__(self, state: FusionState, params: FusionParams | None = None) -> None:
        self.state = state
        self.params = params or FusionParams()
        self.stories = StoryClusterer(state, self.params.stories)
        self.merger = CanonicalMerger(state)

    def add(self, article: Article) -> FusionResult:
        """Fuse one analysed article (idempotent: an article already fused is looked up, not re-added)."""
        self.state.begin()
        try:
            result = self._add(article)
            self.state.commit()
            return result
        except BaseException:
            self.state.rollback()
            raise

    def _add(self, article: Article) -> FusionResult:
        if self.state.has_article(article.id):
            group = self.state.dup_group_of(article.id) or article.id
            return FusionResult(article.id, group, (), self.state.story_of(article.id) or "", 0.0, ())
        group, matched = self._near_duplicates(article)
        story_forced = next((s for s in (self.state.story_of(a) for a in matched) if s), None)
        sig = article_signature(article)
        story_id, score = self.stories.add(sig, forced_story=story_forced)
        self.state.set_story(article.id, story_id)
        canonical = []
        for event in article.events:
            if not event.is_factual:
                continue
            merged = self.merger.add(mention_data(article, event, group, story_id))
            canonical.append(merged.canonical_id)
        return FusionResult(article.id, group, matched, story_id, score, tuple(canonical))

    def _near_duplicates(self, article: Article) -> tuple[str, tuple[str, ...]]:
        sig = neardup.minhash(article.text)
        buckets = neardup.bands(sig)
        cands = self.state.lsh_candidates(buckets) - {article.id}
        stored = self.state.minhashes(cands)
        matched = sorted(
            aid for aid, (mh, _, _, _) in stored.items()
            if neardup.jaccard(sig, neardup.from_bytes(mh)) >= self.params.duplicate_threshold
        )
        published = (article.published or article.retrieved_at)
        pub = published.isoformat() if published else None
        groups = {stored[a][1] for a in matched}
        self.state.add_article(article.id, article.id, article.site, article.lang, pub,
                               neardup.to_bytes(sig), buckets)
        if not groups:
            return article.id, ()
        members = {article.id}
        for g in groups:
            members.update(m[0] for m in self.state.group_members(g))
        dated = [(p or "9999", aid) for aid, p, _ in self._members(members)]
        earliest = min(dated)[1]
        self.state.set_dup_group(members, earliest)
        return earliest, tuple(matched)

    def _members(self, ids: set[str]) -> list[tuple[str, str | None, str | None]]:
        info = self.state.minhashes(ids)
        return [(aid, info[aid][2], info[aid][3]) for aid in sorted(info)]


@dataclass
class FuseSummary:
    fused: int = 0
    skipped: int = 0
    results: list[FusionResult] = field(default_factory=list)


def _arrival_key(article: Article) -> tuple[str, str]:
    when = article.published or article.retrieved_at
    return (when.isoformat() if when else "", article.id)


def fusion_state_for(db: str | Path) -> FusionState:
    """Fusion tables live in the same database file as the articles (in memory for ':memory:')."""
    return FusionState(":memory:" if str(db) == ":memory:" else Path(db))


def fuse_store(store: Store, state: FusionState, *, params: FusionParams | None = None,
               progress: Callable[[FusionResult], Any] | None = None) -> FuseSummary:
    """Fuse every stored, analysed article that is not fused yet, oldest publication first."""
    fuser = Fuser(state, params)
    summary = FuseSummary()
    pending = [a for a in store.iter_articles(ArticleQuery(limit=None, status="ok"))
               if not state.has_article(a.id)]
    pending.sort(key=_arrival_key)
    for article in pending:
        result = fuser.add(article)
        summary.fused += 1
        summary.results.append(result)
        if progress:
            progress(result)
    return summary


__all__ = ["FuseSummary", "Fuser", "FusionParams", "FusionResult", "FusionState", "fuse_store", "fusion_state_for"]
