"""Online, cross-lingual story clustering.

Each new article joins the most similar *active* story (one seen within ``window_days`` of the article) or
starts a new one. Similarity is the cosine between the article's IDF-weighted signature and the story's
centroid, computed twice — over all features and over the language-independent ones only — taking the larger
(the latter scaled by ``cross_lingual_factor``), so a Portuguese report can join an English story through the
places, actors, figures and names they share although no word matches.

Cost per article: one indexed lookup of candidate stories through the article's specific features (places,
actors, names, figures, dates and its rarest words) within the window, then a cosine per candidate — never a
scan of the store.
"""

from __future__ import annotations

import heapq
import math
from collections import OrderedDict
from dataclasses import dataclass
from datetime import timedelta
from operator import itemgetter
from typing import Any

from .signature import INDEXED, Signature
from .state import FusionState

LANGUAGE_INDEPENDENT = ("pl", "a1", "cc", "ac", "ev", "dt", "fg", "nm")


@dataclass(frozen=True, slots=True)
class StoryParams:
    window_days: float = 7.0
    threshold: float = 0.32
    cross_lingual_factor: float = 0.9
    max_story_features: int = 200
    max_candidates: int = 10
    cache_size: int = 20000
    min_index_df: int = 50
    max_index_df_share: float = 0.002
    indexed_words: int = 6


@dataclass(frozen=True, slots=True)
class Frequencies:
    """Document frequencies of an article's features, and the number of documents they were counted over."""

    n_docs: int
    df: dict[str, int]


def _idf(n_docs: int, df: int) -> float:
    return math.log((n_docs + 1) / (df + 1)) + 1.0


def _norms(vector: dict[str, float]) -> tuple[float, float]:
    """Euclidean norm over all features and over the language-independent ones."""
    total = li = 0.0
    for f, w in vector.items():
        sq = w * w
        total += sq
        if f.split(":", 1)[0] in LANGUAGE_INDEPENDENT:
            li += sq
    return math.sqrt(total), math.sqrt(li)


def _tagged(vector: dict[str, float]) -> tuple[dict[str, float], frozenset[str]]:
    """The vector and its language-independent features, worked out once per article, not per candidate."""
    return vector, frozenset(f for f in vector if f.split(":", 1)[0] in LANGUAGE_INDEPENDENT)


