"""The text backbone: per-language spaCy blank pipelines (tokenizer, sentences, lookup lemmas).

Pipelines are created lazily and cached per process (creating the Portuguese one takes seconds). Token and
sentence offsets are exact character offsets into the text they were built from, so every span a later stage
derives from a token maps straight into ``Article.text``.

Sentence boundaries come from our own component rather than spaCy's sentencizer: the sentencizer splits after
every "Mr." and "Gen.", which in news text breaks attribution ("said Gen. Hassan") across sentences. The
abbreviation lists are data files in ``lang/<code>/abbreviations.txt``.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, cast

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

if TYPE_CHECKING:
    from thinc.types import Ints2d

from . import lemmas  # noqa: F401 - registers the ww_lemmas component
from .errors import ResourceError
from .records import Span

SUPPORTED_LANGUAGES = ("en", "es", "pt")

_LOCK = threading.Lock()
_PIPELINES: dict[str, Language] = {}

_CLOSERS = {'"', "'", "”", "’", "»", ")", "]"}
_OPENERS = {"“", "«", "¿", "¡", "(", "["}
_ENDERS = {".", "!", "?", "…", "...", "?!", "!?"}


def lang_resource(lang: str, name: str) -> str:
    """Text of a packaged per-language data file, ``lang/<code>/<name>``."""
    try:
        return resources.files("wirewatch").joinpath(f"lang/{lang}/{name}").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"missing language resource lang/{lang}/{name}; reinstall wirewatch") from exc


def data_lines(text: str) -> list[str]:
    """Non-empty lines of a data file, with ``#`` comments removed."""
    out = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip() if not line.startswith("#") else ""
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=8)
def abbreviations(lang: str) -> frozenset[str]:
    """Lower-cased abbreviations (without the final dot) after which a period does not end a sentence."""
    return frozenset(x.lower().rstrip(".") for x in data_lines(lang_resource(lang, "abbreviations.txt")))


def _set_sentence_starts(doc: Doc) -> Doc:
    abbr = abbreviations(doc.lang_)
    n = len(doc)
    if not n:
        return doc
    starts = [1] + [1 if _starts_sentence(doc, i, doc[i - 1].text, doc[i].text, abbr) else -1 for i in range(1, n)]
    # one array write: setting Token.is_sent_start token by token re-scans the whole doc each time (quadratic)
    flags = numpy.array(starts, dtype=numpy.int64).astype(numpy.uint64).reshape(-1, 1)  # spaCy's -1 is 2**64-1
    doc.from_array([SENT_START], cast("Ints2d", flags))
    return doc


def _starts_sentence(doc: Doc, i: int, prev: str, cur: str, abbr: frozenset[str]) -> bool:
    if "\n" in prev and prev.isspace():
        return True
    if cur.isspace() or (cur in _CLOSERS and not doc[i - 1].whitespace_):
        return False
    if prev in _OPENERS or (prev in _CLOSERS and i > 1 and doc[i - 2].whitespace_):
        return False  # an opening quote: the sentence started at the quote, not after it
    # walk back over closing quotes/brackets (attached to the word before) to the end of the clause
    j = i - 1
    while j > 0 and doc[j].text in _CLOSERS and not doc[j - 1].whitespace_:
        j -= 1
    end = doc[j].text
    if end not in _ENDERS and not (end.endswith(".") and len(end) > 1):
        return False
    if not (cur[0].isupper() or cur[0].isdigit() or cur[0] in "\"“«'¿¡(—–-"):
        return False
    if end.endswith(".") and end not in _ENDERS:
        # token with an attached period ("Sr.", "U.S.") - an abbreviation unless followed by a new sentence cue
        return end.lower().rstrip(".") not in abbr and not re.fullmatch(r"(?:[A-Za-z]\.)+", end)
    if end == "." and j > 0:
        before = doc[j - 1].text.lower()
        if before in abbr or (len(before) == 1 and before.isalpha()):
            return False
    return True


@Language.component("ww_sentences")
def _ww_sentences(doc: Doc) -> Doc:
    return _set_sentence_starts(doc)


def get_nlp(lang: str) -> Language:
    """The cached pipeline for ``lang`` (one of :data:`SUPPORTED_LANGUAGES`)."""
    if lang not in SUPPORTED_LANGUAGES:
        raise ResourceError(f"no text pipeline for language {lang!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    nlp = _PIPELINES.get(lang)
    if nlp is None:
        with _LOCK:
            nlp = _PIPELINES.get(lang)
            if nlp is None:
                nlp = _build(lang)
                _PIPELINES[lang] = nlp
    return nlp


def _build(lang: str) -> Language:
    nlp = spacy.blank(lang)
    nlp.add_pipe("ww_sentences")
    nlp.add_pipe("ww_lemmas", config={"lang": lang})  # spaCy's lookup lemmas, compact (see lemmas.py)
    nlp.initialize()
    nlp.max_length = 5_000_000
    return nlp


def make_doc(text: str, lang: str) -> Doc:
    """Tokenise, split sentences and lemmatise ``text``; offsets are exact into ``text``."""
    return get_nlp(lang)(text)


def sentence_spans(doc: Doc, text: str | None = None) -> tuple[Span, ...]:
    """Sentences as character spans, trimmed of surrounding whitespace; empty ones dropped. ``text``: the
    text ``doc`` was made from, when the caller has it (spaCy rebuilds ``doc.text`` token by token)."""
    out: list[Span] = []
    text = doc.text if text is None else text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Span(start, end))
    return tuple(out)


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """Paragraphs are the non-blank lines of the extracted text (extraction puts one paragraph per line)."""
    out: list[Span] = []
    for m in re.finditer(r"[^\n]+", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Span(start, end))
    return tuple(out)
