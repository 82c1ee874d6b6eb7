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

import math
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from .signature import INDEXED, Signature
from .state import FusionState

LANGUAGE_INDEPENDENT = ("pl", "a1", "cc", "ac", "ev", "dt", "fg", "nm")


@dataclass(frozen=True, slots=True)
class StoryParams:
    window_days: float = 7.0
    threshold: float = 0.32
    cross_lingual_factor: float = 0.9
    max_story_features: int = 300
    indexed_words: int = 6


def _idf(n_docs: int, df: int) -> float:
    return math.log((n_docs + 1) / (df + 1)) + 1.0


def _cosine(a: dict[str, float], b: dict[str, float], families: tuple[str, ...] | None = None) -> float:
    if families is not None:
        a = {f: w for f, w in a.items() if f.split(":", 1)[0] in families}
        b = {f: w for f, w in b.items() if f.split(":", 1)[0] in families}
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(w * large.get(f, 0.0) for f, w in small.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb)


class StoryClusterer:
    def __init__(self, state: FusionState, params: StoryParams | None = None) -> None:
        self.state = state
        self.params = params or StoryParams()

    def weigh(self, sig: Signature) -> dict[str, float]:
        """The article's IDF-weighted vector (document frequencies as of now)."""
        n = self.state.n_docs()
        df = self.state.document_frequencies(list(sig.features))
        return {f: w * _idf(n, df.get(f, 0)) for f, w in sig.features.items()}

    def index_features(self, vector: dict[str, float]) -> list[str]:
        specific = [f for f in vector if f.split(":", 1)[0] in INDEXED]
        words = sorted((f for f in vector if f.startswith("w:")), key=lambda f: -vector[f])
        return specific + words[: self.params.indexed_words]

    def best_story(self, sig: Signature, vector: dict[str, float]) -> tuple[str | None, float]:
        since = (sig.published - timedelta(days=self.params.window_days)).isoformat() if sig.published else ""
        candidates = self.state.story_candidates(self.index_features(vector), since)
        best, best_score = None, 0.0
        for sid, story in sorted(self.state.get_stories(candidates).items()):
            score = self.similarity(vector, story)
            if score > best_score:
                best, best_score = sid, score
        return best, best_score

    def similarity(self, vector: dict[str, float], story: dict[str, Any]) -> float:
        n = max(1, len(story["articles"]))
        centroid = {f: w / n for f, w in story["features"].items()}
        full = _cosine(vector, centroid)
        cross = _cosine(vector, centroid, LANGUAGE_INDEPENDENT) * self.params.cross_lingual_factor
        return max(full, cross)

    def add(self, sig: Signature, forced_story: str | None = None) -> tuple[str, float]:
        """Assign ``sig`` to a story (``forced_story``: e.g. the story of the article it duplicates)."""
        vector = self.weigh(sig)
        if forced_story:
            story_id, score = forced_story, 1.0
        else:
            story_id, score = self.best_story(sig, vector)
            if story_id is None or score < self.params.threshold:
                story_id, score = f"s-{sig.article_id[:12]}", 0.0
        self._update(story_id, sig, vector)
        self.state.add_document_frequencies(list(sig.features))
        return story_id, score

    def _update(self, story_id: str, sig: Signature, vector: dict[str, float]) -> None:
        story = self.state.get_stories([story_id]).get(story_id) or _new_story()
        feats = Counter(story["features"])
        feats.update(vector)
        story["features"] = dict(feats.most_common(self.params.max_story_features))
        story["articles"].append(sig.article_id)
        when = sig.published.isoformat() if sig.published else ""
        if when:
            story["first_seen"] = min(filter(None, [story["first_seen"], when]))
            story["last_seen"] = max(story["last_seen"] or "", when)
        if sig.lang:
            story["langs"][sig.lang] = story["langs"].get(sig.lang, 0) + 1
        story["labels"].update({f: name for f, name in sig.labels.items() if f in story["features"]})
        self.state.put_story(story_id, story, self.index_features(vector))


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