class StoryClusterer:
    def __init__(self, state: FusionState, params: StoryParams | None = None) -> None:
        self.state = state
        self.params = params or StoryParams()
        # decoded stories by id: active stories are compared again and again. Every story this process writes
        # goes through the cache, and the state's generation changes whenever another connection has written
        # or a transaction rolled back, so a cached story is never stale.
        self._cache: OrderedDict[str, tuple[int, dict[str, Any]]] = OrderedDict()
        self._generation = state.generation

    def _stories(self, story_ids: list[str]) -> dict[str, dict[str, Any]]:
        if self._generation != self.state.generation:
            self._cache.clear()
            self._generation = self.state.generation
        out: dict[str, dict[str, Any]] = {}
        missing = []
        for sid in story_ids:
            hit = self._cache.get(sid)
            if hit is not None:
                self._cache.move_to_end(sid)
                out[sid] = hit[1]
            else:
                missing.append(sid)
        for sid, story in self.state.get_stories(missing).items():
            out[sid] = story
            self._remember(sid, story)
        return out

    def _remember(self, sid: str, story: dict[str, Any]) -> None:
        self._cache[sid] = (len(story["articles"]), story)
        self._cache.move_to_end(sid)
        while len(self._cache) > self.params.cache_size:
            self._cache.popitem(last=False)

    def weigh(self, sig: Signature) -> tuple[dict[str, float], Frequencies]:
        """The article's IDF-weighted vector, and the document frequencies (as of now) it was weighed with."""
        n = self.state.n_docs()
        df = self.state.document_frequencies(list(sig.features))
        return {f: w * _idf(n, df.get(f, 0)) for f, w in sig.features.items()}, Frequencies(n, df)

    def index_features(self, vector: dict[str, float], freq: Frequencies | None = None) -> list[str]:
        """Specific features that find candidate stories: places, actors, names and the rarest words.

        Features seen in very many documents are left out of the lookup (they still count in the score): their
        posting lists would make each lookup scan a large part of the active stories.
        """
        freq = freq or Frequencies(self.state.n_docs(), {})
        cap = max(self.params.min_index_df, int(freq.n_docs * self.params.max_index_df_share))
        df = freq.df
        specific = [f for f in vector if f.split(":", 1)[0] in INDEXED and df.get(f, 0) <= cap]
        words = sorted((f for f in vector if f.startswith("w:") and df.get(f, 0) <= cap),
                       key=lambda f: (-vector[f], f))
        return specific + words[: self.params.indexed_words]

    def best_story(self, sig: Signature, vector: dict[str, float],
                   df: Frequencies | None = None) -> tuple[str | None, float]:
        return self._best(sig, vector, self.index_features(vector, df))

    def _best(self, sig: Signature, vector: dict[str, float], index: list[str]) -> tuple[str | None, float]:
        since = (sig.published - timedelta(days=self.params.window_days)).isoformat() if sig.published else ""
        # a few spare matches: postings are stamped by day, and a story last seen earlier that day drops out
        ids = self.state.story_matches(index, since, self.params.max_candidates + 5)
        stories = self._stories(ids)
        active = [sid for sid in ids if sid in stories and stories[sid]["last_seen"] >= since]
        best, best_score = None, 0.0
        norms = _norms(vector)
        items = _tagged(vector)
        for sid in sorted(active[: self.params.max_candidates]):
            score = self._similarity(items, stories[sid], norms)
            if score > best_score:
                best, best_score = sid, score
        return best, best_score

    def similarity(self, vector: dict[str, float], story: dict[str, Any],
                   norms: tuple[float, float] | None = None) -> float:
        """max(cosine over all features, factor × cosine over language-independent ones) with the centroid.

        The centroid is the story's summed vector divided by its size; the size cancels out of the cosine, so
        the stored sums and their precomputed norms are used directly.
        """
        return self._similarity(_tagged(vector), story, norms or _norms(vector))

    def _similarity(self, items: tuple[dict[str, float], frozenset[str]], story: dict[str, Any],
                    norms: tuple[float, float]) -> float:
        feats: dict[str, float] = story["features"]
        vector, independent = items
        dot_all = dot_li = 0.0
        # the shared features, by a C-level set intersection; sorted so that float sums never depend on hashing
        for f in sorted(vector.keys() & feats.keys()):
            product = vector[f] * feats[f]
            dot_all += product
            if f in independent:
                dot_li += product
        if not dot_all:
            return 0.0
        norm_a, norm_a_li = norms
        full = dot_all / (norm_a * story["norm"]) if story.get("norm") else 0.0
        cross = dot_li / (norm_a_li * story["norm_li"]) if dot_li and story.get("norm_li") else 0.0
        return max(full, cross * self.params.cross_lingual_factor)

    def add(self, sig: Signature, forced_story: str | None = None) -> tuple[str, float]:
        """Assign ``sig`` to a story (``forced_story``: e.g. the story of the article it duplicates)."""
        vector, df = self.weigh(sig)
        index = self.index_features(vector, df)
        story_id: str | None
        if forced_story:
            story_id, score = forced_story, 1.0
        else:
            story_id, score = self._best(sig, vector, index)
            if story_id is None or score < self.params.threshold:
                story_id, score = f"s-{sig.article_id[:12]}", 0.0
        assert story_id is not None
        self._update(story_id, sig, vector, index)
        self.state.add_document_frequencies(list(sig.features))
        return story_id, score

    def _update(self, story_id: str, sig: Signature, vector: dict[str, float], index: list[str]) -> None:
        story = self._stories([story_id]).get(story_id) or _new_story()
        story = {**story, "articles": list(story["articles"]), "langs": dict(story["langs"]),
                 "labels": dict(story["labels"])}  # never mutate a cached entry in place
        feats = dict(story["features"])
        for f, w in vector.items():
            feats[f] = feats.get(f, 0.0) + w
        if len(feats) > self.params.max_story_features:
            feats = dict(heapq.nlargest(self.params.max_story_features, feats.items(), key=itemgetter(1)))
        story["features"] = feats
        story["norm"], story["norm_li"] = _norms(feats)
        story["articles"].append(sig.article_id)
        when = sig.published.isoformat() if sig.published else ""
        if when:
            story["first_seen"] = min(filter(None, [story["first_seen"], when]))
            story["last_seen"] = max(story["last_seen"] or "", when)
        if sig.lang:
            story["langs"][sig.lang] = story["langs"].get(sig.lang, 0) + 1
        story["labels"].update({f: name for f, name in sig.labels.items() if f in story["features"]})
        self.state.put_story(story_id, story, index)
        self._remember(story_id, story)


def _new_story() -> dict[str, Any]:
    return {"articles": [], "features": {}, "first_seen": "", "last_seen": "", "langs": {}, "labels": {}}


def story_label(story: dict[str, Any], top: int = 3) -> dict[str, list[str]]:
    """Top places, actors, event types and names of a story, for its label."""
    feats: dict[str, float] = story["features"]
    labels: dict[str, str] = story.get("labels", {})

    def best(prefix: str) -> list[str]:
        items = sorted((f for f in feats if f.startswith(prefix)), key=lambda f: -feats[f])[:top]
        return [labels.get(f, f.split(":", 1)[1]) for f in items]

    return {
        "places": best("pl:"),
        "actors": best("ac:"),
        "event_types": best("ev:"),
        "names": [n.title() for n in best("nm:")],
    }


def label_text(parts: dict[str, list[str]]) -> str:
    bits = parts["places"][:2] + parts["actors"][:1] + parts["event_types"][:1]
    if not bits:
        bits = parts["names"][:3]
    return " · ".join(bits) or "(unlabelled story)"
