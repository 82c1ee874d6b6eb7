"""Language-independent signatures of articles, for cross-lingual story clustering without translation.

An article's signature is a bag of weighted features. Most are the same in every language because earlier
stages resolved them to ids: places (GeoNames/supplement refs and their admin1 and country), actors (dictionary
ids), event types, event dates and casualty figures. Proper names are nearly language-independent too
("Palma", "Mocímboa da Praia"). Content words compare texts *within* one language (they carry the language in
the feature name, so "ataque" never matches "attack").
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from ..nlp import data_lines, lang_resource
from ..records import Article

# base weights per feature family; language-independent evidence weighs more than shared words
WEIGHTS = {"pl": 3.0, "a1": 1.0, "cc": 0.5, "ac": 2.0, "ev": 1.0, "dt": 1.5, "fg": 2.0, "nm": 1.5, "w": 1.0}
# an event date or a casualty figure is one fact of the article however many event mentions repeat it
ONCE = frozenset({"dt", "fg"})
GENERIC_ACTOR_FACTOR = 0.25
INDEXED = ("pl", "ac", "nm")  # families used to find candidate stories (dates and figures are too common)
MAX_WORDS = 25
MAX_NAMES = 20

_WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


@lru_cache(maxsize=8)
def stopwords(lang: str) -> frozenset[str]:
    try:
        return frozenset(fold(w) for w in data_lines(lang_resource(lang, "stopwords.txt")))
    except Exception:  # an unsupported language simply has no stop list
        return frozenset()


@dataclass(frozen=True, slots=True)
class Signature:
    article_id: str
    lang: str | None
    site: str | None
    published: datetime | None
    features: dict[str, float] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # feature -> display name (place, actor)

    def family(self, name: str) -> dict[str, float]:
        return {f: w for f, w in self.features.items() if f.startswith(name + ":")}


def article_signature(article: Article) -> Signature:
    feats: Counter[str] = Counter()
    labels: dict[str, str] = {}
    _place_features(article, feats, labels)
    _event_features(article, feats, labels)
    _name_and_word_features(article, feats)
    weighted = {f: _weight(f, n) for f, n in feats.items()}
    return Signature(article.id, article.lang, article.site, article.published or article.retrieved_at,
                     weighted, labels)


def _weight(feature: str, count: int) -> float:
    family = feature.split(":", 1)[0]
    if family in ONCE:
        count = 1
    weight = WEIGHTS[family] * (1.0 + math.log(count))
    # a generic class ("gunmen", "civilians", "the military") is said of every attack: it hardly tells stories
    # apart, unlike a named group
    return weight * GENERIC_ACTOR_FACTOR if feature.startswith(_BROAD_ACTORS) else weight


#: actor classes said of many stories: generic ones ("gunmen") and a country's state roles ("the Brazilian
#: police", "Military Forces of Nigeria"), which every report from that country may name
_BROAD_ACTORS = ("ac:gen-", "ac:mil-", "ac:pol-", "ac:gov-", "ac:leg-")


def _place_features(article: Article, feats: Counter[str], labels: dict[str, str]) -> None:
    for p in article.places:
        if p.metonymy:
            continue
        if p.feature not in ("country",):
            feats[f"pl:{p.ref}"] += 1
            labels[f"pl:{p.ref}"] = p.name
        if p.country and p.admin1:
            feats[f"a1:{p.country}.{p.admin1}"] += 1
        if p.country:
            feats[f"cc:{p.country}"] += 1


def _event_features(article: Article, feats: Counter[str], labels: dict[str, str]) -> None:
    for ev in article.events:
        if ev.negated or ev.hypothetical or ev.future:
            continue
        feats[f"ev:{ev.acled_event_type or ev.plover_type}"] += 1
        for actor in (*ev.actors, *ev.recipients):
            if actor.actor_id and actor.actor_id != "unidentified":
                feats[f"ac:{actor.actor_id}"] += 1
                labels[f"ac:{actor.actor_id}"] = actor.name or actor.text
        if ev.date_start and ev.date_start == ev.date_end:
            feats[f"dt:{ev.date_start.isoformat()}"] += 1
    for fig in article.figures:
        if fig.category in ("killed", "injured", "abducted", "missing", "displaced", "arrested"):
            feats[f"fg:{fig.category}:{fig.low}"] += 1


def _name_and_word_features(article: Article, feats: Counter[str]) -> None:
    lang = article.lang or "xx"
    stops = stopwords(lang)
    names: Counter[str] = Counter()
    words: Counter[str] = Counter()
    text = f"{article.title or ''}\n{article.text}"
    prev_end = 0
    for m in _WORD.finditer(text):
        token = m.group(0)
        low = fold(token)
        # a capital after a sentence end is not evidence of a name
        sentence_start = prev_end == 0 or any(c in ".!?\n:" for c in text[prev_end : m.start()])
        prev_end = m.end()
        if low in stops or len(low) <= 2:
            continue
        if token[0].isupper() and not sentence_start:
            names[low] += 1
        elif len(low) >= 4:
            words[low] += 1
    for name, n in names.most_common(MAX_NAMES):
        feats[f"nm:{name}"] += n
    for word, n in words.most_common(MAX_WORDS):
        feats[f"w:{lang}:{word}"] += n
