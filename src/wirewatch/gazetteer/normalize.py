"""Name normalisation shared by the index builder and the recogniser, so both sides produce the same keys.

A key is lower-case ASCII-folded words separated by single spaces: diacritics, apostrophes, hyphens, dots and
other punctuation do not matter ("São Paulo" = "sao paulo", "Qa'im" = "qaim", "U.S." = "u s").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans("", "", "'’`´ʼʻ‘")
_NON_WORD = re.compile(r"[^0-9a-z]+")

#: Leading words dropped to make a second lookup key. Only the Arabic article and English "the": Spanish and
#: Portuguese articles are part of many names ("La Paz", "El Salvador", "Los Angeles") and are never dropped
#: from index names; an article *before* a name in running text ("el Cairo") is skipped by the recogniser.
STRIPPABLE_PREFIXES = ("al ", "el ", "the ")
_ARABIC_PREFIXES = ("al ", "el ", "ad ", "an ", "ar ", "as ", "at ", "az ")


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """The lookup key of a name or of a run of tokens."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = folded.translate(_APOSTROPHES).replace("ß", "ss").replace("ø", "o").replace("ł", "l")
    return _NON_WORD.sub(" ", folded).strip()


def is_latin(text: str) -> bool:
    """True when every letter folds to ASCII: names in other scripts are useless for en/es/pt text."""
    folded = unicodedata.normalize("NFKD", text)
    return all(ord(c) < 0x250 or unicodedata.combining(c) or not c.isalpha() for c in folded)


def key_variants(name: str) -> list[str]:
    """Keys under which an index name is stored: the name itself, and without an Arabic article ("al-Anbar",
    "Anbar") or English "the" ("The Hague"). Only the Arabic article is *added* to bare names too."""
    key = normalize(name)
    if not key:
        return []
    out = [key]
    for prefix in ("al ", "the "):
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            out.append(key[len(prefix) :])
    return out


def lookup_keys(key: str) -> list[str]:
    """Keys to try for a normalised mention: itself, then without an Arabic or English article."""
    out = [key]
    for prefix in (*_ARABIC_PREFIXES, "the "):
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            out.append(key[len(prefix) :])
            break
    return out
