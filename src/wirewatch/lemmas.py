"""Compact lookup lemmas: spacy-lookups-data's tables as two sorted arrays, cached on disk.

spaCy's lookup lemmatizer keeps each table as a Python dict of ~800,000 entries: about 200 MB for Spanish and
260 MB for Portuguese in every process, and seconds to load. The same table as sorted uint64 key hashes plus a
uint32 index into the distinct lemma strings takes ~10 MB, loads in milliseconds and is looked up for a whole
document at once with ``numpy.searchsorted``. The result is spaCy's lookup mode (the table's value for the
token's exact text, else the text itself) with one addition: a capitalised form the table lacks takes the value of
its lower-case form, so sentence-initial, all-caps and title-case-headline verbs ("Atacan", "MATAM") are
lemmatised too.

The arrays are built once per (language, spacy-lookups-data version) in a *separate process*, so that no
worker ever holds the big table, and cached in the wirewatch cache dir (``WIREWATCH_CACHE_DIR``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from . import enclitics
from .errors import ResourceError

FORMAT = 1


def cache_dir() -> Path:
    """The configured cache dir (user file, then WIREWATCH_CACHE_DIR): the gazetteer's, too."""
    from .config import load_config

    return load_config().cache_path


def table_path(lang: str) -> Path:
    return cache_dir() / f"lemmas-{lang}-{version('spacy-lookups-data')}-v{FORMAT}.npz"


def build(lang: str, path: Path) -> None:
    """Write the compact table for ``lang`` to ``path`` (atomically)."""
    from spacy.lookups import load_lookups

    table = load_lookups(lang, ["lemma_lookup"]).get_table("lemma_lookup")
    keys = np.fromiter(table.keys(), dtype=np.uint64, count=len(table))
    values = list(table.values())
    strings = sorted(set(values))
    position = {s: i for i, s in enumerate(strings)}
    idx = np.fromiter((position[v] for v in values), dtype=np.uint32, count=len(values))
    order = np.argsort(keys, kind="stable")
    blob = np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
    np.savez(tmp, keys=keys[order], idx=idx[order], strings=blob)
    os.replace(tmp, path)


@lru_cache(maxsize=4)
def load(lang: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(sorted key hashes, lemma index per key, lemma strings); built in a subprocess on first use."""
    path = table_path(lang)
    if not path.is_file():
        done = subprocess.run([sys.executable, "-m", "wirewatch.lemmas", lang, str(path)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0 or not path.is_file():
            raise ResourceError(f"cannot build the {lang} lemma table in {path.parent}: {done.stderr.strip()[-300:]}"
                                "; check that the cache dir is writable (WIREWATCH_CACHE_DIR)")
    with np.load(path) as data:
        strings = bytes(data["strings"]).decode("utf-8").split("\n")
        return data["keys"], data["idx"], strings


class CompactLemmatizer:
    """A spaCy component that sets ``token.lemma`` from the compact table, for the whole doc at once."""

    def __init__(self, nlp: Language, lang: str) -> None:
        self.lang = lang
        self.keys, idx, strings = load(lang)
        hashes = np.fromiter((nlp.vocab.strings.add(s) for s in strings), dtype=np.uint64, count=len(strings))
        self.lemma_of_key = hashes[idx]
        self.strings = nlp.vocab.strings

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n or not len(self.keys):
            return doc
        orths = np.fromiter((t.orth for t in doc), dtype=np.uint64, count=n)
        pos = np.minimum(np.searchsorted(self.keys, orths), len(self.keys) - 1)
        hit = self.keys[pos] == orths
        lemmas = np.where(hit, self.lemma_of_key[pos], orths)
        if not hit.all():
            # the tables hold lower-case forms: a verb opening a sentence or in an all-caps headline ("Atacan",
            # "ATACAM") takes the lemma of its lower-case form. A capitalised word inside a sentence is a name
            # ("el Chocó" is no form of "chocar") and keeps its own text.
            lowers = np.fromiter((t.lower for t in doc), dtype=np.uint64, count=n)
            pos_low = np.minimum(np.searchsorted(self.keys, lowers), len(self.keys) - 1)
            candidates = ~hit & (lowers != orths) & (self.keys[pos_low] == lowers)
            titled: dict[int, bool] = {}  # line start -> the line is a title-case headline
            for i in np.flatnonzero(candidates).tolist():  # few per doc: capitalised words the table lacks
                if _opens(doc, i) or _in_title_line(doc, i, titled):
                    lemmas[i] = self.lemma_of_key[pos_low[i]]
        if self.lang in ("es", "pt"):
            self._enclitics(doc, lemmas)
        for token, lemma in zip(doc, lemmas.tolist(), strict=True):
            token.lemma = lemma
        return doc


    def _enclitics(self, doc: Doc, lemmas: np.ndarray) -> None:
        """Lemma "negar-se" for "negándose" and "reunir-se" for "reuniram-se": the verb's lemma, then the
        pronouns, so that :func:`wirewatch.actors.make_units` gives the verb and each pronoun a unit."""
        # every such form, known to the table or not: the lexicon's patterns are cut the same way regardless
        ends = enclitics.ENDINGS[self.lang]
        for i, token in enumerate(doc):
            text = token.text
            if not text.endswith(ends) or not (text.islower() or _opens(doc, i)):
                continue
            cut = enclitics.split(text.lower(), self.lang)
            if cut is not None:
                verb = self._verb_lemma(*cut)
                lemmas[i] = self.strings.add("-".join((verb, *cut[1])))

    def _verb_lemma(self, verb: str, pronouns: tuple[str, ...]) -> str:
        forms = enclitics.verb_candidates(verb, pronouns, self.lang)
        for form in forms:
            key = self.strings.add(form)
            pos = min(int(np.searchsorted(self.keys, np.uint64(key))), len(self.keys) - 1)
            if self.keys[pos] == key:
                return self.strings[int(self.lemma_of_key[pos])]
        return next((f for f in forms if enclitics.infinitive_like(f)), forms[0])


#: tokens after which a capitalised word opens a sentence, a headline or a quotation
_OPENERS = frozenset({".", "!", "?", ":", ";", "—", "–", "-", '"', "“", "«", "¿", "¡", "'", "‘", "(", "|"})


def _opens(doc: Doc, i: int) -> bool:
    """True when token ``i`` may carry a capital for its position, not because it is a name."""
    token = doc[i]
    if len(token) > 1 and token.is_upper:
        return True
    if i == 0:
        return True
    prev = doc[i - 1]
    return prev.text in _OPENERS or (prev.is_space and "\n" in prev.text) or token.is_sent_start is True


def _in_title_line(doc: Doc, i: int, cache: dict[int, bool]) -> bool:
    """True when token ``i`` stands in a title-case headline line ("Rebeldes Atacan Base Militar En El Norte"):
    there every word is capitalised, so a capital says nothing about a name. A line is title case with at least
    four words, seven in ten of them capitalised."""
    start = i
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
    if start not in cache:
        end = i
        while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text):
            end += 1
        words = [t for t in doc[start:end] if t.is_alpha]
        cache[start] = len(words) >= 4 and sum(t.text[:1].isupper() for t in words) >= 0.7 * len(words)
    return cache[start]


@Language.factory("ww_lemmas", default_config={"lang": "en"})
def _make_lemmatizer(nlp: Language, name: str, lang: str) -> CompactLemmatizer:
    return CompactLemmatizer(nlp, lang)


if __name__ == "__main__":
    build(sys.argv[1], Path(sys.argv[2]))
