"""Near-duplicate articles: MinHash over word shingles, LSH banding, incremental grouping.

Syndicated and lightly edited copies share most of their 5-word shingles. Each article gets a 64-value MinHash
signature (datasketch); the signature is cut into 21 bands of 3 values and each band is an LSH bucket key, so two
texts with Jaccard similarity 0.6 meet in at least one bucket with probability ≈ 0.99 (0.94 at 0.5), while two
unrelated texts (Jaccard ~0.01) share a bucket with probability ~2·10⁻⁵: the candidates an article brings stay
few however large the store grows. (Two-value bands catch every copy at 0.5 but bring ~100 false candidates per
article at 30,000 stored articles, growing with the store.)
Candidates from the buckets are confirmed by the estimated Jaccard (≥ ``threshold``). A duplicate group is named
after its earliest member; copies do not count as independent sources.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS = 21
ROWS = 3  # 21 bands x 3 rows use 63 of the 64 values
SHINGLE = 5
DEFAULT_THRESHOLD = 0.5

_WORD = re.compile(r"\w+", re.UNICODE)


def normalise_tokens(text: str) -> list[str]:
    """Lower-cased word tokens without accents: copies that differ only in typography still match."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _WORD.findall(folded)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    tokens = normalise_tokens(text)
    if len(tokens) < k:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + k]).encode("utf-8") for i in range(len(tokens) - k + 1)}


@lru_cache(maxsize=1)
def _template() -> MinHash:
    # building the permutations is the costly part of MinHash(); copy them from one template
    return MinHash(num_perm=NUM_PERM, seed=1)


def minhash(text: str) -> np.ndarray:
    """The MinHash signature of ``text`` (uint64 array of NUM_PERM values)."""
    m = _template().copy()
    sh = shingles(text)
    if sh:
        m.update_batch(list(sh))
    return np.asarray(m.hashvalues, dtype=np.uint64)


def bands(signature: np.ndarray) -> list[bytes]:
    return [signature[i * ROWS : (i + 1) * ROWS].tobytes() for i in range(BANDS)]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_bytes(signature: np.ndarray) -> bytes:
    return signature.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    group: str  # the group's id: its earliest member
    matched: tuple[str, ...]  # stored articles that this one copies
    similarity: float
