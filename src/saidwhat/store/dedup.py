"""Copies and near-duplicates: normalised-text hashes, MinHash signatures and LSH bands.

Pure functions on text; ``saidwhat.store.copies`` keeps the bands in the database and links copies.

An article's text is normalised (NFKC, lower case, words only) and cut into word 3-shingles.
Exact copies share the hash of the normalised words. Near copies are found in two steps:
MinHash (datasketch) signatures split into LSH bands give candidates cheaply (the bands are
stored in the database, so every process sees the same index), then a candidate is verified on
the real shingle sets: it is a copy when the Jaccard similarity is at least ``NEAR_JACCARD`` or the
shorter text is at least ``NEAR_CONTAINMENT`` contained in the longer one.

The thresholds were chosen on the 840 PolNeAR train articles (see docs/corpus.md): pairs of
different stories on the same events reach at most Jaccard 0.14 / containment 0.53 on 3-shingles,
while re-published versions of one story reach Jaccard >= 0.5.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from datasketch import MinHash

__all__ = [
    "BANDS",
    "EXACT_JACCARD",
    "NEAR_CONTAINMENT",
    "NEAR_JACCARD",
    "NUM_PERM",
    "ROWS",
    "SHINGLE_SIZE",
    "CopyKind",
    "Fingerprint",
    "compare",
    "fingerprint",
    "normalised_words",
    "shingles",
    "text_hash",
]

SHINGLE_SIZE = 3
BANDS = 40
ROWS = 2
NUM_PERM = BANDS * ROWS
#: verification thresholds (see module docstring)
NEAR_JACCARD = 0.30
NEAR_CONTAINMENT = 0.60
#: at or above this Jaccard a copy is "exact" (the same text with little clutter around it)
EXACT_JACCARD = 0.90
#: containment alone links only texts with at least this many shingles (tiny texts overlap by chance)
MIN_CONTAINMENT_SHINGLES = 50
_SEED = 20240601
_WORD = re.compile(r"\w+")
_PERMS: MinHash | None = None

CopyKind = Literal["exact", "near"]


def normalised_words(text: str) -> list[str]:
    """Words of the text, NFKC-normalised and lower-cased; punctuation and spacing are dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def text_hash(text: str) -> str:
    """SHA-256 of the normalised words: equal for texts differing only in spacing, case, punctuation."""
    return hashlib.sha256(" ".join(normalised_words(text)).encode("utf-8")).hexdigest()


def shingles(text: str, k: int = SHINGLE_SIZE) -> set[bytes]:
    words = normalised_words(text)
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


@dataclass(frozen=True)
class Fingerprint:
    """What the store keeps to find copies of an article: its LSH band buckets."""

    bands: list[tuple[int, int]]
    n_shingles: int


def _minhash() -> MinHash:
    global _PERMS
    if _PERMS is None:
        _PERMS = MinHash(num_perm=NUM_PERM, seed=_SEED)
    # Reusing the permutations of one instance avoids regenerating them per article.
    return MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=_PERMS.permutations, scheme=_PERMS.scheme)


def fingerprint(sh: set[bytes]) -> Fingerprint:
    """MinHash the shingles and hash each band of ``ROWS`` values to a signed 64-bit bucket."""
    mh = _minhash()
    if sh:
        mh.update_batch(list(sh))
    values = mh.hashvalues
    bands = []
    for b in range(BANDS):
        chunk = values[b * ROWS : (b + 1) * ROWS].tobytes()
        bucket = int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big", signed=True)
        bands.append((b, bucket))
    return Fingerprint(bands=bands, n_shingles=len(sh))


def compare(a: set[bytes], b: set[bytes]) -> tuple[CopyKind | None, float]:
    """Verify a candidate pair on real shingle sets: (kind or None, similarity reported)."""
    if not a or not b:
        return None, 0.0
    inter = len(a & b)
    jaccard = inter / (len(a) + len(b) - inter)
    small = min(len(a), len(b))
    containment = inter / small
    if jaccard >= EXACT_JACCARD:
        return "exact", round(jaccard, 4)
    if jaccard >= NEAR_JACCARD:
        return "near", round(jaccard, 4)
    if containment >= NEAR_CONTAINMENT and small >= MIN_CONTAINMENT_SHINGLES:
        return "near", round(containment, 4)
    return None, round(jaccard, 4)
