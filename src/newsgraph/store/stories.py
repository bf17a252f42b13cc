"""Near duplicates: MinHash signatures of an article's word shingles, banded for lookup.

Syndicated copies of one story differ by a headline, a byline, a caption or a
trimmed paragraph; their sets of five-word shingles still overlap far more
than any two different stories do. On the extraction-dev pages, each cleaned
once from its HTML and once from its text dump, the two copies of a story
score 0.5–1.0 where most of the text survived both cleanings, while the most
similar pair of different stories scores 0.03: SAME_STORY is 0.5. 128
permutations in 32 bands of 4 make a pair at 0.5 a candidate with
probability 0.87 and a pair at 0.7 with 0.9998; candidates are then checked
on the full signature. Bands live in the database (`story_bands`), so the
lookup works across runs and processes with an index, no in-memory LSH.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
SAME_STORY = 0.5


def signature(text: str) -> bytes:
    """The MinHash signature of the text's lower-cased five-word shingles."""
    words = text.lower().split()
    shingles = {
        " ".join(words[i : i + SHINGLE]).encode() for i in range(max(1, len(words) - SHINGLE + 1))
    }
    minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
    minhash.update_batch(list(shingles))
    return np.asarray(minhash.hashvalues, dtype="<u8").tobytes()


def bands(sig: bytes) -> list[int]:
    """One 63-bit hash per band (so that it fits a signed BIGINT column)."""
    size = ROWS * 8
    return [
        int.from_bytes(hashlib.blake2b(sig[i * size : (i + 1) * size], digest_size=8).digest()) >> 1
        for i in range(BANDS)
    ]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.frombuffer(a, dtype="<u8") == np.frombuffer(b, dtype="<u8")))
